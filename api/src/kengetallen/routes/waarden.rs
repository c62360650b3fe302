//! `/kengetallen/{id}/waarden`: the values of a KPI per school year, under their KPI.

use crate::kengetallen::store::waarden::{Filter, KengetalWaarde, KengetalWaardeInput};
use crate::route_prelude::*;
use crate::store;

impl Input for KengetalWaardeInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.toelichting);
    }
}

impl Resource for KengetalWaarde {
    const COLLECTION: &'static str = "kengetal-waarden";
}

page_schema!(KengetalWaardePage, KengetalWaarde);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_waarden)
        .service(create_waarde)
        .service(get_waarde)
        .service(put_waarde)
        .service(patch_waarde)
        .service(delete_waarde);
}

/// De waarden van een kengetal per schooljaar opvragen.
#[utoipa::path(
    tag = "Kengetallen",
    params(
        ("id" = uuid::Uuid, Path, description = "Id van het kengetal"),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: schooljaar, createdAt, updatedAt; `-` voor aflopend", example = "-schooljaar"),
        ("schooljaar" = Option<String>, Query, description = "Alleen de waarde van dit schooljaar", example = "2022-2023"),
    ),
    responses((status = 200, description = "Een pagina waarden (of de hele lijst als CSV/XLSX)", body = KengetalWaardePage)),
)]
#[get("/kengetallen/{id}/waarden")]
async fn list_waarden(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Read)?;
    let kengetal = id.into_inner();
    export::listed::<KengetalWaarde>(&state.db, &req, "-schooljaar", |q| Filter {
        swv,
        kengetal,
        schooljaar: q.schooljaar(),
    })
    .await
}

/// De waarde van een kengetal in een schooljaar vastleggen (een handmatig kengetal) of een
/// toelichting bij een berekend kengetal.
#[utoipa::path(
    tag = "Kengetallen",
    params(("id" = uuid::Uuid, Path, description = "Id van het kengetal")),
    request_body = KengetalWaardeInput,
    responses((status = 201, description = "Vastgelegd", body = KengetalWaarde)),
)]
#[post("/kengetallen/{id}/waarden")]
async fn create_waarde(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<KengetalWaardeInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Write)?;
    let kengetal = id.into_inner();
    let w = state
        .db
        .write(move |c| {
            // An unknown KPI is a 404 before anything is said about the body.
            crate::kengetallen::store::waarden::kengetal(c, (swv, kengetal))?;
            store::create::<KengetalWaarde>(c, (swv, kengetal), &body.decode()?)
        })
        .await?;
    Ok(resource::created(
        &format!("kengetallen/{kengetal}/waarden"),
        w.id,
        w.versie,
        &w,
    ))
}

/// Eén waarde van een kengetal.
#[utoipa::path(
    tag = "Kengetallen",
    params(("id" = uuid::Uuid, Path, description = "Id van het kengetal"), ("waardeId" = uuid::Uuid, Path, description = "Id van de waarde")),
    responses((status = 200, description = "De waarde", body = KengetalWaarde)),
)]
#[get("/kengetallen/{id}/waarden/{waardeId}")]
async fn get_waarde(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Id, Id)>,
) -> Result<resource::Current<KengetalWaarde>, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Read)?;
    let (kengetal, id) = path.into_inner();
    resource::get::<KengetalWaarde>(&state, (swv, kengetal), None, id).await
}

/// Een waarde van een kengetal vervangen.
#[utoipa::path(
    tag = "Kengetallen",
    params(("id" = uuid::Uuid, Path, description = "Id van het kengetal"), ("waardeId" = uuid::Uuid, Path, description = "Id van de waarde"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body = KengetalWaardeInput,
    responses((status = 200, description = "Bijgewerkt", body = KengetalWaarde)),
)]
#[put("/kengetallen/{id}/waarden/{waardeId}")]
async fn put_waarde(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: resource::IfMatch,
    path: web::Path<(Id, Id)>,
    body: JsonBody<KengetalWaardeInput>,
) -> Result<resource::Current<KengetalWaarde>, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Write)?;
    let (kengetal, id) = path.into_inner();
    resource::replace::<KengetalWaarde>(
        &state,
        (swv, kengetal),
        None,
        id,
        if_match.0,
        body.decode()?,
    )
    .await
}

/// Velden van een waarde wijzigen (JSON merge patch).
#[utoipa::path(
    tag = "Kengetallen",
    params(("id" = uuid::Uuid, Path, description = "Id van het kengetal"), ("waardeId" = uuid::Uuid, Path, description = "Id van de waarde"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = KengetalWaardeInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen; `null` wist een veld"),
    responses((status = 200, description = "Bijgewerkt", body = KengetalWaarde)),
)]
#[patch("/kengetallen/{id}/waarden/{waardeId}")]
async fn patch_waarde(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: resource::IfMatch,
    path: web::Path<(Id, Id)>,
    patch: MergePatch,
) -> Result<resource::Current<KengetalWaarde>, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Write)?;
    let (kengetal, id) = path.into_inner();
    resource::patch::<KengetalWaarde>(&state, (swv, kengetal), None, id, if_match.0, patch).await
}

/// Een waarde van een kengetal verwijderen.
#[utoipa::path(
    tag = "Kengetallen",
    params(("id" = uuid::Uuid, Path, description = "Id van het kengetal"), ("waardeId" = uuid::Uuid, Path, description = "Id van de waarde"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/kengetallen/{id}/waarden/{waardeId}")]
async fn delete_waarde(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: resource::IfMatch,
    path: web::Path<(Id, Id)>,
) -> Result<resource::Deleted, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Write)?;
    let (kengetal, id) = path.into_inner();
    resource::delete::<KengetalWaarde>(&state, (swv, kengetal), None, id, if_match.0).await
}
