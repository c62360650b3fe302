//! `/portefeuilles`: standing themes held by one or more consulenten, each with a yearly plan,
//! linked to the ambities they serve.

use crate::planning::store::portefeuilles::*;
use crate::route_prelude::*;

impl Input for PortefeuilleInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(PortefeuillePage, Portefeuille);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_portefeuilles)
        .service(create_portefeuille)
        .service(get_portefeuille)
        .service(put_portefeuille)
        .service(patch_portefeuille)
        .service(delete_portefeuille);
}

/// De portefeuilles van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Portefeuilles",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: naam, createdAt, updatedAt", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in de naam"),
        ("eigenaarId" = Option<uuid::Uuid>, Query, description = "Alleen de portefeuilles die deze gebruiker houdt"),
        ("ambitieId" = Option<uuid::Uuid>, Query, description = "Alleen de portefeuilles die aan deze ambitie bijdragen"),
    ),
    responses((status = 200, description = "Een pagina portefeuilles (of de hele lijst als CSV/XLSX)", body = PortefeuillePage)),
)]
#[get("/portefeuilles")]
async fn list_portefeuilles(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Planstructuur, Access::Read)?;
    export::listed::<Portefeuille>(&state.db, &req, "naam", |q| Filter {
        swv,
        eigenaar_id: q.id("eigenaarId"),
        ambitie_id: q.id("ambitieId"),
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Portefeuille {
    const COLLECTION: &'static str = "portefeuilles";
}

crate::crud_routes! {
    resource: Portefeuille, input: PortefeuilleInput, tag: "Portefeuilles",
    collection: "/portefeuilles", item: "/portefeuilles/{id}", id: "Id van de portefeuille",
    scope: |caller: &Caller, access| caller.tenant(Area::Planstructuur, access),
    create: (create_portefeuille, "Een portefeuille toevoegen."),
    get: (get_portefeuille, "Eén portefeuille.", "De portefeuille"),
    put: (put_portefeuille, "Een portefeuille vervangen."),
    patch: (patch_portefeuille, "Velden van een portefeuille wijzigen (JSON merge patch).", "Alleen de velden die veranderen; een lijst vervangt de hele lijst"),
    delete: (delete_portefeuille, "Een portefeuille zonder activiteiten en projecten verwijderen."),
}
