//! Vastgestelde peildata: the count of a date as it was reported. The count is kept whole, so a
//! later correction of a case changes the live count and never what the Inspectie received.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::telling::{self, Telling};
use crate::schema::{gebruikers, thuiszitter_peildata as p};

/// Who froze a count.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Vaststeller {
    pub id: Id,
    pub naam: String,
}

/// A frozen count.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Peildatum {
    pub id: Id,
    pub datum: NaiveDate,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub vastgesteld_op: NaiveDateTime,
    pub vastgesteld_door: Vaststeller,
    /// De telling zoals die is vastgesteld.
    pub telling: Telling,
}

/// What freezing a count takes.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"datum": "2017-03-15"}))]
pub struct PeildatumInput {
    /// De dag waarvan de telling wordt vastgesteld (vandaag of eerder).
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
}

type Rij = (Id, NaiveDate, NaiveDateTime, Id, String, String);

fn select() -> (
    p::id,
    p::datum,
    p::vastgesteld_op,
    p::vastgesteld_door_id,
    gebruikers::naam,
    p::telling,
) {
    (
        p::id,
        p::datum,
        p::vastgesteld_op,
        p::vastgesteld_door_id,
        gebruikers::naam,
        p::telling,
    )
}

fn view(r: Rij) -> Result<Peildatum, ApiError> {
    let telling: Telling = serde_json::from_str(&r.5)
        .map_err(|e| ApiError::internal(format!("vastgestelde telling onleesbaar: {e}")))?;
    Ok(Peildatum {
        id: r.0,
        datum: r.1,
        vastgesteld_op: r.2,
        vastgesteld_door: Vaststeller { id: r.3, naam: r.4 },
        telling,
    })
}

/// The SWV's frozen counts, newest date first; within `van..=tot` when given.
pub fn list(
    c: &mut DbConn,
    swv: Id,
    van: Option<NaiveDate>,
    tot: Option<NaiveDate>,
) -> Result<Vec<Peildatum>, ApiError> {
    let mut q = p::table
        .inner_join(gebruikers::table)
        .filter(p::samenwerkingsverband_id.eq(swv))
        .into_boxed();
    if let Some(v) = van {
        q = q.filter(p::datum.ge(v));
    }
    if let Some(t) = tot {
        q = q.filter(p::datum.le(t));
    }
    q.order(p::datum.desc())
        .select(select())
        .load::<Rij>(c)?
        .into_iter()
        .map(view)
        .collect()
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Peildatum, ApiError> {
    let r = p::table
        .inner_join(gebruikers::table)
        .filter(p::samenwerkingsverband_id.eq(swv))
        .filter(p::id.eq(id))
        .select(select())
        .first::<Rij>(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    view(r)
}

/// Freezes the count of `datum` (`400` for a date after today, `409` for one already frozen).
pub fn freeze(
    c: &mut DbConn,
    swv: Id,
    door: Id,
    input: &PeildatumInput,
) -> Result<Peildatum, ApiError> {
    if input.datum > time::today() {
        return Err(ApiError::field(
            "datum",
            "ligt in de toekomst; een telling wordt vastgesteld op of na de peildatum",
        ));
    }
    let bestaat: i64 = p::table
        .filter(p::samenwerkingsverband_id.eq(swv))
        .filter(p::datum.eq(input.datum))
        .count()
        .get_result(c)?;
    if bestaat > 0 {
        return Err(ApiError::conflict_on(
            "datum",
            "is al vastgesteld; verwijder die vaststelling eerst als ze onjuist was",
        ));
    }
    let telling = telling::telling(c, swv, input.datum)?;
    let json = serde_json::to_string(&telling)
        .map_err(|e| ApiError::internal(format!("telling niet op te slaan: {e}")))?;
    let id = Id::new();
    diesel::insert_into(p::table)
        .values((
            p::id.eq(id),
            p::samenwerkingsverband_id.eq(swv),
            p::datum.eq(input.datum),
            p::vastgesteld_op.eq(time::now()),
            p::vastgesteld_door_id.eq(door),
            p::telling.eq(json),
        ))
        .execute(c)?;
    find(c, swv, id)
}

/// Undoes a mistaken freeze.
pub fn delete(c: &mut DbConn, swv: Id, id: Id) -> Result<(), ApiError> {
    let n = diesel::delete(
        p::table
            .filter(p::samenwerkingsverband_id.eq(swv))
            .filter(p::id.eq(id)),
    )
    .execute(c)?;
    if n == 0 {
        return Err(ApiError::not_found());
    }
    Ok(())
}
