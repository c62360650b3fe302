//! Revocation takes effect at the next request, and parallel guesses cannot outrun the login
//! throttle.

use crate::auth::{client_token, create_client, login_raw, me};
use crate::common::{Resp, TestApp, PASSWORD};
use actix_web::http::Method;
use futures::future::join_all;
use serde_json::json;

#[track_caller]
fn revoked(r: &Resp) {
    r.assert(401);
    assert!(r
        .header("content-type")
        .is_some_and(|c| c.starts_with("application/problem+json")));
}

fn tokens(r: &Resp) -> (String, String) {
    r.assert(200);
    (
        r.body["accessToken"].as_str().unwrap().to_string(),
        r.body["refreshToken"].as_str().unwrap().to_string(),
    )
}

async fn parallel_wrong_passwords_are_evaluated_at_most_five_times(app: TestApp) {
    let guesses: Vec<String> = (0..25).map(|i| format!("fout-wachtwoord-{i}")).collect();
    let answers = join_all(guesses.iter().map(|p| login_raw(&app, &app.swv.lezer, p))).await;
    let evaluated = answers.iter().filter(|r| r.status == 401).count();
    let refused = answers.iter().filter(|r| r.status == 429).count();
    assert_eq!(
        (evaluated, refused),
        (5, 20),
        "401s and 429s of 25 guesses at once"
    );
    // The right password now waits like every other guess.
    login_raw(&app, &app.swv.lezer, PASSWORD).await.assert(429);
    // Another account is not affected.
    login_raw(&app, &app.swv.consulent, PASSWORD)
        .await
        .assert(200);
}

async fn parallel_wrong_client_secrets_are_evaluated_at_most_five_times(app: TestApp) {
    let (_, client_id, _) = create_client(&app, &["organisatie:read"], &[]).await;
    let secrets: Vec<String> = (0..25).map(|i| format!("geraden-geheim-{i}")).collect();
    let answers = join_all(
        secrets
            .iter()
            .map(|s| client_token(&app, &client_id, s, None)),
    )
    .await;
    let evaluated = answers.iter().filter(|r| r.status == 401).count();
    assert_eq!(evaluated, 5, "secrets evaluated of 25 at once");
    assert!(answers
        .iter()
        .filter(|r| r.status == 429)
        .all(|r| r.body["error"] == "temporarily_unavailable"));
}

async fn deactivated_deleted_and_demoted_users_lose_their_token(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let ids = &app.swv.gebruiker_ids;
    // Deactivated.
    let consulent = app.token("consulent").await;
    me(&app, &consulent).await.assert(200);
    app.patch(
        &format!("/api/v1/gebruikers/{}", ids[1]),
        &beheerder,
        json!({"actief": false}),
    )
    .await
    .assert(200);
    revoked(&me(&app, &consulent).await);
    // Demoted: the medewerker's token no longer writes, nor reads as a medewerker.
    let medewerker = app.token("medewerker").await;
    app.patch(
        &format!("/api/v1/gebruikers/{}", ids[2]),
        &beheerder,
        json!({"rol": "lezer"}),
    )
    .await
    .assert(200);
    revoked(&me(&app, &medewerker).await);
    let again = app.login(&app.swv.medewerker).await;
    assert_eq!(me(&app, &again).await.body["rol"], "lezer");
    // Deleted: a second beheerder made and removed again cannot create records any more.
    let r = app
        .post(
            "/api/v1/gebruikers",
            &beheerder,
            json!({"email": "tweede@zuid.example", "naam": "Tweede Beheerder", "rol": "beheerder",
                   "actief": true, "wachtwoord": PASSWORD}),
        )
        .await;
    r.assert(201);
    let second = app.login("tweede@zuid.example").await;
    app.delete(
        &format!("/api/v1/gebruikers/{}", r.body["id"].as_str().unwrap()),
        &beheerder,
    )
    .await
    .assert(204);
    let made = app
        .post(
            "/api/v1/werkgebieden",
            &second,
            json!({"naam": "Nooit gemaakt"}),
        )
        .await;
    revoked(&made);
    let list = app.get("/api/v1/werkgebieden?q=nooit", &beheerder).await;
    list.assert(200);
    assert_eq!(list.body["total"], 0, "{}", list.body);
}

async fn logout_ends_the_access_token_of_that_session_only(app: TestApp) {
    let (access, refresh) = tokens(&login_raw(&app, &app.swv.beheerder, PASSWORD).await);
    let (other, _) = tokens(&login_raw(&app, &app.swv.beheerder, PASSWORD).await);
    me(&app, &access).await.assert(200);
    app.request(
        Method::POST,
        "/api/v1/auth/logout",
        None,
        Some(json!({"refreshToken": refresh})),
        &[],
    )
    .await
    .assert(204);
    revoked(&me(&app, &access).await);
    revoked(&app.get("/api/v1/scholen", &access).await);
    // The same user's other session goes on.
    me(&app, &other).await.assert(200);
}

async fn revoked_rotated_and_changed_clients_lose_their_token(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let access = |r: &Resp| {
        r.assert(200);
        r.body["access_token"].as_str().unwrap().to_string()
    };
    // Revoked.
    let (id, client_id, secret) = create_client(&app, &["organisatie:read"], &[]).await;
    let t = access(&client_token(&app, &client_id, &secret, None).await);
    app.get("/api/v1/scholen", &t).await.assert(200);
    app.patch(
        &format!("/api/v1/clients/{id}"),
        &beheerder,
        json!({"actief": false}),
    )
    .await
    .assert(200);
    revoked(&app.get("/api/v1/scholen", &t).await);
    // Secret rotated.
    let (id, client_id, secret) = create_client(&app, &["organisatie:read"], &[]).await;
    let t = access(&client_token(&app, &client_id, &secret, None).await);
    app.post(
        &format!("/api/v1/clients/{id}/secret"),
        &beheerder,
        json!({}),
    )
    .await
    .assert(200);
    revoked(&app.get("/api/v1/scholen", &t).await);
    // A scope taken away.
    let (id, client_id, secret) =
        create_client(&app, &["organisatie:read", "planning:read"], &[]).await;
    let t = access(&client_token(&app, &client_id, &secret, None).await);
    app.patch(
        &format!("/api/v1/clients/{id}"),
        &beheerder,
        json!({"scopes": ["organisatie:read"]}),
    )
    .await
    .assert(200);
    revoked(&app.get("/api/v1/ondersteuningsplannen", &t).await);
    // Deleted.
    let (id, client_id, secret) = create_client(&app, &["organisatie:read"], &[]).await;
    let t = access(&client_token(&app, &client_id, &secret, None).await);
    app.delete(&format!("/api/v1/clients/{id}"), &beheerder)
        .await
        .assert(204);
    revoked(&app.get("/api/v1/scholen", &t).await);
}

both_backends!(
    parallel_wrong_passwords_are_evaluated_at_most_five_times,
    parallel_wrong_client_secrets_are_evaluated_at_most_five_times,
    deactivated_deleted_and_demoted_users_lose_their_token,
    logout_ends_the_access_token_of_that_session_only,
    revoked_rotated_and_changed_clients_lose_their_token,
);
