//! A series: copies of a meeting on other dates, at the same local time.

use crate::store_prelude::*;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Amsterdam;

use super::records::Bijeenkomst;

/// The dates of a series.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"datums": ["2023-01-17", "2023-03-14", "2023-05-23"]}))]
pub struct HerhalingInput {
    /// De dagen van de kopieën: elk op hetzelfde tijdstip (Nederlandse tijd) en even lang als het origineel.
    #[validate(length(min = 1, max = 52, message = "geef 1 tot 52 datums"))]
    #[schema(min_items = 1, max_items = 52)]
    pub datums: Vec<NaiveDate>,
}

/// The copies made by a series.
#[derive(Debug, Serialize, ToSchema)]
pub struct Herhaling {
    /// De nieuwe bijeenkomsten, in de volgorde van de datums.
    pub items: Vec<Bijeenkomst>,
}

/// The same local time of day on another date, in UTC.
pub fn on_date(original: NaiveDateTime, date: NaiveDate) -> NaiveDateTime {
    let local = Amsterdam.from_utc_datetime(&original).naive_local();
    Amsterdam
        .from_local_datetime(&date.and_time(local.time()))
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| date.and_time(original.time()))
}
