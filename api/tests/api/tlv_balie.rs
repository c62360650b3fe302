//! The TLV desk: the worklist with every reason, the figures of a school year, and the decision
//! letter whose names are used for the document only.

use std::io::Read;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::common::{
    assert_invalid, assert_problem, gemeente, logs, schoolbestuur, werkgebied, TestApp,
};

struct Balie {
    t: String,
    school: String,
    gemeente: String,
}

async fn balie(app: &TestApp) -> Balie {
    let t = app.token("consulent").await;
    let beheerder = app.token("beheerder").await;
    let g = gemeente(app, "0399", "Heiloo").await;
    let b = schoolbestuur(app, &beheerder, "Stichting Sarkon", "41190").await;
    let s = app
        .post(
            "/api/v1/scholen",
            &beheerder,
            json!({"naam": "De Ooievaar", "brin": "17LM00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}),
        )
        .await;
    s.assert(201);
    Balie {
        t,
        school: s.body["id"].as_str().unwrap().to_string(),
        gemeente: g,
    }
}

async fn pupil(app: &TestApp, b: &Balie, referentie: &str, geboortemaand: &str) -> String {
    let r = app
        .post(
            "/api/v1/leerlingen",
            &b.t,
            json!({"referentie": referentie, "geboortemaand": geboortemaand, "geslacht": "meisje",
                   "woongemeenteId": b.gemeente, "schoolId": b.school}),
        )
        .await;
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A request of `pupil`, received on `ontvangen`; with `besluit`, advised and decided.
async fn tlv(
    app: &TestApp,
    b: &Balie,
    pupil: &str,
    extra: Value,
    ontvangen: NaiveDate,
    besluit: Option<Value>,
) -> String {
    let mut body = json!({"leerlingId": pupil, "schoolVanHerkomstId": b.school, "soort": "sbo",
                          "aanvraag": "nieuw", "ontvangenOp": day(ontvangen)});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let r = app
        .post("/api/v1/toelaatbaarheidsverklaringen", &b.t, body)
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    if let Some(besluit) = besluit {
        for (wie, discipline) in [("A. Jansen", "orthopedagoog"), ("M. Bakker", "arts")] {
            app.post(
                &format!("/api/v1/toelaatbaarheidsverklaringen/{id}/adviezen"),
                &b.t,
                json!({"deskundige": wie, "discipline": discipline, "datum": day(ontvangen), "advies": "toelaatbaar"}),
            )
            .await
            .assert(201);
        }
        app.put(
            &format!("/api/v1/toelaatbaarheidsverklaringen/{id}/besluit"),
            &b.t,
            besluit,
        )
        .await
        .assert(200);
    }
    id
}

fn today() -> NaiveDate {
    koers::domain::time::today()
}

async fn the_desk_shows_every_reason_once_by_due_date(app: TestApp) {
    let b = balie(&app).await;
    let (p1, p2, p3, p4) = (
        pupil(&app, &b, "NK-1", "2010-01").await,
        pupil(&app, &b, "NK-2", "2010-02").await,
        pupil(&app, &b, "NK-3", "2010-03").await,
        pupil(&app, &b, "NK-4", "2010-04").await,
    );
    let vandaag = today();
    // Open without advice: its deadline and the missing advice.
    let open = tlv(&app, &b, &p1, json!({}), vandaag - Duration::days(30), None).await;
    // Waiting 20 days for missing information: only that.
    let wacht = tlv(&app, &b, &p2, json!({}), vandaag - Duration::days(25), None).await;
    app.post(
        &format!("/api/v1/toelaatbaarheidsverklaringen/{wacht}/opschortingen"),
        &b.t,
        json!({"van": day(vandaag - Duration::days(20)), "reden": "aanvulling"}),
    )
    .await
    .assert(201);
    // Granted, ending in two months.
    let einde = vandaag + Duration::days(60);
    let loopt_af = tlv(
        &app,
        &b,
        &p3,
        json!({}),
        vandaag - Duration::days(400),
        Some(
            json!({"datum": day(vandaag - Duration::days(380)), "uitkomst": "toegekend",
                    "ingangsdatum": day(vandaag - Duration::days(370)), "einddatum": day(einde)}),
        ),
    )
    .await;
    // Refused, with an objection not yet decided.
    let verzonden = vandaag - Duration::days(20);
    let bezwaar = tlv(
        &app,
        &b,
        &p4,
        json!({}),
        vandaag - Duration::days(50),
        Some(json!({"datum": day(verzonden), "uitkomst": "afgewezen"})),
    )
    .await;
    app.put(
        &format!("/api/v1/toelaatbaarheidsverklaringen/{bezwaar}/bezwaar"),
        &b.t,
        json!({"ontvangenOp": day(verzonden + Duration::days(10))}),
    )
    .await
    .assert(200);

    let r = app
        .get("/api/v1/toelaatbaarheidsverklaringen/werkvoorraad", &b.t)
        .await;
    r.assert(200);
    let items = r.body["items"].as_array().unwrap();
    let kinds: Vec<(&str, &str)> = items
        .iter()
        .map(|i| {
            (
                i["soort"].as_str().unwrap(),
                i["referentie"].as_str().unwrap(),
            )
        })
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [
            ("tlv_aanvulling", "NK-2"),
            ("tlv_advies", "NK-1"),
            ("tlv_bezwaar", "NK-4"),
            ("tlv_herbeoordeling", "NK-3"),
            ("tlv_termijn", "NK-1"),
        ]
    );
    let datums: Vec<&str> = items.iter().map(|i| i["datum"].as_str().unwrap()).collect();
    let mut in_order = datums.clone();
    in_order.sort();
    assert_eq!(datums, in_order, "by due date");
    let item = |soort: &str| items.iter().find(|i| i["soort"] == soort).unwrap().clone();
    assert_eq!(
        item("tlv_aanvulling")["datum"],
        day(vandaag - Duration::days(6))
    );
    assert_eq!(item("tlv_herbeoordeling")["datum"], day(einde));
    assert_eq!(
        item("tlv_termijn")["link"],
        format!("/toelaatbaarheidsverklaringen/{open}")
    );
    assert!(item("tlv_advies")["reden"]
        .as_str()
        .unwrap()
        .contains("orthopedagoog of psycholoog"));
    // The desk's audit entry names the pupils it showed.
    let beheerder = app.token("beheerder").await;
    let trail = app
        .get(&format!("/api/v1/auditregels?leerlingId={p4}"), &beheerder)
        .await;
    assert!(trail.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["pad"] == "/toelaatbaarheidsverklaringen/werkvoorraad"));

    // A new request of the pupil whose TLV ends takes it off; so does a shorter horizon.
    let short = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen/werkvoorraad?binnenMaanden=1",
            &b.t,
        )
        .await;
    assert!(!short.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["soort"] == "tlv_herbeoordeling"));
    tlv(
        &app,
        &b,
        &p3,
        json!({"aanvraag": "verlenging", "verlengingVanId": loopt_af}),
        vandaag,
        None,
    )
    .await;
    let r = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen/werkvoorraad?pageSize=2",
            &b.t,
        )
        .await;
    assert_eq!(r.body["items"].as_array().unwrap().len(), 2);
    let all = app
        .get("/api/v1/toelaatbaarheidsverklaringen/werkvoorraad", &b.t)
        .await;
    assert!(!all.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["soort"] == "tlv_herbeoordeling"));
    assert_eq!(r.body["total"], all.body["total"]);
    assert_invalid(
        &app.get(
            "/api/v1/toelaatbaarheidsverklaringen/werkvoorraad?binnenMaanden=40",
            &b.t,
        )
        .await,
        "binnenMaanden",
    );
    assert_problem(
        &app.get(
            "/api/v1/toelaatbaarheidsverklaringen/werkvoorraad",
            &app.token("lezer").await,
        )
        .await,
        403,
    );
}

async fn the_figures_of_a_school_year(app: TestApp) {
    let b = balie(&app).await;
    let beheerder = app.token("beheerder").await;
    let gebied = werkgebied(&app, &beheerder, "Heiloo").await;
    let current = app
        .get(&format!("/api/v1/scholen/{}", b.school), &beheerder)
        .await;
    crate::common::with_if_match(
        &app,
        actix_web::http::Method::PATCH,
        &format!("/api/v1/scholen/{}", b.school),
        &beheerder,
        Some(json!({"werkgebiedId": gebied})),
        &current.header("etag").unwrap(),
    )
    .await
    .assert(200);
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    // Nine years old at the decision, SBO, temporary, two years: 2016-11 → 2018-07-31.
    let p1 = pupil(&app, &b, "NK-10", "2007-05").await;
    let first = tlv(
        &app,
        &b,
        &p1,
        json!({"tijdelijk": true}),
        d("2016-10-03"),
        Some(json!({"datum": "2016-11-01", "uitkomst": "toegekend", "ingangsdatum": "2016-11-01", "duurJaren": 2})),
    )
    .await;
    // Six years old, an extension for SO midden in the third trimester, decided late.
    let p2 = pupil(&app, &b, "NK-11", "2010-09").await;
    tlv(
        &app,
        &b,
        &p2,
        json!({"soort": "so", "categorie": "midden", "aanvraag": "verlenging"}),
        d("2017-03-01"),
        Some(json!({"datum": "2017-05-01", "uitkomst": "toegekend", "ingangsdatum": "2017-08-01", "duurJaren": 1})),
    )
    .await;
    // Refused in time; one granted the year before.
    tlv(
        &app,
        &b,
        &p2,
        json!({}),
        d("2016-09-05"),
        Some(json!({"datum": "2016-09-20", "uitkomst": "afgewezen"})),
    )
    .await;
    tlv(
        &app,
        &b,
        &p2,
        json!({}),
        d("2015-09-01"),
        Some(json!({"datum": "2015-09-15", "uitkomst": "toegekend", "ingangsdatum": "2015-10-01", "duurJaren": 1})),
    )
    .await;
    app.put(
        &format!("/api/v1/toelaatbaarheidsverklaringen/{first}/uitstroom"),
        &b.t,
        json!({"datum": "2017-07-01", "vervolg": "regulier"}),
    )
    .await
    .assert(200);

    let r = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen/statistieken?schooljaar=2016-2017",
            &b.t,
        )
        .await;
    r.assert(200);
    let s = &r.body;
    assert_eq!(
        (
            &s["afgegeven"],
            &s["afgewezen"],
            &s["nieuw"],
            &s["verlenging"]
        ),
        (&json!(2), &json!(1), &json!(1), &json!(1))
    );
    assert_eq!(
        s["perSoort"]["sbo"]["perTrimester"],
        json!({"1": 1, "2": 0, "3": 0})
    );
    assert_eq!(s["perSoort"]["so_midden"]["verlenging"], 1);
    assert_eq!(s["perSoort"]["vso_hoog"]["totaal"], 0);
    // Two of three decisions in time.
    assert_eq!(s["binnenTermijn"], json!({"aantal": 2, "percentage": 66.7}));
    // (637 + 364) / 2 days ÷ 30.4375 = 16.44 months.
    assert_eq!(s["gemiddeldeDuurMaanden"], 16.4);
    assert_eq!(
        s["leeftijd"],
        json!({"onder8": {"aantal": 1, "percentage": 50.0, "gemiddeldeLeeftijd": 6.0},
               "vanaf8": {"aantal": 1, "percentage": 50.0, "gemiddeldeLeeftijd": 9.0}})
    );
    // The one regular school asked in the first trimester (twice) and the second (once).
    assert_eq!(
        s["herkomst"]["1"],
        json!({"percentageScholen": 100.0, "gemiddeldPerSchool": 2.0})
    );
    assert_eq!(
        s["herkomst"]["2"],
        json!({"percentageScholen": 100.0, "gemiddeldPerSchool": 1.0})
    );
    assert_eq!(
        s["herkomst"]["3"],
        json!({"percentageScholen": 0.0, "gemiddeldPerSchool": null})
    );
    assert_eq!(s["tijdelijk"], json!({"sbo": 1, "so": 0, "vso": 0}));
    assert_eq!(s["perWerkgebied"][0]["naam"], "Heiloo");
    assert_eq!(
        s["perWerkgebied"][0]["perTrimester"],
        json!({"1": 1, "2": 0, "3": 1})
    );
    assert_eq!(s["uitstroom"]["naarRegulier"], 1);
    assert_eq!(s["vorigJaar"]["afgegeven"], 1);
    assert_eq!(s["vorigJaar"]["perSoort"]["sbo"], 1);

    let csv = app
        .request(
            actix_web::http::Method::GET,
            "/api/v1/toelaatbaarheidsverklaringen/statistieken?schooljaar=2016-2017",
            Some(&b.t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert(200);
    let text = String::from_utf8_lossy(&csv.raw);
    assert!(text.contains("binnenTermijn;percentage;66,7"), "{text}");
    assert_invalid(
        &app.get("/api/v1/toelaatbaarheidsverklaringen/statistieken", &b.t)
            .await,
        "schooljaar",
    );
}

/// Whether any row of any table of the test database holds `needle`.
fn database_holds(app: &TestApp, needle: &str) -> bool {
    let url = app.database_url();
    if let Some(path) = url.strip_prefix("sqlite://") {
        return ["", "-wal"].iter().any(|suffix| {
            std::fs::read(format!("{path}{suffix}"))
                .map(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
                .unwrap_or(false)
        });
    }
    let mut c = diesel::PgConnection::establish(&url).expect("connect");
    #[derive(QueryableByName)]
    struct Naam {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
    }
    let tables: Vec<Naam> = diesel::sql_query(
        "SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .load(&mut c)
    .unwrap();
    tables.iter().any(|t| {
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let q = format!(
            "SELECT count(*) AS n FROM \"{}\" x WHERE x::text LIKE $1",
            t.table_name
        );
        diesel::sql_query(q)
            .bind::<diesel::sql_types::Text, _>(format!("%{needle}%"))
            .get_result::<N>(&mut c)
            .unwrap()
            .n
            > 0
    })
}

async fn the_letter_carries_names_that_are_never_kept(app: TestApp) {
    let b = balie(&app).await;
    let p = pupil(&app, &b, "NK-20", "2009-06").await;
    let open = tlv(&app, &b, &p, json!({}), "2016-10-03".parse().unwrap(), None).await;
    let brief = |id: &str| format!("/api/v1/toelaatbaarheidsverklaringen/{id}/besluitbrief");
    let names = json!({"leerlingNaam": "Wiebe Zwanenburg", "ouderNaam": "familie Zwanenburg-Oortwijn",
                       "adres": "Kerkelaan 17\n1851 EX Heiloo"});
    assert_problem(&app.post(&brief(&open), &b.t, names.clone()).await, 409);
    let decided = tlv(
        &app,
        &b,
        &p,
        json!({}),
        "2016-10-10".parse().unwrap(),
        Some(json!({"datum": "2016-11-08", "verzondenOp": "2016-11-09", "uitkomst": "toegekend",
                    "ingangsdatum": "2016-12-01", "duurJaren": 2, "motivering": "Beide deskundigen adviseren het sbo."})),
    )
    .await;

    let (r, logged) = logs::captured(app.request(
        actix_web::http::Method::POST,
        &brief(&decided),
        Some(&b.t),
        Some(names.clone()),
        &[(
            "accept",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )],
    ))
    .await;
    r.assert(200);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(r.raw.clone())).expect("a docx");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for present in [
        "Wiebe Zwanenburg",
        "familie Zwanenburg-Oortwijn",
        "Kerkelaan 17",
        "31 juli 2018",
        "21 december 2016",
        "Landelijke Bezwaaradviescommissie",
        "Beide deskundigen adviseren het sbo.",
    ] {
        assert!(xml.contains(present), "{present} in the letter");
    }
    assert!(
        logged.contains("besluitbrief"),
        "the request was logged: {logged}"
    );
    for secret in ["Zwanenburg", "Kerkelaan"] {
        assert!(!logged.contains(secret), "{secret} in the log");
        assert!(!database_holds(&app, secret), "{secret} in the database");
    }
    assert_problem(
        &app.request(
            actix_web::http::Method::POST,
            &brief(&decided),
            Some(&b.t),
            Some(names),
            &[("accept", "application/json")],
        )
        .await,
        406,
    );
    assert_invalid(
        &app.post(
            &brief(&decided),
            &b.t,
            json!({"leerlingNaam": "x".repeat(201)}),
        )
        .await,
        "leerlingNaam",
    );
}

both_backends!(
    the_desk_shows_every_reason_once_by_due_date,
    the_figures_of_a_school_year,
    the_letter_carries_names_that_are_never_kept,
);
