//! The trimester report of PPO Noord-Kennemerland 2016-2017, computed by Koers from the demo
//! records: every figure the report counted by hand.

use serde_json::{json, Value};

use crate::common::TestApp;

fn largest(map: &Value) -> Vec<String> {
    let mut v: Vec<(&String, i64)> = map
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, n)| (k, n.as_i64().unwrap()))
        .collect();
    v.sort_by_key(|(_, n)| -n);
    v.iter().take(2).map(|(k, _)| k.to_string()).collect()
}

async fn the_trimester_report_of_noord_kennemerland(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    koers::demo::load(&app.state.db).expect("demo loads again");
    let t = app.demo_login("consulent@ppo-nk.example").await;

    let r = app
        .get(
            "/api/v1/arrangementen/statistieken?schooljaar=2016-2017",
            &t,
        )
        .await;
    r.assert(200);
    let s = &r.body;
    assert_eq!(s["totaal"], 701);
    assert_eq!(
        s["perSoort"],
        json!({"individueel": 635, "groep": 59, "innovatie": 7})
    );
    assert_eq!(s["verlenging"], 385);
    assert_eq!(s["nieuw"], 316);
    assert_eq!(s["vorigJaar"]["totaal"], 577);
    assert_eq!(
        s["totaal"].as_i64().unwrap() - s["vorigJaar"]["totaal"].as_i64().unwrap(),
        124
    );
    let mut top = largest(&s["perCategorie"]);
    top.sort();
    assert_eq!(
        top,
        vec![
            "gedragsinterventietechnieken",
            "gestructureerde_leeromgeving"
        ]
    );
    let el_amal = s["perWerkgebied"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["naam"] == "El Amal")
        .expect("a row for El Amal");
    assert_eq!(el_amal["totaal"], 0, "El Amal asked for no arrangement");

    // The budget on the last day of the year: what the werkgebieden had and spent.
    let r = app
        .get(
            "/api/v1/arrangementen/budget?schooljaar=2016-2017&peildatum=2017-07-31",
            &t,
        )
        .await;
    r.assert(200);
    let b = &r.body;
    assert_eq!(b["totaal"]["besteedCent"], 131_262_800_i64);
    assert_eq!(b["totaal"]["toegekendCent"], 131_262_800_i64);
    let regulier = app
        .get(
            "/api/v1/budgetten?schooljaar=2016-2017&soort=regulier&pageSize=200",
            &t,
        )
        .await;
    let som: i64 = regulier.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["bedragCent"].as_i64().unwrap())
        .sum();
    assert_eq!(som, 188_142_800);
    let extra = app
        .get("/api/v1/budgetten?schooljaar=2016-2017&soort=extra", &t)
        .await;
    let mut namen: Vec<String> = Vec::new();
    for x in extra.body["items"].as_array().unwrap() {
        let gebied = b["werkgebieden"]
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["id"] == x["werkgebiedId"])
            .unwrap();
        namen.push(gebied["naam"].as_str().unwrap().to_string());
        let datum = x["datum"].as_str().unwrap();
        assert!(("2017-03-01"..="2017-05-31").contains(&datum), "{datum}");
    }
    namen.sort();
    assert_eq!(namen, vec!["Heiloo", "Langedijk"]);
    assert!(
        b["werkgebieden"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["id"] != Value::Null),
        "every arrangement at a school of a werkgebied"
    );

    let r = app
        .get("/api/v1/mdos/statistieken?schooljaar=2016-2017", &t)
        .await;
    r.assert(200);
    let m = &r.body;
    assert_eq!(m["totaal"], 2579);
    assert_eq!(m["perTrimester"], json!({"1": 705, "2": 943, "3": 931}));
    assert_eq!(m["perNiveau"]["3"], 1790);
    assert_eq!(m["vorigJaar"]["perNiveau"]["3"], 1189);

    // The records are ones the API accepts: an extension saved back unchanged.
    let r = app
        .get("/api/v1/arrangementen?verlenging=true&pageSize=1", &t)
        .await;
    let a = r.body["items"][0].clone();
    let id = a["id"].as_str().unwrap();
    let one = app.get(&format!("/api/v1/arrangementen/{id}"), &t).await;
    crate::common::with_if_match(
        &app,
        actix_web::http::Method::PUT,
        &format!("/api/v1/arrangementen/{id}"),
        &t,
        Some(one.body.clone()),
        &one.header("etag").unwrap(),
    )
    .await
    .assert(200);

    // TLV's: 444 granted, 263 new and 181 extensions, as many as the year before, all within
    // the term, 26.0 months on average, 58 % aged 8 or over, 14 SBO and 13 SO temporary, and
    // 5 SO and 1 SBO pupils back in regular education.
    let r = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen/statistieken?schooljaar=2016-2017",
            &t,
        )
        .await;
    r.assert(200);
    let s = &r.body;
    assert_eq!(
        (&s["afgegeven"], &s["nieuw"], &s["verlenging"]),
        (&json!(444), &json!(263), &json!(181))
    );
    assert_eq!(s["vorigJaar"]["afgegeven"], 444);
    assert_eq!(s["binnenTermijn"]["percentage"], 100.0);
    assert_eq!(s["gemiddeldeDuurMaanden"], 26.0);
    assert_eq!(
        s["leeftijd"]["vanaf8"]["percentage"]
            .as_f64()
            .unwrap()
            .round(),
        58.0
    );
    assert_eq!(
        s["leeftijd"]["onder8"]["percentage"]
            .as_f64()
            .unwrap()
            .round(),
        42.0
    );
    assert_eq!(s["tijdelijk"], json!({"sbo": 14, "so": 13, "vso": 0}));
    assert_eq!(s["uitstroom"]["naarRegulier"], 6);
    let tot = |k: &str| s["perSoort"][k]["totaal"].as_i64().unwrap();
    assert_eq!(
        tot("sbo") + tot("so_laag") + tot("so_midden") + tot("so_hoog"),
        444
    );
    // The peak of the third trimester.
    let derde: i64 = ["sbo", "so_laag", "so_midden", "so_hoog"]
        .iter()
        .map(|k| s["perSoort"][k]["perTrimester"]["3"].as_i64().unwrap())
        .sum();
    assert!(derde > 200, "{derde}");
    // The regular schools asked more as the year went on.
    let aandeel = |t: &str| s["herkomst"][t]["percentageScholen"].as_f64().unwrap();
    assert!(aandeel("1") < aandeel("2") && aandeel("2") < aandeel("3"));
    // The desk of this school year shows every reason.
    let w = app
        .get("/api/v1/toelaatbaarheidsverklaringen/werkvoorraad", &t)
        .await;
    let mut soorten: Vec<&str> = w.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["soort"].as_str().unwrap())
        .collect();
    soorten.sort();
    soorten.dedup();
    assert_eq!(
        soorten,
        [
            "tlv_aanvulling",
            "tlv_advies",
            "tlv_bezwaar",
            "tlv_herbeoordeling",
            "tlv_termijn"
        ]
    );
    let late = app
        .get(
            "/api/v1/toelaatbaarheidsverklaringen?termijnOverschreden=true",
            &t,
        )
        .await;
    assert_eq!(late.body["total"], 1, "one request of this year is late");

    thuiszitters_of_both(&app, &t).await;
}

/// The follow-up of PPO Noord-Kennemerland's cohort of 15 March 2017, and PO Zuid-Kennemerland's
/// figures up to 15 March 2023 against the year before.
async fn thuiszitters_of_both(app: &TestApp, nk: &str) {
    let r = app
        .get(
            "/api/v1/thuiszitters/vervolg?van=2017-03-15&tot=2017-06-15",
            nk,
        )
        .await;
    r.assert(200);
    let v = &r.body;
    assert_eq!(
        [
            &v["totaal"],
            &v["weerOnderwijs"],
            &v["weinigOnderwijs"],
            &v["nogThuis"],
            &v["beeindigdAnders"]
        ],
        [27, 12, 3, 12, 0]
    );
    let namen: Vec<&str> = v["gemeenten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["naam"].as_str().unwrap())
        .collect();
    assert_eq!(
        namen,
        ["Alkmaar", "Heerhugowaard", "Langedijk"],
        "none in Heiloo and Bergen"
    );
    assert_eq!(v["perPerspectief"]["geplaatst_sbo"]["totaal"], 4);
    assert_eq!(
        v["perPerspectief"]["in_gesprek_met_perspectief"]["totaal"],
        5
    );
    let frozen = app
        .get("/api/v1/thuiszitters/peildata?schooljaar=2016-2017", nk)
        .await;
    assert_eq!(
        frozen.body.as_array().unwrap().len(),
        4,
        "the year's peildata reported"
    );

    let zk = app.demo_login("consulent@swv-zk.example").await;
    let r = app
        .get(
            "/api/v1/thuiszitters/statistieken?schooljaar=2022-2023&tot=2023-03-15",
            &zk,
        )
        .await;
    r.assert(200);
    let (nu, toen) = (&r.body, &r.body["vorigJaar"]);
    assert_eq!(nu["gemiddeldOpPeildatum"], 17.0);
    assert_eq!(toen["gemiddeldOpPeildatum"], 12.0);
    assert_eq!(nu["casussen"]["extraAandacht"], 136);
    assert_eq!(toen["casussen"]["extraAandacht"], 100);
    assert_eq!(nu["casussen"]["tussen1En3Maanden"], 16);
    assert_eq!(toen["casussen"]["tussen1En3Maanden"], 8);
    assert_eq!(nu["casussen"]["langerDan3Maanden"], 25);
    assert_eq!(toen["casussen"]["langerDan3Maanden"], 13);
    assert_eq!(nu["nieuweVrijstellingen"]["5a"], 0);
    assert_eq!(toen["nieuweVrijstellingen"]["5a"], 1);
    assert_eq!(nu["jongerDan5"], 5.0);
    assert!(nu["peildata"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["vastgesteld"] == true));
    let vandaag = koers::domain::time::today();
    let open = app
        .get(
            &format!("/api/v1/thuiszitters?actiefOp={vandaag}&zonderPerspectief=true"),
            &zk,
        )
        .await;
    assert!(
        open.body["total"].as_i64().unwrap() >= 2,
        "this year's board has cases without perspective"
    );
}

both_backends!(the_trimester_report_of_noord_kennemerland);
