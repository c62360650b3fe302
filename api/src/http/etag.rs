//! Optimistic concurrency: the `ETag` of a record is its `versie`.

use actix_web::http::header;
use actix_web::{HttpResponse, HttpResponseBuilder};
use serde::Serialize;

pub fn etag_value(versie: i32) -> String {
    format!("\"{versie}\"")
}

/// A JSON answer carrying the resource's `ETag`.
pub fn json_with_etag<T: Serialize>(
    mut builder: HttpResponseBuilder,
    versie: i32,
    body: &T,
) -> HttpResponse {
    builder
        .insert_header((header::ETAG, etag_value(versie)))
        .json(body)
}
