//! The demo data: the SWV's of Kennemerland, complete enough to show every kind of school and
//! every role, and loading it twice adds nothing.

use crate::common::TestApp;
use diesel::prelude::*;
use koers::schema::{
    aanmeldingen, activiteiten, activiteitenplannen, ambities, bijeenkomsten, evaluaties,
    gebruikers, gemeenten, leerlingen, ondersteuningsplannen, portefeuille_eigenaren,
    portefeuilles, project_financiering, projecten, samenwerkingsverbanden, scholen,
    schoolbesturen, werkgebieden,
};
use serde_json::json;

fn counts(app: &TestApp) -> [i64; 6] {
    let mut c = app.conn();
    [
        samenwerkingsverbanden::table
            .count()
            .get_result(&mut c)
            .unwrap(),
        gemeenten::table.count().get_result(&mut c).unwrap(),
        schoolbesturen::table.count().get_result(&mut c).unwrap(),
        werkgebieden::table.count().get_result(&mut c).unwrap(),
        scholen::table.count().get_result(&mut c).unwrap(),
        gebruikers::table.count().get_result(&mut c).unwrap(),
    ]
}

fn meeting_counts(app: &TestApp) -> [i64; 2] {
    let mut c = app.conn();
    [
        bijeenkomsten::table.count().get_result(&mut c).unwrap(),
        aanmeldingen::table.count().get_result(&mut c).unwrap(),
    ]
}

fn planning_counts(app: &TestApp) -> [i64; 8] {
    let mut c = app.conn();
    [
        ondersteuningsplannen::table
            .count()
            .get_result(&mut c)
            .unwrap(),
        ambities::table.count().get_result(&mut c).unwrap(),
        activiteitenplannen::table
            .count()
            .get_result(&mut c)
            .unwrap(),
        activiteiten::table.count().get_result(&mut c).unwrap(),
        evaluaties::table.count().get_result(&mut c).unwrap(),
        portefeuilles::table.count().get_result(&mut c).unwrap(),
        portefeuille_eigenaren::table
            .count()
            .get_result(&mut c)
            .unwrap(),
        projecten::table.count().get_result::<i64>(&mut c).unwrap()
            + project_financiering::table
                .count()
                .get_result::<i64>(&mut c)
                .unwrap(),
    ]
}

async fn demo_loads_once_and_covers_the_domain(app: TestApp) {
    let before = counts(&app);
    let summary = koers::demo::load(&app.state.db).expect("demo loads");
    let once = counts(&app);
    let planning_once = planning_counts(&app);
    let meetings_once = meeting_counts(&app);
    assert!(
        meetings_once[0] >= 20 && meetings_once[1] > 800,
        "{meetings_once:?}"
    );
    koers::demo::load(&app.state.db).expect("demo loads again");
    assert_eq!(
        meeting_counts(&app),
        meetings_once,
        "loading the demo twice must not duplicate any meeting or registration"
    );
    assert_eq!(
        counts(&app),
        once,
        "loading the demo twice must not duplicate anything"
    );
    assert_eq!(
        planning_counts(&app),
        planning_once,
        "loading the demo twice must not duplicate any planning"
    );
    assert!(once[4] - before[4] >= 100, "about a hundred demo schools");

    // Signing in with a printed demo login works, and the SWV is Zuid-Kennemerland.
    assert!(summary
        .logins
        .iter()
        .any(|(rol, email, _)| rol == "beheerder" && email == "beheer@swv-zk.example"));
    let r = app
        .request(
            actix_web::http::Method::POST,
            "/api/v1/auth/login",
            None,
            Some(serde_json::json!({"email": "beheer@swv-zk.example", "password": koers::demo::DEMO_PASSWORD})),
            &[],
        )
        .await;
    r.assert(200);
    let token = r.body["accessToken"].as_str().unwrap().to_string();
    let me = app.get("/api/v1/auth/me", &token).await;
    assert_eq!(me.body["rol"], "beheerder");
    // The demo finds SWV's by their code: here the test SWV already holds PO2703.
    assert_eq!(
        me.body["samenwerkingsverband"]["id"],
        app.swv.id.to_string()
    );

    // The gemeenten it serves, with their CBS codes.
    for (cbs, naam) in [
        ("0392", "Haarlem"),
        ("0397", "Heemstede"),
        ("0377", "Bloemendaal"),
        ("0473", "Zandvoort"),
    ] {
        let r = app
            .get(&format!("/api/v1/gemeenten?cbsCode={cbs}"), &token)
            .await;
        assert_eq!(r.body["items"][0]["naam"], naam);
    }

    // Every kind of school occurs in the demo, and every role has a user.
    let mut c = app.conn();
    let soorten: Vec<String> = scholen::table
        .select(scholen::soort)
        .distinct()
        .load(&mut c)
        .unwrap();
    for soort in ["bao", "sbo", "so", "vso", "vo", "ikc"] {
        assert!(
            soorten.iter().any(|s| s == soort),
            "no demo school of soort {soort}"
        );
    }
    let rollen: Vec<String> = gebruikers::table
        .select(gebruikers::rol)
        .distinct()
        .load(&mut c)
        .unwrap();
    for rol in [
        "platformbeheerder",
        "beheerder",
        "consulent",
        "medewerker",
        "lezer",
    ] {
        assert!(
            rollen.iter().any(|r| r == rol),
            "no demo user with rol {rol}"
        );
    }
}

/// The planning of Zuid-Kennemerland: the ondersteuningsplan 2022-2026 with its seven ambities,
/// the evaluated 2022-2023 plan, and the 2024-2025 plan with portefeuilles and projecten.
async fn demo_planning_of_zuid_kennemerland(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let r = app
        .request(
            actix_web::http::Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "lezer@swv-zk.example", "password": koers::demo::DEMO_PASSWORD})),
            &[],
        )
        .await;
    r.assert(200);
    let t = r.body["accessToken"].as_str().unwrap().to_string();

    let r = app.get("/api/v1/ondersteuningsplannen", &t).await;
    assert_eq!(r.body["total"], 1);
    let op = &r.body["items"][0];
    assert_eq!(
        (op["vanJaar"].clone(), op["totJaar"].clone()),
        (json!(2022), json!(2026))
    );
    let op_id = op["id"].as_str().unwrap();
    let r = app
        .get(
            &format!("/api/v1/ambities?ondersteuningsplanId={op_id}"),
            &t,
        )
        .await;
    assert_eq!(r.body["total"], 7, "seven ambities");
    let titels: Vec<&str> = r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["titel"].as_str().unwrap())
        .collect();
    assert_eq!(titels[0], "Goed onderwijs vormt de basis");
    assert_eq!(titels[2], "Een dekkend netwerk");
    assert!(r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| !a["doelstelling"].as_str().unwrap().is_empty()));

    // 2022-2023: adopted and evaluated under every ambitie, with varied statuses and signals.
    let r = app
        .get("/api/v1/activiteitenplannen?schooljaar=2022-2023", &t)
        .await;
    assert_eq!(r.body["items"][0]["status"], "vastgesteld");
    let plan = r.body["items"][0]["id"].as_str().unwrap().to_string();
    let r = app
        .get(&format!("/api/v1/activiteitenplannen/{plan}/evaluatie"), &t)
        .await;
    r.assert(200);
    assert_eq!(
        r.body["totaal"],
        json!({"aantal": 33, "geevalueerd": 32,
               "perStatus": {"uitgevoerd": 22, "deels": 5, "niet_uitgevoerd": 3, "doorgeschoven": 2},
               "perSignaal": {"op_koers": 11, "aandacht": 8, "risico": 3, "afgerond": 10}})
    );
    let groups = r.body["ambities"].as_array().unwrap();
    assert_eq!(groups.len(), 7);
    assert!(groups
        .iter()
        .all(|g| g["telling"]["geevalueerd"].as_i64().unwrap() >= 4));
    assert_eq!(groups[0]["telling"]["aantal"], 8);

    // 2024-2025: portefeuilles held by the consulenten, projecten with end dates and funding.
    let r = app
        .get("/api/v1/activiteiten?schooljaar=2024-2025&pageSize=200", &t)
        .await;
    assert_eq!(r.body["total"], 12);
    assert!(r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["evaluatie"].is_null()));
    let beheerder = app
        .request(
            actix_web::http::Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": "beheer@swv-zk.example", "password": koers::demo::DEMO_PASSWORD})),
            &[],
        )
        .await
        .body["accessToken"]
        .as_str()
        .unwrap()
        .to_string();
    let users = app
        .get("/api/v1/gebruikers?rol=consulent&pageSize=200", &beheerder)
        .await;
    let consulenten: Vec<&str> = users.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["email"].as_str().unwrap().ends_with("@swv-zk.example"))
        .map(|u| u["id"].as_str().unwrap())
        .collect();
    assert_eq!(consulenten.len(), 3);
    let r = app.get("/api/v1/portefeuilles?pageSize=200", &t).await;
    assert_eq!(r.body["total"], 9);
    for p in r.body["items"].as_array().unwrap() {
        let owners = p["eigenaarIds"].as_array().unwrap();
        assert!(!owners.is_empty(), "{} has an owner", p["naam"]);
        assert!(owners
            .iter()
            .all(|o| consulenten.contains(&o.as_str().unwrap())));
        assert!(!p["ambitieIds"].as_array().unwrap().is_empty());
    }
    let r = app.get("/api/v1/projecten?q=high%20dosage", &t).await;
    assert_eq!(r.body["total"], 1);
    let hdt = &r.body["items"][0];
    assert_eq!(hdt["einddatum"], "2026-02-28");
    assert_eq!(hdt["status"], "lopend");
    assert!(hdt["financiering"].as_array().unwrap().len() >= 2);
    assert!(!hdt["schoolIds"].as_array().unwrap().is_empty());
    let r = app
        .get(
            &format!(
                "/api/v1/activiteiten?projectId={}",
                hdt["id"].as_str().unwrap()
            ),
            &t,
        )
        .await;
    assert_eq!(r.body["total"], 2, "HDT work in both years");
}

/// The demo pupils: 600 of Zuid-Kennemerland and 1,200 of Noord-Kennemerland, spread over
/// schools, gemeenten, genders and every year group, each one the API accepts as it is.
async fn demo_pupils_spread_and_valid(app: TestApp) {
    // referentie, geslacht, leerjaar, school, woongemeente
    type Pupil = (String, String, Option<i32>, Option<String>, String);
    koers::demo::load(&app.state.db).expect("demo loads");
    koers::demo::load(&app.state.db).expect("demo loads again");
    let mut c = app.conn();
    let per_swv: Vec<(String, i64)> = leerlingen::table
        .inner_join(samenwerkingsverbanden::table)
        .group_by(samenwerkingsverbanden::code)
        .select((samenwerkingsverbanden::code, diesel::dsl::count_star()))
        .order(samenwerkingsverbanden::code)
        .load(&mut c)
        .unwrap();
    assert_eq!(
        per_swv,
        // The pupils of the year, and those of the thuiszitters' cases (27 in Noord-Kennemerland
        // in 2016-2017; 246 in Zuid-Kennemerland over 2021-2023 and this year).
        vec![
            ("PO2702".to_string(), 1200 + 27),
            ("PO2703".to_string(), 600 + 246)
        ],
        "loading twice adds no pupils"
    );
    let zk: Vec<Pupil> = leerlingen::table
        .filter(leerlingen::samenwerkingsverband_id.eq(app.swv.id))
        .select((
            leerlingen::referentie,
            leerlingen::geslacht,
            leerlingen::leerjaar,
            leerlingen::school_id,
            leerlingen::woongemeente_id,
        ))
        .load(&mut c)
        .unwrap();
    let distinct = |f: &dyn Fn(&Pupil) -> String| {
        zk.iter()
            .map(f)
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    assert!(
        distinct(&|p| p.3.clone().unwrap_or_default()) >= 40,
        "pupils at most schools"
    );
    assert_eq!(
        distinct(&|p| p.4.clone()),
        4,
        "pupils in each of the four gemeenten"
    );
    assert_eq!(
        distinct(&|p| format!("{:?}", p.2)),
        9,
        "groep 1-8, and none at special schools"
    );
    let jongens = zk.iter().filter(|p| p.1 == "jongen").count();
    let meisjes = zk.iter().filter(|p| p.1 == "meisje").count();
    assert!(
        jongens > meisjes && meisjes > 150,
        "{jongens} jongens, {meisjes} meisjes"
    );
    assert!(zk.iter().all(|p| p.0.starts_with("ZK-") && p.0.len() == 8));
    drop(c);

    // A consulent finds a pupil by part of its reference, and every pupil of a page can be
    // saved back unchanged: the demo holds only what the API's rules accept.
    let t = app.demo_login("consulent@swv-zk.example").await;
    let r = app
        .get("/api/v1/leerlingen?q=ZK-0004&sort=referentie", &t)
        .await;
    r.assert(200);
    assert_eq!(r.body["total"], 10, "ZK-00040 to ZK-00049");
    assert_eq!(r.body["items"][0]["referentie"], "ZK-00040");
    let r = app.get("/api/v1/leerlingen?pageSize=25&page=7", &t).await;
    for p in r.body["items"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        let one = app.get(&format!("/api/v1/leerlingen/{id}"), &t).await;
        let tag = one.header("etag").unwrap();
        let body = json!({
            "referentie": p["referentie"], "geboortemaand": p["geboortemaand"], "geslacht": p["geslacht"],
            "woongemeenteId": p["woongemeenteId"], "schoolId": p["schoolId"], "leerjaar": p["leerjaar"],
        });
        crate::common::with_if_match(
            &app,
            actix_web::http::Method::PUT,
            &format!("/api/v1/leerlingen/{id}"),
            &t,
            Some(body),
            &tag,
        )
        .await
        .assert(200);
    }
}

both_backends!(
    demo_loads_once_and_covers_the_domain,
    demo_planning_of_zuid_kennemerland,
    demo_pupils_spread_and_valid
);
