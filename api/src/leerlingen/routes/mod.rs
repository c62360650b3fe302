//! The HTTP side of pupils: the records and their dossier.

pub mod leerlingen;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    leerlingen::configure(cfg);
}
