//! How far a caller sees within its SWV. A client tied to gemeenten (a gemeente's own system)
//! sees only what belongs to the schools in those gemeenten, and counts only over them; every
//! other caller sees the whole SWV. Each area that holds records of a school or a gemeente
//! narrows its queries with this, so a new area cannot forget it by accident: its store takes a
//! `Reach` wherever it takes the SWV.

use diesel::prelude::*;

use crate::db::Id;
use crate::schema::scholen;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reach {
    gemeenten: Option<Vec<Id>>,
}

/// The ids of the schools in reach, as a subquery.
pub type SchoolIds = diesel::dsl::Select<
    diesel::dsl::Filter<scholen::table, diesel::dsl::EqAny<scholen::gemeente_id, Vec<Id>>>,
    scholen::id,
>;

impl Reach {
    /// The whole SWV.
    pub fn everything() -> Reach {
        Reach { gemeenten: None }
    }

    /// Only the schools in these gemeenten; an empty list means no limit.
    pub fn gemeenten(ids: &[Id]) -> Reach {
        Reach {
            gemeenten: (!ids.is_empty()).then(|| ids.to_vec()),
        }
    }

    /// The gemeenten the caller is limited to, if any.
    pub fn limit(&self) -> Option<&[Id]> {
        self.gemeenten.as_deref()
    }

    pub fn covers_gemeente(&self, gemeente: Id) -> bool {
        self.limit().is_none_or(|g| g.contains(&gemeente))
    }

    /// The schools in reach, when the caller is limited.
    pub fn schools(&self) -> Option<SchoolIds> {
        self.limit().map(|g| {
            scholen::table
                .filter(scholen::gemeente_id.eq_any(g.to_vec()))
                .select(scholen::id)
        })
    }
}
