//! The budget of each werkgebied in a school year against what its granted arrangementen cost:
//! the year's share of each arrangement by day, what of it is spent up to a peildatum, the
//! year-end estimate along last year's curve of grants, and the monthly burn-down. Three
//! queries, whatever the number of arrangementen; the arithmetic is in [`super::spreiding`].

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use crate::domain::schooljaar::eerste_jaar;
use crate::store_prelude::*;

use crate::schema::{arrangementen, budgetten, werkgebieden};

use super::soorten::ArrangementStatus;
use super::spreiding::{jaardeel, maanden, per_maand, schaal, schooljaar_grenzen, tot_en_met};

crate::text_enum! {
    /// How the year-end estimate was made: along last year's curve, or none (the granted amount).
    pub enum PrognoseMethode {
        VorigJaar => "vorig_jaar",
        Geen => "geen",
    }
}

crate::text_enum! {
    /// `op_koers`: the estimate within the budget; `aandacht`: up to 10 % over it; `risico`: more.
    pub enum BudgetSignaal {
        OpKoers => "op_koers",
        Aandacht => "aandacht",
        Risico => "risico",
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BudgetMaand {
    /// `YYYY-MM`.
    #[schema(example = "2016-08")]
    pub maand: String,
    /// Het deel van de toegekende arrangementen dat in deze maand valt.
    pub toegekend_cent: i64,
    /// Het lopende totaal vanaf augustus.
    pub cumulatief_cent: i64,
}

/// Budget and spending of one werkgebied (or of the schools without one, or the total).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BudgetRegel {
    /// Leeg voor "Geen werkgebied" en voor het totaal.
    pub id: Option<Id>,
    pub naam: String,
    /// Alle budgetten van het jaar (regulier en extra).
    pub budget_cent: i64,
    /// Het aandeel van dit schooljaar in de toegekende arrangementen.
    pub toegekend_cent: i64,
    /// Het deel daarvan op dagen tot en met de peildatum.
    pub besteed_cent: i64,
    /// Budget min toegekend.
    pub restant_cent: i64,
    /// Besteed als percentage van het budget (één decimaal); leeg bij een budget van 0.
    pub percentage_besteed: Option<f64>,
    /// De verwachting voor het einde van het jaar.
    pub prognose_cent: i64,
    pub prognose_methode: PrognoseMethode,
    pub signaal: BudgetSignaal,
    /// Augustus tot en met juli.
    pub per_maand: Vec<BudgetMaand>,
}

/// Het budget van de werkgebieden in een schooljaar, op een peildatum.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BudgetOverzicht {
    #[schema(example = "2016-2017")]
    pub schooljaar: String,
    pub peildatum: NaiveDate,
    pub werkgebieden: Vec<BudgetRegel>,
    pub totaal: BudgetRegel,
}

/// One row of the CSV or XLSX export: a werkgebied or the total, without the months.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BudgetExportRegel {
    pub werkgebied: String,
    pub budget_cent: i64,
    pub toegekend_cent: i64,
    pub besteed_cent: i64,
    pub restant_cent: i64,
    pub percentage_besteed: Option<f64>,
    pub prognose_cent: i64,
    pub prognose_methode: PrognoseMethode,
    pub signaal: BudgetSignaal,
}

impl BudgetOverzicht {
    pub fn export(&self) -> Vec<BudgetExportRegel> {
        self.werkgebieden
            .iter()
            .chain(std::iter::once(&self.totaal))
            .map(|r| BudgetExportRegel {
                werkgebied: r.naam.clone(),
                budget_cent: r.budget_cent,
                toegekend_cent: r.toegekend_cent,
                besteed_cent: r.besteed_cent,
                restant_cent: r.restant_cent,
                percentage_besteed: r.percentage_besteed,
                prognose_cent: r.prognose_cent,
                prognose_methode: r.prognose_methode,
                signaal: r.signaal,
            })
            .collect()
    }
}

/// A granted arrangement as the budget needs it.
type Toegekend = (Option<Id>, NaiveDate, NaiveDate, i64, Option<NaiveDate>);

/// What a row adds up before its derived figures are set.
#[derive(Default, Clone)]
struct Sommen {
    budget: i64,
    toegekend: i64,
    besteed: i64,
    maanden: [i64; 12],
    /// Last year: its final share, and its share of arrangementen granted by the same day.
    vorig_eind: i64,
    vorig_toen: i64,
}

pub fn overzicht(
    c: &mut DbConn,
    swv: Id,
    jaar: &str,
    peil: NaiveDate,
) -> Result<BudgetOverzicht, ApiError> {
    let eerste = eerste_jaar(jaar)?;
    let (start, eind) = schooljaar_grenzen(eerste);
    let (vorig_start, _) = schooljaar_grenzen(eerste - 1);
    let gebieden: Vec<(Id, String)> = werkgebieden::table
        .filter(werkgebieden::samenwerkingsverband_id.eq(swv))
        .order((werkgebieden::naam, werkgebieden::id))
        .select((werkgebieden::id, werkgebieden::naam))
        .load(c)?;
    let budgetten: Vec<(Id, i64)> = budgetten::table
        .filter(budgetten::samenwerkingsverband_id.eq(swv))
        .filter(budgetten::schooljaar.eq(jaar))
        .select((budgetten::werkgebied_id, budgetten::bedrag_cent))
        .load(c)?;
    let toegekend: Vec<Toegekend> = arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::status.eq_any(ArrangementStatus::GETELD))
        .filter(arrangementen::startdatum.le(eind))
        .filter(arrangementen::einddatum.ge(vorig_start))
        .select((
            arrangementen::werkgebied_id,
            arrangementen::startdatum,
            arrangementen::einddatum,
            arrangementen::bedrag_cent,
            arrangementen::toegekend_op,
        ))
        .load(c)?;

    let mut sommen: HashMap<Option<Id>, Sommen> = HashMap::new();
    for (id, bedrag) in budgetten {
        sommen.entry(Some(id)).or_default().budget += bedrag;
    }
    // Day D of this year (1 August = day 1) is the same day of last year's curve; a peildatum
    // outside the year has no such day (and no estimate), so it is held to the year's edge.
    let dag = peil.clamp(start - Duration::days(1), eind + Duration::days(1)) - start;
    let vorig_peil = vorig_start + dag;
    let mut zonder_gebied = false;
    for &(gebied, van, tot, bedrag, op) in &toegekend {
        let bekend = |d: NaiveDate| op.is_none_or(|op| op <= d);
        let deel = jaardeel(bedrag, van, tot, eerste);
        if deel > 0 && bekend(peil) {
            zonder_gebied |= gebied.is_none();
            let s = sommen.entry(gebied).or_default();
            s.toegekend += deel;
            s.besteed += tot_en_met(deel, van, tot, eerste, peil);
            for (m, v) in per_maand(deel, van, tot, eerste).into_iter().enumerate() {
                s.maanden[m] += v;
            }
        }
        let vorig = jaardeel(bedrag, van, tot, eerste - 1);
        if vorig > 0 {
            let s = sommen.entry(gebied).or_default();
            s.vorig_eind += vorig;
            if bekend(vorig_peil) {
                s.vorig_toen += vorig;
            }
        }
    }

    let lopend = start <= peil && peil <= eind;
    let maandnamen: Vec<String> = maanden(eerste)
        .iter()
        .map(|(d, _)| d.format("%Y-%m").to_string())
        .collect();
    let regel = |id: Option<Id>, naam: String, s: &Sommen| {
        let (prognose, methode) = if lopend && s.vorig_toen > 0 {
            (
                schaal(s.toegekend, s.vorig_eind, s.vorig_toen),
                PrognoseMethode::VorigJaar,
            )
        } else {
            (s.toegekend, PrognoseMethode::Geen)
        };
        afgeleid(id, naam, s, prognose, methode, &maandnamen)
    };
    let mut rijen: Vec<BudgetRegel> = gebieden
        .into_iter()
        .map(|(id, naam)| {
            let s = sommen.get(&Some(id)).cloned().unwrap_or_default();
            regel(Some(id), naam, &s)
        })
        .collect();
    if zonder_gebied {
        let s = sommen.get(&None).cloned().unwrap_or_default();
        rijen.push(regel(None, "Geen werkgebied".into(), &s));
    }
    let mut som = Sommen::default();
    for r in &rijen {
        som.budget += r.budget_cent;
        som.toegekend += r.toegekend_cent;
        som.besteed += r.besteed_cent;
        for (m, v) in r.per_maand.iter().enumerate() {
            som.maanden[m] += v.toegekend_cent;
        }
    }
    let prognose = rijen.iter().map(|r| r.prognose_cent).sum();
    let methode = if rijen
        .iter()
        .any(|r| r.prognose_methode == PrognoseMethode::VorigJaar)
    {
        PrognoseMethode::VorigJaar
    } else {
        PrognoseMethode::Geen
    };
    let totaal = afgeleid(None, "Totaal".into(), &som, prognose, methode, &maandnamen);
    Ok(BudgetOverzicht {
        schooljaar: jaar.to_string(),
        peildatum: peil,
        werkgebieden: rijen,
        totaal,
    })
}

fn afgeleid(
    id: Option<Id>,
    naam: String,
    s: &Sommen,
    prognose: i64,
    methode: PrognoseMethode,
    maandnamen: &[String],
) -> BudgetRegel {
    let percentage =
        (s.budget != 0).then(|| (1000.0 * s.besteed as f64 / s.budget as f64).round() / 10.0);
    let signaal = if s.budget == 0 {
        if s.toegekend > 0 || prognose > 0 {
            BudgetSignaal::Risico
        } else {
            BudgetSignaal::OpKoers
        }
    } else if prognose <= s.budget {
        BudgetSignaal::OpKoers
    } else if i128::from(prognose) * 10 <= i128::from(s.budget) * 11 {
        BudgetSignaal::Aandacht
    } else {
        BudgetSignaal::Risico
    };
    let mut cumulatief = 0;
    let per_maand = maandnamen
        .iter()
        .zip(s.maanden)
        .map(|(maand, v)| {
            cumulatief += v;
            BudgetMaand {
                maand: maand.clone(),
                toegekend_cent: v,
                cumulatief_cent: cumulatief,
            }
        })
        .collect();
    BudgetRegel {
        id,
        naam,
        budget_cent: s.budget,
        toegekend_cent: s.toegekend,
        besteed_cent: s.besteed,
        restant_cent: s.budget - s.toegekend,
        percentage_besteed: percentage,
        prognose_cent: prognose,
        prognose_methode: methode,
        signaal,
        per_maand,
    }
}
