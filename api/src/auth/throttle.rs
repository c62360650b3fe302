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

/// `429` when the account or the address is over its limit.
pub fn check(
    conn: &mut DbConn,
    account: &str,
    address: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    const WHAT: &str = "mislukte aanmeldpogingen";
    limit(
        conn,
        &address_key(address),
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
    )
}

pub fn record_failure(
    conn: &mut DbConn,
    account: &str,
    address: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    record(conn, account, now)?;
    record(conn, &address_key(address), now)
}

/// Counts one event under `key` (for [`limit`]).
pub fn record(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::insert_into(lf::table)
        .values((
            lf::id.eq(Id::new()),
            lf::sleutel.eq(key),
            lf::tijdstip.eq(now),
        ))
        .execute(conn)?;
    // Old events no longer count for any window.
    diesel::delete(
        lf::table.filter(lf::tijdstip.lt(now - Duration::seconds(ACCOUNT_WINDOW_SECONDS * 2))),
    )
    .execute(conn)?;
    Ok(())
}

pub fn clear(conn: &mut DbConn, account: &str) -> Result<(), ApiError> {
    diesel::delete(lf::table.filter(lf::sleutel.eq(account))).execute(conn)?;
    Ok(())
}
