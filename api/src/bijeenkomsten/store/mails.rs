//! What participants of a meeting are mailed: the confirmation with their cancellation link
//! and the calendar item, a place that came free, a changed or cancelled meeting, and a message
//! from staff. Every mail is queued in the transaction of the change (see [`crate::mail`]).

use super::agenda::ics_met;
use super::rij::Row;
use super::{AanmeldingStatus, Vorm};
use crate::mail::{self, Bericht, MailSoort};
use crate::schema::aanmeldingen;
use crate::secrets::signed_link;
use crate::store_prelude::*;

/// What a cancellation link's token is signed for.
pub const AFMELDEN: &str = "afmelden";

/// The participant's own cancellation page: the same link in every mail about a registration.
fn afmelden(aanmelding: Id) -> String {
    mail::link(&format!("/afmelden/{}", signed_link(AFMELDEN, aanmelding)))
}

/// When and where, as a participant reads it.
fn wanneer_waar(m: &Row) -> String {
    let waar = match (m.vorm, &m.locatie) {
        (Vorm::Online, _) => "online".to_string(),
        (_, Some(l)) if m.vorm == Vorm::Hybride => format!("in {l} en online"),
        (_, Some(l)) => format!("in {l}"),
        (_, None) => "op een nog te melden plek".to_string(),
    };
    format!("{}, {waar}", time::tijdvak(m.start, m.eind))
}

/// The confirmation of a registration (also of a repeated one on the public page, so the person
/// who lost the first mail gets the link again): status, when and where, the cancellation link
/// and the `.ics` carrying that link too.
pub fn bevestiging(c: &mut DbConn, m: &Row, aanmelding: Id) -> Result<(), ApiError> {
    let (naam, email, status): (String, String, AanmeldingStatus) = aanmeldingen::table
        .filter(aanmeldingen::id.eq(aanmelding))
        .select((
            aanmeldingen::naam,
            aanmeldingen::email,
            aanmeldingen::status,
        ))
        .first(c)?;
    let url = afmelden(aanmelding);
    let wachtend = status == AanmeldingStatus::Wachtlijst;
    let onderwerp = if wachtend {
        format!("Op de wachtlijst: {}", m.titel)
    } else {
        format!("Aanmelding bevestigd: {}", m.titel)
    };
    let mut b = Bericht::new(&email, MailSoort::Bevestiging, onderwerp).aanhef(&naam);
    b = if wachtend {
        b.alinea(format!(
            "De bijeenkomst \u{201c}{}\u{201d} ({}) is vol. U staat op de wachtlijst; komt er een plaats vrij, dan krijgt u daarvan direct bericht.",
            m.titel,
            wanneer_waar(m)
        ))
    } else {
        b.alinea(format!(
            "U bent aangemeld voor \u{201c}{}\u{201d}: {}.",
            m.titel,
            wanneer_waar(m)
        ))
        .alinea("In de bijlage vindt u de bijeenkomst voor uw agenda.")
    };
    b = b
        .alinea("Kunt u toch niet? Meld u dan af, zodat uw plaats naar een ander gaat.")
        .knop("Afmelden", url.clone());
    if !wachtend {
        b = b.agenda(ics_met(m, Some(&url)));
    }
    mail::queue(c, Some(m.samenwerkingsverband_id), &b)?;
    Ok(())
}

/// A place came free: these registrations moved up from the waiting list.
pub fn doorgeschoven(c: &mut DbConn, m: &Row, ids: &[Id]) -> Result<(), ApiError> {
    let rows: Vec<(Id, String, String)> = aanmeldingen::table
        .filter(aanmeldingen::id.eq_any(ids))
        .select((aanmeldingen::id, aanmeldingen::naam, aanmeldingen::email))
        .load(c)?;
    for (id, naam, email) in rows {
        let url = afmelden(id);
        let b = Bericht::new(
            &email,
            MailSoort::Doorgeschoven,
            format!("Er is een plaats vrij: {}", m.titel),
        )
        .aanhef(&naam)
        .alinea(format!(
            "Goed nieuws: er is een plaats vrijgekomen. U bent nu aangemeld voor \u{201c}{}\u{201d}: {}.",
            m.titel,
            wanneer_waar(m)
        ))
        .alinea("Kunt u niet meer? Meld u dan af, zodat de plaats naar de volgende op de wachtlijst gaat.")
        .knop("Afmelden", url.clone())
        .agenda(ics_met(m, Some(&url)));
        mail::queue(c, Some(m.samenwerkingsverband_id), &b)?;
    }
    Ok(())
}

/// The registrations (registered and/or waiting) that mails about the meeting go to.
fn ontvangers(
    c: &mut DbConn,
    bijeenkomst: Id,
    statussen: &[AanmeldingStatus],
) -> Result<Vec<(Id, String, String, AanmeldingStatus)>, ApiError> {
    Ok(aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomst))
        .filter(aanmeldingen::status.eq_any(statussen.to_vec()))
        .order(aanmeldingen::positie.asc())
        .select((
            aanmeldingen::id,
            aanmeldingen::naam,
            aanmeldingen::email,
            aanmeldingen::status,
        ))
        .load(c)?)
}

const IEDEREEN: [AanmeldingStatus; 2] = [AanmeldingStatus::Aangemeld, AanmeldingStatus::Wachtlijst];

/// The meeting's time, place or form changed (`m` as it is now): everyone registered or
/// waiting is told, with a new calendar item that replaces the old one.
pub fn gewijzigd(c: &mut DbConn, m: &Row) -> Result<usize, ApiError> {
    let rows = ontvangers(c, m.id, &IEDEREEN)?;
    for (id, naam, email, status) in &rows {
        let url = afmelden(*id);
        let mut b = Bericht::new(
            email,
            MailSoort::Gewijzigd,
            format!("Gewijzigd: {}", m.titel),
        )
        .aanhef(naam)
        .alinea(format!(
            "De bijeenkomst \u{201c}{}\u{201d} is gewijzigd. Nieuw: {}.",
            m.titel,
            wanneer_waar(m)
        ))
        .alinea(if *status == AanmeldingStatus::Wachtlijst {
            "U staat nog op de wachtlijst."
        } else {
            "U blijft aangemeld; het agenda-item in de bijlage vervangt het vorige."
        })
        .knop("Afmelden", url.clone());
        if *status == AanmeldingStatus::Aangemeld {
            b = b.agenda(ics_met(m, Some(&url)));
        }
        mail::queue(c, Some(m.samenwerkingsverband_id), &b)?;
    }
    Ok(rows.len())
}

/// The meeting was cancelled: everyone registered or waiting is told, with a calendar item
/// that removes it from their agenda.
pub fn geannuleerd(c: &mut DbConn, m: &Row) -> Result<usize, ApiError> {
    let rows = ontvangers(c, m.id, &IEDEREEN)?;
    for (_, naam, email, _) in &rows {
        let b = Bericht::new(
            email,
            MailSoort::Geannuleerd,
            format!("Geannuleerd: {}", m.titel),
        )
        .aanhef(naam)
        .alinea(format!(
            "Helaas gaat de bijeenkomst \u{201c}{}\u{201d} ({}) niet door. U hoeft niets te doen; uw aanmelding vervalt.",
            m.titel,
            time::tijdvak(m.start, m.eind)
        ))
        .agenda(ics_met(m, None));
        mail::queue(c, Some(m.samenwerkingsverband_id), &b)?;
    }
    Ok(rows.len())
}

/// A message from staff to the meeting's registered participants and/or waiting list; answers
/// how many it went to.
pub fn bericht(
    c: &mut DbConn,
    m: &Row,
    onderwerp: &str,
    tekst: &str,
    aan: &[AanmeldingStatus],
) -> Result<usize, ApiError> {
    let rows = ontvangers(c, m.id, aan)?;
    for (id, naam, email, _) in &rows {
        let url = afmelden(*id);
        let mut b = Bericht::new(email, MailSoort::Bericht, onderwerp.trim()).aanhef(naam);
        for alinea in tekst.split("\n\n").map(str::trim).filter(|a| !a.is_empty()) {
            b = b.alinea(alinea);
        }
        let b = b
            .alinea(format!(
                "Dit bericht gaat over \u{201c}{}\u{201d}: {}.",
                m.titel,
                wanneer_waar(m)
            ))
            .knop("Afmelden", url);
        mail::queue(c, Some(m.samenwerkingsverband_id), &b)?;
    }
    Ok(rows.len())
}

/// The longest a reminder may come before the start (a week), so only meetings of the coming
/// week are looked at.
pub const HERINNERING_MAX_UREN: i64 = 168;

/// Queues the reminders that are due: for each meeting still to come whose reminder time has
/// passed and which has not had one, a mail to every registered participant. Answers how many
/// meetings were reminded of.
pub fn herinneringen(c: &mut DbConn, now: NaiveDateTime) -> Result<usize, ApiError> {
    use super::BijeenkomstStatus;
    use crate::schema::bijeenkomsten;
    let candidates: Vec<Row> = bijeenkomsten::table
        .filter(bijeenkomsten::status.eq(BijeenkomstStatus::Gepland))
        .filter(bijeenkomsten::herinnering_uren_vooraf.is_not_null())
        .filter(bijeenkomsten::herinnering_verstuurd_op.is_null())
        .filter(bijeenkomsten::start.gt(now))
        .filter(bijeenkomsten::start.le(now + chrono::Duration::hours(HERINNERING_MAX_UREN)))
        .select(Row::as_select())
        .load(c)?;
    let mut reminded = 0;
    for m in candidates {
        let uren = m.herinnering_uren_vooraf.unwrap_or(0) as i64;
        if m.start - chrono::Duration::hours(uren) > now {
            continue;
        }
        for (id, naam, email, _) in ontvangers(c, m.id, &[AanmeldingStatus::Aangemeld])? {
            let b = Bericht::new(
                &email,
                MailSoort::Herinnering,
                format!("Herinnering: {}", m.titel),
            )
            .aanhef(&naam)
            .alinea(format!(
                "Een herinnering: u bent aangemeld voor \u{201c}{}\u{201d}, {}.",
                m.titel,
                wanneer_waar(&m)
            ))
            .alinea("Kunt u toch niet? Meld u dan nog af, zodat uw plaats naar een ander gaat.")
            .knop("Afmelden", afmelden(id))
            .agenda(ics_met(&m, Some(&afmelden(id))));
            mail::queue(c, Some(m.samenwerkingsverband_id), &b)?;
        }
        diesel::update(bijeenkomsten::table.filter(bijeenkomsten::id.eq(m.id)))
            .set(bijeenkomsten::herinnering_verstuurd_op.eq(Some(now)))
            .execute(c)?;
        reminded += 1;
    }
    Ok(reminded)
}
