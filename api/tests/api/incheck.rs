//! The door: a short-lived code for the QR on the presence screen, with which registered
//! participants mark themselves present only around the meeting's time, and walk-ins.

use actix_web::http::Method;
use serde_json::{json, Value};

use crate::common::{assert_problem, Resp, TestApp};

both_backends!(
    participants_check_themselves_in,
    check_in_only_with_a_valid_code_at_the_time,
    a_walk_in_is_added_present_beyond_the_maximum,
    someone_from_the_waiting_list_at_the_door_takes_a_place,
    turnout_counts_only_meetings_that_began
);

fn at(minutes_from_now: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::minutes(minutes_from_now))
        .format("%Y-%m-%dT%H:%M:00Z")
        .to_string()
}

/// A meeting starting `start` minutes from now, with Anna registered and Bram waiting.
async fn meeting(app: &TestApp, start: i64) -> String {
    let t = app.token("consulent").await;
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "Leerkrachtmiddag", "soort": "leerkrachtmiddag", "start": at(start),
                "eind": at(start + 120), "maxDeelnemers": 1}),
        )
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    for naam in ["Anna", "Bram"] {
        app.post(
            &format!("/api/v1/bijeenkomsten/{id}/aanmeldingen"),
            &t,
            json!({"naam": naam, "email": format!("{}@school.example", naam.to_lowercase()), "functie": "leerkracht"}),
        )
        .await
        .assert(201);
    }
    id
}

async fn code(app: &TestApp, id: &str) -> Value {
    let t = app.token("medewerker").await;
    let r = app
        .get(&format!("/api/v1/bijeenkomsten/{id}/incheckcode"), &t)
        .await;
    r.assert(200);
    r.body
}

async fn check_in(app: &TestApp, code: &str, email: &str) -> Resp {
    app.request(
        Method::POST,
        &format!("/api/v1/publiek/incheck/{code}"),
        None,
        Some(json!({"email": email})),
        &[],
    )
    .await
}

async fn present(app: &TestApp, id: &str) -> Vec<(String, Value)> {
    let t = app.token("beheerder").await;
    let r = app
        .get(
            &format!("/api/v1/bijeenkomsten/{id}/aanmeldingen?sort=naam"),
            &t,
        )
        .await;
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["naam"].as_str().unwrap().to_string(),
                a["aanwezig"].clone(),
            )
        })
        .collect()
}

async fn participants_check_themselves_in(app: TestApp) {
    let id = meeting(&app, 10).await;
    let c = code(&app, &id).await;
    let code = c["code"].as_str().unwrap();
    assert_eq!(
        c["url"].as_str().unwrap(),
        format!("http://koers.test/incheck/{code}")
    );
    assert!(c["geldigTot"].as_str().unwrap() > at(10).as_str());

    let r = app
        .request(
            Method::GET,
            &format!("/api/v1/publiek/incheck/{code}"),
            None,
            None,
            &[],
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["titel"], "Leerkrachtmiddag");

    // Registered, on the waiting list, unknown: the same answer; only Anna is marked present.
    for email in [
        "ANNA@school.example",
        "bram@school.example",
        "niemand@school.example",
    ] {
        check_in(&app, code, email).await.assert(204);
    }
    assert_eq!(
        present(&app, &id).await,
        vec![
            ("Anna".to_string(), json!(true)),
            ("Bram".to_string(), Value::Null)
        ]
    );
    // Twice is still once.
    check_in(&app, code, "anna@school.example")
        .await
        .assert(204);
    assert_eq!(present(&app, &id).await[0].1, json!(true));
    assert_problem(&check_in(&app, code, "geen-adres").await, 400);

    // Only staff who record attendance get a code, and only for their own SWV's meetings.
    let lezer = app.token("lezer").await;
    assert_problem(
        &app.get(&format!("/api/v1/bijeenkomsten/{id}/incheckcode"), &lezer)
            .await,
        403,
    );
    let other = app.login(&app.other.beheerder).await;
    assert_problem(
        &app.get(&format!("/api/v1/bijeenkomsten/{id}/incheckcode"), &other)
            .await,
        404,
    );
}

async fn check_in_only_with_a_valid_code_at_the_time(app: TestApp) {
    // Two hours before the start: too early.
    let later = meeting(&app, 120).await;
    let c = code(&app, &later).await;
    let r = check_in(&app, c["code"].as_str().unwrap(), "anna@school.example").await;
    assert_problem(&r, 410);
    assert!(r.body["detail"]
        .as_str()
        .unwrap()
        .contains("vanaf 30 minuten voor de start"));
    assert_eq!(present(&app, &later).await[0].1, Value::Null);

    // A forged code, another meeting's signature, an expired code: the link has expired.
    let id = meeting(&app, 5).await;
    let good = code(&app, &id).await["code"].as_str().unwrap().to_string();
    let (_, rest) = good.split_once('.').unwrap();
    let forged = format!("{later}.{rest}");
    let expired = koers::bijeenkomsten::store::incheck::code(
        id.parse().unwrap(),
        koers::domain::time::now() - chrono::Duration::minutes(1),
    );
    for bad in [forged.as_str(), expired.as_str(), "onzin"] {
        let r = check_in(&app, bad, "anna@school.example").await;
        assert_problem(&r, 410);
        assert_eq!(r.body["type"], "urn:koers:problem:link-verlopen");
    }
    assert_eq!(present(&app, &id).await[0].1, Value::Null);
    check_in(&app, &good, "anna@school.example")
        .await
        .assert(204);
    assert_eq!(present(&app, &id).await[0].1, json!(true));
}

async fn a_walk_in_is_added_present_beyond_the_maximum(app: TestApp) {
    let id = meeting(&app, 10).await;
    let t = app.token("medewerker").await;
    let walk_in = |naam: &str| json!({"naam": naam, "email": format!("{}@school.example", naam.to_lowercase()), "functie": "onderwijsassistent"});
    let r = app
        .post(
            &format!("/api/v1/bijeenkomsten/{id}/inloop"),
            &t,
            walk_in("Cor"),
        )
        .await;
    r.assert(201);
    assert_eq!(
        (&r.body["status"], &r.body["aanwezig"], &r.body["bron"]),
        (&json!("aangemeld"), &json!(true), &json!("inloop"))
    );
    let m = app.get(&format!("/api/v1/bijeenkomsten/{id}"), &t).await;
    assert_eq!(
        (
            &m.body["aantalAangemeld"],
            &m.body["aantalWachtlijst"],
            &m.body["aantalAanwezig"]
        ),
        (&json!(2), &json!(1), &json!(1)),
        "beyond the maximum of 1; Bram still waits"
    );
    // Someone already on the list is marked present there instead.
    assert_problem(
        &app.post(
            &format!("/api/v1/bijeenkomsten/{id}/inloop"),
            &t,
            walk_in("Bram"),
        )
        .await,
        409,
    );
    let later = meeting(&app, 120).await;
    let r = app
        .post(
            &format!("/api/v1/bijeenkomsten/{later}/inloop"),
            &t,
            walk_in("Dirk"),
        )
        .await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("30 minuten"));
    let lezer = app.token("lezer").await;
    assert_problem(
        &app.post(
            &format!("/api/v1/bijeenkomsten/{id}/inloop"),
            &lezer,
            walk_in("Eva"),
        )
        .await,
        403,
    );
}

async fn waiting(app: &TestApp, id: &str, t: &str) -> String {
    let r = app
        .get(
            &format!("/api/v1/bijeenkomsten/{id}/aanmeldingen?q=bram"),
            t,
        )
        .await;
    assert_eq!(r.body["items"][0]["status"], json!("wachtlijst"));
    r.body["items"][0]["id"].as_str().unwrap().to_string()
}

async fn someone_from_the_waiting_list_at_the_door_takes_a_place(app: TestApp) {
    let t = app.token("medewerker").await;
    // Not before the door opens: she may still get a place the usual way.
    let later = meeting(&app, 120).await;
    let b = waiting(&app, &later, &t).await;
    let r = app
        .patch(
            &format!("/api/v1/bijeenkomsten/{later}/aanmeldingen/{b}"),
            &t,
            json!({"aanwezig": true}),
        )
        .await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("30 minuten"));

    let id = meeting(&app, 10).await;
    let b = waiting(&app, &id, &t).await;
    let r = app
        .patch(
            &format!("/api/v1/bijeenkomsten/{id}/aanmeldingen/{b}"),
            &t,
            json!({"aanwezig": true}),
        )
        .await;
    r.assert(200);
    assert_eq!(
        (
            &r.body["status"],
            &r.body["aanwezig"],
            &r.body["wachtlijstPositie"]
        ),
        (&json!("aangemeld"), &json!(true), &Value::Null)
    );
    let m = app.get(&format!("/api/v1/bijeenkomsten/{id}"), &t).await;
    assert_eq!(
        (
            &m.body["aantalAangemeld"],
            &m.body["aantalWachtlijst"],
            &m.body["aantalAanwezig"]
        ),
        (&json!(2), &json!(0), &json!(1)),
        "beyond the maximum of 1, and the waiting list is empty"
    );
}

/// The year's turnout is measured against the meetings that began: who registered for a later
/// one could not have come yet.
async fn turnout_counts_only_meetings_that_began(app: TestApp) {
    use chrono::Datelike;
    let now = chrono::Utc::now();
    let y = if now.month() >= 8 {
        now.year()
    } else {
        now.year() - 1
    };
    let path = format!(
        "/api/v1/bijeenkomsten/statistieken?schooljaar={y}-{}",
        y + 1
    );
    let t = app.token("medewerker").await;
    let begun = meeting(&app, -5).await;
    meeting(&app, 90).await;
    let totaal = |r: &Resp| {
        let t = &r.body["totaal"];
        (
            t["aangemeld"].clone(),
            t["aangemeldBegonnen"].clone(),
            t["aanwezig"].clone(),
            t["opkomstPercentage"].clone(),
        )
    };
    let r = app.get(&path, &t).await;
    r.assert(200);
    assert_eq!(totaal(&r), (json!(2), json!(1), json!(0), json!(0.0)));
    let anna = app
        .get(
            &format!("/api/v1/bijeenkomsten/{begun}/aanmeldingen?q=anna"),
            &t,
        )
        .await;
    let a = anna.body["items"][0]["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/bijeenkomsten/{begun}/aanmeldingen/{a}"),
        &t,
        json!({"aanwezig": true}),
    )
    .await
    .assert(200);
    let r = app.get(&path, &t).await;
    assert_eq!(
        totaal(&r),
        (json!(2), json!(1), json!(1), json!(100.0)),
        "the registration for the later meeting does not lower the turnout"
    );
}
