//! No N+1: a list costs the same number of SQL statements for 20 schools as for 200, and the
//! meetings' lists and figures cost the same for a few meetings as for many.
//!
//! Statements are counted per test database (`common::statements`), one counting test at a time.

use diesel::prelude::*;
use koers::db::{Backend, Id};
use koers::schema::{aanmeldingen, bijeenkomsten, scholen};

use crate::common::{gemeente, schoolbestuur, statements, TestApp};

/// Adds schools `from..to` to the main SWV directly in the database.
fn insert_schools(app: &TestApp, bestuur: Id, gemeente: Id, from: usize, to: usize) {
    let swv = app.swv.id;
    app.state
        .db
        .write_blocking(move |c| {
            let now = koers::domain::time::now();
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
    statements::watch(app);
    let r = app.get(path, token).await;
    let n = statements::count();
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

/// Adds `meetings` meetings of 2024-2025 with `per` registrations each (half of them present, at
/// the schools given in turn) directly in the database; answers the first meeting's id.
fn insert_meetings(app: &TestApp, schools: &[Id], meetings: usize, per: usize) -> Id {
    let swv = app.swv.id;
    let schools = schools.to_vec();
    app.state
        .db
        .write_blocking(move |c| {
            let now = koers::domain::time::now();
            let start = chrono::NaiveDate::from_ymd_opt(2024, 10, 1)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap();
            let mut first = None;
            for m in 0..meetings {
                let id = Id::new();
                first.get_or_insert(id);
                diesel::insert_into(bijeenkomsten::table)
                    .values((
                        bijeenkomsten::id.eq(id),
                        bijeenkomsten::samenwerkingsverband_id.eq(swv),
                        bijeenkomsten::titel.eq(format!("Netwerk {m}")),
                        bijeenkomsten::soort.eq(if m % 2 == 0 { "ib_netwerk" } else { "training" }),
                        bijeenkomsten::start.eq(start),
                        bijeenkomsten::eind.eq(start + chrono::Duration::hours(2)),
                        bijeenkomsten::schooljaar.eq("2024-2025"),
                        bijeenkomsten::vorm.eq("live"),
                        bijeenkomsten::streef_opkomst.eq(Some(3)),
                        bijeenkomsten::status.eq("doorgegaan"),
                        bijeenkomsten::publiek.eq(false),
                        bijeenkomsten::public_id.eq(format!("q{m}-{id}")),
                        bijeenkomsten::volgnummer.eq(per as i64),
                        bijeenkomsten::created_at.eq(now),
                        bijeenkomsten::updated_at.eq(now),
                        bijeenkomsten::versie.eq(1),
                    ))
                    .execute(c)?;
                for r in 0..per {
                    diesel::insert_into(aanmeldingen::table)
                        .values((
                            aanmeldingen::id.eq(Id::new()),
                            aanmeldingen::samenwerkingsverband_id.eq(swv),
                            aanmeldingen::bijeenkomst_id.eq(id),
                            aanmeldingen::naam.eq(format!("Deelnemer {r}")),
                            aanmeldingen::email.eq(format!("d{r}@x.nl")),
                            aanmeldingen::email_sleutel.eq(format!("d{r}@x.nl")),
                            aanmeldingen::school_id.eq(Some(schools[r % schools.len()])),
                            aanmeldingen::functie.eq(if r % 3 == 0 {
                                "directeur"
                            } else {
                                "leerkracht"
                            }),
                            aanmeldingen::status.eq(if r % 7 == 6 {
                                "wachtlijst"
                            } else {
                                "aangemeld"
                            }),
                            aanmeldingen::aanwezig.eq(Some(r % 2 == 0)),
                            aanmeldingen::positie.eq(r as i64 + 1),
                            aanmeldingen::bron.eq("import"),
                            aanmeldingen::created_at.eq(now),
                            aanmeldingen::updated_at.eq(now),
                            aanmeldingen::versie.eq(1),
                        ))
                        .execute(c)?;
                }
            }
            Ok(first.expect("at least one meeting"))
        })
        .expect("insert meetings")
}

/// The statements each of the meetings' key reads runs, after a warm-up.
async fn statements_for_meetings(app: &TestApp, token: &str, meeting: Id) -> Vec<(String, usize)> {
    let paths = [
        "/api/v1/bijeenkomsten?pageSize=200".to_string(),
        format!("/api/v1/bijeenkomsten/{meeting}"),
        format!("/api/v1/bijeenkomsten/{meeting}/aanmeldingen?pageSize=200"),
        format!("/api/v1/bijeenkomsten/{meeting}/opkomst"),
        "/api/v1/bijeenkomsten/statistieken?schooljaar=2024-2025".to_string(),
        "/api/v1/bijeenkomsten/bereik?schooljaar=2024-2025".to_string(),
    ];
    let mut out = Vec::new();
    for p in paths {
        let n = statements::of_get(app, token, &p).await;
        out.push((p, n));
    }
    out
}

async fn meetings_without_n_plus_one(backend: Backend) {
    let app = TestApp::start(backend).await;
    let t = app.token("beheerder").await;
    let g: Id = gemeente(&app, "0392", "Haarlem").await.parse().unwrap();
    let b: Id = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590")
        .await
        .parse()
        .unwrap();
    insert_schools(&app, b, g, 0, 12);
    let schools: Vec<Id> = {
        let mut c = app.conn();
        scholen::table.select(scholen::id).load(&mut c).unwrap()
    };
    let small = insert_meetings(&app, &schools[..2], 3, 8);
    let few = statements_for_meetings(&app, &t, small).await;
    let big = insert_meetings(&app, &schools, 60, 80);
    let many = statements_for_meetings(&app, &t, big).await;
    for ((path, a), (_, b)) in few.iter().zip(&many) {
        assert!(*a > 0, "nothing counted for {path}");
        assert_eq!(a, b, "{path}: {a} statements for 3 meetings, {b} for 63");
        assert!(*b <= 8, "{path} runs {b} statements");
    }
}

#[test]
fn sqlite() {
    statements::counted(list_without_n_plus_one, Backend::Sqlite);
}

#[test]
fn postgres() {
    statements::counted(list_without_n_plus_one, Backend::Postgres);
}

#[test]
fn meetings_sqlite() {
    statements::counted(meetings_without_n_plus_one, Backend::Sqlite);
}

#[test]
fn meetings_postgres() {
    statements::counted(meetings_without_n_plus_one, Backend::Postgres);
}
