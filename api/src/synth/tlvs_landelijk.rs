//! TLV's at national scale: every synthetic SWV gets the TLV's of its last two full school
//! years from the generator of the demo (`tlvs.rs`), in proportion to its pupils.

use chrono::{Datelike, NaiveDate};

use crate::db::Id;
use crate::tlv::store::TlvSoort;

use super::rng::Rng;
use super::tlvs::{generate, TlvJaar, TlvSwv};
use super::world::{Batch, World};

/// The TLV's of one synthetic SWV for the last two full school years: about one in twenty-six
/// of its pupils a year, as many decided as the national figures have (about 50,000 a year).
pub fn synth(world: &mut World, rng: &mut Rng, batch: &mut Batch, swv: Id) {
    use crate::org::store::scholen::SchoolSoort;
    let po = !batch.scholen.iter().any(|s| s.soort == SchoolSoort::Vo);
    let regulier: Vec<Id> = batch
        .scholen
        .iter()
        .filter(|s| {
            matches!(
                s.soort,
                SchoolSoort::Bao | SchoolSoort::Ikc | SchoolSoort::Vo
            )
        })
        .map(|s| s.id)
        .collect();
    let voorzieningen: Vec<(Id, TlvSoort)> = batch
        .scholen
        .iter()
        .filter_map(|s| match s.soort {
            SchoolSoort::Sbo if po => Some((s.id, TlvSoort::Sbo)),
            SchoolSoort::So if po => Some((s.id, TlvSoort::So)),
            SchoolSoort::Vso if !po => Some((s.id, TlvSoort::Vso)),
            _ => None,
        })
        .collect();
    let leerlingen: Vec<(Id, NaiveDate)> = batch
        .leerlingen
        .iter()
        .filter_map(|l| {
            let d = NaiveDate::parse_from_str(&format!("{}-01", l.geboortemaand), "%Y-%m-%d");
            Some((l.id, d.ok()?))
        })
        .collect();
    let today = world.today;
    let huidig = today.year() - i32::from(today.month() < 8);
    let deel = |n: usize, p: f64| (n as f64 * p).round() as usize;
    let jaren: Vec<TlvJaar> = [huidig - 2, huidig - 1]
        .into_iter()
        .map(|jaar| {
            let n = deel(leerlingen.len(), 1.0 / 26.0).max(1);
            let per_rij = if po {
                let sbo = deel(n, 0.4);
                let laag = deel(n, 0.35);
                let midden = deel(n, 0.14);
                vec![sbo, laag, midden, n - sbo - laag - midden]
            } else {
                let laag = deel(n, 0.6);
                let midden = deel(n, 0.25);
                vec![laag, midden, n - laag - midden]
            };
            let t1 = deel(n, 0.24);
            let t2 = deel(n, 0.22);
            let herkomst = [(0.25, 1.3), (0.33, 1.45), (0.48, 1.6)].map(|(p, gem)| {
                let scholen = deel(regulier.len(), p);
                (scholen, deel(scholen, gem))
            });
            TlvJaar {
                jaar,
                per_rij,
                verlengingen: deel(n, 0.4),
                per_trimester: [t1, t2, n - t1 - t2],
                afgewezen: deel(n, 0.02),
                tijdelijk: [deel(n, 0.03), deel(n, 0.03)],
                vanaf8: if po { deel(n, 0.58) } else { n },
                duur_maanden: 26.0,
                herkomst,
                terug: [deel(n, 0.003), deel(n, 0.012)],
            }
        })
        .collect();
    let mut made = Batch::default();
    generate(
        &TlvSwv {
            id: swv,
            po,
            regulier: &regulier,
            voorzieningen: &voorzieningen,
            leerlingen: &leerlingen,
            now: today,
        },
        &jaren,
        rng,
        &mut world.ids,
        &mut made,
    );
    batch.tlvs.append(&mut made.tlvs);
    batch.tlv_adviezen.append(&mut made.tlv_adviezen);
}
