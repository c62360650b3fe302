//! What every handler shares: the database, the token keys and the configuration.

use crate::auth::jwt::Keys;
use crate::config::Config;
use crate::db::Db;
use crate::metrics::Metrics;

pub struct AppState {
    pub db: Db,
    pub keys: Keys,
    pub config: Config,
    pub metrics: Metrics,
}

impl AppState {
    pub fn new(config: Config, db: Db) -> Result<AppState, String> {
        let secret = config.jwt_secret()?;
        let keys = Keys::new(&secret);
        crate::secrets::set_link_key(&secret);
        crate::mail::set_basis(&config.public_url);
        let db = match &config.replica_url {
            Some(url) => db.with_replica(url, config.pool_size)?,
            None => db,
        };
        Ok(AppState {
            db,
            keys,
            config,
            metrics: Metrics::new(),
        })
    }
}
