//! Who sees which gemeenten in the monitor, and from which SWV's.

use std::collections::HashSet;

use chrono::NaiveDateTime;

use super::bronnen::{self, Vraag};
use super::indeling::{Gemeenten, Indeling};
use super::jop::{self, JopMonitor};
use super::tussenstand;
use crate::db::ReportStore;
use crate::domain::schooljaar::{eerste_jaar, schooljaar_grenzen};
use crate::store_prelude::*;

/// Whose figures the caller reads.
#[derive(Debug, Clone)]
pub enum Kring {
    /// A user of an SWV: every gemeente the SWV serves.
    Swv(Id),
    /// A client of an SWV: its gemeenten and their predecessors, with that SWV's figures.
    SwvClient(Id, Vec<Id>),
    /// A client of the platform: its gemeenten summed over every SWV that serves them.
    Platform(Vec<Id>),
}

#[derive(Debug, Clone)]
pub struct Verzoek {
    pub schooljaar: String,
    pub gemeente: Option<String>,
    pub indeling: Indeling,
    pub nu: NaiveDateTime,
}

/// The monitor as `kring` may read it; `403` for a gemeente outside it, `400` for an unknown one.
/// With `opslag`, counts made again are kept for the next answer.
pub fn lees(
    c: &mut DbConn,
    kring: &Kring,
    v: &Verzoek,
    opslag: Option<&ReportStore>,
) -> Result<JopMonitor, ApiError> {
    let vandaag = crate::domain::time::local_date(v.nu);
    let gemeenten = Gemeenten::load(c, v.indeling, vandaag)?;
    let gevraagd = match &v.gemeente {
        Some(cbs) => Some(gemeenten.by_cbs(cbs).map(|g| g.id).ok_or_else(|| {
            ApiError::validation(vec![crate::error::InvalidParam::new(
                "gemeente",
                "geen bekende CBS-code",
            )])
        })?),
        None => None,
    };
    let jaar = eerste_jaar(&v.schooljaar)?;
    let (van, tot) = schooljaar_grenzen(jaar);
    // A platform client reads every SWV that serves its gemeenten: the sources are read by
    // gemeente alone.
    let (swvs, eigen): (Option<Vec<Id>>, Option<HashSet<Id>>) = match kring {
        Kring::Swv(s) => (Some(vec![*s]), None),
        Kring::SwvClient(s, g) => (Some(vec![*s]), Some(gemeenten.met_voorgangers(g))),
        Kring::Platform(g) => (None, Some(gemeenten.met_voorgangers(g))),
    };
    if let (Some(g), Some(zicht)) = (gevraagd, &eigen) {
        if !zicht.contains(&g) {
            return Err(ApiError::forbidden(
                "Deze gemeente hoort niet bij de gemeenten van deze client.",
            ));
        }
    }
    let vraag = Vraag {
        van,
        tot,
        vandaag,
        jaar: v.schooljaar.clone(),
        filter: eigen.clone(),
    };
    // A few gemeenten are read from their records directly (by index, in milliseconds); an
    // SWV's own figures and a set of many gemeenten from the stored counts per SWV.
    let ruw = if vraag
        .filter
        .as_ref()
        .is_some_and(|f| f.len() <= bronnen::ZICHT_IN_SQL)
    {
        bronnen::tel(c, swvs.as_deref(), &vraag, &gemeenten)?
    } else {
        tussenstand::tel(c, swvs.as_deref(), &vraag, &gemeenten, opslag)?
    };
    let mut gekozen: Vec<Id> = ruw.keys().copied().collect();
    if let Some(zicht) = &eigen {
        gekozen.retain(|g| zicht.contains(g));
        // The client's own gemeenten are always listed while they exist, zeros included.
        if let Kring::SwvClient(_, g) | Kring::Platform(g) = kring {
            gekozen.extend(g.iter().filter(|id| gemeenten.bestaat_in(**id, van, tot)));
        }
    }
    if let Some(g) = gevraagd {
        if eigen.is_none()
            && !gekozen.contains(&g)
            && !gemeenten.met_voorgangers(&gekozen).contains(&g)
        {
            return Err(ApiError::forbidden(
                "Het samenwerkingsverband bedient deze gemeente niet.",
            ));
        }
        gekozen = vec![gemeenten.doel(g, van)];
    }
    let gekozen = crate::domain::unique(&gekozen);
    jop::monitor(c, v.schooljaar.clone(), v.nu, &gemeenten, &gekozen, &ruw)
}
