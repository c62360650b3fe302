//! Demo meetings of SWV PO Zuid-Kennemerland: the professionalisation offer of 2022-2023 with the
//! turnout the evaluation reports (IB-netwerken 45 + 46 + 21 = 112, leerkrachtmiddagen 203,
//! Groot Netwerk 180 against more than 150, the directienetwerk against half of the directors,
//! a training of 8-12 places with a waiting list), and meetings of the current school year, some
//! open for self-registration. Participants' names are invented. Meetings are found by title,
//! so loading twice adds nothing.

use chrono::{Duration, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Amsterdam;
use diesel::prelude::*;

use crate::bijeenkomsten::store::rij::new_public_id;
use crate::bijeenkomsten::store::{
    AanmeldingStatus, BijeenkomstSoort as S, BijeenkomstStatus, Bron, Functie, Vorm,
};
use crate::db::{DbConn, Id};
use crate::domain::schooljaar_of;
use crate::domain::time;
use crate::error::ApiError;
use crate::schema::{aanmeldingen, bijeenkomsten, samenwerkingsverbanden, scholen};
use crate::synth::names::{ACHTERNAMEN, VOORNAMEN};
use crate::synth::rng::Rng;

/// When a meeting takes place: a fixed local time, or a day relative to loading the demo.
#[derive(Clone, Copy)]
enum When {
    Local(i32, u32, u32, u32, u32),
    /// Days from today at a local hour and minute; negative hours mean "started this long ago".
    FromToday(i64, u32, u32),
    StartedHoursAgo(i64),
}

/// Who comes to a meeting, as weights per function.
type Mix = &'static [(Functie, u32)];

const IB: Mix = &[
    (Functie::InternBegeleider, 16),
    (Functie::Specialist, 2),
    (Functie::Directeur, 1),
    (Functie::AmbulantBegeleider, 1),
];
const LEERKRACHT: Mix = &[
    (Functie::Leerkracht, 14),
    (Functie::Onderwijsassistent, 3),
    (Functie::InternBegeleider, 2),
    (Functie::Student, 1),
];
const GROOT: Mix = &[
    (Functie::Leerkracht, 7),
    (Functie::InternBegeleider, 6),
    (Functie::Directeur, 3),
    (Functie::AmbulantBegeleider, 2),
    (Functie::Jeugdprofessional, 1),
    (Functie::Gemeente, 1),
];
const DIRECTIE: Mix = &[(Functie::Directeur, 1)];
const TRAINING: Mix = &[(Functie::Directeur, 2), (Functie::InternBegeleider, 1)];
const GEMENGD: Mix = &[
    (Functie::Leerkracht, 5),
    (Functie::InternBegeleider, 4),
    (Functie::Specialist, 1),
];

struct Meeting {
    titel: &'static str,
    soort: S,
    when: When,
    minutes: i64,
    vorm: Vorm,
    locatie: Option<&'static str>,
    min: Option<i32>,
    max: Option<i32>,
    streef: Option<i32>,
    /// `(percentage, doelgroepOmvang)`.
    percentage: Option<(f64, i32)>,
    status: BijeenkomstStatus,
    publiek: bool,
    /// Registrations: present, no-show, not yet recorded, cancelled, waiting.
    aanwezig: usize,
    no_show: usize,
    open: usize,
    afgemeld: usize,
    wachtlijst: usize,
    mix: Mix,
    /// The first meeting of the series this one belongs to (by title).
    reeks: Option<&'static str>,
}

const fn held(
    titel: &'static str,
    soort: S,
    when: When,
    minutes: i64,
    aanwezig: usize,
    no_show: usize,
    mix: Mix,
) -> Meeting {
    Meeting {
        titel,
        soort,
        when,
        minutes,
        vorm: Vorm::Live,
        locatie: Some("Kantoor SWV, Haarlem"),
        min: None,
        max: None,
        streef: None,
        percentage: None,
        status: BijeenkomstStatus::Doorgegaan,
        publiek: false,
        aanwezig,
        no_show,
        open: 0,
        afgemeld: 0,
        wachtlijst: 0,
        mix,
        reeks: None,
    }
}

const IB1: &str = "IB-netwerk: doelgericht werken vanuit je schoolambitie 2";

fn meetings() -> Vec<Meeting> {
    use When::*;
    let ib_target = Some((60.0, 70));
    vec![
        Meeting {
            percentage: ib_target,
            afgemeld: 3,
            ..held(
                IB1,
                S::IbNetwerk,
                Local(2022, 10, 11, 13, 30),
                180,
                45,
                7,
                IB,
            )
        },
        Meeting {
            percentage: ib_target,
            afgemeld: 2,
            reeks: Some(IB1),
            locatie: Some("Stadsschouwburg Haarlem"),
            ..held(
                "IB-netwerk: conferentie lezen",
                S::IbNetwerk,
                Local(2023, 2, 7, 13, 0),
                240,
                46,
                4,
                IB,
            )
        },
        Meeting {
            percentage: ib_target,
            afgemeld: 1,
            reeks: Some(IB1),
            ..held(
                "IB-netwerk: spelend leren en de kracht van een rijke schoolomgeving",
                S::IbNetwerk,
                Local(2023, 5, 16, 13, 30),
                180,
                21,
                6,
                IB,
            )
        },
        held(
            "Leerkrachtmiddag: traumasensitief lesgeven",
            S::Leerkrachtmiddag,
            Local(2022, 9, 28, 14, 30),
            120,
            28,
            3,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: onderwijs aan NT2-leerlingen",
            S::Leerkrachtmiddag,
            Local(2022, 10, 26, 14, 30),
            120,
            25,
            2,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: hoogbegaafde leerlingen in je groep",
            S::Leerkrachtmiddag,
            Local(2022, 11, 23, 14, 30),
            120,
            31,
            4,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: leesonderwijs",
            S::Leerkrachtmiddag,
            Local(2023, 1, 18, 14, 30),
            120,
            22,
            1,
            LEERKRACHT,
        ),
        Meeting {
            vorm: Vorm::Online,
            locatie: None,
            ..held(
                "Leerkrachtmiddag: executieve functies",
                S::Leerkrachtmiddag,
                Local(2023, 2, 15, 14, 30),
                90,
                27,
                5,
                LEERKRACHT,
            )
        },
        held(
            "Leerkrachtmiddag: grenzen zijn nuttig",
            S::Leerkrachtmiddag,
            Local(2023, 3, 15, 14, 30),
            120,
            24,
            2,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: bordwerk en aantekeningen maken",
            S::Leerkrachtmiddag,
            Local(2023, 4, 12, 14, 30),
            120,
            26,
            3,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: praten met kinderen in groeitaal",
            S::Leerkrachtmiddag,
            Local(2023, 5, 10, 14, 30),
            120,
            20,
            2,
            LEERKRACHT,
        ),
        // Held, but their attendance lists were not yet entered when the account was drawn up.
        held(
            "Leerkrachtmiddag: het kleuterjongetje",
            S::Leerkrachtmiddag,
            Local(2023, 6, 7, 14, 30),
            120,
            0,
            0,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: het preventieve aanbod van het CJG",
            S::Leerkrachtmiddag,
            Local(2023, 6, 21, 14, 30),
            120,
            0,
            0,
            LEERKRACHT,
        ),
        Meeting {
            streef: Some(150),
            max: Some(250),
            afgemeld: 9,
            locatie: Some("Philharmonie Haarlem"),
            ..held(
                "Groot Netwerk (met SWV VO Zuid-Kennemerland)",
                S::GrootNetwerk,
                Local(2023, 3, 23, 14, 0),
                210,
                180,
                16,
                GROOT,
            )
        },
        Meeting {
            percentage: Some((50.0, 94)),
            afgemeld: 4,
            ..held(
                "Directienetwerk: ontbijt met lezing",
                S::Directienetwerk,
                Local(2022, 11, 17, 8, 0),
                150,
                75,
                3,
                DIRECTIE,
            )
        },
        Meeting {
            min: Some(8),
            max: Some(12),
            wachtlijst: 3,
            ..held(
                "Training Samenwerken onder spanning (directie en IB)",
                S::Training,
                Local(2023, 3, 9, 9, 0),
                360,
                12,
                0,
                TRAINING,
            )
        },
        held(
            "Good practice: passend aanbod voor hoogbegaafde leerlingen",
            S::GoodPractice,
            Local(2023, 1, 25, 15, 0),
            90,
            18,
            1,
            GEMENGD,
        ),
        Meeting {
            vorm: Vorm::Online,
            locatie: None,
            ..held(
                "Good practice: het kindportfolio",
                S::GoodPractice,
                Local(2023, 3, 29, 15, 30),
                60,
                25,
                2,
                GEMENGD,
            )
        },
        Meeting {
            vorm: Vorm::Online,
            locatie: None,
            ..held(
                "Good practice: anders organiseren",
                S::GoodPractice,
                Local(2023, 5, 24, 15, 30),
                60,
                24,
                1,
                GEMENGD,
            )
        },
        held(
            "Intervisie HG & KM (1)",
            S::Intervisie,
            Local(2022, 12, 6, 15, 0),
            120,
            5,
            0,
            GEMENGD,
        ),
        Meeting {
            afgemeld: 1,
            ..held(
                "Intervisie HG & KM (2)",
                S::Intervisie,
                Local(2023, 4, 4, 15, 0),
                120,
                3,
                2,
                GEMENGD,
            )
        },
        // The current school year: one under way (attendance to be taken) and some to come.
        Meeting {
            status: BijeenkomstStatus::Gepland,
            open: 16,
            ..held(
                "Kenniskring gedrag in de klas",
                S::Kenniskring,
                StartedHoursAgo(1),
                150,
                0,
                0,
                GEMENGD,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            publiek: true,
            max: Some(80),
            percentage: ib_target,
            open: 23,
            ..held(
                "IB-netwerk: signaleren van dyslexie",
                S::IbNetwerk,
                FromToday(21, 13, 30),
                180,
                0,
                0,
                IB,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            publiek: true,
            min: Some(8),
            max: Some(12),
            open: 12,
            wachtlijst: 2,
            ..held(
                "Training Samenwerken onder spanning (voorjaar)",
                S::Training,
                FromToday(35, 9, 0),
                360,
                0,
                0,
                TRAINING,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            publiek: true,
            open: 9,
            ..held(
                "Leerkrachtmiddag: rekenonderwijs dat werkt",
                S::Leerkrachtmiddag,
                FromToday(49, 14, 30),
                120,
                0,
                0,
                LEERKRACHT,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            percentage: Some((50.0, 70)),
            ..held(
                "Directienetwerk voorjaar",
                S::Directienetwerk,
                FromToday(70, 8, 0),
                150,
                0,
                0,
                DIRECTIE,
            )
        },
    ]
}

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    let naive = NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .unwrap_or_default();
    Amsterdam
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(naive)
}

fn start_of(when: When, now: NaiveDateTime) -> NaiveDateTime {
    use chrono::{Datelike, Timelike};
    match when {
        When::Local(y, m, d, h, min) => local(y, m, d, h, min),
        When::FromToday(days, h, min) => {
            let today = Amsterdam.from_utc_datetime(&now).date_naive() + Duration::days(days);
            local(today.year(), today.month(), today.day(), h, min)
        }
        When::StartedHoursAgo(h) => {
            let t = now - Duration::hours(h);
            t.with_minute(0)
                .and_then(|t| t.with_second(0))
                .and_then(|t| t.with_nanosecond(0))
                .unwrap_or(t)
        }
    }
}

fn pick(mix: Mix, rng: &mut Rng) -> Functie {
    let total: u32 = mix.iter().map(|(_, w)| w).sum();
    let mut n = rng.below(total as usize) as u32;
    for (f, w) in mix {
        if n < *w {
            return *f;
        }
        n -= w;
    }
    mix[0].0
}

/// Loads the meetings of PO Zuid-Kennemerland, if that SWV exists.
pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    let swv: Option<Id> = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::code.eq("PO2703"))
        .select(samenwerkingsverbanden::id)
        .first(c)
        .optional()?;
    let Some(swv) = swv else { return Ok(()) };
    let schools: Vec<(Id, String)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .order(scholen::brin.asc())
        .select((scholen::id, scholen::brin))
        .load(c)?;
    // Some schools never send anyone: the reach figures should show them.
    let schools: Vec<(Id, String)> = schools
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 6 != 5)
        .map(|(_, s)| s)
        .collect();
    let now = time::now();
    let mut ids: Vec<(&'static str, Id)> = Vec::new();
    for (i, m) in meetings().iter().enumerate() {
        let existing: Option<Id> = bijeenkomsten::table
            .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
            .filter(bijeenkomsten::titel.eq(m.titel))
            .select(bijeenkomsten::id)
            .first(c)
            .optional()?;
        if let Some(id) = existing {
            ids.push((m.titel, id));
            continue;
        }
        let id = Id::new();
        ids.push((m.titel, id));
        let reeks = m
            .reeks
            .and_then(|t| ids.iter().find(|(title, _)| *title == t).map(|(_, id)| *id));
        let start = start_of(m.when, now);
        let n = (m.aanwezig + m.no_show + m.open + m.afgemeld + m.wachtlijst) as i64;
        diesel::insert_into(bijeenkomsten::table)
            .values((
                bijeenkomsten::id.eq(id),
                bijeenkomsten::samenwerkingsverband_id.eq(swv),
                bijeenkomsten::titel.eq(m.titel),
                bijeenkomsten::omschrijving.eq(None::<String>),
                bijeenkomsten::soort.eq(m.soort),
                bijeenkomsten::start.eq(start),
                bijeenkomsten::eind.eq(start + Duration::minutes(m.minutes)),
                bijeenkomsten::schooljaar.eq(schooljaar_of(start)),
                bijeenkomsten::vorm.eq(m.vorm),
                bijeenkomsten::locatie.eq(m.locatie),
                bijeenkomsten::min_deelnemers.eq(m.min),
                bijeenkomsten::max_deelnemers.eq(m.max),
                bijeenkomsten::streef_opkomst.eq(m.streef),
                bijeenkomsten::streef_percentage.eq(m.percentage.map(|p| p.0)),
                bijeenkomsten::doelgroep_omvang.eq(m.percentage.map(|p| p.1)),
                bijeenkomsten::status.eq(m.status),
                bijeenkomsten::publiek.eq(m.publiek),
                bijeenkomsten::public_id.eq(new_public_id()),
                bijeenkomsten::reeks_id.eq(reeks),
                bijeenkomsten::volgnummer.eq(n),
                bijeenkomsten::created_at.eq(now),
                bijeenkomsten::updated_at.eq(now),
                bijeenkomsten::versie.eq(1),
            ))
            .execute(c)?;
        let mut rng = Rng::new(2022, i as u64);
        let kinds = [
            (m.aanwezig, AanmeldingStatus::Aangemeld, Some(true)),
            (m.no_show, AanmeldingStatus::Aangemeld, Some(false)),
            (m.open, AanmeldingStatus::Aangemeld, None),
            (m.afgemeld, AanmeldingStatus::Afgemeld, None),
            (m.wachtlijst, AanmeldingStatus::Wachtlijst, None),
        ];
        let mut positie = 0_i64;
        let offset = rng.below(VOORNAMEN.len());
        for (count, status, aanwezig) in kinds {
            for _ in 0..count {
                let k = positie as usize + offset;
                let naam = format!(
                    "{} {}",
                    VOORNAMEN[k % VOORNAMEN.len()],
                    ACHTERNAMEN[(k / VOORNAMEN.len() + k) % ACHTERNAMEN.len()]
                );
                let functie = pick(m.mix, &mut rng);
                // People from the municipality or youth care come without a school.
                let school = match functie {
                    Functie::Gemeente | Functie::Jeugdprofessional => None,
                    _ if schools.is_empty() => None,
                    _ => Some(&schools[rng.below(schools.len())]),
                };
                let domein = school.map_or("partner.example".to_string(), |(_, brin)| {
                    format!("{}.school.example", brin.to_lowercase())
                });
                let email = format!(
                    "{}.{}@{domein}",
                    VOORNAMEN[k % VOORNAMEN.len()].to_lowercase(),
                    positie + 1
                );
                positie += 1;
                diesel::insert_into(aanmeldingen::table)
                    .values((
                        aanmeldingen::id.eq(Id::new()),
                        aanmeldingen::samenwerkingsverband_id.eq(swv),
                        aanmeldingen::bijeenkomst_id.eq(id),
                        aanmeldingen::naam.eq(naam),
                        aanmeldingen::email_sleutel.eq(email.to_lowercase()),
                        aanmeldingen::email.eq(email),
                        aanmeldingen::school_id.eq(school.map(|s| s.0)),
                        aanmeldingen::functie.eq(functie),
                        aanmeldingen::status.eq(status),
                        aanmeldingen::aanwezig.eq(aanwezig),
                        aanmeldingen::positie.eq(positie),
                        aanmeldingen::bron.eq(if m.publiek {
                            Bron::Publiek
                        } else {
                            Bron::Medewerker
                        }),
                        aanmeldingen::annuleer_sleutel.eq(None::<String>),
                        aanmeldingen::created_at.eq(now + Duration::microseconds(positie)),
                        aanmeldingen::updated_at.eq(now),
                        aanmeldingen::versie.eq(1),
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

    #[test]
    fn the_seed_figures_add_up() {
        let m = meetings();
        let present = |soort: S| -> usize {
            m.iter()
                .filter(|x| {
                    x.soort == soort && schooljaar_of(start_of(x.when, time::now())) == "2022-2023"
                })
                .map(|x| x.aanwezig)
                .sum()
        };
        assert_eq!(present(S::IbNetwerk), 112);
        assert_eq!(present(S::Leerkrachtmiddag), 203);
        assert_eq!(present(S::GrootNetwerk), 180);
        let training = m.iter().find(|x| x.soort == S::Training).unwrap();
        assert_eq!((training.min, training.max), (Some(8), Some(12)));
        assert!(training.wachtlijst > 0 && training.aanwezig == 12);
    }
}
