//! The peildata of an SWV: the days of the school year (`MM-DD`) on which thuiszitters are
//! counted and reported, kept as one text and served as a list.

use chrono::NaiveDate;

use validator::ValidationError;

/// 15 September, 15 December, 15 March and 15 June: the quarterly return to the Inspectie.
pub fn standaard() -> Vec<String> {
    ["09-15", "12-15", "03-15", "06-15"]
        .map(String::from)
        .to_vec()
}

pub fn parse(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

pub fn join(dagen: &[String]) -> String {
    dagen.join(",")
}

pub fn serialize<S: serde::Serializer>(stored: &str, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(parse(stored))
}

/// The date of `dag` (`MM-DD`) in the school year starting in `jaar`; 29 February in a year
/// without it is the 28th.
fn op(jaar: i32, dag: &str) -> Option<NaiveDate> {
    let (m, d) = dag.split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let y = if m >= 8 { jaar } else { jaar + 1 };
    NaiveDate::from_ymd_opt(y, m, d).or_else(|| {
        (m == 2 && d == 29)
            .then(|| NaiveDate::from_ymd_opt(y, 2, 28))
            .flatten()
    })
}

/// The peildata of the school year starting in `jaar`, in date order.
pub fn in_schooljaar(stored: &str, jaar: i32) -> Vec<NaiveDate> {
    let mut dagen: Vec<NaiveDate> = parse(stored).iter().filter_map(|d| op(jaar, d)).collect();
    dagen.sort();
    dagen.dedup();
    dagen
}

/// Validator: 1-12 distinct days of the year as `MM-DD`.
pub fn check(dagen: &[String]) -> Result<(), ValidationError> {
    let fout = |m: &str| {
        let mut e = ValidationError::new("peildata");
        e.message = Some(m.to_string().into());
        Err(e)
    };
    if dagen.is_empty() || dagen.len() > 12 {
        return fout("moet 1 tot en met 12 peildata bevatten");
    }
    for (i, dag) in dagen.iter().enumerate() {
        let vorm = dag.len() == 5 && dag.as_bytes()[2] == b'-';
        // 2023-2024 holds 29 February, so every real day of the year is accepted.
        if !vorm || op(2023, dag).is_none() {
            return fout(&format!(
                "'{dag}' is geen dag van het jaar in de vorm MM-DD (bijv. 03-15)"
            ));
        }
        if dagen[..i].contains(dag) {
            return fout(&format!("'{dag}' staat er twee keer in"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn dates_of_a_school_year_in_order() {
        assert_eq!(
            in_schooljaar("09-15,12-15,03-15,06-15", 2022),
            [
                d(2022, 9, 15),
                d(2022, 12, 15),
                d(2023, 3, 15),
                d(2023, 6, 15)
            ]
        );
        assert_eq!(in_schooljaar("02-29", 2022), [d(2023, 2, 28)]);
        assert_eq!(in_schooljaar("02-29", 2023), [d(2024, 2, 29)]);
    }

    #[test]
    fn only_real_distinct_days() {
        assert!(check(&standaard()).is_ok());
        assert!(check(&["02-29".into()]).is_ok());
        assert!(check(&[]).is_err());
        assert!(check(&["13-01".into()]).is_err());
        assert!(check(&["04-31".into()]).is_err());
        assert!(check(&["3-15".into()]).is_err());
        assert!(check(&["03-15".into(), "03-15".into()]).is_err());
    }
}
