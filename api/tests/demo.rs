//! The demo data: the SWV's of Kennemerland, complete enough to show every kind of school and
//! every role, and loading it twice adds nothing.

mod common;

use common::TestApp;
use diesel::prelude::*;
use koers::schema::{
    gebruikers, gemeenten, samenwerkingsverbanden, scholen, schoolbesturen, werkgebieden,
};

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

async fn demo_loads_once_and_covers_the_domain(app: TestApp) {
    let before = counts(&app);
    let summary = koers::demo::load(&app.state.db).expect("demo loads");
    let once = counts(&app);
    koers::demo::load(&app.state.db).expect("demo loads again");
    assert_eq!(
        counts(&app),
        once,
        "loading the demo twice must not duplicate anything"
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

both_backends!(demo_loads_once_and_covers_the_domain);
