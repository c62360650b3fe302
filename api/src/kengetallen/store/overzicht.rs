//! `GET /kengetallen/overzicht`: every KPI of the SWV in a school year, measured or as entered,
//! against its target, with the four years before it.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::kengetallen::{scoped, Kengetal};
use super::metingen::{meet_bron, Meting};
use super::{KengetalBron, KengetalEenheid, KengetalSignaal, Richting};
use crate::bijeenkomsten::store::BijeenkomstSoort;
use crate::domain::schooljaar::{eerste_jaar, schooljaar_vanaf};
use crate::schema::{kengetal_waarden, kengetallen};
use crate::store_prelude::*;

/// How many school years before the chosen one the trend shows.
pub const TRENDJAREN: i32 = 4;

/// One KPI in the overview.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct KengetalStand {
    pub id: Id,
    pub naam: String,
    pub eenheid: KengetalEenheid,
    pub richting: Richting,
    pub streefwaarde: f64,
    pub bron: KengetalBron,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bijeenkomst_soort: Option<BijeenkomstSoort>,
    /// Berekend (één decimaal) of ingevoerd; leeg zonder gegevens.
    pub waarde: Option<f64>,
    /// Leeg als er geen waarde is.
    pub signaal: Option<KengetalSignaal>,
    /// De waarden van de vier schooljaren ervoor, oudste eerst; leeg waar onbekend.
    #[schema(min_items = 4, max_items = 4)]
    pub trend: Vec<Option<f64>>,
    /// De toelichting bij de waarde van dit schooljaar.
    pub toelichting: Option<String>,
}

/// De ken- en stuurgetallen van een schooljaar.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"schooljaar": "2022-2023", "kengetallen": [{
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a30", "naam": "Groot Netwerk: deelnemers", "eenheid": "aantal",
    "richting": "minimaal", "streefwaarde": 151, "bron": "aanwezig_totaal", "bijeenkomstSoort": "groot_netwerk",
    "waarde": 180, "signaal": "op_koers", "trend": [null, null, null, null], "toelichting": null}]}))]
pub struct Kengetallenoverzicht {
    #[schema(example = "2022-2023")]
    pub schooljaar: String,
    /// Op `volgorde`.
    pub kengetallen: Vec<KengetalStand>,
}

/// The overview; `afgeschermd` (a lezer): no value of a pupil-level measure resting on 1 to 4
/// children.
pub fn overzicht(
    c: &mut DbConn,
    swv: Id,
    schooljaar: &str,
    vandaag: NaiveDate,
    afgeschermd: bool,
) -> Result<Kengetallenoverzicht, ApiError> {
    let eerste = eerste_jaar(schooljaar)?;
    let jaren: Vec<String> = (eerste - TRENDJAREN..=eerste)
        .map(schooljaar_vanaf)
        .collect();
    let lijst: Vec<Kengetal> = scoped(swv)
        .order((kengetallen::volgorde, kengetallen::naam, kengetallen::id))
        .select(Kengetal::as_select())
        .load(c)?;
    let ingevoerd: Vec<(Id, String, Option<f64>, String)> = kengetal_waarden::table
        .filter(kengetal_waarden::samenwerkingsverband_id.eq(swv))
        .filter(kengetal_waarden::schooljaar.eq_any(jaren.clone()))
        .select((
            kengetal_waarden::kengetal_id,
            kengetal_waarden::schooljaar,
            kengetal_waarden::waarde,
            kengetal_waarden::toelichting,
        ))
        .load(c)?;
    let ingevoerd: HashMap<(Id, &str), (Option<f64>, &str)> = ingevoerd
        .iter()
        .map(|(k, j, w, t)| ((*k, j.as_str()), (*w, t.as_str())))
        .collect();
    // Two KPIs on the same measure (a target per richting, say) are measured once.
    let mut gemeten: HashMap<(KengetalBron, Option<BijeenkomstSoort>, String), Meting> =
        HashMap::new();
    let mut kengetallen_uit = Vec::with_capacity(lijst.len());
    for k in lijst {
        let mut waarden = Vec::with_capacity(jaren.len());
        for (i, j) in jaren.iter().enumerate() {
            let is_gekozen = i == jaren.len() - 1;
            let w = if k.bron == KengetalBron::Handmatig {
                ingevoerd.get(&(k.id, j.as_str())).and_then(|(w, _)| *w)
            } else if !is_gekozen && !k.bron.heeft_historie() {
                None
            } else {
                let sleutel = (k.bron, k.bijeenkomst_soort, j.clone());
                let m = match gemeten.get(&sleutel) {
                    Some(m) => *m,
                    None => {
                        let m = meet_bron(c, swv, k.bron, k.bijeenkomst_soort, j, vandaag)?;
                        gemeten.insert(sleutel, m);
                        m
                    }
                };
                m.voor(afgeschermd)
            };
            waarden.push(w);
        }
        let waarde = waarden.pop().flatten();
        let toelichting = ingevoerd
            .get(&(k.id, schooljaar))
            .map(|(_, t)| t.to_string())
            .filter(|t| !t.is_empty());
        kengetallen_uit.push(KengetalStand {
            id: k.id,
            naam: k.naam,
            eenheid: k.eenheid,
            richting: k.richting,
            streefwaarde: k.streefwaarde,
            bron: k.bron,
            bijeenkomst_soort: k.bijeenkomst_soort,
            signaal: waarde.map(|w| KengetalSignaal::van(k.richting, k.streefwaarde, w)),
            waarde,
            trend: waarden,
            toelichting,
        });
    }
    Ok(Kengetallenoverzicht {
        schooljaar: schooljaar.to_string(),
        kengetallen: kengetallen_uit,
    })
}

/// A value in the unit a reader expects: euro's rather than cents.
pub fn leesbaar(eenheid: KengetalEenheid, x: f64) -> f64 {
    match eenheid {
        KengetalEenheid::Euro => x / 100.0,
        _ => x,
    }
}

pub fn eenheid_label(e: KengetalEenheid) -> &'static str {
    match e {
        KengetalEenheid::Aantal => "aantal",
        KengetalEenheid::Percentage => "%",
        KengetalEenheid::Euro => "euro",
    }
}

/// The SWV's name, for the document's heading.
pub fn swv_naam(c: &mut DbConn, swv: Id) -> Result<String, ApiError> {
    use crate::schema::samenwerkingsverbanden as s;
    Ok(s::table.filter(s::id.eq(swv)).select(s::naam).first(c)?)
}
