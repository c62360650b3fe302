//! The consulent's contacts with the schools she supports: start talks about the support
//! budget, meso talks, signals, with what must follow; and per school how often it was seen.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
