//! Thuiszitters: pupils of compulsory school age out of school, and those at risk, followed as
//! cases whose situation changes over time, counted exactly on any date and reported on
//! peildata. Pupil-level data.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
