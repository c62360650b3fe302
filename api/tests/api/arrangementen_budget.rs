//! The werkgebied budget against its granted arrangementen: the share of a school year by day,
//! what is spent by a peildatum, the estimate along last year's curve, the signal and the
//! monthly burn-down, in a constant number of statements.

use serde_json::{json, Value};

use crate::common::{assert_invalid, gemeente, schoolbestuur, statements, werkgebied, TestApp};

const BUDGET: &str = "/api/v1/arrangementen/budget";

struct Fixture {
    t: String,
    heiloo: String,
    bergen: String,
    school: String,
    zonder: String,
}

async fn fixture(app: &TestApp) -> Fixture {
    let t = app.token("beheerder").await;
    let g = gemeente(app, "0399", "Heiloo").await;
    let b = schoolbestuur(app, &t, "Stichting Ons Kind", "41210").await;
    let heiloo = werkgebied(app, &t, "Heiloo").await;
    let bergen = werkgebied(app, &t, "Bergen").await;
    let mut ids = Vec::new();
    for (naam, brin, gebied) in [
        ("De Ark", "14EF00", Some(&heiloo)),
        ("De Duinroos", "15GH00", None),
    ] {
        let r = app
            .post(
                "/api/v1/scholen",
                &t,
                json!({"naam": naam, "brin": brin, "soort": "bao", "schoolbestuurId": b,
                       "gemeenteId": g, "werkgebiedId": gebied}),
            )
            .await;
        r.assert(201);
        ids.push(r.body["id"].as_str().unwrap().to_string());
    }
    Fixture {
        t,
        heiloo,
        bergen,
        school: ids[0].clone(),
        zonder: ids[1].clone(),
    }
}

async fn budget(app: &TestApp, f: &Fixture, gebied: &str, jaar: &str, cent: i64) {
    let start = &jaar[..4];
    app.post(
        "/api/v1/budgetten",
        &f.t,
        json!({"werkgebiedId": gebied, "schooljaar": jaar, "soort": "regulier",
               "bedragCent": cent, "datum": format!("{start}-08-01")}),
    )
    .await
    .assert(201);
}

/// A granted group arrangement at `school`.
async fn granted(
    app: &TestApp,
    f: &Fixture,
    school: &str,
    period: (&str, &str),
    cent: i64,
    op: &str,
) {
    app.post(
        "/api/v1/arrangementen",
        &f.t,
        json!({"soort": "groep", "aantalLeerlingen": 6, "schoolId": school, "categorie": "overig",
               "ondersteuningsniveau": 2, "startdatum": period.0, "einddatum": period.1,
               "bedragCent": cent, "status": "toegekend", "toegekendOp": op}),
    )
    .await
    .assert(201);
}

async fn on(app: &TestApp, f: &Fixture, jaar: &str, peil: &str) -> Value {
    let r = app
        .get(
            &format!("{BUDGET}?schooljaar={jaar}&peildatum={peil}"),
            &f.t,
        )
        .await;
    r.assert(200);
    r.body
}

fn row<'a>(b: &'a Value, naam: &str) -> &'a Value {
    b["werkgebieden"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["naam"] == naam)
        .unwrap_or_else(|| panic!("no row {naam}: {b}"))
}

async fn an_arrangement_over_two_years_counts_in_both_by_day(app: TestApp) {
    let f = fixture(&app).await;
    // 1 May - 31 October 2017: 92 days in each school year; the odd cent goes to the first.
    granted(
        &app,
        &f,
        &f.school,
        ("2017-05-01", "2017-10-31"),
        18_401,
        "2017-04-20",
    )
    .await;
    let a = on(&app, &f, "2016-2017", "2017-07-31").await;
    let b = on(&app, &f, "2017-2018", "2018-07-31").await;
    let (a, b) = (row(&a, "Heiloo"), row(&b, "Heiloo"));
    assert_eq!(a["toegekendCent"], 9_201);
    assert_eq!(b["toegekendCent"], 9_200);
    let maanden: Vec<&str> = a["perMaand"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["maand"].as_str().unwrap())
        .collect();
    assert_eq!(maanden.len(), 12);
    assert_eq!((maanden[0], maanden[11]), ("2016-08", "2017-07"));
    // May 31 days, June 30, July 31 of 92: 3,101 + 3,000 + 3,100 by largest remainder.
    let per: Vec<i64> = a["perMaand"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["toegekendCent"].as_i64().unwrap())
        .collect();
    assert_eq!(&per[9..], &[3_101, 3_000, 3_100]);
    assert_eq!(a["perMaand"][11]["cumulatiefCent"], 9_201);
    assert_eq!(b["perMaand"][0]["toegekendCent"], 3_100);
}

async fn burn_down_and_prognose_halfway_through_the_year(app: TestApp) {
    let f = fixture(&app).await;
    budget(&app, &f, &f.heiloo, "2016-2017", 250_000).await;
    budget(&app, &f, &f.bergen, "2016-2017", 100_000).await;
    // Last year: by 31 January two thirds of the year's grants were made.
    granted(
        &app,
        &f,
        &f.school,
        ("2015-09-01", "2016-06-30"),
        100_000,
        "2015-08-20",
    )
    .await;
    granted(
        &app,
        &f,
        &f.school,
        ("2016-03-01", "2016-06-30"),
        50_000,
        "2016-02-25",
    )
    .await;
    // This year: one granted in August, one in March (after the peildatum).
    granted(
        &app,
        &f,
        &f.school,
        ("2016-09-01", "2017-06-30"),
        200_000,
        "2016-08-25",
    )
    .await;
    granted(
        &app,
        &f,
        &f.school,
        ("2017-03-06", "2017-06-30"),
        40_000,
        "2017-03-01",
    )
    .await;
    // A request not granted counts nowhere.
    app.post(
        "/api/v1/arrangementen",
        &f.t,
        json!({"soort": "groep", "aantalLeerlingen": 6, "schoolId": f.school, "categorie": "overig",
               "ondersteuningsniveau": 2, "startdatum": "2016-10-03", "einddatum": "2016-12-23",
               "bedragCent": 99_999, "status": "aangevraagd"}),
    )
    .await
    .assert(201);

    let b = on(&app, &f, "2016-2017", "2017-01-31").await;
    assert_eq!(b["peildatum"], "2017-01-31");
    let h = row(&b, "Heiloo");
    assert_eq!(h["budgetCent"], 250_000);
    assert_eq!(h["toegekendCent"], 200_000, "not yet the grant of March");
    // 153 of the 303 days lie up to 31 January.
    assert_eq!(h["besteedCent"], 100_990);
    assert_eq!(h["restantCent"], 50_000);
    assert_eq!(h["percentageBesteed"], 40.4);
    // Last year's curve: 150,000 at the end against 100,000 by the same day.
    assert_eq!(h["prognoseCent"], 300_000);
    assert_eq!(h["prognoseMethode"], "vorig_jaar");
    assert_eq!(h["signaal"], "risico");
    assert_eq!(h["perMaand"][11]["cumulatiefCent"], 200_000);
    let bergen = row(&b, "Bergen");
    assert_eq!(
        (
            bergen["toegekendCent"].clone(),
            bergen["prognoseMethode"].clone()
        ),
        (json!(0), json!("geen"))
    );
    assert_eq!(bergen["signaal"], "op_koers");
    assert_eq!(bergen["percentageBesteed"], 0.0);
    let totaal = &b["totaal"];
    assert_eq!(totaal["budgetCent"], 350_000);
    assert_eq!(totaal["toegekendCent"], 200_000);
    assert_eq!(totaal["prognoseCent"], 300_000);
    assert_eq!(totaal["prognoseMethode"], "vorig_jaar");
    assert_eq!(totaal["signaal"], "op_koers");
    assert_eq!(totaal["id"], Value::Null);

    // At the end of the year everything is spent, the estimate is what was granted.
    let b = on(&app, &f, "2016-2017", "2017-07-31").await;
    let h = row(&b, "Heiloo");
    assert_eq!(h["toegekendCent"], 240_000);
    assert_eq!(h["besteedCent"], 240_000);
    assert_eq!(h["prognoseCent"], 240_000);
    assert_eq!(h["signaal"], "op_koers");
    // After the year there is no estimate to make.
    let b = on(&app, &f, "2016-2017", "2017-09-01").await;
    assert_eq!(row(&b, "Heiloo")["prognoseMethode"], "geen");

    // A school without a werkgebied gets a row of its own, with no budget: a risk.
    granted(
        &app,
        &f,
        &f.zonder,
        ("2016-10-03", "2016-12-23"),
        10_000,
        "2016-09-20",
    )
    .await;
    let b = on(&app, &f, "2016-2017", "2017-07-31").await;
    let geen = row(&b, "Geen werkgebied");
    assert_eq!(geen["id"], Value::Null);
    assert_eq!(geen["percentageBesteed"], Value::Null);
    assert_eq!(geen["signaal"], "risico");
    assert_eq!(b["totaal"]["toegekendCent"], 250_000);

    // Every user of the SWV reads it, also as a spreadsheet row per werkgebied.
    let lezer = app.token("lezer").await;
    let r = app
        .request(
            actix_web::http::Method::GET,
            &format!("{BUDGET}?schooljaar=2016-2017&peildatum=2017-07-31"),
            Some(&lezer),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8_lossy(&r.raw);
    assert_eq!(
        csv.lines().count(),
        5,
        "header, three rows and the total: {csv}"
    );
    assert!(
        csv.lines().any(|l| l.starts_with("Heiloo;250000;240000")),
        "{csv}"
    );
    assert_invalid(&app.get(BUDGET, &f.t).await, "schooljaar");
    assert_invalid(
        &app.get(
            &format!("{BUDGET}?schooljaar=2016-2017&peildatum=31-01-2017"),
            &f.t,
        )
        .await,
        "peildatum",
    );
}

/// The budget of 10 and of 1,000 arrangementen costs the same statements.
mod statements_of_the_budget {
    use super::*;
    use koers::db::{Backend, Id};
    use koers::synth::rows;
    use koers::synth::world::Batch;

    async fn budget_statements(app: &TestApp, t: &str) -> usize {
        let path = format!("{BUDGET}?schooljaar=2016-2017&peildatum=2017-01-31");
        app.get(&path, t).await.assert(200);
        statements::watch(app);
        let r = app.get(&path, t).await;
        let n = statements::count();
        r.assert(200);
        n
    }

    fn add(app: &TestApp, f: &Fixture, n: usize) {
        let now = koers::domain::time::now();
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2016, m, day).unwrap();
        let school: Id = f.school.parse().unwrap();
        let gebied: Id = f.heiloo.parse().unwrap();
        let batch = Batch {
            arrangementen: (0..n)
                .map(|i| rows::Arrangement {
                    id: Id::new(),
                    samenwerkingsverband_id: app.swv.id,
                    soort: koers::arrangementen::store::ArrangementSoort::Groep,
                    leerling_id: None,
                    aantal_leerlingen: Some(5),
                    school_id: school,
                    werkgebied_id: Some(gebied),
                    verlenging_van_id: None,
                    categorie: koers::arrangementen::store::Categorie::Overig,
                    ondersteuningsniveau: 2,
                    leerjaar: None,
                    startdatum: d(9, 1 + (i % 28) as u32),
                    einddatum: d(12, 16),
                    uren_per_week: None,
                    bedrag_cent: 10_000,
                    status: koers::arrangementen::store::ArrangementStatus::Toegekend,
                    toegekend_op: Some(d(8, 25)),
                    toelichting: String::new(),
                    schooljaar: "2016-2017".into(),
                    created_at: now,
                    updated_at: now,
                    versie: 1,
                })
                .collect(),
            ..Batch::default()
        };
        batch.write(&mut app.conn()).unwrap();
    }

    async fn constant(backend: Backend) {
        let app = TestApp::start(backend).await;
        let f = fixture(&app).await;
        add(&app, &f, 10);
        let few = budget_statements(&app, &f.t).await;
        add(&app, &f, 990);
        let many = budget_statements(&app, &f.t).await;
        assert_eq!(few, many, "statements for 10 and for 1,000 arrangementen");
        let b = on(&app, &f, "2016-2017", "2017-07-31").await;
        assert_eq!(row(&b, "Heiloo")["toegekendCent"], 10_000_000);
    }

    #[test]
    fn sqlite() {
        statements::counted(constant, Backend::Sqlite);
    }

    #[test]
    fn postgres() {
        statements::counted(constant, Backend::Postgres);
    }
}

both_backends!(
    an_arrangement_over_two_years_counts_in_both_by_day,
    burn_down_and_prognose_halfway_through_the_year,
);
