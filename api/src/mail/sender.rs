//! Delivery of the outbox: over SMTP (`KOERS_SMTP_URL`) or, without it, as `.eml` files under
//! `data/mail/`. A failed attempt is tried again after a wait that doubles each time; a
//! permanent refusal (an unknown address) or the last attempt marks the mail failed.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};

use super::store::{self, Uitgaand};
use crate::config::Config;
use crate::db::Db;
use crate::domain::time;
use crate::error::ApiError;

/// How long a claimed mail is left to its sender before another may try it.
const LEASE_SECONDS: i64 = 5 * 60;
/// Mails claimed per round; the rest wait for the next.
const BATCH: i64 = 20;
/// How often the outbox is looked at.
pub const INTERVAL: Duration = Duration::from_secs(2);

#[derive(Clone)]
enum Route {
    Smtp(Box<SmtpTransport>),
    Files(PathBuf),
}

/// Delivers what the outbox holds.
#[derive(Clone)]
pub struct Sender {
    route: Route,
    from: Mailbox,
    retry: Duration,
    attempts: i32,
}

impl Sender {
    /// The settings were checked at start ([`Config::from_env`]); this fails only on settings
    /// made in code.
    pub fn new(config: &Config) -> Result<Sender, String> {
        let route = match &config.smtp_url {
            Some(url) => Route::Smtp(Box::new(
                SmtpTransport::from_url(url)
                    .map_err(|e| format!("KOERS_SMTP_URL: {e}"))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build(),
            )),
            None => Route::Files(config.data_dir.join("mail")),
        };
        Ok(Sender {
            route,
            from: config
                .mail_from
                .parse()
                .map_err(|e| format!("KOERS_MAIL_FROM: {e}"))?,
            retry: config.mail_retry,
            attempts: config.mail_attempts.max(1),
        })
    }

    /// Where mails go, for the log at start.
    pub fn describe(&self) -> String {
        match &self.route {
            Route::Smtp(_) => "via SMTP (KOERS_SMTP_URL)".into(),
            Route::Files(dir) => format!(
                "als .eml-bestanden in {} (geen KOERS_SMTP_URL)",
                dir.display()
            ),
        }
    }

    /// One round: claims the due mails and tries each once. Answers how many were delivered.
    pub async fn deliver_due(&self, db: &Db) -> Result<usize, ApiError> {
        let due = db
            .write(|c| {
                store::claim(
                    c,
                    time::now(),
                    chrono::Duration::seconds(LEASE_SECONDS),
                    BATCH,
                )
            })
            .await?;
        let mut delivered = 0;
        for mail in due {
            let (id, pogingen) = (mail.id, mail.pogingen);
            let this = self.clone();
            let outcome = crate::trace::block(move || this.send(&mail))
                .await
                .unwrap_or_else(|e| Err((e.to_string(), false)));
            match outcome {
                Ok(()) => {
                    db.write(move |c| store::sent(c, id, time::now())).await?;
                    delivered += 1;
                }
                Err((fout, permanent)) => {
                    let opnieuw = (!permanent && pogingen < self.attempts)
                        .then(|| time::now() + self.wait(pogingen));
                    match opnieuw {
                        Some(_) => {
                            tracing::warn!(mail = %id, pogingen, fout = %fout, "mail niet verzonden; wordt opnieuw geprobeerd")
                        }
                        None => {
                            tracing::error!(mail = %id, pogingen, fout = %fout, "mail definitief niet verzonden")
                        }
                    }
                    db.write(move |c| store::failed(c, id, &fout, opnieuw))
                        .await?;
                }
            }
        }
        Ok(delivered)
    }

    /// The wait after attempt `n` (1-based): the first wait, doubled for each earlier attempt.
    fn wait(&self, n: i32) -> chrono::Duration {
        let factor = 1u32 << (n - 1).clamp(0, 16);
        chrono::Duration::from_std(self.retry * factor).unwrap_or(chrono::Duration::hours(24))
    }

    /// Sends one mail; the error says why and whether trying again can help.
    fn send(&self, mail: &Uitgaand) -> Result<(), (String, bool)> {
        let message = self.message(mail).map_err(|e| (e, true))?;
        match &self.route {
            Route::Smtp(t) => t
                .send(&message)
                .map(|_| ())
                .map_err(|e| (e.to_string(), e.is_permanent())),
            Route::Files(dir) => {
                std::fs::create_dir_all(dir)
                    .and_then(|_| {
                        std::fs::write(dir.join(format!("{}.eml", mail.id)), message.formatted())
                    })
                    .map_err(|e| (format!("{}: {e}", dir.display()), false))?;
                tracing::info!(mail = %mail.id, aan = %mail.aan, bestand = %dir.join(format!("{}.eml", mail.id)).display(), "mail geschreven");
                Ok(())
            }
        }
    }

    fn message(&self, mail: &Uitgaand) -> Result<Message, String> {
        let to: Mailbox = mail
            .aan
            .parse()
            .map_err(|e| format!("ongeldig adres {}: {e}", mail.aan))?;
        let body = MultiPart::alternative_plain_html(mail.tekst.clone(), mail.html.clone());
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.onderwerp.clone())
            // The same id on every attempt, so a mail server that got it twice can tell.
            .message_id(Some(format!("<{}@koers>", mail.id)));
        let message = match &mail.agenda {
            Some(ics) => builder.multipart(
                MultiPart::mixed().multipart(body).singlepart(
                    Attachment::new("bijeenkomst.ics".into()).body(
                        ics.clone(),
                        ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                            .expect("a valid content type"),
                    ),
                ),
            ),
            None => builder.multipart(body),
        };
        message.map_err(|e| e.to_string())
    }

    /// Delivers every few seconds, for as long as the server runs.
    pub async fn run(self, db: Db) {
        tracing::info!("mail wordt verzonden {}", self.describe());
        let mut every = tokio::time::interval(INTERVAL);
        loop {
            every.tick().await;
            if let Err(e) = self.deliver_due(&db).await {
                tracing::warn!(error = %e.detail, "postvak niet gelezen");
            }
        }
    }
}
