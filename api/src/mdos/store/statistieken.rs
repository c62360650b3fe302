//! The figures of a school year's MDO's: per trimester, level and outcome, how often a
//! consulent took part, and per werkgebied with MDO's per hundred pupils, against the year
//! before. Grouped queries and the schools of the SWV, whatever the number of MDO's.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::schooljaar::{eerste_jaar, schooljaar_vanaf};
use crate::store_prelude::*;

use crate::domain::telling::{leeg, regels, tel, trimester, Regel, Telling, TRIMESTERS};
use crate::schema::{mdos, scholen, werkgebieden};

use super::mdos::Uitkomst;

const NIVEAUS: [&str; 4] = ["1", "2", "3", "4"];

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MdoWerkgebied {
    /// Leeg: scholen zonder werkgebied.
    pub id: Option<Id>,
    pub naam: String,
    pub totaal: i64,
    pub per_niveau: Telling,
    /// MDO's per 100 leerlingen van de scholen van het werkgebied met een leerlingaantal.
    pub per_honderd_leerlingen: Option<f64>,
}

/// The figures of one school year.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MdoJaar {
    pub totaal: i64,
    /// Naar datum: 1 aug-nov, 2 dec-mrt, 3 apr-jul.
    pub per_trimester: Telling,
    /// Ondersteuningsniveau 1-4.
    pub per_niveau: Telling,
    pub per_uitkomst: Telling,
    /// Het aantal MDO's met een consulent van het samenwerkingsverband erbij.
    pub consulent_aanwezig: i64,
    pub per_werkgebied: Vec<MdoWerkgebied>,
}

/// De cijfers van de MDO's van een schooljaar, met het jaar ervoor.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MdoStatistieken {
    pub schooljaar: String,
    #[serde(flatten)]
    pub jaar: MdoJaar,
    pub vorig_jaar: MdoJaar,
}

impl MdoStatistieken {
    /// Every figure as a row, for CSV and XLSX.
    pub fn regels(&self) -> Vec<Regel> {
        let mut out = self.jaar.regels("");
        out.extend(self.vorig_jaar.regels("vorigJaar: "));
        out
    }
}

impl MdoJaar {
    fn regels(&self, prefix: &str) -> Vec<Regel> {
        let one = |sleutel: &str, aantal| Regel {
            indeling: format!("{prefix}totaal"),
            sleutel: sleutel.into(),
            aantal,
        };
        let mut out = vec![
            one("totaal", self.totaal),
            one("consulentAanwezig", self.consulent_aanwezig),
        ];
        out.extend(regels(
            &format!("{prefix}perTrimester"),
            &self.per_trimester,
        ));
        out.extend(regels(&format!("{prefix}perNiveau"), &self.per_niveau));
        out.extend(regels(&format!("{prefix}perUitkomst"), &self.per_uitkomst));
        for w in &self.per_werkgebied {
            out.push(Regel {
                indeling: format!("{prefix}{}", w.naam),
                sleutel: "totaal".into(),
                aantal: w.totaal,
            });
            out.extend(regels(
                &format!("{prefix}{}: perNiveau", w.naam),
                &w.per_niveau,
            ));
        }
        out
    }
}

/// school, datum, niveau, uitkomst, consulent aanwezig, aantal.
type Groep = (Id, NaiveDate, i32, Uitkomst, bool, i64);

fn jaar(
    c: &mut DbConn,
    swv: Id,
    schooljaar: &str,
    schools: &HashMap<Id, (Option<Id>, Option<i32>)>,
    gebieden: &[(Id, String)],
) -> Result<MdoJaar, ApiError> {
    let groepen: Vec<Groep> = mdos::table
        .filter(mdos::samenwerkingsverband_id.eq(swv))
        .filter(mdos::schooljaar.eq(schooljaar))
        .group_by((
            mdos::school_id,
            mdos::datum,
            mdos::ondersteuningsniveau,
            mdos::uitkomst,
            mdos::consulent_aanwezig,
        ))
        .select((
            mdos::school_id,
            mdos::datum,
            mdos::ondersteuningsniveau,
            mdos::uitkomst,
            mdos::consulent_aanwezig,
            diesel::dsl::count_star(),
        ))
        .load(c)?;
    let mut per: Vec<MdoWerkgebied> = gebieden
        .iter()
        .map(|(id, naam)| MdoWerkgebied {
            id: Some(*id),
            naam: naam.clone(),
            totaal: 0,
            per_niveau: leeg(NIVEAUS),
            per_honderd_leerlingen: None,
        })
        .collect();
    let mut y = MdoJaar {
        totaal: 0,
        per_trimester: leeg(TRIMESTERS),
        per_niveau: leeg(NIVEAUS),
        per_uitkomst: leeg(Uitkomst::ALL.iter().map(|u| u.as_str())),
        consulent_aanwezig: 0,
        per_werkgebied: Vec::new(),
    };
    for (school, datum, niveau, uitkomst, consulent, n) in &groepen {
        let niveau = niveau.to_string();
        y.totaal += n;
        tel(&mut y.per_trimester, trimester(*datum), *n);
        tel(&mut y.per_niveau, &niveau, *n);
        tel(&mut y.per_uitkomst, uitkomst.as_str(), *n);
        if *consulent {
            y.consulent_aanwezig += n;
        }
        let gebied = schools.get(school).and_then(|s| s.0);
        let i = match per.iter().position(|w| w.id == gebied) {
            Some(i) => i,
            None => {
                per.push(MdoWerkgebied {
                    id: None,
                    naam: "Geen werkgebied".into(),
                    totaal: 0,
                    per_niveau: leeg(NIVEAUS),
                    per_honderd_leerlingen: None,
                });
                per.len() - 1
            }
        };
        per[i].totaal += n;
        tel(&mut per[i].per_niveau, &niveau, *n);
    }
    for w in &mut per {
        let pupils: i64 = schools
            .values()
            .filter(|(gebied, _)| *gebied == w.id)
            .filter_map(|(_, aantal)| aantal.map(i64::from))
            .sum();
        w.per_honderd_leerlingen =
            (pupils > 0).then(|| (w.totaal as f64 * 1000.0 / pupils as f64).round() / 10.0);
    }
    y.per_werkgebied = per;
    Ok(y)
}

pub fn statistieken(
    c: &mut DbConn,
    swv: Id,
    schooljaar: &str,
) -> Result<MdoStatistieken, ApiError> {
    let schools: HashMap<Id, (Option<Id>, Option<i32>)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select((scholen::id, scholen::werkgebied_id, scholen::leerlingaantal))
        .load::<(Id, Option<Id>, Option<i32>)>(c)?
        .into_iter()
        .map(|(id, gebied, aantal)| (id, (gebied, aantal)))
        .collect();
    let gebieden: Vec<(Id, String)> = werkgebieden::table
        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
        .order((werkgebieden::naam, werkgebieden::id))
        .select((werkgebieden::id, werkgebieden::naam))
        .load(c)?;
    let vorig = schooljaar_vanaf(eerste_jaar(schooljaar)? - 1);
    Ok(MdoStatistieken {
        schooljaar: schooljaar.to_string(),
        jaar: jaar(c, swv, schooljaar, &schools, &gebieden)?,
        vorig_jaar: jaar(c, swv, &vorig, &schools, &gebieden)?,
    })
}
