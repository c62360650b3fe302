//! Pupils: about half of a school's pupils are known to the SWV by a reference (1.5 million for
//! the country), each with the month of birth that fits the year group. The demo data makes its
//! pupils with the same rules.

use chrono::{Datelike, NaiveDate};

use crate::db::Id;
use crate::leerlingen::store::Geslacht;
use crate::org::store::scholen::SchoolSoort;

use super::org::Org;
use super::rng::Rng;
use super::rows;
use super::world::{Batch, World};

/// The share of a school's pupils that the SWV registers.
const SHARE: f64 = 0.45;

/// Boys get extra support more often than girls, as in every SWV's figures.
pub fn geslacht(rng: &mut Rng) -> Geslacht {
    rng.weighted(&[
        (Geslacht::Jongen, 60),
        (Geslacht::Meisje, 38),
        (Geslacht::Anders, 1),
        (Geslacht::Onbekend, 1),
    ])
}

/// The year group and month of birth of a pupil at a school of `soort` in the school year that
/// starts in August of `jaar`. Pupils of special schools have no year group; a child starts
/// groep 1 in the year it turns 4 to 5 (born October to September), leerjaar 1 of VO at 12.
pub fn leeftijd(rng: &mut Rng, soort: SchoolSoort, jaar: i32) -> (String, Option<i32>) {
    let (leerjaar, oudste) = match soort {
        SchoolSoort::Bao | SchoolSoort::Ikc => {
            let groep = rng.range(1, 8) as i32;
            (Some(groep), groep + 4)
        }
        SchoolSoort::Sbo | SchoolSoort::So => (None, rng.range(5, 12) as i32),
        SchoolSoort::Vo => {
            let leerjaar = rng.range(1, 5) as i32;
            (Some(leerjaar), leerjaar + 12)
        }
        SchoolSoort::Vso => (None, rng.range(13, 18) as i32),
    };
    // Born between October of `jaar - oudste` and September a year later.
    let maand0 = (jaar - oudste) * 12 + 9 + rng.below(12) as i32;
    let geboren =
        NaiveDate::from_ymd_opt(maand0 / 12, (maand0 % 12) as u32 + 1, 1).unwrap_or_default();
    (
        format!("{:04}-{:02}", geboren.year(), geboren.month()),
        leerjaar,
    )
}

/// The pupils of one synthetic SWV, numbered `{code}-000001` on.
pub fn generate(world: &mut World, rng: &mut Rng, batch: &mut Batch, org: &Org) {
    let jaar = world.today.year() - i32::from(world.today.month() < 8);
    let now = world.today;
    let gemeenten: Vec<Id> = org.scholen.iter().map(|s| s.gemeente).collect();
    let mut n = 0;
    for school in &org.scholen {
        let pupils = f64::from(school.leerlingaantal.unwrap_or(200)) * SHARE;
        for _ in 0..pupils.round() as usize {
            n += 1;
            let (geboortemaand, leerjaar) = leeftijd(rng, school.soort, jaar);
            // Most pupils live where their school is; some cross a municipal border.
            let woongemeente = if rng.chance(0.85) {
                school.gemeente
            } else {
                *rng.pick(&gemeenten)
            };
            batch.leerlingen.push(rows::Leerling {
                id: world.ids.next(),
                samenwerkingsverband_id: org.swv,
                referentie: format!("{}-{n:06}", org.code),
                geboortemaand,
                geslacht: geslacht(rng),
                woongemeente_id: woongemeente,
                school_id: Some(school.id),
                leerjaar,
                geanonimiseerd: false,
                created_at: now,
                updated_at: now,
                versie: 1,
            });
        }
    }
}
