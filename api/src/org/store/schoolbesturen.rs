//! `/schoolbesturen`: school boards (bevoegd gezag) within the SWV.

use crate::schema::schoolbesturen;
use crate::store_prelude::*;
use regex::Regex;
use std::sync::LazyLock;

pub static BG_NUMMER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]{5}$").expect("valid regex"));

/// A school board.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = schoolbesturen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "naam": "Stichting Spaarnesant", "bevoegdGezagNummer": "41590", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Schoolbestuur {
    pub id: Id,
    pub naam: String,
    pub bevoegd_gezag_nummer: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A school board as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Stichting Spaarnesant", "bevoegdGezagNummer": "41590"}))]
pub struct SchoolbestuurInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// Bevoegd-gezagnummer van DUO: 5 cijfers, uniek binnen het samenwerkingsverband.
    #[validate(regex(path = *BG_NUMMER, message = "moet uit 5 cijfers bestaan (bijv. 41590)"))]
    #[schema(pattern = "^[0-9]{5}$", example = "41590")]
    pub bevoegd_gezag_nummer: String,
}

impl From<&Schoolbestuur> for SchoolbestuurInput {
    fn from(s: &Schoolbestuur) -> Self {
        SchoolbestuurInput {
            naam: s.naam.clone(),
            bevoegd_gezag_nummer: s.bevoegd_gezag_nummer.clone(),
        }
    }
}

pub fn scoped(swv: Id) -> schoolbesturen::BoxedQuery<'static, MultiBackend> {
    schoolbesturen::table
        .filter(schoolbesturen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

/// The filters of the list, within one SWV.
pub struct Filter {
    pub swv: Id,
    pub nummer: Option<String>,
    pub search: Option<String>,
}

pub fn filtered(
    swv: Id,
    nummer: &Option<String>,
    search: &Option<String>,
) -> schoolbesturen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = nummer {
        q = q.filter(schoolbesturen::bevoegd_gezag_nummer.eq(v.clone()));
    }
    if let Some(p) = search {
        q = q.filter(
            lower(schoolbesturen::naam).like(p.clone()).escape('\\').or(
                schoolbesturen::bevoegd_gezag_nummer
                    .like(p.clone())
                    .escape('\\'),
            ),
        );
    }
    q
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Schoolbestuur, ApiError> {
    scoped(swv)
        .filter(schoolbesturen::id.eq(id))
        .select(Schoolbestuur::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

impl Versioned for Schoolbestuur {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Schoolbestuur {
    type Input = SchoolbestuurInput;
    type Scope = Id;
    const TABLE: &'static str = "schoolbesturen";

    fn input(&self) -> SchoolbestuurInput {
        SchoolbestuurInput::from(self)
    }

    fn find(c: &mut DbConn, scope: Id, id: Id) -> Result<Self, ApiError> {
        find(c, scope, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &SchoolbestuurInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(schoolbesturen::table)
            .values((
                schoolbesturen::id.eq(id),
                schoolbesturen::samenwerkingsverband_id.eq(swv),
                schoolbesturen::naam.eq(input.naam.trim()),
                schoolbesturen::bevoegd_gezag_nummer.eq(&input.bevoegd_gezag_nummer),
                schoolbesturen::created_at.eq(now),
                schoolbesturen::updated_at.eq(now),
                schoolbesturen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _swv: Id,
        current: &Self,
        input: &SchoolbestuurInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            schoolbesturen::table
                .filter(schoolbesturen::id.eq(current.id))
                .filter(schoolbesturen::versie.eq(current.versie)),
        )
        .set((
            schoolbesturen::naam.eq(input.naam.trim()),
            schoolbesturen::bevoegd_gezag_nummer.eq(&input.bevoegd_gezag_nummer),
            schoolbesturen::updated_at.eq(now),
            schoolbesturen::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            schoolbesturen::table
                .filter(schoolbesturen::id.eq(current.id))
                .filter(schoolbesturen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

crate::listed! {
    Schoolbestuur, name: "schoolbesturen", filter: Filter,
    rows: |f| filtered(f.swv, &f.nummer, &f.search), select: Schoolbestuur::as_select(),
    sorts: {
    "naam" => schoolbesturen::naam,
    "bevoegdGezagNummer" => schoolbesturen::bevoegd_gezag_nummer,
    "createdAt" => schoolbesturen::created_at,
    "updatedAt" => schoolbesturen::updated_at,
    },
    id: schoolbesturen::id,
}
