//! Organisation data: samenwerkingsverbanden, gemeenten, schoolbesturen, werkgebieden, scholen,
//! gebruikers and clients.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}
