//! What leaves the SWV: the JOP monitor that gemeenten pull. Reads the figures of the pupil-level
//! areas per gemeente, follows municipal mergers, and suppresses small numbers.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}

/// Keeps the monitor's stored counts of the current school year current in the background (see
/// [`store::tussenstand::bijwerken`]): every five minutes, so a write is counted again within
/// minutes and a new day's counts are made before a gemeente asks. Nothing is stored when reports
/// read a replica.
pub async fn bijhouden(db: crate::db::Db) {
    let Some(opslag) = db.report_store() else {
        return;
    };
    let mut every = tokio::time::interval(std::time::Duration::from_secs(5 * 60));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        every.tick().await;
        let opslag = opslag.clone();
        let done = db
            .report(move |c| store::tussenstand::bijwerken(c, crate::domain::time::now(), &opslag))
            .await;
        match done {
            Ok(0) => {}
            Ok(n) => tracing::info!(samenwerkingsverbanden = n, "monitor opnieuw geteld"),
            Err(e) => tracing::warn!(error = %e.detail, "monitor niet opnieuw geteld"),
        }
    }
}
