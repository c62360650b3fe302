//! Demo data: two real SWV's of Kennemerland with their gemeenten, school boards, schools and
//! users of every role (names of people invented), and the planning of Zuid-Kennemerland
//! (`planning.rs`), meetings (`bijeenkomsten.rs`), pupils (`leerlingen.rs`) and their
//! arrangementen and MDO's (`arrangementen.rs`). Loading twice changes nothing.

mod arrangementen;
mod bijeenkomsten;
mod jaarprogramma;
mod kengetallen;
mod leerlingen;
mod planning;
mod swv;
mod thuiszitters;
mod tlvs;
mod week;

use diesel::prelude::*;
use serde::Deserialize;

use crate::db::{Db, DbConn, Id};
use crate::domain::time;
use crate::error::ApiError;
use crate::schema::{
    gebruikers, gemeenten, samenwerkingsverbanden, scholen, schoolbesturen, werkgebieden,
};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = crate::domain::rules::DEMO_PASSWORD;
/// The platformbeheerder of the demo.
pub const DEMO_PLATFORM: &str = "platform@koers.example";

const DATA: &str = include_str!("organisatie.json");

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Data {
    gemeenten: Vec<GemeenteData>,
    samenwerkingsverbanden: Vec<SwvData>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GemeenteData {
    cbs_code: String,
    naam: String,
    /// A merger: the first day without the gemeente, and the CBS code of the one that took over.
    #[serde(default)]
    actief_tot: Option<chrono::NaiveDate>,
    #[serde(default)]
    opgevolgd_door: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SwvData {
    code: String,
    naam: String,
    sector: String,
    werkgebieden: Vec<Naam>,
    schoolbesturen: Vec<BestuurData>,
    scholen: Vec<SchoolData>,
    gebruikers: Vec<GebruikerData>,
}

#[derive(Deserialize)]
struct Naam {
    naam: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BestuurData {
    naam: String,
    bevoegd_gezag_nummer: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SchoolData {
    naam: String,
    brin: String,
    soort: String,
    schoolbestuur: String,
    gemeente: String,
    werkgebied: Option<String>,
    leerlingaantal: Option<i32>,
}

#[derive(Deserialize)]
struct GebruikerData {
    email: String,
    naam: String,
    rol: String,
}

/// What was loaded, for the message at start-up.
pub struct Summary {
    pub logins: Vec<(String, String, String)>,
}

fn upsert_user(
    c: &mut DbConn,
    swv: Option<Id>,
    email: &str,
    naam: &str,
    rol: &str,
    hash: &str,
) -> Result<(), ApiError> {
    let exists: bool = diesel::select(diesel::dsl::exists(
        gebruikers::table.filter(gebruikers::email.eq(email)),
    ))
    .get_result(c)?;
    if !exists {
        let now = time::now();
        diesel::insert_into(gebruikers::table)
            .values((
                gebruikers::id.eq(Id::new()),
                gebruikers::samenwerkingsverband_id.eq(swv),
                gebruikers::email.eq(email),
                gebruikers::naam.eq(naam),
                gebruikers::rol.eq(rol),
                gebruikers::actief.eq(true),
                gebruikers::wachtwoord_hash.eq(hash),
                gebruikers::created_at.eq(now),
                gebruikers::updated_at.eq(now),
                gebruikers::versie.eq(1),
            ))
            .execute(c)?;
    }
    Ok(())
}

pub fn load(db: &Db) -> Result<Summary, String> {
    let data: Data = serde_json::from_str(DATA).map_err(|e| format!("demo data: {e}"))?;
    let hash = crate::secrets::hash(DEMO_PASSWORD);
    db.write_blocking(|c| {
        let now = time::now();
        let mut logins = vec![(
            "platformbeheerder".to_string(),
            DEMO_PLATFORM.to_string(),
            "Koers platform".to_string(),
        )];
        upsert_user(
            c,
            None,
            DEMO_PLATFORM,
            "Platformbeheer Koers",
            "platformbeheerder",
            &hash,
        )?;
        for g in &data.gemeenten {
            let exists: bool = diesel::select(diesel::dsl::exists(
                gemeenten::table.filter(gemeenten::cbs_code.eq(&g.cbs_code)),
            ))
            .get_result(c)?;
            if !exists {
                diesel::insert_into(gemeenten::table)
                    .values((
                        gemeenten::id.eq(Id::new()),
                        gemeenten::cbs_code.eq(&g.cbs_code),
                        gemeenten::naam.eq(&g.naam),
                        gemeenten::created_at.eq(now),
                        gemeenten::updated_at.eq(now),
                        gemeenten::versie.eq(1),
                    ))
                    .execute(c)?;
            }
        }
        let gemeente_ids: Vec<(String, Id)> = gemeenten::table
            .select((gemeenten::cbs_code, gemeenten::id))
            .load(c)?;
        for g in &data.gemeenten {
            let Some(next) = &g.opgevolgd_door else {
                continue;
            };
            let next = gemeente_ids
                .iter()
                .find(|(k, _)| k == next)
                .map(|(_, id)| *id);
            diesel::update(gemeenten::table.filter(gemeenten::cbs_code.eq(&g.cbs_code)))
                .set((
                    gemeenten::actief_tot.eq(g.actief_tot),
                    gemeenten::opgevolgd_door_id.eq(next),
                ))
                .execute(c)?;
        }
        let gemeente = |cbs: &str| {
            gemeente_ids
                .iter()
                .find(|(k, _)| k == cbs)
                .map(|(_, id)| *id)
        };
        for s in &data.samenwerkingsverbanden {
            let swv: Option<Id> = samenwerkingsverbanden::table
                .filter(samenwerkingsverbanden::code.eq(&s.code))
                .select(samenwerkingsverbanden::id)
                .first(c)
                .optional()?;
            let swv = match swv {
                Some(id) => id,
                None => {
                    let id = Id::new();
                    diesel::insert_into(samenwerkingsverbanden::table)
                        .values((
                            samenwerkingsverbanden::id.eq(id),
                            samenwerkingsverbanden::naam.eq(&s.naam),
                            samenwerkingsverbanden::code.eq(&s.code),
                            samenwerkingsverbanden::sector.eq(&s.sector),
                            samenwerkingsverbanden::created_at.eq(now),
                            samenwerkingsverbanden::updated_at.eq(now),
                            samenwerkingsverbanden::versie.eq(1),
                        ))
                        .execute(c)?;
                    id
                }
            };
            for w in &s.werkgebieden {
                let exists: bool = diesel::select(diesel::dsl::exists(
                    werkgebieden::table
                        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
                        .filter(werkgebieden::naam.eq(&w.naam)),
                ))
                .get_result(c)?;
                if !exists {
                    diesel::insert_into(werkgebieden::table)
                        .values((
                            werkgebieden::id.eq(Id::new()),
                            werkgebieden::samenwerkingsverband_id.eq(swv),
                            werkgebieden::naam.eq(&w.naam),
                            werkgebieden::created_at.eq(now),
                            werkgebieden::updated_at.eq(now),
                            werkgebieden::versie.eq(1),
                        ))
                        .execute(c)?;
                }
            }
            for b in &s.schoolbesturen {
                let exists: bool = diesel::select(diesel::dsl::exists(
                    schoolbesturen::table
                        .filter(schoolbesturen::samenwerkingsverband_id.eq(swv))
                        .filter(schoolbesturen::bevoegd_gezag_nummer.eq(&b.bevoegd_gezag_nummer)),
                ))
                .get_result(c)?;
                if !exists {
                    diesel::insert_into(schoolbesturen::table)
                        .values((
                            schoolbesturen::id.eq(Id::new()),
                            schoolbesturen::samenwerkingsverband_id.eq(swv),
                            schoolbesturen::naam.eq(&b.naam),
                            schoolbesturen::bevoegd_gezag_nummer.eq(&b.bevoegd_gezag_nummer),
                            schoolbesturen::created_at.eq(now),
                            schoolbesturen::updated_at.eq(now),
                            schoolbesturen::versie.eq(1),
                        ))
                        .execute(c)?;
                }
            }
            let besturen: Vec<(String, Id)> = schoolbesturen::table
                .filter(schoolbesturen::samenwerkingsverband_id.eq(swv))
                .select((schoolbesturen::bevoegd_gezag_nummer, schoolbesturen::id))
                .load(c)?;
            let gebieden: Vec<(String, Id)> = werkgebieden::table
                .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
                .select((werkgebieden::naam, werkgebieden::id))
                .load(c)?;
            let existing: Vec<String> = scholen::table
                .filter(scholen::samenwerkingsverband_id.eq(swv))
                .select(scholen::brin)
                .load(c)?;
            for school in s.scholen.iter().filter(|x| !existing.contains(&x.brin)) {
                let bestuur = besturen
                    .iter()
                    .find(|(k, _)| *k == school.schoolbestuur)
                    .map(|(_, id)| *id)
                    .ok_or_else(|| {
                        ApiError::internal(format!(
                            "demo: bestuur {} onbekend",
                            school.schoolbestuur
                        ))
                    })?;
                let gem = gemeente(&school.gemeente).ok_or_else(|| {
                    ApiError::internal(format!("demo: gemeente {} onbekend", school.gemeente))
                })?;
                let gebied = school
                    .werkgebied
                    .as_ref()
                    .and_then(|w| gebieden.iter().find(|(k, _)| k == w).map(|(_, id)| *id));
                diesel::insert_into(scholen::table)
                    .values((
                        scholen::id.eq(Id::new()),
                        scholen::samenwerkingsverband_id.eq(swv),
                        scholen::naam.eq(&school.naam),
                        scholen::brin.eq(&school.brin),
                        scholen::soort.eq(&school.soort),
                        scholen::schoolbestuur_id.eq(bestuur),
                        scholen::gemeente_id.eq(gem),
                        scholen::werkgebied_id.eq(gebied),
                        scholen::leerlingaantal.eq(school.leerlingaantal),
                        scholen::created_at.eq(now),
                        scholen::updated_at.eq(now),
                        scholen::versie.eq(1),
                    ))
                    .execute(c)?;
            }
            for u in &s.gebruikers {
                upsert_user(c, Some(swv), &u.email, &u.naam, &u.rol, &hash)?;
                logins.push((u.rol.clone(), u.email.clone(), s.naam.clone()));
            }
        }
        planning::load(c)?;
        bijeenkomsten::load(c)?;
        leerlingen::load(c)?;
        arrangementen::load(c)?;
        tlvs::load(c)?;
        thuiszitters::load(c)?;
        kengetallen::load(c)?;
        week::load(c)?;
        Ok(Summary { logins })
    })
    .map_err(|e| format!("demo data: {}", e.detail))
}
