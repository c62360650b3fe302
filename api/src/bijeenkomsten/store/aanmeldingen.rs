//! `/bijeenkomsten/{id}/aanmeldingen`: who registered, who waits, who came; the bulk
//! attendance of a meeting and the import of a registration list.

use super::rij::Row;
use super::wachtlijst::{self};
use super::{AanmeldingStatus, Bron, Functie};
use crate::schema::{aanmeldingen, scholen};
use crate::store_prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = aanmeldingen, check_for_backend(MultiBackend))]
pub struct AanmeldingRow {
    pub id: Id,
    pub bijeenkomst_id: Id,
    pub naam: String,
    pub email: String,
    pub school_id: Option<Id>,
    pub functie: Functie,
    pub status: AanmeldingStatus,
    pub aanwezig: Option<bool>,
    pub bron: Bron,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
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
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// Per bijeenkomst uniek (hoofdletters tellen niet).
    #[validate(
        email(message = "is geen geldig e-mailadres"),
        length(max = 254, message = "mag hoogstens 254 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    /// Een school van het samenwerkingsverband.
    #[serde(default)]
    pub school_id: Option<Id>,
    pub functie: Functie,
}

/// A registration as changed (merge patch).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Sanne de Vries", "email": "s.devries@school.example", "schoolId": null, "functie": "intern_begeleider", "status": "aangemeld", "aanwezig": true}))]
pub struct AanmeldingInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    #[validate(
        email(message = "is geen geldig e-mailadres"),
        length(max = 254, message = "mag hoogstens 254 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[serde(default)]
    pub school_id: Option<Id>,
    pub functie: Functie,
    /// Alleen `afgemeld` is een wijziging die u kunt maken (de wachtlijst schuift dan door).
    pub status: AanmeldingStatus,
    /// Vast te leggen vanaf een half uur voor de start van de bijeenkomst, alleen bij status `aangemeld`.
    #[serde(default)]
    pub aanwezig: Option<bool>,
}

/// The filters of the list of one meeting's registrations.
pub struct Filter {
    pub swv: Id,
    pub bijeenkomst: Id,
    pub status: Option<AanmeldingStatus>,
    pub functie: Option<Functie>,
    pub school_id: Option<Id>,
    pub aanwezig: Option<bool>,
    pub search: Option<String>,
    pub reach: Reach,
}

pub fn scoped(swv: Id, bijeenkomst: Id) -> aanmeldingen::BoxedQuery<'static, MultiBackend> {
    aanmeldingen::table
        .filter(aanmeldingen::samenwerkingsverband_id.eq(swv))
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
        .into_boxed()
}

pub fn filtered(
    swv: Id,
    bijeenkomst: Id,
    f: &Filter,
) -> aanmeldingen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv, bijeenkomst);
    if let Some(schools) = f.reach.schools() {
        q = q.filter(aanmeldingen::school_id.assume_not_null().eq_any(schools));
    }
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

crate::listed! {
    Aanmelding, name: "aanmeldingen", filter: Filter,
    rows: |f| filtered(f.swv, f.bijeenkomst, f), select: AanmeldingRow::as_select(),
    sorts: {
        "createdAt" => aanmeldingen::positie,
        "naam" => aanmeldingen::naam,
        "status" => aanmeldingen::status,
        "updatedAt" => aanmeldingen::updated_at,
    },
    id: aanmeldingen::id,
    complete: complete,
    scope: |c: &mut DbConn, f: &Filter| super::records::find_row(c, f.swv, f.bijeenkomst).map(drop),
}

/// Rows with their school names and waiting-list places: two queries for the whole set.
pub fn complete(c: &mut DbConn, rows: Vec<AanmeldingRow>) -> Result<Vec<Aanmelding>, ApiError> {
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

pub fn find_row(
    c: &mut DbConn,
    swv: Id,
    bijeenkomst: Id,
    id: Id,
) -> Result<AanmeldingRow, ApiError> {
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

/// Whether a registration of `school` is within the caller's reach: for a caller limited to
/// gemeenten, only registrations from a school in them.
pub fn reachable(c: &mut DbConn, reach: &Reach, school: Option<Id>) -> Result<bool, ApiError> {
    match (reach.limit(), school) {
        (None, _) => Ok(true),
        (Some(_), None) => Ok(false),
        (Some(g), Some(s)) => Ok(diesel::select(diesel::dsl::exists(
            scholen::table
                .filter(scholen::id.eq(s))
                .filter(scholen::gemeente_id.eq_any(g.to_vec())),
        ))
        .get_result(c)?),
    }
}

/// `404` for a registration out of the caller's reach, as if it did not exist.
pub fn in_reach(c: &mut DbConn, reach: &Reach, school: Option<Id>) -> Result<(), ApiError> {
    if reachable(c, reach, school)? {
        Ok(())
    } else {
        Err(ApiError::not_found())
    }
}

/// `400` naming `schoolId` when a caller limited to gemeenten registers someone of a school
/// outside them.
pub fn school_in_reach(c: &mut DbConn, reach: &Reach, school: Option<Id>) -> Result<(), ApiError> {
    if reachable(c, reach, school)? {
        Ok(())
    } else {
        Err(ApiError::field(
            "schoolId",
            "moet een school zijn in de gemeenten van deze client",
        ))
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

/// People arrive early: attendance is recorded from half an hour before the start.
pub const AANWEZIG_VOORAF_MINUTEN: i64 = 30;

/// Whether attendance may be recorded at `now` for a meeting starting at `start`.
pub fn aanwezigheid_open(start: NaiveDateTime, now: NaiveDateTime) -> bool {
    now >= start - chrono::Duration::minutes(AANWEZIG_VOORAF_MINUTEN)
}

pub fn not_yet_started() -> ApiError {
    ApiError::conflict(format!(
        "De aanwezigheid kan pas worden vastgelegd vanaf {AANWEZIG_VOORAF_MINUTEN} minuten voor de start van de bijeenkomst."
    ))
}

pub fn not_registered() -> ApiError {
    ApiError::conflict(
        "Alleen van aangemelde deelnemers wordt de aanwezigheid vastgelegd (niet van afgemelde deelnemers; wie van de wachtlijst toch komt, zet u op aanwezig).",
    )
}

pub fn input_of(a: &Aanmelding) -> AanmeldingInput {
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
pub fn change(
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
    // Someone from the waiting list who turns up at the door is there: she takes a place, also
    // beyond the maximum (which is for registrations beforehand), like a walk-in.
    let van_wachtlijst = current.status == AanmeldingStatus::Wachtlijst
        && input.status == AanmeldingStatus::Wachtlijst
        && input.aanwezig == Some(true);
    if input.aanwezig != current.aanwezig && input.status != AanmeldingStatus::Afgemeld {
        if current.status != AanmeldingStatus::Aangemeld && !van_wachtlijst {
            return Err(not_registered());
        }
        if !aanwezigheid_open(meeting.start, now) {
            return Err(not_yet_started());
        }
    }
    let status = if van_wachtlijst {
        AanmeldingStatus::Aangemeld
    } else {
        current.status
    };
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
        aanmeldingen::status.eq(status),
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
