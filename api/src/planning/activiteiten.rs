//! `/activiteiten`: the planned (and extra) work of a school year under an ambitie, with its
//! evaluatie (`PUT /activiteiten/{id}/evaluatie`).

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::ToSchema;
use validator::Validate;

use super::activiteitenplannen::{self, PlanStatus};
use super::Signaal;
use crate::auth::{Access, Area, Caller};
use crate::db::lower;
use crate::db::{DbConn, Id, MultiBackend};
use crate::domain::rules;
use crate::domain::time;
use crate::error::{ApiError, InvalidParam};
use crate::http::{export, Format, Input, JsonBody, ListQuery, ListSpec};
use crate::resource::{self, Resource};
use crate::schema::{
    activiteiten, activiteitenplannen as plannen, ambities, evaluaties, portefeuilles, projecten,
};
use crate::state::AppState;
use crate::store::Expect;
use crate::store::{Store, Versioned};
use crate::{order_by, page_schema};

crate::text_enum! {
    /// Planned at the start of the year (`gepland`) or done on top of the plan (`extra`).
    #[derive(Default)]
    pub enum ActiviteitSoort {
        #[default]
        Gepland => "gepland",
        Extra => "extra",
    }
}

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
    #[validate(length(max = 20000, message = "mag hoogstens 20000 tekens lang zijn"))]
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

impl Input for Evaluatie {}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = activiteiten, check_for_backend(MultiBackend))]
struct ActiviteitRow {
    id: Id,
    activiteitenplan_id: Id,
    ambitie_id: Id,
    omschrijving: String,
    soort: ActiviteitSoort,
    portefeuille_id: Option<Id>,
    project_id: Option<Id>,
    streefwaarde: Option<String>,
    verantwoordelijke_id: Option<Id>,
    herkomst_id: Option<Id>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    versie: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = evaluaties, check_for_backend(MultiBackend))]
struct EvaluatieRow {
    activiteit_id: Id,
    status: EvaluatieStatus,
    toelichting: Option<String>,
    resultaat: Option<f64>,
    signaal: Option<Signaal>,
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
    fn from_row(r: ActiviteitRow, evaluatie: Option<Evaluatie>) -> Self {
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
        custom(function = "rules::not_blank")
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
    #[validate(length(max = 500, message = "mag hoogstens 500 tekens lang zijn"))]
    #[schema(max_length = 500)]
    pub streefwaarde: Option<String>,
    /// Een gebruiker van het eigen samenwerkingsverband.
    #[serde(default)]
    pub verantwoordelijke_id: Option<Id>,
}

impl Input for ActiviteitInput {
    /// The evaluatie has its own operation and the origin is set by the copy; both are ignored
    /// when a client sends a read activity back.
    fn read_only() -> &'static [&'static str] {
        &["evaluatie", "herkomstId"]
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
            verantwoordelijke_id: a.verantwoordelijke_id,
        }
    }
}

page_schema!(ActiviteitPage, Activiteit);

const SPEC: ListSpec = ListSpec {
    sorts: &["omschrijving", "soort", "createdAt", "updatedAt"],
    filters: &[
        "activiteitenplanId",
        "schooljaar",
        "ambitieId",
        "portefeuilleId",
        "projectId",
        "verantwoordelijkeId",
        "soort",
        "status",
        "signaal",
        "geevalueerd",
    ],
    default_sort: "createdAt",
};

/// The columns of the CSV and XLSX exports, in order.
const COLUMNS: &[&str] = &[
    "id",
    "activiteitenplanId",
    "ambitieId",
    "omschrijving",
    "soort",
    "portefeuilleId",
    "projectId",
    "streefwaarde",
    "verantwoordelijkeId",
    "herkomstId",
    "evaluatie.status",
    "evaluatie.toelichting",
    "evaluatie.resultaat",
    "evaluatie.signaal",
    "createdAt",
    "updatedAt",
    "versie",
];

#[derive(Default)]
struct Filter {
    activiteitenplan_id: Option<Id>,
    schooljaar: Option<String>,
    ambitie_id: Option<Id>,
    portefeuille_id: Option<Id>,
    project_id: Option<Id>,
    verantwoordelijke_id: Option<Id>,
    soort: Option<ActiviteitSoort>,
    status: Option<EvaluatieStatus>,
    signaal: Option<Signaal>,
    geevalueerd: Option<bool>,
    search: Option<String>,
}

fn scoped(swv: Id) -> activiteiten::BoxedQuery<'static, MultiBackend> {
    activiteiten::table
        .filter(activiteiten::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(swv: Id, f: &Filter) -> activiteiten::BoxedQuery<'static, MultiBackend> {
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
fn with_evaluaties(c: &mut DbConn, rows: Vec<ActiviteitRow>) -> Result<Vec<Activiteit>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let mut by_id: std::collections::HashMap<Id, Evaluatie> = std::collections::HashMap::new();
    if !ids.is_empty() {
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
    }
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

/// Copies every activity of `from` that is not finished (evaluated `uitgevoerd` or signalled
/// `afgerond`) into the plan `to`: as planned work, without evaluation, pointing at its origin.
pub fn carry_over(
    c: &mut DbConn,
    swv: Id,
    from: Id,
    to: Id,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let open: Vec<Activiteit> = of_plan(c, swv, from)?
        .into_iter()
        .filter(|a| {
            !a.evaluatie.as_ref().is_some_and(|e| {
                e.status == EvaluatieStatus::Uitgevoerd || e.signaal == Some(Signaal::Afgerond)
            })
        })
        .collect();
    for (i, a) in open.iter().enumerate() {
        // One microsecond apart, so the copies keep the order of their origins.
        let at = now + chrono::Duration::microseconds(i as i64);
        diesel::insert_into(activiteiten::table)
            .values((
                activiteiten::id.eq(Id::new()),
                activiteiten::samenwerkingsverband_id.eq(swv),
                activiteiten::activiteitenplan_id.eq(to),
                activiteiten::ambitie_id.eq(a.ambitie_id),
                activiteiten::omschrijving.eq(&a.omschrijving),
                activiteiten::soort.eq(ActiviteitSoort::Gepland),
                activiteiten::portefeuille_id.eq(a.portefeuille_id),
                activiteiten::project_id.eq(a.project_id),
                activiteiten::streefwaarde.eq(&a.streefwaarde),
                activiteiten::verantwoordelijke_id.eq(a.verantwoordelijke_id),
                activiteiten::herkomst_id.eq(Some(a.id)),
                activiteiten::created_at.eq(at),
                activiteiten::updated_at.eq(at),
                activiteiten::versie.eq(1),
            ))
            .execute(c)?;
    }
    Ok(open.len())
}

/// Checks the references of a body within the SWV and the rules between them; answers the plan
/// the activity goes into.
fn check_references(
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
fn vastgesteld_refuses(plan: &activiteitenplannen::Activiteitenplan) -> ApiError {
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

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_activiteiten)
        .service(create_activiteit)
        .service(get_activiteit)
        .service(put_activiteit)
        .service(patch_activiteit)
        .service(delete_activiteit)
        .service(put_evaluatie)
        .service(delete_evaluatie);
}

/// An activity as one flat export row: the evaluatie as `evaluatie.*` columns, empty when absent.
fn export_row(a: &Activiteit) -> Value {
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    if let Some(obj) = v.as_object_mut() {
        if obj.get("evaluatie").is_some_and(Value::is_null) {
            obj.insert(
                "evaluatie".into(),
                json!({"status": null, "toelichting": null, "resultaat": null, "signaal": null}),
            );
        }
    }
    v
}

/// De activiteiten opvragen, bijvoorbeeld die van één schooljaar, ambitie of verantwoordelijke.
#[utoipa::path(
    tag = "Activiteiten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: omschrijving, soort, createdAt, updatedAt", example = "createdAt"),
        ("q" = Option<String>, Query, description = "Zoekt in de omschrijving"),
        ("activiteitenplanId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van dit activiteitenplan"),
        ("schooljaar" = Option<String>, Query, description = "Alleen de activiteiten van het plan van dit schooljaar (`YYYY-YYYY`)", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2024-2025"),
        ("ambitieId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten onder deze ambitie"),
        ("portefeuilleId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van deze portefeuille"),
        ("projectId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van dit project"),
        ("verantwoordelijkeId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van deze verantwoordelijke"),
        ("soort" = Option<ActiviteitSoort>, Query, description = "Alleen geplande of alleen extra activiteiten"),
        ("status" = Option<EvaluatieStatus>, Query, description = "Alleen activiteiten met deze evaluatiestatus"),
        ("signaal" = Option<Signaal>, Query, description = "Alleen activiteiten met dit signaal in hun evaluatie"),
        ("geevalueerd" = Option<bool>, Query, description = "Alleen geëvalueerde (true) of nog niet geëvalueerde (false) activiteiten"),
    ),
    responses((status = 200, description = "Een pagina activiteiten (of de hele lijst als CSV/XLSX)", body = ActiviteitPage)),
)]
#[get("/activiteiten")]
async fn list_activiteiten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let filter = Filter {
        activiteitenplan_id: q.id("activiteitenplanId"),
        schooljaar: q.schooljaar(),
        ambitie_id: q.id("ambitieId"),
        portefeuille_id: q.id("portefeuilleId"),
        project_id: q.id("projectId"),
        verantwoordelijke_id: q.id("verantwoordelijkeId"),
        soort: q.enumeration("soort"),
        status: q.enumeration("status"),
        signaal: q.enumeration("signaal"),
        geevalueerd: q.boolean("geevalueerd"),
        search: q.search_pattern(),
    };
    let q = q.finish()?;
    let (sort, paging) = (
        q.sort.clone(),
        format.is_json().then(|| (q.page_size, q.offset())),
    );
    let read = move |c: &mut crate::db::DbConn| {
        let total: i64 = filtered(swv, &filter).count().get_result(c)?;
        let mut query = order_by!(filtered(swv, &filter).select(ActiviteitRow::as_select()), &sort, {
                "omschrijving" => activiteiten::omschrijving,
                "soort" => activiteiten::soort,
                "createdAt" => activiteiten::created_at,
                "updatedAt" => activiteiten::updated_at,
            }, activiteiten::id);
        if let Some((limit, offset)) = paging {
            query = query.limit(limit).offset(offset);
        }
        let rows: Vec<ActiviteitRow> = query.load(c)?;
        Ok((with_evaluaties(c, rows)?, total))
    };
    // An export is a report (with its own columns, the evaluation flattened): the replica's.
    let (items, total) = if format.is_json() {
        state.db.read(read).await?
    } else {
        state.db.report(read).await?
    };
    if format.is_json() {
        export::respond(format, &q, &items, total, "activiteiten", COLUMNS)
    } else {
        let rows: Vec<Value> = items.iter().map(export_row).collect();
        export::respond(format, &q, &rows, total, "activiteiten", COLUMNS)
    }
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

impl Resource for Activiteit {
    const COLLECTION: &'static str = "activiteiten";
}

/// Writes (or clears) the evaluatie of the activity `id`, guarded by its version like any change.
fn set_evaluatie(
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
    let of_activity = evaluaties::table.filter(evaluaties::activiteit_id.eq(current.id));
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
                        evaluaties::activiteit_id.eq(current.id),
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
    find(c, swv, id)
}

crate::crud_routes! {
    resource: Activiteit, input: ActiviteitInput, tag: "Activiteiten",
    collection: "/activiteiten", item: "/activiteiten/{id}", id: "Id van de activiteit",
    scope: |caller: &Caller, access| caller.tenant(Area::Uitvoering, access),
    create: (create_activiteit, "Een activiteit toevoegen aan een activiteitenplan."),
    get: (get_activiteit, "Eén activiteit, met haar evaluatie.", "De activiteit"),
    put: (put_activiteit, "Een activiteit vervangen."),
    patch: (patch_activiteit, "Velden van een activiteit wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_activiteit, "Een activiteit verwijderen."),
}

/// De evaluatie van een activiteit vastleggen.
#[utoipa::path(
    tag = "Activiteiten",
    description = "Legt de evaluatie vast (of vervangt die) en antwoordt met de hele activiteit. De evaluatie \
                   hoort bij de activiteit: `If-Match` is de `ETag` van de activiteit, en haar `versie` gaat één omhoog.",
    params(("id" = uuid::Uuid, Path, description = "Id van de activiteit"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de activiteit die u las")),
    request_body = Evaluatie,
    responses((status = 200, description = "De activiteit met haar evaluatie", body = Activiteit)),
)]
#[put("/activiteiten/{id}/evaluatie")]
async fn put_evaluatie(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    body: JsonBody<Evaluatie>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let input = body.decode()?;
    let (id, expect) = (id.into_inner(), crate::resource::IfMatch::parse(&req));
    let a = state
        .db
        .write(move |c| set_evaluatie(c, swv, id, expect, Some(input)))
        .await?;
    Ok(resource::ok(a.versie, &a))
}

/// De evaluatie van een activiteit wissen.
#[utoipa::path(
    tag = "Activiteiten",
    description = "Wist de evaluatie: de activiteit telt daarna als nog niet geëvalueerd. `If-Match` is de `ETag` \
                   van de activiteit.",
    params(("id" = uuid::Uuid, Path, description = "Id van de activiteit"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de activiteit die u las")),
    responses((status = 204, description = "Gewist")),
)]
#[delete("/activiteiten/{id}/evaluatie")]
async fn delete_evaluatie(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let (id, expect) = (id.into_inner(), crate::resource::IfMatch::parse(&req));
    state
        .db
        .write(move |c| set_evaluatie(c, swv, id, expect, None))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
