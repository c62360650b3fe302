//! Per school of the SWV how often it was seen in a school year, when last, in which kinds of
//! contact and with which signals, and which schools are behind the SWV's minimum so far.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::contacten::{ContactSignaal, ContactSoort};
use crate::domain::schooljaar::{eerste_jaar, schooljaar_grenzen};
use crate::domain::telling::{leeg, tel, Telling};
use crate::schema::{gebruikers, samenwerkingsverbanden, scholen, schoolcontacten as sc};

/// A consulent by name.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ConsulentNaam {
    pub id: Id,
    pub naam: String,
}

/// The contacts' signals.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Signalen {
    pub op_koers: i64,
    pub aandacht: i64,
    pub risico: i64,
}

/// One school's contacts in the year.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SchoolContacten {
    pub school_id: Id,
    pub naam: String,
    /// De consulent van de school (leeg: geen).
    pub consulent: Option<ConsulentNaam>,
    pub contacten: i64,
    pub laatste_contact: Option<NaiveDate>,
    /// Per soort contact, elke soort aanwezig.
    #[schema(value_type = BTreeMap<String, i64>)]
    pub per_soort: Telling,
    pub signalen: Signalen,
}

/// The overview of a school year.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContactOverzicht {
    pub schooljaar: String,
    /// Elke school van het samenwerkingsverband (van de consulent, met `consulentId`), op naam.
    pub scholen: Vec<SchoolContacten>,
    /// Contacten per school, op één decimaal.
    pub gemiddeld_per_school: f64,
    /// Het minimum tot nu toe: `minimumSchoolcontacten` naar rato van de verstreken dagen van
    /// het schooljaar (het hele minimum voor een voorbij jaar).
    pub minimum_tot_nu: f64,
    /// Scholen met minder contacten dan `minimumTotNu`.
    pub onder_minimum: Vec<Id>,
}

/// The share of the school year starting in `jaar` that has passed on `vandaag` (0 to 1).
pub fn verstreken(jaar: i32, vandaag: NaiveDate) -> f64 {
    let (start, eind) = schooljaar_grenzen(jaar);
    let dagen = (eind - start).num_days() + 1;
    let voorbij = ((vandaag - start).num_days() + 1).clamp(0, dagen);
    voorbij as f64 / dagen as f64
}

pub fn overzicht(
    c: &mut DbConn,
    swv: Id,
    schooljaar: &str,
    consulent: Option<Id>,
) -> Result<ContactOverzicht, ApiError> {
    let mut q = scholen::table
        .left_join(gebruikers::table)
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .into_boxed();
    if let Some(k) = consulent {
        q = q.filter(scholen::consulent_id.eq(k));
    }
    let rijen: Vec<(Id, String, Option<Id>, Option<String>)> = q
        .order((scholen::naam, scholen::id))
        .select((
            scholen::id,
            scholen::naam,
            scholen::consulent_id,
            gebruikers::naam.nullable(),
        ))
        .load(c)?;
    let contacten: Vec<(Id, NaiveDate, ContactSoort, Option<ContactSignaal>)> = sc::table
        .filter(sc::samenwerkingsverband_id.eq(swv))
        .filter(sc::schooljaar.eq(schooljaar))
        .select((sc::school_id, sc::datum, sc::soort, sc::signaal))
        .load(c)?;
    let minimum: i32 = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(swv))
        .select(samenwerkingsverbanden::minimum_schoolcontacten)
        .first(c)?;
    let soorten = ContactSoort::ALL.iter().map(|s| s.as_str());
    let mut per: HashMap<Id, SchoolContacten> = rijen
        .into_iter()
        .map(|(id, naam, k, knaam)| {
            (
                id,
                SchoolContacten {
                    school_id: id,
                    naam,
                    consulent: k.zip(knaam).map(|(id, naam)| ConsulentNaam { id, naam }),
                    contacten: 0,
                    laatste_contact: None,
                    per_soort: leeg(soorten.clone()),
                    signalen: Signalen::default(),
                },
            )
        })
        .collect();
    for (school, datum, soort, signaal) in contacten {
        let Some(s) = per.get_mut(&school) else {
            continue;
        };
        s.contacten += 1;
        s.laatste_contact = s.laatste_contact.max(Some(datum));
        tel(&mut s.per_soort, soort.as_str(), 1);
        match signaal {
            Some(ContactSignaal::OpKoers) => s.signalen.op_koers += 1,
            Some(ContactSignaal::Aandacht) => s.signalen.aandacht += 1,
            Some(ContactSignaal::Risico) => s.signalen.risico += 1,
            None => {}
        }
    }
    let mut scholen: Vec<SchoolContacten> = per.into_values().collect();
    scholen.sort_by(|a, b| a.naam.cmp(&b.naam).then(a.school_id.cmp(&b.school_id)));
    let jaar = eerste_jaar(schooljaar)?;
    let minimum_tot_nu = f64::from(minimum) * verstreken(jaar, time::today());
    let totaal: i64 = scholen.iter().map(|s| s.contacten).sum();
    let gemiddeld = if scholen.is_empty() {
        0.0
    } else {
        (totaal as f64 / scholen.len() as f64 * 10.0).round() / 10.0
    };
    Ok(ContactOverzicht {
        schooljaar: schooljaar.to_string(),
        onder_minimum: scholen
            .iter()
            .filter(|s| (s.contacten as f64) < minimum_tot_nu)
            .map(|s| s.school_id)
            .collect(),
        scholen,
        gemiddeld_per_school: gemiddeld,
        minimum_tot_nu: (minimum_tot_nu * 100.0).round() / 100.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_of_the_school_year_passed() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(verstreken(2026, d(2026, 7, 31)), 0.0);
        assert_eq!(verstreken(2026, d(2026, 8, 1)), 1.0 / 365.0);
        assert_eq!(verstreken(2026, d(2027, 7, 31)), 1.0);
        assert_eq!(verstreken(2025, d(2026, 12, 6)), 1.0);
        // 2027-2028 holds 29 February.
        assert_eq!(verstreken(2027, d(2028, 1, 30)), 183.0 / 366.0);
    }
}
