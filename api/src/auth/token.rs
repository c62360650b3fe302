//! `POST /auth/token`: OAuth 2.0 client credentials (RFC 6749 §4.4) for the systems of
//! gemeenten and integrators. Its errors are OAuth errors (§5.2), also readable as problem details.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::caller::Scope;
use super::jwt::{Keys, ACCESS_TTL_SECONDS};
use super::throttle;
use crate::db::Id;
use crate::domain::time;
use crate::error::ApiError;
use crate::http::{client_address, no_store};
use crate::schema::{client_gemeenten, clients};
use crate::state::AppState;

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

/// Why no token was issued: an OAuth error for the client, or a failure of Koers itself.
enum Refusal {
    OAuth {
        status: StatusCode,
        error: &'static str,
        description: String,
        retry_after: Option<u64>,
    },
    Api(ApiError),
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Self {
        Refusal::Api(e)
    }
}

impl Refusal {
    fn invalid_request(description: impl Into<String>) -> Refusal {
        Refusal::oauth(StatusCode::BAD_REQUEST, "invalid_request", description)
    }

    /// One answer for an unknown client, a wrong secret and a revoked client.
    fn invalid_client() -> Refusal {
        Refusal::oauth(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Onbekende client of verkeerd geheim.",
        )
    }

    fn oauth(status: StatusCode, error: &'static str, description: impl Into<String>) -> Refusal {
        Refusal::OAuth {
            status,
            error,
            description: description.into(),
            retry_after: None,
        }
    }

    /// The answer: a client that asks for `application/problem+json` gets that media type, any
    /// other gets `application/json` as the RFC says.
    fn respond(self, req: &HttpRequest) -> Result<HttpResponse, ApiError> {
        let (status, error, description, retry_after) = match self {
            Refusal::Api(e) => return Err(e),
            Refusal::OAuth {
                status,
                error,
                description,
                retry_after,
            } => (status, error, description, retry_after),
        };
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
        if let Some(s) = retry_after {
            b.insert_header((header::RETRY_AFTER, HeaderValue::from(s)));
        }
        Ok(b.json(OAuthError {
            error: error.into(),
            error_description: description.clone(),
            type_: format!("urn:koers:problem:oauth-{error}"),
            title: error.into(),
            status: status.as_u16(),
            detail: description,
        }))
    }
}

/// What the client asked for, from the form and HTTP Basic.
struct TokenRequest {
    client_id: String,
    secret: String,
    scope: Option<String>,
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

fn parse_request(req: &HttpRequest, body: &[u8]) -> Result<TokenRequest, Refusal> {
    let ct = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !ct
        .to_ascii_lowercase()
        .starts_with("application/x-www-form-urlencoded")
    {
        return Err(Refusal::invalid_request(
            "Stuur het verzoek als application/x-www-form-urlencoded.",
        ));
    }
    let pairs = serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .map_err(|_| Refusal::invalid_request("Het formulier is niet geldig gecodeerd."))?;
    let field = |name: &str| -> Result<Option<String>, Refusal> {
        let mut values = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v);
        let first = values.next().cloned();
        if values.next().is_some() {
            return Err(Refusal::invalid_request(format!(
                "'{name}' mag maar één keer voorkomen."
            )));
        }
        Ok(first)
    };
    let (grant, form_id, form_secret, scope) = (
        field("grant_type")?,
        field("client_id")?,
        field("client_secret")?,
        field("scope")?,
    );
    match grant.as_deref() {
        None => return Err(Refusal::invalid_request("grant_type ontbreekt.")),
        Some("client_credentials") => {}
        Some(_) => {
            return Err(Refusal::oauth(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "Alleen grant_type=client_credentials wordt ondersteund.",
            ))
        }
    }
    let (client_id, secret) =
        match (basic_credentials(req), form_id, form_secret) {
            (Some(pair), None, None) => pair,
            (None, Some(id), Some(secret)) => (id, secret),
            (Some(_), _, _) => return Err(Refusal::invalid_request(
                "Gebruik HTTP Basic óf client_id en client_secret in het formulier, niet beide.",
            )),
            _ => {
                return Err(Refusal::invalid_request(
                    "client_id en client_secret zijn verplicht.",
                ))
            }
        };
    if client_id.len() > 200 || secret.len() > 1024 {
        return Err(Refusal::invalid_client());
    }
    Ok(TokenRequest {
        client_id,
        secret,
        scope,
    })
}

/// The client whose secret was given.
struct Client {
    id: Id,
    versie: i32,
    swv: Option<Id>,
    scopes: Vec<Scope>,
    gemeenten: Vec<Id>,
}

type ClientRow = (Id, i32, Option<Id>, String, String, bool);

/// The client, once the throttle lets the attempt through and the secret matches; a failure
/// counts against the client id and the address.
async fn authenticate(
    state: &AppState,
    req: &HttpRequest,
    asked: &TokenRequest,
) -> Result<Client, Refusal> {
    let address = client_address(req, state.config.trust_proxy);
    let key = throttle::account_key("client", &asked.client_id);
    let now = time::now();
    let (k, cid) = (key.clone(), asked.client_id.clone());
    // The attempt is counted before the secret is checked, so parallel guesses cannot outrun
    // the limit.
    let (reservation, row, gemeenten) = state
        .db
        .write(move |c| {
            let reservation = match throttle::reserve(c, &k, &address, now) {
                Ok(r) => r,
                Err(e) => return Ok(Err(e)),
            };
            let row: Option<ClientRow> = clients::table
                .filter(clients::client_id.eq(&cid))
                .select((
                    clients::id,
                    clients::versie,
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
            Ok(Ok((reservation, row, gemeenten)))
        })
        .await?
        .map_err(|e: ApiError| Refusal::OAuth {
            status: StatusCode::TOO_MANY_REQUESTS,
            error: "temporarily_unavailable",
            description: e.detail.clone(),
            retry_after: e.retry_after,
        })?;
    let secret = asked.secret.clone();
    let verified = crate::trace::block(move || match row {
        Some((id, versie, swv, hash, scopes, actief)) => {
            (crate::secrets::verify(&secret, &hash) && actief).then_some((id, versie, swv, scopes))
        }
        None => {
            crate::secrets::verify_dummy(&secret);
            None
        }
    })
    .await
    .map_err(ApiError::internal)?;
    let Some((id, versie, swv, scopes)) = verified else {
        return Err(Refusal::invalid_client());
    };
    state
        .db
        .write(move |c| throttle::succeeded(c, &key, reservation))
        .await?;
    Ok(Client {
        id,
        versie,
        swv,
        scopes: Scope::split(&scopes),
        gemeenten,
    })
}

/// The scopes of the token: those asked for, which the client must have; all of its own when
/// it asks for none.
fn effective_scopes(granted: &[Scope], requested: Option<&str>) -> Result<Vec<Scope>, Refusal> {
    let mut out = Vec::new();
    for s in requested.unwrap_or("").split_whitespace() {
        match Scope::parse(s) {
            Some(x) if granted.contains(&x) => {
                if !out.contains(&x) {
                    out.push(x)
                }
            }
            _ => {
                return Err(Refusal::oauth(
                    StatusCode::BAD_REQUEST,
                    "invalid_scope",
                    format!(
                        "De client heeft scope '{}' niet.",
                        s.chars().take(60).collect::<String>()
                    ),
                ))
            }
        }
    }
    Ok(if out.is_empty() {
        granted.to_vec()
    } else {
        out
    })
}

async fn issue(state: &AppState, req: &HttpRequest, body: &[u8]) -> Result<ClientToken, Refusal> {
    let asked = parse_request(req, body)?;
    let client = authenticate(state, req, &asked).await?;
    let effective = effective_scopes(&client.scopes, asked.scope.as_deref())?;
    let mut claims = Keys::claims(asked.client_id, client.swv);
    claims.scope = Some(Scope::join(&effective));
    claims.gemeenten = Some(client.gemeenten);
    claims.cid = Some(client.id);
    claims.ver = Some(client.versie);
    Ok(ClientToken {
        access_token: state.keys.sign(&claims),
        token_type: "Bearer".into(),
        expires_in: ACCESS_TTL_SECONDS,
        scope: Scope::join(&effective),
    })
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
pub async fn client_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    // Read like every other body: size limit and time limit (`413`, `408`).
    body: crate::http::RawBody,
) -> Result<HttpResponse, ApiError> {
    match issue(&state, &req, &body.0).await {
        Ok(token) => Ok(no_store(HttpResponse::Ok()).json(token)),
        Err(refusal) => refusal.respond(&req),
    }
}
