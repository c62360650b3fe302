//! `/gebruikers`: accounts of the SWV's staff (beheerder) and of every SWV (platformbeheerder).

use crate::auth::{refresh, wachtwoord, Access, Area, Caller, Principal, Rol};
use crate::http::apply_patch;
use crate::org::store::gebruikers::*;
use crate::route_prelude::*;
use crate::schema::gebruikers;
use crate::store::Expect;

impl Input for GebruikerInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

/// An item of `GET /gebruikers`: the account for those who manage them, the colleague's name and
/// role for every other user of the SWV.
#[derive(serde::Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum GebruikerOfCollega {
    Gebruiker(Gebruiker),
    Collega(Collega),
}

page_schema!(GebruikersLijst, GebruikerOfCollega);

fn own_id(caller: &Caller) -> Option<Id> {
    match caller.principal {
        Principal::Gebruiker { id, .. } => Some(id),
        Principal::Client { .. } => None,
    }
}

/// A new password must be hard to guess; the reason is said at the field, in words the person
/// choosing it can act on.
fn check_password(state: &AppState, input: &GebruikerInput) -> Result<(), ApiError> {
    let reason = input
        .wachtwoord
        .as_deref()
        .and_then(|pw| rules::password_problem(pw, &input.email, state.config.demo));
    match reason {
        Some(reason) => Err(ApiError::field("wachtwoord", reason)),
        None => Ok(()),
    }
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_gebruikers)
        .service(create_gebruiker)
        .service(get_gebruiker)
        .service(put_gebruiker)
        .service(patch_gebruiker)
        .service(delete_gebruiker);
}

/// Gebruikers opvragen (beheerder: van het eigen samenwerkingsverband; platformbeheerder: van alle).
///
/// Elke andere gebruiker van een samenwerkingsverband krijgt zijn collega's: alleen `id`, `naam`,
/// `rol` en `actief`, te sorteren op naam, rol en actief; `q` zoekt dan alleen in de naam.
#[utoipa::path(
    tag = "Gebruikers",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, email, rol, actief, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en e-mailadres"),
        ("rol" = Option<Rol>, Query, description = "Alleen deze rol"),
        ("actief" = Option<bool>, Query, description = "Alleen actieve (true) of inactieve (false) gebruikers"),
        ("samenwerkingsverbandId" = Option<uuid::Uuid>, Query, description = "Alleen dit samenwerkingsverband (platformbeheerder)"),
    ),
    responses((status = 200, description = "Een pagina gebruikers (of collega's)", body = GebruikersLijst)),
)]
#[get("/gebruikers")]
async fn list_gebruikers(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let (Principal::Gebruiker { .. }, Some(swv)) = (&caller.principal, caller.swv) {
        if !caller.allows(Area::Gebruikers, Access::Read) {
            return export::listed::<Collega>(&state.db, &req, "naam", |q| CollegaFilter {
                swv,
                rol: q.enumeration("rol"),
                actief: q.boolean("actief"),
                search: q.search_pattern(),
            })
            .await;
        }
    }
    let visible = caller.tenant_or_platform(Area::Gebruikers, Access::Read)?;
    export::listed::<Gebruiker>(&state.db, &req, "naam", |q| Filter {
        visible,
        rol: q.enumeration("rol"),
        actief: q.boolean("actief"),
        swv: q.id("samenwerkingsverbandId"),
        search: q.search_pattern(),
    })
    .await
}

/// Een gebruiker aanmaken.
///
/// Zonder `wachtwoord` krijgt de gebruiker een uitnodiging per mail met een link (7 dagen geldig,
/// één keer te gebruiken) om zelf een wachtwoord te kiezen.
#[utoipa::path(tag = "Gebruikers", request_body = GebruikerInput, responses((status = 201, description = "Aangemaakt", body = Gebruiker)))]
#[post("/gebruikers")]
async fn create_gebruiker(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<GebruikerInput>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Gebruikers, Access::Write)?;
    let input = body.decode()?;
    check_password(&state, &input)?;
    // Without a password the account is invited: it chooses its own through the mailed link.
    let hash = match input.wachtwoord.clone() {
        Some(secret) => crate::trace::block(move || crate::secrets::hash(&secret))
            .await
            .map_err(ApiError::internal)?,
        None => wachtwoord::GEEN_WACHTWOORD.to_string(),
    };
    let uitnodigen = input.wachtwoord.is_none();
    let g = state
        .db
        .write(move |c| {
            let swv = placement(c, visible, &input)?;
            let id = Id::new();
            let now = time::now();
            diesel::insert_into(gebruikers::table)
                .values((
                    gebruikers::id.eq(id),
                    gebruikers::samenwerkingsverband_id.eq(swv),
                    gebruikers::email.eq(input.email.trim().to_lowercase()),
                    gebruikers::naam.eq(input.naam.trim()),
                    gebruikers::rol.eq(input.rol),
                    gebruikers::actief.eq(input.actief),
                    gebruikers::wachtwoord_hash.eq(hash),
                    gebruikers::created_at.eq(now),
                    gebruikers::updated_at.eq(now),
                    gebruikers::versie.eq(1),
                ))
                .execute(c)?;
            if uitnodigen {
                wachtwoord::uitnodigen(c, id, now)?;
            }
            find(c, None, id)
        })
        .await?;
    Ok(resource::created("gebruikers", g.id, g.versie, &g))
}

/// Eén gebruiker.
#[utoipa::path(tag = "Gebruikers", params(("id" = uuid::Uuid, Path, description = "Id van de gebruiker")), responses((status = 200, description = "De gebruiker", body = Gebruiker)))]
#[get("/gebruikers/{id}")]
async fn get_gebruiker(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Gebruikers, Access::Read)?;
    let id = Id(id.into_inner());
    let g = state.db.read(move |c| find(c, visible, id)).await?;
    Ok(resource::ok(g.versie, &g))
}

async fn save(
    state: &AppState,
    caller: &Caller,
    id: Id,
    expect: Expect,
    change: impl FnOnce(&Gebruiker) -> Result<GebruikerInput, ApiError> + Send + 'static,
) -> Result<Gebruiker, ApiError> {
    let visible = caller.tenant_or_platform(Area::Gebruikers, Access::Write)?;
    let me = own_id(caller);
    // Decode first (outside the transaction) so a new password can be hashed off the write lock.
    let current = state.db.read(move |c| find(c, visible, id)).await?;
    expect.check(current.versie)?;
    let input = change(&current)?;
    check_password(state, &input)?;
    let hash = match input.wachtwoord.clone() {
        Some(secret) => Some(
            crate::trace::block(move || crate::secrets::hash(&secret))
                .await
                .map_err(ApiError::internal)?,
        ),
        None => None,
    };
    state
        .db
        .write(move |c| {
            let now = time::now();
            let swv = placement(c, visible, &input)?;
            if me == Some(id) && (input.rol != current.rol || !input.actief) {
                return Err(ApiError::conflict(
                    "U kunt uw eigen rol niet wijzigen en uzelf niet op inactief zetten.",
                ));
            }
            if swv != current.samenwerkingsverband_id {
                // Plans never name a user of another SWV.
                crate::integrity::check(c, "gebruikers", id)?;
            }
            let n = diesel::update(
                gebruikers::table
                    .filter(gebruikers::id.eq(id))
                    .filter(gebruikers::versie.eq(current.versie)),
            )
            .set((
                gebruikers::samenwerkingsverband_id.eq(swv),
                gebruikers::email.eq(input.email.trim().to_lowercase()),
                gebruikers::naam.eq(input.naam.trim()),
                gebruikers::rol.eq(input.rol),
                gebruikers::actief.eq(input.actief),
                gebruikers::updated_at.eq(now),
                gebruikers::versie.eq(current.versie + 1),
            ))
            .execute(c)?;
            if n == 0 {
                return Err(ApiError::precondition_failed());
            }
            if let Some(h) = hash {
                diesel::update(gebruikers::table.find(id))
                    .set(gebruikers::wachtwoord_hash.eq(h))
                    .execute(c)?;
            }
            // A new password, role or SWV, or deactivation, ends the user's sessions.
            if input.wachtwoord.is_some()
                || !input.actief
                || input.rol != current.rol
                || swv != current.samenwerkingsverband_id
            {
                refresh::revoke_user(c, id, now)?;
            }
            find(c, None, id)
        })
        .await
}

/// Een gebruiker vervangen.
#[utoipa::path(
    tag = "Gebruikers",
    params(("id" = uuid::Uuid, Path, description = "Id van de gebruiker"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body = GebruikerInput,
    responses((status = 200, description = "Bijgewerkt", body = Gebruiker)),
)]
#[put("/gebruikers/{id}")]
async fn put_gebruiker(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    id: web::Path<uuid::Uuid>,
    body: JsonBody<GebruikerInput>,
) -> Result<HttpResponse, ApiError> {
    caller.tenant_or_platform(Area::Gebruikers, Access::Write)?;
    let input = body.decode()?;
    let g = save(
        &state,
        &caller,
        Id(id.into_inner()),
        if_match.0,
        move |_| Ok(input),
    )
    .await?;
    Ok(resource::ok(g.versie, &g))
}

/// Velden van een gebruiker wijzigen (JSON merge patch).
#[utoipa::path(
    tag = "Gebruikers",
    params(("id" = uuid::Uuid, Path, description = "Id van de gebruiker"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = GebruikerInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen"),
    responses((status = 200, description = "Bijgewerkt", body = Gebruiker)),
)]
#[patch("/gebruikers/{id}")]
async fn patch_gebruiker(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    id: web::Path<uuid::Uuid>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let g = save(
        &state,
        &caller,
        Id(id.into_inner()),
        if_match.0,
        move |cur| apply_patch(&GebruikerInput::from(cur), &patch),
    )
    .await?;
    Ok(resource::ok(g.versie, &g))
}

/// Een gebruiker verwijderen.
#[utoipa::path(
    tag = "Gebruikers",
    params(("id" = uuid::Uuid, Path, description = "Id van de gebruiker"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/gebruikers/{id}")]
async fn delete_gebruiker(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    id: web::Path<uuid::Uuid>,
) -> Result<HttpResponse, ApiError> {
    let visible = caller.tenant_or_platform(Area::Gebruikers, Access::Write)?;
    let (id, expect, me) = (Id(id.into_inner()), if_match.0, own_id(&caller));
    state
        .db
        .write(move |c| {
            let current = find(c, visible, id)?;
            expect.check(current.versie)?;
            if me == Some(id) {
                return Err(ApiError::conflict(
                    "U kunt uw eigen account niet verwijderen.",
                ));
            }
            crate::integrity::check(c, "gebruikers", id)?;
            diesel::delete(
                gebruikers::table
                    .filter(gebruikers::id.eq(id))
                    .filter(gebruikers::versie.eq(current.versie)),
            )
            .execute(c)?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
