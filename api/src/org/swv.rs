//! `/samenwerkingsverbanden`: the tenants of the installation, managed by the platformbeheerder.

use std::sync::LazyLock;

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use regex::Regex;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::auth::{Access, Area, Caller};
use crate::db::lower;
use crate::db::{DbConn, Id, MultiBackend};
use crate::domain::rules;
use crate::domain::time;
use crate::error::ApiError;
use crate::http::{export, Format, Input, ListQuery, ListSpec};
use crate::resource::Resource;
use crate::schema::samenwerkingsverbanden as swv;
use crate::state::AppState;
use crate::store::{Store, Versioned};
use crate::{order_by, page_schema};

crate::text_enum! {
    /// Sector: primary (`po`) or secondary (`vo`) education.
    pub enum Sector {
        Po => "po",
        Vo => "vo",
    }
}

static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(PO|VO)[0-9]{4}$").expect("valid regex"));

/// A samenwerkingsverband passend onderwijs.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = swv, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c", "naam": "Samenwerkingsverband PO Zuid-Kennemerland", "code": "PO2703", "sector": "po", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Samenwerkingsverband {
    pub id: Id,
    pub naam: String,
    pub code: String,
    pub sector: Sector,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A samenwerkingsverband as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[validate(schema(function = "code_matches_sector", skip_on_field_errors = true))]
#[schema(example = json!({"naam": "Samenwerkingsverband PO Zuid-Kennemerland", "code": "PO2703", "sector": "po"}))]
pub struct SamenwerkingsverbandInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// Code van DUO: `PO` of `VO` en 4 cijfers; het voorvoegsel past bij de sector.
    #[validate(regex(path = *CODE, message = "moet PO of VO gevolgd door 4 cijfers zijn (bijv. PO2703)"))]
    #[schema(pattern = "^(PO|VO)[0-9]{4}$", example = "PO2703")]
    pub code: String,
    pub sector: Sector,
}

fn code_matches_sector(i: &SamenwerkingsverbandInput) -> Result<(), ValidationError> {
    let prefix = i.sector.as_str().to_uppercase();
    if i.code.starts_with(&prefix) {
        Ok(())
    } else {
        let mut e = ValidationError::new("code");
        e.message = Some(
            format!(
                "past niet bij sector '{}': de code begint dan met {prefix}",
                i.sector
            )
            .into(),
        );
        Err(e)
    }
}

impl Input for SamenwerkingsverbandInput {}

impl From<&Samenwerkingsverband> for SamenwerkingsverbandInput {
    fn from(s: &Samenwerkingsverband) -> Self {
        SamenwerkingsverbandInput {
            naam: s.naam.clone(),
            code: s.code.clone(),
            sector: s.sector,
        }
    }
}

page_schema!(SamenwerkingsverbandPage, Samenwerkingsverband);

const SPEC: ListSpec = ListSpec {
    sorts: &["naam", "code", "sector", "createdAt", "updatedAt"],
    filters: &["sector", "code"],
    default_sort: "naam",
};

/// Every SWV for the platformbeheerder; only its own for anyone else.
fn scoped(visible: Option<Id>) -> swv::BoxedQuery<'static, MultiBackend> {
    let q = swv::table.into_boxed();
    match visible {
        Some(id) => q.filter(swv::id.eq(id)),
        None => q,
    }
}

fn visible_to(caller: &Caller, access: Access) -> Result<Option<Id>, ApiError> {
    caller.tenant_or_platform(Area::Samenwerkingsverbanden, access)
}

pub fn find(c: &mut DbConn, visible: Option<Id>, id: Id) -> Result<Samenwerkingsverband, ApiError> {
    scoped(visible)
        .filter(swv::id.eq(id))
        .select(Samenwerkingsverband::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_samenwerkingsverbanden)
        .service(create_samenwerkingsverband)
        .service(get_samenwerkingsverband)
        .service(put_samenwerkingsverband)
        .service(patch_samenwerkingsverband)
        .service(delete_samenwerkingsverband);
}

/// Samenwerkingsverbanden opvragen (een gebruiker van een samenwerkingsverband ziet alleen het eigen).
#[utoipa::path(
    tag = "Samenwerkingsverbanden",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, code, sector, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en code"),
        ("sector" = Option<Sector>, Query, description = "Alleen deze sector"),
        ("code" = Option<String>, Query, description = "Precies deze code", example = "PO2703"),
    ),
    responses((status = 200, description = "Een pagina samenwerkingsverbanden", body = SamenwerkingsverbandPage)),
)]
#[get("/samenwerkingsverbanden")]
async fn list_samenwerkingsverbanden(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let visible = visible_to(&caller, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let sector: Option<Sector> = q.enumeration("sector");
    let code = q.text("code");
    let search = q.search_pattern();
    let q = q.finish()?;
    let filtered = move || {
        let mut f = scoped(visible);
        if let Some(s) = sector {
            f = f.filter(swv::sector.eq(s));
        }
        if let Some(c) = &code {
            f = f.filter(swv::code.eq(c.clone()));
        }
        if let Some(p) = &search {
            f = f.filter(
                lower(swv::naam)
                    .like(p.clone())
                    .escape('\\')
                    .or(lower(swv::code).like(p.clone()).escape('\\')),
            );
        }
        f
    };
    let sort = q.sort.clone();
    let counted = filtered.clone();
    export::list(
        &state.db,
        format,
        &q,
        "samenwerkingsverbanden",
        move |c| Ok(counted().count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered().select(Samenwerkingsverband::as_select()), &sort, {
                "naam" => swv::naam,
                "code" => swv::code,
                "sector" => swv::sector,
                "createdAt" => swv::created_at,
                "updatedAt" => swv::updated_at,
            }, swv::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
    .await
}

impl Versioned for Samenwerkingsverband {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Samenwerkingsverband {
    type Input = SamenwerkingsverbandInput;
    type Scope = Option<Id>;
    const TABLE: &'static str = "samenwerkingsverbanden";

    fn input(&self) -> SamenwerkingsverbandInput {
        SamenwerkingsverbandInput::from(self)
    }

    fn find(c: &mut DbConn, scope: Option<Id>, id: Id) -> Result<Self, ApiError> {
        find(c, scope, id)
    }

    fn insert(
        c: &mut DbConn,
        _scope: Option<Id>,
        id: Id,
        input: &SamenwerkingsverbandInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(swv::table)
            .values((
                swv::id.eq(id),
                swv::naam.eq(input.naam.trim()),
                swv::code.eq(&input.code),
                swv::sector.eq(input.sector),
                swv::created_at.eq(now),
                swv::updated_at.eq(now),
                swv::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _scope: Option<Id>,
        current: &Self,
        input: &SamenwerkingsverbandInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            swv::table
                .filter(swv::id.eq(current.id))
                .filter(swv::versie.eq(current.versie)),
        )
        .set((
            swv::naam.eq(input.naam.trim()),
            swv::code.eq(&input.code),
            swv::sector.eq(input.sector),
            swv::updated_at.eq(now),
            swv::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            swv::table
                .filter(swv::id.eq(current.id))
                .filter(swv::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

impl Resource for Samenwerkingsverband {
    const COLLECTION: &'static str = "samenwerkingsverbanden";
}

crate::crud_routes! {
    resource: Samenwerkingsverband, input: SamenwerkingsverbandInput, tag: "Samenwerkingsverbanden",
    collection: "/samenwerkingsverbanden", item: "/samenwerkingsverbanden/{id}", id: "Id van het samenwerkingsverband",
    scope: |caller: &Caller, access| match access {
        Access::Read => visible_to(caller, access),
        Access::Write => caller.require(Area::Samenwerkingsverbanden, access).map(|_| None),
    },
    create: (create_samenwerkingsverband, "Een samenwerkingsverband toevoegen (platformbeheerder)."),
    get: (get_samenwerkingsverband, "Eén samenwerkingsverband.", "Het samenwerkingsverband"),
    put: (put_samenwerkingsverband, "Een samenwerkingsverband vervangen (platformbeheerder)."),
    patch: (patch_samenwerkingsverband, "Velden van een samenwerkingsverband wijzigen (JSON merge patch; platformbeheerder).", "Alleen de velden die veranderen"),
    delete: (delete_samenwerkingsverband, "Een leeg samenwerkingsverband verwijderen (platformbeheerder)."),
}
