//! `/activiteiten`: the planned (and extra) work of a school year under an ambitie, with its
//! evaluatie (`PUT /activiteiten/{id}/evaluatie`).

use super::activiteitenplannen::PlanStatus;
use super::Signaal;
use crate::error::ApiError;
use crate::schema::{activiteiten, activiteitenplannen as plannen, evaluaties};
use crate::store::Expect;
use crate::store_prelude::*;

use super::activiteit_invoer::{check_references, streef_columns, vastgesteld_refuses};
pub use super::activiteit_invoer::{ActiviteitInput, ActiviteitSoort};
use super::evaluaties::{self as evaluatie, Evaluatie, EvaluatieStatus};
use super::streef::{self, Eenheid, Richting, Streef, Voorstel};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = activiteiten, check_for_backend(MultiBackend))]
pub struct ActiviteitRow {
    pub id: Id,
    pub activiteitenplan_id: Id,
    pub ambitie_id: Id,
    pub omschrijving: String,
    pub soort: ActiviteitSoort,
    pub portefeuille_id: Option<Id>,
    pub project_id: Option<Id>,
    pub streefwaarde: Option<String>,
    pub verantwoordelijke_id: Option<Id>,
    pub herkomst_id: Option<Id>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
    pub streef_richting: Option<Richting>,
    pub streef_waarde: Option<f64>,
    pub streef_eenheid: Option<Eenheid>,
}

/// An activity of an activiteitenplan, under one of the ambities of its ondersteuningsplan.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a13", "activiteitenplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a12",
    "ambitieId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11", "omschrijving": "Drie IB-netwerkbijeenkomsten organiseren",
    "soort": "gepland", "portefeuilleId": null, "projectId": null, "streefwaarde": "minstens 60% opkomst",
    "verantwoordelijkeId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a14", "herkomstId": null,
    "streef": {"richting": "minimaal", "waarde": 60, "eenheid": "percentage"}, "gemeten": 68.4,
    "voorstel": {"resultaat": 68.4, "signaal": "op_koers"},
    "evaluatie": {"status": "uitgevoerd", "toelichting": "Drie bijeenkomsten, alle live.", "resultaat": 112, "signaal": "op_koers"},
    "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1
}))]
pub struct Activiteit {
    pub id: Id,
    pub activiteitenplan_id: Id,
    /// Een ambitie van het ondersteuningsplan van het activiteitenplan.
    pub ambitie_id: Id,
    pub omschrijving: String,
    pub soort: ActiviteitSoort,
    pub portefeuille_id: Option<Id>,
    pub project_id: Option<Id>,
    /// Het doel in woorden of cijfers (bijv. "opkomst > 60%").
    pub streefwaarde: Option<String>,
    /// De gebruiker die de activiteit trekt.
    pub verantwoordelijke_id: Option<Id>,
    /// Bij een overgenomen activiteit: de activiteit uit het plan waaruit ze is gekopieerd (alleen-lezen).
    pub herkomst_id: Option<Id>,
    /// Het meetbare doel, of `null`.
    pub streef: Option<Streef>,
    /// Alleen-lezen: gemeten uit de gehouden bijeenkomsten van deze activiteit (niet geannuleerd,
    /// begonnen, aanwezigheid vastgelegd), in de eenheid van de streef (zonder streef: `aantal`).
    /// Bij `aantal` het totaal aanwezigen; bij `percentage` het gemiddelde van aanwezig ÷
    /// `doelgroepOmvang` × 100 over de bijeenkomsten met een doelgroep (één decimaal). `null`
    /// zonder zulke bijeenkomsten.
    pub gemeten: Option<f64>,
    /// Alleen-lezen: wat het evaluatieformulier voorstelt (`null` zonder streef of gemeten).
    pub voorstel: Option<Voorstel>,
    /// De evaluatie, of `null` zolang die er niet is (alleen-lezen hier; zet haar met
    /// `PUT /activiteiten/{id}/evaluatie`).
    pub evaluatie: Option<Evaluatie>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

impl Activiteit {
    pub fn from_row(r: ActiviteitRow, evaluatie: Option<Evaluatie>, gemeten: Option<f64>) -> Self {
        let streef = Streef::from_columns(r.streef_richting, r.streef_waarde, r.streef_eenheid);
        Activiteit {
            evaluatie,
            streef,
            gemeten,
            voorstel: streef::voorstel(streef, gemeten),
            id: r.id,
            activiteitenplan_id: r.activiteitenplan_id,
            ambitie_id: r.ambitie_id,
            omschrijving: r.omschrijving,
            soort: r.soort,
            portefeuille_id: r.portefeuille_id,
            project_id: r.project_id,
            streefwaarde: r.streefwaarde,
            verantwoordelijke_id: r.verantwoordelijke_id,
            herkomst_id: r.herkomst_id,
            created_at: r.created_at,
            updated_at: r.updated_at,
            versie: r.versie,
        }
    }
}

impl From<&Activiteit> for ActiviteitInput {
    fn from(a: &Activiteit) -> Self {
        ActiviteitInput {
            activiteitenplan_id: a.activiteitenplan_id,
            ambitie_id: a.ambitie_id,
            omschrijving: a.omschrijving.clone(),
            soort: a.soort,
            portefeuille_id: a.portefeuille_id,
            project_id: a.project_id,
            streefwaarde: a.streefwaarde.clone(),
            streef: a.streef,
            verantwoordelijke_id: a.verantwoordelijke_id,
        }
    }
}

#[derive(Default)]
pub struct Filter {
    pub activiteitenplan_id: Option<Id>,
    pub schooljaar: Option<String>,
    pub ambitie_id: Option<Id>,
    pub portefeuille_id: Option<Id>,
    pub project_id: Option<Id>,
    pub verantwoordelijke_id: Option<Id>,
    pub soort: Option<ActiviteitSoort>,
    pub status: Option<EvaluatieStatus>,
    pub signaal: Option<Signaal>,
    pub geevalueerd: Option<bool>,
    pub search: Option<String>,
}

pub fn scoped(swv: Id) -> activiteiten::BoxedQuery<'static, MultiBackend> {
    activiteiten::table
        .filter(activiteiten::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(swv: Id, f: &Filter) -> activiteiten::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = f.activiteitenplan_id {
        q = q.filter(activiteiten::activiteitenplan_id.eq(v));
    }
    if let Some(v) = &f.schooljaar {
        q = q.filter(
            activiteiten::activiteitenplan_id.eq_any(
                plannen::table
                    .filter(plannen::samenwerkingsverband_id.eq(swv))
                    .filter(plannen::schooljaar.eq(v.clone()))
                    .select(plannen::id),
            ),
        );
    }
    if let Some(v) = f.ambitie_id {
        q = q.filter(activiteiten::ambitie_id.eq(v));
    }
    if let Some(v) = f.portefeuille_id {
        q = q.filter(activiteiten::portefeuille_id.eq(v));
    }
    if let Some(v) = f.project_id {
        q = q.filter(activiteiten::project_id.eq(v));
    }
    if let Some(v) = f.verantwoordelijke_id {
        q = q.filter(activiteiten::verantwoordelijke_id.eq(v));
    }
    if let Some(v) = f.soort {
        q = q.filter(activiteiten::soort.eq(v));
    }
    // The evaluatie lives in its own table: filters on it are subqueries.
    let of_swv = evaluaties::samenwerkingsverband_id.eq(swv);
    if let Some(v) = f.status {
        q = q.filter(
            activiteiten::id.eq_any(
                evaluaties::table
                    .filter(of_swv)
                    .filter(evaluaties::status.eq(v))
                    .select(evaluaties::activiteit_id),
            ),
        );
    }
    if let Some(v) = f.signaal {
        q = q.filter(
            activiteiten::id.eq_any(
                evaluaties::table
                    .filter(of_swv)
                    .filter(evaluaties::signaal.eq(v))
                    .select(evaluaties::activiteit_id),
            ),
        );
    }
    let any = evaluaties::table
        .filter(of_swv)
        .select(evaluaties::activiteit_id);
    match f.geevalueerd {
        Some(true) => q = q.filter(activiteiten::id.eq_any(any)),
        Some(false) => q = q.filter(diesel::dsl::not(activiteiten::id.eq_any(any))),
        None => {}
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(activiteiten::omschrijving)
                .like(p.clone())
                .escape('\\'),
        );
    }
    q
}

/// Rows with their evaluaties and what their meetings measured, in two extra queries for the
/// whole set.
pub fn with_evaluaties(
    c: &mut DbConn,
    swv: Id,
    rows: Vec<ActiviteitRow>,
) -> Result<Vec<Activiteit>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let mut by_id = evaluatie::of_activities(c, ids.clone())?;
    let mut held = streef::gehouden(c, swv, ids)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let e = by_id.remove(&r.id);
            let eenheid = r.streef_eenheid.unwrap_or(Eenheid::Aantal);
            let gemeten = streef::meet(eenheid, &held.remove(&r.id).unwrap_or_default());
            Activiteit::from_row(r, e, gemeten)
        })
        .collect())
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Activiteit, ApiError> {
    let row = scoped(swv)
        .filter(activiteiten::id.eq(id))
        .select(ActiviteitRow::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    Ok(with_evaluaties(c, swv, vec![row])?.remove(0))
}

/// Every activity of one plan, in the order they were added.
pub fn of_plan(c: &mut DbConn, swv: Id, plan: Id) -> Result<Vec<Activiteit>, ApiError> {
    let rows = scoped(swv)
        .filter(activiteiten::activiteitenplan_id.eq(plan))
        .order((activiteiten::created_at.asc(), activiteiten::id.asc()))
        .select(ActiviteitRow::as_select())
        .load(c)?;
    with_evaluaties(c, swv, rows)
}

impl Versioned for Activiteit {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Activiteit {
    type Input = ActiviteitInput;
    type Scope = Id;
    const TABLE: &'static str = "activiteiten";

    fn input(&self) -> ActiviteitInput {
        ActiviteitInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &ActiviteitInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        let plan = check_references(c, swv, input)?;
        if plan.status == PlanStatus::Vastgesteld && input.soort == ActiviteitSoort::Gepland {
            return Err(vastgesteld_refuses(&plan));
        }
        diesel::insert_into(activiteiten::table)
            .values((
                activiteiten::id.eq(id),
                activiteiten::samenwerkingsverband_id.eq(swv),
                activiteiten::activiteitenplan_id.eq(input.activiteitenplan_id),
                activiteiten::ambitie_id.eq(input.ambitie_id),
                activiteiten::omschrijving.eq(input.omschrijving.trim()),
                activiteiten::soort.eq(input.soort),
                activiteiten::portefeuille_id.eq(input.portefeuille_id),
                activiteiten::project_id.eq(input.project_id),
                activiteiten::streefwaarde.eq(&input.streefwaarde),
                streef_columns(input),
                activiteiten::verantwoordelijke_id.eq(input.verantwoordelijke_id),
                activiteiten::created_at.eq(now),
                activiteiten::updated_at.eq(now),
                activiteiten::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &ActiviteitInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        let plan = check_references(c, swv, input)?;
        // Existing planned work of a vastgesteld plan stays editable; it cannot grow.
        let becomes_planned = input.activiteitenplan_id != current.activiteitenplan_id
            || current.soort != ActiviteitSoort::Gepland;
        if plan.status == PlanStatus::Vastgesteld
            && input.soort == ActiviteitSoort::Gepland
            && becomes_planned
        {
            return Err(vastgesteld_refuses(&plan));
        }
        Ok(diesel::update(
            activiteiten::table
                .filter(activiteiten::id.eq(current.id))
                .filter(activiteiten::versie.eq(current.versie)),
        )
        .set((
            activiteiten::activiteitenplan_id.eq(input.activiteitenplan_id),
            activiteiten::ambitie_id.eq(input.ambitie_id),
            activiteiten::omschrijving.eq(input.omschrijving.trim()),
            activiteiten::soort.eq(input.soort),
            activiteiten::portefeuille_id.eq(input.portefeuille_id),
            activiteiten::project_id.eq(input.project_id),
            activiteiten::streefwaarde.eq(&input.streefwaarde),
            streef_columns(input),
            activiteiten::verantwoordelijke_id.eq(input.verantwoordelijke_id),
            activiteiten::updated_at.eq(now),
            activiteiten::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            activiteiten::table
                .filter(activiteiten::id.eq(current.id))
                .filter(activiteiten::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

/// Writes (or clears) the evaluatie of the activity `id`, guarded by its version like any change.
pub fn set_evaluatie(
    c: &mut DbConn,
    swv: Id,
    id: Id,
    expect: Expect,
    evaluatie: Option<Evaluatie>,
) -> Result<Activiteit, ApiError> {
    let current = find(c, swv, id)?;
    expect.check(current.versie)?;
    let now = time::now();
    // The evaluatie is part of the activity: writing it raises the activity's version.
    let n = diesel::update(
        activiteiten::table
            .filter(activiteiten::id.eq(current.id))
            .filter(activiteiten::versie.eq(current.versie)),
    )
    .set((
        activiteiten::updated_at.eq(now),
        activiteiten::versie.eq(current.versie + 1),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(ApiError::precondition_failed());
    }
    evaluatie::write(c, swv, current.id, evaluatie.as_ref(), now)?;
    find(c, swv, id)
}
