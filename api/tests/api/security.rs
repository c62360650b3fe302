//! Transport security: HSTS only when the connection is really HTTPS (directly, or through a
//! proxy that is trusted to say so).

use crate::common::TestApp;
use actix_web::http::Method;
use koers::db::Backend;

async fn hsts(app: &TestApp, forwarded_https: bool) -> Option<String> {
    let headers: &[(&str, &str)] = if forwarded_https {
        &[("x-forwarded-proto", "https")]
    } else {
        &[]
    };
    app.request(Method::GET, "/health/live", None, None, headers)
        .await
        .header("strict-transport-security")
}

async fn hsts_only_behind_a_trusted_tls_proxy(backend: Backend) {
    let direct = TestApp::start(backend).await;
    assert_eq!(hsts(&direct, false).await, None, "plain HTTP gets no HSTS");
    assert_eq!(
        hsts(&direct, true).await,
        None,
        "an untrusted X-Forwarded-Proto is ignored"
    );

    let proxied = TestApp::start_with(backend, |c| c.trust_proxy = true).await;
    assert_eq!(
        hsts(&proxied, false).await,
        None,
        "a trusted proxy that forwarded plain HTTP"
    );
    let value = hsts(&proxied, true)
        .await
        .expect("HSTS behind a TLS-terminating proxy");
    assert!(value.starts_with("max-age=31536000"), "{value}");
}

#[actix_web::test]
async fn hsts_sqlite() {
    hsts_only_behind_a_trusted_tls_proxy(Backend::Sqlite).await
}

#[actix_web::test]
async fn hsts_postgres() {
    hsts_only_behind_a_trusted_tls_proxy(Backend::Postgres).await
}
