//! `/samenwerkingsverbanden`: the tenants of the installation, managed by the platformbeheerder.

use crate::schema::samenwerkingsverbanden as swv;
use crate::store_prelude::*;
use regex::Regex;
use std::sync::LazyLock;
use validator::{Validate, ValidationError};

use crate::domain::peildata;

crate::text_enum! {
    /// Sector: primary (`po`) or secondary (`vo`) education.
    pub enum Sector {
        Po => "po",
        Vo => "vo",
    }
}

pub static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(PO|VO)[0-9]{4}$").expect("valid regex"));

/// A samenwerkingsverband passend onderwijs.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = swv, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c", "naam": "Samenwerkingsverband PO Zuid-Kennemerland", "code": "PO2703", "sector": "po", "bewaartermijnJaren": 2, "beslistermijnDagen": 42, "peildata": ["09-15", "12-15", "03-15", "06-15"], "minimumSchoolcontacten": 3, "kleur": "#0b7285", "logo": true, "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Samenwerkingsverband {
    pub id: Id,
    pub naam: String,
    pub code: String,
    pub sector: Sector,
    /// Jaren na het laatste afgesloten record waarna een leerling wordt geanonimiseerd.
    pub bewaartermijn_jaren: i32,
    /// Dagen waarbinnen over een TLV-aanvraag wordt beslist (Awb 4:13).
    pub beslistermijn_dagen: i32,
    /// De peildata van de thuiszittersregistratie in het schooljaar, als `MM-DD`.
    #[serde(serialize_with = "peildata::serialize")]
    #[schema(value_type = Vec<String>, example = json!(["09-15", "12-15", "03-15", "06-15"]))]
    pub peildata: String,
    /// Schoolcontacten die elke school per schooljaar minstens krijgt.
    pub minimum_schoolcontacten: i32,
    /// De huisstijlkleur (`#rrggbb`) op de publieke pagina's en in mails.
    pub kleur: Option<String>,
    /// Of er een logo is (`PUT /samenwerkingsverbanden/{id}/logo`; te zien op
    /// `/publiek/samenwerkingsverbanden/{id}/logo`).
    #[serde(rename = "logo", serialize_with = "has_logo")]
    #[schema(value_type = bool, read_only)]
    pub logo_type: Option<String>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A samenwerkingsverband as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[validate(schema(function = "code_matches_sector", skip_on_field_errors = true))]
#[schema(example = json!({"naam": "Samenwerkingsverband PO Zuid-Kennemerland", "code": "PO2703", "sector": "po", "bewaartermijnJaren": 2, "beslistermijnDagen": 42, "peildata": ["09-15", "12-15", "03-15", "06-15"], "minimumSchoolcontacten": 3, "kleur": "#0b7285"}))]
pub struct SamenwerkingsverbandInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// Code van DUO: `PO` of `VO` en 4 cijfers; het voorvoegsel past bij de sector.
    #[validate(regex(path = *CODE, message = "moet PO of VO gevolgd door 4 cijfers zijn (bijv. PO2703)"))]
    #[schema(pattern = "^(PO|VO)[0-9]{4}$", example = "PO2703")]
    pub code: String,
    pub sector: Sector,
    /// Jaren (1-10, standaard 2) na het laatste afgesloten record waarna een leerling wordt
    /// geanonimiseerd.
    #[serde(default = "default_bewaartermijn")]
    #[validate(range(min = 1, max = 10, message = "moet tussen 1 en 10 jaar liggen"))]
    #[schema(minimum = 1, maximum = 10, default = 2)]
    pub bewaartermijn_jaren: i32,
    /// Dagen (1-42, standaard 42) waarbinnen over een TLV-aanvraag wordt beslist, vanaf de dag
    /// van ontvangst.
    #[serde(default = "default_beslistermijn")]
    #[validate(range(min = 1, max = 42, message = "moet tussen 1 en 42 dagen liggen"))]
    #[schema(minimum = 1, maximum = 42, default = 42)]
    pub beslistermijn_dagen: i32,
    /// De peildata van de thuiszittersregistratie (1-12, `MM-DD`, standaard 15 september,
    /// 15 december, 15 maart en 15 juni).
    #[serde(default = "peildata::standaard")]
    #[validate(custom(function = "peildata::check"))]
    #[schema(min_items = 1, max_items = 12, example = json!(["09-15", "12-15", "03-15", "06-15"]))]
    pub peildata: Vec<String>,
    /// Schoolcontacten die elke school per schooljaar minstens krijgt (0-52, standaard 3); het
    /// overzicht van de schoolcontacten meet de scholen hieraan, naar rato van het verstreken jaar.
    #[serde(default = "default_minimum_schoolcontacten")]
    #[validate(range(min = 0, max = 52, message = "moet tussen 0 en 52 liggen"))]
    #[schema(minimum = 0, maximum = 52, default = 3)]
    pub minimum_schoolcontacten: i32,
    /// De huisstijlkleur als `#rrggbb` (leeg: de kleur van Koers).
    #[serde(default)]
    #[validate(regex(path = *KLEUR, message = "moet een kleur als #rrggbb zijn, bijvoorbeeld #0b7285"))]
    #[schema(pattern = "^#[0-9a-fA-F]{6}$", example = "#0b7285")]
    pub kleur: Option<String>,
}

pub static KLEUR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#[0-9a-fA-F]{6}$").expect("valid regex"));

fn has_logo<S: serde::Serializer>(t: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bool(t.is_some())
}

fn default_bewaartermijn() -> i32 {
    2
}

fn default_beslistermijn() -> i32 {
    42
}

fn default_minimum_schoolcontacten() -> i32 {
    3
}

pub fn code_matches_sector(i: &SamenwerkingsverbandInput) -> Result<(), ValidationError> {
    let prefix = i.sector.as_str().to_uppercase();
    if i.code.starts_with(&prefix) {
        Ok(())
    } else {
        let mut e = ValidationError::new("code");
        e.message = Some(
            format!(
                "past niet bij sector '{}': de code begint dan met {prefix}",
                i.sector
            )
            .into(),
        );
        Err(e)
    }
}

impl From<&Samenwerkingsverband> for SamenwerkingsverbandInput {
    fn from(s: &Samenwerkingsverband) -> Self {
        SamenwerkingsverbandInput {
            naam: s.naam.clone(),
            code: s.code.clone(),
            sector: s.sector,
            bewaartermijn_jaren: s.bewaartermijn_jaren,
            beslistermijn_dagen: s.beslistermijn_dagen,
            peildata: peildata::parse(&s.peildata),
            minimum_schoolcontacten: s.minimum_schoolcontacten,
            kleur: s.kleur.clone(),
        }
    }
}

/// Every SWV for the platformbeheerder; only its own for anyone else.
pub fn scoped(visible: Option<Id>) -> swv::BoxedQuery<'static, MultiBackend> {
    let q = swv::table.into_boxed();
    match visible {
        Some(id) => q.filter(swv::id.eq(id)),
        None => q,
    }
}

pub fn find(c: &mut DbConn, visible: Option<Id>, id: Id) -> Result<Samenwerkingsverband, ApiError> {
    scoped(visible)
        .filter(swv::id.eq(id))
        .select(Samenwerkingsverband::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

impl Versioned for Samenwerkingsverband {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Samenwerkingsverband {
    type Input = SamenwerkingsverbandInput;
    type Scope = Option<Id>;
    const TABLE: &'static str = "samenwerkingsverbanden";

    fn input(&self) -> SamenwerkingsverbandInput {
        SamenwerkingsverbandInput::from(self)
    }

    fn find(c: &mut DbConn, scope: Option<Id>, id: Id) -> Result<Self, ApiError> {
        find(c, scope, id)
    }

    fn insert(
        c: &mut DbConn,
        _scope: Option<Id>,
        id: Id,
        input: &SamenwerkingsverbandInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(swv::table)
            .values((
                swv::id.eq(id),
                swv::naam.eq(input.naam.trim()),
                swv::code.eq(&input.code),
                swv::sector.eq(input.sector),
                swv::bewaartermijn_jaren.eq(input.bewaartermijn_jaren),
                swv::beslistermijn_dagen.eq(input.beslistermijn_dagen),
                swv::peildata.eq(peildata::join(&input.peildata)),
                swv::minimum_schoolcontacten.eq(input.minimum_schoolcontacten),
                swv::kleur.eq(input.kleur.as_deref().map(str::to_lowercase)),
                swv::created_at.eq(now),
                swv::updated_at.eq(now),
                swv::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _scope: Option<Id>,
        current: &Self,
        input: &SamenwerkingsverbandInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            swv::table
                .filter(swv::id.eq(current.id))
                .filter(swv::versie.eq(current.versie)),
        )
        .set((
            swv::naam.eq(input.naam.trim()),
            swv::code.eq(&input.code),
            swv::sector.eq(input.sector),
            swv::bewaartermijn_jaren.eq(input.bewaartermijn_jaren),
            swv::beslistermijn_dagen.eq(input.beslistermijn_dagen),
            swv::peildata.eq(peildata::join(&input.peildata)),
            swv::minimum_schoolcontacten.eq(input.minimum_schoolcontacten),
            swv::kleur.eq(input.kleur.as_deref().map(str::to_lowercase)),
            swv::updated_at.eq(now),
            swv::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            swv::table
                .filter(swv::id.eq(current.id))
                .filter(swv::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

/// The filters of the list, within what the caller may see (`None`: every SWV).
pub struct Filter {
    pub visible: Option<Id>,
    pub sector: Option<Sector>,
    pub code: Option<String>,
    pub search: Option<String>,
}

pub fn filtered(f: &Filter) -> swv::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.visible);
    if let Some(s) = f.sector {
        q = q.filter(swv::sector.eq(s));
    }
    if let Some(c) = &f.code {
        q = q.filter(swv::code.eq(c.clone()));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(swv::naam)
                .like(p.clone())
                .escape('\\')
                .or(lower(swv::code).like(p.clone()).escape('\\')),
        );
    }
    q
}

crate::listed! {
    Samenwerkingsverband, name: "samenwerkingsverbanden", filter: Filter,
    rows: |f| filtered(f), select: Samenwerkingsverband::as_select(),
    sorts: {
        "naam" => swv::naam,
        "code" => swv::code,
        "sector" => swv::sector,
        "createdAt" => swv::created_at,
        "updatedAt" => swv::updated_at,
    },
    id: swv::id,
}

/// A year group within the range of the SWV's sector (`400` on `leerjaar` otherwise).
pub fn check_leerjaar(c: &mut DbConn, id: Id, j: i32) -> Result<(), ApiError> {
    let sector: Sector = swv::table
        .filter(swv::id.eq(id))
        .select(swv::sector)
        .first(c)?;
    let (max, wat) = match sector {
        Sector::Po => (8, "groep 1 tot en met 8 (primair onderwijs)"),
        Sector::Vo => (6, "leerjaar 1 tot en met 6 (voortgezet onderwijs)"),
    };
    if !(1..=max).contains(&j) {
        return Err(ApiError::field("leerjaar", format!("moet {wat} zijn")));
    }
    Ok(())
}
