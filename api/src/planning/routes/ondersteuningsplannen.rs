//! `/ondersteuningsplannen`: the SWV's four-year plans, each holding its ambities.

use crate::planning::store::ondersteuningsplannen::*;
use crate::route_prelude::*;
use crate::schema::ondersteuningsplannen;

impl Input for OndersteuningsplanInput {}

page_schema!(OndersteuningsplanPage, Ondersteuningsplan);

const SPEC: ListSpec = ListSpec {
    sorts: &["titel", "vanJaar", "totJaar", "createdAt", "updatedAt"],
    filters: &[],
    default_sort: "vanJaar",
};

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
    let format = Format::negotiate(&req)?;
    let q = ListQuery::parse(&req, &SPEC);
    let search = q.search_pattern();
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = search.clone();
    export::list(
        &state.db,
        format,
        &q,
        "ondersteuningsplannen",
        move |c| Ok(filtered(swv, &counted).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, &search).select(Ondersteuningsplan::as_select()), &sort, {
                "titel" => ondersteuningsplannen::titel,
                "vanJaar" => ondersteuningsplannen::van_jaar,
                "totJaar" => ondersteuningsplannen::tot_jaar,
                "createdAt" => ondersteuningsplannen::created_at,
                "updatedAt" => ondersteuningsplannen::updated_at,
            }, ondersteuningsplannen::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
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
