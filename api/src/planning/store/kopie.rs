//! The copy of an activiteitenplan into the next school year: what is not finished carries over.

use crate::store_prelude::*;

use super::activiteiten::{of_plan, Activiteit, ActiviteitSoort};
use super::evaluaties::EvaluatieStatus;
use super::Signaal;
use crate::schema::activiteiten;

/// Copies every activity of `from` that is not finished (evaluated `uitgevoerd` or signalled
/// `afgerond`) into the plan `to`: as planned work, without evaluation, pointing at its origin.
pub fn carry_over(
    c: &mut DbConn,
    swv: Id,
    from: Id,
    to: Id,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let open: Vec<Activiteit> = of_plan(c, swv, from)?
        .into_iter()
        .filter(|a| {
            !a.evaluatie.as_ref().is_some_and(|e| {
                e.status == EvaluatieStatus::Uitgevoerd || e.signaal == Some(Signaal::Afgerond)
            })
        })
        .collect();
    for (i, a) in open.iter().enumerate() {
        // One microsecond apart, so the copies keep the order of their origins.
        let at = now + chrono::Duration::microseconds(i as i64);
        diesel::insert_into(activiteiten::table)
            .values((
                activiteiten::id.eq(Id::new()),
                activiteiten::samenwerkingsverband_id.eq(swv),
                activiteiten::activiteitenplan_id.eq(to),
                activiteiten::ambitie_id.eq(a.ambitie_id),
                activiteiten::omschrijving.eq(&a.omschrijving),
                activiteiten::soort.eq(ActiviteitSoort::Gepland),
                activiteiten::portefeuille_id.eq(a.portefeuille_id),
                activiteiten::project_id.eq(a.project_id),
                activiteiten::streefwaarde.eq(&a.streefwaarde),
                activiteiten::streef_richting.eq(a.streef.map(|s| s.richting)),
                activiteiten::streef_waarde.eq(a.streef.map(|s| s.waarde)),
                activiteiten::streef_eenheid.eq(a.streef.map(|s| s.eenheid)),
                activiteiten::verantwoordelijke_id.eq(a.verantwoordelijke_id),
                activiteiten::herkomst_id.eq(Some(a.id)),
                activiteiten::created_at.eq(at),
                activiteiten::updated_at.eq(at),
                activiteiten::versie.eq(1),
            ))
            .execute(c)?;
    }
    Ok(open.len())
}
