//! `/projecten`: time-bound work with funding, partners and participating schools, and its
//! progress reports (`/projecten/{id}/voortgang`).

use std::collections::HashMap;

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

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
    portefeuilles, project_ambities, project_financiering, project_scholen, projecten, scholen,
    voortgangsverslagen,
};
use crate::state::AppState;
use crate::store::{Store, Versioned};
use crate::{order_by, page_schema};

crate::text_enum! {
    /// Where a project stands: not started (`gepland`), running (`lopend`), finished
    /// (`afgerond`) or stopped early (`gestopt`).
    #[derive(Default)]
    pub enum ProjectStatus {
        #[default]
        Gepland => "gepland",
        Lopend => "lopend",
        Afgerond => "afgerond",
        Gestopt => "gestopt",
    }
}

/// One source of a project's funding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"bron": "Subsidie gemeente Haarlem", "bedragCent": 4500000}))]
pub struct Financiering {
    /// Waar het geld vandaan komt (eigen middelen, een subsidie van OCW of een gemeente, ...).
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub bron: String,
    /// Het bedrag in eurocenten.
    #[validate(range(
        min = 0,
        max = 10_000_000_000_000_i64,
        message = "moet tussen 0 en 10000000000000 liggen"
    ))]
    #[schema(minimum = 0, maximum = 10_000_000_000_000_i64, example = 4500000)]
    pub bedrag_cent: i64,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projecten, check_for_backend(MultiBackend))]
struct ProjectRow {
    id: Id,
    naam: String,
    omschrijving: Option<String>,
    portefeuille_id: Option<Id>,
    status: ProjectStatus,
    startdatum: Option<NaiveDate>,
    einddatum: Option<NaiveDate>,
    partner: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    versie: i32,
}

/// A project.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a16", "naam": "High Dosage Tutoring", "omschrijving": "Intensieve bijles in kleine groepen.",
    "portefeuilleId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a15", "ambitieIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11"],
    "status": "lopend", "startdatum": "2018-09-01", "einddatum": "2026-02-28", "partner": "Stichting TWijs",
    "schoolIds": [], "financiering": [{"bron": "Subsidie gemeente Haarlem", "bedragCent": 4500000}],
    "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1
}))]
pub struct Project {
    pub id: Id,
    pub naam: String,
    pub omschrijving: Option<String>,
    pub portefeuille_id: Option<Id>,
    pub ambitie_ids: Vec<Id>,
    pub status: ProjectStatus,
    pub startdatum: Option<NaiveDate>,
    /// Niet vóór de startdatum.
    pub einddatum: Option<NaiveDate>,
    /// Uitvoerende of samenwerkende partij(en).
    pub partner: Option<String>,
    /// De deelnemende scholen.
    pub school_ids: Vec<Id>,
    pub financiering: Vec<Financiering>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A project as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[validate(schema(function = "period", skip_on_field_errors = true))]
#[schema(example = json!({
    "naam": "High Dosage Tutoring", "omschrijving": "Intensieve bijles in kleine groepen.",
    "portefeuilleId": null, "ambitieIds": [], "status": "lopend", "startdatum": "2018-09-01", "einddatum": "2026-02-28",
    "partner": "Stichting TWijs", "schoolIds": [], "financiering": [{"bron": "Subsidie gemeente Haarlem", "bedragCent": 4500000}]
}))]
pub struct ProjectInput {
    /// Uniek binnen het samenwerkingsverband.
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    #[serde(default)]
    #[validate(length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"))]
    #[schema(max_length = 4000)]
    pub omschrijving: Option<String>,
    #[serde(default)]
    pub portefeuille_id: Option<Id>,
    #[serde(default)]
    #[validate(length(max = 50, message = "hoogstens 50 ambities"))]
    #[schema(max_items = 50)]
    pub ambitie_ids: Vec<Id>,
    #[serde(default)]
    pub status: ProjectStatus,
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub startdatum: Option<NaiveDate>,
    /// Niet vóór de startdatum.
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub einddatum: Option<NaiveDate>,
    #[serde(default)]
    #[validate(length(max = 500, message = "mag hoogstens 500 tekens lang zijn"))]
    #[schema(max_length = 500)]
    pub partner: Option<String>,
    #[serde(default)]
    #[validate(length(max = 500, message = "hoogstens 500 scholen"))]
    #[schema(max_items = 500)]
    pub school_ids: Vec<Id>,
    #[serde(default)]
    #[validate(
        length(max = 50, message = "hoogstens 50 financieringsbronnen"),
        nested
    )]
    #[schema(max_items = 50)]
    pub financiering: Vec<Financiering>,
}

fn period(i: &ProjectInput) -> Result<(), ValidationError> {
    match (i.startdatum, i.einddatum) {
        (Some(start), Some(eind)) if eind < start => {
            let mut e = ValidationError::new("einddatum");
            e.message = Some("mag niet vóór de startdatum liggen".into());
            Err(e)
        }
        _ => Ok(()),
    }
}

impl Input for ProjectInput {}

impl From<&Project> for ProjectInput {
    fn from(p: &Project) -> Self {
        ProjectInput {
            naam: p.naam.clone(),
            omschrijving: p.omschrijving.clone(),
            portefeuille_id: p.portefeuille_id,
            ambitie_ids: p.ambitie_ids.clone(),
            status: p.status,
            startdatum: p.startdatum,
            einddatum: p.einddatum,
            partner: p.partner.clone(),
            school_ids: p.school_ids.clone(),
            financiering: p.financiering.clone(),
        }
    }
}

page_schema!(ProjectPage, Project);

const SPEC: ListSpec = ListSpec {
    sorts: &[
        "naam",
        "status",
        "startdatum",
        "einddatum",
        "createdAt",
        "updatedAt",
    ],
    filters: &["portefeuilleId", "ambitieId", "schoolId", "status"],
    default_sort: "naam",
};

#[derive(Default, Clone)]
struct Filter {
    portefeuille_id: Option<Id>,
    ambitie_id: Option<Id>,
    school_id: Option<Id>,
    status: Option<ProjectStatus>,
    search: Option<String>,
}

fn scoped(swv: Id) -> projecten::BoxedQuery<'static, MultiBackend> {
    projecten::table
        .filter(projecten::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(swv: Id, f: &Filter) -> projecten::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = f.portefeuille_id {
        q = q.filter(projecten::portefeuille_id.eq(v));
    }
    if let Some(v) = f.ambitie_id {
        q = q.filter(
            projecten::id.eq_any(
                project_ambities::table
                    .filter(project_ambities::ambitie_id.eq(v))
                    .select(project_ambities::project_id),
            ),
        );
    }
    if let Some(v) = f.school_id {
        q = q.filter(
            projecten::id.eq_any(
                project_scholen::table
                    .filter(project_scholen::school_id.eq(v))
                    .select(project_scholen::project_id),
            ),
        );
    }
    if let Some(v) = f.status {
        q = q.filter(projecten::status.eq(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(lower(projecten::naam).like(p.clone()).escape('\\'));
    }
    q
}

/// Rows with their ambities, schools and funding: one extra query per kind for the whole set.
fn with_links(c: &mut DbConn, rows: Vec<ProjectRow>) -> Result<Vec<Project>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let mut ambities: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut schools: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut funding: HashMap<Id, Vec<Financiering>> = HashMap::new();
    if !ids.is_empty() {
        let links: Vec<(Id, Id)> = project_ambities::table
            .filter(project_ambities::project_id.eq_any(ids.clone()))
            .select((project_ambities::project_id, project_ambities::ambitie_id))
            .order((project_ambities::project_id, project_ambities::ambitie_id))
            .load(c)?;
        for (p, a) in links {
            ambities.entry(p).or_default().push(a);
        }
        let links: Vec<(Id, Id)> = project_scholen::table
            .filter(project_scholen::project_id.eq_any(ids.clone()))
            .select((project_scholen::project_id, project_scholen::school_id))
            .order((project_scholen::project_id, project_scholen::school_id))
            .load(c)?;
        for (p, s) in links {
            schools.entry(p).or_default().push(s);
        }
        let lines: Vec<(Id, String, i64)> = project_financiering::table
            .filter(project_financiering::project_id.eq_any(ids))
            .select((
                project_financiering::project_id,
                project_financiering::bron,
                project_financiering::bedrag_cent,
            ))
            .order((
                project_financiering::project_id,
                project_financiering::positie,
            ))
            .load(c)?;
        for (p, bron, bedrag_cent) in lines {
            funding
                .entry(p)
                .or_default()
                .push(Financiering { bron, bedrag_cent });
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| Project {
            ambitie_ids: ambities.remove(&r.id).unwrap_or_default(),
            school_ids: schools.remove(&r.id).unwrap_or_default(),
            financiering: funding.remove(&r.id).unwrap_or_default(),
            id: r.id,
            naam: r.naam,
            omschrijving: r.omschrijving,
            portefeuille_id: r.portefeuille_id,
            status: r.status,
            startdatum: r.startdatum,
            einddatum: r.einddatum,
            partner: r.partner,
            created_at: r.created_at,
            updated_at: r.updated_at,
            versie: r.versie,
        })
        .collect())
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Project, ApiError> {
    let row = scoped(swv)
        .filter(projecten::id.eq(id))
        .select(ProjectRow::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    Ok(with_links(c, vec![row])?.remove(0))
}

/// `(id, naam, status, einddatum)` of a project.
pub type Samenvatting = (Id, String, ProjectStatus, Option<NaiveDate>);

/// The summaries of the given projects of this SWV, for the account.
pub fn summaries(c: &mut DbConn, swv: Id, ids: Vec<Id>) -> Result<Vec<Samenvatting>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(scoped(swv)
        .filter(projecten::id.eq_any(ids))
        .select((
            projecten::id,
            projecten::naam,
            projecten::status,
            projecten::einddatum,
        ))
        .load(c)?)
}

fn check_references(c: &mut DbConn, swv: Id, input: &ProjectInput) -> Result<(), ApiError> {
    let missing = "verwijst naar een record dat niet bestaat";
    let mut errors = Vec::new();
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
    if !crate::domain::references::ambities_in_swv(c, swv, &input.ambitie_ids)? {
        errors.push(InvalidParam::new("ambitieIds", missing));
    }
    let wanted = crate::domain::unique(&input.school_ids);
    if !wanted.is_empty() {
        let n: i64 = scholen::table
            .filter(scholen::samenwerkingsverband_id.eq(swv))
            .filter(scholen::id.eq_any(wanted.clone()))
            .count()
            .get_result(c)?;
        if n != wanted.len() as i64 {
            errors.push(InvalidParam::new("schoolIds", missing));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

fn link(c: &mut DbConn, id: Id, input: &ProjectInput) -> Result<(), ApiError> {
    diesel::delete(project_ambities::table.filter(project_ambities::project_id.eq(id)))
        .execute(c)?;
    diesel::delete(project_scholen::table.filter(project_scholen::project_id.eq(id))).execute(c)?;
    diesel::delete(project_financiering::table.filter(project_financiering::project_id.eq(id)))
        .execute(c)?;
    for a in crate::domain::unique(&input.ambitie_ids) {
        diesel::insert_into(project_ambities::table)
            .values((
                project_ambities::project_id.eq(id),
                project_ambities::ambitie_id.eq(a),
            ))
            .execute(c)?;
    }
    for s in crate::domain::unique(&input.school_ids) {
        diesel::insert_into(project_scholen::table)
            .values((
                project_scholen::project_id.eq(id),
                project_scholen::school_id.eq(s),
            ))
            .execute(c)?;
    }
    for (i, f) in input.financiering.iter().enumerate() {
        diesel::insert_into(project_financiering::table)
            .values((
                project_financiering::project_id.eq(id),
                project_financiering::positie.eq(i as i32),
                project_financiering::bron.eq(f.bron.trim()),
                project_financiering::bedrag_cent.eq(f.bedrag_cent),
            ))
            .execute(c)?;
    }
    Ok(())
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_projecten)
        .service(create_project)
        .service(get_project)
        .service(put_project)
        .service(patch_project)
        .service(delete_project)
        .service(list_voortgang)
        .service(create_voortgang)
        .service(get_voortgang)
        .service(delete_voortgang);
}

/// De projecten van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Projecten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: naam, status, startdatum, einddatum, createdAt, updatedAt", example = "einddatum"),
        ("q" = Option<String>, Query, description = "Zoekt in de naam"),
        ("portefeuilleId" = Option<uuid::Uuid>, Query, description = "Alleen de projecten van deze portefeuille"),
        ("ambitieId" = Option<uuid::Uuid>, Query, description = "Alleen de projecten die aan deze ambitie bijdragen"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen de projecten waaraan deze school deelneemt"),
        ("status" = Option<ProjectStatus>, Query, description = "Alleen projecten met deze status"),
    ),
    responses((status = 200, description = "Een pagina projecten (of de hele lijst als CSV/XLSX)", body = ProjectPage)),
)]
#[get("/projecten")]
async fn list_projecten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let filter = Filter {
        portefeuille_id: q.id("portefeuilleId"),
        ambitie_id: q.id("ambitieId"),
        school_id: q.id("schoolId"),
        status: q.enumeration("status"),
        search: q.search_pattern(),
    };
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = filter.clone();
    export::list(
        &state.db,
        format,
        &q,
        "projecten",
        move |c| Ok(filtered(swv, &counted).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, &filter).select(ProjectRow::as_select()), &sort, {
                "naam" => projecten::naam,
                "status" => projecten::status,
                "startdatum" => projecten::startdatum,
                "einddatum" => projecten::einddatum,
                "createdAt" => projecten::created_at,
                "updatedAt" => projecten::updated_at,
            }, projecten::id);
            let rows = query.limit(limit).offset(offset).load(c)?;
            with_links(c, rows)
        },
    )
    .await
}

impl Versioned for Project {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Project {
    type Input = ProjectInput;
    type Scope = Id;
    const TABLE: &'static str = "projecten";

    fn input(&self) -> ProjectInput {
        ProjectInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &ProjectInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_references(c, swv, input)?;
        diesel::insert_into(projecten::table)
            .values((
                projecten::id.eq(id),
                projecten::samenwerkingsverband_id.eq(swv),
                projecten::naam.eq(input.naam.trim()),
                projecten::omschrijving.eq(&input.omschrijving),
                projecten::portefeuille_id.eq(input.portefeuille_id),
                projecten::status.eq(input.status),
                projecten::startdatum.eq(input.startdatum),
                projecten::einddatum.eq(input.einddatum),
                projecten::partner.eq(&input.partner),
                projecten::created_at.eq(now),
                projecten::updated_at.eq(now),
                projecten::versie.eq(1),
            ))
            .execute(c)?;
        link(c, id, input)
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &ProjectInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_references(c, swv, input)?;
        let n = diesel::update(
            projecten::table
                .filter(projecten::id.eq(current.id))
                .filter(projecten::versie.eq(current.versie)),
        )
        .set((
            projecten::naam.eq(input.naam.trim()),
            projecten::omschrijving.eq(&input.omschrijving),
            projecten::portefeuille_id.eq(input.portefeuille_id),
            projecten::status.eq(input.status),
            projecten::startdatum.eq(input.startdatum),
            projecten::einddatum.eq(input.einddatum),
            projecten::partner.eq(&input.partner),
            projecten::updated_at.eq(now),
            projecten::versie.eq(current.versie + 1),
        ))
        .execute(c)?;
        if n > 0 {
            link(c, current.id, input)?;
        }
        Ok(n)
    }

    /// The project with its links, funding and progress reports (they are part of it).
    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        let n = diesel::delete(
            projecten::table
                .filter(projecten::id.eq(current.id))
                .filter(projecten::versie.eq(current.versie)),
        )
        .execute(c)?;
        Ok(n)
    }
}

impl Resource for Project {
    const COLLECTION: &'static str = "projecten";
}

crate::crud_routes! {
    resource: Project, input: ProjectInput, tag: "Projecten",
    collection: "/projecten", item: "/projecten/{id}", id: "Id van het project",
    scope: |caller: &Caller, access| caller.tenant(Area::Uitvoering, access),
    create: (create_project, "Een project toevoegen."),
    get: (get_project, "Eén project.", "Het project"),
    put: (put_project, "Een project vervangen."),
    patch: (patch_project, "Velden van een project wijzigen (JSON merge patch).", "Alleen de velden die veranderen; een lijst vervangt de hele lijst, `null` wist een veld"),
    delete: (delete_project, "Een project zonder activiteiten verwijderen, met zijn voortgangsverslagen."),
}

// ----- Voortgang: the progress reports of a project -----

/// A progress report of a project.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = voortgangsverslagen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a17", "projectId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a16", "datum": "2025-01-15", "toelichting": "Zeven scholen doen mee; de workshop is gepland.", "signaal": "op_koers", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Voortgang {
    pub id: Id,
    pub project_id: Id,
    /// De datum waarop de stand is opgemaakt.
    pub datum: NaiveDate,
    pub toelichting: String,
    pub signaal: Option<Signaal>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A progress report as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"datum": "2025-01-15", "toelichting": "Zeven scholen doen mee; de workshop is gepland.", "signaal": "op_koers"}))]
pub struct VoortgangInput {
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
    #[validate(
        length(min = 1, max = 20000, message = "moet 1 tot 20000 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 20000)]
    pub toelichting: String,
    #[serde(default)]
    pub signaal: Option<Signaal>,
}

impl Input for VoortgangInput {}

page_schema!(VoortgangPage, Voortgang);

const VOORTGANG_SPEC: ListSpec = ListSpec {
    sorts: &["datum", "createdAt", "updatedAt"],
    filters: &["signaal"],
    default_sort: "-datum",
};

fn voortgang_scoped(
    swv: Id,
    project: Id,
) -> voortgangsverslagen::BoxedQuery<'static, MultiBackend> {
    voortgangsverslagen::table
        .filter(voortgangsverslagen::samenwerkingsverband_id.eq(swv))
        .filter(voortgangsverslagen::project_id.eq(project))
        .into_boxed()
}

fn voortgang_filtered(
    swv: Id,
    project: Id,
    signaal: Option<Signaal>,
) -> voortgangsverslagen::BoxedQuery<'static, MultiBackend> {
    let mut q = voortgang_scoped(swv, project);
    if let Some(s) = signaal {
        q = q.filter(voortgangsverslagen::signaal.eq(s));
    }
    q
}

fn find_voortgang(c: &mut DbConn, swv: Id, project: Id, id: Id) -> Result<Voortgang, ApiError> {
    voortgang_scoped(swv, project)
        .filter(voortgangsverslagen::id.eq(id))
        .select(Voortgang::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

fn project_exists(c: &mut DbConn, swv: Id, id: Id) -> Result<(), ApiError> {
    let ok: bool = diesel::select(diesel::dsl::exists(
        projecten::table
            .filter(projecten::samenwerkingsverband_id.eq(swv))
            .filter(projecten::id.eq(id)),
    ))
    .get_result(c)?;
    if ok {
        Ok(())
    } else {
        Err(ApiError::not_found())
    }
}

/// De voortgangsverslagen van een project opvragen (nieuwste eerst).
#[utoipa::path(
    tag = "Projecten",
    params(
        ("id" = uuid::Uuid, Path, description = "Id van het project"),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: datum, createdAt, updatedAt", example = "-datum"),
        ("signaal" = Option<Signaal>, Query, description = "Alleen verslagen met dit signaal"),
    ),
    responses((status = 200, description = "Een pagina voortgangsverslagen (of de hele lijst als CSV/XLSX)", body = VoortgangPage)),
)]
#[get("/projecten/{id}/voortgang")]
async fn list_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let project = id.into_inner();
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &VOORTGANG_SPEC);
    let signaal: Option<Signaal> = q.enumeration("signaal");
    let q = q.finish()?;
    let sort = q.sort.clone();
    export::list(
        &state.db,
        format,
        &q,
        "voortgang",
        move |c| {
            project_exists(c, swv, project)?;
            Ok(voortgang_filtered(swv, project, signaal)
                .count()
                .get_result(c)?)
        },
        move |c, limit, offset| {
            let query = order_by!(voortgang_filtered(swv, project, signaal).select(Voortgang::as_select()), &sort, {
                "datum" => voortgangsverslagen::datum,
                "createdAt" => voortgangsverslagen::created_at,
                "updatedAt" => voortgangsverslagen::updated_at,
            }, voortgangsverslagen::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
    .await
}

/// Een voortgangsverslag bij een project vastleggen.
#[utoipa::path(
    tag = "Projecten",
    params(("id" = uuid::Uuid, Path, description = "Id van het project")),
    request_body = VoortgangInput,
    responses((status = 201, description = "Vastgelegd", body = Voortgang)),
)]
#[post("/projecten/{id}/voortgang")]
async fn create_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<VoortgangInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let project = id.into_inner();
    let v = state
        .db
        .write(move |c| {
            // An unknown project is a 404 before anything is said about the body.
            project_exists(c, swv, project)?;
            let input = body.decode()?;
            let id = Id::new();
            let now = time::now();
            diesel::insert_into(voortgangsverslagen::table)
                .values((
                    voortgangsverslagen::id.eq(id),
                    voortgangsverslagen::samenwerkingsverband_id.eq(swv),
                    voortgangsverslagen::project_id.eq(project),
                    voortgangsverslagen::datum.eq(input.datum),
                    voortgangsverslagen::toelichting.eq(input.toelichting.trim()),
                    voortgangsverslagen::signaal.eq(input.signaal),
                    voortgangsverslagen::created_at.eq(now),
                    voortgangsverslagen::updated_at.eq(now),
                    voortgangsverslagen::versie.eq(1),
                ))
                .execute(c)?;
            find_voortgang(c, swv, project, id)
        })
        .await?;
    Ok(resource::created(
        &format!("projecten/{project}/voortgang"),
        v.id,
        v.versie,
        &v,
    ))
}

/// Eén voortgangsverslag van een project.
#[utoipa::path(
    tag = "Projecten",
    params(("id" = uuid::Uuid, Path, description = "Id van het project"), ("voortgangId" = uuid::Uuid, Path, description = "Id van het voortgangsverslag")),
    responses((status = 200, description = "Het voortgangsverslag", body = Voortgang)),
)]
#[get("/projecten/{id}/voortgang/{voortgangId}")]
async fn get_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let (project, id) = path.into_inner();
    let v = state
        .db
        .read(move |c| find_voortgang(c, swv, project, id))
        .await?;
    Ok(resource::ok(v.versie, &v))
}

/// Een voortgangsverslag van een project verwijderen.
#[utoipa::path(
    tag = "Projecten",
    params(("id" = uuid::Uuid, Path, description = "Id van het project"), ("voortgangId" = uuid::Uuid, Path, description = "Id van het voortgangsverslag"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/projecten/{id}/voortgang/{voortgangId}")]
async fn delete_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let (project, id) = path.into_inner();
    let expect = crate::resource::IfMatch::parse(&req);
    state
        .db
        .write(move |c| {
            let current = find_voortgang(c, swv, project, id)?;
            expect.check(current.versie)?;
            let n = diesel::delete(
                voortgangsverslagen::table
                    .filter(voortgangsverslagen::id.eq(current.id))
                    .filter(voortgangsverslagen::versie.eq(current.versie)),
            )
            .execute(c)?;
            if n == 0 {
                return Err(ApiError::precondition_failed());
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
