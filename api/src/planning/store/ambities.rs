//! `/ambities`: the ambitions of an ondersteuningsplan, numbered within their plan.

use super::ondersteuningsplannen;
use crate::domain::References;
use crate::schema::{activiteiten, ambities};
use crate::store_prelude::*;

/// An ambitie of an ondersteuningsplan, with its goal.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = ambities, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11", "ondersteuningsplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a10", "nummer": 1, "titel": "Goed onderwijs vormt de basis", "doelstelling": "Elke school biedt een stevige basisondersteuning.", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Ambitie {
    pub id: Id,
    pub ondersteuningsplan_id: Id,
    /// Het volgnummer binnen het ondersteuningsplan (uniek binnen dat plan).
    pub nummer: i32,
    pub titel: String,
    pub doelstelling: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// An ambitie as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"ondersteuningsplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a10", "nummer": 1, "titel": "Goed onderwijs vormt de basis", "doelstelling": "Elke school biedt een stevige basisondersteuning."}))]
pub struct AmbitieInput {
    pub ondersteuningsplan_id: Id,
    /// Uniek binnen het ondersteuningsplan.
    #[validate(range(min = 1, max = 99, message = "moet tussen 1 en 99 liggen"))]
    #[schema(minimum = 1, maximum = 99, example = 1)]
    pub nummer: i32,
    #[validate(
        length(min = 1, max = 300, message = "moet 1 tot 300 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 300)]
    pub titel: String,
    #[serde(default)]
    #[validate(
        length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 4000)]
    pub doelstelling: String,
}

impl From<&Ambitie> for AmbitieInput {
    fn from(a: &Ambitie) -> Self {
        AmbitieInput {
            ondersteuningsplan_id: a.ondersteuningsplan_id,
            nummer: a.nummer,
            titel: a.titel.clone(),
            doelstelling: a.doelstelling.clone(),
        }
    }
}

pub fn scoped(swv: Id) -> ambities::BoxedQuery<'static, MultiBackend> {
    ambities::table
        .filter(ambities::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

/// The filters of the list, within one SWV.
#[derive(Clone)]
pub struct Filter {
    pub swv: Id,
    pub ondersteuningsplan_id: Option<Id>,
    pub search: Option<String>,
}

pub fn filtered(swv: Id, f: &Filter) -> ambities::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = f.ondersteuningsplan_id {
        q = q.filter(ambities::ondersteuningsplan_id.eq(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(ambities::titel)
                .like(p.clone())
                .escape('\\')
                .or(lower(ambities::doelstelling).like(p.clone()).escape('\\')),
        );
    }
    q
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Ambitie, ApiError> {
    scoped(swv)
        .filter(ambities::id.eq(id))
        .select(Ambitie::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// The ambities of one ondersteuningsplan, in `nummer` order.
pub fn of_plan(c: &mut DbConn, swv: Id, plan: Id) -> Result<Vec<Ambitie>, ApiError> {
    Ok(scoped(swv)
        .filter(ambities::ondersteuningsplan_id.eq(plan))
        .order(ambities::nummer.asc())
        .select(Ambitie::as_select())
        .load(c)?)
}

pub fn check_references(c: &mut DbConn, swv: Id, input: &AmbitieInput) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "ondersteuningsplanId",
        ondersteuningsplannen::exists(c, swv, input.ondersteuningsplan_id)?,
    );
    refs.finish()
}

impl Versioned for Ambitie {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Ambitie {
    type Input = AmbitieInput;
    type Scope = Id;
    const TABLE: &'static str = "ambities";

    fn input(&self) -> AmbitieInput {
        AmbitieInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &AmbitieInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_references(c, swv, input)?;
        diesel::insert_into(ambities::table)
            .values((
                ambities::id.eq(id),
                ambities::samenwerkingsverband_id.eq(swv),
                ambities::ondersteuningsplan_id.eq(input.ondersteuningsplan_id),
                ambities::nummer.eq(input.nummer),
                ambities::titel.eq(input.titel.trim()),
                ambities::doelstelling.eq(input.doelstelling.trim()),
                ambities::created_at.eq(now),
                ambities::updated_at.eq(now),
                ambities::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &AmbitieInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_references(c, swv, input)?;
        if input.ondersteuningsplan_id != current.ondersteuningsplan_id {
            // The activities under this ambitie belong to plans of its ondersteuningsplan.
            let n: i64 = activiteiten::table
                .filter(activiteiten::ambitie_id.eq(current.id))
                .count()
                .get_result(c)?;
            if n > 0 {
                return Err(ApiError::conflict(format!(
                    "Deze ambitie kan niet naar een ander ondersteuningsplan: er vallen nog {n} activiteiten onder."
                )));
            }
        }
        Ok(diesel::update(
            ambities::table
                .filter(ambities::id.eq(current.id))
                .filter(ambities::versie.eq(current.versie)),
        )
        .set((
            ambities::ondersteuningsplan_id.eq(input.ondersteuningsplan_id),
            ambities::nummer.eq(input.nummer),
            ambities::titel.eq(input.titel.trim()),
            ambities::doelstelling.eq(input.doelstelling.trim()),
            ambities::updated_at.eq(now),
            ambities::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            ambities::table
                .filter(ambities::id.eq(current.id))
                .filter(ambities::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

crate::listed! {
    Ambitie, name: "ambities", filter: Filter,
    rows: |f| filtered(f.swv, f), select: Ambitie::as_select(),
    sorts: {
    "nummer" => ambities::nummer,
    "titel" => ambities::titel,
    "createdAt" => ambities::created_at,
    "updatedAt" => ambities::updated_at,
    },
    id: ambities::id,
}
