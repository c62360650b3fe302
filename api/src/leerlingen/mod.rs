//! Pupils: the pseudonymous records every pupil-level area refers to, their dossier and their
//! retention. Every answer that carries pupils is audited (see [`crate::audit`]).

pub mod routes;
pub mod store;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    routes::configure(cfg);
}

use crate::db::Db;
use crate::error::ApiError;
use store::opschonen::{self, Opgeschoond};

/// Applies every SWV's retention period now.
pub fn opschonen(db: &Db) -> Result<Vec<Opgeschoond>, ApiError> {
    db.write_blocking(|c| opschonen::run(c, crate::domain::time::today()))
}

/// The server's daily retention run: once shortly after start, then every 24 hours.
pub async fn opschonen_daily(db: Db) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    loop {
        every.tick().await;
        let db = db.clone();
        let done = db
            .write(|c| opschonen::run(c, crate::domain::time::today()))
            .await;
        match done {
            Ok(done) => {
                let n: usize = done.iter().map(|o| o.geanonimiseerd).sum();
                tracing::info!(geanonimiseerd = n, "bewaartermijn toegepast");
            }
            Err(e) => tracing::warn!(error = %e.detail, "bewaartermijn niet toegepast"),
        }
    }
}
