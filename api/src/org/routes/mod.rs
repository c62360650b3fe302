//! The organisation's endpoints.

pub mod clients;
pub mod gebruikers;
pub mod gemeenten;
pub mod huisstijl;
pub mod scholen;
pub mod schoolbesturen;
pub mod swv;
pub mod werkgebieden;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    swv::configure(cfg);
    huisstijl::configure(cfg);
    gemeenten::configure(cfg);
    schoolbesturen::configure(cfg);
    werkgebieden::configure(cfg);
    scholen::configure(cfg);
    gebruikers::configure(cfg);
    clients::configure(cfg);
}
