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
use crate::bijeenkomsten::store::{AanmeldingStatus, Bron, Functie};
use crate::db::{DbConn, Id};
use crate::domain::schooljaar_of;
use crate::domain::time;
use crate::error::ApiError;
use crate::schema::{aanmeldingen, activiteiten, bijeenkomsten, samenwerkingsverbanden, scholen};
use crate::synth::names::{ACHTERNAMEN, VOORNAMEN};
use crate::synth::rng::Rng;

use super::jaarprogramma::{meetings, Mix, When};

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
    // The area meetings of the KPIs come after the programme, so the others keep their seeds.
    let all: Vec<_> = meetings()
        .into_iter()
        .chain(super::kengetallen::meetings())
        .collect();
    for (i, m) in all.iter().enumerate() {
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
        let activiteit: Option<Id> = match m.activiteit {
            Some(omschrijving) => activiteiten::table
                .filter(activiteiten::samenwerkingsverband_id.eq(swv))
                .filter(activiteiten::omschrijving.eq(omschrijving))
                .select(activiteiten::id)
                .first(c)
                .optional()?,
            None => None,
        };
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
                bijeenkomsten::activiteit_id.eq(activiteit),
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
    use crate::bijeenkomsten::store::BijeenkomstSoort as S;

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
