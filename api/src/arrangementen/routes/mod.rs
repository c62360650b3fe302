//! The HTTP side of arrangementen.

pub mod arrangementen;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    arrangementen::configure(cfg);
}
