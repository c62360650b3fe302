//! `/activiteiten`: the planned (and extra) work of a school year under an ambitie, with its
//! evaluatie (`PUT /activiteiten/{id}/evaluatie`).

use crate::planning::store::activiteiten::*;
use crate::planning::store::evaluaties::{Evaluatie, EvaluatieStatus};
use crate::planning::store::Signaal;
use crate::route_prelude::*;
use crate::schema::activiteiten;
use serde_json::{json, Value};

impl Input for Evaluatie {}

impl Input for ActiviteitInput {
    /// The evaluatie has its own operation and the origin is set by the copy; both are ignored
    /// when a client sends a read activity back.
    fn read_only() -> &'static [&'static str] {
        &["evaluatie", "herkomstId", "gemeten", "voorstel"]
    }
}

page_schema!(ActiviteitPage, Activiteit);

const SPEC: ListSpec = ListSpec {
    sorts: &["omschrijving", "soort", "createdAt", "updatedAt"],
    default_sort: "createdAt",
};

/// The columns of the CSV and XLSX exports, in order.
pub const COLUMNS: &[&str] = &[
    "id",
    "activiteitenplanId",
    "ambitieId",
    "omschrijving",
    "soort",
    "portefeuilleId",
    "projectId",
    "streefwaarde",
    "streef.richting",
    "streef.waarde",
    "streef.eenheid",
    "gemeten",
    "voorstel.resultaat",
    "voorstel.signaal",
    "verantwoordelijkeId",
    "herkomstId",
    "evaluatie.status",
    "evaluatie.toelichting",
    "evaluatie.resultaat",
    "evaluatie.signaal",
    "createdAt",
    "updatedAt",
    "versie",
];

/// An activity as one flat export row: the evaluatie as `evaluatie.*` columns, empty when absent.
pub fn export_row(a: &Activiteit) -> Value {
    let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
    if let Some(obj) = v.as_object_mut() {
        if obj.get("evaluatie").is_some_and(Value::is_null) {
            obj.insert(
                "evaluatie".into(),
                json!({"status": null, "toelichting": null, "resultaat": null, "signaal": null}),
            );
        }
    }
    v
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_activiteiten)
        .service(create_activiteit)
        .service(get_activiteit)
        .service(put_activiteit)
        .service(patch_activiteit)
        .service(delete_activiteit)
        .service(put_evaluatie)
        .service(delete_evaluatie);
}

/// De activiteiten opvragen, bijvoorbeeld die van één schooljaar, ambitie of verantwoordelijke.
#[utoipa::path(
    tag = "Activiteiten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: omschrijving, soort, createdAt, updatedAt", example = "createdAt"),
        ("q" = Option<String>, Query, description = "Zoekt in de omschrijving"),
        ("activiteitenplanId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van dit activiteitenplan"),
        ("schooljaar" = Option<String>, Query, description = "Alleen de activiteiten van het plan van dit schooljaar (`YYYY-YYYY`)", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2024-2025"),
        ("ambitieId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten onder deze ambitie"),
        ("portefeuilleId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van deze portefeuille"),
        ("projectId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van dit project"),
        ("verantwoordelijkeId" = Option<uuid::Uuid>, Query, description = "Alleen de activiteiten van deze verantwoordelijke"),
        ("soort" = Option<ActiviteitSoort>, Query, description = "Alleen geplande of alleen extra activiteiten"),
        ("status" = Option<EvaluatieStatus>, Query, description = "Alleen activiteiten met deze evaluatiestatus"),
        ("signaal" = Option<Signaal>, Query, description = "Alleen activiteiten met dit signaal in hun evaluatie"),
        ("geevalueerd" = Option<bool>, Query, description = "Alleen geëvalueerde (true) of nog niet geëvalueerde (false) activiteiten"),
    ),
    responses((status = 200, description = "Een pagina activiteiten (of de hele lijst als CSV/XLSX)", body = ActiviteitPage)),
)]
#[get("/activiteiten")]
async fn list_activiteiten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let filter = Filter {
        activiteitenplan_id: q.id("activiteitenplanId"),
        schooljaar: q.schooljaar(),
        ambitie_id: q.id("ambitieId"),
        portefeuille_id: q.id("portefeuilleId"),
        project_id: q.id("projectId"),
        verantwoordelijke_id: q.id("verantwoordelijkeId"),
        soort: q.enumeration("soort"),
        status: q.enumeration("status"),
        signaal: q.enumeration("signaal"),
        geevalueerd: q.boolean("geevalueerd"),
        search: q.search_pattern(),
    };
    let q = q.finish()?;
    let (sort, paging) = (
        q.sort.clone(),
        format.is_json().then(|| (q.page_size, q.offset())),
    );
    let read = move |c: &mut crate::db::DbConn| {
        let total: i64 = filtered(swv, &filter).count().get_result(c)?;
        let mut query = order_by!(filtered(swv, &filter).select(ActiviteitRow::as_select()), &sort, {
                "omschrijving" => activiteiten::omschrijving,
                "soort" => activiteiten::soort,
                "createdAt" => activiteiten::created_at,
                "updatedAt" => activiteiten::updated_at,
            }, activiteiten::id);
        if let Some((limit, offset)) = paging {
            query = query.limit(limit).offset(offset);
        }
        let rows: Vec<ActiviteitRow> = query.load(c)?;
        Ok((with_evaluaties(c, swv, rows)?, total))
    };
    // An export is a report (with its own columns, the evaluation flattened): the replica's.
    let (items, total) = if format.is_json() {
        state.db.read(read).await?
    } else {
        state.db.report(read).await?
    };
    if format.is_json() {
        export::respond(format, &q, &items, total, "activiteiten", COLUMNS)
    } else {
        let rows: Vec<Value> = items.iter().map(export_row).collect();
        export::respond(format, &q, &rows, total, "activiteiten", COLUMNS)
    }
}

impl Resource for Activiteit {
    const COLLECTION: &'static str = "activiteiten";
}

crate::crud_routes! {
    resource: Activiteit, input: ActiviteitInput, tag: "Activiteiten",
    collection: "/activiteiten", item: "/activiteiten/{id}", id: "Id van de activiteit",
    scope: |caller: &Caller, access| caller.tenant(Area::Uitvoering, access),
    create: (create_activiteit, "Een activiteit toevoegen aan een activiteitenplan."),
    get: (get_activiteit, "Eén activiteit, met haar evaluatie.", "De activiteit"),
    put: (put_activiteit, "Een activiteit vervangen."),
    patch: (patch_activiteit, "Velden van een activiteit wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_activiteit, "Een activiteit verwijderen."),
}

/// De evaluatie van een activiteit vastleggen.
#[utoipa::path(
    tag = "Activiteiten",
    description = "Legt de evaluatie vast (of vervangt die) en antwoordt met de hele activiteit. De evaluatie \
                   hoort bij de activiteit: `If-Match` is de `ETag` van de activiteit, en haar `versie` gaat één omhoog.",
    params(("id" = uuid::Uuid, Path, description = "Id van de activiteit"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de activiteit die u las")),
    request_body = Evaluatie,
    responses((status = 200, description = "De activiteit met haar evaluatie", body = Activiteit)),
)]
#[put("/activiteiten/{id}/evaluatie")]
async fn put_evaluatie(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    id: web::Path<Id>,
    body: JsonBody<Evaluatie>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let input = body.decode()?;
    let (id, expect) = (id.into_inner(), if_match.0);
    let a = state
        .db
        .write(move |c| set_evaluatie(c, swv, id, expect, Some(input)))
        .await?;
    Ok(resource::ok(a.versie, &a))
}

/// De evaluatie van een activiteit wissen.
#[utoipa::path(
    tag = "Activiteiten",
    description = "Wist de evaluatie: de activiteit telt daarna als nog niet geëvalueerd. `If-Match` is de `ETag` \
                   van de activiteit.",
    params(("id" = uuid::Uuid, Path, description = "Id van de activiteit"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de activiteit die u las")),
    responses((status = 204, description = "Gewist")),
)]
#[delete("/activiteiten/{id}/evaluatie")]
async fn delete_evaluatie(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Write)?;
    let (id, expect) = (id.into_inner(), if_match.0);
    state
        .db
        .write(move |c| set_evaluatie(c, swv, id, expect, None))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
