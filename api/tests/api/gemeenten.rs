use crate::common::{gemeente, schoolbestuur, Resp, TestApp};
use actix_web::http::Method;
use actix_web::test::TestRequest;
use serde_json::json;

const BASE: &str = "/api/v1/gemeenten";

fn path(id: &str) -> String {
    format!("{BASE}/{id}")
}

fn cbs_codes(r: &Resp) -> Vec<String> {
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["cbsCode"].as_str().unwrap().to_string())
        .collect()
}

/// A client token; `swv`: the platformbeheerder makes a client of that SWV (None: platform-wide,
/// tied to `gemeenten`).
async fn client_access_token(
    app: &TestApp,
    scopes: &[&str],
    swv: Option<String>,
    gemeenten: &[&str],
) -> String {
    let p = app.token("platformbeheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &p,
            json!({"naam": "Koppeling", "scopes": scopes, "samenwerkingsverbandId": swv, "gemeenteIds": gemeenten}),
        )
        .await;
    r.assert(201);
    let body = format!(
        "grant_type=client_credentials&client_id={}&client_secret={}",
        r.body["clientId"].as_str().unwrap(),
        r.body["clientSecret"].as_str().unwrap()
    );
    let req = TestRequest::post()
        .uri("/api/v1/auth/token")
        .peer_addr("10.1.2.3:4567".parse().unwrap())
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .set_payload(body)
        .to_request();
    let t = app.send(req).await;
    t.assert(200);
    t.body["access_token"].as_str().unwrap().to_string()
}

async fn platformbeheerder_manages_gemeenten(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    let r = app
        .post(BASE, &p, json!({"cbsCode": "0392", "naam": "Haarlem"}))
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(r.header("location").unwrap(), path(&id));
    assert_eq!(r.header("etag").unwrap(), "\"1\"");
    assert_eq!(r.body["cbsCode"], "0392");
    assert_eq!(r.body["naam"], "Haarlem");
    assert_eq!(r.body["versie"], 1);

    let mut doc = app.get(&path(&id), &p).await.body;
    doc["naam"] = json!("Gemeente Haarlem");
    let r = app.put(&path(&id), &p, doc).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Gemeente Haarlem");
    assert_eq!(r.body["versie"], 2);
    let r = app.patch(&path(&id), &p, json!({"naam": "Haarlem"})).await;
    r.assert(200);
    assert_eq!(r.body["cbsCode"], "0392");
    assert_eq!(r.header("etag").unwrap(), "\"3\"");
    let r = app
        .request(
            Method::PATCH,
            &path(&id),
            Some(&p),
            Some(json!({"naam": "Oud"})),
            &[
                ("content-type", "application/merge-patch+json"),
                ("if-match", "\"2\""),
            ],
        )
        .await;
    r.assert(412);
    assert_eq!(app.get(&path(&id), &p).await.body["naam"], "Haarlem");

    app.delete(&path(&id), &p).await.assert(204);
    app.get(&path(&id), &p).await.assert(404);
    assert_eq!(app.get(BASE, &p).await.body["total"], 0);
}

async fn every_signed_in_caller_reads(app: TestApp) {
    let id = gemeente(&app, "0392", "Haarlem").await;
    gemeente(&app, "0377", "Bloemendaal").await;
    let mut tokens = Vec::new();
    for rol in [
        "platformbeheerder",
        "beheerder",
        "consulent",
        "medewerker",
        "lezer",
    ] {
        tokens.push((rol.to_string(), app.token(rol).await));
    }
    tokens.push((
        "andere beheerder".into(),
        app.login(&app.other.beheerder).await,
    ));
    tokens.push((
        "jop-client".into(),
        client_access_token(&app, &["jop:read"], None, &[&id]).await,
    ));
    tokens.push((
        "swv-client".into(),
        client_access_token(&app, &["planning:read"], Some(app.swv.id.to_string()), &[]).await,
    ));
    for (who, t) in &tokens {
        let list = app.get(&format!("{BASE}?sort=naam"), t).await;
        assert_eq!(list.status.as_u16(), 200, "{who}: {}", list.body);
        assert_eq!(list.body["total"], 2, "{who}");
        assert_eq!(cbs_codes(&list), vec!["0377", "0392"], "{who}");
        let one = app.get(&path(&id), t).await;
        assert_eq!(one.status.as_u16(), 200, "{who}");
        assert_eq!(one.body["naam"], "Haarlem");
    }
    // Not without signing in.
    let r = app.request(Method::GET, BASE, None, None, &[]).await;
    r.assert(401);
    assert!(r.header("www-authenticate").is_some());
    app.request(Method::GET, &path(&id), None, None, &[])
        .await
        .assert(401);
}

async fn only_the_platformbeheerder_writes(app: TestApp) {
    let id = gemeente(&app, "0392", "Haarlem").await;
    let mut tokens = Vec::new();
    for rol in ["beheerder", "consulent", "lezer"] {
        tokens.push((rol.to_string(), app.token(rol).await));
    }
    tokens.push((
        "client".into(),
        client_access_token(
            &app,
            &["organisatie:read", "organisatie:write"],
            Some(app.swv.id.to_string()),
            &[],
        )
        .await,
    ));
    for (who, t) in &tokens {
        let r = app
            .post(BASE, t, json!({"cbsCode": "0377", "naam": "Bloemendaal"}))
            .await;
        assert_eq!(r.status.as_u16(), 403, "{who} POST: {}", r.body);
        let r = app
            .put(&path(&id), t, json!({"cbsCode": "0392", "naam": "Anders"}))
            .await;
        assert_eq!(r.status.as_u16(), 403, "{who} PUT");
        let r = app.patch(&path(&id), t, json!({"naam": "Anders"})).await;
        assert_eq!(r.status.as_u16(), 403, "{who} PATCH");
        let r = app.delete(&path(&id), t).await;
        assert_eq!(r.status.as_u16(), 403, "{who} DELETE");
    }
    let p = app.token("platformbeheerder").await;
    let list = app.get(BASE, &p).await;
    assert_eq!(list.body["total"], 1);
    assert_eq!(list.body["items"][0]["naam"], "Haarlem");
    assert_eq!(list.body["items"][0]["versie"], 1);
}

async fn cbs_code_is_four_digits_and_unique(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    for code in ["392", "03921", "abcd", "03 2", ""] {
        let r = app
            .post(BASE, &p, json!({"cbsCode": code, "naam": "Fout"}))
            .await;
        r.assert(400);
        assert_eq!(r.invalid(), vec!["cbsCode"], "{code:?}: {}", r.body);
    }
    let r = app
        .post(BASE, &p, json!({"cbsCode": 392, "naam": "Getal"}))
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["cbsCode"]);
    let r = app.post(BASE, &p, json!({"naam": "Zonder code"})).await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["cbsCode"]);
    assert_eq!(app.get(BASE, &p).await.body["total"], 0);

    let haarlem = gemeente(&app, "0392", "Haarlem").await;
    let r = app
        .post(
            BASE,
            &p,
            json!({"cbsCode": "0392", "naam": "Nog een Haarlem"}),
        )
        .await;
    r.assert(409);
    assert_eq!(r.invalid(), vec!["cbsCode"]);
    let bloemendaal = gemeente(&app, "0377", "Bloemendaal").await;
    let r = app
        .patch(&path(&bloemendaal), &p, json!({"cbsCode": "0392"}))
        .await;
    r.assert(409);
    assert_eq!(r.invalid(), vec!["cbsCode"]);
    let r = app
        .patch(&path(&haarlem), &p, json!({"cbsCode": "39"}))
        .await;
    r.assert(400);
    assert_eq!(
        app.get(&path(&bloemendaal), &p).await.body["cbsCode"],
        "0377"
    );
    assert_eq!(app.get(&path(&haarlem), &p).await.body["cbsCode"], "0392");
    assert_eq!(app.get(BASE, &p).await.body["total"], 2);
}

async fn filter_on_cbs_code(app: TestApp) {
    gemeente(&app, "0392", "Haarlem").await;
    gemeente(&app, "0377", "Bloemendaal").await;
    gemeente(&app, "0363", "Amsterdam").await;
    let t = app.token("lezer").await;
    let r = app.get(&format!("{BASE}?cbsCode=0377"), &t).await;
    r.assert(200);
    assert_eq!(r.body["total"], 1);
    assert_eq!(r.body["items"][0]["naam"], "Bloemendaal");
    let r = app.get(&format!("{BASE}?cbsCode=0999"), &t).await;
    r.assert(200);
    assert_eq!(r.body["total"], 0);
    let r = app.get(&format!("{BASE}?cbsCode=37"), &t).await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["cbsCode"]);
    let r = app.get(&format!("{BASE}?sort=-cbsCode"), &t).await;
    assert_eq!(cbs_codes(&r), vec!["0392", "0377", "0363"]);
    let r = app.get(&format!("{BASE}?naam=Haarlem"), &t).await;
    r.assert(400);
}

async fn deleting_a_gemeente_in_use_is_refused(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    let t = app.token("beheerder").await;
    let g = gemeente(&app, "0392", "Haarlem").await;
    let b = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590").await;
    let s = app
        .post(
            "/api/v1/scholen",
            &t,
            json!({"naam": "De Zonnewijzer", "brin": "12AB", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}),
        )
        .await;
    s.assert(201);
    let r = app.delete(&path(&g), &p).await;
    r.assert(409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("scholen"),
        "{}",
        r.body
    );
    app.get(&path(&g), &p).await.assert(200);
    // Once the school is gone, so can the gemeente go.
    app.delete(
        &format!("/api/v1/scholen/{}", s.body["id"].as_str().unwrap()),
        &t,
    )
    .await
    .assert(204);
    app.delete(&path(&g), &p).await.assert(204);

    // A client tied to a gemeente (here a JOP client over every SWV) keeps it in use too.
    let g = gemeente(&app, "0377", "Bloemendaal").await;
    let c = app
        .post(
            "/api/v1/clients",
            &p,
            json!({"naam": "Gemeente", "scopes": ["jop:read"], "gemeenteIds": [g]}),
        )
        .await;
    c.assert(201);
    let r = app.delete(&path(&g), &p).await;
    r.assert(409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("clients"),
        "{}",
        r.body
    );
    app.get(&path(&g), &p).await.assert(200);
    // Deleting the client frees the gemeente.
    app.delete(
        &format!("/api/v1/clients/{}", c.body["id"].as_str().unwrap()),
        &p,
    )
    .await
    .assert(204);
    app.delete(&path(&g), &p).await.assert(204);
}

both_backends!(
    platformbeheerder_manages_gemeenten,
    every_signed_in_caller_reads,
    only_the_platformbeheerder_writes,
    cbs_code_is_four_digits_and_unique,
    filter_on_cbs_code,
    deleting_a_gemeente_in_use_is_refused,
);
