//! The grouped count of registrations per meeting, by status and attendance: what the lists,
//! a meeting's turnout and the year's figures all start from.

use crate::store_prelude::*;
use std::collections::HashMap;

use super::AanmeldingStatus;
use crate::schema::aanmeldingen;

/// Registration counts of a set of registrations, by status and attendance.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub aangemeld: i64,
    pub wachtlijst: i64,
    pub afgemeld: i64,
    pub aanwezig: i64,
    pub no_show: i64,
}

impl Tally {
    pub fn add(&mut self, status: AanmeldingStatus, aanwezig: Option<bool>, n: i64) {
        match status {
            AanmeldingStatus::Aangemeld => {
                self.aangemeld += n;
                match aanwezig {
                    Some(true) => self.aanwezig += n,
                    Some(false) => self.no_show += n,
                    None => {}
                }
            }
            AanmeldingStatus::Wachtlijst => self.wachtlijst += n,
            AanmeldingStatus::Afgemeld => self.afgemeld += n,
        }
    }
}

/// The tally of each meeting, from one count grouped by meeting, status and attendance.
pub fn tallies(
    c: &mut DbConn,
    meetings: Vec<Id>,
    reach: &Reach,
) -> Result<HashMap<Id, Tally>, ApiError> {
    let mut out: HashMap<Id, Tally> = HashMap::new();
    if meetings.is_empty() {
        return Ok(out);
    }
    let mut q = aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq_any(meetings))
        .group_by((
            aanmeldingen::bijeenkomst_id,
            aanmeldingen::status,
            aanmeldingen::aanwezig,
        ))
        .select((
            aanmeldingen::bijeenkomst_id,
            aanmeldingen::status,
            aanmeldingen::aanwezig,
            diesel::dsl::count_star(),
        ))
        .into_boxed();
    if let Some(schools) = reach.schools() {
        q = q.filter(aanmeldingen::school_id.assume_not_null().eq_any(schools));
    }
    let rows: Vec<(Id, AanmeldingStatus, Option<bool>, i64)> = q.load(c)?;
    for (b, s, a, n) in rows {
        out.entry(b).or_default().add(s, a, n);
    }
    Ok(out)
}
