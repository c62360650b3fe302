//! The planning of one SWV: an ondersteuningsplan over the five school years 2021-2022 to
//! 2025-2026 with seven ambities, portefeuilles and projecten, and an activiteitenplan per year
//! whose activities are evaluated (the last year only partly: its account is being written).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::db::Id;
use crate::planning::store::activiteiten::ActiviteitSoort;
use crate::planning::store::activiteitenplannen::PlanStatus;
use crate::planning::store::evaluaties::EvaluatieStatus;
use crate::planning::store::projecten::ProjectStatus;
use crate::planning::store::Signaal;

use super::names::*;
use super::org::Org;
use super::rng::Rng;
use super::rows;
use super::world::{Batch, World, FIRST_YEAR, PLAN_YEARS};

/// What the meetings link to.
pub struct Plan {
    /// The activities of each plan year, in year order.
    pub activiteiten: Vec<Vec<Id>>,
    pub portefeuilles: Vec<Id>,
    pub projecten: Vec<Id>,
}

fn at(y: i32, m: u32, d: u32, k: i64) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default()
        + Duration::microseconds(k)
}

pub fn generate(world: &mut World, rng: &mut Rng, batch: &mut Batch, org: &Org) -> Plan {
    let swv = org.swv;
    let plan = world.ids.next();
    let created = at(FIRST_YEAR, 6, 15, 0);
    batch.ondersteuningsplannen.push(rows::Ondersteuningsplan {
        id: plan,
        samenwerkingsverband_id: swv,
        titel: rng.pick(PLAN_TITEL).to_string(),
        van_jaar: FIRST_YEAR,
        tot_jaar: FIRST_YEAR + PLAN_YEARS as i32,
        created_at: created,
        updated_at: created,
        versie: 1,
    });
    let offset = rng.below(AMBITIES.len());
    let ambities: Vec<Id> = (0..7)
        .map(|n| {
            let (titel, doel) = AMBITIES[(offset + n) % AMBITIES.len()];
            let id = world.ids.next();
            batch.ambities.push(rows::Ambitie {
                id,
                samenwerkingsverband_id: swv,
                ondersteuningsplan_id: plan,
                nummer: n as i32 + 1,
                titel: titel.to_string(),
                doelstelling: doel.to_string(),
                created_at: created + Duration::microseconds(n as i64 + 1),
                updated_at: created + Duration::microseconds(n as i64 + 1),
                versie: 1,
            });
            id
        })
        .collect();
    let portefeuilles = portefeuilles(world, rng, batch, org, &ambities);
    let projecten = projecten(world, rng, batch, org, &ambities, &portefeuilles);
    let mut people = org.consulenten.clone();
    people.push(org.beheerder);
    let mut activiteiten: Vec<Vec<Id>> = Vec::new();
    let mut doorgeschoven: Vec<(Id, Id, String)> = Vec::new();
    for year in 0..PLAN_YEARS {
        let (ids, moved) = jaarplan(
            world,
            rng,
            batch,
            swv,
            plan,
            year,
            &ambities,
            &portefeuilles,
            &projecten,
            &people,
            &doorgeschoven,
        );
        activiteiten.push(ids);
        doorgeschoven = moved;
    }
    Plan {
        activiteiten,
        portefeuilles,
        projecten,
    }
}

fn portefeuilles(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    org: &Org,
    ambities: &[Id],
) -> Vec<Id> {
    let n = rng.range(8, 10) as usize;
    let created = at(FIRST_YEAR, 6, 16, 0);
    rng.sample(PORTEFEUILLES.len(), n)
        .into_iter()
        .enumerate()
        .map(|(k, p)| {
            let id = world.ids.next();
            let naam = PORTEFEUILLES[p];
            batch.portefeuilles.push(rows::Portefeuille {
                id,
                samenwerkingsverband_id: org.swv,
                naam: naam.to_string(),
                omschrijving: Some(format!("Alles rond {} in de regio.", naam.to_lowercase())),
                jaarplan: rng.chance(0.7).then(|| {
                    format!(
                        "Dit jaar: {} en {}.",
                        rng.pick(ONDERWERP),
                        rng.pick(ONDERWERP)
                    )
                }),
                created_at: created + Duration::microseconds(k as i64),
                updated_at: created + Duration::microseconds(k as i64),
                versie: 1,
            });
            let eigenaren = rng.range(1, 2) as usize;
            for e in rng.sample(org.consulenten.len(), eigenaren) {
                batch
                    .portefeuille_eigenaren
                    .push(rows::PortefeuilleEigenaar {
                        portefeuille_id: id,
                        gebruiker_id: org.consulenten[e],
                    });
            }
            for a in {
                let k = rng.range(1, 3) as usize;
                rng.sample(ambities.len(), k)
            } {
                batch.portefeuille_ambities.push(rows::PortefeuilleAmbitie {
                    portefeuille_id: id,
                    ambitie_id: ambities[a],
                });
            }
            id
        })
        .collect()
}

fn projecten(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    org: &Org,
    ambities: &[Id],
    portefeuilles: &[Id],
) -> Vec<Id> {
    let today = world.today.date();
    let n = rng.range(6, 8) as usize;
    rng.sample(PROJECTEN.len(), n)
        .into_iter()
        .map(|p| {
            let id = world.ids.next();
            let start = NaiveDate::from_ymd_opt(FIRST_YEAR, 8, 1).unwrap_or_default()
                + Duration::days(rng.range(0, 5 * 365));
            let eind = start + Duration::days(rng.range(300, 3 * 365));
            let status = if start > today {
                ProjectStatus::Gepland
            } else if eind < today {
                if rng.chance(0.85) {
                    ProjectStatus::Afgerond
                } else {
                    ProjectStatus::Gestopt
                }
            } else {
                ProjectStatus::Lopend
            };
            let created = at(start.year(), start.month(), start.day(), 0) - Duration::days(30);
            batch.projecten.push(rows::Project {
                id,
                samenwerkingsverband_id: org.swv,
                naam: PROJECTEN[p].to_string(),
                omschrijving: rng
                    .chance(0.8)
                    .then(|| format!("Project rond {}.", rng.pick(THEMA))),
                portefeuille_id: rng.chance(0.7).then(|| *rng.pick(portefeuilles)),
                status,
                startdatum: Some(start),
                einddatum: Some(eind),
                partner: rng.chance(0.5).then(|| rng.pick(PARTNERS).to_string()),
                created_at: created,
                updated_at: created,
                versie: 1,
            });
            for a in {
                let k = rng.range(1, 2) as usize;
                rng.sample(ambities.len(), k)
            } {
                batch.project_ambities.push(rows::ProjectAmbitie {
                    project_id: id,
                    ambitie_id: ambities[a],
                });
            }
            for s in {
                let k = rng.range(3, 10) as usize;
                rng.sample(org.scholen.len(), k)
            } {
                batch.project_scholen.push(rows::ProjectSchool {
                    project_id: id,
                    school_id: org.scholen[s].id,
                });
            }
            for positie in 0..rng.range(1, 3) as i32 {
                batch.project_financiering.push(rows::ProjectFinanciering {
                    project_id: id,
                    positie,
                    bron: rng.pick(FINANCIERS).to_string(),
                    bedrag_cent: rng.range(50, 1_500) * 10_000,
                });
            }
            verslagen(world, rng, batch, org.swv, id, start, eind.min(today));
            id
        })
        .collect()
}

/// A few progress reports between the start of a project and its end (or today).
fn verslagen(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    project: Id,
    from: NaiveDate,
    to: NaiveDate,
) {
    if to <= from {
        return;
    }
    let span = (to - from).num_days();
    let n = rng.range(2, 4);
    for k in 1..=n {
        let datum = from + Duration::days(span * k / (n + 1));
        let signaal = rng.weighted(&[
            (Some(Signaal::OpKoers), 6),
            (Some(Signaal::Aandacht), 3),
            (Some(Signaal::Risico), 1),
            (None, 2),
        ]);
        let created = at(datum.year(), datum.month(), datum.day(), 0);
        batch.voortgangsverslagen.push(rows::Voortgangsverslag {
            id: world.ids.next(),
            samenwerkingsverband_id: swv,
            project_id: project,
            datum,
            toelichting: format!(
                "Voortgang: {} loopt, aandacht voor {}.",
                rng.pick(ONDERWERP),
                rng.pick(THEMA)
            ),
            signaal,
            created_at: created,
            updated_at: created,
            versie: 1,
        });
    }
}

/// One school year's activiteitenplan; answers its activities and those moved to the next year
/// (`(id, ambitie, omschrijving)`), which that year takes over with a `herkomst`.
#[allow(clippy::too_many_arguments)]
fn jaarplan(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    plan: Id,
    year: usize,
    ambities: &[Id],
    portefeuilles: &[Id],
    projecten: &[Id],
    people: &[Id],
    carried: &[(Id, Id, String)],
) -> (Vec<Id>, Vec<(Id, Id, String)>) {
    let y = FIRST_YEAR + year as i32;
    let id = world.ids.next();
    let created = at(y, 6, 20, 0);
    batch.activiteitenplannen.push(rows::Activiteitenplan {
        id,
        samenwerkingsverband_id: swv,
        ondersteuningsplan_id: plan,
        schooljaar: format!("{y}-{}", y + 1),
        status: PlanStatus::Vastgesteld,
        vooruitblik: Some(format!(
            "In {y}-{} ligt de nadruk op {} en {}.",
            y + 1,
            rng.pick(ONDERWERP),
            rng.pick(THEMA)
        )),
        created_at: created,
        updated_at: created,
        versie: 1,
    });
    // The last plan year is being accounted for now: part of it is evaluated.
    let evaluated = if year + 1 < PLAN_YEARS { 1.0 } else { 0.6 };
    let n = rng.range(55, 65) as usize;
    let mut ids = Vec::with_capacity(n + carried.len());
    let mut moved = Vec::new();
    let total = carried.len() + n;
    for k in 0..total {
        let (herkomst, ambitie, omschrijving, soort) = match carried.get(k) {
            Some((from, ambitie, omschrijving)) => (
                Some(*from),
                *ambitie,
                omschrijving.clone(),
                ActiviteitSoort::Gepland,
            ),
            None => (
                None,
                *rng.pick(ambities),
                format!("{} {}", rng.pick(ACTIE), rng.pick(ONDERWERP)),
                if rng.chance(0.1) {
                    ActiviteitSoort::Extra
                } else {
                    ActiviteitSoort::Gepland
                },
            ),
        };
        let aid = world.ids.next();
        let at_k = created + Duration::microseconds(k as i64 + 1);
        let streef = rng.chance(0.5).then(|| rng.range(2, 40));
        batch.activiteiten.push(rows::Activiteit {
            id: aid,
            samenwerkingsverband_id: swv,
            activiteitenplan_id: id,
            ambitie_id: ambitie,
            omschrijving: omschrijving.clone(),
            soort,
            portefeuille_id: rng.chance(0.4).then(|| *rng.pick(portefeuilles)),
            project_id: rng.chance(0.2).then(|| *rng.pick(projecten)),
            streefwaarde: streef.map(|s| format!("{s} bijeenkomsten")),
            verantwoordelijke_id: rng.chance(0.8).then(|| *rng.pick(people)),
            herkomst_id: herkomst,
            created_at: at_k,
            updated_at: at_k,
            versie: 1,
        });
        ids.push(aid);
        if rng.chance(evaluated) {
            let status = evaluatie(rng, batch, swv, aid, y, k, streef);
            if status == EvaluatieStatus::Doorgeschoven {
                moved.push((aid, ambitie, omschrijving));
            }
        }
    }
    (ids, moved)
}

fn evaluatie(
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    activiteit: Id,
    y: i32,
    k: usize,
    streef: Option<i64>,
) -> EvaluatieStatus {
    use EvaluatieStatus::*;
    let status = rng.weighted(&[
        (Uitgevoerd, 65),
        (Deels, 20),
        (NietUitgevoerd, 7),
        (Doorgeschoven, 8),
    ]);
    let signaal = if rng.chance(0.2) {
        None
    } else {
        Some(match status {
            Uitgevoerd if rng.chance(0.5) => Signaal::Afgerond,
            Uitgevoerd => Signaal::OpKoers,
            Deels | Doorgeschoven => Signaal::Aandacht,
            NietUitgevoerd => Signaal::Risico,
        })
    };
    let share = match status {
        Uitgevoerd => 0.9 + rng.unit() * 0.3,
        Deels => 0.4 + rng.unit() * 0.4,
        NietUitgevoerd | Doorgeschoven => rng.unit() * 0.2,
    };
    let created = at(y + 1, 7, 10, k as i64);
    batch.evaluaties.push(rows::Evaluatie {
        activiteit_id: activiteit,
        samenwerkingsverband_id: swv,
        status,
        toelichting: rng.chance(0.7).then(|| {
            format!(
                "{} {}; {}.",
                status.label(),
                rng.pick(ONDERWERP),
                rng.pick(THEMA)
            )
        }),
        resultaat: streef.map(|s| (s as f64 * share).round()),
        signaal,
        created_at: created,
        updated_at: created,
    });
    status
}
