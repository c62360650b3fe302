//! The monitor's raw counts kept per SWV and school year (`monitor_tussenstanden`): an answer
//! over many gemeenten sums the stored counts of every SWV, and counts again only the SWV's whose
//! records changed since (every write to a source table drops the SWV's rows in its own
//! transaction, by the triggers of the migration) or that were counted on an earlier day.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, HashMap, HashSet};

use super::bronnen::{self, Ruw, Vraag};
use super::indeling::{Gemeenten, Indeling};
use crate::db::ReportStore;
use crate::schema::{monitor_tussenstanden as t, samenwerkingsverbanden};
use crate::store_prelude::*;
use chrono::NaiveDateTime;

/// The counts of one SWV, per gemeente of the indeling.
type PerGemeente = BTreeMap<Id, Ruw>;

/// The advisory locks of the migration's triggers: one per SWV, which writers hold shared until
/// they commit, and one for the municipal division as a whole.
const SLOT_SWV: i32 = 7311;
const SLOT_INDELING: i32 = 7312;

/// The counts of every SWV in `swvs` (`None`: every SWV), per gemeente of the indeling, limited
/// to the caller's gemeenten (`vraag.filter`): what [`bronnen::tel`] counts, from stored counts
/// where they are current. With `opslag`, what had to be counted again is stored.
pub fn tel(
    c: &mut DbConn,
    swvs: Option<&[Id]>,
    vraag: &Vraag,
    gemeenten: &Gemeenten,
    opslag: Option<&ReportStore>,
) -> Result<BTreeMap<Id, Ruw>, ApiError> {
    let alle: Vec<Id> = match swvs {
        Some(s) => s.to_vec(),
        None => samenwerkingsverbanden::table
            .select(samenwerkingsverbanden::id)
            .load(c)?,
    };
    let mut q = t::table
        .filter(t::schooljaar.eq(&vraag.jaar))
        .filter(t::indeling.eq(gemeenten.indeling().as_str()))
        .filter(t::vandaag.eq(vraag.vandaag))
        .select((t::samenwerkingsverband_id, t::ruw))
        .into_boxed();
    if let Some(s) = swvs {
        q = q.filter(t::samenwerkingsverband_id.eq_any(s.to_vec()));
    }
    let mut bewaard: HashMap<Id, String> = q.load::<(Id, String)>(c)?.into_iter().collect();
    let mut out: BTreeMap<Id, Ruw> = BTreeMap::new();
    for swv in alle {
        // A row that no longer reads (an older shape) is counted again and replaced.
        let eigen = match bewaard
            .remove(&swv)
            .and_then(|json| serde_json::from_str::<PerGemeente>(&json).ok())
        {
            Some(p) => p,
            None => opnieuw(c, swv, vraag, gemeenten, opslag)?,
        };
        // A gemeente's records land in it or in its successors, and the caller's set holds
        // every predecessor of its gemeenten: filtering where they landed filters the records.
        for (g, r) in eigen {
            if vraag.filter.as_ref().is_none_or(|f| f.contains(&g)) {
                out.entry(g).or_default().voeg_toe(r);
            }
        }
    }
    Ok(out)
}

/// Counts again, and stores, the counts of the current school year (as then divided into
/// gemeenten, the monitor's default) of every SWV whose stored count is missing or from an
/// earlier day: what keeps the first answer of a day, or the first after a write, from waiting
/// for the counting. Returns how many SWV's were counted.
pub fn bijwerken(
    c: &mut DbConn,
    nu: NaiveDateTime,
    opslag: &ReportStore,
) -> Result<usize, ApiError> {
    let vandaag = crate::domain::time::local_date(nu);
    let jaar = crate::domain::schooljaar::schooljaar_van(vandaag);
    let (van, tot) = crate::domain::schooljaar::schooljaar_grenzen(
        crate::domain::schooljaar::eerste_jaar(&jaar)?,
    );
    let gemeenten = Gemeenten::load(c, Indeling::Historisch, vandaag)?;
    let actueel: HashSet<Id> = t::table
        .filter(t::schooljaar.eq(&jaar))
        .filter(t::indeling.eq(Indeling::Historisch.as_str()))
        .filter(t::vandaag.eq(vandaag))
        .select(t::samenwerkingsverband_id)
        .load::<Id>(c)?
        .into_iter()
        .collect();
    let mut verouderd: Vec<Id> = samenwerkingsverbanden::table
        .select(samenwerkingsverbanden::id)
        .load(c)?;
    verouderd.retain(|swv| !actueel.contains(swv));
    let vraag = Vraag {
        van,
        tot,
        vandaag,
        jaar,
        filter: None,
    };
    for swv in &verouderd {
        opnieuw(c, *swv, &vraag, &gemeenten, Some(opslag))?;
    }
    Ok(verouderd.len())
}

/// Counts one SWV from its records, and stores the count when no write of it is under way.
fn opnieuw(
    c: &mut DbConn,
    swv: Id,
    vraag: &Vraag,
    gemeenten: &Gemeenten,
    opslag: Option<&ReportStore>,
) -> Result<PerGemeente, ApiError> {
    let alles = Vraag {
        van: vraag.van,
        tot: vraag.tot,
        vandaag: vraag.vandaag,
        jaar: vraag.jaar.clone(),
        filter: None,
    };
    let Some(opslag) = opslag else {
        return bronnen::tel(c, Some(&[swv]), &alles, gemeenten);
    };
    opslag.write(c, |c| {
        let vrij = vrij(c, swv)?;
        let ruw = bronnen::tel(c, Some(&[swv]), &alles, gemeenten)?;
        if vrij {
            let json = serde_json::to_string(&ruw)
                .map_err(|e| ApiError::internal(format!("tussenstand niet op te slaan: {e}")))?;
            // Whoever holds the lock is the only one storing this SWV: replace, no upsert.
            diesel::delete(
                t::table
                    .filter(t::samenwerkingsverband_id.eq(swv))
                    .filter(t::schooljaar.eq(&alles.jaar))
                    .filter(t::indeling.eq(gemeenten.indeling().as_str())),
            )
            .execute(c)?;
            diesel::insert_into(t::table)
                .values((
                    t::samenwerkingsverband_id.eq(swv),
                    t::schooljaar.eq(&alles.jaar),
                    t::indeling.eq(gemeenten.indeling().as_str()),
                    t::vandaag.eq(alles.vandaag),
                    t::ruw.eq(&json),
                ))
                .execute(c)?;
        }
        Ok(ruw)
    })
}

#[derive(QueryableByName)]
struct Vrij {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    vrij: bool,
}

/// Whether no write of the SWV (nor of the division) is under way, and none can start before
/// this transaction ends. On SQLite the write lock held around it already guarantees that.
fn vrij(c: &mut DbConn, swv: Id) -> Result<bool, ApiError> {
    let DbConn::Pg(pg) = c else {
        return Ok(true);
    };
    use diesel::sql_types::{Integer, Text};
    let v: Vrij = diesel::sql_query(
        "SELECT pg_try_advisory_xact_lock_shared($1, 0) \
         AND pg_try_advisory_xact_lock($2, hashtext($3)) AS vrij",
    )
    .bind::<Integer, _>(SLOT_INDELING)
    .bind::<Integer, _>(SLOT_SWV)
    .bind::<Text, _>(swv.to_string())
    .get_result(pg)?;
    Ok(v.vrij)
}

impl Ruw {
    /// Adds the counts of another SWV in the same gemeente: a peildatum is vastgesteld only
    /// when it is for every SWV that counts on it.
    fn voeg_toe(&mut self, r: Ruw) {
        self.swvs.extend(r.swvs);
        for (d, rij) in r.thuiszitters {
            match self.thuiszitters.entry(d) {
                Entry::Vacant(e) => {
                    e.insert(rij);
                }
                Entry::Occupied(mut e) => {
                    let x = e.get_mut();
                    for (a, b) in x.per_categorie.iter_mut().zip(rij.per_categorie) {
                        *a += b;
                    }
                    x.dreigend += rij.dreigend;
                    x.langer_dan3_maanden += rij.langer_dan3_maanden;
                    x.totaal += rij.totaal;
                    x.vastgesteld &= rij.vastgesteld;
                }
            }
        }
        let som = |a: &mut [i64], b: &[i64]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        som(&mut self.vrijstellingen, &r.vrijstellingen);
        som(&mut self.tlv, &r.tlv);
        som(&mut self.arrangementen, &r.arrangementen);
        som(&mut self.mdo, &r.mdo);
        self.scholen += r.scholen;
        self.bereikt += r.bereikt;
    }
}
