//! The figures of a school year's arrangementen, as the trimester reports count them by hand:
//! per kind, new and extended, per support category, year group, gender, trimester and
//! werkgebied, against the year before. Counted: granted (or ended) arrangementen that start in
//! the year. Two grouped queries and the list of werkgebieden, whatever the number of records.

use chrono::NaiveDate;

use crate::domain::schooljaar::{eerste_jaar, schooljaar_vanaf};
use crate::store_prelude::*;

use crate::domain::telling::{leeg, regels, tel, trimester, Regel, Telling, TRIMESTERS};
use crate::leerlingen::store::Geslacht;
use crate::org::store::swv::Sector;
use crate::schema::{arrangementen, leerlingen, samenwerkingsverbanden, werkgebieden};

use super::soorten::{ArrangementSoort, ArrangementStatus, Categorie};

/// The breakdowns counted for the whole SWV and for each werkgebied.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verdeling {
    pub totaal: i64,
    pub per_soort: Telling,
    pub nieuw: i64,
    pub verlenging: i64,
    pub per_categorie: Telling,
    /// De groepen of leerjaren van de sector, en `onbekend`.
    pub per_leerjaar: Telling,
    /// Individuele arrangementen, naar het huidige geslacht van de leerling.
    pub per_geslacht: Telling,
    /// Naar startdatum: 1 aug-nov, 2 dec-mrt, 3 apr-jul.
    pub per_trimester: Telling,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WerkgebiedVerdeling {
    /// Leeg: scholen zonder werkgebied.
    pub id: Option<Id>,
    pub naam: String,
    #[serde(flatten)]
    pub verdeling: Verdeling,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VorigJaar {
    pub totaal: i64,
    pub per_soort: Telling,
    pub verlenging: i64,
}

/// De cijfers van de arrangementen van een schooljaar.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ArrangementStatistieken {
    pub schooljaar: String,
    #[serde(flatten)]
    pub verdeling: Verdeling,
    pub per_werkgebied: Vec<WerkgebiedVerdeling>,
    pub vorig_jaar: VorigJaar,
}

impl ArrangementStatistieken {
    /// Every figure as a row, for CSV and XLSX.
    pub fn regels(&self) -> Vec<Regel> {
        let mut out = self.verdeling.regels("");
        for w in &self.per_werkgebied {
            out.extend(w.verdeling.regels(&format!("{}: ", w.naam)));
        }
        out.push(Regel {
            indeling: "vorigJaar".into(),
            sleutel: "totaal".into(),
            aantal: self.vorig_jaar.totaal,
        });
        out.extend(regels("vorigJaar: perSoort", &self.vorig_jaar.per_soort));
        out.push(Regel {
            indeling: "vorigJaar".into(),
            sleutel: "verlenging".into(),
            aantal: self.vorig_jaar.verlenging,
        });
        out
    }
}

impl Verdeling {
    fn new(sector: Sector) -> Verdeling {
        let jaren = match sector {
            Sector::Po => 8,
            Sector::Vo => 6,
        };
        let mut per_leerjaar: Telling = (1..=jaren).map(|j| (j.to_string(), 0)).collect();
        per_leerjaar.insert("onbekend".into(), 0);
        Verdeling {
            totaal: 0,
            per_soort: leeg(ArrangementSoort::ALL.iter().map(|s| s.as_str())),
            nieuw: 0,
            verlenging: 0,
            per_categorie: leeg(Categorie::ALL.iter().map(|s| s.as_str())),
            per_leerjaar,
            per_geslacht: leeg(Geslacht::ALL.iter().map(|s| s.as_str())),
            per_trimester: leeg(TRIMESTERS),
        }
    }

    fn add(&mut self, g: &Groep) {
        let (_, soort, verlengd, categorie, leerjaar, start, n) = g;
        self.totaal += n;
        tel(&mut self.per_soort, soort.as_str(), *n);
        if *verlengd {
            self.verlenging += n;
        } else {
            self.nieuw += n;
        }
        tel(&mut self.per_categorie, categorie.as_str(), *n);
        let jaar = leerjaar.map(|j| j.to_string());
        let jaar = jaar
            .filter(|j| self.per_leerjaar.contains_key(j))
            .unwrap_or_else(|| "onbekend".into());
        tel(&mut self.per_leerjaar, &jaar, *n);
        tel(&mut self.per_trimester, trimester(*start), *n);
    }

    fn regels(&self, prefix: &str) -> Vec<Regel> {
        let one = |sleutel: &str, aantal| Regel {
            indeling: format!("{prefix}totaal"),
            sleutel: sleutel.into(),
            aantal,
        };
        let mut out = vec![
            one("totaal", self.totaal),
            one("nieuw", self.nieuw),
            one("verlenging", self.verlenging),
        ];
        for (naam, t) in [
            ("perSoort", &self.per_soort),
            ("perCategorie", &self.per_categorie),
            ("perLeerjaar", &self.per_leerjaar),
            ("perGeslacht", &self.per_geslacht),
            ("perTrimester", &self.per_trimester),
        ] {
            out.extend(regels(&format!("{prefix}{naam}"), t));
        }
        out
    }
}

/// werkgebied, soort, verlenging, categorie, leerjaar, startdatum, aantal.
type Groep = (
    Option<Id>,
    ArrangementSoort,
    bool,
    Categorie,
    Option<i32>,
    NaiveDate,
    i64,
);

// Individual arrangementen are counted per werkgebied by their pupil's gender.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    arrangementen::werkgebied_id,
    leerlingen::geslacht
);

fn counted(swv: Id, jaar: &str) -> arrangementen::BoxedQuery<'static, MultiBackend> {
    arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::schooljaar.eq(jaar.to_string()))
        .filter(arrangementen::status.eq_any(ArrangementStatus::GETELD))
        .into_boxed()
}

fn vorig(jaar: &str) -> Result<String, ApiError> {
    Ok(schooljaar_vanaf(eerste_jaar(jaar)? - 1))
}

/// The breakdown of a werkgebied, or of the schools without one (added when first needed).
fn row(per: &mut Vec<WerkgebiedVerdeling>, gebied: Option<Id>, sector: Sector) -> &mut Verdeling {
    let i = match per.iter().position(|w| w.id == gebied) {
        Some(i) => i,
        None => {
            per.push(WerkgebiedVerdeling {
                id: None,
                naam: "Geen werkgebied".into(),
                verdeling: Verdeling::new(sector),
            });
            per.len() - 1
        }
    };
    &mut per[i].verdeling
}

pub fn statistieken(
    c: &mut DbConn,
    swv: Id,
    jaar: &str,
) -> Result<ArrangementStatistieken, ApiError> {
    let sector: Sector = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(swv))
        .select(samenwerkingsverbanden::sector)
        .first(c)?;
    let verlengd = arrangementen::verlenging_van_id.is_not_null();
    let groepen: Vec<Groep> = arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::schooljaar.eq(jaar))
        .filter(arrangementen::status.eq_any(ArrangementStatus::GETELD))
        .group_by((
            arrangementen::werkgebied_id,
            arrangementen::soort,
            arrangementen::verlenging_van_id,
            arrangementen::categorie,
            arrangementen::leerjaar,
            arrangementen::startdatum,
        ))
        .select((
            arrangementen::werkgebied_id,
            arrangementen::soort,
            verlengd,
            arrangementen::categorie,
            arrangementen::leerjaar,
            arrangementen::startdatum,
            diesel::dsl::count_star(),
        ))
        .load(c)?;
    let geslachten: Vec<(Option<Id>, Geslacht, i64)> = arrangementen::table
        .inner_join(leerlingen::table)
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::schooljaar.eq(jaar))
        .filter(arrangementen::status.eq_any(ArrangementStatus::GETELD))
        .group_by((arrangementen::werkgebied_id, leerlingen::geslacht))
        .select((
            arrangementen::werkgebied_id,
            leerlingen::geslacht,
            diesel::dsl::count_star(),
        ))
        .load(c)?;
    let gebieden: Vec<(Id, String)> = werkgebieden::table
        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
        .order((werkgebieden::naam, werkgebieden::id))
        .select((werkgebieden::id, werkgebieden::naam))
        .load(c)?;
    let mut totaal = Verdeling::new(sector);
    let mut per: Vec<WerkgebiedVerdeling> = gebieden
        .into_iter()
        .map(|(id, naam)| WerkgebiedVerdeling {
            id: Some(id),
            naam,
            verdeling: Verdeling::new(sector),
        })
        .collect();
    for g in &groepen {
        totaal.add(g);
        row(&mut per, g.0, sector).add(g);
    }
    for (gebied, geslacht, n) in &geslachten {
        tel(&mut totaal.per_geslacht, geslacht.as_str(), *n);
        tel(
            &mut row(&mut per, *gebied, sector).per_geslacht,
            geslacht.as_str(),
            *n,
        );
    }
    let vorige: Vec<(ArrangementSoort, Option<Id>)> = counted(swv, &vorig(jaar)?)
        .select((arrangementen::soort, arrangementen::verlenging_van_id))
        .load(c)?;
    let mut vorig_jaar = VorigJaar {
        totaal: vorige.len() as i64,
        per_soort: leeg(ArrangementSoort::ALL.iter().map(|s| s.as_str())),
        verlenging: 0,
    };
    for (soort, van) in &vorige {
        tel(&mut vorig_jaar.per_soort, soort.as_str(), 1);
        vorig_jaar.verlenging += i64::from(van.is_some());
    }
    Ok(ArrangementStatistieken {
        schooljaar: jaar.to_string(),
        verdeling: totaal,
        per_werkgebied: per,
        vorig_jaar,
    })
}
