//! `GET /scholen/{id}/kerncijfers`: what the SWV did with one school in a school year.

use crate::route_prelude::*;

use crate::schoolcontacten::store::kerncijfers::{self, SchoolKerncijfers};

const FILTERS: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

/// De kerncijfers van één school in een schooljaar: contacten, arrangementen, MDO's, TLV-aanvragen,
/// open thuiszittersdossiers en bijgewoonde bijeenkomsten. Alleen aantallen, geen leerlingen.
#[utoipa::path(
    tag = "Schoolcontacten",
    params(
        ("id" = uuid::Uuid, Path, description = "Id van de school"),
        ("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2026-2027"),
    ),
    responses((status = 200, description = "De kerncijfers", body = SchoolKerncijfers)),
)]
#[get("/scholen/{id}/kerncijfers")]
async fn get_school_kerncijfers(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Schoolcontacten, Access::Read)?;
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let jaar = q.required_schooljaar();
    // A school outside the SWV is not found, whatever the query says.
    let invalid = q.finish().err();
    let school = id.into_inner();
    let k = state
        .db
        .report(move |c| {
            kerncijfers::school_of(c, swv, school)?;
            match &invalid {
                Some(e) => Err(e.clone()),
                None => kerncijfers::kerncijfers(c, swv, school, &jaar),
            }
        })
        .await?;
    Ok(HttpResponse::Ok().json(k))
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_school_kerncijfers);
}
