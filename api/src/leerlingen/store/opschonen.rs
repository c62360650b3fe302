//! Retention: pupils whose last record ended longer ago than the SWV's `bewaartermijnJaren`,
//! with no open record, are anonymised. Their rows stay, so every count of the past stays what
//! it was, while no child can be traced any more.

use crate::store_prelude::*;
use chrono::{Months, NaiveDate};
use rand::Rng;

use crate::arrangementen::store::ArrangementStatus;
use crate::schema::{
    arrangementen, leerlingen, mdos, samenwerkingsverbanden, thuiszitters, tlv_adviezen,
    tlv_opschortingen, tlvs,
};
use crate::tlv::store::TlvStatus;

/// What one run did in one SWV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opgeschoond {
    pub samenwerkingsverband: String,
    pub bewaartermijn_jaren: i32,
    pub geanonimiseerd: usize,
}

/// A reference nobody chose: it cannot be traced back to the SWV's own records.
fn random_referentie() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    let tail: String = (0..16)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    format!("ANON-{tail}")
}

/// Anonymises, in every SWV, the pupils whose retention ended before `today`: the pupil itself
/// last changed, its arrangementen, TLV's and thuiszitters' cases ended, its MDO's held and its
/// TLV's decided before the limit, and no request or case still open. Free text about them (toelichtingen, a decision's
/// motivering) is emptied.
pub fn run(c: &mut DbConn, today: NaiveDate) -> Result<Vec<Opgeschoond>, ApiError> {
    let swvs: Vec<(Id, String, i32)> = samenwerkingsverbanden::table
        .select((
            samenwerkingsverbanden::id,
            samenwerkingsverbanden::naam,
            samenwerkingsverbanden::bewaartermijn_jaren,
        ))
        .order_by(samenwerkingsverbanden::naam.asc())
        .load(c)?;
    let now = time::now();
    let mut done = Vec::new();
    for (swv, naam, jaren) in swvs {
        let grens = today
            .checked_sub_months(Months::new(12 * jaren.max(1) as u32))
            .unwrap_or(today);
        let due: Vec<(Id, String, i32)> = leerlingen::table
            .filter(leerlingen::samenwerkingsverband_id.eq(swv))
            .filter(leerlingen::geanonimiseerd.eq(false))
            .filter(leerlingen::updated_at.lt(time::local_midnight(grens)))
            .filter(diesel::dsl::not(diesel::dsl::exists(
                arrangementen::table
                    .filter(arrangementen::leerling_id.eq(leerlingen::id.nullable()))
                    .filter(
                        arrangementen::einddatum
                            .ge(grens)
                            .or(arrangementen::status.eq(ArrangementStatus::Aangevraagd)),
                    ),
            )))
            .filter(diesel::dsl::not(diesel::dsl::exists(
                mdos::table
                    .filter(mdos::leerling_id.eq(leerlingen::id.nullable()))
                    .filter(mdos::datum.ge(grens)),
            )))
            .filter(diesel::dsl::not(diesel::dsl::exists(
                tlvs::table
                    .filter(tlvs::leerling_id.eq(leerlingen::id))
                    .filter(
                        tlvs::status
                            .eq(TlvStatus::InBehandeling)
                            .or(tlvs::ontvangen_op.ge(grens))
                            .or(tlvs::besluit_datum.ge(grens).assume_not_null())
                            .or(tlvs::einddatum.ge(grens).assume_not_null()),
                    ),
            )))
            .filter(diesel::dsl::not(diesel::dsl::exists(
                thuiszitters::table
                    .filter(thuiszitters::leerling_id.eq(leerlingen::id))
                    .filter(
                        thuiszitters::einddatum
                            .is_null()
                            .or(thuiszitters::einddatum.ge(grens).assume_not_null()),
                    ),
            )))
            .select((
                leerlingen::id,
                leerlingen::geboortemaand,
                leerlingen::versie,
            ))
            .load(c)?;
        for (id, maand, versie) in &due {
            diesel::update(leerlingen::table.filter(leerlingen::id.eq(id)))
                .set((
                    leerlingen::referentie.eq(random_referentie()),
                    leerlingen::geboortemaand.eq(format!("{}-01", &maand[..4])),
                    leerlingen::geanonimiseerd.eq(true),
                    leerlingen::updated_at.eq(now),
                    leerlingen::versie.eq(versie + 1),
                ))
                .execute(c)?;
            diesel::update(arrangementen::table.filter(arrangementen::leerling_id.eq(id)))
                .filter(arrangementen::toelichting.ne(""))
                .set((
                    arrangementen::toelichting.eq(""),
                    arrangementen::updated_at.eq(now),
                    arrangementen::versie.eq(arrangementen::versie + 1),
                ))
                .execute(c)?;
            leeg_tlv_teksten(c, *id, now)?;
            diesel::update(thuiszitters::table.filter(thuiszitters::leerling_id.eq(id)))
                .filter(thuiszitters::toelichting.ne(""))
                .set((
                    thuiszitters::toelichting.eq(""),
                    thuiszitters::updated_at.eq(now),
                    thuiszitters::versie.eq(thuiszitters::versie + 1),
                ))
                .execute(c)?;
        }
        done.push(Opgeschoond {
            samenwerkingsverband: naam,
            bewaartermijn_jaren: jaren,
            geanonimiseerd: due.len(),
        });
    }
    Ok(done)
}

/// Empties the free text of a pupil's TLV's, their advice and suspensions.
fn leeg_tlv_teksten(c: &mut DbConn, leerling: Id, now: NaiveDateTime) -> Result<(), ApiError> {
    let ids = tlvs::table
        .filter(tlvs::leerling_id.eq(leerling))
        .select(tlvs::id);
    diesel::update(tlv_adviezen::table.filter(tlv_adviezen::tlv_id.eq_any(ids)))
        .set(tlv_adviezen::toelichting.eq(""))
        .execute(c)?;
    diesel::update(tlv_opschortingen::table.filter(tlv_opschortingen::tlv_id.eq_any(ids)))
        .set(tlv_opschortingen::toelichting.eq(""))
        .execute(c)?;
    diesel::update(tlvs::table.filter(tlvs::leerling_id.eq(leerling)))
        .filter(tlvs::motivering.ne("").or(tlvs::verdaging_reden.ne("")))
        .set((
            tlvs::motivering.eq(""),
            tlvs::verdaging_reden.eq(""),
            tlvs::updated_at.eq(now),
            tlvs::versie.eq(tlvs::versie + 1),
        ))
        .execute(c)?;
    Ok(())
}
