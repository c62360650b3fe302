//! `/arrangementen`: every read and change is audited, also of group and innovation
//! arrangementen (the list mixes them with those of pupils); lezers, the platformbeheerder and
//! clients get `403`.

use crate::route_prelude::*;

use crate::arrangementen::store::budget::{self, BudgetOverzicht};
use crate::arrangementen::store::statistieken::{self, ArrangementStatistieken};
use crate::arrangementen::store::{Arrangement, ArrangementInput, Filter};
use crate::audit::{self, routes::trail};

impl Input for ArrangementInput {
    /// Derived by Koers; sent back unchanged they are ignored.
    fn read_only() -> &'static [&'static str] {
        &["werkgebiedId", "verlenging", "schooljaar"]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.toelichting);
    }
}

impl Resource for Arrangement {
    const COLLECTION: &'static str = "arrangementen";
    const AUDITED: bool = true;

    fn pupils(&self) -> Vec<Id> {
        self.leerling_id.into_iter().collect()
    }
}

page_schema!(ArrangementPage, Arrangement);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Before `/arrangementen/{id}`, which would take `statistieken` for an id.
    cfg.service(get_arrangement_statistieken)
        .service(get_arrangement_budget)
        .service(list_arrangementen)
        .service(create_arrangement)
        .service(get_arrangement)
        .service(put_arrangement)
        .service(patch_arrangement)
        .service(delete_arrangement);
}

/// De arrangementen van het samenwerkingsverband opvragen (wordt vastgelegd in de audit).
#[utoipa::path(
    tag = "Arrangementen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: startdatum, einddatum, bedragCent, status, createdAt, updatedAt", example = "-startdatum"),
        ("schooljaar" = Option<String>, Query, description = "Alleen arrangementen die in dit schooljaar beginnen", example = "2016-2017"),
        ("soort" = Option<crate::arrangementen::store::ArrangementSoort>, Query, description = "Alleen deze soort"),
        ("status" = Option<crate::arrangementen::store::ArrangementStatus>, Query, description = "Alleen deze status"),
        ("categorie" = Option<crate::arrangementen::store::Categorie>, Query, description = "Alleen deze ondersteuningscategorie"),
        ("werkgebiedId" = Option<uuid::Uuid>, Query, description = "Alleen arrangementen van dit werkgebied"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen arrangementen van deze school"),
        ("leerlingId" = Option<uuid::Uuid>, Query, description = "Alleen arrangementen van deze leerling"),
        ("verlenging" = Option<bool>, Query, description = "Alleen verlengingen (`true`) of alleen nieuwe arrangementen (`false`)"),
    ),
    responses((status = 200, description = "Een pagina arrangementen (of de hele lijst als CSV/XLSX)", body = ArrangementPage)),
)]
#[get("/arrangementen")]
async fn list_arrangementen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    audit::routes::listed::<Arrangement>(&state.db, &req, trail(&caller, &req), "startdatum", |q| {
        Filter {
            swv,
            schooljaar: q.schooljaar(),
            soort: q.enumeration("soort"),
            status: q.enumeration("status"),
            categorie: q.enumeration("categorie"),
            werkgebied_id: q.id("werkgebiedId"),
            school_id: q.id("schoolId"),
            leerling_id: q.id("leerlingId"),
            verlenging: q.boolean("verlenging"),
        }
    })
    .await
}

const FIGURES: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

/// De cijfers van de arrangementen van een schooljaar: per soort, nieuw en verlengd, per
/// ondersteuningscategorie, leerjaar, geslacht, trimester en werkgebied, met het jaar ervoor.
///
/// Geteld worden toegekende en beëindigde arrangementen die in het schooljaar beginnen. Met
/// `Accept: text/csv` of het XLSX-mediatype komt elk getal als een regel (indeling, sleutel, aantal).
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
/// Als CSV/XLSX krijgt een lezer een regel per getal (indeling, sleutel, aantal; `<5` waar onderdrukt).
#[utoipa::path(
    tag = "Arrangementen",
    params(("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2016-2017")),
    responses((status = 200, description = "De cijfers (of de regels als CSV/XLSX)", content(
        (ArrangementStatistieken = "application/json"),
        (String = "text/csv"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ))),
)]
#[get("/arrangementen/statistieken")]
async fn get_arrangement_statistieken(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingcijfers, Access::Read)?;
    let blik = caller.cijferblik(&[]);
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse_filters(&req, &FIGURES);
    let jaar = q.required_schooljaar();
    let q = q.finish()?;
    let s = state
        .db
        .report(move |c| statistieken::statistieken(c, swv, &jaar))
        .await?;
    figures::pupil_figures(
        blik,
        format,
        &q,
        &s,
        &s.regels(),
        "arrangementen-statistieken",
    )
}

/// Het budget van de werkgebieden in een schooljaar tegen de toegekende arrangementen: het deel
/// van elk arrangement dat naar dagen in het jaar valt, wat daarvan tot en met de peildatum is
/// besteed, het restant, de prognose voor het einde van het jaar (volgens het verloop van vorig
/// jaar), een signaal en het verloop per maand.
///
/// Gelezen door iedere gebruiker van het samenwerkingsverband (zoals de budgetten); het noemt
/// geen leerlingen. Met `Accept: text/csv` of het XLSX-mediatype een regel per werkgebied en het
/// totaal, zonder de maanden.
#[utoipa::path(
    tag = "Arrangementen",
    params(
        ("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2016-2017"),
        ("peildatum" = Option<chrono::NaiveDate>, Query, description = "Tot en met deze dag (standaard vandaag, Europe/Amsterdam); alleen arrangementen die op die dag waren toegekend tellen mee", example = "2017-03-15"),
    ),
    responses((status = 200, description = "Het budget per werkgebied (of de regels als CSV/XLSX)", content(
        (BudgetOverzicht = "application/json"),
        (String = "text/csv"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ))),
)]
#[get("/arrangementen/budget")]
async fn get_arrangement_budget(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Budgetten, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse_filters(&req, &FIGURES);
    let jaar = q.required_schooljaar();
    let peil = q.date("peildatum").unwrap_or_else(time::today);
    let q = q.finish()?;
    let b = state
        .db
        .report(move |c| budget::overzicht(c, swv, &jaar, peil))
        .await?;
    figures::figures(format, &q, &b, &b.export(), "arrangementen-budget")
}

crate::crud_routes! {
    resource: Arrangement, input: ArrangementInput, tag: "Arrangementen",
    collection: "/arrangementen", item: "/arrangementen/{id}", id: "Id van het arrangement",
    scope: |caller: &Caller, access| caller.tenant(Area::Leerlingen, access),
    create: (create_arrangement, "Een arrangement vastleggen (aangevraagd of toegekend)."),
    get: (get_arrangement, "Eén arrangement.", "Het arrangement"),
    put: (put_arrangement, "Een arrangement vervangen; de status gaat alleen vooruit."),
    patch: (patch_arrangement, "Velden van een arrangement wijzigen (JSON merge patch), bijvoorbeeld de status.", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_arrangement, "Een arrangement verwijderen (niet zolang een verlenging ernaar verwijst)."),
}
