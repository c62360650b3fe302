//! `GET /monitor/schoolbestuur`: per school of a board, what the SWV did for it in a school
//! year, counts of children suppressed.

use std::collections::{BTreeMap, HashMap};

use crate::arrangementen::store::{ArrangementSoort, ArrangementStatus};
use crate::bijeenkomsten::store::BijeenkomstStatus;
use crate::domain::onderdrukking::Aantal;
use crate::domain::schooljaar::{eerste_jaar, schooljaar_grenzen};
use crate::schema::{
    aanmeldingen, arrangementen, bijeenkomsten, client_schoolbesturen, mdos, scholen,
    schoolbesturen, tlvs,
};
use crate::store_prelude::*;
use crate::tlv::store::soorten::BesluitUitkomst;
use crate::tlv::store::TlvSoort;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BestuurArrangementen {
    pub individueel: Aantal,
    pub groep: Aantal,
    pub innovatie: Aantal,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BestuurTlv {
    pub sbo: Aantal,
    pub so: Aantal,
    pub vso: Aantal,
}

/// One school of the board.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BestuurSchool {
    pub school_id: Id,
    pub naam: String,
    /// Toegekende arrangementen die in het schooljaar beginnen.
    pub arrangementen: BestuurArrangementen,
    /// Toegekende TLV's met een besluit in het schooljaar, naar school van herkomst.
    pub tlv: BestuurTlv,
    /// MDO's op de school in het schooljaar.
    pub mdo: Aantal,
    /// Aanwezigheden van medewerkers van de school in doorgegane bijeenkomsten van het jaar.
    pub aanwezig_bijeenkomsten: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BestuurMonitorBestuur {
    pub id: Id,
    pub naam: String,
    /// Elke school van het bestuur, op naam.
    pub scholen: Vec<BestuurSchool>,
}

/// The board monitor of a school year.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BestuurMonitor {
    pub schooljaar: String,
    pub schoolbesturen: Vec<BestuurMonitorBestuur>,
}

/// Whose boards: every board of the SWV, or a client's own.
pub enum Besturen {
    Swv(Id),
    Client { swv: Id, client: Id },
}

#[derive(Default)]
struct Ruw {
    arr: [i64; 3],
    tlv: [i64; 3],
    mdo: i64,
    aanwezig: i64,
}

fn aantal(n: i64) -> Aantal {
    let mut a = Aantal::new(n);
    a.primair();
    a
}

/// The monitor of the boards `wie` may read, or of the one asked (`404` when it is not of the
/// SWV, `403` when the client is not tied to it).
pub fn lees(
    c: &mut DbConn,
    wie: &Besturen,
    schooljaar: &str,
    gevraagd: Option<Id>,
) -> Result<BestuurMonitor, ApiError> {
    let swv = match wie {
        Besturen::Swv(s) | Besturen::Client { swv: s, .. } => *s,
    };
    let mut besturen: Vec<(Id, String)> = schoolbesturen::table
        .filter(schoolbesturen::samenwerkingsverband_id.eq(swv))
        .order(schoolbesturen::naam)
        .select((schoolbesturen::id, schoolbesturen::naam))
        .load(c)?;
    if let Besturen::Client { client, .. } = wie {
        let eigen: Vec<Id> = client_schoolbesturen::table
            .filter(client_schoolbesturen::client_id.eq(client))
            .select(client_schoolbesturen::schoolbestuur_id)
            .load(c)?;
        if let Some(b) = gevraagd {
            if besturen.iter().any(|x| x.0 == b) && !eigen.contains(&b) {
                return Err(ApiError::forbidden(
                    "Deze client hoort niet bij dit schoolbestuur.",
                ));
            }
        }
        besturen.retain(|b| eigen.contains(&b.0));
    }
    if let Some(b) = gevraagd {
        besturen.retain(|x| x.0 == b);
        if besturen.is_empty() {
            return Err(ApiError::not_found());
        }
    }
    let ids: Vec<Id> = besturen.iter().map(|b| b.0).collect();
    let scholen: Vec<(Id, String, Id)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .filter(scholen::schoolbestuur_id.eq_any(&ids))
        .order(scholen::naam)
        .select((scholen::id, scholen::naam, scholen::schoolbestuur_id))
        .load(c)?;
    let school_ids: Vec<Id> = scholen.iter().map(|s| s.0).collect();
    let jaar = eerste_jaar(schooljaar)?;
    let (van, tot) = schooljaar_grenzen(jaar);
    let mut ruw: HashMap<Id, Ruw> = HashMap::new();
    let arr: Vec<(Id, ArrangementSoort)> = arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::school_id.eq_any(&school_ids))
        .filter(arrangementen::schooljaar.eq(schooljaar))
        .filter(arrangementen::status.eq_any(ArrangementStatus::GETELD))
        .select((arrangementen::school_id, arrangementen::soort))
        .load(c)?;
    for (s, soort) in arr {
        ruw.entry(s).or_default().arr[match soort {
            ArrangementSoort::Individueel => 0,
            ArrangementSoort::Groep => 1,
            ArrangementSoort::Innovatie => 2,
        }] += 1;
    }
    let tlv: Vec<(Id, TlvSoort)> = tlvs::table
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::school_van_herkomst_id.eq_any(&school_ids))
        .filter(tlvs::besluit_uitkomst.eq(BesluitUitkomst::Toegekend))
        .filter(tlvs::besluit_datum.between(van, tot))
        .select((tlvs::school_van_herkomst_id.assume_not_null(), tlvs::soort))
        .load(c)?;
    for (s, soort) in tlv {
        ruw.entry(s).or_default().tlv[match soort {
            TlvSoort::Sbo => 0,
            TlvSoort::So => 1,
            TlvSoort::Vso => 2,
        }] += 1;
    }
    let mdo: Vec<Id> = mdos::table
        .filter(mdos::samenwerkingsverband_id.eq(swv))
        .filter(mdos::school_id.eq_any(&school_ids))
        .filter(mdos::datum.between(van, tot))
        .select(mdos::school_id)
        .load(c)?;
    for s in mdo {
        ruw.entry(s).or_default().mdo += 1;
    }
    let aanwezig: Vec<Id> = aanmeldingen::table
        .inner_join(bijeenkomsten::table)
        .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
        .filter(bijeenkomsten::schooljaar.eq(schooljaar))
        .filter(bijeenkomsten::status.eq(BijeenkomstStatus::Doorgegaan))
        .filter(aanmeldingen::aanwezig.eq(true))
        .filter(aanmeldingen::school_id.eq_any(&school_ids))
        .select(aanmeldingen::school_id.assume_not_null())
        .load(c)?;
    for s in aanwezig {
        ruw.entry(s).or_default().aanwezig += 1;
    }
    let mut per: BTreeMap<Id, Vec<BestuurSchool>> = BTreeMap::new();
    for (id, naam, bestuur) in scholen {
        let r = ruw.remove(&id).unwrap_or_default();
        let [individueel, groep, innovatie] = r.arr.map(aantal);
        let [sbo, so, vso] = r.tlv.map(aantal);
        per.entry(bestuur).or_default().push(BestuurSchool {
            school_id: id,
            naam,
            arrangementen: BestuurArrangementen {
                individueel,
                groep,
                innovatie,
            },
            tlv: BestuurTlv { sbo, so, vso },
            mdo: aantal(r.mdo),
            aanwezig_bijeenkomsten: r.aanwezig,
        });
    }
    Ok(BestuurMonitor {
        schooljaar: schooljaar.to_string(),
        schoolbesturen: besturen
            .into_iter()
            .map(|(id, naam)| BestuurMonitorBestuur {
                id,
                naam,
                scholen: per.remove(&id).unwrap_or_default(),
            })
            .collect(),
    })
}

impl BestuurMonitor {
    /// One line per school and figure, for CSV and XLSX.
    pub fn regels(&self) -> Vec<BestuurRegel> {
        let mut out = Vec::new();
        for b in &self.schoolbesturen {
            for s in &b.scholen {
                let a = &s.arrangementen;
                let t = &s.tlv;
                let cellen = [
                    ("arrangementen.individueel", a.individueel.als_tekst()),
                    ("arrangementen.groep", a.groep.als_tekst()),
                    ("arrangementen.innovatie", a.innovatie.als_tekst()),
                    ("tlv.sbo", t.sbo.als_tekst()),
                    ("tlv.so", t.so.als_tekst()),
                    ("tlv.vso", t.vso.als_tekst()),
                    ("mdo", s.mdo.als_tekst()),
                    (
                        "aanwezigBijeenkomsten",
                        s.aanwezig_bijeenkomsten.to_string(),
                    ),
                ];
                for (indicator, waarde) in cellen {
                    out.push(BestuurRegel {
                        schooljaar: self.schooljaar.clone(),
                        schoolbestuur: b.naam.clone(),
                        school: s.naam.clone(),
                        indicator: indicator.to_string(),
                        waarde,
                    });
                }
            }
        }
        out
    }
}

/// One cell of the board monitor's export.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BestuurRegel {
    pub schooljaar: String,
    pub schoolbestuur: String,
    pub school: String,
    pub indicator: String,
    /// Het getal, of `<5` waar het is onderdrukt.
    pub waarde: String,
}
