//! The figures of meetings: turnout of one meeting against its target, the statistics of a
//! school year per kind, per schoolbestuur and per function, and the reach over the schools.
//! Everything is counted in SQL (grouped queries); Rust only rolls schools up to their boards.

use crate::bijeenkomsten::store::bereik::*;
use crate::bijeenkomsten::store::cijfers::*;
use crate::bijeenkomsten::store::records;
use crate::bijeenkomsten::store::BijeenkomstSoort;
use crate::route_prelude::*;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_statistieken)
        .service(get_bereik)
        .service(get_opkomst);
}

/// De opkomst van een bijeenkomst, tegen haar streef, per schoolbestuur en per functie.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    responses((status = 200, description = "De opkomst", body = Opkomst)),
)]
#[get("/bijeenkomsten/{id}/opkomst")]
async fn get_opkomst(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    let reach = caller.reach();
    let id = id.into_inner();
    let o = state
        .db
        .read(move |c| {
            let meeting = records::find_row(c, swv, id)?;
            opkomst(c, &meeting, &reach, time::now())
        })
        .await?;
    Ok(HttpResponse::Ok().json(o))
}

const FIGURES_SPEC: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

/// `schooljaar` (required) and `soort` of a figures request.
fn year_and_kind(req: &HttpRequest) -> Result<(String, Option<BijeenkomstSoort>), ApiError> {
    let mut q = ListQuery::parse_filters(req, &FIGURES_SPEC);
    let jaar = q.schooljaar();
    let soort = q.enumeration("soort");
    if q.text("schooljaar").is_none() {
        q.reject("schooljaar", "is verplicht");
    }
    q.finish()?;
    Ok((jaar.unwrap_or_default(), soort))
}

/// De cijfers van de bijeenkomsten van een schooljaar: per soort tegen de streef, per schoolbestuur en per functie.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(
        ("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2022-2023"),
        ("soort" = Option<BijeenkomstSoort>, Query, description = "Alleen deze soort bijeenkomsten"),
    ),
    responses((status = 200, description = "De cijfers", body = Statistieken)),
)]
#[get("/bijeenkomsten/statistieken")]
async fn get_statistieken(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    let (jaar, soort) = year_and_kind(&req)?;
    let reach = caller.reach();
    let s = state
        .db
        .report(move |c| statistieken(c, swv, &jaar, soort, &reach, time::now()))
        .await?;
    Ok(HttpResponse::Ok().json(s))
}

/// Het bereik van de bijeenkomsten van een schooljaar: aanwezigen per school en per schoolbestuur, en de scholen zonder deelname.
///
/// Met `Accept: text/csv` of het XLSX-mediatype komt de lijst `scholen` (ook die zonder deelname) als download.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(
        ("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2022-2023"),
        ("soort" = Option<BijeenkomstSoort>, Query, description = "Alleen deze soort bijeenkomsten"),
    ),
    responses((status = 200, description = "Het bereik (of de scholen als CSV/XLSX)", content(
        (Bereik = "application/json"),
        (String = "text/csv"),
        (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ))),
)]
#[get("/bijeenkomsten/bereik")]
async fn get_bereik(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let (jaar, soort) = year_and_kind(&req)?;
    let reach = caller.reach();
    let b = state
        .db
        .report(move |c| bereik(c, swv, &jaar, soort, &reach))
        .await?;
    if format.is_json() {
        return Ok(HttpResponse::Ok().json(b));
    }
    let q = ListQuery::parse_filters(&req, &FIGURES_SPEC);
    let total = b.scholen.len() as i64;
    export::respond(format, &q, &b.scholen, total, "bereik", &[])
}
