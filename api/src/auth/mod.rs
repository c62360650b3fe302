//! Sign-in, tokens and the caller of a request.

pub mod account;
pub mod caller;
pub mod jwt;
pub mod rechten;
pub mod refresh;
pub mod revocation;
pub mod routes;
pub mod throttle;
pub mod token;
pub mod wachtwoord;

pub use caller::{Access, Area, Caller, Principal, Rol, Scope};
