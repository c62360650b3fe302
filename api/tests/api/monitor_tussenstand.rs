//! The monitor's stored counts per SWV: they give the same figures as counting the records, they
//! are what an answer is made of while current, and every write that could change a figure
//! drops them in its own transaction.

use std::collections::HashSet;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use koers::db::{DbConn, Id};
use koers::monitor::store::bronnen::{self, Vraag};
use koers::monitor::store::indeling::{Gemeenten, Indeling};
use koers::monitor::store::tussenstand;
use koers::schema::{gemeenten, monitor_tussenstanden as t, samenwerkingsverbanden, scholen};
use serde_json::Value;

use crate::common::TestApp;

const JOP: &str = "/api/v1/monitor/jop";

fn swv(c: &mut DbConn, code: &str) -> Id {
    samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::code.eq(code))
        .select(samenwerkingsverbanden::id)
        .first(c)
        .expect("demo SWV")
}

fn stored(c: &mut DbConn) -> Vec<Id> {
    let mut v: Vec<Id> = t::table
        .select(t::samenwerkingsverband_id)
        .load(c)
        .expect("stored counts");
    v.sort();
    v
}

fn vraag(jaar: i32, filter: Option<HashSet<Id>>) -> Vraag {
    let (van, tot) = koers::domain::schooljaar::schooljaar_grenzen(jaar);
    Vraag {
        van,
        tot,
        vandaag: koers::domain::time::today(),
        jaar: format!("{jaar}-{}", jaar + 1),
        filter,
    }
}

/// Counted from the records and summed from the stored counts (first made, then read), for
/// every SWV at once and for sets of gemeenten with their predecessors, in both divisions.
async fn the_stored_counts_are_the_counts(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let mut c = app.conn();
    let ids = |c: &mut DbConn, codes: &[&str]| -> Vec<Id> {
        gemeenten::table
            .filter(gemeenten::cbs_code.eq_any(codes))
            .select(gemeenten::id)
            .load(c)
            .unwrap()
    };
    for indeling in [Indeling::Historisch, Indeling::Huidig] {
        let g = Gemeenten::load(&mut c, indeling, koers::domain::time::today()).unwrap();
        let filters = [
            None,
            Some(g.met_voorgangers(&ids(&mut c, &["1980"]))),
            Some(g.met_voorgangers(&ids(&mut c, &["0392", "0398"]))),
        ];
        for jaar in [2016, 2022] {
            for filter in filters.clone() {
                diesel::delete(t::table).execute(&mut c).unwrap();
                let v = vraag(jaar, filter.clone());
                let mut direct = bronnen::tel(&mut c, None, &v, &g).unwrap();
                // Counting the records also lands the caller's records in successors outside
                // its set (the answer leaves them out); the stored counts leave them out at once.
                if let Some(f) = &filter {
                    direct.retain(|id, _| f.contains(id));
                }
                let store = app.state.db.report_store().unwrap();
                let eerst = tussenstand::tel(&mut c, None, &v, &g, Some(&store)).unwrap();
                assert!(!stored(&mut c).is_empty(), "the counts were stored");
                let daarna = tussenstand::tel(&mut c, None, &v, &g, Some(&store)).unwrap();
                let json = |m| serde_json::to_value(m).unwrap();
                let what = format!("{indeling:?} {jaar} {filter:?}");
                assert!(json(&direct) != Value::Object(Default::default()), "{what}");
                assert_eq!(json(&eerst), json(&direct), "counted again: {what}");
                assert_eq!(json(&daarna), json(&direct), "from storage: {what}");
            }
        }
    }
}

/// An answer is made of the stored counts while they are of today; a row of yesterday is
/// counted again.
async fn an_answer_reads_todays_stored_counts(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let lezer = app.demo_login("lezer@ppo-nk.example").await;
    let url = format!("{JOP}?schooljaar=2016-2017");
    let echt = app.get(&url, &lezer).await;
    echt.assert(200);
    let mut c = app.conn();
    let nk = swv(&mut c, "PO2702");
    assert_eq!(stored(&mut c), [nk]);

    // Change the stored count (not the records): the answer follows it.
    let ruw: String = t::table.select(t::ruw).first(&mut c).unwrap();
    let mut json: Value = serde_json::from_str(&ruw).unwrap();
    for g in json.as_object_mut().unwrap().values_mut() {
        g["mdo"] = serde_json::json!([0, 0, 0, 777]);
    }
    diesel::update(t::table)
        .set(t::ruw.eq(json.to_string()))
        .execute(&mut c)
        .unwrap();
    let r = app.get(&url, &lezer).await;
    for g in r.body["gemeenten"].as_array().unwrap() {
        assert_eq!(g["mdo"]["perNiveau"]["4"]["waarde"], 777, "{g}");
    }

    // Counted yesterday: counted again, and stored for today.
    let gisteren = koers::domain::time::today().pred_opt().unwrap();
    diesel::update(t::table)
        .set(t::vandaag.eq(gisteren))
        .execute(&mut c)
        .unwrap();
    let r = app.get(&url, &lezer).await;
    assert_eq!(r.body["gemeenten"], echt.body["gemeenten"]);
    let dag: chrono::NaiveDate = t::table.select(t::vandaag).first(&mut c).unwrap();
    assert_eq!(dag, koers::domain::time::today());
}

/// One write to each table the monitor counts from drops the stored counts of that row's SWV
/// and of no other; a write to a column the monitor does not count by keeps them.
async fn every_counted_write_drops_the_stored_counts(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let mut c = app.conn();
    let swvs: Vec<Id> = {
        let mut v: Vec<Id> = samenwerkingsverbanden::table
            .select(samenwerkingsverbanden::id)
            .load(&mut c)
            .unwrap();
        v.sort();
        v
    };
    let fill = |c: &mut DbConn| {
        let g = Gemeenten::load(c, Indeling::Historisch, koers::domain::time::today()).unwrap();
        let store = app.state.db.report_store().unwrap();
        tussenstand::tel(c, None, &vraag(2022, None), &g, Some(&store)).unwrap();
        assert_eq!(stored(c), swvs);
    };
    // (table, the SWV of the row written, the write); every statement writes one row.
    let swv_of = |t: &str| format!("(SELECT samenwerkingsverband_id FROM {t} ORDER BY id LIMIT 1)");
    let same = |t: &str, col: &str| {
        (
            swv_of(t),
            format!(
                "UPDATE {t} SET {col} = {col} WHERE id = (SELECT id FROM {t} ORDER BY id LIMIT 1)"
            ),
        )
    };
    let verloop_swv = "(SELECT samenwerkingsverband_id FROM thuiszitters WHERE id = \
                       (SELECT thuiszitter_id FROM thuiszitter_verloop ORDER BY id LIMIT 1))"
        .to_string();
    let writes: Vec<(&str, (String, String))> = vec![
        ("scholen", same("scholen", "gemeente_id")),
        ("leerlingen", same("leerlingen", "woongemeente_id")),
        ("bijeenkomsten", same("bijeenkomsten", "status")),
        ("aanmeldingen", same("aanmeldingen", "aanwezig")),
        ("tlvs", same("tlvs", "besluit_datum")),
        ("arrangementen", same("arrangementen", "status")),
        ("mdos", same("mdos", "ondersteuningsniveau")),
        ("thuiszitters", same("thuiszitters", "toelichting")),
        (
            "thuiszitter_peildata",
            same("thuiszitter_peildata", "telling"),
        ),
        (
            "thuiszitter_verloop",
            (
                verloop_swv,
                "UPDATE thuiszitter_verloop SET vanaf = vanaf WHERE id = \
                 (SELECT id FROM thuiszitter_verloop ORDER BY id LIMIT 1)"
                    .into(),
            ),
        ),
        (
            "samenwerkingsverbanden",
            (
                "(SELECT id FROM samenwerkingsverbanden ORDER BY id LIMIT 1)".into(),
                "UPDATE samenwerkingsverbanden SET peildata = peildata WHERE id = \
                 (SELECT id FROM samenwerkingsverbanden ORDER BY id LIMIT 1)"
                    .into(),
            ),
        ),
        (
            "mdos (removed)",
            (
                swv_of("mdos"),
                "DELETE FROM mdos WHERE id = (SELECT id FROM mdos ORDER BY id LIMIT 1)".into(),
            ),
        ),
    ];
    for (table, (wie, sql)) in writes {
        fill(&mut c);
        #[derive(QueryableByName)]
        struct Swv {
            #[diesel(sql_type = diesel::sql_types::Text)]
            id: Id,
        }
        let geraakt = diesel::sql_query(format!("SELECT {wie} AS id"))
            .get_result::<Swv>(&mut c)
            .unwrap_or_else(|e| panic!("{table} has a row: {e}"))
            .id;
        c.batch_execute(&sql).unwrap();
        let over: Vec<Id> = swvs.iter().copied().filter(|s| *s != geraakt).collect();
        assert_eq!(stored(&mut c), over, "a write to {table}");
    }

    // Not counted by: a school's name, an MDO's outcome. Counted by everyone: the division.
    fill(&mut c);
    c.batch_execute(
        "UPDATE scholen SET naam = naam; UPDATE mdos SET uitkomst = uitkomst WHERE id = (SELECT id FROM mdos ORDER BY id LIMIT 1)",
    )
    .unwrap();
    assert_eq!(stored(&mut c), swvs, "names and outcomes are not counted");
    c.batch_execute("UPDATE gemeenten SET naam = naam").unwrap();
    assert!(stored(&mut c).is_empty(), "a change of the division");
}

/// A count read while a write of the SWV is not yet committed is answered but not stored, so
/// the write cannot be missing from a stored count (PostgreSQL; SQLite has one writer).
#[actix_web::test]
async fn a_count_beside_an_open_write_is_not_stored() {
    let app = TestApp::start(koers::db::Backend::Postgres).await;
    koers::demo::load(&app.state.db).expect("demo loads");
    let lezer = app.demo_login("lezer@ppo-nk.example").await;
    let url = format!("{JOP}?schooljaar=2016-2017");
    let mut schrijver = diesel::PgConnection::establish(&app.database_url()).unwrap();
    schrijver
        .batch_execute(
            "BEGIN; UPDATE mdos SET ondersteuningsniveau = 4 WHERE id = \
             (SELECT id FROM mdos WHERE samenwerkingsverband_id = \
              (SELECT id FROM samenwerkingsverbanden WHERE code = 'PO2702') ORDER BY id LIMIT 1)",
        )
        .unwrap();
    app.get(&url, &lezer).await.assert(200);
    let mut c = app.conn();
    assert!(stored(&mut c).is_empty(), "not stored beside an open write");
    schrijver.batch_execute("COMMIT").unwrap();
    app.get(&url, &lezer).await.assert(200);
    assert_eq!(stored(&mut c), [swv(&mut c, "PO2702")]);
}

/// The background work counts again the current school year of every SWV whose count is
/// missing or of an earlier day, and no other; what it stores is what the records give.
async fn the_background_counts_what_is_not_current(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let store = app.state.db.report_store().unwrap();
    let nu = koers::domain::time::now();
    let mut c = app.conn();
    let mut alle: Vec<Id> = samenwerkingsverbanden::table
        .select(samenwerkingsverbanden::id)
        .load(&mut c)
        .unwrap();
    alle.sort();
    assert_eq!(
        tussenstand::bijwerken(&mut c, nu, &store).unwrap(),
        alle.len()
    );
    assert_eq!(stored(&mut c), alle);
    assert_eq!(tussenstand::bijwerken(&mut c, nu, &store).unwrap(), 0);

    // A school of one SWV moves gemeente, and another SWV's count is of yesterday.
    let (nk, zk) = (swv(&mut c, "PO2702"), swv(&mut c, "PO2703"));
    let school: Id = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(nk))
        .select(scholen::id)
        .first(&mut c)
        .unwrap();
    diesel::update(scholen::table.find(school))
        .set(scholen::gemeente_id.eq(scholen::gemeente_id))
        .execute(&mut c)
        .unwrap();
    let gisteren = koers::domain::time::today().pred_opt().unwrap();
    diesel::update(t::table.filter(t::samenwerkingsverband_id.eq(zk)))
        .set(t::vandaag.eq(gisteren))
        .execute(&mut c)
        .unwrap();
    assert_eq!(tussenstand::bijwerken(&mut c, nu, &store).unwrap(), 2);
    assert_eq!(stored(&mut c), alle);

    let vandaag = koers::domain::time::today();
    let jaar = koers::domain::schooljaar::schooljaar_van(vandaag);
    let v = vraag(koers::domain::schooljaar::eerste_jaar(&jaar).unwrap(), None);
    let g = Gemeenten::load(&mut c, Indeling::Historisch, vandaag).unwrap();
    let json = |m| serde_json::to_value(m).unwrap();
    assert_eq!(
        json(&tussenstand::tel(&mut c, None, &v, &g, None).unwrap()),
        json(&bronnen::tel(&mut c, None, &v, &g).unwrap()),
    );
}

both_backends!(
    the_stored_counts_are_the_counts,
    an_answer_reads_todays_stored_counts,
    every_counted_write_drops_the_stored_counts,
    the_background_counts_what_is_not_current,
);
