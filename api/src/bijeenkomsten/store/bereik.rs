//! The reach of a school year's meetings: which schools and boards of the SWV they reached,
//! counted in SQL.

use crate::store_prelude::*;
use std::collections::HashMap;

use super::records;
use super::{AanmeldingStatus, BijeenkomstSoort};
use crate::schema::{aanmeldingen, bijeenkomsten, scholen, schoolbesturen};

/// One school and how many of its people came.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BereikSchool {
    pub id: Id,
    pub naam: String,
    pub brin: String,
    pub soort: crate::org::store::scholen::SchoolSoort,
    pub schoolbestuur_id: Id,
    pub schoolbestuur_naam: String,
    /// Aanwezige deelnemers van deze school (0: niet bereikt).
    pub aanwezig: i64,
    /// Het aantal bijeenkomsten waar iemand van deze school aanwezig was.
    pub bijeenkomsten: i64,
}

/// One board and how many of its schools were reached.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BereikBestuur {
    pub id: Id,
    pub naam: String,
    /// Het aantal scholen van het bestuur.
    pub scholen: i64,
    /// Scholen met ten minste één aanwezige deelnemer.
    pub scholen_bereikt: i64,
    pub aanwezig: i64,
}

/// Totals of the reach.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BereikTotaal {
    pub scholen: i64,
    pub scholen_bereikt: i64,
    /// Aanwezige deelnemers met een school.
    pub aanwezig: i64,
}

/// Which schools the meetings of a year reached.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Bereik {
    #[schema(example = "2022-2023")]
    pub schooljaar: String,
    pub soort: Option<BijeenkomstSoort>,
    pub totaal: BereikTotaal,
    /// Per schoolbestuur, meeste aanwezigen eerst.
    pub schoolbesturen: Vec<BereikBestuur>,
    /// Elke school van het samenwerkingsverband, meeste aanwezigen eerst; `aanwezig` 0 is niet bereikt.
    pub scholen: Vec<BereikSchool>,
}

pub type SchoolRow = (
    Id,
    String,
    String,
    crate::org::store::scholen::SchoolSoort,
    Id,
    String,
);

/// The reach of a school year's meetings over the SWV's schools.
pub fn bereik(
    c: &mut DbConn,
    swv: Id,
    jaar: &str,
    soort: Option<BijeenkomstSoort>,
    reach: &Reach,
) -> Result<Bereik, ApiError> {
    let mut meetings = records::scoped(swv).filter(bijeenkomsten::schooljaar.eq(jaar.to_string()));
    if let Some(s) = soort {
        meetings = meetings.filter(bijeenkomsten::soort.eq(s));
    }
    let meeting_ids: Vec<Id> = meetings.select(bijeenkomsten::id).load(c)?;
    let mut registrations = aanmeldingen::table
        .filter(aanmeldingen::samenwerkingsverband_id.eq(swv))
        .filter(aanmeldingen::bijeenkomst_id.eq_any(meeting_ids))
        .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
        .filter(aanmeldingen::aanwezig.eq(true))
        .filter(aanmeldingen::school_id.is_not_null())
        .group_by(aanmeldingen::school_id)
        .select((
            aanmeldingen::school_id,
            diesel::dsl::count_star(),
            diesel::dsl::count(aanmeldingen::bijeenkomst_id).aggregate_distinct(),
        ))
        .into_boxed();
    if let Some(schools) = reach.schools() {
        registrations =
            registrations.filter(aanmeldingen::school_id.assume_not_null().eq_any(schools));
    }
    let per_school: Vec<(Option<Id>, i64, i64)> = registrations.load(c)?;
    let counts: HashMap<Id, (i64, i64)> = per_school
        .into_iter()
        .filter_map(|(s, n, m)| s.map(|s| (s, (n, m))))
        .collect();
    let mut schools = scholen::table
        .inner_join(schoolbesturen::table)
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .into_boxed();
    if let Some(g) = reach.limit() {
        schools = schools.filter(scholen::gemeente_id.eq_any(g.to_vec()));
    }
    let schools: Vec<SchoolRow> = schools
        .select((
            scholen::id,
            scholen::naam,
            scholen::brin,
            scholen::soort,
            schoolbesturen::id,
            schoolbesturen::naam,
        ))
        .load(c)?;
    let mut boards: HashMap<Id, BereikBestuur> = HashMap::new();
    let mut scholen_out = Vec::with_capacity(schools.len());
    for (id, naam, brin, soort, bestuur, bestuur_naam) in schools {
        let (aanwezig, n_meetings) = counts.get(&id).copied().unwrap_or_default();
        let b = boards.entry(bestuur).or_insert_with(|| BereikBestuur {
            id: bestuur,
            naam: bestuur_naam.clone(),
            scholen: 0,
            scholen_bereikt: 0,
            aanwezig: 0,
        });
        b.scholen += 1;
        b.scholen_bereikt += (aanwezig > 0) as i64;
        b.aanwezig += aanwezig;
        scholen_out.push(BereikSchool {
            id,
            naam,
            brin,
            soort,
            schoolbestuur_id: bestuur,
            schoolbestuur_naam: bestuur_naam,
            aanwezig,
            bijeenkomsten: n_meetings,
        });
    }
    scholen_out.sort_by(|a, b| b.aanwezig.cmp(&a.aanwezig).then(a.naam.cmp(&b.naam)));
    let mut schoolbesturen_out: Vec<BereikBestuur> = boards.into_values().collect();
    schoolbesturen_out.sort_by(|a, b| b.aanwezig.cmp(&a.aanwezig).then(a.naam.cmp(&b.naam)));
    Ok(Bereik {
        schooljaar: jaar.to_string(),
        soort,
        totaal: BereikTotaal {
            scholen: scholen_out.len() as i64,
            scholen_bereikt: scholen_out.iter().filter(|s| s.aanwezig > 0).count() as i64,
            aanwezig: scholen_out.iter().map(|s| s.aanwezig).sum(),
        },
        schoolbesturen: schoolbesturen_out,
        scholen: scholen_out,
    })
}
