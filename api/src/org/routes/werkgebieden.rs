//! `/werkgebieden`: sub-regions of the SWV, each with its own schools (and later budget).

use crate::org::store::werkgebieden::*;
use crate::route_prelude::*;
use crate::schema::werkgebieden;

impl Input for WerkgebiedInput {}

page_schema!(WerkgebiedPage, Werkgebied);

const SPEC: ListSpec = ListSpec {
    sorts: &["naam", "createdAt", "updatedAt"],
    filters: &[],
    default_sort: "naam",
};

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
        "werkgebieden",
        move |c| Ok(filtered(swv, &counted).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, &search).select(Werkgebied::as_select()), &sort, {
                "naam" => werkgebieden::naam,
                "createdAt" => werkgebieden::created_at,
                "updatedAt" => werkgebieden::updated_at,
            }, werkgebieden::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
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
