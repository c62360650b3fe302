//! References from one record to another within an SWV: a record of another SWV is as good as
//! missing, and every bad reference in a body is reported at once.

use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::{ApiError, InvalidParam};
use crate::schema::{ambities, gebruikers};

/// Collects the problems with references in a body, so they are all reported together.
#[derive(Default)]
pub struct References(Vec<InvalidParam>);

impl References {
    /// Notes a reference that does not exist for this caller (or belongs to another SWV).
    pub fn check(&mut self, field: &str, exists: bool) {
        if !exists {
            self.0.push(InvalidParam::new(
                field,
                "verwijst naar een record dat niet bestaat",
            ));
        }
    }

    /// Notes a reference that exists but is not what the field needs, in `reason`'s words.
    pub fn check_as(&mut self, field: &str, fits: bool, reason: &str) {
        if !fits {
            self.0.push(InvalidParam::new(field, reason));
        }
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self.0))
        }
    }
}

/// The ids without duplicates, in a stable order.
pub fn unique(ids: &[Id]) -> Vec<Id> {
    let mut v = ids.to_vec();
    v.sort();
    v.dedup();
    v
}

/// Whether the record `$id` of `$table` belongs to the SWV `$swv`.
#[macro_export]
macro_rules! in_swv {
    ($c:expr, $table:ident, $swv:expr, $id:expr) => {
        diesel::select(diesel::dsl::exists(
            $crate::schema::$table::table
                .filter($crate::schema::$table::samenwerkingsverband_id.eq($swv))
                .filter($crate::schema::$table::id.eq($id)),
        ))
        .get_result::<bool>($c)
    };
}

/// Whether every id names a record of `$table` in the SWV `$swv`.
macro_rules! all_in_swv {
    ($c:expr, $table:ident, $swv:expr, $ids:expr) => {{
        let ids = unique($ids);
        if ids.is_empty() {
            Ok(true)
        } else {
            let n: i64 = $table::table
                .filter($table::samenwerkingsverband_id.eq($swv))
                .filter($table::id.eq_any(ids.clone()))
                .count()
                .get_result($c)?;
            Ok(n == ids.len() as i64)
        }
    }};
}

/// Whether every id names a user of this SWV.
pub fn users_in_swv(c: &mut DbConn, swv: Id, ids: &[Id]) -> Result<bool, ApiError> {
    all_in_swv!(c, gebruikers, swv, ids)
}

/// Whether `id` is an active user of this SWV with the role consulent.
pub fn actieve_consulent(c: &mut DbConn, swv: Id, id: Id) -> Result<bool, ApiError> {
    Ok(diesel::select(diesel::dsl::exists(
        gebruikers::table
            .filter(gebruikers::samenwerkingsverband_id.eq(swv))
            .filter(gebruikers::id.eq(id))
            .filter(gebruikers::actief.eq(true))
            .filter(gebruikers::rol.eq("consulent")),
    ))
    .get_result(c)?)
}

/// Whether every id names an ambitie of this SWV.
pub fn ambities_in_swv(c: &mut DbConn, swv: Id, ids: &[Id]) -> Result<bool, ApiError> {
    all_in_swv!(c, ambities, swv, ids)
}

/// Whether the school belongs to this SWV.
pub fn school_in_swv(c: &mut DbConn, swv: Id, school: Id) -> Result<bool, ApiError> {
    Ok(crate::in_swv!(c, scholen, swv, school)?)
}
