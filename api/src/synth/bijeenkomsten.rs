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

use super::names::*;
use super::org::Org;
use super::planning::Plan;
use super::rng::{self, Rng};
use super::rows;
use super::world::{Batch, World, FIRST_YEAR, MEETING_YEARS};

/// Who comes to a meeting, as weights per function.
type Mix = &'static [(F, u32)];

const IB: Mix = &[
    (F::InternBegeleider, 16),
    (F::Specialist, 2),
    (F::Directeur, 1),
    (F::AmbulantBegeleider, 1),
];
const LEERKRACHT: Mix = &[
    (F::Leerkracht, 14),
    (F::Onderwijsassistent, 3),
    (F::InternBegeleider, 2),
    (F::Student, 1),
];
const GROOT: Mix = &[
    (F::Leerkracht, 7),
    (F::InternBegeleider, 6),
    (F::Directeur, 3),
    (F::AmbulantBegeleider, 2),
    (F::Jeugdprofessional, 1),
    (F::Gemeente, 1),
];
const DIRECTIE: Mix = &[(F::Directeur, 1)];
const TRAINING: Mix = &[
    (F::Directeur, 2),
    (F::InternBegeleider, 2),
    (F::Leerkracht, 3),
];
const GEMENGD: Mix = &[
    (F::Leerkracht, 5),
    (F::InternBegeleider, 4),
    (F::Specialist, 1),
];
const OUDERS: Mix = &[(F::Ouder, 8), (F::Leerkracht, 1), (F::InternBegeleider, 1)];
const OVERLEG: Mix = &[
    (F::InternBegeleider, 3),
    (F::Directeur, 2),
    (F::Jeugdprofessional, 2),
    (F::Gemeente, 1),
    (F::AmbulantBegeleider, 2),
];
const NETWERK: Mix = &[
    (F::InternBegeleider, 3),
    (F::Jeugdprofessional, 2),
    (F::AmbulantBegeleider, 2),
    (F::Specialist, 2),
    (F::Overig, 1),
];
const STUDIEDAG: Mix = &[
    (F::Leerkracht, 10),
    (F::InternBegeleider, 3),
    (F::Directeur, 2),
    (F::Onderwijsassistent, 3),
];

/// A kind of meeting: how often it occurs per 300, its usual turnout, its time and audience.
struct Kind {
    soort: S,
    weight: u32,
    size: (i64, i64),
    /// Local start time and duration in minutes.
    time: (u32, u32, i64),
    mix: Mix,
    /// The function the meeting is meant for: turnout cannot exceed how many the SWV has.
    audience: Option<F>,
}

const KINDS: &[Kind] = &[
    Kind {
        soort: S::IbNetwerk,
        weight: 24,
        size: (20, 60),
        time: (13, 30, 180),
        mix: IB,
        audience: Some(F::InternBegeleider),
    },
    Kind {
        soort: S::Leerkrachtmiddag,
        weight: 36,
        size: (10, 40),
        time: (14, 30, 120),
        mix: LEERKRACHT,
        audience: None,
    },
    Kind {
        soort: S::Intervisie,
        weight: 40,
        size: (4, 10),
        time: (15, 0, 120),
        mix: GEMENGD,
        audience: None,
    },
    Kind {
        soort: S::Kenniskring,
        weight: 28,
        size: (6, 18),
        time: (15, 30, 150),
        mix: GEMENGD,
        audience: None,
    },
    Kind {
        soort: S::Directienetwerk,
        weight: 12,
        size: (10, 35),
        time: (8, 0, 150),
        mix: DIRECTIE,
        audience: Some(F::Directeur),
    },
    Kind {
        soort: S::GrootNetwerk,
        weight: 2,
        size: (100, 250),
        time: (14, 0, 210),
        mix: GROOT,
        audience: None,
    },
    Kind {
        soort: S::Training,
        weight: 40,
        size: (8, 20),
        time: (9, 0, 360),
        mix: TRAINING,
        audience: None,
    },
    Kind {
        soort: S::GoodPractice,
        weight: 24,
        size: (8, 30),
        time: (15, 30, 90),
        mix: GEMENGD,
        audience: None,
    },
    Kind {
        soort: S::Netwerk,
        weight: 24,
        size: (8, 25),
        time: (13, 0, 120),
        mix: NETWERK,
        audience: None,
    },
    Kind {
        soort: S::Ouderavond,
        weight: 14,
        size: (10, 50),
        time: (19, 30, 120),
        mix: OUDERS,
        audience: None,
    },
    Kind {
        soort: S::Overleg,
        weight: 44,
        size: (3, 8),
        time: (10, 0, 90),
        mix: OVERLEG,
        audience: None,
    },
    Kind {
        soort: S::Studiedag,
        weight: 2,
        size: (40, 120),
        time: (8, 30, 420),
        mix: STUDIEDAG,
        audience: None,
    },
    Kind {
        soort: S::Overig,
        weight: 10,
        size: (5, 20),
        time: (14, 0, 90),
        mix: GEMENGD,
        audience: None,
    },
];

struct Person {
    naam: String,
    email: String,
    sleutel: String,
    school: Option<Id>,
}

/// The people of one SWV, by function.
struct Pool {
    people: Vec<Person>,
    by_functie: Vec<Vec<u32>>,
    functie: Vec<F>,
}

fn slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'ë' | 'é' | 'è' => Some('e'),
            'ö' | 'ó' => Some('o'),
            'ı' | 'ï' => Some('i'),
            'ü' => Some('u'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

impl Pool {
    fn add(
        &mut self,
        rng: &mut Rng,
        taken: &mut HashSet<String>,
        functie: F,
        school: Option<Id>,
        domein: &str,
    ) {
        let voornaam = rng.pick(VOORNAMEN);
        let achternaam = rng.pick(ACHTERNAMEN);
        let base = format!("{}.{}", slug(voornaam), slug(achternaam));
        let mut local = base.clone();
        let mut n = 2;
        while !taken.insert(format!("{local}@{domein}")) {
            local = format!("{base}{n}");
            n += 1;
        }
        let sleutel = format!("{local}@{domein}");
        // Some people type their address with capitals; the key is what makes it unique.
        let email = if rng.chance(0.1) {
            let mut e = sleutel.clone();
            if let Some(first) = e.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            e
        } else {
            sleutel.clone()
        };
        let i = self.people.len() as u32;
        self.people.push(Person {
            naam: format!("{voornaam} {achternaam}"),
            email,
            sleutel,
            school,
        });
        self.functie.push(functie);
        self.by_functie[functie as usize].push(i);
    }

    fn of(org: &Org, rng: &mut Rng) -> Pool {
        let mut pool = Pool {
            people: Vec::new(),
            by_functie: vec![Vec::new(); F::ALL.len()],
            functie: Vec::new(),
        };
        let mut taken = HashSet::new();
        let vo = org.sector == crate::org::store::swv::Sector::Vo;
        for s in &org.scholen {
            let domein = format!("{}.school.example", s.brin.to_lowercase());
            let staff = [
                (F::InternBegeleider, rng.range(1, 2)),
                (F::Directeur, 1),
                (
                    F::Leerkracht,
                    if vo {
                        rng.range(15, 30)
                    } else {
                        rng.range(8, 16)
                    },
                ),
                (F::Onderwijsassistent, rng.range(1, 3)),
                (F::Specialist, i64::from(rng.chance(0.3))),
                (F::Student, rng.range(0, 2)),
                (F::Ouder, rng.range(2, 5)),
            ];
            for (functie, n) in staff {
                for _ in 0..n {
                    pool.add(rng, &mut taken, functie, Some(s.id), &domein);
                }
            }
        }
        let swv_domein = format!("{}.swv.example", org.code.to_lowercase());
        let partners = [
            (
                F::Jeugdprofessional,
                rng.range(8, 20),
                "jeugdteam.example".to_string(),
            ),
            (F::AmbulantBegeleider, rng.range(4, 10), swv_domein.clone()),
            (F::Overig, rng.range(4, 8), "partner.example".to_string()),
        ];
        for (functie, n, domein) in partners {
            for _ in 0..n {
                pool.add(rng, &mut taken, functie, None, &domein);
            }
        }
        for g in &org.gemeenten {
            let domein = format!("{}.gemeente.example", slug(g));
            for _ in 0..2 {
                pool.add(rng, &mut taken, F::Gemeente, None, &domein);
            }
        }
        pool
    }

    /// Someone of this function not yet registered for the meeting; anyone not yet registered
    /// when that function is exhausted; `None` when the tries run out.
    fn pick(&self, rng: &mut Rng, functie: F, here: &mut HashSet<u32>) -> Option<u32> {
        let own = &self.by_functie[functie as usize];
        for list in [own.as_slice(), &[]] {
            for _ in 0..6 {
                let i = if list.is_empty() {
                    rng.below(self.people.len()) as u32
                } else {
                    *rng.pick(list)
                };
                if here.insert(i) {
                    return Some(i);
                }
            }
        }
        None
    }
}

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
