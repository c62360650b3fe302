//! The work under the plan: activiteiten with their evaluatie, projecten with their funding and
//! voortgang, their rules, filters and exports.

use crate::common::{assert_invalid, assert_problem, ids, with_if_match};
use crate::common::{Resp, TestApp};
use actix_web::http::Method;
use serde_json::{json, Value};

fn id_of(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

/// An ondersteuningsplan with ambities 1 and 2 and a concept plan for 2022-2023.
struct Plan {
    plan: String,
    a1: String,
    a2: String,
    jaar: String,
}

async fn plan(app: &TestApp, token: &str) -> Plan {
    let plan = id_of(
        &app.post(
            "/api/v1/ondersteuningsplannen",
            token,
            json!({"titel": "2022-2026", "vanJaar": 2022, "totJaar": 2026}),
        )
        .await,
    );
    let mut a = Vec::new();
    for n in [1, 2] {
        a.push(id_of(
            &app.post(
                "/api/v1/ambities",
                token,
                json!({"ondersteuningsplanId": plan, "nummer": n, "titel": format!("Ambitie {n}")}),
            )
            .await,
        ));
    }
    let jaar = id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            token,
            json!({"ondersteuningsplanId": plan, "schooljaar": "2022-2023"}),
        )
        .await,
    );
    Plan {
        plan,
        a2: a.pop().unwrap(),
        a1: a.pop().unwrap(),
        jaar,
    }
}

async fn activiteit(app: &TestApp, token: &str, body: Value) -> String {
    id_of(&app.post("/api/v1/activiteiten", token, body).await)
}

async fn references_stay_within_the_plan_and_the_swv(app: TestApp) {
    let t = app.token("consulent").await;
    let p = plan(&app, &t).await;
    // An ambitie of another ondersteuningsplan of the same SWV.
    let ander = id_of(
        &app.post(
            "/api/v1/ondersteuningsplannen",
            &t,
            json!({"titel": "2026-2030", "vanJaar": 2026, "totJaar": 2030}),
        )
        .await,
    );
    let vreemde_ambitie = id_of(
        &app.post(
            "/api/v1/ambities",
            &t,
            json!({"ondersteuningsplanId": ander, "nummer": 1, "titel": "Later"}),
        )
        .await,
    );
    let r = app
        .post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": p.jaar, "ambitieId": vreemde_ambitie, "omschrijving": "Netwerk"}),
        )
        .await;
    assert_invalid(&r, "ambitieId");
    assert!(r.body["invalidParams"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("ondersteuningsplan"));

    // Records of another SWV, each named in the answer.
    let owner = app.login(&app.other.beheerder).await;
    let o = plan(&app, &owner).await;
    let o_pf = id_of(
        &app.post("/api/v1/portefeuilles", &owner, json!({"naam": "Noord"}))
            .await,
    );
    let o_pr = id_of(
        &app.post("/api/v1/projecten", &owner, json!({"naam": "Noord"}))
            .await,
    );
    let o_user = app.other.gebruiker_ids[1].to_string();
    let base = json!({"activiteitenplanId": p.jaar, "ambitieId": p.a1, "omschrijving": "Netwerk"});
    for (field, value) in [
        ("activiteitenplanId", o.jaar.clone()),
        ("ambitieId", o.a1.clone()),
        ("portefeuilleId", o_pf.clone()),
        ("projectId", o_pr.clone()),
        ("verantwoordelijkeId", o_user.clone()),
        (
            "verantwoordelijkeId",
            "00000000-0000-4000-8000-000000000000".into(),
        ),
    ] {
        let mut body = base.clone();
        body[field] = json!(value);
        let r = app.post("/api/v1/activiteiten", &t, body).await;
        assert_invalid(&r, field);
        assert!(
            !r.body.to_string().contains("Noord"),
            "a refusal does not show the other SWV's data: {}",
            r.body
        );
    }
    let r = app
        .post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": o.jaar, "ambitieId": o.a1, "omschrijving": "x", "portefeuilleId": o_pf}),
        )
        .await;
    let mut named = r.invalid();
    named.sort();
    assert_eq!(
        named,
        vec!["activiteitenplanId", "ambitieId", "portefeuilleId"]
    );
    assert_eq!(
        app.get("/api/v1/activiteiten", &t).await.body["total"],
        0,
        "nothing was stored"
    );

    // Valid references; the verantwoordelijke is a user of this SWV.
    let eigen = app.swv.gebruiker_ids[1].to_string();
    let pf = id_of(
        &app.post("/api/v1/portefeuilles", &t, json!({"naam": "Gedrag"}))
            .await,
    );
    let pr = id_of(
        &app.post("/api/v1/projecten", &t, json!({"naam": "HDT"}))
            .await,
    );
    let r = app
        .post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": p.jaar, "ambitieId": p.a2, "omschrijving": "Training",
                   "portefeuilleId": pf, "projectId": pr, "verantwoordelijkeId": eigen, "streefwaarde": "12 deelnemers"}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["soort"], "gepland");
    assert_eq!(r.body["evaluatie"], Value::Null);
    assert_eq!(r.body["herkomstId"], Value::Null);
    let act = r.body["id"].as_str().unwrap().to_string();
    // Moving it under an ambitie of another ondersteuningsplan is refused too.
    assert_invalid(
        &app.patch(
            &format!("/api/v1/activiteiten/{act}"),
            &t,
            json!({"ambitieId": vreemde_ambitie}),
        )
        .await,
        "ambitieId",
    );
    // What refers elsewhere keeps those records.
    for (path, what) in [
        (format!("/api/v1/projecten/{pr}"), "activiteiten"),
        (format!("/api/v1/portefeuilles/{pf}"), "activiteiten"),
        (format!("/api/v1/ambities/{}", p.a2), "activiteiten"),
        (
            format!("/api/v1/activiteitenplannen/{}", p.jaar),
            "activiteiten",
        ),
        (format!("/api/v1/gebruikers/{eigen}"), "verantwoordelijke"),
    ] {
        let b = app.token("beheerder").await;
        let r = app.delete(&path, &b).await;
        assert_problem(&r, 409);
        assert!(
            r.body["detail"].as_str().unwrap().contains(what),
            "{path}: {}",
            r.body
        );
    }
    let _ = p.plan;
}

async fn a_vastgesteld_plan_takes_only_extra_activities(app: TestApp) {
    let t = app.token("consulent").await;
    let p = plan(&app, &t).await;
    let gepland = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": p.jaar, "ambitieId": p.a1, "omschrijving": "Gepland werk"}),
    )
    .await;
    let extra_vooraf = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": p.jaar, "ambitieId": p.a1, "omschrijving": "Extra werk", "soort": "extra"}),
    )
    .await;
    app.patch(
        &format!("/api/v1/activiteitenplannen/{}", p.jaar),
        &t,
        json!({"status": "vastgesteld"}),
    )
    .await
    .assert(200);

    let r = app
        .post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": p.jaar, "ambitieId": p.a1, "omschrijving": "Nieuw gepland"}),
        )
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["soort"]);
    let detail = r.body["detail"].as_str().unwrap();
    assert!(
        detail.contains("vastgesteld") && detail.contains("extra"),
        "{detail}"
    );
    let r = app
        .post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": p.jaar, "ambitieId": p.a1, "omschrijving": "Nieuw gepland", "soort": "gepland"}),
        )
        .await;
    assert_problem(&r, 409);
    assert_eq!(
        app.get(
            &format!("/api/v1/activiteiten?activiteitenplanId={}", p.jaar),
            &t
        )
        .await
        .body["total"],
        2
    );
    let r = app
        .post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": p.jaar, "ambitieId": p.a2, "omschrijving": "Onverwacht werk", "soort": "extra"}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["soort"], "extra");

    // Existing planned work stays editable; extra work cannot become planned.
    let r = app
        .patch(
            &format!("/api/v1/activiteiten/{gepland}"),
            &t,
            json!({"omschrijving": "Gepland werk, bijgesteld"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["soort"], "gepland");
    let r = app
        .patch(
            &format!("/api/v1/activiteiten/{extra_vooraf}"),
            &t,
            json!({"soort": "gepland"}),
        )
        .await;
    assert_problem(&r, 409);
    // Nor can planned work move into a vastgesteld plan.
    let concept = id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            &t,
            json!({"ondersteuningsplanId": p.plan, "schooljaar": "2023-2024"}),
        )
        .await,
    );
    let later = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": concept, "ambitieId": p.a1, "omschrijving": "Later"}),
    )
    .await;
    let r = app
        .patch(
            &format!("/api/v1/activiteiten/{later}"),
            &t,
            json!({"activiteitenplanId": p.jaar}),
        )
        .await;
    assert_problem(&r, 409);
    let r = app
        .patch(
            &format!("/api/v1/activiteiten/{later}"),
            &t,
            json!({"activiteitenplanId": p.jaar, "soort": "extra"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["activiteitenplanId"], json!(p.jaar));
}

async fn evaluatie_of_an_activity(app: TestApp) {
    let t = app.token("medewerker").await;
    let b = app.token("beheerder").await;
    let p = plan(&app, &b).await;
    let act = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": p.jaar, "ambitieId": p.a1, "omschrijving": "IB-netwerk", "streefwaarde": "> 60%"}),
    )
    .await;
    let item = format!("/api/v1/activiteiten/{act}");
    let eval = format!("{item}/evaluatie");

    for (body, field) in [
        (json!({"status": "klaar"}), "status"),
        (json!({"toelichting": "Geen status"}), "status"),
        (json!({"status": "deels", "signaal": "groen"}), "signaal"),
        (json!({"status": "deels", "resultaat": "veel"}), "resultaat"),
        (json!({"status": "deels", "resultaat": 1e13}), "resultaat"),
        (json!({"status": "deels", "cijfer": 8}), "cijfer"),
    ] {
        assert_invalid(&app.put(&eval, &t, body).await, field);
    }
    let r = app
        .put(
            &eval,
            &t,
            json!({"status": "uitgevoerd", "toelichting": "Drie bijeenkomsten.", "resultaat": 112, "signaal": "aandacht"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(r.body["versie"], 2);
    assert_eq!(
        r.body["evaluatie"],
        json!({"status": "uitgevoerd", "toelichting": "Drie bijeenkomsten.", "resultaat": 112.0, "signaal": "aandacht"})
    );
    assert_eq!(app.get(&item, &t).await.body, r.body);

    // The evaluatie is part of the activity: a stale tag is refused and changes nothing.
    let r = with_if_match(
        &app,
        Method::PUT,
        &eval,
        &t,
        Some(json!({"status": "deels"})),
        "\"1\"",
    )
    .await;
    assert_problem(&r, 412);
    assert_eq!(
        app.get(&item, &t).await.body["evaluatie"]["status"],
        "uitgevoerd"
    );
    let r = with_if_match(
        &app,
        Method::PUT,
        &eval,
        &t,
        Some(json!({"status": "deels", "resultaat": 2.5})),
        "\"2\"",
    )
    .await;
    r.assert(200);
    assert_eq!(
        r.body["evaluatie"],
        json!({"status": "deels", "toelichting": null, "resultaat": 2.5, "signaal": null}),
        "PUT replaces the whole evaluatie"
    );

    // Sending the activity back with PUT ignores its evaluatie (read-only there).
    let mut current = app.get(&item, &t).await.body;
    current["omschrijving"] = json!("IB-netwerk, drie keer");
    current["evaluatie"] = json!({"status": "uitgevoerd"});
    current["herkomstId"] = json!(act);
    let r = app.put(&item, &t, current).await;
    r.assert(200);
    assert_eq!(r.body["evaluatie"]["status"], "deels");
    assert_eq!(r.body["herkomstId"], Value::Null);
    assert_eq!(r.body["versie"], 4);

    // Clearing the evaluatie, with its own tag check.
    assert_problem(
        &with_if_match(&app, Method::DELETE, &eval, &t, None, "\"3\"").await,
        412,
    );
    with_if_match(&app, Method::DELETE, &eval, &t, None, "\"4\"")
        .await
        .assert(204);
    let r = app.get(&item, &t).await;
    assert_eq!(r.body["evaluatie"], Value::Null);
    assert_eq!(r.body["versie"], 5);
    assert_problem(
        &app.put(
            "/api/v1/activiteiten/00000000-0000-4000-8000-000000000000/evaluatie",
            &t,
            json!({"status": "deels"}),
        )
        .await,
        404,
    );
}

async fn activity_filters_and_export(app: TestApp) {
    let t = app.token("beheerder").await;
    let p = plan(&app, &t).await;
    let volgend = id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            &t,
            json!({"ondersteuningsplanId": p.plan, "schooljaar": "2023-2024"}),
        )
        .await,
    );
    let consulent = app.swv.gebruiker_ids[1].to_string();
    let pf = id_of(
        &app.post("/api/v1/portefeuilles", &t, json!({"naam": "Gedrag"}))
            .await,
    );
    let pr = id_of(
        &app.post("/api/v1/projecten", &t, json!({"naam": "HDT"}))
            .await,
    );
    let a = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": p.jaar, "ambitieId": p.a1, "omschrijving": "Netwerk; live", "verantwoordelijkeId": consulent, "portefeuilleId": pf}),
    )
    .await;
    let b = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": p.jaar, "ambitieId": p.a2, "omschrijving": "=Training", "soort": "extra", "projectId": pr}),
    )
    .await;
    let c = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": p.jaar, "ambitieId": p.a2, "omschrijving": "Intervisie"}),
    )
    .await;
    let d = activiteit(
        &app,
        &t,
        json!({"activiteitenplanId": volgend, "ambitieId": p.a1, "omschrijving": "Volgend jaar"}),
    )
    .await;
    app.put(
        &format!("/api/v1/activiteiten/{a}/evaluatie"),
        &t,
        json!({"status": "uitgevoerd", "signaal": "op_koers", "resultaat": 1.5}),
    )
    .await
    .assert(200);
    app.put(
        &format!("/api/v1/activiteiten/{b}/evaluatie"),
        &t,
        json!({"status": "deels", "signaal": "risico"}),
    )
    .await
    .assert(200);
    app.put(
        &format!("/api/v1/activiteiten/{c}/evaluatie"),
        &t,
        json!({"status": "uitgevoerd", "signaal": "risico"}),
    )
    .await
    .assert(200);

    let lezer = app.token("lezer").await;
    let list = |q: &str| format!("/api/v1/activiteiten?{q}");
    for (q, expected) in [
        ("", vec![&a, &b, &c, &d]),
        ("schooljaar=2022-2023", vec![&a, &b, &c]),
        ("schooljaar=2023-2024", vec![&d]),
        ("schooljaar=2030-2031", vec![]),
        (&format!("activiteitenplanId={volgend}"), vec![&d]),
        (&format!("ambitieId={}", p.a2), vec![&b, &c]),
        (&format!("portefeuilleId={pf}"), vec![&a]),
        (&format!("projectId={pr}"), vec![&b]),
        (&format!("verantwoordelijkeId={consulent}"), vec![&a]),
        ("soort=extra", vec![&b]),
        ("status=uitgevoerd", vec![&a, &c]),
        ("signaal=risico", vec![&b, &c]),
        ("status=uitgevoerd&signaal=risico", vec![&c]),
        ("geevalueerd=true", vec![&a, &b, &c]),
        ("geevalueerd=false", vec![&d]),
        ("q=intervisie", vec![&c]),
        ("sort=soort,-createdAt", vec![&b, &d, &c, &a]),
    ] {
        let r = app.get(&list(q), &lezer).await;
        r.assert(200);
        let want: Vec<String> = expected.into_iter().cloned().collect();
        assert_eq!(ids(&r), want, "?{q}");
        assert_eq!(r.body["total"], json!(want.len()), "?{q}");
    }
    for (q, field) in [
        ("schooljaar=2022", "schooljaar"),
        ("status=klaar", "status"),
        ("signaal=groen", "signaal"),
        ("geevalueerd=ja", "geevalueerd"),
        ("soort=los", "soort"),
        ("ambitieId=1", "ambitieId"),
        ("sort=status", "sort"),
    ] {
        assert_invalid(&app.get(&list(q), &lezer).await, field);
    }

    // CSV: every row of the filtered list, the evaluatie as columns (empty without one).
    let r = app
        .request(
            Method::GET,
            &list("schooljaar=2022-2023&pageSize=1"),
            Some(&lezer),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    assert!(r.raw.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(
        lines[0],
        "id;activiteitenplanId;ambitieId;omschrijving;soort;portefeuilleId;projectId;streefwaarde;streef.richting;streef.waarde;streef.eenheid;gemeten;voorstel.resultaat;voorstel.signaal;verantwoordelijkeId;herkomstId;evaluatie.status;evaluatie.toelichting;evaluatie.resultaat;evaluatie.signaal;createdAt;updatedAt;versie"
    );
    assert_eq!(lines.len(), 4, "all three rows despite pageSize=1");
    assert!(
        lines[1].starts_with(&format!(
            "{a};{};{};\"Netwerk; live\";gepland;{pf};;;;;;;;;{consulent};;uitgevoerd;;1,5;op_koers;",
            p.jaar, p.a1
        )),
        "{}",
        lines[1]
    );
    assert!(lines[2].contains(";'=Training;extra;"), "{}", lines[2]);
    let r = app
        .request(
            Method::GET,
            &list("geevalueerd=false"),
            Some(&lezer),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    let text = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    let row = text.split("\r\n").nth(1).unwrap();
    assert!(row.starts_with(&format!("{d};")), "{row}");
    assert!(
        row.contains(";;;;;"),
        "no evaluatie gives empty cells: {row}"
    );
    let r = app
        .request(
            Method::GET,
            &list(""),
            Some(&lezer),
            None,
            &[("accept", crate::common::XLSX)],
        )
        .await;
    r.assert(200);
    assert!(r.raw.starts_with(b"PK\x03\x04"));
    // An empty export still has its header row.
    let r = app
        .request(
            Method::GET,
            &list("schooljaar=2030-2031"),
            Some(&lezer),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    let text = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    assert!(text.starts_with("id;activiteitenplanId;"), "{text}");
}

async fn projecten_with_funding_and_dates(app: TestApp) {
    let t = app.token("medewerker").await;
    let b = app.token("beheerder").await;
    let p = plan(&app, &b).await;
    let g = crate::common::gemeente(&app, "0392", "Haarlem").await;
    let bestuur = crate::common::schoolbestuur(&app, &b, "Stichting Test", "41843").await;
    let school = id_of(
        &app.post(
            "/api/v1/scholen",
            &b,
            json!({"naam": "Bavoschool", "brin": "30MP00", "soort": "bao", "schoolbestuurId": bestuur, "gemeenteId": g}),
        )
        .await,
    );
    let pf = id_of(
        &app.post(
            "/api/v1/portefeuilles",
            &b,
            json!({"naam": "Lezen en rekenen"}),
        )
        .await,
    );
    let r = app
        .post(
            "/api/v1/projecten",
            &t,
            json!({"naam": "High Dosage Tutoring", "omschrijving": "Bijles in kleine groepen", "portefeuilleId": pf,
                   "ambitieIds": [p.a1], "status": "lopend", "startdatum": "2018-02-01", "einddatum": "2026-02-28",
                   "partner": "TBLI", "schoolIds": [school],
                   "financiering": [{"bron": "Subsidie gemeente Haarlem", "bedragCent": 18500000}, {"bron": "OCW", "bedragCent": 6400000}]}),
        )
        .await;
    r.assert(201);
    let hdt = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(r.body["einddatum"], "2026-02-28");
    assert_eq!(
        r.body["financiering"],
        json!([{"bron": "Subsidie gemeente Haarlem", "bedragCent": 18500000}, {"bron": "OCW", "bedragCent": 6400000}]),
        "funding keeps its order"
    );
    assert_eq!(r.body["schoolIds"], json!([school]));
    assert_eq!(r.body["ambitieIds"], json!([p.a1]));

    // Dates: never ending before they start.
    let r = app
        .post(
            "/api/v1/projecten",
            &t,
            json!({"naam": "Omgekeerd", "startdatum": "2025-03-01", "einddatum": "2025-02-28"}),
        )
        .await;
    assert_invalid(&r, "einddatum");
    let item = format!("/api/v1/projecten/{hdt}");
    let r = app
        .patch(&item, &t, json!({"startdatum": "2026-03-01"}))
        .await;
    assert_invalid(&r, "einddatum");
    for (body, field) in [
        (json!({"naam": "x", "einddatum": "2026-02-30"}), "einddatum"),
        (
            json!({"naam": "x", "startdatum": "28-02-2026"}),
            "startdatum",
        ),
        (json!({"naam": "x", "status": "bezig"}), "status"),
        (
            json!({"naam": "x", "startdatum": "1800-01-01"}),
            "startdatum",
        ),
        (
            json!({"naam": "x", "financiering": [{"bron": "OCW", "bedragCent": -1}]}),
            "financiering[0].bedragCent",
        ),
        (
            json!({"naam": "x", "financiering": [{"bron": "", "bedragCent": 1}]}),
            "financiering[0].bron",
        ),
        (
            json!({"naam": "x", "financiering": [{"bron": "OCW", "bedragCent": 1.5}]}),
            "financiering[0].bedragCent",
        ),
    ] {
        assert_invalid(&app.post("/api/v1/projecten", &t, body).await, field);
    }
    let r = app
        .post(
            "/api/v1/projecten",
            &t,
            json!({"naam": "High Dosage Tutoring"}),
        )
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["naam"]);

    // References of another SWV.
    let owner = app.login(&app.other.beheerder).await;
    let o = plan(&app, &owner).await;
    let o_pf = id_of(
        &app.post("/api/v1/portefeuilles", &owner, json!({"naam": "Noord"}))
            .await,
    );
    for (field, body) in [
        (
            "portefeuilleId",
            json!({"naam": "Lek", "portefeuilleId": o_pf}),
        ),
        (
            "ambitieIds",
            json!({"naam": "Lek", "ambitieIds": [p.a1, o.a1]}),
        ),
        (
            "schoolIds",
            json!({"naam": "Lek", "schoolIds": ["00000000-0000-4000-8000-000000000000"]}),
        ),
    ] {
        assert_invalid(&app.post("/api/v1/projecten", &t, body).await, field);
    }

    // Merge patch: a list is replaced as a whole, null clears.
    let r = app
        .patch(
            &item,
            &t,
            json!({"financiering": [{"bron": "Eigen middelen", "bedragCent": 2500000}], "partner": null}),
        )
        .await;
    r.assert(200);
    assert_eq!(
        r.body["financiering"],
        json!([{"bron": "Eigen middelen", "bedragCent": 2500000}])
    );
    assert_eq!(r.body["partner"], Value::Null);
    assert_eq!(r.body["einddatum"], "2026-02-28");

    // Filters and sort by end date (for the timeline).
    let kort = id_of(
        &app.post(
            "/api/v1/projecten",
            &t,
            json!({"naam": "Nieuwkomers", "status": "lopend", "startdatum": "2019-08-01", "einddatum": "2025-05-31", "ambitieIds": [p.a2]}),
        )
        .await,
    );
    let gepland = id_of(
        &app.post(
            "/api/v1/projecten",
            &t,
            json!({"naam": "Kerngebieden", "startdatum": "2024-10-01", "einddatum": "2025-07-31"}),
        )
        .await,
    );
    let list = |q: &str| format!("/api/v1/projecten?{q}");
    for (q, want) in [
        ("sort=einddatum", vec![&kort, &gepland, &hdt]),
        ("status=lopend", vec![&hdt, &kort]),
        ("status=gepland", vec![&gepland]),
        (&format!("portefeuilleId={pf}"), vec![&hdt]),
        (&format!("ambitieId={}", p.a2), vec![&kort]),
        (&format!("schoolId={school}"), vec![&hdt]),
        ("q=tutoring", vec![&hdt]),
    ] {
        let want: Vec<String> = want.into_iter().cloned().collect();
        assert_eq!(ids(&app.get(&list(q), &t).await), want, "?{q}");
    }
    assert_invalid(&app.get(&list("status=bezig"), &t).await, "status");
    assert_invalid(&app.get(&list("sort=partner"), &t).await, "sort");

    // A school in a project stays.
    let r = app.delete(&format!("/api/v1/scholen/{school}"), &b).await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("projecten"));

    // The export writes funding as JSON text and dates as YYYY-MM-DD.
    let r = app
        .request(
            Method::GET,
            &list(&format!("portefeuilleId={pf}")),
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let text = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "id;naam;omschrijving;portefeuilleId;ambitieIds;status;startdatum;einddatum;partner;schoolIds;financiering;createdAt;updatedAt;versie");
    assert!(
        lines[1].contains(";lopend;2018-02-01;2026-02-28;;")
            && lines[1].contains(r#""[{""bron"":""Eigen middelen"",""bedragCent"":2500000}]""#),
        "{}",
        lines[1]
    );
}

async fn voortgang_of_a_project(app: TestApp) {
    let t = app.token("consulent").await;
    let pr = id_of(
        &app.post("/api/v1/projecten", &t, json!({"naam": "HDT"}))
            .await,
    );
    let path = format!("/api/v1/projecten/{pr}/voortgang");
    let r = app
        .post(
            &path,
            &t,
            json!({"datum": "2024-11-15", "toelichting": "Zeven scholen gestart.", "signaal": "op_koers"}),
        )
        .await;
    r.assert(201);
    let eerste = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(
        r.header("location").as_deref(),
        Some(format!("{path}/{eerste}").as_str())
    );
    assert_eq!(r.body["projectId"], json!(pr));
    assert_eq!(r.body["datum"], "2024-11-15");
    let tweede = id_of(
        &app.post(
            &path,
            &t,
            json!({"datum": "2025-03-01", "toelichting": "Minder tutoren beschikbaar.", "signaal": "aandacht"}),
        )
        .await,
    );
    let derde = id_of(
        &app.post(
            &path,
            &t,
            json!({"datum": "2025-01-10", "toelichting": "Workshop gehouden."}),
        )
        .await,
    );
    for (body, field) in [
        (json!({"datum": "2025-13-01", "toelichting": "x"}), "datum"),
        (json!({"toelichting": "x"}), "datum"),
        (json!({"datum": "2500-01-01", "toelichting": "x"}), "datum"),
        (
            json!({"datum": "2025-01-01", "toelichting": " "}),
            "toelichting",
        ),
        (
            json!({"datum": "2025-01-01", "toelichting": "x", "signaal": "oranje"}),
            "signaal",
        ),
    ] {
        assert_invalid(&app.post(&path, &t, body).await, field);
    }
    let lezer = app.token("lezer").await;
    let r = app.get(&path, &lezer).await;
    r.assert(200);
    assert_eq!(
        ids(&r),
        vec![tweede.clone(), derde.clone(), eerste.clone()],
        "newest first"
    );
    assert_eq!(r.body["total"], 3);
    let r = app.get(&format!("{path}?sort=datum"), &lezer).await;
    assert_eq!(ids(&r), vec![eerste.clone(), derde.clone(), tweede.clone()]);
    let r = app.get(&format!("{path}?signaal=aandacht"), &lezer).await;
    assert_eq!(ids(&r), vec![tweede.clone()]);
    assert_invalid(
        &app.get(&format!("{path}?signaal=oranje"), &lezer).await,
        "signaal",
    );
    let r = app.get(&format!("{path}/{derde}"), &lezer).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(r.body["signaal"], Value::Null);
    let r = app
        .request(
            Method::GET,
            &path,
            Some(&lezer),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let text = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    assert!(
        text.starts_with("id;projectId;datum;toelichting;signaal;"),
        "{text}"
    );
    assert_eq!(text.trim_end().split("\r\n").count(), 4);

    // Unknown projects and reports.
    let unknown = "/api/v1/projecten/00000000-0000-4000-8000-000000000000/voortgang";
    assert_problem(&app.get(unknown, &t).await, 404);
    assert_problem(
        &app.post(
            unknown,
            &t,
            json!({"datum": "2025-01-01", "toelichting": "x"}),
        )
        .await,
        404,
    );
    let ander = id_of(
        &app.post("/api/v1/projecten", &t, json!({"naam": "Ander"}))
            .await,
    );
    assert_problem(
        &app.get(&format!("/api/v1/projecten/{ander}/voortgang/{eerste}"), &t)
            .await,
        404,
    );

    // Removing one report, then the project with the rest.
    assert_problem(&app.delete(&format!("{path}/{derde}"), &lezer).await, 403);
    assert_problem(
        &with_if_match(
            &app,
            Method::DELETE,
            &format!("{path}/{derde}"),
            &t,
            None,
            "\"2\"",
        )
        .await,
        412,
    );
    app.delete(&format!("{path}/{derde}"), &t).await.assert(204);
    assert_eq!(app.get(&path, &t).await.body["total"], 2);
    app.delete(&format!("/api/v1/projecten/{pr}"), &t)
        .await
        .assert(204);
    assert_problem(&app.get(&path, &t).await, 404);
    assert_problem(&app.get(&format!("{path}/{eerste}"), &t).await, 404);
}

both_backends!(
    references_stay_within_the_plan_and_the_swv,
    a_vastgesteld_plan_takes_only_extra_activities,
    evaluatie_of_an_activity,
    activity_filters_and_export,
    projecten_with_funding_and_dates,
    voortgang_of_a_project,
);
