//! The HTTP side of school contacts.

pub mod contacten;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    contacten::configure(cfg);
}
