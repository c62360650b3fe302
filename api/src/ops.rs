//! Operations: health, metrics, security headers and CORS.

use std::sync::OnceLock;
use std::time::Instant;

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{get, web, HttpResponse};
use diesel::prelude::*;
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};

use crate::config::Config;
use crate::http::API_VERSION;
use crate::state::AppState;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(live)
        .service(ready)
        .service(metrics_endpoint)
        .service(crate::openapi::document_endpoint)
        .service(crate::openapi::docs_redirect)
        .service(crate::openapi::docs());
}

#[get("/health/live")]
async fn live() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"status": "ok"}))
}

/// Ready when the primary answers. A replica that does not answer is named in the body but does
/// not take the instance out of the load balancer: every instance shares it, and only the
/// reports depend on it.
#[get("/health/ready")]
async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let ping = |c: &mut crate::db::DbConn| {
        diesel::sql_query("SELECT 1").execute(c)?;
        Ok(())
    };
    let state_of = |ok: bool| if ok { "ok" } else { "onbereikbaar" };
    let ok = state.db.read(ping).await.is_ok();
    let mut body = serde_json::json!({
        "status": if ok { "ok" } else { "niet gereed" },
        "database": state_of(ok),
    });
    if state.db.has_replica() {
        body["replica"] = state_of(state.db.report(ping).await.is_ok()).into();
    }
    if ok {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}

struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: IntGaugeVec,
}

fn registry() -> &'static Metrics {
    static M: OnceLock<Metrics> = OnceLock::new();
    M.get_or_init(|| {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "koers_http_requests_total",
                "HTTP requests by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "koers_http_request_duration_seconds",
                "HTTP request duration by route",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ]),
            &["method", "route"],
        )
        .expect("valid metric");
        let pool = IntGaugeVec::new(
            Opts::new("koers_db_pool_connections", "Database pool connections"),
            &["state"],
        )
        .expect("valid metric");
        registry
            .register(Box::new(requests.clone()))
            .expect("register");
        registry
            .register(Box::new(latency.clone()))
            .expect("register");
        registry.register(Box::new(pool.clone())).expect("register");
        Metrics {
            registry,
            requests,
            latency,
            pool,
        }
    })
}

#[get("/metrics")]
async fn metrics_endpoint(state: web::Data<AppState>) -> HttpResponse {
    let m = registry();
    let (connections, idle) = state.db.pool_state();
    m.pool.with_label_values(&["open"]).set(connections as i64);
    m.pool.with_label_values(&["idle"]).set(idle as i64);
    let mut buf = Vec::new();
    if TextEncoder::new()
        .encode(&m.registry.gather(), &mut buf)
        .is_err()
    {
        return HttpResponse::InternalServerError().finish();
    }
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(buf)
}

/// Counts and times every request by its route pattern (never by raw path: ids would explode
/// the number of series).
pub async fn metrics(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().to_string();
    let res = next.call(req).await?;
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".into());
    let m = registry();
    m.requests
        .with_label_values(&[&method, &route, res.status().as_str()])
        .inc();
    m.latency
        .with_label_values(&[&method, &route])
        .observe(started.elapsed().as_secs_f64());
    Ok(res)
}

/// `API-Version` and security headers on every response.
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let docs = req.path().starts_with("/api/v1/docs");
    // Every answer of the token endpoints, errors included, is about credentials.
    let credentials = req.path().starts_with("/api/v1/auth/");
    let https = req
        .app_data::<web::Data<AppState>>()
        .is_some_and(|s| s.config.trust_proxy)
        && req
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
        || req.connection_info().scheme() == "https"
            && !req.headers().contains_key("x-forwarded-proto");
    let mut res = next.call(req).await?;
    let h = res.headers_mut();
    h.insert(
        HeaderName::from_static("api-version"),
        HeaderValue::from_static(API_VERSION),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    let csp = if docs {
        // The vendored API reference uses inline styles and data: images.
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
    } else {
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    };
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    if credentials {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    Ok(res)
}

/// CORS: the OpenAPI document for anyone, the API only for configured origins.
pub fn cors(config: &Config) -> Cors {
    let origins = config.cors_origins.clone();
    Cors::default()
        .allowed_origin_fn(move |origin, req| {
            req.uri.path() == "/api/v1/openapi.json"
                || origin
                    .to_str()
                    .is_ok_and(|o| origins.iter().any(|x| x == o))
        })
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::IF_MATCH,
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            HeaderName::from_static("api-version"),
            header::RETRY_AFTER,
        ])
        .max_age(600)
}
