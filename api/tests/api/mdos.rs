//! MDO's and the budgets of the werkgebieden: their rules, who reaches them, the audit of MDO's
//! and their place in the pupil's dossier.

use serde_json::{json, Value};

use crate::common::{assert_invalid, assert_problem, gemeente, schoolbestuur, werkgebied, TestApp};

async fn school_and_pupil(app: &TestApp, t: &str) -> (String, String) {
    let g = gemeente(app, "0361", "Alkmaar").await;
    let b = schoolbestuur(app, t, "Stichting Ronduit", "41180").await;
    let s = app
        .post("/api/v1/scholen", t, json!({"naam": "De Rekenmeester", "brin": "14EF00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}))
        .await;
    s.assert(201);
    let school = s.body["id"].as_str().unwrap().to_string();
    let p = app
        .post(
            "/api/v1/leerlingen",
            t,
            json!({"referentie": "NK-2579", "geboortemaand": "2010-05", "geslacht": "meisje",
                   "woongemeenteId": g, "schoolId": school, "leerjaar": 7}),
        )
        .await;
    p.assert(201);
    (school, p.body["id"].as_str().unwrap().to_string())
}

async fn an_mdo_about_a_pupil_is_audited_and_in_the_dossier(app: TestApp) {
    let t = app.token("beheerder").await;
    let (school, pupil) = school_and_pupil(&app, &t).await;
    let consulent = app.token("consulent").await;
    let mdo = json!({"datum": "2016-11-08", "schoolId": school, "leerlingId": pupil, "ondersteuningsniveau": 3,
                     "consulentAanwezig": true, "uitkomst": "arrangement"});
    let r = app.post("/api/v1/mdos", &consulent, mdo.clone()).await;
    r.assert(201);
    assert_eq!(r.body["schooljaar"], "2016-2017");
    // One about the school as a whole, without a pupil.
    let r = app
        .post(
            "/api/v1/mdos",
            &consulent,
            json!({"datum": "2017-03-14", "schoolId": school, "ondersteuningsniveau": 2,
                   "consulentAanwezig": false, "uitkomst": "advies"}),
        )
        .await;
    r.assert(201);

    let d = app
        .get(&format!("/api/v1/leerlingen/{pupil}/dossier"), &consulent)
        .await;
    assert_eq!(d.body["mdo"].as_array().unwrap().len(), 1);
    assert_eq!(d.body["mdo"][0]["uitkomst"], "arrangement");

    let r = app
        .get(
            "/api/v1/mdos?ondersteuningsniveau=3&schooljaar=2016-2017",
            &consulent,
        )
        .await;
    assert_eq!(r.body["total"], 1);
    assert_invalid(
        &app.get("/api/v1/mdos?ondersteuningsniveau=9", &consulent)
            .await,
        "ondersteuningsniveau",
    );
    let entries = app
        .get(&format!("/api/v1/auditregels?leerlingId={pupil}"), &t)
        .await;
    assert!(entries.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["pad"] == "/mdos?ondersteuningsniveau=3&schooljaar=2016-2017"));

    // Bad input names the field and stores nothing.
    for (field, change) in [
        ("ondersteuningsniveau", json!({"ondersteuningsniveau": 5})),
        (
            "leerlingId",
            json!({"leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
        ),
        (
            "schoolId",
            json!({"schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
        ),
        ("uitkomst", json!({"uitkomst": "onbekend"})),
        ("datum", json!({"datum": "1850-01-01"})),
    ] {
        let mut body = mdo.clone();
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        assert_invalid(&app.post("/api/v1/mdos", &consulent, body).await, field);
    }
    assert_problem(
        &app.get("/api/v1/mdos", &app.token("lezer").await).await,
        403,
    );

    // The pupil's MDO goes with the pupil; the one about the school stays.
    app.delete(&format!("/api/v1/leerlingen/{pupil}"), &t)
        .await
        .assert(204);
    assert_eq!(app.get("/api/v1/mdos", &consulent).await.body["total"], 1);
}

async fn budgets_are_set_by_the_beheerder_within_their_year(app: TestApp) {
    let t = app.token("beheerder").await;
    let gebied = werkgebied(&app, &t, "Heiloo").await;
    let budget = json!({"werkgebiedId": gebied, "schooljaar": "2016-2017", "soort": "regulier",
                        "bedragCent": 18_814_280, "datum": "2016-08-01"});
    app.post("/api/v1/budgetten", &t, budget.clone())
        .await
        .assert(201);
    let mut extra = budget.clone();
    extra["soort"] = json!("extra");
    extra["bedragCent"] = json!(2_500_000);
    extra["datum"] = json!("2017-02-15");
    extra["toelichting"] = json!("Extra na de tweede trimesterrapportage");
    app.post("/api/v1/budgetten", &t, extra.clone())
        .await
        .assert(201);

    let mut outside = extra.clone();
    outside["datum"] = json!("2017-08-01");
    assert_invalid(&app.post("/api/v1/budgetten", &t, outside).await, "datum");
    let mut negative = extra.clone();
    negative["bedragCent"] = json!(-5);
    assert_invalid(
        &app.post("/api/v1/budgetten", &t, negative).await,
        "bedragCent",
    );
    let mut unknown = extra.clone();
    unknown["werkgebiedId"] = json!("0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b");
    assert_invalid(
        &app.post("/api/v1/budgetten", &t, unknown).await,
        "werkgebiedId",
    );

    // Every user of the SWV reads them; only the beheerder sets them.
    let lezer = app.token("lezer").await;
    let r = app
        .get(
            &format!("/api/v1/budgetten?werkgebiedId={gebied}&schooljaar=2016-2017"),
            &lezer,
        )
        .await;
    r.assert(200);
    let total: i64 = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["bedragCent"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 18_814_280 + 2_500_000);
    let consulent = app.token("consulent").await;
    assert_problem(
        &app.post("/api/v1/budgetten", &consulent, budget).await,
        403,
    );
    let r = app.get("/api/v1/budgetten?soort=extra", &consulent).await;
    assert_eq!(r.body["total"], 1);

    // A werkgebied with budgets is not deleted.
    assert_problem(
        &app.delete(&format!("/api/v1/werkgebieden/{gebied}"), &t)
            .await,
        409,
    );
}

/// MDO's per trimester, level, outcome and werkgebied, per hundred pupils, against last year.
async fn the_figures_of_a_year(app: TestApp) {
    let t = app.token("beheerder").await;
    let (school, pupil) = school_and_pupil(&app, &t).await;
    let gebied = werkgebied(&app, &t, "Alkmaar-Oost").await;
    let current = app.get(&format!("/api/v1/scholen/{school}"), &t).await;
    crate::common::with_if_match(
        &app,
        actix_web::http::Method::PATCH,
        &format!("/api/v1/scholen/{school}"),
        &t,
        Some(json!({"werkgebiedId": gebied, "leerlingaantal": 200})),
        &current.header("etag").unwrap(),
    )
    .await
    .assert(200);
    for (datum, niveau, uitkomst, consulent) in [
        ("2016-09-20", 3, "arrangement", true),
        ("2016-12-06", 3, "tlv_aanvraag", true),
        ("2017-05-16", 2, "advies", false),
        ("2016-03-01", 4, "verwijzing_jeugdhulp", true),
    ] {
        app.post(
            "/api/v1/mdos",
            &t,
            json!({"datum": datum, "schoolId": school, "leerlingId": pupil, "ondersteuningsniveau": niveau,
                   "consulentAanwezig": consulent, "uitkomst": uitkomst}),
        )
        .await
        .assert(201);
    }
    let r = app
        .get("/api/v1/mdos/statistieken?schooljaar=2016-2017", &t)
        .await;
    r.assert(200);
    let s = &r.body;
    assert_eq!(s["totaal"], 3);
    assert_eq!(s["perTrimester"], json!({"1": 1, "2": 1, "3": 1}));
    assert_eq!(s["perNiveau"], json!({"1": 0, "2": 1, "3": 2, "4": 0}));
    assert_eq!(s["perUitkomst"]["geen_vervolg"], 0);
    assert_eq!(s["perUitkomst"]["tlv_aanvraag"], 1);
    assert_eq!(s["consulentAanwezig"], 2);
    let w = &s["perWerkgebied"][0];
    assert_eq!(
        (w["naam"].clone(), w["totaal"].clone()),
        (json!("Alkmaar-Oost"), json!(3))
    );
    assert_eq!(w["perHonderdLeerlingen"], 1.5);
    assert_eq!(s["vorigJaar"]["totaal"], 1);
    assert_eq!(s["vorigJaar"]["perNiveau"]["4"], 1);
    // A lezer gets the same figures with the small counts hidden, and the rate beside them.
    let l = app
        .get(
            "/api/v1/mdos/statistieken?schooljaar=2016-2017",
            &app.token("lezer").await,
        )
        .await;
    l.assert(200);
    assert_eq!(
        l.body["totaal"],
        json!({"waarde": null, "onderdrukt": true})
    );
    assert_eq!(l.body["perNiveau"]["1"], json!({"waarde": 0}));
    assert_eq!(
        l.body["perWerkgebied"][0]["perHonderdLeerlingen"],
        Value::Null
    );

    // A KPI on these three MDO's: the beheerder reads 3, a lezer nothing it could single out.
    let beheerder = app.token("beheerder").await;
    app.post(
        "/api/v1/kengetallen",
        &beheerder,
        json!({"naam": "MDO's", "eenheid": "aantal", "richting": "minimaal", "streefwaarde": 10, "bron": "mdo_totaal"}),
    )
    .await
    .assert(201);
    let kpi = |r: &Value| r["kengetallen"][0]["waarde"].clone();
    let o = app
        .get(
            "/api/v1/kengetallen/overzicht?schooljaar=2016-2017",
            &beheerder,
        )
        .await;
    assert_eq!(kpi(&o.body), json!(3.0));
    let o = app
        .get(
            "/api/v1/kengetallen/overzicht?schooljaar=2016-2017",
            &app.token("lezer").await,
        )
        .await;
    o.assert(200);
    assert_eq!(kpi(&o.body), Value::Null);
    assert_eq!(o.body["kengetallen"][0]["signaal"], Value::Null);
}

both_backends!(
    the_figures_of_a_year,
    an_mdo_about_a_pupil_is_audited_and_in_the_dossier,
    budgets_are_set_by_the_beheerder_within_their_year,
);
