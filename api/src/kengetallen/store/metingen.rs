//! The computed measures of the KPIs: the one place that reads the figures of several areas,
//! each through that area's own statistics, so a KPI shows the number its area's page shows.

use chrono::NaiveDate;

use super::KengetalBron;
use crate::bijeenkomsten::store::cijfers::meetings_of_year;
use crate::bijeenkomsten::store::telling::tallies;
use crate::bijeenkomsten::store::{BijeenkomstSoort, BijeenkomstStatus};
use crate::domain::schooljaar::{eerste_jaar, schooljaar_grenzen};
use crate::org::store::scholen::SchoolSoort;
use crate::planning::store::streef::{meet, Eenheid, Gehouden};
use crate::schema::{scholen, thuiszitters};
use crate::store_prelude::*;

/// Rounded half away from zero to one decimal.
pub fn een_decimaal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A computed measure: its value, and for a measure of a pupil-level area the count of children
/// behind it (a lezer gets no value when that count is 1-4).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Meting {
    pub waarde: Option<f64>,
    pub kinderen: Option<i64>,
}

impl Meting {
    /// The value as a reader gets it: none for a lezer when it rests on 1 to 4 children.
    pub fn voor(self, afgeschermd: bool) -> Option<f64> {
        let klein = self
            .kinderen
            .is_some_and(|n| (1..crate::domain::onderdrukking::DREMPEL).contains(&n));
        if afgeschermd && klein {
            None
        } else {
            self.waarde
        }
    }
}

/// The value of a computed measure in `schooljaar`; `None` without data. `vandaag` bounds the
/// measures that run "up to today".
pub fn meet_bron(
    c: &mut DbConn,
    swv: Id,
    bron: KengetalBron,
    soort: Option<BijeenkomstSoort>,
    schooljaar: &str,
    vandaag: NaiveDate,
) -> Result<Meting, ApiError> {
    use KengetalBron::*;
    let eerste = eerste_jaar(schooljaar)?;
    let (van, eind) = schooljaar_grenzen(eerste);
    // Up to today within a running year, the whole year once it is over, nothing before it.
    let tot = (vandaag >= van).then(|| vandaag.min(eind));
    let mut kinderen = None;
    let waarde = match bron {
        Handmatig => None,
        OpkomstDoelgroepPercentage | AanwezigTotaal | StreefBehaaldPercentage => {
            let Some(soort) = soort else {
                return Ok(Meting::default());
            };
            bijeenkomsten(c, swv, bron, soort, schooljaar)?
        }
        ThuiszittersGemiddeldOpPeildatum => match tot {
            // Before the SWV registered any case its peildata count zero: unknown, not none.
            Some(tot) if !registreerde_thuiszitters(c, swv, tot)? => None,
            Some(tot) => {
                let g = crate::thuiszitters::store::statistieken::statistieken(
                    c,
                    swv,
                    schooljaar,
                    Some(tot),
                )?
                .cijfers
                .gemiddeld_op_peildatum;
                kinderen = g.map(|g| g.round() as i64);
                g
            }
            None => None,
        },
        DeelnameGoPercentage => deelname_go(c, swv)?,
        ArrangementenTotaal => {
            let s = crate::arrangementen::store::statistieken::statistieken(c, swv, schooljaar)?;
            kinderen = Some(s.verdeling.totaal);
            (s.verdeling.totaal > 0).then_some(s.verdeling.totaal as f64)
        }
        TlvBinnenTermijnPercentage => {
            let b =
                crate::tlv::store::statistieken::statistieken(c, swv, schooljaar)?.binnen_termijn;
            kinderen = Some(b.aantal);
            b.percentage
        }
        BudgetBesteedPercentage => match tot {
            Some(peil) => {
                crate::arrangementen::store::budget::overzicht(c, swv, schooljaar, peil)?
                    .totaal
                    .percentage_besteed
            }
            None => None,
        },
        MdoTotaal => {
            let s = crate::mdos::store::statistieken::statistieken(c, swv, schooljaar)?;
            kinderen = Some(s.jaar.totaal);
            (s.jaar.totaal > 0).then_some(s.jaar.totaal as f64)
        }
    };
    Ok(Meting {
        waarde: waarde.map(een_decimaal),
        kinderen,
    })
}

/// The three measures over the held meetings of one kind in a school year.
fn bijeenkomsten(
    c: &mut DbConn,
    swv: Id,
    bron: KengetalBron,
    soort: BijeenkomstSoort,
    schooljaar: &str,
) -> Result<Option<f64>, ApiError> {
    let gehouden: Vec<_> = meetings_of_year(c, swv, schooljaar, Some(soort))?
        .into_iter()
        .filter(|m| m.status == BijeenkomstStatus::Doorgegaan)
        .collect();
    if gehouden.is_empty() {
        return Ok(None);
    }
    let telling = tallies(
        c,
        gehouden.iter().map(|m| m.id).collect(),
        &Reach::everything(),
    )?;
    let aanwezig = |id: &Id| telling.get(id).map_or(0, |t| t.aanwezig);
    Ok(match bron {
        KengetalBron::OpkomstDoelgroepPercentage => meet(
            Eenheid::Percentage,
            &gehouden
                .iter()
                .map(|m| Gehouden {
                    aanwezig: aanwezig(&m.id),
                    doelgroep: m.doelgroep_omvang,
                })
                .collect::<Vec<_>>(),
        ),
        KengetalBron::AanwezigTotaal => {
            Some(gehouden.iter().map(|m| aanwezig(&m.id)).sum::<i64>() as f64)
        }
        _ => {
            let met_streef: Vec<bool> = gehouden
                .iter()
                .filter_map(|m| m.streef().map(|s| aanwezig(&m.id) >= s))
                .collect();
            let behaald = met_streef.iter().filter(|b| **b).count();
            (!met_streef.is_empty()).then(|| behaald as f64 * 100.0 / met_streef.len() as f64)
        }
    })
}

/// Pupils of the SWV's special schools (sbo, so, vso) as a percentage of all its pupils, from
/// today's counts of the schools.
fn deelname_go(c: &mut DbConn, swv: Id) -> Result<Option<f64>, ApiError> {
    let rows: Vec<(SchoolSoort, Option<i32>)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select((scholen::soort, scholen::leerlingaantal))
        .load(c)?;
    let totaal: i64 = rows.iter().filter_map(|(_, n)| *n).map(i64::from).sum();
    let go: i64 = rows
        .iter()
        .filter(|(s, _)| matches!(s, SchoolSoort::Sbo | SchoolSoort::So | SchoolSoort::Vso))
        .filter_map(|(_, n)| *n)
        .map(i64::from)
        .sum();
    Ok((totaal > 0).then(|| go as f64 * 100.0 / totaal as f64))
}

/// Whether the SWV had registered a thuiszitter by `tot`.
fn registreerde_thuiszitters(c: &mut DbConn, swv: Id, tot: NaiveDate) -> Result<bool, ApiError> {
    Ok(diesel::select(diesel::dsl::exists(
        thuiszitters::table
            .filter(thuiszitters::samenwerkingsverband_id.eq(swv))
            .filter(thuiszitters::startdatum.le(tot)),
    ))
    .get_result(c)?)
}
