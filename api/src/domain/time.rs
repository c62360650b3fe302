//! Timestamps are stored as UTC without zone (portable) and written as RFC 3339 with `Z`.

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serializer};

/// Midnight in Amsterdam at the start of `d`, in UTC: date filters mean local days.
pub fn local_midnight(d: chrono::NaiveDate) -> NaiveDateTime {
    use chrono::TimeZone;
    chrono_tz::Europe::Amsterdam
        .from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| d.and_hms_opt(0, 0, 0).unwrap_or_default())
}

/// The date in Amsterdam of a stored (UTC) moment.
pub fn local_date(utc: NaiveDateTime) -> chrono::NaiveDate {
    use chrono::TimeZone;
    chrono_tz::Europe::Amsterdam
        .from_utc_datetime(&utc)
        .date_naive()
}

/// A stored (UTC) moment on Amsterdam's clock.
pub fn local(utc: NaiveDateTime) -> NaiveDateTime {
    use chrono::TimeZone;
    chrono_tz::Europe::Amsterdam
        .from_utc_datetime(&utc)
        .naive_local()
}

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const DAGEN: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// "6 oktober 2026".
pub fn datum_voluit(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {} {}", d.day(), MAANDEN[d.month0() as usize], d.year())
}

/// "dinsdag 6 oktober 2026 van 14:30 tot 17:30" (Amsterdam), for people reading a mail.
pub fn tijdvak(start: NaiveDateTime, eind: NaiveDateTime) -> String {
    use chrono::Datelike;
    let (s, e) = (local(start), local(eind));
    let dag = format!(
        "{} {}",
        DAGEN[s.weekday().num_days_from_monday() as usize],
        datum_voluit(s.date())
    );
    if s.date() == e.date() {
        format!("{dag} van {} tot {}", s.format("%H:%M"), e.format("%H:%M"))
    } else {
        format!(
            "{dag} {} tot {} {}",
            s.format("%H:%M"),
            datum_voluit(e.date()),
            e.format("%H:%M")
        )
    }
}

/// Today's date in Amsterdam.
pub fn today() -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Amsterdam)
        .date_naive()
}

pub fn now() -> NaiveDateTime {
    let n = Utc::now().naive_utc();
    // Microseconds: what both backends keep, so a value reads back exactly as written.
    n.with_nanosecond_trunc()
}

trait Trunc {
    fn with_nanosecond_trunc(self) -> Self;
}

impl Trunc for NaiveDateTime {
    fn with_nanosecond_trunc(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(self.nanosecond() / 1000 * 1000)
            .unwrap_or(self)
    }
}

pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.and_utc().to_rfc3339_opts(SecondsFormat::Secs, true))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    let s = String::deserialize(d)?;
    DateTime::parse_from_rfc3339(&s)
        .map(|t| t.with_timezone(&Utc).naive_utc())
        .map_err(serde::de::Error::custom)
}

/// The same for an optional timestamp (`null` when absent).
pub mod option {
    use chrono::NaiveDateTime;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<NaiveDateTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super")] NaiveDateTime);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(t)| t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn times_in_mails_are_on_amsterdams_clock_in_dutch() {
        // Winter (UTC+1) and summer (UTC+2).
        assert_eq!(
            tijdvak(utc("2031-03-11 13:00"), utc("2031-03-11 15:30")),
            "dinsdag 11 maart 2031 van 14:00 tot 16:30"
        );
        assert_eq!(
            tijdvak(utc("2026-10-06 12:30"), utc("2026-10-06 15:30")),
            "dinsdag 6 oktober 2026 van 14:30 tot 17:30"
        );
        assert_eq!(
            tijdvak(utc("2026-10-06 07:00"), utc("2026-10-07 15:00")),
            "dinsdag 6 oktober 2026 09:00 tot 7 oktober 2026 17:00"
        );
    }
}
