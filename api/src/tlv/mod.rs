//! TLV's (toelaatbaarheidsverklaringen): the SWV's legal decision that a pupil may attend
//! special education, from request through expert advice and decision to objection. Pupil-level
//! data.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
