//! Throttling of failed sign-ins and of public requests, kept in the database so every instance
//! sees the same counts.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::schema::login_failures as lf;

/// Failures allowed per account in `ACCOUNT_WINDOW`.
pub const ACCOUNT_LIMIT: i64 = 5;
pub const ACCOUNT_WINDOW_SECONDS: i64 = 15 * 60;
/// Failures allowed per address in `ADDRESS_WINDOW`; loose, so a school behind one NAT address
/// is not locked out by one forgetful colleague.
pub const ADDRESS_LIMIT: i64 = 100;
pub const ADDRESS_WINDOW_SECONDS: i64 = 60;

pub fn account_key(kind: &str, account: &str) -> String {
    format!("{kind}:{}", account.trim().to_lowercase())
}

pub fn address_key(addr: &str) -> String {
    format!("adres:{addr}")
}

/// `429` when `key` already has `limit` events within the last `window` seconds; `what` names
/// the events in the answer ("Te veel {what}. Probeer het over ... opnieuw.").
pub fn limit(
    conn: &mut DbConn,
    key: &str,
    limit: i64,
    window: i64,
    now: NaiveDateTime,
    what: &str,
) -> Result<(), ApiError> {
    let since = now - Duration::seconds(window);
    let times: Vec<NaiveDateTime> = lf::table
        .filter(lf::sleutel.eq(key))
        .filter(lf::tijdstip.gt(since))
        .order(lf::tijdstip.desc())
        .select(lf::tijdstip)
        .limit(limit)
        .load(conn)?;
    if times.len() as i64 >= limit {
        // Free again when the oldest of the last `limit` failures leaves the window.
        let oldest = *times.last().unwrap_or(&now);
        let wait = (oldest + Duration::seconds(window) - now)
            .num_seconds()
            .max(1);
        return Err(ApiError::too_many(
            wait as u64,
            format!("Te veel {what}. Probeer het over {} opnieuw.", human(wait)),
        ));
    }
    Ok(())
}

fn human(seconds: i64) -> String {
    if seconds < 90 {
        format!("{seconds} seconden")
    } else {
        format!("{} minuten", (seconds + 59) / 60)
    }
}

/// One sign-in attempt, counted before its password is checked; it stays counted as a failure
/// unless [`succeeded`] takes it back.
pub struct Reservation {
    address_event: Id,
}

/// Counts an attempt of `account` from `address` before its password is verified: `429` when
/// either already has its limit of attempts in the window. Runs in a write transaction; on
/// PostgreSQL the account's attempts are serialised by an advisory lock and on SQLite by the
/// single writer, so however many guesses arrive at once, at most `ACCOUNT_LIMIT` are evaluated.
pub fn reserve(
    conn: &mut DbConn,
    account: &str,
    address: &str,
    now: NaiveDateTime,
) -> Result<Reservation, ApiError> {
    const WHAT: &str = "mislukte aanmeldpogingen";
    if let DbConn::Pg(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext($1))")
            .bind::<diesel::sql_types::Text, _>(account)
            .execute(pg)?;
    }
    let address = address_key(address);
    limit(
        conn,
        &address,
        ADDRESS_LIMIT,
        ADDRESS_WINDOW_SECONDS,
        now,
        WHAT,
    )?;
    limit(
        conn,
        account,
        ACCOUNT_LIMIT,
        ACCOUNT_WINDOW_SECONDS,
        now,
        WHAT,
    )?;
    event(conn, account, now)?;
    Ok(Reservation {
        address_event: event(conn, &address, now)?,
    })
}

/// The attempt was right: the account's failures are forgiven and the attempt does not count
/// against the address.
pub fn succeeded(conn: &mut DbConn, account: &str, r: Reservation) -> Result<(), ApiError> {
    diesel::delete(lf::table.find(r.address_event)).execute(conn)?;
    clear(conn, account)
}

/// Counts one event under `key` (for [`limit`]).
pub fn record(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> Result<(), ApiError> {
    event(conn, key, now).map(|_| ())
}

fn event(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> Result<Id, ApiError> {
    let id = Id::new();
    diesel::insert_into(lf::table)
        .values((lf::id.eq(id), lf::sleutel.eq(key), lf::tijdstip.eq(now)))
        .execute(conn)?;
    // Old events no longer count for any window.
    diesel::delete(
        lf::table.filter(lf::tijdstip.lt(now - Duration::seconds(ACCOUNT_WINDOW_SECONDS * 2))),
    )
    .execute(conn)?;
    Ok(id)
}

pub fn clear(conn: &mut DbConn, account: &str) -> Result<(), ApiError> {
    diesel::delete(lf::table.filter(lf::sleutel.eq(account))).execute(conn)?;
    Ok(())
}
