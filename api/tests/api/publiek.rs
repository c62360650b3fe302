//! Self-registration by participants without an account: what a published meeting shows, the
//! registration with its cancellation token, the closed and past meetings, the limit per
//! address, and that nothing about other participants leaks.

use crate::common::{assert_invalid, assert_problem, Resp, TestApp};
use actix_web::http::Method;
use serde_json::{json, Value};

async fn anonymous(app: &TestApp, method: Method, path: &str, body: Option<Value>) -> Resp {
    app.request(method, path, None, body, &[]).await
}

/// A published meeting of the main SWV; answers `(id, publicId)`.
async fn published(app: &TestApp, extra: Value) -> (String, String) {
    let t = app.token("consulent").await;
    let mut body = json!({"titel": "Training Samenwerken onder spanning", "soort": "training",
        "start": "2031-03-09T09:00:00Z", "eind": "2031-03-09T15:00:00Z", "locatie": "Haarlem",
        "publiek": true, "minDeelnemers": 1, "maxDeelnemers": 2});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let r = app.post("/api/v1/bijeenkomsten", &t, body).await;
    r.assert(201);
    (
        r.body["id"].as_str().unwrap().to_string(),
        r.body["publicId"].as_str().unwrap().to_string(),
    )
}

fn person(naam: &str) -> Value {
    json!({"naam": naam, "email": format!("{}@school.example", naam.to_lowercase()), "functie": "directeur"})
}

async fn participants_register_and_cancel(app: TestApp) {
    let (id, public) = published(&app, json!({})).await;
    let page = format!("/api/v1/publiek/bijeenkomsten/{public}");
    let r = anonymous(&app, Method::GET, &page, None).await;
    r.assert(200);
    assert_eq!(r.body["titel"], "Training Samenwerken onder spanning");
    assert_eq!(r.body["samenwerkingsverband"], "SWV Test Zuid");
    assert_eq!(r.body["plaatsenVrij"], 2);
    assert_eq!(r.body["vol"], false);
    let keys: Vec<&String> = r.body.as_object().unwrap().keys().collect();
    for internal in ["id", "streefOpkomst", "aantalAangemeld", "activiteitId"] {
        assert!(
            !keys.iter().any(|k| *k == internal),
            "{internal} is not public: {keys:?}"
        );
    }

    let mut answers = Vec::new();
    for naam in ["Anna", "Bram", "Cor"] {
        let r = anonymous(
            &app,
            Method::POST,
            &format!("{page}/aanmeldingen"),
            Some(person(naam)),
        )
        .await;
        r.assert(202);
        assert_eq!(r.body["bericht"], "Uw aanmelding is ontvangen.");
        assert_eq!(r.body["bijeenkomst"]["publicId"], public);
        assert!(r.header("location").is_none());
        answers.push(r.body.clone());
    }
    // A place, a place, the waiting list: the answers do not tell them apart, and so tell
    // nothing about the other participants either.
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0], answers[2]);
    let r = anonymous(&app, Method::GET, &page, None).await;
    assert_eq!(
        (r.body["plaatsenVrij"].clone(), r.body["vol"].clone()),
        (json!(0), json!(true))
    );
    let r = anonymous(
        &app,
        Method::POST,
        &format!("{page}/aanmeldingen"),
        Some(json!({"naam": "", "email": "geen", "functie": "astronaut"})),
    )
    .await;
    assert_problem(&r, 400);

    // Links handed out before registrations stopped answering tokens still work.
    let tokens: Vec<String> = ["Anna", "Cor"]
        .iter()
        .map(|naam| {
            use diesel::prelude::*;
            use koers::schema::aanmeldingen as a;
            let token = format!("token-van-{naam}-0123456789abcdef");
            diesel::update(a::table.filter(a::naam.eq(naam)))
                .set(a::annuleer_sleutel.eq(koers::secrets::token_digest(&token)))
                .execute(&mut app.conn())
                .unwrap();
            token
        })
        .collect();
    let tokens = [tokens[0].clone(), String::new(), tokens[1].clone()];

    // The holder of a token sees their own registration, and cancels with it.
    let mine = format!("/api/v1/publiek/aanmeldingen/{}", tokens[2]);
    let r = anonymous(&app, Method::GET, &mine, None).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Cor");
    assert_eq!(r.body["wachtlijstPositie"], 1);
    anonymous(
        &app,
        Method::DELETE,
        &format!("/api/v1/publiek/aanmeldingen/{}", tokens[0]),
        None,
    )
    .await
    .assert(204);
    let r = anonymous(&app, Method::GET, &mine, None).await;
    assert_eq!(r.body["status"], "aangemeld", "Cor moved up");
    // Cancelling twice changes nothing; an unknown token is not found.
    anonymous(
        &app,
        Method::DELETE,
        &format!("/api/v1/publiek/aanmeldingen/{}", tokens[0]),
        None,
    )
    .await
    .assert(204);
    assert_problem(
        &anonymous(
            &app,
            Method::GET,
            "/api/v1/publiek/aanmeldingen/geen-token",
            None,
        )
        .await,
        404,
    );
    // Staff see where the registrations came from.
    let t = app.token("medewerker").await;
    let r = app
        .get(
            &format!("/api/v1/bijeenkomsten/{id}/aanmeldingen?status=aangemeld"),
            &t,
        )
        .await;
    assert_eq!(r.body["total"], 2);
    assert_eq!(r.body["items"][0]["bron"], "publiek");

    let r = anonymous(&app, Method::GET, &format!("{page}/agenda"), None).await;
    r.assert(200);
    assert!(String::from_utf8_lossy(&r.raw).contains("SUMMARY:Training Samenwerken onder spanning"));
}

async fn only_the_swvs_own_schools(app: TestApp) {
    let (_, public) = published(&app, json!({"maxDeelnemers": null})).await;
    let foreign = {
        let t = app.token("beheerder").await;
        let g = crate::common::gemeente(&app, "0392", "Haarlem").await;
        let b = crate::common::schoolbestuur(&app, &t, "Stichting Salomo", "41655").await;
        for (naam, brin) in [("De Regenboog", "12AB00"), ("Het Kompas", "13CD00")] {
            app.post(
                "/api/v1/scholen",
                &t,
                json!({"naam": naam, "brin": brin, "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}),
            )
            .await
            .assert(201);
        }
        let other = app.login(&app.other.beheerder).await;
        let ob = app
            .post(
                "/api/v1/schoolbesturen",
                &other,
                json!({"naam": "Elders", "bevoegdGezagNummer": "40000"}),
            )
            .await
            .body["id"]
            .as_str()
            .unwrap()
            .to_string();
        let os = app
            .post(
                "/api/v1/scholen",
                &other,
                json!({"naam": "Elders", "brin": "99ZZ00", "soort": "bao", "schoolbestuurId": ob, "gemeenteId": g}),
            )
            .await;
        os.assert(201);
        os.body["id"].as_str().unwrap().to_string()
    };
    let list = format!("/api/v1/publiek/bijeenkomsten/{public}/scholen");
    let r = anonymous(&app, Method::GET, &list, None).await;
    r.assert(200);
    let names: Vec<&str> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["naam"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["De Regenboog", "Het Kompas"]);
    let r = anonymous(&app, Method::GET, &format!("{list}?q=komp"), None).await;
    assert_eq!(r.body["total"], 1);
    assert_invalid(
        &anonymous(&app, Method::GET, &format!("{list}?pageSize=0"), None).await,
        "pageSize",
    );
    // Another SWV's school is no choice.
    let r = anonymous(
        &app,
        Method::POST,
        &format!("/api/v1/publiek/bijeenkomsten/{public}/aanmeldingen"),
        Some(json!({"naam": "Anna", "email": "anna@x.nl", "functie": "leerkracht", "schoolId": foreign})),
    )
    .await;
    assert_invalid(&r, "schoolId");
}

async fn closed_and_unpublished_meetings(app: TestApp) {
    let t = app.token("consulent").await;
    let (id, public) = published(&app, json!({"publiek": false})).await;
    let page = format!("/api/v1/publiek/bijeenkomsten/{public}");
    assert_problem(&anonymous(&app, Method::GET, &page, None).await, 404);
    app.patch(
        &format!("/api/v1/bijeenkomsten/{id}"),
        &t,
        json!({"publiek": true}),
    )
    .await
    .assert(200);
    anonymous(&app, Method::GET, &page, None).await.assert(200);
    // Cancelled: gone.
    app.patch(
        &format!("/api/v1/bijeenkomsten/{id}"),
        &t,
        json!({"status": "geannuleerd"}),
    )
    .await
    .assert(200);
    assert_problem(&anonymous(&app, Method::GET, &page, None).await, 410);
    let r = anonymous(
        &app,
        Method::POST,
        &format!("{page}/aanmeldingen"),
        Some(person("Anna")),
    )
    .await;
    assert_problem(&r, 410);
    assert!(r.body["detail"].as_str().unwrap().contains("geannuleerd"));
    // Past, and past the deadline.
    let (_, past) = published(
        &app,
        json!({"start": "2023-03-09T09:00:00Z", "eind": "2023-03-09T15:00:00Z"}),
    )
    .await;
    assert_problem(
        &anonymous(
            &app,
            Method::GET,
            &format!("/api/v1/publiek/bijeenkomsten/{past}"),
            None,
        )
        .await,
        410,
    );
    let (_, closed) = published(&app, json!({"aanmeldenTot": "2024-01-01T00:00:00Z"})).await;
    let r = anonymous(
        &app,
        Method::POST,
        &format!("/api/v1/publiek/bijeenkomsten/{closed}/aanmeldingen"),
        Some(person("Anna")),
    )
    .await;
    assert_problem(&r, 410);
    assert!(r.body["detail"]
        .as_str()
        .unwrap()
        .contains("aanmeldtermijn"));
    let staff = app.get(&format!("/api/v1/bijeenkomsten/{id}"), &t).await;
    assert_eq!(
        staff.body["aantalAangemeld"], 0,
        "refused registrations change nothing"
    );
}

async fn registrations_are_limited_per_address(app: TestApp) {
    let (_, public) = published(&app, json!({"maxDeelnemers": null})).await;
    let path = format!("/api/v1/publiek/bijeenkomsten/{public}/aanmeldingen");
    for i in 0..koers::bijeenkomsten::store::publiek::LIMIT {
        let r = anonymous(
            &app,
            Method::POST,
            &path,
            Some(person(&format!("Deelnemer{i}"))),
        )
        .await;
        r.assert(202);
    }
    let r = anonymous(&app, Method::POST, &path, Some(person("Eentemeel"))).await;
    assert_problem(&r, 429);
    let wait: u64 = r.header("retry-after").unwrap().parse().unwrap();
    assert!(wait > 0 && wait <= koers::bijeenkomsten::store::publiek::WINDOW_SECONDS as u64);
    // Reading stays possible, and staff registrations are not limited.
    anonymous(
        &app,
        Method::GET,
        &format!("/api/v1/publiek/bijeenkomsten/{public}"),
        None,
    )
    .await
    .assert(200);
    let t = app.token("consulent").await;
    let id = app.get("/api/v1/bijeenkomsten", &t).await.body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.post(
        &format!("/api/v1/bijeenkomsten/{id}/aanmeldingen"),
        &t,
        person("Medewerker"),
    )
    .await
    .assert(201);
}

/// Registering again with a known address (in other letters, under another name) answers
/// exactly what a new registration answers, and leaves the first registration as it was.
async fn a_repeated_address_reveals_nothing(app: TestApp) {
    let (id, public) = published(&app, json!({"maxDeelnemers": 1})).await;
    let path = format!("/api/v1/publiek/bijeenkomsten/{public}/aanmeldingen");
    let first = anonymous(
        &app,
        Method::POST,
        &path,
        Some(json!({"naam": "Anna de Vries", "email": "anna@school.example", "functie": "directeur"})),
    )
    .await;
    let again = anonymous(
        &app,
        Method::POST,
        &path,
        Some(json!({"naam": "Iemand Anders", "email": "ANNA@School.example", "functie": "leerkracht"})),
    )
    .await;
    // The meeting is full now: a new address goes on the waiting list, and says the same.
    let waiting = anonymous(
        &app,
        Method::POST,
        &path,
        Some(json!({"naam": "Bram Bos", "email": "bram@school.example", "functie": "leerkracht"})),
    )
    .await;
    for r in [&first, &again, &waiting] {
        r.assert(202);
        assert_eq!(r.raw, first.raw, "byte for byte the same answer");
        assert_eq!(r.header("content-type"), first.header("content-type"));
        assert!(r.header("location").is_none());
    }
    let keys: Vec<&String> = first.body.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["bericht", "bijeenkomst"]);
    for leaks in [
        "status",
        "wachtlijstPositie",
        "annuleerToken",
        "plaatsenVrij",
        "vol",
        "id",
    ] {
        assert!(first.body["bijeenkomst"].get(leaks).is_none(), "{leaks}");
    }

    let t = app.token("medewerker").await;
    let r = app
        .get(&format!("/api/v1/bijeenkomsten/{id}/aanmeldingen"), &t)
        .await;
    r.assert(200);
    let mut rows: Vec<(Value, Value, Value, Value)> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["naam"].clone(),
                a["email"].clone(),
                a["functie"].clone(),
                a["status"].clone(),
            )
        })
        .collect();
    rows.sort_by_key(|r| r.0.to_string());
    assert_eq!(
        rows,
        [
            (
                json!("Anna de Vries"),
                json!("anna@school.example"),
                json!("directeur"),
                json!("aangemeld")
            ),
            (
                json!("Bram Bos"),
                json!("bram@school.example"),
                json!("leerkracht"),
                json!("wachtlijst")
            ),
        ],
        "one registration per address, the first as it was"
    );
}

both_backends!(
    participants_register_and_cancel,
    a_repeated_address_reveals_nothing,
    only_the_swvs_own_schools,
    closed_and_unpublished_meetings,
    registrations_are_limited_per_address,
);
