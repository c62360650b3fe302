//! The year's account (`GET /activiteitenplannen/{id}/evaluatie`) as JSON, Markdown and DOCX, and
//! the copy of a plan into the next school year (`POST /activiteitenplannen/{id}/kopie`).

use std::io::Read;

use crate::common::{assert_invalid, assert_problem, ids};
use crate::common::{Resp, TestApp};
use actix_web::http::Method;
use serde_json::{json, Value};

const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

fn id_of(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

const TITELS: [(i32, &str); 3] = [
    (3, "Een dekkend netwerk"),
    (1, "Goed onderwijs vormt de basis"),
    (2, "Passend onderwijs in verbinding met zorg voor jeugd"),
];

/// A 2022-2023 plan with three ambities (created out of order; number 2 without activities).
struct Jaar {
    plan: String,
    ambitie: std::collections::HashMap<i32, String>,
    act: Vec<String>,
}

/// `(ambitie, omschrijving, soort, evaluatie)` for each activity, in order.
async fn jaar(app: &TestApp, token: &str, activities: &[(i32, &str, &str, Option<Value>)]) -> Jaar {
    let op = id_of(
        &app.post(
            "/api/v1/ondersteuningsplannen",
            token,
            json!({"titel": "Goed onderwijs maak je samen", "vanJaar": 2022, "totJaar": 2026}),
        )
        .await,
    );
    let mut ambitie = std::collections::HashMap::new();
    for (n, titel) in TITELS {
        ambitie.insert(
            n,
            id_of(
                &app.post(
                    "/api/v1/ambities",
                    token,
                    json!({"ondersteuningsplanId": op, "nummer": n, "titel": titel, "doelstelling": format!("Doel {n}")}),
                )
                .await,
            ),
        );
    }
    let plan = id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            token,
            json!({"ondersteuningsplanId": op, "schooljaar": "2022-2023", "vooruitblik": "Meer aandacht voor lezen."}),
        )
        .await,
    );
    let mut act = Vec::new();
    for (n, omschrijving, soort, evaluatie) in activities {
        let id = id_of(
            &app.post(
                "/api/v1/activiteiten",
                token,
                json!({"activiteitenplanId": plan, "ambitieId": ambitie[n], "omschrijving": omschrijving,
                       "soort": soort, "verantwoordelijkeId": app.swv.gebruiker_ids[1]}),
            )
            .await,
        );
        if let Some(e) = evaluatie {
            app.put(
                &format!("/api/v1/activiteiten/{id}/evaluatie"),
                token,
                e.clone(),
            )
            .await
            .assert(200);
        }
        act.push(id);
    }
    Jaar { plan, ambitie, act }
}

fn evaluated_year() -> Vec<(i32, &'static str, &'static str, Option<Value>)> {
    vec![
        (
            1,
            "IB-netwerken",
            "gepland",
            Some(
                json!({"status": "uitgevoerd", "signaal": "op_koers", "resultaat": 112, "toelichting": "Drie keer live."}),
            ),
        ),
        (
            1,
            "Intervisie intern begeleiders",
            "gepland",
            Some(json!({"status": "deels", "signaal": "aandacht"})),
        ),
        (
            1,
            "Extra netwerk met de GGD",
            "extra",
            Some(json!({"status": "uitgevoerd", "signaal": "afgerond"})),
        ),
        (1, "Intern dashboard", "gepland", None),
        (
            3,
            "Ouderpanel",
            "gepland",
            Some(json!({"status": "niet_uitgevoerd", "signaal": "risico"})),
        ),
        (
            3,
            "Bijeenkomst medezeggenschap",
            "gepland",
            Some(json!({"status": "doorgeschoven"})),
        ),
        (
            3,
            "Expertisepool",
            "gepland",
            Some(json!({"status": "deels", "signaal": "afgerond"})),
        ),
    ]
}

fn telling(aantal: i64, geevalueerd: i64, status: [i64; 4], signaal: [i64; 4]) -> Value {
    json!({
        "aantal": aantal,
        "geevalueerd": geevalueerd,
        "perStatus": {"uitgevoerd": status[0], "deels": status[1], "niet_uitgevoerd": status[2], "doorgeschoven": status[3]},
        "perSignaal": {"op_koers": signaal[0], "aandacht": signaal[1], "risico": signaal[2], "afgerond": signaal[3]},
    })
}

async fn the_account_counts_per_ambitie(app: TestApp) {
    let t = app.token("consulent").await;
    let j = jaar(&app, &t, &evaluated_year()).await;
    let pr = id_of(
        &app.post(
            "/api/v1/projecten",
            &t,
            json!({"naam": "High Dosage Tutoring", "status": "lopend", "einddatum": "2026-02-28"}),
        )
        .await,
    );
    app.patch(
        &format!("/api/v1/activiteiten/{}", j.act[0]),
        &t,
        json!({"projectId": pr}),
    )
    .await
    .assert(200);

    let lezer = app.token("lezer").await;
    let r = app
        .get(
            &format!("/api/v1/activiteitenplannen/{}/evaluatie", j.plan),
            &lezer,
        )
        .await;
    r.assert(200);
    let v = &r.body;
    assert_eq!(v["activiteitenplan"]["id"], json!(j.plan));
    assert_eq!(v["activiteitenplan"]["schooljaar"], "2022-2023");
    assert_eq!(
        v["ondersteuningsplan"]["titel"],
        "Goed onderwijs maak je samen"
    );

    // Every ambitie, in nummer order, also the one without activities.
    let groups = v["ambities"].as_array().unwrap();
    let nummers: Vec<i64> = groups
        .iter()
        .map(|g| g["ambitie"]["nummer"].as_i64().unwrap())
        .collect();
    assert_eq!(nummers, vec![1, 2, 3]);
    assert_eq!(
        groups[0]["ambitie"],
        json!({"id": j.ambitie[&1], "nummer": 1, "titel": "Goed onderwijs vormt de basis", "doelstelling": "Doel 1"})
    );
    let in_group = |g: &Value| -> Vec<String> {
        g["activiteiten"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(in_group(&groups[0]), j.act[0..4].to_vec());
    assert_eq!(in_group(&groups[1]), Vec::<String>::new());
    assert_eq!(in_group(&groups[2]), j.act[4..7].to_vec());

    // The counts, with every key present.
    assert_eq!(
        groups[0]["telling"],
        telling(4, 3, [2, 1, 0, 0], [1, 1, 0, 1])
    );
    assert_eq!(
        groups[1]["telling"],
        telling(0, 0, [0, 0, 0, 0], [0, 0, 0, 0])
    );
    assert_eq!(
        groups[2]["telling"],
        telling(3, 3, [0, 1, 1, 1], [0, 0, 1, 1])
    );
    assert_eq!(v["totaal"], telling(7, 6, [2, 2, 1, 1], [1, 1, 1, 2]));

    // An activity as in the API, with its evaluatie and the names a reader needs.
    let first = &groups[0]["activiteiten"][0];
    let direct = app
        .get(&format!("/api/v1/activiteiten/{}", j.act[0]), &lezer)
        .await
        .body;
    for (k, val) in direct.as_object().unwrap() {
        assert_eq!(&first[k], val, "field {k} of the activity in the account");
    }
    assert_eq!(first["evaluatie"]["resultaat"], 112.0);
    assert_eq!(
        first["project"],
        json!({"id": pr, "naam": "High Dosage Tutoring", "status": "lopend", "einddatum": "2026-02-28"})
    );
    assert_eq!(first["verantwoordelijke"]["naam"], "Test consulent");
    assert_eq!(groups[0]["activiteiten"][3]["evaluatie"], Value::Null);
    assert_eq!(groups[0]["activiteiten"][3]["project"], Value::Null);

    // A change shows at once.
    app.delete(&format!("/api/v1/activiteiten/{}/evaluatie", j.act[4]), &t)
        .await
        .assert(204);
    let r = app
        .get(
            &format!("/api/v1/activiteitenplannen/{}/evaluatie", j.plan),
            &lezer,
        )
        .await;
    assert_eq!(
        r.body["ambities"][2]["telling"],
        telling(3, 2, [0, 1, 0, 1], [0, 0, 0, 1])
    );
    assert_eq!(r.body["totaal"], telling(7, 5, [2, 2, 0, 1], [1, 1, 0, 2]));

    // An empty plan: all ambities, all zero.
    let leeg = id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            &t,
            json!({"ondersteuningsplanId": v["ondersteuningsplan"]["id"], "schooljaar": "2023-2024"}),
        )
        .await,
    );
    let r = app
        .get(
            &format!("/api/v1/activiteitenplannen/{leeg}/evaluatie"),
            &lezer,
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["ambities"].as_array().unwrap().len(), 3);
    assert_eq!(r.body["totaal"], telling(0, 0, [0; 4], [0; 4]));
    assert_problem(
        &app.get(
            "/api/v1/activiteitenplannen/00000000-0000-4000-8000-000000000000/evaluatie",
            &lezer,
        )
        .await,
        404,
    );
}

async fn the_account_as_markdown_and_docx(app: TestApp) {
    let t = app.token("beheerder").await;
    let j = jaar(&app, &t, &evaluated_year()).await;
    let path = format!("/api/v1/activiteitenplannen/{}/evaluatie", j.plan);
    let lezer = app.token("lezer").await;

    let r = app
        .request(
            Method::GET,
            &path,
            Some(&lezer),
            None,
            &[("accept", "text/markdown")],
        )
        .await;
    r.assert(200);
    assert!(r
        .header("content-type")
        .unwrap()
        .starts_with("text/markdown"));
    let md = String::from_utf8(r.raw.clone()).unwrap();
    assert!(
        md.starts_with("# Evaluatie activiteitenplan 2022-2023\n"),
        "{md}"
    );
    let positions: Vec<usize> = [
        "## Samenvatting",
        "## 1. Goed onderwijs vormt de basis\n",
        "## 2. Passend onderwijs in verbinding met zorg voor jeugd\n",
        "## 3. Een dekkend netwerk\n",
        "## Vooruitblik",
    ]
    .iter()
    .map(|h| {
        md.find(h)
            .unwrap_or_else(|| panic!("no heading {h:?} in\n{md}"))
    })
    .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "headings out of order:\n{md}"
    );
    assert!(
        md.contains("| 1. Goed onderwijs vormt de basis | 4 | 3 | 2 | 1 | 0 | 0 | 1 | 1 | 0 | 1 |"),
        "{md}"
    );
    assert!(md.contains("| **Totaal** | **7** | **6** | **2** | **2** | **1** | **1** | **1** | **1** | **1** | **2** |"), "{md}");
    assert!(
        md.contains("- **Extra netwerk met de GGD** (extra)"),
        "{md}"
    );
    assert!(
        md.contains("  - Evaluatie: uitgevoerd; signaal: op koers; resultaat: 112"),
        "{md}"
    );
    assert!(md.contains("  - Evaluatie: nog niet geëvalueerd"), "{md}");
    assert!(md.contains("Geen activiteiten in dit schooljaar."), "{md}");
    let r = app
        .request(
            Method::GET,
            &path,
            Some(&lezer),
            None,
            &[("accept", "text/*")],
        )
        .await;
    assert_eq!(r.raw, md.as_bytes(), "text/* gives the Markdown");

    let r = app
        .request(Method::GET, &path, Some(&lezer), None, &[("accept", DOCX)])
        .await;
    r.assert(200);
    assert_eq!(r.header("content-type").as_deref(), Some(DOCX));
    assert!(r
        .header("content-disposition")
        .unwrap()
        .contains("evaluatie-activiteitenplan-2022-2023.docx"));
    assert!(r.raw.starts_with(b"PK"), "a DOCX is a ZIP file");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(r.raw.clone())).expect("a ZIP");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    let mut last = 0;
    for titel in [
        "Samenvatting",
        "1. Goed onderwijs vormt de basis",
        "2. Passend onderwijs in verbinding met zorg voor jeugd",
        "3. Een dekkend netwerk",
    ] {
        let at = xml[last..]
            .find(titel)
            .unwrap_or_else(|| panic!("{titel} missing or out of order in word/document.xml"));
        last += at;
    }
    assert!(xml.contains("<w:tbl>"), "the summary table");
    assert!(xml.contains("Heading1"), "headings are Word headings");
    assert!(xml.contains("Extra netwerk met de GGD"));

    // Formats not offered, and who may read.
    assert_problem(
        &app.request(
            Method::GET,
            &path,
            Some(&lezer),
            None,
            &[("accept", "application/pdf")],
        )
        .await,
        406,
    );
    let r = app
        .request(
            Method::GET,
            &path,
            Some(&lezer),
            None,
            &[("accept", "application/pdf, application/json;q=0.5")],
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["totaal"]["aantal"], 7);
    let platform = app.token("platformbeheerder").await;
    assert_problem(&app.get(&path, &platform).await, 403);
    let other = app.login(&app.other.beheerder).await;
    assert_problem(&app.get(&path, &other).await, 404);
}

async fn copy_forward_into_the_next_year(app: TestApp) {
    let t = app.token("consulent").await;
    let mut year = evaluated_year();
    year.push((
        3,
        "Extra training die niet doorging",
        "extra",
        Some(json!({"status": "niet_uitgevoerd", "signaal": "aandacht"})),
    ));
    let j = jaar(&app, &t, &year).await;
    app.patch(
        &format!("/api/v1/activiteitenplannen/{}", j.plan),
        &t,
        json!({"status": "vastgesteld"}),
    )
    .await
    .assert(200);
    let before = app
        .get(
            &format!("/api/v1/activiteiten?activiteitenplanId={}", j.plan),
            &t,
        )
        .await
        .body;

    let kopie = format!("/api/v1/activiteitenplannen/{}/kopie", j.plan);
    for bad in ["2023-2025", "2023", ""] {
        assert_invalid(
            &app.post(&kopie, &t, json!({"schooljaar": bad})).await,
            "schooljaar",
        );
    }
    assert_invalid(&app.post(&kopie, &t, json!({})).await, "schooljaar");
    assert_invalid(
        &app.post(
            &kopie,
            &t,
            json!({"schooljaar": "2023-2024", "status": "vastgesteld"}),
        )
        .await,
        "status",
    );
    let r = app
        .post(&kopie, &t, json!({"schooljaar": "2022-2023"}))
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["schooljaar"]);

    let r = app
        .post(&kopie, &t, json!({"schooljaar": "2023-2024"}))
        .await;
    r.assert(201);
    let nieuw = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(
        r.header("location").as_deref(),
        Some(format!("/api/v1/activiteitenplannen/{nieuw}").as_str())
    );
    assert_eq!(r.body["schooljaar"], "2023-2024");
    assert_eq!(r.body["status"], "concept");
    assert_eq!(r.body["vooruitblik"], Value::Null);
    let source = app
        .get(&format!("/api/v1/activiteitenplannen/{}", j.plan), &t)
        .await;
    assert_eq!(
        r.body["ondersteuningsplanId"],
        source.body["ondersteuningsplanId"]
    );

    // Carried over: everything not uitgevoerd and not afgerond, in the same order, as planned
    // work without evaluation, pointing at its origin.
    let r = app
        .get(
            &format!("/api/v1/activiteiten?activiteitenplanId={nieuw}"),
            &t,
        )
        .await;
    r.assert(200);
    let items = r.body["items"].as_array().unwrap();
    let herkomst: Vec<String> = items
        .iter()
        .map(|a| a["herkomstId"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        herkomst,
        vec![
            j.act[1].clone(),
            j.act[3].clone(),
            j.act[4].clone(),
            j.act[5].clone(),
            j.act[7].clone()
        ]
    );
    for (a, origin) in items.iter().zip(&herkomst) {
        let o = app
            .get(&format!("/api/v1/activiteiten/{origin}"), &t)
            .await
            .body;
        assert_eq!(a["omschrijving"], o["omschrijving"]);
        assert_eq!(a["ambitieId"], o["ambitieId"]);
        assert_eq!(a["verantwoordelijkeId"], o["verantwoordelijkeId"]);
        assert_eq!(a["soort"], "gepland");
        assert_eq!(a["evaluatie"], Value::Null);
        assert_eq!(a["versie"], 1);
        assert_ne!(a["id"], o["id"]);
    }
    // The source plan is untouched, and the copy is a plan of its own.
    assert_eq!(
        app.get(
            &format!("/api/v1/activiteiten?activiteitenplanId={}", j.plan),
            &t
        )
        .await
        .body,
        before
    );
    let r = app
        .get(
            &format!("/api/v1/activiteitenplannen/{nieuw}/evaluatie"),
            &t,
        )
        .await;
    assert_eq!(r.body["totaal"], telling(5, 0, [0; 4], [0; 4]));
    let r = app
        .post(&kopie, &t, json!({"schooljaar": "2023-2024"}))
        .await;
    assert_problem(&r, 409);
    assert_eq!(
        app.get("/api/v1/activiteitenplannen", &t).await.body["total"],
        2
    );
    // Deleting an origin unlinks the copy, never breaks it.
    let origin = &herkomst[0];
    app.delete(&format!("/api/v1/activiteiten/{origin}"), &t)
        .await
        .assert(204);
    let r = app
        .get(
            &format!("/api/v1/activiteiten?activiteitenplanId={nieuw}"),
            &t,
        )
        .await;
    assert_eq!(r.body["items"][0]["herkomstId"], Value::Null);
    assert_eq!(ids(&r).len(), 5);

    // Unknown plans are 404, whatever the body says.
    let r = app
        .post(
            "/api/v1/activiteitenplannen/00000000-0000-4000-8000-000000000000/kopie",
            &t,
            json!({}),
        )
        .await;
    assert_problem(&r, 404);
}

both_backends!(
    the_account_counts_per_ambitie,
    the_account_as_markdown_and_docx,
    copy_forward_into_the_next_year,
);
