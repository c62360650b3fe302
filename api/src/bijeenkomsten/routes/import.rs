//! Reading a registration list from CSV or Excel: every row is checked before anything is
//! stored, and every wrong row is named (`rijen[<row number>].<column>`, the header is row 1).

use crate::bijeenkomsten::store::import::*;
use crate::http::export::{CSV, XLSX};
use crate::route_prelude::*;

impl Kind {
    /// The file type from `Content-Type`; `415` for anything else.
    pub fn of_request(req: &HttpRequest) -> Result<Kind, ApiError> {
        match crate::http::body::media_type(req).as_str() {
            CSV | "application/csv" | "text/plain" => Ok(Kind::Csv),
            XLSX => Ok(Kind::Xlsx),
            _ => Err(ApiError::unsupported_media_type(&format!(
                "{CSV} of {XLSX}"
            ))),
        }
    }
}
