//! Bijeenkomsten: meetings and their rules, registrations with the waiting list (also under
//! concurrent registrations), attendance, turnout and the year's figures on the demo data, the
//! import of lists, series and calendar files.

use crate::common::{assert_invalid, assert_problem, ids, with_if_match, Resp, TestApp};
use actix_web::http::Method;
use serde_json::{json, Value};

fn id_of(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

/// A meeting body starting at `start` (RFC 3339), three hours long.
fn meeting(titel: &str, start: &str, extra: Value) -> Value {
    let s = chrono::DateTime::parse_from_rfc3339(start).unwrap();
    let eind = (s + chrono::Duration::hours(3)).to_rfc3339();
    let mut b = json!({"titel": titel, "soort": "training", "start": start, "eind": eind});
    for (k, v) in extra.as_object().unwrap() {
        b[k] = v.clone();
    }
    b
}

const FUTURE: &str = "2031-03-09T09:00:00Z";
const PAST: &str = "2023-03-09T09:00:00Z";

async fn create(app: &TestApp, token: &str, body: Value) -> String {
    id_of(&app.post("/api/v1/bijeenkomsten", token, body).await)
}

async fn register(app: &TestApp, token: &str, bk: &str, naam: &str, email: &str) -> Resp {
    app.post(
        &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"),
        token,
        json!({"naam": naam, "email": email, "functie": "intern_begeleider"}),
    )
    .await
}

async fn statuses(app: &TestApp, token: &str, bk: &str) -> Vec<(String, String, Value)> {
    let r = app
        .get(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen?pageSize=200"),
            token,
        )
        .await;
    r.assert(200);
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["naam"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
                a["wachtlijstPositie"].clone(),
            )
        })
        .collect()
}

async fn meetings_are_validated_and_scoped(app: TestApp) {
    let t = app.token("consulent").await;
    // Every rule at once is named in invalidParams.
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "", "soort": "training", "maxDeelnemers": 0, "start": FUTURE, "eind": FUTURE}),
        )
        .await;
    assert_invalid(&r, "titel");
    assert_invalid(&r, "maxDeelnemers");
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            meeting("X", FUTURE, json!({"soort": "feest"})),
        )
        .await;
    assert_invalid(&r, "soort");
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "X", "soort": "training", "start": FUTURE, "eind": "2031-03-09T08:00:00Z"}),
        )
        .await;
    assert_invalid(&r, "eind");
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            meeting(
                "X",
                FUTURE,
                json!({"streefOpkomst": 150, "streefPercentage": 50, "doelgroepOmvang": 70}),
            ),
        )
        .await;
    assert_invalid(&r, "streefPercentage");
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            meeting("X", FUTURE, json!({"streefPercentage": 50})),
        )
        .await;
    assert_invalid(&r, "doelgroepOmvang");
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            meeting(
                "X",
                FUTURE,
                json!({"minDeelnemers": 12, "maxDeelnemers": 8}),
            ),
        )
        .await;
    assert_invalid(&r, "maxDeelnemers");
    // A project of another SWV is not a valid link.
    let other = app.login(&app.other.beheerder).await;
    let foreign = id_of(
        &app.post("/api/v1/projecten", &other, json!({"naam": "Elders"}))
            .await,
    );
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            meeting("X", FUTURE, json!({"projectId": foreign})),
        )
        .await;
    assert_invalid(&r, "projectId");
    let n: i64 = app.get("/api/v1/bijeenkomsten", &t).await.body["total"]
        .as_i64()
        .unwrap();
    assert_eq!(n, 0, "refused meetings are not stored");

    // The school year follows Amsterdam time: 31 July 22:30 UTC is 1 August there.
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            meeting(
                "Zomer",
                "2023-07-31T22:30:00Z",
                json!({"soort": "studiedag"}),
            ),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["schooljaar"], "2023-2024");
    assert!(r.body["publicId"].as_str().unwrap().len() >= 10);
    let zomer = r.body["id"].as_str().unwrap().to_string();
    let ib = create(
        &app,
        &t,
        meeting(
            "IB-netwerk",
            "2023-02-07T13:00:00Z",
            json!({"soort": "ib_netwerk", "streefPercentage": 60, "doelgroepOmvang": 70}),
        ),
    )
    .await;
    let r = app
        .get("/api/v1/bijeenkomsten?schooljaar=2022-2023", &t)
        .await;
    assert_eq!(ids(&r), vec![ib.clone()]);
    let r = app.get("/api/v1/bijeenkomsten?soort=studiedag", &t).await;
    assert_eq!(ids(&r), vec![zomer.clone()]);
    let r = app
        .get("/api/v1/bijeenkomsten?vanaf=2023-08-01&tot=2023-08-01", &t)
        .await;
    assert_eq!(
        ids(&r),
        vec![zomer.clone()],
        "date filters are Amsterdam days"
    );
    let r = app.get("/api/v1/bijeenkomsten?sort=-start", &t).await;
    assert_eq!(ids(&r), vec![zomer.clone(), ib.clone()]);
    let r = app.get("/api/v1/bijeenkomsten?q=netw", &t).await;
    assert_eq!(ids(&r), vec![ib.clone()]);
    assert_invalid(
        &app.get("/api/v1/bijeenkomsten?schooljaar=2023", &t).await,
        "schooljaar",
    );
    assert_invalid(
        &app.get("/api/v1/bijeenkomsten?vanaf=morgen", &t).await,
        "vanaf",
    );

    // Another SWV never sees it; a lezer reads the meeting but not who registered.
    assert_problem(
        &app.get(&format!("/api/v1/bijeenkomsten/{ib}"), &other)
            .await,
        404,
    );
    let lezer = app.token("lezer").await;
    app.get(&format!("/api/v1/bijeenkomsten/{ib}"), &lezer)
        .await
        .assert(200);
    app.get(&format!("/api/v1/bijeenkomsten/{ib}/opkomst"), &lezer)
        .await
        .assert(200);
    assert_problem(
        &app.get(&format!("/api/v1/bijeenkomsten/{ib}/aanmeldingen"), &lezer)
            .await,
        403,
    );
    assert_problem(
        &app.post(
            "/api/v1/bijeenkomsten",
            &lezer,
            meeting("Y", FUTURE, json!({})),
        )
        .await,
        403,
    );

    // Concurrent edits: a stale If-Match is refused and changes nothing.
    let r = app.get(&format!("/api/v1/bijeenkomsten/{ib}"), &t).await;
    let tag = r.header("etag").unwrap();
    with_if_match(
        &app,
        Method::PATCH,
        &format!("/api/v1/bijeenkomsten/{ib}"),
        &t,
        Some(json!({"locatie": "Haarlem"})),
        &tag,
    )
    .await
    .assert(200);
    let r = with_if_match(
        &app,
        Method::PATCH,
        &format!("/api/v1/bijeenkomsten/{ib}"),
        &t,
        Some(json!({"locatie": "Heemstede"})),
        &tag,
    )
    .await;
    assert_problem(&r, 412);
    let r = app.get(&format!("/api/v1/bijeenkomsten/{ib}"), &t).await;
    assert_eq!(r.body["locatie"], "Haarlem");
    // GET, change, PUT: read-only fields sent back are ignored.
    let mut body = r.body.clone();
    body["titel"] = json!("IB-netwerk: conferentie lezen");
    let r = app
        .put(&format!("/api/v1/bijeenkomsten/{ib}"), &t, body)
        .await;
    r.assert(200);
    assert_eq!(r.body["titel"], "IB-netwerk: conferentie lezen");
}

async fn the_waiting_list_moves_up_in_order(app: TestApp) {
    let t = app.token("medewerker").await;
    let bk = create(
        &app,
        &t,
        meeting("Training", FUTURE, json!({"maxDeelnemers": 2})),
    )
    .await;
    for (i, naam) in ["Anna", "Bram", "Cor", "Dewi"].iter().enumerate() {
        let r = register(
            &app,
            &t,
            &bk,
            naam,
            &format!("{}@school.example", naam.to_lowercase()),
        )
        .await;
        r.assert(201);
        assert_eq!(
            r.body["status"],
            if i < 2 { "aangemeld" } else { "wachtlijst" },
            "{naam}"
        );
    }
    // The same email, in other case, is a duplicate; nothing is added.
    let r = register(&app, &t, &bk, "Anna", "ANNA@School.example").await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["email"]);
    let s = statuses(&app, &t, &bk).await;
    assert_eq!(
        s,
        vec![
            ("Anna".into(), "aangemeld".into(), Value::Null),
            ("Bram".into(), "aangemeld".into(), Value::Null),
            ("Cor".into(), "wachtlijst".into(), json!(1)),
            ("Dewi".into(), "wachtlijst".into(), json!(2)),
        ]
    );
    let anna = app
        .get(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen?q=anna"),
            &t,
        )
        .await;
    let anna = ids(&anna)[0].clone();
    // Cancelling a place gives it to the first on the waiting list.
    let r = app
        .patch(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen/{anna}"),
            &t,
            json!({"status": "afgemeld"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["status"], "afgemeld");
    let s = statuses(&app, &t, &bk).await;
    assert_eq!(s[2], ("Cor".into(), "aangemeld".into(), Value::Null));
    assert_eq!(s[3], ("Dewi".into(), "wachtlijst".into(), json!(1)));
    // Only cancelling is a status change a user makes.
    let bram = ids(&app
        .get(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen?q=bram"),
            &t,
        )
        .await)[0]
        .clone();
    let r = app
        .patch(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen/{bram}"),
            &t,
            json!({"status": "wachtlijst"}),
        )
        .await;
    assert_invalid(&r, "status");
    // DELETE cancels too.
    app.delete(
        &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen/{bram}"),
        &t,
    )
    .await
    .assert(204);
    let s = statuses(&app, &t, &bk).await;
    assert_eq!(s[3], ("Dewi".into(), "aangemeld".into(), Value::Null));
    // Someone who cancelled may register again: at the end of the queue.
    let r = register(&app, &t, &bk, "Anna", "anna@school.example").await;
    r.assert(201);
    assert_eq!(r.body["status"], "wachtlijst");
    assert_eq!(r.body["wachtlijstPositie"], 1);
    // A higher maximum lets the waiting list in.
    app.patch(
        &format!("/api/v1/bijeenkomsten/{bk}"),
        &t,
        json!({"maxDeelnemers": 3}),
    )
    .await
    .assert(200);
    let r = app
        .get(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen?status=wachtlijst"),
            &t,
        )
        .await;
    assert_eq!(r.body["total"], 0);
    // ... and the maximum cannot drop below who is registered.
    let r = app
        .patch(
            &format!("/api/v1/bijeenkomsten/{bk}"),
            &t,
            json!({"maxDeelnemers": 1}),
        )
        .await;
    assert_invalid(&r, "maxDeelnemers");
    let m = app.get(&format!("/api/v1/bijeenkomsten/{bk}"), &t).await;
    assert_eq!(m.body["aantalAangemeld"], 3);
    assert_eq!(m.body["maxDeelnemers"], 3);
    // A meeting with registrations is not deleted; a cancelled meeting takes no registrations.
    assert_problem(
        &app.delete(&format!("/api/v1/bijeenkomsten/{bk}"), &t).await,
        409,
    );
    app.patch(
        &format!("/api/v1/bijeenkomsten/{bk}"),
        &t,
        json!({"status": "geannuleerd"}),
    )
    .await
    .assert(200);
    assert_problem(
        &register(&app, &t, &bk, "Eva", "eva@school.example").await,
        409,
    );
}

async fn concurrent_registrations_never_exceed_the_maximum(app: TestApp) {
    let t = app.token("consulent").await;
    let bk = create(
        &app,
        &t,
        meeting(
            "Training 8-12",
            FUTURE,
            json!({"minDeelnemers": 8, "maxDeelnemers": 12}),
        ),
    )
    .await;
    let path = format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen");
    let requests = (0..30).map(|i| {
        app.post(
            &path,
            &t,
            json!({"naam": format!("Deelnemer {i}"), "email": format!("d{i}@school.example"), "functie": "directeur"}),
        )
    });
    let answers = futures::future::join_all(requests).await;
    for r in &answers {
        r.assert(201);
    }
    let count = |status: &str| {
        answers
            .iter()
            .filter(|r| r.body["status"] == status)
            .count()
    };
    assert_eq!(count("aangemeld"), 12);
    assert_eq!(count("wachtlijst"), 18);
    let r = app.get(&format!("{path}?status=aangemeld"), &t).await;
    assert_eq!(r.body["total"], 12);
    let mut places: Vec<i64> = app
        .get(&format!("{path}?status=wachtlijst&pageSize=200"), &t)
        .await
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["wachtlijstPositie"].as_i64().unwrap())
        .collect();
    places.sort();
    assert_eq!(places, (1..=18).collect::<Vec<i64>>());
    // Concurrent cancellations move up exactly as many as left.
    let first: Vec<String> = ids(&app
        .get(&format!("{path}?status=aangemeld&pageSize=5"), &t)
        .await);
    let paths: Vec<String> = first.iter().map(|id| format!("{path}/{id}")).collect();
    let cancels = paths.iter().map(|p| app.delete(p, &t));
    for r in futures::future::join_all(cancels).await {
        r.assert(204);
    }
    assert_eq!(
        app.get(&format!("{path}?status=aangemeld"), &t).await.body["total"],
        12
    );
    assert_eq!(
        app.get(&format!("{path}?status=wachtlijst"), &t).await.body["total"],
        13
    );
}

async fn attendance_is_recorded_from_the_start(app: TestApp) {
    let t = app.token("medewerker").await;
    let later = create(&app, &t, meeting("Later", FUTURE, json!({}))).await;
    let a = id_of(&register(&app, &t, &later, "Anna", "anna@school.example").await);
    let r = app
        .patch(
            &format!("/api/v1/bijeenkomsten/{later}/aanmeldingen/{a}"),
            &t,
            json!({"aanwezig": true}),
        )
        .await;
    assert_problem(&r, 409);
    // People arrive early: from half an hour before the start their attendance is recorded.
    let nu = chrono::Utc::now();
    for (minuten, status) in [(20, 200), (45, 409)] {
        let start = (nu + chrono::Duration::minutes(minuten)).to_rfc3339();
        let bk = create(&app, &t, meeting("Straks", &start, json!({}))).await;
        let a = id_of(&register(&app, &t, &bk, "Anna", "anna@school.example").await);
        let r = app
            .patch(
                &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen/{a}"),
                &t,
                json!({"aanwezig": true}),
            )
            .await;
        assert_eq!(
            r.status.as_u16(),
            status,
            "{minuten} minutes before: {}",
            r.body
        );
    }

    let held = create(
        &app,
        &t,
        meeting(
            "Groot Netwerk",
            PAST,
            json!({"soort": "groot_netwerk", "streefOpkomst": 3, "maxDeelnemers": 4}),
        ),
    )
    .await;
    let mut regs = Vec::new();
    for naam in ["Anna", "Bram", "Cor", "Dewi", "Eva"] {
        regs.push(id_of(
            &register(
                &app,
                &t,
                &held,
                naam,
                &format!("{}@school.example", naam.to_lowercase()),
            )
            .await,
        ));
    }
    let base = format!("/api/v1/bijeenkomsten/{held}/aanmeldingen");
    for id in &regs[..2] {
        let r = app
            .patch(&format!("{base}/{id}"), &t, json!({"aanwezig": true}))
            .await;
        r.assert(200);
        assert_eq!(r.body["aanwezig"], true);
    }
    // Eva is on the waiting list: she had no place, so she is no no-show (who came anyway is
    // marked present and takes a place, see the door's tests).
    let r = app
        .patch(
            &format!("{base}/{}", regs[4]),
            &t,
            json!({"aanwezig": false}),
        )
        .await;
    assert_problem(&r, 409);
    let o = app
        .get(&format!("/api/v1/bijeenkomsten/{held}/opkomst"), &t)
        .await;
    o.assert(200);
    assert_eq!(o.body["aangemeld"], 4);
    assert_eq!(o.body["wachtlijst"], 1);
    assert_eq!(o.body["aanwezig"], 2);
    assert_eq!(o.body["nietGeregistreerd"], 2);
    assert_eq!(o.body["opkomstPercentage"], 50.0);
    assert_eq!(o.body["streefOpkomst"], 3);
    assert_eq!(o.body["streefBehaald"], false);
    // The rest at once: Cor present, Dewi absent.
    let r = app
        .post(
            &format!("/api/v1/bijeenkomsten/{held}/aanwezigheid"),
            &t,
            json!({"aanmeldingIds": [regs[2]], "aanwezig": true}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["aanwezig"], 3);
    assert_eq!(r.body["streefBehaald"], true);
    let r = app
        .post(
            &format!("/api/v1/bijeenkomsten/{held}/aanwezigheid"),
            &t,
            json!({"aanmeldingIds": [regs[3], regs[4]], "aanwezig": false}),
        )
        .await;
    assert_invalid(&r, "aanmeldingIds");
    let r = app
        .post(
            &format!("/api/v1/bijeenkomsten/{held}/aanwezigheid"),
            &t,
            json!({"aanmeldingIds": [regs[3]], "aanwezig": false}),
        )
        .await;
    assert_eq!(r.body["noShow"], 1);
    assert_eq!(r.body["opkomstPercentage"], 75.0);
    // Participants without a school count as "Onbekend", so rows sum to the present.
    assert_eq!(
        r.body["perSchoolbestuur"],
        json!([{"id": null, "naam": "Onbekend", "aanwezig": 3}])
    );
    assert_eq!(
        r.body["perFunctie"],
        json!([{"functie": "intern_begeleider", "naam": "Intern begeleider", "aanwezig": 3}])
    );
    let r = app.get(&format!("{base}?aanwezig=false"), &t).await;
    assert_eq!(ids(&r), vec![regs[3].clone()]);
}

/// Logs in as a demo account.
fn row<'a>(rows: &'a Value, key: &str, value: &str) -> &'a Value {
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no row {key}={value} in {rows}"))
}

async fn the_figures_of_2022_2023(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let t = app.demo_login("lezer@swv-zk.example").await;
    let r = app
        .get(
            "/api/v1/bijeenkomsten/statistieken?schooljaar=2022-2023",
            &t,
        )
        .await;
    r.assert(200);
    let s = &r.body;
    let ib = row(&s["perSoort"], "soort", "ib_netwerk");
    assert_eq!(ib["bijeenkomsten"], 3);
    assert_eq!(ib["aanwezig"], 112);
    assert_eq!(ib["naam"], "IB-netwerk");
    assert_eq!(
        row(&s["perSoort"], "soort", "leerkrachtmiddag")["aanwezig"],
        203
    );
    let groot = row(&s["perSoort"], "soort", "groot_netwerk");
    assert_eq!(
        (groot["aanwezig"].clone(), groot["streefBehaald"].clone()),
        (json!(180), json!(1))
    );
    // Every count is consistent: registered = present + no-show (all recorded in 2022-2023).
    for k in s["perSoort"].as_array().unwrap() {
        assert_eq!(
            k["aangemeld"].as_i64().unwrap(),
            k["aanwezig"].as_i64().unwrap() + k["noShow"].as_i64().unwrap(),
            "{k}"
        );
    }
    let total = s["totaal"]["aanwezig"].as_i64().unwrap();
    let sum = |rows: &Value| -> i64 {
        rows.as_array()
            .unwrap()
            .iter()
            .map(|r| r["aanwezig"].as_i64().unwrap())
            .sum()
    };
    assert_eq!(sum(&s["perSchoolbestuur"]), total);
    assert_eq!(sum(&s["perFunctie"]), total);
    let kinds: Vec<&str> = s["perSoort"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["soort"].as_str().unwrap())
        .collect();
    assert!(
        !kinds.contains(&"ouderavond"),
        "only kinds that occur: {kinds:?}"
    );
    assert_invalid(
        &app.get("/api/v1/bijeenkomsten/statistieken", &t).await,
        "schooljaar",
    );
    assert_invalid(
        &app.get(
            "/api/v1/bijeenkomsten/statistieken?schooljaar=2022-2023&page=2",
            &t,
        )
        .await,
        "page",
    );

    // The Groot Netwerk against "more than 150", the directienetwerk against half of 94 directors.
    let find = |q: &str| format!("/api/v1/bijeenkomsten?schooljaar=2022-2023&soort={q}");
    let groot = ids(&app.get(&find("groot_netwerk"), &t).await)[0].clone();
    let og = app
        .get(&format!("/api/v1/bijeenkomsten/{groot}/opkomst"), &t)
        .await;
    let o = &og;
    assert_eq!(o.body["aanwezig"], 180);
    assert_eq!(o.body["streefOpkomst"], 150);
    assert_eq!(o.body["streefBehaald"], true);
    let dn = ids(&app.get(&find("directienetwerk"), &t).await)[0].clone();
    let o = app
        .get(&format!("/api/v1/bijeenkomsten/{dn}/opkomst"), &t)
        .await;
    assert_eq!(o.body["streefOpkomst"], 47);
    assert_eq!(o.body["aanwezig"], 75);
    assert_eq!(o.body["streefBehaald"], true);
    assert_eq!(o.body["perFunctie"][0]["functie"], "directeur");
    let ibs = app.get(&find("ib_netwerk"), &t).await;
    let present: Vec<i64> = ibs.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["aantalAanwezig"].as_i64().unwrap())
        .collect();
    assert_eq!(present, vec![45, 46, 21]);
    // The training of 8-12 places has its waiting list.
    let training = &app.get(&find("training"), &t).await.body["items"][0];
    assert_eq!(training["minDeelnemers"], 8);
    assert_eq!(training["maxDeelnemers"], 12);
    assert_eq!(training["aantalAangemeld"], 12);
    assert!(training["aantalWachtlijst"].as_i64().unwrap() > 0);

    // Reach: every school of the SWV, with those that sent nobody.
    let r = app
        .get("/api/v1/bijeenkomsten/bereik?schooljaar=2022-2023", &t)
        .await;
    r.assert(200);
    let b = &r.body;
    let scholen = b["scholen"].as_array().unwrap();
    assert_eq!(
        b["totaal"]["scholen"].as_i64().unwrap(),
        scholen.len() as i64
    );
    assert_eq!(scholen.len(), 70);
    let reached = scholen
        .iter()
        .filter(|s| s["aanwezig"].as_i64().unwrap() > 0)
        .count();
    assert_eq!(
        b["totaal"]["scholenBereikt"].as_i64().unwrap(),
        reached as i64
    );
    assert!(reached < 70 && reached > 40, "{reached} of 70 reached");
    assert_eq!(
        b["schoolbesturen"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["scholen"].as_i64().unwrap())
            .sum::<i64>(),
        70
    );
    // Present with a school = the year's present minus those without one.
    let onbekend = s["perSchoolbestuur"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].is_null())
        .map_or(0, |r| r["aanwezig"].as_i64().unwrap());
    assert_eq!(b["totaal"]["aanwezig"].as_i64().unwrap(), total - onbekend);
    // For one kind: the Groot Netwerk's 180, less its participants from outside the schools.
    let r = app
        .get(
            "/api/v1/bijeenkomsten/bereik?schooljaar=2022-2023&soort=groot_netwerk",
            &t,
        )
        .await;
    assert_eq!(r.body["soort"], "groot_netwerk");
    assert_eq!(
        r.body["totaal"]["aanwezig"].as_i64().unwrap(),
        180 - row_unknown(&og)
    );
    let r = app
        .request(
            Method::GET,
            "/api/v1/bijeenkomsten/bereik?schooljaar=2022-2023",
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    assert!(
        csv.starts_with(
            "id;naam;brin;soort;schoolbestuurId;schoolbestuurNaam;aanwezig;bijeenkomsten\r\n"
        ),
        "{}",
        &csv[..200]
    );
    assert_eq!(csv.trim_end().split("\r\n").count(), 71);
}

/// The present participants without a school in an opkomst.
fn row_unknown(o: &Resp) -> i64 {
    o.body["perSchoolbestuur"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].is_null())
        .map_or(0, |r| r["aanwezig"].as_i64().unwrap())
}

async fn school(app: &TestApp) -> (String, String) {
    let t = app.token("beheerder").await;
    let g = crate::common::gemeente(app, "0392", "Haarlem").await;
    let b = crate::common::schoolbestuur(app, &t, "Stichting Spaarnesant", "41702").await;
    let s = id_of(
        &app.post(
            "/api/v1/scholen",
            &t,
            json!({"naam": "De Regenboog", "brin": "12AB00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}),
        )
        .await,
    );
    (s, b)
}

async fn imports_check_every_row(app: TestApp) {
    let (school_id, _) = school(&app).await;
    let t = app.token("medewerker").await;
    let bk = create(
        &app,
        &t,
        meeting("Groot Netwerk", PAST, json!({"maxDeelnemers": 2})),
    )
    .await;
    let send = |body: Vec<u8>, ct: &'static str| {
        let req = actix_web::test::TestRequest::post()
            .uri(&format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen/import"))
            .insert_header(("authorization", format!("Bearer {t}")))
            .insert_header(("content-type", ct))
            .set_payload(body)
            .to_request();
        app.send(req)
    };
    let total = || async {
        app.get(&format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"), &t)
            .await
            .body["total"]
            .as_i64()
            .unwrap()
    };
    // Row 3 has a bad email and row 4 an unknown school: nothing is imported, both are named.
    let bad = "naam;e-mail;school;functie\r\nAnna;anna@school.example;12AB;IB\r\nBram;geen-mail;;leerkracht\r\nCor;cor@school.example;De Onbekende;\r\n";
    let r = send(bad.as_bytes().to_vec(), "text/csv").await;
    assert_invalid(&r, "rijen[3].email");
    assert_invalid(&r, "rijen[4].school");
    assert_eq!(r.invalid().len(), 2, "{}", r.body);
    assert_eq!(total().await, 0, "nothing imported when a row is wrong");
    let r = send(b"voornaam;email\r\nAnna;a@x.nl\r\n".to_vec(), "text/csv").await;
    assert_invalid(&r, "rijen[1].voornaam");
    assert_invalid(&r, "rijen[1].naam");
    assert_problem(&send(b"{}".to_vec(), "application/json").await, 415);
    assert_problem(&send(vec![b'a'; 2 * 1024 * 1024], "text/csv").await, 413);

    // A good list: school by BRIN (without location) or by name, function by label, attendance.
    let good = "Naam,E-mail,School,Functie,Aanwezig\nAnna,anna@school.example,12AB,Intern begeleider,ja\nBram,bram@school.example,de regenboog,leerkracht,nee\nCor,cor@school.example,,,\n";
    let r = send(good.as_bytes().to_vec(), "text/csv").await;
    r.assert(200);
    assert_eq!(
        r.body,
        json!({"geimporteerd": 3, "aangemeld": 2, "wachtlijst": 1})
    );
    let rows = app
        .get(&format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"), &t)
        .await;
    let items = rows.body["items"].as_array().unwrap();
    assert_eq!(items[0]["schoolId"], school_id.as_str());
    assert_eq!(items[0]["schoolNaam"], "De Regenboog");
    assert_eq!(items[0]["functie"], "intern_begeleider");
    assert_eq!(items[0]["aanwezig"], true);
    assert_eq!(items[0]["bron"], "import");
    assert_eq!(items[1]["aanwezig"], false);
    assert_eq!(items[2]["status"], "wachtlijst");
    assert_eq!(items[2]["functie"], "overig");
    // Importing the same people again: every row is already registered.
    let r = send(good.as_bytes().to_vec(), "text/csv").await;
    assert_invalid(&r, "rijen[2].email");
    assert_eq!(total().await, 3);

    // The same from Excel.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["naam", "email", "functie"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "Dewi").unwrap();
    ws.write_string(1, 1, "dewi@school.example").unwrap();
    ws.write_string(1, 2, "directeur").unwrap();
    let r = send(wb.save_to_buffer().unwrap(), crate::common::XLSX).await;
    r.assert(200);
    assert_eq!(r.body["wachtlijst"], 1);
    assert_problem(
        &send(b"not a workbook".to_vec(), crate::common::XLSX).await,
        400,
    );
}

async fn imports_before_the_start_take_no_attendance(app: TestApp) {
    let t = app.token("medewerker").await;
    let bk = create(&app, &t, meeting("Later", FUTURE, json!({}))).await;
    let req = actix_web::test::TestRequest::post()
        .uri(&format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen/import"))
        .insert_header(("authorization", format!("Bearer {t}")))
        .insert_header(("content-type", "text/csv"))
        .set_payload("naam;email;aanwezig\nAnna;anna@x.nl;\nBram;bram@x.nl;ja\n")
        .to_request();
    let r = app.send(req).await;
    assert_invalid(&r, "rijen[3].aanwezig");
    let n = app
        .get(&format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"), &t)
        .await
        .body["total"]
        .as_i64()
        .unwrap();
    assert_eq!(n, 0, "Anna's good row is not imported either");
}

async fn series_and_calendar_files(app: TestApp) {
    let t = app.token("consulent").await;
    // 14:30 in Amsterdam on a winter day.
    let ib = create(
        &app,
        &t,
        meeting(
            "IB-netwerk",
            "2031-01-14T13:30:00Z",
            json!({"soort": "ib_netwerk", "locatie": "Haarlem; zaal 2", "publiek": true}),
        ),
    )
    .await;
    let r = app
        .post(
            &format!("/api/v1/bijeenkomsten/{ib}/herhaling"),
            &t,
            json!({"datums": ["2031-03-11", "2031-05-13"]}),
        )
        .await;
    r.assert(201);
    let items = r.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    // The same local time: 14:30 in summer time is 12:30 UTC.
    assert_eq!(items[0]["start"], "2031-03-11T13:30:00Z");
    assert_eq!(items[1]["start"], "2031-05-13T12:30:00Z");
    assert_eq!(items[1]["eind"], "2031-05-13T15:30:00Z");
    for i in items {
        assert_eq!(i["reeksId"], ib.as_str());
        assert_eq!(i["status"], "gepland");
        assert_eq!(i["aantalAangemeld"], 0);
    }
    assert_ne!(items[0]["publicId"], items[1]["publicId"]);
    let r = app
        .post(
            &format!("/api/v1/bijeenkomsten/{ib}/herhaling"),
            &t,
            json!({"datums": ["2031-03-11", "2031-03-11"]}),
        )
        .await;
    assert_invalid(&r, "datums[1]");
    assert_invalid(
        &app.post(
            &format!("/api/v1/bijeenkomsten/{ib}/herhaling"),
            &t,
            json!({"datums": []}),
        )
        .await,
        "datums",
    );

    let r = app
        .get(&format!("/api/v1/bijeenkomsten/{ib}/agenda"), &t)
        .await;
    r.assert(200);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("text/calendar"));
    let ics = String::from_utf8(r.raw.clone()).unwrap();
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
    assert!(ics.contains("SUMMARY:IB-netwerk"), "{ics}");
    assert!(ics.contains("DTSTART:20310114T133000Z"), "{ics}");
    assert!(ics.contains("LOCATION:Haarlem\\; zaal 2"), "{ics}");
}

async fn linked_records_are_not_deleted(app: TestApp) {
    let t = app.token("consulent").await;
    let project = id_of(
        &app.post("/api/v1/projecten", &t, json!({"naam": "HDT"}))
            .await,
    );
    let bk = create(
        &app,
        &t,
        meeting("Startbijeenkomst", FUTURE, json!({"projectId": project})),
    )
    .await;
    let r = app
        .delete(&format!("/api/v1/projecten/{project}"), &t)
        .await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("bijeenkomsten"));
    let r = app
        .get(&format!("/api/v1/bijeenkomsten?projectId={project}"), &t)
        .await;
    assert_eq!(ids(&r), vec![bk.clone()]);
    // A meeting whose registrations are all cancelled goes, with them.
    let a = id_of(&register(&app, &t, &bk, "Anna", "anna@school.example").await);
    app.delete(&format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen/{a}"), &t)
        .await
        .assert(204);
    app.delete(&format!("/api/v1/bijeenkomsten/{bk}"), &t)
        .await
        .assert(204);
    app.delete(&format!("/api/v1/projecten/{project}"), &t)
        .await
        .assert(204);
}

async fn registrations_export_like_every_list(app: TestApp) {
    let t = app.token("medewerker").await;
    let bk = create(&app, &t, meeting("Export", FUTURE, json!({}))).await;
    for n in ["Anna", "Bram"] {
        register(
            &app,
            &t,
            &bk,
            n,
            &format!("{}@school.example", n.to_lowercase()),
        )
        .await
        .assert(201);
    }
    let r = app
        .request(
            Method::GET,
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen?pageSize=1"),
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert!(
        lines[0]
            .starts_with("id;bijeenkomstId;naam;email;schoolId;schoolNaam;functie;status;aanwezig"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 3, "all rows, whatever pageSize says");
    assert!(lines[1].contains(";Anna;anna@school.example;"));
}

/// Longer than a few export chunks: every row once, in order, without a second header.
async fn long_exports_are_streamed_whole(app: TestApp) {
    use diesel::prelude::*;
    use koers::schema::aanmeldingen as a;
    let t = app.token("medewerker").await;
    let bk = create(&app, &t, meeting("Landelijke dag", PAST, json!({}))).await;
    let n = 2 * koers::http::export::CHUNK as usize + 123;
    let (swv, meeting_id): (koers::db::Id, koers::db::Id) = (app.swv.id, bk.parse().unwrap());
    app.state
        .db
        .write_blocking(move |c| {
            let now = koers::domain::time::now();
            for i in 0..n {
                diesel::insert_into(a::table)
                    .values((
                        a::id.eq(koers::db::Id::new()),
                        a::samenwerkingsverband_id.eq(swv),
                        a::bijeenkomst_id.eq(meeting_id),
                        a::naam.eq(format!("Deelnemer {i:05}")),
                        a::email.eq(format!("d{i}@school.example")),
                        a::email_sleutel.eq(format!("d{i}@school.example")),
                        a::functie.eq("leerkracht"),
                        a::status.eq("aangemeld"),
                        a::positie.eq(i as i64 + 1),
                        a::bron.eq("import"),
                        a::created_at.eq(now),
                        a::updated_at.eq(now),
                        a::versie.eq(1),
                    ))
                    .execute(c)?;
            }
            Ok(())
        })
        .unwrap();
    let r = app
        .request(
            Method::GET,
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen?sort=naam"),
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), n + 1);
    assert!(lines[0].starts_with("id;"));
    assert_eq!(lines.iter().filter(|l| l.starts_with("id;")).count(), 1);
    let names: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(';').nth(2).unwrap())
        .collect();
    let expected: Vec<String> = (0..n).map(|i| format!("Deelnemer {i:05}")).collect();
    assert_eq!(names, expected);
    let r = app
        .request(
            Method::GET,
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"),
            Some(&t),
            None,
            &[("accept", crate::common::XLSX)],
        )
        .await;
    r.assert(200);
    assert!(r.raw.starts_with(b"PK"));
}

both_backends!(
    long_exports_are_streamed_whole,
    meetings_are_validated_and_scoped,
    the_waiting_list_moves_up_in_order,
    concurrent_registrations_never_exceed_the_maximum,
    attendance_is_recorded_from_the_start,
    the_figures_of_2022_2023,
    imports_check_every_row,
    imports_before_the_start_take_no_attendance,
    series_and_calendar_files,
    linked_records_are_not_deleted,
    registrations_export_like_every_list,
);

/// With `KOERS_DATABASE_REPLICA_URL` the year's figures and the exports are read from the
/// replica, and never write there (its sessions are read-only); lists and writes stay on the
/// primary. The replica here is a second, empty database, so where an answer came from shows.
#[actix_web::test]
async fn reports_and_exports_read_from_the_replica() {
    let replica = crate::common::EmptyDb::new(koers::db::Backend::Postgres);
    let sep = if replica.url.contains('?') { '&' } else { '?' };
    let read_only = format!(
        "{}{sep}options=-c%20default_transaction_read_only%3Don",
        replica.url
    );
    let app = TestApp::start_with(koers::db::Backend::Postgres, |c| {
        c.replica_url = Some(read_only)
    })
    .await;
    let ready = app
        .request(Method::GET, "/health/ready", None, None, &[])
        .await;
    ready.assert(200);
    assert_eq!(ready.body["replica"], "ok");
    let t = app.token("medewerker").await;
    create(&app, &t, meeting("Netwerk IB", PAST, json!({}))).await;
    let list = app
        .get("/api/v1/bijeenkomsten?schooljaar=2022-2023", &t)
        .await;
    list.assert(200);
    assert_eq!(list.body["total"], 1, "lists read the primary");
    let s = app
        .get(
            "/api/v1/bijeenkomsten/statistieken?schooljaar=2022-2023",
            &t,
        )
        .await;
    s.assert(200);
    assert_eq!(
        s.body["totaal"]["bijeenkomsten"], 0,
        "figures read the replica"
    );
    let csv = app
        .request(
            Method::GET,
            "/api/v1/bijeenkomsten?schooljaar=2022-2023",
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert(200);
    let text = String::from_utf8(csv.raw.clone()).unwrap();
    assert_eq!(
        text.lines().count(),
        1,
        "the export reads the replica: {text}"
    );
}
