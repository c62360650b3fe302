//! School locations of the SWV: the record, its input and its queries.

use crate::store_prelude::*;
use std::sync::LazyLock;

use regex::Regex;

use crate::domain::{rules, time, References};
use crate::schema::{gemeenten, scholen, schoolbesturen, werkgebieden};

crate::text_enum! {
    /// Kind of school: regular primary (`bao`), special primary (`sbo`), special (`so`),
    /// secondary special (`vso`), secondary (`vo`) or integrated child centre (`ikc`).
    pub enum SchoolSoort {
        Bao => "bao",
        Sbo => "sbo",
        So => "so",
        Vso => "vso",
        Vo => "vo",
        Ikc => "ikc",
    }
}

pub static BRIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{2}[A-Z]{2}([0-9]{2})?$").expect("valid regex"));

/// A school location.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = scholen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao",
    "schoolbestuurId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "gemeenteId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02",
    "werkgebiedId": null, "leerlingaantal": 312, "consulentId": null,
    "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1
}))]
pub struct School {
    pub id: Id,
    pub naam: String,
    pub brin: String,
    pub soort: SchoolSoort,
    pub schoolbestuur_id: Id,
    pub gemeente_id: Id,
    pub werkgebied_id: Option<Id>,
    pub leerlingaantal: Option<i32>,
    /// De consulent van het samenwerkingsverband die de school begeleidt.
    pub consulent_id: Option<Id>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A school as a client writes it (`POST`, `PUT`; `PATCH` merges into it).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "gemeenteId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02", "werkgebiedId": null, "leerlingaantal": 312}))]
pub struct SchoolInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// BRIN: 2 cijfers en 2 hoofdletters, eventueel gevolgd door een locatienummer van 2 cijfers.
    #[validate(regex(path = *BRIN, message = "moet 2 cijfers en 2 hoofdletters zijn, eventueel gevolgd door 2 cijfers (bijv. 12AB00)"))]
    #[schema(pattern = "^[0-9]{2}[A-Z]{2}([0-9]{2})?$", example = "12AB00")]
    pub brin: String,
    pub soort: SchoolSoort,
    pub schoolbestuur_id: Id,
    pub gemeente_id: Id,
    #[serde(default)]
    pub werkgebied_id: Option<Id>,
    #[serde(default)]
    #[validate(range(min = 0, max = 100000, message = "moet tussen 0 en 100000 liggen"))]
    #[schema(minimum = 0, maximum = 100000)]
    pub leerlingaantal: Option<i32>,
    /// Een actieve consulent van het samenwerkingsverband (door de beheerder gezet).
    #[serde(default)]
    pub consulent_id: Option<Id>,
}

impl From<&School> for SchoolInput {
    fn from(s: &School) -> Self {
        SchoolInput {
            naam: s.naam.clone(),
            brin: s.brin.clone(),
            soort: s.soort,
            schoolbestuur_id: s.schoolbestuur_id,
            gemeente_id: s.gemeente_id,
            werkgebied_id: s.werkgebied_id,
            leerlingaantal: s.leerlingaantal,
            consulent_id: s.consulent_id,
        }
    }
}

/// The filters of the list, within one SWV.
#[derive(Clone)]
pub struct Filter {
    pub swv: Id,
    pub reach: Reach,
    pub soort: Option<SchoolSoort>,
    pub schoolbestuur_id: Option<Id>,
    pub gemeente_id: Option<Id>,
    pub werkgebied_id: Option<Id>,
    pub consulent_id: Option<Id>,
    pub search: Option<String>,
}

/// The only way into the table: always within one SWV.
fn scoped(swv: Id) -> scholen::BoxedQuery<'static, MultiBackend> {
    scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(swv: Id, f: &Filter) -> scholen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(g) = f.reach.limit() {
        q = q.filter(scholen::gemeente_id.eq_any(g.to_vec()));
    }
    if let Some(v) = f.soort {
        q = q.filter(scholen::soort.eq(v));
    }
    if let Some(v) = f.schoolbestuur_id {
        q = q.filter(scholen::schoolbestuur_id.eq(v));
    }
    if let Some(v) = f.gemeente_id {
        q = q.filter(scholen::gemeente_id.eq(v));
    }
    if let Some(v) = f.werkgebied_id {
        q = q.filter(scholen::werkgebied_id.eq(v));
    }
    if let Some(v) = f.consulent_id {
        q = q.filter(scholen::consulent_id.eq(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(scholen::naam)
                .like(p.clone())
                .escape('\\')
                .or(lower(scholen::brin).like(p.clone()).escape('\\')),
        );
    }
    q
}

crate::listed! {
    School, name: "scholen", filter: Filter,
    rows: |f| filtered(f.swv, f), select: School::as_select(),
    sorts: {
        "naam" => scholen::naam,
        "brin" => scholen::brin,
        "soort" => scholen::soort,
        "leerlingaantal" => scholen::leerlingaantal,
        "createdAt" => scholen::created_at,
        "updatedAt" => scholen::updated_at,
    },
    id: scholen::id,
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<School, ApiError> {
    scoped(swv)
        .filter(scholen::id.eq(id))
        .select(School::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

fn check_references(c: &mut DbConn, swv: Id, input: &SchoolInput) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "schoolbestuurId",
        diesel::select(diesel::dsl::exists(
            schoolbesturen::table
                .filter(schoolbesturen::id.eq(input.schoolbestuur_id))
                .filter(schoolbesturen::samenwerkingsverband_id.eq(swv)),
        ))
        .get_result(c)?,
    );
    refs.check(
        "gemeenteId",
        diesel::select(diesel::dsl::exists(
            gemeenten::table.filter(gemeenten::id.eq(input.gemeente_id)),
        ))
        .get_result(c)?,
    );
    if let Some(k) = input.consulent_id {
        refs.check_as(
            "consulentId",
            crate::domain::references::actieve_consulent(c, swv, k)?,
            "is geen actieve consulent van dit samenwerkingsverband",
        );
    }
    if let Some(w) = input.werkgebied_id {
        refs.check(
            "werkgebiedId",
            diesel::select(diesel::dsl::exists(
                werkgebieden::table
                    .filter(werkgebieden::id.eq(w))
                    .filter(werkgebieden::samenwerkingsverband_id.eq(swv)),
            ))
            .get_result(c)?,
        );
    }
    refs.finish()
}

impl Versioned for School {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

/// The schools a caller reaches: those of its SWV, within its gemeenten if it is tied to some.
#[derive(Debug, Clone)]
pub struct Reachable {
    pub swv: Id,
    pub reach: Reach,
}

/// A school may be put only in a gemeente the caller reaches.
fn check_reach(reach: &Reach, input: &SchoolInput) -> Result<(), ApiError> {
    if reach.covers_gemeente(input.gemeente_id) {
        Ok(())
    } else {
        Err(ApiError::field(
            "gemeenteId",
            "ligt buiten de gemeenten van deze client",
        ))
    }
}

impl Store for School {
    type Input = SchoolInput;
    type Scope = Reachable;
    const TABLE: &'static str = "scholen";

    fn input(&self) -> SchoolInput {
        SchoolInput::from(self)
    }

    fn find(c: &mut DbConn, scope: Reachable, id: Id) -> Result<Self, ApiError> {
        let school = find(c, scope.swv, id)?;
        if scope.reach.covers_gemeente(school.gemeente_id) {
            Ok(school)
        } else {
            Err(ApiError::not_found())
        }
    }

    fn insert(
        c: &mut DbConn,
        scope: Reachable,
        id: Id,
        input: &SchoolInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_reach(&scope.reach, input)?;
        let swv = scope.swv;
        check_references(c, swv, input)?;
        diesel::insert_into(scholen::table)
            .values((
                scholen::id.eq(id),
                scholen::samenwerkingsverband_id.eq(swv),
                scholen::naam.eq(input.naam.trim()),
                scholen::brin.eq(&input.brin),
                scholen::soort.eq(input.soort),
                scholen::schoolbestuur_id.eq(input.schoolbestuur_id),
                scholen::gemeente_id.eq(input.gemeente_id),
                scholen::werkgebied_id.eq(input.werkgebied_id),
                scholen::leerlingaantal.eq(input.leerlingaantal),
                scholen::consulent_id.eq(input.consulent_id),
                scholen::created_at.eq(now),
                scholen::updated_at.eq(now),
                scholen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        scope: Reachable,
        current: &Self,
        input: &SchoolInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_reach(&scope.reach, input)?;
        check_references(c, scope.swv, input)?;
        Ok(diesel::update(
            scholen::table
                .filter(scholen::id.eq(current.id))
                .filter(scholen::versie.eq(current.versie)),
        )
        .set((
            scholen::naam.eq(input.naam.trim()),
            scholen::brin.eq(&input.brin),
            scholen::soort.eq(input.soort),
            scholen::schoolbestuur_id.eq(input.schoolbestuur_id),
            scholen::gemeente_id.eq(input.gemeente_id),
            scholen::werkgebied_id.eq(input.werkgebied_id),
            scholen::leerlingaantal.eq(input.leerlingaantal),
            scholen::consulent_id.eq(input.consulent_id),
            scholen::updated_at.eq(now),
            scholen::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            scholen::table
                .filter(scholen::id.eq(current.id))
                .filter(scholen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
