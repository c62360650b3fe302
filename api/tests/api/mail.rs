//! Mail through the outbox, delivered to a real SMTP server: the participant's confirmation
//! with a working cancellation link and calendar item, the waiting list moving up, a changed or
//! cancelled meeting, a message from staff, and the outbox's delivery: once, also after a
//! restart between commit and send, and when the mail server is down for a while.

use actix_web::http::Method;
use serde_json::{json, Value};

use crate::common::smtp::{app_with, deliver, SmtpServer};
use crate::common::{assert_problem, TestApp};
use koers::db::Backend;

per_backend!(
    registration_mails_a_working_cancellation_link,
    a_place_that_comes_free_is_mailed,
    changes_cancellations_and_messages_reach_the_participants,
    a_mail_arrives_once_after_a_restart_and_an_smtp_outage,
    an_undeliverable_mail_ends_as_failed,
    registered_participants_are_reminded_once,
);

/// A published meeting of the main SWV in the future; answers `(id, publicId)`.
async fn meeting(app: &TestApp, max: i64) -> (String, String) {
    let t = app.token("consulent").await;
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "IB-netwerk Noord", "soort": "ib_netwerk",
                "start": "2031-03-11T13:00:00Z", "eind": "2031-03-11T15:30:00Z", "locatie": "Haarlem",
                "publiek": true, "maxDeelnemers": max}),
        )
        .await;
    r.assert(201);
    (
        r.body["id"].as_str().unwrap().to_string(),
        r.body["publicId"].as_str().unwrap().to_string(),
    )
}

async fn register(app: &TestApp, public: &str, naam: &str) -> String {
    let email = format!("{}@school.example", naam.to_lowercase());
    app.request(
        Method::POST,
        &format!("/api/v1/publiek/bijeenkomsten/{public}/aanmeldingen"),
        None,
        Some(json!({"naam": naam, "email": email, "functie": "intern_begeleider"})),
        &[],
    )
    .await
    .assert(202);
    email
}

async fn outbox(app: &TestApp, query: &str) -> Value {
    let t = app.token("beheerder").await;
    let r = app.get(&format!("/api/v1/mails{query}"), &t).await;
    r.assert(200);
    r.body
}

async fn registration_mails_a_working_cancellation_link(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = app_with(backend, &smtp, 3).await;
    let (id, public) = meeting(&app, 10).await;
    let email = register(&app, &public, "Anna").await;
    assert_eq!(deliver(&app).await, 1);
    assert_eq!(deliver(&app).await, 0, "a delivered mail is not sent again");

    let mails = smtp.for_address(&email);
    assert_eq!(mails.len(), 1);
    let m = &mails[0];
    assert_eq!(m.subject, "Aanmelding bevestigd: IB-netwerk Noord");
    assert!(m.text.starts_with("Beste Anna,"), "{}", m.text);
    // Local time (CET) and the place, in Dutch.
    assert!(
        m.text
            .contains("dinsdag 11 maart 2031 van 14:00 tot 16:30, in Haarlem"),
        "{}",
        m.text
    );
    assert!(m.text.contains("SWV Test Zuid"));
    let link = m.link("http://koers.test/afmelden/");
    assert!(m.html.contains(&link), "the HTML part has the same link");
    let (name, ics) = &m.attachments[0];
    assert_eq!(name, "bijeenkomst.ics");
    assert!(ics.contains("SUMMARY:IB-netwerk Noord"));
    assert!(
        ics.replace("\r\n ", "")
            .replace("\n ", "")
            .contains(&format!("URL:{link}")),
        "the calendar item carries the cancellation link: {ics}"
    );

    // The outbox says it went, and keeps no content.
    let page = outbox(&app, "").await;
    assert_eq!(page["total"], 1);
    let item = &page["items"][0];
    assert_eq!(
        (
            &item["aan"],
            &item["soort"],
            &item["status"],
            &item["pogingen"]
        ),
        (
            &json!(email),
            &json!("bevestiging"),
            &json!("verzonden"),
            &json!(1)
        )
    );
    assert!(item["verzondenOp"].is_string());
    assert!(item.get("tekst").is_none() && item.get("html").is_none());

    // The link works: the participant sees her registration and cancels with it.
    let token = link.rsplit('/').next().unwrap();
    let own = format!("/api/v1/publiek/aanmeldingen/{token}");
    let r = app.request(Method::GET, &own, None, None, &[]).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "Anna");
    app.request(Method::DELETE, &own, None, None, &[])
        .await
        .assert(204);
    let t = app.token("beheerder").await;
    let r = app
        .get(&format!("/api/v1/bijeenkomsten/{id}/aanmeldingen"), &t)
        .await;
    assert_eq!(r.body["items"][0]["status"], "afgemeld");

    // Registering again with the same address answers the same and mails a new link.
    register(&app, &public, "Anna").await;
    deliver(&app).await;
    assert_eq!(smtp.for_address(&email).len(), 2);

    // Other users than the beheerder do not read the outbox; another SWV's beheerder sees none
    // of it.
    for rol in ["consulent", "lezer"] {
        let t = app.token(rol).await;
        assert_problem(&app.get("/api/v1/mails", &t).await, 403);
    }
    let t = app.login(&app.other.beheerder).await;
    assert_eq!(app.get("/api/v1/mails", &t).await.body["total"], 0);
}

async fn a_place_that_comes_free_is_mailed(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = app_with(backend, &smtp, 3).await;
    let (_, public) = meeting(&app, 1).await;
    let anna = register(&app, &public, "Anna").await;
    let bram = register(&app, &public, "Bram").await;
    deliver(&app).await;
    let waiting = &smtp.for_address(&bram)[0];
    assert_eq!(waiting.subject, "Op de wachtlijst: IB-netwerk Noord");
    assert!(
        waiting.attachments.is_empty(),
        "no calendar item while waiting"
    );

    let link = smtp.for_address(&anna)[0].link("http://koers.test/afmelden/");
    let token = link.rsplit('/').next().unwrap();
    app.request(
        Method::DELETE,
        &format!("/api/v1/publiek/aanmeldingen/{token}"),
        None,
        None,
        &[],
    )
    .await
    .assert(204);
    assert_eq!(deliver(&app).await, 1);
    let moved = smtp.for_address(&bram);
    assert_eq!(moved.len(), 2);
    assert_eq!(moved[1].subject, "Er is een plaats vrij: IB-netwerk Noord");
    assert!(moved[1].text.contains("U bent nu aangemeld"));
    assert_eq!(moved[1].attachments.len(), 1);
    // Her new link is hers: it shows her registration, now with a place.
    let link = moved[1].link("http://koers.test/afmelden/");
    let r = app
        .request(
            Method::GET,
            &format!(
                "/api/v1/publiek/aanmeldingen/{}",
                link.rsplit('/').next().unwrap()
            ),
            None,
            None,
            &[],
        )
        .await;
    assert_eq!(
        (&r.body["naam"], &r.body["status"]),
        (&json!("Bram"), &json!("aangemeld"))
    );
}

async fn changes_cancellations_and_messages_reach_the_participants(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = app_with(backend, &smtp, 3).await;
    let (id, public) = meeting(&app, 1).await;
    let anna = register(&app, &public, "Anna").await;
    let bram = register(&app, &public, "Bram").await;
    deliver(&app).await;
    let t = app.token("consulent").await;
    let path = format!("/api/v1/bijeenkomsten/{id}");

    // A new title alone is no news; a new place is.
    app.patch(&path, &t, json!({"titel": "IB-netwerk Noord (najaar)"}))
        .await
        .assert(200);
    assert_eq!(deliver(&app).await, 0);
    app.patch(&path, &t, json!({"locatie": "Heemstede"}))
        .await
        .assert(200);
    assert_eq!(deliver(&app).await, 2);
    let changed = &smtp.for_address(&anna)[1];
    assert_eq!(changed.subject, "Gewijzigd: IB-netwerk Noord (najaar)");
    assert!(changed.text.contains("in Heemstede"), "{}", changed.text);
    assert!(changed.attachments[0].1.contains("LOCATION:Heemstede"));
    assert!(smtp.for_address(&bram)[1]
        .text
        .contains("U staat nog op de wachtlijst."));

    // A message to the registered participants only.
    let r = app
        .post(
            &format!("{path}/berichten"),
            &t,
            json!({"onderwerp": "Neem uw casus mee", "tekst": "Wilt u een casus meenemen?\n\nTot dan!", "aan": ["aangemeld"]}),
        )
        .await;
    r.assert(202);
    assert_eq!(r.body["aantal"], 1);
    deliver(&app).await;
    let msg = smtp.for_address(&anna).pop().unwrap();
    assert_eq!(msg.subject, "Neem uw casus mee");
    assert!(msg.text.contains("Wilt u een casus meenemen?\n\nTot dan!"));
    assert_eq!(
        smtp.for_address(&bram).len(),
        2,
        "the waiting list was not asked"
    );
    for bad in [
        json!({"onderwerp": "", "tekst": "x", "aan": ["aangemeld"]}),
        json!({"onderwerp": "x", "tekst": "x", "aan": []}),
        json!({"onderwerp": "x", "tekst": "x", "aan": ["afgemeld"]}),
    ] {
        assert_problem(&app.post(&format!("{path}/berichten"), &t, bad).await, 400);
    }
    let lezer = app.token("lezer").await;
    assert_problem(
        &app.post(
            &format!("{path}/berichten"),
            &lezer,
            json!({"onderwerp": "x", "tekst": "x", "aan": ["aangemeld"]}),
        )
        .await,
        403,
    );

    // Cancelled: both are told, with a calendar item that cancels the event.
    app.patch(&path, &t, json!({"status": "geannuleerd"}))
        .await
        .assert(200);
    assert_eq!(deliver(&app).await, 2);
    let cancelled = smtp.for_address(&bram).pop().unwrap();
    assert_eq!(cancelled.subject, "Geannuleerd: IB-netwerk Noord (najaar)");
    assert!(cancelled.attachments[0].1.contains("STATUS:CANCELLED"));
    // Changing a cancelled meeting mails no one again.
    app.patch(&path, &t, json!({"locatie": "Zandvoort"}))
        .await
        .assert(200);
    assert_eq!(deliver(&app).await, 0);
}

async fn a_mail_arrives_once_after_a_restart_and_an_smtp_outage(backend: Backend) {
    let mut smtp = SmtpServer::down();
    let app = app_with(backend, &smtp, 5).await;
    let (_, public) = meeting(&app, 10).await;
    let anna = register(&app, &public, "Anna").await;

    // The mail server is down: the registration still succeeded, the mail waits with the error.
    assert_eq!(deliver(&app).await, 0);
    let item = outbox(&app, "").await["items"][0].clone();
    assert_eq!(
        (&item["status"], &item["pogingen"]),
        (&json!("wachtend"), &json!(1))
    );
    assert!(item["laatsteFout"].as_str().is_some_and(|f| !f.is_empty()));

    // The server comes back; a new sender (the process restarted after the commit) delivers it,
    // once, with the Message-ID every attempt carries.
    smtp.resume();
    assert_eq!(deliver(&app).await, 1);
    assert_eq!(deliver(&app).await, 0);
    let mails = smtp.for_address(&anna);
    assert_eq!(mails.len(), 1);
    let id = item["id"].as_str().unwrap();
    assert_eq!(mails[0].message_id, format!("{id}@koers"));
    let item = outbox(&app, "?status=verzonden").await["items"][0].clone();
    assert_eq!(item["pogingen"], 2);
    assert!(item["laatsteFout"].is_null());
}

async fn an_undeliverable_mail_ends_as_failed(backend: Backend) {
    let smtp = SmtpServer::down();
    let app = app_with(backend, &smtp, 2).await;
    let (_, public) = meeting(&app, 10).await;
    register(&app, &public, "Anna").await;
    deliver(&app).await;
    deliver(&app).await;
    deliver(&app).await;
    let page = outbox(&app, "?status=mislukt").await;
    assert_eq!(page["total"], 1, "{page}");
    assert_eq!(page["items"][0]["pogingen"], 2, "no attempt after the last");
    assert_eq!(outbox(&app, "?status=wachtend").await["total"], 0);
    let t = app.token("beheerder").await;
    assert_problem(&app.get("/api/v1/mails?status=kwijt", &t).await, 400);
}

async fn remind(app: &TestApp) -> usize {
    app.state
        .db
        .write(|c| koers::bijeenkomsten::store::mails::herinneringen(c, koers::domain::time::now()))
        .await
        .unwrap()
}

async fn registered_participants_are_reminded_once(backend: Backend) {
    let smtp = SmtpServer::start();
    let app = app_with(backend, &smtp, 3).await;
    let t = app.token("consulent").await;
    let hours = |h: i64| {
        (chrono::Utc::now() + chrono::Duration::hours(h))
            .format("%Y-%m-%dT%H:%M:00Z")
            .to_string()
    };
    let mut ids = Vec::new();
    // Tomorrow morning with the default of 24 hours; in two days; tomorrow without reminder.
    for (start, herinnering) in [(10, None), (48, None), (10, Some(Value::Null))] {
        let mut body = json!({"titel": format!("Kenniskring {start}"), "soort": "kenniskring",
            "start": hours(start), "eind": hours(start + 2), "maxDeelnemers": 1});
        if let Some(h) = herinnering {
            body["herinneringUrenVooraf"] = h;
        }
        let r = app.post("/api/v1/bijeenkomsten", &t, body).await;
        r.assert(201);
        ids.push(r.body["id"].as_str().unwrap().to_string());
        for naam in ["Anna", "Bram"] {
            app.post(
                &format!("/api/v1/bijeenkomsten/{}/aanmeldingen", ids.last().unwrap()),
                &t,
                json!({"naam": naam, "email": format!("{}@school.example", naam.to_lowercase()), "functie": "leerkracht"}),
            )
            .await
            .assert(201);
        }
    }
    let r = app
        .get(&format!("/api/v1/bijeenkomsten/{}", ids[0]), &t)
        .await;
    assert_eq!(r.body["herinneringUrenVooraf"], 24, "the default");
    deliver(&app).await;
    let before = smtp.received().len();

    assert_eq!(remind(&app).await, 1, "only the first meeting is due");
    assert_eq!(remind(&app).await, 0, "and only once");
    assert_eq!(deliver(&app).await, 1, "to Anna; Bram waits");
    let mail = smtp.received().pop().unwrap();
    assert_eq!(smtp.received().len(), before + 1);
    assert_eq!(mail.to, "anna@school.example");
    assert_eq!(mail.subject, "Herinnering: Kenniskring 10");
    assert!(mail.text.contains("http://koers.test/afmelden/"));

    // Moved to the day after: reminded again of the new time, when it comes.
    app.patch(
        &format!("/api/v1/bijeenkomsten/{}", ids[0]),
        &t,
        json!({"start": hours(12), "eind": hours(14)}),
    )
    .await
    .assert(200);
    assert_eq!(remind(&app).await, 1);
    let r = app
        .patch(
            &format!("/api/v1/bijeenkomsten/{}", ids[1]),
            &t,
            json!({"herinneringUrenVooraf": 200}),
        )
        .await;
    assert_problem(&r, 400);
}
