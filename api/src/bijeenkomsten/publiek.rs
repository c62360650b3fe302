//! `/publiek`: self-registration by participants, who have no account. A published meeting
//! shows only its public fields and the places left; a registration answers a cancellation
//! token (stored as its hash). Writes are limited per address, and nothing here ever lists
//! other participants.

use actix_web::{delete, get, post, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::aanmeldingen::{check_school, wachtlijst_positie, NieuweAanmelding};
use super::records::{self, Row};
use super::wachtlijst::{self, Nieuw};
use super::{AanmeldingStatus, BijeenkomstSoort, BijeenkomstStatus, Bron, Vorm};
use crate::auth::throttle;
use crate::db::{DbConn, Id};
use crate::domain::time;
use crate::error::ApiError;
use crate::http::{JsonBody, ListQuery, ListSpec};
use crate::page_schema;
use crate::schema::{aanmeldingen, bijeenkomsten, samenwerkingsverbanden, scholen};
use crate::secrets::{random_token, token_digest};
use crate::state::AppState;

/// Registrations and cancellations allowed per address in `WINDOW_SECONDS`: enough for an IB'er
/// who registers the colleagues of a school behind one address, too few for a flood.
pub const LIMIT: i64 = 30;
pub const WINDOW_SECONDS: i64 = 10 * 60;

/// What anyone with the link may see of a meeting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "publicId": "k7m2p9rt4xab", "titel": "Training Samenwerken onder spanning", "omschrijving": null, "soort": "training",
    "start": "2026-10-06T12:30:00Z", "eind": "2026-10-06T15:30:00Z", "vorm": "live", "locatie": "Haarlem",
    "samenwerkingsverband": "SWV PO Zuid-Kennemerland", "maxDeelnemers": 12, "plaatsenVrij": 0, "vol": true,
    "aanmeldenTot": null
}))]
pub struct PubliekeBijeenkomst {
    pub public_id: String,
    pub titel: String,
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub start: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub eind: NaiveDateTime,
    pub vorm: Vorm,
    pub locatie: Option<String>,
    /// De naam van het samenwerkingsverband dat de bijeenkomst organiseert.
    pub samenwerkingsverband: String,
    pub max_deelnemers: Option<i32>,
    /// Leeg als er geen maximum is.
    pub plaatsen_vrij: Option<i64>,
    /// Een nieuwe aanmelding komt op de wachtlijst.
    pub vol: bool,
    #[serde(with = "time::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub aanmelden_tot: Option<NaiveDateTime>,
}

/// The answer to a public registration.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PubliekeAanmelding {
    pub status: AanmeldingStatus,
    pub wachtlijst_positie: Option<i64>,
    /// Bewaar dit: met `DELETE /publiek/aanmeldingen/{annuleerToken}` meldt u zich af.
    pub annuleer_token: String,
    pub bijeenkomst: PubliekeBijeenkomst,
}

/// What the holder of a cancellation token sees of their registration.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EigenAanmelding {
    pub naam: String,
    pub status: AanmeldingStatus,
    pub wachtlijst_positie: Option<i64>,
    pub bijeenkomst: PubliekeBijeenkomst,
}

/// A school to choose from.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable)]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "De Regenboog", "brin": "12AB00"}))]
pub struct PubliekeSchool {
    pub id: Id,
    pub naam: String,
    pub brin: String,
}

page_schema!(PubliekeSchoolPage, PubliekeSchool);

fn gone(detail: &str) -> ApiError {
    ApiError::new(crate::error::ProblemType::Gesloten, detail)
}

/// `410` when registering is no longer possible.
fn check_open(m: &Row, now: NaiveDateTime) -> Result<(), ApiError> {
    if m.status == BijeenkomstStatus::Geannuleerd {
        return Err(gone("Deze bijeenkomst is geannuleerd."));
    }
    if now >= m.start {
        return Err(gone("Deze bijeenkomst is al begonnen of voorbij."));
    }
    if m.aanmelden_tot.is_some_and(|t| now > t) {
        return Err(gone(
            "De aanmeldtermijn voor deze bijeenkomst is verstreken.",
        ));
    }
    Ok(())
}

/// The published meeting with this public id; `404` for an unknown or unpublished one.
fn published(c: &mut DbConn, public_id: &str) -> Result<Row, ApiError> {
    bijeenkomsten::table
        .filter(bijeenkomsten::public_id.eq(public_id))
        .filter(bijeenkomsten::publiek.eq(true))
        .select(Row::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

fn public_view(c: &mut DbConn, m: &Row) -> Result<PubliekeBijeenkomst, ApiError> {
    let swv: String = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(m.samenwerkingsverband_id))
        .select(samenwerkingsverbanden::naam)
        .first(c)?;
    let aangemeld: i64 = aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(m.id))
        .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
        .count()
        .get_result(c)?;
    let vrij = m.max_deelnemers.map(|max| (max as i64 - aangemeld).max(0));
    Ok(PubliekeBijeenkomst {
        public_id: m.public_id.clone(),
        titel: m.titel.clone(),
        omschrijving: m.omschrijving.clone(),
        soort: m.soort,
        start: m.start,
        eind: m.eind,
        vorm: m.vorm,
        locatie: m.locatie.clone(),
        samenwerkingsverband: swv,
        max_deelnemers: m.max_deelnemers,
        plaatsen_vrij: vrij,
        vol: vrij == Some(0),
        aanmelden_tot: m.aanmelden_tot,
    })
}

/// Counts a write from this address; `429` beyond the limit.
async fn throttled(state: &AppState, req: &HttpRequest) -> Result<(), ApiError> {
    let key = format!(
        "publiek:{}",
        crate::auth::routes::client_address(req, state)
    );
    state
        .db
        .write(move |c| {
            let now = time::now();
            throttle::limit(
                c,
                &key,
                LIMIT,
                WINDOW_SECONDS,
                now,
                "aanmeldingen vanaf dit adres",
            )?;
            throttle::record(c, &key, now)
        })
        .await
}

fn by_token(c: &mut DbConn, token: &str) -> Result<(Id, Id, String, AanmeldingStatus), ApiError> {
    aanmeldingen::table
        .filter(aanmeldingen::annuleer_sleutel.eq(token_digest(token)))
        .select((
            aanmeldingen::id,
            aanmeldingen::bijeenkomst_id,
            aanmeldingen::naam,
            aanmeldingen::status,
        ))
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

fn meeting_of(c: &mut DbConn, id: Id) -> Result<Row, ApiError> {
    Ok(bijeenkomsten::table
        .filter(bijeenkomsten::id.eq(id))
        .select(Row::as_select())
        .first(c)?)
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_publieke_bijeenkomst)
        .service(publieke_scholen)
        .service(publiek_aanmelden)
        .service(get_publieke_agenda)
        .service(get_eigen_aanmelding)
        .service(publiek_afmelden);
}

/// Een gepubliceerde bijeenkomst, met de vrije plaatsen (zonder aanmelden).
#[utoipa::path(
    tag = "Publiek",
    params(("publicId" = String, Path, description = "Het kenmerk uit de aanmeldlink", max_length = 64)),
    responses(
        (status = 200, description = "De bijeenkomst", body = PubliekeBijeenkomst),
        (status = 410, description = "Geannuleerd, begonnen of na de aanmeldtermijn", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/publiek/bijeenkomsten/{publicId}")]
async fn get_publieke_bijeenkomst(
    state: web::Data<AppState>,
    public_id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let public_id = public_id.into_inner();
    let view = state
        .db
        .read(move |c| {
            let m = published(c, &public_id)?;
            check_open(&m, time::now())?;
            public_view(c, &m)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

const SCHOLEN_SPEC: ListSpec = ListSpec {
    sorts: &["naam"],
    filters: &[],
    default_sort: "naam",
};

/// De scholen van het samenwerkingsverband van een gepubliceerde bijeenkomst, om uit te kiezen.
#[utoipa::path(
    tag = "Publiek",
    params(
        ("publicId" = String, Path, description = "Het kenmerk uit de aanmeldlink", max_length = 64),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteerveld: naam", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en BRIN"),
    ),
    responses((status = 200, description = "Een pagina scholen", body = PubliekeSchoolPage)),
    security(())
)]
#[get("/publiek/bijeenkomsten/{publicId}/scholen")]
async fn publieke_scholen(
    state: web::Data<AppState>,
    req: HttpRequest,
    public_id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let q = ListQuery::parse(&req, &SCHOLEN_SPEC).finish()?;
    let public_id = public_id.into_inner();
    let (search, descending) = (
        q.search_pattern(),
        q.sort.first().is_some_and(|k| k.descending),
    );
    let (limit, offset) = (q.page_size, q.offset());
    let (items, total) = state
        .db
        .read(move |c| {
            let m = published(c, &public_id)?;
            let base = || {
                let mut b = scholen::table
                    .filter(scholen::samenwerkingsverband_id.eq(m.samenwerkingsverband_id))
                    .into_boxed();
                if let Some(p) = &search {
                    b = b.filter(
                        crate::db::lower(scholen::naam)
                            .like(p.clone())
                            .escape('\\')
                            .or(crate::db::lower(scholen::brin).like(p.clone()).escape('\\')),
                    );
                }
                b
            };
            let total: i64 = base().count().get_result(c)?;
            let ordered = if descending {
                base().order((scholen::naam.desc(), scholen::id.asc()))
            } else {
                base().order((scholen::naam.asc(), scholen::id.asc()))
            };
            let items: Vec<PubliekeSchool> = ordered
                .select((scholen::id, scholen::naam, scholen::brin))
                .limit(limit)
                .offset(offset)
                .load(c)?;
            Ok((items, total))
        })
        .await?;
    Ok(HttpResponse::Ok().json(PubliekeSchoolPage {
        items,
        page: q.page,
        page_size: q.page_size,
        total,
    }))
}

/// Zich aanmelden voor een gepubliceerde bijeenkomst; boven het maximum op de wachtlijst.
#[utoipa::path(
    tag = "Publiek",
    params(("publicId" = String, Path, description = "Het kenmerk uit de aanmeldlink", max_length = 64)),
    request_body = NieuweAanmelding,
    responses(
        (status = 201, description = "Aangemeld of op de wachtlijst; met het token om af te melden", body = PubliekeAanmelding),
        (status = 409, description = "Met dit e-mailadres is al aangemeld", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 410, description = "Geannuleerd, begonnen of na de aanmeldtermijn", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Te veel aanmeldingen vanaf dit adres; zie `Retry-After`", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconden tot een nieuwe poging mag"))),
    ),
    security(())
)]
#[post("/publiek/bijeenkomsten/{publicId}/aanmeldingen")]
async fn publiek_aanmelden(
    state: web::Data<AppState>,
    req: HttpRequest,
    public_id: web::Path<String>,
    body: JsonBody<NieuweAanmelding>,
) -> Result<HttpResponse, ApiError> {
    throttled(&state, &req).await?;
    let public_id = public_id.into_inner();
    let answer = state
        .db
        .write(move |c| {
            let m = published(c, &public_id)?;
            let positie = wachtlijst::lock(c, m.samenwerkingsverband_id, m.id)?;
            let m = records::find_row(c, m.samenwerkingsverband_id, m.id)?;
            let now = time::now();
            check_open(&m, now)?;
            let input = body.decode()?;
            check_school(c, m.samenwerkingsverband_id, input.school_id)?;
            let token = random_token();
            let (id, status) = wachtlijst::register(
                c,
                &m,
                positie,
                &Nieuw {
                    naam: &input.naam,
                    email: &input.email,
                    school_id: input.school_id,
                    functie: input.functie,
                    bron: Bron::Publiek,
                    aanwezig: None,
                    annuleer_sleutel: Some(token_digest(&token)),
                },
                now,
            )?;
            Ok(PubliekeAanmelding {
                status,
                wachtlijst_positie: wachtlijst_positie(c, m.id, id)?,
                annuleer_token: token,
                bijeenkomst: public_view(c, &m)?,
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(answer))
}

/// Een gepubliceerde bijeenkomst als agenda-item (iCalendar, `.ics`).
#[utoipa::path(
    tag = "Publiek",
    params(("publicId" = String, Path, description = "Het kenmerk uit de aanmeldlink", max_length = 64)),
    responses((status = 200, description = "Het agenda-item", content_type = "text/calendar", body = String)),
    security(())
)]
#[get("/publiek/bijeenkomsten/{publicId}/agenda")]
async fn get_publieke_agenda(
    state: web::Data<AppState>,
    public_id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let public_id = public_id.into_inner();
    let m = state.db.read(move |c| published(c, &public_id)).await?;
    Ok(super::agenda::respond(&m))
}

/// De eigen aanmelding, met het token uit de bevestiging.
#[utoipa::path(
    tag = "Publiek",
    params(("token" = String, Path, description = "Het token uit de bevestiging van de aanmelding", max_length = 128)),
    responses((status = 200, description = "De aanmelding", body = EigenAanmelding)),
    security(())
)]
#[get("/publiek/aanmeldingen/{token}")]
async fn get_eigen_aanmelding(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let view = state
        .db
        .read(move |c| {
            let (id, meeting, naam, status) = by_token(c, &token)?;
            let m = meeting_of(c, meeting)?;
            Ok(EigenAanmelding {
                naam,
                status,
                wachtlijst_positie: wachtlijst_positie(c, meeting, id)?,
                bijeenkomst: public_view(c, &m)?,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Zich afmelden met het token uit de bevestiging; de wachtlijst schuift door.
#[utoipa::path(
    tag = "Publiek",
    params(("token" = String, Path, description = "Het token uit de bevestiging van de aanmelding", max_length = 128)),
    responses(
        (status = 204, description = "Afgemeld (ook als dat al eerder was gebeurd)"),
        (status = 410, description = "De bijeenkomst is al begonnen", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Te veel verzoeken vanaf dit adres; zie `Retry-After`", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconden tot een nieuwe poging mag"))),
    ),
    security(())
)]
#[delete("/publiek/aanmeldingen/{token}")]
async fn publiek_afmelden(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    throttled(&state, &req).await?;
    let token = token.into_inner();
    state
        .db
        .write(move |c| {
            let (id, meeting, _, status) = by_token(c, &token)?;
            let m = meeting_of(c, meeting)?;
            wachtlijst::lock(c, m.samenwerkingsverband_id, m.id)?;
            let now = time::now();
            if now >= m.start {
                return Err(gone(
                    "Deze bijeenkomst is al begonnen; afmelden kan niet meer. Neem contact op met het samenwerkingsverband.",
                ));
            }
            if status != AanmeldingStatus::Afgemeld {
                wachtlijst::cancel(c, &m, id, None, now)?;
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
