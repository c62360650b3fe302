//! What every routes module of an area speaks: actix's route attributes and extractors, the
//! caller and its rights, the contract machinery and typed answers.

pub use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
pub use diesel::prelude::*;

pub use crate::auth::{Access, Area, Caller};
pub use crate::db::Id;
pub use crate::domain::{rules, time, Reach};
pub use crate::error::ApiError;
pub use crate::http::{export, figures, Format, Input, JsonBody, ListQuery, ListSpec, MergePatch};
pub use crate::listing::Search;
pub use crate::resource::{self, Resource};
pub use crate::state::AppState;
pub use crate::{order_by, page_schema};
