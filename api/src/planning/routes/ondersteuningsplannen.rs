//! `/ondersteuningsplannen`: the SWV's four-year plans, each holding its ambities.

use crate::planning::store::ondersteuningsplannen::*;
use crate::route_prelude::*;

impl Input for OndersteuningsplanInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.titel);
    }
}

page_schema!(OndersteuningsplanPage, Ondersteuningsplan);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_ondersteuningsplannen)
        .service(create_ondersteuningsplan)
        .service(get_ondersteuningsplan)
        .service(put_ondersteuningsplan)
        .service(patch_ondersteuningsplan)
        .service(delete_ondersteuningsplan);
}

/// De ondersteuningsplannen van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Ondersteuningsplannen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: titel, vanJaar, totJaar, createdAt, updatedAt", example = "-vanJaar"),
        ("q" = Option<String>, Query, description = "Zoekt in de titel"),
    ),
    responses((status = 200, description = "Een pagina ondersteuningsplannen (of de hele lijst als CSV/XLSX)", body = OndersteuningsplanPage)),
)]
#[get("/ondersteuningsplannen")]
async fn list_ondersteuningsplannen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Planstructuur, Access::Read)?;
    export::listed::<Ondersteuningsplan>(&state.db, &req, "vanJaar", |q| Search {
        swv,
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Ondersteuningsplan {
    const COLLECTION: &'static str = "ondersteuningsplannen";
}

crate::crud_routes! {
    resource: Ondersteuningsplan, input: OndersteuningsplanInput, tag: "Ondersteuningsplannen",
    collection: "/ondersteuningsplannen", item: "/ondersteuningsplannen/{id}", id: "Id van het ondersteuningsplan",
    scope: |caller: &Caller, access| caller.tenant(Area::Planstructuur, access),
    create: (create_ondersteuningsplan, "Een ondersteuningsplan toevoegen."),
    get: (get_ondersteuningsplan, "Eén ondersteuningsplan.", "Het ondersteuningsplan"),
    put: (put_ondersteuningsplan, "Een ondersteuningsplan vervangen."),
    patch: (patch_ondersteuningsplan, "Velden van een ondersteuningsplan wijzigen (JSON merge patch).", "Alleen de velden die veranderen"),
    delete: (delete_ondersteuningsplan, "Een ondersteuningsplan zonder ambities en activiteitenplannen verwijderen."),
}
