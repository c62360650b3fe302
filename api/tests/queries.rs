//! No N+1: a list costs the same number of SQL statements for 20 schools as for 200.
//!
//! Statements are counted with diesel's instrumentation, which every connection picks up when it
//! is established; the counter is global, so the two tests of this file run one at a time.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use diesel::connection::{set_default_instrumentation, Instrumentation, InstrumentationEvent};
use diesel::prelude::*;
use koers::db::{Backend, Id};
use koers::schema::scholen;

use common::{gemeente, schoolbestuur, TestApp};

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);
static SERIAL: Mutex<()> = Mutex::new(());

fn counting() -> Option<Box<dyn Instrumentation>> {
    Some(Box::new(|event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { .. } = event {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
        }
    }))
}

/// Adds schools `from..to` to the main SWV directly in the database.
fn insert_schools(app: &TestApp, bestuur: Id, gemeente: Id, from: usize, to: usize) {
    let swv = app.swv.id;
    app.state
        .db
        .write_blocking(move |c| {
            let now = koers::http::time::now();
            for i in from..to {
                let letter = |n: usize| char::from(b'A' + n as u8);
                diesel::insert_into(scholen::table)
                    .values((
                        scholen::id.eq(Id::new()),
                        scholen::samenwerkingsverband_id.eq(swv),
                        scholen::naam.eq(format!("School {i:03}")),
                        scholen::brin.eq(format!(
                            "{:02}{}{}",
                            i / 100,
                            letter(i % 100 / 10),
                            letter(i % 10)
                        )),
                        scholen::soort.eq("bao"),
                        scholen::schoolbestuur_id.eq(bestuur),
                        scholen::gemeente_id.eq(gemeente),
                        scholen::leerlingaantal.eq(i as i32),
                        scholen::created_at.eq(now),
                        scholen::updated_at.eq(now),
                        scholen::versie.eq(1),
                    ))
                    .execute(c)?;
            }
            Ok(())
        })
        .expect("insert schools");
}

/// The statements one `GET /scholen?pageSize=200` runs, after a warm-up of the same request.
async fn statements_for_list(app: &TestApp, token: &str, expected_items: usize) -> usize {
    let path = "/api/v1/scholen?pageSize=200";
    app.get(path, token).await.assert(200);
    STATEMENTS.store(0, Ordering::SeqCst);
    let r = app.get(path, token).await;
    let n = STATEMENTS.load(Ordering::SeqCst);
    r.assert(200);
    assert_eq!(r.body["items"].as_array().unwrap().len(), expected_items);
    assert_eq!(r.body["total"], expected_items);
    n
}

async fn list_without_n_plus_one(backend: Backend) {
    let app = TestApp::start(backend).await;
    let t = app.token("beheerder").await;
    let g: Id = gemeente(&app, "0392", "Haarlem").await.parse().unwrap();
    let b: Id = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590")
        .await
        .parse()
        .unwrap();
    insert_schools(&app, b, g, 0, 20);
    let for_20 = statements_for_list(&app, &t, 20).await;
    insert_schools(&app, b, g, 20, 200);
    let for_200 = statements_for_list(&app, &t, 200).await;
    assert!(
        for_20 > 0,
        "the instrumentation counted nothing; is it installed before the connections open?"
    );
    assert_eq!(
        for_20, for_200,
        "listing 200 schools runs more statements than listing 20"
    );
    assert!(for_200 <= 6, "listing schools runs {for_200} statements");
}

fn counted(backend: Backend) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    set_default_instrumentation(counting).expect("install instrumentation");
    actix_web::rt::System::new().block_on(list_without_n_plus_one(backend));
}

#[test]
fn sqlite() {
    counted(Backend::Sqlite);
}

#[test]
fn postgres() {
    counted(Backend::Postgres);
}
