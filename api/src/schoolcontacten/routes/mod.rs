//! The HTTP side of school contacts.

pub mod contacten;
pub mod kerncijfers;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    contacten::configure(cfg);
    kerncijfers::configure(cfg);
}
