//! `/gemeenten`: municipalities, shared by every SWV of the installation.

use crate::domain::references::References;
use crate::schema::gemeenten;
use crate::store_prelude::*;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

pub static CBS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[0-9]{4}$").expect("valid regex"));

/// A municipality, identified by its CBS code.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = gemeenten, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02", "cbsCode": "0398", "naam": "Heerhugowaard", "actiefTot": "2022-01-01", "opgevolgdDoorId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Gemeente {
    pub id: Id,
    pub cbs_code: String,
    pub naam: String,
    /// De eerste dag waarop de gemeente niet meer bestaat (na een herindeling); leeg: bestaat.
    pub actief_tot: Option<NaiveDate>,
    /// De gemeente die deze vanaf `actiefTot` voortzet.
    pub opgevolgd_door_id: Option<Id>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A gemeente as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"cbsCode": "0398", "naam": "Heerhugowaard", "actiefTot": "2022-01-01", "opgevolgdDoorId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03"}))]
pub struct GemeenteInput {
    /// CBS-gemeentecode: 4 cijfers.
    #[validate(regex(path = *CBS, message = "moet uit 4 cijfers bestaan (bijv. 0392)"))]
    #[schema(pattern = "^[0-9]{4}$", example = "0392")]
    pub cbs_code: String,
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    /// De eerste dag waarop de gemeente niet meer bestaat; verplicht bij `opgevolgdDoorId`.
    #[serde(default)]
    pub actief_tot: Option<NaiveDate>,
    /// De gemeente die deze voortzet (een andere, niet zelf al opgevolgd door deze).
    #[serde(default)]
    pub opgevolgd_door_id: Option<Id>,
}

impl From<&Gemeente> for GemeenteInput {
    fn from(g: &Gemeente) -> Self {
        GemeenteInput {
            cbs_code: g.cbs_code.clone(),
            naam: g.naam.clone(),
            actief_tot: g.actief_tot,
            opgevolgd_door_id: g.opgevolgd_door_id,
        }
    }
}

/// A successor must exist, come with the day the gemeente ends, and not lead back to it.
fn check_opvolging(c: &mut DbConn, id: Id, input: &GemeenteInput) -> Result<(), ApiError> {
    let mut refs = References::default();
    if let Some(next) = input.opgevolgd_door_id {
        refs.check_as(
            "actiefTot",
            input.actief_tot.is_some(),
            "is verplicht wanneer de gemeente is opgevolgd",
        );
        let opvolgers: std::collections::HashMap<Id, Option<Id>> = gemeenten::table
            .select((gemeenten::id, gemeenten::opgevolgd_door_id))
            .filter(
                gemeenten::opgevolgd_door_id
                    .is_not_null()
                    .or(gemeenten::id.eq(next)),
            )
            .load::<(Id, Option<Id>)>(c)?
            .into_iter()
            .collect();
        if !opvolgers.contains_key(&next) {
            refs.check("opgevolgdDoorId", false);
        } else {
            let mut at = Some(next);
            let mut rond = false;
            for _ in 0..=opvolgers.len() {
                match at {
                    Some(g) if g == id => {
                        rond = true;
                        break;
                    }
                    Some(g) => at = opvolgers.get(&g).copied().flatten(),
                    None => break,
                }
            }
            refs.check_as(
                "opgevolgdDoorId",
                !rond,
                "mag niet de gemeente zelf zijn of een gemeente die door deze wordt opgevolgd",
            );
        }
    }
    refs.finish()
}

/// The filters of the list (the table is shared by every SWV).
pub struct Filter {
    pub cbs_code: Option<String>,
    pub search: Option<String>,
}

pub fn filtered(
    cbs: &Option<String>,
    search: &Option<String>,
) -> gemeenten::BoxedQuery<'static, MultiBackend> {
    let mut q = gemeenten::table.into_boxed();
    if let Some(v) = cbs {
        q = q.filter(gemeenten::cbs_code.eq(v.clone()));
    }
    if let Some(p) = search {
        q = q.filter(
            lower(gemeenten::naam)
                .like(p.clone())
                .escape('\\')
                .or(gemeenten::cbs_code.like(p.clone()).escape('\\')),
        );
    }
    q
}

pub fn find(c: &mut DbConn, id: Id) -> Result<Gemeente, ApiError> {
    gemeenten::table
        .find(id)
        .select(Gemeente::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

impl Versioned for Gemeente {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Gemeente {
    type Input = GemeenteInput;
    type Scope = ();
    const TABLE: &'static str = "gemeenten";

    fn input(&self) -> GemeenteInput {
        GemeenteInput::from(self)
    }

    fn find(c: &mut DbConn, _scope: (), id: Id) -> Result<Self, ApiError> {
        find(c, id)
    }

    fn insert(
        c: &mut DbConn,
        _scope: (),
        id: Id,
        input: &GemeenteInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_opvolging(c, id, input)?;
        diesel::insert_into(gemeenten::table)
            .values((
                gemeenten::id.eq(id),
                gemeenten::cbs_code.eq(&input.cbs_code),
                gemeenten::naam.eq(input.naam.trim()),
                gemeenten::actief_tot.eq(input.actief_tot),
                gemeenten::opgevolgd_door_id.eq(input.opgevolgd_door_id),
                gemeenten::created_at.eq(now),
                gemeenten::updated_at.eq(now),
                gemeenten::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _scope: (),
        current: &Self,
        input: &GemeenteInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_opvolging(c, current.id, input)?;
        Ok(diesel::update(
            gemeenten::table
                .filter(gemeenten::id.eq(current.id))
                .filter(gemeenten::versie.eq(current.versie)),
        )
        .set((
            gemeenten::cbs_code.eq(&input.cbs_code),
            gemeenten::naam.eq(input.naam.trim()),
            gemeenten::actief_tot.eq(input.actief_tot),
            gemeenten::opgevolgd_door_id.eq(input.opgevolgd_door_id),
            gemeenten::updated_at.eq(now),
            gemeenten::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            gemeenten::table
                .filter(gemeenten::id.eq(current.id))
                .filter(gemeenten::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

crate::listed! {
    Gemeente, name: "gemeenten", filter: Filter,
    rows: |f| filtered(&f.cbs_code, &f.search), select: Gemeente::as_select(),
    sorts: {
    "naam" => gemeenten::naam,
    "cbsCode" => gemeenten::cbs_code,
    "createdAt" => gemeenten::created_at,
    "updatedAt" => gemeenten::updated_at,
    },
    id: gemeenten::id,
}
