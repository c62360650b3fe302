//! The HTTP side of MDO's.

pub mod mdos;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    mdos::configure(cfg);
}
