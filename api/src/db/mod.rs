//! Database access: one connection type over SQLite and PostgreSQL, the pool, migrations and
//! the two ways handlers reach the database (`read` and `write`).

mod conn;
mod types;

pub use conn::{DbConn, MultiBackend};
pub use types::Id;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::ApiError;

diesel::define_sql_function! {
    /// Lower case, for case-insensitive search on both backends.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
pub const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// The SQLite path without an optional `sqlite://` prefix.
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").unwrap_or(url)
}

#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<DbConn, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut DbConn) -> Result<(), diesel::r2d2::Error> {
        match conn {
            DbConn::Sqlite(c) => c.batch_execute(
                "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
            ),
            // The national figures (the monitor over every gemeente) sort a few hundred thousand
            // rows: in memory rather than on disk, and without compiling each plan first, which
            // costs more than it saves on queries of this size. The pool is small (one
            // connection per core by default), so the memory stays bounded.
            DbConn::Pg(c) => c.batch_execute("SET jit = off; SET work_mem = '32MB';"),
        }
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

pub type PooledConn = PooledConnection<ConnectionManager<DbConn>>;

fn pool(target: String, size: u32) -> Result<Pool<ConnectionManager<DbConn>>, String> {
    // No `SELECT 1` before every checkout: that is a round trip per request. A connection the
    // server has closed fails its next query, which leaves diesel's transaction state
    // `Unknown`; the pool then discards it instead of taking it back.
    Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .test_on_check_out(false)
        .connection_timeout(CHECKOUT_TIMEOUT)
        .connection_customizer(Box::new(SqlitePragmas))
        .build(ConnectionManager::<DbConn>::new(target))
        .map_err(|e| format!("kan geen verbinding maken met de database: {e}"))
}

/// A pool with as many permits as connections. A request waits for a permit as a future before
/// it takes a blocking thread, so the threads never queue on the pool's lock: on two cores that
/// queue cost more in context switches than the queries themselves.
#[derive(Clone)]
struct Gated {
    pool: Pool<ConnectionManager<DbConn>>,
    permits: Arc<tokio::sync::Semaphore>,
}

impl Gated {
    fn new(pool: Pool<ConnectionManager<DbConn>>) -> Gated {
        let permits = Arc::new(tokio::sync::Semaphore::new(pool.max_size() as usize));
        Gated { pool, permits }
    }

    /// Runs `f` with a connection of this pool on a blocking thread, once a permit is free.
    async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.permit().await?;
        let pool = self.pool.clone();
        blocking(move || {
            let _permit = permit;
            let mut conn = checkout(&pool)?;
            let result = f(&mut conn);
            settle(&mut conn, result)
        })
        .await
    }

    /// Like `run`, for work without side effects: when the connection turns out to be gone (the
    /// pool may hold several that the server closed at once), `f` runs once more on another.
    async fn run_retrying<T, F>(&self, mut f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnMut(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.permit().await?;
        let pool = self.pool.clone();
        blocking(move || {
            let _permit = permit;
            let mut conn = checkout(&pool)?;
            let result = f(&mut conn);
            match settle(&mut conn, result) {
                Err(e) if e.connection_lost => {
                    drop(conn);
                    let mut conn = checkout(&pool)?;
                    let result = f(&mut conn);
                    settle(&mut conn, result)
                }
                done => done,
            }
        })
        .await
    }

    async fn permit(&self) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
        tokio::time::timeout(CHECKOUT_TIMEOUT, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| {
                tracing::warn!("no database connection available");
                ApiError::unavailable()
            })?
            .map_err(|_| ApiError::unavailable())
    }
}

/// A connection whose error says the server is gone is marked broken, so that r2d2 closes it
/// when it comes back instead of handing it to the next request (which would fail the same way).
/// Diesel only calls a connection broken when its transaction state is; a failed statement
/// outside a transaction leaves that state clean.
pub fn settle<T>(conn: &mut DbConn, result: Result<T, ApiError>) -> Result<T, ApiError> {
    if let Err(e) = &result {
        if e.connection_lost {
            use diesel::connection::TransactionManager;
            <DbConn as Connection>::TransactionManager::transaction_manager_status_mut(conn)
                .set_in_error();
        }
    }
    result
}

const CHECKOUT_TIMEOUT: Duration = Duration::from_secs(10);

/// The shared database handle. SQLite allows one writer at a time; writes of this process are
/// serialised by `write_lock` so they queue instead of failing with "database is locked".
/// Reports and exports may run on a read replica (`replica`), away from the primary's writes.
#[derive(Clone)]
pub struct Db {
    pool: Gated,
    replica: Option<Gated>,
    pub backend: Backend,
    write_lock: Option<Arc<Mutex<()>>>,
}

impl Db {
    pub fn connect(url: &str, pool_size: u32) -> Result<Db, String> {
        let backend = Backend::of_url(url);
        let target = match backend {
            Backend::Postgres => url.to_string(),
            Backend::Sqlite => {
                let path = sqlite_path(url);
                if let Some(dir) = std::path::Path::new(path).parent() {
                    if !dir.as_os_str().is_empty() {
                        std::fs::create_dir_all(dir)
                            .map_err(|e| format!("kan map {} niet aanmaken: {e}", dir.display()))?;
                    }
                }
                // WAL is a property of the file; set it once before the pool opens connections.
                let mut c = diesel::SqliteConnection::establish(path)
                    .map_err(|e| format!("kan SQLite-database {path} niet openen: {e}"))?;
                c.batch_execute("PRAGMA journal_mode = WAL;")
                    .map_err(|e| format!("kan WAL niet inschakelen: {e}"))?;
                path.to_string()
            }
        };
        Ok(Db {
            pool: Gated::new(pool(target, pool_size)?),
            replica: None,
            backend,
            write_lock: (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(()))),
        })
    }

    /// Sends reports and exports (`report`) to a PostgreSQL read replica from now on.
    pub fn with_replica(mut self, url: &str, pool_size: u32) -> Result<Db, String> {
        self.replica = Some(Gated::new(pool(url.to_string(), pool_size)?));
        Ok(self)
    }

    pub fn migrate(&self) -> Result<(), String> {
        let mut conn = self.pool.pool.get().map_err(|e| e.to_string())?;
        let result = match &mut *conn {
            DbConn::Pg(c) => c.run_pending_migrations(PG_MIGRATIONS).map(|_| ()),
            DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|_| ()),
        };
        result.map_err(|e| format!("migratie mislukt: {e}"))
    }

    pub fn conn(&self) -> Result<PooledConn, ApiError> {
        checkout(&self.pool.pool)
    }

    pub fn has_replica(&self) -> bool {
        self.replica.is_some()
    }

    /// A connection for a report: the replica's if there is one.
    pub fn report_conn(&self) -> Result<PooledConn, ApiError> {
        checkout(&self.reports().pool)
    }

    pub fn pool_state(&self) -> (u32, u32) {
        let s = self.pool.pool.state();
        (s.connections, s.idle_connections)
    }

    /// Runs read-only work on a blocking thread; once more on another connection if the first
    /// turned out to be closed by the server.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnMut(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        self.pool.run_retrying(f).await
    }

    /// Runs a report or export (read-only, may lag the primary by a moment) on a blocking
    /// thread, on the read replica if one is configured.
    pub async fn report<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnMut(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        self.reports().run_retrying(f).await
    }

    /// Runs work in one transaction on a blocking thread; an error rolls everything back.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, ApiError> + Send + 'static,
    {
        let lock = self.write_lock.clone();
        self.pool
            .run(move |c| {
                let _guard = lock.as_deref().map(lock_ignoring_poison);
                c.transaction(f)
            })
            .await
    }

    pub fn write_blocking<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, ApiError>,
    {
        let _guard = self.write_lock.as_deref().map(lock_ignoring_poison);
        let mut conn = self.conn()?;
        let conn: &mut DbConn = &mut conn;
        let result = conn.transaction(f);
        settle(conn, result)
    }

    /// How a report may keep what it computed for the next one (the monitor's stored counts):
    /// not at all when reports read a replica, and on SQLite only under the process's write
    /// lock, which the report takes on the connection it already holds.
    pub fn report_store(&self) -> Option<ReportStore> {
        self.replica
            .is_none()
            .then(|| ReportStore(self.write_lock.clone()))
    }

    fn reports(&self) -> &Gated {
        self.replica.as_ref().unwrap_or(&self.pool)
    }
}

/// See [`Db::report_store`].
#[derive(Clone)]
pub struct ReportStore(Option<Arc<Mutex<()>>>);

impl ReportStore {
    /// Holds the write lock (SQLite) while the closure writes in one transaction.
    pub fn write<T>(
        &self,
        c: &mut DbConn,
        f: impl FnOnce(&mut DbConn) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let _guard = self.0.as_deref().map(lock_ignoring_poison);
        c.transaction(f)
    }
}

// A write that panicked has rolled back its transaction: the lock guards no state of its own.
fn lock_ignoring_poison(l: &Mutex<()>) -> std::sync::MutexGuard<'_, ()> {
    l.lock().unwrap_or_else(|p| p.into_inner())
}

fn checkout(pool: &Pool<ConnectionManager<DbConn>>) -> Result<PooledConn, ApiError> {
    pool.get().map_err(|e| {
        tracing::warn!(error = %e, "no database connection available");
        ApiError::unavailable()
    })
}

async fn blocking<T, F>(f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
{
    crate::trace::block(f)
        .await
        .map_err(|_| ApiError::internal("blocking task failed"))?
}

/// For tests of `text_enum!` types: the stored text of every value is its JSON text.
#[cfg(test)]
pub(crate) fn assert_text_enum<T: serde::Serialize + Copy>(
    all: &[T],
    text: impl Fn(T) -> &'static str,
) {
    for v in all {
        assert_eq!(
            serde_json::to_value(v).expect("serialisable"),
            serde_json::Value::String(text(*v).to_string())
        );
    }
}
