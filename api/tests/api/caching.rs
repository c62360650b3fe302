//! No cache keeps personal data: every operation the OpenAPI document declares `Cache-Control:
//! no-store` for is called as an allowed caller (and without a token), in every format it
//! offers, and each answer must say `no-store`. The operations come from the document, so a new
//! path (a pupil's file) is walked as soon as it exists.

use crate::authz::fixtures;
use crate::common::{TestApp, PASSWORD};
use actix_web::http::Method;
use serde_json::{json, Value};

fn declares_no_store(op: &Value) -> bool {
    op["responses"].as_object().is_some_and(|rs| {
        rs.values()
            .any(|r| r["headers"].get("Cache-Control").is_some())
    })
}

/// The media types of the operation's success answers (JSON, CSV, XLSX, DOCX, calendar …).
fn formats(op: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (status, r) in op["responses"].as_object().unwrap() {
        if status.starts_with('2') {
            for ct in r["content"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, _)| k)
            {
                if !out.contains(ct) {
                    out.push(ct.clone());
                }
            }
        }
    }
    if out.is_empty() {
        out.push("application/json".into());
    }
    out
}

#[track_caller]
fn assert_no_store(r: &crate::common::Resp, what: &str) {
    let cc = r.header("cache-control").unwrap_or_default();
    assert!(
        cc.split(',').any(|d| d.trim() == "no-store"),
        "{what}: {} with Cache-Control {cc:?}",
        r.status
    );
}

async fn personal_data_is_never_stored(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let platform = app.token("platformbeheerder").await;
    let ids = fixtures(&app, &beheerder).await;
    let client = app
        .post(
            "/api/v1/clients",
            &beheerder,
            json!({"naam": "Cache", "scopes": ["bijeenkomsten:read"]}),
        )
        .await;
    client.assert(201);
    let form = format!(
        "grant_type=client_credentials&client_id={}&client_secret={}",
        client.body["clientId"].as_str().unwrap(),
        client.body["clientSecret"].as_str().unwrap()
    );

    let doc: Value = serde_json::from_str(koers::openapi::document_json()).unwrap();
    let mut operations: Vec<(String, String, Value)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "patch", "delete"] {
            if let Some(op) = item.get(method).filter(|op| declares_no_store(op)) {
                operations.push((method.to_string(), path.clone(), op.clone()));
            }
        }
    }
    // Creations first (a registration gives the token its page needs), deletes last.
    operations.sort_by_key(|(m, _, _)| match m.as_str() {
        "post" => 0,
        "delete" => 2,
        _ => 1,
    });
    // The areas that hold personal data must be among them: a guard on the declaration itself.
    for part in [
        "/auth/",
        "/gebruikers",
        "/clients",
        "/aanmeldingen",
        "/publiek/",
    ] {
        assert!(
            operations.iter().any(|(_, p, _)| p.contains(part)),
            "no operation under {part} declares Cache-Control"
        );
    }

    // A cancellation link is not shown in the public answer: an unknown one is walked.
    let cancel_token = "onbekend-token".to_string();
    let mut registered = false;
    let mut walked = 0;
    for (method, path, op) in &operations {
        let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let first = path.trim_start_matches('/').split('/').next().unwrap();
        let concrete = path
            .replace("{publicId}", &ids["publiek"])
            .replace("{token}", &cancel_token)
            .replace("{voortgangId}", &ids["voortgang"])
            .replace("{aanmeldingId}", &ids["aanmeldingen"])
            .replace("{id}", ids.get(first).map_or("", String::as_str));
        let uri = format!("/api/v1{concrete}");
        let platform_area =
            matches!(first, "samenwerkingsverbanden" | "gemeenten") && method != "get";
        let token = match first {
            "publiek" => None,
            _ if platform_area => Some(platform.as_str()),
            _ => Some(beheerder.as_str()),
        };
        let mut headers: Vec<(&str, String)> = Vec::new();
        let body = match (method.as_str(), path.as_str()) {
            ("get" | "delete", _) => None,
            (_, "/auth/login") => Some(json!({"email": app.swv.beheerder, "password": PASSWORD})),
            (_, "/auth/refresh" | "/auth/logout") => {
                let fresh = app
                    .request(
                        Method::POST,
                        "/api/v1/auth/login",
                        None,
                        Some(json!({"email": app.swv.beheerder, "password": PASSWORD})),
                        &[],
                    )
                    .await;
                Some(json!({"refreshToken": fresh.body["refreshToken"]}))
            }
            (_, "/auth/token") => None,
            (_, p) if p.starts_with("/publiek/") => {
                Some(json!({"naam": "Bea", "email": "bea@school.example", "functie": "leerkracht"}))
            }
            _ => Some(json!({})),
        };
        if method == "patch" {
            headers.push(("content-type", "application/merge-patch+json".into()));
        }
        for format in formats(op) {
            let mut h: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            h.push(("accept", format.as_str()));
            let r = if path == "/auth/token" {
                let req = actix_web::test::TestRequest::post()
                    .uri("/api/v1/auth/token")
                    .insert_header(("content-type", "application/x-www-form-urlencoded"))
                    .set_payload(form.clone())
                    .to_request();
                app.send(req).await
            } else {
                app.request(m.clone(), &uri, token, body.clone(), &h).await
            };
            let s = r.status.as_u16();
            assert!(
                s != 401 && s != 403 && s < 500,
                "{method} {path} ({format}) as an allowed caller: {s} {}",
                r.body
            );
            assert_no_store(&r, &format!("{method} {path} ({format})"));
            registered |= first == "publiek" && method == "post" && r.status == 202;
            walked += 1;
        }
        // Errors about these paths are no more cacheable than their answers: no token, and a
        // body no operation takes (the sign-in endpoints need no token).
        if first != "publiek" {
            let bad = (method != "get" && method != "delete").then(|| json!({"onbekend": true}));
            let r = app.request(m.clone(), &uri, None, bad, &[]).await;
            assert!(
                r.status.is_client_error(),
                "{method} {path} without a token: {}",
                r.status
            );
            assert_no_store(&r, &format!("{method} {path} without a token"));
        }
    }
    assert!(
        registered,
        "the public registration was not walked with a real answer"
    );
    assert!(
        walked > 100,
        "only {walked} answers: did the document lose operations?"
    );
}

both_backends!(personal_data_is_never_stored);
