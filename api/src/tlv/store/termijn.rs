//! The clock of a stored request: recomputed and kept on the record after every change that
//! moves it (so lists can filter and sort on the deadline), and the rules for what a change of
//! the request may do to it (status and verdaging).

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::klok::{Klok, Periode};
use super::soorten::TlvStatus;
use super::tlvs::Tlv;
use crate::schema::{samenwerkingsverbanden, tlv_opschortingen, tlvs};

/// Stores where the clock of request `id` stands now.
pub fn herbereken(c: &mut DbConn, swv: Id, id: Id) -> Result<(), ApiError> {
    let (start, verdaging): (NaiveDate, i32) = tlvs::table
        .filter(tlvs::id.eq(id))
        .select((tlvs::termijn_vanaf, tlvs::verdaging_dagen))
        .first(c)?;
    let termijn: i32 = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(swv))
        .select(samenwerkingsverbanden::beslistermijn_dagen)
        .first(c)?;
    let opschortingen = tlv_opschortingen::table
        .filter(tlv_opschortingen::tlv_id.eq(id))
        .select((tlv_opschortingen::van, tlv_opschortingen::tot))
        .load::<(NaiveDate, Option<NaiveDate>)>(c)?
        .into_iter()
        .map(|(van, tot)| Periode { van, tot })
        .collect();
    let stand = Klok {
        start,
        termijn_dagen: i64::from(termijn),
        verdaging_dagen: i64::from(verdaging),
        opschortingen,
    }
    .stand();
    diesel::update(tlvs::table.filter(tlvs::id.eq(id)))
        .set((
            tlvs::uiterlijke_beslisdatum.eq(stand.uiterlijke_beslisdatum),
            tlvs::resterend_bij_opschorting.eq(stand
                .resterend_bij_opschorting
                .map(|d| d.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)),
        ))
        .execute(c)?;
    Ok(())
}

/// `409` unless the request is still open: advice, suspensions and a decision belong to an open
/// request.
pub fn open(t: &Tlv, wat: &str) -> Result<(), ApiError> {
    match t.status {
        TlvStatus::InBehandeling => Ok(()),
        TlvStatus::Ingetrokken => Err(ApiError::conflict(format!(
            "De aanvraag is ingetrokken: {wat} kan niet meer."
        ))),
        _ => Err(ApiError::conflict(format!(
            "Over de aanvraag is al beslist: {wat} kan pas weer als een gegrond bezwaar haar heropent."
        ))),
    }
}
