//! `/samenwerkingsverbanden`: the tenants of the installation, managed by the platformbeheerder.

use crate::org::store::swv::*;
use crate::route_prelude::*;

impl Input for SamenwerkingsverbandInput {
    fn read_only() -> &'static [&'static str] {
        &["logo"]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(SamenwerkingsverbandPage, Samenwerkingsverband);

fn visible_to(caller: &Caller, access: Access) -> Result<Option<Id>, ApiError> {
    caller.tenant_or_platform(Area::Samenwerkingsverbanden, access)
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_samenwerkingsverbanden)
        .service(create_samenwerkingsverband)
        .service(get_samenwerkingsverband)
        .service(put_samenwerkingsverband)
        .service(patch_samenwerkingsverband)
        .service(delete_samenwerkingsverband);
}

/// Samenwerkingsverbanden opvragen (een gebruiker van een samenwerkingsverband ziet alleen het eigen).
#[utoipa::path(
    tag = "Samenwerkingsverbanden",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, code, sector, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en code"),
        ("sector" = Option<Sector>, Query, description = "Alleen deze sector"),
        ("code" = Option<String>, Query, description = "Precies deze code", example = "PO2703"),
    ),
    responses((status = 200, description = "Een pagina samenwerkingsverbanden", body = SamenwerkingsverbandPage)),
)]
#[get("/samenwerkingsverbanden")]
async fn list_samenwerkingsverbanden(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let visible = visible_to(&caller, Access::Read)?;
    export::listed::<Samenwerkingsverband>(&state.db, &req, "naam", |q| Filter {
        visible,
        sector: q.enumeration("sector"),
        code: q.text("code"),
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Samenwerkingsverband {
    const COLLECTION: &'static str = "samenwerkingsverbanden";
}

crate::crud_routes! {
    resource: Samenwerkingsverband, input: SamenwerkingsverbandInput, tag: "Samenwerkingsverbanden",
    collection: "/samenwerkingsverbanden", item: "/samenwerkingsverbanden/{id}", id: "Id van het samenwerkingsverband",
    scope: |caller: &Caller, access| match access {
        Access::Read => visible_to(caller, access),
        Access::Write => caller.require(Area::Samenwerkingsverbanden, access).map(|_| None),
    },
    create: (create_samenwerkingsverband, "Een samenwerkingsverband toevoegen (platformbeheerder)."),
    get: (get_samenwerkingsverband, "Eén samenwerkingsverband.", "Het samenwerkingsverband"),
    put: (put_samenwerkingsverband, "Een samenwerkingsverband vervangen (platformbeheerder)."),
    patch: (patch_samenwerkingsverband, "Velden van een samenwerkingsverband wijzigen (JSON merge patch; platformbeheerder).", "Alleen de velden die veranderen"),
    delete: (delete_samenwerkingsverband, "Een leeg samenwerkingsverband verwijderen (platformbeheerder)."),
}
