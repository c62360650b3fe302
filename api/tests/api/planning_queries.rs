//! No N+1 in planning: the lists with their linked ids and evaluaties, and the year's account,
//! cost the same number of SQL statements for a few records as for many.
//!
//! Statements are counted per test database (`common::statements`), one counting test at a time.

use koers::db::Backend;
use serde_json::json;

use crate::common::{statements, TestApp};

fn id_of(r: &crate::common::Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

struct Fixture {
    plan: String,
    jaar: String,
    ambities: Vec<String>,
    school: String,
}

/// Adds `n` activities (each evaluated and with a responsible user and a project), portefeuilles
/// with owners and ambities, and projecten with ambities, a school and funding.
async fn add(app: &TestApp, t: &str, f: &Fixture, from: usize, to: usize) {
    let users = &app.swv.gebruiker_ids;
    for i in from..to {
        let pf = id_of(
            &app.post(
                "/api/v1/portefeuilles",
                t,
                json!({"naam": format!("Portefeuille {i}"), "eigenaarIds": [users[1], users[2]],
                       "ambitieIds": [f.ambities[i % 3], f.ambities[(i + 1) % 3]]}),
            )
            .await,
        );
        let pr = id_of(
            &app.post(
                "/api/v1/projecten",
                t,
                json!({"naam": format!("Project {i}"), "portefeuilleId": pf, "ambitieIds": [f.ambities[i % 3]],
                       "schoolIds": [f.school], "financiering": [{"bron": "OCW", "bedragCent": 100}, {"bron": "Gemeente", "bedragCent": 200}]}),
            )
            .await,
        );
        let a = id_of(
            &app.post(
                "/api/v1/activiteiten",
                t,
                json!({"activiteitenplanId": f.jaar, "ambitieId": f.ambities[i % 3], "omschrijving": format!("Activiteit {i}"),
                       "verantwoordelijkeId": users[1 + i % 3], "projectId": pr, "portefeuilleId": pf}),
            )
            .await,
        );
        app.put(
            &format!("/api/v1/activiteiten/{a}/evaluatie"),
            t,
            json!({"status": "deels", "signaal": "aandacht", "resultaat": i}),
        )
        .await
        .assert(200);
    }
}

async fn planning_without_n_plus_one(backend: Backend) {
    let app = TestApp::start(backend).await;
    let t = app.token("beheerder").await;
    let plan = id_of(
        &app.post(
            "/api/v1/ondersteuningsplannen",
            &t,
            json!({"titel": "2022-2026", "vanJaar": 2022, "totJaar": 2026}),
        )
        .await,
    );
    let mut ambities = Vec::new();
    for n in 1..=3 {
        ambities.push(id_of(
            &app.post(
                "/api/v1/ambities",
                &t,
                json!({"ondersteuningsplanId": plan, "nummer": n, "titel": format!("Ambitie {n}")}),
            )
            .await,
        ));
    }
    let jaar = id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            &t,
            json!({"ondersteuningsplanId": plan, "schooljaar": "2022-2023"}),
        )
        .await,
    );
    let g = crate::common::gemeente(&app, "0392", "Haarlem").await;
    let b = crate::common::schoolbestuur(&app, &t, "Stichting Test", "41843").await;
    let school = id_of(
        &app.post(
            "/api/v1/scholen",
            &t,
            json!({"naam": "Bavoschool", "brin": "30MP00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}),
        )
        .await,
    );
    let f = Fixture {
        plan,
        jaar,
        ambities,
        school,
    };
    let paths = [
        "/api/v1/activiteiten?pageSize=200".to_string(),
        "/api/v1/portefeuilles?pageSize=200".to_string(),
        "/api/v1/projecten?pageSize=200".to_string(),
        format!("/api/v1/activiteitenplannen/{}/evaluatie", f.jaar),
        format!("/api/v1/ambities?ondersteuningsplanId={}", f.plan),
    ];
    add(&app, &t, &f, 0, 2).await;
    let mut few = Vec::new();
    for p in &paths {
        few.push(statements::of_get(&app, &t, p).await);
    }
    add(&app, &t, &f, 2, 25).await;
    for (p, n) in paths.iter().zip(few) {
        assert!(n > 0, "the instrumentation counted nothing for {p}");
        let many = statements::of_get(&app, &t, p).await;
        assert_eq!(
            n, many,
            "{p} runs more statements for 25 records than for 2"
        );
        // The evaluation account reads the plan, its activities, their evaluaties and what
        // their meetings measured: a fixed handful, whatever the number of activities.
        assert!(many <= 9, "{p} runs {many} statements");
    }
    let r = app
        .get(
            &format!("/api/v1/activiteitenplannen/{}/evaluatie", f.jaar),
            &t,
        )
        .await;
    assert_eq!(r.body["totaal"]["aantal"], 25);
    assert_eq!(r.body["totaal"]["perStatus"]["deels"], 25);
}

fn counted(backend: Backend) {
    statements::counted(planning_without_n_plus_one, backend);
}

#[test]
fn sqlite() {
    counted(Backend::Sqlite);
}

#[test]
fn postgres() {
    counted(Backend::Postgres);
}
