//! School contacts: a consulent records hers (by default as herself), others name the
//! consulent, follow-ups can be listed and ticked off, and the overview shows per school how
//! often it was seen and which schools are behind the SWV's minimum.

use serde_json::{json, Value};

use crate::common::{assert_invalid, assert_problem, gemeente, schoolbestuur, Resp, TestApp};

fn id(r: &Resp) -> String {
    r.body["id"].as_str().unwrap().to_string()
}

async fn school(app: &TestApp, t: &str, b: &str, g: &str, naam: &str, brin: &str) -> String {
    let r = app
        .post(
            "/api/v1/scholen",
            t,
            json!({"naam": naam, "brin": brin, "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}),
        )
        .await;
    r.assert(201);
    id(&r)
}

async fn user_id(app: &TestApp, beheerder: &str, rol: &str) -> String {
    app.get(&format!("/api/v1/gebruikers?rol={rol}"), beheerder)
        .await
        .body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn contacts_are_recorded_followed_and_counted(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let consulent = app.token("consulent").await;
    let medewerker = app.token("medewerker").await;
    let g = gemeente(&app, "0392", "Haarlem").await;
    let b = schoolbestuur(&app, &beheerder, "Stichting Spaarnesant", "41590").await;
    let a = school(&app, &beheerder, &b, &g, "De Aquarel", "11AA00").await;
    let bs = school(&app, &beheerder, &b, &g, "De Boomgaard", "12BB00").await;
    let cs = school(&app, &beheerder, &b, &g, "De Cirkel", "13CC00").await;
    let k = user_id(&app, &beheerder, "consulent").await;
    let mw = user_id(&app, &beheerder, "medewerker").await;

    // The beheerder assigns the consulent to two schools; a medewerker is no consulent.
    for s in [&a, &bs] {
        app.patch(
            &format!("/api/v1/scholen/{s}"),
            &beheerder,
            json!({"consulentId": k}),
        )
        .await
        .assert(200);
    }
    assert_invalid(
        &app.patch(
            &format!("/api/v1/scholen/{cs}"),
            &beheerder,
            json!({"consulentId": mw}),
        )
        .await,
        "consulentId",
    );

    // "Mijn scholen": the list of schools by consulent.
    let mijn = app
        .get(
            &format!("/api/v1/scholen?consulentId={k}&sort=naam"),
            &consulent,
        )
        .await;
    assert_eq!(crate::common::ids(&mijn), vec![a.clone(), bs.clone()]);

    // A consulent records as herself; a medewerker names the consulent.
    let r = app
        .post(
            "/api/v1/schoolcontacten",
            &consulent,
            json!({"schoolId": a, "datum": "2025-09-10", "soort": "startgesprek", "onderwerp": "Ondersteuningsbudget",
                   "signaal": "op_koers", "vervolgOp": "2025-10-01"}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["consulentId"], k.as_str());
    assert_eq!(r.body["schooljaar"], "2025-2026");
    let open = id(&r);
    let base =
        json!({"schoolId": a, "datum": "2025-11-12", "soort": "meso_gesprek", "onderwerp": "Meso"});
    assert_invalid(
        &app.post("/api/v1/schoolcontacten", &medewerker, base.clone())
            .await,
        "consulentId",
    );
    let mut named = base.clone();
    named["consulentId"] = json!(k);
    named["signaal"] = json!("risico");
    app.post("/api/v1/schoolcontacten", &medewerker, named)
        .await
        .assert(201);
    for (datum, soort, signaal) in [
        ("2026-01-20", "consultatie", Value::Null),
        ("2026-05-04", "signaal", json!("aandacht")),
    ] {
        app.post(
            "/api/v1/schoolcontacten",
            &consulent,
            json!({"schoolId": a, "datum": datum, "soort": soort, "onderwerp": "Overleg", "signaal": signaal}),
        )
        .await
        .assert(201);
    }
    app.post(
        "/api/v1/schoolcontacten",
        &consulent,
        json!({"schoolId": bs, "datum": "2026-03-02", "soort": "observatie", "onderwerp": "Groep 4"}),
    )
    .await
    .assert(201);
    // This year's contact does not count for last year.
    app.post(
        "/api/v1/schoolcontacten",
        &consulent,
        json!({"schoolId": cs, "datum": "2026-09-08", "soort": "startgesprek", "onderwerp": "Start"}),
    )
    .await
    .assert(201);

    // Follow-ups still to do, and ticking one off.
    let list = |q: &'static str| {
        let (app, t) = (&app, &consulent);
        async move { app.get(&format!("/api/v1/schoolcontacten?{q}"), t).await }
    };
    assert_eq!(list("vervolgOpen=true").await.body["total"], 1);
    app.patch(
        &format!("/api/v1/schoolcontacten/{open}"),
        &consulent,
        json!({"vervolgGedaan": true}),
    )
    .await
    .assert(200);
    assert_eq!(list("vervolgOpen=true").await.body["total"], 0);
    assert_eq!(list("schooljaar=2025-2026").await.body["total"], 5);
    assert_eq!(list("soort=meso_gesprek").await.body["total"], 1);
    let r = app
        .get(
            &format!("/api/v1/schoolcontacten?schoolId={a}&sort=datum"),
            &consulent,
        )
        .await;
    assert_eq!(r.body["items"][0]["datum"], "2025-09-10");
    assert_invalid(&list("soort=koffie").await, "soort");

    // The overview of the past year: every school, the whole minimum of 3.
    let o = app
        .get(
            "/api/v1/schoolcontacten/overzicht?schooljaar=2025-2026",
            &consulent,
        )
        .await;
    o.assert(200);
    let scholen = o.body["scholen"].as_array().unwrap();
    assert_eq!(scholen.len(), 3);
    assert_eq!(scholen[0]["naam"], "De Aquarel");
    assert_eq!(scholen[0]["contacten"], 4);
    assert_eq!(scholen[0]["laatsteContact"], "2026-05-04");
    assert_eq!(scholen[0]["perSoort"]["startgesprek"], 1);
    assert_eq!(scholen[0]["perSoort"]["evaluatie"], 0);
    assert_eq!(
        scholen[0]["signalen"],
        json!({"op_koers": 1, "aandacht": 1, "risico": 1})
    );
    assert_eq!(scholen[0]["consulent"]["id"], k.as_str());
    assert_eq!(scholen[2]["contacten"], 0);
    assert_eq!(scholen[2]["consulent"], Value::Null);
    assert_eq!(o.body["gemiddeldPerSchool"], 1.7);
    assert_eq!(o.body["minimumTotNu"], 3.0);
    assert_eq!(o.body["onderMinimum"], json!([bs, cs]));
    let mine = app
        .get(
            &format!("/api/v1/schoolcontacten/overzicht?schooljaar=2025-2026&consulentId={k}"),
            &consulent,
        )
        .await;
    assert_eq!(
        mine.body["scholen"].as_array().unwrap().len(),
        2,
        "her schools"
    );

    // The school's own page: its counts in the year, and nothing for a lezer.
    let k = app
        .get(
            &format!("/api/v1/scholen/{a}/kerncijfers?schooljaar=2025-2026"),
            &consulent,
        )
        .await;
    k.assert(200);
    assert_eq!(k.body["contacten"], 4);
    assert_eq!(k.body["laatsteContact"], "2026-05-04");
    assert_eq!(k.body["openVervolgen"], 0);
    assert_eq!(k.body["arrangementen"], 0);
    assert_eq!(k.body["bijeenkomstenBijgewoond"], 0);
    assert_invalid(
        &app.get(&format!("/api/v1/scholen/{a}/kerncijfers"), &consulent)
            .await,
        "schooljaar",
    );
    assert_problem(
        &app.get(
            "/api/v1/scholen/0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b/kerncijfers?schooljaar=2025-2026",
            &consulent,
        )
        .await,
        404,
    );
    assert_problem(
        &app.get(
            &format!("/api/v1/scholen/{a}/kerncijfers?schooljaar=2025-2026"),
            &app.token("lezer").await,
        )
        .await,
        403,
    );

    // The platformbeheerder raises the SWV's minimum: every school is now behind.
    let platform = app.token("platformbeheerder").await;
    let swv = format!("/api/v1/samenwerkingsverbanden/{}", app.swv.id);
    let r = app
        .patch(&swv, &platform, json!({"minimumSchoolcontacten": 5}))
        .await;
    r.assert(200);
    assert_eq!(r.body["minimumSchoolcontacten"], 5);
    assert_invalid(
        &app.patch(&swv, &platform, json!({"minimumSchoolcontacten": 53}))
            .await,
        "minimumSchoolcontacten",
    );
    let o = app
        .get(
            "/api/v1/schoolcontacten/overzicht?schooljaar=2025-2026",
            &consulent,
        )
        .await;
    assert_eq!(o.body["minimumTotNu"], 5.0);
    assert_eq!(o.body["onderMinimum"], json!([a, bs, cs]));

    // Lezers see no contacts; a school with contacts is not deleted.
    assert_problem(
        &app.get("/api/v1/schoolcontacten", &app.token("lezer").await)
            .await,
        403,
    );
    assert_problem(
        &app.delete(&format!("/api/v1/scholen/{bs}"), &beheerder)
            .await,
        409,
    );
}

async fn bad_input_is_refused(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let consulent = app.token("consulent").await;
    let g = gemeente(&app, "0392", "Haarlem").await;
    let b = schoolbestuur(&app, &beheerder, "Stichting Spaarnesant", "41590").await;
    let a = school(&app, &beheerder, &b, &g, "De Aquarel", "11AA00").await;
    let mw = user_id(&app, &beheerder, "medewerker").await;
    let ver = (koers::domain::time::today() + chrono::Duration::days(400)).to_string();
    let base = json!({"schoolId": a, "datum": "2026-10-06", "soort": "consultatie", "onderwerp": "Overleg"});
    for (field, change) in [
        ("datum", json!({"datum": ver})),
        ("vervolgOp", json!({"vervolgOp": "2026-10-05"})),
        ("consulentId", json!({"consulentId": mw})),
        (
            "schoolId",
            json!({"schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
        ),
        ("onderwerp", json!({"onderwerp": "  "})),
        ("soort", json!({"soort": "koffie"})),
        ("signaal", json!({"signaal": "afgerond"})),
    ] {
        let mut body = base.clone();
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        assert_invalid(
            &app.post("/api/v1/schoolcontacten", &consulent, body).await,
            field,
        );
    }
    assert_eq!(
        app.get("/api/v1/schoolcontacten", &consulent).await.body["total"],
        0
    );
    assert_invalid(
        &app.get("/api/v1/schoolcontacten/overzicht", &consulent)
            .await,
        "schooljaar",
    );
}

both_backends!(
    contacts_are_recorded_followed_and_counted,
    bad_input_is_refused
);
