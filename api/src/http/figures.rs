//! Reports as figures: the report itself as JSON, its figures one per row as CSV or XLSX, and for
//! the pupil-level areas the same as a lezer reads it.

use actix_web::HttpResponse;
use serde::Serialize;

use super::export::{respond, Format};
use super::list::ListQuery;
use crate::domain::afscherming::{self, Blik};
use crate::error::ApiError;

/// Answers a report of a pupil-level area as `blik` reads it: exact as `figures` does, or for a
/// lezer with small counts suppressed, its CSV/XLSX then a line per figure of that answer.
pub fn pupil_figures<T: Serialize, R: Serialize + utoipa::PartialSchema>(
    blik: Blik,
    format: Format,
    query: &ListQuery,
    report: &T,
    rows: &[R],
    name: &str,
) -> Result<HttpResponse, ApiError> {
    if !blik.afgeschermd {
        return figures(format, query, report, rows, name);
    }
    let v = blik.json(report).map_err(ApiError::internal)?;
    figures(format, query, &v, &afscherming::regels(&v), name)
}

/// Answers a report: as JSON the report itself, as CSV or XLSX its figures one per row.
pub fn figures<T: Serialize, R: Serialize + utoipa::PartialSchema>(
    format: Format,
    query: &ListQuery,
    report: &T,
    rows: &[R],
    name: &str,
) -> Result<HttpResponse, ApiError> {
    if format.is_json() {
        return Ok(HttpResponse::Ok().json(report));
    }
    respond(format, query, rows, rows.len() as i64, name, &[])
}
