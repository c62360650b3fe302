//! Optimistic concurrency: `ETag` from `versie`, `If-Match` checked against it.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use serde::Serialize;

use super::error::ApiError;

/// What the client said it last saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// No `If-Match` or `If-Match: *`: any current version.
    Any,
    Versie(i32),
    /// An `If-Match` that can match no version (wrong form or a weak tag).
    Nothing,
}

impl Expect {
    pub fn from_request(req: &HttpRequest) -> Expect {
        let Some(raw) = req.headers().get(header::IF_MATCH) else {
            return Expect::Any;
        };
        let Ok(raw) = raw.to_str() else {
            return Expect::Nothing;
        };
        let raw = raw.trim();
        if raw == "*" {
            return Expect::Any;
        }
        // A list of tags matches when any tag matches; we answer for the first strong one.
        for tag in raw.split(',').map(str::trim) {
            if let Some(v) = tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
                if let Ok(n) = v.parse::<i32>() {
                    return Expect::Versie(n);
                }
            }
        }
        Expect::Nothing
    }

    /// `412` when the current version is not the one the client expected.
    pub fn check(self, current: i32) -> Result<(), ApiError> {
        match self {
            Expect::Any => Ok(()),
            Expect::Versie(v) if v == current => Ok(()),
            _ => Err(ApiError::precondition_failed()),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn if_match_forms() {
        let r = TestRequest::default()
            .insert_header(("If-Match", "\"3\""))
            .to_http_request();
        assert_eq!(Expect::from_request(&r), Expect::Versie(3));
        let r = TestRequest::default()
            .insert_header(("If-Match", "W/\"3\""))
            .to_http_request();
        assert_eq!(Expect::from_request(&r), Expect::Nothing);
        let r = TestRequest::default()
            .insert_header(("If-Match", "*"))
            .to_http_request();
        assert_eq!(Expect::from_request(&r), Expect::Any);
        assert!(Expect::Versie(2).check(3).is_err());
        assert!(Expect::Versie(3).check(3).is_ok());
    }
}
