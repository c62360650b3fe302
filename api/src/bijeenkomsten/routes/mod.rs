//! The meetings' endpoints.

pub mod aanmeldingen;
pub mod agenda;
pub mod berichten;
pub mod cijfers;
pub mod import;
pub mod incheck;
pub mod publiek;
pub mod records;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Fixed paths before `/bijeenkomsten/{id}`, which would otherwise claim them.
    cijfers::configure(cfg);
    records::configure(cfg);
    aanmeldingen::configure(cfg);
    berichten::configure(cfg);
    incheck::configure(cfg);
    publiek::configure(cfg);
}
