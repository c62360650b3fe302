//! Mail through an outbox. A mail is written as a row in the transaction of the change that
//! causes it ([`store::queue`]), so it exists exactly when the change does; the sender
//! ([`sender::Sender`]) delivers it afterwards over SMTP, or as an `.eml` file when no SMTP
//! server is set, retrying with backoff and never blocking the request.

pub mod bericht;
pub mod routes;
pub mod sender;
pub mod store;

pub use bericht::{Bericht, MailSoort};
pub use store::queue;

use std::sync::OnceLock;

static BASIS: OnceLock<String> = OnceLock::new();

/// Sets where the SPA is reached (`KOERS_PUBLIC_URL`), once at start: links in mails are
/// written when the mail is queued, deep inside a change, where no configuration is at hand.
pub fn set_basis(url: &str) {
    let _ = BASIS.set(url.trim_end_matches('/').to_string());
}

/// An absolute link to a page of the SPA.
pub fn link(path: &str) -> String {
    let basis = BASIS.get().map_or("http://127.0.0.1:8080", String::as_str);
    format!("{basis}{path}")
}
