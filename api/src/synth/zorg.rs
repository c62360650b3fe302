//! What the generators of pupil-level records (arrangementen, budgets, MDO's) share: the SWV
//! they write for, the totals one school year must add up to, and how they pick days and pupils.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::db::Id;

use super::rng::Rng;

/// What one school year must add up to.
pub struct Jaar {
    /// The calendar year the school year starts in.
    pub jaar: i32,
    /// Granted arrangementen starting in the year: individueel, groep, innovatie.
    pub soorten: [usize; 3],
    /// How many of them extend an earlier arrangement.
    pub verlengingen: usize,
    /// The year's share of all granted arrangementen (what the werkgebieden spent).
    pub besteed_cent: i64,
    /// The regular budgets of the werkgebieden together.
    pub budget_cent: i64,
    /// Extra budgets during the year: werkgebied, amount, date.
    pub extra: Vec<(Id, i64, NaiveDate)>,
    /// MDO's per trimester, and how many of them at level 3.
    pub mdos: [usize; 3],
    pub mdo_niveau3: usize,
}

pub struct School {
    pub id: Id,
    pub werkgebied: Option<Id>,
    /// How often it asks for support (its pupils, more where the need is greater).
    pub gewicht: u32,
}

pub struct Leerling {
    pub id: Id,
    pub school: Id,
    pub leerjaar: Option<i32>,
}

/// The SWV whose records are made.
pub struct Swv<'a> {
    pub id: Id,
    pub scholen: &'a [School],
    pub leerlingen: &'a [Leerling],
    /// The werkgebieden and the weight of each in the regular budget.
    pub werkgebieden: &'a [(Id, i64)],
    /// The school year (its first calendar year) the pupils' year groups belong to.
    pub leerjaren_van: i32,
    pub now: NaiveDateTime,
    /// Arrangementen that ended before this day are `beeindigd`.
    pub vandaag: NaiveDate,
}

/// A weekday in `[van, tot]`.
pub(super) fn werkdag(rng: &mut Rng, van: NaiveDate, tot: NaiveDate) -> NaiveDate {
    let d = van + Duration::days(rng.range(0, (tot - van).num_days()));
    match d.weekday().num_days_from_monday() {
        5 if d - Duration::days(1) >= van => d - Duration::days(1),
        6 if d - Duration::days(2) >= van => d - Duration::days(2),
        _ => d,
    }
}

/// A pupil of `school`, or any pupil (with its own school) when the school has none.
pub(super) fn leerling(swv: &Swv, rng: &mut Rng, school: Id) -> (Id, Id, Option<i32>) {
    let daar: Vec<&Leerling> = swv
        .leerlingen
        .iter()
        .filter(|l| l.school == school)
        .collect();
    let l = if daar.is_empty() {
        rng.pick(swv.leerlingen)
    } else {
        *rng.pick(&daar)
    };
    (l.id, l.school, l.leerjaar)
}
