//! The cross-cutting contract: headers on every response, request ids in problems, health,
//! metrics, the OpenAPI document and its reference page, CORS, the committed OpenAPI file and
//! the parity of the two backends' migrations.

use std::collections::{BTreeSet, HashSet};

use crate::common::{Resp, TestApp};
use actix_web::http::Method;
use actix_web::test::TestRequest;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_migrations::MigrationHarness;
use serde_json::{json, Value};

const SEMVER: &str =
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$";

fn semver(v: &str) -> bool {
    regex::Regex::new(SEMVER).unwrap().is_match(v)
}

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: Option<&str>,
    body: Option<(&str, &str)>,
    headers: &[(&str, &str)],
) -> Resp {
    let mut req = TestRequest::default()
        .method(method)
        .uri(path)
        .peer_addr("10.4.5.6:4567".parse().unwrap());
    if let Some(t) = token {
        req = req.insert_header(("authorization", format!("Bearer {t}")));
    }
    for (k, v) in headers {
        req = req.insert_header((*k, *v));
    }
    if let Some((ct, b)) = body {
        req = req
            .insert_header(("content-type", ct))
            .set_payload(b.to_string());
    }
    app.send(req.to_request()).await
}

/// A request to probe: label, method, path, token, (content type, body), headers, expected status.
type Probe<'a> = (
    &'a str,
    Method,
    &'a str,
    Option<&'a str>,
    Option<(&'a str, &'a str)>,
    Vec<(&'a str, &'a str)>,
    u16,
);

/// Every kind of answer, success and error, carries `API-Version`, a fresh `X-Request-Id`, the
/// security headers and no `Server` version; a problem's `instance` is its request id.
async fn every_response_carries_the_common_headers(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let lezer = app.token("lezer").await;
    let w = app
        .post("/api/v1/werkgebieden", &beheerder, json!({"naam": "Noord"}))
        .await;
    w.assert(201);
    let wid = w.body["id"].as_str().unwrap().to_string();
    let wpath = format!("/api/v1/werkgebieden/{wid}");
    let unknown = "/api/v1/werkgebieden/00000000-0000-4000-8000-000000000000";
    let big = format!("{{\"naam\": \"{}\"}}", "x".repeat(1024 * 1024 + 1));
    let json = "application/json";
    let b = Some(beheerder.as_str());
    let metrics_auth = format!("Bearer {}", crate::common::METRICS_TOKEN);
    #[rustfmt::skip]
    let cases: Vec<Probe> = vec![
        ("liveness", Method::GET, "/health/live", None, None, vec![], 200),
        ("readiness", Method::GET, "/health/ready", None, None, vec![], 200),
        ("metrics", Method::GET, "/metrics", None, None, vec![("authorization", &metrics_auth)], 200),
        ("openapi", Method::GET, "/api/v1/openapi.json", None, None, vec![], 200),
        ("docs", Method::GET, "/api/v1/docs/", None, None, vec![], 200),
        ("SPA root", Method::GET, "/", None, None, vec![], 200),
        ("SPA client route", Method::GET, "/planning/2024-2025", None, None, vec![], 200),
        ("SPA wrong method", Method::POST, "/", None, Some((json, "{}")), vec![], 405),
        ("unknown API path", Method::GET, "/api/v1/bestaat-niet", None, None, vec![], 404),
        ("unknown API path, signed in", Method::GET, "/api/v1/bestaat-niet", b, None, vec![], 404),
        ("unknown health path", Method::GET, "/health/bestaat-niet", None, None, vec![], 404),
        ("list", Method::GET, "/api/v1/werkgebieden", b, None, vec![], 200),
        ("CSV export", Method::GET, "/api/v1/werkgebieden", b, None, vec![("accept", "text/csv")], 200),
        ("item", Method::GET, &wpath, b, None, vec![], 200),
        ("me", Method::GET, "/api/v1/auth/me", b, None, vec![], 200),
        ("no token", Method::GET, "/api/v1/werkgebieden", None, None, vec![], 401),
        ("bad token", Method::GET, "/api/v1/werkgebieden", Some("not.a.jwt"), None, vec![], 401),
        ("wrong password", Method::POST, "/api/v1/auth/login", None, Some((json, r#"{"email": "lezer@noord.example", "password": "fout-fout-fout"}"#)), vec![], 401),
        ("role refused", Method::POST, "/api/v1/werkgebieden", Some(lezer.as_str()), Some((json, r#"{"naam": "Zuid"}"#)), vec![], 403),
        ("unknown id", Method::GET, unknown, b, None, vec![], 404),
        ("invalid id", Method::GET, "/api/v1/werkgebieden/not-a-uuid", b, None, vec![], 400),
        ("validation", Method::POST, "/api/v1/werkgebieden", b, Some((json, r#"{"naam": ""}"#)), vec![], 400),
        ("invalid JSON", Method::POST, "/api/v1/werkgebieden", b, Some((json, "{")), vec![], 400),
        ("bad query", Method::GET, "/api/v1/werkgebieden?page=0", b, None, vec![], 400),
        ("not acceptable", Method::GET, "/api/v1/werkgebieden", b, None, vec![("accept", "application/xml")], 406),
        ("duplicate", Method::POST, "/api/v1/werkgebieden", b, Some((json, r#"{"naam": "Noord"}"#)), vec![], 409),
        ("stale If-Match", Method::PUT, &wpath, b, Some((json, r#"{"naam": "Noord 2"}"#)), vec![("if-match", "\"99\"")], 412),
        ("too large", Method::POST, "/api/v1/werkgebieden", b, Some((json, &big)), vec![], 413),
        ("PATCH as JSON", Method::PATCH, &wpath, b, Some((json, r#"{"naam": "x"}"#)), vec![], 415),
        ("CORS preflight", Method::OPTIONS, "/api/v1/werkgebieden", None, None, vec![("origin", "https://spa.example"), ("access-control-request-method", "GET")], 200),
        ("delete", Method::DELETE, &wpath, b, None, vec![], 204),
    ];
    let mut ids = HashSet::new();
    let mut failures = Vec::new();
    for (label, method, path, token, body, headers, status) in &cases {
        let r = send(&app, method.clone(), path, *token, *body, headers).await;
        let mut problems = Vec::new();
        if r.status.as_u16() != *status {
            problems.push(format!("status {} instead of {status}", r.status));
        }
        match r.header("api-version") {
            Some(v) if semver(&v) && v == koers::http::API_VERSION => {}
            other => problems.push(format!("API-Version {other:?}")),
        }
        let id = r.header("x-request-id").unwrap_or_default();
        if uuid::Uuid::parse_str(&id).is_err() {
            problems.push(format!("X-Request-Id {id:?} is not a UUID"));
        } else if !ids.insert(id.clone()) {
            problems.push(format!("X-Request-Id {id} was used before"));
        }
        if r.header("x-content-type-options").as_deref() != Some("nosniff") {
            problems.push("no X-Content-Type-Options: nosniff".into());
        }
        if r.header("referrer-policy").is_none_or(|v| v.is_empty()) {
            problems.push("no Referrer-Policy".into());
        }
        if !r
            .header("content-security-policy")
            .is_some_and(|v| v.contains("default-src"))
        {
            problems.push("no Content-Security-Policy with default-src".into());
        }
        if let Some(server) = r.header("server") {
            if server.chars().any(|c| c.is_ascii_digit()) || server.contains('/') {
                problems.push(format!("Server header reveals a version: {server}"));
            }
        }
        if r.header("content-type")
            .is_some_and(|c| c.starts_with("application/problem+json"))
        {
            if r.body["instance"].as_str() != Some(format!("urn:uuid:{id}").as_str()) {
                problems.push(format!(
                    "instance {} is not urn:uuid:{id}",
                    r.body["instance"]
                ));
            }
            if r.body["status"].as_u64() != Some(r.status.as_u16() as u64) {
                problems.push(format!("problem status {} differs", r.body["status"]));
            }
        } else if r.status.as_u16() >= 400 && *label != "CORS preflight" {
            problems.push(format!(
                "error without problem+json: {:?}",
                r.header("content-type")
            ));
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{label} ({method} {path}): {}",
                problems.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} responses lack the contract:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Liveness and readiness answer `200` while the database works.
async fn health_endpoints(app: TestApp) {
    let r = send(&app, Method::GET, "/health/live", None, None, &[]).await;
    r.assert(200);
    let r = send(&app, Method::GET, "/health/ready", None, None, &[]).await;
    r.assert(200);
    assert_eq!(r.body["database"], "ok");
    // Neither needs a token, and neither leaks internals.
    let text = String::from_utf8_lossy(&r.raw).to_lowercase();
    assert!(
        !text.contains("sqlite") && !text.contains("postgres"),
        "{text}"
    );
}

/// `/health/ready` really checks the database: with the database gone it answers `503`, while
/// `/health/live` (the process) stays `200`.
#[actix_web::test]
async fn readiness_fails_without_database() {
    let app = TestApp::start(koers::db::Backend::Postgres).await;
    send(&app, Method::GET, "/health/ready", None, None, &[])
        .await
        .assert(200);
    let url = app.state.config.database_url.clone();
    let name = url
        .rsplit('/')
        .next()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let mut admin = diesel::PgConnection::establish(&admin_url()).expect("admin connection");
    admin
        .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .expect("drop the app's database");
    let r = send(&app, Method::GET, "/health/ready", None, None, &[]).await;
    r.assert(503);
    assert!(r.header("api-version").is_some());
    send(&app, Method::GET, "/health/live", None, None, &[])
        .await
        .assert(200);
}

/// `/metrics` is Prometheus text with request counts by route pattern (never by raw id).
async fn metrics_in_prometheus_format(app: TestApp) {
    let metrics_auth = format!("Bearer {}", crate::common::METRICS_TOKEN);
    let t = app.token("beheerder").await;
    let id = "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b";
    app.get("/api/v1/werkgebieden", &t).await.assert(200);
    app.get(&format!("/api/v1/werkgebieden/{id}"), &t)
        .await
        .assert(404);
    let count = |text: &str| -> f64 {
        text.lines()
            .filter(|l| {
                l.starts_with("koers_http_requests_total{")
                    && l.contains("route=\"/api/v1/werkgebieden/{id}\"")
                    && l.contains("status=\"404\"")
                    && l.contains("method=\"GET\"")
            })
            .map(|l| l.rsplit(' ').next().unwrap().parse::<f64>().unwrap())
            .sum()
    };
    let r = send(
        &app,
        Method::GET,
        "/metrics",
        None,
        None,
        &[("authorization", &metrics_auth)],
    )
    .await;
    r.assert(200);
    assert!(
        r.header("content-type").unwrap().starts_with("text/plain"),
        "{:?}",
        r.header("content-type")
    );
    let text = String::from_utf8(r.raw.clone()).unwrap();
    assert!(
        text.contains("# TYPE koers_http_requests_total counter"),
        "{text}"
    );
    assert!(text.contains("koers_http_requests_total{"), "{text}");
    assert!(
        text.contains("koers_http_request_duration_seconds_bucket{"),
        "{text}"
    );
    assert!(text.contains("route=\"/api/v1/werkgebieden\""), "{text}");
    assert!(!text.contains(id), "raw ids in metric labels");
    let sample =
        regex::Regex::new(r#"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.]+(e[+-]?[0-9]+)?|NaN|[+-]Inf)$"#).unwrap();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        assert!(
            sample.is_match(line),
            "not a Prometheus sample line: {line}"
        );
    }
    let before = count(&text);
    assert!(before >= 1.0, "the 404 was counted");
    app.get(&format!("/api/v1/werkgebieden/{id}"), &t)
        .await
        .assert(404);
    let after = count(
        &String::from_utf8(
            send(
                &app,
                Method::GET,
                "/metrics",
                None,
                None,
                &[("authorization", &metrics_auth)],
            )
            .await
            .raw,
        )
        .unwrap(),
    );
    assert!(after >= before + 1.0, "counter grows: {before} -> {after}");
}

/// The OpenAPI document: served as JSON to anyone, 3.1, with servers, version, contact and a
/// unique operationId on every operation.
async fn openapi_document(app: TestApp) {
    let r = send(&app, Method::GET, "/api/v1/openapi.json", None, None, &[]).await;
    r.assert(200);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert_eq!(
        String::from_utf8(r.raw.clone()).unwrap(),
        koers::openapi::document_json(),
        "served = generated"
    );
    let doc = &r.body;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert!(
        doc["servers"][0]["url"]
            .as_str()
            .unwrap()
            .ends_with("/api/v1"),
        "{}",
        doc["servers"]
    );
    let version = doc["info"]["version"].as_str().unwrap();
    assert!(semver(version), "{version}");
    assert_eq!(Some(version.to_string()), r.header("api-version"));
    for key in ["name", "email", "url"] {
        assert!(
            doc["info"]["contact"][key]
                .as_str()
                .is_some_and(|s| !s.is_empty()),
            "info.contact.{key}"
        );
    }
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 15, "{} paths", paths.len());
    let mut ids = HashSet::new();
    for (path, item) in paths {
        assert!(
            path.starts_with('/') && !path.starts_with("/api/v1"),
            "{path} is relative to the server URL"
        );
        assert!(!path.ends_with('/'), "{path} has a trailing slash");
        let ops: Vec<(&String, &Value)> = item
            .as_object()
            .unwrap()
            .iter()
            .filter(|(m, _)| {
                [
                    "get", "post", "put", "patch", "delete", "head", "options", "trace",
                ]
                .contains(&m.as_str())
            })
            .collect();
        assert!(!ops.is_empty(), "{path} has no operations");
        for (method, op) in ops {
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            assert!(!id.is_empty(), "{method} {path}");
            assert!(ids.insert(id.to_string()), "operationId {id} is used twice");
            assert!(
                op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                "{method} {path} has no responses"
            );
        }
    }
    // Also for a browser on another site (the document is public).
    let r = send(
        &app,
        Method::GET,
        "/api/v1/openapi.json",
        None,
        None,
        &[("origin", "https://evil.example")],
    )
    .await;
    r.assert(200);
    assert!(r
        .header("access-control-allow-origin")
        .is_some_and(|v| v == "*" || v == "https://evil.example"));
}

/// The browsable reference is served from vendored files (no internet needed) and reads the
/// document of this server.
async fn api_reference_page(app: TestApp) {
    let r = send(&app, Method::GET, "/api/v1/docs/", None, None, &[]).await;
    r.assert(200);
    assert!(
        r.header("content-type").unwrap().starts_with("text/html"),
        "{:?}",
        r.header("content-type")
    );
    let html = String::from_utf8_lossy(&r.raw).to_string();
    assert!(html.to_lowercase().contains("<html"), "{html}");
    assert!(
        !html.contains("https://unpkg.com") && !html.contains("cdn."),
        "assets come from a CDN: {html}"
    );
    // Its scripts are served by this server and point at our document.
    let r = send(
        &app,
        Method::GET,
        "/api/v1/docs/swagger-initializer.js",
        None,
        None,
        &[],
    )
    .await;
    r.assert(200);
    assert!(String::from_utf8_lossy(&r.raw).contains("/api/v1/openapi.json"));
    send(
        &app,
        Method::GET,
        "/api/v1/docs/swagger-ui-bundle.js",
        None,
        None,
        &[],
    )
    .await
    .assert(200);
    // Without the slash it is found too (directly or by redirect).
    let r = send(&app, Method::GET, "/api/v1/docs", None, None, &[]).await;
    assert!(
        r.status.as_u16() == 200
            || r.status.is_redirection()
                && r.header("location")
                    .is_some_and(|l| l.ends_with("/api/v1/docs/")),
        "GET /api/v1/docs: {} {:?}",
        r.status,
        r.header("location")
    );
}

/// CORS: the configured SPA origin may call the API (and read ETag); any other origin may not.
async fn cors_for_configured_origins_only(app: TestApp) {
    let preflight = |origin: &'static str| {
        let app = &app;
        async move {
            send(
                app,
                Method::OPTIONS,
                "/api/v1/scholen",
                None,
                None,
                &[
                    ("origin", origin),
                    ("access-control-request-method", "GET"),
                    ("access-control-request-headers", "authorization"),
                ],
            )
            .await
        }
    };
    let ok = preflight("https://spa.example").await;
    assert!(ok.status.is_success(), "{}", ok.status);
    assert_eq!(
        ok.header("access-control-allow-origin").as_deref(),
        Some("https://spa.example")
    );
    assert!(ok
        .header("access-control-allow-methods")
        .is_some_and(|m| m.contains("GET")));
    assert!(ok
        .header("access-control-allow-headers")
        .is_some_and(|h| h.to_lowercase().contains("authorization")));
    let evil = preflight("https://evil.example").await;
    assert!(!evil.status.is_server_error(), "{}", evil.status);
    assert_eq!(evil.header("access-control-allow-origin"), None);

    let t = app.token("beheerder").await;
    let r = send(
        &app,
        Method::GET,
        "/api/v1/scholen",
        Some(&t),
        None,
        &[("origin", "https://spa.example")],
    )
    .await;
    r.assert(200);
    assert_eq!(
        r.header("access-control-allow-origin").as_deref(),
        Some("https://spa.example")
    );
    let exposed = r
        .header("access-control-expose-headers")
        .unwrap_or_default()
        .to_lowercase();
    for h in ["etag", "location", "api-version"] {
        assert!(exposed.contains(h), "{h} not exposed: {exposed}");
    }
    let r = send(
        &app,
        Method::GET,
        "/api/v1/scholen",
        Some(&t),
        None,
        &[("origin", "https://evil.example")],
    )
    .await;
    assert!(!r.status.is_server_error(), "{}", r.status);
    assert_eq!(r.header("access-control-allow-origin"), None);
    // A look-alike origin is not the configured one.
    let r = preflight("https://spa.example.evil.example").await;
    assert_eq!(r.header("access-control-allow-origin"), None);
}

both_backends!(
    every_response_carries_the_common_headers,
    health_endpoints,
    metrics_in_prometheus_format,
    openapi_document,
    api_reference_page,
    cors_for_configured_origins_only,
);

/// The committed `openapi/openapi.json` is the document the server generates.
#[test]
fn committed_openapi_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {path} ({e}): run make openapi"));
    let generated = koers::openapi::document_json();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1);
        panic!(
            "openapi/openapi.json is stale: run make openapi (first difference at line {})",
            line.map_or_else(|| "end of file".to_string(), |l| l.to_string())
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Migration parity: both backends get the same tables and columns, and every down.sql undoes
// its up.sql.

fn admin_url() -> String {
    std::env::var("KOERS_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A PostgreSQL database of its own, dropped afterwards (also when the test fails).
struct ScratchPg {
    name: String,
}

impl ScratchPg {
    fn create() -> ScratchPg {
        let name = format!("koers_parity_{}", uuid::Uuid::new_v4().simple());
        let mut c = diesel::PgConnection::establish(&admin_url())
            .expect("PostgreSQL is required for the tests");
        c.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create scratch database");
        ScratchPg { name }
    }

    fn url(&self) -> String {
        let admin = admin_url();
        let (base, rest) = admin.rsplit_once('/').expect("admin URL with a database");
        let query = rest.find('?').map(|q| &rest[q..]).unwrap_or("");
        format!("{base}/{}{query}", self.name)
    }
}

impl Drop for ScratchPg {
    fn drop(&mut self) {
        if let Ok(mut c) = diesel::PgConnection::establish(&admin_url()) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

#[derive(QueryableByName, Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Column {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

const BOOKKEEPING: &str = "__diesel_schema_migrations";

fn sqlite_columns(c: &mut diesel::SqliteConnection) -> BTreeSet<Column> {
    diesel::sql_query(
        "SELECT m.name AS table_name, p.name AS column_name, p.\"notnull\" = 0 AS nullable \
         FROM sqlite_master m JOIN pragma_table_info(m.name) p \
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
    )
    .load::<Column>(c)
    .expect("SQLite columns")
    .into_iter()
    .filter(|c| c.table_name != BOOKKEEPING)
    .collect()
}

fn pg_columns(c: &mut diesel::PgConnection) -> BTreeSet<Column> {
    diesel::sql_query(
        "SELECT table_name::text AS table_name, column_name::text AS column_name, is_nullable = 'YES' AS nullable \
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .load::<Column>(c)
    .expect("PostgreSQL columns")
    .into_iter()
    .filter(|c| c.table_name != BOOKKEEPING)
    .collect()
}

/// Tables, indexes, views and triggers of SQLite besides its own and diesel's.
fn sqlite_objects(c: &mut diesel::SqliteConnection) -> Vec<String> {
    diesel::sql_query(format!(
        "SELECT type || ' ' || name AS name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> '{BOOKKEEPING}' ORDER BY name"
    ))
    .load::<Name>(c)
    .expect("SQLite objects")
    .into_iter()
    .map(|n| n.name)
    .collect()
}

/// Relations (tables, indexes, sequences, views) and user-defined types of PostgreSQL besides
/// diesel's.
fn pg_objects(c: &mut diesel::PgConnection) -> Vec<String> {
    let mut names: Vec<String> = diesel::sql_query(format!(
        "SELECT c.relkind::text || ' ' || c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
         WHERE n.nspname = 'public' AND c.relname NOT LIKE '{BOOKKEEPING}%' ORDER BY 1"
    ))
    .load::<Name>(c)
    .expect("PostgreSQL relations")
    .into_iter()
    .map(|n| n.name)
    .collect();
    names.extend(
        diesel::sql_query(format!(
            "SELECT 'type ' || t.typname::text AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace \
             WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm') \
             OR (n.nspname = 'public' AND t.typtype = 'c' AND t.typname::text NOT LIKE '{BOOKKEEPING}%' \
                 AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind IN ('r', 'v', 'm', 'p', 'f')))"
        ))
        .load::<Name>(c)
        .expect("PostgreSQL types")
        .into_iter()
        .map(|n| n.name),
    );
    names
}

#[test]
fn migrations_agree_across_backends_and_revert_cleanly() {
    use koers::db::{PG_MIGRATIONS, SQLITE_MIGRATIONS};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parity.db");
    let mut lite = diesel::SqliteConnection::establish(path.to_str().unwrap()).expect("SQLite");
    let lite_applied = lite
        .run_pending_migrations(SQLITE_MIGRATIONS)
        .expect("SQLite migrations")
        .len();

    let scratch = ScratchPg::create();
    let mut pg = diesel::PgConnection::establish(&scratch.url()).expect("scratch PostgreSQL");
    let pg_applied = pg
        .run_pending_migrations(PG_MIGRATIONS)
        .expect("PostgreSQL migrations")
        .len();
    assert_eq!(
        lite_applied, pg_applied,
        "both backends have the same number of migrations"
    );
    assert!(lite_applied >= 1);

    let lite_cols = sqlite_columns(&mut lite);
    let pg_cols = pg_columns(&mut pg);
    assert!(lite_cols.len() >= 20, "{} columns", lite_cols.len());
    let only_lite: Vec<_> = lite_cols.difference(&pg_cols).collect();
    let only_pg: Vec<_> = pg_cols.difference(&lite_cols).collect();
    assert!(
        only_lite.is_empty() && only_pg.is_empty(),
        "the schemas differ (table, column, nullable)\nonly in SQLite: {only_lite:#?}\nonly in PostgreSQL: {only_pg:#?}"
    );

    // Every down.sql undoes its up.sql: nothing is left but diesel's own bookkeeping.
    let reverted = lite
        .revert_all_migrations(SQLITE_MIGRATIONS)
        .expect("revert SQLite migrations");
    assert_eq!(reverted.len(), lite_applied);
    assert_eq!(
        sqlite_objects(&mut lite),
        Vec::<String>::new(),
        "left behind in SQLite after reverting"
    );
    let reverted = pg
        .revert_all_migrations(PG_MIGRATIONS)
        .expect("revert PostgreSQL migrations");
    assert_eq!(reverted.len(), pg_applied);
    assert_eq!(
        pg_objects(&mut pg),
        Vec::<String>::new(),
        "left behind in PostgreSQL after reverting"
    );

    // And the migrations apply again on the reverted databases, to the same schema.
    lite.run_pending_migrations(SQLITE_MIGRATIONS)
        .expect("SQLite migrations after revert");
    pg.run_pending_migrations(PG_MIGRATIONS)
        .expect("PostgreSQL migrations after revert");
    assert_eq!(sqlite_columns(&mut lite), lite_cols);
    assert_eq!(pg_columns(&mut pg), pg_cols);
    drop(pg);
}
