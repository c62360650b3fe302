//! `/thuiszitters` and their verloop: every read and change is audited; lezers, the
//! platformbeheerder and clients get `403`.

use crate::route_prelude::*;

use crate::audit::{self, routes::audited, routes::read_pupil_record, routes::trail, Actie};
use crate::resource::IfMatch;
use crate::thuiszitters::store::casussen;
use crate::thuiszitters::store::verloop;
use crate::thuiszitters::store::verloopregels::{Verloop, VerloopInput};
use crate::thuiszitters::store::{Filter, Thuiszitter, ThuiszitterInput};

impl Input for ThuiszitterInput {
    /// Derived by Koers; sent back unchanged they are ignored.
    fn read_only() -> &'static [&'static str] {
        &["gemeenteId", "verloop", "actueel", "thuisSinds"]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.toelichting);
    }
}

impl Input for VerloopInput {}

impl Resource for Thuiszitter {
    const COLLECTION: &'static str = "thuiszitters";
    const AUDITED: bool = true;

    fn pupils(&self) -> Vec<Id> {
        vec![self.leerling_id]
    }
}

page_schema!(ThuiszitterPage, Thuiszitter);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_thuiszitters)
        .service(create_thuiszitter)
        .service(get_thuiszitter)
        .service(put_thuiszitter)
        .service(patch_thuiszitter)
        .service(delete_thuiszitter)
        .service(list_verloop)
        .service(create_verloop)
        .service(get_verloop)
        .service(patch_verloop)
        .service(delete_verloop);
}

/// De thuiszittersdossiers van het samenwerkingsverband opvragen (wordt vastgelegd in de audit).
#[utoipa::path(
    tag = "Thuiszitters",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: startdatum, einddatum, createdAt, updatedAt; `-` voor aflopend", example = "-startdatum"),
        ("gemeenteId" = Option<uuid::Uuid>, Query, description = "Alleen leerlingen die in deze gemeente wonen"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen dossiers van deze school"),
        ("leerlingId" = Option<uuid::Uuid>, Query, description = "Alleen dossiers van deze leerling"),
        ("categorie" = Option<crate::thuiszitters::store::soorten::ThuiszitterCategorie>, Query, description = "Alleen dossiers waarvan de laatste verloopregel deze categorie heeft"),
        ("perspectief" = Option<crate::thuiszitters::store::soorten::Perspectief>, Query, description = "Alleen dossiers waarvan de laatste verloopregel dit perspectief heeft"),
        ("zonderPerspectief" = Option<bool>, Query, description = "`true`: alleen dossiers waarvan de laatste verloopregel geen perspectief noemt"),
        ("actiefOp" = Option<chrono::NaiveDate>, Query, description = "Alleen dossiers die op deze dag meetellen (gestart, nog niet gesloten)"),
    ),
    responses((status = 200, description = "Een pagina dossiers (of de hele lijst als CSV/XLSX)", body = ThuiszitterPage)),
)]
#[get("/thuiszitters")]
async fn list_thuiszitters(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    audit::routes::listed::<Thuiszitter>(
        &state.db,
        &req,
        trail(&caller, &req),
        "-startdatum",
        |q| Filter {
            swv,
            gemeente_id: q.id("gemeenteId"),
            school_id: q.id("schoolId"),
            leerling_id: q.id("leerlingId"),
            categorie: q.enumeration("categorie"),
            perspectief: q.enumeration("perspectief"),
            zonder_perspectief: q.boolean("zonderPerspectief"),
            actief_op: q.date("actiefOp"),
        },
    )
    .await
}

crate::crud_routes! {
    resource: Thuiszitter, input: ThuiszitterInput, tag: "Thuiszitters",
    collection: "/thuiszitters", item: "/thuiszitters/{id}", id: "Id van het dossier",
    scope: |caller: &Caller, access| caller.tenant(Area::Leerlingen, access),
    create: (create_thuiszitter, "Een thuiszitter of dreigende thuiszitter registreren, met de eerste verloopregel."),
    get: (get_thuiszitter, "Eén dossier met zijn verloop.", "Het dossier"),
    put: (put_thuiszitter, "Een dossier vervangen (ook de eerste verloopregel; sluiten met einddatum en eindreden)."),
    patch: (patch_thuiszitter, "Velden van een dossier wijzigen (JSON merge patch).", "Alleen de velden die veranderen; `null` wist een veld"),
    delete: (delete_thuiszitter, "Een dossier verwijderen, met zijn verloop."),
}

/// A case, audited, for one of its parts.
async fn read(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    id: Id,
) -> Result<Thuiszitter, ApiError> {
    read_pupil_record(&state.db, caller, req, move |c, swv| {
        casussen::find(c, swv, id)
    })
    .await
}

/// Het verloop van een dossier, op datum.
#[utoipa::path(
    tag = "Thuiszitters",
    params(("id" = uuid::Uuid, Path, description = "Id van het dossier")),
    responses((status = 200, description = "De verloopregels; `ETag` is die van het dossier", body = Vec<Verloop>)),
)]
#[get("/thuiszitters/{id}/verloop")]
async fn list_verloop(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let case = read(&state, &caller, &req, id.into_inner()).await?;
    Ok(resource::ok(case.versie, &case.verloop))
}

/// Eén verloopregel.
#[utoipa::path(
    tag = "Thuiszitters",
    params(("id" = uuid::Uuid, Path, description = "Id van het dossier"), ("entryId" = uuid::Uuid, Path, description = "Id van de verloopregel")),
    responses((status = 200, description = "De verloopregel", body = Verloop)),
)]
#[get("/thuiszitters/{id}/verloop/{entryId}")]
async fn get_verloop(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    ids: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let (id, entry) = ids.into_inner();
    let case = read(&state, &caller, &req, id).await?;
    let e = case
        .verloop
        .iter()
        .find(|e| e.id == entry)
        .ok_or_else(ApiError::not_found)?;
    Ok(resource::ok(case.versie, e))
}

/// De situatie is veranderd: een verloopregel toevoegen.
#[utoipa::path(
    tag = "Thuiszitters",
    description = "Vanaf `vanaf` geldt de nieuwe categorie, het scenario en perspectief. `vanaf` ligt na de startdatum \
                   en voor de einddatum van het dossier, op een dag zonder andere regel (anders `400`). `If-Match` is \
                   de `ETag` van het dossier; zijn `versie` gaat één omhoog.",
    params(("id" = uuid::Uuid, Path, description = "Id van het dossier"), ("If-Match" = Option<String>, Header, description = "De `ETag` van het dossier dat u las")),
    request_body = VerloopInput,
    responses((status = 201, description = "De verloopregel; `ETag` is die van het dossier", body = Verloop)),
)]
#[post("/thuiszitters/{id}/verloop")]
async fn create_verloop(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    id: web::Path<Id>,
    body: JsonBody<VerloopInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    let (id, expect, input) = (id.into_inner(), if_match.0, body.decode());
    let (case, e) = audited(&state.db, trail(&caller, &req), Actie::Wijzigen, move |c| {
        casussen::find(c, swv, id)?;
        verloop::add(c, swv, id, expect, &input?)
    })
    .await?;
    Ok(resource::created(
        &format!("thuiszitters/{}/verloop", case.id),
        e.id,
        case.versie,
        &e,
    ))
}

/// Een verloopregel wijzigen (JSON merge patch).
#[utoipa::path(
    tag = "Thuiszitters",
    description = "De `vanaf` van de eerste regel is de startdatum van het dossier en verandert alleen met die \
                   (`400`). `If-Match` is de `ETag` van het dossier.",
    params(("id" = uuid::Uuid, Path, description = "Id van het dossier"), ("entryId" = uuid::Uuid, Path, description = "Id van de verloopregel"), ("If-Match" = Option<String>, Header, description = "De `ETag` van het dossier dat u las")),
    request_body(content = VerloopInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen; `null` wist een veld"),
    responses((status = 200, description = "De verloopregel; `ETag` is die van het dossier", body = Verloop)),
)]
#[patch("/thuiszitters/{id}/verloop/{entryId}")]
async fn patch_verloop(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    ids: web::Path<(Id, Id)>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    let ((id, entry), expect) = (ids.into_inner(), if_match.0);
    let (case, e) = audited(&state.db, trail(&caller, &req), Actie::Wijzigen, move |c| {
        casussen::find(c, swv, id)?;
        verloop::change(c, swv, id, entry, expect, |old| {
            crate::http::apply_patch(&VerloopInput::from(old), &patch)
        })
    })
    .await?;
    Ok(resource::ok(case.versie, &e))
}

/// Een verloopregel verwijderen.
#[utoipa::path(
    tag = "Thuiszitters",
    description = "De eerste regel is het begin van het dossier en kan niet weg (`409`). `If-Match` is de `ETag` van \
                   het dossier.",
    params(("id" = uuid::Uuid, Path, description = "Id van het dossier"), ("entryId" = uuid::Uuid, Path, description = "Id van de verloopregel"), ("If-Match" = Option<String>, Header, description = "De `ETag` van het dossier dat u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/thuiszitters/{id}/verloop/{entryId}")]
async fn delete_verloop(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    ids: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    let ((id, entry), expect) = (ids.into_inner(), if_match.0);
    audited(&state.db, trail(&caller, &req), Actie::Wijzigen, move |c| {
        verloop::remove(c, swv, id, entry, expect)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
