//! Refresh tokens: opaque, stored as a hash, rotated on every use. A token used twice means it
//! was stolen or replayed, so its whole family is revoked.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::schema::refresh_tokens as rt;
use crate::secrets::{random_token, token_digest};

/// A working day and a bit: a user who signs in in the morning stays signed in until evening.
pub const REFRESH_TTL_HOURS: i64 = 12;

pub fn issue(
    conn: &mut DbConn,
    gebruiker: Id,
    familie: Id,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    let token = random_token();
    diesel::insert_into(rt::table)
        .values((
            rt::id.eq(Id::new()),
            rt::familie_id.eq(familie),
            rt::gebruiker_id.eq(gebruiker),
            rt::token_hash.eq(token_digest(&token)),
            rt::expires_at.eq(now + Duration::hours(REFRESH_TTL_HOURS)),
            rt::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

pub enum Outcome {
    /// The token was valid; it is now used. The new one belongs to the same family.
    Rotated { gebruiker: Id, familie: Id },
    /// Unknown, expired or revoked.
    Invalid,
    /// Presented again after use: the family is revoked now.
    Reused,
}

type TokenRow = (
    Id,
    Id,
    Id,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

pub fn consume(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> Result<Outcome, ApiError> {
    let row: Option<TokenRow> = rt::table
        .filter(rt::token_hash.eq(token_digest(token)))
        .select((
            rt::id,
            rt::familie_id,
            rt::gebruiker_id,
            rt::expires_at,
            rt::used_at,
            rt::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, familie, gebruiker, expires_at, used_at, revoked_at)) = row else {
        return Ok(Outcome::Invalid);
    };
    if used_at.is_some() {
        revoke_family(conn, familie, now)?;
        return Ok(Outcome::Reused);
    }
    if revoked_at.is_some() || expires_at <= now {
        return Ok(Outcome::Invalid);
    }
    // Conditional on still being unused, so two concurrent refreshes cannot both win.
    let n = diesel::update(
        rt::table
            .filter(rt::id.eq(id))
            .filter(rt::used_at.is_null()),
    )
    .set(rt::used_at.eq(now))
    .execute(conn)?;
    if n == 0 {
        revoke_family(conn, familie, now)?;
        return Ok(Outcome::Reused);
    }
    Ok(Outcome::Rotated { gebruiker, familie })
}

pub fn revoke_family(conn: &mut DbConn, familie: Id, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::update(
        rt::table
            .filter(rt::familie_id.eq(familie))
            .filter(rt::revoked_at.is_null()),
    )
    .set(rt::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Revokes the family of a token (logout); unknown tokens are ignored.
pub fn revoke_by_token(conn: &mut DbConn, token: &str, now: NaiveDateTime) -> Result<(), ApiError> {
    let familie: Option<Id> = rt::table
        .filter(rt::token_hash.eq(token_digest(token)))
        .select(rt::familie_id)
        .first(conn)
        .optional()?;
    if let Some(f) = familie {
        revoke_family(conn, f, now)?;
    }
    Ok(())
}

/// Revokes every session of a user (deactivation, password change).
pub fn revoke_user(conn: &mut DbConn, gebruiker: Id, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::update(
        rt::table
            .filter(rt::gebruiker_id.eq(gebruiker))
            .filter(rt::revoked_at.is_null()),
    )
    .set(rt::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}
