//! The follow-up of a cohort: of the cases counted on `van` (pupils at risk included), where
//! they are on `tot`. What the seeds' snapshots could not give.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::casussen::Thuiszitter;
use super::soorten::{Eindreden, Perspectief, PERSPECTIEVEN};
use super::telling::Casussen;

/// Where the cases of a cohort are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Uitkomsten {
    /// Gesloten met eindreden `onderwijs`, of open met perspectief `geplaatst_*` of `onderwijszorg`.
    pub weer_onderwijs: i64,
    /// Open met perspectief `zorg_bovenliggend`: weinig onderwijs omdat zorg voorgaat.
    pub weinig_onderwijs: i64,
    /// Gesloten om een andere reden.
    pub beeindigd_anders: i64,
    /// De rest: nog thuis.
    pub nog_thuis: i64,
    pub totaal: i64,
}

#[derive(Debug, Clone, Copy)]
enum Waar {
    WeerOnderwijs,
    WeinigOnderwijs,
    BeeindigdAnders,
    NogThuis,
}

impl Uitkomsten {
    fn tel(&mut self, w: Waar) {
        *match w {
            Waar::WeerOnderwijs => &mut self.weer_onderwijs,
            Waar::WeinigOnderwijs => &mut self.weinig_onderwijs,
            Waar::BeeindigdAnders => &mut self.beeindigd_anders,
            Waar::NogThuis => &mut self.nog_thuis,
        } += 1;
        self.totaal += 1;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GemeenteVervolg {
    pub gemeente_id: Id,
    pub cbs_code: String,
    pub naam: String,
    #[serde(flatten)]
    pub uitkomsten: Uitkomsten,
}

/// The follow-up from `van` to `tot`.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[schema(as = ThuiszitterVervolg)]
#[serde(rename_all = "camelCase")]
pub struct Vervolg {
    pub van: NaiveDate,
    pub tot: NaiveDate,
    #[serde(flatten)]
    pub uitkomsten: Uitkomsten,
    /// Per woongemeente, op CBS-code.
    pub gemeenten: Vec<GemeenteVervolg>,
    /// Over de dossiers die op `tot` nog open zijn: per perspectief op `tot` (en `onbekend`).
    #[schema(value_type = BTreeMap<String, Uitkomsten>)]
    pub per_perspectief: BTreeMap<String, Uitkomsten>,
}

/// Where `case` is on `tot`, and its perspective then if it is still open.
fn waar(case: &Thuiszitter, tot: NaiveDate) -> (Waar, Option<Option<Perspectief>>) {
    if case.einddatum.is_some_and(|e| e <= tot) {
        let w = if case.eindreden == Some(Eindreden::Onderwijs) {
            Waar::WeerOnderwijs
        } else {
            Waar::BeeindigdAnders
        };
        return (w, None);
    }
    let perspectief = case.op(tot).and_then(|e| e.perspectief);
    let w = match perspectief {
        Some(p) if p.weer_onderwijs() => Waar::WeerOnderwijs,
        Some(Perspectief::ZorgBovenliggend) => Waar::WeinigOnderwijs,
        _ => Waar::NogThuis,
    };
    (w, Some(perspectief))
}

/// `van` before `tot` (`400` otherwise).
pub fn vervolg(
    c: &mut DbConn,
    swv: Id,
    van: NaiveDate,
    tot: NaiveDate,
) -> Result<Vervolg, ApiError> {
    if van >= tot {
        return Err(ApiError::field("tot", "moet na van liggen"));
    }
    let casussen = Casussen::load(c, swv, van, van)?;
    let mut totaal = Uitkomsten::default();
    let mut per_gemeente: BTreeMap<String, GemeenteVervolg> = BTreeMap::new();
    let mut per_perspectief: BTreeMap<String, Uitkomsten> = PERSPECTIEVEN
        .iter()
        .map(|p| p.as_str().to_string())
        .chain(["onbekend".to_string()])
        .map(|k| (k, Uitkomsten::default()))
        .collect();
    for case in casussen.cases.iter().filter(|c| c.actief_op(van)) {
        let (w, perspectief) = waar(case, tot);
        totaal.tel(w);
        if let Some((id, cbs, naam)) = casussen.gemeenten.get(&case.gemeente_id) {
            per_gemeente
                .entry(cbs.clone())
                .or_insert_with(|| GemeenteVervolg {
                    gemeente_id: *id,
                    cbs_code: cbs.clone(),
                    naam: naam.clone(),
                    uitkomsten: Uitkomsten::default(),
                })
                .uitkomsten
                .tel(w);
        }
        if let Some(p) = perspectief {
            let key = p.map_or("onbekend", Perspectief::as_str);
            if let Some(u) = per_perspectief.get_mut(key) {
                u.tel(w);
            }
        }
    }
    Ok(Vervolg {
        van,
        tot,
        uitkomsten: totaal,
        gemeenten: per_gemeente.into_values().collect(),
        per_perspectief,
    })
}
