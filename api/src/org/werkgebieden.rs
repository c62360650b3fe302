//! `/werkgebieden`: sub-regions of the SWV, each with its own schools (and later budget).

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
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
use crate::schema::werkgebieden;
use crate::state::AppState;
use crate::store::{Store, Versioned};
use crate::{order_by, page_schema};

/// A werkgebied: a sub-region of the SWV.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = werkgebieden, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "naam": "Haarlem-Noord", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Werkgebied {
    pub id: Id,
    pub naam: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A werkgebied as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Haarlem-Noord"}))]
pub struct WerkgebiedInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
}

impl Input for WerkgebiedInput {}

impl From<&Werkgebied> for WerkgebiedInput {
    fn from(s: &Werkgebied) -> Self {
        WerkgebiedInput {
            naam: s.naam.clone(),
        }
    }
}

page_schema!(WerkgebiedPage, Werkgebied);

const SPEC: ListSpec = ListSpec {
    sorts: &["naam", "createdAt", "updatedAt"],
    filters: &[],
    default_sort: "naam",
};

fn scoped(swv: Id) -> werkgebieden::BoxedQuery<'static, MultiBackend> {
    werkgebieden::table
        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(swv: Id, search: &Option<String>) -> werkgebieden::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(p) = search {
        q = q.filter(lower(werkgebieden::naam).like(p.clone()).escape('\\'));
    }
    q
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Werkgebied, ApiError> {
    scoped(swv)
        .filter(werkgebieden::id.eq(id))
        .select(Werkgebied::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_werkgebieden)
        .service(create_werkgebied)
        .service(get_werkgebied)
        .service(put_werkgebied)
        .service(patch_werkgebied)
        .service(delete_werkgebied);
}

/// De werkgebieden van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Werkgebieden",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in de naam"),
    ),
    responses((status = 200, description = "Een pagina werkgebieden", body = WerkgebiedPage)),
)]
#[get("/werkgebieden")]
async fn list_werkgebieden(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let q = ListQuery::parse(&req, &SPEC);
    let search = q.search_pattern();
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = search.clone();
    export::list(
        &state.db,
        format,
        &q,
        "werkgebieden",
        move |c| Ok(filtered(swv, &counted).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, &search).select(Werkgebied::as_select()), &sort, {
                "naam" => werkgebieden::naam,
                "createdAt" => werkgebieden::created_at,
                "updatedAt" => werkgebieden::updated_at,
            }, werkgebieden::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
    .await
}

impl Versioned for Werkgebied {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Werkgebied {
    type Input = WerkgebiedInput;
    type Scope = Id;
    const TABLE: &'static str = "werkgebieden";

    fn input(&self) -> WerkgebiedInput {
        WerkgebiedInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &WerkgebiedInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(werkgebieden::table)
            .values((
                werkgebieden::id.eq(id),
                werkgebieden::samenwerkingsverband_id.eq(swv),
                werkgebieden::naam.eq(input.naam.trim()),
                werkgebieden::created_at.eq(now),
                werkgebieden::updated_at.eq(now),
                werkgebieden::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _swv: Id,
        current: &Self,
        input: &WerkgebiedInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            werkgebieden::table
                .filter(werkgebieden::id.eq(current.id))
                .filter(werkgebieden::versie.eq(current.versie)),
        )
        .set((
            werkgebieden::naam.eq(input.naam.trim()),
            werkgebieden::updated_at.eq(now),
            werkgebieden::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            werkgebieden::table
                .filter(werkgebieden::id.eq(current.id))
                .filter(werkgebieden::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

impl Resource for Werkgebied {
    const COLLECTION: &'static str = "werkgebieden";
}

crate::crud_routes! {
    resource: Werkgebied, input: WerkgebiedInput, tag: "Werkgebieden",
    collection: "/werkgebieden", item: "/werkgebieden/{id}", id: "Id van het werkgebied",
    scope: |caller: &Caller, access| caller.tenant(Area::Organisatie, access),
    create: (create_werkgebied, "Een werkgebied toevoegen."),
    get: (get_werkgebied, "Eén werkgebied.", "Het werkgebied"),
    put: (put_werkgebied, "Een werkgebied vervangen."),
    patch: (patch_werkgebied, "Velden van een werkgebied wijzigen (JSON merge patch).", "Alleen de velden die veranderen"),
    delete: (delete_werkgebied, "Een werkgebied zonder scholen verwijderen."),
}
