//! The school year (`YYYY-YYYY`, 1 August - 31 July) and the dates Koers accepts.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Amsterdam;
use regex::Regex;
use validator::ValidationError;

use crate::error::ApiError;

static SCHOOLJAAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{4})$").expect("valid regex"));

/// The pattern of a schooljaar, for the OpenAPI document.
pub const SCHOOLJAAR_PATTERN: &str = "^[0-9]{4}-[0-9]{4}$";

/// Why a text is no schooljaar, in the words of a field error.
pub const SCHOOLJAAR_REASON: &str =
    "moet twee opeenvolgende jaren zijn in de vorm YYYY-YYYY (bijv. 2024-2025)";

/// Whether `s` is a school year `YYYY-YYYY` of two consecutive years.
pub fn is_schooljaar(s: &str) -> bool {
    SCHOOLJAAR.captures(s).is_some_and(|c| {
        let (a, b) = (c[1].parse::<i32>(), c[2].parse::<i32>());
        matches!((a, b), (Ok(a), Ok(b)) if b == a + 1 && (1900..=2999).contains(&a))
    })
}

/// Validator for a `schooljaar` field.
pub fn schooljaar(s: &str) -> Result<(), ValidationError> {
    if is_schooljaar(s) {
        Ok(())
    } else {
        let mut e = ValidationError::new("schooljaar");
        e.message = Some(SCHOOLJAAR_REASON.into());
        Err(e)
    }
}

/// The school year of a moment, in Europe/Amsterdam.
pub fn schooljaar_of(utc: NaiveDateTime) -> String {
    schooljaar_van(Amsterdam.from_utc_datetime(&utc).date_naive())
}

/// The school year a date falls in.
pub fn schooljaar_van(d: chrono::NaiveDate) -> String {
    let first = if d.month() >= 8 {
        d.year()
    } else {
        d.year() - 1
    };
    schooljaar_vanaf(first)
}

/// The school year that starts in `eerste`.
pub fn schooljaar_vanaf(eerste: i32) -> String {
    format!("{eerste}-{}", eerste + 1)
}

/// The year a school year starts in; a `400` on `schooljaar` for anything that is no school year.
pub fn eerste_jaar(s: &str) -> Result<i32, ApiError> {
    SCHOOLJAAR
        .captures(s)
        .filter(|_| is_schooljaar(s))
        .and_then(|c| c[1].parse().ok())
        .ok_or_else(|| ApiError::field("schooljaar", SCHOOLJAAR_REASON))
}

/// The first and last day of the school year starting in `jaar` (1 August - 31 July).
pub fn schooljaar_grenzen(jaar: i32) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let start = chrono::NaiveDate::from_ymd_opt(jaar, 8, 1).unwrap_or_default();
    let eind = chrono::NaiveDate::from_ymd_opt(jaar + 1, 7, 31).unwrap_or_default();
    (start, eind)
}

/// Validator for a date: within 1900-2200, so every backend stores it as given.
pub fn datum(d: &chrono::NaiveDate) -> Result<(), ValidationError> {
    if (1900..=2200).contains(&d.year()) {
        Ok(())
    } else {
        let mut e = ValidationError::new("datum");
        e.message = Some("moet tussen 1900 en 2200 liggen".into());
        Err(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn schooljaar_is_two_consecutive_years() {
        assert!(is_schooljaar("2022-2023"));
        assert!(!is_schooljaar("2022-2024"));
        assert!(!is_schooljaar("2023-2022"));
        assert!(!is_schooljaar("2022/2023"));
        assert!(!is_schooljaar("22-23"));
        assert!(!is_schooljaar(" 2022-2023"));
        assert!(!is_schooljaar("0999-1000"));
    }

    #[test]
    fn the_first_year_is_read_only_from_a_school_year() {
        assert_eq!(eerste_jaar("2022-2023").ok(), Some(2022));
        assert_eq!(schooljaar_vanaf(2022), "2022-2023");
        for fout in ["2022-2024", "2022", "20222-2023", "é022-2023", ""] {
            assert!(eerste_jaar(fout).is_err(), "{fout}");
        }
    }

    #[test]
    fn schooljaar_follows_amsterdam_time() {
        assert_eq!(schooljaar_of(utc(2022, 9, 20, 12, 0)), "2022-2023");
        assert_eq!(schooljaar_of(utc(2023, 7, 31, 12, 0)), "2022-2023");
        // 31 July 22:30 UTC is already 1 August in Amsterdam (summer time, UTC+2).
        assert_eq!(schooljaar_of(utc(2023, 7, 31, 22, 30)), "2023-2024");
        assert_eq!(schooljaar_of(utc(2023, 1, 10, 8, 0)), "2022-2023");
    }
}
