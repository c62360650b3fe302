//! `/auditregels`: who saw or changed which pupils (beheerder). Reading the trail is not itself
//! audited, and the trail has no write operations: other methods answer `405`.

use crate::route_prelude::*;

use super::store::{self, Auditregel, Filter};
use super::{AboutPupils, Actie, Trail};
use crate::auth::Principal;
use crate::listing::Listed;

page_schema!(AuditregelPage, Auditregel);

page_schema!(WerkItemPage, crate::domain::werk::WerkItem);

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

/// Runs `work` in one transaction with the audit entry of its answer, naming the answer's
/// pupils: what leaves or changes is recorded, or nothing happens (`503`). `403` for a caller
/// without a trail.
pub async fn audited<T, F>(
    db: &crate::db::Db,
    trail: Option<Trail>,
    actie: Actie,
    work: F,
) -> Result<T, ApiError>
where
    T: AboutPupils + Send + 'static,
    F: FnOnce(&mut crate::db::DbConn) -> Result<T, ApiError> + Send + 'static,
{
    let trail =
        trail.ok_or_else(|| ApiError::forbidden("U heeft geen toegang tot leerlinggegevens."))?;
    db.write(move |c| {
        let answer = work(c)?;
        super::record(c, &trail, actie, &answer.pupils())?;
        Ok(answer)
    })
    .await
}

/// Reads a pupil-level record of the caller's SWV (for one of its parts), with its audit entry;
/// `find` gets the SWV.
pub async fn read_pupil_record<T, F>(
    db: &crate::db::Db,
    caller: &Caller,
    req: &HttpRequest,
    find: F,
) -> Result<T, ApiError>
where
    T: AboutPupils + Send + 'static,
    F: FnOnce(&mut crate::db::DbConn, crate::db::Id) -> Result<T, ApiError> + Send + 'static,
{
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    audited(db, trail(caller, req), Actie::Lezen, move |c| find(c, swv)).await
}

/// One page of a worklist, naming the pupils it shows.
struct Pagina(Vec<crate::domain::werk::WerkItem>, i64);

impl AboutPupils for Pagina {
    fn pupils(&self) -> Vec<crate::db::Id> {
        self.0.iter().filter_map(|i| i.leerling_id).collect()
    }
}

/// Answers a worklist (`sort=datum` or `-datum`): the items `make` finds, read in the
/// transaction that writes the audit entry naming the pupils of the page (or of the whole
/// export).
pub async fn worklist<F>(
    db: &crate::db::Db,
    req: &HttpRequest,
    trail: Option<Trail>,
    mut q: ListQuery,
    name: &'static str,
    make: F,
) -> Result<HttpResponse, ApiError>
where
    F: FnOnce(&mut crate::db::DbConn) -> Result<Vec<crate::domain::werk::WerkItem>, ApiError>
        + Send
        + 'static,
{
    let format = Format::negotiate(req)?;
    let laatste_eerst = q.sort.first().is_some_and(|k| k.descending);
    q = q.finish()?;
    let (limit, offset, json) = (q.page_size as usize, q.offset() as usize, format.is_json());
    let actie = if json {
        Actie::Lezen
    } else {
        Actie::Exporteren
    };
    let Pagina(items, total) = audited(db, trail, actie, move |c| {
        let mut all = make(c)?;
        if laatste_eerst {
            all.reverse();
        }
        let total = all.len() as i64;
        let shown = if json {
            all.into_iter().skip(offset).take(limit).collect()
        } else {
            all
        };
        Ok(Pagina(shown, total))
    })
    .await?;
    export::respond(format, &q, &items, total, name, &[])
}

/// Answers a list of pupil-level records like [`export::listed`], with its audit entry: the page, or
/// the whole export, is read in the transaction that writes the entry naming every pupil in it,
/// so nothing leaves unrecorded (a failed entry is a `503`). Exports are therefore read whole
/// before the first byte is sent, not streamed.
pub async fn listed<T>(
    db: &crate::db::Db,
    req: &HttpRequest,
    trail: Option<Trail>,
    default_sort: &'static str,
    filter: impl FnOnce(&mut ListQuery) -> T::Filter,
) -> Result<HttpResponse, ApiError>
where
    T: Listed + AboutPupils + serde::Serialize + utoipa::PartialSchema,
{
    let trail =
        trail.ok_or_else(|| ApiError::forbidden("U heeft geen toegang tot leerlinggegevens."))?;
    let format = Format::negotiate(req)?;
    let spec = ListSpec {
        sorts: T::SORTS,
        default_sort,
    };
    let mut q = ListQuery::parse(req, &spec);
    let filter = filter(&mut q);
    let q = q.finish()?;
    let sort = q.sort.clone();
    let (limit, offset) = (q.page_size, q.offset());
    let json = format.is_json();
    let (items, total) = db
        .write(move |c| {
            let total = T::count(c, &filter)?;
            let items = if json {
                T::page(c, &filter, &sort, limit, offset)?
            } else {
                let mut all = Vec::new();
                loop {
                    let chunk = T::page(c, &filter, &sort, export::CHUNK, all.len() as i64)?;
                    let done = (chunk.len() as i64) < export::CHUNK;
                    all.extend(chunk);
                    if done {
                        break all;
                    }
                }
            };
            let pupils: Vec<crate::db::Id> = items.iter().flat_map(AboutPupils::pupils).collect();
            let actie = if json {
                Actie::Lezen
            } else {
                Actie::Exporteren
            };
            super::record(c, &trail, actie, &pupils)?;
            Ok((items, total))
        })
        .await?;
    export::respond(format, &q, &items, total, T::NAME, &[])
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
