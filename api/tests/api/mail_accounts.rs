//! Staff accounts by mail: the invitation of a new user, "wachtwoord vergeten" and the one-time
//! links behind both, and a user's own name and password; mails without SMTP as `.eml` files.

use actix_web::http::Method;
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::common::smtp::{app_with, deliver, parse, SmtpServer};
use crate::common::{assert_invalid, assert_problem, Resp, TestApp};
use koers::db::Backend;

per_backend!(
    an_invited_user_chooses_a_password,
    a_forgotten_password_is_reset_once
);
both_backends!(own_name_and_password, without_smtp_mails_are_eml_files);

async fn anonymous(app: &TestApp, method: Method, path: &str, body: Option<Value>) -> Resp {
    app.request(method, path, None, body, &[]).await
}

async fn login(app: &TestApp, email: &str, password: &str) -> Resp {
    anonymous(
        app,
        Method::POST,
        "/api/v1/auth/login",
        Some(json!({"email": email, "password": password})),
    )
    .await
}

fn token_of(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_string()
}

const NEW_PASSWORD: &str = "vlinder-kompas-oceaan-42";

async fn an_invited_user_chooses_a_password(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = app_with(backend, &smtp, 3).await;
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/gebruikers",
            &t,
            json!({"email": "Nieuw@Swv.Example", "naam": "Noor Visser", "rol": "consulent"}),
        )
        .await;
    r.assert(201);
    // Before choosing a password the account cannot sign in with anything.
    assert_eq!(login(&app, "nieuw@swv.example", "").await.status, 400);
    assert_eq!(
        login(&app, "nieuw@swv.example", "!uitgenodigd")
            .await
            .status,
        401
    );
    assert_eq!(deliver(&app).await, 1);
    let mail = &smtp.for_address("nieuw@swv.example")[0];
    assert_eq!(mail.subject, "Uw account voor Koers");
    assert!(mail.text.starts_with("Beste Noor Visser,"));
    assert!(mail.text.contains("SWV Test Zuid"), "signed by the SWV");
    let token = token_of(&mail.link("http://koers.test/wachtwoord-instellen/"));

    let r = anonymous(
        &app,
        Method::GET,
        &format!("/api/v1/auth/wachtwoord-instellen/{token}"),
        None,
    )
    .await;
    r.assert(200);
    assert_eq!(r.body["email"], "nieuw@swv.example");
    let set = |wachtwoord: &str| json!({"token": token, "wachtwoord": wachtwoord});
    let r = anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-instellen",
        Some(set("nieuw-nieuw-nieuw")),
    )
    .await;
    assert_invalid(&r, "wachtwoord");
    anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-instellen",
        Some(set(NEW_PASSWORD)),
    )
    .await
    .assert(204);
    login(&app, "nieuw@swv.example", NEW_PASSWORD)
        .await
        .assert(200);
    // Used once: the link is gone, for reading and for setting.
    let r = anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-instellen",
        Some(set("een-ander-lang-wachtwoord-9")),
    )
    .await;
    assert_problem(&r, 410);
    assert_eq!(r.body["type"], "urn:koers:problem:link-verlopen");
    assert!(r.body["detail"]
        .as_str()
        .unwrap()
        .contains("Wachtwoord vergeten"));
    assert_problem(
        &anonymous(
            &app,
            Method::GET,
            &format!("/api/v1/auth/wachtwoord-instellen/{token}"),
            None,
        )
        .await,
        410,
    );
    // A password typed by the beheerder still works and sends no invitation.
    app.post(
        "/api/v1/gebruikers",
        &t,
        json!({"email": "direct@swv.example", "naam": "Direct", "rol": "lezer", "wachtwoord": "zeilboot-horizon-kaart-7"}),
    )
    .await
    .assert(201);
    assert_eq!(deliver(&app).await, 0);
}

async fn a_forgotten_password_is_reset_once(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = app_with(backend, &smtp, 3).await;
    let email = app.swv.consulent.clone();
    let forgot = |e: &str| json!({"email": e});
    // Known or unknown: the same answer; only the known address gets a mail.
    let known = anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-vergeten",
        Some(forgot(&email.to_uppercase())),
    )
    .await;
    let unknown = anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-vergeten",
        Some(forgot("niemand@nergens.example")),
    )
    .await;
    known.assert(202);
    unknown.assert(202);
    assert_eq!(known.body, unknown.body);
    assert_eq!(deliver(&app).await, 1);
    let mail = &smtp.for_address(&email)[0];
    assert_eq!(mail.subject, "Nieuw wachtwoord voor Koers");
    let token = token_of(&mail.link("http://koers.test/wachtwoord-instellen/"));

    // An hour later the link has expired.
    let hash = koers::secrets::token_digest(&token);
    {
        use koers::schema::wachtwoord_tokens as wt;
        let mut c = app.conn();
        diesel::update(wt::table.filter(wt::token_hash.eq(&hash)))
            .set(wt::verloopt_op.eq(koers::domain::time::now() - chrono::Duration::minutes(1)))
            .execute(&mut *c)
            .unwrap();
    }
    let r = anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-instellen",
        Some(json!({"token": token, "wachtwoord": NEW_PASSWORD})),
    )
    .await;
    assert_problem(&r, 410);
    login(&app, &email, crate::common::PASSWORD)
        .await
        .assert(200);

    // A new request; the link works once and ends the sessions of the account.
    let session = app.login(&email).await;
    anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-vergeten",
        Some(forgot(&email)),
    )
    .await
    .assert(202);
    deliver(&app).await;
    let token =
        token_of(&smtp.for_address(&email)[1].link("http://koers.test/wachtwoord-instellen/"));
    anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-instellen",
        Some(json!({"token": token, "wachtwoord": NEW_PASSWORD})),
    )
    .await
    .assert(204);
    assert_eq!(app.get("/api/v1/auth/me", &session).await.status, 401);
    assert_eq!(
        login(&app, &email, crate::common::PASSWORD).await.status,
        401
    );
    login(&app, &email, NEW_PASSWORD).await.assert(200);

    // Throttled per address: the fourth request for one account within the window is refused.
    for _ in 0..2 {
        anonymous(
            &app,
            Method::POST,
            "/api/v1/auth/wachtwoord-vergeten",
            Some(forgot("teveel@swv.example")),
        )
        .await
        .assert(202);
    }
    anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-vergeten",
        Some(forgot("teveel@swv.example")),
    )
    .await
    .assert(202);
    let r = anonymous(
        &app,
        Method::POST,
        "/api/v1/auth/wachtwoord-vergeten",
        Some(forgot("teveel@swv.example")),
    )
    .await;
    assert_problem(&r, 429);
    assert!(r.header("retry-after").is_some());
}

async fn own_name_and_password(app: TestApp) {
    let email = app.swv.medewerker.clone();
    let t = app.login(&email).await;
    let r = app
        .patch("/api/v1/auth/me", &t, json!({"naam": "Mees de Wit"}))
        .await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Mees de Wit");
    assert_eq!(
        app.get("/api/v1/auth/me", &t).await.body["naam"],
        "Mees de Wit"
    );
    assert_invalid(
        &app.patch("/api/v1/auth/me", &t, json!({"naam": " "})).await,
        "naam",
    );
    // Only the name: the role is not the user's to change.
    assert_problem(
        &app.patch("/api/v1/auth/me", &t, json!({"rol": "beheerder"}))
            .await,
        400,
    );
    assert_eq!(
        app.get("/api/v1/auth/me", &t).await.body["rol"],
        "medewerker"
    );

    let change = |huidig: &str, nieuw: &str| json!({"huidig": huidig, "nieuw": nieuw});
    let r = app
        .post(
            "/api/v1/auth/me/wachtwoord",
            &t,
            change("fout-fout-fout", NEW_PASSWORD),
        )
        .await;
    assert_invalid(&r, "huidig");
    let r = app
        .post(
            "/api/v1/auth/me/wachtwoord",
            &t,
            change(crate::common::PASSWORD, "wachtwoord12"),
        )
        .await;
    assert_invalid(&r, "nieuw");
    app.post(
        "/api/v1/auth/me/wachtwoord",
        &t,
        change(crate::common::PASSWORD, NEW_PASSWORD),
    )
    .await
    .assert(204);
    assert_eq!(
        app.get("/api/v1/auth/me", &t).await.status,
        401,
        "sessions end"
    );
    assert_eq!(
        login(&app, &email, crate::common::PASSWORD).await.status,
        401
    );
    login(&app, &email, NEW_PASSWORD).await.assert(200);
}

/// Without `KOERS_SMTP_URL` (the default of `make run`) mails are written under `data/mail/`.
async fn without_smtp_mails_are_eml_files(app: TestApp) {
    let t = app.token("beheerder").await;
    app.post(
        "/api/v1/gebruikers",
        &t,
        json!({"email": "eml@swv.example", "naam": "Eva Mulder", "rol": "lezer"}),
    )
    .await
    .assert(201);
    assert_eq!(deliver(&app).await, 1);
    let dir = app.state.config.data_dir.join("mail");
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(files.len(), 1);
    let path = files[0].as_ref().unwrap().path();
    assert_eq!(path.extension().unwrap(), "eml");
    let mail = parse(&std::fs::read(&path).unwrap());
    assert_eq!(mail.to, "eml@swv.example");
    assert!(mail
        .text
        .contains("http://koers.test/wachtwoord-instellen/"));
    let page = app.get("/api/v1/mails", &t).await;
    assert_eq!(page.body["items"][0]["status"], "verzonden");
}
