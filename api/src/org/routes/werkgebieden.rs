//! `/werkgebieden`: sub-regions of the SWV, each with its own schools (and later budget).

use crate::org::store::werkgebieden::*;
use crate::route_prelude::*;

impl Input for WerkgebiedInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(WerkgebiedPage, Werkgebied);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_werkgebieden)
        .service(create_werkgebied)
        .service(get_werkgebied)
        .service(put_werkgebied)
        .service(patch_werkgebied)
        .service(delete_werkgebied);
}

/// De werkgebieden van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Werkgebieden",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in de naam"),
    ),
    responses((status = 200, description = "Een pagina werkgebieden", body = WerkgebiedPage)),
)]
#[get("/werkgebieden")]
async fn list_werkgebieden(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Read)?;
    export::listed::<Werkgebied>(&state.db, &req, "naam", |q| Search {
        swv,
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Werkgebied {
    const COLLECTION: &'static str = "werkgebieden";
}

crate::crud_routes! {
    resource: Werkgebied, input: WerkgebiedInput, tag: "Werkgebieden",
    collection: "/werkgebieden", item: "/werkgebieden/{id}", id: "Id van het werkgebied",
    scope: |caller: &Caller, access| caller.tenant(Area::Organisatie, access),
    create: (create_werkgebied, "Een werkgebied toevoegen."),
    get: (get_werkgebied, "Eén werkgebied.", "Het werkgebied"),
    put: (put_werkgebied, "Een werkgebied vervangen."),
    patch: (patch_werkgebied, "Velden van een werkgebied wijzigen (JSON merge patch).", "Alleen de velden die veranderen"),
    delete: (delete_werkgebied, "Een werkgebied zonder scholen verwijderen."),
}
