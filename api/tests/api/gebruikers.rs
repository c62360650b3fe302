use crate::common::{Resp, TestApp, PASSWORD};
use actix_web::http::Method;
use serde_json::{json, Value};

// Hard to guess, and without the local part of any address below (the API refuses both).
const NIEUW_WACHTWOORD: &str = "paars-kanon-zeilt-traag";

async fn login_raw(app: &TestApp, email: &str, password: &str) -> Resp {
    app.request(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"email": email, "password": password})),
        &[],
    )
    .await
}

fn new_user(email: &str, rol: &str) -> Value {
    json!({"email": email, "naam": "Nieuwe Collega", "rol": rol, "wachtwoord": NIEUW_WACHTWOORD})
}

fn emails(r: &Resp) -> Vec<String> {
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["email"].as_str().unwrap().to_string())
        .collect()
}

fn has_secret(r: &Resp) -> bool {
    let text = String::from_utf8_lossy(&r.raw);
    text.contains("wachtwoord") || text.contains(NIEUW_WACHTWOORD) || text.contains("argon2")
}

async fn beheerder_creates_a_user_in_its_own_swv(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/gebruikers",
            &t,
            new_user("sanne@zuid.example", "consulent"),
        )
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(
        r.header("location").unwrap(),
        format!("/api/v1/gebruikers/{id}")
    );
    assert_eq!(r.header("etag").unwrap(), "\"1\"");
    assert_eq!(r.body["samenwerkingsverbandId"], app.swv.id.to_string());
    assert_eq!(r.body["rol"], "consulent");
    assert_eq!(r.body["actief"], true);
    assert_eq!(r.body["versie"], 1);
    assert!(
        !has_secret(&r),
        "the password must never be returned: {}",
        r.body
    );

    let g = app.get(&format!("/api/v1/gebruikers/{id}"), &t).await;
    g.assert(200);
    assert_eq!(g.body["email"], "sanne@zuid.example");
    assert!(!has_secret(&g));
    let list = app.get("/api/v1/gebruikers", &t).await;
    list.assert(200);
    assert_eq!(list.body["total"], 5);
    assert!(emails(&list).contains(&"sanne@zuid.example".to_string()));
    assert!(!has_secret(&list));

    // The new user can sign in and belongs to the SWV.
    let login = login_raw(&app, "sanne@zuid.example", NIEUW_WACHTWOORD).await;
    login.assert(200);
    let me = app
        .get(
            "/api/v1/auth/me",
            login.body["accessToken"].as_str().unwrap(),
        )
        .await;
    assert_eq!(
        me.body["samenwerkingsverband"]["id"],
        app.swv.id.to_string()
    );
    assert_eq!(me.body["rol"], "consulent");

    // Naming the own SWV explicitly is fine too.
    let mut body = new_user("piet@zuid.example", "lezer");
    body["samenwerkingsverbandId"] = json!(app.swv.id.to_string());
    app.post("/api/v1/gebruikers", &t, body).await.assert(201);
}

async fn beheerder_cannot_place_users_elsewhere(app: TestApp) {
    let t = app.token("beheerder").await;
    let mut body = new_user("indringer@noord.example", "consulent");
    body["samenwerkingsverbandId"] = json!(app.other.id.to_string());
    app.post("/api/v1/gebruikers", &t, body).await.assert(403);
    let r = app
        .post(
            "/api/v1/gebruikers",
            &t,
            new_user("baas@zuid.example", "platformbeheerder"),
        )
        .await;
    r.assert(403);
    // Nothing was created.
    login_raw(&app, "indringer@noord.example", NIEUW_WACHTWOORD)
        .await
        .assert(401);
    login_raw(&app, "baas@zuid.example", NIEUW_WACHTWOORD)
        .await
        .assert(401);
    let p = app.token("platformbeheerder").await;
    assert_eq!(app.get("/api/v1/gebruikers", &p).await.body["total"], 9);
    // Nor can a beheerder move an own user to another SWV or promote one.
    let consulent = app.swv.gebruiker_ids[1];
    let path = format!("/api/v1/gebruikers/{consulent}");
    app.patch(
        &path,
        &t,
        json!({"samenwerkingsverbandId": app.other.id.to_string()}),
    )
    .await
    .assert(403);
    app.patch(&path, &t, json!({"rol": "platformbeheerder"}))
        .await
        .assert(403);
    let g = app.get(&path, &t).await;
    assert_eq!(g.body["rol"], "consulent");
    assert_eq!(g.body["versie"], 1);
}

async fn platformbeheerder_manages_users_of_every_swv(app: TestApp) {
    let p = app.token("platformbeheerder").await;
    // For an SWV role the SWV is required.
    let r = app
        .post(
            "/api/v1/gebruikers",
            &p,
            new_user("nieuw@noord.example", "beheerder"),
        )
        .await;
    r.assert(400);
    assert!(
        r.invalid().contains(&"samenwerkingsverbandId".to_string()),
        "{}",
        r.body
    );
    // And must exist.
    let mut body = new_user("nieuw@noord.example", "beheerder");
    body["samenwerkingsverbandId"] = json!(uuid::Uuid::new_v4().to_string());
    let r = app.post("/api/v1/gebruikers", &p, body).await;
    r.assert(400);
    assert!(r.invalid().contains(&"samenwerkingsverbandId".to_string()));

    let mut body = new_user("nieuw@noord.example", "beheerder");
    body["samenwerkingsverbandId"] = json!(app.other.id.to_string());
    let r = app.post("/api/v1/gebruikers", &p, body).await;
    r.assert(201);
    assert_eq!(r.body["samenwerkingsverbandId"], app.other.id.to_string());
    assert_eq!(r.body["rol"], "beheerder");
    // The new beheerder manages the other SWV.
    let login = login_raw(&app, "nieuw@noord.example", NIEUW_WACHTWOORD).await;
    let t = login.body["accessToken"].as_str().unwrap().to_string();
    let mine = app.get("/api/v1/gebruikers", &t).await;
    assert_eq!(mine.body["total"], 5);
    assert!(emails(&mine).iter().all(|e| e.ends_with("@noord.example")));

    // A platformbeheerder has no SWV.
    let r = app
        .post(
            "/api/v1/gebruikers",
            &p,
            new_user("tweede@platform.example", "platformbeheerder"),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["samenwerkingsverbandId"], Value::Null);
    let mut body = new_user("derde@platform.example", "platformbeheerder");
    body["samenwerkingsverbandId"] = json!(app.swv.id.to_string());
    let r = app.post("/api/v1/gebruikers", &p, body).await;
    r.assert(400);
    assert!(r.invalid().contains(&"samenwerkingsverbandId".to_string()));

    // All users, of every SWV.
    let all = app.get("/api/v1/gebruikers?pageSize=200", &p).await;
    all.assert(200);
    assert_eq!(all.body["total"], 11);
    let all_emails = emails(&all);
    assert!(all_emails.contains(&app.swv.beheerder) && all_emails.contains(&app.other.lezer));
    // Filtered to one SWV.
    let r = app
        .get(
            &format!("/api/v1/gebruikers?samenwerkingsverbandId={}", app.other.id),
            &p,
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["total"], 5);
    for item in r.body["items"].as_array().unwrap() {
        assert_eq!(item["samenwerkingsverbandId"], app.other.id.to_string());
    }
    app.get("/api/v1/gebruikers?samenwerkingsverbandId=geen-uuid", &p)
        .await
        .assert(400);
    // Reading and changing a user of any SWV.
    let lezer = app.other.gebruiker_ids[3];
    let r = app
        .patch(
            &format!("/api/v1/gebruikers/{lezer}"),
            &p,
            json!({"naam": "Andere Naam"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Andere Naam");
    assert_eq!(r.body["samenwerkingsverbandId"], app.other.id.to_string());
}

async fn a_beheerder_filtering_on_another_swv_sees_nothing(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .get(
            &format!("/api/v1/gebruikers?samenwerkingsverbandId={}", app.other.id),
            &t,
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["total"], 0);
    assert!(!String::from_utf8_lossy(&r.raw).contains("noord.example"));
    let all = app.get("/api/v1/gebruikers", &t).await;
    assert_eq!(all.body["total"], 4);
    assert!(emails(&all).iter().all(|e| e.ends_with("@zuid.example")));
}

async fn wachtwoord_rules(app: TestApp) {
    let t = app.token("beheerder").await;
    let mut body = new_user("kort@zuid.example", "lezer");
    body["wachtwoord"] = json!("elf-tekens!");
    let r = app.post("/api/v1/gebruikers", &t, body).await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["wachtwoord"]);
    // Without a password the account is invited (mail_accounts.rs), and cannot sign in yet.
    let mut body = new_user("uitgenodigd@zuid.example", "lezer");
    body.as_object_mut().unwrap().remove("wachtwoord");
    app.post("/api/v1/gebruikers", &t, body).await.assert(201);
    login_raw(&app, "uitgenodigd@zuid.example", "twaalf-teken")
        .await
        .assert(401);
    // Exactly 12 is enough.
    let mut body = new_user("kort@zuid.example", "lezer");
    body["wachtwoord"] = json!("twaalf-teken");
    app.post("/api/v1/gebruikers", &t, body).await.assert(201);
    login_raw(&app, "kort@zuid.example", "twaalf-teken")
        .await
        .assert(200);
    // A too short new password is refused and the old one keeps working.
    let lezer = app.swv.gebruiker_ids[3];
    let r = app
        .patch(
            &format!("/api/v1/gebruikers/{lezer}"),
            &t,
            json!({"wachtwoord": "kort"}),
        )
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["wachtwoord"]);
    login_raw(&app, &app.swv.lezer, PASSWORD).await.assert(200);
}

async fn email_is_lowercase_and_unique(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/gebruikers",
            &t,
            new_user("Sanne.Bakker@Zuid.Example", "consulent"),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["email"], "sanne.bakker@zuid.example");
    login_raw(&app, "sanne.bakker@zuid.example", NIEUW_WACHTWOORD)
        .await
        .assert(200);

    for email in [
        "sanne.bakker@zuid.example",
        "SANNE.BAKKER@zuid.example",
        &app.other.beheerder,
    ] {
        let r = app
            .post("/api/v1/gebruikers", &t, new_user(email, "lezer"))
            .await;
        r.assert(409);
        assert_eq!(r.invalid(), vec!["email"], "{}", r.body);
    }
    assert_eq!(app.get("/api/v1/gebruikers", &t).await.body["total"], 5);
    // Changing an email to one in use is refused as well.
    let lezer = app.swv.gebruiker_ids[3];
    let r = app
        .patch(
            &format!("/api/v1/gebruikers/{lezer}"),
            &t,
            json!({"email": "Consulent@Zuid.example"}),
        )
        .await;
    r.assert(409);
    assert_eq!(r.invalid(), vec!["email"]);
    let r = app.get(&format!("/api/v1/gebruikers/{lezer}"), &t).await;
    assert_eq!(r.body["email"], app.swv.lezer.as_str());
    // Not an email address at all.
    let r = app
        .post("/api/v1/gebruikers", &t, new_user("geen-adres", "lezer"))
        .await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["email"]);
}

async fn other_roles_are_refused(app: TestApp) {
    let beheerder = app.swv.gebruiker_ids[0];
    for rol in ["consulent", "medewerker", "lezer"] {
        let t = app.token(rol).await;
        app.get(&format!("/api/v1/gebruikers/{beheerder}"), &t)
            .await
            .assert(403);
        app.post(
            "/api/v1/gebruikers",
            &t,
            new_user(&format!("{rol}-maakt@zuid.example"), "lezer"),
        )
        .await
        .assert(403);
        app.patch(
            &format!("/api/v1/gebruikers/{beheerder}"),
            &t,
            json!({"actief": false}),
        )
        .await
        .assert(403);
        app.delete(&format!("/api/v1/gebruikers/{beheerder}"), &t)
            .await
            .assert(403);
    }
    let t = app.token("beheerder").await;
    let r = app.get("/api/v1/gebruikers", &t).await;
    assert_eq!(r.body["total"], 4);
    assert_eq!(
        app.get(&format!("/api/v1/gebruikers/{beheerder}"), &t)
            .await
            .body["versie"],
        1
    );
}

async fn users_of_another_swv_are_not_found(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = app.other.gebruiker_ids[1];
    let path = format!("/api/v1/gebruikers/{id}");
    app.get(&path, &t).await.assert(404);
    app.patch(&path, &t, json!({"naam": "Overgenomen"}))
        .await
        .assert(404);
    let put = json!({"email": "consulent@noord.example", "naam": "Overgenomen", "rol": "consulent", "actief": false});
    app.put(&path, &t, put).await.assert(404);
    app.delete(&path, &t).await.assert(404);
    // Unknown ids look the same.
    app.get(&format!("/api/v1/gebruikers/{}", uuid::Uuid::new_v4()), &t)
        .await
        .assert(404);
    // The user is untouched.
    let p = app.token("platformbeheerder").await;
    let r = app.get(&path, &p).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Test consulent");
    assert_eq!(r.body["actief"], true);
    assert_eq!(r.body["versie"], 1);
    login_raw(&app, &app.other.consulent, PASSWORD)
        .await
        .assert(200);
}

async fn a_beheerder_cannot_lock_itself_out(app: TestApp) {
    let t = app.token("beheerder").await;
    let me = app.swv.gebruiker_ids[0];
    let path = format!("/api/v1/gebruikers/{me}");
    app.patch(&path, &t, json!({"actief": false}))
        .await
        .assert(409);
    app.patch(&path, &t, json!({"rol": "lezer"}))
        .await
        .assert(409);
    app.delete(&path, &t).await.assert(409);
    let r = app.get(&path, &t).await;
    r.assert(200);
    assert_eq!(r.body["actief"], true);
    assert_eq!(r.body["rol"], "beheerder");
    assert_eq!(r.body["versie"], 1);
    login_raw(&app, &app.swv.beheerder, PASSWORD)
        .await
        .assert(200);
    // Changing the own name is fine.
    app.patch(&path, &t, json!({"naam": "Marieke"}))
        .await
        .assert(200);
    // The same holds for the platformbeheerder.
    let p = app.token("platformbeheerder").await;
    let me = app.get("/api/v1/auth/me", &p).await.body["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.patch(
        &format!("/api/v1/gebruikers/{me}"),
        &p,
        json!({"actief": false}),
    )
    .await
    .assert(409);
    app.delete(&format!("/api/v1/gebruikers/{me}"), &p)
        .await
        .assert(409);
    login_raw(&app, &app.platform, PASSWORD).await.assert(200);
}

async fn deactivation_blocks_login_and_ends_sessions(app: TestApp) {
    let session = login_raw(&app, &app.swv.consulent, PASSWORD).await;
    session.assert(200);
    let refresh_token = session.body["refreshToken"].as_str().unwrap().to_string();
    let t = app.token("beheerder").await;
    let id = app.swv.gebruiker_ids[1];
    let r = app
        .patch(
            &format!("/api/v1/gebruikers/{id}"),
            &t,
            json!({"actief": false}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["actief"], false);
    assert_eq!(r.body["versie"], 2);
    login_raw(&app, &app.swv.consulent, PASSWORD)
        .await
        .assert(401);
    let r = app
        .request(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refreshToken": refresh_token})),
            &[],
        )
        .await;
    r.assert(401);
    // Reactivated: can sign in again, but the old session stays ended.
    app.patch(
        &format!("/api/v1/gebruikers/{id}"),
        &t,
        json!({"actief": true}),
    )
    .await
    .assert(200);
    login_raw(&app, &app.swv.consulent, PASSWORD)
        .await
        .assert(200);
    let r = app
        .request(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refreshToken": refresh_token})),
            &[],
        )
        .await;
    r.assert(401);
}

async fn patching_wachtwoord_changes_the_password(app: TestApp) {
    let session = login_raw(&app, &app.swv.medewerker, PASSWORD).await;
    let refresh_token = session.body["refreshToken"].as_str().unwrap().to_string();
    let t = app.token("beheerder").await;
    let id = app.swv.gebruiker_ids[2];
    let r = app
        .patch(
            &format!("/api/v1/gebruikers/{id}"),
            &t,
            json!({"wachtwoord": NIEUW_WACHTWOORD}),
        )
        .await;
    r.assert(200);
    assert!(!has_secret(&r));
    assert_eq!(r.body["versie"], 2);
    login_raw(&app, &app.swv.medewerker, PASSWORD)
        .await
        .assert(401);
    login_raw(&app, &app.swv.medewerker, NIEUW_WACHTWOORD)
        .await
        .assert(200);
    // The sessions with the old password are over.
    let r = app
        .request(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refreshToken": refresh_token})),
            &[],
        )
        .await;
    r.assert(401);
    // A PATCH without wachtwoord leaves the password alone.
    app.patch(
        &format!("/api/v1/gebruikers/{id}"),
        &t,
        json!({"naam": "Mo"}),
    )
    .await
    .assert(200);
    login_raw(&app, &app.swv.medewerker, NIEUW_WACHTWOORD)
        .await
        .assert(200);
}

async fn put_replaces_a_user_and_keeps_the_password(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = app.swv.gebruiker_ids[3];
    let path = format!("/api/v1/gebruikers/{id}");
    let mut doc = app.get(&path, &t).await.body;
    doc["naam"] = json!("Lotte Lezer");
    doc["rol"] = json!("medewerker");
    let r = app.put(&path, &t, doc).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Lotte Lezer");
    assert_eq!(r.body["rol"], "medewerker");
    assert_eq!(r.header("etag").unwrap(), "\"2\"");
    login_raw(&app, &app.swv.lezer, PASSWORD).await.assert(200);
}

async fn stale_if_match_is_refused(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = app.swv.gebruiker_ids[3];
    let path = format!("/api/v1/gebruikers/{id}");
    let etag = app.get(&path, &t).await.header("etag").unwrap();
    assert_eq!(etag, "\"1\"");
    app.patch(&path, &t, json!({"naam": "Eerste"}))
        .await
        .assert(200);
    let r = app
        .request(
            Method::PATCH,
            &path,
            Some(&t),
            Some(json!({"naam": "Tweede"})),
            &[
                ("content-type", "application/merge-patch+json"),
                ("if-match", &etag),
            ],
        )
        .await;
    r.assert(412);
    app.request(
        Method::DELETE,
        &path,
        Some(&t),
        None,
        &[("if-match", &etag)],
    )
    .await
    .assert(412);
    let r = app.get(&path, &t).await;
    assert_eq!(r.body["naam"], "Eerste");
    assert_eq!(r.header("etag").unwrap(), "\"2\"");
}

async fn deleting_a_user(app: TestApp) {
    let t = app.token("beheerder").await;
    let id = app.swv.gebruiker_ids[3];
    // The user has a session, which goes with the account.
    let session = login_raw(&app, &app.swv.lezer, PASSWORD).await;
    let refresh_token = session.body["refreshToken"].as_str().unwrap().to_string();
    app.delete(&format!("/api/v1/gebruikers/{id}"), &t)
        .await
        .assert(204);
    let r = app
        .request(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refreshToken": refresh_token})),
            &[],
        )
        .await;
    r.assert(401);
    app.get(&format!("/api/v1/gebruikers/{id}"), &t)
        .await
        .assert(404);
    login_raw(&app, &app.swv.lezer, PASSWORD).await.assert(401);
    assert_eq!(app.get("/api/v1/gebruikers", &t).await.body["total"], 3);
    // The platformbeheerder deletes in any SWV.
    let p = app.token("platformbeheerder").await;
    let other = app.other.gebruiker_ids[3];
    app.delete(&format!("/api/v1/gebruikers/{other}"), &p)
        .await
        .assert(204);
    app.get(&format!("/api/v1/gebruikers/{other}"), &p)
        .await
        .assert(404);
}

async fn filters_on_rol_and_actief(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app.get("/api/v1/gebruikers?rol=lezer", &t).await;
    r.assert(200);
    assert_eq!(r.body["total"], 1);
    assert_eq!(emails(&r), vec![app.swv.lezer.clone()]);

    let id = app.swv.gebruiker_ids[2];
    app.patch(
        &format!("/api/v1/gebruikers/{id}"),
        &t,
        json!({"actief": false}),
    )
    .await
    .assert(200);
    let r = app.get("/api/v1/gebruikers?actief=false", &t).await;
    assert_eq!(r.body["total"], 1);
    assert_eq!(emails(&r), vec![app.swv.medewerker.clone()]);
    let r = app.get("/api/v1/gebruikers?actief=true", &t).await;
    assert_eq!(r.body["total"], 3);
    let r = app
        .get("/api/v1/gebruikers?actief=true&rol=medewerker", &t)
        .await;
    assert_eq!(r.body["total"], 0);

    let r = app.get("/api/v1/gebruikers?rol=directeur", &t).await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["rol"]);
    let r = app.get("/api/v1/gebruikers?actief=misschien", &t).await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["actief"]);
    let r = app.get("/api/v1/gebruikers?sort=wachtwoord", &t).await;
    r.assert(400);
    assert_eq!(r.invalid(), vec!["sort"]);
    // Sorted by email, descending.
    let r = app.get("/api/v1/gebruikers?sort=-email", &t).await;
    assert_eq!(
        emails(&r),
        vec![
            "medewerker@zuid.example",
            "lezer@zuid.example",
            "consulent@zuid.example",
            "beheerder@zuid.example"
        ]
    );
}

async fn csv_export_of_users(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .request(
            Method::GET,
            "/api/v1/gebruikers?sort=email",
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    assert!(r.header("content-type").unwrap().starts_with("text/csv"));
    assert!(r.raw.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let text = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5, "header and 4 users: {text}");
    let header: Vec<&str> = lines[0].split(';').collect();
    for col in [
        "id",
        "email",
        "naam",
        "rol",
        "actief",
        "samenwerkingsverbandId",
    ] {
        assert!(header.contains(&col), "column {col} in {header:?}");
    }
    assert!(!lines[0].to_lowercase().contains("wachtwoord"));
    let email_col = header.iter().position(|c| *c == "email").unwrap();
    let actief_col = header.iter().position(|c| *c == "actief").unwrap();
    let first: Vec<&str> = lines[1].split(';').collect();
    assert_eq!(first[email_col], "beheerder@zuid.example");
    assert_eq!(first[actief_col], "true");
    assert!(!text.contains("noord.example"), "only the own SWV");
    assert!(!text.contains("argon2"));
    // Filters apply to the export.
    let r = app
        .request(
            Method::GET,
            "/api/v1/gebruikers?rol=lezer",
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    let text = String::from_utf8_lossy(&r.raw).to_string();
    assert_eq!(text.split("\r\n").filter(|l| !l.is_empty()).count(), 2);
    assert!(text.contains("lezer@zuid.example"));
}

/// Every user of the SWV reads its colleagues by name and role; no address, no other SWV.
async fn colleagues_by_name(app: TestApp) {
    let t = app.token("consulent").await;
    let r = app.get("/api/v1/gebruikers?sort=naam", &t).await;
    r.assert(200);
    assert_eq!(r.body["total"], 4);
    for g in r.body["items"].as_array().unwrap() {
        let mut keys: Vec<&str> = g.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["actief", "id", "naam", "rol"], "{g}");
    }
    let beheer = app
        .get(
            "/api/v1/gebruikers?rol=beheerder",
            &app.token("lezer").await,
        )
        .await;
    beheer.assert(200);
    assert_eq!(beheer.body["total"], 1);
    assert_eq!(
        beheer.body["items"][0]["id"],
        app.swv.gebruiker_ids[0].to_string()
    );
    // The search reads names only: an address gives nobody away.
    // Every address ends in @zuid.example; no name holds "zuid".
    let gezocht = app.get("/api/v1/gebruikers?q=zuid", &t).await;
    gezocht.assert(200);
    assert_eq!(gezocht.body["total"], 0, "{}", gezocht.body);
    // Nor can it be sorted or filtered on what it does not show.
    assert_eq!(
        app.get("/api/v1/gebruikers?sort=email", &t)
            .await
            .status
            .as_u16(),
        400
    );
    let csv = app
        .request(
            Method::GET,
            "/api/v1/gebruikers",
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert(200);
    let kop = String::from_utf8_lossy(&csv.raw)
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    assert!(!kop.contains("email"), "{kop}");
}

both_backends!(
    colleagues_by_name,
    beheerder_creates_a_user_in_its_own_swv,
    beheerder_cannot_place_users_elsewhere,
    platformbeheerder_manages_users_of_every_swv,
    a_beheerder_filtering_on_another_swv_sees_nothing,
    wachtwoord_rules,
    email_is_lowercase_and_unique,
    other_roles_are_refused,
    users_of_another_swv_are_not_found,
    a_beheerder_cannot_lock_itself_out,
    deactivation_blocks_login_and_ends_sessions,
    patching_wachtwoord_changes_the_password,
    put_replaces_a_user_and_keeps_the_password,
    stale_if_match_is_refused,
    deleting_a_user,
    filters_on_rol_and_actief,
    csv_export_of_users,
);
