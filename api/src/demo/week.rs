//! The consulent's week at PO Zuid-Kennemerland: its three consulenten share the 70 schools
//! (dealt round, the first demo consulent first: 24 each for three), the last complete school year has on
//! average exactly 6 contacts per school with three schools under the minimum of 3 (seeds: "on
//! average six, at least three"), and this school year runs up to yesterday, with follow-ups of
//! the first consulent due this week. Loading twice adds nothing.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use diesel::prelude::*;

use crate::auth::Rol;
use crate::db::{DbConn, Id};
use crate::domain::schooljaar::{eerste_jaar, schooljaar_grenzen};
use crate::domain::{schooljaar_van, time};
use crate::error::ApiError;
use crate::schema::{gebruikers, scholen, schoolcontacten as sc};
use crate::schoolcontacten::store::contacten::{ContactSignaal, ContactSoort};

use super::swv::swv_met_code;

/// Schools (by BRIN order) that fell under the minimum last year.
pub const ONDER_MINIMUM: [usize; 3] = [11, 33, 55];

/// Contacts per school in the last complete school year: around 6, three schools at 2, three at
/// 10 to make up for them, and the last school taking up the rest so the mean is exactly 6.
pub fn per_school_vorig_jaar(scholen: usize) -> Vec<usize> {
    const RITME: [usize; 6] = [5, 7, 6, 4, 8, 6];
    let mut n: Vec<usize> = (0..scholen)
        .map(|i| {
            if ONDER_MINIMUM.contains(&i) {
                2
            } else if ONDER_MINIMUM.contains(&(i.wrapping_sub(1))) {
                10
            } else {
                RITME[i % RITME.len()]
            }
        })
        .collect();
    let doel = 6 * scholen;
    let som: usize = n.iter().sum();
    if let Some(last) = n.last_mut() {
        *last = (*last + doel).saturating_sub(som).max(3);
    }
    n
}

const ONDERWERPEN: [&str; 10] = [
    "Inzet ondersteuningsbudget en de groepsplannen",
    "Leerling met gedragsvragen in groep 5",
    "Ondersteuningsprofiel en schoolambitie",
    "Overleg met de intern begeleider over het MDO",
    "Observatie in groep 3 op verzoek van de leerkracht",
    "Signaal: zorgen over verzuim van twee leerlingen",
    "Evaluatie van de arrangementen van dit jaar",
    "Meso-gesprek met directie en bestuur",
    "Terugkoppeling na het netwerk intern begeleiders",
    "Vraag over een aanvraag toelaatbaarheidsverklaring",
];

const SOORTEN: [ContactSoort; 7] = [
    ContactSoort::Consultatie,
    ContactSoort::MesoGesprek,
    ContactSoort::Observatie,
    ContactSoort::Consultatie,
    ContactSoort::Evaluatie,
    ContactSoort::Signaal,
    ContactSoort::Overig,
];

/// `n` working days spread evenly from `van` up to and including `tot`.
fn spread(van: NaiveDate, tot: NaiveDate, n: usize, seed: usize) -> Vec<NaiveDate> {
    let dagen = (tot - van).num_days().max(1);
    (0..n)
        .map(|k| {
            let offset = (dagen * (2 * k as i64 + 1)) / (2 * n as i64) + (seed % 3) as i64 - 1;
            let mut d = van + Duration::days(offset.clamp(0, dagen));
            while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                d -= Duration::days(1);
            }
            d.max(van)
        })
        .collect()
}

struct Contact {
    school: Id,
    consulent: Id,
    datum: NaiveDate,
    soort: ContactSoort,
    onderwerp: &'static str,
    signaal: Option<ContactSignaal>,
    vervolg_op: Option<NaiveDate>,
    vervolg_gedaan: bool,
}

pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    let Some(swv) = swv_met_code(c, "PO2703")? else {
        return Ok(());
    };
    let loaded: bool = diesel::select(diesel::dsl::exists(
        sc::table.filter(sc::samenwerkingsverband_id.eq(swv)),
    ))
    .get_result(c)?;
    if loaded {
        return Ok(());
    }
    let consulenten: Vec<(Id, String)> = gebruikers::table
        .filter(gebruikers::samenwerkingsverband_id.eq(swv))
        .filter(gebruikers::rol.eq(Rol::Consulent))
        .filter(gebruikers::actief.eq(true))
        .select((gebruikers::id, gebruikers::email))
        .load(c)?;
    let consulenten: Vec<Id> = {
        let mut v = consulenten;
        // The demo's own consulent first: she is the one a visitor signs in as.
        v.sort_by_key(|(_, e)| (!e.starts_with("consulent@"), e.clone()));
        v.into_iter().map(|(id, _)| id).collect()
    };
    if consulenten.is_empty() {
        return Ok(());
    }
    let schools: Vec<Id> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .order(scholen::brin.asc())
        .select(scholen::id)
        .load(c)?;
    let now = time::now();
    for (i, school) in schools.iter().enumerate() {
        diesel::update(scholen::table.filter(scholen::id.eq(school)))
            .set(scholen::consulent_id.eq(consulenten[i % consulenten.len()]))
            .execute(c)?;
    }

    let vandaag = time::today();
    let dit_jaar = schooljaar_van(vandaag);
    let start_dit_jaar = eerste_jaar(&dit_jaar).unwrap_or(vandaag.year());
    let (vorig_van, vorig_tot) = schooljaar_grenzen(start_dit_jaar - 1);
    let (dit_van, _) = schooljaar_grenzen(start_dit_jaar);
    // Contacts happen in the weeks of school: September to mid-July.
    let vorig_van = vorig_van + Duration::days(31);
    let vorig_tot = vorig_tot - Duration::days(16);
    let dit_van = dit_van + Duration::days(31);
    let gisteren = vandaag - Duration::days(1);
    let verstreken = ((gisteren - dit_van).num_days().max(0) as f64) / 318.0;

    let mut contacten = Vec::new();
    for (i, (school, n)) in schools
        .iter()
        .zip(per_school_vorig_jaar(schools.len()))
        .enumerate()
    {
        let consulent = consulenten[i % consulenten.len()];
        // This year so far, pro rata; a few schools not yet seen.
        let nu = if i % 7 == 4 || gisteren < dit_van {
            0
        } else {
            ((n as f64) * verstreken).round().max(1.0) as usize
        };
        let jaren = [(vorig_van, vorig_tot, n, 3), (dit_van, gisteren, nu, 7)];
        for (van, tot, aantal, stap) in jaren {
            let vorig = van == vorig_van;
            for (k, datum) in spread(van, tot, aantal, i).into_iter().enumerate() {
                let signaal = match (i + k) % if vorig { 9 } else { 8 } {
                    0 if vorig => Some(ContactSignaal::Risico),
                    1 | 5 if vorig => Some(ContactSignaal::Aandacht),
                    3 if vorig => None,
                    0 => Some(ContactSignaal::Aandacht),
                    6 => Some(ContactSignaal::Risico),
                    _ => Some(ContactSignaal::OpKoers),
                };
                contacten.push(Contact {
                    school: *school,
                    consulent,
                    datum,
                    soort: if k == 0 {
                        ContactSoort::Startgesprek
                    } else {
                        SOORTEN[(i + k) % SOORTEN.len()]
                    },
                    onderwerp: ONDERWERPEN[(i * stap + k) % ONDERWERPEN.len()],
                    signaal,
                    // Last year's follow-ups were all done.
                    vervolg_op: (vorig && k % 3 == 1).then(|| datum + Duration::days(14)),
                    vervolg_gedaan: vorig,
                });
            }
        }
    }
    // Follow-ups waiting this week: on the latest contact of some schools of every consulent,
    // most with the first consulent.
    let mut laatste: Vec<usize> = Vec::new();
    for school in &schools {
        if let Some(idx) = contacten
            .iter()
            .enumerate()
            .filter(|(_, ct)| ct.school == *school && ct.datum >= dit_van)
            .max_by_key(|(_, ct)| ct.datum)
            .map(|(idx, _)| idx)
        {
            laatste.push(idx);
        }
    }
    for (j, idx) in laatste.into_iter().enumerate() {
        if j % 5 != 0 && j % 3 != 0 {
            continue;
        }
        let ct = &mut contacten[idx];
        let op = vandaag + Duration::days([-2, 0, 1, 3, 4][j % 5]);
        ct.vervolg_op = Some(op.max(ct.datum));
        ct.vervolg_gedaan = false;
    }

    for ct in contacten {
        diesel::insert_into(sc::table)
            .values((
                sc::id.eq(Id::new()),
                sc::samenwerkingsverband_id.eq(swv),
                sc::school_id.eq(ct.school),
                sc::datum.eq(ct.datum),
                sc::soort.eq(ct.soort),
                sc::consulent_id.eq(ct.consulent),
                sc::onderwerp.eq(ct.onderwerp),
                sc::signaal.eq(ct.signaal),
                sc::vervolg_op.eq(ct.vervolg_op),
                sc::vervolg_gedaan.eq(ct.vervolg_gedaan),
                sc::schooljaar.eq(schooljaar_van(ct.datum)),
                sc::created_at.eq(now),
                sc::updated_at.eq(now),
                sc::versie.eq(1),
            ))
            .execute(c)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_year_averages_six_with_three_schools_under_three() {
        let n = per_school_vorig_jaar(70);
        assert_eq!(n.iter().sum::<usize>(), 420);
        let onder: Vec<usize> = (0..70).filter(|i| n[*i] < 3).collect();
        assert_eq!(onder, ONDER_MINIMUM.to_vec());
    }

    #[test]
    fn contacts_fall_on_working_days_within_the_period() {
        let van = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
        let tot = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        for d in spread(van, tot, 10, 2) {
            assert!(d >= van && d <= tot);
            assert!(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun));
        }
    }
}
