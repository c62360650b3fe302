//! `/bijeenkomsten/{id}/aanmeldingen`: who registered, who waits, who came; the bulk
//! attendance of a meeting and the import of a registration list.

use crate::bijeenkomsten::store::aanmeldingen::*;
use crate::bijeenkomsten::store::rij::Row;
use crate::bijeenkomsten::store::wachtlijst::{self, Nieuw};
use crate::bijeenkomsten::store::{mails, records};
use crate::bijeenkomsten::store::{AanmeldingStatus, Bron, Functie};
use crate::http::{apply_patch, RawBody};
use crate::route_prelude::*;
use crate::schema::aanmeldingen;

impl Input for NieuweAanmelding {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

impl Input for AanmeldingInput {
    fn read_only() -> &'static [&'static str] {
        &["bijeenkomstId", "schoolNaam", "wachtlijstPositie", "bron"]
    }

    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.naam);
    }
}

page_schema!(AanmeldingPage, Aanmelding);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_aanmeldingen)
        .service(create_aanmelding)
        .service(import_aanmeldingen)
        .service(get_aanmelding)
        .service(patch_aanmelding)
        .service(delete_aanmelding)
        .service(post_aanwezigheid);
}

/// De aanmeldingen van een bijeenkomst opvragen (standaard in volgorde van aanmelding).
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(
        ("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"),
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: createdAt, naam, status, updatedAt", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en e-mailadres"),
        ("status" = Option<AanmeldingStatus>, Query, description = "Alleen aanmeldingen met deze status"),
        ("functie" = Option<Functie>, Query, description = "Alleen deelnemers met deze functie"),
        ("schoolId" = Option<uuid::Uuid>, Query, description = "Alleen deelnemers van deze school"),
        ("aanwezig" = Option<bool>, Query, description = "Alleen aanwezigen (true) of afwezigen (false)"),
    ),
    responses((status = 200, description = "Een pagina aanmeldingen (of de hele lijst als CSV/XLSX)", body = AanmeldingPage)),
)]
#[get("/bijeenkomsten/{id}/aanmeldingen")]
async fn list_aanmeldingen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Read)?;
    let bijeenkomst = id.into_inner();
    let reach = caller.reach();
    export::listed::<Aanmelding>(&state.db, &req, "createdAt", |q| Filter {
        swv,
        reach,
        bijeenkomst,
        status: q.enumeration("status"),
        functie: q.enumeration("functie"),
        school_id: q.id("schoolId"),
        aanwezig: q.boolean("aanwezig"),
        search: q.search_pattern(),
    })
    .await
}

/// Iemand aanmelden voor een bijeenkomst; boven het maximum op de wachtlijst.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    request_body = NieuweAanmelding,
    responses((status = 201, description = "Aangemeld of op de wachtlijst gezet", body = Aanmelding)),
)]
#[post("/bijeenkomsten/{id}/aanmeldingen")]
async fn create_aanmelding(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<NieuweAanmelding>,
) -> Result<HttpResponse, ApiError> {
    staff_register(
        &state,
        &caller,
        id.into_inner(),
        body,
        Bron::Medewerker,
        |c, m, id, now| {
            // Registered by staff before the meeting: the participant gets the same confirmation,
            // with the link to cancel, as one who registered herself.
            if m.start > now {
                mails::bevestiging(c, m, id)?;
            }
            Ok(())
        },
    )
    .await
}

/// Registers someone on behalf of staff, under the meeting's lock and within the caller's
/// schools; `then` runs in the same transaction with the meeting, the new id and the time.
/// A walk-in (`Bron::Inloop`) is present, may come beyond the maximum, and only from 30 minutes
/// before the start.
pub async fn staff_register(
    state: &AppState,
    caller: &Caller,
    bijeenkomst: Id,
    body: JsonBody<NieuweAanmelding>,
    bron: Bron,
    then: impl FnOnce(&mut crate::db::DbConn, &Row, Id, chrono::NaiveDateTime) -> Result<(), ApiError>
        + Send
        + 'static,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let reach = caller.reach();
    let a = state
        .db
        .write(move |c| {
            let positie = wachtlijst::lock(c, swv, bijeenkomst)?;
            let input = body.decode()?;
            check_school(c, swv, input.school_id)?;
            school_in_reach(c, &reach, input.school_id)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let now = time::now();
            let inloop = bron == Bron::Inloop;
            if inloop && !aanwezigheid_open(meeting.start, now) {
                return Err(not_yet_started());
            }
            let (id, _) = wachtlijst::register(
                c,
                &meeting,
                positie,
                &Nieuw {
                    naam: &input.naam,
                    email: &input.email,
                    school_id: input.school_id,
                    functie: input.functie,
                    bron,
                    aanwezig: inloop.then_some(true),
                },
                now,
            )?;
            then(c, &meeting, id, now)?;
            find(c, swv, bijeenkomst, id)
        })
        .await?;
    Ok(resource::created(
        &format!("bijeenkomsten/{bijeenkomst}/aanmeldingen"),
        a.id,
        a.versie,
        &a,
    ))
}

/// Eén aanmelding.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("aanmeldingId" = uuid::Uuid, Path, description = "Id van de aanmelding")),
    responses((status = 200, description = "De aanmelding", body = Aanmelding)),
)]
#[get("/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}")]
async fn get_aanmelding(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Read)?;
    let (bijeenkomst, id) = path.into_inner();
    let reach = caller.reach();
    let a = state
        .db
        .read(move |c| {
            let a = find(c, swv, bijeenkomst, id)?;
            in_reach(c, &reach, a.school_id).map(|_| a)
        })
        .await?;
    Ok(resource::ok(a.versie, &a))
}

/// Een aanmelding wijzigen: gegevens, afmelden (`{"status": "afgemeld"}`) of aanwezigheid (`{"aanwezig": true}`).
///
/// Aanwezigheid kan vanaf 30 minuten voor de start. Wie van de wachtlijst toch komt en op
/// aanwezig wordt gezet, krijgt een plaats (status `aangemeld`), ook boven het maximum.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("aanmeldingId" = uuid::Uuid, Path, description = "Id van de aanmelding"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = AanmeldingInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen"),
    responses((status = 200, description = "Bijgewerkt", body = Aanmelding)),
)]
#[patch("/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}")]
async fn patch_aanmelding(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    path: web::Path<(Id, Id)>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let (bijeenkomst, id) = path.into_inner();
    let expect = if_match.0;
    let reach = caller.reach();
    let a = state
        .db
        .write(move |c| {
            wachtlijst::lock(c, swv, bijeenkomst)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let current = find(c, swv, bijeenkomst, id)?;
            in_reach(c, &reach, current.school_id)?;
            expect.check(current.versie)?;
            let input = apply_patch(&input_of(&current), &patch)?;
            school_in_reach(c, &reach, input.school_id)?;
            if change(c, swv, &meeting, &current, &input, time::now())? == 0 {
                return Err(ApiError::precondition_failed());
            }
            find(c, swv, bijeenkomst, id)
        })
        .await?;
    Ok(resource::ok(a.versie, &a))
}

/// Een aanmelding afmelden (gelijk aan `PATCH {"status": "afgemeld"}`); de wachtlijst schuift door.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("aanmeldingId" = uuid::Uuid, Path, description = "Id van de aanmelding"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Afgemeld")),
)]
#[delete("/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}")]
async fn delete_aanmelding(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: crate::resource::IfMatch,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let (bijeenkomst, id) = path.into_inner();
    let expect = if_match.0;
    let reach = caller.reach();
    state
        .db
        .write(move |c| {
            wachtlijst::lock(c, swv, bijeenkomst)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let current = find_row(c, swv, bijeenkomst, id)?;
            in_reach(c, &reach, current.school_id)?;
            expect.check(current.versie)?;
            if current.status != AanmeldingStatus::Afgemeld
                && wachtlijst::cancel(c, &meeting, id, Some(current.versie), time::now())? == 0
            {
                return Err(ApiError::precondition_failed());
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

impl Input for AanwezigheidInput {}

/// De aanwezigheid van meerdere aanmeldingen tegelijk vastleggen (bijv. "overige als afwezig").
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    request_body = AanwezigheidInput,
    responses((status = 200, description = "Vastgelegd; de opkomst daarna", body = crate::bijeenkomsten::store::cijfers::Opkomst)),
)]
#[post("/bijeenkomsten/{id}/aanwezigheid")]
async fn post_aanwezigheid(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<AanwezigheidInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let bijeenkomst = id.into_inner();
    let reach = caller.reach();
    let opkomst = state
        .db
        .write(move |c| {
            wachtlijst::lock(c, swv, bijeenkomst)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let input = body.decode()?;
            let now = time::now();
            if !aanwezigheid_open(meeting.start, now) {
                return Err(not_yet_started());
            }
            let ids = crate::domain::unique(&input.aanmelding_ids);
            let mut registered = scoped(swv, bijeenkomst);
            if let Some(schools) = reach.schools() {
                registered =
                    registered.filter(aanmeldingen::school_id.assume_not_null().eq_any(schools));
            }
            let registered: i64 = registered
                .filter(aanmeldingen::id.eq_any(ids.clone()))
                .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
                .count()
                .get_result(c)?;
            if registered != ids.len() as i64 {
                return Err(ApiError::field(
                    "aanmeldingIds",
                    "noemt aanmeldingen die niet (meer) aangemeld zijn voor deze bijeenkomst",
                ));
            }
            diesel::update(aanmeldingen::table.filter(aanmeldingen::id.eq_any(ids)))
                .set((
                    aanmeldingen::aanwezig.eq(input.aanwezig),
                    aanmeldingen::updated_at.eq(now),
                    aanmeldingen::versie.eq(aanmeldingen::versie + 1),
                ))
                .execute(c)?;
            crate::bijeenkomsten::store::cijfers::opkomst(c, &meeting, &reach, now)
        })
        .await?;
    Ok(HttpResponse::Ok().json(opkomst))
}

/// Een aanmeldlijst inlezen (CSV of Excel): alles of niets.
///
/// De eerste rij noemt de kolommen `naam`, `email` (of `e-mail`), en naar keuze `school` (naam of
/// BRIN), `functie` (waarde of Nederlandse omschrijving, standaard `overig`) en `aanwezig`
/// (`ja`/`nee`). Elke regel wordt gecontroleerd; is er één fout, dan wordt niets ingelezen en
/// noemt `invalidParams` elke foute regel als `rijen[<rijnummer>].<kolom>` (de kopregel is rij 1).
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    request_body(
        description = "Het bestand zelf, als `text/csv` (`;` of `,` gescheiden, UTF-8) of als Excel-werkmap",
        content(
            (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ),
    ),
    responses((status = 200, description = "Ingelezen", body = ImportResultaat)),
)]
#[post("/bijeenkomsten/{id}/aanmeldingen/import")]
async fn import_aanmeldingen(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    body: RawBody,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    if caller.reach().limit().is_some() {
        // A list holds participants of any school: more than such a client may write.
        return Err(ApiError::forbidden(
            "Een client die aan gemeenten gebonden is, kan geen aanmeldlijst inlezen.",
        ));
    }
    let bijeenkomst = id.into_inner();
    let kind = crate::bijeenkomsten::store::import::Kind::of_request(&req);
    let result = state
        .db
        .write(move |c| {
            // An unknown meeting is a 404 before anything is said about the file.
            let positie = wachtlijst::lock(c, swv, bijeenkomst)?;
            let kind = kind?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let now = time::now();
            let rows = crate::bijeenkomsten::store::import::parse(kind, &body.0)?;
            let rows = crate::bijeenkomsten::store::import::validate(c, swv, &meeting, rows, now)?;
            let mut out = ImportResultaat {
                geimporteerd: 0,
                aangemeld: 0,
                wachtlijst: 0,
            };
            for (i, r) in rows.iter().enumerate() {
                let (_, status) = wachtlijst::register(
                    c,
                    &meeting,
                    positie + i as i64,
                    &Nieuw {
                        naam: &r.naam,
                        email: &r.email,
                        school_id: r.school_id,
                        functie: r.functie,
                        bron: Bron::Import,
                        aanwezig: r.aanwezig,
                    },
                    now,
                )?;
                out.geimporteerd += 1;
                match status {
                    AanmeldingStatus::Aangemeld => out.aangemeld += 1,
                    _ => out.wachtlijst += 1,
                }
            }
            // The queue counter continues after the imported rows.
            diesel::update(
                crate::schema::bijeenkomsten::table
                    .filter(crate::schema::bijeenkomsten::id.eq(meeting.id)),
            )
            .set(crate::schema::bijeenkomsten::volgnummer.eq(positie + rows.len() as i64))
            .execute(c)?;
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(result))
}
