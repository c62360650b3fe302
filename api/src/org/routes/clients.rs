//! `/clients`: service accounts for gemeenten and integrators (OAuth2 client credentials).
//! The secret is shown once, when created or rotated, and stored only as a hash.

use crate::http::apply_patch;
use crate::org::store::clients::*;
use crate::route_prelude::*;
use crate::schema::clients;

impl Input for ClientInput {
    /// `clientId` is assigned by the server; sent back after a GET it is ignored.
    fn read_only() -> &'static [&'static str] {
        &["clientId"]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(ClientPage, Client);

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
    export::listed::<Client>(&state.db, &req, "naam", |q| Filter {
        visible,
        actief: q.boolean("actief"),
        swv: q.id("samenwerkingsverbandId"),
        search: q.search_pattern(),
    })
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
    let (secret, hash) = crate::trace::block(new_secret)
        .await
        .map_err(ApiError::internal)?;
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
            link_schoolbesturen(c, id, &input.schoolbestuur_ids)?;
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
    if_match: crate::resource::IfMatch,
    id: web::Path<uuid::Uuid>,
    body: JsonBody<ClientInput>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let (id, expect, input) = (Id(id.into_inner()), if_match.0, body.decode()?);
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
    if_match: crate::resource::IfMatch,
    id: web::Path<uuid::Uuid>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let (id, expect) = (Id(id.into_inner()), if_match.0);
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
    if_match: crate::resource::IfMatch,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Clients, Access::Write)?;
    let (id, expect) = (Id(id.into_inner()), if_match.0);
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
    let (secret, hash) = crate::trace::block(new_secret)
        .await
        .map_err(ApiError::internal)?;
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
