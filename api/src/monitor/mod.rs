//! What leaves the SWV: the JOP monitor that gemeenten pull. Reads the figures of the pupil-level
//! areas per gemeente, follows municipal mergers, and suppresses small numbers.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
