//! The answer of `GET /monitor/jop`: per gemeente the counts of the year, suppressed.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::bronnen::{Ruw, RuweRij};
use super::indeling::{Gemeenten, Indeling};
use crate::domain::onderdrukking::{deel, groep, Aantal};
use crate::schema::samenwerkingsverbanden;
use crate::store_prelude::*;
use crate::thuiszitters::store::soorten::LEERPLICHT;

/// An SWV that serves the gemeente.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JopSwv {
    pub code: String,
    pub naam: String,
}

/// The leerplicht categories of the Inspectie, by their code.
pub type PerCategorie = BTreeMap<&'static str, Aantal>;

/// Thuiszitters on one peildatum.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JopThuiszitters {
    pub peildatum: NaiveDate,
    /// Of de telling op deze dag is vastgesteld door elk samenwerkingsverband dat meetelt.
    pub vastgesteld: bool,
    /// De zeven leerplichtcategorieën (zonder dreigend).
    #[schema(value_type = BTreeMap<String, Aantal>)]
    pub per_categorie: PerCategorie,
    /// Dreigende thuiszitters (niet in het totaal).
    pub dreigend: Aantal,
    /// Leerplichtige thuiszitters die langer dan drie maanden thuis zitten.
    pub langer_dan3_maanden: Aantal,
    pub totaal: Aantal,
}

/// Cases that entered a vrijstelling during the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JopVrijstellingen {
    #[serde(rename = "5a")]
    pub a: Aantal,
    #[serde(rename = "5b")]
    pub b: Aantal,
    #[serde(rename = "5c")]
    pub c: Aantal,
}

/// Granted TLV's with a decision in the year, by kind.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JopTlv {
    pub sbo: Aantal,
    pub so: Aantal,
    pub vso: Aantal,
    pub totaal: Aantal,
}

/// Granted arrangementen starting in the year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JopArrangementen {
    pub individueel: Aantal,
    pub groep: Aantal,
    pub innovatie: Aantal,
    pub totaal: Aantal,
}

/// MDO's in the year, by level of support.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JopMdo {
    pub totaal: Aantal,
    #[schema(value_type = BTreeMap<String, Aantal>)]
    pub per_niveau: BTreeMap<&'static str, Aantal>,
}

/// The schools of the gemeente that the SWV's meetings reached (plain numbers: schools).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct JopBereik {
    pub scholen: i64,
    /// Scholen met ten minste één aanwezige deelnemer in een doorgegane bijeenkomst van het jaar.
    pub bereikt: i64,
    /// Eén decimaal; leeg zonder scholen.
    pub percentage: Option<f64>,
}

/// One gemeente's monitor.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JopGemeente {
    pub cbs_code: String,
    pub naam: String,
    pub samenwerkingsverbanden: Vec<JopSwv>,
    pub thuiszitters: Vec<JopThuiszitters>,
    pub vrijstellingen: JopVrijstellingen,
    pub tlv: JopTlv,
    pub arrangementen: JopArrangementen,
    pub mdo: JopMdo,
    pub bereik_bijeenkomsten: JopBereik,
}

/// `GET /monitor/jop`.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JopMonitor {
    pub schooljaar: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub gegenereerd_op: NaiveDateTime,
    pub indeling: Indeling,
    pub gemeenten: Vec<JopGemeente>,
}

const NIVEAUS: [&str; 4] = ["1", "2", "3", "4"];

fn aantallen<const N: usize>(v: [i64; N]) -> ([Aantal; N], Aantal) {
    let mut delen = v.map(Aantal::new);
    let mut totaal = Aantal::new(v.iter().sum());
    delen.iter_mut().for_each(Aantal::primair);
    totaal.primair();
    while groep(&mut delen.iter_mut().collect::<Vec<_>>(), &mut totaal) {}
    (delen, totaal)
}

fn rij(d: NaiveDate, r: &RuweRij) -> JopThuiszitters {
    let (cats, mut totaal) = aantallen(r.per_categorie);
    let mut cats = cats;
    let mut lang = Aantal::new(r.langer_dan3_maanden);
    lang.primair();
    let mut dreigend = Aantal::new(r.dreigend);
    dreigend.primair();
    // Hiding the total may make the lone part derivable and back: repeat until settled.
    loop {
        let a = groep(&mut cats.iter_mut().collect::<Vec<_>>(), &mut totaal);
        let b = deel(&mut lang, &totaal);
        if !a && !b {
            break;
        }
    }
    JopThuiszitters {
        peildatum: d,
        vastgesteld: r.vastgesteld,
        per_categorie: LEERPLICHT
            .iter()
            .zip(cats)
            .map(|(c, a)| (c.as_str(), a))
            .collect(),
        dreigend,
        langer_dan3_maanden: lang,
        totaal,
    }
}

/// The suppressed answer of one gemeente from its raw counts.
pub fn gemeente(info: (&str, &str), swvs: Vec<JopSwv>, ruw: &Ruw) -> JopGemeente {
    let [a, b, c] = ruw.vrijstellingen.map(|n| {
        let mut x = Aantal::new(n);
        x.primair();
        x
    });
    let ([sbo, so, vso], tlv_totaal) = aantallen(ruw.tlv);
    let ([individueel, groep_, innovatie], arr_totaal) = aantallen(ruw.arrangementen);
    let (niveaus, mdo_totaal) = aantallen(ruw.mdo);
    JopGemeente {
        cbs_code: info.0.to_string(),
        naam: info.1.to_string(),
        samenwerkingsverbanden: swvs,
        thuiszitters: ruw.thuiszitters.iter().map(|(d, r)| rij(*d, r)).collect(),
        vrijstellingen: JopVrijstellingen { a, b, c },
        tlv: JopTlv {
            sbo,
            so,
            vso,
            totaal: tlv_totaal,
        },
        arrangementen: JopArrangementen {
            individueel,
            groep: groep_,
            innovatie,
            totaal: arr_totaal,
        },
        mdo: JopMdo {
            totaal: mdo_totaal,
            per_niveau: NIVEAUS.into_iter().zip(niveaus).collect(),
        },
        bereik_bijeenkomsten: JopBereik {
            scholen: ruw.scholen,
            bereikt: ruw.bereikt,
            percentage: (ruw.scholen > 0)
                .then(|| (ruw.bereikt as f64 * 1000.0 / ruw.scholen as f64).round() / 10.0),
        },
    }
}

/// The answer for the gemeenten in `gekozen` (ordered by CBS code), from the raw counts.
pub fn monitor(
    c: &mut DbConn,
    schooljaar: String,
    nu: NaiveDateTime,
    gemeenten: &Gemeenten,
    gekozen: &[Id],
    ruw: &BTreeMap<Id, Ruw>,
) -> Result<JopMonitor, ApiError> {
    let swv_ids: Vec<Id> = ruw.values().flat_map(|r| r.swvs.iter().copied()).collect();
    let swvs: BTreeMap<Id, JopSwv> = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq_any(crate::domain::unique(&swv_ids)))
        .select((
            samenwerkingsverbanden::id,
            samenwerkingsverbanden::code,
            samenwerkingsverbanden::naam,
        ))
        .load::<(Id, String, String)>(c)?
        .into_iter()
        .map(|(id, code, naam)| (id, JopSwv { code, naam }))
        .collect();
    let leeg = Ruw::default();
    let mut out: Vec<JopGemeente> = gekozen
        .iter()
        .filter_map(|id| gemeenten.get(*id))
        .map(|g| {
            let r = ruw.get(&g.id).unwrap_or(&leeg);
            let mut refs: Vec<JopSwv> =
                r.swvs.iter().filter_map(|s| swvs.get(s).cloned()).collect();
            refs.sort_by(|a, b| a.code.cmp(&b.code));
            gemeente((&g.cbs_code, &g.naam), refs, r)
        })
        .collect();
    out.sort_by(|a, b| a.cbs_code.cmp(&b.cbs_code));
    Ok(JopMonitor {
        schooljaar,
        gegenereerd_op: nu,
        indeling: gemeenten.indeling(),
        gemeenten: out,
    })
}

/// One cell of the long export.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct JopRegel {
    pub schooljaar: String,
    pub cbs_code: String,
    pub gemeente: String,
    /// Bijv. `thuiszitters.perCategorie.absoluut_verzuim`.
    pub indicator: String,
    /// Alleen bij thuiszitters.
    pub peildatum: Option<NaiveDate>,
    /// Het getal, of `<5` waar het is onderdrukt.
    pub waarde: String,
}

impl JopMonitor {
    /// The answer in long form: one line per cell.
    pub fn regels(&self) -> Vec<JopRegel> {
        let mut out = Vec::new();
        for g in &self.gemeenten {
            let mut cel = |indicator: String, peildatum: Option<NaiveDate>, waarde: String| {
                out.push(JopRegel {
                    schooljaar: self.schooljaar.clone(),
                    cbs_code: g.cbs_code.clone(),
                    gemeente: g.naam.clone(),
                    indicator,
                    peildatum,
                    waarde,
                })
            };
            for t in &g.thuiszitters {
                let p = Some(t.peildatum);
                for (k, a) in &t.per_categorie {
                    cel(format!("thuiszitters.perCategorie.{k}"), p, a.als_tekst());
                }
                cel("thuiszitters.dreigend".into(), p, t.dreigend.als_tekst());
                cel(
                    "thuiszitters.langerDan3Maanden".into(),
                    p,
                    t.langer_dan3_maanden.als_tekst(),
                );
                cel("thuiszitters.totaal".into(), p, t.totaal.als_tekst());
            }
            let v = &g.vrijstellingen;
            for (k, a) in [("5a", v.a), ("5b", v.b), ("5c", v.c)] {
                cel(format!("vrijstellingen.{k}"), None, a.als_tekst());
            }
            let t = &g.tlv;
            for (k, a) in [
                ("sbo", t.sbo),
                ("so", t.so),
                ("vso", t.vso),
                ("totaal", t.totaal),
            ] {
                cel(format!("tlv.{k}"), None, a.als_tekst());
            }
            let a = &g.arrangementen;
            for (k, x) in [
                ("individueel", a.individueel),
                ("groep", a.groep),
                ("innovatie", a.innovatie),
                ("totaal", a.totaal),
            ] {
                cel(format!("arrangementen.{k}"), None, x.als_tekst());
            }
            cel("mdo.totaal".into(), None, g.mdo.totaal.als_tekst());
            for (k, x) in &g.mdo.per_niveau {
                cel(format!("mdo.perNiveau.{k}"), None, x.als_tekst());
            }
            let b = &g.bereik_bijeenkomsten;
            cel(
                "bereikBijeenkomsten.scholen".into(),
                None,
                b.scholen.to_string(),
            );
            cel(
                "bereikBijeenkomsten.bereikt".into(),
                None,
                b.bereikt.to_string(),
            );
            cel(
                "bereikBijeenkomsten.percentage".into(),
                None,
                b.percentage
                    .map_or(String::new(), |p| format!("{p:.1}").replace('.', ",")),
            );
        }
        out
    }
}
