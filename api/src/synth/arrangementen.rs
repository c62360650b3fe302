//! Arrangementen, werkgebied budgets and MDO's of one SWV over consecutive school years, made to
//! given totals: the demo data reproduces a trimester report's figures with it, the synthetic
//! data the national scale. Each year has its new arrangementen and its extensions (of last
//! year's or of this year's, also extensions of extensions), the amounts scaled so the year's
//! share of the granted ones is exactly what was spent, and MDO's (`mdos.rs`).

use chrono::{Datelike, Duration, NaiveDate};

use crate::arrangementen::store::budgetten::BudgetSoort;
use crate::arrangementen::store::spreiding::{jaardeel, schooljaar_grenzen, verdeel};
use crate::arrangementen::store::{ArrangementSoort, ArrangementStatus, Categorie};
use crate::db::Id;
use crate::org::store::scholen::SchoolSoort;

use super::rng::{Ids, Rng};
use super::rows;
use super::world::{Batch, World};
use super::zorg::{leerling, werkdag, Jaar, Leerling, School, Swv};

const CATEGORIEEN: [(Categorie, u32); 9] = [
    (Categorie::GestructureerdeLeeromgeving, 24),
    (Categorie::Gedragsinterventietechnieken, 22),
    (Categorie::OndersteunendeLeeromgeving, 12),
    (Categorie::TaalCommunicatierijkeLeeromgeving, 11),
    (Categorie::UitdagendeLeeromgeving, 8),
    (Categorie::VerrijktLeesonderwijs, 8),
    (Categorie::VerrijktRekenonderwijs, 6),
    (Categorie::AangepasteLeeromgeving, 5),
    (Categorie::Overig, 4),
];

/// Writes the years, in order, into `batch`.
pub fn generate(swv: &Swv, jaren: &[Jaar], rng: &mut Rng, ids: &mut Ids, batch: &mut Batch) {
    if swv.scholen.is_empty() || swv.leerlingen.is_empty() {
        return;
    }
    let mut eerder: Vec<usize> = Vec::new();
    for jaar in jaren {
        let begin = batch.arrangementen.len();
        arrangementen(swv, jaar, &mut eerder, rng, ids, batch);
        schaal(jaar, &mut batch.arrangementen, begin);
        budgetten(swv, jaar, ids, batch);
        super::mdos::generate(swv, jaar, rng, ids, batch);
    }
    for a in &mut batch.arrangementen {
        if a.status == ArrangementStatus::Toegekend && a.einddatum < swv.vandaag {
            a.status = ArrangementStatus::Beeindigd;
        }
    }
}

fn arrangementen(
    swv: &Swv,
    jaar: &Jaar,
    eerder: &mut Vec<usize>,
    rng: &mut Rng,
    ids: &mut Ids,
    batch: &mut Batch,
) {
    let (start, eind) = schooljaar_grenzen(jaar.jaar);
    let schooljaar = format!("{}-{}", jaar.jaar, jaar.jaar + 1);
    let gewichten: Vec<(usize, u32)> = swv
        .scholen
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.gewicht))
        .collect();
    let mut soorten: Vec<ArrangementSoort> = [
        ArrangementSoort::Individueel,
        ArrangementSoort::Groep,
        ArrangementSoort::Innovatie,
    ]
    .iter()
    .zip(jaar.soorten)
    .flat_map(|(s, n)| std::iter::repeat_n(*s, n))
    .collect();
    // Extensions of individual and group arrangementen; the balancing innovation comes last.
    let verlengbaar = soorten
        .iter()
        .filter(|s| **s != ArrangementSoort::Innovatie)
        .count();
    let mut verlengen: Vec<bool> = (0..verlengbaar)
        .map(|i| i < jaar.verlengingen.min(verlengbaar))
        .collect();
    rng.shuffle(&mut verlengen);
    soorten.sort_by_key(|s| *s == ArrangementSoort::Innovatie);
    // New arrangementen first (in date order), then extensions of what ends in time.
    let mut nieuw = Vec::new();
    let mut verlengingen = Vec::new();
    for (i, soort) in soorten.iter().enumerate() {
        if verlengen.get(i).copied().unwrap_or(false) {
            verlengingen.push(*soort);
        } else {
            nieuw.push(*soort);
        }
    }
    let laatste_start = eind - Duration::days(30);
    for soort in nieuw {
        let school = &swv.scholen[rng.weighted(&gewichten)];
        let (leerling, school_id, leerjaar) = match soort {
            ArrangementSoort::Individueel => {
                let l = leerling(swv, rng, school.id);
                let terug = swv.leerjaren_van - jaar.jaar;
                (Some(l.0), l.1, l.2.map(|j| j - terug).filter(|j| *j >= 1))
            }
            _ => (None, school.id, None),
        };
        let begin = werkdag(rng, start, laatste_start);
        let duur = match soort {
            ArrangementSoort::Innovatie => rng.range(120, 200),
            _ => rng.range(50, 130),
        };
        let einde = (begin + Duration::days(duur)).min(eind);
        let gebied = swv.scholen.iter().find(|s| s.id == school_id);
        batch.arrangementen.push(record(
            swv,
            rng,
            ids,
            soort,
            (leerling, school_id, gebied.and_then(|s| s.werkgebied)),
            None,
            leerjaar,
            (begin, einde),
            &schooljaar,
        ));
        eerder.push(batch.arrangementen.len() - 1);
    }
    for soort in verlengingen {
        // An arrangement of the same kind that ends before this year does.
        let kandidaten: Vec<usize> = eerder
            .iter()
            .copied()
            .filter(|&k| {
                let a = &batch.arrangementen[k];
                a.soort == soort && a.einddatum + Duration::days(1) >= start && a.einddatum < eind
            })
            .collect();
        let Some(&k) = kandidaten.get(rng.below(kandidaten.len().max(1))) else {
            continue;
        };
        let basis = batch.arrangementen[k].clone();
        let begin = basis.einddatum + Duration::days(1);
        let einde = (begin + Duration::days(rng.range(50, 120))).min(eind.max(begin));
        batch.arrangementen.push(record(
            swv,
            rng,
            ids,
            soort,
            (basis.leerling_id, basis.school_id, basis.werkgebied_id),
            Some(basis.id),
            basis.leerjaar,
            (begin, einde),
            &schooljaar,
        ));
        if let Some(a) = batch.arrangementen.last_mut() {
            a.categorie = basis.categorie;
        }
        eerder.retain(|&e| e != k);
        eerder.push(batch.arrangementen.len() - 1);
    }
    // Some requests are turned down; they count nowhere.
    for _ in 0..(jaar.soorten[0] / 40) {
        let school = &swv.scholen[rng.weighted(&gewichten)];
        let l = leerling(swv, rng, school.id);
        let begin = werkdag(rng, start, laatste_start);
        let mut a = record(
            swv,
            rng,
            ids,
            ArrangementSoort::Individueel,
            (Some(l.0), l.1, school.werkgebied),
            None,
            l.2,
            (begin, begin + Duration::days(60)),
            &schooljaar,
        );
        a.status = ArrangementStatus::Afgewezen;
        a.toegekend_op = None;
        batch.arrangementen.push(a);
    }
}

#[allow(clippy::too_many_arguments)]
fn record(
    swv: &Swv,
    rng: &mut Rng,
    ids: &mut Ids,
    soort: ArrangementSoort,
    (leerling, school, gebied): (Option<Id>, Id, Option<Id>),
    verlenging_van: Option<Id>,
    leerjaar: Option<i32>,
    (begin, einde): (NaiveDate, NaiveDate),
    schooljaar: &str,
) -> rows::Arrangement {
    let dagen = (einde - begin).num_days() + 1;
    let (uren, per_dag) = match soort {
        ArrangementSoort::Individueel => (Some(rng.range(2, 6) as f64), rng.range(1_800, 3_200)),
        ArrangementSoort::Groep => (Some(rng.range(4, 10) as f64), rng.range(4_000, 7_000)),
        ArrangementSoort::Innovatie => (None, rng.range(15_000, 25_000)),
    };
    rows::Arrangement {
        id: ids.next(),
        samenwerkingsverband_id: swv.id,
        soort,
        leerling_id: leerling,
        aantal_leerlingen: (soort == ArrangementSoort::Groep).then(|| rng.range(3, 12) as i32),
        school_id: school,
        werkgebied_id: gebied,
        verlenging_van_id: verlenging_van,
        categorie: rng.weighted(&CATEGORIEEN),
        ondersteuningsniveau: if rng.chance(0.6) { 3 } else { 2 },
        leerjaar,
        startdatum: begin,
        einddatum: einde,
        uren_per_week: uren,
        bedrag_cent: dagen * per_dag,
        status: ArrangementStatus::Toegekend,
        toegekend_op: Some(begin - Duration::days(rng.range(3, 28))),
        toelichting: String::new(),
        schooljaar: schooljaar.to_string(),
        created_at: swv.now,
        updated_at: swv.now,
        versie: 1,
    }
}

/// Scales the amounts of the year's granted arrangementen so that, with what earlier years'
/// arrangementen spend in it, the year's share is `besteed_cent`: all but the last innovation
/// to 95 % of what is left, that innovation (within the year) the exact rest.
fn schaal(jaar: &Jaar, alle: &mut [rows::Arrangement], begin: usize) {
    let telt = |a: &rows::Arrangement| {
        matches!(
            a.status,
            ArrangementStatus::Toegekend | ArrangementStatus::Beeindigd
        )
    };
    let deel =
        |a: &rows::Arrangement| jaardeel(a.bedrag_cent, a.startdatum, a.einddatum, jaar.jaar);
    let Some(sluit) = (begin..alle.len())
        .rev()
        .find(|&i| alle[i].soort == ArrangementSoort::Innovatie && telt(&alle[i]))
    else {
        return;
    };
    let vorig: i64 = alle[..begin].iter().filter(|a| telt(a)).map(deel).sum();
    let eigen: i64 = (begin..alle.len())
        .filter(|&i| i != sluit && telt(&alle[i]))
        .map(|i| deel(&alle[i]))
        .sum();
    let doel = ((jaar.besteed_cent - vorig) as f64 * 0.95).max(0.0);
    let factor = if eigen > 0 { doel / eigen as f64 } else { 0.0 };
    for a in alle[begin..].iter_mut() {
        a.bedrag_cent = (a.bedrag_cent as f64 * factor).round() as i64;
    }
    let geschaald: i64 = (begin..alle.len())
        .filter(|&i| i != sluit && telt(&alle[i]))
        .map(|i| deel(&alle[i]))
        .sum();
    alle[sluit].bedrag_cent = (jaar.besteed_cent - vorig - geschaald).max(0);
}

fn budgetten(swv: &Swv, jaar: &Jaar, ids: &mut Ids, batch: &mut Batch) {
    let (start, _) = schooljaar_grenzen(jaar.jaar);
    let schooljaar = format!("{}-{}", jaar.jaar, jaar.jaar + 1);
    let gewichten: Vec<i64> = swv.werkgebieden.iter().map(|w| w.1).collect();
    let delen = verdeel(jaar.budget_cent, &gewichten);
    let regulier = swv
        .werkgebieden
        .iter()
        .zip(delen)
        .map(|(w, bedrag)| (w.0, bedrag, start, BudgetSoort::Regulier));
    let extra = jaar
        .extra
        .iter()
        .map(|&(w, bedrag, datum)| (w, bedrag, datum, BudgetSoort::Extra));
    for (werkgebied, bedrag, datum, soort) in regulier.chain(extra) {
        batch.budgetten.push(rows::Budget {
            id: ids.next(),
            samenwerkingsverband_id: swv.id,
            werkgebied_id: werkgebied,
            schooljaar: schooljaar.clone(),
            soort,
            bedrag_cent: bedrag,
            datum,
            toelichting: match soort {
                BudgetSoort::Regulier => String::new(),
                BudgetSoort::Extra => "Incidenteel extra budget: het budget was bijna op".into(),
            },
            created_at: swv.now,
            updated_at: swv.now,
            versie: 1,
        });
    }
}

/// The synthetic SWV's last two full school years, in proportion to its registered pupils:
/// about one arrangement per 20 pupils a year, most of them individual and half extensions,
/// and an MDO per five pupils.
pub fn synth(world: &mut World, rng: &mut Rng, batch: &mut Batch, swv: Id) {
    let today = world.today;
    let scholen: Vec<School> = batch
        .scholen
        .iter()
        .filter(|s| {
            !matches!(
                s.soort,
                SchoolSoort::Sbo | SchoolSoort::So | SchoolSoort::Vso
            )
        })
        .filter_map(|s| {
            Some(School {
                id: s.id,
                werkgebied: Some(s.werkgebied_id?),
                gewicht: s.leerlingaantal.unwrap_or(200).max(1) as u32,
            })
        })
        .collect();
    let leerlingen: Vec<Leerling> = batch
        .leerlingen
        .iter()
        .filter_map(|l| {
            Some(Leerling {
                id: l.id,
                school: l.school_id?,
                leerjaar: l.leerjaar,
            })
        })
        .collect();
    let werkgebieden: Vec<(Id, i64)> = batch
        .werkgebieden
        .iter()
        .map(|w| {
            let pupils: i64 = batch
                .scholen
                .iter()
                .filter(|s| s.werkgebied_id == Some(w.id))
                .map(|s| i64::from(s.leerlingaantal.unwrap_or(200)))
                .sum();
            (w.id, pupils.max(1))
        })
        .collect();
    let huidig = today.year() - i32::from(today.month() < 8);
    let pupils = leerlingen.len() as f64;
    let jaren: Vec<Jaar> = [(huidig - 2, 0.85), (huidig - 1, 1.0)]
        .into_iter()
        .map(|(jaar, groei)| {
            let totaal = (pupils * 0.05 * groei).round() as usize;
            let groep = totaal * 8 / 100;
            let innovatie = (totaal / 100).max(1);
            let mdos = pupils * 0.2 * groei;
            Jaar {
                jaar,
                soorten: [totaal.saturating_sub(groep + innovatie), groep, innovatie],
                verlengingen: totaal * 55 / 100,
                besteed_cent: totaal as i64 * 190_000,
                budget_cent: totaal as i64 * 250_000,
                extra: Vec::new(),
                mdos: [0.27, 0.37, 0.36].map(|d| (mdos * d).round() as usize),
                mdo_niveau3: (mdos * 0.65).round() as usize,
            }
        })
        .collect();
    let mut made = Batch::default();
    generate(
        &Swv {
            id: swv,
            scholen: &scholen,
            leerlingen: &leerlingen,
            werkgebieden: &werkgebieden,
            leerjaren_van: huidig,
            now: today,
            vandaag: today.date(),
        },
        &jaren,
        rng,
        &mut world.ids,
        &mut made,
    );
    batch.budgetten.append(&mut made.budgetten);
    batch.arrangementen.append(&mut made.arrangementen);
    batch.mdos.append(&mut made.mdos);
}
