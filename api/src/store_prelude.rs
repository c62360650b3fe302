//! What every store module of an area speaks: diesel, the record and input derives, the
//! connection and ids, errors, time, text rules and the `Store` trait.

pub use chrono::NaiveDateTime;
pub use diesel::prelude::*;
pub use serde::{Deserialize, Serialize};
pub use utoipa::ToSchema;
pub use validator::Validate;

pub use crate::db::{lower, DbConn, Id, MultiBackend};
pub use crate::domain::{rules, time, Reach};
pub use crate::error::ApiError;
pub use crate::listing::Search;
pub use crate::store::{Store, Versioned};
