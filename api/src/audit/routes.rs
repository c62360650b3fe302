//! `/auditregels`: who saw or changed which pupils (beheerder). Reading the trail is not itself
//! audited, and the trail has no write operations: other methods answer `405`.

use crate::route_prelude::*;

use super::store::{self, Auditregel, Filter};
use super::Trail;
use crate::auth::Principal;

page_schema!(AuditregelPage, Auditregel);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_auditregels).service(get_auditregel);
}

/// The audit context of a request: the user, the SWV and the path with its query. `None` for
/// callers that never reach pupil-level data (clients, users without an SWV).
pub fn trail(caller: &Caller, req: &HttpRequest) -> Option<Trail> {
    let Principal::Gebruiker { id, .. } = caller.principal else {
        return None;
    };
    let path = req.path();
    let path = path.strip_prefix("/api/v1").unwrap_or(path);
    let pad = match req.query_string() {
        "" => path.to_string(),
        q => format!("{path}?{q}"),
    };
    Some(Trail {
        swv: caller.swv?,
        gebruiker_id: id,
        pad,
    })
}

/// Wie heeft welke leerlinggegevens gelezen, geëxporteerd of gewijzigd (nieuwste eerst).
#[utoipa::path(
    tag = "Audit",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "`-tijdstip` (standaard, nieuwste eerst) of `tijdstip`", example = "-tijdstip"),
        ("leerlingId" = Option<uuid::Uuid>, Query, description = "Alleen regels die deze leerling noemen"),
        ("gebruikerId" = Option<uuid::Uuid>, Query, description = "Alleen regels van deze gebruiker"),
        ("van" = Option<chrono::NaiveDate>, Query, description = "Vanaf deze dag (inclusief, Europe/Amsterdam)"),
        ("tot" = Option<chrono::NaiveDate>, Query, description = "Tot en met deze dag (Europe/Amsterdam)"),
    ),
    responses((status = 200, description = "Een pagina auditregels (of de hele lijst als CSV/XLSX)", body = AuditregelPage)),
)]
#[get("/auditregels")]
async fn list_auditregels(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Auditregels, Access::Read)?;
    export::listed::<Auditregel>(&state.db, &req, "-tijdstip", |q| {
        let f = Filter {
            swv,
            leerling_id: q.id("leerlingId"),
            gebruiker_id: q.id("gebruikerId"),
            van: q.date("van"),
            tot: q.date("tot"),
        };
        if let (Some(v), Some(t)) = (f.van, f.tot) {
            if t < v {
                q.reject("tot", "ligt voor van");
            }
        }
        f
    })
    .await
}

/// Eén auditregel.
#[utoipa::path(
    tag = "Audit",
    params(("id" = uuid::Uuid, Path, description = "Id van de auditregel")),
    responses((status = 200, description = "De auditregel", body = Auditregel)),
)]
#[get("/auditregels/{id}")]
async fn get_auditregel(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<web::Json<Auditregel>, ApiError> {
    let swv = caller.tenant(Area::Auditregels, Access::Read)?;
    let id = id.into_inner();
    Ok(web::Json(
        state.db.read(move |c| store::find(c, swv, id)).await?,
    ))
}
