//! The monitor of schoolbesturen: per school of a board, counts of children suppressed; a
//! board's client reads only its own boards.

use serde_json::{json, Value};

use crate::auth::client_token;
use crate::common::{assert_invalid, assert_problem, TestApp};

const PAD: &str = "/api/v1/monitor/schoolbestuur";

fn cell_ok(a: &Value) {
    if a.get("onderdrukt") == Some(&Value::Bool(true)) {
        assert_eq!(a, &json!({"waarde": null, "onderdrukt": true}));
    } else {
        let n = a["waarde"].as_i64().expect("a count");
        assert!(n == 0 || n >= 5, "{n} is shown");
    }
}

async fn boards(app: &TestApp, t: &str) -> Vec<(String, String)> {
    let r = app
        .get("/api/v1/schoolbesturen?pageSize=200&sort=naam", t)
        .await;
    r.assert(200);
    r.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["id"].as_str().unwrap().to_string(),
                b["naam"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn a_board_reads_its_schools(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let lezer = app.demo_login("lezer@ppo-nk.example").await;
    let r = app
        .get(&format!("{PAD}?schooljaar=2016-2017"), &lezer)
        .await;
    r.assert(200);
    let all = boards(&app, &lezer).await;
    let besturen = r.body["schoolbesturen"].as_array().unwrap();
    assert_eq!(besturen.len(), all.len(), "every board of the SWV");
    let schools = app.get("/api/v1/scholen?pageSize=1", &lezer).await.body["total"]
        .as_i64()
        .unwrap();
    let listed: usize = besturen
        .iter()
        .map(|b| b["scholen"].as_array().unwrap().len())
        .sum();
    assert_eq!(listed as i64, schools, "every school of every board");
    let mut mdo_shown = 0;
    for b in besturen {
        for s in b["scholen"].as_array().unwrap() {
            for k in ["individueel", "groep", "innovatie"] {
                cell_ok(&s["arrangementen"][k]);
            }
            for k in ["sbo", "so", "vso"] {
                cell_ok(&s["tlv"][k]);
            }
            cell_ok(&s["mdo"]);
            mdo_shown += s["mdo"]["waarde"].as_i64().unwrap_or(0);
            assert!(s["aanwezigBijeenkomsten"].is_i64());
        }
    }
    assert!(mdo_shown > 0, "the year's MDO's are counted per school");

    // A board's client: its own board and nothing else.
    let beheer = app.demo_login("beheer@ppo-nk.example").await;
    let (eigen, naam) = all[0].clone();
    let ander = all[1].0.clone();
    assert_invalid(
        &app.post(
            "/api/v1/clients",
            &beheer,
            json!({"naam": "Bestuur zonder bestuur", "scopes": ["bestuur:read"]}),
        )
        .await,
        "schoolbestuurIds",
    );
    let zk = app.demo_login("lezer@swv-zk.example").await;
    let vreemd = boards(&app, &zk).await[0].0.clone();
    assert_invalid(
        &app.post(
            "/api/v1/clients",
            &beheer,
            json!({"naam": "Vreemd bestuur", "scopes": ["bestuur:read"], "schoolbestuurIds": [vreemd]}),
        )
        .await,
        "schoolbestuurIds",
    );
    let c = app
        .post(
            "/api/v1/clients",
            &beheer,
            json!({"naam": format!("Monitor {naam}"), "scopes": ["bestuur:read"], "schoolbestuurIds": [eigen]}),
        )
        .await;
    c.assert(201);
    assert_eq!(c.body["schoolbestuurIds"], json!([eigen]));
    let tok = client_token(
        &app,
        c.body["clientId"].as_str().unwrap(),
        c.body["clientSecret"].as_str().unwrap(),
        None,
    )
    .await;
    tok.assert(200);
    let t = tok.body["access_token"].as_str().unwrap().to_string();
    let own = app.get(&format!("{PAD}?schooljaar=2016-2017"), &t).await;
    own.assert(200);
    let ids: Vec<&str> = own.body["schoolbesturen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [eigen.as_str()]);
    let same = besturen.iter().find(|b| b["id"] == eigen.as_str()).unwrap();
    assert_eq!(
        &own.body["schoolbesturen"][0], same,
        "the client reads what the SWV shares"
    );
    assert_problem(
        &app.get(
            &format!("{PAD}?schooljaar=2016-2017&schoolbestuurId={ander}"),
            &t,
        )
        .await,
        403,
    );
    assert_problem(
        &app.get(
            &format!("{PAD}?schooljaar=2016-2017&schoolbestuurId={vreemd}"),
            &t,
        )
        .await,
        404,
    );
    assert_problem(
        &app.get(
            &format!("{PAD}?schooljaar=2016-2017&schoolbestuurId={vreemd}"),
            &lezer,
        )
        .await,
        404,
    );
    assert_invalid(&app.get(PAD, &t).await, "schooljaar");
    assert_invalid(
        &app.get(&format!("{PAD}?schooljaar=2016-2017&schoolbestuurId=x"), &t)
            .await,
        "schoolbestuurId",
    );
    let csv = app
        .request(
            actix_web::http::Method::GET,
            &format!("{PAD}?schooljaar=2016-2017"),
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert(200);
    let text = String::from_utf8_lossy(&csv.raw).to_string();
    assert!(
        text.trim_start_matches('\u{feff}')
            .starts_with("schooljaar;schoolbestuur;school;indicator;waarde"),
        "{text}"
    );
    // The JOP monitor is not this client's, nor is this monitor the platform's.
    assert_problem(
        &app.get("/api/v1/monitor/jop?schooljaar=2016-2017", &t)
            .await,
        403,
    );
    let p = app.demo_login(koers::demo::DEMO_PLATFORM).await;
    assert_problem(
        &app.get(&format!("{PAD}?schooljaar=2016-2017"), &p).await,
        403,
    );
}

both_backends!(a_board_reads_its_schools);
