//! `/activiteitenplannen`: the plan of one school year (one per SWV per schooljaar), and its copy
//! into the next year (`POST /activiteitenplannen/{id}/kopie`).

use crate::planning::store::activiteitenplannen::*;
use crate::route_prelude::*;
use crate::schema::activiteitenplannen;

impl Input for ActiviteitenplanInput {}

impl Input for KopieInput {}

page_schema!(ActiviteitenplanPage, Activiteitenplan);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_activiteitenplannen)
        .service(create_activiteitenplan)
        .service(get_activiteitenplan)
        .service(put_activiteitenplan)
        .service(patch_activiteitenplan)
        .service(delete_activiteitenplan)
        .service(copy_activiteitenplan);
}

/// De activiteitenplannen van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Activiteitenplannen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: schooljaar, status, createdAt, updatedAt", example = "-schooljaar"),
        ("q" = Option<String>, Query, description = "Zoekt in schooljaar en vooruitblik"),
        ("ondersteuningsplanId" = Option<uuid::Uuid>, Query, description = "Alleen de plannen onder dit ondersteuningsplan"),
        ("schooljaar" = Option<String>, Query, description = "Alleen het plan van dit schooljaar (`YYYY-YYYY`)", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2024-2025"),
        ("status" = Option<PlanStatus>, Query, description = "Alleen plannen met deze status"),
    ),
    responses((status = 200, description = "Een pagina activiteitenplannen (of de hele lijst als CSV/XLSX)", body = ActiviteitenplanPage)),
)]
#[get("/activiteitenplannen")]
async fn list_activiteitenplannen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Planstructuur, Access::Read)?;
    export::listed::<Activiteitenplan>(&state.db, &req, "schooljaar", |q| Filter {
        swv,
        ondersteuningsplan_id: q.id("ondersteuningsplanId"),
        schooljaar: q.schooljaar(),
        status: q.enumeration("status"),
        search: q.search_pattern(),
    })
    .await
}

impl Resource for Activiteitenplan {
    const COLLECTION: &'static str = "activiteitenplannen";
}

crate::crud_routes! {
    resource: Activiteitenplan, input: ActiviteitenplanInput, tag: "Activiteitenplannen",
    collection: "/activiteitenplannen", item: "/activiteitenplannen/{id}", id: "Id van het activiteitenplan",
    scope: |caller: &Caller, access| caller.tenant(Area::Planstructuur, access),
    create: (create_activiteitenplan, "Een activiteitenplan voor een schooljaar toevoegen."),
    get: (get_activiteitenplan, "Eén activiteitenplan.", "Het activiteitenplan"),
    put: (put_activiteitenplan, "Een activiteitenplan vervangen."),
    patch: (patch_activiteitenplan, "Velden van een activiteitenplan wijzigen (JSON merge patch), bijvoorbeeld het vaststellen.", "Alleen de velden die veranderen; `null` wist de vooruitblik"),
    delete: (delete_activiteitenplan, "Een activiteitenplan zonder activiteiten verwijderen."),
}

/// Het plan van een volgend schooljaar maken uit dit plan.
#[utoipa::path(
    tag = "Activiteitenplannen",
    description = "Maakt een nieuw activiteitenplan met status `concept` voor het opgegeven schooljaar, onder hetzelfde \
                   ondersteuningsplan. Elke activiteit waarvan de evaluatie niet `uitgevoerd` is en het signaal niet \
                   `afgerond`, gaat mee als geplande activiteit zonder evaluatie; `herkomstId` wijst naar de \
                   oorspronkelijke activiteit. Bestaat er al een plan voor dat schooljaar, dan volgt `409`.",
    params(("id" = uuid::Uuid, Path, description = "Id van het plan dat als basis dient")),
    request_body = KopieInput,
    responses((status = 201, description = "Het nieuwe plan", body = Activiteitenplan)),
)]
#[post("/activiteitenplannen/{id}/kopie")]
async fn copy_activiteitenplan(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<KopieInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Planstructuur, Access::Write)?;
    let id = id.into_inner();
    let plan = state
        .db
        .write(move |c| {
            // An unknown plan is a 404 before anything is said about the body.
            let source = find(c, swv, id)?;
            let input = body.decode()?;
            check_schooljaar_free(c, swv, &input.schooljaar, None)?;
            let new_id = Id::new();
            let now = time::now();
            diesel::insert_into(activiteitenplannen::table)
                .values((
                    activiteitenplannen::id.eq(new_id),
                    activiteitenplannen::samenwerkingsverband_id.eq(swv),
                    activiteitenplannen::ondersteuningsplan_id.eq(source.ondersteuningsplan_id),
                    activiteitenplannen::schooljaar.eq(&input.schooljaar),
                    activiteitenplannen::status.eq(PlanStatus::Concept),
                    activiteitenplannen::vooruitblik.eq(None::<String>),
                    activiteitenplannen::created_at.eq(now),
                    activiteitenplannen::updated_at.eq(now),
                    activiteitenplannen::versie.eq(1),
                ))
                .execute(c)?;
            crate::planning::store::kopie::carry_over(c, swv, source.id, new_id, now)?;
            find(c, swv, new_id)
        })
        .await?;
    Ok(resource::created(
        Activiteitenplan::COLLECTION,
        plan.id,
        plan.versie,
        &plan,
    ))
}
