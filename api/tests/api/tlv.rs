//! TLV's: the procedure from request to decision, objection and outflow, the legal clock with
//! suspensions and one verdaging, the rules that refuse what the law does not allow, and the
//! audit and dossier of every step.

use chrono::{Duration, NaiveDate};
use serde_json::{json, Value};

use crate::common::{assert_invalid, assert_problem, gemeente, schoolbestuur, TestApp};

struct Setup {
    t: String,
    regulier: String,
    sbo: String,
    so: String,
    pupil: String,
}

async fn setup(app: &TestApp) -> Setup {
    let t = app.token("consulent").await;
    let beheerder = app.token("beheerder").await;
    let g = gemeente(app, "0361", "Alkmaar").await;
    let b = schoolbestuur(app, &beheerder, "Stichting Ronduit", "41180").await;
    let school = |naam: &'static str, brin: &'static str, soort: &'static str| {
        app.post(
            "/api/v1/scholen",
            &beheerder,
            json!({"naam": naam, "brin": brin, "soort": soort, "schoolbestuurId": b, "gemeenteId": g}),
        )
    };
    let regulier = id(school("De Rekenmeester", "14EF00", "bao").await.assert(201));
    let sbo = id(school("SBO De Sluis", "15GH00", "sbo").await.assert(201));
    let so = id(school("De Brug (SO)", "16JK00", "so").await.assert(201));
    let p = app
        .post(
            "/api/v1/leerlingen",
            &t,
            json!({"referentie": "NK-0444", "geboortemaand": "2008-03", "geslacht": "jongen",
                   "woongemeenteId": g, "schoolId": regulier, "leerjaar": 5}),
        )
        .await;
    p.assert(201);
    Setup {
        t,
        regulier,
        sbo,
        so,
        pupil: p.body["id"].as_str().unwrap().to_string(),
    }
}

fn id(r: &crate::common::Resp) -> String {
    r.body["id"].as_str().unwrap().to_string()
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn today() -> NaiveDate {
    koers::domain::time::today()
}

async fn request(app: &TestApp, s: &Setup, body: Value) -> String {
    let mut r = json!({"leerlingId": s.pupil, "schoolVanHerkomstId": s.regulier, "soort": "so",
                       "categorie": "laag", "aanvraag": "nieuw", "ontvangenOp": "2016-10-03"});
    for (k, v) in body.as_object().unwrap() {
        r[k] = v.clone();
    }
    let resp = app
        .post("/api/v1/toelaatbaarheidsverklaringen", &s.t, r)
        .await;
    resp.assert(201);
    id(&resp)
}

async fn advies(
    app: &TestApp,
    s: &Setup,
    tlv: &str,
    wie: &str,
    discipline: &str,
) -> crate::common::Resp {
    app.post(
        &format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}/adviezen"),
        &s.t,
        json!({"deskundige": wie, "discipline": discipline, "datum": "2016-10-20", "advies": "toelaatbaar"}),
    )
    .await
}

async fn besluit(app: &TestApp, s: &Setup, tlv: &str, body: Value) -> crate::common::Resp {
    app.put(
        &format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}/besluit"),
        &s.t,
        body,
    )
    .await
}

/// A request with its advice, a decision in time, an objection that reopens it, a new
/// decision and the pupil's return to a regular school.
async fn a_request_runs_its_course(app: TestApp) {
    let s = setup(&app).await;
    let tlv = request(&app, &s, json!({})).await;
    let path = format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}");
    let r = app.get(&path, &s.t).await;
    r.assert(200);
    assert_eq!(r.body["status"], "in_behandeling");
    assert_eq!(r.body["schooljaar"], "2016-2017");
    // Six weeks from Monday 3 October 2016.
    assert_eq!(r.body["uiterlijkeBeslisdatum"], "2016-11-14");
    assert!(r.body["dagenResterend"].as_i64().unwrap() < 0, "long past");
    assert_eq!(r.body["binnenTermijn"], Value::Null);

    // Without the advice the law requires, no decision; the problem says what is missing.
    let granted = json!({"datum": "2016-11-08", "verzondenOp": "2016-11-09", "uitkomst": "toegekend",
                         "ingangsdatum": "2016-10-01", "duurJaren": 2, "voorzieningSchoolId": s.so,
                         "motivering": "Beide deskundigen adviseren het SO."});
    let r = besluit(&app, &s, &tlv, granted.clone()).await;
    assert_problem(&r, 409);
    assert_eq!(
        r.body["ontbreekt"],
        json!(["orthopedagoog_of_psycholoog", "tweede_deskundige"])
    );
    advies(&app, &s, &tlv, "drs. K. Vermeulen", "orthopedagoog")
        .await
        .assert(201);
    assert_invalid(
        &advies(&app, &s, &tlv, "  DRS. K.  vermeulen", "psycholoog").await,
        "deskundige",
    );
    let r = besluit(&app, &s, &tlv, granted.clone()).await;
    assert_problem(&r, 409);
    assert_eq!(r.body["ontbreekt"], json!(["tweede_deskundige"]));
    advies(&app, &s, &tlv, "M. Bakker", "arts")
        .await
        .assert(201);

    // A receiving school of another kind, a period given twice in disagreement.
    let mut wrong = granted.clone();
    wrong["voorzieningSchoolId"] = json!(s.sbo);
    assert_invalid(&besluit(&app, &s, &tlv, wrong).await, "voorzieningSchoolId");
    let mut wrong = granted.clone();
    wrong["einddatum"] = json!("2017-07-31");
    assert_invalid(&besluit(&app, &s, &tlv, wrong).await, "einddatum");
    let mut early = granted.clone();
    early["datum"] = json!("2016-09-30");
    assert_invalid(&besluit(&app, &s, &tlv, early).await, "datum");

    let r = besluit(&app, &s, &tlv, granted.clone()).await;
    r.assert(200);
    assert_eq!(r.body["status"], "toegekend");
    assert_eq!(r.body["besluit"]["einddatum"], "2018-07-31");
    assert!(r.body["besluit"].get("duurJaren").is_none());
    assert_eq!(r.body["binnenTermijn"], true);
    assert_eq!(r.body["dagenResterend"], Value::Null);
    // Decided: no more advice, no second decision.
    assert_problem(&advies(&app, &s, &tlv, "P. Smit", "psycholoog").await, 409);
    assert_problem(&besluit(&app, &s, &tlv, granted.clone()).await, 409);

    // An objection after six weeks that is not excusable can only be inadmissible.
    let bezwaar = format!("{path}/bezwaar");
    let late =
        json!({"ontvangenOp": "2016-12-28", "uitkomst": "gegrond", "beslistOp": "2017-02-01"});
    let r = app.put(&bezwaar, &s.t, late).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["uitkomst"]);
    let r = app
        .put(&bezwaar, &s.t, json!({"ontvangenOp": "2016-12-20"}))
        .await;
    r.assert(200);
    assert_eq!(r.body["bezwaar"]["tijdig"], true);
    assert_eq!(r.body["bezwaar"]["uitkomst"], Value::Null);
    assert_invalid(
        &app.put(&bezwaar, &s.t, json!({"ontvangenOp": "2016-11-01"}))
            .await,
        "ontvangenOp",
    );

    // Gegrond: the request opens again, its clock starts on the day the objection was decided,
    // and the earlier decision is kept.
    let r = app
        .put(
            &bezwaar,
            &s.t,
            json!({"ontvangenOp": "2016-12-20", "adviesLbt": "gegrond", "uitkomst": "gegrond", "beslistOp": "2017-02-01"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["status"], "in_behandeling");
    assert_eq!(r.body["besluit"], Value::Null);
    assert_eq!(r.body["bezwaar"], Value::Null);
    assert_eq!(r.body["termijnVanaf"], "2017-02-01");
    // 2017-02-01 + 42 = Wednesday 2017-03-15.
    assert_eq!(r.body["uiterlijkeBeslisdatum"], "2017-03-15");
    let eerder = &r.body["eerdereBesluiten"];
    assert_eq!(eerder.as_array().unwrap().len(), 1);
    assert_eq!(eerder[0]["besluit"]["einddatum"], "2018-07-31");
    assert_eq!(eerder[0]["bezwaar"]["uitkomst"], "gegrond");
    // The advice given before still counts for the new decision.
    let mut second = granted.clone();
    second["datum"] = json!("2017-03-20");
    second["verzondenOp"] = json!("2017-03-20");
    second["ingangsdatum"] = json!("2017-04-01");
    second.as_object_mut().unwrap().remove("duurJaren");
    second["einddatum"] = json!("2018-07-31");
    let r = besluit(&app, &s, &tlv, second).await;
    r.assert(200);
    assert_eq!(r.body["binnenTermijn"], false, "decided after 2017-03-15");
    let late = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen?termijnOverschreden=true",
            &s.t,
        )
        .await;
    assert_eq!(late.body["total"], 1);

    // The pupil goes back to a regular school.
    let r = app
        .put(
            &format!("{path}/uitstroom"),
            &s.t,
            json!({"datum": "2018-07-31", "vervolg": "regulier"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["uitstroom"]["vervolg"], "regulier");

    // In the dossier, and every step in the audit trail.
    let d = app
        .get(&format!("/api/v1/leerlingen/{}/dossier", s.pupil), &s.t)
        .await;
    let tlvs = d.body["toelaatbaarheidsverklaringen"].as_array().unwrap();
    assert_eq!(tlvs.len(), 1);
    assert_eq!(tlvs[0]["adviezen"].as_array().unwrap().len(), 2);
    let beheerder = app.token("beheerder").await;
    let trail = app
        .get(
            &format!("/api/v1/auditregels?leerlingId={}&pageSize=200", s.pupil),
            &beheerder,
        )
        .await;
    let paden: Vec<&str> = trail.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pad"].as_str().unwrap())
        .collect();
    for p in ["/besluit", "/bezwaar", "/uitstroom", "/adviezen"] {
        assert!(
            paden.iter().any(|x| x.ends_with(p)),
            "{p} audited: {paden:?}"
        );
    }
    // Lezers and the platformbeheerder see no TLV's.
    for rol in ["lezer"] {
        assert_problem(
            &app.get(
                "/api/v1/toelaatbaarheidsverklaringen",
                &app.token(rol).await,
            )
            .await,
            403,
        );
    }
}

/// Suspensions stop the clock, one verdaging moves the deadline, and status writes follow the
/// procedure.
async fn the_clock_stops_and_moves(app: TestApp) {
    let s = setup(&app).await;
    let ontvangen = today() - Duration::days(10);
    let tlv = request(
        &app,
        &s,
        json!({"soort": "sbo", "categorie": null, "ontvangenOp": day(ontvangen)}),
    )
    .await;
    let path = format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}");
    let first = app.get(&path, &s.t).await;
    let deadline: NaiveDate = first.body["uiterlijkeBeslisdatum"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(deadline >= ontvangen + Duration::days(42));
    let left = first.body["dagenResterend"].as_i64().unwrap();
    assert_eq!(left, (deadline - today()).num_days());

    // Waiting for information: the clock stands still and keeps its days left.
    let opschortingen = format!("{path}/opschortingen");
    assert_invalid(
        &app.post(
            &opschortingen,
            &s.t,
            json!({"van": day(ontvangen - Duration::days(1)), "reden": "aanvulling"}),
        )
        .await,
        "van",
    );
    assert_invalid(
        &app.post(
            &opschortingen,
            &s.t,
            json!({"van": day(ontvangen), "reden": "overig"}),
        )
        .await,
        "toelichting",
    );
    let start = ontvangen + Duration::days(2);
    let closed = app
        .post(
            &opschortingen,
            &s.t,
            json!({"van": day(start), "tot": day(start + Duration::days(3)), "reden": "overig", "toelichting": "Wacht op de ouders"}),
        )
        .await;
    closed.assert(201);
    let open = app
        .post(
            &opschortingen,
            &s.t,
            json!({"van": day(start + Duration::days(3)), "reden": "aanvulling"}),
        )
        .await;
    open.assert(201);
    assert!(open.header("location").unwrap().ends_with(&id(&open)));
    let r = app.get(&path, &s.t).await;
    assert_eq!(r.body["uiterlijkeBeslisdatum"], Value::Null);
    let frozen = r.body["dagenResterend"].as_i64().unwrap();
    // On the day it began (received + 5), the deadline with the 3 closed days was received + 45,
    // moved past weekends and holidays.
    assert!((40..=44).contains(&frozen), "{frozen}");
    assert_invalid(
        &app.post(&opschortingen, &s.t, json!({"van": day(start + Duration::days(5)), "tot": day(start + Duration::days(6)), "reden": "aanvulling"}))
            .await,
        "van",
    );
    let einde = start + Duration::days(7);
    let r = app
        .patch(
            &format!("{opschortingen}/{}", id(&open)),
            &s.t,
            json!({"tot": day(einde)}),
        )
        .await;
    r.assert(200);
    let r = app.get(&path, &s.t).await;
    let moved: NaiveDate = r.body["uiterlijkeBeslisdatum"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        moved >= ontvangen + Duration::days(49),
        "3 + 4 suspended days: {moved}"
    );
    assert_problem(
        &app.patch(
            &format!("{opschortingen}/{}", id(&open)),
            &s.t,
            json!({"tot": day(einde)}),
        )
        .await,
        409,
    );

    // One verdaging, with its reason, before the deadline passed.
    assert_invalid(
        &app.patch(&path, &s.t, json!({"verdagingDagen": 28})).await,
        "verdagingReden",
    );
    assert_invalid(
        &app.patch(
            &path,
            &s.t,
            json!({"verdagingDagen": 43, "verdagingReden": "x"}),
        )
        .await,
        "verdagingDagen",
    );
    let r = app
        .patch(
            &path,
            &s.t,
            json!({"verdagingDagen": 28, "verdagingReden": "Wacht op het advies van de kinderpsychiater"}),
        )
        .await;
    r.assert(200);
    let verdaagd: NaiveDate = r.body["uiterlijkeBeslisdatum"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(verdaagd >= ontvangen + Duration::days(49 + 28));
    let r = app.patch(&path, &s.t, json!({"verdagingDagen": 14})).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["verdagingDagen"]);
    // Writing the current status is no change; only withdrawing is a status write.
    app.patch(&path, &s.t, json!({"status": "in_behandeling"}))
        .await
        .assert(200);
    let r = app.patch(&path, &s.t, json!({"status": "toegekend"})).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["status"]);

    // A deadline that passed cannot be extended.
    let old = request(&app, &s, json!({"soort": "sbo", "categorie": null, "ontvangenOp": day(today() - Duration::days(70))})).await;
    let r = app
        .patch(
            &format!("/api/v1/toelaatbaarheidsverklaringen/{old}"),
            &s.t,
            json!({"verdagingDagen": 14, "verdagingReden": "Te laat"}),
        )
        .await;
    assert_problem(&r, 409);
    let overdue = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen?termijnOverschreden=true",
            &s.t,
        )
        .await;
    assert_eq!(crate::common::ids(&overdue), [old.as_str()]);
    let sorted = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen?sort=uiterlijkeBeslisdatum",
            &s.t,
        )
        .await;
    assert_eq!(crate::common::ids(&sorted), [old.as_str(), tlv.as_str()]);

    // Withdrawn: final, and no steps any more.
    app.patch(&path, &s.t, json!({"status": "ingetrokken"}))
        .await
        .assert(200);
    let r = app.get(&path, &s.t).await;
    assert_eq!(r.body["dagenResterend"], Value::Null);
    assert_problem(
        &advies(&app, &s, &tlv, "A. Jansen", "psycholoog").await,
        409,
    );
    assert_problem(
        &app.patch(&path, &s.t, json!({"status": "in_behandeling"}))
            .await,
        409,
    );
}

/// Each rule broken names its field and stores nothing.
async fn bad_input_is_refused(app: TestApp) {
    let s = setup(&app).await;
    let base = json!({"leerlingId": s.pupil, "schoolVanHerkomstId": s.regulier, "soort": "so",
                      "categorie": "laag", "aanvraag": "nieuw", "ontvangenOp": "2016-10-03"});
    for (field, change) in [
        ("soort", json!({"soort": "vso"})),
        ("categorie", json!({"categorie": null})),
        ("categorie", json!({"soort": "sbo"})),
        (
            "verdagingDagen",
            json!({"verdagingDagen": 43, "verdagingReden": "x"}),
        ),
        ("verdagingReden", json!({"verdagingDagen": 10})),
        (
            "leerlingId",
            json!({"leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
        ),
        (
            "schoolVanHerkomstId",
            json!({"schoolVanHerkomstId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
        ),
        ("status", json!({"status": "toegekend"})),
        ("aanvraag", json!({"aanvraag": "opnieuw"})),
    ] {
        let mut body = base.clone();
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        assert_invalid(
            &app.post("/api/v1/toelaatbaarheidsverklaringen", &s.t, body)
                .await,
            field,
        );
    }
    assert_eq!(
        app.get("/api/v1/toelaatbaarheidsverklaringen", &s.t)
            .await
            .body["total"],
        0
    );

    let tlv = request(&app, &s, json!({})).await;
    // An extension must follow an earlier TLV of the same pupil.
    let mut ext = base.clone();
    ext["aanvraag"] = json!("verlenging");
    ext["verlengingVanId"] = json!(tlv);
    ext["ontvangenOp"] = json!("2016-09-01");
    assert_invalid(
        &app.post("/api/v1/toelaatbaarheidsverklaringen", &s.t, ext.clone())
            .await,
        "verlengingVanId",
    );
    ext["ontvangenOp"] = json!("2018-05-01");
    app.post("/api/v1/toelaatbaarheidsverklaringen", &s.t, ext)
        .await
        .assert(201);
    // Referred to by the extension, the first is not deleted.
    assert_problem(
        &app.delete(&format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}"), &s.t)
            .await,
        409,
    );

    advies(&app, &s, &tlv, "A. Jansen", "psycholoog")
        .await
        .assert(201);
    advies(&app, &s, &tlv, "B. de Wit", "orthopedagoog")
        .await
        .assert(201);
    let refused = json!({"datum": "2016-11-01", "uitkomst": "afgewezen", "ingangsdatum": "2016-12-01",
                         "motivering": "Het regulier onderwijs kan de ondersteuning bieden."});
    assert_invalid(
        &besluit(&app, &s, &tlv, refused.clone()).await,
        "ingangsdatum",
    );
    assert_invalid(
        &besluit(
            &app,
            &s,
            &tlv,
            json!({"datum": "2016-11-01", "uitkomst": "toegekend"}),
        )
        .await,
        "ingangsdatum",
    );
    assert_invalid(
        &besluit(
            &app,
            &s,
            &tlv,
            json!({"datum": "2016-11-01", "verzondenOp": "2016-10-31", "uitkomst": "afgewezen"}),
        )
        .await,
        "verzondenOp",
    );
    let r = app
        .get(&format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}"), &s.t)
        .await;
    assert_eq!(r.body["status"], "in_behandeling", "nothing stored");
    let mut refused = refused;
    refused.as_object_mut().unwrap().remove("ingangsdatum");
    let r = besluit(&app, &s, &tlv, refused).await;
    r.assert(200);
    assert_eq!(r.body["status"], "afgewezen");
    assert_eq!(r.body["besluit"]["einddatum"], Value::Null);
    // No outflow without a granted TLV; an objection needs a decision.
    assert_problem(
        &app.put(
            &format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}/uitstroom"),
            &s.t,
            json!({"datum": "2017-01-01", "vervolg": "regulier"}),
        )
        .await,
        409,
    );
}

both_backends!(
    a_request_runs_its_course,
    the_clock_stops_and_moves,
    bad_input_is_refused,
);
