//! Ken- en stuurgetallen: the KPIs an SWV steers by, each with a target, either entered by hand
//! per school year or measured from what the other areas registered, and the overview of a
//! school year that the board reads.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
