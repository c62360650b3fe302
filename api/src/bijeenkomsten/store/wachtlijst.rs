//! The rules of places and the waiting list, in one place for every way a registration comes
//! in or goes out (staff, the public page, an import, a changed maximum).
//!
//! Every change first takes the meeting's row lock ([`lock`]): on PostgreSQL an `UPDATE` holds
//! the row until the transaction ends, so concurrent registrations for one meeting are counted
//! one after another and never exceed `maxDeelnemers`; on SQLite writes are serialised anyway.

use super::rij::Row;
use super::{AanmeldingStatus, BijeenkomstStatus, Bron, Functie};
use crate::schema::{aanmeldingen, bijeenkomsten};
use crate::store_prelude::*;

/// Locks the meeting for this transaction and answers the next place in its queue; `404` when
/// the meeting is not of this SWV.
pub fn lock(c: &mut DbConn, swv: Id, bijeenkomst: Id) -> Result<i64, ApiError> {
    let n = diesel::update(
        bijeenkomsten::table
            .filter(bijeenkomsten::id.eq(bijeenkomst))
            .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv)),
    )
    .set(bijeenkomsten::volgnummer.eq(bijeenkomsten::volgnummer + 1_i64))
    .execute(c)?;
    if n == 0 {
        return Err(ApiError::not_found());
    }
    Ok(bijeenkomsten::table
        .filter(bijeenkomsten::id.eq(bijeenkomst))
        .select(bijeenkomsten::volgnummer)
        .first(c)?)
}

/// A registration to be stored.
pub struct Nieuw<'a> {
    pub naam: &'a str,
    pub email: &'a str,
    pub school_id: Option<Id>,
    pub functie: Functie,
    pub bron: Bron,
    pub aanwezig: Option<bool>,
}

/// `409` naming `email`: this person is already registered (or waiting) for the meeting.
pub fn already_registered() -> ApiError {
    let mut e = ApiError::duplicate("email");
    e.detail = "Met dit e-mailadres is al aangemeld voor deze bijeenkomst.".into();
    e
}

pub fn count(c: &mut DbConn, bijeenkomst: Id, status: AanmeldingStatus) -> Result<i64, ApiError> {
    Ok(aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
        .filter(aanmeldingen::status.eq(status))
        .count()
        .get_result(c)?)
}

/// Whether someone with this email (any case) is registered or waiting, other than `except`.
pub fn email_taken(
    c: &mut DbConn,
    bijeenkomst: Id,
    email: &str,
    except: Option<Id>,
) -> Result<bool, ApiError> {
    let mut q = aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
        .filter(aanmeldingen::email_sleutel.eq(super::email_key(email)))
        .filter(aanmeldingen::status.ne(AanmeldingStatus::Afgemeld))
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(aanmeldingen::id.ne(id));
    }
    let n: i64 = q.count().get_result(c)?;
    Ok(n > 0)
}

/// The registration (registered or waiting) with this email (any case), if there is one.
pub fn existing(c: &mut DbConn, bijeenkomst: Id, email: &str) -> Result<Option<Id>, ApiError> {
    Ok(aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
        .filter(aanmeldingen::email_sleutel.eq(super::email_key(email)))
        .filter(aanmeldingen::status.ne(AanmeldingStatus::Afgemeld))
        .select(aanmeldingen::id)
        .first(c)
        .optional()?)
}

/// Registers someone for a meeting locked by [`lock`] (with `positie` its answer): a place while
/// there is one, else the end of the waiting list. Answers the new registration's id and status.
pub fn register(
    c: &mut DbConn,
    meeting: &Row,
    positie: i64,
    nieuw: &Nieuw,
    now: NaiveDateTime,
) -> Result<(Id, AanmeldingStatus), ApiError> {
    if meeting.status == BijeenkomstStatus::Geannuleerd {
        return Err(ApiError::conflict(
            "Deze bijeenkomst is geannuleerd; aanmelden kan niet meer.",
        ));
    }
    if email_taken(c, meeting.id, nieuw.email, None)? {
        return Err(already_registered());
    }
    let aangemeld = count(c, meeting.id, AanmeldingStatus::Aangemeld)?;
    let status = match meeting.max_deelnemers {
        // Someone at the door is there: the maximum is for registrations beforehand.
        _ if nieuw.bron == Bron::Inloop => AanmeldingStatus::Aangemeld,
        Some(max) if aangemeld >= max as i64 => AanmeldingStatus::Wachtlijst,
        _ => AanmeldingStatus::Aangemeld,
    };
    let id = Id::new();
    diesel::insert_into(aanmeldingen::table)
        .values((
            aanmeldingen::id.eq(id),
            aanmeldingen::samenwerkingsverband_id.eq(meeting.samenwerkingsverband_id),
            aanmeldingen::bijeenkomst_id.eq(meeting.id),
            aanmeldingen::naam.eq(nieuw.naam.trim()),
            aanmeldingen::email.eq(nieuw.email.trim()),
            aanmeldingen::email_sleutel.eq(super::email_key(nieuw.email)),
            aanmeldingen::school_id.eq(nieuw.school_id),
            aanmeldingen::functie.eq(nieuw.functie),
            aanmeldingen::status.eq(status),
            aanmeldingen::aanwezig.eq(if status == AanmeldingStatus::Aangemeld {
                nieuw.aanwezig
            } else {
                None
            }),
            aanmeldingen::positie.eq(positie),
            aanmeldingen::bron.eq(nieuw.bron),
            aanmeldingen::created_at.eq(now),
            aanmeldingen::updated_at.eq(now),
            aanmeldingen::versie.eq(1),
        ))
        .execute(c)
        .map_err(|e| match e {
            // The partial unique index is the last guard; its name differs per backend.
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => already_registered(),
            other => other.into(),
        })?;
    Ok((id, status))
}

/// Cancels a registration of a meeting locked by [`lock`]; the waiting list moves up. Answers
/// the number of rows changed (0: someone else changed it first).
pub fn cancel(
    c: &mut DbConn,
    meeting: &Row,
    aanmelding: Id,
    versie: Option<i32>,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let mut q = diesel::update(aanmeldingen::table)
        .filter(aanmeldingen::id.eq(aanmelding))
        .filter(aanmeldingen::status.ne(AanmeldingStatus::Afgemeld))
        .into_boxed();
    if let Some(v) = versie {
        q = q.filter(aanmeldingen::versie.eq(v));
    }
    let n = q
        .set((
            aanmeldingen::status.eq(AanmeldingStatus::Afgemeld),
            aanmeldingen::aanwezig.eq(None::<bool>),
            aanmeldingen::updated_at.eq(now),
            aanmeldingen::versie.eq(aanmeldingen::versie + 1),
        ))
        .execute(c)?;
    if n > 0 {
        move_up(c, meeting.id, meeting.max_deelnemers, now)?;
    }
    Ok(n)
}

/// Fills free places from the waiting list, first come first served.
pub fn move_up(
    c: &mut DbConn,
    bijeenkomst: Id,
    max: Option<i32>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let free = match max {
        Some(max) => max as i64 - count(c, bijeenkomst, AanmeldingStatus::Aangemeld)?,
        None => i64::MAX,
    };
    if free <= 0 {
        return Ok(());
    }
    let first: Vec<Id> = aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
        .filter(aanmeldingen::status.eq(AanmeldingStatus::Wachtlijst))
        .order(aanmeldingen::positie.asc())
        .select(aanmeldingen::id)
        .limit(free.min(100_000))
        .load(c)?;
    if first.is_empty() {
        return Ok(());
    }
    diesel::update(aanmeldingen::table.filter(aanmeldingen::id.eq_any(&first)))
        .set((
            aanmeldingen::status.eq(AanmeldingStatus::Aangemeld),
            aanmeldingen::updated_at.eq(now),
            aanmeldingen::versie.eq(aanmeldingen::versie + 1),
        ))
        .execute(c)?;
    let m: Row = bijeenkomsten::table
        .filter(bijeenkomsten::id.eq(bijeenkomst))
        .select(Row::as_select())
        .first(c)?;
    // After the start a free place is news to no one.
    if m.start > now {
        super::mails::doorgeschoven(c, &m, &first)?;
    }
    Ok(())
}
