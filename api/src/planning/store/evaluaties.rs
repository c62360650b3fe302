//! The evaluatie of an activity: how it went at the end of the year.

use crate::store_prelude::*;
use std::collections::HashMap;

use super::Signaal;
use crate::schema::evaluaties;

crate::text_enum! {
    /// Whether an activity was done: fully, partly, not, or moved to a later year.
    pub enum EvaluatieStatus {
        Uitgevoerd => "uitgevoerd",
        Deels => "deels",
        NietUitgevoerd => "niet_uitgevoerd",
        Doorgeschoven => "doorgeschoven",
    }
}

impl EvaluatieStatus {
    /// The Dutch label, for documents.
    pub fn label(self) -> &'static str {
        match self {
            EvaluatieStatus::Uitgevoerd => "uitgevoerd",
            EvaluatieStatus::Deels => "deels uitgevoerd",
            EvaluatieStatus::NietUitgevoerd => "niet uitgevoerd",
            EvaluatieStatus::Doorgeschoven => "doorgeschoven",
        }
    }
}

/// The end-of-year account of one activity.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"status": "uitgevoerd", "toelichting": "Drie netwerkbijeenkomsten, alle live.", "resultaat": 112, "signaal": "op_koers"}))]
pub struct Evaluatie {
    pub status: EvaluatieStatus,
    /// Wat er gedaan is en wat het opleverde.
    #[serde(default)]
    #[validate(
        length(max = 20000, message = "mag hoogstens 20000 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 20000)]
    pub toelichting: Option<String>,
    /// Een behaald getal, af te zetten tegen de streefwaarde (bijv. het aantal deelnemers).
    #[serde(default)]
    #[validate(range(
        min = -1e12,
        max = 1e12,
        message = "moet tussen -1000000000000 en 1000000000000 liggen"
    ))]
    #[schema(minimum = -1e12, maximum = 1e12)]
    pub resultaat: Option<f64>,
    #[serde(default)]
    pub signaal: Option<Signaal>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = evaluaties, check_for_backend(MultiBackend))]
pub struct EvaluatieRow {
    pub activiteit_id: Id,
    pub status: EvaluatieStatus,
    pub toelichting: Option<String>,
    pub resultaat: Option<f64>,
    pub signaal: Option<Signaal>,
}

/// The evaluaties of the given activities, in one query for the whole set.
pub fn of_activities(c: &mut DbConn, ids: Vec<Id>) -> Result<HashMap<Id, Evaluatie>, ApiError> {
    let mut by_id = HashMap::new();
    if ids.is_empty() {
        return Ok(by_id);
    }
    let found: Vec<EvaluatieRow> = evaluaties::table
        .filter(evaluaties::activiteit_id.eq_any(ids))
        .select(EvaluatieRow::as_select())
        .load(c)?;
    for e in found {
        by_id.insert(
            e.activiteit_id,
            Evaluatie {
                status: e.status,
                toelichting: e.toelichting,
                resultaat: e.resultaat,
                signaal: e.signaal,
            },
        );
    }
    Ok(by_id)
}

/// Writes (or, with `None`, clears) the evaluatie of an activity; the caller guards the
/// activity's version.
pub fn write(
    c: &mut DbConn,
    swv: Id,
    activiteit: Id,
    evaluatie: Option<&Evaluatie>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let of_activity = evaluaties::table.filter(evaluaties::activiteit_id.eq(activiteit));
    match evaluatie {
        None => {
            diesel::delete(of_activity).execute(c)?;
        }
        Some(e) => {
            let changed = diesel::update(of_activity)
                .set((
                    evaluaties::status.eq(e.status),
                    evaluaties::toelichting.eq(&e.toelichting),
                    evaluaties::resultaat.eq(e.resultaat),
                    evaluaties::signaal.eq(e.signaal),
                    evaluaties::updated_at.eq(now),
                ))
                .execute(c)?;
            if changed == 0 {
                diesel::insert_into(evaluaties::table)
                    .values((
                        evaluaties::activiteit_id.eq(activiteit),
                        evaluaties::samenwerkingsverband_id.eq(swv),
                        evaluaties::status.eq(e.status),
                        evaluaties::toelichting.eq(&e.toelichting),
                        evaluaties::resultaat.eq(e.resultaat),
                        evaluaties::signaal.eq(e.signaal),
                        evaluaties::created_at.eq(now),
                        evaluaties::updated_at.eq(now),
                    ))
                    .execute(c)?;
            }
        }
    }
    Ok(())
}
