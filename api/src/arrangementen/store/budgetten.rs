//! `/budgetten`: what a werkgebied may spend on arrangementen in a school year. An extra budget
//! during the year is a record of its own, so the history of the budget stays visible.

use chrono::NaiveDate;

use crate::store_prelude::*;

use crate::domain::{schooljaar_van, References};
use crate::schema::budgetten;

crate::text_enum! {
    /// The budget at the start of the year, or extra budget granted during it.
    pub enum BudgetSoort {
        Regulier => "regulier",
        Extra => "extra",
    }
}

/// A budget of a werkgebied for a school year.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = budgetten, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a20", "werkgebiedId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a04",
    "schooljaar": "2016-2017", "soort": "regulier", "bedragCent": 18814280, "datum": "2016-08-01",
    "toelichting": "", "createdAt": "2016-07-01T08:30:00Z", "updatedAt": "2016-07-01T08:30:00Z", "versie": 1
}))]
pub struct Budget {
    pub id: Id,
    pub werkgebied_id: Id,
    pub schooljaar: String,
    pub soort: BudgetSoort,
    /// Het bedrag in eurocenten.
    pub bedrag_cent: i64,
    /// Wanneer het budget beschikbaar kwam (binnen het schooljaar).
    pub datum: NaiveDate,
    pub toelichting: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A budget as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"werkgebiedId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a04", "schooljaar": "2016-2017",
    "soort": "extra", "bedragCent": 5000000, "datum": "2017-02-15", "toelichting": "Extra budget na de tweede trimesterrapportage"}))]
pub struct BudgetInput {
    pub werkgebied_id: Id,
    #[validate(custom(function = "crate::domain::schooljaar"))]
    #[schema(pattern = "^[0-9]{4}-[0-9]{4}$", example = "2016-2017")]
    pub schooljaar: String,
    pub soort: BudgetSoort,
    /// In eurocenten (0 of meer).
    #[validate(range(
        min = 0,
        max = 10_000_000_000_i64,
        message = "moet 0 of meer zijn (en onder 100 miljoen euro)"
    ))]
    #[schema(minimum = 0)]
    pub bedrag_cent: i64,
    /// Binnen het schooljaar.
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
    #[serde(default)]
    #[validate(length(max = 2000, message = "mag hoogstens 2000 tekens lang zijn"))]
    #[schema(max_length = 2000)]
    pub toelichting: String,
}

impl From<&Budget> for BudgetInput {
    fn from(b: &Budget) -> Self {
        BudgetInput {
            werkgebied_id: b.werkgebied_id,
            schooljaar: b.schooljaar.clone(),
            soort: b.soort,
            bedrag_cent: b.bedrag_cent,
            datum: b.datum,
            toelichting: b.toelichting.clone(),
        }
    }
}

pub struct Filter {
    pub swv: Id,
    pub werkgebied_id: Option<Id>,
    pub schooljaar: Option<String>,
    pub soort: Option<BudgetSoort>,
}

pub fn scoped(swv: Id) -> budgetten::BoxedQuery<'static, MultiBackend> {
    budgetten::table
        .filter(budgetten::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(f: &Filter) -> budgetten::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(v) = f.werkgebied_id {
        q = q.filter(budgetten::werkgebied_id.eq(v));
    }
    if let Some(v) = &f.schooljaar {
        q = q.filter(budgetten::schooljaar.eq(v.clone()));
    }
    if let Some(v) = f.soort {
        q = q.filter(budgetten::soort.eq(v));
    }
    q
}

crate::listed! {
    Budget, name: "budgetten", filter: Filter,
    rows: |f| filtered(f), select: Budget::as_select(),
    sorts: {
        "datum" => budgetten::datum,
        "schooljaar" => budgetten::schooljaar,
        "bedragCent" => budgetten::bedrag_cent,
        "createdAt" => budgetten::created_at,
        "updatedAt" => budgetten::updated_at,
    },
    id: budgetten::id,
}

fn check(c: &mut DbConn, swv: Id, input: &BudgetInput) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "werkgebiedId",
        crate::in_swv!(c, werkgebieden, swv, input.werkgebied_id)?,
    );
    refs.finish()?;
    if schooljaar_van(input.datum) != input.schooljaar {
        return Err(ApiError::field(
            "datum",
            format!(
                "moet binnen het schooljaar {} liggen (1 augustus tot en met 31 juli)",
                input.schooljaar
            ),
        ));
    }
    Ok(())
}

impl Versioned for Budget {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Budget {
    type Input = BudgetInput;
    type Scope = Id;
    const TABLE: &'static str = "budgetten";

    fn input(&self) -> BudgetInput {
        BudgetInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        scoped(swv)
            .filter(budgetten::id.eq(id))
            .select(Budget::as_select())
            .first(c)
            .optional()?
            .ok_or_else(ApiError::not_found)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &BudgetInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check(c, swv, input)?;
        diesel::insert_into(budgetten::table)
            .values((
                budgetten::id.eq(id),
                budgetten::samenwerkingsverband_id.eq(swv),
                budgetten::werkgebied_id.eq(input.werkgebied_id),
                budgetten::schooljaar.eq(&input.schooljaar),
                budgetten::soort.eq(input.soort),
                budgetten::bedrag_cent.eq(input.bedrag_cent),
                budgetten::datum.eq(input.datum),
                budgetten::toelichting.eq(&input.toelichting),
                budgetten::created_at.eq(now),
                budgetten::updated_at.eq(now),
                budgetten::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &BudgetInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check(c, swv, input)?;
        Ok(diesel::update(
            budgetten::table
                .filter(budgetten::id.eq(current.id))
                .filter(budgetten::versie.eq(current.versie)),
        )
        .set((
            budgetten::werkgebied_id.eq(input.werkgebied_id),
            budgetten::schooljaar.eq(&input.schooljaar),
            budgetten::soort.eq(input.soort),
            budgetten::bedrag_cent.eq(input.bedrag_cent),
            budgetten::datum.eq(input.datum),
            budgetten::toelichting.eq(&input.toelichting),
            budgetten::updated_at.eq(now),
            budgetten::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            budgetten::table
                .filter(budgetten::id.eq(current.id))
                .filter(budgetten::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
