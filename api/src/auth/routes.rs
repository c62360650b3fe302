//! `/auth/...`: login, refresh, logout and `/auth/me` (client credentials: `token.rs`).

use actix_web::http::header::{self};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::caller::{Caller, Principal, Rol, Scope};
use super::jwt::ACCESS_TTL_SECONDS;
use super::rechten::Rechten;
use super::{refresh, throttle};
use crate::db::Id;
use crate::domain::time;
use crate::error::{ApiError, Problem};
use crate::http::{Input, JsonBody};
use crate::schema::{clients, gebruikers, gemeenten, samenwerkingsverbanden};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(login)
        .service(refresh_tokens)
        .service(logout)
        .service(super::token::client_token)
        .service(me);
}

/// Credentials of a user.
#[derive(Debug, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"email": "beheer@swv-zk.example", "password": "een-lang-wachtwoord"}))]
pub struct LoginRequest {
    #[validate(length(min = 3, max = 254, message = "moet 3 tot 254 tekens lang zijn"))]
    pub email: String,
    #[validate(length(min = 1, max = 1024, message = "moet 1 tot 1024 tekens lang zijn"))]
    pub password: String,
}
impl Input for LoginRequest {}

/// A refresh token, to rotate or to revoke.
#[derive(Debug, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"refreshToken": "q1Jx1hZ2m0Yc8g3b4xR2nW7eXl9sVfTt0aQpKdLuE5o"}))]
pub struct RefreshRequest {
    #[validate(length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"))]
    pub refresh_token: String,
}
impl Input for RefreshRequest {}

/// A new pair of tokens.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"accessToken": "eyJhbGciOiJIUzI1NiJ9.e30.sig", "refreshToken": "q1Jx1hZ2m0Yc8g3b4xR2nW7eXl9sVfTt0aQpKdLuE5o", "tokenType": "Bearer", "expiresIn": 900}))]
pub struct TokenPair {
    /// JWT for `Authorization: Bearer`, valid for `expiresIn` seconds.
    pub access_token: String,
    /// Opaque; exchange it once at `/auth/refresh` for a new pair.
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    #[schema(example = 900)]
    pub expires_in: i64,
}

/// `{id, naam}` of an SWV.
#[derive(Debug, Serialize, ToSchema, Queryable)]
pub struct SwvRef {
    pub id: Id,
    #[schema(example = "Samenwerkingsverband PO Zuid-Kennemerland")]
    pub naam: String,
}

/// A gemeente as a client sees it.
#[derive(Debug, Serialize, ToSchema, Queryable)]
#[serde(rename_all = "camelCase")]
pub struct GemeenteRef {
    pub id: Id,
    #[schema(example = "0392")]
    pub cbs_code: String,
    #[schema(example = "Haarlem")]
    pub naam: String,
}

/// The caller: a user, or a client with its scopes and gemeenten.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "email": "beheer@swv-zk.example", "naam": "Marieke de Vries", "rol": "beheerder", "samenwerkingsverband": {"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c", "naam": "Samenwerkingsverband PO Zuid-Kennemerland"},
    "rechten": {
        "samenwerkingsverbanden": {"lezen": true, "schrijven": false}, "gemeenten": {"lezen": true, "schrijven": false},
        "organisatie": {"lezen": true, "schrijven": true}, "gebruikers": {"lezen": true, "schrijven": true},
        "clients": {"lezen": true, "schrijven": true}, "planstructuur": {"lezen": true, "schrijven": true},
        "uitvoering": {"lezen": true, "schrijven": true}, "bijeenkomsten": {"lezen": true, "schrijven": true},
        "aanmeldingen": {"lezen": true, "schrijven": true}, "leerlingen": {"lezen": true, "schrijven": true},
        "leerlingcijfers": {"lezen": true, "schrijven": false},
        "auditregels": {"lezen": true, "schrijven": false}, "mails": {"lezen": true, "schrijven": false}, "budgetten": {"lezen": true, "schrijven": true},
        "schoolcontacten": {"lezen": true, "schrijven": true}, "monitor": {"lezen": true, "schrijven": false},
        "bestuursmonitor": {"lezen": true, "schrijven": false}, "kengetallen": {"lezen": true, "schrijven": true}
    }}))]
pub struct Me {
    pub id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    pub naam: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rol: Option<Rol>,
    pub samenwerkingsverband: Option<SwvRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<Scope>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gemeenten: Option<Vec<GemeenteRef>>,
    /// What the caller may read and change, per area.
    pub rechten: Rechten,
}

fn wrong_credentials() -> ApiError {
    let mut e = ApiError::new(
        crate::error::ProblemType::AanmeldenMislukt,
        "Onbekend e-mailadres of verkeerd wachtwoord.",
    );
    e.headers
        .push((header::WWW_AUTHENTICATE, "Bearer realm=\"koers\"".into()));
    e
}

fn user_pair(
    state: &AppState,
    id: Id,
    rol: Rol,
    swv: Option<Id>,
    familie: Id,
    refresh_token: String,
) -> TokenPair {
    let mut claims = super::jwt::Keys::claims(id.to_string(), swv);
    claims.rol = Some(rol.as_str().into());
    claims.sid = Some(familie);
    TokenPair {
        access_token: state.keys.sign(&claims),
        refresh_token,
        token_type: "Bearer".into(),
        expires_in: ACCESS_TTL_SECONDS,
    }
}

enum Attempt {
    Ok(TokenPair),
    Failed,
}

/// Aanmelden met e-mailadres en wachtwoord.
#[utoipa::path(
    tag = "Authenticatie",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Aangemeld", body = TokenPair),
        (status = 401, description = "Onbekend e-mailadres of verkeerd wachtwoord", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Te veel mislukte pogingen; zie `Retry-After`", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconden tot een nieuwe poging mag"))),
    ),
    security(())
)]
#[post("/auth/login")]
async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest {
        email,
        password: secret,
    } = body.decode()?;
    let email = email.trim().to_lowercase();
    let address = crate::http::client_address(&req, state.config.trust_proxy);
    let key = throttle::account_key("account", &email);
    let now = time::now();
    let (k, e) = (key.clone(), email.clone());
    // The attempt is counted before the password is checked, so parallel guesses cannot
    // outrun the limit.
    let (reservation, user) = state
        .db
        .write(move |c| {
            let reservation = throttle::reserve(c, &k, &address, now)?;
            let user: Option<(Id, Option<Id>, String, bool, String)> = gebruikers::table
                .filter(gebruikers::email.eq(&e))
                .select((
                    gebruikers::id,
                    gebruikers::samenwerkingsverband_id,
                    gebruikers::rol,
                    gebruikers::actief,
                    gebruikers::wachtwoord_hash,
                ))
                .first(c)
                .optional()?;
            Ok((reservation, user))
        })
        .await?;
    let verified = crate::trace::block(move || match user {
        Some((id, swv, rol, actief, hash)) => {
            (crate::secrets::verify(&secret, &hash) && actief).then_some((id, swv, rol))
        }
        None => {
            crate::secrets::verify_dummy(&secret);
            None
        }
    })
    .await
    .map_err(ApiError::internal)?;
    let st = state.clone();
    let outcome = match verified {
        Some((id, swv, rol)) => {
            state
                .db
                .write(move |c| {
                    throttle::succeeded(c, &key, reservation)?;
                    let familie = Id::new();
                    let token = refresh::issue(c, id, familie, now)?;
                    let rol = Rol::parse(&rol)
                        .ok_or_else(|| ApiError::internal("unknown role in database"))?;
                    Ok(Attempt::Ok(user_pair(&st, id, rol, swv, familie, token)))
                })
                .await?
        }
        None => Attempt::Failed,
    };
    match outcome {
        Attempt::Ok(pair) => Ok(crate::http::no_store(HttpResponse::Ok()).json(pair)),
        Attempt::Failed => {
            tracing::info!(account = %email, "failed sign-in");
            Err(wrong_credentials())
        }
    }
}

/// Een refresh-token inwisselen voor een nieuw paar (rotatie).
///
/// Elk refresh-token werkt één keer. Wie een gebruikt token opnieuw aanbiedt, trekt alle tokens
/// van dezelfde aanmelding in.
#[utoipa::path(
    tag = "Authenticatie",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "Nieuw paar tokens", body = TokenPair),
        (status = 401, description = "Onbekend, verlopen, ingetrokken of al gebruikt refresh-token", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/auth/refresh")]
async fn refresh_tokens(
    state: web::Data<AppState>,
    body: JsonBody<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = body.decode()?.refresh_token;
    let now = time::now();
    let st = state.clone();
    let pair = state
        .db
        .write(move |c| {
            let (gebruiker, familie) = match refresh::consume(c, &token, now)? {
                refresh::Outcome::Rotated { gebruiker, familie } => (gebruiker, familie),
                refresh::Outcome::Reused => {
                    tracing::warn!("refresh token reused; its family is revoked");
                    return Ok(None);
                }
                refresh::Outcome::Invalid => return Ok(None),
            };
            let user: Option<(Option<Id>, String, bool)> = gebruikers::table
                .find(gebruiker)
                .select((
                    gebruikers::samenwerkingsverband_id,
                    gebruikers::rol,
                    gebruikers::actief,
                ))
                .first(c)
                .optional()?;
            let Some((swv, rol, true)) = user else {
                refresh::revoke_family(c, familie, now)?;
                return Ok(None);
            };
            let rol =
                Rol::parse(&rol).ok_or_else(|| ApiError::internal("unknown role in database"))?;
            let next = refresh::issue(c, gebruiker, familie, now)?;
            Ok(Some(user_pair(&st, gebruiker, rol, swv, familie, next)))
        })
        .await?;
    match pair {
        Some(p) => Ok(crate::http::no_store(HttpResponse::Ok()).json(p)),
        None => Err(ApiError::unauthorized(
            "Het refresh-token is ongeldig, verlopen of al gebruikt. Meld u opnieuw aan.",
        )),
    }
}

/// Afmelden: het refresh-token en alle tokens van dezelfde aanmelding vervallen.
#[utoipa::path(
    tag = "Authenticatie",
    request_body = RefreshRequest,
    responses((status = 204, description = "Afgemeld")),
    security(())
)]
#[post("/auth/logout")]
async fn logout(
    state: web::Data<AppState>,
    body: JsonBody<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let token = body.decode()?.refresh_token;
    let now = time::now();
    state
        .db
        .write(move |c| refresh::revoke_by_token(c, &token, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Wie ben ik: de aangemelde gebruiker of client.
#[utoipa::path(
    tag = "Authenticatie",
    responses((status = 200, description = "De aanroeper", body = Me)),
)]
#[get("/auth/me")]
async fn me(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(state.db.read(move |c| me_of(c, &caller)).await?))
}

/// The caller as `GET /auth/me` answers it.
pub fn me_of(c: &mut crate::db::DbConn, caller: &Caller) -> Result<Me, ApiError> {
    let rechten = caller.rechten();
    let swv: Option<SwvRef> = match caller.swv {
        Some(id) => samenwerkingsverbanden::table
            .find(id)
            .select((samenwerkingsverbanden::id, samenwerkingsverbanden::naam))
            .first(c)
            .optional()?,
        None => None,
    };
    match caller.principal.clone() {
        Principal::Gebruiker { id, rol } => {
            let (email, naam): (String, String) = gebruikers::table
                .find(id)
                .select((gebruikers::email, gebruikers::naam))
                .first(c)
                .optional()?
                .ok_or_else(|| ApiError::unauthorized("Deze gebruiker bestaat niet meer."))?;
            Ok(Me {
                id,
                email: Some(email),
                naam,
                rol: Some(rol),
                samenwerkingsverband: swv,
                client_id: None,
                scopes: None,
                gemeenten: None,
                rechten: rechten.clone(),
            })
        }
        Principal::Client {
            id,
            client_id,
            scopes,
            gemeenten: ids,
        } => {
            let naam: String = clients::table
                .find(id)
                .select(clients::naam)
                .first(c)
                .optional()?
                .ok_or_else(|| ApiError::unauthorized("Deze client bestaat niet meer."))?;
            let gemeenten: Vec<GemeenteRef> = gemeenten::table
                .filter(gemeenten::id.eq_any(ids))
                .order(gemeenten::cbs_code)
                .select((gemeenten::id, gemeenten::cbs_code, gemeenten::naam))
                .load(c)?;
            Ok(Me {
                id,
                email: None,
                naam,
                rol: None,
                samenwerkingsverband: swv,
                client_id: Some(client_id),
                scopes: Some(scopes),
                gemeenten: Some(gemeenten),
                rechten: rechten.clone(),
            })
        }
    }
}
