//! `/activiteitenplannen`: the plan of one school year (one per SWV per schooljaar), and its copy
//! into the next year (`POST /activiteitenplannen/{id}/kopie`).

use super::ondersteuningsplannen;
use crate::domain::References;
use crate::schema::{activiteiten as activiteiten_t, activiteitenplannen};
use crate::store_prelude::*;

crate::text_enum! {
    /// Whether the plan is still being written (`concept`) or has been adopted (`vastgesteld`).
    /// A vastgesteld plan takes no new planned activities, only `extra` ones.
    #[derive(Default)]
    pub enum PlanStatus {
        #[default]
        Concept => "concept",
        Vastgesteld => "vastgesteld",
    }
}

/// The activiteitenplan of one schooljaar.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = activiteitenplannen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a12", "ondersteuningsplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a10", "schooljaar": "2024-2025", "status": "vastgesteld", "vooruitblik": "Dit jaar ligt de nadruk op de samenwerking met de jeugdhulp.", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Activiteitenplan {
    pub id: Id,
    pub ondersteuningsplan_id: Id,
    /// Het schooljaar (1 augustus - 31 juli), uniek binnen het samenwerkingsverband.
    pub schooljaar: String,
    pub status: PlanStatus,
    pub vooruitblik: Option<String>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// An activiteitenplan as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"ondersteuningsplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a10", "schooljaar": "2024-2025", "status": "concept", "vooruitblik": null}))]
pub struct ActiviteitenplanInput {
    pub ondersteuningsplan_id: Id,
    /// `YYYY-YYYY`, twee opeenvolgende jaren; één plan per schooljaar.
    #[validate(custom(function = "crate::domain::schooljaar"))]
    #[schema(pattern = "^[0-9]{4}-[0-9]{4}$", example = "2024-2025")]
    pub schooljaar: String,
    #[serde(default)]
    pub status: PlanStatus,
    #[serde(default)]
    #[validate(
        length(max = 20000, message = "mag hoogstens 20000 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 20000)]
    pub vooruitblik: Option<String>,
}

impl From<&Activiteitenplan> for ActiviteitenplanInput {
    fn from(p: &Activiteitenplan) -> Self {
        ActiviteitenplanInput {
            ondersteuningsplan_id: p.ondersteuningsplan_id,
            schooljaar: p.schooljaar.clone(),
            status: p.status,
            vooruitblik: p.vooruitblik.clone(),
        }
    }
}

/// The school year of the copy.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"schooljaar": "2025-2026"}))]
pub struct KopieInput {
    /// Het schooljaar van het nieuwe plan; daar mag nog geen plan voor bestaan.
    #[validate(custom(function = "crate::domain::schooljaar"))]
    #[schema(pattern = "^[0-9]{4}-[0-9]{4}$", example = "2025-2026")]
    pub schooljaar: String,
}

/// The filters of the list, within one SWV.
#[derive(Clone)]
pub struct Filter {
    pub swv: Id,
    pub ondersteuningsplan_id: Option<Id>,
    pub schooljaar: Option<String>,
    pub status: Option<PlanStatus>,
    pub search: Option<String>,
}

pub fn scoped(swv: Id) -> activiteitenplannen::BoxedQuery<'static, MultiBackend> {
    activiteitenplannen::table
        .filter(activiteitenplannen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(swv: Id, f: &Filter) -> activiteitenplannen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = f.ondersteuningsplan_id {
        q = q.filter(activiteitenplannen::ondersteuningsplan_id.eq(v));
    }
    if let Some(v) = &f.schooljaar {
        q = q.filter(activiteitenplannen::schooljaar.eq(v.clone()));
    }
    if let Some(v) = f.status {
        q = q.filter(activiteitenplannen::status.eq(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            crate::db::lower(activiteitenplannen::vooruitblik.assume_not_null())
                .like(p.clone())
                .escape('\\')
                .or(activiteitenplannen::schooljaar.like(p.clone()).escape('\\')),
        );
    }
    q
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Activiteitenplan, ApiError> {
    scoped(swv)
        .filter(activiteitenplannen::id.eq(id))
        .select(Activiteitenplan::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// The plan `id` of this SWV, if there is one.
pub fn lookup(c: &mut DbConn, swv: Id, id: Id) -> Result<Option<Activiteitenplan>, ApiError> {
    Ok(scoped(swv)
        .filter(activiteitenplannen::id.eq(id))
        .select(Activiteitenplan::as_select())
        .first(c)
        .optional()?)
}

/// A `409` naming `schooljaar`: the SWV already has a plan for this year.
pub fn schooljaar_taken(schooljaar: &str) -> ApiError {
    let mut e = ApiError::duplicate("schooljaar");
    e.detail = format!("Er is al een activiteitenplan voor schooljaar {schooljaar}.");
    e
}

pub fn check_schooljaar_free(
    c: &mut DbConn,
    swv: Id,
    schooljaar: &str,
    except: Option<Id>,
) -> Result<(), ApiError> {
    let other: Option<Id> = scoped(swv)
        .filter(activiteitenplannen::schooljaar.eq(schooljaar.to_string()))
        .select(activiteitenplannen::id)
        .first(c)
        .optional()?;
    if other.is_some_and(|o| Some(o) != except) {
        return Err(schooljaar_taken(schooljaar));
    }
    Ok(())
}

pub fn check_references(
    c: &mut DbConn,
    swv: Id,
    input: &ActiviteitenplanInput,
) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "ondersteuningsplanId",
        ondersteuningsplannen::exists(c, swv, input.ondersteuningsplan_id)?,
    );
    refs.finish()
}

impl Versioned for Activiteitenplan {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Activiteitenplan {
    type Input = ActiviteitenplanInput;
    type Scope = Id;
    const TABLE: &'static str = "activiteitenplannen";

    fn input(&self) -> ActiviteitenplanInput {
        ActiviteitenplanInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &ActiviteitenplanInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_references(c, swv, input)?;
        check_schooljaar_free(c, swv, &input.schooljaar, None)?;
        diesel::insert_into(activiteitenplannen::table)
            .values((
                activiteitenplannen::id.eq(id),
                activiteitenplannen::samenwerkingsverband_id.eq(swv),
                activiteitenplannen::ondersteuningsplan_id.eq(input.ondersteuningsplan_id),
                activiteitenplannen::schooljaar.eq(&input.schooljaar),
                activiteitenplannen::status.eq(input.status),
                activiteitenplannen::vooruitblik.eq(&input.vooruitblik),
                activiteitenplannen::created_at.eq(now),
                activiteitenplannen::updated_at.eq(now),
                activiteitenplannen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &ActiviteitenplanInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_references(c, swv, input)?;
        check_schooljaar_free(c, swv, &input.schooljaar, Some(current.id))?;
        if input.ondersteuningsplan_id != current.ondersteuningsplan_id {
            // Its activities fall under ambities of the current ondersteuningsplan.
            let n: i64 = activiteiten_t::table
                .filter(activiteiten_t::activiteitenplan_id.eq(current.id))
                .count()
                .get_result(c)?;
            if n > 0 {
                return Err(ApiError::conflict(format!(
                    "Dit activiteitenplan kan niet naar een ander ondersteuningsplan: het heeft al {n} activiteiten onder de ambities van het huidige."
                )));
            }
        }
        Ok(diesel::update(
            activiteitenplannen::table
                .filter(activiteitenplannen::id.eq(current.id))
                .filter(activiteitenplannen::versie.eq(current.versie)),
        )
        .set((
            activiteitenplannen::ondersteuningsplan_id.eq(input.ondersteuningsplan_id),
            activiteitenplannen::schooljaar.eq(&input.schooljaar),
            activiteitenplannen::status.eq(input.status),
            activiteitenplannen::vooruitblik.eq(&input.vooruitblik),
            activiteitenplannen::updated_at.eq(now),
            activiteitenplannen::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            activiteitenplannen::table
                .filter(activiteitenplannen::id.eq(current.id))
                .filter(activiteitenplannen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

crate::listed! {
    Activiteitenplan, name: "activiteitenplannen", filter: Filter,
    rows: |f| filtered(f.swv, f), select: Activiteitenplan::as_select(),
    sorts: {
    "schooljaar" => activiteitenplannen::schooljaar,
    "status" => activiteitenplannen::status,
    "createdAt" => activiteitenplannen::created_at,
    "updatedAt" => activiteitenplannen::updated_at,
    },
    id: activiteitenplannen::id,
}
