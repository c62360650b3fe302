//! `/auth/...`: login, refresh, logout, OAuth2 client credentials and `/auth/me`.

use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::caller::{Caller, Principal, Rechten, Rol, Scope};
use super::jwt::ACCESS_TTL_SECONDS;
use super::{refresh, throttle};
use crate::db::Id;
use crate::domain::time;
use crate::error::{ApiError, Problem};
use crate::http::{Input, JsonBody};
use crate::schema::{client_gemeenten, clients, gebruikers, gemeenten, samenwerkingsverbanden};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(login)
        .service(refresh_tokens)
        .service(logout)
        .service(client_token)
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

/// OAuth 2.0 token answer (RFC 6749 §5.1; field names as the RFC prescribes).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"access_token": "eyJhbGciOiJIUzI1NiJ9.e30.sig", "token_type": "Bearer", "expires_in": 900, "scope": "jop:read"}))]
pub struct ClientToken {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: i64,
    pub scope: String,
}

/// OAuth 2.0 client-credentials request (form-encoded; RFC 6749 §4.4). The client may instead
/// authenticate with HTTP Basic (`client_id:client_secret`).
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)]
pub struct ClientCredentialsForm {
    /// Always `client_credentials`.
    #[schema(example = "client_credentials")]
    grant_type: String,
    #[schema(example = "kc_5f0c6a3e2b1d4c7e")]
    client_id: Option<String>,
    client_secret: Option<String>,
    /// Space-separated scopes; narrows the client's scopes.
    #[schema(example = "jop:read")]
    scope: Option<String>,
}

/// OAuth 2.0 error answer (RFC 6749 §5.2), also readable as a problem detail.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"error": "invalid_client", "error_description": "Onbekende client of verkeerd geheim.", "type": "urn:koers:problem:oauth-invalid_client", "title": "invalid_client", "status": 401, "detail": "Onbekende client of verkeerd geheim."}))]
pub struct OAuthError {
    pub error: String,
    pub error_description: String,
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
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
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "email": "beheer@swv-zk.example", "naam": "Marieke de Vries", "rol": "beheerder", "samenwerkingsverband": {"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c", "naam": "Samenwerkingsverband PO Zuid-Kennemerland"}}))]
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

fn no_store(mut b: actix_web::HttpResponseBuilder) -> actix_web::HttpResponseBuilder {
    b.insert_header(CacheControl(vec![CacheDirective::NoStore]));
    b.insert_header((header::PRAGMA, "no-cache"));
    b
}

/// The address a request came from; forwarded headers count only behind a trusted proxy.
pub fn client_address(req: &HttpRequest, state: &AppState) -> String {
    let addr = if state.config.trust_proxy {
        req.connection_info()
            .realip_remote_addr()
            .map(str::to_string)
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    addr.unwrap_or_else(|| "onbekend".into())
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
    refresh_token: String,
) -> TokenPair {
    let mut claims = super::jwt::Keys::claims(id.to_string(), swv);
    claims.rol = Some(rol.as_str().into());
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
    let address = client_address(&req, &state);
    let key = throttle::account_key("account", &email);
    let now = time::now();
    let (k, a, e) = (key.clone(), address.clone(), email.clone());
    let user: Option<(Id, Option<Id>, String, bool, String)> = state
        .db
        .read(move |c| {
            throttle::check(c, &k, &a, now)?;
            Ok(gebruikers::table
                .filter(gebruikers::email.eq(&e))
                .select((
                    gebruikers::id,
                    gebruikers::samenwerkingsverband_id,
                    gebruikers::rol,
                    gebruikers::actief,
                    gebruikers::wachtwoord_hash,
                ))
                .first(c)
                .optional()?)
        })
        .await?;
    let verified = web::block(move || match user {
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
    let outcome = state
        .db
        .write(move |c| match verified {
            Some((id, swv, rol)) => {
                throttle::clear(c, &key)?;
                let token = refresh::issue(c, id, Id::new(), now)?;
                let rol = Rol::parse(&rol)
                    .ok_or_else(|| ApiError::internal("unknown role in database"))?;
                Ok(Attempt::Ok(user_pair(&st, id, rol, swv, token)))
            }
            None => {
                throttle::record_failure(c, &key, &address, now)?;
                Ok(Attempt::Failed)
            }
        })
        .await?;
    match outcome {
        Attempt::Ok(pair) => Ok(no_store(HttpResponse::Ok()).json(pair)),
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
            Ok(Some(user_pair(&st, gebruiker, rol, swv, next)))
        })
        .await?;
    match pair {
        Some(p) => Ok(no_store(HttpResponse::Ok()).json(p)),
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

/// An OAuth error (RFC 6749 §5.2). Its body is also a problem detail; a client that asks for
/// `application/problem+json` gets that media type, any other gets `application/json` as the RFC says.
fn oauth_error(
    req: &HttpRequest,
    status: StatusCode,
    error: &str,
    description: &str,
) -> HttpResponse {
    let mut b = no_store(HttpResponse::build(status));
    let wants_problem = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/problem+json"));
    if wants_problem {
        b.content_type("application/problem+json");
    }
    if status == StatusCode::UNAUTHORIZED {
        b.insert_header((header::WWW_AUTHENTICATE, "Basic realm=\"koers\""));
    }
    b.json(OAuthError {
        error: error.into(),
        error_description: description.into(),
        type_: format!("urn:koers:problem:oauth-{error}"),
        title: error.into(),
        status: status.as_u16(),
        detail: description.into(),
    })
}

fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    use base64::Engine;
    let v = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, rest) = v.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(rest.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

/// OAuth 2.0 client credentials: een token voor het systeem van een gemeente of integrator.
#[utoipa::path(
    tag = "Authenticatie",
    request_body(content = ClientCredentialsForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Token uitgegeven", body = ClientToken),
        (status = 400, description = "`invalid_request`, `invalid_scope` of `unsupported_grant_type`", content((OAuthError = "application/json"), (OAuthError = "application/problem+json"))),
        (status = 401, description = "`invalid_client`", content((OAuthError = "application/json"), (OAuthError = "application/problem+json"))),
        (status = 429, description = "Te veel mislukte pogingen", content((OAuthError = "application/json"), (OAuthError = "application/problem+json"))),
    ),
    security(())
)]
#[post("/auth/token")]
async fn client_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let ct = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct
        .to_ascii_lowercase()
        .starts_with("application/x-www-form-urlencoded")
    {
        return Ok(oauth_error(
            &req,
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Stuur het verzoek als application/x-www-form-urlencoded.",
        ));
    }
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return Ok(oauth_error(
            &req,
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "Het formulier is niet geldig gecodeerd.",
        ));
    };
    let field = |name: &str| -> Result<Option<String>, String> {
        let mut values = pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone());
        let first = values.next();
        if values.next().is_some() {
            return Err(format!("'{name}' mag maar één keer voorkomen."));
        }
        Ok(first)
    };
    let fields = ["grant_type", "client_id", "client_secret", "scope"].map(field);
    if let Some(Err(problem)) = fields.iter().find(|f| f.is_err()) {
        return Ok(oauth_error(
            &req,
            StatusCode::BAD_REQUEST,
            "invalid_request",
            problem,
        ));
    }
    let [grant, form_id, form_secret, scope] = fields.map(|f| f.unwrap_or_default());
    match grant.as_deref() {
        None => {
            return Ok(oauth_error(
                &req,
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "grant_type ontbreekt.",
            ))
        }
        Some("client_credentials") => {}
        Some(_) => {
            return Ok(oauth_error(
                &req,
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "Alleen grant_type=client_credentials wordt ondersteund.",
            ))
        }
    }
    let (client_id, secret) =
        match (basic_credentials(&req), form_id, form_secret) {
            (Some(pair), None, None) => pair,
            (None, Some(id), Some(secret)) => (id, secret),
            (Some(_), _, _) => return Ok(oauth_error(
                &req,
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "Gebruik HTTP Basic óf client_id en client_secret in het formulier, niet beide.",
            )),
            _ => {
                return Ok(oauth_error(
                    &req,
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "client_id en client_secret zijn verplicht.",
                ))
            }
        };
    if client_id.len() > 200 || secret.len() > 1024 {
        return Ok(oauth_error(
            &req,
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Onbekende client of verkeerd geheim.",
        ));
    }
    let address = client_address(&req, &state);
    let key = throttle::account_key("client", &client_id);
    let now = time::now();
    let (k, a, cid) = (key.clone(), address.clone(), client_id.clone());
    type ClientRow = (Id, Option<Id>, String, String, bool);
    let found = state
        .db
        .read(move |c| {
            if let Err(e) = throttle::check(c, &k, &a, now) {
                return Ok(Err(e));
            }
            let row: Option<ClientRow> = clients::table
                .filter(clients::client_id.eq(&cid))
                .select((
                    clients::id,
                    clients::samenwerkingsverband_id,
                    clients::secret_hash,
                    clients::scopes,
                    clients::actief,
                ))
                .first(c)
                .optional()?;
            let gemeenten: Vec<Id> = match &row {
                Some((id, ..)) => client_gemeenten::table
                    .filter(client_gemeenten::client_id.eq(id))
                    .select(client_gemeenten::gemeente_id)
                    .load(c)?,
                None => Vec::new(),
            };
            Ok(Ok((row, gemeenten)))
        })
        .await?;
    let (row, gemeenten) = match found {
        Ok(x) => x,
        Err(e) => {
            let mut r = oauth_error(
                &req,
                StatusCode::TOO_MANY_REQUESTS,
                "temporarily_unavailable",
                &e.detail,
            );
            if let Some(s) = e.retry_after {
                r.headers_mut()
                    .insert(header::RETRY_AFTER, header::HeaderValue::from(s));
            }
            return Ok(r);
        }
    };
    let verified = web::block(move || match row {
        Some((id, swv, hash, scopes, actief)) => {
            (crate::secrets::verify(&secret, &hash) && actief).then_some((id, swv, scopes))
        }
        None => {
            crate::secrets::verify_dummy(&secret);
            None
        }
    })
    .await
    .map_err(ApiError::internal)?;
    let Some((id, swv, scopes)) = verified else {
        state
            .db
            .write(move |c| throttle::record_failure(c, &key, &address, now))
            .await?;
        return Ok(oauth_error(
            &req,
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Onbekende client of verkeerd geheim.",
        ));
    };
    let granted = Scope::split(&scopes);
    let effective = match scope {
        None => granted.clone(),
        Some(requested) => {
            let mut out = Vec::new();
            for s in requested.split_whitespace() {
                match Scope::parse(s) {
                    Some(x) if granted.contains(&x) => {
                        if !out.contains(&x) {
                            out.push(x)
                        }
                    }
                    _ => {
                        return Ok(oauth_error(
                            &req,
                            StatusCode::BAD_REQUEST,
                            "invalid_scope",
                            &format!(
                                "De client heeft scope '{}' niet.",
                                s.chars().take(60).collect::<String>()
                            ),
                        ))
                    }
                }
            }
            if out.is_empty() {
                granted.clone()
            } else {
                out
            }
        }
    };
    let mut claims = super::jwt::Keys::claims(client_id, swv);
    claims.scope = Some(Scope::join(&effective));
    claims.gemeenten = Some(gemeenten);
    claims.cid = Some(id);
    Ok(no_store(HttpResponse::Ok()).json(ClientToken {
        access_token: state.keys.sign(&claims),
        token_type: "Bearer".into(),
        expires_in: ACCESS_TTL_SECONDS,
        scope: Scope::join(&effective),
    }))
}

/// Wie ben ik: de aangemelde gebruiker of client.
#[utoipa::path(
    tag = "Authenticatie",
    responses((status = 200, description = "De aanroeper", body = Me)),
)]
#[get("/auth/me")]
async fn me(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<Me>, ApiError> {
    let rechten = caller.rechten();
    let me = state
        .db
        .read(move |c| {
            let swv: Option<SwvRef> = match caller.swv {
                Some(id) => samenwerkingsverbanden::table
                    .find(id)
                    .select((samenwerkingsverbanden::id, samenwerkingsverbanden::naam))
                    .first(c)
                    .optional()?,
                None => None,
            };
            match caller.principal {
                Principal::Gebruiker { id, rol } => {
                    let (email, naam): (String, String) = gebruikers::table
                        .find(id)
                        .select((gebruikers::email, gebruikers::naam))
                        .first(c)
                        .optional()?
                        .ok_or_else(|| {
                            ApiError::unauthorized("Deze gebruiker bestaat niet meer.")
                        })?;
                    Ok(Me {
                        id,
                        email: Some(email),
                        naam,
                        rol: Some(rol),
                        samenwerkingsverband: swv,
                        client_id: None,
                        scopes: None,
                        gemeenten: None,
                        rechten,
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
                        rechten,
                    })
                }
            }
        })
        .await?;
    Ok(web::Json(me))
}
