//! `/scholen`: school locations of the SWV.

use crate::route_prelude::*;

use crate::org::store::scholen::{Filter, Reachable, School, SchoolInput, SchoolSoort};

impl Input for SchoolInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

impl Resource for School {
    const COLLECTION: &'static str = "scholen";
}

page_schema!(SchoolPage, School);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_scholen)
        .service(create_school)
        .service(get_school)
        .service(put_school)
        .service(patch_school)
        .service(delete_school);
}

/// De scholen van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Scholen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: naam, brin, soort, leerlingaantal, createdAt, updatedAt", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en BRIN"),
        ("soort" = Option<SchoolSoort>, Query, description = "Alleen scholen van deze soort"),
        ("schoolbestuurId" = Option<uuid::Uuid>, Query, description = "Alleen scholen van dit schoolbestuur"),
        ("gemeenteId" = Option<uuid::Uuid>, Query, description = "Alleen scholen in deze gemeente"),
        ("werkgebiedId" = Option<uuid::Uuid>, Query, description = "Alleen scholen in dit werkgebied"),
        ("consulentId" = Option<uuid::Uuid>, Query, description = "Alleen de scholen van deze consulent (\"mijn scholen\")"),
    ),
    responses((status = 200, description = "Een pagina scholen (of de hele lijst als CSV/XLSX)", body = SchoolPage)),
)]
#[get("/scholen")]
async fn list_scholen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Read)?;
    let reach = caller.reach();
    export::listed::<School>(&state.db, &req, "naam", |q| Filter {
        swv,
        reach,
        soort: q.enumeration("soort"),
        schoolbestuur_id: q.id("schoolbestuurId"),
        gemeente_id: q.id("gemeenteId"),
        werkgebied_id: q.id("werkgebiedId"),
        consulent_id: q.id("consulentId"),
        search: q.search_pattern(),
    })
    .await
}

crate::crud_routes! {
    resource: School, input: SchoolInput, tag: "Scholen",
    collection: "/scholen", item: "/scholen/{id}", id: "Id van de school",
    scope: |caller: &Caller, access| Ok::<_, ApiError>(Reachable {
        swv: caller.tenant(Area::Organisatie, access)?,
        reach: caller.reach(),
    }),
    create: (create_school, "Een school toevoegen."),
    get: (get_school, "Eén school.", "De school"),
    put: (put_school, "Een school vervangen."),
    patch: (patch_school, "Velden van een school wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_school, "Een school verwijderen."),
}
