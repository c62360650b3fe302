//! The meetings of one SWV, about 300 per school year from 2021-2022 to the current one, and
//! their registrations. Participants come from a pool of people per SWV (the IB'ers, directors
//! and teachers of its schools and partners without a school), so the same people turn up at
//! several meetings and the reach figures look like a real region's.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Weekday};
use chrono_tz::Europe::Amsterdam;

use crate::bijeenkomsten::store::{
    AanmeldingStatus, BijeenkomstSoort as S, BijeenkomstStatus, Bron, Functie as F, Vorm,
};
use crate::db::Id;
use crate::domain::schooljaar_of;

use super::deelnemers::Pool;
use super::names::*;
use super::org::Org;
use super::planning::Plan;
use super::rng::{self, Rng};
use super::rows;
use super::soorten::{Kind, Mix, KINDS};
use super::world::{Batch, World, FIRST_YEAR, MEETING_YEARS};

fn local(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    let naive = date.and_hms_opt(h, m, 0).unwrap_or_default();
    Amsterdam
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(naive)
}

/// A school day of the year starting in August of `y`: weekdays from September to mid-July,
/// outside the Christmas holiday.
fn school_day(rng: &mut Rng, y: i32) -> NaiveDate {
    let sept = NaiveDate::from_ymd_opt(y, 9, 1).unwrap_or_default();
    let mut d = sept + Duration::days(rng.range(0, 312));
    if (d.month() == 12 && d.day() >= 22) || (d.month() == 1 && d.day() <= 5) {
        d += Duration::days(14);
    }
    match d.weekday() {
        Weekday::Sat => d + Duration::days(2),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    }
}

/// `(min, max, streefOpkomst, (streefPercentage, doelgroepOmvang))` of a meeting.
type Capacity = (Option<i32>, Option<i32>, Option<i32>, Option<(f64, i32)>);

fn capacity(kind: &Kind, rng: &mut Rng, audience: i32) -> Capacity {
    match kind.soort {
        S::Training => (Some(8), Some(rng.range(12, 20) as i32), None, None),
        S::IbNetwerk => (
            None,
            rng.chance(0.3).then_some(80),
            None,
            rng.chance(0.5).then_some((60.0, audience)),
        ),
        S::Directienetwerk => (
            None,
            None,
            None,
            rng.chance(0.6).then_some((50.0, audience)),
        ),
        S::Leerkrachtmiddag => (
            None,
            rng.chance(0.4).then_some(40),
            rng.chance(0.3).then_some(25),
            None,
        ),
        S::GrootNetwerk => (None, Some(250), Some(150), None),
        S::Intervisie => (None, Some(rng.range(8, 12) as i32), None, None),
        S::Kenniskring => (None, rng.chance(0.5).then_some(20), None, None),
        S::Studiedag => (None, None, Some(100), None),
        _ => (
            None,
            None,
            rng.chance(0.15)
                .then(|| rng.range(kind.size.0, kind.size.1) as i32),
            None,
        ),
    }
}

pub fn generate(world: &mut World, rng: &mut Rng, batch: &mut Batch, org: &Org, plan: &Plan) {
    let pool = Pool::of(org, rng);
    let mut here = HashSet::new();
    for year in 0..MEETING_YEARS {
        let y = FIRST_YEAR + year as i32;
        let mut specs: Vec<(NaiveDateTime, usize)> = (0..rng.range(270, 330))
            .map(|_| {
                let k = rng.weighted(&KIND_WEIGHTS);
                let (h, m, _) = KINDS[k].time;
                (local(school_day(rng, y), h, m), k)
            })
            .collect();
        specs.sort();
        let mut reeks: [Option<Id>; 2] = [None, None];
        for (start, k) in specs {
            let kind = &KINDS[k];
            let id = world.ids.next();
            // The IB-netwerken and the intervisie of a year are each one series.
            let series = match kind.soort {
                S::IbNetwerk => Some(0),
                S::Intervisie => Some(1),
                _ => None,
            };
            let reeks_id = series.and_then(|s| match reeks[s] {
                Some(first) => Some(first),
                None => {
                    reeks[s] = Some(id);
                    None
                }
            });
            let links = Links {
                activiteit: plan
                    .activiteiten
                    .get(year)
                    .filter(|a| !a.is_empty() && rng.chance(0.35))
                    .map(|a| *rng.pick(a)),
                project: rng.chance(0.1).then(|| *rng.pick(&plan.projecten)),
                portefeuille: rng.chance(0.2).then(|| *rng.pick(&plan.portefeuilles)),
                reeks: reeks_id,
            };
            meeting(
                world, rng, batch, org, &pool, &mut here, id, kind, start, links,
            );
        }
    }
}

struct Links {
    activiteit: Option<Id>,
    project: Option<Id>,
    portefeuille: Option<Id>,
    reeks: Option<Id>,
}

static KIND_WEIGHTS: std::sync::LazyLock<Vec<(usize, u32)>> = std::sync::LazyLock::new(|| {
    KINDS
        .iter()
        .enumerate()
        .map(|(i, k)| (i, k.weight))
        .collect()
});

#[allow(clippy::too_many_arguments)]
fn meeting(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    org: &Org,
    pool: &Pool,
    here: &mut HashSet<u32>,
    id: Id,
    kind: &Kind,
    start: NaiveDateTime,
    links: Links,
) {
    let today = world.today;
    let eind = start + Duration::minutes(kind.time.2);
    let past = start < today;
    let status = if rng.chance(if past { 0.04 } else { 0.02 }) {
        BijeenkomstStatus::Geannuleerd
    } else if past {
        BijeenkomstStatus::Doorgegaan
    } else {
        BijeenkomstStatus::Gepland
    };
    let audience = kind
        .audience
        .map(|f| pool.by_functie[f as usize].len() as i32)
        .unwrap_or(0);
    let (min, max, streef, percentage) = capacity(kind, rng, audience.max(1));
    let vorm = rng.weighted(&[(Vorm::Live, 15), (Vorm::Online, 4), (Vorm::Hybride, 1)]);
    let gemeente = rng.pick(&org.gemeenten);
    let locatie = (vorm != Vorm::Online).then(|| {
        if rng.chance(0.6) {
            format!("Kantoor SWV, {gemeente}")
        } else {
            format!("{}, {gemeente}", rng.pick(&org.scholen).naam)
        }
    });
    let publiek = rng.chance(0.4);
    let mut created = start - Duration::days(rng.range(30, 60));
    if created > today {
        created = today - Duration::days(rng.range(1, 90));
    }
    let thema = rng.pick(THEMA);

    let mut demand = match (kind.soort, max) {
        (S::Training, Some(m)) => (m as f64 * (0.6 + rng.unit() * 0.9)) as i64,
        _ => rng.range(kind.size.0, kind.size.1),
    };
    if kind.audience.is_some() {
        demand = demand.min((audience as i64 * 9 / 10).max(3));
    }
    if !past {
        // Registrations for meetings far ahead have only started to come in.
        let days = (start - today).num_days();
        let share = if days < 14 {
            1.0
        } else if days < 45 {
            0.7
        } else {
            0.35
        };
        demand = (demand as f64 * share).round() as i64;
    }
    let recorded = status == BijeenkomstStatus::Doorgegaan && !rng.chance(0.03);
    let until = start.min(today);
    let volgnummer = registrations(
        world,
        rng,
        batch,
        org.swv,
        pool,
        here,
        Registrations {
            meeting: id,
            mix: kind.mix,
            demand,
            max,
            recorded,
            publiek,
            from: created,
            until,
            eind,
        },
    );
    let n = world.bijeenkomsten;
    world.bijeenkomsten += 1;
    batch.bijeenkomsten.push(rows::Bijeenkomst {
        id,
        samenwerkingsverband_id: org.swv,
        titel: format!("{}: {thema}", kind.soort.label()),
        omschrijving: rng
            .chance(0.3)
            .then(|| format!("Een bijeenkomst over {thema}, met voorbeelden uit de scholen.")),
        soort: kind.soort,
        start,
        eind,
        schooljaar: schooljaar_of(start),
        vorm,
        locatie,
        min_deelnemers: min,
        max_deelnemers: max,
        streef_opkomst: streef,
        streef_percentage: percentage.map(|p| p.0),
        doelgroep_omvang: percentage.map(|p| p.1),
        activiteit_id: links.activiteit,
        project_id: links.project,
        portefeuille_id: links.portefeuille,
        status,
        publiek,
        public_id: rng::public_id(world.seed, n),
        aanmelden_tot: (publiek && rng.chance(0.5)).then(|| start - Duration::days(2)),
        reeks_id: links.reeks,
        volgnummer,
        created_at: created,
        updated_at: created,
        versie: 1,
    });
}

struct Registrations {
    meeting: Id,
    mix: Mix,
    demand: i64,
    max: Option<i32>,
    /// Whether attendance was taken.
    recorded: bool,
    publiek: bool,
    from: NaiveDateTime,
    until: NaiveDateTime,
    eind: NaiveDateTime,
}

/// The registrations of one meeting in the order they came in; answers how many there are.
/// The earliest ones that did not cancel hold the places, the rest wait: the state the waiting
/// list reaches after every cancellation moved it up.
fn registrations(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    pool: &Pool,
    here: &mut HashSet<u32>,
    r: Registrations,
) -> i64 {
    here.clear();
    let total = r.demand + (r.demand as f64 * 0.06).round() as i64;
    let span = (r.until - r.from).num_seconds().max(1);
    let mut placed = 0;
    for positie in 1..=total {
        let functie = rng.weighted(r.mix);
        let person = pool.pick(rng, functie, here).map(|i| i as usize);
        let (naam, email, sleutel, school, functie) = match person {
            Some(i) => {
                let p = &pool.people[i];
                (
                    p.naam.clone(),
                    p.email.clone(),
                    p.sleutel.clone(),
                    p.school,
                    pool.functie[i],
                )
            }
            None => {
                let e = format!("deelnemer{positie}@gast.example");
                (format!("Gast {positie}"), e.clone(), e, None, F::Overig)
            }
        };
        let status = if rng.chance(0.06) {
            AanmeldingStatus::Afgemeld
        } else if r.max.is_none_or(|m| placed < m as i64) {
            placed += 1;
            AanmeldingStatus::Aangemeld
        } else {
            AanmeldingStatus::Wachtlijst
        };
        let aanwezig =
            (r.recorded && status == AanmeldingStatus::Aangemeld).then(|| rng.chance(0.87));
        let created = r.from + Duration::seconds(span * positie / (total + 1));
        let (updated, versie) = if aanwezig.is_some() {
            (r.eind, 2)
        } else if status == AanmeldingStatus::Afgemeld {
            ((created + Duration::days(1)).min(r.until.max(created)), 2)
        } else {
            (created, 1)
        };
        let bron = if r.publiek {
            rng.weighted(&[(Bron::Publiek, 7), (Bron::Medewerker, 2), (Bron::Import, 1)])
        } else {
            rng.weighted(&[(Bron::Medewerker, 6), (Bron::Import, 4)])
        };
        batch.aanmeldingen.push(rows::Aanmelding {
            id: world.ids.next(),
            samenwerkingsverband_id: swv,
            bijeenkomst_id: r.meeting,
            naam,
            email,
            email_sleutel: sleutel,
            school_id: school,
            functie,
            status,
            aanwezig,
            positie,
            bron,
            annuleer_sleutel: None,
            created_at: created,
            updated_at: updated,
            versie,
        });
    }
    total
}
