//! The legal clock of a TLV request (Awb 4:13-4:15) and the Algemene termijnenwet: the deadline
//! counts calendar days from the start, adds the days the request was suspended and one
//! verdaging, and a deadline on a Saturday, Sunday or public holiday moves to the next day that
//! is none of those. Pure arithmetic on local dates, so every case can be checked by a unit test.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Days an objection may take after the decision was sent (Awb 6:7), and how long an `aanvulling`
/// may stay open before the desk is reminded of it.
pub const BEZWAARTERMIJN_DAGEN: i64 = 42;

/// One suspension: from `van` until `tot`, the day the clock runs again (`None` while it runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periode {
    pub van: NaiveDate,
    pub tot: Option<NaiveDate>,
}

/// What the clock of a request is made of.
#[derive(Debug, Clone)]
pub struct Klok {
    /// `ontvangenOp`, or the day a `gegrond` objection reopened the request.
    pub start: NaiveDate,
    pub termijn_dagen: i64,
    pub verdaging_dagen: i64,
    /// Every suspension of the request; only those from `start` on count.
    pub opschortingen: Vec<Periode>,
}

/// Where the clock stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stand {
    /// The last day to decide; `None` while a suspension runs.
    pub uiterlijke_beslisdatum: Option<NaiveDate>,
    /// While a suspension runs: the days that were left on its first day.
    pub resterend_bij_opschorting: Option<i64>,
}

impl Klok {
    pub fn stand(&self) -> Stand {
        let telt: Vec<&Periode> = self
            .opschortingen
            .iter()
            .filter(|p| p.van >= self.start)
            .collect();
        let opgeschort: i64 = telt
            .iter()
            .filter_map(|p| p.tot.map(|tot| (tot - p.van).num_days()))
            .sum();
        let deadline = volgende_werkdag(
            self.start + Duration::days(self.termijn_dagen + opgeschort + self.verdaging_dagen),
        );
        match telt.iter().find(|p| p.tot.is_none()) {
            Some(open) => Stand {
                uiterlijke_beslisdatum: None,
                resterend_bij_opschorting: Some((deadline - open.van).num_days()),
            },
            None => Stand {
                uiterlijke_beslisdatum: Some(deadline),
                resterend_bij_opschorting: None,
            },
        }
    }
}

/// The days left until `deadline` seen from `vandaag`: negative when it passed.
pub fn dagen_tot(vandaag: NaiveDate, deadline: NaiveDate) -> i64 {
    (deadline - vandaag).num_days()
}

/// The last day to object to a decision sent on `verzonden`.
pub fn bezwaar_uiterlijk(verzonden: NaiveDate) -> NaiveDate {
    volgende_werkdag(verzonden + Duration::days(BEZWAARTERMIJN_DAGEN))
}

/// The end of a TLV granted for `jaren` school years from `ingang`: 31 July of the last one,
/// counting the school year that contains `ingang` as the first.
pub fn einddatum_na(ingang: NaiveDate, jaren: i32) -> Option<NaiveDate> {
    let eerste_eind = if ingang.month() >= 8 {
        ingang.year() + 1
    } else {
        ingang.year()
    };
    NaiveDate::from_ymd_opt(eerste_eind + jaren - 1, 7, 31)
}

/// `d`, or the first day after it that is not a Saturday, Sunday or public holiday.
pub fn volgende_werkdag(mut d: NaiveDate) -> NaiveDate {
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || feestdag(d) {
        d += Duration::days(1);
    }
    d
}

/// The public holidays of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, tweede Paasdag,
/// Koningsdag, 5 mei, Hemelvaartsdag, tweede Pinksterdag and both Christmas days. Goede Vrijdag
/// is not one.
pub fn feestdag(d: NaiveDate) -> bool {
    let (m, dag) = (d.month(), d.day());
    if matches!((m, dag), (1, 1) | (5, 5) | (12, 25) | (12, 26)) {
        return true;
    }
    if m == 4 && (dag == 27 || dag == 26) {
        // Koningsdag is the 26th when the 27th is a Sunday.
        let zondag_27 =
            NaiveDate::from_ymd_opt(d.year(), 4, 27).is_some_and(|k| k.weekday() == Weekday::Sun);
        return (dag == 27) != zondag_27;
    }
    let pasen = pasen(d.year());
    [1, 39, 50].iter().any(|n| d == pasen + Duration::days(*n))
}

/// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm of Meeus).
pub fn pasen(jaar: i32) -> NaiveDate {
    let a = jaar % 19;
    let b = jaar / 100;
    let c = jaar % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let maand = (h + l - 7 * m + 114) / 31;
    let dag = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(jaar, maand as u32, dag as u32).expect("Easter is a date")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn klok(start: &str, opschortingen: &[(&str, Option<&str>)], verdaging: i64) -> Klok {
        Klok {
            start: d(start),
            termijn_dagen: 42,
            verdaging_dagen: verdaging,
            opschortingen: opschortingen
                .iter()
                .map(|(van, tot)| Periode {
                    van: d(van),
                    tot: tot.map(d),
                })
                .collect(),
        }
    }

    #[test]
    fn easter_of_known_years() {
        for (jaar, datum) in [
            (2016, "2016-03-27"),
            (2017, "2017-04-16"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(pasen(jaar), d(datum), "{jaar}");
        }
    }

    #[test]
    fn the_holidays_of_the_termijnenwet() {
        for h in [
            "2026-01-01",
            "2026-04-06", // tweede Paasdag
            "2026-04-27", // Koningsdag
            "2026-05-05",
            "2026-05-14", // Hemelvaartsdag
            "2026-05-25", // tweede Pinksterdag
            "2026-12-25",
            "2026-12-26",
            "2025-04-26", // Koningsdag on Saturday the 26th: the 27th is a Sunday
        ] {
            assert!(feestdag(d(h)), "{h} is a holiday");
        }
        for g in [
            "2026-04-03", // Goede Vrijdag
            "2025-04-27", // a Sunday, but not Koningsdag that year
            "2026-04-26",
            "2026-05-04",
        ] {
            assert!(!feestdag(d(g)), "{g} is no holiday");
        }
    }

    #[test]
    fn six_weeks_from_the_day_received() {
        // 2016-10-03 (Monday) + 42 = 2016-11-14 (Monday).
        let s = klok("2016-10-03", &[], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2016-11-14")));
        assert_eq!(s.resterend_bij_opschorting, None);
    }

    #[test]
    fn a_deadline_on_a_weekend_moves_to_monday() {
        // 2016-10-01 (Saturday) + 42 = 2016-11-12 (Saturday) → Monday 14th.
        let s = klok("2016-10-01", &[], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2016-11-14")));
    }

    #[test]
    fn a_deadline_on_koningsdag_or_tweede_pinksterdag_moves_on() {
        // 2026-03-16 + 42 = Monday 2026-04-27, Koningsdag → Tuesday 28th.
        let s = klok("2026-03-16", &[], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2026-04-28")));
        // 2026-04-13 + 42 = Monday 2026-05-25, tweede Pinksterdag → Tuesday 26th.
        let s = klok("2026-04-13", &[], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2026-05-26")));
        // Hemelvaartsdag 2026-05-14 is a Thursday: 2026-04-02 + 42.
        let s = klok("2026-04-02", &[], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2026-05-15")));
    }

    #[test]
    fn a_deadline_over_christmas_and_new_year() {
        // 2026-11-13 + 42 = Friday 2026-12-25 → 26th is a holiday, 27-28 weekend → Monday 28th.
        let s = klok("2026-11-13", &[], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2026-12-28")));
        // 2026-11-20 + 42 = Friday 2027-01-01 → Monday 2027-01-04.
        let s = klok("2026-11-20", &[], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2027-01-04")));
    }

    #[test]
    fn suspensions_add_their_days_and_may_touch() {
        // 7 + 3 suspended days on touching periods: 2016-11-14 + 10 = 2016-11-24 (Thursday).
        let s = klok(
            "2016-10-03",
            &[
                ("2016-10-10", Some("2016-10-17")),
                ("2016-10-17", Some("2016-10-20")),
            ],
            0,
        )
        .stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2016-11-24")));
    }

    #[test]
    fn the_only_extra_days_are_the_raw_ones_then_the_move() {
        // Received Monday 2026-03-02: 42 days is 2026-04-13 (Monday); 14 days suspended take it to
        // Monday 2026-04-27, Koningsdag, so the 28th.
        let s = klok("2026-03-02", &[("2026-03-09", Some("2026-03-23"))], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2026-04-28")));
    }

    #[test]
    fn an_open_suspension_stops_the_clock_with_the_days_left_on_its_first_day() {
        let s = klok("2016-10-03", &[("2016-10-24", None)], 0).stand();
        assert_eq!(s.uiterlijke_beslisdatum, None);
        // Deadline 2016-11-14 seen from 2016-10-24: 21 days.
        assert_eq!(s.resterend_bij_opschorting, Some(21));
        // After a closed one, the days left include its days.
        let s = klok(
            "2016-10-03",
            &[("2016-10-05", Some("2016-10-12")), ("2016-10-24", None)],
            0,
        )
        .stand();
        assert_eq!(s.resterend_bij_opschorting, Some(28));
    }

    #[test]
    fn a_verdaging_adds_its_days() {
        // 2016-11-14 + 28 = 2016-12-12 (Monday).
        let s = klok("2016-10-03", &[], 28).stand();
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2016-12-12")));
    }

    #[test]
    fn after_reopening_only_later_suspensions_count() {
        let s = klok(
            "2017-03-01",
            &[
                ("2016-10-10", Some("2016-10-17")),
                ("2017-03-06", Some("2017-03-08")),
            ],
            0,
        )
        .stand();
        // 2017-03-01 + 42 + 2 = 2017-04-14 (Goede Vrijdag, a working day under the law).
        assert_eq!(s.uiterlijke_beslisdatum, Some(d("2017-04-14")));
    }

    #[test]
    fn days_left_and_a_decision_on_the_last_day() {
        let deadline = klok("2016-10-03", &[], 0)
            .stand()
            .uiterlijke_beslisdatum
            .unwrap();
        assert_eq!(dagen_tot(d("2016-11-14"), deadline), 0);
        assert_eq!(dagen_tot(d("2016-11-10"), deadline), 4);
        assert_eq!(dagen_tot(d("2016-11-16"), deadline), -2);
        assert!(
            d("2016-11-14") <= deadline,
            "a decision on the last day is in time"
        );
    }

    #[test]
    fn the_end_of_a_tlv_from_its_years() {
        assert_eq!(einddatum_na(d("2016-10-01"), 2), Some(d("2018-07-31")));
        assert_eq!(einddatum_na(d("2016-08-01"), 1), Some(d("2017-07-31")));
        assert_eq!(einddatum_na(d("2017-03-15"), 1), Some(d("2017-07-31")));
        assert_eq!(einddatum_na(d("2017-07-31"), 3), Some(d("2019-07-31")));
    }

    #[test]
    fn the_objection_term() {
        // Sent Friday 2016-11-11: + 42 = Friday 2016-12-23.
        assert_eq!(bezwaar_uiterlijk(d("2016-11-11")), d("2016-12-23"));
        // Sent 2016-11-13 (Sunday): + 42 = Sunday 2016-12-25 → 26th holiday → Tuesday 27th.
        assert_eq!(bezwaar_uiterlijk(d("2016-11-13")), d("2016-12-27"));
    }
}
