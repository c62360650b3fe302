//! The identity of the request being served: its id, which a problem answer names as `instance`
//! and every log line of the request carries, also from the blocking threads that do its
//! database work.

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The id of the request being served, if any.
pub fn request_id() -> Option<String> {
    REQUEST_ID.try_with(|id| id.clone()).ok()
}

/// Runs `fut` as the request with this id.
pub async fn with_request_id<F: std::future::Future>(id: String, fut: F) -> F::Output {
    REQUEST_ID.scope(id, fut).await
}

/// Wraps work for another thread so that it runs inside the current tracing span: an error
/// logged there carries the request id the client got.
pub fn in_current_span<T>(f: impl FnOnce() -> T) -> impl FnOnce() -> T {
    let span = tracing::Span::current();
    move || span.in_scope(f)
}

/// Runs blocking work (hashing, rendering a document) on the blocking threads, inside the
/// current span.
pub async fn block<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, actix_web::error::BlockingError> {
    actix_web::web::block(in_current_span(f)).await
}
