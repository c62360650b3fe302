//! `/clients`: service accounts for gemeenten and integrators (OAuth2 client credentials).
//! The secret is shown once, when created or rotated, and stored only as a hash.

use std::collections::HashMap;

use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Access, Area, Caller, Scope};
use crate::db::lower;
use crate::db::{DbConn, Id, MultiBackend};
use crate::domain::rules;
use crate::domain::time;
use crate::domain::References;
use crate::error::{ApiError, InvalidParam};
use crate::http::{apply_patch, export, Format, Input, JsonBody, ListQuery, ListSpec, MergePatch};
use crate::resource;
use crate::schema::{client_gemeenten, clients, gemeenten, samenwerkingsverbanden};
use crate::state::AppState;
use crate::store::Expect;
use crate::{order_by, page_schema};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = clients, check_for_backend(MultiBackend))]
struct ClientRow {
    id: Id,
    samenwerkingsverband_id: Option<Id>,
    naam: String,
    client_id: String,
    scopes: String,
    actief: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    versie: i32,
}

/// A client (service account). Its secret is never shown again after creation or rotation.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "Gemeente Haarlem - JOP-monitor", "clientId": "kc_5f0c6a3e2b1d4c7e9a8b", "scopes": ["jop:read"], "gemeenteIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02"], "samenwerkingsverbandId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c", "actief": true, "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Client {
    pub id: Id,
    pub naam: String,
    /// Gebruik dit als `client_id` bij `/auth/token`.
    pub client_id: String,
    pub scopes: Vec<Scope>,
    pub gemeente_ids: Vec<Id>,
    pub samenwerkingsverband_id: Option<Id>,
    /// Een ingetrokken (inactieve) client krijgt geen tokens meer.
    pub actief: bool,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A new client, or one with a new secret: the only answers that carry `clientSecret`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "Gemeente Haarlem - JOP-monitor", "clientId": "kc_5f0c6a3e2b1d4c7e9a8b", "clientSecret": "Zx8-q1Jx1hZ2m0Yc8g3b4xR2nW7eXl9sVfTt0aQpKdLuE5o", "scopes": ["jop:read"], "gemeenteIds": [], "samenwerkingsverbandId": null, "actief": true, "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct ClientMetGeheim {
    #[serde(flatten)]
    pub client: Client,
    /// Bewaar dit meteen veilig: het wordt niet opnieuw getoond.
    pub client_secret: String,
}

/// A client as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Gemeente Haarlem - JOP-monitor", "scopes": ["jop:read"], "gemeenteIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02"]}))]
pub struct ClientInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    #[validate(length(min = 1, max = 20, message = "noem minstens één scope"))]
    pub scopes: Vec<Scope>,
    /// De gemeenten waarvan de client cijfers mag zien (voor een gemeente-client).
    #[serde(default)]
    #[validate(length(max = 100, message = "hoogstens 100 gemeenten"))]
    pub gemeente_ids: Vec<Id>,
    /// Een beheerder laat dit weg (eigen samenwerkingsverband). De platformbeheerder geeft het
    /// op, of laat het leeg voor een gemeente-client over alle samenwerkingsverbanden (alleen `jop:read`).
    #[serde(default)]
    pub samenwerkingsverband_id: Option<Id>,
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub actief: bool,
}

fn yes() -> bool {
    true
}

impl Input for ClientInput {
    /// `clientId` is assigned by the server; sent back after a GET it is ignored.
    fn read_only() -> &'static [&'static str] {
        &["clientId"]
    }
}

impl From<&Client> for ClientInput {
    fn from(c: &Client) -> Self {
        ClientInput {
            naam: c.naam.clone(),
            scopes: c.scopes.clone(),
            gemeente_ids: c.gemeente_ids.clone(),
            samenwerkingsverband_id: c.samenwerkingsverband_id,
            actief: c.actief,
        }
    }
}

page_schema!(ClientPage, Client);

const SPEC: ListSpec = ListSpec {
    sorts: &["naam", "clientId", "actief", "createdAt", "updatedAt"],
    filters: &["actief", "samenwerkingsverbandId"],
    default_sort: "naam",
};

fn scoped(visible: Option<Id>) -> clients::BoxedQuery<'static, MultiBackend> {
    let q = clients::table.into_boxed();
    match visible {
        Some(swv) => q.filter(clients::samenwerkingsverband_id.eq(swv)),
        None => q,
    }
}

/// Rows with their gemeenten, in one extra query for the whole set.
fn with_gemeenten(c: &mut DbConn, rows: Vec<ClientRow>) -> Result<Vec<Client>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let links: Vec<(Id, Id)> = client_gemeenten::table
        .filter(client_gemeenten::client_id.eq_any(ids))
        .select((client_gemeenten::client_id, client_gemeenten::gemeente_id))
        .order((client_gemeenten::client_id, client_gemeenten::gemeente_id))
        .load(c)?;
    let mut by_client: HashMap<Id, Vec<Id>> = HashMap::new();
    for (client, gemeente) in links {
        by_client.entry(client).or_default().push(gemeente);
    }
    Ok(rows
        .into_iter()
        .map(|r| Client {
            gemeente_ids: by_client.remove(&r.id).unwrap_or_default(),
            id: r.id,
            naam: r.naam,
            client_id: r.client_id,
            scopes: Scope::split(&r.scopes),
            samenwerkingsverband_id: r.samenwerkingsverband_id,
            actief: r.actief,
            created_at: r.created_at,
            updated_at: r.updated_at,
            versie: r.versie,
        })
        .collect())
}

pub fn find(c: &mut DbConn, visible: Option<Id>, id: Id) -> Result<Client, ApiError> {
    let row = scoped(visible)
        .filter(clients::id.eq(id))
        .select(ClientRow::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    Ok(with_gemeenten(c, vec![row])?.remove(0))
}

/// Where the client belongs, checked against the caller and the references.
fn placement(
    c: &mut DbConn,
    visible: Option<Id>,
    input: &ClientInput,
) -> Result<Option<Id>, ApiError> {
    let swv = match visible {
        Some(own) => {
            if input.samenwerkingsverband_id.is_some_and(|s| s != own) {
                return Err(ApiError::forbidden(
                    "U kunt alleen clients van uw eigen samenwerkingsverband beheren.",
                ));
            }
            Some(own)
        }
        None => input.samenwerkingsverband_id,
    };
    let mut refs = References::default();
    if let (None, Some(s)) = (visible, swv) {
        refs.check(
            "samenwerkingsverbandId",
            diesel::select(diesel::dsl::exists(
                samenwerkingsverbanden::table.filter(samenwerkingsverbanden::id.eq(s)),
            ))
            .get_result(c)?,
        );
    }
    let mut unique = input.gemeente_ids.clone();
    unique.sort();
    unique.dedup();
    let found: i64 = gemeenten::table
        .filter(gemeenten::id.eq_any(unique.clone()))
        .count()
        .get_result(c)?;
    refs.check("gemeenteIds", found == unique.len() as i64);
    refs.finish()?;
    if swv.is_none() && input.scopes.iter().any(|s| *s != Scope::JopRead) {
        return Err(ApiError::validation(vec![InvalidParam::new(
            "scopes",
            "een client zonder samenwerkingsverband kan alleen jop:read krijgen",
        )]));
    }
    Ok(swv)
}

fn link_gemeenten(c: &mut DbConn, client: Id, ids: &[Id]) -> Result<(), ApiError> {
    diesel::delete(client_gemeenten::table.filter(client_gemeenten::client_id.eq(client)))
        .execute(c)?;
    let mut unique = ids.to_vec();
    unique.sort();
    unique.dedup();
    for g in unique {
        diesel::insert_into(client_gemeenten::table)
            .values((
                client_gemeenten::client_id.eq(client),
                client_gemeenten::gemeente_id.eq(g),
            ))
            .execute(c)?;
    }
    Ok(())
}

fn normalized_scopes(scopes: &[Scope]) -> String {
    let mut s = scopes.to_vec();
    s.sort();
    s.dedup();
    Scope::join(&s)
}

fn new_secret() -> (String, String) {
    let secret = crate::secrets::random_token();
    (secret.clone(), crate::secrets::hash(&secret))
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_clients)
        .service(create_client)
        .service(get_client)
        .service(put_client)
        .service(patch_client)
        .service(delete_client)
        .service(rotate_secret);
}

/// Clients opvragen.
#[utoipa::path(
    tag = "Clients",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, clientId, actief, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en clientId"),
        ("actief" = Option<bool>, Query, description = "Alleen actieve (true) of ingetrokken (false) clients"),
        ("samenwerkingsverbandId" = Option<uuid::Uuid>, Query, description = "Alleen dit samenwerkingsverband (platformbeheerder)"),
    ),
    responses((status = 200, description = "Een pagina clients", body = ClientPage)),
)]
#[get("/clients")]
async fn list_clients(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let actief = q.boolean("actief");
    let swv_filter = q.id("samenwerkingsverbandId");
    let search = q.search_pattern();
    let q = q.finish()?;
    let filtered = move || {
        let mut f = scoped(visible);
        if let Some(a) = actief {
            f = f.filter(clients::actief.eq(a));
        }
        if let Some(s) = swv_filter {
            f = f.filter(clients::samenwerkingsverband_id.eq(s));
        }
        if let Some(p) = &search {
            f = f.filter(
                lower(clients::naam)
                    .like(p.clone())
                    .escape('\\')
                    .or(lower(clients::client_id).like(p.clone()).escape('\\')),
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
        "clients",
        move |c| Ok(counted().count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered().select(ClientRow::as_select()), &sort, {
                "naam" => clients::naam,
                "clientId" => clients::client_id,
                "actief" => clients::actief,
                "createdAt" => clients::created_at,
                "updatedAt" => clients::updated_at,
            }, clients::id);
            let rows = query.limit(limit).offset(offset).load(c)?;
            with_gemeenten(c, rows)
        },
    )
    .await
}

/// Een client aanmaken; alleen dit antwoord bevat het geheim.
#[utoipa::path(tag = "Clients", request_body = ClientInput, responses((status = 201, description = "Aangemaakt; bewaar `clientSecret` nu", body = ClientMetGeheim)))]
#[post("/clients")]
async fn create_client(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<ClientInput>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let input = body.decode()?;
    let (secret, hash) = web::block(new_secret).await.map_err(ApiError::internal)?;
    let client = state
        .db
        .write(move |c| {
            let swv = placement(c, visible, &input)?;
            let id = Id::new();
            let now = time::now();
            diesel::insert_into(clients::table)
                .values((
                    clients::id.eq(id),
                    clients::samenwerkingsverband_id.eq(swv),
                    clients::naam.eq(input.naam.trim()),
                    clients::client_id.eq(format!("kc_{}", uuid::Uuid::new_v4().simple())),
                    clients::secret_hash.eq(hash),
                    clients::scopes.eq(normalized_scopes(&input.scopes)),
                    clients::actief.eq(input.actief),
                    clients::created_at.eq(now),
                    clients::updated_at.eq(now),
                    clients::versie.eq(1),
                ))
                .execute(c)?;
            link_gemeenten(c, id, &input.gemeente_ids)?;
            find(c, None, id)
        })
        .await?;
    let (id, versie) = (client.id, client.versie);
    let mut res = resource::created(
        "clients",
        id,
        versie,
        &ClientMetGeheim {
            client,
            client_secret: secret,
        },
    );
    no_store(&mut res);
    Ok(res)
}

fn no_store(res: &mut HttpResponse) {
    res.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
}

/// Eén client.
#[utoipa::path(tag = "Clients", params(("id" = uuid::Uuid, Path, description = "Id van de client")), responses((status = 200, description = "De client", body = Client)))]
#[get("/clients/{id}")]
async fn get_client(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Read)?;
    let id = Id(id.into_inner());
    let client = state.db.read(move |c| find(c, visible, id)).await?;
    Ok(resource::ok(client.versie, &client))
}

fn save(
    c: &mut DbConn,
    visible: Option<Id>,
    id: Id,
    expect: Expect,
    change: impl FnOnce(&Client) -> Result<ClientInput, ApiError>,
) -> Result<Client, ApiError> {
    let current = find(c, visible, id)?;
    expect.check(current.versie)?;
    let input = change(&current)?;
    let swv = placement(c, visible, &input)?;
    let n = diesel::update(
        clients::table
            .filter(clients::id.eq(id))
            .filter(clients::versie.eq(current.versie)),
    )
    .set((
        clients::samenwerkingsverband_id.eq(swv),
        clients::naam.eq(input.naam.trim()),
        clients::scopes.eq(normalized_scopes(&input.scopes)),
        clients::actief.eq(input.actief),
        clients::updated_at.eq(time::now()),
        clients::versie.eq(current.versie + 1),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(ApiError::precondition_failed());
    }
    link_gemeenten(c, id, &input.gemeente_ids)?;
    find(c, None, id)
}

/// Een client vervangen (niet het geheim).
#[utoipa::path(
    tag = "Clients",
    params(("id" = uuid::Uuid, Path, description = "Id van de client"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body = ClientInput,
    responses((status = 200, description = "Bijgewerkt", body = Client)),
)]
#[put("/clients/{id}")]
async fn put_client(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<uuid::Uuid>,
    body: JsonBody<ClientInput>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let (id, expect, input) = (
        Id(id.into_inner()),
        crate::resource::IfMatch::parse(&req),
        body.decode()?,
    );
    let client = state
        .db
        .write(move |c| save(c, visible, id, expect, |_| Ok(input)))
        .await?;
    Ok(resource::ok(client.versie, &client))
}

/// Velden van een client wijzigen (JSON merge patch); `{"actief": false}` trekt hem in.
#[utoipa::path(
    tag = "Clients",
    params(("id" = uuid::Uuid, Path, description = "Id van de client"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = ClientInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen"),
    responses((status = 200, description = "Bijgewerkt", body = Client)),
)]
#[patch("/clients/{id}")]
async fn patch_client(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<uuid::Uuid>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let (id, expect) = (Id(id.into_inner()), crate::resource::IfMatch::parse(&req));
    let client = state
        .db
        .write(move |c| {
            save(c, visible, id, expect, |cur| {
                apply_patch(&ClientInput::from(cur), &patch)
            })
        })
        .await?;
    Ok(resource::ok(client.versie, &client))
}

/// Een client verwijderen; er worden meteen geen tokens meer uitgegeven.
#[utoipa::path(
    tag = "Clients",
    params(("id" = uuid::Uuid, Path, description = "Id van de client"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/clients/{id}")]
async fn delete_client(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let (id, expect) = (Id(id.into_inner()), crate::resource::IfMatch::parse(&req));
    state
        .db
        .write(move |c| {
            let current = find(c, visible, id)?;
            expect.check(current.versie)?;
            diesel::delete(
                clients::table
                    .filter(clients::id.eq(id))
                    .filter(clients::versie.eq(current.versie)),
            )
            .execute(c)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Een client een nieuw geheim geven; het oude werkt meteen niet meer.
#[utoipa::path(
    tag = "Clients",
    params(("id" = uuid::Uuid, Path, description = "Id van de client")),
    responses((status = 200, description = "Nieuw geheim; bewaar `clientSecret` nu", body = ClientMetGeheim)),
)]
#[post("/clients/{id}/secret")]
async fn rotate_secret(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let id = Id(id.into_inner());
    let (secret, hash) = web::block(new_secret).await.map_err(ApiError::internal)?;
    let client = state
        .db
        .write(move |c| {
            let current = find(c, visible, id)?;
            diesel::update(clients::table.filter(clients::id.eq(id)))
                .set((
                    clients::secret_hash.eq(hash),
                    clients::updated_at.eq(time::now()),
                    clients::versie.eq(current.versie + 1),
                ))
                .execute(c)?;
            find(c, None, id)
        })
        .await?;
    let versie = client.versie;
    let mut res = resource::ok(
        versie,
        &ClientMetGeheim {
            client,
            client_secret: secret,
        },
    );
    no_store(&mut res);
    Ok(res)
}
