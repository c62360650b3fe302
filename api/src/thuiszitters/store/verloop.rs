//! The verloop of a case: each entry says from which day the pupil is in which category and
//! with which perspective. An entry changes the case: it is written against the version the
//! client saw and raises the case's `versie`, so two people never silently overwrite each other.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::casussen::{self, Thuiszitter};
use super::verloopregels::{bijwerken, check_entry, insert, overwrite, Verloop, VerloopInput};
use crate::schema::{thuiszitter_verloop as v, thuiszitters as t};
use crate::store::Expect;

/// Where a later entry may fall: after the start, before the end, on a day of its own.
fn check_later(case: &Thuiszitter, e: &VerloopInput, zelf: Option<Id>) -> Result<(), ApiError> {
    check_entry(e)?;
    let dag = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
    if e.vanaf <= case.startdatum {
        return Err(ApiError::field(
            "vanaf",
            format!(
                "moet na de startdatum van het dossier ({}) liggen",
                dag(case.startdatum)
            ),
        ));
    }
    if let Some(eind) = case.einddatum {
        if e.vanaf >= eind {
            return Err(ApiError::field(
                "vanaf",
                format!(
                    "moet voor de einddatum van het dossier ({}) liggen",
                    dag(eind)
                ),
            ));
        }
    }
    if case
        .verloop
        .iter()
        .any(|r| r.vanaf == e.vanaf && Some(r.id) != zelf)
    {
        return Err(ApiError::field(
            "vanaf",
            format!("er is al een verloopregel op {}; wijzig die", dag(e.vanaf)),
        ));
    }
    Ok(())
}

/// The case as it is now, if the client saw this version (`412` otherwise).
fn begin(c: &mut DbConn, swv: Id, id: Id, expect: Expect) -> Result<Thuiszitter, ApiError> {
    let current = casussen::find(c, swv, id)?;
    expect.check(current.versie)?;
    Ok(current)
}

/// Raises the case's version, refreshes its latest entry and reads it back.
fn finish(c: &mut DbConn, swv: Id, current: &Thuiszitter) -> Result<Thuiszitter, ApiError> {
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
    bijwerken(c, current.id)?;
    casussen::find(c, swv, current.id)
}

fn entry(case: &Thuiszitter, id: Id) -> Result<Verloop, ApiError> {
    case.verloop
        .iter()
        .find(|r| r.id == id)
        .cloned()
        .ok_or_else(ApiError::not_found)
}

/// Adds an entry: the situation changed on `vanaf`.
pub fn add(
    c: &mut DbConn,
    swv: Id,
    case: Id,
    expect: Expect,
    input: &VerloopInput,
) -> Result<(Thuiszitter, Verloop), ApiError> {
    let current = begin(c, swv, case, expect)?;
    check_later(&current, input, None)?;
    let id = insert(c, case, input, time::now())?;
    let t = finish(c, swv, &current)?;
    let e = entry(&t, id)?;
    Ok((t, e))
}

/// Changes an entry; the first one's `vanaf` follows the case's `startdatum`.
pub fn change(
    c: &mut DbConn,
    swv: Id,
    case: Id,
    id: Id,
    expect: Expect,
    make: impl FnOnce(&Verloop) -> Result<VerloopInput, ApiError>,
) -> Result<(Thuiszitter, Verloop), ApiError> {
    let current = begin(c, swv, case, expect)?;
    let old = entry(&current, id)?;
    let input = make(&old)?;
    if current.verloop.first().is_some_and(|f| f.id == id) {
        if input.vanaf != old.vanaf {
            return Err(ApiError::field(
                "vanaf",
                "van de eerste verloopregel is de startdatum van het dossier; wijzig die",
            ));
        }
        check_entry(&input)?;
    } else {
        check_later(&current, &input, Some(id))?;
    }
    overwrite(c, id, &input)?;
    let t = finish(c, swv, &current)?;
    let e = entry(&t, id)?;
    Ok((t, e))
}

/// Removes an entry other than the first (`409` for the first: it is the case's start).
pub fn remove(
    c: &mut DbConn,
    swv: Id,
    case: Id,
    id: Id,
    expect: Expect,
) -> Result<Thuiszitter, ApiError> {
    let current = begin(c, swv, case, expect)?;
    entry(&current, id)?;
    if current.verloop.first().is_some_and(|f| f.id == id) {
        return Err(ApiError::conflict(
            "De eerste verloopregel is het begin van het dossier en kan niet weg; verwijder het dossier of wijzig de regel.",
        ));
    }
    diesel::delete(v::table.filter(v::id.eq(id))).execute(c)?;
    finish(c, swv, &current)
}
