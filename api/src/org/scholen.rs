//! `/scholen`: school locations of the SWV.

use std::sync::LazyLock;

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use regex::Regex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::References;
use crate::auth::{Access, Area, Caller};
use crate::db::{DbConn, Id, MultiBackend};
use crate::http::body::rules;
use crate::http::list::lower;
use crate::http::{
    export, time, ApiError, Expect, Format, Input, JsonBody, ListQuery, ListSpec, MergePatch,
};
use crate::resource::{self, Resource};
use crate::schema::{gemeenten, scholen, schoolbesturen, werkgebieden};
use crate::{order_by, page_schema, AppState};

crate::text_enum! {
    /// Kind of school: regular primary (`bao`), special primary (`sbo`), special (`so`),
    /// secondary special (`vso`), secondary (`vo`) or integrated child centre (`ikc`).
    pub enum SchoolSoort {
        Bao => "bao",
        Sbo => "sbo",
        So => "so",
        Vso => "vso",
        Vo => "vo",
        Ikc => "ikc",
    }
}

pub static BRIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$").expect("valid regex"));

/// A school location.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = scholen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao",
    "schoolbestuurId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "gemeenteId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02",
    "werkgebiedId": null, "leerlingaantal": 312,
    "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1
}))]
pub struct School {
    pub id: Id,
    pub naam: String,
    pub brin: String,
    pub soort: SchoolSoort,
    pub schoolbestuur_id: Id,
    pub gemeente_id: Id,
    pub werkgebied_id: Option<Id>,
    pub leerlingaantal: Option<i32>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A school as a client writes it (`POST`, `PUT`; `PATCH` merges into it).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "gemeenteId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02", "werkgebiedId": null, "leerlingaantal": 312}))]
pub struct SchoolInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// BRIN: 2 cijfers en 2 hoofdletters, eventueel gevolgd door een locatienummer van 2 cijfers.
    #[validate(regex(path = *BRIN, message = "moet 2 cijfers en 2 hoofdletters zijn, eventueel gevolgd door 2 cijfers (bijv. 12AB00)"))]
    #[schema(pattern = "^[0-9]{2}[A-Z]{2}([0-9]{2})?$", example = "12AB00")]
    pub brin: String,
    pub soort: SchoolSoort,
    pub schoolbestuur_id: Id,
    pub gemeente_id: Id,
    #[serde(default)]
    pub werkgebied_id: Option<Id>,
    #[serde(default)]
    #[validate(range(min = 0, max = 100000, message = "moet tussen 0 en 100000 liggen"))]
    #[schema(minimum = 0, maximum = 100000)]
    pub leerlingaantal: Option<i32>,
}

impl Input for SchoolInput {}

impl From<&School> for SchoolInput {
    fn from(s: &School) -> Self {
        SchoolInput {
            naam: s.naam.clone(),
            brin: s.brin.clone(),
            soort: s.soort,
            schoolbestuur_id: s.schoolbestuur_id,
            gemeente_id: s.gemeente_id,
            werkgebied_id: s.werkgebied_id,
            leerlingaantal: s.leerlingaantal,
        }
    }
}

page_schema!(SchoolPage, School);

const SPEC: ListSpec = ListSpec {
    sorts: &[
        "naam",
        "brin",
        "soort",
        "leerlingaantal",
        "createdAt",
        "updatedAt",
    ],
    filters: &["soort", "schoolbestuurId", "gemeenteId", "werkgebiedId"],
    default_sort: "naam",
};

#[derive(Default, Clone)]
struct Filter {
    soort: Option<SchoolSoort>,
    schoolbestuur_id: Option<Id>,
    gemeente_id: Option<Id>,
    werkgebied_id: Option<Id>,
    search: Option<String>,
}

/// The only way into the table: always within one SWV.
fn scoped(swv: Id) -> scholen::BoxedQuery<'static, MultiBackend> {
    scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(swv: Id, f: &Filter) -> scholen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = f.soort {
        q = q.filter(scholen::soort.eq(v));
    }
    if let Some(v) = f.schoolbestuur_id {
        q = q.filter(scholen::schoolbestuur_id.eq(v));
    }
    if let Some(v) = f.gemeente_id {
        q = q.filter(scholen::gemeente_id.eq(v));
    }
    if let Some(v) = f.werkgebied_id {
        q = q.filter(scholen::werkgebied_id.eq(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(scholen::naam)
                .like(p.clone())
                .escape('\\')
                .or(lower(scholen::brin).like(p.clone()).escape('\\')),
        );
    }
    q
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<School, ApiError> {
    scoped(swv)
        .filter(scholen::id.eq(id))
        .select(School::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

fn check_references(c: &mut DbConn, swv: Id, input: &SchoolInput) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "schoolbestuurId",
        diesel::select(diesel::dsl::exists(
            schoolbesturen::table
                .filter(schoolbesturen::id.eq(input.schoolbestuur_id))
                .filter(schoolbesturen::samenwerkingsverband_id.eq(swv)),
        ))
        .get_result(c)?,
    );
    refs.check(
        "gemeenteId",
        diesel::select(diesel::dsl::exists(
            gemeenten::table.filter(gemeenten::id.eq(input.gemeente_id)),
        ))
        .get_result(c)?,
    );
    if let Some(w) = input.werkgebied_id {
        refs.check(
            "werkgebiedId",
            diesel::select(diesel::dsl::exists(
                werkgebieden::table
                    .filter(werkgebieden::id.eq(w))
                    .filter(werkgebieden::samenwerkingsverband_id.eq(swv)),
            ))
            .get_result(c)?,
        );
    }
    refs.finish()
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_scholen)
        .service(create_school)
        .service(get_school)
        .service(put_school)
        .service(patch_school)
        .service(delete_school);
}

/// De scholen van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Scholen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: naam, brin, soort, leerlingaantal, createdAt, updatedAt", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en BRIN"),
        ("soort" = Option<SchoolSoort>, Query, description = "Alleen scholen van deze soort"),
        ("schoolbestuurId" = Option<uuid::Uuid>, Query, description = "Alleen scholen van dit schoolbestuur"),
        ("gemeenteId" = Option<uuid::Uuid>, Query, description = "Alleen scholen in deze gemeente"),
        ("werkgebiedId" = Option<uuid::Uuid>, Query, description = "Alleen scholen in dit werkgebied"),
    ),
    responses((status = 200, description = "Een pagina scholen (of de hele lijst als CSV/XLSX)", body = SchoolPage)),
)]
#[get("/scholen")]
async fn list_scholen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let filter = Filter {
        soort: q.enumeration("soort"),
        schoolbestuur_id: q.id("schoolbestuurId"),
        gemeente_id: q.id("gemeenteId"),
        werkgebied_id: q.id("werkgebiedId"),
        search: q.search_pattern(),
    };
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = filter.clone();
    export::list(
        &state.db,
        format,
        &q,
        "scholen",
        move |c| Ok(filtered(swv, &counted).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, &filter).select(School::as_select()), &sort, {
                "naam" => scholen::naam,
                "brin" => scholen::brin,
                "soort" => scholen::soort,
                "leerlingaantal" => scholen::leerlingaantal,
                "createdAt" => scholen::created_at,
                "updatedAt" => scholen::updated_at,
            }, scholen::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
    .await
}

impl Resource for School {
    type Input = SchoolInput;
    type Scope = Id;
    const COLLECTION: &'static str = "scholen";

    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }

    fn input(&self) -> SchoolInput {
        SchoolInput::from(self)
    }

    fn find(c: &mut DbConn, scope: Id, id: Id) -> Result<Self, ApiError> {
        find(c, scope, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &SchoolInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_references(c, swv, input)?;
        diesel::insert_into(scholen::table)
            .values((
                scholen::id.eq(id),
                scholen::samenwerkingsverband_id.eq(swv),
                scholen::naam.eq(input.naam.trim()),
                scholen::brin.eq(&input.brin),
                scholen::soort.eq(input.soort),
                scholen::schoolbestuur_id.eq(input.schoolbestuur_id),
                scholen::gemeente_id.eq(input.gemeente_id),
                scholen::werkgebied_id.eq(input.werkgebied_id),
                scholen::leerlingaantal.eq(input.leerlingaantal),
                scholen::created_at.eq(now),
                scholen::updated_at.eq(now),
                scholen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &SchoolInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_references(c, swv, input)?;
        Ok(diesel::update(
            scholen::table
                .filter(scholen::id.eq(current.id))
                .filter(scholen::versie.eq(current.versie)),
        )
        .set((
            scholen::naam.eq(input.naam.trim()),
            scholen::brin.eq(&input.brin),
            scholen::soort.eq(input.soort),
            scholen::schoolbestuur_id.eq(input.schoolbestuur_id),
            scholen::gemeente_id.eq(input.gemeente_id),
            scholen::werkgebied_id.eq(input.werkgebied_id),
            scholen::leerlingaantal.eq(input.leerlingaantal),
            scholen::updated_at.eq(now),
            scholen::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn check_delete(c: &mut DbConn, current: &Self) -> Result<(), ApiError> {
        crate::planning::school_in_use(c, current.id)?;
        crate::bijeenkomsten::school_in_use(c, current.id)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            scholen::table
                .filter(scholen::id.eq(current.id))
                .filter(scholen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

/// Een school toevoegen.
#[utoipa::path(tag = "Scholen", request_body = SchoolInput, responses((status = 201, description = "Aangemaakt", body = School)))]
#[post("/scholen")]
async fn create_school(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<SchoolInput>,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.tenant(Area::Organisatie, Access::Write)?;
    resource::create::<School>(&state, scope, body.decode()?).await
}

/// Eén school.
#[utoipa::path(tag = "Scholen", params(("id" = uuid::Uuid, Path, description = "Id van de school")), responses((status = 200, description = "De school", body = School)))]
#[get("/scholen/{id}")]
async fn get_school(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.tenant(Area::Organisatie, Access::Read)?;
    resource::get::<School>(&state, scope, id.into_inner()).await
}

/// Een school vervangen.
#[utoipa::path(
    tag = "Scholen",
    params(("id" = uuid::Uuid, Path, description = "Id van de school"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body = SchoolInput,
    responses((status = 200, description = "Bijgewerkt", body = School)),
)]
#[put("/scholen/{id}")]
async fn put_school(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    body: JsonBody<SchoolInput>,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.tenant(Area::Organisatie, Access::Write)?;
    resource::replace::<School>(
        &state,
        scope,
        id.into_inner(),
        Expect::from_request(&req),
        body.decode()?,
    )
    .await
}

/// Velden van een school wijzigen (JSON merge patch).
#[utoipa::path(
    tag = "Scholen",
    params(("id" = uuid::Uuid, Path, description = "Id van de school"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = SchoolInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen; `null` wist een veld"),
    responses((status = 200, description = "Bijgewerkt", body = School)),
)]
#[patch("/scholen/{id}")]
async fn patch_school(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.tenant(Area::Organisatie, Access::Write)?;
    resource::patch::<School>(
        &state,
        scope,
        id.into_inner(),
        Expect::from_request(&req),
        patch,
    )
    .await
}

/// Een school verwijderen.
#[utoipa::path(
    tag = "Scholen",
    params(("id" = uuid::Uuid, Path, description = "Id van de school"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/scholen/{id}")]
async fn delete_school(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.tenant(Area::Organisatie, Access::Write)?;
    resource::delete::<School>(&state, scope, id.into_inner(), Expect::from_request(&req)).await
}
