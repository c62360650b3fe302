//! Bijeenkomsten: meetings and trainings of the SWV with their aanmeldingen, the waiting list,
//! attendance, turnout against targets, the year's statistics and reach, the import of
//! registration lists, series, calendar files and self-registration by participants.

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}

/// The server's reminders: every minute, the meetings whose reminder time has come get their
/// mails queued (the outbox sends them).
pub async fn herinneringen(db: crate::db::Db) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every.tick().await;
        let done = db
            .write(|c| store::mails::herinneringen(c, crate::domain::time::now()))
            .await;
        match done {
            Ok(0) => {}
            Ok(n) => tracing::info!(bijeenkomsten = n, "herinneringen in het postvak gezet"),
            Err(e) => tracing::warn!(error = %e.detail, "herinneringen niet verstuurd"),
        }
    }
}
