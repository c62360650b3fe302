//! An activity's measurable target: Koers measures it from the activity's held meetings (the
//! present in total, or the mean turnout against the doelgroep) and proposes the evaluation.

use serde_json::{json, Value};

use crate::common::{assert_invalid, Resp, TestApp};

fn id_of(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

/// A plan of 2022-2023 under one ambitie: `(activiteitenplanId, ambitieId)`.
async fn plan(app: &TestApp, t: &str) -> (String, String) {
    let op = id_of(
        &app.post(
            "/api/v1/ondersteuningsplannen",
            t,
            json!({"titel": "2022-2026", "vanJaar": 2022, "totJaar": 2026}),
        )
        .await,
    );
    let ambitie = id_of(
        &app.post(
            "/api/v1/ambities",
            t,
            json!({"ondersteuningsplanId": op, "nummer": 1, "titel": "Professionalisering"}),
        )
        .await,
    );
    let jaar = id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            t,
            json!({"ondersteuningsplanId": op, "schooljaar": "2022-2023"}),
        )
        .await,
    );
    (jaar, ambitie)
}

/// A meeting linked to `activiteit` with `aanwezig` present and one no-show, or without any
/// attendance recorded when `aanwezig` is `None`.
async fn meeting(
    app: &TestApp,
    t: &str,
    activiteit: &str,
    start: &str,
    doelgroep: Option<i64>,
    aanwezig: Option<usize>,
) {
    let s = chrono::DateTime::parse_from_rfc3339(start).unwrap();
    let eind = (s + chrono::Duration::hours(2)).to_rfc3339();
    let mut body = json!({"titel": format!("Netwerk {start}"), "soort": "ib_netwerk", "start": start,
                          "eind": eind, "activiteitId": activiteit});
    if let Some(d) = doelgroep {
        body["doelgroepOmvang"] = json!(d);
        body["streefPercentage"] = json!(60);
    }
    let bk = id_of(&app.post("/api/v1/bijeenkomsten", t, body).await);
    let n = aanwezig.unwrap_or(2) + 1;
    let mut regs = Vec::new();
    for i in 0..n {
        regs.push(id_of(
            &app.post(
                &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"),
                t,
                json!({"naam": format!("Deelnemer {i}"), "email": format!("d{i}@school.example"),
                       "functie": "intern_begeleider"}),
            )
            .await,
        ));
    }
    if aanwezig.is_some() {
        let (present, absent) = regs.split_at(n - 1);
        for (ids, val) in [(present, true), (absent, false)] {
            app.post(
                &format!("/api/v1/bijeenkomsten/{bk}/aanwezigheid"),
                t,
                json!({"aanmeldingIds": ids, "aanwezig": val}),
            )
            .await
            .assert(200);
        }
    }
}

async fn activity(app: &TestApp, t: &str, id: &str) -> Value {
    let r = app.get(&format!("/api/v1/activiteiten/{id}"), t).await;
    r.assert(200);
    r.body
}

async fn gemeten_comes_from_the_held_meetings(app: TestApp) {
    let t = app.token("beheerder").await;
    let (jaar, ambitie) = plan(&app, &t).await;
    let base =
        json!({"activiteitenplanId": jaar, "ambitieId": ambitie, "omschrijving": "IB-netwerken"});
    let with = |streef: Value| {
        let mut b = base.clone();
        b["streef"] = streef;
        b
    };
    let pct = json!({"richting": "minimaal", "waarde": 60.0, "eenheid": "percentage"});
    let a = id_of(
        &app.post("/api/v1/activiteiten", &t, with(pct.clone()))
            .await,
    );
    let b = id_of(
        &app.post(
            "/api/v1/activiteiten",
            &t,
            with(json!({"richting": "minimaal", "waarde": 5, "eenheid": "aantal"})),
        )
        .await,
    );
    let zonder = id_of(&app.post("/api/v1/activiteiten", &t, base.clone()).await);

    // Nothing held yet: nothing measured, nothing proposed.
    let r = activity(&app, &t, &a).await;
    assert_eq!(r["streef"], pct);
    assert_eq!(r["gemeten"], Value::Null);
    assert_eq!(r["voorstel"], Value::Null);

    // A: 5 of 10 and 7 of 10 present; a meeting without doelgroep, one in the future and one
    // without attendance recorded are not part of the percentage.
    meeting(&app, &t, &a, "2022-10-11T11:30:00Z", Some(10), Some(5)).await;
    meeting(&app, &t, &a, "2023-02-07T12:00:00Z", Some(10), Some(7)).await;
    meeting(&app, &t, &a, "2023-03-07T12:00:00Z", None, Some(3)).await;
    meeting(&app, &t, &a, "2023-04-11T11:30:00Z", Some(10), None).await;
    meeting(&app, &t, &a, "2031-05-16T11:30:00Z", Some(10), None).await;
    let r = activity(&app, &t, &a).await;
    assert_eq!(r["gemeten"], 60.0, "mean of 50 % and 70 %");
    assert_eq!(
        r["voorstel"],
        json!({"resultaat": 60.0, "signaal": "op_koers"})
    );

    // B: 4 present against at least 5.
    meeting(&app, &t, &b, "2023-05-16T11:30:00Z", None, Some(4)).await;
    let r = activity(&app, &t, &b).await;
    assert_eq!(r["gemeten"], 4.0);
    assert_eq!(
        r["voorstel"],
        json!({"resultaat": 4.0, "signaal": "risico"})
    );

    // Without a target Koers still counts the present, but proposes nothing.
    meeting(&app, &t, &zonder, "2023-06-13T11:30:00Z", None, Some(2)).await;
    let r = activity(&app, &t, &zonder).await;
    assert_eq!(r["gemeten"], 2.0);
    assert_eq!(r["voorstel"], Value::Null);

    // A ceiling turns the same measurement into a risk; the list carries the same figures.
    let r = app
        .patch(
            &format!("/api/v1/activiteiten/{a}"),
            &t,
            json!({"streef": {"richting": "maximaal", "waarde": 55, "eenheid": "percentage"}}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["voorstel"]["signaal"], "risico");
    let list = app
        .get(
            &format!("/api/v1/activiteiten?activiteitenplanId={jaar}&sort=createdAt"),
            &t,
        )
        .await;
    let gemeten: Vec<Value> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["gemeten"].clone())
        .collect();
    assert_eq!(gemeten, vec![json!(60.0), json!(4.0), json!(2.0)]);
    let csv = app
        .request(
            actix_web::http::Method::GET,
            &format!("/api/v1/activiteiten?activiteitenplanId={jaar}&sort=createdAt"),
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    let text = String::from_utf8_lossy(&csv.raw).to_string();
    assert!(
        text.contains(";streef.richting;streef.waarde;streef.eenheid;gemeten;voorstel.resultaat;voorstel.signaal;")
            && text.contains(";maximaal;55,0;percentage;60,0;60,0;risico;"),
        "{text}"
    );

    // Clearing the target clears the proposal.
    let r = app
        .patch(
            &format!("/api/v1/activiteiten/{a}"),
            &t,
            json!({"streef": null}),
        )
        .await;
    assert_eq!(r.body["streef"], Value::Null);
    assert_eq!(r.body["voorstel"], Value::Null);
}

async fn a_target_without_its_value_is_refused(app: TestApp) {
    let t = app.token("beheerder").await;
    let (jaar, ambitie) = plan(&app, &t).await;
    let base =
        json!({"activiteitenplanId": jaar, "ambitieId": ambitie, "omschrijving": "IB-netwerken"});
    for (field, streef) in [
        (
            "streef.waarde",
            json!({"richting": "minimaal", "eenheid": "percentage"}),
        ),
        (
            "streef.waarde",
            json!({"richting": "minimaal", "waarde": 120, "eenheid": "percentage"}),
        ),
        (
            "streef.waarde",
            json!({"richting": "minimaal", "waarde": -1, "eenheid": "aantal"}),
        ),
        (
            "streef.richting",
            json!({"richting": "ongeveer", "waarde": 3, "eenheid": "aantal"}),
        ),
        ("streef", json!("meer dan 60")),
    ] {
        let mut body = base.clone();
        body["streef"] = streef;
        assert_invalid(&app.post("/api/v1/activiteiten", &t, body).await, field);
    }
    assert_eq!(
        app.get(
            &format!("/api/v1/activiteiten?activiteitenplanId={jaar}"),
            &t
        )
        .await
        .body["total"],
        0,
        "nothing stored"
    );
}

both_backends!(
    gemeten_comes_from_the_held_meetings,
    a_target_without_its_value_is_refused
);
