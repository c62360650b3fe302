//! Settings, only from `KOERS_*` environment variables, checked once at start.

use crate::db::Backend;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub jwt_secret: Option<String>,
    pub admin_email: Option<String>,
    pub admin_password: Option<String>,
    pub demo: bool,
    pub static_dir: PathBuf,
    pub cors_origins: Vec<String>,
    pub trust_proxy: bool,
    pub pool_size: u32,
    /// A PostgreSQL read replica for reports and exports; without it they use the primary.
    pub replica_url: Option<String>,
    /// `/metrics` answers only with this bearer token (when set).
    pub metrics_token: Option<String>,
    /// `/metrics` is served only on this separate address (when set), never on `bind`.
    pub metrics_bind: Option<SocketAddr>,
    /// The whole body of a request must have arrived within this time, or `408`.
    pub body_timeout: Duration,
    /// Mail goes out over SMTP (`smtp://`, `smtps://`); without it, as `.eml` files under
    /// `data/mail/`.
    pub smtp_url: Option<String>,
    /// The sender of every mail, `Naam <adres>` or an address.
    pub mail_from: String,
    /// Where people reach the SPA: the base of every link in a mail.
    pub public_url: String,
    /// The first wait before a failed mail is tried again; each next wait doubles.
    pub mail_retry: Duration,
    /// After this many attempts a mail is given up as failed.
    pub mail_attempts: i32,
}

pub const DEFAULT_MAIL_FROM: &str = "Koers <noreply@koers.localhost>";
pub const DEFAULT_MAIL_RETRY: Duration = Duration::from_secs(60);
/// With a first wait of a minute, doubling: the last attempt comes about four hours after the
/// first, long enough to ride out a mail server's maintenance.
pub const DEFAULT_MAIL_ATTEMPTS: i32 = 9;

/// Checks the mail settings: an SMTP address lettre can use and a sender address.
fn mail_settings(smtp_url: Option<&str>, from: &str) -> Result<(), String> {
    if let Some(url) = smtp_url {
        lettre::SmtpTransport::from_url(url).map_err(|e| {
            format!("KOERS_SMTP_URL={url}: {e} (verwacht bijvoorbeeld smtp://mail.example.nl:587?tls=required of smtps://gebruiker:wachtwoord@mail.example.nl)")
        })?;
    }
    from.parse::<lettre::message::Mailbox>().map_err(|e| {
        format!("KOERS_MAIL_FROM={from}: {e} (verwacht bijvoorbeeld \"Koers <noreply@swv.nl>\")")
    })?;
    Ok(())
}

fn var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn flag(name: &str) -> Result<bool, String> {
    match var(name).as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("0") | Some("false") | Some("no") | Some("nee") => Ok(false),
        Some("1") | Some("true") | Some("yes") | Some("ja") => Ok(true),
        Some(other) => Err(format!("{name}={other}: gebruik true of false")),
    }
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let data_dir = PathBuf::from(var("KOERS_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = var("KOERS_DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("koers.db").display()));
        let bind_text = var("KOERS_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        let bind = bind_text.parse().map_err(|_| {
            format!("KOERS_BIND={bind_text}: verwacht adres:poort, bijvoorbeeld 127.0.0.1:8080")
        })?;
        let jwt_secret = var("KOERS_JWT_SECRET");
        if let Some(s) = &jwt_secret {
            if s.len() < 32 {
                return Err("KOERS_JWT_SECRET moet minstens 32 tekens lang zijn".into());
            }
        }
        let admin_email = var("KOERS_ADMIN_EMAIL");
        let admin_password = var("KOERS_ADMIN_PASSWORD");
        if admin_email.is_some() != admin_password.is_some() {
            return Err(
                "zet KOERS_ADMIN_EMAIL en KOERS_ADMIN_PASSWORD samen, of geen van beide".into(),
            );
        }
        if admin_password
            .as_ref()
            .is_some_and(|p| p.chars().count() < 12)
        {
            return Err("KOERS_ADMIN_PASSWORD moet minstens 12 tekens lang zijn".into());
        }
        let demo = flag("KOERS_DEMO")?;
        // The first account holds every right, so its password meets the rules of every other.
        if let (Some(email), Some(pw)) = (&admin_email, &admin_password) {
            if let Some(reason) = crate::domain::rules::password_problem(pw, email, demo) {
                return Err(format!("KOERS_ADMIN_PASSWORD wordt geweigerd: {reason}"));
            }
        }
        let pool_size = match var("KOERS_POOL_SIZE") {
            None => default_pool_size(),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .ok_or_else(|| {
                    format!("KOERS_POOL_SIZE={v}: verwacht een getal van 1 tot en met 256")
                })?,
        };
        let replica_url = var("KOERS_DATABASE_REPLICA_URL");
        if replica_url.is_some() && Backend::of_url(&database_url) != Backend::Postgres {
            return Err(
                "KOERS_DATABASE_REPLICA_URL kan alleen naast een PostgreSQL-database".into(),
            );
        }
        if let Some(r) = &replica_url {
            if Backend::of_url(r) != Backend::Postgres {
                return Err("KOERS_DATABASE_REPLICA_URL: verwacht een postgres://-adres".into());
            }
        }
        let cors_origins = var("KOERS_CORS_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|s| s.trim().trim_end_matches('/').to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let metrics_token = var("KOERS_METRICS_TOKEN");
        if metrics_token.as_ref().is_some_and(|t| t.len() < 16) {
            return Err("KOERS_METRICS_TOKEN moet minstens 16 tekens lang zijn".into());
        }
        let metrics_bind = match var("KOERS_METRICS_BIND") {
            None => None,
            Some(v) => Some(v.parse::<SocketAddr>().map_err(|_| {
                format!("KOERS_METRICS_BIND={v}: verwacht adres:poort, bijvoorbeeld 127.0.0.1:9090")
            })?),
        };
        if metrics_bind.is_some_and(|m| m == bind) {
            return Err("KOERS_METRICS_BIND moet een ander adres zijn dan KOERS_BIND".into());
        }
        let body_timeout = match var("KOERS_BODY_TIMEOUT_SECS") {
            None => DEFAULT_BODY_TIMEOUT,
            Some(v) => v
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=600).contains(n))
                .map(Duration::from_secs)
                .ok_or_else(|| {
                    format!("KOERS_BODY_TIMEOUT_SECS={v}: verwacht een getal van 1 tot en met 600")
                })?,
        };
        let smtp_url = var("KOERS_SMTP_URL");
        let mail_from = var("KOERS_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.into());
        mail_settings(smtp_url.as_deref(), &mail_from)?;
        let public_url = var("KOERS_PUBLIC_URL")
            .map(|u| u.trim_end_matches('/').to_string())
            .unwrap_or_else(|| format!("http://{bind}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(format!(
                "KOERS_PUBLIC_URL={public_url}: verwacht een adres dat begint met https:// of http://"
            ));
        }
        Ok(Config {
            database_url,
            bind,
            data_dir,
            jwt_secret,
            admin_email,
            admin_password,
            demo,
            static_dir: PathBuf::from(
                var("KOERS_STATIC_DIR").unwrap_or_else(|| "frontend/dist".into()),
            ),
            cors_origins,
            trust_proxy: flag("KOERS_TRUST_PROXY")?,
            pool_size,
            replica_url,
            metrics_token,
            metrics_bind,
            body_timeout,
            smtp_url,
            mail_from,
            public_url,
            mail_retry: DEFAULT_MAIL_RETRY,
            mail_attempts: DEFAULT_MAIL_ATTEMPTS,
        })
    }

    /// The signing secret: configured, or generated once and kept in the data folder.
    pub fn jwt_secret(&self) -> Result<Vec<u8>, String> {
        if let Some(s) = &self.jwt_secret {
            return Ok(s.as_bytes().to_vec());
        }
        let path = self.data_dir.join("jwt-secret");
        if let Ok(existing) = std::fs::read_to_string(&path) {
            let existing = existing.trim();
            if existing.len() >= 32 {
                return Ok(existing.as_bytes().to_vec());
            }
        }
        std::fs::create_dir_all(&self.data_dir)
            .map_err(|e| format!("kan map {} niet aanmaken: {e}", self.data_dir.display()))?;
        let secret = format!(
            "{}{}",
            crate::secrets::random_token(),
            crate::secrets::random_token()
        );
        write_private(&path, &secret)
            .map_err(|e| format!("kan {} niet schrijven: {e}", path.display()))?;
        Ok(secret.into_bytes())
    }
}

fn write_private(path: &std::path::Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(content.as_bytes())
}

/// A JSON body of at most 1 MiB takes well under a second on any real connection; ten seconds
/// leaves room for a slow mobile link while a client that trickles bytes cannot hold a worker.
pub const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// One connection per core (at least two). Measured on two cores shared with PostgreSQL
/// (`make bench`): more connections than cores only make the database switch between them,
/// and under load throughput drops while p99 doubles.
pub fn default_pool_size() -> u32 {
    std::thread::available_parallelism()
        .map_or(2, |n| n.get() as u32)
        .max(2)
}

#[cfg(test)]
mod tests {
    #[test]
    fn mail_settings_are_checked_at_start() {
        assert!(super::mail_settings(None, super::DEFAULT_MAIL_FROM).is_ok());
        assert!(super::mail_settings(Some("smtps://u:p@mail.example.nl"), "a@b.nl").is_ok());
        assert!(
            super::mail_settings(Some("smtp://mail.example.nl:587?tls=required"), "a@b.nl").is_ok()
        );
        let e = super::mail_settings(Some("http://mail.example.nl"), "a@b.nl").unwrap_err();
        assert!(
            e.starts_with("KOERS_SMTP_URL=http://mail.example.nl:"),
            "{e}"
        );
        assert!(!e.contains('\n'), "one line");
        let e = super::mail_settings(None, "geen adres").unwrap_err();
        assert!(e.starts_with("KOERS_MAIL_FROM=geen adres:"), "{e}");
    }
}
