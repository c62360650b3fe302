//! Throttling of failed sign-ins, kept in the database so every instance sees the same counts.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::http::ApiError;
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

fn check_one(
    conn: &mut DbConn,
    key: &str,
    limit: i64,
    window: i64,
    now: NaiveDateTime,
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
            format!(
                "Te veel mislukte aanmeldpogingen. Probeer het over {} opnieuw.",
                human(wait)
            ),
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
    check_one(
        conn,
        &address_key(address),
        ADDRESS_LIMIT,
        ADDRESS_WINDOW_SECONDS,
        now,
    )?;
    check_one(conn, account, ACCOUNT_LIMIT, ACCOUNT_WINDOW_SECONDS, now)
}

pub fn record_failure(
    conn: &mut DbConn,
    account: &str,
    address: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let rows = vec![
        (
            lf::id.eq(Id::new()),
            lf::sleutel.eq(account.to_string()),
            lf::tijdstip.eq(now),
        ),
        (
            lf::id.eq(Id::new()),
            lf::sleutel.eq(address_key(address)),
            lf::tijdstip.eq(now),
        ),
    ];
    for row in rows {
        diesel::insert_into(lf::table).values(row).execute(conn)?;
    }
    // Old failures no longer count for anything.
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
