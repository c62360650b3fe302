//! Arrangementen: extra support at regular schools, for one pupil, a group or an innovation,
//! granted from the budget of a werkgebied. Those for one pupil are pupil-level data.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
