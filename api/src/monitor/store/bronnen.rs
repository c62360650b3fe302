//! The raw counts of one SWV for the monitor, per gemeente of the indeling: every source table
//! read once for the school year, each record placed in the gemeente of its counted day.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use super::indeling::Gemeenten;
use crate::arrangementen::store::{ArrangementSoort, ArrangementStatus};
use crate::bijeenkomsten::store::BijeenkomstStatus;
use crate::domain::peildata;
use crate::schema::{
    aanmeldingen, arrangementen, bijeenkomsten, leerlingen, mdos, samenwerkingsverbanden, scholen,
    thuiszitter_peildata, tlvs,
};
use crate::store_prelude::*;
use crate::thuiszitters::store::soorten::{ThuiszitterCategorie, LEERPLICHT};
use crate::thuiszitters::store::telling::{Casussen, Telling};
use crate::tlv::store::soorten::BesluitUitkomst;
use crate::tlv::store::TlvSoort;

/// The counts of one peildatum in one gemeente.
#[derive(Debug, Clone, Default)]
pub struct RuweRij {
    /// In the order of `LEERPLICHT`.
    pub per_categorie: [i64; 7],
    pub dreigend: i64,
    pub langer_dan3_maanden: i64,
    pub totaal: i64,
    /// Whether every SWV that counts on this day froze its count.
    pub vastgesteld: bool,
}

/// The counts of one gemeente before suppression, summed over the SWV's that serve it.
#[derive(Debug, Clone, Default)]
pub struct Ruw {
    pub swvs: BTreeSet<Id>,
    pub thuiszitters: BTreeMap<NaiveDate, RuweRij>,
    /// 5a, 5b, 5c.
    pub vrijstellingen: [i64; 3],
    /// sbo, so, vso.
    pub tlv: [i64; 3],
    /// individueel, groep, innovatie.
    pub arrangementen: [i64; 3],
    /// Ondersteuningsniveau 1-4.
    pub mdo: [i64; 4],
    pub scholen: i64,
    pub bereikt: i64,
}

/// What one answer counts: the school year, today, and which record gemeenten matter (`None`:
/// all; a client's gemeenten with their predecessors otherwise).
pub struct Vraag {
    pub van: NaiveDate,
    pub tot: NaiveDate,
    pub vandaag: NaiveDate,
    pub jaar: String,
    pub filter: Option<HashSet<Id>>,
}

/// The counts of every SWV in `swvs`, per gemeente of the indeling.
pub fn tel(
    c: &mut DbConn,
    swvs: &[Id],
    vraag: &Vraag,
    gemeenten: &Gemeenten,
) -> Result<BTreeMap<Id, Ruw>, ApiError> {
    let mut out: BTreeMap<Id, Ruw> = BTreeMap::new();
    for swv in swvs {
        tel_swv(c, *swv, vraag, gemeenten, &mut out)?;
    }
    Ok(out)
}

struct Teller<'a> {
    swv: Id,
    vraag: &'a Vraag,
    gemeenten: &'a Gemeenten,
    out: &'a mut BTreeMap<Id, Ruw>,
}

impl Teller<'_> {
    fn telt(&self, gemeente: Id) -> bool {
        self.vraag
            .filter
            .as_ref()
            .is_none_or(|f| f.contains(&gemeente))
    }

    /// The gemeente a record of `gemeente` counted on `d` lands in, or `None` when the
    /// caller does not see it.
    fn bij(&mut self, gemeente: Id, d: NaiveDate) -> Option<&mut Ruw> {
        if !self.telt(gemeente) {
            return None;
        }
        let doel = self.gemeenten.doel(gemeente, d);
        let ruw = self.out.entry(doel).or_default();
        ruw.swvs.insert(self.swv);
        Some(ruw)
    }
}

fn tel_swv(
    c: &mut DbConn,
    swv: Id,
    vraag: &Vraag,
    gemeenten: &Gemeenten,
    out: &mut BTreeMap<Id, Ruw>,
) -> Result<(), ApiError> {
    let mut t = Teller {
        swv,
        vraag,
        gemeenten,
        out,
    };
    let (van, tot) = (vraag.van, vraag.tot);
    let scholen: HashMap<Id, Id> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select((scholen::id, scholen::gemeente_id))
        .load::<(Id, Id)>(c)?
        .into_iter()
        .collect();
    for g in scholen.values() {
        if let Some(r) = t.bij(*g, van) {
            r.scholen += 1;
        }
    }
    let wonen: Vec<Id> = leerlingen::table
        .filter(leerlingen::samenwerkingsverband_id.eq(swv))
        .select(leerlingen::woongemeente_id)
        .distinct()
        .load(c)?;
    for g in wonen {
        t.bij(g, van);
    }
    let bereikt: Vec<Id> = aanmeldingen::table
        .inner_join(bijeenkomsten::table)
        .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
        .filter(bijeenkomsten::schooljaar.eq(&vraag.jaar))
        .filter(bijeenkomsten::status.eq(BijeenkomstStatus::Doorgegaan))
        .filter(aanmeldingen::aanwezig.eq(true))
        .select(aanmeldingen::school_id.assume_not_null())
        .filter(aanmeldingen::school_id.is_not_null())
        .distinct()
        .load(c)?;
    for school in bereikt {
        if let Some(g) = scholen.get(&school) {
            if let Some(r) = t.bij(*g, van) {
                r.bereikt += 1;
            }
        }
    }
    let granted: Vec<(Id, TlvSoort, NaiveDate)> = tlvs::table
        .inner_join(leerlingen::table)
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::besluit_uitkomst.eq(BesluitUitkomst::Toegekend))
        .filter(tlvs::besluit_datum.between(van, tot))
        .select((
            leerlingen::woongemeente_id,
            tlvs::soort,
            tlvs::besluit_datum.assume_not_null(),
        ))
        .load(c)?;
    for (g, soort, d) in granted {
        if let Some(r) = t.bij(g, d) {
            r.tlv[match soort {
                TlvSoort::Sbo => 0,
                TlvSoort::So => 1,
                TlvSoort::Vso => 2,
            }] += 1;
        }
    }
    let arr: Vec<(ArrangementSoort, Id, Option<Id>, NaiveDate)> = arrangementen::table
        .inner_join(scholen::table)
        .left_join(leerlingen::table)
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::schooljaar.eq(&vraag.jaar))
        .filter(
            arrangementen::status
                .eq_any([ArrangementStatus::Toegekend, ArrangementStatus::Beeindigd]),
        )
        .select((
            arrangementen::soort,
            scholen::gemeente_id,
            leerlingen::woongemeente_id.nullable(),
            arrangementen::startdatum,
        ))
        .load(c)?;
    for (soort, school, woon, d) in arr {
        let (g, i) = match soort {
            ArrangementSoort::Individueel => (woon.unwrap_or(school), 0),
            ArrangementSoort::Groep => (school, 1),
            ArrangementSoort::Innovatie => (school, 2),
        };
        if let Some(r) = t.bij(g, d) {
            r.arrangementen[i] += 1;
        }
    }
    let mdo: Vec<(Id, i32, NaiveDate)> = mdos::table
        .inner_join(scholen::table)
        .filter(mdos::samenwerkingsverband_id.eq(swv))
        .filter(mdos::datum.between(van, tot))
        .select((
            scholen::gemeente_id,
            mdos::ondersteuningsniveau,
            mdos::datum,
        ))
        .load(c)?;
    for (g, niveau, d) in mdo {
        if let (Some(r), Ok(i @ 0..=3)) = (t.bij(g, d), usize::try_from(niveau - 1)) {
            r.mdo[i] += 1;
        }
    }
    thuiszitters(c, &mut t)
}

/// Every peildatum of the SWV in the year up to today, frozen where it was frozen; and the
/// cases that entered a vrijstelling during the year.
fn thuiszitters(c: &mut DbConn, t: &mut Teller) -> Result<(), ApiError> {
    let (swv, van) = (t.swv, t.vraag.van);
    let eind = t.vraag.tot.min(t.vraag.vandaag);
    let stored: String = samenwerkingsverbanden::table
        .find(swv)
        .select(samenwerkingsverbanden::peildata)
        .first(c)?;
    let jaar = van.year();
    let dagen: Vec<NaiveDate> = peildata::in_schooljaar(&stored, jaar)
        .into_iter()
        .filter(|d| *d <= eind)
        .collect();
    let frozen: HashMap<NaiveDate, String> = thuiszitter_peildata::table
        .filter(thuiszitter_peildata::samenwerkingsverband_id.eq(swv))
        .filter(thuiszitter_peildata::datum.between(van, eind))
        .select((thuiszitter_peildata::datum, thuiszitter_peildata::telling))
        .load::<(NaiveDate, String)>(c)?
        .into_iter()
        .collect();
    if eind < van {
        return Ok(());
    }
    let casussen = Casussen::load(c, swv, van, eind)?;
    for case in &casussen.cases {
        let mut vorige: Option<ThuiszitterCategorie> = None;
        for e in &case.verloop {
            let nieuw = vorige != Some(e.categorie);
            vorige = Some(e.categorie);
            let i = match e.categorie {
                ThuiszitterCategorie::Vrijstelling_5a => 0,
                ThuiszitterCategorie::Vrijstelling_5b => 1,
                ThuiszitterCategorie::Vrijstelling_5c => 2,
                _ => continue,
            };
            if nieuw && (van..=eind).contains(&e.vanaf) {
                if let Some(r) = t.bij(case.gemeente_id, e.vanaf) {
                    r.vrijstellingen[i] += 1;
                }
            }
        }
    }
    for d in dagen {
        let (telling, vastgesteld) = match frozen.get(&d) {
            Some(json) => (
                serde_json::from_str::<Telling>(json).map_err(|e| {
                    ApiError::internal(format!("vastgestelde telling onleesbaar: {e}"))
                })?,
                true,
            ),
            None => (casussen.telling(d), false),
        };
        for g in &telling.gemeenten {
            let Some(r) = t.bij(g.gemeente_id, d) else {
                continue;
            };
            let rij = r.thuiszitters.entry(d).or_insert_with(|| RuweRij {
                vastgesteld: true,
                ..RuweRij::default()
            });
            for (i, cat) in LEERPLICHT.iter().enumerate() {
                rij.per_categorie[i] += g.cijfers.per_categorie.get(*cat);
            }
            let s = &g.cijfers.dreigend;
            rij.dreigend += s.a + s.b + s.c + s.d + s.combinatie;
            rij.langer_dan3_maanden += g.cijfers.duur.langer_dan3_maanden;
            rij.totaal += g.cijfers.totaal;
        }
        // Every gemeente this SWV serves that exists on the day gets the day, zeros included,
        // and is frozen only when every SWV that counts on it froze.
        let doelen: Vec<Id> = t
            .out
            .iter()
            .filter(|(id, r)| r.swvs.contains(&swv) && t.gemeenten.bestaat_op(**id, d))
            .map(|(id, _)| *id)
            .collect();
        for id in doelen {
            if let Some(r) = t.out.get_mut(&id) {
                let rij = r.thuiszitters.entry(d).or_insert_with(|| RuweRij {
                    vastgesteld: true,
                    ..RuweRij::default()
                });
                rij.vastgesteld &= vastgesteld;
            }
        }
    }
    Ok(())
}
