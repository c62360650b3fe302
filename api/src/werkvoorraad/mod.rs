//! The consulent's one worklist: what waits for the caller across the areas (follow-ups of her
//! school contacts, TLV requests and thuiszitters of her schools, activities to evaluate,
//! attendance to record), by due date. Names pupils, so it is read like pupil-level data.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
