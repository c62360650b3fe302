//! Demo pupils of PO Zuid-Kennemerland (this school year) and PPO Noord-Kennemerland (2016-2017,
//! the year of its trimester report), spread over the schools in proportion to their size, with
//! invented references (`ZK-00001`, `NK-00001`) and the year groups, months of birth and
//! genders of the synthetic data. The later areas hang their records on these pupils.

use chrono::Datelike;
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::domain::time;
use crate::error::ApiError;
use crate::org::store::scholen::SchoolSoort;
use crate::schema::{leerlingen, scholen};
use crate::synth::leerlingen::{geslacht, leeftijd};
use crate::synth::rng::Rng;
use crate::synth::rows;
use crate::synth::world::Batch;

/// Per SWV: its code, the prefix of the references, how many pupils, and the school year
/// (its first calendar year) the pupils' year groups belong to; `None` is the current one.
const SWVS: &[(&str, &str, usize, Option<i32>)] = &[
    ("PO2703", "ZK", 600, None),
    ("PO2702", "NK", 1200, Some(2016)),
];

pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    let today = time::today();
    let current = today.year() - i32::from(today.month() < 8);
    for (i, &(code, prefix, count, jaar)) in SWVS.iter().enumerate() {
        let Some(swv) = super::swv::swv_met_code(c, code)? else {
            continue;
        };
        let loaded: i64 = leerlingen::table
            .filter(leerlingen::samenwerkingsverband_id.eq(swv))
            .count()
            .get_result(c)?;
        if loaded > 0 {
            continue;
        }
        let schools: Vec<(Id, SchoolSoort, Id, Option<i32>)> = scholen::table
            .filter(scholen::samenwerkingsverband_id.eq(swv))
            .order(scholen::brin)
            .select((
                scholen::id,
                scholen::soort,
                scholen::gemeente_id,
                scholen::leerlingaantal,
            ))
            .load(c)?;
        if schools.is_empty() {
            continue;
        }
        let weights: Vec<(usize, u32)> = schools
            .iter()
            .enumerate()
            .map(|(k, s)| (k, s.3.unwrap_or(200).max(1) as u32))
            .collect();
        let mut rng = Rng::new(2026, i as u64);
        let now = time::now();
        let rows: Vec<rows::Leerling> = (1..=count)
            .map(|n| {
                let (school, soort, gemeente, _) = schools[rng.weighted(&weights)];
                let (geboortemaand, leerjaar) = leeftijd(&mut rng, soort, jaar.unwrap_or(current));
                let woongemeente = if rng.chance(0.85) {
                    gemeente
                } else {
                    rng.pick(&schools).2
                };
                rows::Leerling {
                    id: Id::new(),
                    samenwerkingsverband_id: swv,
                    referentie: format!("{prefix}-{n:05}"),
                    geboortemaand,
                    geslacht: geslacht(&mut rng),
                    woongemeente_id: woongemeente,
                    school_id: Some(school),
                    leerjaar,
                    geanonimiseerd: false,
                    created_at: now,
                    updated_at: now,
                    versie: 1,
                }
            })
            .collect();
        Batch {
            leerlingen: rows,
            ..Batch::default()
        }
        .write(c)?;
    }
    Ok(())
}
