//! `/publiek`: self-registration by participants, who have no account. A published meeting
//! shows only its public fields and the places left; a registration answers the same for a new
//! and a repeated address. Cancellation tokens handed out before are still honoured. Writes
//! are limited per address, and nothing here ever lists other participants.

use super::rij::Row;
use super::{AanmeldingStatus, BijeenkomstSoort, BijeenkomstStatus, Vorm};
use crate::schema::{aanmeldingen, bijeenkomsten};
use crate::secrets::token_digest;
use crate::store_prelude::*;

/// Registrations and cancellations allowed per address in `WINDOW_SECONDS`: enough for an IB'er
/// who registers the colleagues of a school behind one address, too few for a flood.
pub const LIMIT: i64 = 30;

pub const WINDOW_SECONDS: i64 = 10 * 60;

/// What anyone with the link may see of a meeting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "publicId": "k7m2p9rt4xab", "titel": "Training Samenwerken onder spanning", "omschrijving": null, "soort": "training",
    "start": "2026-10-06T12:30:00Z", "eind": "2026-10-06T15:30:00Z", "vorm": "live", "locatie": "Haarlem",
    "samenwerkingsverband": "SWV PO Zuid-Kennemerland", "kleur": "#0b7285",
    "logo": "/api/v1/publiek/samenwerkingsverbanden/0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c/logo", "maxDeelnemers": 12, "plaatsenVrij": 0, "vol": true,
    "aanmeldenTot": null
}))]
pub struct PubliekeBijeenkomst {
    pub public_id: String,
    pub titel: String,
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub start: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub eind: NaiveDateTime,
    pub vorm: Vorm,
    pub locatie: Option<String>,
    /// De naam van het samenwerkingsverband dat de bijeenkomst organiseert.
    pub samenwerkingsverband: String,
    /// De huisstijlkleur van het samenwerkingsverband (`#rrggbb`), als die is ingesteld.
    pub kleur: Option<String>,
    /// Het pad van het logo van het samenwerkingsverband, als het er een heeft.
    pub logo: Option<String>,
    pub max_deelnemers: Option<i32>,
    /// Leeg als er geen maximum is.
    pub plaatsen_vrij: Option<i64>,
    /// Een nieuwe aanmelding komt op de wachtlijst.
    pub vol: bool,
    #[serde(with = "time::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub aanmelden_tot: Option<NaiveDateTime>,
}

/// The answer to a public registration, new or repeated: the same for every address, so that
/// nobody learns from it whether someone else is registered. Nothing in it depends on the
/// registrations (no status, place on the waiting list, places left or token).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "bericht": "Uw aanmelding is ontvangen.",
    "bijeenkomst": {"publicId": "k7m2p9rt4xab", "titel": "Training Samenwerken onder spanning", "soort": "training",
        "start": "2026-10-06T12:30:00Z", "eind": "2026-10-06T15:30:00Z", "vorm": "live", "locatie": "Haarlem",
        "samenwerkingsverband": "SWV PO Zuid-Kennemerland"}
}))]
pub struct AanmeldingOntvangen {
    pub bericht: String,
    pub bijeenkomst: BijeenkomstKort,
}

pub const ONTVANGEN: &str = "Uw aanmelding is ontvangen.";

/// The public facts of a meeting that do not change with its registrations.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BijeenkomstKort {
    pub public_id: String,
    pub titel: String,
    pub soort: BijeenkomstSoort,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub start: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub eind: NaiveDateTime,
    pub vorm: Vorm,
    pub locatie: Option<String>,
    /// De naam van het samenwerkingsverband dat de bijeenkomst organiseert.
    pub samenwerkingsverband: String,
}

impl From<PubliekeBijeenkomst> for BijeenkomstKort {
    fn from(b: PubliekeBijeenkomst) -> Self {
        BijeenkomstKort {
            public_id: b.public_id,
            titel: b.titel,
            soort: b.soort,
            start: b.start,
            eind: b.eind,
            vorm: b.vorm,
            locatie: b.locatie,
            samenwerkingsverband: b.samenwerkingsverband,
        }
    }
}

/// What the holder of a cancellation token sees of their registration.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EigenAanmelding {
    pub naam: String,
    pub status: AanmeldingStatus,
    pub wachtlijst_positie: Option<i64>,
    pub bijeenkomst: PubliekeBijeenkomst,
}

/// A school to choose from.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable)]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "De Regenboog", "brin": "12AB00"}))]
pub struct PubliekeSchool {
    pub id: Id,
    pub naam: String,
    pub brin: String,
}

pub fn gone(detail: &str) -> ApiError {
    ApiError::new(crate::error::ProblemType::Gesloten, detail)
}

/// `410` when registering is no longer possible.
pub fn check_open(m: &Row, now: NaiveDateTime) -> Result<(), ApiError> {
    if m.status == BijeenkomstStatus::Geannuleerd {
        return Err(gone("Deze bijeenkomst is geannuleerd."));
    }
    if now >= m.start {
        return Err(gone("Deze bijeenkomst is al begonnen of voorbij."));
    }
    if m.aanmelden_tot.is_some_and(|t| now > t) {
        return Err(gone(
            "De aanmeldtermijn voor deze bijeenkomst is verstreken.",
        ));
    }
    Ok(())
}

/// The published meeting with this public id; `404` for an unknown or unpublished one.
pub fn published(c: &mut DbConn, public_id: &str) -> Result<Row, ApiError> {
    bijeenkomsten::table
        .filter(bijeenkomsten::public_id.eq(public_id))
        .filter(bijeenkomsten::publiek.eq(true))
        .select(Row::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn public_view(c: &mut DbConn, m: &Row) -> Result<PubliekeBijeenkomst, ApiError> {
    let (swv, kleur, logo) = crate::org::store::huisstijl::of(c, m.samenwerkingsverband_id)?;
    let aangemeld: i64 = aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(m.id))
        .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
        .count()
        .get_result(c)?;
    let vrij = m.max_deelnemers.map(|max| (max as i64 - aangemeld).max(0));
    Ok(PubliekeBijeenkomst {
        public_id: m.public_id.clone(),
        titel: m.titel.clone(),
        omschrijving: m.omschrijving.clone(),
        soort: m.soort,
        start: m.start,
        eind: m.eind,
        vorm: m.vorm,
        locatie: m.locatie.clone(),
        samenwerkingsverband: swv,
        kleur,
        logo,
        max_deelnemers: m.max_deelnemers,
        plaatsen_vrij: vrij,
        vol: vrij == Some(0),
        aanmelden_tot: m.aanmelden_tot,
    })
}

pub fn by_token(
    c: &mut DbConn,
    token: &str,
) -> Result<(Id, Id, String, AanmeldingStatus), ApiError> {
    // A signed link names its registration; a token handed out before links were signed is
    // found by its digest.
    let q = aanmeldingen::table.into_boxed();
    let q = match crate::secrets::verify_signed_link(super::mails::AFMELDEN, token) {
        Some(id) => q.filter(aanmeldingen::id.eq(id)),
        None => q.filter(aanmeldingen::annuleer_sleutel.eq(token_digest(token))),
    };
    q.select((
        aanmeldingen::id,
        aanmeldingen::bijeenkomst_id,
        aanmeldingen::naam,
        aanmeldingen::status,
    ))
    .first(c)
    .optional()?
    .ok_or_else(ApiError::not_found)
}

pub fn meeting_of(c: &mut DbConn, id: Id) -> Result<Row, ApiError> {
    Ok(bijeenkomsten::table
        .filter(bijeenkomsten::id.eq(id))
        .select(Row::as_select())
        .first(c)?)
}
