//! Organisation data: samenwerkingsverbanden, gemeenten, schoolbesturen, werkgebieden, scholen,
//! gebruikers and clients.

pub mod clients;
pub mod gebruikers;
pub mod gemeenten;
pub mod routes;
pub mod schoolbesturen;
pub mod store;
pub mod swv;
pub mod werkgebieden;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    swv::configure(cfg);
    gemeenten::configure(cfg);
    schoolbesturen::configure(cfg);
    werkgebieden::configure(cfg);
    routes::scholen::configure(cfg);
    gebruikers::configure(cfg);
    clients::configure(cfg);
}
