//! A pupil as Koers keeps it: a pseudonymous reference chosen by the SWV, month of birth,
//! gender, where the pupil lives and goes to school. No names, addresses, BSN or documents.

use crate::store_prelude::*;
use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;
use validator::ValidationError;

use crate::domain::{rules, time, References};
use crate::schema::{gemeenten, leerlingen};

crate::text_enum! {
    /// Gender as the school registers it.
    pub enum Geslacht {
        Jongen => "jongen",
        Meisje => "meisje",
        Anders => "anders",
        Onbekend => "onbekend",
    }
}

static GEBOORTEMAAND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{4}-(0[1-9]|1[0-2])$").expect("valid regex"));

/// How many months before the current one a month of birth may lie: pupils are at most 25.
const MAX_AGE_MONTHS: i32 = 25 * 12;

/// A pupil of the SWV.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = leerlingen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "referentie": "NK-2024-0117", "geboortemaand": "2015-03",
    "geslacht": "meisje", "woongemeenteId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02",
    "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "leerjaar": 5, "geanonimiseerd": false,
    "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1
}))]
pub struct Leerling {
    pub id: Id,
    /// De pseudonieme sleutel van het samenwerkingsverband (nooit een BSN).
    pub referentie: String,
    /// `YYYY-MM`.
    pub geboortemaand: String,
    pub geslacht: Geslacht,
    pub woongemeente_id: Id,
    pub school_id: Option<Id>,
    pub leerjaar: Option<i32>,
    /// Na de bewaartermijn: referentie willekeurig, geboortemaand afgerond op januari.
    pub geanonimiseerd: bool,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A pupil as a client writes it (`POST`, `PUT`; `PATCH` merges into it).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"referentie": "NK-2024-0117", "geboortemaand": "2015-03", "geslacht": "meisje", "woongemeenteId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02", "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "leerjaar": 5}))]
pub struct LeerlingInput {
    /// De eigen pseudonieme sleutel van het samenwerkingsverband: 1-40 tekens, geen spaties
    /// aan begin of eind, uniek (hoofdletters tellen niet), en nooit een BSN.
    #[validate(
        length(min = 1, max = 40, message = "moet 1 tot 40 tekens lang zijn"),
        custom(function = "referentie_rules")
    )]
    #[schema(min_length = 1, max_length = 40, example = "NK-2024-0117")]
    pub referentie: String,
    /// Geboortemaand `YYYY-MM`: niet na deze maand en hoogstens 25 jaar terug.
    #[validate(custom(function = "geboortemaand_rules"))]
    #[schema(pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$", example = "2015-03")]
    pub geboortemaand: String,
    pub geslacht: Geslacht,
    pub woongemeente_id: Id,
    /// Leeg: (nog) niet ingeschreven op een school van het samenwerkingsverband.
    #[serde(default)]
    pub school_id: Option<Id>,
    /// Groep 1-8 (po) of leerjaar 1-6 (vo).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 8)]
    pub leerjaar: Option<i32>,
}

fn invalid(code: &'static str, message: String) -> ValidationError {
    let mut e = ValidationError::new(code);
    e.message = Some(message.into());
    e
}

fn referentie_rules(s: &str) -> Result<(), ValidationError> {
    rules::single_line(s)?;
    if s.trim() != s {
        return Err(invalid(
            "spaties",
            "mag niet met een spatie beginnen of eindigen".into(),
        ));
    }
    if rules::is_bsn(s) {
        return Err(invalid(
            "bsn",
            "lijkt een BSN (elfproef); gebruik de eigen pseudonieme referentie van het samenwerkingsverband".into(),
        ));
    }
    Ok(())
}

/// Months since year 0, for comparing months.
fn month_index(year: i32, month: u32) -> i32 {
    year * 12 + month as i32 - 1
}

fn geboortemaand_rules(s: &str) -> Result<(), ValidationError> {
    if !GEBOORTEMAAND.is_match(s) {
        return Err(invalid(
            "maand",
            "moet een maand zijn als JJJJ-MM (bijv. 2015-03)".into(),
        ));
    }
    let year: i32 = s[..4].parse().unwrap_or(0);
    let month: u32 = s[5..].parse().unwrap_or(1);
    let today = time::today();
    let now = month_index(today.year(), today.month());
    let born = month_index(year, month);
    if born > now {
        return Err(invalid("toekomst", "ligt in de toekomst".into()));
    }
    if now - born > MAX_AGE_MONTHS {
        return Err(invalid("leeftijd", "ligt meer dan 25 jaar terug".into()));
    }
    Ok(())
}

impl From<&Leerling> for LeerlingInput {
    fn from(l: &Leerling) -> Self {
        LeerlingInput {
            referentie: l.referentie.clone(),
            geboortemaand: l.geboortemaand.clone(),
            geslacht: l.geslacht,
            woongemeente_id: l.woongemeente_id,
            school_id: l.school_id,
            leerjaar: l.leerjaar,
        }
    }
}

/// The filters of the list, within one SWV.
pub struct Filter {
    pub swv: Id,
    /// Exactly this reference, whatever its case.
    pub referentie: Option<String>,
    pub school_id: Option<Id>,
    pub woongemeente_id: Option<Id>,
    pub geanonimiseerd: Option<bool>,
    /// Part of the reference (`q`).
    pub search: Option<String>,
}

/// The only way into the table: always within one SWV.
pub fn scoped(swv: Id) -> leerlingen::BoxedQuery<'static, MultiBackend> {
    leerlingen::table
        .filter(leerlingen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(f: &Filter) -> leerlingen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(r) = &f.referentie {
        q = q.filter(lower(leerlingen::referentie).eq(r.to_lowercase()));
    }
    if let Some(v) = f.school_id {
        q = q.filter(leerlingen::school_id.eq(v));
    }
    if let Some(v) = f.woongemeente_id {
        q = q.filter(leerlingen::woongemeente_id.eq(v));
    }
    if let Some(v) = f.geanonimiseerd {
        q = q.filter(leerlingen::geanonimiseerd.eq(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(lower(leerlingen::referentie).like(p.clone()).escape('\\'));
    }
    q
}

crate::listed! {
    Leerling, name: "leerlingen", filter: Filter,
    rows: |f| filtered(f), select: Leerling::as_select(),
    sorts: {
        "referentie" => leerlingen::referentie,
        "geboortemaand" => leerlingen::geboortemaand,
        "leerjaar" => leerlingen::leerjaar,
        "createdAt" => leerlingen::created_at,
        "updatedAt" => leerlingen::updated_at,
    },
    id: leerlingen::id,
}

impl crate::audit::AboutPupils for Leerling {
    fn pupils(&self) -> Vec<Id> {
        vec![self.id]
    }
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Leerling, ApiError> {
    scoped(swv)
        .filter(leerlingen::id.eq(id))
        .select(Leerling::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// References within the SWV (any existing gemeente may be where a pupil lives) and the year
/// group within the range of the SWV's sector.
fn check(c: &mut DbConn, swv: Id, input: &LeerlingInput) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "woongemeenteId",
        diesel::select(diesel::dsl::exists(
            gemeenten::table.filter(gemeenten::id.eq(input.woongemeente_id)),
        ))
        .get_result(c)?,
    );
    if let Some(s) = input.school_id {
        refs.check(
            "schoolId",
            crate::domain::references::school_in_swv(c, swv, s)?,
        );
    }
    refs.finish()?;
    if let Some(j) = input.leerjaar {
        crate::org::store::swv::check_leerjaar(c, swv, j)?;
    }
    Ok(())
}

impl Versioned for Leerling {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Leerling {
    type Input = LeerlingInput;
    type Scope = Id;
    const TABLE: &'static str = "leerlingen";

    fn input(&self) -> LeerlingInput {
        LeerlingInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &LeerlingInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check(c, swv, input)?;
        diesel::insert_into(leerlingen::table)
            .values((
                leerlingen::id.eq(id),
                leerlingen::samenwerkingsverband_id.eq(swv),
                leerlingen::referentie.eq(&input.referentie),
                leerlingen::geboortemaand.eq(&input.geboortemaand),
                leerlingen::geslacht.eq(input.geslacht),
                leerlingen::woongemeente_id.eq(input.woongemeente_id),
                leerlingen::school_id.eq(input.school_id),
                leerlingen::leerjaar.eq(input.leerjaar),
                leerlingen::geanonimiseerd.eq(false),
                leerlingen::created_at.eq(now),
                leerlingen::updated_at.eq(now),
                leerlingen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &LeerlingInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check(c, swv, input)?;
        Ok(diesel::update(
            leerlingen::table
                .filter(leerlingen::id.eq(current.id))
                .filter(leerlingen::versie.eq(current.versie)),
        )
        .set((
            leerlingen::referentie.eq(&input.referentie),
            leerlingen::geboortemaand.eq(&input.geboortemaand),
            leerlingen::geslacht.eq(input.geslacht),
            leerlingen::woongemeente_id.eq(input.woongemeente_id),
            leerlingen::school_id.eq(input.school_id),
            leerlingen::leerjaar.eq(input.leerjaar),
            leerlingen::updated_at.eq(now),
            leerlingen::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    /// A pupil registered by mistake goes with every record about it: never a `409`.
    fn check_delete(_: &mut DbConn, _: &Self) -> Result<(), ApiError> {
        Ok(())
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            leerlingen::table
                .filter(leerlingen::id.eq(current.id))
                .filter(leerlingen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
