//! `/budgetten`: read by every user of the SWV, written by its beheerders.

use crate::arrangementen::store::budgetten::{Budget, BudgetInput, Filter};
use crate::route_prelude::*;

impl Input for BudgetInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.toelichting);
    }
}

impl Resource for Budget {
    const COLLECTION: &'static str = "budgetten";
}

page_schema!(BudgetPage, Budget);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_budgetten)
        .service(create_budget)
        .service(get_budget)
        .service(put_budget)
        .service(patch_budget)
        .service(delete_budget);
}

/// De budgetten van de werkgebieden opvragen.
#[utoipa::path(
    tag = "Arrangementen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: datum, schooljaar, bedragCent, createdAt, updatedAt; `-` voor aflopend", example = "datum"),
        ("werkgebiedId" = Option<uuid::Uuid>, Query, description = "Alleen budgetten van dit werkgebied"),
        ("schooljaar" = Option<String>, Query, description = "Alleen budgetten van dit schooljaar", example = "2016-2017"),
        ("soort" = Option<crate::arrangementen::store::budgetten::BudgetSoort>, Query, description = "Alleen regulier of alleen extra budget"),
    ),
    responses((status = 200, description = "Een pagina budgetten", body = BudgetPage)),
)]
#[get("/budgetten")]
async fn list_budgetten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Budgetten, Access::Read)?;
    export::listed::<Budget>(&state.db, &req, "datum", |q| Filter {
        swv,
        werkgebied_id: q.id("werkgebiedId"),
        schooljaar: q.schooljaar(),
        soort: q.enumeration("soort"),
    })
    .await
}

crate::crud_routes! {
    resource: Budget, input: BudgetInput, tag: "Arrangementen",
    collection: "/budgetten", item: "/budgetten/{id}", id: "Id van het budget",
    scope: |caller: &Caller, access| caller.tenant(Area::Budgetten, access),
    create: (create_budget, "Een budget voor een werkgebied vastleggen (ook extra budget in de loop van het jaar)."),
    get: (get_budget, "Eén budget.", "Het budget"),
    put: (put_budget, "Een budget vervangen."),
    patch: (patch_budget, "Velden van een budget wijzigen (JSON merge patch).", "Alleen de velden die veranderen"),
    delete: (delete_budget, "Een budget verwijderen."),
}
