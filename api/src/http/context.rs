//! Per-request context: the request id that ties a problem answer to its log lines.

use std::future::{ready, Ready};
use std::rc::Rc;

use actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::http::header::{HeaderName, HeaderValue};
use futures_util::future::LocalBoxFuture;
use tracing::Instrument;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Gives every request an id (v7 UUID), runs it inside a tracing span carrying that id, makes it
/// available to error rendering and returns it as `X-Request-Id`.
pub struct RequestContext;

impl<S, B> Transform<S, ServiceRequest> for RequestContext
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = RequestContextMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<Self::Transform, Self::InitError>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(RequestContextMiddleware {
            service: Rc::new(service),
        }))
    }
}

pub struct RequestContextMiddleware<S> {
    service: Rc<S>,
}

impl<S, B> Service<ServiceRequest> for RequestContextMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self::Response, Self::Error>>;

    forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let id = uuid::Uuid::now_v7().to_string();
        let span = tracing::info_span!(
            "request",
            request_id = %id,
            method = %req.method(),
            path = %req.path(),
        );
        let service = self.service.clone();
        let header_id = id.clone();
        Box::pin(crate::trace::with_request_id(
            id,
            async move {
                let started = std::time::Instant::now();
                let mut res = service.call(req).await?;
                let status = res.status().as_u16();
                if status >= 500 {
                    tracing::error!(
                        status,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "request failed"
                    );
                } else {
                    tracing::info!(
                        status,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "request"
                    );
                }
                if let Ok(v) = HeaderValue::from_str(&header_id) {
                    res.headers_mut()
                        .insert(HeaderName::from_static(REQUEST_ID_HEADER), v);
                }
                Ok(res)
            }
            .instrument(span),
        ))
    }
}
