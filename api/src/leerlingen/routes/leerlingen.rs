//! `/leerlingen`: pupils of the SWV, under a pseudonymous reference. Every answer and change is
//! audited; lezers, the platformbeheerder and clients get `403`.

use crate::route_prelude::*;

use crate::audit::{self, routes::trail, Actie};
use crate::leerlingen::store::dossier::{self, Dossier};
use crate::leerlingen::store::{Filter, Leerling, LeerlingInput};

impl Input for LeerlingInput {
    /// Derived by Koers; sent back unchanged they are ignored.
    fn read_only() -> &'static [&'static str] {
        &["geanonimiseerd"]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.referentie);
    }
}

impl Resource for Leerling {
    const COLLECTION: &'static str = "leerlingen";
    const AUDITED: bool = true;

    fn pupils(&self) -> Vec<Id> {
        vec![self.id]
    }
}

page_schema!(LeerlingPage, Leerling);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_leerlingen)
        .service(create_leerling)
        .service(get_leerling)
        .service(put_leerling)
        .service(patch_leerling)
        .service(delete_leerling)
        .service(get_dossier);
}

/// De leerlingen van het samenwerkingsverband opvragen (wordt vastgelegd in de audit).
#[utoipa::path(
    tag = "Leerlingen",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: referentie, geboortemaand, leerjaar, createdAt, updatedAt", example = "referentie"),
        ("q" = Option<String>, Query, description = "Zoekt in de referentie"),
        ("referentie" = Option<String>, Query, description = "Precies deze referentie (hoofdletters tellen niet)"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen leerlingen van deze school"),
        ("woongemeenteId" = Option<uuid::Uuid>, Query, description = "Alleen leerlingen die in deze gemeente wonen"),
        ("geanonimiseerd" = Option<bool>, Query, description = "Alleen (niet) geanonimiseerde leerlingen"),
    ),
    responses((status = 200, description = "Een pagina leerlingen (of de hele lijst als CSV/XLSX)", body = LeerlingPage)),
)]
#[get("/leerlingen")]
async fn list_leerlingen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    audit::routes::listed::<Leerling>(&state.db, &req, trail(&caller, &req), "referentie", |q| {
        Filter {
            swv,
            referentie: q.text("referentie"),
            school_id: q.id("schoolId"),
            woongemeente_id: q.id("woongemeenteId"),
            geanonimiseerd: q.boolean("geanonimiseerd"),
            search: q.search_pattern(),
        }
    })
    .await
}

/// Het dossier van een leerling: de leerling met alles wat over hem of haar is vastgelegd,
/// oudste eerst (wordt vastgelegd in de audit).
#[utoipa::path(
    tag = "Leerlingen",
    params(("id" = uuid::Uuid, Path, description = "Id van de leerling")),
    responses((status = 200, description = "Het dossier", body = Dossier)),
)]
#[get("/leerlingen/{id}/dossier")]
async fn get_dossier(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<web::Json<Dossier>, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    let id = id.into_inner();
    let found = audit::routes::audited(&state.db, trail(&caller, &req), Actie::Lezen, move |c| {
        dossier::find(c, swv, id)
    })
    .await?;
    Ok(web::Json(found))
}

crate::crud_routes! {
    resource: Leerling, input: LeerlingInput, tag: "Leerlingen",
    collection: "/leerlingen", item: "/leerlingen/{id}", id: "Id van de leerling",
    scope: |caller: &Caller, access| caller.tenant(Area::Leerlingen, access),
    create: (create_leerling, "Een leerling toevoegen (alleen een pseudonieme referentie, nooit naam of BSN)."),
    get: (get_leerling, "Eén leerling.", "De leerling"),
    put: (put_leerling, "Een leerling vervangen."),
    patch: (patch_leerling, "Velden van een leerling wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_leerling, "Een leerling verwijderen met alles wat over hem of haar is vastgelegd (de auditregels blijven)."),
}
