//! One-time links to choose a password: the invitation of a new account (valid 7 days) and
//! "wachtwoord vergeten" (valid 1 hour). Only the link's SHA-256 is stored; a link is used
//! once, and a new password ends every session of the account.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::{ApiError, ProblemType};
use crate::mail::{self, Bericht, MailSoort};
use crate::schema::{gebruikers, wachtwoord_tokens as wt};
use crate::secrets::{random_token, token_digest};

crate::text_enum! {
    /// Why the link was made.
    pub enum LinkSoort {
        Uitnodiging => "uitnodiging",
        Herstel => "herstel",
    }
}

pub const UITNODIGING_DAGEN: i64 = 7;
pub const HERSTEL_MINUTEN: i64 = 60;

/// What an account has no password for until it chooses one: no argon2 hash verifies against
/// it, so signing in fails as with a wrong password.
pub const GEEN_WACHTWOORD: &str = "!uitgenodigd";

/// A new link for the account; earlier unused links of the account stop working.
fn new_link(
    c: &mut DbConn,
    gebruiker: Id,
    soort: LinkSoort,
    geldig: Duration,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    diesel::delete(
        wt::table
            .filter(wt::gebruiker_id.eq(gebruiker))
            .filter(wt::gebruikt_op.is_null()),
    )
    .execute(c)?;
    let token = random_token();
    diesel::insert_into(wt::table)
        .values((
            wt::id.eq(Id::new()),
            wt::gebruiker_id.eq(gebruiker),
            wt::token_hash.eq(token_digest(&token)),
            wt::soort.eq(soort),
            wt::verloopt_op.eq(now + geldig),
            wt::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(mail::link(&format!("/wachtwoord-instellen/{token}")))
}

fn account(c: &mut DbConn, id: Id) -> Result<(String, String, Option<Id>), ApiError> {
    Ok(gebruikers::table
        .find(id)
        .select((
            gebruikers::email,
            gebruikers::naam,
            gebruikers::samenwerkingsverband_id,
        ))
        .first(c)?)
}

/// Mails a new account its invitation: a link to choose a password, valid 7 days.
pub fn uitnodigen(c: &mut DbConn, gebruiker: Id, now: NaiveDateTime) -> Result<(), ApiError> {
    let (email, naam, swv) = account(c, gebruiker)?;
    let url = new_link(
        c,
        gebruiker,
        LinkSoort::Uitnodiging,
        Duration::days(UITNODIGING_DAGEN),
        now,
    )?;
    let b = Bericht::new(&email, MailSoort::Uitnodiging, "Uw account voor Koers")
        .aanhef(&naam)
        .alinea(format!(
            "Er is een account voor u aangemaakt in Koers, met {email} als gebruikersnaam. Kies via de knop hieronder uw wachtwoord; daarna kunt u inloggen."
        ))
        .alinea(format!(
            "De link is {UITNODIGING_DAGEN} dagen geldig en werkt één keer. Verlopen? Vraag de beheerder om een nieuwe uitnodiging, of gebruik \u{201c}Wachtwoord vergeten\u{201d} op de inlogpagina."
        ))
        .knop("Wachtwoord kiezen", url);
    mail::queue(c, swv, &b)?;
    Ok(())
}

/// "Wachtwoord vergeten": mails an active account with this email a link valid 1 hour; for an
/// unknown or inactive address nothing happens (the caller answers the same either way).
pub fn herstel(c: &mut DbConn, email: &str, now: NaiveDateTime) -> Result<(), ApiError> {
    let found: Option<Id> = gebruikers::table
        .filter(gebruikers::email.eq(email.trim().to_lowercase()))
        .filter(gebruikers::actief.eq(true))
        .select(gebruikers::id)
        .first(c)
        .optional()?;
    let Some(id) = found else {
        return Ok(());
    };
    let (email, naam, swv) = account(c, id)?;
    let url = new_link(
        c,
        id,
        LinkSoort::Herstel,
        Duration::minutes(HERSTEL_MINUTEN),
        now,
    )?;
    let b = Bericht::new(&email, MailSoort::Wachtwoordherstel, "Nieuw wachtwoord voor Koers")
        .aanhef(&naam)
        .alinea("U vroeg om een nieuw wachtwoord voor Koers. Kies het via de knop hieronder; de link is een uur geldig en werkt één keer.")
        .alinea("Vroeg u dit niet? Dan kunt u deze mail negeren: uw wachtwoord blijft zoals het is.")
        .knop("Nieuw wachtwoord kiezen", url);
    mail::queue(c, swv, &b)?;
    Ok(())
}

fn expired() -> ApiError {
    ApiError::new(
        ProblemType::LinkVerlopen,
        "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan via \u{201c}Wachtwoord vergeten\u{201d} op de inlogpagina.",
    )
}

/// The account a link is for, with its email (for the password rules): `410` when the link is
/// unknown, expired or used.
pub fn holder(c: &mut DbConn, token: &str, now: NaiveDateTime) -> Result<(Id, String), ApiError> {
    wt::table
        .inner_join(gebruikers::table)
        .filter(wt::token_hash.eq(token_digest(token)))
        .filter(wt::gebruikt_op.is_null())
        .filter(wt::verloopt_op.gt(now))
        .filter(gebruikers::actief.eq(true))
        .select((gebruikers::id, gebruikers::email))
        .first(c)
        .optional()?
        .ok_or_else(expired)
}

/// Uses the link: the account gets the new password (its hash) and every session of it ends.
/// Answers the account.
pub fn instellen(
    c: &mut DbConn,
    token: &str,
    hash: &str,
    now: NaiveDateTime,
) -> Result<Id, ApiError> {
    let (gebruiker, _) = holder(c, token, now)?;
    // Marked used first and only if still unused, so two tabs cannot both use one link.
    let n = diesel::update(
        wt::table
            .filter(wt::token_hash.eq(token_digest(token)))
            .filter(wt::gebruikt_op.is_null()),
    )
    .set(wt::gebruikt_op.eq(Some(now)))
    .execute(c)?;
    if n != 1 {
        return Err(expired());
    }
    diesel::update(gebruikers::table.find(gebruiker))
        .set((
            gebruikers::wachtwoord_hash.eq(hash),
            gebruikers::updated_at.eq(now),
            gebruikers::versie.eq(gebruikers::versie + 1),
        ))
        .execute(c)?;
    super::refresh::revoke_user(c, gebruiker, now)?;
    Ok(gebruiker)
}

#[cfg(test)]
mod tests {
    #[test]
    fn stored_texts_are_the_json_texts() {
        crate::db::assert_text_enum(super::LinkSoort::ALL, super::LinkSoort::as_str);
    }

    #[test]
    fn the_placeholder_verifies_no_password() {
        assert!(!crate::secrets::verify("", super::GEEN_WACHTWOORD));
        assert!(!crate::secrets::verify(
            super::GEEN_WACHTWOORD,
            super::GEEN_WACHTWOORD
        ));
    }
}
