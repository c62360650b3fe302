use crate::common::{
    assert_etag_flow, assert_exports, assert_invalid, assert_list_paging, assert_org_roles,
    assert_other_swv_hidden, assert_problem, assert_sorted, gemeente, ids, schoolbestuur,
    with_if_match, TestApp,
};
use actix_web::http::Method;
use serde_json::{json, Value};

const SB: &str = "/api/v1/schoolbesturen";

fn sb(naam: &str, nummer: &str) -> Value {
    json!({"naam": naam, "bevoegdGezagNummer": nummer})
}

async fn crud(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app.post(SB, &t, sb("Stichting Spaarnesant", "41590")).await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    let item = format!("{SB}/{id}");
    assert_eq!(r.header("location").as_deref(), Some(item.as_str()));
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(r.body["naam"], "Stichting Spaarnesant");
    assert_eq!(r.body["bevoegdGezagNummer"], "41590");
    assert_eq!(r.body["versie"], 1);
    assert!(r.body["createdAt"].as_str().unwrap().ends_with('Z'));
    assert_eq!(r.body["createdAt"], r.body["updatedAt"]);
    let created = r.body.clone();

    let r = app.get(&item, &t).await;
    r.assert(200);
    assert_eq!(r.body, created);
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));

    let r = app.get(SB, &t).await;
    r.assert(200);
    assert_eq!(
        r.body,
        json!({"items": [created], "page": 1, "pageSize": 50, "total": 1})
    );

    let r = app
        .put(&item, &t, sb("Stichting Spaarnesant Haarlem", "41591"))
        .await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(
        (r.body["naam"].clone(), r.body["bevoegdGezagNummer"].clone()),
        (json!("Stichting Spaarnesant Haarlem"), json!("41591"))
    );
    assert_eq!(r.body["versie"], 2);
    assert_eq!(r.body["id"], id.as_str());
    assert_eq!(r.body["createdAt"], created["createdAt"]);

    // A merge patch changes only the fields it names.
    let r = app.patch(&item, &t, json!({"naam": "Spaarnesant"})).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"3\""));
    assert_eq!(r.body["naam"], "Spaarnesant");
    assert_eq!(r.body["bevoegdGezagNummer"], "41591");
    assert_eq!(r.body["versie"], 3);
    assert_eq!(app.get(&item, &t).await.body, r.body);

    app.delete(&item, &t).await.assert(204);
    assert_problem(&app.get(&item, &t).await, 404);
    assert_problem(&app.delete(&item, &t).await, 404);
    assert_problem(&app.put(&item, &t, sb("X", "12345")).await, 404);
    assert_eq!(app.get(SB, &t).await.body["total"], 0);
}

async fn validation(app: TestApp) {
    let t = app.token("beheerder").await;
    let long = "x".repeat(201);
    for (body, field) in [
        (sb("", "41590"), "naam"),
        (sb("   ", "41590"), "naam"),
        (sb(&long, "41590"), "naam"),
        (json!({"naam": 12, "bevoegdGezagNummer": "41590"}), "naam"),
        (sb("Stichting\u{0007}Bel", "41590"), "naam"),
        (sb("Stichting\u{0000}", "41590"), "naam"),
        (sb("Stichting", "4159"), "bevoegdGezagNummer"),
        (sb("Stichting", "415900"), "bevoegdGezagNummer"),
        (sb("Stichting", "41a90"), "bevoegdGezagNummer"),
        (sb("Stichting", " 41590"), "bevoegdGezagNummer"),
        (sb("Stichting", ""), "bevoegdGezagNummer"),
        (
            json!({"naam": "Stichting", "bevoegdGezagNummer": 41590}),
            "bevoegdGezagNummer",
        ),
        (
            json!({"naam": "Stichting", "bevoegdGezagNummer": null}),
            "bevoegdGezagNummer",
        ),
        (
            json!({"naam": "Stichting", "bevoegdGezagNummer": "41590", "nummer": "1"}),
            "nummer",
        ),
        (
            json!({"naam": "Stichting", "bevoegdGezagNummer": "41590", "samenwerkingsverbandId": app.other.id}),
            "samenwerkingsverbandId",
        ),
    ] {
        let r = app.post(SB, &t, body.clone()).await;
        assert_invalid(&r, field);
        assert!(!r.body.to_string().contains("SQL"), "{}", r.body);
    }
    // Every missing field is reported at once.
    let r = app.post(SB, &t, json!({})).await;
    assert_problem(&r, 400);
    let mut names = r.invalid();
    names.sort();
    assert_eq!(names, ["bevoegdGezagNummer", "naam"]);
    let r = app.post(SB, &t, json!({"nam": "Typo"})).await;
    let mut names = r.invalid();
    names.sort();
    assert_eq!(names, ["bevoegdGezagNummer", "naam", "nam"]);
    assert_problem(&app.post(SB, &t, json!(["naam"])).await, 400);
    assert_eq!(
        app.get(SB, &t).await.body["total"],
        0,
        "an invalid body created a record"
    );

    // The limits themselves are allowed; a tab is no forbidden control character.
    let max = "x".repeat(200);
    app.post(SB, &t, sb(&max, "00001")).await.assert(201);
    let id = schoolbestuur(&app, &t, "Stichting\tOnderwijs", "41590").await;
    let item = format!("{SB}/{id}");

    // GET, change, PUT: the read-only fields are ignored, even with other values.
    let mut doc = app.get(&item, &t).await.body;
    doc["naam"] = json!("Stichting Onderwijs\tHaarlem");
    let r = app.put(&item, &t, doc.clone()).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Stichting Onderwijs\tHaarlem");
    assert_eq!(r.body["versie"], 2);
    doc["id"] = json!(uuid::Uuid::new_v4());
    doc["versie"] = json!(99);
    doc["createdAt"] = json!("2001-01-01T00:00:00Z");
    doc["updatedAt"] = json!("2001-01-01T00:00:00Z");
    let r = app.put(&item, &t, doc).await;
    r.assert(200);
    assert_eq!(r.body["id"], id.as_str());
    assert_eq!(r.body["versie"], 3);
    assert_ne!(r.body["createdAt"], "2001-01-01T00:00:00Z");
    let saved = r.body.clone();

    // The same rules hold for PUT and PATCH, and a refused change leaves the record alone.
    assert_invalid(
        &app.put(&item, &t, sb("Stichting", "123")).await,
        "bevoegdGezagNummer",
    );
    assert_invalid(
        &app.put(&item, &t, json!({"naam": "Stichting"})).await,
        "bevoegdGezagNummer",
    );
    assert_invalid(
        &app.patch(&item, &t, json!({"bevoegdGezagNummer": "1234567"}))
            .await,
        "bevoegdGezagNummer",
    );
    assert_invalid(&app.patch(&item, &t, json!({"naam": " "})).await, "naam");
    assert_invalid(&app.patch(&item, &t, json!({"naam": null})).await, "naam");
    assert_invalid(
        &app.patch(&item, &t, json!({"naam": "A\u{001b}B"})).await,
        "naam",
    );
    assert_invalid(
        &app.patch(&item, &t, json!({"onbekend": true})).await,
        "onbekend",
    );
    // PATCH takes application/merge-patch+json only.
    let r = app
        .request(
            Method::PATCH,
            &item,
            Some(&t),
            Some(json!({"naam": "Nieuw"})),
            &[],
        )
        .await;
    assert_problem(&r, 415);
    let r = app
        .request(
            Method::PATCH,
            &item,
            Some(&t),
            Some(json!({"naam": "Nieuw"})),
            &[("content-type", "text/plain")],
        )
        .await;
    assert_problem(&r, 415);
    assert_eq!(app.get(&item, &t).await.body, saved);
}

async fn uniqueness(app: TestApp) {
    let t = app.token("beheerder").await;
    let a = schoolbestuur(&app, &t, "Stichting A", "41590").await;
    let r = app.post(SB, &t, sb("Stichting B", "41590")).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["bevoegdGezagNummer"]);
    assert!(
        !r.body.to_string().to_lowercase().contains("constraint"),
        "{}",
        r.body
    );
    // Another SWV may use the same number.
    let other = app.login(&app.other.beheerder).await;
    app.post(SB, &other, sb("Stichting B", "41590"))
        .await
        .assert(201);
    // Changing a number into one in use is refused too.
    let b = schoolbestuur(&app, &t, "Stichting B", "41591").await;
    let item = format!("{SB}/{b}");
    let r = app.put(&item, &t, sb("Stichting B", "41590")).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["bevoegdGezagNummer"]);
    let r = app
        .patch(&item, &t, json!({"bevoegdGezagNummer": "41590"}))
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["bevoegdGezagNummer"]);
    let r = app.get(&item, &t).await;
    assert_eq!(
        (
            r.body["bevoegdGezagNummer"].clone(),
            r.body["versie"].clone()
        ),
        (json!("41591"), json!(1))
    );
    let r = app.get(SB, &t).await;
    assert_eq!(r.body["total"], 2);
    assert!(ids(&r).contains(&a));
    // Keeping one's own number is no conflict.
    app.put(&item, &t, sb("Stichting B2", "41591"))
        .await
        .assert(200);
}

async fn tenancy(app: TestApp) {
    let other = app.login(&app.other.beheerder).await;
    let theirs = schoolbestuur(&app, &other, "Stichting Noord", "11111").await;
    let t = app.token("beheerder").await;
    schoolbestuur(&app, &t, "Stichting Zuid", "22222").await;
    assert_other_swv_hidden(&app, "schoolbesturen", &theirs, sb("Overgenomen", "33333")).await;
    let r = app.get(&format!("{SB}?bevoegdGezagNummer=11111"), &t).await;
    r.assert(200);
    assert_eq!(r.body["total"], 0);
    let r = app.get(&format!("{SB}?q=noord"), &t).await;
    assert_eq!(r.body["total"], 0);
    let r = app.get(SB, &other).await;
    assert_eq!(ids(&r), [theirs]);
}

async fn roles(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590").await;
    assert_org_roles(&app, "schoolbesturen", &id, sb("Stichting Nieuw", "55555")).await;
}

async fn etag(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590").await;
    assert_etag_flow(
        &app,
        "schoolbesturen",
        &id,
        sb("Stichting Spaarnesant", "41591"),
        json!({"naam": "Spaarnesant"}),
    )
    .await;
}

async fn lists(app: TestApp) {
    let t = app.token("beheerder").await;
    // Created out of order; each field sorts differently.
    let c = schoolbestuur(&app, &t, "Stichting Cedrus", "30000").await;
    let a = schoolbestuur(&app, &t, "Stichting Atlas", "50000").await;
    let d = schoolbestuur(&app, &t, "Stichting Delta 100% Onderwijs", "10000").await;
    let b = schoolbestuur(&app, &t, "Stichting Boog_Onderwijs", "20000").await;
    // The last change goes to Cedrus, so updatedAt differs from createdAt.
    app.patch(
        &format!("{SB}/{c}"),
        &t,
        json!({"naam": "Stichting Cedrus"}),
    )
    .await
    .assert(200);
    assert_list_paging(&app, "schoolbesturen", 4).await;
    let s = |v: &[&String]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let r = app.get(SB, &t).await;
    assert_eq!(ids(&r), s(&[&a, &b, &c, &d]), "default sort is naam");
    assert_sorted(&app, &t, "schoolbesturen", "naam", &s(&[&a, &b, &c, &d])).await;
    assert_sorted(
        &app,
        &t,
        "schoolbesturen",
        "bevoegdGezagNummer",
        &s(&[&d, &b, &c, &a]),
    )
    .await;
    assert_sorted(
        &app,
        &t,
        "schoolbesturen",
        "createdAt",
        &s(&[&c, &a, &d, &b]),
    )
    .await;
    assert_sorted(
        &app,
        &t,
        "schoolbesturen",
        "updatedAt",
        &s(&[&a, &d, &b, &c]),
    )
    .await;

    let r = app.get(&format!("{SB}?bevoegdGezagNummer=20000"), &t).await;
    r.assert(200);
    assert_eq!(
        (ids(&r), r.body["total"].clone()),
        (vec![b.clone()], json!(1))
    );
    let r = app.get(&format!("{SB}?bevoegdGezagNummer=99999"), &t).await;
    assert_eq!((ids(&r), r.body["total"].clone()), (vec![], json!(0)));

    // q: case-insensitive, in naam and number; % and _ are plain characters.
    for (q, expected) in [
        ("ATLAS", vec![&a]),
        ("stichting", vec![&a, &b, &c, &d]),
        ("300", vec![&c]),
        ("%25", vec![&d]),
        ("_", vec![&b]),
        ("g_O", vec![&b]),
        ("0%25%20o", vec![&d]),
        ("%5C", vec![]),
        ("geen%20treffer", vec![]),
    ] {
        let r = app.get(&format!("{SB}?q={q}"), &t).await;
        r.assert(200);
        assert_eq!(ids(&r), s(&expected), "q={q}");
        assert_eq!(r.body["total"], expected.len(), "q={q}");
    }
    let r = app
        .get(&format!("{SB}?q=stichting&pageSize=1&sort=-naam"), &t)
        .await;
    assert_eq!(
        (ids(&r), r.body["total"].clone()),
        (vec![d.clone()], json!(4))
    );
    assert_invalid(&app.get(&format!("{SB}?soort=bao"), &t).await, "soort");
}

async fn delete_in_use(app: TestApp) {
    let t = app.token("beheerder").await;
    let g = gemeente(&app, "0392", "Haarlem").await;
    let id = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590").await;
    let item = format!("{SB}/{id}");
    let r = app
        .post(
            "/api/v1/scholen",
            &t,
            json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": id, "gemeenteId": g}),
        )
        .await;
    r.assert(201);
    let school = r.body["id"].as_str().unwrap().to_string();
    let r = app.delete(&item, &t).await;
    assert_problem(&r, 409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("scholen"),
        "the 409 says what refers to it: {}",
        r.body
    );
    assert_problem(
        &with_if_match(&app, Method::DELETE, &item, &t, None, "*").await,
        409,
    );
    let r = app.get(&item, &t).await;
    r.assert(200);
    assert_eq!(r.body["versie"], 1);
    app.delete(&format!("/api/v1/scholen/{school}"), &t)
        .await
        .assert(204);
    app.delete(&item, &t).await.assert(204);
    assert_problem(&app.get(&item, &t).await, 404);
}

async fn exports(app: TestApp) {
    let t = app.token("beheerder").await;
    let mut all = Vec::new();
    for i in 0..5 {
        all.push(schoolbestuur(&app, &t, &format!("Stichting {i}"), &format!("4159{i}")).await);
    }
    let other = app.login(&app.other.beheerder).await;
    schoolbestuur(&app, &other, "Stichting Noord", "41599").await;
    let header = "id;naam;bevoegdGezagNummer;createdAt;updatedAt;versie";
    let rows = assert_exports(&app, "schoolbesturen", "pageSize=2", &all, header).await;
    let first = app.get(&format!("{SB}/{}", all[0]), &t).await.body;
    assert_eq!(
        rows[0],
        format!(
            "{};Stichting 0;41590;{};{};1",
            all[0],
            first["createdAt"].as_str().unwrap(),
            first["updatedAt"].as_str().unwrap()
        )
    );
    assert_exports(
        &app,
        "schoolbesturen",
        "q=stichting%203",
        &all[3..4],
        header,
    )
    .await;
    assert_exports(
        &app,
        "schoolbesturen",
        "sort=-naam",
        &all.iter().rev().cloned().collect::<Vec<_>>(),
        header,
    )
    .await;
    assert_exports(&app, "schoolbesturen", "q=geen-treffer", &[], header).await;
    let r = app
        .request(
            Method::GET,
            &format!("{SB}?sort=foo"),
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    assert_invalid(&r, "sort");
}

both_backends!(
    crud,
    validation,
    uniqueness,
    tenancy,
    roles,
    etag,
    lists,
    delete_in_use,
    exports
);
