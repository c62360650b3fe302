//! Retention: pupils whose last record ended longer ago than the SWV's `bewaartermijnJaren`,
//! with no open record, are anonymised. Their rows stay, so every count of the past stays what
//! it was, while no child can be traced any more.

use crate::store_prelude::*;
use chrono::{Months, NaiveDate};
use rand::Rng;

use crate::arrangementen::store::ArrangementStatus;
use crate::schema::{arrangementen, leerlingen, mdos, samenwerkingsverbanden};

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
/// last changed, its arrangementen ended and its MDO's held before the limit, and no request
/// still open. Free text about them (an arrangement's toelichting) is emptied.
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
        }
        done.push(Opgeschoond {
            samenwerkingsverband: naam,
            bewaartermijn_jaren: jaren,
            geanonimiseerd: due.len(),
        });
    }
    Ok(done)
}
