//! Operations: health, metrics, security headers and CORS.

use std::time::Instant;

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{get, web, HttpRequest, HttpResponse};
use diesel::prelude::*;

use crate::config::Config;
use crate::error::ApiError;
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

const READY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

/// A database that does not answer at all would keep the probe waiting for the pool's full
/// checkout timeout; a probe wants its answer sooner than that.
async fn within(check: impl std::future::Future<Output = Result<(), ApiError>>) -> bool {
    matches!(tokio::time::timeout(READY_TIMEOUT, check).await, Ok(Ok(())))
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
    let ok = within(state.db.read(ping)).await;
    let mut body = serde_json::json!({
        "status": if ok { "ok" } else { "niet gereed" },
        "database": state_of(ok),
    });
    if state.db.has_replica() {
        body["replica"] = state_of(within(state.db.report(ping)).await).into();
    }
    if ok {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}

#[get("/metrics")]
async fn metrics_endpoint(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    // With a listener of its own, the public address does not have it at all.
    if state.config.metrics_bind.is_some() {
        return Err(ApiError::not_found());
    }
    scrape(&req, &state)
}

/// `/metrics` on the separate listener (`KOERS_METRICS_BIND`).
pub async fn metrics_on_listener(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    scrape(&req, &state)
}

/// Route names, pool sizes and error rates help an attacker plan; only a configured token or a
/// listener of its own opens them, and with neither the endpoint does not exist.
fn scrape(req: &HttpRequest, state: &AppState) -> Result<HttpResponse, ApiError> {
    let config = &state.config;
    match &config.metrics_token {
        None if config.metrics_bind.is_none() => return Err(ApiError::not_found()),
        None => {}
        Some(expected) => {
            let given = req
                .headers()
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or("");
            if !crate::secrets::same_secret(given.trim(), expected) {
                return Err(ApiError::unauthorized(
                    "Geef het metrics-token mee als Bearer-token.",
                ));
            }
        }
    }
    let (connections, idle) = state.db.pool_state();
    let body = state
        .metrics
        .render(connections, idle)
        .ok_or_else(|| ApiError::internal("metrics could not be encoded"))?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(body))
}

/// Counts and times every request by its route pattern (never by raw path: ids would explode
/// the number of series; every unmatched path shares the label `unmatched`).
pub async fn metrics(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    let res = next.call(req).await?;
    let route = res
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".into());
    if let Some(state) = res.request().app_data::<web::Data<AppState>>() {
        state.metrics.observe(
            method.as_str(),
            &route,
            res.status().as_str(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(res)
}

/// `API-Version` and security headers on every response.
pub async fn headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let docs = req.path().starts_with("/api/v1/docs");
    let never_stored = crate::http::never_stored(req.path());
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
    // A handler's own, stricter policy stays (an uploaded SVG logo runs nothing).
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        );
    }
    if never_stored {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
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
