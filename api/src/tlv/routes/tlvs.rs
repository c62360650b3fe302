//! `/toelaatbaarheidsverklaringen`: every read and change is audited; lezers, the
//! platformbeheerder and clients get `403`.

use crate::route_prelude::*;

use crate::audit::{self, routes::trail};
use crate::tlv::store::statistieken::{self, TlvStatistieken};
use crate::tlv::store::werkvoorraad;
use crate::tlv::store::{Filter, Tlv, TlvInput};

impl Input for TlvInput {
    /// Derived by Koers, or changed only through the steps of the procedure; sent back
    /// unchanged they are ignored.
    fn read_only() -> &'static [&'static str] {
        &[
            "termijnVanaf",
            "uiterlijkeBeslisdatum",
            "dagenResterend",
            "binnenTermijn",
            "besluit",
            "bezwaar",
            "eerdereBesluiten",
            "uitstroom",
            "adviezen",
            "opschortingen",
            "schooljaar",
        ]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.verdaging_reden);
    }
}

impl Resource for Tlv {
    const COLLECTION: &'static str = "toelaatbaarheidsverklaringen";
    const AUDITED: bool = true;

    fn pupils(&self) -> Vec<Id> {
        vec![self.leerling_id]
    }
}

page_schema!(TlvPage, Tlv);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Before `/toelaatbaarheidsverklaringen/{id}`, which would take `werkvoorraad` for an id.
    cfg.service(get_werkvoorraad)
        .service(get_tlv_statistieken)
        .service(list_tlvs)
        .service(create_tlv)
        .service(get_tlv)
        .service(put_tlv)
        .service(patch_tlv)
        .service(delete_tlv);
}

/// De TLV's van het samenwerkingsverband opvragen (wordt vastgelegd in de audit).
#[utoipa::path(
    tag = "TLV",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: ontvangenOp, uiterlijkeBeslisdatum (opgeschorte aanvragen achteraan), status, createdAt, updatedAt", example = "uiterlijkeBeslisdatum"),
        ("status" = Option<crate::tlv::store::TlvStatus>, Query, description = "Alleen deze status"),
        ("soort" = Option<crate::tlv::store::TlvSoort>, Query, description = "Alleen deze soort"),
        ("categorie" = Option<crate::tlv::store::TlvCategorie>, Query, description = "Alleen deze categorie"),
        ("schooljaar" = Option<String>, Query, description = "Alleen aanvragen ontvangen in dit schooljaar", example = "2016-2017"),
        ("leerlingId" = Option<uuid::Uuid>, Query, description = "Alleen TLV's van deze leerling"),
        ("schoolVanHerkomstId" = Option<uuid::Uuid>, Query, description = "Alleen aanvragen van deze school"),
        ("werkgebiedId" = Option<uuid::Uuid>, Query, description = "Alleen aanvragen van scholen in dit werkgebied"),
        ("termijnOverschreden" = Option<bool>, Query, description = "`true`: open aanvragen waarvan de uiterlijke beslisdatum voorbij is en besluiten na die datum; `false`: de rest"),
    ),
    responses((status = 200, description = "Een pagina TLV's (of de hele lijst als CSV/XLSX)", body = TlvPage)),
)]
#[get("/toelaatbaarheidsverklaringen")]
async fn list_tlvs(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    audit::routes::listed::<Tlv>(&state.db, &req, trail(&caller, &req), "-ontvangenOp", |q| {
        Filter {
            swv,
            status: q.enumeration("status"),
            soort: q.enumeration("soort"),
            categorie: q.enumeration("categorie"),
            schooljaar: q.schooljaar(),
            leerling_id: q.id("leerlingId"),
            school_van_herkomst_id: q.id("schoolVanHerkomstId"),
            werkgebied_id: q.id("werkgebiedId"),
            termijn_overschreden: q.boolean("termijnOverschreden"),
            vandaag: time::today(),
        }
    })
    .await
}

const WERK: ListSpec = ListSpec {
    sorts: &["datum"],
    default_sort: "datum",
};

/// De cijfers van de TLV's van een schooljaar, zoals de trimesterrapportage ze telt.
///
/// Afgegeven (toegekend) en afgewezen naar besluitdatum, per soort en categorie en trimester,
/// nieuw tegen verlenging, binnen de termijn, de gemiddelde duur, leeftijden, het deel van de
/// reguliere scholen dat aanvroeg, tijdelijke plaatsingen, per werkgebied (naar school van
/// herkomst), uitstroom en het jaar ervoor. Met `Accept: text/csv` of het XLSX-mediatype komt
/// elk getal als een regel (indeling, sleutel, waarde).
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
/// Als CSV/XLSX krijgt een lezer een regel per getal (indeling, sleutel, aantal; `<5` waar onderdrukt).
#[utoipa::path(
    tag = "TLV",
    params(("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2016-2017")),
    responses((status = 200, description = "De cijfers (of de regels als CSV/XLSX)", content(
        (TlvStatistieken = "application/json"),
        (String = "text/csv"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ))),
)]
#[get("/toelaatbaarheidsverklaringen/statistieken")]
async fn get_tlv_statistieken(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingcijfers, Access::Read)?;
    let blik = caller.cijferblik(&[]);
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse_filters(&req, &WERK);
    let jaar = q.required_schooljaar();
    let q = q.finish()?;
    let s = state
        .db
        .report(move |c| statistieken::statistieken(c, swv, &jaar))
        .await?;
    figures::pupil_figures(blik, format, &q, &s, &s.cijfers(), "tlv-statistieken")
}

/// De werkvoorraad van de TLV-balie: alles wat in het samenwerkingsverband op een handeling wacht.
///
/// Eén regel per reden, op datum (uiterlijk) en dan soort: `tlv_aanvulling` (een opschorting voor
/// aanvulling die langer dan 14 dagen loopt), `tlv_termijn` (open, niet opgeschorte aanvragen, op
/// hun uiterlijke beslisdatum), `tlv_advies` (die zonder het vereiste advies), `tlv_herbeoordeling`
/// (toegekende TLV's die binnen `binnenMaanden` aflopen zonder latere aanvraag van de leerling) en
/// `tlv_bezwaar` (bezwaren zonder uitkomst, zes weken na ontvangst). Wordt vastgelegd in de audit.
#[utoipa::path(
    tag = "TLV",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "`datum` (standaard: wat het eerst moet) of `-datum`", example = "datum"),
        ("binnenMaanden" = Option<i32>, Query, description = "Hoe ver vooruit aflopende TLV's meetellen (1-24 maanden, standaard 6)", minimum = 1, maximum = 24),
    ),
    responses((status = 200, description = "Een pagina werk (of de hele lijst als CSV/XLSX)", body = crate::audit::routes::WerkItemPage)),
)]
#[get("/toelaatbaarheidsverklaringen/werkvoorraad")]
async fn get_werkvoorraad(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    let mut q = ListQuery::parse(&req, &WERK);
    let maanden = match q.text("binnenMaanden").map(|m| m.parse::<u32>()) {
        None => 6,
        Some(Ok(m)) if (1..=24).contains(&m) => m,
        Some(_) => {
            q.reject("binnenMaanden", "moet 1 tot en met 24 maanden zijn");
            6
        }
    };
    audit::routes::worklist(
        &state.db,
        &req,
        trail(&caller, &req),
        q,
        "werkvoorraad-tlv",
        move |c| werkvoorraad::items(c, swv, time::today(), maanden),
    )
    .await
}

crate::crud_routes! {
    resource: Tlv, input: TlvInput, tag: "TLV",
    collection: "/toelaatbaarheidsverklaringen", item: "/toelaatbaarheidsverklaringen/{id}", id: "Id van de TLV",
    scope: |caller: &Caller, access| caller.tenant(Area::Leerlingen, access),
    create: (create_tlv, "Een TLV-aanvraag registreren; de beslistermijn loopt vanaf `ontvangenOp`."),
    get: (get_tlv, "Eén TLV met haar adviezen, opschortingen, besluit en bezwaar.", "De TLV"),
    put: (put_tlv, "Een TLV-aanvraag vervangen (ook: één verdaging, of intrekken)."),
    patch: (patch_tlv, "Velden van een TLV-aanvraag wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_tlv, "Een TLV verwijderen, met haar adviezen en opschortingen."),
}
