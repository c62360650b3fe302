//! The HTTP side of the KPIs.

pub mod kengetallen;
pub mod overzicht;
pub mod waarden;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Before `/kengetallen/{id}`, which would take `overzicht` for an id.
    overzicht::configure(cfg);
    kengetallen::configure(cfg);
    waarden::configure(cfg);
}
