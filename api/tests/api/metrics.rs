//! `/metrics` is not public: a bearer token or a listener of its own, and off with neither. No
//! request, however odd its method or path, adds a series.

use crate::common::{assert_problem, http_get, TestApp, METRICS_TOKEN};
use actix_web::http::Method;
use koers::db::Backend;

async fn scrape(app: &TestApp, token: Option<&str>) -> crate::common::Resp {
    let auth = token.map(|t| format!("Bearer {t}"));
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("authorization", a.as_str())).collect();
    app.request(Method::GET, "/metrics", None, None, &headers)
        .await
}

/// The series in the exposition: every line that is not a comment.
fn series(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.rsplit_once(' ').map_or(l, |(name, _)| name).to_string())
        .collect()
}

async fn series_now(app: &TestApp) -> Vec<String> {
    let r = scrape(app, Some(METRICS_TOKEN)).await;
    r.assert(200);
    series(&String::from_utf8(r.raw).expect("text"))
}

async fn only_with_the_token(app: TestApp) {
    let r = scrape(&app, None).await;
    assert_problem(&r, 401);
    assert!(r.header("www-authenticate").is_some());
    assert_problem(&scrape(&app, Some("metrics-token-for-the-test")).await, 401);
    assert_problem(&scrape(&app, Some("")).await, 401);
    let r = app
        .request(
            Method::GET,
            "/metrics",
            None,
            None,
            &[("authorization", &format!("Basic {METRICS_TOKEN}"))],
        )
        .await;
    assert_problem(&r, 401);
    let r = scrape(&app, Some(METRICS_TOKEN)).await;
    r.assert(200);
    let text = String::from_utf8(r.raw).unwrap();
    assert!(text.contains("koers_http_requests_total"), "{text}");
    assert!(text.contains("koers_db_pool_connections"), "{text}");
}

/// Odd methods and paths, each time with new random parts; returns those parts.
async fn odd_requests(app: &TestApp, round: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let shapes = [
        "/{r}",
        "/api/v1/{r}",
        "/api/v1/scholen/{r}",
        "/api/v1/scholen/{r}/x/{r}",
        "/health/{r}",
        "/assets/{r}.js",
    ];
    for i in 0..200 {
        let r = format!("{round}{i}x{}", uuid::Uuid::new_v4().simple());
        let path = shapes[i % shapes.len()].replace("{r}", &r);
        let method = match i % 4 {
            0 => Method::from_bytes(format!("M{}", r.to_uppercase()).as_bytes()).unwrap(),
            1 => Method::from_bytes(b"PROPFIND").unwrap(),
            2 => Method::GET,
            _ => Method::from_bytes(b"BREW").unwrap(),
        };
        let res = app.request(method, &path, None, None, &[]).await;
        assert!(res.status.as_u16() < 500, "{path}: {}", res.status);
        parts.push(r);
    }
    parts
}

async fn odd_requests_add_no_series(app: TestApp) {
    // The first round may add the few series these kinds of request have; a second round of
    // new methods and paths must find them all there.
    // A scrape counts itself: scrape once so that its own series exist before the count.
    series_now(&app).await;
    let mut parts = odd_requests(&app, "a").await;
    let before = series_now(&app).await;
    parts.extend(odd_requests(&app, "b").await);
    let after = series_now(&app).await;
    let new: Vec<&String> = after.iter().filter(|s| !before.contains(s)).collect();
    assert!(new.is_empty(), "new series: {new:?}");
    for s in &after {
        assert!(
            !s.contains("PROPFIND") && !s.contains("BREW"),
            "a method became a label: {s}"
        );
        let lower = s.to_lowercase();
        if let Some(p) = parts.iter().find(|p| lower.contains(p.as_str())) {
            panic!("a raw path or method ({p}) became a label: {s}");
        }
    }
    assert!(
        after
            .iter()
            .any(|s| s.contains("method=\"other\"") && s.contains("route=\"unmatched\"")),
        "odd requests share method=\"other\" and route=\"unmatched\""
    );
}

async fn off_without_token_or_listener(backend: Backend) {
    let app = TestApp::start_with(backend, |c| c.metrics_token = None).await;
    assert_problem(&scrape(&app, None).await, 404);
    assert_problem(&scrape(&app, Some(METRICS_TOKEN)).await, 404);
}

async fn on_a_listener_of_its_own(backend: Backend) {
    let app = TestApp::start_with(backend, |c| {
        c.metrics_token = None;
        c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    assert_problem(&scrape(&app, None).await, 404);
    let running = app.serve();
    let (api, metrics) = (
        running.api.clone(),
        running.metrics.clone().expect("listener"),
    );
    let answers = actix_web::rt::task::spawn_blocking(move || {
        (
            http_get(&format!("{api}/metrics"), &[]),
            http_get(&format!("{api}/health/live"), &[]),
            http_get(&format!("{metrics}/metrics"), &[]),
            http_get(&format!("{metrics}/api/v1/gemeenten"), &[]),
            http_get(&format!("{metrics}/health/live"), &[]),
        )
    })
    .await
    .unwrap();
    running.stop().await;
    let (on_api, live, on_listener, api_on_listener, live_on_listener) = answers;
    assert_eq!(on_api.0, 404, "the API address has no /metrics");
    assert_eq!(live.0, 200);
    assert_eq!(on_listener.0, 200, "{}", on_listener.1);
    assert!(on_listener.1.contains("koers_http_requests_total"));
    assert!(
        on_listener.1.contains("route=\"/health/live\""),
        "the listener reports the API's requests"
    );
    assert_eq!(
        api_on_listener.0, 404,
        "the listener serves nothing but /metrics"
    );
    assert_eq!(live_on_listener.0, 404);
}

async fn listener_and_token(backend: Backend) {
    let app = TestApp::start_with(backend, |c| {
        c.metrics_bind = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    let running = app.serve();
    let metrics = running.metrics.clone().expect("listener");
    let (without, with) = actix_web::rt::task::spawn_blocking(move || {
        let url = format!("{metrics}/metrics");
        (
            http_get(&url, &[]),
            http_get(
                &url,
                &[("authorization", &format!("Bearer {METRICS_TOKEN}"))],
            ),
        )
    })
    .await
    .unwrap();
    running.stop().await;
    assert_eq!(
        without.0, 401,
        "a configured token holds on the listener too"
    );
    assert_eq!(with.0, 200);
}

both_backends!(only_with_the_token, odd_requests_add_no_series);

#[actix_web::test]
async fn off_without_token_or_listener_sqlite() {
    off_without_token_or_listener(Backend::Sqlite).await
}

#[actix_web::test]
async fn off_without_token_or_listener_postgres() {
    off_without_token_or_listener(Backend::Postgres).await
}

#[actix_web::test]
async fn on_a_listener_of_its_own_sqlite() {
    on_a_listener_of_its_own(Backend::Sqlite).await
}

#[actix_web::test]
async fn on_a_listener_of_its_own_postgres() {
    on_a_listener_of_its_own(Backend::Postgres).await
}

#[actix_web::test]
async fn listener_and_token_sqlite() {
    listener_and_token(Backend::Sqlite).await
}

#[actix_web::test]
async fn listener_and_token_postgres() {
    listener_and_token(Backend::Postgres).await
}
