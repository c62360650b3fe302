//! Concurrent edits never silently overwrite each other; concurrent creates never fail with a
//! database error; acknowledged writes survive a crash.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{gemeente, TestApp};
use actix_web::http::Method;
use koers::db::Backend;
use serde_json::{json, Value};

async fn same_if_match_exactly_one_wins(app: TestApp) {
    let t = app.token("platformbeheerder").await;
    let id = gemeente(&app, "0392", "Haarlem").await;
    let uri = format!("/api/v1/gemeenten/{id}");
    let attempts = (0..8).map(|i| {
        let body = json!({"cbsCode": "0392", "naam": format!("Haarlem {i}")});
        app.request(
            Method::PUT,
            &uri,
            Some(&t),
            Some(body),
            &[("if-match", "\"1\"")],
        )
    });
    let results = futures::future::join_all(attempts).await;
    let won: Vec<_> = results
        .iter()
        .filter(|r| r.status.as_u16() == 200)
        .collect();
    let lost = results.iter().filter(|r| r.status.as_u16() == 412).count();
    assert_eq!(
        won.len(),
        1,
        "exactly one update with If-Match \"1\" may win"
    );
    assert_eq!(
        lost,
        7,
        "the others get 412: {:?}",
        results.iter().map(|r| r.status).collect::<Vec<_>>()
    );
    let now = app.get(&uri, &t).await;
    assert_eq!(now.body["versie"], 2);
    assert_eq!(now.body["naam"], won[0].body["naam"]);
}

async fn fifty_concurrent_creates(app: TestApp) {
    let t = app.token("beheerder").await;
    let creates = (0..50).map(|i| {
        app.post(
            "/api/v1/werkgebieden",
            &t,
            json!({"naam": format!("Gebied {i:02}")}),
        )
    });
    let results = futures::future::join_all(creates).await;
    for r in &results {
        let s = r.status.as_u16();
        assert!(
            s == 201 || s == 503 || s == 409,
            "unexpected {s}: {}",
            r.body
        );
        if s != 201 {
            assert_eq!(
                r.header("content-type").as_deref(),
                Some("application/problem+json")
            );
        }
    }
    let created = results.iter().filter(|r| r.status.as_u16() == 201).count();
    let listed = app.get("/api/v1/werkgebieden?pageSize=200", &t).await;
    assert_eq!(
        listed.body["total"].as_i64().unwrap() as usize,
        created,
        "every acknowledged create is there"
    );
    assert!(
        created >= 45,
        "a pool of four connections should serve nearly all 50 creates, got {created}"
    );
}

both_backends!(same_if_match_exactly_one_wins, fifty_concurrent_creates);

/// A burst larger than the pool queues for a connection instead of failing: with one connection,
/// thirty reads, creates and requests that fail (a missing record, a duplicate) all get their
/// own answer, and a failed request gives its connection back.
async fn a_burst_waits_for_the_one_connection(backend: Backend) {
    let app = TestApp::start_with(backend, |c| c.pool_size = 1).await;
    let t = app.token("beheerder").await;
    let missing = format!("/api/v1/werkgebieden/{}", uuid::Uuid::now_v7());
    let requests: Vec<(Method, String, Option<Value>)> = (0..30)
        .map(|i| match i % 3 {
            0 => (Method::GET, "/api/v1/werkgebieden".to_string(), None),
            1 => (Method::GET, missing.clone(), None),
            // Every second create repeats a name: a conflict, answered and rolled back.
            _ => (
                Method::POST,
                "/api/v1/werkgebieden".to_string(),
                Some(json!({"naam": format!("Gebied {}", i / 6)})),
            ),
        })
        .collect();
    let burst = requests
        .iter()
        .map(|(method, uri, body)| app.request(method.clone(), uri, Some(&t), body.clone(), &[]));
    let results = futures::future::join_all(burst).await;
    let statuses: Vec<u16> = results.iter().map(|r| r.status.as_u16()).collect();
    for (i, s) in statuses.iter().enumerate() {
        let expected: &[u16] = match i % 3 {
            0 => &[200],
            1 => &[404],
            _ => &[201, 409],
        };
        assert!(expected.contains(s), "request {i}: {s}");
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 5);
    let listed = app.get("/api/v1/werkgebieden", &t).await;
    listed.assert(200);
    assert_eq!(listed.body["total"], 5);
}

#[actix_web::test]
async fn a_burst_waits_for_the_one_connection_sqlite() {
    a_burst_waits_for_the_one_connection(Backend::Sqlite).await;
}

#[actix_web::test]
async fn a_burst_waits_for_the_one_connection_postgres() {
    a_burst_waits_for_the_one_connection(Backend::Postgres).await;
}

struct Server {
    child: Child,
    base: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(database_url: &str, data_dir: &std::path::Path) -> Server {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_koers"))
        .env("KOERS_DATABASE_URL", database_url)
        .env("KOERS_DATA_DIR", data_dir)
        .env("KOERS_BIND", format!("127.0.0.1:{port}"))
        .env("KOERS_ADMIN_EMAIL", "admin@durable.example")
        .env("KOERS_ADMIN_PASSWORD", "een-lang-wachtwoord")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start koers");
    let base = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    while ureq::get(&format!("{base}/health/ready")).call().is_err() {
        assert!(Instant::now() < deadline, "koers did not become ready");
        std::thread::sleep(Duration::from_millis(100));
    }
    Server { child, base }
}

fn login(base: &str) -> String {
    let mut r = ureq::post(&format!("{base}/api/v1/auth/login"))
        .send_json(json!({"email": "admin@durable.example", "password": "een-lang-wachtwoord"}))
        .expect("login");
    let v: Value = r.body_mut().read_json().unwrap();
    v["accessToken"].as_str().unwrap().to_string()
}

/// Writes gemeenten as fast as they are acknowledged, kills the server with SIGKILL in the middle,
/// restarts it and finds every acknowledged record.
fn acknowledged_writes_survive_sigkill(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (url, pg_name) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}", dir.path().join("koers.db").display()),
            None,
        ),
        Backend::Postgres => {
            use diesel::connection::SimpleConnection;
            use diesel::Connection;
            let admin = std::env::var("KOERS_TEST_DATABASE_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
            let name = format!("koers_durable_{}", uuid::Uuid::new_v4().simple());
            let mut c = diesel::PgConnection::establish(&admin)
                .expect("PostgreSQL is required for the tests");
            c.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
            let base = admin.rsplit_once('/').unwrap().0;
            (format!("{base}/{name}"), Some((admin, name)))
        }
    };
    let mut server = start(&url, dir.path());
    let token = login(&server.base);
    let writer_base = server.base.clone();
    let writer = std::thread::spawn(move || {
        let mut acknowledged = Vec::new();
        for i in 0..10_000 {
            let r = ureq::post(&format!("{writer_base}/api/v1/gemeenten"))
                .header("Authorization", &format!("Bearer {token}"))
                .send_json(
                    json!({"cbsCode": format!("{:04}", i), "naam": format!("Gemeente {i}")}),
                );
            match r {
                Ok(mut resp) if resp.status() == 201 => {
                    let v: Value = resp.body_mut().read_json().unwrap();
                    acknowledged.push(v["cbsCode"].as_str().unwrap().to_string());
                }
                _ => break,
            }
        }
        acknowledged
    });
    std::thread::sleep(Duration::from_millis(1500));
    server.child.kill().expect("SIGKILL");
    server.child.wait().unwrap();
    let acknowledged = writer.join().unwrap();
    assert!(
        acknowledged.len() > 10,
        "the writer got only {} writes in before the kill",
        acknowledged.len()
    );

    let mut server = start(&url, dir.path());
    let token = login(&server.base);
    let mut present = std::collections::HashSet::new();
    let mut page = 1;
    loop {
        let mut r = ureq::get(&format!(
            "{}/api/v1/gemeenten?pageSize=200&page={page}&sort=cbsCode",
            server.base
        ))
        .header("Authorization", &format!("Bearer {token}"))
        .call()
        .unwrap();
        let v: Value = r.body_mut().read_json().unwrap();
        let items = v["items"].as_array().unwrap();
        if items.is_empty() {
            break;
        }
        present.extend(
            items
                .iter()
                .map(|i| i["cbsCode"].as_str().unwrap().to_string()),
        );
        page += 1;
    }
    let _ = server.child.kill();
    let _ = server.child.wait();
    if let Some((admin, name)) = pg_name {
        use diesel::connection::SimpleConnection;
        use diesel::Connection;
        if let Ok(mut c) = diesel::PgConnection::establish(&admin) {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|c| !present.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged writes lost after SIGKILL: {missing:?}",
        missing.len()
    );
}

#[test]
fn acknowledged_writes_survive_sigkill_sqlite() {
    acknowledged_writes_survive_sigkill(Backend::Sqlite);
}

#[test]
fn acknowledged_writes_survive_sigkill_postgres() {
    acknowledged_writes_survive_sigkill(Backend::Postgres);
}

/// Connections are not pinged before each request, so when PostgreSQL drops them (a restart
/// or fail-over) the pool must heal by itself: a dead connection fails at most one request, with
/// a `503` the client may retry, and is not handed out again. One connection makes it certain
/// that the requests after it meet the dropped one.
#[actix_web::test]
async fn pool_heals_after_the_server_drops_its_connection() {
    use diesel::prelude::*;
    let app = TestApp::start_with(Backend::Postgres, |c| c.pool_size = 1).await;
    let token = app.token("beheerder").await;
    app.get("/api/v1/scholen", &token).await.assert(200);
    let mut admin = diesel::PgConnection::establish(&app.database_url()).expect("admin");
    // Every other connection to the test database, the server's among them.
    let dropped = diesel::sql_query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut admin)
    .expect("terminate");
    assert!(dropped >= 1, "the server's connection was dropped");
    let r = app.get("/api/v1/scholen", &token).await;
    if r.status != 200 {
        crate::common::assert_problem(&r, 503);
        assert_eq!(r.header("retry-after").as_deref(), Some("1"));
    }
    for _ in 0..3 {
        app.get("/api/v1/scholen", &token).await.assert(200);
    }
}
