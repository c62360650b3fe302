//! Arrangementen, werkgebied budgets and MDO's of PPO Noord-Kennemerland in 2015-2016 and
//! 2016-2017, from which Koers computes the figures of its trimester report: 701 arrangementen
//! (635 individual, 59 group, 7 innovation; 385 extensions; 577 the year before), €1,881,428 of
//! regular budget with €1,312,628 spent by 31 July 2017, extra budget for Heiloo and Langedijk in
//! spring, none for the schools of El Amal, and 2,579 MDO's (705 / 943 / 931; 1,790 at level 3
//! against 1,189). The records hang on the demo pupils of `leerlingen.rs`.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::domain::time;
use crate::error::ApiError;
use crate::org::store::scholen::SchoolSoort;
use crate::schema::{arrangementen, leerlingen, scholen, werkgebieden};
use crate::synth::arrangementen::generate;
use crate::synth::rng::{Ids, Rng};
use crate::synth::world::Batch;
use crate::synth::zorg::{Jaar, Leerling, School, Swv};

const CODE: &str = "PO2702";
/// The werkgebied of the El Amal schools, which asked for no arrangement.
const ZONDER_AANVRAGEN: &str = "El Amal";
/// Werkgebieden that used their budget faster (they got extra) or slower than the rest.
const SNEL: [&str; 2] = ["Heiloo", "Langedijk"];
const LANGZAAM: &str = "Heerhugowaard-Zuid";

fn datum(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    let Some(swv) = super::swv::swv_met_code(c, CODE)? else {
        return Ok(());
    };
    let loaded: i64 = arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .count()
        .get_result(c)?;
    if loaded > 0 {
        return Ok(());
    }
    let gebieden: Vec<(Id, String)> = werkgebieden::table
        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
        .order(werkgebieden::naam)
        .select((werkgebieden::id, werkgebieden::naam))
        .load(c)?;
    let naam = |id: Option<Id>| {
        gebieden
            .iter()
            .find(|g| Some(g.0) == id)
            .map(|g| g.1.as_str())
    };
    let alle: Vec<(Id, SchoolSoort, Option<Id>, Option<i32>)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .order(scholen::brin)
        .select((
            scholen::id,
            scholen::soort,
            scholen::werkgebied_id,
            scholen::leerlingaantal,
        ))
        .load(c)?;
    // Regular schools in a werkgebied ask for arrangementen, in proportion to their size.
    let scholen: Vec<School> = alle
        .iter()
        .filter(|s| matches!(s.1, SchoolSoort::Bao | SchoolSoort::Ikc))
        .filter_map(|&(id, _, gebied, aantal)| {
            let n = naam(gebied)?;
            let grootte = aantal.unwrap_or(200).max(1) as u32;
            let gewicht = match n {
                ZONDER_AANVRAGEN => return None,
                n if SNEL.contains(&n) => grootte * 3 / 2,
                LANGZAAM => grootte * 3 / 5,
                _ => grootte,
            };
            Some(School {
                id,
                werkgebied: gebied,
                gewicht,
            })
        })
        .collect();
    // The regular budget follows the werkgebied's pupils.
    let verdeling: Vec<(Id, i64)> = gebieden
        .iter()
        .map(|(id, _)| {
            let leerlingen: i64 = alle
                .iter()
                .filter(|s| s.2 == Some(*id))
                .map(|s| i64::from(s.3.unwrap_or(200)))
                .sum();
            (*id, leerlingen.max(1))
        })
        .collect();
    let pupils: Vec<Leerling> = leerlingen::table
        .filter(leerlingen::samenwerkingsverband_id.eq(swv))
        .filter(leerlingen::school_id.is_not_null())
        .order(leerlingen::referentie)
        .select((leerlingen::id, leerlingen::school_id, leerlingen::leerjaar))
        .load::<(Id, Option<Id>, Option<i32>)>(c)?
        .into_iter()
        .filter_map(|(id, school, leerjaar)| {
            Some(Leerling {
                id,
                school: school?,
                leerjaar,
            })
        })
        .collect();
    let extra = |n: &str, bedrag: i64, d: NaiveDate| {
        gebieden.iter().find(|g| g.1 == n).map(|g| (g.0, bedrag, d))
    };
    let jaren = [
        Jaar {
            jaar: 2015,
            soorten: [474, 98, 5],
            verlengingen: 190,
            besteed_cent: 165_310_400,
            budget_cent: 184_950_000,
            extra: Vec::new(),
            mdos: [618, 806, 752],
            mdo_niveau3: 1_189,
        },
        Jaar {
            jaar: 2016,
            soorten: [635, 59, 7],
            verlengingen: 385,
            besteed_cent: 131_262_800,
            budget_cent: 188_142_800,
            extra: [
                extra("Heiloo", 3_500_000, datum(2017, 3, 20)),
                extra("Langedijk", 4_200_000, datum(2017, 4, 10)),
            ]
            .into_iter()
            .flatten()
            .collect(),
            mdos: [705, 943, 931],
            mdo_niveau3: 1_790,
        },
    ];
    let mut batch = Batch::default();
    generate(
        &Swv {
            id: swv,
            scholen: &scholen,
            leerlingen: &pupils,
            werkgebieden: &verdeling,
            leerjaren_van: 2016,
            now: time::now(),
            vandaag: time::today(),
        },
        &jaren,
        &mut Rng::new(2017, 4),
        &mut Ids::new(2702),
        &mut batch,
    );
    batch.write(c)?;
    Ok(())
}
