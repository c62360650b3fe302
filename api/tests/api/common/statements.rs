//! Counting the SQL statements that one test's database receives, while other tests run beside
//! it in the same binary: every connection remembers the URL it was opened for and counts only
//! while that URL is the one being watched.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

use diesel::connection::{set_default_instrumentation, Instrumentation, InstrumentationEvent};
use koers::db::Backend;

use super::TestApp;

static WATCHED: Mutex<Option<String>> = Mutex::new(None);
static COUNT: AtomicUsize = AtomicUsize::new(0);
/// One counting test at a time: the counter is global.
static SERIAL: Mutex<()> = Mutex::new(());
static INSTALL: Once = Once::new();

struct Counter {
    url: Option<String>,
}

impl Instrumentation for Counter {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartEstablishConnection { url, .. } => {
                self.url = Some(url.to_string())
            }
            InstrumentationEvent::StartQuery { .. } => {
                let watched = WATCHED.lock().unwrap_or_else(|e| e.into_inner());
                if watched.is_some() && *watched == self.url {
                    COUNT.fetch_add(1, Ordering::SeqCst);
                }
            }
            _ => {}
        }
    }
}

fn counter() -> Option<Box<dyn Instrumentation>> {
    Some(Box::new(Counter { url: None }))
}

/// Runs a counting test on its own runtime, one at a time, with every connection opened from now
/// on able to count.
pub fn counted<F: Future<Output = ()>>(test: impl FnOnce(Backend) -> F, backend: Backend) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    INSTALL.call_once(|| set_default_instrumentation(counter).expect("install instrumentation"));
    actix_web::rt::System::new().block_on(test(backend));
    *WATCHED.lock().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Counts the statements of `app`'s database from now on, starting from zero.
pub fn watch(app: &TestApp) {
    let url = koers::db::sqlite_path(&app.database_url()).to_string();
    *WATCHED.lock().unwrap_or_else(|e| e.into_inner()) = Some(url);
    COUNT.store(0, Ordering::SeqCst);
}

/// The statements counted since the last `watch`.
pub fn count() -> usize {
    COUNT.load(Ordering::SeqCst)
}

/// The statements one `GET path` costs, once its prepared statements and caches are warm.
pub async fn of_get(app: &TestApp, token: &str, path: &str) -> usize {
    app.get(path, token).await.assert(200);
    watch(app);
    let r = app.get(path, token).await;
    let n = count();
    r.assert(200);
    n
}
