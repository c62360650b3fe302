//! The entries of a case's verloop as stored: what one says, its own rule (a scenario for a
//! pupil at risk, and only there), and keeping the case's copy of its latest entry current.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::{Perspectief, Scenario, ThuiszitterCategorie};
use crate::schema::{thuiszitter_verloop, thuiszitter_verloop as v, thuiszitters as t};

/// The situation of a case from a date on.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = thuiszitter_verloop, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a51", "vanaf": "2017-01-09",
    "categorie": "langdurig_relatief_verzuim", "scenario": null, "screening5a": false,
    "perspectief": "in_gesprek_met_perspectief", "createdAt": "2017-01-09T10:00:00Z"}))]
pub struct Verloop {
    pub id: Id,
    #[serde(skip)]
    pub thuiszitter_id: Id,
    /// Vanaf deze dag geldt deze situatie (de eerste regel: de startdatum van het dossier).
    pub vanaf: NaiveDate,
    pub categorie: ThuiszitterCategorie,
    /// Alleen bij `dreigend`.
    pub scenario: Option<Scenario>,
    /// Of een screening voor vrijstelling 5a met het samenwerkingsverband is gestart.
    pub screening5a: bool,
    pub perspectief: Option<Perspectief>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
}

/// A verloop entry as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"vanaf": "2017-01-09", "categorie": "langdurig_relatief_verzuim",
    "scenario": null, "screening5a": false, "perspectief": "in_gesprek_met_perspectief"}))]
pub struct VerloopInput {
    /// Vanaf deze dag; na de startdatum en voor de einddatum van het dossier, één regel per dag.
    #[validate(custom(function = "crate::domain::datum"))]
    pub vanaf: NaiveDate,
    pub categorie: ThuiszitterCategorie,
    /// Verplicht bij `dreigend`, anders leeg.
    #[serde(default)]
    pub scenario: Option<Scenario>,
    #[serde(default)]
    pub screening5a: bool,
    #[serde(default)]
    pub perspectief: Option<Perspectief>,
}

impl From<&Verloop> for VerloopInput {
    fn from(r: &Verloop) -> Self {
        VerloopInput {
            vanaf: r.vanaf,
            categorie: r.categorie,
            scenario: r.scenario,
            screening5a: r.screening5a,
            perspectief: r.perspectief,
        }
    }
}

/// A scenario belongs to a pupil at risk, and only there.
pub fn check_entry(e: &VerloopInput) -> Result<(), ApiError> {
    match (e.categorie, e.scenario) {
        (ThuiszitterCategorie::Dreigend, None) => Err(ApiError::field(
            "scenario",
            "is verplicht bij een dreigende thuiszitter (a, b, c, d of combinatie)",
        )),
        (c, Some(_)) if c != ThuiszitterCategorie::Dreigend => Err(ApiError::field(
            "scenario",
            "hoort alleen bij categorie dreigend; laat hem leeg",
        )),
        _ => Ok(()),
    }
}

pub fn insert(
    c: &mut DbConn,
    case: Id,
    e: &VerloopInput,
    now: NaiveDateTime,
) -> Result<Id, ApiError> {
    let id = Id::new();
    diesel::insert_into(v::table)
        .values((
            v::id.eq(id),
            v::thuiszitter_id.eq(case),
            v::vanaf.eq(e.vanaf),
            v::categorie.eq(e.categorie),
            v::scenario.eq(e.scenario),
            v::screening5a.eq(e.screening5a),
            v::perspectief.eq(e.perspectief),
            v::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(id)
}

pub fn overwrite(c: &mut DbConn, entry: Id, e: &VerloopInput) -> Result<(), ApiError> {
    diesel::update(v::table.filter(v::id.eq(entry)))
        .set((
            v::vanaf.eq(e.vanaf),
            v::categorie.eq(e.categorie),
            v::scenario.eq(e.scenario),
            v::screening5a.eq(e.screening5a),
            v::perspectief.eq(e.perspectief),
        ))
        .execute(c)?;
    Ok(())
}

/// Keeps the case's copy of its latest entry's category and perspective current.
pub fn bijwerken(c: &mut DbConn, case: Id) -> Result<(), ApiError> {
    let laatste: Option<(ThuiszitterCategorie, Option<Perspectief>)> = v::table
        .filter(v::thuiszitter_id.eq(case))
        .order(v::vanaf.desc())
        .select((v::categorie, v::perspectief))
        .first(c)
        .optional()?;
    if let Some((categorie, perspectief)) = laatste {
        diesel::update(t::table.filter(t::id.eq(case)))
            .set((
                t::laatste_categorie.eq(categorie),
                t::laatste_perspectief.eq(perspectief),
            ))
            .execute(c)?;
    }
    Ok(())
}
