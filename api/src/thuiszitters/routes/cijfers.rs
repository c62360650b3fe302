//! The counts of thuiszitters: on any date, frozen on peildata, the follow-up of a cohort and
//! the figures of a year. Aggregates: exact for the SWV's staff who work with pupils, with small
//! counts suppressed for a lezer.

use crate::route_prelude::*;

use crate::auth::{Principal, Rol};
use crate::thuiszitters::store::peildata::{self, Peildatum, PeildatumInput};
use crate::thuiszitters::store::statistieken::{self, ThuiszitterStatistieken};
use crate::thuiszitters::store::telling::{self, InspectieRegel, Telling};
use crate::thuiszitters::store::vervolg::{self, Vervolg};

impl Input for PeildatumInput {}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_telling)
        .service(list_peildata)
        .service(create_peildatum)
        .service(get_peildatum)
        .service(delete_peildatum)
        .service(get_vervolg)
        .service(get_thuiszitter_statistieken);
}

const FILTERS: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

/// De telling van thuiszitters op een dag, per woongemeente.
///
/// Een dossier telt op `datum` als het gestart en nog niet gesloten is, in de categorie van de
/// verloopregel die dan geldt. Dreigende thuiszitters staan apart (per scenario) en tellen niet
/// mee in totalen, duur en `jongerDan5`. Met `Accept: text/csv` of het XLSX-mediatype: de
/// kwartaalopgave aan de Inspectie (datum, CBS-code, gemeente, categorie, aantal, omschrijving;
/// elke gemeente van het samenwerkingsverband × elke leerplichtcategorie, nullen inbegrepen).
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
/// Als CSV/XLSX krijgt een lezer een regel per getal (indeling, sleutel, aantal; `<5` waar onderdrukt).
#[utoipa::path(
    tag = "Thuiszitters",
    params(("datum" = chrono::NaiveDate, Query, description = "De dag van de telling", example = "2017-03-15")),
    responses((status = 200, description = "De telling (of de opgave aan de Inspectie als CSV/XLSX)", content(
        (Telling = "application/json"),
        (String = "text/csv"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ))),
)]
#[get("/thuiszitters/telling")]
async fn get_telling(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingcijfers, Access::Read)?;
    let blik = caller.cijferblik(&[]);
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let datum = q.required_date("datum");
    let q = q.finish()?;
    let (t, regels): (Telling, Vec<InspectieRegel>) = state
        .db
        .report(move |c| {
            let t = telling::telling(c, swv, datum)?;
            let regels = if format.is_json() {
                Vec::new()
            } else {
                telling::inspectie(c, swv, &t)?
            };
            Ok((t, regels))
        })
        .await?;
    figures::pupil_figures(
        blik,
        format,
        &q,
        &t,
        &regels,
        &format!("thuiszitters-{datum}"),
    )
}

/// De vastgestelde peildata, nieuwste eerst.
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
#[utoipa::path(
    tag = "Thuiszitters",
    params(("schooljaar" = Option<String>, Query, description = "Alleen peildata in dit schooljaar", example = "2016-2017")),
    responses((status = 200, description = "De vastgestelde tellingen", body = Vec<Peildatum>)),
)]
#[get("/thuiszitters/peildata")]
async fn list_peildata(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingcijfers, Access::Read)?;
    let blik = caller.cijferblik(&[]);
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let jaar = q.schooljaar();
    q.finish()?;
    let grenzen = jaar
        .and_then(|j| crate::domain::schooljaar::eerste_jaar(&j).ok())
        .map(crate::domain::schooljaar::schooljaar_grenzen);
    let lijst = state
        .db
        .report(move |c| peildata::list(c, swv, grenzen.map(|g| g.0), grenzen.map(|g| g.1)))
        .await?;
    Ok(HttpResponse::Ok().json(blik.json(&lijst).map_err(ApiError::internal)?))
}

/// Eén vastgestelde peildatum.
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
#[utoipa::path(
    tag = "Thuiszitters",
    params(("id" = uuid::Uuid, Path, description = "Id van de vastgestelde peildatum")),
    responses((status = 200, description = "De vastgestelde telling", body = Peildatum)),
)]
#[get("/thuiszitters/peildata/{id}")]
async fn get_peildatum(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingcijfers, Access::Read)?;
    let blik = caller.cijferblik(&[]);
    let id = id.into_inner();
    let p = state.db.report(move |c| peildata::find(c, swv, id)).await?;
    Ok(HttpResponse::Ok().json(blik.json(&p).map_err(ApiError::internal)?))
}

/// De telling van een peildatum vaststellen.
#[utoipa::path(
    tag = "Thuiszitters",
    description = "Bewaart de telling van `datum` zoals die nu is: latere correcties veranderen de telling van die dag, \
                   nooit de vastgestelde (die kreeg de Inspectie). Een datum na vandaag geeft `400`, een datum die al is \
                   vastgesteld `409`.",
    request_body = PeildatumInput,
    responses((status = 201, description = "De vastgestelde telling", body = Peildatum)),
)]
#[post("/thuiszitters/peildata")]
async fn create_peildatum(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<PeildatumInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    let Principal::Gebruiker { id: door, .. } = caller.principal else {
        return Err(ApiError::forbidden(
            "Alleen medewerkers stellen een peildatum vast.",
        ));
    };
    let input = body.decode()?;
    let p = state
        .db
        .write(move |c| peildata::freeze(c, swv, door, &input))
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            actix_web::http::header::LOCATION,
            format!("/api/v1/thuiszitters/peildata/{}", p.id),
        ))
        .json(p))
}

/// Een vaststelling ongedaan maken (beheerder).
#[utoipa::path(
    tag = "Thuiszitters",
    description = "Voor een peildatum die per vergissing is vastgesteld; alleen de beheerder (anders `403`).",
    params(("id" = uuid::Uuid, Path, description = "Id van de vastgestelde peildatum")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/thuiszitters/peildata/{id}")]
async fn delete_peildatum(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    if caller.rol() != Some(Rol::Beheerder) {
        return Err(ApiError::forbidden(
            "Alleen de beheerder kan een vaststelling ongedaan maken.",
        ));
    }
    let id = id.into_inner();
    state
        .db
        .write(move |c| peildata::delete(c, swv, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Waar de leerlingen van een peildatum later zijn.
///
/// Van de dossiers die op `van` meetelden (dreigend inbegrepen): weer naar onderwijs, weinig
/// onderwijs omdat zorg voorgaat, om een andere reden gesloten, of nog thuis op `tot`; per
/// woongemeente en per perspectief op `tot`.
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
#[utoipa::path(
    tag = "Thuiszitters",
    params(
        ("van" = chrono::NaiveDate, Query, description = "De dag van het cohort", example = "2017-03-15"),
        ("tot" = chrono::NaiveDate, Query, description = "De dag waarop wordt gekeken (na `van`)", example = "2017-06-15"),
    ),
    responses((status = 200, description = "Het vervolg", body = Vervolg)),
)]
#[get("/thuiszitters/vervolg")]
async fn get_vervolg(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingcijfers, Access::Read)?;
    let blik = caller.cijferblik(&[]);
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let van = q.required_date("van");
    let tot = q.required_date("tot");
    q.finish()?;
    let v = state
        .db
        .report(move |c| vervolg::vervolg(c, swv, van, tot))
        .await?;
    Ok(HttpResponse::Ok().json(blik.json(&v).map_err(ApiError::internal)?))
}

/// De cijfers van een schooljaar tot een dag, tegen dezelfde dagen een jaar eerder.
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
#[utoipa::path(
    tag = "Thuiszitters",
    params(
        ("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2022-2023"),
        ("tot" = Option<chrono::NaiveDate>, Query, description = "Tot en met deze dag (standaard het einde van het schooljaar)", example = "2023-03-15"),
    ),
    responses((status = 200, description = "De cijfers", body = ThuiszitterStatistieken)),
)]
#[get("/thuiszitters/statistieken")]
async fn get_thuiszitter_statistieken(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingcijfers, Access::Read)?;
    let blik = caller.cijferblik(&["mediaanDagen"]);
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let jaar = q.required_schooljaar();
    let tot = q.date("tot");
    q.finish()?;
    let s = state
        .db
        .report(move |c| statistieken::statistieken(c, swv, &jaar, tot))
        .await?;
    let mut v = blik.json(&s).map_err(ApiError::internal)?;
    if blik.afgeschermd {
        s.verberg_gemiddelden(&mut v);
    }
    Ok(HttpResponse::Ok().json(v))
}
