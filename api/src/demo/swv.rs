//! Finding a demo samenwerkingsverband by its DUO code.

use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::schema::samenwerkingsverbanden;

/// The id of the demo samenwerkingsverband with `code`, when the demo organisation has it.
pub fn swv_met_code(c: &mut DbConn, code: &str) -> Result<Option<Id>, ApiError> {
    Ok(samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::code.eq(code))
        .select(samenwerkingsverbanden::id)
        .first::<Id>(c)
        .optional()?)
}
