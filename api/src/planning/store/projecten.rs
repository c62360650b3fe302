//! `/projecten`: time-bound work with funding, partners and participating schools, and its
//! progress reports (`/projecten/{id}/voortgang`).

use crate::error::ApiError;
use crate::schema::{
    portefeuilles, project_ambities, project_financiering, project_scholen, projecten, scholen,
};
use crate::store_prelude::*;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::HashMap;
use validator::{Validate, ValidationError};

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
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
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
pub struct ProjectRow {
    pub id: Id,
    pub naam: String,
    pub omschrijving: Option<String>,
    pub portefeuille_id: Option<Id>,
    pub status: ProjectStatus,
    pub startdatum: Option<NaiveDate>,
    pub einddatum: Option<NaiveDate>,
    pub partner: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
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
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    #[serde(default)]
    #[validate(
        length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
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
    #[validate(
        length(max = 500, message = "mag hoogstens 500 tekens lang zijn"),
        custom(function = "rules::single_line")
    )]
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

pub fn period(i: &ProjectInput) -> Result<(), ValidationError> {
    if matches!((i.startdatum, i.einddatum), (Some(s), Some(e)) if e < s) {
        let mut e = ValidationError::new("einddatum");
        e.message = Some("mag niet vóór de startdatum liggen".into());
        return Err(e);
    }
    Ok(())
}

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

/// The filters of the list, within one SWV.
#[derive(Clone)]
pub struct Filter {
    pub swv: Id,
    pub portefeuille_id: Option<Id>,
    pub ambitie_id: Option<Id>,
    pub school_id: Option<Id>,
    pub status: Option<ProjectStatus>,
    pub search: Option<String>,
}

pub fn scoped(swv: Id) -> projecten::BoxedQuery<'static, MultiBackend> {
    projecten::table
        .filter(projecten::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(swv: Id, f: &Filter) -> projecten::BoxedQuery<'static, MultiBackend> {
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
pub fn with_links(c: &mut DbConn, rows: Vec<ProjectRow>) -> Result<Vec<Project>, ApiError> {
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

pub fn check_references(c: &mut DbConn, swv: Id, input: &ProjectInput) -> Result<(), ApiError> {
    let mut refs = crate::domain::References::default();
    if let Some(id) = input.portefeuille_id {
        let ok: bool = diesel::select(diesel::dsl::exists(
            portefeuilles::table
                .filter(portefeuilles::samenwerkingsverband_id.eq(swv))
                .filter(portefeuilles::id.eq(id)),
        ))
        .get_result(c)?;
        refs.check("portefeuilleId", ok);
    }
    refs.check(
        "ambitieIds",
        crate::domain::references::ambities_in_swv(c, swv, &input.ambitie_ids)?,
    );
    let wanted = crate::domain::unique(&input.school_ids);
    if !wanted.is_empty() {
        let n: i64 = scholen::table
            .filter(scholen::samenwerkingsverband_id.eq(swv))
            .filter(scholen::id.eq_any(wanted.clone()))
            .count()
            .get_result(c)?;
        refs.check("schoolIds", n == wanted.len() as i64);
    }
    refs.finish()
}

pub fn link(c: &mut DbConn, id: Id, input: &ProjectInput) -> Result<(), ApiError> {
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

// ----- Voortgang: the progress reports of a project -----

crate::listed! {
    Project, name: "projecten", filter: Filter,
    rows: |f| filtered(f.swv, f), select: ProjectRow::as_select(),
    sorts: {
    "naam" => projecten::naam,
    "status" => projecten::status,
    "startdatum" => projecten::startdatum,
    "einddatum" => projecten::einddatum,
    "createdAt" => projecten::created_at,
    "updatedAt" => projecten::updated_at,
    },
    id: projecten::id,
    complete: with_links,
}
