//! `/mdos`: every read and change is audited; lezers, the platformbeheerder and clients get `403`.

use crate::route_prelude::*;

use crate::audit::{self, routes::trail};
use crate::mdos::store::statistieken::{self, MdoStatistieken};
use crate::mdos::store::{Filter, Mdo, MdoInput};

impl Input for MdoInput {
    /// Derived by Koers; sent back unchanged they are ignored.
    fn read_only() -> &'static [&'static str] {
        &["schooljaar"]
    }
}

impl Resource for Mdo {
    const COLLECTION: &'static str = "mdos";
    const AUDITED: bool = true;

    fn pupils(&self) -> Vec<Id> {
        self.leerling_id.into_iter().collect()
    }
}

page_schema!(MdoPage, Mdo);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Before `/mdos/{id}`, which would take `statistieken` for an id.
    cfg.service(get_mdo_statistieken)
        .service(list_mdos)
        .service(create_mdo)
        .service(get_mdo)
        .service(put_mdo)
        .service(patch_mdo)
        .service(delete_mdo);
}

/// De MDO's van het samenwerkingsverband opvragen (wordt vastgelegd in de audit).
#[utoipa::path(
    tag = "MDO",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: datum, ondersteuningsniveau, createdAt, updatedAt; `-` voor aflopend", example = "-datum"),
        ("schooljaar" = Option<String>, Query, description = "Alleen MDO's in dit schooljaar", example = "2016-2017"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen MDO's op deze school"),
        ("leerlingId" = Option<uuid::Uuid>, Query, description = "Alleen MDO's over deze leerling"),
        ("ondersteuningsniveau" = Option<i32>, Query, description = "Alleen MDO's op dit niveau (1-4)", minimum = 1, maximum = 4),
    ),
    responses((status = 200, description = "Een pagina MDO's (of de hele lijst als CSV/XLSX)", body = MdoPage)),
)]
#[get("/mdos")]
async fn list_mdos(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    audit::routes::listed::<Mdo>(&state.db, &req, trail(&caller, &req), "datum", |q| {
        let niveau = q.text("ondersteuningsniveau");
        let ondersteuningsniveau = match niveau.as_deref().map(str::parse::<i32>) {
            None => None,
            Some(Ok(n)) if (1..=4).contains(&n) => Some(n),
            Some(_) => {
                q.reject("ondersteuningsniveau", "moet 1, 2, 3 of 4 zijn");
                None
            }
        };
        Filter {
            swv,
            schooljaar: q.schooljaar(),
            school_id: q.id("schoolId"),
            leerling_id: q.id("leerlingId"),
            ondersteuningsniveau,
        }
    })
    .await
}

const FIGURES: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

/// De cijfers van de MDO's van een schooljaar: per trimester, niveau en uitkomst, met een
/// consulent erbij, en per werkgebied (ook per 100 leerlingen), met het jaar ervoor.
///
/// Met `Accept: text/csv` of het XLSX-mediatype komt elk getal als een regel (indeling, sleutel, aantal).
///
/// Een `lezer` krijgt hetzelfde antwoord met elk aantal kinderen als `{"waarde": n}`, of als
/// `{"waarde": null, "onderdrukt": true}` bij 1 tot en met 4 en waar het uit getoonde cellen
/// af te leiden zou zijn; een percentage, gemiddelde of mediaan naast een onderdrukt aantal is
/// leeg.
/// Als CSV/XLSX krijgt een lezer een regel per getal (indeling, sleutel, aantal; `<5` waar onderdrukt).
#[utoipa::path(
    tag = "MDO",
    params(("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2016-2017")),
    responses((status = 200, description = "De cijfers (of de regels als CSV/XLSX)", content(
        (MdoStatistieken = "application/json"),
        (String = "text/csv"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ))),
)]
#[get("/mdos/statistieken")]
async fn get_mdo_statistieken(
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
    figures::pupil_figures(blik, format, &q, &s, &s.regels(), "mdo-statistieken")
}

crate::crud_routes! {
    resource: Mdo, input: MdoInput, tag: "MDO",
    collection: "/mdos", item: "/mdos/{id}", id: "Id van het MDO",
    scope: |caller: &Caller, access| caller.tenant(Area::Leerlingen, access),
    create: (create_mdo, "Een MDO vastleggen."),
    get: (get_mdo, "Eén MDO.", "Het MDO"),
    put: (put_mdo, "Een MDO vervangen."),
    patch: (patch_mdo, "Velden van een MDO wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_mdo, "Een MDO verwijderen."),
}
