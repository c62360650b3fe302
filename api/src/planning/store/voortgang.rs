//! The progress reports of a project (`voortgang`).

use super::Signaal;
use crate::schema::{projecten, voortgangsverslagen};
use crate::store_prelude::*;
use chrono::{NaiveDate, NaiveDateTime};

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
        custom(function = "rules::not_blank"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(min_length = 1, max_length = 20000)]
    pub toelichting: String,
    #[serde(default)]
    pub signaal: Option<Signaal>,
}

pub fn voortgang_scoped(
    swv: Id,
    project: Id,
) -> voortgangsverslagen::BoxedQuery<'static, MultiBackend> {
    voortgangsverslagen::table
        .filter(voortgangsverslagen::samenwerkingsverband_id.eq(swv))
        .filter(voortgangsverslagen::project_id.eq(project))
        .into_boxed()
}

pub fn voortgang_filtered(
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

/// The filter of one project's reports.
pub struct VoortgangFilter {
    pub swv: Id,
    pub project: Id,
    pub signaal: Option<Signaal>,
}

crate::listed! {
    Voortgang, name: "voortgang", filter: VoortgangFilter,
    rows: |f| voortgang_filtered(f.swv, f.project, f.signaal), select: Voortgang::as_select(),
    sorts: {
        "datum" => voortgangsverslagen::datum,
        "createdAt" => voortgangsverslagen::created_at,
        "updatedAt" => voortgangsverslagen::updated_at,
    },
    id: voortgangsverslagen::id,
    scope: |c: &mut DbConn, f: &VoortgangFilter| project_exists(c, f.swv, f.project),
}

pub fn find_voortgang(c: &mut DbConn, swv: Id, project: Id, id: Id) -> Result<Voortgang, ApiError> {
    voortgang_scoped(swv, project)
        .filter(voortgangsverslagen::id.eq(id))
        .select(Voortgang::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn project_exists(c: &mut DbConn, swv: Id, id: Id) -> Result<(), ApiError> {
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
