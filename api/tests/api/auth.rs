use crate::common::{gemeente, schoolbestuur, served_gemeente, Resp, TestApp, PASSWORD};
use actix_web::http::Method;
use actix_web::test::TestRequest;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use serde_json::{json, Value};

const SECRET: &str = "test-secret-test-secret-test-secret-42";

pub(crate) async fn login_raw(app: &TestApp, email: &str, password: &str) -> Resp {
    app.request(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"email": email, "password": password})),
        &[],
    )
    .await
}

pub(crate) async fn refresh(app: &TestApp, token: &str) -> Resp {
    app.request(
        Method::POST,
        "/api/v1/auth/refresh",
        None,
        Some(json!({"refreshToken": token})),
        &[],
    )
    .await
}

pub(crate) async fn me(app: &TestApp, token: &str) -> Resp {
    app.get("/api/v1/auth/me", token).await
}

/// `/auth/me` with a raw `Authorization` header (or none).
async fn me_with_header(app: &TestApp, authorization: Option<&str>) -> Resp {
    let headers: Vec<(&str, &str)> = authorization
        .map(|a| vec![("authorization", a)])
        .unwrap_or_default();
    app.request(Method::GET, "/api/v1/auth/me", None, None, &headers)
        .await
}

/// POST /auth/token with a raw body and content type.
async fn token_request(
    app: &TestApp,
    content_type: &str,
    body: &str,
    headers: &[(&str, &str)],
) -> Resp {
    let mut req = TestRequest::post()
        .uri("/api/v1/auth/token")
        .peer_addr("10.1.2.3:4567".parse().unwrap())
        .insert_header(("content-type", content_type));
    for (k, v) in headers {
        req = req.insert_header((*k, *v));
    }
    app.send(req.set_payload(body.to_string()).to_request())
        .await
}

pub(crate) async fn client_token(
    app: &TestApp,
    client_id: &str,
    secret: &str,
    scope: Option<&str>,
) -> Resp {
    let mut body =
        format!("grant_type=client_credentials&client_id={client_id}&client_secret={secret}");
    if let Some(s) = scope {
        body.push_str(&format!("&scope={}", s.replace(' ', "+")));
    }
    token_request(app, "application/x-www-form-urlencoded", &body, &[]).await
}

/// Creates a client as the main SWV's beheerder; returns (id, clientId, clientSecret).
pub(crate) async fn create_client(
    app: &TestApp,
    scopes: &[&str],
    gemeenten: &[&str],
) -> (String, String, String) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "Koppeling", "scopes": scopes, "gemeenteIds": gemeenten}),
        )
        .await;
    r.assert(201);
    (
        r.body["id"].as_str().unwrap().to_string(),
        r.body["clientId"].as_str().unwrap().to_string(),
        r.body["clientSecret"].as_str().unwrap().to_string(),
    )
}

pub(crate) fn payload(token: &str) -> Value {
    let part = token.split('.').nth(1).expect("payload part");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).expect("base64url payload"))
        .expect("json payload")
}

fn b64(v: &Value) -> String {
    URL_SAFE_NO_PAD.encode(v.to_string())
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// Claims as the server would issue them for the main SWV's beheerder, in a session that is
/// signed in.
async fn beheerder_claims(app: &TestApp, iat: i64, exp: i64) -> Value {
    let sid = payload(&app.token("beheerder").await)["sid"].clone();
    json!({
        "sid": sid,
        "iss": "koers", "aud": "koers-api",
        "sub": app.swv.gebruiker_ids[0].to_string(),
        "swv": app.swv.id.to_string(),
        "rol": "beheerder",
        "iat": iat, "exp": exp,
        "jti": uuid::Uuid::new_v4().to_string(),
    })
}

fn sign(claims: &Value, secret: &str) -> String {
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        claims,
        &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

#[track_caller]
fn assert_unauthorized(r: &Resp) {
    r.assert(401);
    assert!(
        r.header("www-authenticate")
            .is_some_and(|v| v.starts_with("Bearer")),
        "WWW-Authenticate missing"
    );
    assert!(r
        .header("content-type")
        .unwrap_or_default()
        .starts_with("application/problem+json"));
    assert_eq!(r.body["status"], 401);
}

fn no_store(r: &Resp) -> bool {
    r.header("cache-control")
        .is_some_and(|v| v.contains("no-store"))
}

// ---------------------------------------------------------------- login

async fn login_returns_a_token_pair(app: TestApp) {
    let r = login_raw(&app, &app.swv.beheerder, PASSWORD).await;
    r.assert(200);
    assert!(r.body["accessToken"]
        .as_str()
        .is_some_and(|t| t.split('.').count() == 3));
    assert!(r.body["refreshToken"]
        .as_str()
        .is_some_and(|t| t.len() >= 32));
    assert_eq!(r.body["tokenType"], "Bearer");
    let expires = r.body["expiresIn"].as_i64().unwrap();
    assert!(expires > 0 && expires <= 900, "expiresIn {expires}");
    assert!(no_store(&r), "login answer must not be cached");
    // The token works.
    me(&app, r.body["accessToken"].as_str().unwrap())
        .await
        .assert(200);
    // The email is matched without regard to case or surrounding spaces.
    login_raw(&app, " Beheerder@Zuid.Example ", PASSWORD)
        .await
        .assert(200);
}

async fn wrong_password_and_unknown_email_answer_the_same(app: TestApp) {
    let wrong = login_raw(&app, &app.swv.beheerder, "niet-het-goede-wachtwoord").await;
    let unknown = login_raw(&app, "niemand@zuid.example", PASSWORD).await;
    for r in [&wrong, &unknown] {
        r.assert(401);
        assert!(r
            .header("content-type")
            .unwrap()
            .starts_with("application/problem+json"));
        assert!(r.body.get("accessToken").is_none());
        assert!(r.body.get("refreshToken").is_none());
    }
    assert_eq!(wrong.body["type"], unknown.body["type"]);
    assert_eq!(wrong.body["title"], unknown.body["title"]);
    assert_eq!(wrong.body["detail"], unknown.body["detail"]);
}

async fn inactive_user_cannot_log_in(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = app.swv.gebruiker_ids[1]; // consulent
    app.patch(
        &format!("/api/v1/gebruikers/{id}"),
        &t,
        json!({"actief": false}),
    )
    .await
    .assert(200);
    let r = login_raw(&app, &app.swv.consulent, PASSWORD).await;
    r.assert(401);
    let wrong = login_raw(&app, &app.swv.medewerker, "niet-het-goede-wachtwoord").await;
    // Nothing tells an attacker that the account exists but is inactive.
    assert_eq!(r.body["detail"], wrong.body["detail"]);
    assert!(r.body.get("accessToken").is_none());
}

async fn failed_logins_are_throttled_per_account(app: TestApp) {
    for i in 0..5 {
        let r = login_raw(&app, &app.swv.lezer, &format!("fout-wachtwoord-{i}")).await;
        r.assert(401);
    }
    // Even the right password is refused now.
    let r = login_raw(&app, &app.swv.lezer, PASSWORD).await;
    r.assert(429);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("application/problem+json"));
    let wait: u64 = r
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .expect("Retry-After in seconds");
    assert!(wait > 0);
    assert!(r.body.get("accessToken").is_none());
    // The lock is per account, also when the email is written differently.
    login_raw(&app, "LEZER@zuid.example", PASSWORD)
        .await
        .assert(429);
    // Other accounts are unaffected.
    login_raw(&app, &app.swv.consulent, PASSWORD)
        .await
        .assert(200);
    login_raw(&app, &app.other.lezer, PASSWORD)
        .await
        .assert(200);
}

async fn a_successful_login_resets_the_failures(app: TestApp) {
    for _ in 0..4 {
        login_raw(&app, &app.swv.lezer, "fout-wachtwoord-1")
            .await
            .assert(401);
    }
    login_raw(&app, &app.swv.lezer, PASSWORD).await.assert(200);
    for _ in 0..4 {
        login_raw(&app, &app.swv.lezer, "fout-wachtwoord-2")
            .await
            .assert(401);
    }
    login_raw(&app, &app.swv.lezer, PASSWORD).await.assert(200);
}

async fn many_failures_from_one_address_do_not_lock_out_colleagues(app: TestApp) {
    // A school behind one NAT address: 99 failures spread over 20 accounts (under the account limit).
    for i in 0..99 {
        let r = login_raw(
            &app,
            &format!("collega{}@school.example", i % 20),
            "vergeten-wachtwoord",
        )
        .await;
        r.assert(401);
    }
    // Colleagues on the same address still sign in.
    login_raw(&app, &app.swv.lezer, PASSWORD).await.assert(200);
    login_raw(&app, &app.other.consulent, PASSWORD)
        .await
        .assert(200);
}

// ---------------------------------------------------------------- refresh and logout

async fn refresh_rotates_the_pair(app: TestApp) {
    let first = login_raw(&app, &app.swv.beheerder, PASSWORD).await;
    let r1 = first.body["refreshToken"].as_str().unwrap().to_string();
    let r = refresh(&app, &r1).await;
    r.assert(200);
    assert!(no_store(&r));
    assert_eq!(r.body["tokenType"], "Bearer");
    assert!(r.body["expiresIn"].as_i64().unwrap() <= 900);
    let r2 = r.body["refreshToken"].as_str().unwrap().to_string();
    let access = r.body["accessToken"].as_str().unwrap().to_string();
    assert_ne!(r1, r2);
    let who = me(&app, &access).await;
    who.assert(200);
    assert_eq!(who.body["email"], app.swv.beheerder.as_str());
    // The old refresh token no longer works...
    let again = refresh(&app, &r1).await;
    again.assert(401);
    assert!(again
        .header("content-type")
        .unwrap()
        .starts_with("application/problem+json"));
    // ...and an unknown one never did.
    refresh(&app, "geen-bestaand-refresh-token")
        .await
        .assert(401);
}

async fn reusing_a_refresh_token_revokes_the_chain(app: TestApp) {
    let r1 = login_raw(&app, &app.swv.beheerder, PASSWORD).await.body["refreshToken"]
        .as_str()
        .unwrap()
        .to_string();
    let other_session = login_raw(&app, &app.swv.beheerder, PASSWORD).await.body["refreshToken"]
        .as_str()
        .unwrap()
        .to_string();
    let r = refresh(&app, &r1).await;
    r.assert(200);
    let r2 = r.body["refreshToken"].as_str().unwrap().to_string();
    // A thief replays the used token: refused, and the whole chain dies with it.
    refresh(&app, &r1).await.assert(401);
    refresh(&app, &r2).await.assert(401);
    // Another sign-in of the same user is a different chain and keeps working.
    refresh(&app, &other_session).await.assert(200);
}

async fn an_expired_refresh_token_is_refused(app: TestApp) {
    use diesel::prelude::*;
    use koers::schema::refresh_tokens as rt;
    let r1 = login_raw(&app, &app.swv.beheerder, PASSWORD).await.body["refreshToken"]
        .as_str()
        .unwrap()
        .to_string();
    let past = koers::domain::time::now() - chrono::Duration::minutes(1);
    let n = diesel::update(rt::table)
        .set(rt::expires_at.eq(past))
        .execute(&mut app.conn())
        .unwrap();
    assert_eq!(n, 1);
    refresh(&app, &r1).await.assert(401);
}

async fn logout_ends_the_session(app: TestApp) {
    let r1 = login_raw(&app, &app.swv.beheerder, PASSWORD).await.body["refreshToken"]
        .as_str()
        .unwrap()
        .to_string();
    let r = refresh(&app, &r1).await;
    r.assert(200);
    let r2 = r.body["refreshToken"].as_str().unwrap().to_string();
    let out = app
        .request(
            Method::POST,
            "/api/v1/auth/logout",
            None,
            Some(json!({"refreshToken": r2})),
            &[],
        )
        .await;
    out.assert(204);
    assert!(out.raw.is_empty());
    refresh(&app, &r2).await.assert(401);
    // Logging out twice, or with an unknown token, is harmless.
    app.request(
        Method::POST,
        "/api/v1/auth/logout",
        None,
        Some(json!({"refreshToken": r2})),
        &[],
    )
    .await
    .assert(204);
    app.request(
        Method::POST,
        "/api/v1/auth/logout",
        None,
        Some(json!({"refreshToken": "onbekend"})),
        &[],
    )
    .await
    .assert(204);
}

// ---------------------------------------------------------------- /auth/me and the JWT

async fn me_describes_the_user(app: TestApp) {
    let t = app.token("consulent").await;
    let r = me(&app, &t).await;
    r.assert(200);
    assert_eq!(r.body["id"], app.swv.gebruiker_ids[1].to_string());
    assert_eq!(r.body["email"], "consulent@zuid.example");
    assert_eq!(r.body["naam"], "Test consulent");
    assert_eq!(r.body["rol"], "consulent");
    assert_eq!(
        r.body["samenwerkingsverband"],
        json!({"id": app.swv.id.to_string(), "naam": "SWV Test Zuid"})
    );
    assert!(r.body.get("clientId").is_none());
    assert!(r.body.get("wachtwoord").is_none() && r.body.get("wachtwoordHash").is_none());

    let other = app.login(&app.other.beheerder).await;
    let r = me(&app, &other).await;
    assert_eq!(r.body["samenwerkingsverband"]["naam"], "SWV Test Noord");
    assert_eq!(r.body["rol"], "beheerder");

    let p = app.token("platformbeheerder").await;
    let r = me(&app, &p).await;
    r.assert(200);
    assert_eq!(r.body["email"], "platform@test.example");
    assert_eq!(r.body["rol"], "platformbeheerder");
    assert!(r
        .body
        .as_object()
        .unwrap()
        .contains_key("samenwerkingsverband"));
    assert_eq!(r.body["samenwerkingsverband"], Value::Null);
}

/// `rechten` in `/auth/me` is what the API does: for every role and a client, each area's
/// `lezen` and `schrijven` match whether a read and a write of that area get past the `403`.
async fn me_says_what_the_caller_may_do(app: TestApp) {
    let random = "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b";
    let aanmeldingen = format!("/api/v1/bijeenkomsten/{random}/aanmeldingen");
    let areas: [(&str, &str); 9] = [
        ("samenwerkingsverbanden", "/api/v1/samenwerkingsverbanden"),
        ("gemeenten", "/api/v1/gemeenten"),
        ("organisatie", "/api/v1/scholen"),
        ("gebruikers", "/api/v1/gebruikers"),
        ("clients", "/api/v1/clients"),
        ("planstructuur", "/api/v1/ondersteuningsplannen"),
        ("uitvoering", "/api/v1/projecten"),
        ("bijeenkomsten", "/api/v1/bijeenkomsten"),
        ("aanmeldingen", &aanmeldingen),
    ];
    let (_, client_id, secret) = create_client(&app, &["organisatie:read"], &[]).await;
    let client = client_token(&app, &client_id, &secret, None).await.body["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let mut callers = vec![("client organisatie:read".to_string(), client)];
    for rol in [
        "platformbeheerder",
        "beheerder",
        "consulent",
        "medewerker",
        "lezer",
    ] {
        callers.push((rol.to_string(), app.token(rol).await));
    }
    for (who, token) in &callers {
        let rechten = me(&app, token).await.body["rechten"].clone();
        for (area, path) in &areas {
            // Every user reads the colleagues' list; the accounts themselves are the right.
            let gelezen = if *area == "gebruikers" {
                format!("{path}/{random}")
            } else {
                path.to_string()
            };
            let lezen = app.get(&gelezen, token).await.status.as_u16() != 403;
            let schrijven = app.post(path, token, json!({})).await.status.as_u16() != 403;
            assert_eq!(rechten[area]["lezen"], lezen, "{who} reads {area}");
            assert_eq!(rechten[area]["schrijven"], schrijven, "{who} writes {area}");
        }
    }
    let lezer = me(&app, &app.token("lezer").await).await.body["rechten"].clone();
    assert_eq!(
        lezer["organisatie"],
        json!({"lezen": true, "schrijven": false})
    );
    assert_eq!(
        lezer["aanmeldingen"],
        json!({"lezen": false, "schrijven": false})
    );
}

async fn access_token_carries_the_documented_claims(app: TestApp) {
    let t = app.token("beheerder").await;
    let header: Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(t.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "HS256");
    let c = payload(&t);
    assert_eq!(c["iss"], "koers");
    assert_eq!(c["aud"], "koers-api");
    assert_eq!(c["sub"], app.swv.gebruiker_ids[0].to_string());
    assert_eq!(c["swv"], app.swv.id.to_string());
    assert_eq!(c["rol"], "beheerder");
    let (iat, exp) = (c["iat"].as_i64().unwrap(), c["exp"].as_i64().unwrap());
    assert!((iat - now()).abs() <= 60, "iat is now");
    assert!(exp > iat && exp - iat <= 900, "lifetime {}", exp - iat);
    assert!(c["jti"].as_str().is_some_and(|j| !j.is_empty()));
    assert!(c.get("scope").is_none());
    // Every token has its own id.
    let t2 = app.token("beheerder").await;
    assert_ne!(payload(&t2)["jti"], c["jti"]);

    let p = payload(&app.token("platformbeheerder").await);
    assert!(p.as_object().unwrap().contains_key("swv"));
    assert_eq!(p["swv"], Value::Null);
    assert_eq!(p["rol"], "platformbeheerder");
}

async fn tampered_tokens_are_refused(app: TestApp) {
    let t = app.token("lezer").await;
    me(&app, &t).await.assert(200);
    let parts: Vec<&str> = t.split('.').collect();
    // One character of the signature changed.
    let sig = parts[2];
    let first = sig.chars().next().unwrap();
    let swapped = if first == 'A' { 'B' } else { 'A' };
    let bad_sig = format!("{}.{}.{swapped}{}", parts[0], parts[1], &sig[1..]);
    assert_unauthorized(&me(&app, &bad_sig).await);
    // The payload raised to beheerder, signature kept.
    let mut c = payload(&t);
    c["rol"] = json!("beheerder");
    let promoted = format!("{}.{}.{}", parts[0], b64(&c), parts[2]);
    assert_unauthorized(&me(&app, &promoted).await);
    assert_unauthorized(&app.get("/api/v1/gebruikers", &promoted).await);
    // One character of the payload changed.
    let p = parts[1];
    let last = p.chars().last().unwrap();
    let swapped = if last == 'A' { 'B' } else { 'A' };
    let bad_payload = format!("{}.{}{swapped}.{}", parts[0], &p[..p.len() - 1], parts[2]);
    assert_unauthorized(&me(&app, &bad_payload).await);
}

async fn alg_none_is_refused(app: TestApp) {
    let header = b64(&json!({"alg": "none", "typ": "JWT"}));
    let claims = b64(&beheerder_claims(&app, now(), now() + 600).await);
    assert_unauthorized(&me(&app, &format!("{header}.{claims}.")).await);
    assert_unauthorized(
        &app.get("/api/v1/gebruikers", &format!("{header}.{claims}."))
            .await,
    );
    let header = b64(&json!({"alg": "None", "typ": "JWT"}));
    assert_unauthorized(&me(&app, &format!("{header}.{claims}.")).await);
}

async fn expired_and_foreign_tokens_are_refused(app: TestApp) {
    // A token we sign ourselves with the server's secret works: the forgery below is sound.
    let valid = sign(&beheerder_claims(&app, now(), now() + 600).await, SECRET);
    me(&app, &valid).await.assert(200);
    // Expired.
    let expired = sign(
        &beheerder_claims(&app, now() - 7200, now() - 3600).await,
        SECRET,
    );
    assert_unauthorized(&me(&app, &expired).await);
    // Signed with another secret.
    let foreign = sign(
        &beheerder_claims(&app, now(), now() + 600).await,
        "een-ander-geheim-een-ander-geheim-0000",
    );
    assert_unauthorized(&me(&app, &foreign).await);
    // Right secret, wrong audience or issuer.
    let mut c = beheerder_claims(&app, now(), now() + 600).await;
    c["aud"] = json!("iets-anders");
    assert_unauthorized(&me(&app, &sign(&c, SECRET)).await);
    let mut c = beheerder_claims(&app, now(), now() + 600).await;
    c["iss"] = json!("iemand-anders");
    assert_unauthorized(&me(&app, &sign(&c, SECRET)).await);
}

async fn missing_or_garbled_authorization_is_refused(app: TestApp) {
    let t = app.token("lezer").await;
    let cases = [
        None,
        Some("Bearer".to_string()),
        Some("Bearer ".to_string()),
        Some("Bearer niet.een.jwt".to_string()),
        Some("Bearer xyz".to_string()),
        Some(format!(
            "Basic {}",
            STANDARD.encode(format!("{}:{PASSWORD}", app.swv.lezer))
        )),
        Some(format!("Token {t}")),
        Some(t.clone()),
    ];
    for case in &cases {
        let r = me_with_header(&app, case.as_deref()).await;
        assert_eq!(r.status.as_u16(), 401, "{case:?}: {}", r.body);
        assert_unauthorized(&r);
    }
    // The scheme is case-insensitive.
    me_with_header(&app, Some(&format!("bearer {t}")))
        .await
        .assert(200);
    // Without a token, a protected list answers 401 too (not 403 or 404).
    assert_unauthorized(
        &app.request(Method::GET, "/api/v1/gebruikers", None, None, &[])
            .await,
    );
}

// ---------------------------------------------------------------- OAuth2 client credentials

async fn client_credentials_issue_a_token(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/clients",
            &t,
            json!({"naam": "Gemeente Haarlem", "scopes": ["organisatie:read"]}),
        )
        .await;
    r.assert(201);
    assert!(
        no_store(&r),
        "the answer carrying the secret must not be cached"
    );
    let id = r.body["id"].as_str().unwrap().to_string();
    let client_id = r.body["clientId"].as_str().unwrap().to_string();
    let secret = r.body["clientSecret"].as_str().unwrap().to_string();
    assert!(!secret.is_empty());
    // The secret is never shown again.
    let g = app.get(&format!("/api/v1/clients/{id}"), &t).await;
    g.assert(200);
    assert_eq!(g.body["clientId"], client_id.as_str());
    assert!(g.body.get("clientSecret").is_none());
    assert!(!String::from_utf8_lossy(&g.raw).contains(&secret));
    let list = app.get("/api/v1/clients", &t).await;
    assert!(!String::from_utf8_lossy(&list.raw).contains(&secret));
    assert!(list.body["items"][0].get("clientSecret").is_none());

    let r = client_token(&app, &client_id, &secret, None).await;
    r.assert(200);
    assert!(no_store(&r));
    assert_eq!(r.body["token_type"], "Bearer");
    assert_eq!(r.body["scope"], "organisatie:read");
    let expires = r.body["expires_in"].as_i64().unwrap();
    assert!(expires > 0 && expires <= 900);
    let access = r.body["access_token"].as_str().unwrap();
    let c = payload(access);
    assert_eq!(c["iss"], "koers");
    assert_eq!(c["aud"], "koers-api");
    assert_eq!(c["sub"], client_id.as_str());
    assert_eq!(c["swv"], app.swv.id.to_string());
    assert_eq!(c["scope"], "organisatie:read");
    assert!(c.get("rol").is_none());
    assert!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap() <= 900);
    assert!(c["jti"].as_str().is_some_and(|j| !j.is_empty()));
    me(&app, access).await.assert(200);
}

async fn client_credentials_with_http_basic(app: TestApp) {
    let (_, client_id, secret) = create_client(&app, &["organisatie:read"], &[]).await;
    let basic = format!("Basic {}", STANDARD.encode(format!("{client_id}:{secret}")));
    let r = token_request(
        &app,
        "application/x-www-form-urlencoded",
        "grant_type=client_credentials",
        &[("authorization", &basic)],
    )
    .await;
    r.assert(200);
    assert_eq!(r.body["token_type"], "Bearer");
    assert!(no_store(&r));
    // Wrong secret through Basic: invalid_client.
    let basic = format!(
        "Basic {}",
        STANDARD.encode(format!("{client_id}:niet-het-geheim"))
    );
    let r = token_request(
        &app,
        "application/x-www-form-urlencoded",
        "grant_type=client_credentials",
        &[("authorization", &basic)],
    )
    .await;
    r.assert(401);
    assert_eq!(r.body["error"], "invalid_client");
}

async fn client_credentials_errors_follow_rfc_6749(app: TestApp) {
    let (_, client_id, secret) = create_client(&app, &["organisatie:read"], &[]).await;
    let form = "application/x-www-form-urlencoded";

    let r = client_token(&app, &client_id, "niet-het-geheim", None).await;
    r.assert(401);
    assert_eq!(r.body["error"], "invalid_client");
    assert!(r.body.get("access_token").is_none());
    assert!(no_store(&r));
    let r = client_token(&app, "kc_bestaatniet", &secret, None).await;
    r.assert(401);
    assert_eq!(r.body["error"], "invalid_client");

    let r = token_request(
        &app,
        form,
        &format!("grant_type=password&client_id={client_id}&client_secret={secret}"),
        &[],
    )
    .await;
    r.assert(400);
    assert_eq!(r.body["error"], "unsupported_grant_type");
    assert!(no_store(&r));

    let r = token_request(
        &app,
        form,
        &format!("client_id={client_id}&client_secret={secret}"),
        &[],
    )
    .await;
    r.assert(400);
    assert_eq!(r.body["error"], "invalid_request");

    let body = json!({"grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}).to_string();
    let r = token_request(&app, "application/json", &body, &[]).await;
    r.assert(400);
    assert_eq!(r.body["error"], "invalid_request");

    let r = client_token(&app, &client_id, &secret, Some("organisatie:write")).await;
    r.assert(400);
    assert_eq!(r.body["error"], "invalid_scope");
    let r = client_token(
        &app,
        &client_id,
        &secret,
        Some("organisatie:read alles:lezen"),
    )
    .await;
    r.assert(400);
    assert_eq!(r.body["error"], "invalid_scope");

    // After all that the client still gets its token.
    client_token(&app, &client_id, &secret, None)
        .await
        .assert(200);
}

async fn requested_scope_narrows_the_token(app: TestApp) {
    let (_, client_id, secret) =
        create_client(&app, &["organisatie:read", "organisatie:write"], &[]).await;
    let full = client_token(&app, &client_id, &secret, None).await;
    full.assert(200);
    let scopes: Vec<&str> = full.body["scope"].as_str().unwrap().split(' ').collect();
    assert_eq!(scopes.len(), 2);
    assert!(scopes.contains(&"organisatie:read") && scopes.contains(&"organisatie:write"));
    let full = full.body["access_token"].as_str().unwrap().to_string();

    let narrow = client_token(&app, &client_id, &secret, Some("organisatie:read")).await;
    narrow.assert(200);
    assert_eq!(narrow.body["scope"], "organisatie:read");
    let narrow = narrow.body["access_token"].as_str().unwrap().to_string();
    assert_eq!(payload(&narrow)["scope"], "organisatie:read");

    // The full token may write, the narrowed one may only read.
    app.post(
        "/api/v1/schoolbesturen",
        &full,
        json!({"naam": "Stichting Een", "bevoegdGezagNummer": "41001"}),
    )
    .await
    .assert(201);
    let r = app
        .post(
            "/api/v1/schoolbesturen",
            &narrow,
            json!({"naam": "Stichting Twee", "bevoegdGezagNummer": "41002"}),
        )
        .await;
    r.assert(403);
    let list = app.get("/api/v1/schoolbesturen", &narrow).await;
    list.assert(200);
    assert_eq!(list.body["total"], 1);
}

async fn me_describes_the_client(app: TestApp) {
    let haarlem = served_gemeente(&app, "0392", "Haarlem").await;
    let bloemendaal = served_gemeente(&app, "0377", "Bloemendaal").await;
    let (id, client_id, secret) =
        create_client(&app, &["jop:read"], &[&haarlem, &bloemendaal]).await;
    let t = client_token(&app, &client_id, &secret, None).await;
    t.assert(200);
    let r = me(&app, t.body["access_token"].as_str().unwrap()).await;
    r.assert(200);
    assert_eq!(r.body["id"], id.as_str());
    assert_eq!(r.body["clientId"], client_id.as_str());
    assert_eq!(r.body["naam"], "Koppeling");
    assert_eq!(r.body["scopes"], json!(["jop:read"]));
    assert_eq!(
        r.body["gemeenten"],
        json!([
            {"id": bloemendaal, "cbsCode": "0377", "naam": "Bloemendaal"},
            {"id": haarlem, "cbsCode": "0392", "naam": "Haarlem"},
        ])
    );
    assert_eq!(r.body["samenwerkingsverband"]["id"], app.swv.id.to_string());
    assert!(r.body.get("email").is_none());
    assert!(r.body.get("rol").is_none());
}

async fn client_scopes_decide_access(app: TestApp) {
    let (_, reader, reader_secret) = create_client(&app, &["organisatie:read"], &[]).await;
    let reader = client_token(&app, &reader, &reader_secret, None).await.body["access_token"]
        .as_str()
        .unwrap()
        .to_string();

    let r = app.get("/api/v1/scholen", &reader).await;
    r.assert(200);
    assert_eq!(r.body["total"], 0);
    let t = app.token("beheerder").await;
    let g = gemeente(&app, "0392", "Haarlem").await;
    let b = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590").await;
    let school = json!({"naam": "De Ster", "brin": "12AB", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g});
    let r = app.post("/api/v1/scholen", &reader, school.clone()).await;
    r.assert(403);
    // The same body is fine for the beheerder, so the 403 is about the scope.
    app.post("/api/v1/scholen", &t, school).await.assert(201);
    assert_eq!(app.get("/api/v1/scholen", &reader).await.body["total"], 1);
    let (_, jop, jop_secret) = create_client(&app, &["jop:read"], &[&g]).await;
    let jop = client_token(&app, &jop, &jop_secret, None).await.body["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    app.get("/api/v1/scholen", &jop).await.assert(403);
    // Neither reaches the accounts of the SWV.
    app.get("/api/v1/gebruikers", &reader).await.assert(403);
    app.get("/api/v1/clients", &jop).await.assert(403);
}

async fn revoked_or_deleted_clients_get_no_tokens(app: TestApp) {
    let t = app.token("beheerder").await;
    let haarlem = served_gemeente(&app, "0392", "Haarlem").await;
    let (id, client_id, secret) = create_client(&app, &["jop:read"], &[&haarlem]).await;
    client_token(&app, &client_id, &secret, None)
        .await
        .assert(200);

    let r = app
        .patch(
            &format!("/api/v1/clients/{id}"),
            &t,
            json!({"actief": false}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["actief"], false);
    let r = client_token(&app, &client_id, &secret, None).await;
    r.assert(401);
    assert_eq!(r.body["error"], "invalid_client");

    app.patch(
        &format!("/api/v1/clients/{id}"),
        &t,
        json!({"actief": true}),
    )
    .await
    .assert(200);
    client_token(&app, &client_id, &secret, None)
        .await
        .assert(200);

    let issued = client_token(&app, &client_id, &secret, None).await.body["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    app.delete(&format!("/api/v1/clients/{id}"), &t)
        .await
        .assert(204);
    // A token issued before no longer identifies anyone.
    assert_unauthorized(&me(&app, &issued).await);
    let r = client_token(&app, &client_id, &secret, None).await;
    r.assert(401);
    assert_eq!(r.body["error"], "invalid_client");
}

async fn rotating_the_secret_replaces_it(app: TestApp) {
    let t = app.token("beheerder").await;
    let haarlem = served_gemeente(&app, "0392", "Haarlem").await;
    let (id, client_id, old) = create_client(&app, &["jop:read"], &[&haarlem]).await;
    let r = app
        .post(&format!("/api/v1/clients/{id}/secret"), &t, json!({}))
        .await;
    r.assert(200);
    assert!(no_store(&r));
    assert_eq!(r.body["clientId"], client_id.as_str());
    let new = r.body["clientSecret"].as_str().unwrap().to_string();
    assert_ne!(new, old);
    client_token(&app, &client_id, &new, None).await.assert(200);
    let r = client_token(&app, &client_id, &old, None).await;
    r.assert(401);
    assert_eq!(r.body["error"], "invalid_client");
    // The new secret is not shown again either.
    assert!(app
        .get(&format!("/api/v1/clients/{id}"), &t)
        .await
        .body
        .get("clientSecret")
        .is_none());
}

both_backends!(
    login_returns_a_token_pair,
    wrong_password_and_unknown_email_answer_the_same,
    inactive_user_cannot_log_in,
    failed_logins_are_throttled_per_account,
    a_successful_login_resets_the_failures,
    many_failures_from_one_address_do_not_lock_out_colleagues,
    refresh_rotates_the_pair,
    reusing_a_refresh_token_revokes_the_chain,
    an_expired_refresh_token_is_refused,
    logout_ends_the_session,
    me_describes_the_user,
    me_says_what_the_caller_may_do,
    access_token_carries_the_documented_claims,
    tampered_tokens_are_refused,
    alg_none_is_refused,
    expired_and_foreign_tokens_are_refused,
    missing_or_garbled_authorization_is_refused,
    client_credentials_issue_a_token,
    client_credentials_with_http_basic,
    client_credentials_errors_follow_rfc_6749,
    requested_scope_narrows_the_token,
    me_describes_the_client,
    client_scopes_decide_access,
    revoked_or_deleted_clients_get_no_tokens,
    rotating_the_secret_replaces_it,
);
