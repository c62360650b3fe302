//! Whether an access token still speaks for its holder. A user's token names its session (the
//! refresh-token family): it stops working when that session is signed out or every session of
//! the user is revoked (deactivation, a new password, role or SWV), and when the user is gone. A
//! client's token carries the client's `versie`: any change to the client (revoked, secret
//! rotated, scopes or gemeenten changed) ends it. Read from the database on every request, so a
//! revocation takes effect at the next request on every instance.

use diesel::dsl::exists;
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::schema::{clients, gebruikers, refresh_tokens as rt};

/// What a token claims about its holder, to compare with the current state.
#[derive(Debug, Clone)]
pub enum Holder {
    Gebruiker {
        id: Id,
        sid: Id,
        /// The role's name as stored.
        rol: &'static str,
        swv: Option<Id>,
    },
    Client {
        id: Id,
        versie: i32,
        swv: Option<Id>,
    },
}

/// `true` while the holder is as the token says: one indexed lookup.
pub fn current(c: &mut DbConn, holder: &Holder) -> Result<bool, ApiError> {
    match *holder {
        Holder::Gebruiker { id, sid, rol, swv } => {
            let found: Option<(String, Option<Id>)> = gebruikers::table
                .filter(gebruikers::id.eq(id))
                .filter(gebruikers::actief.eq(true))
                .filter(exists(
                    rt::table
                        .filter(rt::familie_id.eq(sid))
                        .filter(rt::gebruiker_id.eq(id))
                        .filter(rt::revoked_at.is_null()),
                ))
                .select((gebruikers::rol, gebruikers::samenwerkingsverband_id))
                .first(c)
                .optional()?;
            Ok(found.is_some_and(|(r, s)| r == rol && s == swv))
        }
        Holder::Client { id, versie, swv } => {
            let found: Option<Option<Id>> = clients::table
                .filter(clients::id.eq(id))
                .filter(clients::actief.eq(true))
                .filter(clients::versie.eq(versie))
                .select(clients::samenwerkingsverband_id)
                .first(c)
                .optional()?;
            Ok(found.is_some_and(|s| s == swv))
        }
    }
}
