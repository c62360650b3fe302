//! `/ondersteuningsplannen`: the SWV's four-year plans, each holding its ambities.

use crate::schema::ondersteuningsplannen;
use crate::store_prelude::*;
use validator::{Validate, ValidationError};

/// An ondersteuningsplan: the SWV's plan for a period of years (e.g. 2022-2026).
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = ondersteuningsplannen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a10", "titel": "Goed onderwijs maak je samen", "vanJaar": 2022, "totJaar": 2026, "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Ondersteuningsplan {
    pub id: Id,
    pub titel: String,
    /// Het jaar waarin de planperiode begint.
    pub van_jaar: i32,
    /// Het jaar waarin de planperiode eindigt.
    pub tot_jaar: i32,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// An ondersteuningsplan as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[validate(schema(function = "period", skip_on_field_errors = true))]
#[schema(example = json!({"titel": "Goed onderwijs maak je samen", "vanJaar": 2022, "totJaar": 2026}))]
pub struct OndersteuningsplanInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub titel: String,
    #[validate(range(min = 2000, max = 2100, message = "moet tussen 2000 en 2100 liggen"))]
    #[schema(minimum = 2000, maximum = 2100, example = 2022)]
    pub van_jaar: i32,
    /// Na `vanJaar`, hoogstens tien jaar later.
    #[validate(range(min = 2000, max = 2100, message = "moet tussen 2000 en 2100 liggen"))]
    #[schema(minimum = 2000, maximum = 2100, example = 2026)]
    pub tot_jaar: i32,
}

pub fn period(i: &OndersteuningsplanInput) -> Result<(), ValidationError> {
    if i.tot_jaar > i.van_jaar && i.tot_jaar - i.van_jaar <= 10 {
        Ok(())
    } else {
        let mut e = ValidationError::new("totJaar");
        e.message = Some("moet na vanJaar liggen, hoogstens tien jaar later".into());
        Err(e)
    }
}

impl From<&Ondersteuningsplan> for OndersteuningsplanInput {
    fn from(s: &Ondersteuningsplan) -> Self {
        OndersteuningsplanInput {
            titel: s.titel.clone(),
            van_jaar: s.van_jaar,
            tot_jaar: s.tot_jaar,
        }
    }
}

pub fn scoped(swv: Id) -> ondersteuningsplannen::BoxedQuery<'static, MultiBackend> {
    ondersteuningsplannen::table
        .filter(ondersteuningsplannen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(
    swv: Id,
    search: &Option<String>,
) -> ondersteuningsplannen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(p) = search {
        q = q.filter(
            lower(ondersteuningsplannen::titel)
                .like(p.clone())
                .escape('\\'),
        );
    }
    q
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Ondersteuningsplan, ApiError> {
    scoped(swv)
        .filter(ondersteuningsplannen::id.eq(id))
        .select(Ondersteuningsplan::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// Whether `id` names an ondersteuningsplan of this SWV.
pub fn exists(c: &mut DbConn, swv: Id, id: Id) -> Result<bool, ApiError> {
    Ok(diesel::select(diesel::dsl::exists(
        ondersteuningsplannen::table
            .filter(ondersteuningsplannen::samenwerkingsverband_id.eq(swv))
            .filter(ondersteuningsplannen::id.eq(id)),
    ))
    .get_result(c)?)
}

impl Versioned for Ondersteuningsplan {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Ondersteuningsplan {
    type Input = OndersteuningsplanInput;
    type Scope = Id;
    const TABLE: &'static str = "ondersteuningsplannen";

    fn input(&self) -> OndersteuningsplanInput {
        OndersteuningsplanInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &OndersteuningsplanInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(ondersteuningsplannen::table)
            .values((
                ondersteuningsplannen::id.eq(id),
                ondersteuningsplannen::samenwerkingsverband_id.eq(swv),
                ondersteuningsplannen::titel.eq(input.titel.trim()),
                ondersteuningsplannen::van_jaar.eq(input.van_jaar),
                ondersteuningsplannen::tot_jaar.eq(input.tot_jaar),
                ondersteuningsplannen::created_at.eq(now),
                ondersteuningsplannen::updated_at.eq(now),
                ondersteuningsplannen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _swv: Id,
        current: &Self,
        input: &OndersteuningsplanInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            ondersteuningsplannen::table
                .filter(ondersteuningsplannen::id.eq(current.id))
                .filter(ondersteuningsplannen::versie.eq(current.versie)),
        )
        .set((
            ondersteuningsplannen::titel.eq(input.titel.trim()),
            ondersteuningsplannen::van_jaar.eq(input.van_jaar),
            ondersteuningsplannen::tot_jaar.eq(input.tot_jaar),
            ondersteuningsplannen::updated_at.eq(now),
            ondersteuningsplannen::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            ondersteuningsplannen::table
                .filter(ondersteuningsplannen::id.eq(current.id))
                .filter(ondersteuningsplannen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

crate::listed! {
    Ondersteuningsplan, name: "ondersteuningsplannen", filter: Search,
    rows: |f| filtered(f.swv, &f.search), select: Ondersteuningsplan::as_select(),
    sorts: {
    "titel" => ondersteuningsplannen::titel,
    "vanJaar" => ondersteuningsplannen::van_jaar,
    "totJaar" => ondersteuningsplannen::tot_jaar,
    "createdAt" => ondersteuningsplannen::created_at,
    "updatedAt" => ondersteuningsplannen::updated_at,
    },
    id: ondersteuningsplannen::id,
}
