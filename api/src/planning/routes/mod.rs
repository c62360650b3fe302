//! The plans' endpoints.

pub mod activiteiten;
pub mod activiteitenplannen;
pub mod ambities;
pub mod ondersteuningsplannen;
pub mod portefeuilles;
pub mod projecten;
pub mod verantwoording;
pub mod voortgang;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    ondersteuningsplannen::configure(cfg);
    ambities::configure(cfg);
    activiteitenplannen::configure(cfg);
    verantwoording::configure(cfg);
    activiteiten::configure(cfg);
    portefeuilles::configure(cfg);
    projecten::configure(cfg);
    voortgang::configure(cfg);
}
