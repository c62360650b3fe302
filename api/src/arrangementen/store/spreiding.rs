//! How an arrangement's amount is spread over time: evenly over the days of its period, both ends
//! included, in whole cents whose parts add up to the amount (largest remainder). An arrangement
//! of May-October thus counts partly in two school years, and within a year per month and
//! before and after a peildatum.

use chrono::{Datelike, Duration, NaiveDate};

/// Splits `total` cents over parts in proportion to `weights`, rounded down and the cents left
/// given one by one to the parts with the largest remainders (the earliest part on a tie), so
/// the parts add up to `total`. All zero when the weights are.
pub fn verdeel(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i128 = weights.iter().map(|w| i128::from(*w)).sum();
    if sum <= 0 {
        return vec![0; weights.len()];
    }
    let mut parts = Vec::with_capacity(weights.len());
    let mut rests = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = i128::from(total) * i128::from(*w);
        parts.push((exact / sum) as i64);
        rests.push((exact % sum, i));
    }
    let left = total - parts.iter().sum::<i64>();
    rests.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in rests.iter().take(left.max(0) as usize) {
        parts[i] += 1;
    }
    parts
}

/// The days `[van, tot]` has in common with `[start, eind]` (both ends included).
pub fn dagen(van: NaiveDate, tot: NaiveDate, start: NaiveDate, eind: NaiveDate) -> i64 {
    let a = van.max(start);
    let b = tot.min(eind);
    if b < a {
        0
    } else {
        (b - a).num_days() + 1
    }
}

pub use crate::domain::schooljaar::schooljaar_grenzen;

/// The part of `bedrag` over `[start, eind]` that falls in the school year starting in `jaar`.
pub fn jaardeel(bedrag: i64, start: NaiveDate, eind: NaiveDate, jaar: i32) -> i64 {
    let eerste = if start.month() >= 8 {
        start.year()
    } else {
        start.year() - 1
    };
    let laatste = if eind.month() >= 8 {
        eind.year()
    } else {
        eind.year() - 1
    };
    if jaar < eerste || jaar > laatste {
        return 0;
    }
    let weights: Vec<i64> = (eerste..=laatste)
        .map(|j| {
            let (van, tot) = schooljaar_grenzen(j);
            dagen(van, tot, start, eind)
        })
        .collect();
    verdeel(bedrag, &weights)[(jaar - eerste) as usize]
}

/// The twelve months of the school year starting in `jaar`, August to July, as first and last day.
pub fn maanden(jaar: i32) -> Vec<(NaiveDate, NaiveDate)> {
    (0..12)
        .map(|k| {
            let (y, m) = if k < 5 {
                (jaar, 8 + k)
            } else {
                (jaar + 1, k - 4)
            };
            let eerste = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
            let volgende = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            }
            .unwrap_or_default();
            (eerste, volgende - Duration::days(1))
        })
        .collect()
}

/// A year share split over the months of the year, by the arrangement's days in each month.
pub fn per_maand(deel: i64, start: NaiveDate, eind: NaiveDate, jaar: i32) -> Vec<i64> {
    let weights: Vec<i64> = maanden(jaar)
        .into_iter()
        .map(|(van, tot)| dagen(van, tot, start, eind))
        .collect();
    verdeel(deel, &weights)
}

/// The part of a year share on the arrangement's days in the year up to and including `peildatum`.
pub fn tot_en_met(deel: i64, start: NaiveDate, eind: NaiveDate, jaar: i32, peil: NaiveDate) -> i64 {
    let (van, tot) = schooljaar_grenzen(jaar);
    let voor = dagen(van, tot.min(peil), start, eind);
    let na = dagen(van, tot, start, eind) - voor;
    verdeel(deel, &[voor, na])[0]
}

/// `a × teller ÷ noemer`, rounded half away from zero, for non-negative amounts.
pub fn schaal(a: i64, teller: i64, noemer: i64) -> i64 {
    if noemer <= 0 {
        return a;
    }
    let (a, t, n) = (i128::from(a), i128::from(teller), i128::from(noemer));
    ((2 * a * t + n) / (2 * n)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parts_add_up_and_remainders_go_to_the_largest() {
        assert_eq!(verdeel(100, &[1, 1, 1]), vec![34, 33, 33]);
        assert_eq!(verdeel(10, &[1, 2]), vec![3, 7]);
        assert_eq!(verdeel(0, &[5, 5]), vec![0, 0]);
        assert_eq!(verdeel(7, &[0, 0]), vec![0, 0]);
        let p = verdeel(1_000_001, &[31, 30, 31, 31, 28]);
        assert_eq!(p.iter().sum::<i64>(), 1_000_001);
    }

    #[test]
    fn an_arrangement_of_may_to_october_counts_in_two_years() {
        // 1 May - 31 October 2017: 92 days in 2016-2017, 92 days in 2017-2018.
        let (s, e) = (d(2017, 5, 1), d(2017, 10, 31));
        let a = jaardeel(18_401, s, e, 2016);
        let b = jaardeel(18_401, s, e, 2017);
        assert_eq!(a + b, 18_401);
        assert_eq!((a, b), (9_201, 9_200));
        assert_eq!(jaardeel(18_401, s, e, 2015), 0);
        assert_eq!(jaardeel(18_401, s, e, 2018), 0);
    }

    #[test]
    fn months_and_besteed_split_the_year_share() {
        let (s, e) = (d(2016, 8, 1), d(2017, 7, 31));
        let m = per_maand(36_500, s, e, 2016);
        assert_eq!(m.len(), 12);
        assert_eq!(m[0], 3_100);
        assert_eq!(m[6], 2_800);
        assert_eq!(m.iter().sum::<i64>(), 36_500);
        assert_eq!(tot_en_met(36_500, s, e, 2016, d(2016, 8, 10)), 1_000);
        assert_eq!(tot_en_met(36_500, s, e, 2016, d(2017, 7, 31)), 36_500);
        assert_eq!(tot_en_met(36_500, s, e, 2016, d(2016, 7, 31)), 0);
        assert_eq!(maanden(2016)[11], (d(2017, 7, 1), d(2017, 7, 31)));
    }

    #[test]
    fn scaling_rounds_half_away_from_zero() {
        assert_eq!(schaal(100, 3, 2), 150);
        assert_eq!(schaal(5, 1, 2), 3);
        assert_eq!(schaal(100, 1, 0), 100);
    }
}
