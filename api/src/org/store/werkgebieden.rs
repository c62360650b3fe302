//! `/werkgebieden`: sub-regions of the SWV, each with its own schools (and later budget).

use crate::schema::werkgebieden;
use crate::store_prelude::*;

/// A werkgebied: a sub-region of the SWV.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = werkgebieden, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "naam": "Haarlem-Noord", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Werkgebied {
    pub id: Id,
    pub naam: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A werkgebied as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Haarlem-Noord"}))]
pub struct WerkgebiedInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
}

impl From<&Werkgebied> for WerkgebiedInput {
    fn from(s: &Werkgebied) -> Self {
        WerkgebiedInput {
            naam: s.naam.clone(),
        }
    }
}

pub fn scoped(swv: Id) -> werkgebieden::BoxedQuery<'static, MultiBackend> {
    werkgebieden::table
        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(
    swv: Id,
    search: &Option<String>,
) -> werkgebieden::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(p) = search {
        q = q.filter(lower(werkgebieden::naam).like(p.clone()).escape('\\'));
    }
    q
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Werkgebied, ApiError> {
    scoped(swv)
        .filter(werkgebieden::id.eq(id))
        .select(Werkgebied::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

impl Versioned for Werkgebied {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Werkgebied {
    type Input = WerkgebiedInput;
    type Scope = Id;
    const TABLE: &'static str = "werkgebieden";

    fn input(&self) -> WerkgebiedInput {
        WerkgebiedInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &WerkgebiedInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        diesel::insert_into(werkgebieden::table)
            .values((
                werkgebieden::id.eq(id),
                werkgebieden::samenwerkingsverband_id.eq(swv),
                werkgebieden::naam.eq(input.naam.trim()),
                werkgebieden::created_at.eq(now),
                werkgebieden::updated_at.eq(now),
                werkgebieden::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _swv: Id,
        current: &Self,
        input: &WerkgebiedInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        Ok(diesel::update(
            werkgebieden::table
                .filter(werkgebieden::id.eq(current.id))
                .filter(werkgebieden::versie.eq(current.versie)),
        )
        .set((
            werkgebieden::naam.eq(input.naam.trim()),
            werkgebieden::updated_at.eq(now),
            werkgebieden::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            werkgebieden::table
                .filter(werkgebieden::id.eq(current.id))
                .filter(werkgebieden::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

crate::listed! {
    Werkgebied, name: "werkgebieden", filter: Search,
    rows: |f| filtered(f.swv, &f.search), select: Werkgebied::as_select(),
    sorts: {
    "naam" => werkgebieden::naam,
    "createdAt" => werkgebieden::created_at,
    "updatedAt" => werkgebieden::updated_at,
    },
    id: werkgebieden::id,
}
