//! `koers synth`: a national-scale synthetic data set for benchmarks, written in bulk.
//!
//! Everything follows from the seed: the same `--seed` and `--swvs` give the same rows, ids
//! included, on either database. One generator thread makes the rows of one SWV at a time
//! while the caller's thread writes the previous SWV in its own transaction (binary COPY on
//! PostgreSQL, multi-row inserts on SQLite), so memory stays at a few SWV's and both cores work.
//! It only fills an empty database, so it never mixes with real or demo data.

pub(crate) mod arrangementen;
mod bijeenkomsten;
mod deelnemers;
pub(crate) mod leerlingen;
mod mdos;
pub(crate) mod names;
mod org;
mod planning;
pub(crate) mod rng;
pub mod rows;
mod rows_zorg;
mod schoolcontacten;
mod soorten;
mod thuiszitters;
pub(crate) mod tlvs;
mod tlvs_landelijk;
pub mod world;
pub mod zorg;

use world::{synth_created, synth_today, Batch, World, PLATFORM};

use std::sync::mpsc;
use std::time::Instant;

use diesel::prelude::*;

use crate::db::{Db, DbConn};
use crate::schema::{gemeenten, samenwerkingsverbanden};

/// The password of every synthetic account.
pub const SYNTH_PASSWORD: &str = "koers-bench-2026";
/// The most SWV's one run makes: codes have four digits and gemeenten need distinct CBS codes.
pub const MAX_SWVS: u32 = 1000;

/// What a run wrote.
pub struct Summary {
    /// Rows per table, in the order they were written.
    pub rows: Vec<(&'static str, u64)>,
    pub seconds: f64,
    /// `(rol, email, SWV)`: the platformbeheerder and one user per role of the first SWV.
    pub logins: Vec<(String, String, String)>,
}

/// What the generator hands to the writer: rows, and once the first SWV is made its sign-ins.
enum Step {
    Rows(Box<Batch>),
    Logins(Vec<(String, String, String)>),
}

/// Refuses a database that already holds organisation data.
fn check_empty(db: &Db) -> Result<(), String> {
    let mut c = db.conn().map_err(|e| e.detail.clone())?;
    let swvs: i64 = samenwerkingsverbanden::table
        .count()
        .get_result(&mut *c)
        .map_err(|e| e.to_string())?;
    if swvs > 0 {
        return Err(format!(
            "synth: de database bevat al {swvs} samenwerkingsverband(en); synth vult alleen een lege database"
        ));
    }
    let gem: i64 = gemeenten::table
        .count()
        .get_result(&mut *c)
        .map_err(|e| e.to_string())?;
    if gem > 0 {
        return Err(format!(
            "synth: de database bevat al {gem} gemeente(n); synth vult alleen een lege database"
        ));
    }
    Ok(())
}

/// Makes every row, in order, and hands them over one step at a time.
fn generate(swvs: u32, seed: u64, hash: String, out: mpsc::SyncSender<Step>) {
    let mut world = World {
        seed,
        swvs,
        ids: rng::Ids::new(seed),
        hash,
        today: synth_today(),
        created: synth_created(),
        gemeenten: Vec::new(),
        po: 0,
        vo: 0,
        besturen: 0,
        scholen: 0,
        bijeenkomsten: 0,
    };
    let mut national = Batch::default();
    org::gemeenten(&mut world, &mut national);
    org::platformbeheerder(&mut world, &mut national);
    if out.send(Step::Rows(Box::new(national))).is_err() {
        return;
    }
    for i in 0..swvs as usize {
        let mut rng = rng::Rng::new(seed, i as u64);
        let mut batch = Batch::default();
        let org = org::swv(&mut world, &mut rng, &mut batch, i);
        let plan = planning::generate(&mut world, &mut rng, &mut batch, &org);
        bijeenkomsten::generate(&mut world, &mut rng, &mut batch, &org, &plan);
        leerlingen::generate(&mut world, &mut rng, &mut batch, &org);
        arrangementen::synth(&mut world, &mut rng, &mut batch, org.swv);
        tlvs_landelijk::synth(&mut world, &mut rng, &mut batch, org.swv);
        thuiszitters::synth(&mut world, &mut rng, &mut batch, org.swv);
        schoolcontacten::synth(&mut world, &mut rng, &mut batch, org.swv);
        if i == 0 {
            let mut logins = vec![(
                "platformbeheerder".to_string(),
                PLATFORM.to_string(),
                "Koers platform".to_string(),
            )];
            logins.extend(
                org.logins
                    .iter()
                    .map(|(rol, email)| (rol.to_string(), email.clone(), org.naam.clone())),
            );
            if out.send(Step::Logins(logins)).is_err() {
                return;
            }
        }
        if out.send(Step::Rows(Box::new(batch))).is_err() {
            return;
        }
    }
}

/// The tables whose writes drop the monitor's stored counts (the triggers of its migration).
const GETELD: [&str; 12] = [
    "gemeenten",
    "samenwerkingsverbanden",
    "scholen",
    "leerlingen",
    "bijeenkomsten",
    "aanmeldingen",
    "tlvs",
    "arrangementen",
    "mdos",
    "thuiszitters",
    "thuiszitter_verloop",
    "thuiszitter_peildata",
];

/// On PostgreSQL a batch of millions of rows is written without the monitor's triggers (a call
/// per row), inside its own transaction so no other session sees them off; the stored counts
/// are dropped instead, once per batch.
fn zonder_monitor(c: &mut DbConn, uit: bool) -> diesel::QueryResult<()> {
    let DbConn::Pg(pg) = c else {
        return Ok(());
    };
    use diesel::connection::SimpleConnection;
    let zet = if uit { "DISABLE" } else { "ENABLE" };
    let mut sql: String = GETELD
        .iter()
        .map(|t| format!("ALTER TABLE {t} {zet} TRIGGER USER;"))
        .collect();
    if !uit {
        sql.push_str("DELETE FROM monitor_tussenstanden;");
    }
    pg.batch_execute(&sql)
}

/// Fills the (empty, migrated) database with `swvs` synthetic SWV's from `seed`.
pub fn run(db: &Db, swvs: u32, seed: u64) -> Result<Summary, String> {
    if swvs == 0 || swvs > MAX_SWVS {
        return Err(format!("synth: --swvs moet tussen 1 en {MAX_SWVS} liggen"));
    }
    check_empty(db)?;
    let started = Instant::now();
    // Argon2 is slow on purpose: one hash serves every account.
    let hash = crate::secrets::hash(SYNTH_PASSWORD);
    let (tx, rx) = mpsc::sync_channel(2);
    let generator = std::thread::spawn(move || generate(swvs, seed, hash, tx));
    let mut totals = vec![0u64; Batch::TABLES.len()];
    let mut logins = Vec::new();
    let mut failure = None;
    for step in rx.iter() {
        match step {
            Step::Logins(l) => logins = l,
            Step::Rows(batch) => {
                // The API error hides the database's message; the command should show it.
                let mut cause = None;
                let written = db.write_blocking(|c| {
                    let schrijf = |c: &mut DbConn| {
                        zonder_monitor(c, true)?;
                        batch.write(c)?;
                        zonder_monitor(c, false)
                    };
                    schrijf(c).map_err(|e| {
                        cause = Some(e.to_string());
                        crate::error::ApiError::from(e)
                    })
                });
                if let Err(e) = written {
                    let cause = cause.unwrap_or_else(|| e.detail.clone());
                    failure = Some(format!("synth: schrijven mislukt: {cause}"));
                    break;
                }
                for (t, n) in totals.iter_mut().zip(batch.lens()) {
                    *t += n;
                }
            }
        }
    }
    // Dropping the receiver ends the generator at its next step.
    drop(rx);
    generator
        .join()
        .map_err(|_| "synth: de generator is vastgelopen".to_string())?;
    if let Some(e) = failure {
        return Err(e);
    }
    Ok(Summary {
        rows: Batch::TABLES.iter().copied().zip(totals).collect(),
        seconds: started.elapsed().as_secs_f64(),
        logins,
    })
}
