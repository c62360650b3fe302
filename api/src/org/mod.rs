//! Organisation data: samenwerkingsverbanden, gemeenten, schoolbesturen, werkgebieden, scholen,
//! gebruikers and clients.

pub mod clients;
pub mod gebruikers;
pub mod gemeenten;
pub mod scholen;
pub mod schoolbesturen;
pub mod swv;
pub mod werkgebieden;

use actix_web::http::header;
use actix_web::{HttpResponse, HttpResponseBuilder};
use serde::Serialize;

use crate::db::Id;
use crate::http::etag;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    swv::configure(cfg);
    gemeenten::configure(cfg);
    schoolbesturen::configure(cfg);
    werkgebieden::configure(cfg);
    scholen::configure(cfg);
    gebruikers::configure(cfg);
    clients::configure(cfg);
}

/// `201 Created` with `Location` and `ETag`.
pub fn created<T: Serialize>(collection: &str, id: Id, versie: i32, body: &T) -> HttpResponse {
    let mut b = HttpResponse::Created();
    b.insert_header((header::LOCATION, format!("/api/v1/{collection}/{id}")));
    etag::json_with_etag(b, versie, body)
}

/// `200 OK` with `ETag`.
pub fn ok<T: Serialize>(versie: i32, body: &T) -> HttpResponse {
    etag::json_with_etag(
        HttpResponseBuilder::new(actix_web::http::StatusCode::OK),
        versie,
        body,
    )
}

/// Collects the problems with references in a body, so they are all reported together.
#[derive(Default)]
pub struct References(Vec<crate::http::InvalidParam>);

impl References {
    /// Notes a reference that does not exist for this caller (or belongs to another SWV).
    pub fn check(&mut self, field: &str, exists: bool) {
        if !exists {
            self.0.push(crate::http::InvalidParam::new(
                field,
                "verwijst naar een record dat niet bestaat",
            ));
        }
    }

    pub fn finish(self) -> Result<(), crate::http::ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(crate::http::ApiError::validation(self.0))
        }
    }
}

/// A `409` for a delete that other records still depend on.
pub fn in_use(what: &str, count: i64, by: &str) -> crate::http::ApiError {
    crate::http::ApiError::conflict(format!(
        "{what} is nog in gebruik bij {count} {by}; verwijder of wijzig die eerst."
    ))
}
