//! The consulent's worklist: every kind of item that waits for her, only from her own schools,
//! contacts, activities and portefeuilles, by due date; audited, and not for lezers.

use chrono::{Duration, NaiveDate};
use serde_json::{json, Value};

use crate::common::{assert_problem, gemeente, schoolbestuur, Resp, TestApp};

fn id(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

fn today() -> NaiveDate {
    koers::domain::time::today()
}

fn ago(days: i64) -> String {
    (today() - Duration::days(days)).to_string()
}

async fn a_consulent_sees_what_waits_for_her(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let t = app.token("consulent").await;
    let me = app.get("/api/v1/auth/me", &t).await.body["id"]
        .as_str()
        .unwrap()
        .to_string();
    let g = gemeente(&app, "0392", "Haarlem").await;
    let b = schoolbestuur(&app, &beheerder, "Stichting Spaarnesant", "41590").await;
    let school = |naam: &'static str, brin: &'static str, consulent: Value| {
        app.post(
            "/api/v1/scholen",
            &beheerder,
            json!({"naam": naam, "brin": brin, "soort": "bao", "schoolbestuurId": b, "gemeenteId": g, "consulentId": consulent}),
        )
    };
    let mijn = id(&school("De Aquarel", "11AA00", json!(me)).await);
    let andere = id(&school("De Boomgaard", "12BB00", Value::Null).await);
    let pupil = |referentie: &'static str, school: String| {
        app.post(
            "/api/v1/leerlingen",
            &t,
            json!({"referentie": referentie, "geboortemaand": "2014-03", "geslacht": "meisje",
                   "woongemeenteId": g, "schoolId": school, "leerjaar": 5}),
        )
    };
    let p1 = id(&pupil("ZK-W001", mijn.clone()).await);
    let p2 = id(&pupil("ZK-W002", andere.clone()).await);

    // Contacts: one follow-up due yesterday, one tomorrow, one done.
    let contact = |vervolg: String, gedaan: bool| {
        app.post(
            "/api/v1/schoolcontacten",
            &t,
            json!({"schoolId": mijn, "datum": ago(30), "soort": "consultatie", "onderwerp": "Groep 7",
                   "vervolgOp": vervolg, "vervolgGedaan": gedaan}),
        )
    };
    let due = id(&contact(ago(1), false).await);
    id(&contact(ago(-1), false).await);
    id(&contact(ago(2), true).await);

    // TLV requests: one from her school, one from another.
    let tlv = |leerling: &String, school: &String| {
        app.post(
            "/api/v1/toelaatbaarheidsverklaringen",
            &t,
            json!({"leerlingId": leerling, "schoolVanHerkomstId": school, "soort": "sbo", "aanvraag": "nieuw", "ontvangenOp": ago(10)}),
        )
    };
    let hare = id(&tlv(&p1, &mijn).await);
    id(&tlv(&p2, &andere).await);

    // Thuiszitters: her pupil, no perspective, not updated for 50 days; another school's.
    let case = id(&app
        .post(
            "/api/v1/thuiszitters",
            &t,
            json!({"leerlingId": p1, "startdatum": ago(50), "categorie": "absoluut_verzuim"}),
        )
        .await);
    id(&app
        .post(
            "/api/v1/thuiszitters",
            &t,
            json!({"leerlingId": p2, "startdatum": ago(50), "categorie": "absoluut_verzuim"}),
        )
        .await);

    // An activity of a past year she is responsible for, not evaluated, with a meeting held
    // and registrations but no attendance.
    let plan = id(&app
        .post(
            "/api/v1/ondersteuningsplannen",
            &t,
            json!({"titel": "2022-2026", "vanJaar": 2022, "totJaar": 2026}),
        )
        .await);
    let ambitie = id(&app
        .post(
            "/api/v1/ambities",
            &t,
            json!({"ondersteuningsplanId": plan, "nummer": 1, "titel": "Thuisnabij onderwijs"}),
        )
        .await);
    let jaar = id(&app
        .post(
            "/api/v1/activiteitenplannen",
            &t,
            json!({"ondersteuningsplanId": plan, "schooljaar": "2022-2023"}),
        )
        .await);
    let activiteit = id(&app
        .post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": jaar, "ambitieId": ambitie, "omschrijving": "IB-netwerk", "verantwoordelijkeId": me}),
        )
        .await);
    let bk = id(&app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "IB-netwerk maart", "soort": "netwerk", "start": "2023-03-09T09:00:00Z",
                   "eind": "2023-03-09T12:00:00Z", "activiteitId": activiteit}),
        )
        .await);
    id(&app
        .post(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"),
            &t,
            json!({"naam": "Anna de Vries", "email": "anna@school.example", "functie": "intern_begeleider"}),
        )
        .await);

    let r = app.get("/api/v1/werkvoorraad?pageSize=200", &t).await;
    r.assert(200);
    let items = r.body["items"].as_array().unwrap();
    let soorten: Vec<&str> = items.iter().map(|i| i["soort"].as_str().unwrap()).collect();
    let mut kinds = soorten.clone();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "activiteit_evaluatie",
            "bijeenkomst_aanwezigheid",
            "schoolcontact_vervolg",
            "thuiszitter_perspectief",
            "thuiszitter_stil",
            "tlv_advies",
            "tlv_termijn"
        ],
        "{items:?}"
    );
    let dates: Vec<&str> = items.iter().map(|i| i["datum"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "by due date");
    let of = |soort: &str| items.iter().find(|i| i["soort"] == soort).unwrap().clone();
    assert_eq!(
        of("schoolcontact_vervolg")["link"],
        format!("/schoolcontacten/{due}")
    );
    assert_eq!(
        of("tlv_termijn")["link"],
        format!("/toelaatbaarheidsverklaringen/{hare}")
    );
    assert_eq!(of("tlv_termijn")["referentie"], "ZK-W001");
    assert_eq!(
        of("thuiszitter_perspectief")["link"],
        format!("/thuiszitters/{case}")
    );
    assert_eq!(of("thuiszitter_perspectief")["datum"], ago(50));
    assert_eq!(of("thuiszitter_stil")["datum"], ago(8));
    assert_eq!(of("activiteit_evaluatie")["datum"], "2023-07-31");
    assert_eq!(of("bijeenkomst_aanwezigheid")["datum"], "2023-03-09");

    // A perspective and a fresh entry take the case off the list; the follow-up done too.
    app.post(
        &format!("/api/v1/thuiszitters/{case}/verloop"),
        &t,
        json!({"vanaf": ago(0), "categorie": "absoluut_verzuim", "perspectief": "in_gesprek"}),
    )
    .await
    .assert(201);
    app.patch(
        &format!("/api/v1/schoolcontacten/{due}"),
        &t,
        json!({"vervolgGedaan": true}),
    )
    .await
    .assert(200);
    let r = app.get("/api/v1/werkvoorraad?sort=-datum", &t).await;
    assert_eq!(r.body["total"], 4, "{}", r.body);
    assert_eq!(
        r.body["items"][0]["soort"], "tlv_termijn",
        "latest due first"
    );

    // Another consulent's list is her own; the reads are audited; lezers get nothing.
    let trail = app
        .get(
            &format!("/api/v1/auditregels?leerlingId={p1}&pageSize=200"),
            &beheerder,
        )
        .await;
    assert!(trail.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["pad"].as_str().unwrap().starts_with("/werkvoorraad")));
    let r = app.get("/api/v1/werkvoorraad", &beheerder).await;
    assert_eq!(
        r.body["total"], 0,
        "the beheerder has no schools or contacts of her own"
    );
    assert_problem(
        &app.get("/api/v1/werkvoorraad", &app.token("lezer").await)
            .await,
        403,
    );
}

both_backends!(a_consulent_sees_what_waits_for_her);
