//! School contacts at national scale: every school with a consulent gets about six contacts in
//! the last complete school year (a few fewer than three) and its share of this year up to the
//! synthetic today; some recent follow-ups are still open, so every consulent has a worklist.

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::schooljaar::{schooljaar_grenzen, schooljaar_van};
use crate::schoolcontacten::store::contacten::{ContactSignaal, ContactSoort};

use super::rng::Rng;
use super::rows;
use super::world::{Batch, World};

const SOORTEN: [(ContactSoort, u32); 7] = [
    (ContactSoort::Startgesprek, 10),
    (ContactSoort::Consultatie, 35),
    (ContactSoort::MesoGesprek, 12),
    (ContactSoort::Observatie, 12),
    (ContactSoort::Signaal, 10),
    (ContactSoort::Evaluatie, 11),
    (ContactSoort::Overig, 10),
];

const SIGNALEN: [(Option<ContactSignaal>, u32); 4] = [
    (Some(ContactSignaal::OpKoers), 65),
    (Some(ContactSignaal::Aandacht), 20),
    (Some(ContactSignaal::Risico), 5),
    (None, 10),
];

const ONDERWERPEN: [&str; 6] = [
    "Inzet ondersteuningsbudget",
    "Leerling met een ondersteuningsvraag",
    "Overleg met de intern begeleider",
    "Observatie in de groep",
    "Meso-gesprek met directie",
    "Evaluatie van de arrangementen",
];

/// A working day in `[van, tot]`.
fn dag(rng: &mut Rng, van: NaiveDate, tot: NaiveDate) -> NaiveDate {
    let d = van + Duration::days(rng.range(0, (tot - van).num_days().max(0)));
    match d.weekday().num_days_from_monday() {
        5 => (d - Duration::days(1)).max(van),
        6 => (d - Duration::days(2)).max(van),
        _ => d,
    }
}

pub fn synth(world: &mut World, rng: &mut Rng, batch: &mut Batch, swv: crate::db::Id) {
    let today = world.today.date();
    let now = world.today;
    let huidig = today.year() - i32::from(today.month() < 8);
    let (vorig_van, vorig_tot) = schooljaar_grenzen(huidig - 1);
    let (dit_van, _) = schooljaar_grenzen(huidig);
    // Contacts happen while school runs: September to mid-July.
    let periodes = [
        (
            vorig_van + Duration::days(31),
            vorig_tot - Duration::days(16),
            1.0,
        ),
        (
            dit_van + Duration::days(31),
            today - Duration::days(1),
            ((today - dit_van).num_days() - 31).max(0) as f64 / 318.0,
        ),
    ];
    let scholen: Vec<(crate::db::Id, crate::db::Id)> = batch
        .scholen
        .iter()
        .filter(|s| s.samenwerkingsverband_id == swv)
        .filter_map(|s| s.consulent_id.map(|k| (s.id, k)))
        .collect();
    for (school, consulent) in scholen {
        let jaar = if rng.chance(0.05) {
            rng.range(1, 2)
        } else {
            rng.range(3, 9)
        };
        for (van, tot, deel) in periodes {
            if tot < van {
                continue;
            }
            let n = (jaar as f64 * deel).round() as usize;
            for k in 0..n {
                let datum = dag(rng, van, tot);
                let vervolg = rng.chance(0.3);
                let open = vervolg && datum + Duration::days(21) > today && rng.chance(0.5);
                batch.schoolcontacten.push(rows::Schoolcontact {
                    id: world.ids.next(),
                    samenwerkingsverband_id: swv,
                    school_id: school,
                    datum,
                    soort: if k == 0 {
                        ContactSoort::Startgesprek
                    } else {
                        rng.weighted(&SOORTEN)
                    },
                    consulent_id: consulent,
                    onderwerp: rng.pick(&ONDERWERPEN).to_string(),
                    signaal: rng.weighted(&SIGNALEN),
                    vervolg_op: vervolg.then(|| datum + Duration::days(rng.range(7, 21))),
                    vervolg_gedaan: vervolg && !open,
                    schooljaar: schooljaar_van(datum),
                    created_at: now,
                    updated_at: now,
                    versie: 1,
                });
            }
        }
    }
}
