//! The figures of meetings: turnout of one meeting against its target, the statistics of a
//! school year per kind, per schoolbestuur and per function, and the reach over the schools.
//! Everything is counted in SQL (grouped queries); Rust only rolls schools up to their boards.

use crate::store_prelude::*;
use std::collections::HashMap;

use super::records;
use super::rij::Row;
pub use super::telling::{tallies, Tally};
use super::{AanmeldingStatus, BijeenkomstSoort, BijeenkomstStatus, Functie};
use crate::schema::{aanmeldingen, bijeenkomsten, scholen, schoolbesturen};

/// Participants present from one schoolbestuur.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "Stichting Spaarnesant", "aanwezig": 41}))]
pub struct PerSchoolbestuur {
    /// Leeg voor deelnemers zonder school ("Onbekend").
    pub id: Option<Id>,
    pub naam: String,
    pub aanwezig: i64,
}

/// Participants present with one function.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
#[schema(example = json!({"functie": "intern_begeleider", "naam": "Intern begeleider", "aanwezig": 38}))]
pub struct PerFunctie {
    pub functie: Functie,
    /// De Nederlandse omschrijving.
    pub naam: String,
    pub aanwezig: i64,
}

/// The turnout of one meeting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "bijeenkomstId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a21", "aangemeld": 196, "wachtlijst": 0, "afgemeld": 7,
    "aanwezig": 180, "noShow": 16, "nietGeregistreerd": 0, "opkomstPercentage": 91.8, "streefOpkomst": 150,
    "streefBehaald": true, "perSchoolbestuur": [{"id": null, "naam": "Onbekend", "aanwezig": 180}],
    "perFunctie": [{"functie": "leerkracht", "naam": "Leerkracht", "aanwezig": 180}]
}))]
pub struct Opkomst {
    pub bijeenkomst_id: Id,
    /// Status `aangemeld`: aanwezig + no-show + nog niet vastgelegd.
    pub aangemeld: i64,
    pub wachtlijst: i64,
    pub afgemeld: i64,
    pub aanwezig: i64,
    /// Aangemeld maar niet gekomen.
    pub no_show: i64,
    /// Aangemeld, aanwezigheid nog niet vastgelegd.
    pub niet_geregistreerd: i64,
    /// Aanwezig als percentage van aangemeld (0-100, één decimaal); leeg als niemand is aangemeld.
    pub opkomst_percentage: Option<f64>,
    /// Het streefaantal aanwezigen; bij een streefpercentage `ceil(percentage × doelgroepOmvang / 100)`.
    pub streef_opkomst: Option<i64>,
    /// Leeg zonder streef, of zolang de bijeenkomst nog niet begonnen is.
    pub streef_behaald: Option<bool>,
    pub per_schoolbestuur: Vec<PerSchoolbestuur>,
    pub per_functie: Vec<PerFunctie>,
}

/// `aanwezig / aangemeld` as a percentage with one decimal.
pub fn percentage(aanwezig: i64, aangemeld: i64) -> Option<f64> {
    (aangemeld > 0).then(|| (aanwezig as f64 * 1000.0 / aangemeld as f64).round() / 10.0)
}

/// What the figures need of a meeting.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = bijeenkomsten, check_for_backend(MultiBackend))]
pub struct Doel {
    pub id: Id,
    pub soort: BijeenkomstSoort,
    pub status: BijeenkomstStatus,
    pub start: NaiveDateTime,
    pub streef_opkomst: Option<i32>,
    pub streef_percentage: Option<f64>,
    pub doelgroep_omvang: Option<i32>,
}

impl Doel {
    pub fn streef(&self) -> Option<i64> {
        super::rij::streef(
            self.streef_opkomst,
            self.streef_percentage,
            self.doelgroep_omvang,
        )
    }

    /// Whether the target is reached, once the meeting has started; `None` without target.
    pub fn reached(&self, aanwezig: i64, now: NaiveDateTime) -> Option<bool> {
        let target = self.streef()?;
        self.held(now).then_some(aanwezig >= target)
    }

    /// Begun and not cancelled: only then can turnout be measured.
    pub fn held(&self, now: NaiveDateTime) -> bool {
        now >= self.start && self.status != BijeenkomstStatus::Geannuleerd
    }
}

impl From<&Row> for Doel {
    fn from(m: &Row) -> Doel {
        Doel {
            id: m.id,
            soort: m.soort,
            status: m.status,
            start: m.start,
            streef_opkomst: m.streef_opkomst,
            streef_percentage: m.streef_percentage,
            doelgroep_omvang: m.doelgroep_omvang,
        }
    }
}

/// Schoolbestuur `(id, naam)` of the given schools of the SWV.
pub fn boards_of_schools(
    c: &mut DbConn,
    swv: Id,
    schools: Vec<Id>,
) -> Result<HashMap<Id, (Id, String)>, ApiError> {
    if schools.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(Id, Id, String)> = scholen::table
        .inner_join(schoolbesturen::table)
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .filter(scholen::id.eq_any(schools))
        .select((scholen::id, schoolbesturen::id, schoolbesturen::naam))
        .load(c)?;
    Ok(rows.into_iter().map(|(s, b, n)| (s, (b, n))).collect())
}

/// Rows of present participants per school rolled up to their boards, `Onbekend` for none.
pub fn per_bestuur(
    boards: &HashMap<Id, (Id, String)>,
    per_school: Vec<(Option<Id>, i64)>,
) -> Vec<PerSchoolbestuur> {
    let mut sums: HashMap<Option<Id>, (String, i64)> = HashMap::new();
    for (school, n) in per_school {
        let (id, naam) = match school.and_then(|s| boards.get(&s)) {
            Some((b, naam)) => (Some(*b), naam.clone()),
            None => (None, "Onbekend".to_string()),
        };
        sums.entry(id).or_insert((naam, 0)).1 += n;
    }
    let mut rows: Vec<PerSchoolbestuur> = sums
        .into_iter()
        .filter(|(_, (_, n))| *n > 0)
        .map(|(id, (naam, aanwezig))| PerSchoolbestuur { id, naam, aanwezig })
        .collect();
    rows.sort_by(|a, b| b.aanwezig.cmp(&a.aanwezig).then(a.naam.cmp(&b.naam)));
    rows
}

pub fn per_functie(rows: Vec<(Functie, i64)>) -> Vec<PerFunctie> {
    let mut out: Vec<PerFunctie> = rows
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(f, n)| PerFunctie {
            functie: f,
            naam: f.label().to_string(),
            aanwezig: n,
        })
        .collect();
    out.sort_by(|a, b| b.aanwezig.cmp(&a.aanwezig).then(a.naam.cmp(&b.naam)));
    out
}

/// The registrations of a set of meetings counted in SQL: one grouped count per meeting, status
/// and attendance (every tally is a sum over these), and one of the present participants per
/// school and function (the rows of the breakdowns). Grouping both at once would send nearly a
/// row per registration back, since school and function barely repeat within a meeting.
pub struct Groups {
    pub tallies: HashMap<Id, Tally>,
    /// `(school, functie, aanwezig)` of the participants present.
    pub present: Vec<(Option<Id>, Functie, i64)>,
}

impl Groups {
    pub fn load(c: &mut DbConn, meetings: &[Id], reach: &Reach) -> Result<Groups, ApiError> {
        if meetings.is_empty() {
            return Ok(Groups {
                tallies: HashMap::new(),
                present: Vec::new(),
            });
        }
        let tallies = tallies(c, meetings.to_vec(), reach)?;
        let mut q = aanmeldingen::table
            .filter(aanmeldingen::bijeenkomst_id.eq_any(meetings.to_vec()))
            .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
            .filter(aanmeldingen::aanwezig.eq(true))
            .group_by((aanmeldingen::school_id, aanmeldingen::functie))
            .select((
                aanmeldingen::school_id,
                aanmeldingen::functie,
                diesel::dsl::count_star(),
            ))
            .into_boxed();
        if let Some(schools) = reach.schools() {
            q = q.filter(aanmeldingen::school_id.assume_not_null().eq_any(schools));
        }
        let present = q.load(c)?;
        Ok(Groups { tallies, present })
    }

    /// The present participants per schoolbestuur and per function.
    pub fn present(
        &self,
        c: &mut DbConn,
        swv: Id,
    ) -> Result<(Vec<PerSchoolbestuur>, Vec<PerFunctie>), ApiError> {
        if self.present.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let mut schools: HashMap<Option<Id>, i64> = HashMap::new();
        let mut functies: HashMap<Functie, i64> = HashMap::new();
        for (school, functie, n) in &self.present {
            *schools.entry(*school).or_default() += n;
            *functies.entry(*functie).or_default() += n;
        }
        let boards = boards_of_schools(c, swv, schools.keys().flatten().copied().collect())?;
        Ok((
            per_bestuur(&boards, schools.into_iter().collect()),
            per_functie(functies.into_iter().collect()),
        ))
    }
}

/// The turnout of a meeting.
pub fn opkomst(
    c: &mut DbConn,
    meeting: &Row,
    reach: &Reach,
    now: NaiveDateTime,
) -> Result<Opkomst, ApiError> {
    let groups = Groups::load(c, &[meeting.id], reach)?;
    let t = groups.tallies.get(&meeting.id).copied().unwrap_or_default();
    let (per_schoolbestuur, per_functie) = groups.present(c, meeting.samenwerkingsverband_id)?;
    Ok(Opkomst {
        bijeenkomst_id: meeting.id,
        aangemeld: t.aangemeld,
        wachtlijst: t.wachtlijst,
        afgemeld: t.afgemeld,
        aanwezig: t.aanwezig,
        no_show: t.no_show,
        niet_geregistreerd: t.aangemeld - t.aanwezig - t.no_show,
        opkomst_percentage: percentage(t.aanwezig, t.aangemeld),
        streef_opkomst: meeting.streef(),
        streef_behaald: Doel::from(meeting).reached(t.aanwezig, now),
        per_schoolbestuur,
        per_functie,
    })
}

/// The figures of one kind of meeting (or all kinds) in a school year.
#[derive(Debug, Clone, Default, Serialize, ToSchema, PartialEq)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"bijeenkomsten": 3, "gepland": 0, "doorgegaan": 3, "geannuleerd": 0, "aangemeld": 131,
    "aanwezig": 112, "noShow": 19, "afgemeld": 6, "aangemeldBegonnen": 131, "opkomstPercentage": 85.5,
    "metStreef": 3, "streefBehaald": 2}))]
pub struct Jaartelling {
    /// Het aantal bijeenkomsten.
    pub bijeenkomsten: i64,
    pub gepland: i64,
    pub doorgegaan: i64,
    pub geannuleerd: i64,
    pub aangemeld: i64,
    pub aanwezig: i64,
    pub no_show: i64,
    pub afgemeld: i64,
    /// Aangemeld bij bijeenkomsten die begonnen en niet geannuleerd zijn: waartegen de opkomst
    /// wordt gemeten (wie zich voor een latere bijeenkomst aanmeldde, kon nog niet komen).
    pub aangemeld_begonnen: i64,
    /// Aanwezig als percentage van `aangemeldBegonnen` (één decimaal); leeg als dat 0 is.
    pub opkomst_percentage: Option<f64>,
    /// Bijeenkomsten met een streef die begonnen en niet geannuleerd zijn.
    pub met_streef: i64,
    /// Daarvan: het aantal waarvan de streef is gehaald.
    pub streef_behaald: i64,
}

/// The figures of one kind.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PerSoort {
    pub soort: BijeenkomstSoort,
    /// De Nederlandse omschrijving.
    pub naam: String,
    #[serde(flatten)]
    pub telling: Jaartelling,
}

/// The meetings of a school year in figures.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Statistieken {
    #[schema(example = "2022-2023")]
    pub schooljaar: String,
    /// Alleen soorten die voorkomen, in de volgorde van de opsomming.
    pub per_soort: Vec<PerSoort>,
    pub totaal: Jaartelling,
    pub per_schoolbestuur: Vec<PerSchoolbestuur>,
    pub per_functie: Vec<PerFunctie>,
}

pub fn meetings_of_year(
    c: &mut DbConn,
    swv: Id,
    jaar: &str,
    soort: Option<BijeenkomstSoort>,
) -> Result<Vec<Doel>, ApiError> {
    let mut q = records::scoped(swv).filter(bijeenkomsten::schooljaar.eq(jaar.to_string()));
    if let Some(s) = soort {
        q = q.filter(bijeenkomsten::soort.eq(s));
    }
    Ok(q.select(Doel::as_select()).load(c)?)
}

/// The statistics of a school year.
pub fn statistieken(
    c: &mut DbConn,
    swv: Id,
    jaar: &str,
    soort: Option<BijeenkomstSoort>,
    reach: &Reach,
    now: NaiveDateTime,
) -> Result<Statistieken, ApiError> {
    let meetings = meetings_of_year(c, swv, jaar, soort)?;
    let ids: Vec<Id> = meetings.iter().map(|m| m.id).collect();
    let groups = Groups::load(c, &ids, reach)?;
    let tallies = &groups.tallies;
    let mut per: HashMap<BijeenkomstSoort, Jaartelling> = HashMap::new();
    let mut totaal = Jaartelling::default();
    for m in &meetings {
        let t = tallies.get(&m.id).copied().unwrap_or_default();
        let behaald = m.reached(t.aanwezig, now);
        for telling in [per.entry(m.soort).or_default(), &mut totaal] {
            telling.bijeenkomsten += 1;
            match m.status {
                BijeenkomstStatus::Gepland => telling.gepland += 1,
                BijeenkomstStatus::Doorgegaan => telling.doorgegaan += 1,
                BijeenkomstStatus::Geannuleerd => telling.geannuleerd += 1,
            }
            telling.aangemeld += t.aangemeld;
            telling.aanwezig += t.aanwezig;
            telling.no_show += t.no_show;
            telling.afgemeld += t.afgemeld;
            if m.held(now) {
                telling.aangemeld_begonnen += t.aangemeld;
            }
            if let Some(b) = behaald {
                telling.met_streef += 1;
                telling.streef_behaald += b as i64;
            }
        }
    }
    for telling in per.values_mut().chain([&mut totaal]) {
        telling.opkomst_percentage = percentage(telling.aanwezig, telling.aangemeld_begonnen);
    }
    let per_soort = BijeenkomstSoort::ALL
        .iter()
        .filter_map(|s| {
            per.remove(s).map(|telling| PerSoort {
                soort: *s,
                naam: s.label().to_string(),
                telling,
            })
        })
        .collect();
    let (per_schoolbestuur, per_functie) = groups.present(c, swv)?;
    Ok(Statistieken {
        schooljaar: jaar.to_string(),
        per_soort,
        totaal,
        per_schoolbestuur,
        per_functie,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(percentage(45, 52), Some(86.5));
        assert_eq!(percentage(2, 3), Some(66.7));
        assert_eq!(percentage(0, 0), None);
        assert_eq!(percentage(0, 5), Some(0.0));
    }

    #[test]
    fn boards_sum_to_present_with_unknown_row() {
        let b1 = Id::new();
        let s1 = Id::new();
        let s2 = Id::new();
        let boards = HashMap::from([
            (s1, (b1, "Stichting A".to_string())),
            (s2, (b1, "Stichting A".to_string())),
        ]);
        let rows = per_bestuur(&boards, vec![(Some(s1), 3), (Some(s2), 2), (None, 4)]);
        assert_eq!(
            rows,
            vec![
                PerSchoolbestuur {
                    id: Some(b1),
                    naam: "Stichting A".into(),
                    aanwezig: 5
                },
                PerSchoolbestuur {
                    id: None,
                    naam: "Onbekend".into(),
                    aanwezig: 4
                },
            ]
        );
    }
}
