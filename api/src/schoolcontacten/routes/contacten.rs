//! `/schoolcontacten`: read and written by beheerders, consulenten and medewerkers; lezers, the
//! platformbeheerder and clients get `403`.

use crate::route_prelude::*;

use crate::auth::{Principal, Rol};
use crate::schoolcontacten::store::contacten::ContactSoort;
use crate::schoolcontacten::store::overzicht::{self, ContactOverzicht};
use crate::schoolcontacten::store::{Filter, Schoolcontact, SchoolcontactInput, Wie};

impl Input for SchoolcontactInput {
    /// Derived by Koers; sent back unchanged it is ignored.
    fn read_only() -> &'static [&'static str] {
        &["schooljaar"]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.onderwerp);
    }
}

impl Resource for Schoolcontact {
    const COLLECTION: &'static str = "schoolcontacten";
}

page_schema!(SchoolcontactPage, Schoolcontact);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Before `/schoolcontacten/{id}`, which would take `overzicht` for an id.
    cfg.service(get_overzicht)
        .service(list_schoolcontacten)
        .service(create_schoolcontact)
        .service(get_schoolcontact)
        .service(put_schoolcontact)
        .service(patch_schoolcontact)
        .service(delete_schoolcontact);
}

/// The SWV, and the caller as the default consulent when she is one.
fn wie(caller: &Caller, access: Access) -> Result<Wie, ApiError> {
    let swv = caller.tenant(Area::Schoolcontacten, access)?;
    let consulent = match caller.principal {
        Principal::Gebruiker {
            id,
            rol: Rol::Consulent,
        } => Some(id),
        _ => None,
    };
    Ok(Wie { swv, consulent })
}

/// De schoolcontacten van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Schoolcontacten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: datum, vervolgOp, createdAt, updatedAt; `-` voor aflopend", example = "-datum"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen contacten met deze school"),
        ("consulentId" = Option<uuid::Uuid>, Query, description = "Alleen contacten van deze consulent"),
        ("soort" = Option<ContactSoort>, Query, description = "Alleen deze soort contact"),
        ("schooljaar" = Option<String>, Query, description = "Alleen contacten in dit schooljaar", example = "2026-2027"),
        ("vervolgOpen" = Option<bool>, Query, description = "`true`: alleen contacten met een vervolg dat nog niet gedaan is"),
    ),
    responses((status = 200, description = "Een pagina contacten (of de hele lijst als CSV/XLSX)", body = SchoolcontactPage)),
)]
#[get("/schoolcontacten")]
async fn list_schoolcontacten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Schoolcontacten, Access::Read)?;
    export::listed::<Schoolcontact>(&state.db, &req, "-datum", |q| Filter {
        swv,
        school_id: q.id("schoolId"),
        consulent_id: q.id("consulentId"),
        soort: q.enumeration("soort"),
        schooljaar: q.schooljaar(),
        vervolg_open: q.boolean("vervolgOpen"),
    })
    .await
}

const FILTERS: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

/// Per school hoe vaak die in een schooljaar gezien is, wanneer het laatst, per soort en signaal.
///
/// Elke school van het samenwerkingsverband staat erin, ook zonder contacten; met `consulentId`
/// alleen de scholen van die consulent. `onderMinimum` zijn de scholen met minder contacten dan
/// het minimum van het samenwerkingsverband naar rato van de verstreken dagen van het jaar.
#[utoipa::path(
    tag = "Schoolcontacten",
    params(
        ("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2026-2027"),
        ("consulentId" = Option<uuid::Uuid>, Query, description = "Alleen de scholen van deze consulent"),
    ),
    responses((status = 200, description = "Het overzicht", body = ContactOverzicht)),
)]
#[get("/schoolcontacten/overzicht")]
async fn get_overzicht(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Schoolcontacten, Access::Read)?;
    let mut q = ListQuery::parse_filters(&req, &FILTERS);
    let jaar = q.required_schooljaar();
    let consulent = q.id("consulentId");
    q.finish()?;
    let o = state
        .db
        .report(move |c| overzicht::overzicht(c, swv, &jaar, consulent))
        .await?;
    Ok(HttpResponse::Ok().json(o))
}

crate::crud_routes! {
    resource: Schoolcontact, input: SchoolcontactInput, tag: "Schoolcontacten",
    collection: "/schoolcontacten", item: "/schoolcontacten/{id}", id: "Id van het contact",
    scope: |caller: &Caller, access| wie(caller, access),
    create: (create_schoolcontact, "Een schoolcontact vastleggen (standaard van de consulent die het vastlegt)."),
    get: (get_schoolcontact, "Eén schoolcontact.", "Het contact"),
    put: (put_schoolcontact, "Een schoolcontact vervangen."),
    patch: (patch_schoolcontact, "Velden van een schoolcontact wijzigen (JSON merge patch), bijv. `{\"vervolgGedaan\": true}`.", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_schoolcontact, "Een schoolcontact verwijderen."),
}
