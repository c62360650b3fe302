//! The door: the presence screen shows a QR code of a short-lived link with which a registered
//! participant marks herself present on her phone, and staff add who walks in unregistered.

use crate::bijeenkomsten::routes::aanmeldingen::staff_register;
use crate::bijeenkomsten::store::aanmeldingen::{Aanmelding, NieuweAanmelding};
use crate::bijeenkomsten::store::incheck::{self, GELDIG_MINUTEN};
use crate::bijeenkomsten::store::publiek::{public_view, PubliekeBijeenkomst};
use crate::bijeenkomsten::store::records;
use crate::bijeenkomsten::store::Bron;
use crate::route_prelude::*;

use crate::auth::throttle;

/// Check-ins allowed per address in ten minutes: a whole room behind the venue's one address
/// checks in at once, a script trying addresses does not get far.
const PER_ADRES: i64 = 200;

async fn throttled(state: &AppState, req: &HttpRequest) -> Result<(), ApiError> {
    let key = format!(
        "incheck:{}",
        crate::http::client_address(req, state.config.trust_proxy)
    );
    state
        .db
        .write(move |c| {
            let now = time::now();
            throttle::limit(
                c,
                &key,
                PER_ADRES,
                10 * 60,
                now,
                "incheckpogingen vanaf dit adres",
            )?;
            throttle::record(c, &key, now)
        })
        .await
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_incheckcode)
        .service(get_incheck)
        .service(post_incheck)
        .service(post_inloop);
}

/// A code to show as a QR code.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"code": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b.1791370800.Q2x5bW9yZS1zaWduYXR1cmUtZXhhbXBsZQ",
    "geldigTot": "2026-10-06T12:45:00Z", "url": "https://koers.swv.example/incheck/0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b.1791370800.Q2x5bW9yZS1zaWduYXR1cmUtZXhhbXBsZQ"}))]
pub struct Incheckcode {
    pub code: String,
    #[serde(with = "crate::domain::time")]
    #[schema(value_type = String, format = DateTime)]
    pub geldig_tot: chrono::NaiveDateTime,
    /// De pagina waarop de deelnemer incheckt: de inhoud van de QR-code.
    pub url: String,
}

/// Een code voor zelf inchecken, om als QR-code bij de ingang te tonen.
///
/// De code werkt een kwartier; haal ruim daarvoor een nieuwe op. Inchecken zelf kan vanaf 30
/// minuten voor de start tot het einde van de bijeenkomst.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    responses((status = 200, description = "De code", body = Incheckcode)),
)]
#[get("/bijeenkomsten/{id}/incheckcode")]
async fn get_incheckcode(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let id = id.into_inner();
    state
        .db
        .read(move |c| records::find_row(c, swv, id))
        .await?;
    let geldig_tot = time::now() + chrono::Duration::minutes(GELDIG_MINUTEN);
    let code = incheck::code(id, geldig_tot);
    Ok(crate::http::no_store(HttpResponse::Ok()).json(Incheckcode {
        url: crate::mail::link(&format!("/incheck/{code}")),
        code,
        geldig_tot,
    }))
}

/// De bijeenkomst waarvoor een inchecklink geldt.
#[utoipa::path(
    tag = "Publiek",
    params(("code" = String, Path, description = "De code uit de QR-code", max_length = 160)),
    responses(
        (status = 200, description = "De bijeenkomst", body = PubliekeBijeenkomst),
        (status = 410, description = "De link is verlopen", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/publiek/incheck/{code}")]
async fn get_incheck(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let code = code.into_inner();
    let view = state
        .db
        .read(move |c| {
            let m = incheck::meeting(c, &code, time::now())?;
            public_view(c, &m)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Who checks in.
#[derive(Debug, serde::Deserialize, serde::Serialize, validator::Validate, utoipa::ToSchema)]
#[schema(example = json!({"email": "s.devries@school.example"}))]
pub struct IncheckInput {
    #[validate(
        email(message = "is geen geldig e-mailadres"),
        length(max = 254, message = "mag hoogstens 254 tekens lang zijn")
    )]
    #[schema(format = Email, max_length = 254)]
    pub email: String,
}
impl Input for IncheckInput {}

/// Zelf inchecken met het e-mailadres van de aanmelding.
///
/// Het antwoord is `204` voor elk e-mailadres: een onbekend adres of een aanmelding op de
/// wachtlijst verandert niets, en niemand leert eruit wie er is aangemeld. Een verlopen link of
/// een moment buiten de bijeenkomst (vanaf 30 minuten voor de start tot het einde) krijgt `410`.
#[utoipa::path(
    tag = "Publiek",
    params(("code" = String, Path, description = "De code uit de QR-code", max_length = 160)),
    request_body = IncheckInput,
    responses(
        (status = 204, description = "Ontvangen"),
        (status = 410, description = "De link is verlopen, of inchecken kan nu niet", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Te veel verzoeken vanaf dit adres; zie `Retry-After`", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconden tot een nieuwe poging mag"))),
    ),
    security(())
)]
#[post("/publiek/incheck/{code}")]
async fn post_incheck(
    state: web::Data<AppState>,
    req: HttpRequest,
    code: web::Path<String>,
    body: JsonBody<IncheckInput>,
) -> Result<HttpResponse, ApiError> {
    throttled(&state, &req).await?;
    let code = code.into_inner();
    state
        .db
        .write(move |c| {
            let now = time::now();
            let m = incheck::meeting(c, &code, now)?;
            incheck::check_open(&m, now)?;
            let input = body.decode()?;
            incheck::check_in(c, &m, &input.email, now)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Iemand die zonder aanmelding binnenloopt: aangemeld en aanwezig, ook boven het maximum.
///
/// Kan vanaf 30 minuten voor de start. Wie met dit e-mailadres al is aangemeld of op de
/// wachtlijst staat, krijgt `409`: zet die aanmelding op aanwezig.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    request_body = NieuweAanmelding,
    responses((status = 201, description = "Toegevoegd en aanwezig", body = Aanmelding)),
)]
#[post("/bijeenkomsten/{id}/inloop")]
async fn post_inloop(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<NieuweAanmelding>,
) -> Result<HttpResponse, ApiError> {
    staff_register(
        &state,
        &caller,
        id.into_inner(),
        body,
        Bron::Inloop,
        |_, _, _, _| Ok(()),
    )
    .await
}
