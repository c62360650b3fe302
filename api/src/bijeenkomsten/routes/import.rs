//! Reading a registration list from CSV or Excel: every row is checked before anything is
//! stored, and every wrong row is named (`rijen[<row number>].<column>`, the header is row 1).

use crate::bijeenkomsten::store::import::*;
use crate::http::export::{CSV, XLSX};
use crate::route_prelude::*;
use actix_web::http::header;

impl Kind {
    /// The file type from `Content-Type`; `415` for anything else.
    pub fn of_request(req: &HttpRequest) -> Result<Kind, ApiError> {
        let mt = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|v| v.trim().to_ascii_lowercase())
            .unwrap_or_default();
        match mt.as_str() {
            CSV | "application/csv" | "text/plain" => Ok(Kind::Csv),
            XLSX => Ok(Kind::Xlsx),
            _ => Err(ApiError::unsupported_media_type(&format!(
                "{CSV} of {XLSX}"
            ))),
        }
    }
}
