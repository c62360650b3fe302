//! `/schoolbesturen`: school boards (bevoegd gezag) within the SWV.

use crate::org::store::schoolbesturen::*;
use crate::route_prelude::*;

impl Input for SchoolbestuurInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(SchoolbestuurPage, Schoolbestuur);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_schoolbesturen)
        .service(create_schoolbestuur)
        .service(get_schoolbestuur)
        .service(put_schoolbestuur)
        .service(patch_schoolbestuur)
        .service(delete_schoolbestuur);
}

/// De schoolbesturen van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Schoolbesturen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, bevoegdGezagNummer, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en bevoegd-gezagnummer"),
        ("bevoegdGezagNummer" = Option<String>, Query, description = "Precies dit nummer", example = "41590"),
    ),
    responses((status = 200, description = "Een pagina schoolbesturen", body = SchoolbestuurPage)),
)]
#[get("/schoolbesturen")]
async fn list_schoolbesturen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Organisatie, Access::Read)?;
    export::listed::<Schoolbestuur>(&state.db, &req, "naam", |q| Filter {
        swv,
        nummer: q.text("bevoegdGezagNummer"),
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Schoolbestuur {
    const COLLECTION: &'static str = "schoolbesturen";
}

crate::crud_routes! {
    resource: Schoolbestuur, input: SchoolbestuurInput, tag: "Schoolbesturen",
    collection: "/schoolbesturen", item: "/schoolbesturen/{id}", id: "Id van het schoolbestuur",
    scope: |caller: &Caller, access| caller.tenant(Area::Organisatie, access),
    create: (create_schoolbestuur, "Een schoolbestuur toevoegen."),
    get: (get_schoolbestuur, "Eén schoolbestuur.", "Het schoolbestuur"),
    put: (put_schoolbestuur, "Een schoolbestuur vervangen."),
    patch: (patch_schoolbestuur, "Velden van een schoolbestuur wijzigen (JSON merge patch).", "Alleen de velden die veranderen"),
    delete: (delete_schoolbestuur, "Een schoolbestuur zonder scholen verwijderen."),
}
