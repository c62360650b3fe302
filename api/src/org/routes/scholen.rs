//! `/scholen`: school locations of the SWV.

use crate::route_prelude::*;

use crate::org::store::scholen::{filtered, Filter, School, SchoolInput, SchoolSoort};
use crate::schema::scholen;

impl Input for SchoolInput {}

impl Resource for School {
    const COLLECTION: &'static str = "scholen";
}

page_schema!(SchoolPage, School);

const SPEC: ListSpec = ListSpec {
    sorts: &[
        "naam",
        "brin",
        "soort",
        "leerlingaantal",
        "createdAt",
        "updatedAt",
    ],
    filters: &["soort", "schoolbestuurId", "gemeenteId", "werkgebiedId"],
    default_sort: "naam",
};

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
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let filter = Filter {
        soort: q.enumeration("soort"),
        schoolbestuur_id: q.id("schoolbestuurId"),
        gemeente_id: q.id("gemeenteId"),
        werkgebied_id: q.id("werkgebiedId"),
        search: q.search_pattern(),
    };
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = filter.clone();
    export::list(
        &state.db,
        format,
        &q,
        "scholen",
        move |c| Ok(filtered(swv, &counted).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, &filter).select(School::as_select()), &sort, {
                "naam" => scholen::naam,
                "brin" => scholen::brin,
                "soort" => scholen::soort,
                "leerlingaantal" => scholen::leerlingaantal,
                "createdAt" => scholen::created_at,
                "updatedAt" => scholen::updated_at,
            }, scholen::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
    .await
}

crate::crud_routes! {
    resource: School, input: SchoolInput, tag: "Scholen",
    collection: "/scholen", item: "/scholen/{id}", id: "Id van de school",
    scope: |caller: &Caller, access| caller.tenant(Area::Organisatie, access),
    create: (create_school, "Een school toevoegen."),
    get: (get_school, "Eén school.", "De school"),
    put: (put_school, "Een school vervangen."),
    patch: (patch_school, "Velden van een school wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_school, "Een school verwijderen."),
}
