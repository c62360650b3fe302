//! The structure of the plan: ondersteuningsplannen, ambities, activiteitenplannen and
//! portefeuilles, with their rules, the role table of planning and tenancy.

use crate::common::{
    assert_etag_flow, assert_invalid, assert_other_swv_hidden, assert_problem, ids,
};
use crate::common::{Resp, TestApp};
use actix_web::http::Method;
use serde_json::{json, Value};

fn id_of(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

async fn ondersteuningsplan(app: &TestApp, token: &str, titel: &str) -> String {
    id_of(
        &app.post(
            "/api/v1/ondersteuningsplannen",
            token,
            json!({"titel": titel, "vanJaar": 2022, "totJaar": 2026}),
        )
        .await,
    )
}

async fn ambitie(app: &TestApp, token: &str, plan: &str, nummer: i32, titel: &str) -> String {
    id_of(
        &app.post(
            "/api/v1/ambities",
            token,
            json!({"ondersteuningsplanId": plan, "nummer": nummer, "titel": titel, "doelstelling": "Een doel"}),
        )
        .await,
    )
}

async fn jaarplan(app: &TestApp, token: &str, plan: &str, schooljaar: &str) -> String {
    id_of(
        &app.post(
            "/api/v1/activiteitenplannen",
            token,
            json!({"ondersteuningsplanId": plan, "schooljaar": schooljaar}),
        )
        .await,
    )
}

fn user_id(app: &TestApp, index: usize) -> String {
    app.swv.gebruiker_ids[index].to_string()
}

async fn ondersteuningsplan_life_cycle(app: TestApp) {
    let t = app.token("beheerder").await;
    let r = app
        .post(
            "/api/v1/ondersteuningsplannen",
            &t,
            json!({"titel": "Goed onderwijs maak je samen", "vanJaar": 2022, "totJaar": 2026}),
        )
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(
        r.header("location").as_deref(),
        Some(format!("/api/v1/ondersteuningsplannen/{id}").as_str())
    );
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(r.body["vanJaar"], 2022);
    assert_eq!(r.body["totJaar"], 2026);
    assert_eq!(r.body["versie"], 1);

    // The period runs forward, and not longer than ten years.
    for (van, tot) in [(2026, 2022), (2022, 2022), (2022, 2040)] {
        let r = app
            .post(
                "/api/v1/ondersteuningsplannen",
                &t,
                json!({"titel": "Fout", "vanJaar": van, "totJaar": tot}),
            )
            .await;
        assert_invalid(&r, "totJaar");
    }
    let r = app
        .post(
            "/api/v1/ondersteuningsplannen",
            &t,
            json!({"titel": "Fout", "vanJaar": 1999, "totJaar": 2003}),
        )
        .await;
    assert_invalid(&r, "vanJaar");
    let r = app
        .post(
            "/api/v1/ondersteuningsplannen",
            &t,
            json!({"titel": "Typo", "vanJaar": 2022, "totJaar": 2026, "totjaar": 2026}),
        )
        .await;
    assert_invalid(&r, "totjaar");
    assert_eq!(
        app.get("/api/v1/ondersteuningsplannen", &t).await.body["total"],
        1,
        "refused bodies stored nothing"
    );

    // Merge patch changes one field; the rules hold after merging.
    let item = format!("/api/v1/ondersteuningsplannen/{id}");
    let r = app.patch(&item, &t, json!({"totJaar": 2027})).await;
    r.assert(200);
    assert_eq!(r.body["totJaar"], 2027);
    assert_eq!(r.body["titel"], "Goed onderwijs maak je samen");
    assert_eq!(r.body["versie"], 2);
    assert_invalid(
        &app.patch(&item, &t, json!({"totJaar": 2020})).await,
        "totJaar",
    );
    // A GET body sent back with PUT is accepted (read-only fields ignored).
    let mut current = app.get(&item, &t).await.body;
    current["titel"] = json!("Goed onderwijs maak je samen, herzien");
    let r = app.put(&item, &t, current).await;
    r.assert(200);
    assert_eq!(r.body["versie"], 3);

    // An ondersteuningsplan with ambities or activiteitenplannen stays.
    let a = ambitie(&app, &t, &id, 1, "Basis").await;
    let r = app.delete(&item, &t).await;
    assert_problem(&r, 409);
    assert!(
        r.body["detail"].as_str().unwrap().contains("1 ambities"),
        "{}",
        r.body
    );
    app.delete(&format!("/api/v1/ambities/{a}"), &t)
        .await
        .assert(204);
    let p = jaarplan(&app, &t, &id, "2022-2023").await;
    let r = app.delete(&item, &t).await;
    assert_problem(&r, 409);
    assert!(
        r.body["detail"]
            .as_str()
            .unwrap()
            .contains("activiteitenplannen"),
        "{}",
        r.body
    );
    app.delete(&format!("/api/v1/activiteitenplannen/{p}"), &t)
        .await
        .assert(204);
    app.delete(&item, &t).await.assert(204);
    assert_problem(&app.get(&item, &t).await, 404);
}

async fn ambitie_nummer_is_unique_within_its_plan(app: TestApp) {
    let t = app.token("consulent").await;
    let plan = ondersteuningsplan(&app, &t, "2022-2026").await;
    let other_plan = ondersteuningsplan(&app, &t, "2026-2030").await;
    let drie = ambitie(&app, &t, &plan, 3, "Een dekkend netwerk").await;
    let een = ambitie(&app, &t, &plan, 1, "Goed onderwijs vormt de basis").await;
    let twee = ambitie(&app, &t, &plan, 2, "Zorg voor jeugd").await;

    let r = app
        .post(
            "/api/v1/ambities",
            &t,
            json!({"ondersteuningsplanId": plan, "nummer": 2, "titel": "Dubbel"}),
        )
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["nummer"]);
    // The same number in another plan is fine.
    let elders = ambitie(&app, &t, &other_plan, 2, "Zorg voor jeugd").await;
    // Renumbering onto a taken number is refused and changes nothing.
    let before = app.get(&format!("/api/v1/ambities/{drie}"), &t).await.body;
    let r = app
        .patch(
            &format!("/api/v1/ambities/{drie}"),
            &t,
            json!({"nummer": 1}),
        )
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["nummer"]);
    assert_eq!(
        app.get(&format!("/api/v1/ambities/{drie}"), &t).await.body,
        before
    );
    assert_invalid(
        &app.patch(
            &format!("/api/v1/ambities/{drie}"),
            &t,
            json!({"nummer": 0}),
        )
        .await,
        "nummer",
    );

    // The list of one plan, in nummer order.
    let r = app
        .get(&format!("/api/v1/ambities?ondersteuningsplanId={plan}"), &t)
        .await;
    r.assert(200);
    assert_eq!(ids(&r), vec![een.clone(), twee.clone(), drie.clone()]);
    assert_eq!(r.body["total"], 3);
    let r = app
        .get(
            &format!("/api/v1/ambities?ondersteuningsplanId={other_plan}"),
            &t,
        )
        .await;
    assert_eq!(ids(&r), vec![elders]);
    let r = app.get("/api/v1/ambities?q=DEKKEND", &t).await;
    assert_eq!(ids(&r), vec![drie]);
    assert_invalid(
        &app.get("/api/v1/ambities?ondersteuningsplanId=geen-uuid", &t)
            .await,
        "ondersteuningsplanId",
    );

    // A plan of another SWV is not a reference this SWV can make.
    let owner = app.login(&app.other.beheerder).await;
    let foreign = ondersteuningsplan(&app, &owner, "Noord").await;
    let r = app
        .post(
            "/api/v1/ambities",
            &t,
            json!({"ondersteuningsplanId": foreign, "nummer": 9, "titel": "Lek"}),
        )
        .await;
    assert_invalid(&r, "ondersteuningsplanId");
    let r = app
        .get(
            &format!("/api/v1/ambities?ondersteuningsplanId={foreign}"),
            &t,
        )
        .await;
    assert_eq!(r.body["total"], 0);
}

async fn one_activiteitenplan_per_schooljaar(app: TestApp) {
    let t = app.token("beheerder").await;
    let plan = ondersteuningsplan(&app, &t, "2022-2026").await;
    for bad in [
        "2022-2024",
        "2023-2022",
        "22-23",
        "2022/2023",
        "2022-2023 ",
        "",
    ] {
        let r = app
            .post(
                "/api/v1/activiteitenplannen",
                &t,
                json!({"ondersteuningsplanId": plan, "schooljaar": bad}),
            )
            .await;
        assert_invalid(&r, "schooljaar");
    }
    let r = app
        .post(
            "/api/v1/activiteitenplannen",
            &t,
            json!({"ondersteuningsplanId": plan, "schooljaar": "2022-2023", "status": "definitief"}),
        )
        .await;
    assert_invalid(&r, "status");
    let p2223 = jaarplan(&app, &t, &plan, "2022-2023").await;
    let r = app
        .get(&format!("/api/v1/activiteitenplannen/{p2223}"), &t)
        .await;
    assert_eq!(r.body["status"], "concept", "a new plan is a concept");
    assert_eq!(r.body["vooruitblik"], Value::Null);

    let r = app
        .post(
            "/api/v1/activiteitenplannen",
            &t,
            json!({"ondersteuningsplanId": plan, "schooljaar": "2022-2023"}),
        )
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["schooljaar"]);
    assert!(r.body["detail"].as_str().unwrap().contains("2022-2023"));
    let p2324 = jaarplan(&app, &t, &plan, "2023-2024").await;
    let r = app
        .patch(
            &format!("/api/v1/activiteitenplannen/{p2324}"),
            &t,
            json!({"schooljaar": "2022-2023"}),
        )
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["schooljaar"]);

    // Another SWV has its own 2022-2023.
    let owner = app.login(&app.other.beheerder).await;
    let noord = ondersteuningsplan(&app, &owner, "Noord").await;
    jaarplan(&app, &owner, &noord, "2022-2023").await;

    // Adopting the plan, then the filters.
    let r = app
        .patch(
            &format!("/api/v1/activiteitenplannen/{p2223}"),
            &t,
            json!({"status": "vastgesteld", "vooruitblik": "Volgend jaar meer aandacht voor lezen."}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["status"], "vastgesteld");
    let r = app
        .patch(
            &format!("/api/v1/activiteitenplannen/{p2223}"),
            &t,
            json!({"vooruitblik": null}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["vooruitblik"], Value::Null, "null clears a field");
    assert_eq!(r.body["status"], "vastgesteld");
    let list = |q: &str| format!("/api/v1/activiteitenplannen?{q}");
    assert_eq!(
        ids(&app.get(&list(""), &t).await),
        vec![p2223.clone(), p2324.clone()]
    );
    assert_eq!(
        ids(&app.get(&list("sort=-schooljaar"), &t).await),
        vec![p2324.clone(), p2223.clone()]
    );
    assert_eq!(
        ids(&app.get(&list("schooljaar=2023-2024"), &t).await),
        vec![p2324.clone()]
    );
    assert_eq!(
        ids(&app.get(&list("status=vastgesteld"), &t).await),
        vec![p2223.clone()]
    );
    assert_eq!(
        ids(&app
            .get(&list(&format!("ondersteuningsplanId={plan}")), &t)
            .await)
        .len(),
        2
    );
    assert_invalid(&app.get(&list("schooljaar=2023"), &t).await, "schooljaar");
    assert_invalid(&app.get(&list("status=klaar"), &t).await, "status");

    // A plan with activities cannot move to another ondersteuningsplan.
    let a = ambitie(&app, &t, &plan, 1, "Basis").await;
    id_of(
        &app.post(
            "/api/v1/activiteiten",
            &t,
            json!({"activiteitenplanId": p2324, "ambitieId": a, "omschrijving": "Netwerk"}),
        )
        .await,
    );
    let ander = ondersteuningsplan(&app, &t, "2026-2030").await;
    let r = app
        .patch(
            &format!("/api/v1/activiteitenplannen/{p2324}"),
            &t,
            json!({"ondersteuningsplanId": ander}),
        )
        .await;
    assert_problem(&r, 409);
    let r = app
        .patch(
            &format!("/api/v1/ambities/{a}"),
            &t,
            json!({"ondersteuningsplanId": ander}),
        )
        .await;
    assert_problem(&r, 409);
    let r = app
        .delete(&format!("/api/v1/activiteitenplannen/{p2324}"), &t)
        .await;
    assert_problem(&r, 409);
    assert!(r.body["detail"]
        .as_str()
        .unwrap()
        .contains("1 activiteiten"));
    let r = app.delete(&format!("/api/v1/ambities/{a}"), &t).await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("activiteiten"));
}

/// Medewerkers record the work but do not change the plan; lezers read; the platformbeheerder
/// sees no planning at all.
async fn roles_for_planning(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let consulent = app.token("consulent").await;
    let medewerker = app.token("medewerker").await;
    let lezer = app.token("lezer").await;
    let platform = app.token("platformbeheerder").await;

    // A consulent builds the plan.
    let plan = ondersteuningsplan(&app, &consulent, "2022-2026").await;
    let a = ambitie(&app, &consulent, &plan, 1, "Basis").await;
    let jp = jaarplan(&app, &consulent, &plan, "2022-2023").await;
    let pf = id_of(
        &app.post(
            "/api/v1/portefeuilles",
            &consulent,
            json!({"naam": "Gedrag"}),
        )
        .await,
    );

    let structure: Vec<(&str, String, Value)> = vec![
        (
            "ondersteuningsplannen",
            plan.clone(),
            json!({"titel": "Anders", "vanJaar": 2023, "totJaar": 2027}),
        ),
        (
            "ambities",
            a.clone(),
            json!({"ondersteuningsplanId": plan, "nummer": 2, "titel": "Anders"}),
        ),
        (
            "activiteitenplannen",
            jp.clone(),
            json!({"ondersteuningsplanId": plan, "schooljaar": "2030-2031"}),
        ),
        ("portefeuilles", pf.clone(), json!({"naam": "Anders"})),
    ];
    for (collection, id, body) in &structure {
        let list = format!("/api/v1/{collection}");
        let item = format!("{list}/{id}");
        let before = app.get(&item, &beheerder).await.body;
        for (rol, t) in [("medewerker", &medewerker), ("lezer", &lezer)] {
            let r = app.get(&list, t).await;
            r.assert(200);
            assert_eq!(r.body["total"], 1, "{rol} reads {collection}");
            app.get(&item, t).await.assert(200);
            assert_problem(&app.post(&list, t, body.clone()).await, 403);
            assert_problem(&app.put(&item, t, body.clone()).await, 403);
            assert_problem(&app.patch(&item, t, body.clone()).await, 403);
            assert_problem(&app.delete(&item, t).await, 403);
        }
        assert_problem(&app.get(&list, &platform).await, 403);
        assert_problem(&app.get(&item, &platform).await, 403);
        assert_problem(&app.post(&list, &platform, body.clone()).await, 403);
        assert_problem(&app.delete(&item, &platform).await, 403);
        assert_eq!(
            app.get(&item, &beheerder).await.body,
            before,
            "{collection} changed by refused requests"
        );
        assert_eq!(app.get(&list, &beheerder).await.body["total"], 1);
        // The consulent changes the plan's structure.
        app.patch(&item, &consulent, body.clone()).await.assert(200);
    }
    let r = app
        .post(
            &format!("/api/v1/activiteitenplannen/{jp}/kopie"),
            &medewerker,
            json!({"schooljaar": "2031-2032"}),
        )
        .await;
    assert_problem(&r, 403);

    // The medewerker records the work: activities, evaluations, projects and their progress.
    let act = id_of(
        &app.post(
            "/api/v1/activiteiten",
            &medewerker,
            json!({"activiteitenplanId": jp, "ambitieId": a, "omschrijving": "IB-netwerk"}),
        )
        .await,
    );
    app.patch(
        &format!("/api/v1/activiteiten/{act}"),
        &medewerker,
        json!({"streefwaarde": "opkomst > 60%"}),
    )
    .await
    .assert(200);
    app.put(
        &format!("/api/v1/activiteiten/{act}/evaluatie"),
        &medewerker,
        json!({"status": "uitgevoerd", "signaal": "op_koers"}),
    )
    .await
    .assert(200);
    let pr = id_of(
        &app.post("/api/v1/projecten", &medewerker, json!({"naam": "HDT"}))
            .await,
    );
    id_of(
        &app.post(
            &format!("/api/v1/projecten/{pr}/voortgang"),
            &medewerker,
            json!({"datum": "2025-01-15", "toelichting": "Loopt"}),
        )
        .await,
    );

    // A lezer reads all of it, and the account, but writes none of it.
    for path in [
        format!("/api/v1/activiteiten/{act}"),
        format!("/api/v1/projecten/{pr}"),
        format!("/api/v1/projecten/{pr}/voortgang"),
        format!("/api/v1/activiteitenplannen/{jp}/evaluatie"),
    ] {
        app.get(&path, &lezer).await.assert(200);
        assert_problem(&app.get(&path, &platform).await, 403);
    }
    assert_problem(
        &app.put(
            &format!("/api/v1/activiteiten/{act}/evaluatie"),
            &lezer,
            json!({"status": "deels"}),
        )
        .await,
        403,
    );
    assert_problem(
        &app.post("/api/v1/projecten", &lezer, json!({"naam": "Lek"}))
            .await,
        403,
    );
    assert_problem(
        &app.post(
            &format!("/api/v1/projecten/{pr}/voortgang"),
            &lezer,
            json!({"datum": "2025-01-15", "toelichting": "Lek"}),
        )
        .await,
        403,
    );
    let r = app
        .get(&format!("/api/v1/activiteiten/{act}"), &lezer)
        .await;
    assert_eq!(r.body["evaluatie"]["status"], "uitgevoerd");
}

/// Records of another SWV are never shown, changed or deleted.
async fn tenancy(app: TestApp) {
    let owner = app.login(&app.other.beheerder).await;
    let plan = ondersteuningsplan(&app, &owner, "Noord 2022-2026").await;
    let a = ambitie(&app, &owner, &plan, 1, "Basis").await;
    let jp = jaarplan(&app, &owner, &plan, "2022-2023").await;
    let pf = id_of(
        &app.post("/api/v1/portefeuilles", &owner, json!({"naam": "Gedrag"}))
            .await,
    );
    let pr = id_of(
        &app.post("/api/v1/projecten", &owner, json!({"naam": "HDT"}))
            .await,
    );
    let act = id_of(
        &app.post(
            "/api/v1/activiteiten",
            &owner,
            json!({"activiteitenplanId": jp, "ambitieId": a, "omschrijving": "Netwerk"}),
        )
        .await,
    );
    // The main SWV needs its own plan for valid bodies.
    let t = app.token("beheerder").await;
    let own_plan = ondersteuningsplan(&app, &t, "Zuid").await;
    let own_a = ambitie(&app, &t, &own_plan, 1, "Basis").await;
    let own_jp = jaarplan(&app, &t, &own_plan, "2022-2023").await;

    assert_other_swv_hidden(
        &app,
        "ondersteuningsplannen",
        &plan,
        json!({"titel": "Overgenomen", "vanJaar": 2022, "totJaar": 2026}),
    )
    .await;
    assert_other_swv_hidden(
        &app,
        "ambities",
        &a,
        json!({"ondersteuningsplanId": own_plan, "nummer": 5, "titel": "Overgenomen"}),
    )
    .await;
    assert_other_swv_hidden(
        &app,
        "activiteitenplannen",
        &jp,
        json!({"ondersteuningsplanId": own_plan, "schooljaar": "2030-2031"}),
    )
    .await;
    assert_other_swv_hidden(&app, "portefeuilles", &pf, json!({"naam": "Overgenomen"})).await;
    assert_other_swv_hidden(&app, "projecten", &pr, json!({"naam": "Overgenomen"})).await;
    assert_other_swv_hidden(
        &app,
        "activiteiten",
        &act,
        json!({"activiteitenplanId": own_jp, "ambitieId": own_a, "omschrijving": "Overgenomen"}),
    )
    .await;
    for (method, path, body) in [
        (
            Method::GET,
            format!("/api/v1/activiteitenplannen/{jp}/evaluatie"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/activiteitenplannen/{jp}/kopie"),
            Some(json!({"schooljaar": "2031-2032"})),
        ),
        (
            Method::PUT,
            format!("/api/v1/activiteiten/{act}/evaluatie"),
            Some(json!({"status": "uitgevoerd"})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/activiteiten/{act}/evaluatie"),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/projecten/{pr}/voortgang"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/projecten/{pr}/voortgang"),
            Some(json!({"datum": "2025-01-15", "toelichting": "Lek"})),
        ),
    ] {
        let r = app
            .request(method.clone(), &path, Some(&t), body, &[])
            .await;
        assert_problem(&r, 404);
    }
    // Nothing happened in the other SWV.
    let r = app
        .get(&format!("/api/v1/activiteiten/{act}"), &owner)
        .await;
    assert_eq!(r.body["evaluatie"], Value::Null);
    assert_eq!(r.body["versie"], 1);
    let r = app.get("/api/v1/activiteitenplannen", &owner).await;
    assert_eq!(r.body["total"], 1);
    let r = app
        .get(&format!("/api/v1/projecten/{pr}/voortgang"), &owner)
        .await;
    assert_eq!(r.body["total"], 0);
}

async fn etag_and_concurrency(app: TestApp) {
    let t = app.token("beheerder").await;
    let plan = ondersteuningsplan(&app, &t, "2022-2026").await;
    assert_etag_flow(
        &app,
        "ondersteuningsplannen",
        &plan,
        json!({"titel": "Herzien", "vanJaar": 2022, "totJaar": 2026}),
        json!({"totJaar": 2027}),
    )
    .await;
    let pf = id_of(
        &app.post("/api/v1/portefeuilles", &t, json!({"naam": "Gedrag"}))
            .await,
    );
    assert_etag_flow(
        &app,
        "portefeuilles",
        &pf,
        json!({"naam": "Gedrag", "jaarplan": "Trainingen"}),
        json!({"omschrijving": "Traumasensitief lesgeven"}),
    )
    .await;
    let r = app
        .request(
            Method::PATCH,
            "/api/v1/portefeuilles/00000000-0000-4000-8000-000000000000",
            Some(&t),
            Some(json!({"naam": "x"})),
            &[],
        )
        .await;
    assert_problem(&r, 415);
}

async fn portefeuilles_with_owners_and_ambities(app: TestApp) {
    let t = app.token("consulent").await;
    let plan = ondersteuningsplan(&app, &t, "2022-2026").await;
    let a1 = ambitie(&app, &t, &plan, 1, "Basis").await;
    let a3 = ambitie(&app, &t, &plan, 3, "Netwerk").await;
    let consulent = user_id(&app, 1);
    let medewerker = user_id(&app, 2);
    let r = app
        .post(
            "/api/v1/portefeuilles",
            &t,
            json!({"naam": "Versterken lees- en rekenonderwijs", "omschrijving": "Lezen en rekenen",
                   "jaarplan": "Kennis delen", "eigenaarIds": [consulent, medewerker, consulent], "ambitieIds": [a3, a1]}),
        )
        .await;
    r.assert(201);
    let lezen = r.body["id"].as_str().unwrap().to_string();
    let mut owners = vec![consulent.clone(), medewerker.clone()];
    owners.sort();
    let mut ambs = vec![a1.clone(), a3.clone()];
    ambs.sort();
    assert_eq!(r.body["eigenaarIds"], json!(owners), "duplicates removed");
    assert_eq!(r.body["ambitieIds"], json!(ambs));
    let gedrag = id_of(
        &app.post(
            "/api/v1/portefeuilles",
            &t,
            json!({"naam": "Gedrag", "eigenaarIds": [medewerker], "ambitieIds": [a3]}),
        )
        .await,
    );
    let r = app
        .post("/api/v1/portefeuilles", &t, json!({"naam": "Gedrag"}))
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), vec!["naam"]);

    // Owners are users of this SWV; ambities are of this SWV.
    let foreign_user = app.other.gebruiker_ids[1].to_string();
    let owner = app.login(&app.other.beheerder).await;
    let foreign_plan = ondersteuningsplan(&app, &owner, "Noord").await;
    let foreign_ambitie = ambitie(&app, &owner, &foreign_plan, 1, "Noord").await;
    let platform_user = {
        let p = app.token("platformbeheerder").await;
        let r = app.get("/api/v1/auth/me", &p).await;
        r.body["id"].as_str().unwrap().to_string()
    };
    for body in [
        json!({"naam": "Lek", "eigenaarIds": [foreign_user]}),
        json!({"naam": "Lek", "eigenaarIds": [platform_user]}),
        json!({"naam": "Lek", "eigenaarIds": ["00000000-0000-4000-8000-000000000000"]}),
    ] {
        assert_invalid(
            &app.post("/api/v1/portefeuilles", &t, body).await,
            "eigenaarIds",
        );
    }
    assert_invalid(
        &app.post(
            "/api/v1/portefeuilles",
            &t,
            json!({"naam": "Lek", "ambitieIds": [foreign_ambitie]}),
        )
        .await,
        "ambitieIds",
    );
    let r = app
        .patch(
            &format!("/api/v1/portefeuilles/{gedrag}"),
            &t,
            json!({"eigenaarIds": [foreign_user]}),
        )
        .await;
    assert_invalid(&r, "eigenaarIds");
    assert_eq!(
        app.get(&format!("/api/v1/portefeuilles/{gedrag}"), &t)
            .await
            .body["eigenaarIds"],
        json!([medewerker])
    );

    // Filters through the links.
    let list = |q: &str| format!("/api/v1/portefeuilles?{q}");
    assert_eq!(
        ids(&app.get(&list(&format!("eigenaarId={consulent}")), &t).await),
        vec![lezen.clone()]
    );
    assert_eq!(
        ids(&app
            .get(&list(&format!("eigenaarId={medewerker}")), &t)
            .await),
        vec![gedrag.clone(), lezen.clone()]
    );
    assert_eq!(
        ids(&app.get(&list(&format!("ambitieId={a1}")), &t).await),
        vec![lezen.clone()]
    );
    assert_eq!(
        ids(&app.get(&list("q=GEDRAG"), &t).await),
        vec![gedrag.clone()]
    );
    assert_invalid(&app.get(&list("eigenaarId=1"), &t).await, "eigenaarId");

    // Merge patch replaces a list; an owner of a portefeuille cannot be deleted.
    let r = app
        .patch(
            &format!("/api/v1/portefeuilles/{lezen}"),
            &t,
            json!({"ambitieIds": [a1]}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["ambitieIds"], json!([a1]));
    assert_eq!(r.body["eigenaarIds"], json!(owners));
    let beheerder = app.token("beheerder").await;
    let r = app
        .delete(&format!("/api/v1/gebruikers/{consulent}"), &beheerder)
        .await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("portefeuilles"));
    let r = app.delete(&format!("/api/v1/ambities/{a3}"), &t).await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("portefeuilles"));

    // A portefeuille a project belongs to stays.
    id_of(
        &app.post(
            "/api/v1/projecten",
            &t,
            json!({"naam": "HDT", "portefeuilleId": lezen}),
        )
        .await,
    );
    let r = app
        .delete(&format!("/api/v1/portefeuilles/{lezen}"), &t)
        .await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("1 projecten"));
    app.delete(&format!("/api/v1/portefeuilles/{gedrag}"), &t)
        .await
        .assert(204);

    // The export lists the owners joined.
    let r = app
        .request(
            Method::GET,
            "/api/v1/portefeuilles",
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let text = String::from_utf8(r.raw[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "id;naam;omschrijving;jaarplan;eigenaarIds;ambitieIds;createdAt;updatedAt;versie"
    );
    assert!(
        lines[1].starts_with(&format!(
            "{lezen};Versterken lees- en rekenonderwijs;Lezen en rekenen;Kennis delen;{}, {};{a1};",
            owners[0], owners[1]
        )),
        "{}",
        lines[1]
    );
    assert_eq!(lines.len(), 2);
}

both_backends!(
    ondersteuningsplan_life_cycle,
    ambitie_nummer_is_unique_within_its_plan,
    one_activiteitenplan_per_schooljaar,
    roles_for_planning,
    tenancy,
    etag_and_concurrency,
    portefeuilles_with_owners_and_ambities,
);
