//! Thuiszitters at national scale: about one pupil in 125 out of school or at risk on any day
//! (about 10,000 open cases nationally), cases of the last two school years and this one, each
//! with one to three situations, most ending within a few months.

use chrono::{Datelike, Duration, NaiveDate};

use crate::thuiszitters::store::soorten::{
    Eindreden, ThuiszitterCategorie, PERSPECTIEVEN, SCENARIOS,
};

use super::rng::Rng;
use super::rows;
use super::world::{Batch, World};

/// Mean length of a case in days: with the share open on a day it sets how many start a year.
const DUUR: i64 = 110;
/// The share of the pupils with an open case on any day.
const OPEN: f64 = 1.0 / 125.0;

const CATEGORIEEN: [(ThuiszitterCategorie, u32); 8] = [
    (ThuiszitterCategorie::Dreigend, 40),
    (ThuiszitterCategorie::RelatiefVerzuim, 12),
    (ThuiszitterCategorie::LangdurigRelatiefVerzuim, 14),
    (ThuiszitterCategorie::AbsoluutVerzuim, 9),
    (ThuiszitterCategorie::Vrijstelling_5a, 12),
    (ThuiszitterCategorie::Vrijstelling_5b, 4),
    (ThuiszitterCategorie::Vrijstelling_5c, 3),
    (ThuiszitterCategorie::LangdurigZiek, 6),
];

const EINDREDENEN: [(Eindreden, u32); 5] = [
    (Eindreden::Onderwijs, 70),
    (Eindreden::Verhuisd, 8),
    (Eindreden::Vrijstelling, 10),
    (Eindreden::LeerplichtVoorbij, 4),
    (Eindreden::Overig, 8),
];

fn entry(
    world: &mut World,
    rng: &mut Rng,
    case: crate::db::Id,
    vanaf: NaiveDate,
) -> rows::ThuiszitterVerloop {
    let categorie = rng.weighted(&CATEGORIEEN);
    rows::ThuiszitterVerloop {
        id: world.ids.next(),
        thuiszitter_id: case,
        vanaf,
        categorie,
        scenario: (categorie == ThuiszitterCategorie::Dreigend).then(|| *rng.pick(&SCENARIOS)),
        screening5a: categorie != ThuiszitterCategorie::Dreigend && rng.chance(0.15),
        perspectief: rng.chance(0.8).then(|| *rng.pick(&PERSPECTIEVEN)),
        created_at: world.created,
    }
}

pub fn synth(world: &mut World, rng: &mut Rng, batch: &mut Batch, swv: crate::db::Id) {
    let leerlingen: Vec<crate::db::Id> = batch.leerlingen.iter().map(|l| l.id).collect();
    if leerlingen.is_empty() {
        return;
    }
    let today = world.today.date();
    let huidig = today.year() - i32::from(today.month() < 8);
    let per_jaar = (leerlingen.len() as f64 * OPEN * 365.0 / DUUR as f64).round() as i64;
    let begin = NaiveDate::from_ymd_opt(huidig - 2, 8, 1).unwrap_or(today);
    let dagen = (today - begin).num_days().max(1);
    let n = per_jaar * dagen / 365;
    for _ in 0..n {
        let id = world.ids.next();
        let start = begin + Duration::days(rng.range(0, dagen - 1));
        // Mostly weeks to months, some much longer.
        let duur = if rng.chance(0.15) {
            rng.range(180, 500)
        } else {
            rng.range(14, 150)
        };
        let eind = start + Duration::days(duur);
        let mut verloop = vec![entry(world, rng, id, start)];
        let mut vanaf = start;
        for _ in 0..rng.below(3) {
            vanaf += Duration::days(rng.range(14, 60));
            if vanaf >= eind || vanaf > today {
                break;
            }
            verloop.push(entry(world, rng, id, vanaf));
        }
        let laatste = verloop.last().expect("a first entry");
        let einde = (eind <= today).then(|| (eind, rng.weighted(&EINDREDENEN)));
        batch.thuiszitters.push(rows::Thuiszitter {
            id,
            samenwerkingsverband_id: swv,
            leerling_id: *rng.pick(&leerlingen),
            school_id: None,
            startdatum: start,
            einddatum: einde.map(|e| e.0),
            eindreden: einde.map(|e| e.1),
            toelichting: String::new(),
            laatste_categorie: laatste.categorie,
            laatste_perspectief: laatste.perspectief,
            created_at: world.created,
            updated_at: world.created,
            versie: 1,
        });
        batch.thuiszitter_verloop.append(&mut verloop);
    }
}
