//! The HTTP side of arrangementen.

pub mod arrangementen;
pub mod budgetten;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    arrangementen::configure(cfg);
    budgetten::configure(cfg);
}
