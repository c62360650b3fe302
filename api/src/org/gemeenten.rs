//! `/gemeenten`: municipalities, shared by every SWV of the installation.

use std::sync::LazyLock;

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use regex::Regex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Access, Area, Caller};
use crate::db::lower;
use crate::db::{DbConn, Id, MultiBackend};
use crate::domain::rules;
use crate::domain::time;
use crate::error::ApiError;
use crate::http::{export, Format, Input, ListQuery, ListSpec};
use crate::resource::Resource;
use crate::schema::gemeenten;
use crate::state::AppState;
use crate::store::{Store, Versioned};
use crate::{order_by, page_schema};

static CBS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{4}$").expect("valid regex"));

/// A municipality, identified by its CBS code.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = gemeenten, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02", "cbsCode": "0392", "naam": "Haarlem", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Gemeente {
    pub id: Id,
    pub cbs_code: String,
    pub naam: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A gemeente as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"cbsCode": "0392", "naam": "Haarlem"}))]
pub struct GemeenteInput {
    /// CBS-gemeentecode: 4 cijfers.
    #[validate(regex(path = *CBS, message = "moet uit 4 cijfers bestaan (bijv. 0392)"))]
    #[schema(pattern = "^[0-9]{4}$", example = "0392")]
    pub cbs_code: String,
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
}

impl Input for GemeenteInput {}

impl From<&Gemeente> for GemeenteInput {
    fn from(g: &Gemeente) -> Self {
        GemeenteInput {
            cbs_code: g.cbs_code.clone(),
            naam: g.naam.clone(),
        }
    }
}

page_schema!(GemeentePage, Gemeente);

const SPEC: ListSpec = ListSpec {
    sorts: &["naam", "cbsCode", "createdAt", "updatedAt"],
    filters: &["cbsCode"],
    default_sort: "naam",
};

fn filtered(
    cbs: &Option<String>,
    search: &Option<String>,
) -> gemeenten::BoxedQuery<'static, MultiBackend> {
    let mut q = gemeenten::table.into_boxed();
    if let Some(v) = cbs {
        q = q.filter(gemeenten::cbs_code.eq(v.clone()));
    }
    if let Some(p) = search {
        q = q.filter(
            lower(gemeenten::naam)
                .like(p.clone())
                .escape('\\')
                .or(gemeenten::cbs_code.like(p.clone()).escape('\\')),
        );
    }
    q
}

pub fn find(c: &mut DbConn, id: Id) -> Result<Gemeente, ApiError> {
    gemeenten::table
        .find(id)
        .select(Gemeente::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_gemeenten)
        .service(create_gemeente)
        .service(get_gemeente)
        .service(put_gemeente)
        .service(patch_gemeente)
        .service(delete_gemeente);
}

/// Gemeenten opvragen.
#[utoipa::path(
    tag = "Gemeenten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, cbsCode, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en CBS-code"),
        ("cbsCode" = Option<String>, Query, description = "Precies deze CBS-code", example = "0392"),
    ),
    responses((status = 200, description = "Een pagina gemeenten", body = GemeentePage)),
)]
#[get("/gemeenten")]
async fn list_gemeenten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    caller.require(Area::Gemeenten, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let cbs = q.text("cbsCode");
    if cbs.as_ref().is_some_and(|c| !CBS.is_match(c)) {
        q.reject("cbsCode", "moet uit 4 cijfers bestaan");
    }
    let search = q.search_pattern();
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = (cbs.clone(), search.clone());
    export::list(
        &state.db,
        format,
        &q,
        "gemeenten",
        move |c| Ok(filtered(&counted.0, &counted.1).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(&cbs, &search).select(Gemeente::as_select()), &sort, {
                "naam" => gemeenten::naam,
                "cbsCode" => gemeenten::cbs_code,
                "createdAt" => gemeenten::created_at,
                "updatedAt" => gemeenten::updated_at,
            }, gemeenten::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
    .await
}

impl Versioned for Gemeente {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Gemeente {
    type Input = GemeenteInput;
    type Scope = ();
    const TABLE: &'static str = "gemeenten";

    fn input(&self) -> GemeenteInput {
        GemeenteInput::from(self)
    }

    fn find(c: &mut DbConn, _scope: (), id: Id) -> Result<Self, ApiError> {
        find(c, id)
    }

    fn insert(
        c: &mut DbConn,
        _scope: (),
        id: Id,
        input: &GemeenteInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(gemeenten::table)
            .values((
                gemeenten::id.eq(id),
                gemeenten::cbs_code.eq(&input.cbs_code),
                gemeenten::naam.eq(input.naam.trim()),
                gemeenten::created_at.eq(now),
                gemeenten::updated_at.eq(now),
                gemeenten::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _scope: (),
        current: &Self,
        input: &GemeenteInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            gemeenten::table
                .filter(gemeenten::id.eq(current.id))
                .filter(gemeenten::versie.eq(current.versie)),
        )
        .set((
            gemeenten::cbs_code.eq(&input.cbs_code),
            gemeenten::naam.eq(input.naam.trim()),
            gemeenten::updated_at.eq(now),
            gemeenten::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            gemeenten::table
                .filter(gemeenten::id.eq(current.id))
                .filter(gemeenten::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

impl Resource for Gemeente {
    const COLLECTION: &'static str = "gemeenten";
}

crate::crud_routes! {
    resource: Gemeente, input: GemeenteInput, tag: "Gemeenten",
    collection: "/gemeenten", item: "/gemeenten/{id}", id: "Id van de gemeente",
    scope: |caller: &Caller, access| caller.require(Area::Gemeenten, access),
    create: (create_gemeente, "Een gemeente toevoegen (platformbeheerder)."),
    get: (get_gemeente, "Eén gemeente.", "De gemeente"),
    put: (put_gemeente, "Een gemeente vervangen (platformbeheerder)."),
    patch: (patch_gemeente, "Velden van een gemeente wijzigen (JSON merge patch; platformbeheerder).", "Alleen de velden die veranderen"),
    delete: (delete_gemeente, "Een gemeente verwijderen waar geen school of client naar verwijst (platformbeheerder)."),
}
