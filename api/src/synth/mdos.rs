//! MDO's of a school year: a given number per trimester, an exact number at level 3, at the
//! schools that ask for support and mostly about one of their pupils.

use chrono::NaiveDate;

use crate::mdos::store::Uitkomst;

use super::rng::{Ids, Rng};
use super::rows;
use super::world::Batch;
use super::zorg::{leerling, werkdag, Jaar, Swv};

const UITKOMSTEN: [(Uitkomst, u32); 5] = [
    (Uitkomst::Advies, 40),
    (Uitkomst::Arrangement, 30),
    (Uitkomst::TlvAanvraag, 12),
    (Uitkomst::VerwijzingJeugdhulp, 8),
    (Uitkomst::GeenVervolg, 10),
];

pub fn generate(swv: &Swv, jaar: &Jaar, rng: &mut Rng, ids: &mut Ids, batch: &mut Batch) {
    let schooljaar = format!("{}-{}", jaar.jaar, jaar.jaar + 1);
    let totaal: usize = jaar.mdos.iter().sum();
    let mut niveaus: Vec<i32> = (0..totaal)
        .map(|i| {
            if i < jaar.mdo_niveau3 {
                3
            } else {
                [2, 2, 2, 1, 4][i % 5]
            }
        })
        .collect();
    rng.shuffle(&mut niveaus);
    let gewichten: Vec<(usize, u32)> = swv
        .scholen
        .iter()
        .enumerate()
        .map(|(i, s)| (i, s.gewicht))
        .collect();
    // Trimesters: August-November, December-March, April-July.
    let grenzen = [
        (
            NaiveDate::from_ymd_opt(jaar.jaar, 8, 20),
            NaiveDate::from_ymd_opt(jaar.jaar, 11, 30),
        ),
        (
            NaiveDate::from_ymd_opt(jaar.jaar, 12, 1),
            NaiveDate::from_ymd_opt(jaar.jaar + 1, 3, 31),
        ),
        (
            NaiveDate::from_ymd_opt(jaar.jaar + 1, 4, 1),
            NaiveDate::from_ymd_opt(jaar.jaar + 1, 7, 15),
        ),
    ];
    let mut niveau = niveaus.into_iter();
    for (n, (van, tot)) in jaar.mdos.iter().zip(grenzen) {
        let (Some(van), Some(tot)) = (van, tot) else {
            continue;
        };
        for _ in 0..*n {
            let school = &swv.scholen[rng.weighted(&gewichten)];
            let leerling = rng
                .chance(0.85)
                .then(|| leerling(swv, rng, school.id))
                .filter(|l| l.1 == school.id)
                .map(|l| l.0);
            batch.mdos.push(rows::Mdo {
                id: ids.next(),
                samenwerkingsverband_id: swv.id,
                datum: werkdag(rng, van, tot),
                school_id: school.id,
                leerling_id: leerling,
                ondersteuningsniveau: niveau.next().unwrap_or(2),
                consulent_aanwezig: rng.chance(0.7),
                uitkomst: rng.weighted(&UITKOMSTEN),
                schooljaar: schooljaar.clone(),
                created_at: swv.now,
                updated_at: swv.now,
                versie: 1,
            });
        }
    }
}
