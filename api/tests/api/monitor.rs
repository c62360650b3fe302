//! The JOP monitor on the demo: what the SWV's users and the gemeenten' clients read, small
//! numbers suppressed so no child can be singled out, and the merger of Heerhugowaard and
//! Langedijk into Dijk en Waard on 2022-01-01.

use serde_json::{json, Value};

use crate::auth::client_token;
use crate::common::{assert_invalid, assert_problem, TestApp};

const JOP: &str = "/api/v1/monitor/jop";

fn cbs(r: &Value) -> Vec<&str> {
    r["gemeenten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["cbsCode"].as_str().unwrap())
        .collect()
}

fn gemeente<'a>(r: &'a Value, code: &str) -> &'a Value {
    r["gemeenten"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["cbsCode"] == code)
        .unwrap_or_else(|| panic!("{code} in {r}"))
}

/// The count as shown, `None` when suppressed; a shown count is never 1 to 4, and a hidden one
/// says so and nothing else.
fn shown(a: &Value) -> Option<i64> {
    match a.get("onderdrukt") {
        Some(Value::Bool(true)) => {
            assert_eq!(a, &json!({"waarde": null, "onderdrukt": true}));
            None
        }
        _ => {
            assert_eq!(a.as_object().unwrap().len(), 1, "{a}");
            let n = a["waarde"].as_i64().unwrap();
            assert!(n == 0 || n >= 5, "{n} is shown");
            Some(n)
        }
    }
}

/// When the total is shown, no single hidden part can be its difference with the shown ones.
fn group_safe(parts: &[&Value], total: &Value) {
    let t = shown(total);
    let values: Vec<Option<i64>> = parts.iter().map(|p| shown(p)).collect();
    if let Some(t) = t {
        let hidden = values.iter().filter(|v| v.is_none()).count();
        assert_ne!(
            hidden, 1,
            "one hidden part beside a shown total: {parts:?} {total}"
        );
        if hidden == 0 {
            assert_eq!(values.iter().flatten().sum::<i64>(), t);
        }
    }
}

fn assert_suppressed(r: &Value) {
    for g in r["gemeenten"].as_array().unwrap() {
        for row in g["thuiszitters"].as_array().unwrap() {
            let cats: Vec<&Value> = row["perCategorie"].as_object().unwrap().values().collect();
            assert_eq!(cats.len(), 7);
            group_safe(&cats, &row["totaal"]);
            shown(&row["dreigend"]);
            if let (Some(t), Some(l)) = (shown(&row["totaal"]), shown(&row["langerDan3Maanden"])) {
                assert!(!(1..5).contains(&(t - l)), "{row}");
            }
        }
        for k in ["5a", "5b", "5c"] {
            shown(&g["vrijstellingen"][k]);
        }
        let t = &g["tlv"];
        group_safe(&[&t["sbo"], &t["so"], &t["vso"]], &t["totaal"]);
        let a = &g["arrangementen"];
        group_safe(
            &[&a["individueel"], &a["groep"], &a["innovatie"]],
            &a["totaal"],
        );
        let niveaus: Vec<&Value> = g["mdo"]["perNiveau"]
            .as_object()
            .unwrap()
            .values()
            .collect();
        assert_eq!(niveaus.len(), 4);
        group_safe(&niveaus, &g["mdo"]["totaal"]);
        let text = g.to_string();
        for pupil in ["leerlingId", "referentie", "geboortemaand"] {
            assert!(!text.contains(pupil), "{pupil} leaves the SWV");
        }
    }
}

fn total(r: &Value, path: &[&str]) -> i64 {
    r["gemeenten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let mut v = g;
            for p in path {
                v = &v[*p];
            }
            v["waarde"].as_i64().expect("shown")
        })
        .sum()
}

async fn gemeente_id(app: &TestApp, t: &str, code: &str) -> String {
    let r = app
        .get(&format!("/api/v1/gemeenten?cbsCode={code}"), t)
        .await;
    r.body["items"][0]["id"].as_str().unwrap().to_string()
}

async fn jop_client(app: &TestApp, t: &str, gemeenten: &[&str], scopes: &[&str]) -> String {
    let mut ids = Vec::new();
    for g in gemeenten {
        ids.push(gemeente_id(app, t, g).await);
    }
    let r = app
        .post(
            "/api/v1/clients",
            t,
            json!({"naam": format!("JOP {}", gemeenten.join(" ")), "scopes": scopes, "gemeenteIds": ids}),
        )
        .await;
    r.assert(201);
    let tok = client_token(
        app,
        r.body["clientId"].as_str().unwrap(),
        r.body["clientSecret"].as_str().unwrap(),
        None,
    )
    .await;
    tok.assert(200);
    tok.body["access_token"].as_str().unwrap().to_string()
}

async fn the_swv_reads_what_it_shares(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let t = app.demo_login("lezer@ppo-nk.example").await;
    let r = app.get(&format!("{JOP}?schooljaar=2016-2017"), &t).await;
    r.assert(200);
    assert_eq!(r.body["indeling"], "historisch");
    // In 2016-2017 Heerhugowaard and Langedijk still existed; Dijk en Waard did not.
    assert_eq!(cbs(&r.body), ["0361", "0373", "0398", "0399", "0416"]);
    assert_suppressed(&r.body);
    assert_eq!(
        total(&r.body, &["arrangementen", "totaal"]),
        701,
        "the seed's 701"
    );
    let hhw = gemeente(&r.body, "0398");
    assert_eq!(hhw["samenwerkingsverbanden"][0]["code"], "PO2702");
    let dagen: Vec<&str> = hhw["thuiszitters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["peildatum"].as_str().unwrap())
        .collect();
    assert_eq!(
        dagen,
        ["2016-09-15", "2016-12-15", "2017-03-15", "2017-06-15"]
    );
    let tlv_oud = total(&r.body, &["tlv", "totaal"]);

    // Where a cell is shown it is the SWV's own count: the thuiszitters of a frozen peildatum,
    // the year's MDO's and TLV's.
    let consulent = app.demo_login("consulent@ppo-nk.example").await;
    let telling = app
        .get(
            "/api/v1/thuiszitters/peildata?schooljaar=2016-2017",
            &consulent,
        )
        .await;
    telling.assert(200);
    let maart = telling
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["datum"] == "2017-03-15")
        .expect("15 March 2017 was frozen");
    for g in maart["telling"]["gemeenten"].as_array().unwrap() {
        let m = gemeente(&r.body, g["cbsCode"].as_str().unwrap());
        let row = m["thuiszitters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["peildatum"] == "2017-03-15")
            .unwrap();
        assert_eq!(row["vastgesteld"], true);
        for (cat, cel) in row["perCategorie"].as_object().unwrap() {
            if let Some(n) = shown(cel) {
                assert_eq!(g["perCategorie"][cat], n, "{cat} in {}", g["naam"]);
            }
        }
        if let Some(n) = shown(&row["totaal"]) {
            assert_eq!(g["totaal"], n);
        }
    }
    let mdo = app
        .get("/api/v1/mdos/statistieken?schooljaar=2016-2017", &consulent)
        .await;
    assert_eq!(
        total(&r.body, &["mdo", "totaal"]),
        mdo.body["totaal"].as_i64().unwrap()
    );
    let tlv = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen/statistieken?schooljaar=2016-2017",
            &consulent,
        )
        .await;
    tlv.assert(200);
    assert_eq!(tlv_oud, tlv.body["afgegeven"].as_i64().unwrap());

    // Today's municipalities: the two counted as Dijk en Waard, nothing lost.
    let huidig = app
        .get(&format!("{JOP}?schooljaar=2016-2017&indeling=huidig"), &t)
        .await;
    huidig.assert(200);
    assert_eq!(cbs(&huidig.body), ["0361", "0373", "0399", "1980"]);
    assert_suppressed(&huidig.body);
    assert_eq!(total(&huidig.body, &["tlv", "totaal"]), tlv_oud);
    let dew = gemeente(&huidig.body, "1980")["tlv"]["totaal"]["waarde"]
        .as_i64()
        .unwrap();
    let (h, l) = (
        gemeente(&r.body, "0398")["tlv"]["totaal"]["waarde"]
            .as_i64()
            .unwrap(),
        gemeente(&r.body, "0416")["tlv"]["totaal"]["waarde"]
            .as_i64()
            .unwrap(),
    );
    assert_eq!(dew, h + l);

    // One gemeente, and the same answer as a CSV of cells.
    let one = app
        .get(&format!("{JOP}?schooljaar=2016-2017&gemeente=0416"), &t)
        .await;
    assert_eq!(cbs(&one.body), ["0416"]);
    let csv = app
        .request(
            actix_web::http::Method::GET,
            &format!("{JOP}?schooljaar=2016-2017&gemeente=0416"),
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert(200);
    let text = String::from_utf8_lossy(&csv.raw).to_string();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some("schooljaar;cbsCode;gemeente;indicator;peildatum;waarde")
    );
    let body: Vec<&str> = lines.collect();
    assert_eq!(body.len(), 4 * 10 + 3 + 4 + 4 + 5 + 3, "one line per cell");
    assert!(
        body.contains(&"2016-2017;0416;Langedijk;tlv.totaal;;50"),
        "{text}"
    );
    assert!(
        body.iter().any(|l| l.starts_with(
            "2016-2017;0416;Langedijk;thuiszitters.perCategorie.relatief_verzuim;2017-03-15;<5"
        )),
        "{text}"
    );
    let xlsx = app
        .request(
            actix_web::http::Method::GET,
            &format!("{JOP}?schooljaar=2016-2017"),
            Some(&t),
            None,
            &[(
                "accept",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )],
        )
        .await;
    xlsx.assert(200);
    assert!(xlsx.raw.starts_with(b"PK"));

    // What it may not ask.
    assert_problem(
        &app.get(&format!("{JOP}?schooljaar=2016-2017&gemeente=0392"), &t)
            .await,
        403,
    );
    assert_invalid(
        &app.get(&format!("{JOP}?schooljaar=2016"), &t).await,
        "schooljaar",
    );
    assert_invalid(&app.get(JOP, &t).await, "schooljaar");
    assert_invalid(
        &app.get(&format!("{JOP}?schooljaar=2016-2017&gemeente=12"), &t)
            .await,
        "gemeente",
    );
    assert_invalid(
        &app.get(&format!("{JOP}?schooljaar=2016-2017&gemeente=9998"), &t)
            .await,
        "gemeente",
    );
    assert_invalid(
        &app.get(&format!("{JOP}?schooljaar=2016-2017&indeling=toen"), &t)
            .await,
        "indeling",
    );
    let p = app.demo_login(koers::demo::DEMO_PLATFORM).await;
    assert_problem(
        &app.get(&format!("{JOP}?schooljaar=2016-2017"), &p).await,
        403,
    );
}

async fn a_gemeente_reads_only_its_own(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let p = app.demo_login(koers::demo::DEMO_PLATFORM).await;

    // Dijk en Waard reads its predecessors' years under their own names.
    let dew = jop_client(&app, &p, &["1980"], &["jop:read"]).await;
    let r = app.get(&format!("{JOP}?schooljaar=2016-2017"), &dew).await;
    r.assert(200);
    assert_eq!(cbs(&r.body), ["0398", "0416"]);
    assert_suppressed(&r.body);
    app.get(&format!("{JOP}?schooljaar=2016-2017&gemeente=0398"), &dew)
        .await
        .assert(200);
    assert_problem(
        &app.get(&format!("{JOP}?schooljaar=2016-2017&gemeente=0361"), &dew)
            .await,
        403,
    );
    let huidig = app
        .get(&format!("{JOP}?schooljaar=2016-2017&indeling=huidig"), &dew)
        .await;
    assert_eq!(cbs(&huidig.body), ["1980"]);
    let swv = app.demo_login("lezer@ppo-nk.example").await;
    let own = app
        .get(
            &format!("{JOP}?schooljaar=2016-2017&indeling=huidig&gemeente=1980"),
            &swv,
        )
        .await;
    assert_eq!(
        huidig.body["gemeenten"], own.body["gemeenten"],
        "the gemeente reads what the SWV shares"
    );

    // The SWV's own client for Dijk en Waard: the SWV serves it through its predecessors.
    let nk = app.demo_login("beheer@ppo-nk.example").await;
    let eigen = jop_client(&app, &nk, &["1980"], &["jop:read"]).await;
    let r2 = app
        .get(&format!("{JOP}?schooljaar=2016-2017"), &eigen)
        .await;
    r2.assert(200);
    assert_eq!(r2.body["gemeenten"], r.body["gemeenten"]);
    let zk = app.demo_login("beheer@swv-zk.example").await;
    let dew = gemeente_id(&app, &zk, "1980").await;
    assert_invalid(
        &app.post(
            "/api/v1/clients",
            &zk,
            json!({"naam": "Niet bediend", "scopes": ["jop:read"], "gemeenteIds": [dew]}),
        )
        .await,
        "gemeenteIds",
    );

    // Haarlem is served by two SWV's: the platform's client gets their sum, nothing else.
    let haarlem = jop_client(&app, &p, &["0392"], &["jop:read"]).await;
    let r = app
        .get(&format!("{JOP}?schooljaar=2022-2023"), &haarlem)
        .await;
    r.assert(200);
    assert_eq!(cbs(&r.body), ["0392"]);
    assert_suppressed(&r.body);
    let codes: Vec<&str> = r.body["gemeenten"][0]["samenwerkingsverbanden"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"PO2703") && codes.len() >= 2, "{codes:?}");
    let mut scholen = 0;
    for email in ["lezer@swv-zk.example", "lezer@swv-vo-zk.example"] {
        let t = app.demo_login(email).await;
        let own = app
            .get(&format!("{JOP}?schooljaar=2022-2023&gemeente=0392"), &t)
            .await;
        own.assert(200);
        scholen += own.body["gemeenten"][0]["bereikBijeenkomsten"]["scholen"]
            .as_i64()
            .unwrap();
    }
    assert_eq!(
        r.body["gemeenten"][0]["bereikBijeenkomsten"]["scholen"], scholen,
        "summed over the SWV's that serve Haarlem"
    );

    // A client of a hundred gemeenten (counted without a filter in SQL) reads Haarlem exactly
    // as Haarlem's own client does.
    let mut ids: Vec<Value> = Vec::new();
    for i in 0..90 {
        let r = app
            .post(
                "/api/v1/gemeenten",
                &p,
                json!({"cbsCode": format!("{:04}", 9000 + i), "naam": format!("Testgemeente {i}")}),
            )
            .await;
        r.assert(201);
        ids.push(r.body["id"].clone());
    }
    for code in ["0392", "0377", "0361"] {
        ids.push(json!(gemeente_id(&app, &p, code).await));
    }
    let veel = app
        .post(
            "/api/v1/clients",
            &p,
            json!({"naam": "JOP landelijk", "scopes": ["jop:read"], "gemeenteIds": ids}),
        )
        .await;
    veel.assert(201);
    let tok = client_token(
        &app,
        veel.body["clientId"].as_str().unwrap(),
        veel.body["clientSecret"].as_str().unwrap(),
        None,
    )
    .await;
    let veel = tok.body["access_token"].as_str().unwrap().to_string();
    let breed = app.get(&format!("{JOP}?schooljaar=2022-2023"), &veel).await;
    breed.assert(200);
    let haarlem_breed = breed.body["gemeenten"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["cbsCode"] == "0392")
        .expect("Haarlem listed");
    assert_eq!(haarlem_breed, &r.body["gemeenten"][0]);
    assert!(
        cbs(&breed.body).len() >= 90,
        "every gemeente listed, zeros included"
    );

    // A client without jop:read reads nothing here.
    let org = jop_client(&app, &zk, &["0392"], &["organisatie:read"]).await;
    assert_problem(
        &app.get(&format!("{JOP}?schooljaar=2022-2023"), &org).await,
        403,
    );
}

async fn mergers_are_checked(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    let make = |cbs: &'static str, naam: &'static str| {
        let app = &app;
        let p = p.clone();
        async move {
            let r = app
                .post(
                    "/api/v1/gemeenten",
                    &p,
                    json!({"cbsCode": cbs, "naam": naam}),
                )
                .await;
            r.assert(201);
            r.body["id"].as_str().unwrap().to_string()
        }
    };
    let oud = make("0398", "Heerhugowaard").await;
    let nieuw = make("1980", "Dijk en Waard").await;
    let path = format!("/api/v1/gemeenten/{oud}");
    assert_invalid(
        &app.patch(&path, &p, json!({"opgevolgdDoorId": nieuw}))
            .await,
        "actiefTot",
    );
    assert_invalid(
        &app.patch(
            &path,
            &p,
            json!({"actiefTot": "2022-01-01", "opgevolgdDoorId": oud}),
        )
        .await,
        "opgevolgdDoorId",
    );
    assert_invalid(
        &app.patch(
            &path,
            &p,
            json!({"actiefTot": "2022-01-01", "opgevolgdDoorId": uuid::Uuid::new_v4().to_string()}),
        )
        .await,
        "opgevolgdDoorId",
    );
    let r = app
        .patch(
            &path,
            &p,
            json!({"actiefTot": "2022-01-01", "opgevolgdDoorId": nieuw}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["actiefTot"], "2022-01-01");
    assert_eq!(r.body["opgevolgdDoorId"], nieuw);
    // Round: Dijk en Waard cannot be taken over by its own predecessor.
    assert_invalid(
        &app.patch(
            &format!("/api/v1/gemeenten/{nieuw}"),
            &p,
            json!({"actiefTot": "2030-01-01", "opgevolgdDoorId": oud}),
        )
        .await,
        "opgevolgdDoorId",
    );
    // The successor is still referred to.
    assert_problem(
        &app.delete(&format!("/api/v1/gemeenten/{nieuw}"), &p).await,
        409,
    );
    let b = app.token("beheerder").await;
    assert_problem(&app.patch(&path, &b, json!({"actiefTot": null})).await, 403);
}

both_backends!(
    the_swv_reads_what_it_shares,
    a_gemeente_reads_only_its_own,
    mergers_are_checked
);
