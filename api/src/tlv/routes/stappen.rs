//! The steps of a TLV's procedure: advice, suspensions, the decision, the objection and the
//! outflow. Each belongs to the request: `If-Match` is the TLV's `ETag`, each step raises its
//! `versie`, and every read and change is audited.

use crate::route_prelude::*;

use crate::audit::{routes::audited, routes::read_pupil_record, routes::trail, Actie};
use crate::resource::IfMatch;
use crate::tlv::store::adviezen::{self, AdviesInput};
use crate::tlv::store::besluit::{self, BesluitInput};
use crate::tlv::store::bezwaar::{self, BezwaarInput, UitstroomInput};
use crate::tlv::store::brief::{self, BriefInput};
use crate::tlv::store::opschortingen::{self, OpschortingEinde, OpschortingInput};
use crate::tlv::store::tlvs::{self, Advies, Opschorting};
use crate::tlv::store::Tlv;

impl Input for AdviesInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.deskundige);
        rules::strip_invisible(&mut self.toelichting);
    }
}

impl Input for OpschortingInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.toelichting);
    }
}

impl Input for OpschortingEinde {}

impl Input for BesluitInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.motivering);
    }
}

impl Input for BezwaarInput {
    fn read_only() -> &'static [&'static str] {
        &["tijdig"]
    }
}

impl Input for UitstroomInput {}

impl Input for BriefInput {}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_adviezen)
        .service(create_advies)
        .service(get_advies)
        .service(delete_advies)
        .service(list_opschortingen)
        .service(create_opschorting)
        .service(get_opschorting)
        .service(patch_opschorting)
        .service(put_besluit)
        .service(put_bezwaar)
        .service(put_uitstroom)
        .service(post_besluitbrief);
}

const PATH: &str = "toelaatbaarheidsverklaringen";

/// A part of a TLV with the TLV's `ETag`.
fn part<T: serde::Serialize>(tlv: &Tlv, body: &T) -> HttpResponse {
    resource::ok(tlv.versie, body)
}

/// A new part of a TLV: `201`, its `Location` and the TLV's `ETag`.
fn created_part<T: serde::Serialize>(tlv: &Tlv, sub: &str, id: Id, body: &T) -> HttpResponse {
    resource::created(&format!("{PATH}/{}/{sub}", tlv.id), id, tlv.versie, body)
}

/// Reads a TLV for one of its parts, audited.
async fn read(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    id: Id,
) -> Result<Tlv, ApiError> {
    read_pupil_record(&state.db, caller, req, move |c, swv| tlvs::find(c, swv, id)).await
}

/// Takes a step of request `id` for a caller who may change pupils: the body is read after the
/// permission check, the request must be one of the caller's SWV (else `404`, whatever the
/// body), and the step and its audit entry commit together.
async fn stap<T, R>(
    state: &AppState,
    caller: &Caller,
    req: &HttpRequest,
    id: Id,
    body: JsonBody<T>,
    work: impl FnOnce(&mut crate::db::DbConn, Id, T) -> Result<R, ApiError> + Send + 'static,
) -> Result<R, ApiError>
where
    T: Input + Send + 'static,
    R: crate::audit::AboutPupils + Send + 'static,
{
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    let input = body.decode();
    audited(&state.db, trail(caller, req), Actie::Wijzigen, move |c| {
        tlvs::row(c, swv, id)?;
        work(c, swv, input?)
    })
    .await
}

/// De adviezen van de deskundigen over een TLV-aanvraag, op datum.
#[utoipa::path(
    tag = "TLV",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV")),
    responses((status = 200, description = "De adviezen", body = Vec<Advies>)),
)]
#[get("/toelaatbaarheidsverklaringen/{id}/adviezen")]
async fn list_adviezen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let tlv = read(&state, &caller, &req, id.into_inner()).await?;
    Ok(part(&tlv, &tlv.adviezen))
}

/// Eén advies.
#[utoipa::path(
    tag = "TLV",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("adviesId" = uuid::Uuid, Path, description = "Id van het advies")),
    responses((status = 200, description = "Het advies", body = Advies)),
)]
#[get("/toelaatbaarheidsverklaringen/{id}/adviezen/{adviesId}")]
async fn get_advies(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    ids: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let (id, advies) = ids.into_inner();
    let tlv = read(&state, &caller, &req, id).await?;
    let a = tlv
        .adviezen
        .iter()
        .find(|a| a.id == advies)
        .ok_or_else(ApiError::not_found)?;
    Ok(part(&tlv, a))
}

/// Een advies van een deskundige toevoegen.
#[utoipa::path(
    tag = "TLV",
    description = "Een advies bij een aanvraag in behandeling. Een tweede advies van dezelfde deskundige (naam \
                   zonder hoofdletters en overtollige spaties) geeft `400`; een aanvraag die is ingetrokken of \
                   waarover is beslist `409`. `If-Match` is de `ETag` van de TLV; haar `versie` gaat één omhoog.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de TLV die u las")),
    request_body = AdviesInput,
    responses((status = 201, description = "Het advies; `ETag` is die van de TLV", body = Advies)),
)]
#[post("/toelaatbaarheidsverklaringen/{id}/adviezen")]
async fn create_advies(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    id: web::Path<Id>,
    body: JsonBody<AdviesInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, expect) = (id.into_inner(), if_match.0);
    let (tlv, a) = stap(&state, &caller, &req, id, body, move |c, swv, input| {
        adviezen::add(c, swv, id, expect, &input)
    })
    .await?;
    Ok(created_part(&tlv, "adviezen", a.id, &a))
}

/// Een advies verwijderen.
#[utoipa::path(
    tag = "TLV",
    description = "Alleen bij een aanvraag in behandeling (anders `409`). `If-Match` is de `ETag` van de TLV.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("adviesId" = uuid::Uuid, Path, description = "Id van het advies"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de TLV die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/toelaatbaarheidsverklaringen/{id}/adviezen/{adviesId}")]
async fn delete_advies(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    ids: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    let ((id, advies), expect) = (ids.into_inner(), if_match.0);
    audited(&state.db, trail(&caller, &req), Actie::Wijzigen, move |c| {
        adviezen::remove(c, swv, id, advies, expect)
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// De opschortingen van een TLV-aanvraag, op datum.
#[utoipa::path(
    tag = "TLV",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV")),
    responses((status = 200, description = "De opschortingen", body = Vec<Opschorting>)),
)]
#[get("/toelaatbaarheidsverklaringen/{id}/opschortingen")]
async fn list_opschortingen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let tlv = read(&state, &caller, &req, id.into_inner()).await?;
    Ok(part(&tlv, &tlv.opschortingen))
}

/// Eén opschorting.
#[utoipa::path(
    tag = "TLV",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("opschortingId" = uuid::Uuid, Path, description = "Id van de opschorting")),
    responses((status = 200, description = "De opschorting", body = Opschorting)),
)]
#[get("/toelaatbaarheidsverklaringen/{id}/opschortingen/{opschortingId}")]
async fn get_opschorting(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    ids: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let (id, opschorting) = ids.into_inner();
    let tlv = read(&state, &caller, &req, id).await?;
    let o = tlv
        .opschortingen
        .iter()
        .find(|o| o.id == opschorting)
        .ok_or_else(ApiError::not_found)?;
    Ok(part(&tlv, o))
}

/// De beslistermijn opschorten.
#[utoipa::path(
    tag = "TLV",
    description = "De klok staat stil van `van` tot `tot` (leeg: tot de opschorting wordt beëindigd); die dagen \
                   tellen niet mee. `van` ligt niet voor `ontvangenOp`; opschortingen mogen op elkaar aansluiten \
                   maar niet overlappen (`400` op `van`). Zolang er een loopt is `uiterlijkeBeslisdatum` leeg. \
                   `If-Match` is de `ETag` van de TLV.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de TLV die u las")),
    request_body = OpschortingInput,
    responses((status = 201, description = "De opschorting; `ETag` is die van de TLV", body = Opschorting)),
)]
#[post("/toelaatbaarheidsverklaringen/{id}/opschortingen")]
async fn create_opschorting(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    id: web::Path<Id>,
    body: JsonBody<OpschortingInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, expect) = (id.into_inner(), if_match.0);
    let (tlv, o) = stap(&state, &caller, &req, id, body, move |c, swv, input| {
        opschortingen::add(c, swv, id, expect, &input)
    })
    .await?;
    Ok(created_part(&tlv, "opschortingen", o.id, &o))
}

/// Een lopende opschorting beëindigen.
#[utoipa::path(
    tag = "TLV",
    description = "Zet `tot`: vanaf die dag loopt de klok weer. Een opschorting die al beëindigd is geeft `409`. \
                   `If-Match` is de `ETag` van de TLV.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("opschortingId" = uuid::Uuid, Path, description = "Id van de opschorting"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de TLV die u las")),
    request_body(content = OpschortingEinde, content_type = "application/merge-patch+json"),
    responses((status = 200, description = "De opschorting; `ETag` is die van de TLV", body = Opschorting)),
)]
#[patch("/toelaatbaarheidsverklaringen/{id}/opschortingen/{opschortingId}")]
async fn patch_opschorting(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    ids: web::Path<(Id, Id)>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Write)?;
    // Only the end of a running suspension is written: the patch applies to `{"tot": null}`.
    let mut doc = serde_json::json!({ "tot": null });
    json_patch::merge(&mut doc, &patch.0);
    let input = crate::http::body::decode::<OpschortingEinde>(doc);
    let ((id, opschorting), expect) = (ids.into_inner(), if_match.0);
    let (tlv, o) = audited(&state.db, trail(&caller, &req), Actie::Wijzigen, move |c| {
        tlvs::row(c, swv, id)?;
        opschortingen::close(c, swv, id, opschorting, expect, &input?)
    })
    .await?;
    Ok(part(&tlv, &o))
}

/// Het besluit op een TLV-aanvraag vastleggen.
#[utoipa::path(
    tag = "TLV",
    description = "Kent toe (met `ingangsdatum` en `duurJaren` of `einddatum`) of wijst af. Zonder adviezen van twee \
                   verschillende deskundigen, van wie één orthopedagoog of psycholoog en de ander niet `overig`, volgt \
                   `409` met `ontbreekt` (`orthopedagoog_of_psycholoog`, `tweede_deskundige`). Een lopende opschorting \
                   eindigt op de datum van het besluit. Antwoordt met de hele TLV; `If-Match` is haar `ETag`.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de TLV die u las")),
    request_body = BesluitInput,
    responses((status = 200, description = "De TLV met haar besluit", body = Tlv)),
)]
#[put("/toelaatbaarheidsverklaringen/{id}/besluit")]
async fn put_besluit(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    id: web::Path<Id>,
    body: JsonBody<BesluitInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, expect) = (id.into_inner(), if_match.0);
    let tlv = stap(&state, &caller, &req, id, body, move |c, swv, input| {
        besluit::decide(c, swv, id, expect, &input)
    })
    .await?;
    Ok(part(&tlv, &tlv))
}

/// Het bezwaar tegen het besluit vastleggen (of bijwerken).
#[utoipa::path(
    tag = "TLV",
    description = "`tijdig` als het bezwaar binnen zes weken na `besluit.verzondenOp` binnenkwam (verschoven naar \
                   een werkdag). Te laat en niet verschoonbaar: alleen `niet_ontvankelijk` of `ingetrokken` (anders \
                   `409` op `uitkomst`). `gegrond` heropent de aanvraag: het besluit en het bezwaar gaan naar \
                   `eerdereBesluiten` en de termijn begint opnieuw op `beslistOp`. Antwoordt met de hele TLV.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de TLV die u las")),
    request_body = BezwaarInput,
    responses((status = 200, description = "De TLV met het bezwaar", body = Tlv)),
)]
#[put("/toelaatbaarheidsverklaringen/{id}/bezwaar")]
async fn put_bezwaar(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    id: web::Path<Id>,
    body: JsonBody<BezwaarInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, expect) = (id.into_inner(), if_match.0);
    let tlv = stap(&state, &caller, &req, id, body, move |c, swv, input| {
        bezwaar::object(c, swv, id, expect, &input)
    })
    .await?;
    Ok(part(&tlv, &tlv))
}

/// De uitstroom van de leerling vastleggen.
#[utoipa::path(
    tag = "TLV",
    description = "Waar de leerling met een toegekende TLV heen ging (anders `409`). Antwoordt met de hele TLV.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV"), ("If-Match" = Option<String>, Header, description = "De `ETag` van de TLV die u las")),
    request_body = UitstroomInput,
    responses((status = 200, description = "De TLV met de uitstroom", body = Tlv)),
)]
#[put("/toelaatbaarheidsverklaringen/{id}/uitstroom")]
async fn put_uitstroom(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    if_match: IfMatch,
    id: web::Path<Id>,
    body: JsonBody<UitstroomInput>,
) -> Result<HttpResponse, ApiError> {
    let (id, expect) = (id.into_inner(), if_match.0);
    let tlv = stap(&state, &caller, &req, id, body, move |c, swv, input| {
        bezwaar::outflow(c, swv, id, expect, &input)
    })
    .await?;
    Ok(part(&tlv, &tlv))
}

use crate::domain::document::DOCX;

/// The letter's bytes and the pupil it is about (for the audit trail; its names are not kept).
struct Letter(Vec<u8>, Id);

impl crate::audit::AboutPupils for Letter {
    fn pupils(&self) -> Vec<Id> {
        vec![self.1]
    }
}

/// De besluitbrief aan de ouders, als Word-document.
#[utoipa::path(
    tag = "TLV",
    description = "Het besluit, soort en categorie, de periode, de ontvangende school, de motivering, de adviezen en \
                   waar en tot wanneer bezwaar kan worden gemaakt. De namen en het adres in de body staan alleen in \
                   het document: Koers slaat ze niet op en schrijft ze niet in de audit of het log. `409` zolang er \
                   geen besluit is.",
    params(("id" = uuid::Uuid, Path, description = "Id van de TLV")),
    request_body = BriefInput,
    responses(
        (status = 200, description = "De brief", content((Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))),
        (status = 406, description = "Het gevraagde formaat (`Accept`) wordt niet geleverd", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/toelaatbaarheidsverklaringen/{id}/besluitbrief")]
async fn post_besluitbrief(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    body: JsonBody<BriefInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    let said = req.headers().contains_key(actix_web::http::header::ACCEPT);
    if said && !export::negotiate(&req, false, &[(DOCX, true)])? {
        return Err(ApiError::not_acceptable(DOCX));
    }
    let aan = body.decode();
    let id = id.into_inner();
    let Letter(bytes, _) = audited(
        &state.db,
        trail(&caller, &req),
        Actie::Exporteren,
        move |c| {
            let b = brief::gegevens(c, swv, id)?;
            let aan = aan?;
            Ok(Letter(brief::docx(&b, &aan)?, b.tlv.leerling_id))
        },
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type(DOCX)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"besluitbrief-{id}.docx\""),
        ))
        .body(bytes))
}
