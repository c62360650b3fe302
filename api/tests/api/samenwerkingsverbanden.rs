use crate::common::{Resp, TestApp};
use actix_web::http::Method;
use serde_json::json;

const BASE: &str = "/api/v1/samenwerkingsverbanden";

fn path(id: impl std::fmt::Display) -> String {
    format!("{BASE}/{id}")
}

fn codes(r: &Resp) -> Vec<String> {
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap().to_string())
        .collect()
}

async fn platformbeheerder_manages_swvs(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    let r = app
        .post(
            BASE,
            &p,
            json!({"naam": "SWV VO Kennemerland", "code": "VO2703", "sector": "vo"}),
        )
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(r.header("location").unwrap(), path(&id));
    assert_eq!(r.header("etag").unwrap(), "\"1\"");
    assert_eq!(r.body["code"], "VO2703");
    assert_eq!(r.body["sector"], "vo");
    assert_eq!(r.body["versie"], 1);
    for key in ["createdAt", "updatedAt"] {
        assert!(
            r.body[key].as_str().is_some_and(|s| s.ends_with('Z')),
            "{key}"
        );
    }

    let g = app.get(&path(&id), &p).await;
    g.assert(200);
    assert_eq!(g.body["naam"], "SWV VO Kennemerland");
    assert_eq!(g.header("etag").unwrap(), "\"1\"");

    let list = app.get(&format!("{BASE}?sort=code"), &p).await;
    list.assert(200);
    assert_eq!(list.body["total"], 3);
    assert_eq!(codes(&list), vec!["PO2702", "PO2703", "VO2703"]);
    let r = app.get(&format!("{BASE}?sector=vo"), &p).await;
    assert_eq!(codes(&r), vec!["VO2703"]);
    let r = app.get(&format!("{BASE}?code=PO2702"), &p).await;
    assert_eq!(r.body["total"], 1);
    assert_eq!(r.body["items"][0]["id"], app.other.id.to_string());
    app.get(&format!("{BASE}?sector=mbo"), &p).await.assert(400);

    // GET, change, PUT.
    let mut doc = g.body.clone();
    doc["naam"] = json!("SWV VO Zuid-Kennemerland");
    let r = app.put(&path(&id), &p, doc).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "SWV VO Zuid-Kennemerland");
    assert_eq!(r.body["versie"], 2);
    assert_eq!(r.header("etag").unwrap(), "\"2\"");
    let r = app
        .patch(&path(&id), &p, json!({"naam": "SWV VO IJmond"}))
        .await;
    r.assert(200);
    assert_eq!(r.body["naam"], "SWV VO IJmond");
    assert_eq!(r.body["code"], "VO2703");
    assert_eq!(r.body["versie"], 3);
    // A stale If-Match is refused.
    let r = app
        .request(
            Method::DELETE,
            &path(&id),
            Some(&p),
            None,
            &[("if-match", "\"2\"")],
        )
        .await;
    r.assert(412);

    app.delete(&path(&id), &p).await.assert(204);
    app.get(&path(&id), &p).await.assert(404);
    assert_eq!(app.get(BASE, &p).await.body["total"], 2);
}

async fn code_must_match_the_pattern_and_the_sector(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    for code in [
        "PO270", "PO27031", "po2701", "MB2701", "PO-2701", "2701", "",
    ] {
        let r = app
            .post(
                BASE,
                &p,
                json!({"naam": "Fout", "code": code, "sector": "po"}),
            )
            .await;
        r.assert(400);
        assert_eq!(r.invalid(), vec!["code"], "code {code:?}: {}", r.body);
    }
    let r = app
        .post(
            BASE,
            &p,
            json!({"naam": "Fout", "code": "PO2799", "sector": "vo"}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["code"], "{}", r.body);
    let r = app
        .post(
            BASE,
            &p,
            json!({"naam": "Fout", "code": "VO2799", "sector": "po"}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["code"]);
    let r = app
        .post(
            BASE,
            &p,
            json!({"naam": "Fout", "code": "PO2799", "sector": "mbo"}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["sector"]);
    let r = app
        .post(
            BASE,
            &p,
            json!({"naam": "  ", "code": "PO2799", "sector": "po"}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["naam"]);
    assert_eq!(app.get(BASE, &p).await.body["total"], 2);

    // Changing only the sector of an existing PO code is refused too.
    let r = app
        .patch(&path(app.swv.id), &p, json!({"sector": "vo"}))
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["code"]);
    let g = app.get(&path(app.swv.id), &p).await;
    assert_eq!(g.body["sector"], "po");
    assert_eq!(g.body["versie"], 1);
    // Code and sector together are fine.
    let r = app
        .patch(
            &path(app.swv.id),
            &p,
            json!({"sector": "vo", "code": "VO2709"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["code"], "VO2709");
}

async fn code_is_unique(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    let r = app
        .post(
            BASE,
            &p,
            json!({"naam": "Dubbel", "code": "PO2703", "sector": "po"}),
        )
        .await;
    r.assert(409);
    assert_eq!(r.invalid(), vec!["code"]);
    assert_eq!(app.get(BASE, &p).await.body["total"], 2);
    let r = app
        .patch(&path(app.other.id), &p, json!({"code": "PO2703"}))
        .await;
    r.assert(409);
    assert_eq!(r.invalid(), vec!["code"]);
    let r = app
        .put(
            &path(app.other.id),
            &p,
            json!({"naam": "SWV Test Noord", "code": "PO2703", "sector": "po"}),
        )
        .await;
    r.assert(409);
    assert_eq!(
        app.get(&path(app.other.id), &p).await.body["code"],
        "PO2702"
    );
}

async fn users_see_only_their_own_swv(app: TestApp) {
    for rol in ["beheerder", "consulent", "medewerker", "lezer"] {
        let t = app.token(rol).await;
        let list = app.get(BASE, &t).await;
        list.assert(200);
        assert_eq!(list.body["total"], 1, "{rol}");
        assert_eq!(list.body["items"][0]["id"], app.swv.id.to_string());
        let r = app.get(&format!("{BASE}?code=PO2702"), &t).await;
        assert_eq!(r.body["total"], 0);
        app.get(&path(app.swv.id), &t).await.assert(200);
        app.get(&path(app.other.id), &t).await.assert(404);
        app.get(&path(uuid::Uuid::new_v4()), &t).await.assert(404);
    }
    let other = app.login(&app.other.lezer).await;
    let list = app.get(BASE, &other).await;
    assert_eq!(codes(&list), vec!["PO2702"]);
    app.get(&path(app.swv.id), &other).await.assert(404);
}

async fn only_the_platformbeheerder_writes(app: TestApp) {
    for rol in ["beheerder", "consulent", "lezer"] {
        let t = app.token(rol).await;
        app.post(
            BASE,
            &t,
            json!({"naam": "Nieuw", "code": "PO2799", "sector": "po"}),
        )
        .await
        .assert(403);
        app.put(
            &path(app.swv.id),
            &t,
            json!({"naam": "Anders", "code": "PO2703", "sector": "po"}),
        )
        .await
        .assert(403);
        app.patch(&path(app.swv.id), &t, json!({"naam": "Anders"}))
            .await
            .assert(403);
        app.delete(&path(app.swv.id), &t).await.assert(403);
        app.delete(&path(app.other.id), &t).await.assert(403);
    }
    let p = app.token("platformbeheerder").await;
    let list = app.get(BASE, &p).await;
    assert_eq!(list.body["total"], 2);
    let g = app.get(&path(app.swv.id), &p).await;
    assert_eq!(g.body["naam"], "SWV Test Zuid");
    assert_eq!(g.body["versie"], 1);
}

async fn deleting_an_swv_in_use_is_refused(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    let r = app.delete(&path(app.other.id), &p).await;
    r.assert(409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("gebruikers"),
        "{}",
        r.body
    );
    app.get(&path(app.other.id), &p).await.assert(200);
    app.login(&app.other.beheerder).await;
    // A client alone also keeps it in use.
    let r = app
        .post(
            BASE,
            &p,
            json!({"naam": "Leeg", "code": "VO2799", "sector": "vo"}),
        )
        .await;
    let id = r.body["id"].as_str().unwrap().to_string();
    let c = app
        .post(
            "/api/v1/clients",
            &p,
            json!({"naam": "Koppeling", "scopes": ["organisatie:read"], "samenwerkingsverbandId": id}),
        )
        .await;
    c.assert(201);
    let r = app.delete(&path(&id), &p).await;
    r.assert(409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("clients"),
        "{}",
        r.body
    );
    app.delete(
        &format!("/api/v1/clients/{}", c.body["id"].as_str().unwrap()),
        &p,
    )
    .await
    .assert(204);
    app.delete(&path(&id), &p).await.assert(204);
}

both_backends!(
    platformbeheerder_manages_swvs,
    code_must_match_the_pattern_and_the_sector,
    code_is_unique,
    users_see_only_their_own_swv,
    only_the_platformbeheerder_writes,
    deleting_an_swv_in_use_is_refused,
);
