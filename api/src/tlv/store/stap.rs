//! A step of the procedure (an advice, a suspension, the decision, the objection, the outflow)
//! changes the request: it is taken against the version the client saw, raises the request's
//! `versie` so two people never silently overwrite each other, and moves the clock.

use crate::store_prelude::*;

use super::termijn;
use super::tlvs::{self, Tlv};
use crate::schema::tlvs as t;
use crate::store::Expect;

/// The request as it is now, if the client saw this version (`412` otherwise).
pub fn begin(c: &mut DbConn, swv: Id, id: Id, expect: Expect) -> Result<Tlv, ApiError> {
    let current = tlvs::find(c, swv, id)?;
    expect.check(current.versie)?;
    Ok(current)
}

/// Raises the request's version, recomputes its clock and reads it back.
pub fn finish(c: &mut DbConn, swv: Id, current: &Tlv) -> Result<Tlv, ApiError> {
    let n = diesel::update(
        t::table
            .filter(t::id.eq(current.id))
            .filter(t::versie.eq(current.versie)),
    )
    .set((
        t::updated_at.eq(time::now()),
        t::versie.eq(current.versie + 1),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(ApiError::precondition_failed());
    }
    termijn::herbereken(c, swv, current.id)?;
    tlvs::find(c, swv, current.id)
}
