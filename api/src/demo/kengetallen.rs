//! The KPIs of PO Zuid-Kennemerland from its activity plan 2022-2023 ("ken- en stuurgetallen"),
//! and the area meetings (gebiedsgesprekken) they count: three groups of werkgebieden in April
//! 2022 and April 2023, with the directienetwerk of 2021-2022, so the overview has a trend.
//! Targets like "more than 60 %" are entered as a floor one decimal above it (60.1), as the
//! contract enters "more than 150" as 151.

use diesel::prelude::*;

use super::jaarprogramma::{held, Meeting, When, DIRECTIE, GEMENGD};
use crate::bijeenkomsten::store::BijeenkomstSoort as S;
use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::kengetallen::store::kengetallen::{Kengetal, KengetalInput};
use crate::kengetallen::store::waarden::{KengetalWaarde, KengetalWaardeInput};
use crate::kengetallen::store::{KengetalBron as B, KengetalEenheid as E, Richting as R};
use crate::schema::{kengetallen, samenwerkingsverbanden};
use crate::store;

fn gesprek(titel: &'static str, when: When, doelgroep: i32, aanwezig: usize) -> Meeting {
    Meeting {
        percentage: Some((90.0, doelgroep)),
        locatie: Some("Kantoor SWV, Haarlem"),
        ..held(titel, S::Gebiedsgesprek, when, 150, aanwezig, 1, GEMENGD)
    }
}

/// The area meetings (77 % in 2021-2022, 86.8 % in 2022-2023 against 90 %) and the
/// directienetwerk of 2021-2022 (80 %).
pub(super) fn meetings() -> Vec<Meeting> {
    use When::Local;
    vec![
        gesprek(
            "Gebiedsgesprek 2022: Haarlem-Noord en Centrum",
            Local(2022, 4, 5, 15, 0),
            26,
            20,
        ),
        gesprek(
            "Gebiedsgesprek 2022: Haarlem-Oost en Schalkwijk",
            Local(2022, 4, 7, 15, 0),
            22,
            17,
        ),
        gesprek(
            "Gebiedsgesprek 2022: Heemstede, Bloemendaal en Zandvoort",
            Local(2022, 4, 12, 15, 0),
            30,
            23,
        ),
        gesprek(
            "Gebiedsgesprek 2023: Haarlem-Noord en Centrum",
            Local(2023, 4, 4, 15, 0),
            28,
            24,
        ),
        gesprek(
            "Gebiedsgesprek 2023: Haarlem-Oost en Schalkwijk",
            Local(2023, 4, 6, 15, 0),
            22,
            19,
        ),
        gesprek(
            "Gebiedsgesprek 2023: Heemstede, Bloemendaal en Zandvoort",
            Local(2023, 4, 11, 15, 0),
            26,
            23,
        ),
        Meeting {
            percentage: Some((50.0, 95)),
            ..held(
                "Directienetwerk: voorjaarsbijeenkomst 2022",
                S::Directienetwerk,
                Local(2022, 3, 17, 8, 0),
                150,
                76,
                2,
                DIRECTIE,
            )
        },
    ]
}

struct Kpi {
    naam: &'static str,
    eenheid: E,
    richting: R,
    streefwaarde: f64,
    bron: B,
    soort: Option<S>,
}

const KPIS: [Kpi; 7] = [
    Kpi {
        naam: "Zorgmiddelen per leerling",
        eenheid: E::Euro,
        richting: R::Minimaal,
        streefwaarde: 37_500.0,
        bron: B::Handmatig,
        soort: None,
    },
    Kpi {
        naam: "Deelname GO",
        eenheid: E::Percentage,
        richting: R::Maximaal,
        streefwaarde: 3.0,
        bron: B::DeelnameGoPercentage,
        soort: None,
    },
    Kpi {
        naam: "Thuiszitters gemiddeld op peildatum",
        eenheid: E::Aantal,
        richting: R::Maximaal,
        streefwaarde: 8.0,
        bron: B::ThuiszittersGemiddeldOpPeildatum,
        soort: None,
    },
    Kpi {
        naam: "Opkomst IB-netwerken",
        eenheid: E::Percentage,
        richting: R::Minimaal,
        streefwaarde: 60.1,
        bron: B::OpkomstDoelgroepPercentage,
        soort: Some(S::IbNetwerk),
    },
    Kpi {
        naam: "Opkomst directienetwerk",
        eenheid: E::Percentage,
        richting: R::Minimaal,
        streefwaarde: 50.1,
        bron: B::OpkomstDoelgroepPercentage,
        soort: Some(S::Directienetwerk),
    },
    Kpi {
        naam: "Opkomst gebiedsgesprekken",
        eenheid: E::Percentage,
        richting: R::Minimaal,
        streefwaarde: 90.0,
        bron: B::OpkomstDoelgroepPercentage,
        soort: Some(S::Gebiedsgesprek),
    },
    Kpi {
        naam: "Groot Netwerk: deelnemers",
        eenheid: E::Aantal,
        richting: R::Minimaal,
        streefwaarde: 151.0,
        bron: B::AanwezigTotaal,
        soort: Some(S::GrootNetwerk),
    },
];

/// Loads the KPIs of PO Zuid-Kennemerland, if that SWV exists and has none yet.
pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    let swv: Option<Id> = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::code.eq("PO2703"))
        .select(samenwerkingsverbanden::id)
        .first(c)
        .optional()?;
    let Some(swv) = swv else { return Ok(()) };
    let bestaand: i64 = kengetallen::table
        .filter(kengetallen::samenwerkingsverband_id.eq(swv))
        .count()
        .get_result(c)?;
    if bestaand > 0 {
        return Ok(());
    }
    for (i, k) in KPIS.iter().enumerate() {
        let kengetal = store::create::<Kengetal>(
            c,
            swv,
            &KengetalInput {
                naam: k.naam.into(),
                eenheid: k.eenheid,
                richting: k.richting,
                streefwaarde: k.streefwaarde,
                bron: k.bron,
                bijeenkomst_soort: k.soort,
                volgorde: (i as i32 + 1) * 10,
            },
        )?;
        if k.bron == B::Handmatig {
            store::create::<KengetalWaarde>(
                c,
                (swv, kengetal.id),
                &KengetalWaardeInput {
                    schooljaar: "2022-2023".into(),
                    waarde: Some(37_500.0),
                    toelichting:
                        "€ 375 van augustus tot en met december 2022, € 400 vanaf januari 2023."
                            .into(),
                },
            )?;
        }
    }
    Ok(())
}
