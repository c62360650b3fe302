use crate::common::{
    assert_etag_flow, assert_exports, assert_invalid, assert_list_paging, assert_org_roles,
    assert_other_swv_hidden, assert_problem, assert_sorted, gemeente, ids, schoolbestuur,
    werkgebied, with_if_match, TestApp,
};
use actix_web::http::Method;
use serde_json::json;

const WG: &str = "/api/v1/werkgebieden";

async fn crud(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app.post(WG, &t, json!({"naam": "Haarlem-Noord"})).await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    let item = format!("{WG}/{id}");
    assert_eq!(r.header("location").as_deref(), Some(item.as_str()));
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(
        (r.body["naam"].clone(), r.body["versie"].clone()),
        (json!("Haarlem-Noord"), json!(1))
    );
    assert!(r.body["createdAt"].as_str().unwrap().ends_with('Z'));
    let created = r.body.clone();

    let r = app.get(&item, &t).await;
    r.assert(200);
    assert_eq!(r.body, created);
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    let r = app.get(WG, &t).await;
    r.assert(200);
    assert_eq!(
        r.body,
        json!({"items": [created], "page": 1, "pageSize": 50, "total": 1})
    );

    let r = app.put(&item, &t, json!({"naam": "Haarlem-Zuid"})).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(
        (r.body["naam"].clone(), r.body["versie"].clone()),
        (json!("Haarlem-Zuid"), json!(2))
    );
    assert_eq!(
        (r.body["id"].clone(), r.body["createdAt"].clone()),
        (created["id"].clone(), created["createdAt"].clone())
    );

    let r = app.patch(&item, &t, json!({"naam": "Haarlem-Oost"})).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"3\""));
    assert_eq!(
        (r.body["naam"].clone(), r.body["versie"].clone()),
        (json!("Haarlem-Oost"), json!(3))
    );
    // An empty merge patch changes nothing but is a valid write.
    let r = app.patch(&item, &t, json!({})).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Haarlem-Oost");
    assert_eq!(app.get(&item, &t).await.body, r.body);

    app.delete(&item, &t).await.assert(204);
    assert_problem(&app.get(&item, &t).await, 404);
    assert_problem(&app.delete(&item, &t).await, 404);
    assert_problem(&app.patch(&item, &t, json!({"naam": "Terug"})).await, 404);
    assert_eq!(app.get(WG, &t).await.body["total"], 0);
}

async fn validation(app: TestApp) {
    let t = app.token("beheerder").await;
    let long = "x".repeat(201);
    for (body, field) in [
        (json!({"naam": ""}), "naam"),
        (json!({"naam": " \t "}), "naam"),
        (json!({"naam": long}), "naam"),
        (json!({"naam": null}), "naam"),
        (json!({"naam": ["Noord"]}), "naam"),
        (json!({"naam": "Noord\u{0008}"}), "naam"),
        (json!({"naam": "Noord\u{007f}"}), "naam"),
        (json!({"naam": "Noord", "code": "N"}), "code"),
        (json!({}), "naam"),
    ] {
        assert_invalid(&app.post(WG, &t, body).await, field);
    }
    let r = app
        .post(WG, &t, json!({"omschrijving": "x", "budget": 1}))
        .await;
    let mut names = r.invalid();
    names.sort();
    assert_eq!(names, ["budget", "naam", "omschrijving"]);
    assert_eq!(
        app.get(WG, &t).await.body["total"],
        0,
        "an invalid body created a record"
    );

    app.post(WG, &t, json!({"naam": "x".repeat(200)}))
        .await
        .assert(201);
    let id = werkgebied(&app, &t, "Noord").await;
    let item = format!("{WG}/{id}");
    // GET, change, PUT: read-only fields are ignored, whatever their values.
    let mut doc = app.get(&item, &t).await.body;
    doc["naam"] = json!("Noord-Kennemerland");
    doc["versie"] = json!(7);
    doc["id"] = json!(uuid::Uuid::new_v4());
    let r = app.put(&item, &t, doc).await;
    r.assert(200);
    assert_eq!(
        (
            r.body["id"].clone(),
            r.body["naam"].clone(),
            r.body["versie"].clone()
        ),
        (json!(id), json!("Noord-Kennemerland"), json!(2))
    );
    let saved = r.body.clone();

    assert_invalid(&app.put(&item, &t, json!({})).await, "naam");
    assert_invalid(
        &app.put(&item, &t, json!({"naam": "Noord", "extra": 1}))
            .await,
        "extra",
    );
    assert_invalid(&app.patch(&item, &t, json!({"naam": ""})).await, "naam");
    assert_invalid(&app.patch(&item, &t, json!({"naam": null})).await, "naam");
    assert_invalid(
        &app.patch(&item, &t, json!({"naam": "A\u{0001}"})).await,
        "naam",
    );
    assert_invalid(&app.patch(&item, &t, json!({"nam": "Typo"})).await, "nam");
    let r = app
        .request(
            Method::PATCH,
            &item,
            Some(&t),
            Some(json!({"naam": "Zuid"})),
            &[("content-type", "application/json")],
        )
        .await;
    assert_problem(&r, 415);
    assert_eq!(
        app.get(&item, &t).await.body,
        saved,
        "a refused change altered the record"
    );
}

async fn uniqueness(app: TestApp) {
    let t = app.token("beheerder").await;
    werkgebied(&app, &t, "Noord").await;
    let r = app.post(WG, &t, json!({"naam": "Noord"})).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["naam"]);
    // Surrounding spaces do not make a new name.
    let r = app.post(WG, &t, json!({"naam": "  Noord "})).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["naam"]);
    let other = app.login(&app.other.beheerder).await;
    app.post(WG, &other, json!({"naam": "Noord"}))
        .await
        .assert(201);
    let zuid = werkgebied(&app, &t, "Zuid").await;
    let item = format!("{WG}/{zuid}");
    let r = app.put(&item, &t, json!({"naam": "Noord"})).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["naam"]);
    let r = app.patch(&item, &t, json!({"naam": "Noord"})).await;
    assert_problem(&r, 409);
    let r = app.get(&item, &t).await;
    assert_eq!(
        (r.body["naam"].clone(), r.body["versie"].clone()),
        (json!("Zuid"), json!(1))
    );
    assert_eq!(app.get(WG, &t).await.body["total"], 2);
}

async fn tenancy(app: TestApp) {
    let other = app.login(&app.other.beheerder).await;
    let theirs = werkgebied(&app, &other, "Kennemerland").await;
    let t = app.token("beheerder").await;
    werkgebied(&app, &t, "Zuid-Kennemerland").await;
    assert_other_swv_hidden(
        &app,
        "werkgebieden",
        &theirs,
        json!({"naam": "Overgenomen"}),
    )
    .await;
    let r = app.get(&format!("{WG}?q=kennemerland"), &t).await;
    assert_eq!(r.body["total"], 1);
    assert!(!ids(&r).contains(&theirs));
    assert_eq!(ids(&app.get(WG, &other).await), [theirs]);
}

async fn roles(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = werkgebied(&app, &t, "Noord").await;
    assert_org_roles(&app, "werkgebieden", &id, json!({"naam": "Zuid"})).await;
}

async fn etag(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = werkgebied(&app, &t, "Noord").await;
    assert_etag_flow(
        &app,
        "werkgebieden",
        &id,
        json!({"naam": "Noord-West"}),
        json!({"naam": "Noord-Oost"}),
    )
    .await;
}

async fn lists(app: TestApp) {
    let t = app.token("beheerder").await;
    let c = werkgebied(&app, &t, "Centrum").await;
    let a = werkgebied(&app, &t, "Amstelland 50% regio").await;
    let d = werkgebied(&app, &t, "Duinstreek").await;
    let b = werkgebied(&app, &t, "Bollen_streek").await;
    app.patch(
        &format!("{WG}/{a}"),
        &t,
        json!({"naam": "Amstelland 50% regio"}),
    )
    .await
    .assert(200);
    assert_list_paging(&app, "werkgebieden", 4).await;
    let s = |v: &[&String]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ids(&app.get(WG, &t).await),
        s(&[&a, &b, &c, &d]),
        "default sort is naam"
    );
    assert_sorted(&app, &t, "werkgebieden", "naam", &s(&[&a, &b, &c, &d])).await;
    assert_sorted(&app, &t, "werkgebieden", "createdAt", &s(&[&c, &a, &d, &b])).await;
    assert_sorted(&app, &t, "werkgebieden", "updatedAt", &s(&[&c, &d, &b, &a])).await;
    for (q, expected) in [
        ("DUIN", vec![&d]),
        ("streek", vec![&b, &d]),
        ("%25", vec![&a]),
        ("_", vec![&b]),
        ("n_s", vec![&b]),
        ("d%25", vec![]),
        ("e", vec![&a, &b, &c, &d]),
    ] {
        let r = app.get(&format!("{WG}?q={q}"), &t).await;
        r.assert(200);
        assert_eq!(ids(&r), s(&expected), "q={q}");
        assert_eq!(r.body["total"], expected.len(), "q={q}");
    }
    // Werkgebieden have no field filters.
    assert_invalid(&app.get(&format!("{WG}?naam=Centrum"), &t).await, "naam");
    assert_invalid(
        &app.get(&format!("{WG}?sort=bevoegdGezagNummer"), &t).await,
        "sort",
    );
}

async fn delete_in_use(app: TestApp) {
    let t = app.token("beheerder").await;
    let g = gemeente(&app, "0392", "Haarlem").await;
    let b = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590").await;
    let id = werkgebied(&app, &t, "Noord").await;
    let item = format!("{WG}/{id}");
    let r = app
        .post(
            "/api/v1/scholen",
            &t,
            json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g, "werkgebiedId": id}),
        )
        .await;
    r.assert(201);
    let school = format!("/api/v1/scholen/{}", r.body["id"].as_str().unwrap());
    let r = app.delete(&item, &t).await;
    assert_problem(&r, 409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("scholen"),
        "the 409 says what refers to it: {}",
        r.body
    );
    assert_problem(
        &with_if_match(&app, Method::DELETE, &item, &t, None, "\"1\"").await,
        409,
    );
    let r = app.get(&item, &t).await;
    r.assert(200);
    assert_eq!(r.body["versie"], 1);
    // Once no school refers to it any more, it can go.
    let r = app.patch(&school, &t, json!({"werkgebiedId": null})).await;
    r.assert(200);
    assert_eq!(r.body["werkgebiedId"], serde_json::Value::Null);
    app.delete(&item, &t).await.assert(204);
    assert_problem(&app.get(&item, &t).await, 404);
    app.get(&school, &t).await.assert(200);
}

async fn exports(app: TestApp) {
    let t = app.token("beheerder").await;
    let mut all = Vec::new();
    for naam in ["Amstel", "Bollen", "Duin; \"kust\"", "Gooi"] {
        all.push(werkgebied(&app, &t, naam).await);
    }
    let other = app.login(&app.other.beheerder).await;
    werkgebied(&app, &other, "Noord").await;
    let header = "id;naam;createdAt;updatedAt;versie";
    let rows = assert_exports(&app, "werkgebieden", "pageSize=1&page=2", &all, header).await;
    // A value with the separator or quotes is quoted as CSV does it.
    assert!(
        rows[2].starts_with(&format!("{};\"Duin; \"\"kust\"\"\";", all[2])),
        "{}",
        rows[2]
    );
    assert!(rows[0].ends_with(";1"), "{}", rows[0]);
    assert_exports(
        &app,
        "werkgebieden",
        "q=o&sort=-naam",
        &[all[3].clone(), all[1].clone()],
        header,
    )
    .await;
    assert_exports(&app, "werkgebieden", "q=niets", &[], header).await;
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
