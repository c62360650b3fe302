//! The figures of the TLV's of a school year, as the trimester reports count them by hand:
//! granted TLV's by the day of the decision, per kind and category, new against extensions,
//! within the term, their duration, the pupils' ages, the schools that asked, temporary
//! placements, per werkgebied, the pupils who left special education, and the year before.
//! Read in seven statements whatever the number of TLV's.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::store_prelude::*;

use super::soorten::{Aanvraag, TlvCategorie, TlvSoort, TlvStatus, Vervolg};
use crate::domain::schooljaar::{eerste_jaar, schooljaar_grenzen};
use crate::domain::telling::{leeg, tel, trimester, Telling, TRIMESTERS};
use crate::org::store::scholen::SchoolSoort;
use crate::org::store::swv::Sector;
use crate::schema::{leerlingen, samenwerkingsverbanden, scholen, tlvs, werkgebieden};

/// The rows of `perSoort`: a kind, with its category for SO and VSO.
pub const RIJEN: [&str; 7] = [
    "sbo",
    "so_laag",
    "so_midden",
    "so_hoog",
    "vso_laag",
    "vso_midden",
    "vso_hoog",
];

/// The row of a TLV in `perSoort`.
pub fn rij(soort: TlvSoort, categorie: Option<TlvCategorie>) -> String {
    match (soort, categorie) {
        (TlvSoort::Sbo, _) => "sbo".into(),
        (s, Some(c)) => format!("{}_{}", s.as_str(), c.as_str()),
        // Not stored: SO and VSO carry a category.
        (s, None) => format!("{}_laag", s.as_str()),
    }
}

/// One row of `perSoort`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvSoortRij {
    /// Afgegeven per trimester (naar besluitdatum).
    pub per_trimester: Telling,
    pub nieuw: i64,
    /// Verlengingen en herbeoordelingen.
    pub verlenging: i64,
    pub totaal: i64,
}

/// A count with its share.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvAandeel {
    pub aantal: i64,
    /// Procent, één decimaal; leeg zonder noemer.
    pub percentage: Option<f64>,
}

/// The pupils of one age group at the decision.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvLeeftijdsgroep {
    pub aantal: i64,
    pub percentage: Option<f64>,
    /// In jaren (voltooide levensjaren op de besluitdatum), één decimaal.
    pub gemiddelde_leeftijd: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvLeeftijd {
    pub onder8: TlvLeeftijdsgroep,
    pub vanaf8: TlvLeeftijdsgroep,
}

/// The regular schools that asked in one trimester.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvHerkomst {
    /// Het deel van de reguliere scholen met minstens één aanvraag, in procenten.
    pub percentage_scholen: Option<f64>,
    /// Aanvragen per school onder die scholen; leeg als er geen was.
    pub gemiddeld_per_school: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvTijdelijk {
    pub sbo: i64,
    pub so: i64,
    pub vso: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvWerkgebiedRij {
    /// Leeg: scholen zonder werkgebied, en aanvragen zonder school van herkomst.
    pub id: Option<Id>,
    pub naam: String,
    pub per_trimester: Telling,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvUitstroom {
    /// Naar het regulier onderwijs (`regulier` en `vo`).
    pub naar_regulier: i64,
    pub per_vervolg: Telling,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvVorigJaar {
    pub afgegeven: i64,
    pub per_soort: Telling,
}

/// The figures of the TLV's of one school year.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvStatistieken {
    #[schema(example = "2016-2017")]
    pub schooljaar: String,
    /// Toegekende TLV's met een besluit in het schooljaar.
    pub afgegeven: i64,
    /// Afwijzingen in het schooljaar.
    pub afgewezen: i64,
    pub nieuw: i64,
    /// Verlengingen en herbeoordelingen.
    pub verlenging: i64,
    pub per_soort: BTreeMap<String, TlvSoortRij>,
    /// Besluiten (toekenningen en afwijzingen) binnen de termijn, van alle besluiten.
    pub binnen_termijn: TlvAandeel,
    /// Dagen van ingangsdatum tot einddatum ÷ 30,4375, gemiddeld; één decimaal.
    pub gemiddelde_duur_maanden: Option<f64>,
    pub leeftijd: TlvLeeftijd,
    /// Per trimester (naar ontvangst), over alle aanvragen.
    pub herkomst: BTreeMap<String, TlvHerkomst>,
    /// TlvTijdelijke plaatsingen (observatie of interventie) onder de afgegeven TLV's.
    pub tijdelijk: TlvTijdelijk,
    pub per_werkgebied: Vec<TlvWerkgebiedRij>,
    /// TLV's met een uitstroomdatum in het schooljaar.
    pub uitstroom: TlvUitstroom,
    pub vorig_jaar: TlvVorigJaar,
}

/// Rounded half up to one decimal.
pub fn een_decimaal(x: f64) -> f64 {
    // The nudge keeps a binary 25.45 (25.4499…) from rounding down.
    (x * 10.0 + 0.5 + 1e-9).floor() / 10.0
}

fn procent(deel: i64, geheel: i64) -> Option<f64> {
    (geheel > 0).then(|| een_decimaal(deel as f64 * 100.0 / geheel as f64))
}

/// Completed years on `op` of a child born on the first of `geboortemaand` (`YYYY-MM`).
pub fn leeftijd(geboortemaand: &str, op: NaiveDate) -> Option<i32> {
    let geboren = NaiveDate::parse_from_str(&format!("{geboortemaand}-01"), "%Y-%m-%d").ok()?;
    let mut jaren = op.year() - geboren.year();
    if (op.month(), op.day()) < (geboren.month(), geboren.day()) {
        jaren -= 1;
    }
    Some(jaren)
}

type Besluit = (
    TlvSoort,
    Option<TlvCategorie>,
    Aanvraag,
    TlvStatus,
    NaiveDate,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    bool,
    Option<Id>,
    String,
);

pub fn statistieken(
    c: &mut DbConn,
    swv: Id,
    schooljaar: &str,
) -> Result<TlvStatistieken, ApiError> {
    let jaar = eerste_jaar(schooljaar)?;
    let (start, eind) = schooljaar_grenzen(jaar);
    let (vorig_start, _) = schooljaar_grenzen(jaar - 1);

    let besluiten: Vec<Besluit> = tlvs::table
        .inner_join(leerlingen::table)
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::besluit_datum.ge(vorig_start))
        .filter(tlvs::besluit_datum.le(eind))
        .select((
            tlvs::soort,
            tlvs::categorie,
            tlvs::aanvraag,
            tlvs::status,
            tlvs::besluit_datum.assume_not_null(),
            tlvs::uiterlijke_beslisdatum,
            tlvs::ingangsdatum,
            tlvs::einddatum,
            tlvs::tijdelijk,
            tlvs::school_van_herkomst_id,
            leerlingen::geboortemaand,
        ))
        .load(c)?;
    let sector: Sector = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(swv))
        .select(samenwerkingsverbanden::sector)
        .first(c)?;
    let schools: Vec<(Id, SchoolSoort, Option<Id>)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select((scholen::id, scholen::soort, scholen::werkgebied_id))
        .load(c)?;
    let gebieden: Vec<(Id, String)> = werkgebieden::table
        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
        .order(werkgebieden::naam)
        .select((werkgebieden::id, werkgebieden::naam))
        .load(c)?;
    let aanvragen: Vec<(Option<Id>, NaiveDate)> = tlvs::table
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::ontvangen_op.ge(start))
        .filter(tlvs::ontvangen_op.le(eind))
        .select((tlvs::school_van_herkomst_id, tlvs::ontvangen_op))
        .load(c)?;
    let uitstroom: Vec<Vervolg> = tlvs::table
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::uitstroom_datum.ge(start))
        .filter(tlvs::uitstroom_datum.le(eind))
        .select(tlvs::uitstroom_vervolg.assume_not_null())
        .load(c)?;

    let werkgebied_van: BTreeMap<Id, Option<Id>> =
        schools.iter().map(|(id, _, w)| (*id, *w)).collect();
    let regulier: Vec<Id> = schools
        .iter()
        .filter(|(_, soort, _)| match sector {
            Sector::Po => matches!(soort, SchoolSoort::Bao | SchoolSoort::Ikc),
            Sector::Vo => *soort == SchoolSoort::Vo,
        })
        .map(|(id, _, _)| *id)
        .collect();

    let mut s = TlvStatistieken {
        schooljaar: schooljaar.to_string(),
        afgegeven: 0,
        afgewezen: 0,
        nieuw: 0,
        verlenging: 0,
        per_soort: RIJEN
            .iter()
            .map(|r| {
                (
                    r.to_string(),
                    TlvSoortRij {
                        per_trimester: leeg(TRIMESTERS),
                        ..TlvSoortRij::default()
                    },
                )
            })
            .collect(),
        binnen_termijn: TlvAandeel::default(),
        gemiddelde_duur_maanden: None,
        leeftijd: TlvLeeftijd::default(),
        herkomst: BTreeMap::new(),
        tijdelijk: TlvTijdelijk::default(),
        per_werkgebied: Vec::new(),
        uitstroom: TlvUitstroom {
            naar_regulier: 0,
            per_vervolg: leeg(Vervolg::ALL.iter().map(|v| v.as_str())),
        },
        vorig_jaar: TlvVorigJaar {
            afgegeven: 0,
            per_soort: leeg(RIJEN),
        },
    };

    let mut gebied_tel: BTreeMap<Option<Id>, Telling> = gebieden
        .iter()
        .map(|(id, _)| (Some(*id), leeg(TRIMESTERS)))
        .collect();
    let (mut beslist, mut op_tijd) = (0, 0);
    let (mut duur_dagen, mut met_duur) = (0i64, 0i64);
    let mut leeftijden: [(i64, i64); 2] = [(0, 0), (0, 0)];
    for (
        soort,
        cat,
        aanvraag,
        status,
        datum,
        uiterlijk,
        ingang,
        einde,
        tijdelijk,
        herkomst,
        maand,
    ) in &besluiten
    {
        let toegekend = *status == TlvStatus::Toegekend;
        if *datum < start {
            if toegekend {
                s.vorig_jaar.afgegeven += 1;
                tel(&mut s.vorig_jaar.per_soort, &rij(*soort, *cat), 1);
            }
            continue;
        }
        beslist += 1;
        if uiterlijk.is_some_and(|u| *datum <= u) {
            op_tijd += 1;
        }
        if !toegekend {
            s.afgewezen += 1;
            continue;
        }
        s.afgegeven += 1;
        let t = trimester(*datum);
        let r = s.per_soort.entry(rij(*soort, *cat)).or_default();
        tel(&mut r.per_trimester, t, 1);
        r.totaal += 1;
        if *aanvraag == Aanvraag::Nieuw {
            s.nieuw += 1;
            r.nieuw += 1;
        } else {
            s.verlenging += 1;
            r.verlenging += 1;
        }
        if let (Some(i), Some(e)) = (ingang, einde) {
            duur_dagen += (*e - *i).num_days();
            met_duur += 1;
        }
        if let Some(jaren) = leeftijd(maand, *datum) {
            let g = &mut leeftijden[usize::from(jaren >= 8)];
            g.0 += 1;
            g.1 += i64::from(jaren);
        }
        if *tijdelijk {
            match soort {
                TlvSoort::Sbo => s.tijdelijk.sbo += 1,
                TlvSoort::So => s.tijdelijk.so += 1,
                TlvSoort::Vso => s.tijdelijk.vso += 1,
            }
        }
        let gebied = herkomst.and_then(|h| werkgebied_van.get(&h).copied().flatten());
        tel(
            gebied_tel.entry(gebied).or_insert_with(|| leeg(TRIMESTERS)),
            t,
            1,
        );
    }
    s.binnen_termijn = TlvAandeel {
        aantal: op_tijd,
        percentage: procent(op_tijd, beslist),
    };
    s.gemiddelde_duur_maanden =
        (met_duur > 0).then(|| een_decimaal(duur_dagen as f64 / met_duur as f64 / 30.4375));
    let groep = |(n, som): (i64, i64)| TlvLeeftijdsgroep {
        aantal: n,
        percentage: procent(n, s.afgegeven),
        gemiddelde_leeftijd: (n > 0).then(|| een_decimaal(som as f64 / n as f64)),
    };
    s.leeftijd = TlvLeeftijd {
        onder8: groep(leeftijden[0]),
        vanaf8: groep(leeftijden[1]),
    };

    for t in TRIMESTERS {
        let mut per_school: BTreeMap<Id, i64> = BTreeMap::new();
        for (school, ontvangen) in &aanvragen {
            if let Some(school) = school.filter(|s| regulier.contains(s)) {
                if trimester(*ontvangen) == t {
                    *per_school.entry(school).or_default() += 1;
                }
            }
        }
        let scholen = per_school.len() as i64;
        let totaal: i64 = per_school.values().sum();
        s.herkomst.insert(
            t.to_string(),
            TlvHerkomst {
                percentage_scholen: procent(scholen, regulier.len() as i64),
                gemiddeld_per_school: (scholen > 0)
                    .then(|| een_decimaal(totaal as f64 / scholen as f64)),
            },
        );
    }

    for (id, naam) in &gebieden {
        s.per_werkgebied.push(TlvWerkgebiedRij {
            id: Some(*id),
            naam: naam.clone(),
            per_trimester: gebied_tel
                .remove(&Some(*id))
                .unwrap_or_else(|| leeg(TRIMESTERS)),
        });
    }
    if let Some(geen) = gebied_tel.remove(&None) {
        s.per_werkgebied.push(TlvWerkgebiedRij {
            id: None,
            naam: "Geen werkgebied".into(),
            per_trimester: geen,
        });
    }

    for v in uitstroom {
        tel(&mut s.uitstroom.per_vervolg, v.as_str(), 1);
        if matches!(v, Vervolg::Regulier | Vervolg::Vo) {
            s.uitstroom.naar_regulier += 1;
        }
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_in_completed_years_from_the_first_of_the_month() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(leeftijd("2008-03", d("2016-02-29")), Some(7));
        assert_eq!(leeftijd("2008-03", d("2016-03-01")), Some(8));
        assert_eq!(leeftijd("2008-13", d("2016-03-01")), None);
    }

    #[test]
    fn one_decimal_rounded_half_up() {
        assert_eq!(een_decimaal(25.45), 25.5);
        assert_eq!(een_decimaal(58.04), 58.0);
        assert_eq!(procent(1, 3), Some(33.3));
        assert_eq!(procent(2, 3), Some(66.7));
        assert_eq!(procent(1, 0), None);
    }
}
