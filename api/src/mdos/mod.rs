//! MDO's: multidisciplinary meetings at a school, most about one pupil. Pupil-level data.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
