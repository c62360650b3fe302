//! The audit trail of pupil-level data: who read, exported or changed which pupils, written in
//! the same transaction as the answer's reads or the change, so that no pupil's data leaves
//! without its entry (fail closed). Entries are never changed or deleted through the API.

pub mod routes;
pub mod store;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::schema::{auditregel_leerlingen, auditregels};

crate::text_enum! {
    /// What was done with the pupils' data.
    pub enum Actie {
        Lezen => "lezen",
        Exporteren => "exporteren",
        Aanmaken => "aanmaken",
        Wijzigen => "wijzigen",
        Verwijderen => "verwijderen",
    }
}

/// Who asks, in which SWV, by which path: what an entry records besides the pupils.
#[derive(Debug, Clone)]
pub struct Trail {
    pub swv: Id,
    pub gebruiker_id: Id,
    /// Path and query string without `/api/v1`.
    pub pad: String,
}

/// Records that are about pupils name them, so the answer that carries them can be recorded.
pub trait AboutPupils {
    fn pupils(&self) -> Vec<Id>;
}

/// A record with a part of it (a TLV and the advice just added to it) is about the record's
/// pupils.
impl<A: AboutPupils, B> AboutPupils for (A, B) {
    fn pupils(&self) -> Vec<Id> {
        self.0.pupils()
    }
}

/// Rows per statement when an entry names many pupils (an export): few statements whatever
/// the number of pupils, within SQLite's limit on bound values.
const CHUNK: usize = 1000;

#[derive(Insertable)]
#[diesel(table_name = auditregel_leerlingen, treat_none_as_default_value = false)]
struct Named {
    auditregel_id: Id,
    leerling_id: Id,
}

/// Writes one entry naming `pupils`. Any failure is a `503`: the caller's transaction rolls
/// back and the data it read is not sent.
pub fn record(c: &mut DbConn, trail: &Trail, actie: Actie, pupils: &[Id]) -> Result<(), ApiError> {
    write(c, trail, actie, pupils, crate::domain::time::now()).map_err(|e| {
        tracing::error!(error = %e, pad = %trail.pad, "audit entry could not be written; answer withheld");
        ApiError::unavailable()
    })
}

fn write(
    c: &mut DbConn,
    trail: &Trail,
    actie: Actie,
    pupils: &[Id],
    now: NaiveDateTime,
) -> QueryResult<()> {
    let id = Id::new();
    diesel::insert_into(auditregels::table)
        .values((
            auditregels::id.eq(id),
            auditregels::samenwerkingsverband_id.eq(trail.swv),
            auditregels::tijdstip.eq(now),
            auditregels::gebruiker_id.eq(trail.gebruiker_id),
            auditregels::actie.eq(actie),
            auditregels::pad.eq(&trail.pad),
        ))
        .execute(c)?;
    let rows: Vec<Named> = crate::domain::unique(pupils)
        .into_iter()
        .map(|leerling_id| Named {
            auditregel_id: id,
            leerling_id,
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        match c {
            DbConn::Pg(pg) => {
                diesel::insert_into(auditregel_leerlingen::table)
                    .values(chunk)
                    .execute(pg)?;
            }
            DbConn::Sqlite(lite) => {
                diesel::insert_into(auditregel_leerlingen::table)
                    .values(chunk)
                    .execute(lite)?;
            }
        }
    }
    Ok(())
}
