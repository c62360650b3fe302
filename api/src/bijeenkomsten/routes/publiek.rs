//! `/publiek`: self-registration by participants, who have no account. A published meeting
//! shows only its public fields and the places left; a registration is answered the same for
//! a new and a repeated address, and the cancellation link goes by mail. Writes are limited per address, and nothing here ever lists
//! other participants.

use crate::auth::throttle;
use crate::bijeenkomsten::store::aanmeldingen::{
    check_school, wachtlijst_positie, NieuweAanmelding,
};
use crate::bijeenkomsten::store::publiek::*;
use crate::bijeenkomsten::store::wachtlijst::{self, Nieuw};
use crate::bijeenkomsten::store::{mails, records};
use crate::bijeenkomsten::store::{AanmeldingStatus, Bron};
use crate::page_schema;
use crate::route_prelude::*;
use crate::schema::scholen;

page_schema!(PubliekeSchoolPage, PubliekeSchool);

/// Counts a write from this address; `429` beyond the limit.
async fn throttled(state: &AppState, req: &HttpRequest) -> Result<(), ApiError> {
    let key = format!(
        "publiek:{}",
        crate::http::client_address(req, state.config.trust_proxy)
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
///
/// Het antwoord is voor een nieuwe en een herhaalde aanmelding (hetzelfde e-mailadres) precies
/// gelijk, zodat niemand eruit kan afleiden wie al is aangemeld. Een herhaalde aanmelding
/// verandert niets aan de bestaande.
#[utoipa::path(
    tag = "Publiek",
    params(("publicId" = String, Path, description = "Het kenmerk uit de aanmeldlink", max_length = 64)),
    request_body = NieuweAanmelding,
    responses(
        (status = 202, description = "Ontvangen: aangemeld, op de wachtlijst of al eerder aangemeld (het antwoord zegt niet welke)", body = AanmeldingOntvangen),
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
            let bijeenkomst = BijeenkomstKort::from(public_view(c, &m)?);
            // Under the meeting's lock, so no registration with this address can come between.
            let aanmelding = match wachtlijst::existing(c, m.id, &input.email)? {
                Some(id) => id,
                None => {
                    wachtlijst::register(
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
                        },
                        now,
                    )?
                    .0
                }
            };
            // A repeated registration is mailed too (with a new link), so the answer tells
            // nothing and whoever lost the first mail gets a working link.
            mails::bevestiging(c, &m, aanmelding)?;
            Ok(AanmeldingOntvangen {
                bericht: ONTVANGEN.into(),
                bijeenkomst,
            })
        })
        .await?;
    Ok(HttpResponse::Accepted().json(answer))
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
    Ok(crate::bijeenkomsten::routes::agenda::respond(&m))
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
