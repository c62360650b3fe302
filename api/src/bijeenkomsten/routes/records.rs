//! `/bijeenkomsten`: the meetings themselves, their series (`herhaling`) and calendar file.

use crate::bijeenkomsten::store::herhaling::*;
use crate::bijeenkomsten::store::invoer::{insert_row, BijeenkomstInput};
use crate::bijeenkomsten::store::records::*;
use crate::bijeenkomsten::store::rij::{local_midnight, Row};
use crate::bijeenkomsten::store::{BijeenkomstSoort, BijeenkomstStatus, Vorm};
use crate::error::{ApiError, InvalidParam};
use crate::route_prelude::*;
use crate::schema::bijeenkomsten;
use crate::store::Store;
use actix_web::http::header;
use chrono::NaiveDate;

impl Input for BijeenkomstInput {
    fn read_only() -> &'static [&'static str] {
        &[
            "schooljaar",
            "publicId",
            "reeksId",
            "aantalAangemeld",
            "aantalWachtlijst",
            "aantalAanwezig",
        ]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.titel);
    }
}

page_schema!(BijeenkomstPage, Bijeenkomst);

impl Resource for Bijeenkomst {
    const COLLECTION: &'static str = "bijeenkomsten";
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_bijeenkomsten)
        .service(create_bijeenkomst)
        .service(get_bijeenkomst)
        .service(put_bijeenkomst)
        .service(patch_bijeenkomst)
        .service(delete_bijeenkomst)
        .service(create_herhaling)
        .service(get_agenda);
}

/// De bijeenkomsten van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: start, titel, soort, status, createdAt, updatedAt", example = "start"),
        ("q" = Option<String>, Query, description = "Zoekt in de titel"),
        ("schooljaar" = Option<String>, Query, description = "Alleen bijeenkomsten in dit schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2022-2023"),
        ("soort" = Option<BijeenkomstSoort>, Query, description = "Alleen bijeenkomsten van deze soort"),
        ("status" = Option<BijeenkomstStatus>, Query, description = "Alleen bijeenkomsten met deze status"),
        ("vorm" = Option<Vorm>, Query, description = "Alleen live, online of hybride bijeenkomsten"),
        ("publiek" = Option<bool>, Query, description = "Alleen bijeenkomsten die wel (true) of niet (false) open staan voor zelf aanmelden"),
        ("activiteitId" = Option<uuid::Uuid>, Query, description = "Alleen de bijeenkomsten bij deze activiteit"),
        ("projectId" = Option<uuid::Uuid>, Query, description = "Alleen de bijeenkomsten bij dit project"),
        ("portefeuilleId" = Option<uuid::Uuid>, Query, description = "Alleen de bijeenkomsten bij deze portefeuille"),
        ("vanaf" = Option<NaiveDate>, Query, description = "Alleen bijeenkomsten die op of na deze dag beginnen"),
        ("tot" = Option<NaiveDate>, Query, description = "Alleen bijeenkomsten die uiterlijk op deze dag beginnen"),
    ),
    responses((status = 200, description = "Een pagina bijeenkomsten (of de hele lijst als CSV/XLSX)", body = BijeenkomstPage)),
)]
#[get("/bijeenkomsten")]
async fn list_bijeenkomsten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    export::listed::<Bijeenkomst>(&state.db, &req, "start", |q| {
        let vanaf: Option<NaiveDate> = q.date("vanaf");
        let tot: Option<NaiveDate> = q.date("tot");
        Filter {
            swv,
            schooljaar: q.schooljaar(),
            soort: q.enumeration("soort"),
            status: q.enumeration("status"),
            vorm: q.enumeration("vorm"),
            publiek: q.boolean("publiek"),
            activiteit_id: q.id("activiteitId"),
            project_id: q.id("projectId"),
            portefeuille_id: q.id("portefeuilleId"),
            vanaf: vanaf.map(local_midnight),
            tot: tot.and_then(|d| d.succ_opt()).map(local_midnight),
            search: q.search_pattern(),
        }
    })
    .await
}

/// Een bijeenkomst toevoegen.
#[utoipa::path(tag = "Bijeenkomsten", request_body = BijeenkomstInput, responses((status = 201, description = "Aangemaakt", body = Bijeenkomst)))]
#[post("/bijeenkomsten")]
async fn create_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<BijeenkomstInput>,
) -> Result<resource::Created<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    resource::create::<Bijeenkomst>(&state, swv, None, body.decode()?).await
}

/// Eén bijeenkomst, met het aantal aanmeldingen.
#[utoipa::path(tag = "Bijeenkomsten", params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")), responses((status = 200, description = "De bijeenkomst", body = Bijeenkomst)))]
#[get("/bijeenkomsten/{id}")]
async fn get_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<resource::Current<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    resource::get::<Bijeenkomst>(&state, swv, None, id.into_inner()).await
}

/// Een bijeenkomst vervangen; een hoger maximum laat de wachtlijst doorschuiven.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body = BijeenkomstInput,
    responses((status = 200, description = "Bijgewerkt", body = Bijeenkomst)),
)]
#[put("/bijeenkomsten/{id}")]
async fn put_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    id: web::Path<Id>,
    body: JsonBody<BijeenkomstInput>,
) -> Result<resource::Current<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    let input = body.decode()?;
    let id = id.into_inner();
    let expect = if_match.0;
    let record = state
        .db
        .write(move |c| {
            crate::bijeenkomsten::store::wachtlijst::lock(c, swv, id)?;
            crate::store::change::<Bijeenkomst>(c, swv, id, expect, |_| Ok(input))
        })
        .await?;
    Ok(resource::Current(record))
}

/// Velden van een bijeenkomst wijzigen (JSON merge patch).
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = BijeenkomstInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen; `null` wist een veld"),
    responses((status = 200, description = "Bijgewerkt", body = Bijeenkomst)),
)]
#[patch("/bijeenkomsten/{id}")]
async fn patch_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    id: web::Path<Id>,
    patch: MergePatch,
) -> Result<resource::Current<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    let id = id.into_inner();
    let expect = if_match.0;
    let record = state
        .db
        .write(move |c| {
            crate::bijeenkomsten::store::wachtlijst::lock(c, swv, id)?;
            crate::store::change::<Bijeenkomst>(c, swv, id, expect, |current| {
                crate::http::apply_patch(&current.input(), &patch)
            })
        })
        .await?;
    Ok(resource::Current(record))
}

/// Een bijeenkomst zonder lopende aanmeldingen verwijderen.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/bijeenkomsten/{id}")]
async fn delete_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: resource::IfMatch,
    id: web::Path<Id>,
) -> Result<resource::Deleted, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    resource::delete::<Bijeenkomst>(&state, swv, None, id.into_inner(), if_match.0).await
}

impl Input for HerhalingInput {}

/// Een bijeenkomst herhalen op andere datums (een reeks, zoals de IB-netwerken van een jaar).
///
/// Elke kopie krijgt dezelfde gegevens, tijd van de dag en duur, de status `gepland`, geen
/// aanmeldingen en een eigen publieke pagina; `reeksId` verwijst naar de eerste van de reeks.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst die herhaald wordt")),
    request_body = HerhalingInput,
    responses((status = 201, description = "De kopieën", body = Herhaling)),
)]
#[post("/bijeenkomsten/{id}/herhaling")]
async fn create_herhaling(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<HerhalingInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    let id = id.into_inner();
    let items = state
        .db
        .write(move |c| {
            let original = find(c, swv, id)?;
            let input = body.decode()?;
            let mut errors = Vec::new();
            for (i, d) in input.datums.iter().enumerate() {
                if crate::domain::datum(d).is_err() {
                    errors.push(InvalidParam::new(
                        format!("datums[{i}]"),
                        "moet tussen 1900 en 2200 liggen",
                    ));
                } else if input.datums[..i].contains(d) {
                    errors.push(InvalidParam::new(
                        format!("datums[{i}]"),
                        "komt meer dan eens voor",
                    ));
                }
            }
            if !errors.is_empty() {
                return Err(ApiError::validation(errors));
            }
            let reeks = original.reeks_id.unwrap_or(original.id);
            let duration = original.eind - original.start;
            let now = time::now();
            let mut ids = Vec::new();
            for d in &input.datums {
                let start = on_date(original.start, *d);
                let shift = start - original.start;
                let copy = BijeenkomstInput {
                    start,
                    eind: start + duration,
                    status: BijeenkomstStatus::Gepland,
                    aanmelden_tot: original.aanmelden_tot.map(|t| t + shift),
                    ..BijeenkomstInput::from(&original)
                };
                let new_id = Id::new();
                insert_row(c, swv, new_id, &copy, Some(reeks), now)?;
                ids.push(new_id);
            }
            let rows: Vec<Row> = scoped(swv)
                .filter(bijeenkomsten::id.eq_any(ids))
                .order(bijeenkomsten::start.asc())
                .select(Row::as_select())
                .load(c)?;
            with_counts(c, rows)
        })
        .await?;
    let mut b = HttpResponse::Created();
    if let Some(first) = items.first() {
        b.insert_header((
            header::LOCATION,
            format!("/api/v1/bijeenkomsten/{}", first.id),
        ));
    }
    Ok(b.json(Herhaling { items }))
}

/// De bijeenkomst als agenda-item (iCalendar, `.ics`).
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    responses((status = 200, description = "Het agenda-item", content_type = "text/calendar", body = String)),
)]
#[get("/bijeenkomsten/{id}/agenda")]
async fn get_agenda(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    let id = id.into_inner();
    let row = state.db.read(move |c| find_row(c, swv, id)).await?;
    Ok(crate::bijeenkomsten::routes::agenda::respond(&row))
}
