//! `/werkgebieden`: sub-regions of the SWV, each with its own schools (and later budget).

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Access, Area, Caller};
use crate::db::{DbConn, Id, MultiBackend};
use crate::http::body::rules;
use crate::http::list::lower;
use crate::http::{
    apply_patch, export, time, ApiError, Expect, Format, Input, JsonBody, ListQuery, ListSpec,
    MergePatch,
};
use crate::schema::{scholen, werkgebieden};
use crate::{order_by, page_schema, AppState};

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
    let (sort, paging) = (
        q.sort.clone(),
        format.is_json().then(|| (q.page_size, q.offset())),
    );
    let (items, total) = state
        .db
        .read(move |c| {
            let total: i64 = filtered(swv, &search).count().get_result(c)?;
            let mut query = order_by!(filtered(swv, &search).select(Werkgebied::as_select()), &sort, {
                "naam" => werkgebieden::naam,
                "createdAt" => werkgebieden::created_at,
                "updatedAt" => werkgebieden::updated_at,
            }, werkgebieden::id);
            if let Some((limit, offset)) = paging {
                query = query.limit(limit).offset(offset);
            }
            Ok((query.load(c)?, total))
        })
        .await?;
    export::respond(format, &q, &items, total, "werkgebieden", &[])
}

/// Een werkgebied toevoegen.
#[utoipa::path(tag = "Werkgebieden", request_body = WerkgebiedInput, responses((status = 201, description = "Aangemaakt", body = Werkgebied)))]
#[post("/werkgebieden")]
async fn create_werkgebied(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<WerkgebiedInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Write)?;
    let input = body.decode()?;
    let sb = state
        .db
        .write(move |c| {
            let id = Id::new();
            let now = time::now();
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
            find(c, swv, id)
        })
        .await?;
    Ok(super::created("werkgebieden", sb.id, sb.versie, &sb))
}

/// Eén werkgebied.
#[utoipa::path(tag = "Werkgebieden", params(("id" = uuid::Uuid, Path, description = "Id van het werkgebied")), responses((status = 200, description = "Het werkgebied", body = Werkgebied)))]
#[get("/werkgebieden/{id}")]
async fn get_werkgebied(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Read)?;
    let id = Id(id.into_inner());
    let sb = state.db.read(move |c| find(c, swv, id)).await?;
    Ok(super::ok(sb.versie, &sb))
}

fn save(
    c: &mut DbConn,
    swv: Id,
    id: Id,
    expect: Expect,
    change: impl FnOnce(&Werkgebied) -> Result<WerkgebiedInput, ApiError>,
) -> Result<Werkgebied, ApiError> {
    let current = find(c, swv, id)?;
    expect.check(current.versie)?;
    let input = change(&current)?;
    let n = diesel::update(
        werkgebieden::table
            .filter(werkgebieden::id.eq(id))
            .filter(werkgebieden::versie.eq(current.versie)),
    )
    .set((
        werkgebieden::naam.eq(input.naam.trim()),
        werkgebieden::updated_at.eq(time::now()),
        werkgebieden::versie.eq(current.versie + 1),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(ApiError::precondition_failed());
    }
    find(c, swv, id)
}

/// Een werkgebied vervangen.
#[utoipa::path(
    tag = "Werkgebieden",
    params(("id" = uuid::Uuid, Path, description = "Id van het werkgebied"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body = WerkgebiedInput,
    responses((status = 200, description = "Bijgewerkt", body = Werkgebied)),
)]
#[put("/werkgebieden/{id}")]
async fn put_werkgebied(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<uuid::Uuid>,
    body: JsonBody<WerkgebiedInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Write)?;
    let (id, expect, input) = (
        Id(id.into_inner()),
        Expect::from_request(&req),
        body.decode()?,
    );
    let sb = state
        .db
        .write(move |c| save(c, swv, id, expect, |_| Ok(input)))
        .await?;
    Ok(super::ok(sb.versie, &sb))
}

/// Velden van een werkgebied wijzigen (JSON merge patch).
#[utoipa::path(
    tag = "Werkgebieden",
    params(("id" = uuid::Uuid, Path, description = "Id van het werkgebied"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = WerkgebiedInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen"),
    responses((status = 200, description = "Bijgewerkt", body = Werkgebied)),
)]
#[patch("/werkgebieden/{id}")]
async fn patch_werkgebied(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<uuid::Uuid>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Write)?;
    let (id, expect) = (Id(id.into_inner()), Expect::from_request(&req));
    let sb = state
        .db
        .write(move |c| {
            save(c, swv, id, expect, |cur| {
                apply_patch(&WerkgebiedInput::from(cur), &patch)
            })
        })
        .await?;
    Ok(super::ok(sb.versie, &sb))
}

/// Een werkgebied zonder scholen verwijderen.
#[utoipa::path(
    tag = "Werkgebieden",
    params(("id" = uuid::Uuid, Path, description = "Id van het werkgebied"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/werkgebieden/{id}")]
async fn delete_werkgebied(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Write)?;
    let (id, expect) = (Id(id.into_inner()), Expect::from_request(&req));
    state
        .db
        .write(move |c| {
            let current = find(c, swv, id)?;
            expect.check(current.versie)?;
            let n: i64 = scholen::table
                .filter(scholen::werkgebied_id.eq(id))
                .count()
                .get_result(c)?;
            if n > 0 {
                return Err(super::in_use("Dit werkgebied", n, "scholen"));
            }
            diesel::delete(
                werkgebieden::table
                    .filter(werkgebieden::id.eq(id))
                    .filter(werkgebieden::versie.eq(current.versie)),
            )
            .execute(c)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
