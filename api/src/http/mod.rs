//! The contract machinery every resource shares.

pub mod address;
pub mod body;
pub mod context;
pub mod etag;
pub mod export;
pub mod figures;
pub mod known;
pub mod list;
pub mod serde_fout;
pub mod werkboek;

pub use address::client_address;
pub use body::{apply_patch, Input, JsonBody, MergePatch, RawBody};
pub use export::Format;
pub use list::{ListQuery, ListSpec};

/// Marks an answer as not to be stored by any cache: tokens and personal data.
pub fn no_store(mut b: actix_web::HttpResponseBuilder) -> actix_web::HttpResponseBuilder {
    use actix_web::http::header::{self, CacheControl, CacheDirective};
    b.insert_header(CacheControl(vec![CacheDirective::NoStore]));
    b.insert_header((header::PRAGMA, "no-cache"));
    b
}

/// Whether an answer on `path` must not be kept by any cache. Every answer of the API is, errors
/// included: registrations, users, clients and tokens are personal data, and a resource that is
/// not today may carry it tomorrow (a pupil's name). Only the contract and its reference page are
/// public and the same for everyone.
pub fn never_stored(path: &str) -> bool {
    let api = path == "/api/v1" || path.starts_with("/api/v1/");
    let public = path == "/api/v1/openapi.json" || path.starts_with("/api/v1/docs");
    api && !public
}

/// The semantic version of the API, sent on every response as `API-Version`.
pub const API_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Declares the OpenAPI schema of one page of a list, as answered by every list endpoint.
#[macro_export]
macro_rules! page_schema {
    ($name:ident, $item:ty) => {
        #[derive(serde::Serialize, utoipa::ToSchema)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            /// The records on this page.
            pub items: Vec<$item>,
            /// The page number, from 1.
            #[schema(example = 1)]
            pub page: i64,
            /// Records per page (1-200).
            #[schema(example = 50)]
            pub page_size: i64,
            /// Records matching the filters, over all pages.
            #[schema(example = 1)]
            pub total: i64,
        }
    };
}
