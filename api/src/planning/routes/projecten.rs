//! `/projecten`: time-bound work with funding, partners and participating schools, and its
//! progress reports (`/projecten/{id}/voortgang`).

use crate::planning::store::projecten::*;
use crate::route_prelude::*;

impl Input for ProjectInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(ProjectPage, Project);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_projecten)
        .service(create_project)
        .service(get_project)
        .service(put_project)
        .service(patch_project)
        .service(delete_project);
}

/// De projecten van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Projecten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: naam, status, startdatum, einddatum, createdAt, updatedAt", example = "einddatum"),
        ("q" = Option<String>, Query, description = "Zoekt in de naam"),
        ("portefeuilleId" = Option<uuid::Uuid>, Query, description = "Alleen de projecten van deze portefeuille"),
        ("ambitieId" = Option<uuid::Uuid>, Query, description = "Alleen de projecten die aan deze ambitie bijdragen"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen de projecten waaraan deze school deelneemt"),
        ("status" = Option<ProjectStatus>, Query, description = "Alleen projecten met deze status"),
    ),
    responses((status = 200, description = "Een pagina projecten (of de hele lijst als CSV/XLSX)", body = ProjectPage)),
)]
#[get("/projecten")]
async fn list_projecten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    export::listed::<Project>(&state.db, &req, "naam", |q| Filter {
        swv,
        portefeuille_id: q.id("portefeuilleId"),
        ambitie_id: q.id("ambitieId"),
        school_id: q.id("schoolId"),
        status: q.enumeration("status"),
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Project {
    const COLLECTION: &'static str = "projecten";
}

crate::crud_routes! {
    resource: Project, input: ProjectInput, tag: "Projecten",
    collection: "/projecten", item: "/projecten/{id}", id: "Id van het project",
    scope: |caller: &Caller, access| caller.tenant(Area::Uitvoering, access),
    create: (create_project, "Een project toevoegen."),
    get: (get_project, "Eén project.", "Het project"),
    put: (put_project, "Een project vervangen."),
    patch: (patch_project, "Velden van een project wijzigen (JSON merge patch).", "Alleen de velden die veranderen; een lijst vervangt de hele lijst, `null` wist een veld"),
    delete: (delete_project, "Een project zonder activiteiten verwijderen, met zijn voortgangsverslagen."),
}
