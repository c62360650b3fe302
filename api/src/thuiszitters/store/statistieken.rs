//! The figures of a school year up to a day, against the same days a year before: the average
//! on the peildata (the frozen count where there is one), the cases that needed attention and
//! how long pupils were at home, new exemptions and how long closed cases lasted.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::store_prelude::*;

use super::casussen::Thuiszitter;
use super::peildata;
use super::soorten::ThuiszitterCategorie;
use super::telling::{band, Casussen, Duur};
use crate::domain::peildata::in_schooljaar;
use crate::domain::schooljaar::{eerste_jaar, schooljaar_grenzen};
use crate::schema::samenwerkingsverbanden as swv_t;

/// One peildatum of the year.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PeildatumTotaal {
    pub datum: NaiveDate,
    /// Leerplichtige thuiszitters op die dag.
    pub totaal: i64,
    /// Of dit de vastgestelde telling is (anders de telling van nu).
    pub vastgesteld: bool,
    #[serde(skip)]
    pub jonger_dan5: i64,
}

/// The cases of the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Casuscijfers {
    /// Elk dossier dat in de periode liep, dreigend inbegrepen.
    pub extra_aandacht: i64,
    /// Van de dossiers met een `thuisSinds` in de periode: hoe lang de leerling thuis zat, tot het
    /// einde van het dossier of `tot`.
    #[serde(flatten)]
    pub duur: Duur,
}

/// New exemptions in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct NieuweVrijstellingen {
    #[serde(rename = "5a")]
    pub a: i64,
    #[serde(rename = "5b")]
    pub b: i64,
    #[serde(rename = "5c")]
    pub c: i64,
}

/// Cases closed in the period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Beeindigd {
    pub aantal: i64,
    /// De mediaan van einddatum − startdatum in dagen (leeg zonder gesloten dossiers).
    pub mediaan_dagen: Option<i64>,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Jaarcijfers {
    pub van: NaiveDate,
    pub tot: NaiveDate,
    /// De peildata van het schooljaar tot en met `tot`.
    pub peildata: Vec<PeildatumTotaal>,
    /// Het gemiddelde totaal op die peildata, op één decimaal (leeg zonder peildata).
    pub gemiddeld_op_peildatum: Option<f64>,
    /// Het gemiddelde aantal jonger dan 5 op die peildata, op één decimaal.
    pub jonger_dan5: Option<f64>,
    pub casussen: Casuscijfers,
    pub nieuwe_vrijstellingen: NieuweVrijstellingen,
    pub beeindigd: Beeindigd,
}

/// The figures of a school year up to `tot`, with the year before.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ThuiszitterStatistieken {
    pub schooljaar: String,
    #[serde(flatten)]
    pub cijfers: Jaarcijfers,
    /// Dezelfde cijfers over dezelfde dagen een jaar eerder.
    pub vorig_jaar: Jaarcijfers,
}

impl ThuiszitterStatistieken {
    /// A mean on the peildata is their sum in disguise: for a lezer (`v`, the answer with small
    /// counts already hidden) it goes where a peildatum's total is hidden, and the mean of the
    /// youngest where their sum, never shown, is 1 to 4.
    pub fn verberg_gemiddelden(&self, v: &mut serde_json::Value) {
        for (jaar, cijfers) in [(None, &self.cijfers), (Some("vorigJaar"), &self.vorig_jaar)] {
            let Some(o) = (match jaar {
                Some(k) => v.get_mut(k),
                None => Some(&mut *v),
            }) else {
                continue;
            };
            let verborgen = o["peildata"].as_array().is_some_and(|a| {
                a.iter()
                    .any(|p| p["totaal"]["onderdrukt"].as_bool() == Some(true))
            });
            if verborgen {
                o["gemiddeldOpPeildatum"] = serde_json::Value::Null;
            }
            let jong: i64 = cijfers.peildata.iter().map(|p| p.jonger_dan5).sum();
            if (1..5).contains(&jong) {
                o["jongerDan5"] = serde_json::Value::Null;
            }
        }
    }
}

fn gemiddeld(waarden: impl Iterator<Item = i64>) -> Option<f64> {
    let v: Vec<i64> = waarden.collect();
    if v.is_empty() {
        return None;
    }
    let m = v.iter().sum::<i64>() as f64 / v.len() as f64;
    Some((m * 10.0).round() / 10.0)
}

/// The median, the mean of the middle two for an even count, rounded half up.
pub fn mediaan(mut v: Vec<i64>) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2] + 1).div_euclid(2)
    })
}

/// Whether an entry of `categorie` starts in `van..=tot` after one of another category, or as
/// the first.
fn nieuw(
    case: &Thuiszitter,
    categorie: ThuiszitterCategorie,
    van: NaiveDate,
    tot: NaiveDate,
) -> bool {
    case.verloop.iter().enumerate().any(|(i, e)| {
        e.categorie == categorie
            && (van..=tot).contains(&e.vanaf)
            && (i == 0 || case.verloop[i - 1].categorie != categorie)
    })
}

fn jaar(
    c: &mut DbConn,
    swv: Id,
    peildagen: &str,
    van: NaiveDate,
    tot: NaiveDate,
) -> Result<Jaarcijfers, ApiError> {
    let casussen = Casussen::load(c, swv, van, tot)?;
    let vastgesteld: HashMap<NaiveDate, (i64, i64)> = peildata::list(c, swv, Some(van), Some(tot))?
        .into_iter()
        .map(|p| {
            (
                p.datum,
                (p.telling.totaal.totaal, p.telling.totaal.jonger_dan5),
            )
        })
        .collect();
    let peildata: Vec<PeildatumTotaal> = in_schooljaar(peildagen, van.year())
        .into_iter()
        .filter(|d| (van..=tot).contains(d))
        .map(|d| match vastgesteld.get(&d) {
            Some(&(totaal, jonger_dan5)) => PeildatumTotaal {
                datum: d,
                totaal,
                vastgesteld: true,
                jonger_dan5,
            },
            None => {
                let t = casussen.telling(d).totaal;
                PeildatumTotaal {
                    datum: d,
                    totaal: t.totaal,
                    vastgesteld: false,
                    jonger_dan5: t.jonger_dan5,
                }
            }
        })
        .collect();
    let mut casussen_cijfers = Casuscijfers::default();
    let mut vrij = NieuweVrijstellingen::default();
    let mut duren = Vec::new();
    for case in &casussen.cases {
        casussen_cijfers.extra_aandacht += 1;
        if let Some(sinds) = case.thuis_sinds.filter(|s| *s <= tot) {
            let einde = case.einddatum.map_or(tot, |e| e.min(tot));
            casussen_cijfers.duur.tel(band(sinds, einde));
        }
        vrij.a += i64::from(nieuw(case, ThuiszitterCategorie::Vrijstelling_5a, van, tot));
        vrij.b += i64::from(nieuw(case, ThuiszitterCategorie::Vrijstelling_5b, van, tot));
        vrij.c += i64::from(nieuw(case, ThuiszitterCategorie::Vrijstelling_5c, van, tot));
        if let Some(e) = case.einddatum.filter(|e| (van..=tot).contains(e)) {
            duren.push((e - case.startdatum).num_days());
        }
    }
    Ok(Jaarcijfers {
        van,
        tot,
        gemiddeld_op_peildatum: gemiddeld(peildata.iter().map(|p| p.totaal)),
        jonger_dan5: gemiddeld(peildata.iter().map(|p| p.jonger_dan5)),
        peildata,
        casussen: casussen_cijfers,
        nieuwe_vrijstellingen: vrij,
        beeindigd: Beeindigd {
            aantal: duren.len() as i64,
            mediaan_dagen: mediaan(duren),
        },
    })
}

/// One year earlier; 29 February is the 28th.
fn jaar_eerder(d: NaiveDate) -> NaiveDate {
    d.checked_sub_months(Months::new(12)).unwrap_or(d)
}

/// The figures of `schooljaar` (starting in `start`) up to `tot` (default: its last day; `400`
/// outside the school year).
pub fn statistieken(
    c: &mut DbConn,
    swv: Id,
    schooljaar: &str,
    tot: Option<NaiveDate>,
) -> Result<ThuiszitterStatistieken, ApiError> {
    let start = eerste_jaar(schooljaar)?;
    let (van, eind) = schooljaar_grenzen(start);
    let tot = tot.unwrap_or(eind);
    if !(van..=eind).contains(&tot) {
        return Err(ApiError::field(
            "tot",
            format!("moet in schooljaar {schooljaar} liggen (1 augustus tot en met 31 juli)"),
        ));
    }
    let peildagen: String = swv_t::table
        .filter(swv_t::id.eq(swv))
        .select(swv_t::peildata)
        .first(c)?;
    Ok(ThuiszitterStatistieken {
        schooljaar: schooljaar.to_string(),
        cijfers: jaar(c, swv, &peildagen, van, tot)?,
        vorig_jaar: jaar(c, swv, &peildagen, jaar_eerder(van), jaar_eerder(tot))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(mediaan(vec![]), None);
        assert_eq!(mediaan(vec![9, 1, 5]), Some(5));
        assert_eq!(mediaan(vec![1, 4]), Some(3));
        assert_eq!(mediaan(vec![1, 2, 3, 6]), Some(3));
    }

    #[test]
    fn a_year_earlier_on_the_28th_for_a_leap_day() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(jaar_eerder(d(2024, 2, 29)), d(2023, 2, 28));
        assert_eq!(jaar_eerder(d(2023, 3, 15)), d(2022, 3, 15));
    }
}
