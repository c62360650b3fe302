//! A user's own account: choosing a password through a one-time link (invitation, "wachtwoord
//! vergeten"), and changing one's own name and password.

use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::caller::{Caller, Principal};
use super::routes::{me_of, Me};
use super::{refresh, throttle, wachtwoord};
use crate::domain::{rules, time};
use crate::error::{ApiError, Problem};
use crate::http::{apply_patch, Input, JsonBody, MergePatch};
use crate::schema::gebruikers;
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(wachtwoord_vergeten)
        .service(link_bekijken)
        .service(wachtwoord_instellen)
        .service(patch_me)
        .service(eigen_wachtwoord);
}

/// Requests for a reset link allowed per address and per account in the window.
const VERGETEN_PER_ADRES: i64 = 10;
const VERGETEN_PER_ACCOUNT: i64 = 3;
const VERGETEN_VENSTER_SECONDS: i64 = 15 * 60;

/// The address that forgot its password.
#[derive(Debug, Deserialize, Serialize, Validate, ToSchema)]
#[schema(example = json!({"email": "consulent@swv-zk.example"}))]
pub struct VergetenRequest {
    #[validate(length(min = 3, max = 254, message = "moet 3 tot 254 tekens lang zijn"))]
    pub email: String,
}
impl Input for VergetenRequest {}

/// The same answer for every address.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({"bericht": "Als dit e-mailadres bij een actief account hoort, is er een mail met een link gestuurd. De link is een uur geldig."}))]
pub struct Ontvangen {
    pub bericht: String,
}

/// Een link aanvragen om een nieuw wachtwoord te kiezen.
///
/// Het antwoord is altijd `202`, of het adres nu bij een account hoort of niet; alleen een actief
/// account krijgt een mail, met een link die een uur geldig is en één keer werkt.
#[utoipa::path(
    tag = "Authenticatie",
    request_body = VergetenRequest,
    responses(
        (status = 202, description = "Ontvangen (ook voor een onbekend adres)", body = Ontvangen),
        (status = 429, description = "Te veel aanvragen; zie `Retry-After`", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconden tot een nieuwe poging mag"))),
    ),
    security(())
)]
#[post("/auth/wachtwoord-vergeten")]
async fn wachtwoord_vergeten(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: JsonBody<VergetenRequest>,
) -> Result<HttpResponse, ApiError> {
    let email = body.decode()?.email.trim().to_lowercase();
    let adres = format!(
        "vergeten:{}",
        crate::http::client_address(&req, state.config.trust_proxy)
    );
    let account = throttle::account_key("vergeten", &email);
    state
        .db
        .write(move |c| {
            let now = time::now();
            const WHAT: &str = "aanvragen voor een nieuw wachtwoord";
            throttle::limit(
                c,
                &adres,
                VERGETEN_PER_ADRES,
                VERGETEN_VENSTER_SECONDS,
                now,
                WHAT,
            )?;
            throttle::limit(
                c,
                &account,
                VERGETEN_PER_ACCOUNT,
                VERGETEN_VENSTER_SECONDS,
                now,
                WHAT,
            )?;
            throttle::record(c, &adres, now)?;
            throttle::record(c, &account, now)?;
            wachtwoord::herstel(c, &email, now)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(Ontvangen {
        bericht: "Als dit e-mailadres bij een actief account hoort, is er een mail met een link gestuurd. De link is een uur geldig.".into(),
    }))
}

/// What the page behind a link shows before a password is chosen.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"email": "consulent@swv-zk.example"}))]
pub struct LinkHouder {
    /// Het account waarvoor een wachtwoord wordt gekozen.
    pub email: String,
}

/// Of een link om een wachtwoord te kiezen nog geldig is, en voor welk account.
#[utoipa::path(
    tag = "Authenticatie",
    params(("token" = String, Path, description = "Het token uit de link in de mail", max_length = 128)),
    responses(
        (status = 200, description = "Geldig", body = LinkHouder),
        (status = 410, description = "Verlopen, al gebruikt of onbekend", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/auth/wachtwoord-instellen/{token}")]
async fn link_bekijken(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let (_, email) = state
        .db
        .read(move |c| wachtwoord::holder(c, &token, time::now()))
        .await?;
    Ok(crate::http::no_store(HttpResponse::Ok()).json(LinkHouder { email }))
}

/// A new password through a one-time link.
#[derive(Debug, Deserialize, Serialize, Validate, ToSchema)]
#[schema(example = json!({"token": "q1Jx1hZ2m0Yc8g3b4xR2nW7eXl9sVfTt0aQpKdLuE5o", "wachtwoord": "een-lang-geheim-wachtwoord"}))]
pub struct InstellenRequest {
    #[validate(length(min = 1, max = 128, message = "moet 1 tot 128 tekens lang zijn"))]
    pub token: String,
    /// Minstens 12 tekens en moeilijk te raden, zonder het deel van het e-mailadres voor de @.
    #[validate(length(min = 12, max = 256, message = "moet 12 tot 256 tekens lang zijn"))]
    #[schema(write_only, min_length = 12, max_length = 256)]
    pub wachtwoord: String,
}
impl Input for InstellenRequest {}

/// Een wachtwoord kiezen met de link uit een uitnodiging of uit "wachtwoord vergeten".
///
/// De link werkt één keer; alle bestaande sessies van het account worden beëindigd.
#[utoipa::path(
    tag = "Authenticatie",
    request_body = InstellenRequest,
    responses(
        (status = 204, description = "Wachtwoord ingesteld; log in met het nieuwe wachtwoord"),
        (status = 410, description = "Verlopen, al gebruikt of onbekend", body = Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/auth/wachtwoord-instellen")]
async fn wachtwoord_instellen(
    state: web::Data<AppState>,
    body: JsonBody<InstellenRequest>,
) -> Result<HttpResponse, ApiError> {
    let InstellenRequest { token, wachtwoord } = body.decode()?;
    let t = token.clone();
    let (_, email) = state
        .db
        .read(move |c| wachtwoord::holder(c, &t, time::now()))
        .await?;
    if let Some(reason) = rules::password_problem(&wachtwoord, &email, state.config.demo) {
        return Err(ApiError::field("wachtwoord", reason));
    }
    let hash = crate::trace::block(move || crate::secrets::hash(&wachtwoord))
        .await
        .map_err(ApiError::internal)?;
    state
        .db
        .write(move |c| wachtwoord::instellen(c, &token, &hash, time::now()))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// What a user may change of their own account here.
#[derive(Debug, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"naam": "Sanne Bakker"}))]
pub struct MijnGegevens {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
}
impl Input for MijnGegevens {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

fn own_id(caller: &Caller) -> Result<crate::db::Id, ApiError> {
    match caller.principal {
        Principal::Gebruiker { id, .. } => Ok(id),
        Principal::Client { .. } => Err(ApiError::forbidden(
            "Een client heeft geen eigen account om te wijzigen.",
        )),
    }
}

/// De eigen naam wijzigen (JSON Merge Patch met `naam`).
#[utoipa::path(
    tag = "Authenticatie",
    request_body(content = MijnGegevens, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "De aanroeper na de wijziging", body = Me)),
)]
#[patch("/auth/me")]
async fn patch_me(
    state: web::Data<AppState>,
    caller: Caller,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let id = own_id(&caller)?;
    let me = state
        .db
        .write(move |c| {
            let naam: String = gebruikers::table
                .find(id)
                .select(gebruikers::naam)
                .first(c)?;
            let input = apply_patch(&MijnGegevens { naam }, &patch)?;
            diesel::update(gebruikers::table.find(id))
                .set((
                    gebruikers::naam.eq(input.naam.trim()),
                    gebruikers::updated_at.eq(time::now()),
                    gebruikers::versie.eq(gebruikers::versie + 1),
                ))
                .execute(c)?;
            me_of(c, &caller)
        })
        .await?;
    Ok(HttpResponse::Ok().json(me))
}

/// The current password and the new one.
#[derive(Debug, Deserialize, Serialize, Validate, ToSchema)]
#[schema(example = json!({"huidig": "het-oude-wachtwoord", "nieuw": "een-lang-nieuw-wachtwoord"}))]
pub struct WachtwoordWijzigen {
    #[validate(length(min = 1, max = 1024, message = "moet 1 tot 1024 tekens lang zijn"))]
    #[schema(write_only)]
    pub huidig: String,
    /// Minstens 12 tekens en moeilijk te raden, zonder het deel van het e-mailadres voor de @.
    #[validate(length(min = 12, max = 256, message = "moet 12 tot 256 tekens lang zijn"))]
    #[schema(write_only, min_length = 12, max_length = 256)]
    pub nieuw: String,
}
impl Input for WachtwoordWijzigen {}

/// Wrong current passwords allowed per account in the window.
const HUIDIG_POGINGEN: i64 = 5;

/// Het eigen wachtwoord wijzigen.
///
/// Alle sessies van het account worden beëindigd, ook deze: log daarna opnieuw in.
#[utoipa::path(
    tag = "Authenticatie",
    request_body = WachtwoordWijzigen,
    responses(
        (status = 204, description = "Gewijzigd; log opnieuw in"),
        (status = 429, description = "Te vaak een verkeerd huidig wachtwoord; zie `Retry-After`", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconden tot een nieuwe poging mag"))),
    ),
)]
#[post("/auth/me/wachtwoord")]
async fn eigen_wachtwoord(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<WachtwoordWijzigen>,
) -> Result<HttpResponse, ApiError> {
    let id = own_id(&caller)?;
    let input = body.decode()?;
    let key = throttle::account_key("huidig", &id.to_string());
    let k = key.clone();
    let (email, hash): (String, String) = state
        .db
        .write(move |c| {
            throttle::limit(
                c,
                &k,
                HUIDIG_POGINGEN,
                throttle::ACCOUNT_WINDOW_SECONDS,
                time::now(),
                "pogingen met een verkeerd wachtwoord",
            )?;
            Ok(gebruikers::table
                .find(id)
                .select((gebruikers::email, gebruikers::wachtwoord_hash))
                .first(c)?)
        })
        .await?;
    let huidig = input.huidig.clone();
    let right = crate::trace::block(move || crate::secrets::verify(&huidig, &hash))
        .await
        .map_err(ApiError::internal)?;
    if !right {
        state
            .db
            .write(move |c| throttle::record(c, &key, time::now()))
            .await?;
        return Err(ApiError::field("huidig", "is niet uw huidige wachtwoord"));
    }
    if let Some(reason) = rules::password_problem(&input.nieuw, &email, state.config.demo) {
        return Err(ApiError::field("nieuw", reason));
    }
    let nieuw = input.nieuw;
    let new_hash = crate::trace::block(move || crate::secrets::hash(&nieuw))
        .await
        .map_err(ApiError::internal)?;
    state
        .db
        .write(move |c| {
            let now = time::now();
            diesel::update(gebruikers::table.find(id))
                .set((
                    gebruikers::wachtwoord_hash.eq(new_hash),
                    gebruikers::updated_at.eq(now),
                    gebruikers::versie.eq(gebruikers::versie + 1),
                ))
                .execute(c)?;
            throttle::clear(c, &key)?;
            refresh::revoke_user(c, id, now)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
