//! `/projecten/{id}/voortgang`: the progress reports of a project.

use crate::planning::store::voortgang::*;
use crate::planning::store::Signaal;
use crate::route_prelude::*;
use crate::schema::voortgangsverslagen;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_voortgang)
        .service(create_voortgang)
        .service(get_voortgang)
        .service(delete_voortgang);
}

impl Input for VoortgangInput {}

page_schema!(VoortgangPage, Voortgang);

/// De voortgangsverslagen van een project opvragen (nieuwste eerst).
#[utoipa::path(
    tag = "Projecten",
    params(
        ("id" = uuid::Uuid, Path, description = "Id van het project"),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: datum, createdAt, updatedAt", example = "-datum"),
        ("signaal" = Option<Signaal>, Query, description = "Alleen verslagen met dit signaal"),
    ),
    responses((status = 200, description = "Een pagina voortgangsverslagen (of de hele lijst als CSV/XLSX)", body = VoortgangPage)),
)]
#[get("/projecten/{id}/voortgang")]
async fn list_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let project = id.into_inner();
    export::listed::<Voortgang>(&state.db, &req, "-datum", |q| VoortgangFilter {
        swv,
        project,
        signaal: q.enumeration("signaal"),
    })
    .await
}

/// Een voortgangsverslag bij een project vastleggen.
#[utoipa::path(
    tag = "Projecten",
    params(("id" = uuid::Uuid, Path, description = "Id van het project")),
    request_body = VoortgangInput,
    responses((status = 201, description = "Vastgelegd", body = Voortgang)),
)]
#[post("/projecten/{id}/voortgang")]
async fn create_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<VoortgangInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let project = id.into_inner();
    let v = state
        .db
        .write(move |c| {
            // An unknown project is a 404 before anything is said about the body.
            project_exists(c, swv, project)?;
            let input = body.decode()?;
            let id = Id::new();
            let now = time::now();
            diesel::insert_into(voortgangsverslagen::table)
                .values((
                    voortgangsverslagen::id.eq(id),
                    voortgangsverslagen::samenwerkingsverband_id.eq(swv),
                    voortgangsverslagen::project_id.eq(project),
                    voortgangsverslagen::datum.eq(input.datum),
                    voortgangsverslagen::toelichting.eq(input.toelichting.trim()),
                    voortgangsverslagen::signaal.eq(input.signaal),
                    voortgangsverslagen::created_at.eq(now),
                    voortgangsverslagen::updated_at.eq(now),
                    voortgangsverslagen::versie.eq(1),
                ))
                .execute(c)?;
            find_voortgang(c, swv, project, id)
        })
        .await?;
    Ok(resource::created(
        &format!("projecten/{project}/voortgang"),
        v.id,
        v.versie,
        &v,
    ))
}

/// Eén voortgangsverslag van een project.
#[utoipa::path(
    tag = "Projecten",
    params(("id" = uuid::Uuid, Path, description = "Id van het project"), ("voortgangId" = uuid::Uuid, Path, description = "Id van het voortgangsverslag")),
    responses((status = 200, description = "Het voortgangsverslag", body = Voortgang)),
)]
#[get("/projecten/{id}/voortgang/{voortgangId}")]
async fn get_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let (project, id) = path.into_inner();
    let v = state
        .db
        .read(move |c| find_voortgang(c, swv, project, id))
        .await?;
    Ok(resource::ok(v.versie, &v))
}

/// Een voortgangsverslag van een project verwijderen.
#[utoipa::path(
    tag = "Projecten",
    params(("id" = uuid::Uuid, Path, description = "Id van het project"), ("voortgangId" = uuid::Uuid, Path, description = "Id van het voortgangsverslag"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/projecten/{id}/voortgang/{voortgangId}")]
async fn delete_voortgang(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let (project, id) = path.into_inner();
    let expect = if_match.0;
    state
        .db
        .write(move |c| {
            let current = find_voortgang(c, swv, project, id)?;
            expect.check(current.versie)?;
            let n = diesel::delete(
                voortgangsverslagen::table
                    .filter(voortgangsverslagen::id.eq(current.id))
                    .filter(voortgangsverslagen::versie.eq(current.versie)),
            )
            .execute(c)?;
            if n == 0 {
                return Err(ApiError::precondition_failed());
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
