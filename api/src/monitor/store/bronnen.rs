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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
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

/// The most gemeenten the queries filter on; a longer set is filtered while counting.
pub const ZICHT_IN_SQL: usize = 64;

/// Every (SWV, woongemeente) pair of the pupils, nationally: a walk over the index from pair to
/// pair (PostgreSQL has no skip scan of its own), a few thousand probes instead of every pupil.
const ALLE_WOONGEMEENTEN: &str = "WITH RECURSIVE t AS (
      (SELECT samenwerkingsverband_id AS swv, woongemeente_id AS gemeente FROM leerlingen
       ORDER BY 1, 2 LIMIT 1)
      UNION ALL
      SELECT n.swv, n.gemeente FROM t CROSS JOIN LATERAL (
        SELECT samenwerkingsverband_id AS swv, woongemeente_id AS gemeente FROM leerlingen
        WHERE (samenwerkingsverband_id, woongemeente_id) > (t.swv, t.gemeente)
        ORDER BY 1, 2 LIMIT 1) n)
    SELECT swv, gemeente FROM t";

#[derive(QueryableByName)]
struct Woont {
    #[diesel(sql_type = diesel::sql_types::Text)]
    swv: Id,
    #[diesel(sql_type = diesel::sql_types::Text)]
    gemeente: Id,
}

/// The counts of every SWV in `swvs` (`None`: every SWV that serves the caller's gemeenten), per
/// gemeente of the indeling: each source read once for all of them, and only for the caller's
/// gemeenten when it has a set.
pub fn tel(
    c: &mut DbConn,
    swvs: Option<&[Id]>,
    vraag: &Vraag,
    gemeenten: &Gemeenten,
) -> Result<BTreeMap<Id, Ruw>, ApiError> {
    let mut out: BTreeMap<Id, Ruw> = BTreeMap::new();
    let mut t = Teller {
        vraag,
        gemeenten,
        out: &mut out,
        // Past a few dozen gemeenten a filter in SQL costs more than it saves.
        zicht: vraag
            .filter
            .as_ref()
            .filter(|f| f.len() <= ZICHT_IN_SQL)
            .map(|f| f.iter().copied().collect()),
    };
    let scholen = t.scholen(c, swvs)?;
    t.wonen(c, swvs)?;
    // Every SWV that counts in a gemeente has a school or a pupil there: the other sources are
    // read for those alone.
    let tellend: Vec<Id> = match swvs {
        Some(s) => s.to_vec(),
        None => crate::domain::unique(
            &t.out
                .values()
                .flat_map(|r| r.swvs.iter().copied())
                .collect::<Vec<_>>(),
        ),
    };
    let swvs = Some(tellend.as_slice());
    t.bereikt(c, swvs, &scholen)?;
    t.tlv(c, swvs)?;
    t.arrangementen(c, swvs)?;
    t.mdo(c, swvs)?;
    t.thuiszitters(c, &tellend)?;
    Ok(out)
}

struct Teller<'a> {
    vraag: &'a Vraag,
    gemeenten: &'a Gemeenten,
    out: &'a mut BTreeMap<Id, Ruw>,
    /// The caller's gemeenten for the queries (`vraag.filter` as a list, when short).
    zicht: Option<Vec<Id>>,
}

impl Teller<'_> {
    fn telt(&self, gemeente: Id) -> bool {
        self.vraag
            .filter
            .as_ref()
            .is_none_or(|f| f.contains(&gemeente))
    }

    /// The gemeente a record of `swv` in `gemeente` counted on `d` lands in, or `None` when the
    /// caller does not see it.
    fn bij(&mut self, swv: Id, gemeente: Id, d: NaiveDate) -> Option<&mut Ruw> {
        if !self.telt(gemeente) {
            return None;
        }
        let doel = self.gemeenten.doel(gemeente, d);
        let ruw = self.out.entry(doel).or_default();
        ruw.swvs.insert(swv);
        Some(ruw)
    }

    /// The schools of the SWV's in the caller's gemeenten, by id: (swv, gemeente).
    fn scholen(
        &mut self,
        c: &mut DbConn,
        swvs: Option<&[Id]>,
    ) -> Result<HashMap<Id, (Id, Id)>, ApiError> {
        let mut q = scholen::table
            .select((
                scholen::id,
                scholen::samenwerkingsverband_id,
                scholen::gemeente_id,
            ))
            .into_boxed();
        if let Some(s) = swvs {
            q = q.filter(scholen::samenwerkingsverband_id.eq_any(s.to_vec()));
        }
        if let Some(z) = &self.zicht {
            q = q.filter(scholen::gemeente_id.eq_any(z.clone()));
        }
        let scholen: HashMap<Id, (Id, Id)> = q
            .load::<(Id, Id, Id)>(c)?
            .into_iter()
            .map(|(id, swv, g)| (id, (swv, g)))
            .collect();
        for (swv, g) in scholen.values() {
            if let Some(r) = self.bij(*swv, *g, self.vraag.van) {
                r.scholen += 1;
            }
        }
        Ok(scholen)
    }

    /// An SWV also serves the gemeenten its pupils live in.
    fn wonen(&mut self, c: &mut DbConn, swvs: Option<&[Id]>) -> Result<(), ApiError> {
        if swvs.is_none() && self.zicht.is_none() && matches!(c, DbConn::Pg(_)) {
            for p in diesel::sql_query(ALLE_WOONGEMEENTEN).load::<Woont>(c)? {
                self.bij(p.swv, p.gemeente, self.vraag.van);
            }
            return Ok(());
        }
        let mut q = leerlingen::table
            .select((
                leerlingen::samenwerkingsverband_id,
                leerlingen::woongemeente_id,
            ))
            .distinct()
            .into_boxed();
        if let Some(s) = swvs {
            q = q.filter(leerlingen::samenwerkingsverband_id.eq_any(s.to_vec()));
        }
        if let Some(z) = &self.zicht {
            q = q.filter(leerlingen::woongemeente_id.eq_any(z.clone()));
        }
        for (swv, g) in q.load::<(Id, Id)>(c)? {
            self.bij(swv, g, self.vraag.van);
        }
        Ok(())
    }

    fn bereikt(
        &mut self,
        c: &mut DbConn,
        swvs: Option<&[Id]>,
        scholen: &HashMap<Id, (Id, Id)>,
    ) -> Result<(), ApiError> {
        let mut q = aanmeldingen::table
            .inner_join(bijeenkomsten::table)
            .filter(bijeenkomsten::schooljaar.eq(&self.vraag.jaar))
            .filter(bijeenkomsten::status.eq(BijeenkomstStatus::Doorgegaan))
            .filter(aanmeldingen::aanwezig.eq(true))
            .filter(aanmeldingen::school_id.is_not_null())
            .select((
                bijeenkomsten::samenwerkingsverband_id,
                aanmeldingen::school_id.assume_not_null(),
            ))
            .distinct()
            .into_boxed();
        if let Some(s) = swvs {
            q = q.filter(bijeenkomsten::samenwerkingsverband_id.eq_any(s.to_vec()));
        }
        if self.zicht.is_some() {
            let ids: Vec<Id> = scholen.keys().copied().collect();
            q = q.filter(aanmeldingen::school_id.assume_not_null().eq_any(ids));
        }
        for (bij, school) in q.load::<(Id, Id)>(c)? {
            // A school counts for its own SWV's meetings only.
            if let Some((swv, g)) = scholen.get(&school).filter(|(s, _)| *s == bij) {
                if let Some(r) = self.bij(*swv, *g, self.vraag.van) {
                    r.bereikt += 1;
                }
            }
        }
        Ok(())
    }

    fn tlv(&mut self, c: &mut DbConn, swvs: Option<&[Id]>) -> Result<(), ApiError> {
        // The pupil's gemeente as a lookup per TLV, as for arrangementen.
        let woont = leerlingen::table
            .filter(leerlingen::id.eq(tlvs::leerling_id))
            .select(leerlingen::woongemeente_id)
            .single_value()
            .assume_not_null();
        let mut q = tlvs::table
            .filter(tlvs::besluit_uitkomst.eq(BesluitUitkomst::Toegekend))
            .filter(tlvs::besluit_datum.between(self.vraag.van, self.vraag.tot))
            .select((
                tlvs::samenwerkingsverband_id,
                woont,
                tlvs::soort,
                tlvs::besluit_datum.assume_not_null(),
            ))
            .into_boxed();
        if let Some(s) = swvs {
            q = q.filter(tlvs::samenwerkingsverband_id.eq_any(s.to_vec()));
        }
        if let Some(z) = &self.zicht {
            q = q.filter(
                tlvs::leerling_id.eq_any(
                    leerlingen::table
                        .filter(leerlingen::woongemeente_id.eq_any(z.clone()))
                        .select(leerlingen::id),
                ),
            );
        }
        for (swv, g, soort, d) in q.load::<(Id, Id, TlvSoort, NaiveDate)>(c)? {
            if let Some(r) = self.bij(swv, g, d) {
                r.tlv[match soort {
                    TlvSoort::Sbo => 0,
                    TlvSoort::So => 1,
                    TlvSoort::Vso => 2,
                }] += 1;
            }
        }
        Ok(())
    }

    fn arrangementen(&mut self, c: &mut DbConn, swvs: Option<&[Id]>) -> Result<(), ApiError> {
        // An OR over the school's and the pupil's gemeente reads every pupil: ask twice instead,
        // by the school, then individual ones by where the pupil lives.
        let rondes: &[Option<bool>] = match self.zicht {
            Some(_) => &[Some(false), Some(true)],
            None => &[None],
        };
        for ronde in rondes {
            // The pupil's gemeente as a lookup per arrangement: a join would hash every pupil.
            let woont = leerlingen::table
                .filter(leerlingen::id.nullable().eq(arrangementen::leerling_id))
                .select(leerlingen::woongemeente_id)
                .single_value();
            let mut q = arrangementen::table
                .inner_join(scholen::table)
                .filter(arrangementen::schooljaar.eq(&self.vraag.jaar))
                .filter(arrangementen::status.eq_any(ArrangementStatus::GETELD))
                .select((
                    arrangementen::samenwerkingsverband_id,
                    arrangementen::soort,
                    scholen::gemeente_id,
                    woont,
                    arrangementen::startdatum,
                ))
                .into_boxed();
            if let Some(s) = swvs {
                q = q.filter(arrangementen::samenwerkingsverband_id.eq_any(s.to_vec()));
            }
            if let (Some(woon), Some(z)) = (ronde, &self.zicht) {
                q = if *woon {
                    q.filter(arrangementen::soort.eq(ArrangementSoort::Individueel))
                        .filter(
                            arrangementen::leerling_id.eq_any(
                                leerlingen::table
                                    .filter(leerlingen::woongemeente_id.eq_any(z.clone()))
                                    .select(leerlingen::id.nullable()),
                            ),
                        )
                        .filter(scholen::gemeente_id.ne_all(z.clone()))
                } else {
                    q.filter(scholen::gemeente_id.eq_any(z.clone()))
                };
            }
            type Rij = (Id, ArrangementSoort, Id, Option<Id>, NaiveDate);
            for (swv, soort, school, woon, d) in q.load::<Rij>(c)? {
                let (g, i) = match soort {
                    ArrangementSoort::Individueel => (woon.unwrap_or(school), 0),
                    ArrangementSoort::Groep => (school, 1),
                    ArrangementSoort::Innovatie => (school, 2),
                };
                if let Some(r) = self.bij(swv, g, d) {
                    r.arrangementen[i] += 1;
                }
            }
        }
        Ok(())
    }

    fn mdo(&mut self, c: &mut DbConn, swvs: Option<&[Id]>) -> Result<(), ApiError> {
        let mut q = mdos::table
            .inner_join(scholen::table)
            .filter(mdos::datum.between(self.vraag.van, self.vraag.tot))
            .select((
                mdos::samenwerkingsverband_id,
                scholen::gemeente_id,
                mdos::ondersteuningsniveau,
                mdos::datum,
            ))
            .into_boxed();
        if let Some(s) = swvs {
            q = q.filter(mdos::samenwerkingsverband_id.eq_any(s.to_vec()));
        }
        if let Some(z) = &self.zicht {
            q = q.filter(scholen::gemeente_id.eq_any(z.clone()));
        }
        for (swv, g, niveau, d) in q.load::<(Id, Id, i32, NaiveDate)>(c)? {
            if let (Some(r), Ok(i @ 0..=3)) = (self.bij(swv, g, d), usize::try_from(niveau - 1)) {
                r.mdo[i] += 1;
            }
        }
        Ok(())
    }

    /// Every peildatum of each SWV in the year up to today, frozen where it was frozen; and the
    /// cases that entered a vrijstelling during the year.
    fn thuiszitters(&mut self, c: &mut DbConn, swvs: &[Id]) -> Result<(), ApiError> {
        let van = self.vraag.van;
        let eind = self.vraag.tot.min(self.vraag.vandaag);
        if eind < van {
            return Ok(());
        }
        let peildata: Vec<(Id, String)> = samenwerkingsverbanden::table
            .filter(samenwerkingsverbanden::id.eq_any(swvs))
            .select((samenwerkingsverbanden::id, samenwerkingsverbanden::peildata))
            .load(c)?;
        let mut frozen: HashMap<(Id, NaiveDate), String> = HashMap::new();
        for (swv, d, telling) in thuiszitter_peildata::table
            .filter(thuiszitter_peildata::samenwerkingsverband_id.eq_any(swvs))
            .filter(thuiszitter_peildata::datum.between(van, eind))
            .select((
                thuiszitter_peildata::samenwerkingsverband_id,
                thuiszitter_peildata::datum,
                thuiszitter_peildata::telling,
            ))
            .load::<(Id, NaiveDate, String)>(c)?
        {
            frozen.insert((swv, d), telling);
        }
        let mut casussen = Casussen::per_swv(c, swvs, self.zicht.as_deref(), van, eind)?;
        for (swv, stored) in peildata {
            let dagen: Vec<NaiveDate> = peildata::in_schooljaar(&stored, van.year())
                .into_iter()
                .filter(|d| *d <= eind)
                .collect();
            let eigen = casussen.remove(&swv).unwrap_or_default();
            self.vrijstellingen(swv, &eigen);
            for d in dagen {
                let (telling, vastgesteld) = match frozen.get(&(swv, d)) {
                    Some(json) => (
                        serde_json::from_str::<Telling>(json).map_err(|e| {
                            ApiError::internal(format!("vastgestelde telling onleesbaar: {e}"))
                        })?,
                        true,
                    ),
                    None => (eigen.telling(d), false),
                };
                self.peildatum(swv, d, &telling, vastgesteld);
            }
        }
        Ok(())
    }

    fn vrijstellingen(&mut self, swv: Id, casussen: &Casussen) {
        let (van, eind) = (self.vraag.van, self.vraag.tot.min(self.vraag.vandaag));
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
                    if let Some(r) = self.bij(swv, case.gemeente_id, e.vanaf) {
                        r.vrijstellingen[i] += 1;
                    }
                }
            }
        }
    }

    fn peildatum(&mut self, swv: Id, d: NaiveDate, telling: &Telling, vastgesteld: bool) {
        for g in &telling.gemeenten {
            let Some(r) = self.bij(swv, g.gemeente_id, d) else {
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
        for (id, r) in self.out.iter_mut() {
            if r.swvs.contains(&swv) && self.gemeenten.bestaat_op(*id, d) {
                let rij = r.thuiszitters.entry(d).or_insert_with(|| RuweRij {
                    vastgesteld: true,
                    ..RuweRij::default()
                });
                rij.vastgesteld &= vastgesteld;
            }
        }
    }
}
