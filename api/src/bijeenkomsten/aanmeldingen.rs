//! `/bijeenkomsten/{id}/aanmeldingen`: who registered, who waits, who came; the bulk
//! attendance of a meeting and the import of a registration list.

use std::collections::HashMap;

use actix_web::{delete, get, patch, post, web, HttpRequest, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::records::{self, Row};
use super::wachtlijst::{self, Nieuw};
use super::{AanmeldingStatus, Bron, Functie};
use crate::auth::{Access, Area, Caller};
use crate::db::lower;
use crate::db::{DbConn, Id, MultiBackend};
use crate::domain::rules;
use crate::domain::time;
use crate::error::ApiError;
use crate::http::{
    apply_patch, export, Format, Input, JsonBody, ListQuery, ListSpec, MergePatch, RawBody,
};
use crate::schema::{aanmeldingen, scholen};
use crate::state::AppState;
use crate::{order_by, page_schema, resource};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = aanmeldingen, check_for_backend(MultiBackend))]
struct AanmeldingRow {
    id: Id,
    bijeenkomst_id: Id,
    naam: String,
    email: String,
    school_id: Option<Id>,
    functie: Functie,
    status: AanmeldingStatus,
    aanwezig: Option<bool>,
    bron: Bron,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    versie: i32,
}

/// A registration for a meeting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a31", "bijeenkomstId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a21",
    "naam": "Sanne de Vries", "email": "s.devries@school.example", "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b",
    "schoolNaam": "De Regenboog", "functie": "intern_begeleider", "status": "aangemeld", "aanwezig": true,
    "wachtlijstPositie": null, "bron": "publiek",
    "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 2
}))]
pub struct Aanmelding {
    pub id: Id,
    pub bijeenkomst_id: Id,
    pub naam: String,
    pub email: String,
    pub school_id: Option<Id>,
    #[schema(read_only)]
    pub school_naam: Option<String>,
    pub functie: Functie,
    pub status: AanmeldingStatus,
    /// Leeg tot de aanwezigheid is vastgelegd.
    pub aanwezig: Option<bool>,
    /// De plaats op de wachtlijst (1 = de eerste die doorschuift); leeg als de status geen `wachtlijst` is.
    #[schema(read_only)]
    pub wachtlijst_positie: Option<i64>,
    #[schema(read_only)]
    pub bron: Bron,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A new registration.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Sanne de Vries", "email": "s.devries@school.example", "schoolId": null, "functie": "intern_begeleider"}))]
pub struct NieuweAanmelding {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// Per bijeenkomst uniek (hoofdletters tellen niet).
    #[validate(
        email(message = "is geen geldig e-mailadres"),
        length(max = 254, message = "mag hoogstens 254 tekens lang zijn")
    )]
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    /// Een school van het samenwerkingsverband.
    #[serde(default)]
    pub school_id: Option<Id>,
    pub functie: Functie,
}

impl Input for NieuweAanmelding {}

/// A registration as changed (merge patch).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Sanne de Vries", "email": "s.devries@school.example", "schoolId": null, "functie": "intern_begeleider", "status": "aangemeld", "aanwezig": true}))]
pub struct AanmeldingInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    #[validate(
        email(message = "is geen geldig e-mailadres"),
        length(max = 254, message = "mag hoogstens 254 tekens lang zijn")
    )]
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[serde(default)]
    pub school_id: Option<Id>,
    pub functie: Functie,
    /// Alleen `afgemeld` is een wijziging die u kunt maken (de wachtlijst schuift dan door).
    pub status: AanmeldingStatus,
    /// Vast te leggen vanaf de start van de bijeenkomst, alleen bij status `aangemeld`.
    #[serde(default)]
    pub aanwezig: Option<bool>,
}

impl Input for AanmeldingInput {
    fn read_only() -> &'static [&'static str] {
        &["bijeenkomstId", "schoolNaam", "wachtlijstPositie", "bron"]
    }
}

page_schema!(AanmeldingPage, Aanmelding);

const SPEC: ListSpec = ListSpec {
    sorts: &["createdAt", "naam", "status", "updatedAt"],
    filters: &["status", "functie", "schoolId", "aanwezig"],
    default_sort: "createdAt",
};

#[derive(Default, Clone)]
struct Filter {
    status: Option<AanmeldingStatus>,
    functie: Option<Functie>,
    school_id: Option<Id>,
    aanwezig: Option<bool>,
    search: Option<String>,
}

fn scoped(swv: Id, bijeenkomst: Id) -> aanmeldingen::BoxedQuery<'static, MultiBackend> {
    aanmeldingen::table
        .filter(aanmeldingen::samenwerkingsverband_id.eq(swv))
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
        .into_boxed()
}

fn filtered(
    swv: Id,
    bijeenkomst: Id,
    f: &Filter,
) -> aanmeldingen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv, bijeenkomst);
    if let Some(v) = f.status {
        q = q.filter(aanmeldingen::status.eq(v));
    }
    if let Some(v) = f.functie {
        q = q.filter(aanmeldingen::functie.eq(v));
    }
    if let Some(v) = f.school_id {
        q = q.filter(aanmeldingen::school_id.eq(v));
    }
    if let Some(v) = f.aanwezig {
        q = q.filter(aanmeldingen::aanwezig.eq(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(aanmeldingen::naam)
                .like(p.clone())
                .escape('\\')
                .or(aanmeldingen::email_sleutel.like(p.clone()).escape('\\')),
        );
    }
    q
}

/// Rows with their school names and waiting-list places: two queries for the whole set.
fn complete(c: &mut DbConn, rows: Vec<AanmeldingRow>) -> Result<Vec<Aanmelding>, ApiError> {
    let school_ids: Vec<Id> = rows.iter().filter_map(|r| r.school_id).collect();
    let names: HashMap<Id, String> = if school_ids.is_empty() {
        HashMap::new()
    } else {
        scholen::table
            .filter(scholen::id.eq_any(crate::domain::unique(&school_ids)))
            .select((scholen::id, scholen::naam))
            .load::<(Id, String)>(c)?
            .into_iter()
            .collect()
    };
    let waiting: Vec<Id> = rows
        .iter()
        .filter(|r| r.status == AanmeldingStatus::Wachtlijst)
        .map(|r| r.bijeenkomst_id)
        .collect();
    let mut places: HashMap<Id, i64> = HashMap::new();
    if !waiting.is_empty() {
        let queue: Vec<(Id, Id)> = aanmeldingen::table
            .filter(aanmeldingen::bijeenkomst_id.eq_any(crate::domain::unique(&waiting)))
            .filter(aanmeldingen::status.eq(AanmeldingStatus::Wachtlijst))
            .order((aanmeldingen::bijeenkomst_id, aanmeldingen::positie))
            .select((aanmeldingen::bijeenkomst_id, aanmeldingen::id))
            .load(c)?;
        let mut n: HashMap<Id, i64> = HashMap::new();
        for (b, id) in queue {
            let e = n.entry(b).or_default();
            *e += 1;
            places.insert(id, *e);
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| Aanmelding {
            school_naam: r.school_id.and_then(|s| names.get(&s).cloned()),
            wachtlijst_positie: places.get(&r.id).copied(),
            id: r.id,
            bijeenkomst_id: r.bijeenkomst_id,
            naam: r.naam,
            email: r.email,
            school_id: r.school_id,
            functie: r.functie,
            status: r.status,
            aanwezig: r.aanwezig,
            bron: r.bron,
            created_at: r.created_at,
            updated_at: r.updated_at,
            versie: r.versie,
        })
        .collect())
}

fn find_row(c: &mut DbConn, swv: Id, bijeenkomst: Id, id: Id) -> Result<AanmeldingRow, ApiError> {
    scoped(swv, bijeenkomst)
        .filter(aanmeldingen::id.eq(id))
        .select(AanmeldingRow::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn find(c: &mut DbConn, swv: Id, bijeenkomst: Id, id: Id) -> Result<Aanmelding, ApiError> {
    let row = find_row(c, swv, bijeenkomst, id)?;
    Ok(complete(c, vec![row])?.remove(0))
}

/// The position on the waiting list of a registration, if it waits.
pub fn wachtlijst_positie(
    c: &mut DbConn,
    bijeenkomst: Id,
    id: Id,
) -> Result<Option<i64>, ApiError> {
    let row: Option<(AanmeldingStatus, i64)> = aanmeldingen::table
        .filter(aanmeldingen::id.eq(id))
        .select((aanmeldingen::status, aanmeldingen::positie))
        .first(c)
        .optional()?;
    match row {
        Some((AanmeldingStatus::Wachtlijst, positie)) => {
            let before: i64 = aanmeldingen::table
                .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
                .filter(aanmeldingen::status.eq(AanmeldingStatus::Wachtlijst))
                .filter(aanmeldingen::positie.lt(positie))
                .count()
                .get_result(c)?;
            Ok(Some(before + 1))
        }
        _ => Ok(None),
    }
}

/// `400` naming `schoolId` unless the school is one of this SWV's.
pub fn check_school(c: &mut DbConn, swv: Id, school: Option<Id>) -> Result<(), ApiError> {
    match school {
        Some(s) if !crate::domain::references::school_in_swv(c, swv, s)? => Err(ApiError::field(
            "schoolId",
            "verwijst naar een school die niet bestaat",
        )),
        _ => Ok(()),
    }
}

fn not_yet_started() -> ApiError {
    ApiError::conflict(
        "De aanwezigheid kan pas worden vastgelegd vanaf de start van de bijeenkomst.",
    )
}

fn not_registered() -> ApiError {
    ApiError::conflict(
        "Alleen van aangemelde deelnemers wordt de aanwezigheid vastgelegd (niet van de wachtlijst of afgemelde deelnemers).",
    )
}

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
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let filter = Filter {
        status: q.enumeration("status"),
        functie: q.enumeration("functie"),
        school_id: q.id("schoolId"),
        aanwezig: q.boolean("aanwezig"),
        search: q.search_pattern(),
    };
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = filter.clone();
    export::list(
        &state.db,
        format,
        &q,
        "aanmeldingen",
        move |c| {
            records::find_row(c, swv, bijeenkomst)?;
            Ok(filtered(swv, bijeenkomst, &counted).count().get_result(c)?)
        },
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, bijeenkomst, &filter).select(AanmeldingRow::as_select()), &sort, {
                "createdAt" => aanmeldingen::positie,
                "naam" => aanmeldingen::naam,
                "status" => aanmeldingen::status,
                "updatedAt" => aanmeldingen::updated_at,
            }, aanmeldingen::id);
            let rows = query.limit(limit).offset(offset).load(c)?;
            complete(c, rows)
        },
    )
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
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let bijeenkomst = id.into_inner();
    let a = state
        .db
        .write(move |c| {
            let positie = wachtlijst::lock(c, swv, bijeenkomst)?;
            let input = body.decode()?;
            check_school(c, swv, input.school_id)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let (id, _) = wachtlijst::register(
                c,
                &meeting,
                positie,
                &Nieuw {
                    naam: &input.naam,
                    email: &input.email,
                    school_id: input.school_id,
                    functie: input.functie,
                    bron: Bron::Medewerker,
                    aanwezig: None,
                    annuleer_sleutel: None,
                },
                time::now(),
            )?;
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
    let a = state
        .db
        .read(move |c| find(c, swv, bijeenkomst, id))
        .await?;
    Ok(resource::ok(a.versie, &a))
}

fn input_of(a: &Aanmelding) -> AanmeldingInput {
    AanmeldingInput {
        naam: a.naam.clone(),
        email: a.email.clone(),
        school_id: a.school_id,
        functie: a.functie,
        status: a.status,
        aanwezig: a.aanwezig,
    }
}

/// Applies a change to a registration of a locked meeting: cancellation moves the waiting list
/// up, attendance is only for registered participants from the start of the meeting.
fn change(
    c: &mut DbConn,
    swv: Id,
    meeting: &Row,
    current: &Aanmelding,
    input: &AanmeldingInput,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    if input.status != current.status && input.status != AanmeldingStatus::Afgemeld {
        return Err(ApiError::field(
            "status",
            if current.status == AanmeldingStatus::Afgemeld {
                "een afgemelde deelnemer meldt zich opnieuw aan (een nieuwe aanmelding)"
            } else {
                "alleen afmelden (afgemeld) is mogelijk; de wachtlijst schuift vanzelf door"
            },
        ));
    }
    if input.email.trim() != current.email
        && wachtlijst::email_taken(c, meeting.id, &input.email, Some(current.id))?
    {
        return Err(wachtlijst::already_registered());
    }
    check_school(c, swv, input.school_id)?;
    if input.aanwezig != current.aanwezig && input.status != AanmeldingStatus::Afgemeld {
        if current.status != AanmeldingStatus::Aangemeld {
            return Err(not_registered());
        }
        if now < meeting.start {
            return Err(not_yet_started());
        }
    }
    let n = diesel::update(
        aanmeldingen::table
            .filter(aanmeldingen::id.eq(current.id))
            .filter(aanmeldingen::versie.eq(current.versie)),
    )
    .set((
        aanmeldingen::naam.eq(input.naam.trim()),
        aanmeldingen::email.eq(input.email.trim()),
        aanmeldingen::email_sleutel.eq(super::email_key(&input.email)),
        aanmeldingen::school_id.eq(input.school_id),
        aanmeldingen::functie.eq(input.functie),
        aanmeldingen::aanwezig.eq(input.aanwezig),
        aanmeldingen::updated_at.eq(now),
        aanmeldingen::versie.eq(current.versie + 1),
    ))
    .execute(c)?;
    if n > 0 && input.status == AanmeldingStatus::Afgemeld && current.status != input.status {
        return wachtlijst::cancel(c, meeting, current.id, None, now);
    }
    Ok(n)
}

/// Een aanmelding wijzigen: gegevens, afmelden (`{"status": "afgemeld"}`) of aanwezigheid (`{"aanwezig": true}`).
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
    req: HttpRequest,
    path: web::Path<(Id, Id)>,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let (bijeenkomst, id) = path.into_inner();
    let expect = crate::resource::IfMatch::parse(&req);
    let a = state
        .db
        .write(move |c| {
            wachtlijst::lock(c, swv, bijeenkomst)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let current = find(c, swv, bijeenkomst, id)?;
            expect.check(current.versie)?;
            let input = apply_patch(&input_of(&current), &patch)?;
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
    req: HttpRequest,
    path: web::Path<(Id, Id)>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let (bijeenkomst, id) = path.into_inner();
    let expect = crate::resource::IfMatch::parse(&req);
    state
        .db
        .write(move |c| {
            wachtlijst::lock(c, swv, bijeenkomst)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let current = find_row(c, swv, bijeenkomst, id)?;
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

/// The attendance of several registrations at once.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"aanmeldingIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a31"], "aanwezig": false}))]
pub struct AanwezigheidInput {
    /// Aanmeldingen (status `aangemeld`) van deze bijeenkomst.
    #[validate(length(min = 1, max = 2000, message = "geef 1 tot 2000 aanmeldingen"))]
    #[schema(min_items = 1, max_items = 2000)]
    pub aanmelding_ids: Vec<Id>,
    /// `true` aanwezig, `false` afwezig, `null` nog niet vastgelegd.
    pub aanwezig: Option<bool>,
}

impl Input for AanwezigheidInput {}

/// De aanwezigheid van meerdere aanmeldingen tegelijk vastleggen (bijv. "overige als afwezig").
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    request_body = AanwezigheidInput,
    responses((status = 200, description = "Vastgelegd; de opkomst daarna", body = super::cijfers::Opkomst)),
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
    let opkomst = state
        .db
        .write(move |c| {
            wachtlijst::lock(c, swv, bijeenkomst)?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let input = body.decode()?;
            let now = time::now();
            if now < meeting.start {
                return Err(not_yet_started());
            }
            let ids = crate::domain::unique(&input.aanmelding_ids);
            let registered: i64 = scoped(swv, bijeenkomst)
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
            super::cijfers::opkomst(c, &meeting, now)
        })
        .await?;
    Ok(HttpResponse::Ok().json(opkomst))
}

/// The outcome of an import.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"geimporteerd": 24, "aangemeld": 20, "wachtlijst": 4}))]
pub struct ImportResultaat {
    /// Het aantal ingelezen regels.
    pub geimporteerd: i64,
    pub aangemeld: i64,
    pub wachtlijst: i64,
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
    let bijeenkomst = id.into_inner();
    let kind = super::import::Kind::of_request(&req);
    let result = state
        .db
        .write(move |c| {
            // An unknown meeting is a 404 before anything is said about the file.
            let positie = wachtlijst::lock(c, swv, bijeenkomst)?;
            let kind = kind?;
            let meeting = records::find_row(c, swv, bijeenkomst)?;
            let now = time::now();
            let rows = super::import::parse(kind, &body.0)?;
            let rows = super::import::validate(c, swv, &meeting, rows, now)?;
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
                        annuleer_sleutel: None,
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
