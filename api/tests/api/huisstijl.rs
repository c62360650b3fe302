//! The SWV's own colour and logo: set by its beheerder (logo) and the platformbeheerder
//! (colour), checked on upload, shown on the public pages and in mails.

use actix_web::http::Method;
use actix_web::test;
use serde_json::json;

use crate::common::{assert_invalid, assert_problem, Resp, TestApp};

both_backends!(an_swv_shows_its_own_logo_and_colour);

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-logo-of-the-test";

async fn upload(app: &TestApp, swv: &str, token: &str, ct: &str, body: Vec<u8>) -> Resp {
    let req = test::TestRequest::put()
        .uri(&format!("/api/v1/samenwerkingsverbanden/{swv}/logo"))
        .insert_header(("authorization", format!("Bearer {token}")))
        .insert_header(("content-type", ct.to_string()))
        .peer_addr("10.1.2.3:4567".parse().unwrap())
        .set_payload(body)
        .to_request();
    app.send(req).await
}

async fn an_swv_shows_its_own_logo_and_colour(app: TestApp) {
    let swv = app.swv.id.to_string();
    let beheerder = app.token("beheerder").await;
    upload(&app, &swv, &beheerder, "image/png", PNG.to_vec())
        .await
        .assert(204);
    let logo = format!("/api/v1/publiek/samenwerkingsverbanden/{swv}/logo");
    let r = app.request(Method::GET, &logo, None, None, &[]).await;
    r.assert(200);
    assert_eq!(r.raw, PNG);
    assert_eq!(r.header("content-type").unwrap(), "image/png");
    assert!(r
        .header("content-security-policy")
        .unwrap()
        .contains("default-src 'none'"));
    let r = app
        .get(&format!("/api/v1/samenwerkingsverbanden/{swv}"), &beheerder)
        .await;
    assert_eq!(r.body["logo"], true);

    // Not an image, one that runs code, too large, another format: refused, nothing changes.
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
    let r = upload(&app, &swv, &beheerder, "image/svg+xml", svg.to_vec()).await;
    assert_problem(&r, 400);
    assert!(r.body["detail"].as_str().unwrap().contains("scripts"));
    assert_problem(
        &upload(&app, &swv, &beheerder, "image/png", b"GIF89a".to_vec()).await,
        400,
    );
    assert_problem(
        &upload(&app, &swv, &beheerder, "image/png", vec![0x89; 201 * 1024]).await,
        413,
    );
    assert_problem(
        &upload(&app, &swv, &beheerder, "image/gif", b"GIF89a".to_vec()).await,
        415,
    );
    assert_eq!(
        app.request(Method::GET, &logo, None, None, &[]).await.raw,
        PNG
    );
    // Only the SWV's own beheerder (or the platformbeheerder).
    let consulent = app.token("consulent").await;
    assert_problem(
        &upload(&app, &swv, &consulent, "image/png", PNG.to_vec()).await,
        403,
    );
    let other = app.login(&app.other.beheerder).await;
    assert_problem(
        &upload(&app, &swv, &other, "image/png", PNG.to_vec()).await,
        404,
    );
    let clean = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b7285"/></svg>"##;
    let platform = app.token("platformbeheerder").await;
    upload(&app, &swv, &platform, "image/svg+xml", clean.to_vec())
        .await
        .assert(204);

    // The colour: set by the platformbeheerder, checked.
    let path = format!("/api/v1/samenwerkingsverbanden/{swv}");
    assert_invalid(
        &app.patch(&path, &platform, json!({"kleur": "blauw"})).await,
        "kleur",
    );
    let r = app
        .patch(&path, &platform, json!({"kleur": "#0B7285"}))
        .await;
    r.assert(200);
    assert_eq!(r.body["kleur"], "#0b7285");

    // The public page and the mails carry both.
    let t = app.token("consulent").await;
    let m = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "Kenniskring", "soort": "kenniskring", "start": "2031-03-11T13:00:00Z",
                "eind": "2031-03-11T15:00:00Z", "publiek": true}),
        )
        .await;
    let public = m.body["publicId"].as_str().unwrap();
    let r = app
        .request(
            Method::GET,
            &format!("/api/v1/publiek/bijeenkomsten/{public}"),
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(
        (&r.body["kleur"], &r.body["logo"]),
        (&json!("#0b7285"), &json!(logo))
    );
    app.post(
        "/api/v1/gebruikers",
        &beheerder,
        json!({"email": "nieuw@zuid.example", "naam": "Nieuw", "rol": "lezer"}),
    )
    .await
    .assert(201);
    crate::common::smtp::deliver(&app).await;
    let dir = app.state.config.data_dir.join("mail");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mail = crate::common::smtp::parse(&std::fs::read(file).unwrap());
    assert!(mail.html.contains("#0b7285"), "{}", mail.html);
    assert!(mail
        .html
        .contains(&format!("src=\"http://koers.test{logo}\"")));

    // Removed: the public address has nothing, the SWV says so.
    app.delete(
        &format!("/api/v1/samenwerkingsverbanden/{swv}/logo"),
        &beheerder,
    )
    .await
    .assert(204);
    assert_problem(&app.request(Method::GET, &logo, None, None, &[]).await, 404);
}
