//! Planning and accountability: the four-year ondersteuningsplan with its ambities, the yearly
//! activiteitenplan with its activiteiten and their evaluaties, portefeuilles and projecten with
//! their voortgang, the copy of a plan into the next school year and the year's account.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
