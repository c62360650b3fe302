//! Municipal mergers: a record keeps the gemeente it was entered with; a count follows that
//! gemeente along `opgevolgdDoorId` to the one that existed on the counted day (`historisch`),
//! or to today's (`huidig`), so trends stay comparable.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::schema::gemeenten;
use crate::store_prelude::*;

crate::text_enum! {
    /// Which municipalities the figures are counted in.
    #[derive(Default)]
    pub enum Indeling {
        /// Each day in the gemeente that existed then.
        #[default]
        Historisch => "historisch",
        /// Every day in today's gemeente.
        Huidig => "huidig",
    }
}

#[derive(Debug, Clone)]
pub struct GemeenteInfo {
    pub id: Id,
    pub cbs_code: String,
    pub naam: String,
    pub actief_tot: Option<NaiveDate>,
    pub opgevolgd_door: Option<Id>,
    /// The first day it exists: the day its earliest predecessor ended (none: always).
    pub vanaf: Option<NaiveDate>,
}

/// Every gemeente of the installation, read once per answer (a few hundred rows).
pub struct Gemeenten {
    by_id: HashMap<Id, GemeenteInfo>,
    indeling: Indeling,
    vandaag: NaiveDate,
}

type Rij = (Id, String, String, Option<NaiveDate>, Option<Id>);

impl Gemeenten {
    pub fn load(c: &mut DbConn, indeling: Indeling, vandaag: NaiveDate) -> Result<Self, ApiError> {
        let rows: Vec<Rij> = gemeenten::table
            .select((
                gemeenten::id,
                gemeenten::cbs_code,
                gemeenten::naam,
                gemeenten::actief_tot,
                gemeenten::opgevolgd_door_id,
            ))
            .load(c)?;
        Ok(Self::new(rows, indeling, vandaag))
    }

    pub fn new(rows: Vec<Rij>, indeling: Indeling, vandaag: NaiveDate) -> Self {
        let mut vanaf: HashMap<Id, NaiveDate> = HashMap::new();
        for (_, _, _, tot, door) in &rows {
            if let (Some(t), Some(d)) = (tot, door) {
                let e = vanaf.entry(*d).or_insert(*t);
                *e = (*e).min(*t);
            }
        }
        let by_id = rows
            .into_iter()
            .map(|(id, cbs_code, naam, actief_tot, opgevolgd_door)| {
                let info = GemeenteInfo {
                    id,
                    cbs_code,
                    naam,
                    actief_tot,
                    opgevolgd_door,
                    vanaf: vanaf.get(&id).copied(),
                };
                (id, info)
            })
            .collect();
        Gemeenten {
            by_id,
            indeling,
            vandaag,
        }
    }

    pub fn get(&self, id: Id) -> Option<&GemeenteInfo> {
        self.by_id.get(&id)
    }

    pub fn by_cbs(&self, cbs: &str) -> Option<&GemeenteInfo> {
        self.by_id.values().find(|g| g.cbs_code == cbs)
    }

    pub fn indeling(&self) -> Indeling {
        self.indeling
    }

    /// The gemeente a record of `id` counts in on `d`: followed to the successor while it had
    /// ended by then. A successor that did not exist yet on `d` keeps its records itself.
    pub fn doel(&self, id: Id, d: NaiveDate) -> Id {
        let d = match self.indeling {
            Indeling::Historisch => d,
            Indeling::Huidig => self.vandaag,
        };
        let mut at = id;
        // A chain is at most as long as there are gemeenten; a cycle is refused on writing.
        for _ in 0..=self.by_id.len() {
            match self.by_id.get(&at) {
                Some(GemeenteInfo {
                    actief_tot: Some(tot),
                    opgevolgd_door: Some(next),
                    ..
                }) if *tot <= d => at = *next,
                _ => break,
            }
        }
        at
    }

    /// Whether the gemeente exists on `d` in this indeling.
    pub fn bestaat_op(&self, id: Id, d: NaiveDate) -> bool {
        self.doel(id, d) == id
            && self.by_id.get(&id).is_some_and(|g| {
                g.vanaf.is_none_or(|v| v <= d) || self.indeling == Indeling::Huidig
            })
    }

    /// Whether the gemeente exists at some day from `van` to `tot`.
    pub fn bestaat_in(&self, id: Id, van: NaiveDate, tot: NaiveDate) -> bool {
        self.by_id.get(&id).is_some_and(|g| match self.indeling {
            Indeling::Huidig => g.actief_tot.is_none_or(|t| t > self.vandaag),
            Indeling::Historisch => {
                g.actief_tot.is_none_or(|t| t > van) && g.vanaf.is_none_or(|v| v <= tot)
            }
        })
    }

    /// The gemeenten and everything they took over, transitively.
    pub fn met_voorgangers(&self, ids: &[Id]) -> HashSet<Id> {
        let mut out: HashSet<Id> = ids.iter().copied().collect();
        loop {
            let extra: Vec<Id> = self
                .by_id
                .values()
                .filter(|g| g.opgevolgd_door.is_some_and(|n| out.contains(&n)))
                .map(|g| g.id)
                .filter(|id| !out.contains(id))
                .collect();
            if extra.is_empty() {
                return out;
            }
            out.extend(extra);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn dijk_en_waard(indeling: Indeling) -> (Gemeenten, Id, Id, Id) {
        let (hhw, ld, dew) = (Id::new(), Id::new(), Id::new());
        let merger = Some(d(2022, 1, 1));
        let rows = vec![
            (
                hhw,
                "0398".into(),
                "Heerhugowaard".into(),
                merger,
                Some(dew),
            ),
            (ld, "0416".into(), "Langedijk".into(), merger, Some(dew)),
            (dew, "1980".into(), "Dijk en Waard".into(), None, None),
        ];
        (Gemeenten::new(rows, indeling, d(2026, 12, 6)), hhw, ld, dew)
    }

    #[test]
    fn a_record_counts_in_the_gemeente_of_the_day() {
        let (g, hhw, _, dew) = dijk_en_waard(Indeling::Historisch);
        assert_eq!(g.doel(hhw, d(2017, 3, 15)), hhw);
        assert_eq!(g.doel(hhw, d(2021, 12, 31)), hhw);
        assert_eq!(g.doel(hhw, d(2022, 1, 1)), dew);
        assert_eq!(
            g.doel(dew, d(2017, 3, 15)),
            dew,
            "a successor keeps its own records"
        );
        assert!(g.bestaat_in(hhw, d(2016, 8, 1), d(2017, 7, 31)));
        assert!(!g.bestaat_in(dew, d(2016, 8, 1), d(2017, 7, 31)));
        assert!(g.bestaat_in(dew, d(2021, 8, 1), d(2022, 7, 31)));
        assert!(!g.bestaat_op(hhw, d(2022, 3, 15)));
    }

    #[test]
    fn huidig_counts_everything_in_todays_gemeente() {
        let (g, hhw, ld, dew) = dijk_en_waard(Indeling::Huidig);
        assert_eq!(g.doel(hhw, d(2017, 3, 15)), dew);
        assert_eq!(g.doel(ld, d(2017, 3, 15)), dew);
        assert!(g.bestaat_in(dew, d(2016, 8, 1), d(2017, 7, 31)));
        assert!(!g.bestaat_in(hhw, d(2016, 8, 1), d(2017, 7, 31)));
        assert_eq!(g.met_voorgangers(&[dew]).len(), 3);
    }
}
