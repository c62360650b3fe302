//! The count of thuiszitters on any date, per gemeente: a case counts on `D` when it started on
//! or before `D` and had not ended, in the category of its entry in force on `D`. Pupils at risk
//! (`dreigend`) are counted apart, never in totals, durations or the return to the Inspectie.

use std::collections::{BTreeMap, HashMap};

use chrono::{Months, NaiveDate};

use crate::store_prelude::*;

use super::casussen::{compleet, scoped, Thuiszitter, ThuiszitterRij};
use super::soorten::{Scenario, ThuiszitterCategorie, LEERPLICHT};
use crate::schema::{gemeenten, leerlingen, scholen, thuiszitters as t};

/// Leerplicht cases per category of the Inspectie's return.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PerCategorie {
    pub relatief_verzuim: i64,
    pub langdurig_relatief_verzuim: i64,
    pub absoluut_verzuim: i64,
    pub vrijstelling_5a: i64,
    pub vrijstelling_5b: i64,
    pub vrijstelling_5c: i64,
    pub langdurig_ziek: i64,
}

impl PerCategorie {
    pub fn get(&self, c: ThuiszitterCategorie) -> i64 {
        match c {
            ThuiszitterCategorie::RelatiefVerzuim => self.relatief_verzuim,
            ThuiszitterCategorie::LangdurigRelatiefVerzuim => self.langdurig_relatief_verzuim,
            ThuiszitterCategorie::AbsoluutVerzuim => self.absoluut_verzuim,
            ThuiszitterCategorie::Vrijstelling_5a => self.vrijstelling_5a,
            ThuiszitterCategorie::Vrijstelling_5b => self.vrijstelling_5b,
            ThuiszitterCategorie::Vrijstelling_5c => self.vrijstelling_5c,
            ThuiszitterCategorie::LangdurigZiek => self.langdurig_ziek,
            ThuiszitterCategorie::Dreigend => 0,
        }
    }

    fn tel(&mut self, c: ThuiszitterCategorie) {
        let cel = match c {
            ThuiszitterCategorie::RelatiefVerzuim => &mut self.relatief_verzuim,
            ThuiszitterCategorie::LangdurigRelatiefVerzuim => &mut self.langdurig_relatief_verzuim,
            ThuiszitterCategorie::AbsoluutVerzuim => &mut self.absoluut_verzuim,
            ThuiszitterCategorie::Vrijstelling_5a => &mut self.vrijstelling_5a,
            ThuiszitterCategorie::Vrijstelling_5b => &mut self.vrijstelling_5b,
            ThuiszitterCategorie::Vrijstelling_5c => &mut self.vrijstelling_5c,
            ThuiszitterCategorie::LangdurigZiek => &mut self.langdurig_ziek,
            ThuiszitterCategorie::Dreigend => return,
        };
        *cel += 1;
    }
}

/// Pupils at risk per scenario.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct PerScenario {
    pub a: i64,
    pub b: i64,
    pub c: i64,
    pub d: i64,
    pub combinatie: i64,
}

impl PerScenario {
    fn tel(&mut self, s: Scenario) {
        *match s {
            Scenario::A => &mut self.a,
            Scenario::B => &mut self.b,
            Scenario::C => &mut self.c,
            Scenario::D => &mut self.d,
            Scenario::Combinatie => &mut self.combinatie,
        } += 1;
    }
}

/// How long the pupils are at home, from `thuisSinds`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Duur {
    pub korter_dan1_maand: i64,
    pub tussen1_en3_maanden: i64,
    pub langer_dan3_maanden: i64,
}

/// The band of a stay at home from `sinds` up to `d`: under a calendar month, up to and
/// including three months, or longer.
pub fn band(sinds: NaiveDate, d: NaiveDate) -> usize {
    let na = |m: u32| {
        sinds
            .checked_add_months(Months::new(m))
            .unwrap_or(NaiveDate::MAX)
    };
    if d < na(1) {
        0
    } else if d <= na(3) {
        1
    } else {
        2
    }
}

impl Duur {
    pub fn tel(&mut self, band: usize) {
        *match band {
            0 => &mut self.korter_dan1_maand,
            1 => &mut self.tussen1_en3_maanden,
            _ => &mut self.langer_dan3_maanden,
        } += 1;
    }
}

/// The counts of one gemeente, or of all.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Cijfers {
    /// Leerplichtige thuiszitters per categorie.
    pub per_categorie: PerCategorie,
    /// Dreigende thuiszitters per scenario (niet in het totaal).
    pub dreigend: PerScenario,
    /// Leerplichtige thuiszitters met een gestarte 5a-screening.
    pub screening5a: i64,
    pub duur: Duur,
    /// Leerplichtige thuiszitters jonger dan 5 jaar.
    pub jonger_dan5: i64,
    /// Leerplichtige thuiszitters (zonder dreigend).
    pub totaal: i64,
}

/// Younger than five on `d`, born on the first of `geboortemaand` (`YYYY-MM`).
pub fn jonger_dan5(geboortemaand: &str, d: NaiveDate) -> bool {
    NaiveDate::parse_from_str(&format!("{geboortemaand}-01"), "%Y-%m-%d")
        .ok()
        .and_then(|g| g.checked_add_months(Months::new(60)))
        .is_some_and(|vijf| d < vijf)
}

impl Cijfers {
    /// Counts `case` on `d` if it counts then.
    pub fn tel(&mut self, case: &Thuiszitter, geboortemaand: &str, d: NaiveDate) {
        let Some(e) = case.op(d) else { return };
        if e.categorie == ThuiszitterCategorie::Dreigend {
            if let Some(s) = e.scenario {
                self.dreigend.tel(s);
            }
            return;
        }
        self.per_categorie.tel(e.categorie);
        self.totaal += 1;
        if e.screening5a {
            self.screening5a += 1;
        }
        if let Some(sinds) = case.thuis_sinds {
            self.duur.tel(band(sinds, d));
        }
        if jonger_dan5(geboortemaand, d) {
            self.jonger_dan5 += 1;
        }
    }

    fn leeg(&self) -> bool {
        self.totaal == 0 && self.dreigend == PerScenario::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GemeenteTelling {
    pub gemeente_id: Id,
    pub cbs_code: String,
    pub naam: String,
    #[serde(flatten)]
    pub cijfers: Cijfers,
}

/// The count on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[schema(as = ThuiszitterTelling)]
#[serde(rename_all = "camelCase")]
pub struct Telling {
    pub datum: NaiveDate,
    /// Gemeenten (woongemeente van de leerling) met ten minste één dossier, op CBS-code.
    pub gemeenten: Vec<GemeenteTelling>,
    pub totaal: Cijfers,
}

/// A gemeente: its id, CBS code and name.
pub type Gemeente = (Id, String, String);

/// What counting needs of the cases of a period: the cases with their verloop, and of their
/// pupils the month of birth and the gemeente.
#[derive(Default)]
pub struct Casussen {
    pub cases: Vec<Thuiszitter>,
    pub geboortemaand: HashMap<Id, String>,
    pub gemeenten: HashMap<Id, Gemeente>,
}

impl Casussen {
    /// The cases of the SWV active at some time from `van` to `tot` (both included).
    pub fn load(c: &mut DbConn, swv: Id, van: NaiveDate, tot: NaiveDate) -> Result<Self, ApiError> {
        let rows = scoped(swv)
            .filter(t::startdatum.le(tot))
            .filter(t::einddatum.is_null().or(t::einddatum.gt(van)))
            .order(t::id)
            .select(ThuiszitterRij::as_select())
            .load(c)?;
        Self::of(c, rows)
    }

    /// The cases of several SWV's at once, per SWV, as `load` reads them one SWV at a time;
    /// only of pupils living in `woon` when given.
    pub fn per_swv(
        c: &mut DbConn,
        swvs: &[Id],
        woon: Option<&[Id]>,
        van: NaiveDate,
        tot: NaiveDate,
    ) -> Result<HashMap<Id, Self>, ApiError> {
        let mut q = t::table
            .filter(t::samenwerkingsverband_id.eq_any(swvs))
            .filter(t::startdatum.le(tot))
            .filter(t::einddatum.is_null().or(t::einddatum.gt(van)))
            .into_boxed();
        if let Some(w) = woon {
            q = q.filter(
                t::leerling_id.eq_any(
                    leerlingen::table
                        .filter(leerlingen::woongemeente_id.eq_any(w.to_vec()))
                        .select(leerlingen::id),
                ),
            );
        }
        let rows: Vec<(Id, ThuiszitterRij)> = q
            .order(t::id)
            .select((t::samenwerkingsverband_id, ThuiszitterRij::as_select()))
            .load(c)?;
        let van_swv: HashMap<Id, Id> = rows.iter().map(|(s, r)| (r.id, *s)).collect();
        let alle = Self::of(c, rows.into_iter().map(|(_, r)| r).collect())?;
        let mut out: HashMap<Id, Self> = HashMap::new();
        for case in alle.cases {
            let Some(swv) = van_swv.get(&case.id) else {
                continue;
            };
            let deel = out.entry(*swv).or_insert_with(|| Casussen {
                gemeenten: alle.gemeenten.clone(),
                ..Casussen::default()
            });
            if let Some(gm) = alle.geboortemaand.get(&case.leerling_id) {
                deel.geboortemaand.insert(case.leerling_id, gm.clone());
            }
            deel.cases.push(case);
        }
        Ok(out)
    }

    fn of(c: &mut DbConn, rows: Vec<ThuiszitterRij>) -> Result<Self, ApiError> {
        let (cases, geboortemaand) = compleet(c, rows)?;
        let gemeente_ids: Vec<Id> = cases.iter().map(|c| c.gemeente_id).collect();
        let gemeenten = gemeenten_by_id(c, &gemeente_ids)?;
        Ok(Casussen {
            cases,
            geboortemaand,
            gemeenten,
        })
    }

    pub fn geboortemaand(&self, case: &Thuiszitter) -> &str {
        self.geboortemaand
            .get(&case.leerling_id)
            .map_or("", String::as_str)
    }

    /// The count on `d`.
    pub fn telling(&self, d: NaiveDate) -> Telling {
        let mut totaal = Cijfers::default();
        let mut per: BTreeMap<(String, Id), Cijfers> = BTreeMap::new();
        for case in &self.cases {
            let gm = self.geboortemaand(case);
            totaal.tel(case, gm, d);
            let Some((id, cbs, _)) = self.gemeenten.get(&case.gemeente_id) else {
                continue;
            };
            per.entry((cbs.clone(), *id)).or_default().tel(case, gm, d);
        }
        Telling {
            datum: d,
            gemeenten: per
                .into_iter()
                .filter(|(_, c)| !c.leeg())
                .map(|((cbs_code, id), cijfers)| GemeenteTelling {
                    gemeente_id: id,
                    naam: self
                        .gemeenten
                        .get(&id)
                        .map(|g| g.2.clone())
                        .unwrap_or_default(),
                    cbs_code,
                    cijfers,
                })
                .collect(),
            totaal,
        }
    }
}

pub fn gemeenten_by_id(c: &mut DbConn, ids: &[Id]) -> Result<HashMap<Id, Gemeente>, ApiError> {
    Ok(gemeenten::table
        .filter(gemeenten::id.eq_any(ids))
        .select((gemeenten::id, gemeenten::cbs_code, gemeenten::naam))
        .load::<Gemeente>(c)?
        .into_iter()
        .map(|g| (g.0, g))
        .collect())
}

/// The live count of the SWV on `d`.
pub fn telling(c: &mut DbConn, swv: Id, d: NaiveDate) -> Result<Telling, ApiError> {
    Ok(Casussen::load(c, swv, d, d)?.telling(d))
}

/// One row of the return to the Inspectie.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct InspectieRegel {
    pub datum: NaiveDate,
    pub cbs_code: String,
    pub gemeente: String,
    pub categorie: ThuiszitterCategorie,
    pub aantal: i64,
    /// Wat de categorie inhoudt.
    pub omschrijving: &'static str,
}

/// The return to the Inspectie: every gemeente of the SWV (where its schools are, and where its
/// counted pupils live) × every leerplicht category, zeros included.
pub fn inspectie(
    c: &mut DbConn,
    swv: Id,
    telling: &Telling,
) -> Result<Vec<InspectieRegel>, ApiError> {
    let van_scholen: Vec<Id> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select(scholen::gemeente_id)
        .distinct()
        .load(c)?;
    let mut alle: BTreeMap<String, Gemeente> = gemeenten_by_id(c, &van_scholen)?
        .into_values()
        .map(|g| (g.1.clone(), g))
        .collect();
    for g in &telling.gemeenten {
        alle.entry(g.cbs_code.clone())
            .or_insert_with(|| (g.gemeente_id, g.cbs_code.clone(), g.naam.clone()));
    }
    let mut regels = Vec::new();
    for (cbs, (id, _, naam)) in alle {
        let cijfers = telling.gemeenten.iter().find(|g| g.gemeente_id == id);
        for cat in LEERPLICHT {
            regels.push(InspectieRegel {
                datum: telling.datum,
                cbs_code: cbs.clone(),
                gemeente: naam.clone(),
                categorie: cat,
                aantal: cijfers.map_or(0, |g| g.cijfers.per_categorie.get(cat)),
                omschrijving: cat.omschrijving(),
            });
        }
    }
    Ok(regels)
}
