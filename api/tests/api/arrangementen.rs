//! Arrangementen: the rules between kind, pupil, school and extension, the status that only
//! moves forward, the werkgebied that stays with the arrangement, and the audit of each answer.

use serde_json::{json, Value};

use crate::common::{
    assert_invalid, assert_problem, gemeente, schoolbestuur, werkgebied, with_if_match, TestApp,
};

const ARR: &str = "/api/v1/arrangementen";

struct Fixture {
    t: String,
    school: String,
    other_school: String,
    gebied: String,
    pupil: String,
}

async fn fixture(app: &TestApp) -> Fixture {
    let t = app.token("beheerder").await;
    let g = gemeente(app, "0392", "Haarlem").await;
    let b = schoolbestuur(app, &t, "Stichting Spaarnesant", "41590").await;
    let gebied = werkgebied(app, &t, "Haarlem-Noord").await;
    let school = |naam: &str, brin: &str, gebied: Option<&str>| json!({"naam": naam, "brin": brin, "soort": "bao", "schoolbestuurId": b, "gemeenteId": g, "werkgebiedId": gebied});
    let s = app
        .post(
            "/api/v1/scholen",
            &t,
            school("De Zonnewijzer", "12AB00", Some(&gebied)),
        )
        .await;
    s.assert(201);
    let o = app
        .post("/api/v1/scholen", &t, school("Het Kompas", "13CD00", None))
        .await;
    o.assert(201);
    let school = s.body["id"].as_str().unwrap().to_string();
    let p = app
        .post(
            "/api/v1/leerlingen",
            &t,
            json!({"referentie": "NK-0635", "geboortemaand": "2009-02", "geslacht": "jongen",
                   "woongemeenteId": g, "schoolId": school, "leerjaar": 6}),
        )
        .await;
    p.assert(201);
    Fixture {
        t,
        school,
        other_school: o.body["id"].as_str().unwrap().to_string(),
        gebied,
        pupil: p.body["id"].as_str().unwrap().to_string(),
    }
}

fn individueel(f: &Fixture) -> Value {
    json!({"soort": "individueel", "leerlingId": f.pupil, "categorie": "gedragsinterventietechnieken",
           "ondersteuningsniveau": 3, "startdatum": "2016-10-03", "einddatum": "2017-01-27",
           "urenPerWeek": 4.0, "bedragCent": 312000, "status": "aangevraagd"})
}

fn with(mut body: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        body[k] = v.clone();
    }
    body
}

async fn create(app: &TestApp, t: &str, body: Value) -> Value {
    let r = app.post(ARR, t, body).await;
    r.assert(201);
    r.body
}

async fn status(app: &TestApp, t: &str, id: &str, status: &str) -> crate::common::Resp {
    let tag = app
        .get(&format!("{ARR}/{id}"), t)
        .await
        .header("etag")
        .unwrap();
    with_if_match(
        app,
        actix_web::http::Method::PATCH,
        &format!("{ARR}/{id}"),
        t,
        Some(json!({ "status": status })),
        &tag,
    )
    .await
}

async fn a_consulent_registers_an_arrangement_for_a_pupil(app: TestApp) {
    let f = fixture(&app).await;
    let consulent = app.token("consulent").await;
    let a = create(&app, &consulent, individueel(&f)).await;
    // The school, its werkgebied and the year group come from the pupil; the year from the start.
    assert_eq!(a["schoolId"], f.school.as_str());
    assert_eq!(a["werkgebiedId"], f.gebied.as_str());
    assert_eq!(a["leerjaar"], 6);
    assert_eq!(a["schooljaar"], "2016-2017");
    assert_eq!(a["verlenging"], false);
    assert_eq!(a["toegekendOp"], Value::Null);
    let id = a["id"].as_str().unwrap();

    // Granting without a date sets today's; the grant then shows in the pupil's dossier.
    let r = status(&app, &consulent, id, "toegekend").await;
    r.assert(200);
    assert_eq!(
        r.body["toegekendOp"],
        koers::domain::time::today().to_string()
    );
    let d = app
        .get(
            &format!("/api/v1/leerlingen/{}/dossier", f.pupil),
            &consulent,
        )
        .await;
    d.assert(200);
    assert_eq!(d.body["arrangementen"][0]["id"], id);

    // Every answer was recorded, naming the pupil.
    let entries = app
        .get(
            &format!("/api/v1/auditregels?leerlingId={}&pageSize=200", f.pupil),
            &f.t,
        )
        .await;
    let acties: Vec<&str> = entries.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actie"].as_str().unwrap())
        .collect();
    assert!(
        acties.iter().filter(|a| **a == "aanmaken").count() == 2
            && acties.contains(&"wijzigen")
            && acties.contains(&"lezen"),
        "{acties:?}"
    );

    // What a client read it may send back unchanged, derived fields included.
    let current = app.get(&format!("{ARR}/{id}"), &consulent).await;
    with_if_match(
        &app,
        actix_web::http::Method::PUT,
        &format!("{ARR}/{id}"),
        &consulent,
        Some(current.body.clone()),
        &current.header("etag").unwrap(),
    )
    .await
    .assert(200);

    // A lezer sees no arrangement at all.
    let lezer = app.token("lezer").await;
    assert_problem(&app.get(ARR, &lezer).await, 403);
    assert_problem(&app.get(&format!("{ARR}/{id}"), &lezer).await, 403);
}

async fn bad_input_names_the_field_and_stores_nothing(app: TestApp) {
    let f = fixture(&app).await;
    let groep = json!({"soort": "groep", "aantalLeerlingen": 8, "schoolId": f.school, "categorie": "overig",
                       "ondersteuningsniveau": 2, "startdatum": "2016-09-01", "einddatum": "2017-07-14",
                       "bedragCent": 900000, "status": "toegekend"});
    create(&app, &f.t, groep.clone()).await;
    let base = individueel(&f);
    let cases = [
        (
            "einddatum",
            with(base.clone(), json!({"einddatum": "2016-10-02"})),
        ),
        (
            "leerlingId",
            with(base.clone(), json!({"leerlingId": null})),
        ),
        (
            "leerlingId",
            with(groep.clone(), json!({"leerlingId": f.pupil})),
        ),
        (
            "aantalLeerlingen",
            with(groep.clone(), json!({"aantalLeerlingen": null})),
        ),
        (
            "aantalLeerlingen",
            with(groep.clone(), json!({"aantalLeerlingen": 0})),
        ),
        (
            "aantalLeerlingen",
            with(base.clone(), json!({"aantalLeerlingen": 3})),
        ),
        ("schoolId", with(groep.clone(), json!({"schoolId": null}))),
        (
            "schoolId",
            with(
                base.clone(),
                json!({"schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
            ),
        ),
        (
            "leerlingId",
            with(
                base.clone(),
                json!({"leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
            ),
        ),
        (
            "ondersteuningsniveau",
            with(base.clone(), json!({"ondersteuningsniveau": 4})),
        ),
        ("bedragCent", with(base.clone(), json!({"bedragCent": -1}))),
        (
            "urenPerWeek",
            with(base.clone(), json!({"urenPerWeek": -0.5})),
        ),
        ("leerjaar", with(base.clone(), json!({"leerjaar": 9}))),
        (
            "categorie",
            with(base.clone(), json!({"categorie": "bijles"})),
        ),
        ("status", with(base.clone(), json!({"status": "beeindigd"}))),
        (
            "toegekendOp",
            with(base.clone(), json!({"toegekendOp": "2016-09-28"})),
        ),
        (
            "verlengingVanId",
            with(
                base.clone(),
                json!({"verlengingVanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
            ),
        ),
    ];
    for (field, body) in cases {
        let r = app.post(ARR, &f.t, body).await;
        assert_invalid(&r, field);
    }
    let r = app.get(ARR, &f.t).await;
    assert_eq!(
        r.body["total"], 1,
        "only the valid group arrangement is stored"
    );
}

async fn status_moves_only_forward(app: TestApp) {
    let f = fixture(&app).await;
    let id = create(&app, &f.t, individueel(&f)).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    status(&app, &f.t, &id, "aangevraagd").await.assert(200);
    status(&app, &f.t, &id, "toegekend").await.assert(200);
    for back in ["aangevraagd", "afgewezen", "ingetrokken"] {
        assert_problem(&status(&app, &f.t, &id, back).await, 409);
    }
    status(&app, &f.t, &id, "beeindigd").await.assert(200);
    assert_problem(&status(&app, &f.t, &id, "toegekend").await, 409);
    let refused = create(&app, &f.t, individueel(&f)).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    status(&app, &f.t, &refused, "afgewezen").await.assert(200);
    assert_problem(&status(&app, &f.t, &refused, "toegekend").await, 409);
    let r = app.get(&format!("{ARR}/{refused}"), &f.t).await;
    assert_eq!(r.body["toegekendOp"], Value::Null);
    assert_eq!(r.body["status"], "afgewezen");
}

async fn extensions_follow_their_arrangement(app: TestApp) {
    let f = fixture(&app).await;
    let first = create(
        &app,
        &f.t,
        with(
            individueel(&f),
            json!({"status": "toegekend", "toegekendOp": "2016-09-28"}),
        ),
    )
    .await;
    let first = first["id"].as_str().unwrap();
    let later =
        json!({"startdatum": "2017-01-30", "einddatum": "2017-07-14", "verlengingVanId": first});
    // Not at another school, not starting earlier, not of a request that was not granted.
    assert_invalid(
        &app.post(
            ARR,
            &f.t,
            with(
                individueel(&f),
                with(later.clone(), json!({"schoolId": f.other_school})),
            ),
        )
        .await,
        "verlengingVanId",
    );
    assert_invalid(
        &app.post(
            ARR,
            &f.t,
            with(
                individueel(&f),
                with(later.clone(), json!({"startdatum": "2016-10-03"})),
            ),
        )
        .await,
        "verlengingVanId",
    );
    let open = create(&app, &f.t, individueel(&f)).await;
    assert_invalid(
        &app.post(
            ARR,
            &f.t,
            with(
                individueel(&f),
                with(later.clone(), json!({"verlengingVanId": open["id"]})),
            ),
        )
        .await,
        "verlengingVanId",
    );
    // Extended twice: each is a verlenging.
    let second = create(&app, &f.t, with(individueel(&f), later.clone())).await;
    assert_eq!(second["verlenging"], true);
    create(
        &app,
        &f.t,
        with(
            individueel(&f),
            with(later, json!({"startdatum": "2017-03-01"})),
        ),
    )
    .await;
    let r = app.get(&format!("{ARR}?verlenging=true"), &f.t).await;
    assert_eq!(r.body["total"], 2);
    let r = app
        .get(&format!("{ARR}?verlenging=false&status=toegekend"), &f.t)
        .await;
    assert_eq!(r.body["total"], 1);
    assert_eq!(r.body["items"][0]["id"], first);

    // The extended arrangement stays while its extensions refer to it.
    assert_problem(&app.delete(&format!("{ARR}/{first}"), &f.t).await, 409);
    // Deleting the pupil takes every arrangement about it along.
    app.delete(&format!("/api/v1/leerlingen/{}", f.pupil), &f.t)
        .await
        .assert(204);
    let r = app.get(ARR, &f.t).await;
    assert_eq!(r.body["total"], 0);
}

async fn the_werkgebied_stays_with_the_arrangement(app: TestApp) {
    let f = fixture(&app).await;
    let a = create(&app, &f.t, individueel(&f)).await;
    let id = a["id"].as_str().unwrap();
    // The school moves to another werkgebied: the arrangement counts where it was granted.
    let elders = werkgebied(&app, &f.t, "Heemstede").await;
    let school = app
        .get(&format!("/api/v1/scholen/{}", f.school), &f.t)
        .await;
    with_if_match(
        &app,
        actix_web::http::Method::PATCH,
        &format!("/api/v1/scholen/{}", f.school),
        &f.t,
        Some(json!({ "werkgebiedId": elders })),
        &school.header("etag").unwrap(),
    )
    .await
    .assert(200);
    let tag = app
        .get(&format!("{ARR}/{id}"), &f.t)
        .await
        .header("etag")
        .unwrap();
    let r = with_if_match(
        &app,
        actix_web::http::Method::PATCH,
        &format!("{ARR}/{id}"),
        &f.t,
        Some(json!({"bedragCent": 280000})),
        &tag,
    )
    .await;
    r.assert(200);
    assert_eq!(r.body["werkgebiedId"], f.gebied.as_str());
    // A change of school takes the new school's werkgebied (here: none).
    let r = with_if_match(
        &app,
        actix_web::http::Method::PATCH,
        &format!("{ARR}/{id}"),
        &f.t,
        Some(json!({"schoolId": f.other_school})),
        &r.header("etag").unwrap(),
    )
    .await;
    r.assert(200);
    assert_eq!(r.body["werkgebiedId"], Value::Null);
    let r = app
        .get(&format!("{ARR}?werkgebiedId={}", f.gebied), &f.t)
        .await;
    assert_eq!(r.body["total"], 0);
}

async fn exports_are_audited_with_the_pupils_they_carry(app: TestApp) {
    let f = fixture(&app).await;
    create(&app, &f.t, individueel(&f)).await;
    let r = app
        .request(
            actix_web::http::Method::GET,
            &format!("{ARR}?schooljaar=2016-2017"),
            Some(&f.t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8_lossy(&r.raw);
    assert!(csv.contains("gedragsinterventietechnieken"), "{csv}");
    let entries = app
        .get(&format!("/api/v1/auditregels?leerlingId={}", f.pupil), &f.t)
        .await;
    let export = entries.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["actie"] == "exporteren")
        .expect("an export entry");
    assert_eq!(export["pad"], "/arrangementen?schooljaar=2016-2017");
    assert_eq!(export["leerlingIds"], json!([f.pupil]));
}

/// The year's figures count granted arrangementen that start in the year, in every breakdown.
async fn the_figures_of_a_year(app: TestApp) {
    let f = fixture(&app).await;
    let toegekend = json!({"status": "toegekend", "toegekendOp": "2016-09-28"});
    let first = create(&app, &f.t, with(individueel(&f), toegekend.clone())).await;
    create(
        &app,
        &f.t,
        with(
            individueel(&f),
            json!({"status": "toegekend", "startdatum": "2017-01-30", "einddatum": "2017-07-14", "verlengingVanId": first["id"]}),
        ),
    )
    .await;
    create(
        &app,
        &f.t,
        json!({"soort": "groep", "aantalLeerlingen": 8, "schoolId": f.other_school, "categorie": "overig",
               "ondersteuningsniveau": 2, "startdatum": "2017-04-10", "einddatum": "2017-07-14",
               "bedragCent": 900000, "status": "toegekend"}),
    )
    .await;
    // A request not (yet) granted does not count; one of the year before counts there.
    create(
        &app,
        &f.t,
        with(individueel(&f), json!({"startdatum": "2016-11-01"})),
    )
    .await;
    create(
        &app,
        &f.t,
        json!({"soort": "innovatie", "schoolId": f.school, "categorie": "overig", "ondersteuningsniveau": 2,
               "startdatum": "2015-09-01", "einddatum": "2016-07-15", "bedragCent": 2000000, "status": "toegekend"}),
    )
    .await;

    let consulent = app.token("consulent").await;
    let r = app
        .get(
            &format!("{ARR}/statistieken?schooljaar=2016-2017"),
            &consulent,
        )
        .await;
    r.assert(200);
    let s = &r.body;
    assert_eq!(s["totaal"], 3);
    assert_eq!(
        s["perSoort"],
        json!({"individueel": 2, "groep": 1, "innovatie": 0})
    );
    assert_eq!(
        (s["nieuw"].clone(), s["verlenging"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(s["perCategorie"]["gedragsinterventietechnieken"], 2);
    assert_eq!(s["perCategorie"]["overig"], 1);
    assert_eq!(
        s["perCategorie"].as_object().unwrap().len(),
        9,
        "every category"
    );
    assert_eq!(s["perLeerjaar"]["6"], 2);
    assert_eq!(s["perLeerjaar"]["onbekend"], 1);
    assert_eq!(
        s["perLeerjaar"].as_object().unwrap().len(),
        9,
        "groep 1-8 and onbekend"
    );
    assert_eq!(
        s["perGeslacht"],
        json!({"jongen": 2, "meisje": 0, "anders": 0, "onbekend": 0})
    );
    assert_eq!(s["perTrimester"], json!({"1": 1, "2": 1, "3": 1}));
    let gebieden = s["perWerkgebied"].as_array().unwrap();
    assert_eq!(gebieden[0]["naam"], "Haarlem-Noord");
    assert_eq!(gebieden[0]["totaal"], 2);
    assert_eq!(gebieden[1]["naam"], "Geen werkgebied");
    assert_eq!(gebieden[1]["perSoort"]["groep"], 1);
    assert_eq!(
        s["vorigJaar"],
        json!({"totaal": 1, "perSoort": {"individueel": 0, "groep": 0, "innovatie": 1}, "verlenging": 0})
    );

    // The same figures as rows for Excel; the year is required.
    let r = app
        .request(
            actix_web::http::Method::GET,
            &format!("{ARR}/statistieken?schooljaar=2016-2017"),
            Some(&consulent),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8_lossy(&r.raw);
    assert!(
        csv.lines()
            .any(|l| l.contains("perSoort") && l.contains("individueel") && l.ends_with('2')),
        "{csv}"
    );
    assert_invalid(
        &app.get(&format!("{ARR}/statistieken"), &consulent).await,
        "schooljaar",
    );
    assert_invalid(
        &app.get(&format!("{ARR}/statistieken?schooljaar=2016"), &consulent)
            .await,
        "schooljaar",
    );
}

both_backends!(
    the_figures_of_a_year,
    a_consulent_registers_an_arrangement_for_a_pupil,
    bad_input_names_the_field_and_stores_nothing,
    status_moves_only_forward,
    extensions_follow_their_arrangement,
    the_werkgebied_stays_with_the_arrangement,
    exports_are_audited_with_the_pupils_they_carry,
);
