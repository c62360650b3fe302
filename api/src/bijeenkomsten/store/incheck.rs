//! Self check-in at the door: a short-lived code shown as a QR code on the presence screen,
//! with which a registered participant marks herself present on her own phone, from 30 minutes
//! before the start to the end.

use super::aanmeldingen::{aanwezigheid_open, AANWEZIG_VOORAF_MINUTEN};
use super::rij::Row;
use super::{AanmeldingStatus, BijeenkomstStatus};
use crate::error::ProblemType;
use crate::schema::{aanmeldingen, bijeenkomsten};
use crate::secrets::{signed_link, verify_signed_link};
use crate::store_prelude::*;

/// How long a code works: the screen shows a new one well before, so a photo of the QR sent to
/// someone at home is soon worth nothing.
pub const GELDIG_MINUTEN: i64 = 15;

fn purpose(geldig_tot: i64) -> String {
    format!("incheck:{geldig_tot}")
}

/// A code for the meeting, valid until `geldig_tot` (`{meeting}.{until}.{signature}`).
pub fn code(bijeenkomst: Id, geldig_tot: NaiveDateTime) -> String {
    let t = geldig_tot.and_utc().timestamp();
    let signed = signed_link(&purpose(t), bijeenkomst);
    let (id, mac) = signed.split_once('.').unwrap_or((&signed, ""));
    format!("{id}.{t}.{mac}")
}

fn expired() -> ApiError {
    ApiError::new(
        ProblemType::LinkVerlopen,
        "Deze inchecklink is verlopen. Scan de QR-code op het scherm bij de ingang opnieuw.",
    )
}

/// The meeting a code is for: `410` when the code is forged or expired.
pub fn meeting(c: &mut DbConn, code: &str, now: NaiveDateTime) -> Result<Row, ApiError> {
    let mut parts = code.splitn(3, '.');
    let (Some(id), Some(t), Some(mac)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(expired());
    };
    let t: i64 = t.parse().map_err(|_| expired())?;
    let id = verify_signed_link(&purpose(t), &format!("{id}.{mac}")).ok_or_else(expired)?;
    if now.and_utc().timestamp() > t {
        return Err(expired());
    }
    bijeenkomsten::table
        .filter(bijeenkomsten::id.eq(id))
        .select(Row::as_select())
        .first(c)
        .optional()?
        .ok_or_else(expired)
}

/// `410` outside the time in which one can check in.
pub fn check_open(m: &Row, now: NaiveDateTime) -> Result<(), ApiError> {
    if m.status == BijeenkomstStatus::Geannuleerd {
        return Err(ApiError::new(
            ProblemType::Gesloten,
            "Deze bijeenkomst is geannuleerd.",
        ));
    }
    if !aanwezigheid_open(m.start, now) || now > m.eind {
        return Err(ApiError::new(
            ProblemType::Gesloten,
            format!("Inchecken kan vanaf {AANWEZIG_VOORAF_MINUTEN} minuten voor de start tot het einde van de bijeenkomst."),
        ));
    }
    Ok(())
}

/// Marks the registration with this email present, if it is registered (not waiting or
/// cancelled); anything else changes nothing and says nothing.
pub fn check_in(c: &mut DbConn, m: &Row, email: &str, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::update(
        aanmeldingen::table
            .filter(aanmeldingen::bijeenkomst_id.eq(m.id))
            .filter(aanmeldingen::email_sleutel.eq(super::email_key(email)))
            .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
            .filter(
                aanmeldingen::aanwezig
                    .is_null()
                    .or(aanmeldingen::aanwezig.eq(false)),
            ),
    )
    .set((
        aanmeldingen::aanwezig.eq(Some(true)),
        aanmeldingen::updated_at.eq(now),
        aanmeldingen::versie.eq(aanmeldingen::versie + 1),
    ))
    .execute(c)?;
    Ok(())
}
