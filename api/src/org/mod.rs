//! Organisation data: samenwerkingsverbanden, gemeenten, schoolbesturen, werkgebieden, scholen,
//! gebruikers and clients.

pub mod clients;
pub mod gebruikers;
pub mod gemeenten;
pub mod scholen;
pub mod schoolbesturen;
pub mod swv;
pub mod werkgebieden;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    swv::configure(cfg);
    gemeenten::configure(cfg);
    schoolbesturen::configure(cfg);
    werkgebieden::configure(cfg);
    scholen::configure(cfg);
    gebruikers::configure(cfg);
    clients::configure(cfg);
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
