//! The HTTP side of thuiszitters.

pub mod casussen;
pub mod cijfers;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // The counts before `/thuiszitters/{id}`, which would take `telling` for an id.
    cijfers::configure(cfg);
    casussen::configure(cfg);
}
