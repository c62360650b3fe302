//! `/gemeenten`: municipalities, shared by every SWV of the installation.

use crate::org::store::gemeenten::*;
use crate::route_prelude::*;

impl Input for GemeenteInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(GemeentePage, Gemeente);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_gemeenten)
        .service(create_gemeente)
        .service(get_gemeente)
        .service(put_gemeente)
        .service(patch_gemeente)
        .service(delete_gemeente);
}

/// Gemeenten opvragen.
#[utoipa::path(
    tag = "Gemeenten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, cbsCode, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en CBS-code"),
        ("cbsCode" = Option<String>, Query, description = "Precies deze CBS-code", example = "0392"),
    ),
    responses((status = 200, description = "Een pagina gemeenten", body = GemeentePage)),
)]
#[get("/gemeenten")]
async fn list_gemeenten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    caller.require(Area::Gemeenten, Access::Read)?;
    export::listed::<Gemeente>(&state.db, &req, "naam", |q| {
        let cbs_code = q.text("cbsCode");
        if cbs_code.as_ref().is_some_and(|c| !CBS.is_match(c)) {
            q.reject("cbsCode", "moet uit 4 cijfers bestaan");
        }
        Filter {
            cbs_code,
            search: q.search_pattern(),
        }
    })
    .await
}

impl Resource for Gemeente {
    const COLLECTION: &'static str = "gemeenten";
}

crate::crud_routes! {
    resource: Gemeente, input: GemeenteInput, tag: "Gemeenten",
    collection: "/gemeenten", item: "/gemeenten/{id}", id: "Id van de gemeente",
    scope: |caller: &Caller, access| caller.require(Area::Gemeenten, access),
    create: (create_gemeente, "Een gemeente toevoegen (platformbeheerder)."),
    get: (get_gemeente, "Eén gemeente.", "De gemeente"),
    put: (put_gemeente, "Een gemeente vervangen (platformbeheerder)."),
    patch: (patch_gemeente, "Velden van een gemeente wijzigen (JSON merge patch; platformbeheerder).", "Alleen de velden die veranderen"),
    delete: (delete_gemeente, "Een gemeente verwijderen waar geen school of client naar verwijst (platformbeheerder)."),
}
