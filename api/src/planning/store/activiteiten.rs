//! `/activiteiten`: the planned (and extra) work of a school year under an ambitie, with its
//! evaluatie (`PUT /activiteiten/{id}/evaluatie`).

use super::activiteitenplannen::{self, PlanStatus};
use super::Signaal;
use crate::error::{ApiError, InvalidParam};
use crate::schema::{
    activiteiten, activiteitenplannen as plannen, ambities, evaluaties, portefeuilles, projecten,
};
use crate::store::Expect;
use crate::store_prelude::*;

use super::evaluaties::{self as evaluatie, Evaluatie, EvaluatieStatus};

crate::text_enum! {
    /// Planned at the start of the year (`gepland`) or done on top of the plan (`extra`).
    #[derive(Default)]
    pub enum ActiviteitSoort {
        #[default]
        Gepland => "gepland",
        Extra => "extra",
    }
}

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
}

/// An activity of an activiteitenplan, under one of the ambities of its ondersteuningsplan.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a13", "activiteitenplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a12",
    "ambitieId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11", "omschrijving": "Drie IB-netwerkbijeenkomsten organiseren",
    "soort": "gepland", "portefeuilleId": null, "projectId": null, "streefwaarde": "minstens 60% opkomst",
    "verantwoordelijkeId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a14", "herkomstId": null,
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
    pub fn from_row(r: ActiviteitRow, evaluatie: Option<Evaluatie>) -> Self {
        Activiteit {
            evaluatie,
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

/// An activity as written. Its evaluatie is set with `PUT /activiteiten/{id}/evaluatie`.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"activiteitenplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a12", "ambitieId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11", "omschrijving": "Drie IB-netwerkbijeenkomsten organiseren", "soort": "gepland", "portefeuilleId": null, "projectId": null, "streefwaarde": "minstens 60% opkomst", "verantwoordelijkeId": null}))]
pub struct ActiviteitInput {
    pub activiteitenplan_id: Id,
    /// Een ambitie van het ondersteuningsplan van het activiteitenplan.
    pub ambitie_id: Id,
    #[validate(
        length(min = 1, max = 4000, message = "moet 1 tot 4000 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(min_length = 1, max_length = 4000)]
    pub omschrijving: String,
    /// Een vastgesteld plan krijgt er alleen nog `extra` activiteiten bij.
    #[serde(default)]
    pub soort: ActiviteitSoort,
    #[serde(default)]
    pub portefeuille_id: Option<Id>,
    #[serde(default)]
    pub project_id: Option<Id>,
    #[serde(default)]
    #[validate(
        length(max = 500, message = "mag hoogstens 500 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 500)]
    pub streefwaarde: Option<String>,
    /// Een gebruiker van het eigen samenwerkingsverband.
    #[serde(default)]
    pub verantwoordelijke_id: Option<Id>,
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

/// Rows with their evaluaties, in one extra query for the whole set.
pub fn with_evaluaties(
    c: &mut DbConn,
    rows: Vec<ActiviteitRow>,
) -> Result<Vec<Activiteit>, ApiError> {
    let mut by_id = evaluatie::of_activities(c, rows.iter().map(|r| r.id).collect())?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let e = by_id.remove(&r.id);
            Activiteit::from_row(r, e)
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
    Ok(with_evaluaties(c, vec![row])?.remove(0))
}

/// Every activity of one plan, in the order they were added.
pub fn of_plan(c: &mut DbConn, swv: Id, plan: Id) -> Result<Vec<Activiteit>, ApiError> {
    let rows = scoped(swv)
        .filter(activiteiten::activiteitenplan_id.eq(plan))
        .order((activiteiten::created_at.asc(), activiteiten::id.asc()))
        .select(ActiviteitRow::as_select())
        .load(c)?;
    with_evaluaties(c, rows)
}

/// Checks the references of a body within the SWV and the rules between them; answers the plan
/// the activity goes into.
pub fn check_references(
    c: &mut DbConn,
    swv: Id,
    input: &ActiviteitInput,
) -> Result<activiteitenplannen::Activiteitenplan, ApiError> {
    let missing = "verwijst naar een record dat niet bestaat";
    let mut errors = Vec::new();
    let plan = activiteitenplannen::lookup(c, swv, input.activiteitenplan_id)?;
    if plan.is_none() {
        errors.push(InvalidParam::new("activiteitenplanId", missing));
    }
    let ambitie_plan: Option<Id> = ambities::table
        .filter(ambities::samenwerkingsverband_id.eq(swv))
        .filter(ambities::id.eq(input.ambitie_id))
        .select(ambities::ondersteuningsplan_id)
        .first(c)
        .optional()?;
    match (ambitie_plan, &plan) {
        (None, _) => errors.push(InvalidParam::new("ambitieId", missing)),
        (Some(op), Some(p)) if op != p.ondersteuningsplan_id => errors.push(InvalidParam::new(
            "ambitieId",
            "hoort niet bij het ondersteuningsplan van dit activiteitenplan",
        )),
        _ => {}
    }
    if let Some(id) = input.portefeuille_id {
        let ok: bool = diesel::select(diesel::dsl::exists(
            portefeuilles::table
                .filter(portefeuilles::samenwerkingsverband_id.eq(swv))
                .filter(portefeuilles::id.eq(id)),
        ))
        .get_result(c)?;
        if !ok {
            errors.push(InvalidParam::new("portefeuilleId", missing));
        }
    }
    if let Some(id) = input.project_id {
        let ok: bool = diesel::select(diesel::dsl::exists(
            projecten::table
                .filter(projecten::samenwerkingsverband_id.eq(swv))
                .filter(projecten::id.eq(id)),
        ))
        .get_result(c)?;
        if !ok {
            errors.push(InvalidParam::new("projectId", missing));
        }
    }
    if let Some(id) = input.verantwoordelijke_id {
        if !crate::domain::references::users_in_swv(c, swv, &[id])? {
            errors.push(InvalidParam::new(
                "verantwoordelijkeId",
                "is geen gebruiker van dit samenwerkingsverband",
            ));
        }
    }
    match plan {
        Some(p) if errors.is_empty() => Ok(p),
        _ => Err(ApiError::validation(errors)),
    }
}

/// A vastgesteld plan takes no new planned work: only `extra` activities.
pub fn vastgesteld_refuses(plan: &activiteitenplannen::Activiteitenplan) -> ApiError {
    let mut e = ApiError::conflict(format!(
        "Het activiteitenplan {} is vastgesteld: er kunnen alleen nog activiteiten van soort 'extra' bij, geen geplande.",
        plan.schooljaar
    ));
    e.invalid_params.push(InvalidParam::new(
        "soort",
        "moet 'extra' zijn in een vastgesteld activiteitenplan",
    ));
    e
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
