//! Transport security: HSTS only when the connection is really HTTPS (directly, or through a
//! proxy that is trusted to say so). Calendar files that no stored text can break out of, the
//! rules for text on input, and the rules for passwords.

use crate::common::{assert_invalid, TestApp};
use actix_web::http::Method;
use koers::db::Backend;
use serde_json::{json, Value};

async fn hsts(app: &TestApp, forwarded_https: bool) -> Option<String> {
    let headers: &[(&str, &str)] = if forwarded_https {
        &[("x-forwarded-proto", "https")]
    } else {
        &[]
    };
    app.request(Method::GET, "/health/live", None, None, headers)
        .await
        .header("strict-transport-security")
}

async fn hsts_only_behind_a_trusted_tls_proxy(backend: Backend) {
    let direct = TestApp::start(backend).await;
    assert_eq!(hsts(&direct, false).await, None, "plain HTTP gets no HSTS");
    assert_eq!(
        hsts(&direct, true).await,
        None,
        "an untrusted X-Forwarded-Proto is ignored"
    );

    let proxied = TestApp::start_with(backend, |c| c.trust_proxy = true).await;
    assert_eq!(
        hsts(&proxied, false).await,
        None,
        "a trusted proxy that forwarded plain HTTP"
    );
    let value = hsts(&proxied, true)
        .await
        .expect("HSTS behind a TLS-terminating proxy");
    assert!(value.starts_with("max-age=31536000"), "{value}");
}

#[actix_web::test]
async fn hsts_sqlite() {
    hsts_only_behind_a_trusted_tls_proxy(Backend::Sqlite).await
}

#[actix_web::test]
async fn hsts_postgres() {
    hsts_only_behind_a_trusted_tls_proxy(Backend::Postgres).await
}

/// Sends the headers of a JSON request promising 100 bytes, then one byte a second; returns the
/// status line of the answer and how long it took.
fn trickle(addr: &str) -> (String, std::time::Duration) {
    use std::io::{Read, Write};
    let started = std::time::Instant::now();
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: koers\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
        )
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        for _ in 0..12 {
            std::thread::sleep(std::time::Duration::from_secs(1));
            if writer.write_all(b" ").is_err() {
                return;
            }
        }
    });
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                answer.extend_from_slice(&buf[..n]);
                if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                    break;
                }
            }
        }
    }
    let elapsed = started.elapsed();
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = sender.join();
    let text = String::from_utf8_lossy(&answer).to_string();
    (text, elapsed)
}

/// A body that trickles in is cut off with `408` after the configured time, like slow headers
/// are, and the server keeps answering everyone else meanwhile.
async fn slow_bodies_are_cut_off(backend: Backend) {
    let app = TestApp::start_with(backend, |c| {
        c.body_timeout = std::time::Duration::from_secs(2)
    })
    .await;
    let running = app.serve();
    let base = running.api.clone();
    let addr = base.trim_start_matches("http://").to_string();
    let slow = actix_web::rt::task::spawn_blocking(move || trickle(&addr));
    let others = actix_web::rt::task::spawn_blocking(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        let started = std::time::Instant::now();
        let answers: Vec<u16> = (0..5)
            .map(|_| crate::common::http_get(&format!("{base}/health/ready"), &[]).0)
            .collect();
        (answers, started.elapsed())
    });
    let ((answer, elapsed), (others, others_took)) = (slow.await.unwrap(), others.await.unwrap());
    running.stop().await;
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "a body at one byte a second: {answer}"
    );
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("content-type: application/problem+json"),
        "{answer}"
    );
    assert!(
        elapsed < std::time::Duration::from_secs(5),
        "cut off after {elapsed:?}, the limit is 2 s"
    );
    assert_eq!(others, vec![200; 5], "others were served meanwhile");
    assert!(
        others_took < std::time::Duration::from_secs(2),
        "others waited {others_took:?}"
    );
}

#[actix_web::test]
async fn slow_bodies_sqlite() {
    slow_bodies_are_cut_off(Backend::Sqlite).await
}

#[actix_web::test]
async fn slow_bodies_postgres() {
    slow_bodies_are_cut_off(Backend::Postgres).await
}
// ----- Calendar files: every text escaped, long lines folded, no injected lines -----

/// A meeting whose text was stored before the input rules existed (or by an import): line
/// ends, the characters iCalendar escapes, and the lines of an injected event and attendee.
async fn calendar_files_cannot_be_injected(app: TestApp) {
    use diesel::prelude::*;
    use icalendar::{Component, EventLike};
    use koers::schema::bijeenkomsten as b;

    let t = app.token("consulent").await;
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &t,
            json!({"titel": "Netwerk", "soort": "training", "start": "2031-03-09T09:00:00Z",
                "eind": "2031-03-09T15:00:00Z", "publiek": true}),
        )
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    let public = r.body["publicId"].as_str().unwrap().to_string();
    let titel = "Netwerk; lezen, rekenen \\ taal\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Nep\nATTENDEE:mailto:x@evil.example";
    let locatie = "Zaal 1;\rBEGIN:VALARM\r\nTRIGGER:-PT5M, \\n een hele lange plaatsnaam die over de vijfenzeventig octetten heen gaat — met één é";
    let omschrijving = "Eerste regel\r\nTweede regel; met, tekens\\";
    let mut c = app.conn();
    diesel::update(b::table.filter(b::id.eq(koers::db::Id(id.parse().unwrap()))))
        .set((
            b::titel.eq(titel),
            b::locatie.eq(locatie),
            b::omschrijving.eq(omschrijving),
        ))
        .execute(&mut c)
        .unwrap();
    drop(c);

    let staff = app
        .get(&format!("/api/v1/bijeenkomsten/{id}/agenda"), &t)
        .await;
    let public = app
        .request(
            Method::GET,
            &format!("/api/v1/publiek/bijeenkomsten/{public}/agenda"),
            None,
            None,
            &[],
        )
        .await;
    for (who, r) in [("staff", staff), ("public", public)] {
        r.assert(200);
        let raw = String::from_utf8(r.raw.clone()).unwrap();
        let lines: Vec<&str> = raw.trim_end_matches("\r\n").split("\r\n").collect();
        for line in &lines {
            assert!(line.len() <= 75, "{who}: line over 75 octets: {line:?}");
            assert!(
                !line.contains(['\r', '\n']),
                "{who}: bare line end in {line:?}"
            );
        }
        // Unfolded, each line is one property: none of them may come from the text.
        let unfolded = raw.replace("\r\n ", "");
        let starts: Vec<&str> = unfolded
            .split("\r\n")
            .map(|l| l.split([':', ';']).next().unwrap())
            .collect();
        for injected in ["ATTENDEE", "BEGIN:VALARM", "TRIGGER"] {
            assert!(
                !unfolded.split("\r\n").any(|l| l.starts_with(injected)),
                "{who}: {injected} injected:\n{raw}"
            );
        }
        assert_eq!(
            unfolded
                .split("\r\n")
                .filter(|l| *l == "BEGIN:VEVENT")
                .count(),
            1,
            "{who}:\n{raw}"
        );
        assert_eq!(starts.iter().filter(|s| **s == "SUMMARY").count(), 1);

        let cal: icalendar::Calendar = raw.parse().expect("a valid calendar");
        assert_eq!(cal.components.len(), 1, "{who}: one component:\n{raw}");
        let events: Vec<&icalendar::Event> = cal.events().collect();
        assert_eq!(events.len(), 1, "{who}");
        let e = events[0];
        let stored = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
        assert_eq!(e.get_summary(), Some(stored(titel).as_str()), "{who}");
        assert_eq!(e.get_location(), Some(stored(locatie).as_str()), "{who}");
        assert_eq!(
            e.get_description(),
            Some(stored(omschrijving).as_str()),
            "{who}"
        );
        let mut keys: Vec<&str> = e.properties().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "DESCRIPTION",
                "DTEND",
                "DTSTAMP",
                "DTSTART",
                "LOCATION",
                "STATUS",
                "SUMMARY",
                "UID"
            ],
            "{who}: no injected property"
        );
        assert!(e.multi_properties().values().all(Vec::is_empty), "{who}");
        assert_eq!(
            cal.property_value("NAME"),
            Some(stored(titel).as_str()),
            "{who}"
        );
        assert_eq!(
            cal.property_value("X-WR-CALNAME"),
            Some(stored(titel).as_str()),
            "{who}"
        );
    }
}

// ----- Input rules: one-line fields, writing-direction overrides, invisible characters -----

const RLO: &str = "\u{202E}";

/// Single-line fields refuse line ends, every text refuses direction overrides (400 naming the
/// field, nothing changed), and names lose their zero-width characters.
async fn text_rules_on_input(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let consulent = app.token("consulent").await;

    // A werkgebied (org).
    for naam in ["Noord\nZuid", "Noord\rZuid", &format!("Noord{RLO}duZ")] {
        let r = app
            .post("/api/v1/werkgebieden", &beheerder, json!({"naam": naam}))
            .await;
        assert_invalid(&r, "naam");
        assert!(
            r.body["invalidParams"][0]["reason"]
                .as_str()
                .unwrap()
                .starts_with("mag geen regeleinde")
                || naam.contains(RLO),
            "{}",
            r.body
        );
    }
    assert_eq!(
        app.get("/api/v1/werkgebieden", &beheerder).await.body["total"],
        0,
        "refused werkgebieden are not saved"
    );
    let r = app
        .post(
            "/api/v1/werkgebieden",
            &beheerder,
            json!({"naam": "\u{200B}Noord\u{200D}-\u{2060}Oost\u{FEFF}"}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["naam"], "Noord-Oost");
    let r = app
        .post(
            "/api/v1/werkgebieden",
            &beheerder,
            json!({"naam": "\u{200B}\u{FEFF}"}),
        )
        .await;
    assert_invalid(&r, "naam");

    // A user's name (org).
    let r = app
        .post(
            "/api/v1/gebruikers",
            &beheerder,
            json!({"email": "regel@zuid.example", "naam": "Sanne\r\nBakker", "rol": "lezer", "wachtwoord": "een-lang-wachtwoord"}),
        )
        .await;
    assert_invalid(&r, "naam");
    let r = app
        .post(
            "/api/v1/gebruikers",
            &beheerder,
            json!({"email": "zw@zuid.example", "naam": "San\u{200C}ne Bak\u{200B}ker", "rol": "lezer", "wachtwoord": "een-lang-wachtwoord"}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["naam"], "Sanne Bakker");

    // An ondersteuningsplan (planning): title one line, no override anywhere.
    let r = app
        .post(
            "/api/v1/ondersteuningsplannen",
            &beheerder,
            json!({"titel": "Plan\nB", "vanJaar": 2026, "totJaar": 2030}),
        )
        .await;
    assert_invalid(&r, "titel");

    // A meeting (bijeenkomsten): title and place one line; the description may have lines but
    // no override.
    let r = app
        .post(
            "/api/v1/bijeenkomsten",
            &consulent,
            json!({"titel": "Netwerk", "soort": "training", "start": "2031-03-09T09:00:00Z",
                "eind": "2031-03-09T15:00:00Z", "omschrijving": "Regel een\nRegel twee", "publiek": true}),
        )
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    let public = r.body["publicId"].as_str().unwrap().to_string();
    let item = format!("/api/v1/bijeenkomsten/{id}");
    let before = app.get(&item, &consulent).await;
    for (patch, field) in [
        (json!({"titel": "Netwerk\r\nBEGIN:VEVENT"}), "titel"),
        (json!({"locatie": "Zaal 1\nZaal 2"}), "locatie"),
        (json!({"locatie": format!("Zaal {RLO}1")}), "locatie"),
        (
            json!({"omschrijving": format!("exe.{RLO}fdp")}),
            "omschrijving",
        ),
    ] {
        let r = app.patch(&item, &consulent, patch).await;
        assert_invalid(&r, field);
        assert_eq!(r.invalid(), vec![field.to_string()], "{}", r.body);
    }
    assert_eq!(
        app.get(&item, &consulent).await.body,
        before.body,
        "refused changes change nothing"
    );
    let r = app
        .patch(
            &item,
            &consulent,
            json!({"titel": "Net\u{200B}werk\u{FEFF} 2"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["titel"], "Netwerk 2");

    // A public registration: the name one line, the address without overrides, the name clean.
    let path = format!("/api/v1/publiek/bijeenkomsten/{public}/aanmeldingen");
    for (body, field) in [
        (
            json!({"naam": "Anna\nBEGIN:VEVENT", "email": "anna@school.example", "functie": "directeur"}),
            "naam",
        ),
        (
            json!({"naam": format!("Anna {RLO}sirvaD"), "email": "anna@school.example", "functie": "directeur"}),
            "naam",
        ),
    ] {
        let r = app
            .request(Method::POST, &path, None, Some(body), &[])
            .await;
        assert_invalid(&r, field);
    }
    let list = format!("{item}/aanmeldingen");
    assert_eq!(app.get(&list, &consulent).await.body["total"], 0);
    let r = app
        .request(
            Method::POST,
            &path,
            None,
            Some(json!({"naam": "An\u{200B}na de\u{2060} Vries", "email": "anna@school.example", "functie": "directeur"})),
            &[],
        )
        .await;
    r.assert(202);
    let staff = app.get(&list, &consulent).await;
    assert_eq!(staff.body["items"][0]["naam"], "Anna de Vries");
}

// ----- Passwords -----

fn user(email: &str, wachtwoord: &str) -> Value {
    json!({"email": email, "naam": "Nieuwe Collega", "rol": "lezer", "wachtwoord": wachtwoord})
}

async fn weak_passwords_are_refused(app: TestApp) {
    let t = app.token("beheerder").await;
    let before = app.get("/api/v1/gebruikers", &t).await.body["total"].clone();
    for (email, pw, says) in [
        (
            "zwak@zuid.example",
            "wachtwoord1234",
            "te makkelijk te raden",
        ),
        ("zwak@zuid.example", "aaaaaaaaaaaaaaaa", "Herhalingen"),
        ("zwak@zuid.example", "password1234", "veelgebruikt"),
        (
            "m.jansen@zuid.example",
            "M.Jansen-fietst-naar-Zandvoort",
            "e-mailadres",
        ),
        (
            "zwak@zuid.example",
            koers::demo::DEMO_PASSWORD,
            "demowachtwoord",
        ),
    ] {
        let r = app.post("/api/v1/gebruikers", &t, user(email, pw)).await;
        assert_invalid(&r, "wachtwoord");
        let reason = r.body["invalidParams"][0]["reason"].as_str().unwrap();
        assert!(reason.contains(says), "{pw}: {reason}");
        assert!(
            !reason.contains(pw),
            "the reason does not repeat the password"
        );
    }
    assert_eq!(
        app.get("/api/v1/gebruikers", &t).await.body["total"],
        before,
        "no user made with a refused password"
    );
    // A changed password meets the same rules; the old one keeps working.
    let lezer = app.swv.gebruiker_ids[3];
    let r = app
        .patch(
            &format!("/api/v1/gebruikers/{lezer}"),
            &t,
            json!({"wachtwoord": "Welkom123456"}),
        )
        .await;
    assert_invalid(&r, "wachtwoord");
    app.request(
        Method::POST,
        "/api/v1/auth/login",
        None,
        Some(json!({"email": app.swv.lezer, "password": crate::common::PASSWORD})),
        &[],
    )
    .await
    .assert(200);
    // A strong one passes.
    app.post(
        "/api/v1/gebruikers",
        &t,
        user("sterk@zuid.example", "paars-kanon-zeilt-traag"),
    )
    .await
    .assert(201);
}

async fn demo_password_only_in_demo_mode(backend: Backend) {
    let app = TestApp::start_with(backend, |c| c.demo = true).await;
    let t = app.token("beheerder").await;
    app.post(
        "/api/v1/gebruikers",
        &t,
        user("proef@zuid.example", koers::demo::DEMO_PASSWORD),
    )
    .await
    .assert(201);
}

#[actix_web::test]
async fn demo_password_sqlite() {
    demo_password_only_in_demo_mode(Backend::Sqlite).await
}

#[actix_web::test]
async fn demo_password_postgres() {
    demo_password_only_in_demo_mode(Backend::Postgres).await
}

/// A weak bootstrap password stops the server before it opens a database, with one line.
#[test]
fn weak_admin_password_stops_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_koers"))
        .env("KOERS_DATA_DIR", dir.path())
        .env(
            "KOERS_DATABASE_URL",
            format!("sqlite://{}", dir.path().join("koers.db").display()),
        )
        .env("KOERS_BIND", "127.0.0.1:0")
        .env("KOERS_ADMIN_EMAIL", "admin@swv.example")
        .env("KOERS_ADMIN_PASSWORD", "wachtwoord1234")
        .env_remove("KOERS_DEMO")
        .output()
        .expect("run koers");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].contains("KOERS_ADMIN_PASSWORD") && lines[0].contains("te makkelijk te raden"),
        "{err}"
    );
    assert!(
        !dir.path().join("koers.db").exists(),
        "stopped before the database"
    );
}

both_backends!(
    calendar_files_cannot_be_injected,
    text_rules_on_input,
    weak_passwords_are_refused,
);
