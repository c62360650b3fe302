//! Mail through an outbox. A mail is written as a row in the transaction of the change that
//! causes it ([`store::queue`]), so it exists exactly when the change does; the sender
//! ([`sender::Sender`]) delivers it afterwards over SMTP, or as an `.eml` file when no SMTP
//! server is set, retrying with backoff and never blocking the request.

pub mod bericht;
pub mod routes;
pub mod sender;
pub mod store;

pub use bericht::{link, set_basis, Bericht, MailSoort};
pub use store::queue;
