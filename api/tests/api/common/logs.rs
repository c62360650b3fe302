//! Log lines written on the calling thread while a capture is open.
//!
//! A subscriber set per test with `set_default` races with callsite registration by tests on other
//! threads: a callsite first hit elsewhere may cache "never interested" and the capture stays
//! empty. One global subscriber that asks per event whether this thread captures has no such race.

use std::cell::RefCell;
use std::io::Write;
use std::sync::Once;

use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::prelude::*;

thread_local! {
    static BUFFER: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

struct ThreadWriter;

impl Write for ThreadWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        BUFFER.with(|b| {
            if let Some(out) = b.borrow_mut().as_mut() {
                out.extend_from_slice(buf);
            }
        });
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capturing() -> bool {
    BUFFER.with(|b| b.borrow().is_some())
}

/// Runs `work` and returns what it logged on this thread, at every level.
pub async fn captured<T>(work: impl std::future::Future<Output = T>) -> (T, String) {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let layer = tracing_subscriber::fmt::layer()
            .with_writer(|| ThreadWriter)
            .with_filter(filter_fn(|_| capturing()));
        tracing_subscriber::registry()
            .with(layer)
            .try_init()
            .expect("install the test log subscriber");
    });
    BUFFER.with(|b| *b.borrow_mut() = Some(Vec::new()));
    let out = work.await;
    let bytes = BUFFER.with(|b| b.borrow_mut().take()).unwrap_or_default();
    (out, String::from_utf8_lossy(&bytes).into_owned())
}
