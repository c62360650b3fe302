//! TLV's of PPO Noord-Kennemerland in 2015-2016 and 2016-2017, from which Koers computes the
//! figures of its trimester report: 444 granted in 2016-2017 (263 new, 181 extensions), as
//! many as the year before, all within the term, on average for 26.0 months, 58 % for pupils of
//! 8 and older, 14 SBO and 13 SO temporary placements, and 5 SO and 1 SBO pupils back in regular
//! education. Besides, requests of this school year at the desk: one about to run late, one
//! late, one waiting for information, one without advice, TLV's that end this year and an
//! objection, so the worklist shows every reason.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::domain::time;
use crate::error::ApiError;
use crate::org::store::scholen::SchoolSoort;
use crate::schema::{leerlingen, scholen, tlvs};
use crate::synth::rng::{Ids, Rng};
use crate::synth::rows;
use crate::synth::tlvs::{generate, TlvJaar, TlvSwv};
use crate::synth::world::Batch;
use crate::tlv::store::soorten::{BesluitUitkomst, Discipline, OpschortingReden};
use crate::tlv::store::{Aanvraag, TlvSoort, TlvStatus};

const CODE: &str = "PO2702";

fn jaar(j: i32) -> TlvJaar {
    TlvJaar {
        jaar: j,
        // SBO, SO laag, midden, hoog.
        per_rij: vec![177, 160, 60, 47],
        verlengingen: 181,
        // The peak of the third trimester: every TLV ends on 31 July.
        per_trimester: [106, 96, 242],
        afgewezen: 9,
        tijdelijk: [14, 13],
        vanaf8: 258,
        duur_maanden: 26.0,
        herkomst: [(9, 12), (11, 16), (17, 27)],
        terug: [1, 5],
    }
}

pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    let Some(swv) = super::swv::swv_met_code(c, CODE)? else {
        return Ok(());
    };
    let loaded: i64 = tlvs::table
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .count()
        .get_result(c)?;
    if loaded > 0 {
        return Ok(());
    }
    let scholen: Vec<(Id, SchoolSoort)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .order(scholen::brin)
        .select((scholen::id, scholen::soort))
        .load(c)?;
    let regulier: Vec<Id> = scholen
        .iter()
        .filter(|s| matches!(s.1, SchoolSoort::Bao | SchoolSoort::Ikc))
        .map(|s| s.0)
        .collect();
    let voorzieningen: Vec<(Id, TlvSoort)> = scholen
        .iter()
        .filter_map(|s| match s.1 {
            SchoolSoort::Sbo => Some((s.0, TlvSoort::Sbo)),
            SchoolSoort::So => Some((s.0, TlvSoort::So)),
            _ => None,
        })
        .collect();
    let pupils: Vec<(Id, NaiveDate)> = leerlingen::table
        .filter(leerlingen::samenwerkingsverband_id.eq(swv))
        .order(leerlingen::referentie)
        .select((leerlingen::id, leerlingen::geboortemaand))
        .load::<(Id, String)>(c)?
        .into_iter()
        .filter_map(|(id, m)| {
            Some((
                id,
                NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok()?,
            ))
        })
        .collect();
    let tlv_swv = TlvSwv {
        id: swv,
        po: true,
        regulier: &regulier,
        voorzieningen: &voorzieningen,
        leerlingen: &pupils,
        now: time::now(),
    };
    let mut batch = Batch::default();
    let mut rng = Rng::new(2017, 18);
    let mut ids = Ids::new(2718);
    generate(
        &tlv_swv,
        &[jaar(2015), jaar(2016)],
        &mut rng,
        &mut ids,
        &mut batch,
    );
    balie(&tlv_swv, &mut rng, &mut ids, &mut batch);
    batch.write(c)?;
    Ok(())
}

/// Requests of this school year in every state the desk has to act on.
fn balie(swv: &TlvSwv, rng: &mut Rng, ids: &mut Ids, batch: &mut Batch) {
    let vandaag = time::today();
    let nieuw = |batch: &mut Batch, rng: &mut Rng, ids: &mut Ids, dagen: i64, adviezen: usize| {
        open_aanvraag(
            swv,
            batch,
            rng,
            ids,
            vandaag - Duration::days(dagen),
            adviezen,
        )
    };
    // About to run late, and late; one without any advice yet.
    nieuw(batch, rng, ids, 38, 2);
    nieuw(batch, rng, ids, 47, 1);
    nieuw(batch, rng, ids, 6, 0);
    // Waiting 20 days for a report: the clock stands still.
    let wacht = nieuw(batch, rng, ids, 26, 1);
    let t = &mut batch.tlvs[wacht];
    let van = vandaag - Duration::days(20);
    t.resterend_bij_opschorting = t
        .uiterlijke_beslisdatum
        .map(|d| (d - van).num_days() as i32);
    t.uiterlijke_beslisdatum = None;
    batch.tlv_opschortingen.push(rows::TlvOpschorting {
        id: ids.next(),
        tlv_id: t.id,
        van,
        tot: None,
        reden: OpschortingReden::Aanvulling,
        toelichting: "Wacht op het verslag van de jeugdarts".into(),
        created_at: swv.now,
    });
    // Refused five weeks ago; the parents objected.
    let bezwaar = nieuw(batch, rng, ids, 80, 2);
    let t = &mut batch.tlvs[bezwaar];
    let besluit = t.ontvangen_op + Duration::days(30);
    t.status = TlvStatus::Afgewezen;
    t.besluit_datum = Some(besluit);
    t.besluit_verzonden_op = Some(besluit);
    t.besluit_uitkomst = Some(BesluitUitkomst::Afgewezen);
    batch.tlv_bezwaren.push(rows::TlvBezwaar {
        tlv_id: t.id,
        ontvangen_op: besluit + Duration::days(12),
        verschoonbaar: false,
        advies_lbt: None,
        uitkomst: None,
        beslist_op: None,
    });
    // Temporary placements granted last spring that end in two and a half months.
    let einde = vandaag + Duration::days(75);
    for _ in 0..2 {
        let i = nieuw(batch, rng, ids, 400, 2);
        let t = &mut batch.tlvs[i];
        let besluit = t.ontvangen_op + Duration::days(28);
        t.status = TlvStatus::Toegekend;
        t.tijdelijk = true;
        t.besluit_datum = Some(besluit);
        t.besluit_verzonden_op = Some(besluit);
        t.besluit_uitkomst = Some(BesluitUitkomst::Toegekend);
        t.ingangsdatum = Some(besluit + Duration::days(7));
        t.einddatum = Some(einde);
        t.voorziening_school_id = swv
            .voorzieningen
            .iter()
            .find(|v| v.1 == t.soort)
            .map(|v| v.0);
    }
}

/// An open request received on `ontvangen` with the first `adviezen` of two advices.
fn open_aanvraag(
    swv: &TlvSwv,
    batch: &mut Batch,
    rng: &mut Rng,
    ids: &mut Ids,
    ontvangen: NaiveDate,
    adviezen: usize,
) -> usize {
    let (leerling, _) = *rng.pick(swv.leerlingen);
    let soort = if rng.chance(0.5) {
        TlvSoort::Sbo
    } else {
        TlvSoort::So
    };
    let id = ids.next();
    for (naam, discipline) in [
        ("drs. L. Verhoef", Discipline::Orthopedagoog),
        ("J. van den Berg", Discipline::Arts),
    ]
    .iter()
    .take(adviezen)
    {
        batch.tlv_adviezen.push(rows::TlvAdvies {
            id: ids.next(),
            tlv_id: id,
            deskundige: (*naam).into(),
            discipline: *discipline,
            datum: ontvangen + Duration::days(3),
            advies: crate::tlv::store::soorten::AdviesUitkomst::Toelaatbaar,
            toelichting: String::new(),
            created_at: swv.now,
        });
    }
    batch.tlvs.push(rows::Tlv {
        id,
        samenwerkingsverband_id: swv.id,
        leerling_id: leerling,
        school_van_herkomst_id: swv.regulier.first().copied(),
        soort,
        categorie: (soort == TlvSoort::So).then_some(crate::tlv::store::TlvCategorie::Laag),
        aanvraag: Aanvraag::Nieuw,
        verlenging_van_id: None,
        tijdelijk: false,
        ontvangen_op: ontvangen,
        verdaging_dagen: 0,
        verdaging_reden: String::new(),
        status: TlvStatus::InBehandeling,
        termijn_vanaf: ontvangen,
        uiterlijke_beslisdatum: Some(crate::tlv::store::klok::volgende_werkdag(
            ontvangen + Duration::days(42),
        )),
        resterend_bij_opschorting: None,
        besluit_datum: None,
        besluit_verzonden_op: None,
        besluit_uitkomst: None,
        ingangsdatum: None,
        einddatum: None,
        voorziening_school_id: None,
        motivering: String::new(),
        uitstroom_datum: None,
        uitstroom_vervolg: None,
        schooljaar: crate::domain::schooljaar_van(ontvangen),
        created_at: swv.now,
        updated_at: swv.now,
        versie: 1,
    });
    batch.tlvs.len() - 1
}
