//! TLV's of one SWV over consecutive school years, made to given totals: granted per kind and
//! category and per trimester of the decision, new against extensions (of last year's TLV's of
//! the same pupil), all decided within the term after the advice of two experts, temporary
//! placements, the pupils' ages, the average duration to the day, refusals, the regular schools
//! that asked per trimester, and pupils who went back to a regular school.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::db::Id;
use crate::domain::schooljaar::{schooljaar_grenzen, schooljaar_van};
use crate::tlv::store::klok::{einddatum_na, volgende_werkdag};
use crate::tlv::store::soorten::{AdviesUitkomst, BesluitUitkomst, Discipline, Vervolg};
use crate::tlv::store::statistieken::leeftijd;
use crate::tlv::store::{Aanvraag, TlvCategorie, TlvSoort, TlvStatus};

use super::rng::{Ids, Rng};
use super::rows;
use super::world::Batch;
use super::zorg::werkdag;

/// What one school year's TLV's must add up to.
pub struct TlvJaar {
    pub jaar: i32,
    /// Granted per row of the figures: sbo, so laag, so midden, so hoog (po) or vso laag,
    /// midden, hoog (vo).
    pub per_rij: Vec<usize>,
    /// How many of them extend an earlier TLV.
    pub verlengingen: usize,
    /// Granted per trimester of the decision.
    pub per_trimester: [usize; 3],
    pub afgewezen: usize,
    /// Temporary placements among the new ones: sbo (or vso), so.
    pub tijdelijk: [usize; 2],
    /// Pupils of 8 or older at the decision.
    pub vanaf8: usize,
    /// The average duration in months (days ÷ 30.4375), met to the tenth.
    pub duur_maanden: f64,
    /// Per trimester of receipt: how many regular schools asked, and how often in all.
    pub herkomst: [(usize, usize); 3],
    /// Pupils back to a regular school in the year's third trimester: from sbo (or vso), so.
    pub terug: [usize; 2],
}

/// The SWV the TLV's are made for.
pub struct TlvSwv<'a> {
    pub id: Id,
    pub po: bool,
    /// Regular schools, which ask for new TLV's.
    pub regulier: &'a [Id],
    /// Schools of special education and their kind: where granted pupils go.
    pub voorzieningen: &'a [(Id, TlvSoort)],
    /// Pupils with the first day of their month of birth.
    pub leerlingen: &'a [(Id, NaiveDate)],
    pub now: NaiveDateTime,
}

const DESKUNDIGEN: [(&str, Discipline); 6] = [
    ("drs. L. Verhoef", Discipline::Orthopedagoog),
    ("M. Dekker MSc", Discipline::Orthopedagoog),
    ("dr. S. Yilmaz", Discipline::Psycholoog),
    ("J. van den Berg", Discipline::Arts),
    ("R. Koster", Discipline::MaatschappelijkWerker),
    ("dr. E. Bos", Discipline::Kinderpsychiater),
];

fn rijen(po: bool) -> Vec<(TlvSoort, Option<TlvCategorie>)> {
    let cats = [TlvCategorie::Laag, TlvCategorie::Midden, TlvCategorie::Hoog];
    if po {
        std::iter::once((TlvSoort::Sbo, None))
            .chain(cats.iter().map(|c| (TlvSoort::So, Some(*c))))
            .collect()
    } else {
        cats.iter().map(|c| (TlvSoort::Vso, Some(*c))).collect()
    }
}

fn trimester_grenzen(jaar: i32, t: usize) -> (NaiveDate, NaiveDate) {
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    match t {
        0 => (d(jaar, 8, 20), d(jaar, 11, 30)),
        1 => (d(jaar, 12, 1), d(jaar + 1, 3, 31)),
        _ => (d(jaar + 1, 4, 1), d(jaar + 1, 7, 15)),
    }
}

/// Writes the years, in order, into `batch`; answers the TLV's made.
pub fn generate(swv: &TlvSwv, jaren: &[TlvJaar], rng: &mut Rng, ids: &mut Ids, batch: &mut Batch) {
    if swv.leerlingen.is_empty() || swv.voorzieningen.is_empty() {
        return;
    }
    let mut vorig: Vec<usize> = Vec::new();
    for jaar in jaren {
        let begin = batch.tlvs.len();
        jaar_maken(swv, jaar, &vorig, rng, ids, batch);
        vorig = (begin..batch.tlvs.len())
            .filter(|i| batch.tlvs[*i].status == TlvStatus::Toegekend)
            .collect();
    }
}

fn jaar_maken(
    swv: &TlvSwv,
    jaar: &TlvJaar,
    vorig: &[usize],
    rng: &mut Rng,
    ids: &mut Ids,
    batch: &mut Batch,
) {
    let rijen = rijen(swv.po);
    let mut soorten: Vec<(TlvSoort, Option<TlvCategorie>)> = rijen
        .iter()
        .zip(&jaar.per_rij)
        .flat_map(|(r, n)| std::iter::repeat_n(*r, *n))
        .collect();
    rng.shuffle(&mut soorten);
    let mut trimesters: Vec<usize> = (0..3)
        .flat_map(|t| std::iter::repeat_n(t, jaar.per_trimester[t]))
        .collect();
    trimesters.resize(soorten.len(), 2);
    rng.shuffle(&mut trimesters);
    let n = soorten.len();
    let mut verlengen: Vec<bool> = (0..n).map(|i| i < jaar.verlengingen).collect();
    rng.shuffle(&mut verlengen);
    // Extensions continue last year's TLV's (of the same pupil), as far as there are.
    let mut te_verlengen: Vec<usize> = vorig.to_vec();
    rng.shuffle(&mut te_verlengen);

    let begin = batch.tlvs.len();
    let mut gebruikt: Vec<Id> = Vec::new();
    let mut oud_genoeg = 0usize;
    let mut tijdelijk = jaar.tijdelijk;
    // Extensions first: their pupils' ages are given, the new ones make up the share of 8+.
    let volgorde: Vec<usize> = (0..n)
        .filter(|i| verlengen[*i])
        .chain((0..n).filter(|i| !verlengen[*i]))
        .collect();
    let mut nieuw_over = n - jaar.verlengingen.min(n);
    for i in volgorde {
        let (soort, categorie) = soorten[i];
        let (van, tot) = trimester_grenzen(jaar.jaar, trimesters[i]);
        let besluit = werkdag(rng, van, tot);
        let ontvangen = besluit - Duration::days(rng.range(10, 30));
        let (aanvraag, verlenging_van, leerling) = match (verlengen[i], te_verlengen.pop()) {
            (true, Some(k)) => (
                Aanvraag::Verlenging,
                Some(batch.tlvs[k].id),
                batch.tlvs[k].leerling_id,
            ),
            (true, None) => (Aanvraag::Herbeoordeling, None, rng.pick(swv.leerlingen).0),
            (false, rest) => {
                te_verlengen.extend(rest);
                // Of the new ones, as many as the year's share of 8 and older needs.
                let nodig = jaar.vanaf8.saturating_sub(oud_genoeg);
                let wil_oud = rng.chance(nodig as f64 / nieuw_over.max(1) as f64);
                nieuw_over = nieuw_over.saturating_sub(1);
                let kandidaat = kies(swv, rng, besluit, wil_oud, &gebruikt);
                (Aanvraag::Nieuw, None, kandidaat)
            }
        };
        gebruikt.push(leerling);
        let born = swv.leerlingen.iter().find(|l| l.0 == leerling).map(|l| l.1);
        if born.and_then(|b| leeftijd(&b.format("%Y-%m").to_string(), besluit)) >= Some(8) {
            oud_genoeg += 1;
        }
        let plek = usize::from(soort == TlvSoort::So);
        let is_tijdelijk = aanvraag == Aanvraag::Nieuw && tijdelijk[plek] > 0;
        if is_tijdelijk {
            tijdelijk[plek] -= 1;
        }
        let ingang = besluit + Duration::days(rng.range(0, 14));
        let jaren = if is_tijdelijk {
            1
        } else {
            rng.weighted(&[(1, 15), (2, 45), (3, 40)])
        };
        let voorziening = {
            let passend: Vec<Id> = swv
                .voorzieningen
                .iter()
                .filter(|v| v.1 == soort)
                .map(|v| v.0)
                .collect();
            (!passend.is_empty()).then(|| *rng.pick(&passend))
        };
        push(
            swv,
            batch,
            ids,
            rng,
            Verzoek(
                aanvraag,
                verlenging_van,
                leerling,
                soort,
                categorie,
                is_tijdelijk,
            ),
            ontvangen,
            Some((
                besluit,
                BesluitUitkomst::Toegekend,
                Some(ingang),
                einddatum_na(ingang, jaren),
                voorziening,
            )),
        );
    }
    duur_afstemmen(&mut batch.tlvs[begin..], jaar.duur_maanden);
    for _ in 0..jaar.afgewezen {
        let t = rng.below(3);
        let (van, tot) = trimester_grenzen(jaar.jaar, t);
        let besluit = werkdag(rng, van, tot);
        let ontvangen = besluit - Duration::days(rng.range(10, 30));
        let oud = rng.chance(0.5);
        let leerling = kies(swv, rng, besluit, oud, &gebruikt);
        gebruikt.push(leerling);
        let soort = rijen[rng.below(rijen.len())];
        push(
            swv,
            batch,
            ids,
            rng,
            Verzoek(Aanvraag::Nieuw, None, leerling, soort.0, soort.1, false),
            ontvangen,
            Some((besluit, BesluitUitkomst::Afgewezen, None, None, None)),
        );
    }
    herkomst(swv, jaar, begin, rng, batch);
    terug(jaar, vorig, rng, batch);
}

/// A pupil not yet used this year whose age at `op` is 8 or older (`oud`) or younger.
fn kies(swv: &TlvSwv, rng: &mut Rng, op: NaiveDate, oud: bool, gebruikt: &[Id]) -> Id {
    for _ in 0..200 {
        let (id, born) = *rng.pick(swv.leerlingen);
        let jaren = leeftijd(&born.format("%Y-%m").to_string(), op).unwrap_or(0);
        if (jaren >= 8) == oud && jaren >= 4 && !gebruikt.contains(&id) {
            return id;
        }
    }
    rng.pick(swv.leerlingen).0
}

/// The request's own fields.
struct Verzoek(
    Aanvraag,
    Option<Id>,
    Id,
    TlvSoort,
    Option<TlvCategorie>,
    bool,
);

type Besluit = (
    NaiveDate,
    BesluitUitkomst,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<Id>,
);

fn push(
    swv: &TlvSwv,
    batch: &mut Batch,
    ids: &mut Ids,
    rng: &mut Rng,
    a: Verzoek,
    ontvangen: NaiveDate,
    besluit: Option<Besluit>,
) {
    let Verzoek(aanvraag, verlenging_van_id, leerling_id, soort, categorie, tijdelijk) = a;
    let id = ids.next();
    let deadline = volgende_werkdag(ontvangen + Duration::days(42));
    let status = match besluit {
        Some((_, BesluitUitkomst::Toegekend, ..)) => TlvStatus::Toegekend,
        Some((_, BesluitUitkomst::Afgewezen, ..)) => TlvStatus::Afgewezen,
        None => TlvStatus::InBehandeling,
    };
    if let Some((datum, ..)) = besluit {
        let kern = rng.below(3);
        let tweede = 3 + rng.below(3);
        for k in [kern, tweede] {
            let (naam, discipline) = DESKUNDIGEN[k];
            batch.tlv_adviezen.push(rows::TlvAdvies {
                id: ids.next(),
                tlv_id: id,
                deskundige: naam.into(),
                discipline,
                datum: ontvangen + Duration::days(((datum - ontvangen).num_days() / 2).max(1)),
                advies: if status == TlvStatus::Afgewezen {
                    AdviesUitkomst::NietToelaatbaar
                } else {
                    AdviesUitkomst::Toelaatbaar
                },
                toelichting: String::new(),
                created_at: swv.now,
            });
        }
    }
    batch.tlvs.push(rows::Tlv {
        id,
        samenwerkingsverband_id: swv.id,
        leerling_id,
        school_van_herkomst_id: None,
        soort,
        categorie,
        aanvraag,
        verlenging_van_id,
        tijdelijk,
        ontvangen_op: ontvangen,
        verdaging_dagen: 0,
        verdaging_reden: String::new(),
        status,
        termijn_vanaf: ontvangen,
        uiterlijke_beslisdatum: Some(deadline),
        resterend_bij_opschorting: None,
        besluit_datum: besluit.map(|b| b.0),
        besluit_verzonden_op: besluit.map(|b| b.0 + Duration::days(1)),
        besluit_uitkomst: besluit.map(|b| b.1),
        ingangsdatum: besluit.and_then(|b| b.2),
        einddatum: besluit.and_then(|b| b.3),
        voorziening_school_id: besluit.and_then(|b| b.4),
        motivering: String::new(),
        uitstroom_datum: None,
        uitstroom_vervolg: None,
        schooljaar: schooljaar_van(ontvangen),
        created_at: swv.now,
        updated_at: swv.now,
        versie: 1,
    });
}

/// Moves start dates a day at a time until the granted TLV's last `maanden` on average, to the
/// tenth (the figures round half up).
fn duur_afstemmen(tlvs: &mut [rows::Tlv], maanden: f64) {
    let n = tlvs.len() as i64;
    if n == 0 {
        return;
    }
    let doel = (maanden * 30.4375 * n as f64).round() as i64;
    let duur = |t: &rows::Tlv| match (t.ingangsdatum, t.einddatum) {
        (Some(i), Some(e)) => (e - i).num_days(),
        _ => 0,
    };
    let mut verschil = doel - tlvs.iter().map(duur).sum::<i64>();
    // Whole years first, on the ones that are not temporary.
    let mut i = 0usize;
    while verschil.abs() > 365 && i < 10 * tlvs.len() {
        let t = &mut tlvs[i % tlvs.len()];
        i += 1;
        let (Some(ingang), Some(einde)) = (t.ingangsdatum, t.einddatum) else {
            continue;
        };
        if t.tijdelijk {
            continue;
        }
        let jaren = einde.year() - ingang.year() + i32::from(ingang.month() < 8);
        let nieuw = if verschil > 0 && jaren < 4 {
            einddatum_na(ingang, jaren + 1)
        } else if verschil < 0 && jaren > 1 {
            einddatum_na(ingang, jaren - 1)
        } else {
            None
        };
        if let Some(e) = nieuw {
            verschil -= (e - einde).num_days();
            t.einddatum = Some(e);
        }
    }
    // Then days, one start date at a time, staying within the first school year.
    let mut i = 0usize;
    while verschil != 0 && i < 1000 * tlvs.len() {
        let t = &mut tlvs[i % tlvs.len()];
        i += 1;
        let Some(ingang) = t.ingangsdatum else {
            continue;
        };
        let stap = verschil.signum();
        let nieuw = ingang - Duration::days(stap);
        let (begin, _) = schooljaar_grenzen(ingang.year() - i32::from(ingang.month() < 8));
        if nieuw >= begin && t.einddatum.is_some_and(|e| nieuw < e) && nieuw.month() != 7 {
            t.ingangsdatum = Some(nieuw);
            verschil -= stap;
        }
    }
}

/// Spreads the year's new requests over the regular schools as the figures ask: per trimester of
/// receipt, so many schools asked so often; the rest came from a special school (or from
/// outside the SWV's schools).
fn herkomst(swv: &TlvSwv, jaar: &TlvJaar, begin: usize, rng: &mut Rng, batch: &mut Batch) {
    let (start, eind) = schooljaar_grenzen(jaar.jaar);
    let mut regulier: Vec<Id> = swv.regulier.to_vec();
    for (t, (scholen, aanvragen)) in jaar.herkomst.iter().enumerate() {
        let mut kandidaten: Vec<usize> = (begin..batch.tlvs.len())
            .filter(|i| {
                let r = &batch.tlvs[*i];
                r.aanvraag == Aanvraag::Nieuw
                    && r.ontvangen_op >= start
                    && r.ontvangen_op <= eind
                    && crate::domain::telling::trimester(r.ontvangen_op) == ["1", "2", "3"][t]
            })
            .collect();
        rng.shuffle(&mut kandidaten);
        rng.shuffle(&mut regulier);
        let gekozen = &regulier[..(*scholen).min(regulier.len())];
        for (k, i) in kandidaten.iter().take(*aanvragen).enumerate() {
            if gekozen.is_empty() {
                break;
            }
            // Every chosen school once, then the rest at random among them.
            let s = if k < gekozen.len() {
                gekozen[k]
            } else {
                *rng.pick(gekozen)
            };
            batch.tlvs[*i].school_van_herkomst_id = Some(s);
        }
    }
    // Extensions and the other new requests come from the special school the pupil attends.
    for i in begin..batch.tlvs.len() {
        if batch.tlvs[i].school_van_herkomst_id.is_none() {
            let soort = batch.tlvs[i].soort;
            let bij: Vec<Id> = swv
                .voorzieningen
                .iter()
                .filter(|v| v.1 == soort)
                .map(|v| v.0)
                .collect();
            if !bij.is_empty() && rng.chance(0.9) {
                batch.tlvs[i].school_van_herkomst_id = Some(*rng.pick(&bij));
            }
        }
    }
}

/// Pupils of last year's TLV's (not extended this year) who went back to a regular school in
/// the third trimester.
fn terug(jaar: &TlvJaar, vorig: &[usize], rng: &mut Rng, batch: &mut Batch) {
    let verlengd: Vec<Id> = batch
        .tlvs
        .iter()
        .filter_map(|t| t.verlenging_van_id)
        .collect();
    let (van, tot) = trimester_grenzen(jaar.jaar, 2);
    for (plek, aantal) in jaar.terug.iter().enumerate() {
        let mut kandidaten: Vec<usize> = vorig
            .iter()
            .copied()
            .filter(|i| {
                let t = &batch.tlvs[*i];
                usize::from(t.soort == TlvSoort::So) == plek
                    && !verlengd.contains(&t.id)
                    && t.einddatum.is_some_and(|e| e >= van)
                    && t.uitstroom_datum.is_none()
            })
            .collect();
        rng.shuffle(&mut kandidaten);
        for i in kandidaten.into_iter().take(*aantal) {
            let t = &mut batch.tlvs[i];
            t.uitstroom_datum = Some(werkdag(rng, van, tot));
            t.uitstroom_vervolg = Some(Vervolg::Regulier);
        }
    }
}
