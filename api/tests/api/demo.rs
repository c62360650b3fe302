//! The demo data: the SWV's of Kennemerland, complete enough to show every kind of school and
//! every role, and loading it twice adds nothing.

use crate::common::TestApp;
use diesel::prelude::*;
use koers::schema::{
    aanmeldingen, activiteiten, activiteitenplannen, ambities, bijeenkomsten, evaluaties,
    gebruikers, gemeenten, ondersteuningsplannen, portefeuille_eigenaren, portefeuilles,
    project_financiering, projecten, samenwerkingsverbanden, scholen, schoolbesturen, werkgebieden,
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

both_backends!(
    demo_loads_once_and_covers_the_domain,
    demo_planning_of_zuid_kennemerland
);
