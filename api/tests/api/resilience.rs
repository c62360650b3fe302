//! A database connection that the server closes (restart, failover, `pg_terminate_backend`) is
//! a `503` with `Retry-After`, never a `500`, and the pool replaces it. PostgreSQL only by
//! nature: SQLite has no server that can drop a connection.

use std::time::{Duration, Instant};

use crate::common::TestApp;
use diesel::prelude::*;
use koers::db::Backend;

/// Ends every connection to the test's database but the one asking, as an operator would.
fn terminate_backends(app: &TestApp) -> usize {
    let mut c = diesel::PgConnection::establish(&app.database_url()).expect("connect");
    #[derive(QueryableByName)]
    struct Ended {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        ended: bool,
    }
    let rows: Vec<Ended> = diesel::sql_query(
        "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .load(&mut c)
    .expect("terminate");
    rows.iter().filter(|r| r.ended).count()
}

#[actix_web::test]
async fn dropped_connections_are_503_and_recover_postgres() {
    let app = TestApp::start(Backend::Postgres).await;
    let token = app.token("beheerder").await;
    // Fill the pool: every connection is open when the server ends them.
    let warm =
        futures::future::join_all((0..8).map(|_| app.get("/api/v1/werkgebieden", &token))).await;
    assert!(warm.iter().all(|r| r.status == 200));
    let ended = terminate_backends(&app);
    assert!(ended > 0, "no connection to end");
    // Let the server's side of the sockets close before the burst.
    actix_web::rt::time::sleep(Duration::from_millis(100)).await;

    let burst = futures::future::join_all((0..20).map(|i| {
        let path = if i % 2 == 0 {
            "/api/v1/werkgebieden"
        } else {
            "/api/v1/auth/me"
        };
        app.get(path, &token)
    }))
    .await;
    for r in &burst {
        match r.status.as_u16() {
            200 => {}
            503 => {
                crate::common::assert_problem(r, 503);
                assert_eq!(r.header("retry-after").as_deref(), Some("1"), "{}", r.body);
                assert_eq!(r.body["type"], "urn:koers:problem:niet-beschikbaar");
            }
            other => panic!("after the connections were ended: {other} {}", r.body),
        }
    }

    let started = Instant::now();
    loop {
        let answers =
            futures::future::join_all((0..4).map(|_| app.get("/api/v1/werkgebieden", &token)))
                .await;
        if answers.iter().all(|r| r.status == 200) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "not recovered after {:?}: {:?}",
            started.elapsed(),
            answers
                .iter()
                .map(|r| r.status.as_u16())
                .collect::<Vec<_>>()
        );
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    let ready = app
        .request(
            actix_web::http::Method::GET,
            "/health/ready",
            None,
            None,
            &[],
        )
        .await;
    ready.assert(200);

    // A write on an ended connection is not retried, but it is a 503 as well.
    terminate_backends(&app);
    actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    let writes = futures::future::join_all((0..6).map(|i| {
        app.post(
            "/api/v1/werkgebieden",
            &token,
            serde_json::json!({"naam": format!("Na de storing {i}")}),
        )
    }))
    .await;
    for r in &writes {
        assert!(
            r.status == 201 || (r.status == 503 && r.header("retry-after").is_some()),
            "a write after the connections were ended: {} {}",
            r.status,
            r.body
        );
    }
}

/// While the database cannot be reached, `/health/ready` says so (and quickly).
#[actix_web::test]
async fn not_ready_without_the_database_postgres() {
    let app = TestApp::start(Backend::Postgres).await;
    let r = app
        .request(
            actix_web::http::Method::GET,
            "/health/ready",
            None,
            None,
            &[],
        )
        .await;
    r.assert(200);
    // Connections to the database are refused from now on, and the open ones are ended.
    let name = app.database_url().rsplit('/').next().unwrap().to_string();
    let admin = std::env::var("KOERS_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let mut c = diesel::PgConnection::establish(&admin).expect("connect");
    use diesel::connection::SimpleConnection;
    c.batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
        .unwrap();
    terminate_backends_of(&mut c, &name);
    let started = Instant::now();
    let r = app
        .request(
            actix_web::http::Method::GET,
            "/health/ready",
            None,
            None,
            &[],
        )
        .await;
    let took = started.elapsed();
    c.batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .unwrap();
    r.assert(503);
    assert_eq!(r.body["database"], "onbereikbaar", "{}", r.body);
    assert!(took < Duration::from_secs(4), "the probe took {took:?}");
}

fn terminate_backends_of(c: &mut diesel::PgConnection, name: &str) {
    diesel::sql_query(format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    ))
    .execute(c)
    .expect("terminate");
}
