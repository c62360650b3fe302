//! `GET /monitor/jop`: the JOP monitor for gemeenten and for the SWV's own users.

use crate::route_prelude::*;

use crate::auth::Principal;
use crate::error::Problem;
use crate::monitor::store::bestuur::{self, Besturen, BestuurMonitor, BestuurRegel};
use crate::monitor::store::indeling::Indeling;
use crate::monitor::store::jop::{JopMonitor, JopRegel};
use crate::monitor::store::kring::{self, Kring, Verzoek};
use crate::org::store::gemeenten::CBS;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_jop_monitor).service(get_bestuur_monitor);
}

const FILTERS: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

/// De JOP-monitor: per gemeente de cijfers van een schooljaar.
///
/// Voor gemeenten (client met scope `jop:read`: alleen de eigen gemeenten en hun voorgangers;
/// een client van het platform krijgt per gemeente de som over alle samenwerkingsverbanden die
/// haar bedienen) en voor de gebruikers van een samenwerkingsverband (elke gemeente die het
/// bedient). Elk aantal kinderen is `{"waarde": n}` of `{"waarde": null, "onderdrukt": true}`:
/// aantallen van 1 tot en met 4 worden onderdrukt, en daarnaast zoveel cellen dat geen
/// onderdrukt aantal uit getoonde totalen is af te leiden. Met `Accept: text/csv` of het
/// XLSX-mediatype: één regel per cel (`schooljaar;cbsCode;gemeente;indicator;peildatum;waarde`,
/// `<5` waar onderdrukt). `indeling=huidig` telt alles in de gemeenten van vandaag, zodat reeksen
/// over een herindeling heen vergelijkbaar blijven.
#[utoipa::path(
    tag = "Monitor",
    params(
        ("schooljaar" = String, Query, description = "Het schooljaar", example = "2016-2017"),
        ("gemeente" = Option<String>, Query, description = "Alleen deze gemeente (CBS-code)", example = "0398"),
        ("indeling" = Option<Indeling>, Query, description = "`historisch` (standaard): elke dag in de gemeente van toen; `huidig`: in de gemeente van vandaag"),
    ),
    responses(
        (status = 200, description = "De monitor (of één regel per cel als CSV/XLSX)", content(
            (JopMonitor = "application/json", example = json!({
                "schooljaar": "2016-2017", "gegenereerdOp": "2026-12-06T09:00:00Z", "indeling": "historisch",
                "gemeenten": [{
                    "cbsCode": "0398", "naam": "Heerhugowaard",
                    "samenwerkingsverbanden": [{"code": "PO2702", "naam": "Samenwerkingsverband PPO Noord-Kennemerland"}],
                    "thuiszitters": [{"peildatum": "2017-03-15", "vastgesteld": true,
                        "perCategorie": {"absoluut_verzuim": {"waarde": null, "onderdrukt": true}, "langdurig_relatief_verzuim": {"waarde": 6},
                            "langdurig_ziek": {"waarde": 0}, "relatief_verzuim": {"waarde": null, "onderdrukt": true},
                            "vrijstelling_5a": {"waarde": 0}, "vrijstelling_5b": {"waarde": 0}, "vrijstelling_5c": {"waarde": 0}},
                        "dreigend": {"waarde": 5}, "langerDan3Maanden": {"waarde": null, "onderdrukt": true}, "totaal": {"waarde": 11}}],
                    "vrijstellingen": {"5a": {"waarde": 0}, "5b": {"waarde": null, "onderdrukt": true}, "5c": {"waarde": 0}},
                    "tlv": {"sbo": {"waarde": 12}, "so": {"waarde": 7}, "vso": {"waarde": 0}, "totaal": {"waarde": 19}},
                    "arrangementen": {"individueel": {"waarde": 96}, "groep": {"waarde": 14}, "innovatie": {"waarde": 0}, "totaal": {"waarde": 110}},
                    "mdo": {"totaal": {"waarde": 310}, "perNiveau": {"1": {"waarde": 0}, "2": {"waarde": 98}, "3": {"waarde": 160}, "4": {"waarde": 52}}},
                    "bereikBijeenkomsten": {"scholen": 10, "bereikt": 8, "percentage": 80.0}
                }]
            })),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
    ),
)]
#[get("/monitor/jop")]
async fn get_jop_monitor(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    caller.require(Area::Monitor, Access::Read)?;
    let kring = match (&caller.principal, caller.swv) {
        (Principal::Client { gemeenten, .. }, Some(s)) => Kring::SwvClient(s, gemeenten.clone()),
        (Principal::Client { gemeenten, .. }, None) => Kring::Platform(gemeenten.clone()),
        (Principal::Gebruiker { .. }, Some(s)) => Kring::Swv(s),
        (Principal::Gebruiker { .. }, None) => {
            return Err(ApiError::forbidden(
                "De monitor hoort bij een samenwerkingsverband.",
            ))
        }
    };
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let schooljaar = q.required_schooljaar();
    let gemeente = q.text("gemeente");
    if gemeente.as_ref().is_some_and(|g| !CBS.is_match(g)) {
        q.reject("gemeente", "moet een CBS-code van 4 cijfers zijn");
    }
    let indeling = q.enumeration::<Indeling>("indeling").unwrap_or_default();
    let q = q.finish()?;
    let verzoek = Verzoek {
        schooljaar: schooljaar.clone(),
        gemeente,
        indeling,
        nu: time::now(),
    };
    let opslag = state.db.report_store();
    let monitor = state
        .db
        .report(move |c| kring::lees(c, &kring, &verzoek, opslag.as_ref()))
        .await?;
    let regels: Vec<JopRegel> = if format.is_json() {
        Vec::new()
    } else {
        monitor.regels()
    };
    figures::figures(
        format,
        &q,
        &monitor,
        &regels,
        &format!("jop-monitor-{schooljaar}"),
    )
}

/// De monitor voor schoolbesturen: per school van een bestuur de cijfers van een schooljaar.
///
/// Voor een client met scope `bestuur:read` (alleen de schoolbesturen waaraan hij is gekoppeld)
/// en voor de gebruikers van het samenwerkingsverband (elk bestuur). Elke school van het bestuur
/// staat erin; aantallen kinderen van 1 tot en met 4 zijn onderdrukt. TLV's tellen bij de school
/// van herkomst. Een bestuur van een ander samenwerkingsverband: `404`; een bestuur van het eigen
/// samenwerkingsverband waaraan de client niet gekoppeld is: `403`.
#[utoipa::path(
    tag = "Monitor",
    params(
        ("schooljaar" = String, Query, description = "Het schooljaar", example = "2022-2023"),
        ("schoolbestuurId" = Option<uuid::Uuid>, Query, description = "Alleen dit schoolbestuur"),
    ),
    responses(
        (status = 200, description = "De monitor (of één regel per cel als CSV/XLSX)", content(
            (BestuurMonitor = "application/json", example = json!({
                "schooljaar": "2022-2023",
                "schoolbesturen": [{"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a10", "naam": "Stichting Openbaar Onderwijs Haarlem",
                    "scholen": [{"schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11", "naam": "De Ark",
                        "arrangementen": {"individueel": {"waarde": 7}, "groep": {"waarde": 0}, "innovatie": {"waarde": null, "onderdrukt": true}},
                        "tlv": {"sbo": {"waarde": null, "onderdrukt": true}, "so": {"waarde": 0}, "vso": {"waarde": 0}},
                        "mdo": {"waarde": 12}, "aanwezigBijeenkomsten": 9}]}]
            })),
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 404, description = "Het schoolbestuur hoort niet bij dit samenwerkingsverband", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/monitor/schoolbestuur")]
async fn get_bestuur_monitor(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bestuursmonitor, Access::Read)?;
    let wie = match &caller.principal {
        Principal::Client { id, .. } => Besturen::Client { swv, client: *id },
        Principal::Gebruiker { .. } => Besturen::Swv(swv),
    };
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let schooljaar = q.required_schooljaar();
    let gevraagd = q.id("schoolbestuurId");
    let q = q.finish()?;
    let jaar = schooljaar.clone();
    let monitor: BestuurMonitor = state
        .db
        .report(move |c| bestuur::lees(c, &wie, &jaar, gevraagd))
        .await?;
    let regels: Vec<BestuurRegel> = if format.is_json() {
        Vec::new()
    } else {
        monitor.regels()
    };
    figures::figures(
        format,
        &q,
        &monitor,
        &regels,
        &format!("bestuursmonitor-{schooljaar}"),
    )
}
