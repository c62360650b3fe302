//! The TLV desk: every open item of the SWV's TLV work, one per reason, in six statements
//! whatever the number of requests.

use chrono::{Duration, Months, NaiveDate};

use crate::store_prelude::*;

use super::adviezen;
use super::klok;
use super::soorten::{Discipline, OpschortingReden, TlvStatus};
use crate::domain::werk::{WerkItem, WerkSoort};
use crate::schema::{leerlingen, tlv_adviezen, tlv_bezwaren, tlv_opschortingen, tlvs};

/// Days an `aanvulling` may be awaited before the desk is reminded.
pub const AANVULLING_DAGEN: i64 = 14;

fn datum(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn link(id: Id) -> String {
    format!("/toelaatbaarheidsverklaringen/{id}")
}

fn dagen(n: i64) -> String {
    match n {
        0 => "vandaag".into(),
        1 => "nog 1 dag".into(),
        n if n > 1 => format!("nog {n} dagen"),
        -1 => "1 dag te laat".into(),
        n => format!("{} dagen te laat", -n),
    }
}

/// Every item of the SWV's desk on `vandaag`, in the list's order; `binnen_maanden` is how far
/// ahead the ends of granted TLV's are looked for.
pub fn items(
    c: &mut DbConn,
    swv: Id,
    vandaag: NaiveDate,
    binnen_maanden: u32,
) -> Result<Vec<WerkItem>, ApiError> {
    let mut items = Vec::new();

    // Open requests: the deadline, and the advice they still lack.
    let open: Vec<(Id, Id, String, Option<NaiveDate>)> = tlvs::table
        .inner_join(leerlingen::table)
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::status.eq(TlvStatus::InBehandeling))
        .select((
            tlvs::id,
            tlvs::leerling_id,
            leerlingen::referentie,
            tlvs::uiterlijke_beslisdatum,
        ))
        .load(c)?;
    let advies: Vec<(Id, String, Discipline)> = tlv_adviezen::table
        .inner_join(tlvs::table)
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::status.eq(TlvStatus::InBehandeling))
        .select((
            tlv_adviezen::tlv_id,
            tlv_adviezen::deskundige,
            tlv_adviezen::discipline,
        ))
        .load(c)?;
    for (id, leerling, referentie, deadline) in &open {
        // A suspended request waits; its clock stands still.
        let Some(d) = *deadline else { continue };
        items.push(WerkItem {
            soort: WerkSoort::TlvTermijn,
            reden: format!(
                "Beslissen uiterlijk {} ({})",
                datum(d),
                dagen(klok::dagen_tot(vandaag, d))
            ),
            datum: d,
            link: link(*id),
            referentie: Some(referentie.clone()),
            leerling_id: Some(*leerling),
        });
        let missing = adviezen::ontbreekt(
            advies
                .iter()
                .filter(|(t, _, _)| t == id)
                .map(|(_, n, d)| (n.as_str(), *d)),
        );
        if !missing.is_empty() {
            let wat: Vec<&str> = missing
                .iter()
                .map(|m| match *m {
                    "orthopedagoog_of_psycholoog" => "een orthopedagoog of psycholoog",
                    _ => "een tweede deskundige",
                })
                .collect();
            items.push(WerkItem {
                soort: WerkSoort::TlvAdvies,
                reden: format!("Advies ontbreekt van {}", wat.join(" en ")),
                datum: d,
                link: link(*id),
                referentie: Some(referentie.clone()),
                leerling_id: Some(*leerling),
            });
        }
    }

    // Waiting for missing information for too long.
    let wachten: Vec<(Id, Id, String, NaiveDate)> = tlv_opschortingen::table
        .inner_join(tlvs::table.inner_join(leerlingen::table))
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::status.eq(TlvStatus::InBehandeling))
        .filter(tlv_opschortingen::tot.is_null())
        .filter(tlv_opschortingen::reden.eq(OpschortingReden::Aanvulling))
        .filter(tlv_opschortingen::van.lt(vandaag - Duration::days(AANVULLING_DAGEN)))
        .select((
            tlvs::id,
            tlvs::leerling_id,
            leerlingen::referentie,
            tlv_opschortingen::van,
        ))
        .load(c)?;
    for (id, leerling, referentie, van) in wachten {
        items.push(WerkItem {
            soort: WerkSoort::TlvAanvulling,
            reden: format!(
                "Wacht sinds {} op aanvulling ({} dagen)",
                datum(van),
                (vandaag - van).num_days()
            ),
            datum: van + Duration::days(AANVULLING_DAGEN),
            link: link(id),
            referentie: Some(referentie),
            leerling_id: Some(leerling),
        });
    }

    // Granted TLV's that end soon, unless a later request of the pupil is there.
    let tot = vandaag
        .checked_add_months(Months::new(binnen_maanden))
        .unwrap_or(vandaag);
    let aflopend: Vec<(Id, Id, String, NaiveDate, Option<NaiveDate>)> = tlvs::table
        .inner_join(leerlingen::table)
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::status.eq(TlvStatus::Toegekend))
        .filter(tlvs::einddatum.ge(vandaag))
        .filter(tlvs::einddatum.le(tot))
        .select((
            tlvs::id,
            tlvs::leerling_id,
            leerlingen::referentie,
            tlvs::ontvangen_op,
            tlvs::einddatum,
        ))
        .load(c)?;
    let pupils: Vec<Id> = aflopend.iter().map(|a| a.1).collect();
    let later: Vec<(Id, NaiveDate)> = tlvs::table
        .filter(tlvs::leerling_id.eq_any(&pupils))
        .filter(tlvs::status.ne(TlvStatus::Ingetrokken))
        .select((tlvs::leerling_id, tlvs::ontvangen_op))
        .load(c)?;
    for (id, leerling, referentie, ontvangen, einde) in aflopend {
        let Some(einde) = einde else { continue };
        if later.iter().any(|(l, o)| *l == leerling && *o > ontvangen) {
            continue;
        }
        items.push(WerkItem {
            soort: WerkSoort::TlvHerbeoordeling,
            reden: format!(
                "TLV loopt af op {}; er is nog geen nieuwe aanvraag",
                datum(einde)
            ),
            datum: einde,
            link: link(id),
            referentie: Some(referentie),
            leerling_id: Some(leerling),
        });
    }

    // Objections not yet decided.
    let bezwaren: Vec<(Id, Id, String, NaiveDate)> = tlv_bezwaren::table
        .inner_join(tlvs::table.inner_join(leerlingen::table))
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlv_bezwaren::uitkomst.is_null())
        .select((
            tlvs::id,
            tlvs::leerling_id,
            leerlingen::referentie,
            tlv_bezwaren::ontvangen_op,
        ))
        .load(c)?;
    for (id, leerling, referentie, ontvangen) in bezwaren {
        let d = klok::volgende_werkdag(ontvangen + Duration::days(klok::BEZWAARTERMIJN_DAGEN));
        items.push(WerkItem {
            soort: WerkSoort::TlvBezwaar,
            reden: format!(
                "Bezwaar ontvangen op {}; beslissen op bezwaar uiterlijk {}",
                datum(ontvangen),
                datum(d)
            ),
            datum: d,
            link: link(id),
            referentie: Some(referentie),
            leerling_id: Some(leerling),
        });
    }

    WerkItem::sort(&mut items);
    Ok(items)
}
