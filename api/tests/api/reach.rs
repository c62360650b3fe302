//! A client tied to gemeenten sees only the schools in those gemeenten and what belongs to
//! them, in every list, export and figure; staff of the SWV see everything.

use crate::auth::{client_token, create_client};
use crate::common::{served_gemeente, Resp, TestApp};
use serde_json::{json, Value};

fn names(r: &Resp) -> Vec<String> {
    r.assert(200);
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["naam"].as_str().unwrap().to_string())
        .collect()
}

fn id_of(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

async fn csv(app: &TestApp, path: &str, token: &str) -> String {
    let r = app
        .request(
            actix_web::http::Method::GET,
            path,
            Some(token),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    String::from_utf8(r.raw.to_vec()).unwrap()
}

async fn a_gemeente_client_sees_only_its_gemeenten(app: TestApp) {
    let t = app.token("beheerder").await;
    let haarlem = served_gemeente(&app, "0392", "Haarlem").await;
    let bloemendaal = served_gemeente(&app, "0377", "Bloemendaal").await;
    let schools = app.get("/api/v1/scholen?sort=naam", &t).await;
    let school = |naam: &str| -> String {
        schools.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["naam"] == naam)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (in_haarlem, in_bloemendaal) =
        (school("School in Haarlem"), school("School in Bloemendaal"));
    let (_, client_id, secret) = create_client(
        &app,
        &["organisatie:read", "bijeenkomsten:read"],
        &[&haarlem],
    )
    .await;
    let r = client_token(&app, &client_id, &secret, None).await;
    r.assert(200);
    let c = r.body["access_token"].as_str().unwrap().to_string();

    // Schools: the list, a filter, one school and the export.
    assert_eq!(names(&app.get("/api/v1/scholen", &t).await).len(), 2);
    assert_eq!(
        names(&app.get("/api/v1/scholen", &c).await),
        vec!["School in Haarlem"]
    );
    assert_eq!(app.get("/api/v1/scholen", &c).await.body["total"], 1);
    let other = app
        .get(&format!("/api/v1/scholen?gemeenteId={bloemendaal}"), &c)
        .await;
    assert_eq!(other.body["total"], 0, "{}", other.body);
    app.get(&format!("/api/v1/scholen/{in_haarlem}"), &c)
        .await
        .assert(200);
    app.get(&format!("/api/v1/scholen/{in_bloemendaal}"), &c)
        .await
        .assert(404);
    let export = csv(&app, "/api/v1/scholen", &c).await;
    assert!(export.contains("School in Haarlem"), "{export}");
    assert!(!export.contains("Bloemendaal"), "{export}");

    // A held meeting with one participant from each school and one without a school, all present.
    let bk = id_of(
        &app.post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "IB-netwerk", "soort": "ib_netwerk", "start": "2023-03-09T09:00:00Z",
                   "eind": "2023-03-09T12:00:00Z"}),
        )
        .await,
    );
    let mut regs = Vec::new();
    for (naam, school) in [
        ("Anna", Some(&in_haarlem)),
        ("Bram", Some(&in_bloemendaal)),
        ("Cor", None),
    ] {
        regs.push(id_of(
            &app.post(
                &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"),
                &t,
                json!({"naam": naam, "email": format!("{}@school.example", naam.to_lowercase()),
                       "functie": "intern_begeleider", "schoolId": school}),
            )
            .await,
        ));
    }
    app.post(
        &format!("/api/v1/bijeenkomsten/{bk}/aanwezigheid"),
        &t,
        json!({"aanmeldingIds": regs, "aanwezig": true}),
    )
    .await
    .assert(200);

    // Registrations: the list, one registration and the export.
    let base = format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen");
    assert_eq!(names(&app.get(&base, &t).await).len(), 3);
    assert_eq!(names(&app.get(&base, &c).await), vec!["Anna"]);
    app.get(&format!("{base}/{}", regs[0]), &c)
        .await
        .assert(200);
    for hidden in &regs[1..] {
        app.get(&format!("{base}/{hidden}"), &c).await.assert(404);
    }
    let export = csv(&app, &base, &c).await;
    assert!(export.contains("anna@school.example"), "{export}");
    assert!(
        !export.contains("bram@") && !export.contains("cor@"),
        "{export}"
    );

    // Figures count only over the client's schools.
    let opkomst = |r: Resp| -> (Value, Value) {
        r.assert(200);
        (r.body["aangemeld"].clone(), r.body["aanwezig"].clone())
    };
    let path = format!("/api/v1/bijeenkomsten/{bk}/opkomst");
    assert_eq!(opkomst(app.get(&path, &t).await), (json!(3), json!(3)));
    assert_eq!(opkomst(app.get(&path, &c).await), (json!(1), json!(1)));
    let stats = "/api/v1/bijeenkomsten/statistieken?schooljaar=2022-2023";
    let all = app.get(stats, &t).await;
    let own = app.get(stats, &c).await;
    own.assert(200);
    assert_eq!(all.body["totaal"]["aanwezig"], 3);
    assert_eq!(own.body["totaal"]["aanwezig"], 1, "{}", own.body);
    let besturen: Vec<&Value> = own.body["perSchoolbestuur"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(besturen.len(), 1, "{}", own.body);
    assert_eq!(besturen[0]["aanwezig"], 1);
    let bereik = "/api/v1/bijeenkomsten/bereik?schooljaar=2022-2023";
    let own = app.get(bereik, &c).await;
    own.assert(200);
    let scholen: Vec<&str> = own.body["scholen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["naam"].as_str().unwrap())
        .collect();
    assert_eq!(scholen, vec!["School in Haarlem"], "{}", own.body);
    let export = csv(&app, bereik, &c).await;
    assert!(!export.contains("Bloemendaal"), "{export}");
}

both_backends!(a_gemeente_client_sees_only_its_gemeenten);
