//! `/ambities`: the ambitions of an ondersteuningsplan, numbered within their plan.

use crate::planning::store::ambities::*;
use crate::route_prelude::*;

impl Input for AmbitieInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.titel);
    }
}

page_schema!(AmbitiePage, Ambitie);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_ambities)
        .service(create_ambitie)
        .service(get_ambitie)
        .service(put_ambitie)
        .service(patch_ambitie)
        .service(delete_ambitie);
}

/// De ambities opvragen, bijvoorbeeld die van één ondersteuningsplan.
#[utoipa::path(
    tag = "Ambities",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: nummer, titel, createdAt, updatedAt", example = "nummer"),
        ("q" = Option<String>, Query, description = "Zoekt in titel en doelstelling"),
        ("ondersteuningsplanId" = Option<uuid::Uuid>, Query, description = "Alleen de ambities van dit ondersteuningsplan"),
    ),
    responses((status = 200, description = "Een pagina ambities (of de hele lijst als CSV/XLSX)", body = AmbitiePage)),
)]
#[get("/ambities")]
async fn list_ambities(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Planstructuur, Access::Read)?;
    export::listed::<Ambitie>(&state.db, &req, "nummer", |q| Filter {
        swv,
        ondersteuningsplan_id: q.id("ondersteuningsplanId"),
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Ambitie {
    const COLLECTION: &'static str = "ambities";
}

crate::crud_routes! {
    resource: Ambitie, input: AmbitieInput, tag: "Ambities",
    collection: "/ambities", item: "/ambities/{id}", id: "Id van de ambitie",
    scope: |caller: &Caller, access| caller.tenant(Area::Planstructuur, access),
    create: (create_ambitie, "Een ambitie aan een ondersteuningsplan toevoegen."),
    get: (get_ambitie, "Eén ambitie.", "De ambitie"),
    put: (put_ambitie, "Een ambitie vervangen."),
    patch: (patch_ambitie, "Velden van een ambitie wijzigen (JSON merge patch).", "Alleen de velden die veranderen"),
    delete: (delete_ambitie, "Een ambitie zonder activiteiten, portefeuilles en projecten verwijderen."),
}
