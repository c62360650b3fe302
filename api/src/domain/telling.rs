//! Counting by key for the figures of a school year: every key present (zero when none), the
//! trimesters of a school year, and the flat rows in which the figures are exported.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use utoipa::ToSchema;

/// Counts per key, every key present.
pub type Telling = BTreeMap<String, i64>;

/// A count of zero for each key.
pub fn leeg<'a>(keys: impl IntoIterator<Item = &'a str>) -> Telling {
    keys.into_iter().map(|k| (k.to_string(), 0)).collect()
}

/// Adds `n` to `key` (a key outside the map is added as well).
pub fn tel(t: &mut Telling, key: &str, n: i64) {
    *t.entry(key.to_string()).or_insert(0) += n;
}

/// The trimester of a school year a date falls in: `"1"` August-November, `"2"`
/// December-March, `"3"` April-July.
pub fn trimester(d: NaiveDate) -> &'static str {
    match d.month() {
        8..=11 => "1",
        12 | 1..=3 => "2",
        _ => "3",
    }
}

pub const TRIMESTERS: [&str; 3] = ["1", "2", "3"];

/// One figure as a row of a CSV or XLSX export: the breakdown it belongs to, its key, its count.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Regel {
    /// Waar het getal bij hoort, bijv. `perSoort` of `Heiloo: perCategorie`.
    pub indeling: String,
    pub sleutel: String,
    pub aantal: i64,
}

/// The rows of one breakdown.
pub fn regels(indeling: &str, t: &Telling) -> Vec<Regel> {
    t.iter()
        .map(|(k, v)| Regel {
            indeling: indeling.to_string(),
            sleutel: k.clone(),
            aantal: *v,
        })
        .collect()
}
