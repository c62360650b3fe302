//! The stored meeting as the figures, the waiting list and the calendar read it, and the
//! helpers for its times and public id.

use crate::store_prelude::*;
use chrono::{NaiveDateTime, Timelike};

use super::{BijeenkomstSoort, BijeenkomstStatus, Vorm};
use crate::db::{Id, MultiBackend};
use crate::schema::bijeenkomsten;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = bijeenkomsten, check_for_backend(MultiBackend))]
pub struct Row {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub titel: String,
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    pub start: NaiveDateTime,
    pub eind: NaiveDateTime,
    pub schooljaar: String,
    pub vorm: Vorm,
    pub locatie: Option<String>,
    pub min_deelnemers: Option<i32>,
    pub max_deelnemers: Option<i32>,
    pub streef_opkomst: Option<i32>,
    pub streef_percentage: Option<f64>,
    pub doelgroep_omvang: Option<i32>,
    pub activiteit_id: Option<Id>,
    pub project_id: Option<Id>,
    pub portefeuille_id: Option<Id>,
    pub status: BijeenkomstStatus,
    pub publiek: bool,
    pub public_id: String,
    pub aanmelden_tot: Option<NaiveDateTime>,
    pub herinnering_uren_vooraf: Option<i32>,
    pub herinnering_verstuurd_op: Option<NaiveDateTime>,
    pub reeks_id: Option<Id>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

impl Row {
    pub fn streef(&self) -> Option<i64> {
        streef(
            self.streef_opkomst,
            self.streef_percentage,
            self.doelgroep_omvang,
        )
    }
}

/// The target as an absolute number: `streefOpkomst`, or the share of the audience rounded up.
pub fn streef(opkomst: Option<i32>, percentage: Option<f64>, omvang: Option<i32>) -> Option<i64> {
    match (opkomst, percentage, omvang) {
        (Some(n), _, _) => Some(n as i64),
        (None, Some(p), Some(omvang)) => Some(streef_van_percentage(p, omvang)),
        _ => None,
    }
}

/// `ceil(percentage × omvang / 100)`, computed on hundredths so 50 % of 94 is exactly 47.
pub fn streef_van_percentage(percentage: f64, omvang: i32) -> i64 {
    let hundredths = (percentage * 100.0).round() as i64;
    let needed = hundredths * omvang as i64;
    (needed + 9_999) / 10_000
}

pub use crate::domain::time::local_midnight;

/// A short random id for public addresses, without characters that are easily confused.
pub fn new_public_id() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..12)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

pub fn whole_seconds(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bijeenkomsten::store::herhaling::on_date;
    use chrono::NaiveDate;

    #[test]
    fn percentage_targets_round_up() {
        assert_eq!(streef_van_percentage(50.0, 94), 47);
        assert_eq!(streef_van_percentage(60.0, 70), 42);
        assert_eq!(streef_van_percentage(50.0, 75), 38);
        assert_eq!(streef_van_percentage(0.0, 75), 0);
        assert_eq!(streef_van_percentage(100.0, 3), 3);
        assert_eq!(streef_van_percentage(33.33, 3), 1);
    }

    #[test]
    fn series_keep_the_local_time_across_daylight_saving() {
        // 14:30 in Amsterdam on 14 March 2023 (winter time) is 13:30 UTC ...
        let winter = NaiveDate::from_ymd_opt(2023, 3, 14)
            .unwrap()
            .and_hms_opt(13, 30, 0)
            .unwrap();
        // ... and on 11 April 2023 (summer time) 14:30 local is 12:30 UTC.
        let copy = on_date(winter, NaiveDate::from_ymd_opt(2023, 4, 11).unwrap());
        assert_eq!(
            copy,
            NaiveDate::from_ymd_opt(2023, 4, 11)
                .unwrap()
                .and_hms_opt(12, 30, 0)
                .unwrap()
        );
    }
}
