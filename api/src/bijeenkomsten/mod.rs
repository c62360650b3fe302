//! Bijeenkomsten: meetings and trainings of the SWV with their aanmeldingen, the waiting list,
//! attendance, turnout against targets, the year's statistics and reach, the import of
//! registration lists, series, calendar files and self-registration by participants.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
