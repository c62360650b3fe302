//! Demo planning of SWV PO Zuid-Kennemerland: the ondersteuningsplan 2022-2026 with its seven
//! ambities, the evaluated activiteitenplan 2022-2023, and the 2024-2025 plan with its
//! portefeuilles and projecten. Records are found by their natural keys, so loading twice adds
//! nothing; a plan that exists is left as it is, activities included.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Deserialize;

use crate::db::{DbConn, Id};
use crate::domain::time;
use crate::error::ApiError;
use crate::schema::{
    activiteiten, activiteitenplannen, ambities, evaluaties, gebruikers, ondersteuningsplannen,
    portefeuille_ambities, portefeuille_eigenaren, portefeuilles, project_ambities,
    project_financiering, project_scholen, projecten, samenwerkingsverbanden, scholen,
};

const DATA: &str = include_str!("planning.json");

#[derive(Deserialize)]
struct Data {
    samenwerkingsverbanden: Vec<SwvPlanning>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SwvPlanning {
    code: String,
    ondersteuningsplan: PlanData,
    portefeuilles: Vec<PortefeuilleData>,
    projecten: Vec<ProjectData>,
    activiteitenplannen: Vec<JaarplanData>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PlanData {
    titel: String,
    van_jaar: i32,
    tot_jaar: i32,
    ambities: Vec<AmbitieData>,
}

#[derive(Deserialize)]
struct AmbitieData {
    nummer: i32,
    titel: String,
    doelstelling: String,
}

#[derive(Deserialize)]
struct PortefeuilleData {
    naam: String,
    omschrijving: Option<String>,
    jaarplan: Option<String>,
    eigenaren: Vec<String>,
    ambities: Vec<i32>,
}

#[derive(Deserialize)]
struct Geld {
    bron: String,
    #[serde(rename = "bedragCent")]
    bedrag_cent: i64,
}

#[derive(Deserialize)]
struct ProjectData {
    naam: String,
    omschrijving: Option<String>,
    portefeuille: Option<String>,
    ambities: Vec<i32>,
    status: String,
    startdatum: Option<NaiveDate>,
    einddatum: Option<NaiveDate>,
    partner: Option<String>,
    scholen: Vec<String>,
    financiering: Vec<Geld>,
}

#[derive(Deserialize)]
struct JaarplanData {
    schooljaar: String,
    status: String,
    vooruitblik: Option<String>,
    activiteiten: Vec<ActiviteitData>,
}

#[derive(Deserialize)]
struct ActiviteitData {
    ambitie: i32,
    #[serde(default)]
    soort: Option<String>,
    omschrijving: String,
    streefwaarde: Option<String>,
    #[serde(default)]
    streef: Option<crate::planning::store::streef::Streef>,
    verantwoordelijke: Option<String>,
    #[serde(default)]
    portefeuille: Option<String>,
    #[serde(default)]
    project: Option<String>,
    #[serde(default)]
    evaluatie: Option<EvaluatieData>,
}

#[derive(Deserialize)]
struct EvaluatieData {
    status: String,
    toelichting: Option<String>,
    resultaat: Option<f64>,
    signaal: Option<String>,
}

fn missing(what: &str, name: &str) -> ApiError {
    ApiError::internal(format!("demo planning: {what} '{name}' onbekend"))
}

/// Every record a few microseconds apart, so lists keep the order of the file.
struct Clock(NaiveDateTime, i64);

impl Clock {
    fn tick(&mut self) -> NaiveDateTime {
        self.1 += 1;
        self.0 + chrono::Duration::microseconds(self.1)
    }
}

/// Loads the planning of every SWV in the file that exists (by code).
pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    let data: Data = serde_json::from_str(DATA).map_err(ApiError::internal)?;
    let mut clock = Clock(time::now(), 0);
    for s in &data.samenwerkingsverbanden {
        let swv: Option<Id> = samenwerkingsverbanden::table
            .filter(samenwerkingsverbanden::code.eq(&s.code))
            .select(samenwerkingsverbanden::id)
            .first(c)
            .optional()?;
        if let Some(swv) = swv {
            load_swv(c, swv, s, &mut clock)?;
        }
    }
    Ok(())
}

fn load_swv(c: &mut DbConn, swv: Id, s: &SwvPlanning, clock: &mut Clock) -> Result<(), ApiError> {
    let p = &s.ondersteuningsplan;
    let existing: Option<Id> = ondersteuningsplannen::table
        .filter(ondersteuningsplannen::samenwerkingsverband_id.eq(swv))
        .filter(ondersteuningsplannen::titel.eq(&p.titel))
        .filter(ondersteuningsplannen::van_jaar.eq(p.van_jaar))
        .select(ondersteuningsplannen::id)
        .first(c)
        .optional()?;
    let op = match existing {
        Some(id) => id,
        None => {
            let id = Id::new();
            let now = clock.tick();
            diesel::insert_into(ondersteuningsplannen::table)
                .values((
                    ondersteuningsplannen::id.eq(id),
                    ondersteuningsplannen::samenwerkingsverband_id.eq(swv),
                    ondersteuningsplannen::titel.eq(&p.titel),
                    ondersteuningsplannen::van_jaar.eq(p.van_jaar),
                    ondersteuningsplannen::tot_jaar.eq(p.tot_jaar),
                    ondersteuningsplannen::created_at.eq(now),
                    ondersteuningsplannen::updated_at.eq(now),
                    ondersteuningsplannen::versie.eq(1),
                ))
                .execute(c)?;
            id
        }
    };
    for a in &p.ambities {
        let exists: bool = diesel::select(diesel::dsl::exists(
            ambities::table
                .filter(ambities::ondersteuningsplan_id.eq(op))
                .filter(ambities::nummer.eq(a.nummer)),
        ))
        .get_result(c)?;
        if !exists {
            let now = clock.tick();
            diesel::insert_into(ambities::table)
                .values((
                    ambities::id.eq(Id::new()),
                    ambities::samenwerkingsverband_id.eq(swv),
                    ambities::ondersteuningsplan_id.eq(op),
                    ambities::nummer.eq(a.nummer),
                    ambities::titel.eq(&a.titel),
                    ambities::doelstelling.eq(&a.doelstelling),
                    ambities::created_at.eq(now),
                    ambities::updated_at.eq(now),
                    ambities::versie.eq(1),
                ))
                .execute(c)?;
        }
    }
    let ambitie_ids: Vec<(i32, Id)> = ambities::table
        .filter(ambities::ondersteuningsplan_id.eq(op))
        .select((ambities::nummer, ambities::id))
        .load(c)?;
    let ambitie = |n: i32| {
        ambitie_ids
            .iter()
            .find(|(k, _)| *k == n)
            .map(|(_, id)| *id)
            .ok_or_else(|| missing("ambitie", &n.to_string()))
    };
    let users: Vec<(String, Id)> = gebruikers::table
        .filter(gebruikers::samenwerkingsverband_id.eq(swv))
        .select((gebruikers::email, gebruikers::id))
        .load(c)?;
    let user = |email: &str| {
        users
            .iter()
            .find(|(k, _)| k == email)
            .map(|(_, id)| *id)
            .ok_or_else(|| missing("gebruiker", email))
    };

    for pf in &s.portefeuilles {
        let exists: bool = diesel::select(diesel::dsl::exists(
            portefeuilles::table
                .filter(portefeuilles::samenwerkingsverband_id.eq(swv))
                .filter(portefeuilles::naam.eq(&pf.naam)),
        ))
        .get_result(c)?;
        if exists {
            continue;
        }
        let id = Id::new();
        let now = clock.tick();
        diesel::insert_into(portefeuilles::table)
            .values((
                portefeuilles::id.eq(id),
                portefeuilles::samenwerkingsverband_id.eq(swv),
                portefeuilles::naam.eq(&pf.naam),
                portefeuilles::omschrijving.eq(&pf.omschrijving),
                portefeuilles::jaarplan.eq(&pf.jaarplan),
                portefeuilles::created_at.eq(now),
                portefeuilles::updated_at.eq(now),
                portefeuilles::versie.eq(1),
            ))
            .execute(c)?;
        for e in &pf.eigenaren {
            diesel::insert_into(portefeuille_eigenaren::table)
                .values((
                    portefeuille_eigenaren::portefeuille_id.eq(id),
                    portefeuille_eigenaren::gebruiker_id.eq(user(e)?),
                ))
                .execute(c)?;
        }
        for n in &pf.ambities {
            diesel::insert_into(portefeuille_ambities::table)
                .values((
                    portefeuille_ambities::portefeuille_id.eq(id),
                    portefeuille_ambities::ambitie_id.eq(ambitie(*n)?),
                ))
                .execute(c)?;
        }
    }
    let portefeuille_ids: Vec<(String, Id)> = portefeuilles::table
        .filter(portefeuilles::samenwerkingsverband_id.eq(swv))
        .select((portefeuilles::naam, portefeuilles::id))
        .load(c)?;
    let portefeuille = |naam: &str| {
        portefeuille_ids
            .iter()
            .find(|(k, _)| k == naam)
            .map(|(_, id)| *id)
            .ok_or_else(|| missing("portefeuille", naam))
    };
    let school_ids: Vec<(String, Id)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select((scholen::brin, scholen::id))
        .load(c)?;

    for pr in &s.projecten {
        let exists: bool = diesel::select(diesel::dsl::exists(
            projecten::table
                .filter(projecten::samenwerkingsverband_id.eq(swv))
                .filter(projecten::naam.eq(&pr.naam)),
        ))
        .get_result(c)?;
        if exists {
            continue;
        }
        let id = Id::new();
        let now = clock.tick();
        diesel::insert_into(projecten::table)
            .values((
                projecten::id.eq(id),
                projecten::samenwerkingsverband_id.eq(swv),
                projecten::naam.eq(&pr.naam),
                projecten::omschrijving.eq(&pr.omschrijving),
                projecten::portefeuille_id.eq(pr
                    .portefeuille
                    .as_deref()
                    .map(portefeuille)
                    .transpose()?),
                projecten::status.eq(&pr.status),
                projecten::startdatum.eq(pr.startdatum),
                projecten::einddatum.eq(pr.einddatum),
                projecten::partner.eq(&pr.partner),
                projecten::created_at.eq(now),
                projecten::updated_at.eq(now),
                projecten::versie.eq(1),
            ))
            .execute(c)?;
        for n in &pr.ambities {
            diesel::insert_into(project_ambities::table)
                .values((
                    project_ambities::project_id.eq(id),
                    project_ambities::ambitie_id.eq(ambitie(*n)?),
                ))
                .execute(c)?;
        }
        // Schools the demo organisation does not hold (in a trimmed database) are left out.
        for brin in &pr.scholen {
            if let Some((_, school)) = school_ids.iter().find(|(k, _)| k == brin) {
                diesel::insert_into(project_scholen::table)
                    .values((
                        project_scholen::project_id.eq(id),
                        project_scholen::school_id.eq(*school),
                    ))
                    .execute(c)?;
            }
        }
        for (i, f) in pr.financiering.iter().enumerate() {
            diesel::insert_into(project_financiering::table)
                .values((
                    project_financiering::project_id.eq(id),
                    project_financiering::positie.eq(i as i32),
                    project_financiering::bron.eq(&f.bron),
                    project_financiering::bedrag_cent.eq(f.bedrag_cent),
                ))
                .execute(c)?;
        }
    }
    let project_ids: Vec<(String, Id)> = projecten::table
        .filter(projecten::samenwerkingsverband_id.eq(swv))
        .select((projecten::naam, projecten::id))
        .load(c)?;
    let project = |naam: &str| {
        project_ids
            .iter()
            .find(|(k, _)| k == naam)
            .map(|(_, id)| *id)
            .ok_or_else(|| missing("project", naam))
    };

    for jp in &s.activiteitenplannen {
        let exists: bool = diesel::select(diesel::dsl::exists(
            activiteitenplannen::table
                .filter(activiteitenplannen::samenwerkingsverband_id.eq(swv))
                .filter(activiteitenplannen::schooljaar.eq(&jp.schooljaar)),
        ))
        .get_result(c)?;
        if exists {
            continue;
        }
        let plan = Id::new();
        let now = clock.tick();
        diesel::insert_into(activiteitenplannen::table)
            .values((
                activiteitenplannen::id.eq(plan),
                activiteitenplannen::samenwerkingsverband_id.eq(swv),
                activiteitenplannen::ondersteuningsplan_id.eq(op),
                activiteitenplannen::schooljaar.eq(&jp.schooljaar),
                activiteitenplannen::status.eq(&jp.status),
                activiteitenplannen::vooruitblik.eq(&jp.vooruitblik),
                activiteitenplannen::created_at.eq(now),
                activiteitenplannen::updated_at.eq(now),
                activiteitenplannen::versie.eq(1),
            ))
            .execute(c)?;
        for a in &jp.activiteiten {
            let id = Id::new();
            let now = clock.tick();
            diesel::insert_into(activiteiten::table)
                .values((
                    activiteiten::id.eq(id),
                    activiteiten::samenwerkingsverband_id.eq(swv),
                    activiteiten::activiteitenplan_id.eq(plan),
                    activiteiten::ambitie_id.eq(ambitie(a.ambitie)?),
                    activiteiten::omschrijving.eq(&a.omschrijving),
                    activiteiten::soort.eq(a.soort.as_deref().unwrap_or("gepland")),
                    activiteiten::portefeuille_id.eq(a
                        .portefeuille
                        .as_deref()
                        .map(portefeuille)
                        .transpose()?),
                    activiteiten::project_id.eq(a.project.as_deref().map(project).transpose()?),
                    activiteiten::streefwaarde.eq(&a.streefwaarde),
                    activiteiten::streef_richting.eq(a.streef.map(|s| s.richting)),
                    activiteiten::streef_waarde.eq(a.streef.map(|s| s.waarde)),
                    activiteiten::streef_eenheid.eq(a.streef.map(|s| s.eenheid)),
                    activiteiten::verantwoordelijke_id.eq(a
                        .verantwoordelijke
                        .as_deref()
                        .map(user)
                        .transpose()?),
                    activiteiten::created_at.eq(now),
                    activiteiten::updated_at.eq(now),
                    activiteiten::versie.eq(1),
                ))
                .execute(c)?;
            if let Some(e) = &a.evaluatie {
                diesel::insert_into(evaluaties::table)
                    .values((
                        evaluaties::activiteit_id.eq(id),
                        evaluaties::samenwerkingsverband_id.eq(swv),
                        evaluaties::status.eq(&e.status),
                        evaluaties::toelichting.eq(&e.toelichting),
                        evaluaties::resultaat.eq(e.resultaat),
                        evaluaties::signaal.eq(&e.signaal),
                        evaluaties::created_at.eq(now),
                        evaluaties::updated_at.eq(now),
                    ))
                    .execute(c)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::is_schooljaar;
    use crate::planning::store::activiteiten::ActiviteitSoort;
    use crate::planning::store::evaluaties::EvaluatieStatus;
    use crate::planning::store::projecten::ProjectStatus;
    use crate::planning::store::Signaal;

    /// Every value in the file is one the API accepts, so the demo never holds what a client
    /// could not have written.
    #[test]
    fn demo_planning_is_valid() {
        let data: Data = serde_json::from_str(DATA).expect("planning.json parses");
        for s in &data.samenwerkingsverbanden {
            assert_eq!(s.ondersteuningsplan.ambities.len(), 7);
            for p in &s.projecten {
                assert!(ProjectStatus::parse(&p.status).is_some(), "{}", p.status);
                if let (Some(a), Some(b)) = (p.startdatum, p.einddatum) {
                    assert!(a <= b, "{}", p.naam);
                }
            }
            for jp in &s.activiteitenplannen {
                assert!(is_schooljaar(&jp.schooljaar));
                for a in &jp.activiteiten {
                    if let Some(soort) = &a.soort {
                        assert!(ActiviteitSoort::parse(soort).is_some(), "{soort}");
                    }
                    if let Some(e) = &a.evaluatie {
                        assert!(EvaluatieStatus::parse(&e.status).is_some(), "{}", e.status);
                        if let Some(s) = &e.signaal {
                            assert!(Signaal::parse(s).is_some(), "{s}");
                        }
                    }
                }
            }
        }
    }
}
