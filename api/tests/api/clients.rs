use crate::common::{gemeente, served_gemeente, Resp, TestApp};
use actix_web::http::Method;
use actix_web::test::TestRequest;
use serde_json::{json, Value};

fn path(id: &str) -> String {
    format!("/api/v1/clients/{id}")
}

fn id_of(r: &Resp) -> String {
    r.body["id"].as_str().unwrap().to_string()
}

async fn client_token(app: &TestApp, client_id: &str, secret: &str) -> Resp {
    let req = TestRequest::post()
        .uri("/api/v1/auth/token")
        .peer_addr("10.1.2.3:4567".parse().unwrap())
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .set_payload(format!(
            "grant_type=client_credentials&client_id={client_id}&client_secret={secret}"
        ))
        .to_request();
    app.send(req).await
}

fn names(r: &Resp) -> Vec<String> {
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["naam"].as_str().unwrap().to_string())
        .collect()
}

async fn create_read_update_delete(app: TestApp) {
    let t = app.token("beheerder").await;
    let haarlem = served_gemeente(&app, "0392", "Haarlem").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "Gemeente Haarlem", "scopes": ["jop:read"], "gemeenteIds": [haarlem]}),
        )
        .await;
    r.assert(201);
    let id = id_of(&r);
    assert_eq!(r.header("location").unwrap(), path(&id));
    assert_eq!(r.header("etag").unwrap(), "\"1\"");
    assert!(r.body["clientId"].as_str().unwrap().starts_with("kc_"));
    assert!(r.body["clientSecret"]
        .as_str()
        .is_some_and(|s| s.len() >= 32));
    assert_eq!(r.body["scopes"], json!(["jop:read"]));
    assert_eq!(r.body["gemeenteIds"], json!([haarlem]));
    assert_eq!(r.body["samenwerkingsverbandId"], app.swv.id.to_string());
    assert_eq!(r.body["actief"], true);
    assert_eq!(r.body["versie"], 1);
    let client_id = r.body["clientId"].as_str().unwrap().to_string();

    let g = app.get(&path(&id), &t).await;
    g.assert(200);
    assert_eq!(g.header("etag").unwrap(), "\"1\"");
    assert_eq!(g.body["clientId"], client_id.as_str());
    assert!(g.body.get("clientSecret").is_none());
    for key in [
        "id",
        "naam",
        "clientId",
        "scopes",
        "gemeenteIds",
        "samenwerkingsverbandId",
        "actief",
        "createdAt",
        "updatedAt",
        "versie",
    ] {
        assert!(g.body.get(key).is_some(), "{key} missing");
    }

    let list = app.get("/api/v1/clients", &t).await;
    list.assert(200);
    assert_eq!(list.body["total"], 1);
    assert_eq!(list.body["items"][0]["id"], id.as_str());

    // GET, change, PUT: read-only fields in the body are ignored.
    let mut doc = g.body.clone();
    doc["naam"] = json!("Gemeente Haarlem (JOP)");
    doc["scopes"] = json!(["organisatie:read", "planning:read"]);
    doc["gemeenteIds"] = json!([]);
    let r = app.put(&path(&id), &t, doc).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Gemeente Haarlem (JOP)");
    let scopes: Vec<&str> = r.body["scopes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(scopes.len(), 2);
    assert!(scopes.contains(&"organisatie:read") && scopes.contains(&"planning:read"));
    assert_eq!(r.body["gemeenteIds"], json!([]));
    assert_eq!(
        r.body["clientId"],
        client_id.as_str(),
        "PUT does not change the clientId"
    );
    assert_eq!(r.body["versie"], 2);
    assert_eq!(r.header("etag").unwrap(), "\"2\"");

    let r = app.patch(&path(&id), &t, json!({"naam": "Haarlem"})).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Haarlem");
    assert_eq!(
        r.body["scopes"].as_array().unwrap().len(),
        2,
        "PATCH keeps the other fields"
    );
    assert_eq!(r.body["versie"], 3);

    app.delete(&path(&id), &t).await.assert(204);
    app.get(&path(&id), &t).await.assert(404);
    assert_eq!(app.get("/api/v1/clients", &t).await.body["total"], 0);
    app.delete(&path(&id), &t).await.assert(404);
}

async fn scopes_are_validated(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["alles:write"]}),
        )
        .await;
    r.assert(400);
    assert!(
        r.invalid().iter().any(|n| n.starts_with("scopes")),
        "{}",
        r.body
    );
    let r = app
        .post("/api/v1/clients", &t, json!({"naam": "X", "scopes": []}))
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["scopes"]);
    let r = app.post("/api/v1/clients", &t, json!({"naam": "X"})).await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["scopes"]);
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": "jop:read"}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["scopes"]);
    // A gemeente's monitor needs a gemeente to read.
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["jop:read"]}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["gemeenteIds"]);
    // Neither a secret nor a clientId can be chosen by the caller.
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["jop:read"], "clientSecret": "mijn-eigen-geheim"}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["clientSecret"]);
    // clientId is read-only: sent back unchanged it is ignored, never taken over.
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["organisatie:read"], "clientId": "kc_gekozen"}),
        )
        .await;
    r.assert(201);
    assert_ne!(r.body["clientId"], "kc_gekozen");
    app.delete(&path(&id_of(&r)), &t).await.assert(204);
    // A valid one for comparison, with a duplicate scope folded.
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["organisatie:read", "organisatie:read"]}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["scopes"], json!(["organisatie:read"]));
    assert_eq!(app.get("/api/v1/clients", &t).await.body["total"], 1);
    // A PATCH with an unknown scope changes nothing.
    let id = id_of(&r);
    let r = app
        .patch(&path(&id), &t, json!({"scopes": ["jop:write"]}))
        .await;
    r.assert(400);
    assert_eq!(app.get(&path(&id), &t).await.body["versie"], 1);
}

async fn gemeente_ids_must_exist(app: TestApp) {
    let t = app.token("beheerder").await;
    let haarlem = served_gemeente(&app, "0392", "Haarlem").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["jop:read"], "gemeenteIds": [haarlem, uuid::Uuid::new_v4().to_string()]}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["gemeenteIds"]);
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["jop:read"], "gemeenteIds": ["geen-uuid"]}),
        )
        .await;
    r.assert(400);
    assert!(
        r.invalid().iter().any(|n| n.starts_with("gemeenteIds")),
        "{}",
        r.body
    );
    assert_eq!(app.get("/api/v1/clients", &t).await.body["total"], 0);
    // The same gemeente twice counts once.
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["jop:read"], "gemeenteIds": [haarlem, haarlem]}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["gemeenteIds"], json!([haarlem]));
}

async fn gemeenten_must_have_schools_of_the_swv(app: TestApp) {
    let t = app.token("beheerder").await;
    let haarlem = served_gemeente(&app, "0392", "Haarlem").await;
    let zandvoort = gemeente(&app, "0473", "Zandvoort").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "X", "scopes": ["organisatie:read"], "gemeenteIds": [haarlem, zandvoort]}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["gemeenteIds"]);
    assert_eq!(app.get("/api/v1/clients", &t).await.body["total"], 0);
    app.post(
        "/api/v1/clients",
        &t,
        json!({"naam": "X", "scopes": ["organisatie:read"], "gemeenteIds": [haarlem]}),
    )
    .await
    .assert(201);
}

async fn platform_level_clients_only_read_jop(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    let haarlem = gemeente(&app, "0392", "Haarlem").await;
    let r = app
        .post(
            "/api/v1/clients",
            &p,
            json!({"naam": "JOP Haarlem", "scopes": ["jop:read"], "gemeenteIds": [haarlem]}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["samenwerkingsverbandId"], Value::Null);
    let id = id_of(&r);
    // Such a client gets a token without an SWV.
    let tok = client_token(
        &app,
        r.body["clientId"].as_str().unwrap(),
        r.body["clientSecret"].as_str().unwrap(),
    )
    .await;
    tok.assert(200);
    assert_eq!(tok.body["scope"], "jop:read");

    for scopes in [
        json!(["organisatie:read"]),
        json!(["jop:read", "planning:read"]),
    ] {
        let r = app
            .post(
                "/api/v1/clients",
                &p,
                json!({"naam": "Te ruim", "scopes": scopes, "gemeenteIds": [haarlem]}),
            )
            .await;
        r.assert(400);
        assert_eq!(r.invalid(), vec!["scopes"]);
    }
    let r = app
        .patch(
            &path(&id),
            &p,
            json!({"scopes": ["jop:read", "bijeenkomsten:read"]}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["scopes"]);
    assert_eq!(
        app.get(&path(&id), &p).await.body["scopes"],
        json!(["jop:read"])
    );

    // Tied to an SWV, any scope is fine.
    let r = app
        .post(
            "/api/v1/clients",
            &p,
            json!({"naam": "Integratie Noord", "scopes": ["organisatie:read"], "samenwerkingsverbandId": app.other.id.to_string()}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["samenwerkingsverbandId"], app.other.id.to_string());
    // An SWV that does not exist.
    let r = app
        .post(
            "/api/v1/clients",
            &p,
            json!({"naam": "Nergens", "scopes": ["organisatie:read"], "samenwerkingsverbandId": uuid::Uuid::new_v4().to_string()}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["samenwerkingsverbandId"]);

    // The platformbeheerder lists all clients and can filter by SWV.
    let all = app.get("/api/v1/clients", &p).await;
    assert_eq!(all.body["total"], 2);
    let noord = app
        .get(
            &format!("/api/v1/clients?samenwerkingsverbandId={}", app.other.id),
            &p,
        )
        .await;
    assert_eq!(names(&noord), vec!["Integratie Noord"]);
    // The other SWV's beheerder sees its own client, not the platform one.
    let b = app.login(&app.other.beheerder).await;
    assert_eq!(
        names(&app.get("/api/v1/clients", &b).await),
        vec!["Integratie Noord"]
    );
    app.get(&path(&id), &b).await.assert(404);
}

async fn clients_of_another_swv_are_not_found(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "Zuid-koppeling", "scopes": ["organisatie:read"]}),
        )
        .await;
    r.assert(201);
    let id = id_of(&r);
    let (client_id, secret) = (
        r.body["clientId"].as_str().unwrap().to_string(),
        r.body["clientSecret"].as_str().unwrap().to_string(),
    );

    let other = app.login(&app.other.beheerder).await;
    app.get(&path(&id), &other).await.assert(404);
    app.patch(&path(&id), &other, json!({"actief": false}))
        .await
        .assert(404);
    app.put(
        &path(&id),
        &other,
        json!({"naam": "Overgenomen", "scopes": ["organisatie:write"]}),
    )
    .await
    .assert(404);
    app.post(&format!("{}/secret", path(&id)), &other, json!({}))
        .await
        .assert(404);
    app.delete(&path(&id), &other).await.assert(404);
    let list = app.get("/api/v1/clients", &other).await;
    assert_eq!(list.body["total"], 0);
    let list = app
        .get(
            &format!("/api/v1/clients?samenwerkingsverbandId={}", app.swv.id),
            &other,
        )
        .await;
    assert_eq!(list.body["total"], 0);
    // A beheerder cannot make a client for the other SWV.
    let r = app
        .post(
            "/api/v1/clients",
            &other,
            json!({"naam": "Indringer", "scopes": ["jop:read"], "samenwerkingsverbandId": app.swv.id.to_string()}),
        )
        .await;
    r.assert(403);
    assert_eq!(app.get("/api/v1/clients", &t).await.body["total"], 1);

    // Untouched: same version, same secret.
    let r = app.get(&path(&id), &t).await;
    assert_eq!(r.body["naam"], "Zuid-koppeling");
    assert_eq!(r.body["actief"], true);
    assert_eq!(r.body["versie"], 1);
    client_token(&app, &client_id, &secret).await.assert(200);
}

async fn other_roles_are_refused(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "Koppeling", "scopes": ["organisatie:read"]}),
        )
        .await;
    let id = id_of(&r);
    for rol in ["consulent", "medewerker", "lezer"] {
        let u = app.token(rol).await;
        app.get("/api/v1/clients", &u).await.assert(403);
        app.get(&path(&id), &u).await.assert(403);
        app.post(
            "/api/v1/clients",
            &u,
            json!({"naam": "Eigen", "scopes": ["jop:read"]}),
        )
        .await
        .assert(403);
        app.patch(&path(&id), &u, json!({"naam": "Anders"}))
            .await
            .assert(403);
        app.post(&format!("{}/secret", path(&id)), &u, json!({}))
            .await
            .assert(403);
        app.delete(&path(&id), &u).await.assert(403);
    }
    // A client cannot manage clients either.
    let tok = client_token(
        &app,
        r.body["clientId"].as_str().unwrap(),
        r.body["clientSecret"].as_str().unwrap(),
    )
    .await;
    let c = tok.body["access_token"].as_str().unwrap();
    app.get("/api/v1/clients", c).await.assert(403);
    app.post(
        "/api/v1/clients",
        c,
        json!({"naam": "Eigen", "scopes": ["jop:read"]}),
    )
    .await
    .assert(403);
    let list = app.get("/api/v1/clients", &t).await;
    assert_eq!(names(&list), vec!["Koppeling"]);
    assert_eq!(list.body["items"][0]["versie"], 1);
}

async fn stale_if_match_is_refused(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "Koppeling", "scopes": ["organisatie:read"]}),
        )
        .await;
    let id = id_of(&r);
    let stale = r.header("etag").unwrap();
    app.patch(&path(&id), &t, json!({"naam": "Eerste"}))
        .await
        .assert(200);
    let patch = |etag: String| {
        let (t, p) = (t.clone(), path(&id));
        let app = &app;
        async move {
            app.request(
                Method::PATCH,
                &p,
                Some(&t),
                Some(json!({"naam": "Tweede"})),
                &[
                    ("content-type", "application/merge-patch+json"),
                    ("if-match", &etag),
                ],
            )
            .await
        }
    };
    patch(stale.clone()).await.assert(412);
    let r = app
        .request(
            Method::PUT,
            &path(&id),
            Some(&t),
            Some(json!({"naam": "Tweede", "scopes": ["jop:read"]})),
            &[("if-match", &stale)],
        )
        .await;
    r.assert(412);
    app.request(
        Method::DELETE,
        &path(&id),
        Some(&t),
        None,
        &[("if-match", &stale)],
    )
    .await
    .assert(412);
    let g = app.get(&path(&id), &t).await;
    assert_eq!(g.body["naam"], "Eerste");
    let current = g.header("etag").unwrap();
    assert_eq!(current, "\"2\"");
    // With the current tag it works.
    let r = patch(current).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Tweede");
    app.request(
        Method::DELETE,
        &path(&id),
        Some(&t),
        None,
        &[("if-match", "\"3\"")],
    )
    .await
    .assert(204);
}

async fn rotation_bumps_the_version(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "Koppeling", "scopes": ["organisatie:read"]}),
        )
        .await;
    let id = id_of(&r);
    let r = app
        .post(&format!("{}/secret", path(&id)), &t, json!({}))
        .await;
    r.assert(200);
    assert_eq!(r.body["versie"], 2);
    assert_eq!(r.header("etag").unwrap(), "\"2\"");
    let g = app.get(&path(&id), &t).await;
    assert_eq!(g.body["versie"], 2);
    assert!(g.body.get("clientSecret").is_none());
    // A platformbeheerder can rotate any client's secret.
    let p = app.token("platformbeheerder").await;
    let r = app
        .post(&format!("{}/secret", path(&id)), &p, json!({}))
        .await;
    r.assert(200);
    client_token(
        &app,
        r.body["clientId"].as_str().unwrap(),
        r.body["clientSecret"].as_str().unwrap(),
    )
    .await
    .assert(200);
    app.post(
        &format!("/api/v1/clients/{}/secret", uuid::Uuid::new_v4()),
        &t,
        json!({}),
    )
    .await
    .assert(404);
}

both_backends!(
    create_read_update_delete,
    scopes_are_validated,
    gemeente_ids_must_exist,
    gemeenten_must_have_schools_of_the_swv,
    platform_level_clients_only_read_jop,
    clients_of_another_swv_are_not_found,
    other_roles_are_refused,
    stale_if_match_is_refused,
    rotation_bumps_the_version,
);
