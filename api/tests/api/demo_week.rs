//! The consulent's week in the demo of PO Zuid-Kennemerland: the schools shared by three
//! consulenten, a year of contacts averaging six per school with three schools under the minimum
//! of three, follow-ups due this week, and the 2022-2023 activities that measure themselves.

use chrono::Datelike;
use serde_json::{json, Value};

use crate::common::TestApp;

async fn sign_in(app: &TestApp, email: &str) -> String {
    let r = app
        .request(
            actix_web::http::Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": email, "password": koers::demo::DEMO_PASSWORD})),
            &[],
        )
        .await;
    r.assert(200);
    r.body["accessToken"].as_str().unwrap().to_string()
}

async fn activity(app: &TestApp, t: &str, zoek: &str) -> Value {
    let r = app
        .get(
            &format!("/api/v1/activiteiten?schooljaar=2022-2023&q={zoek}"),
            t,
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["total"], 1, "{zoek}");
    r.body["items"][0].clone()
}

async fn demo_week_of_zuid_kennemerland(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let t = sign_in(&app, "consulent@swv-zk.example").await;
    let me = app.get("/api/v1/auth/me", &t).await.body["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Last complete school year: 70 schools, exactly 6 on average, three under the minimum.
    let today = koers::domain::time::today();
    let start = if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    };
    let vorig = format!("{}-{}", start - 1, start);
    let o = app
        .get(
            &format!("/api/v1/schoolcontacten/overzicht?schooljaar={vorig}"),
            &t,
        )
        .await;
    o.assert(200);
    assert_eq!(o.body["scholen"].as_array().unwrap().len(), 70);
    assert_eq!(o.body["gemiddeldPerSchool"], 6.0);
    assert_eq!(o.body["minimumTotNu"], 3.0);
    assert_eq!(o.body["onderMinimum"].as_array().unwrap().len(), 3);
    assert!(o.body["scholen"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| !s["consulent"].is_null()));

    // The schools are dealt round the consulenten, her first: 24 of 70 with the demo's three.
    let beheer = sign_in(&app, "beheer@swv-zk.example").await;
    let consulenten = app
        .get("/api/v1/gebruikers?rol=consulent&actief=true", &beheer)
        .await
        .body["total"]
        .as_u64()
        .unwrap() as usize;
    let mine = app
        .get(
            &format!("/api/v1/schoolcontacten/overzicht?schooljaar={vorig}&consulentId={me}"),
            &t,
        )
        .await;
    let mijn_scholen = mine.body["scholen"].as_array().unwrap().clone();
    assert_eq!(mijn_scholen.len(), 70_usize.div_ceil(consulenten));

    // A school's page counts the same contacts as the overview.
    let eerste = &mijn_scholen[0];
    let k = app
        .get(
            &format!(
                "/api/v1/scholen/{}/kerncijfers?schooljaar={vorig}",
                eerste["schoolId"].as_str().unwrap()
            ),
            &t,
        )
        .await;
    k.assert(200);
    assert_eq!(k.body["contacten"], eerste["contacten"]);
    assert_eq!(k.body["laatsteContact"], eerste["laatsteContact"]);

    // Once this school year has had a week of school, follow-ups wait for her this week.
    let begonnen = !(today.month() == 8 || (today.month() == 9 && today.day() < 8));
    if begonnen {
        let open = app
            .get(
                &format!("/api/v1/schoolcontacten?vervolgOpen=true&consulentId={me}"),
                &t,
            )
            .await;
        assert!(open.body["total"].as_i64().unwrap() >= 2, "{}", open.body);
        let werk = app.get("/api/v1/werkvoorraad?pageSize=200", &t).await;
        werk.assert(200);
        assert!(werk.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["soort"] == "schoolcontact_vervolg"));
    }

    // The IB-netwerken of 2022-2023 against at least 60 % of the 70 IB'ers: 45, 46 and 21
    // present is on average 53.3 %, a risk; the Groot Netwerk had 180 against at least 150.
    let ib = activity(&app, &t, "Drie%20IB-netwerkbijeenkomsten").await;
    assert_eq!(
        ib["streef"],
        json!({"richting": "minimaal", "waarde": 60.0, "eenheid": "percentage"})
    );
    assert_eq!(ib["gemeten"], 53.3);
    assert_eq!(
        ib["voorstel"],
        json!({"resultaat": 53.3, "signaal": "risico"})
    );
    let groot = activity(&app, &t, "Groot%20Netwerk%20in%20het%20voorjaar").await;
    assert_eq!(groot["gemeten"], 180.0);
    assert_eq!(groot["voorstel"]["signaal"], "op_koers");
}

both_backends!(demo_week_of_zuid_kennemerland);
