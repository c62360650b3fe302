//! `/kengetallen`: read by every user of the SWV, written by its beheerders.

use crate::kengetallen::store::kengetallen::{Filter, Kengetal, KengetalInput};
use crate::route_prelude::*;

impl Input for KengetalInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

impl Resource for Kengetal {
    const COLLECTION: &'static str = "kengetallen";
}

page_schema!(KengetalPage, Kengetal);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_kengetallen)
        .service(create_kengetal)
        .service(get_kengetal)
        .service(put_kengetal)
        .service(patch_kengetal)
        .service(delete_kengetal);
}

/// De ken- en stuurgetallen van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Kengetallen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: volgorde, naam, createdAt, updatedAt; `-` voor aflopend", example = "volgorde"),
        ("bron" = Option<crate::kengetallen::store::KengetalBron>, Query, description = "Alleen kengetallen met deze bron"),
    ),
    responses((status = 200, description = "Een pagina kengetallen (of de hele lijst als CSV/XLSX)", body = KengetalPage)),
)]
#[get("/kengetallen")]
async fn list_kengetallen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Read)?;
    export::listed::<Kengetal>(&state.db, &req, "volgorde", |q| Filter {
        swv,
        bron: q.enumeration("bron"),
    })
    .await
}

crate::crud_routes! {
    resource: Kengetal, input: KengetalInput, tag: "Kengetallen",
    collection: "/kengetallen", item: "/kengetallen/{id}", id: "Id van het kengetal",
    scope: |caller: &Caller, access| caller.tenant(Area::Kengetallen, access),
    create: (create_kengetal, "Een ken- of stuurgetal toevoegen."),
    get: (get_kengetal, "Eén kengetal.", "Het kengetal"),
    put: (put_kengetal, "Een kengetal vervangen."),
    patch: (patch_kengetal, "Velden van een kengetal wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_kengetal, "Een kengetal verwijderen (met zijn waarden)."),
}
