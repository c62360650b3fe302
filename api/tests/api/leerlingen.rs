//! Pupils: the field rules, who may see them, and the audit trail that every answer carrying a
//! pupil writes before it leaves (and the `503` when it cannot).

use actix_web::http::Method;
use diesel::connection::SimpleConnection;
use serde_json::{json, Value};

use crate::common::{
    assert_invalid, assert_problem, gemeente, schoolbestuur, statements, Resp, TestApp,
};

const LEERLINGEN: &str = "/api/v1/leerlingen";

struct Fixture {
    t: String,
    gemeente: String,
    school: String,
}

async fn fixture(app: &TestApp) -> Fixture {
    let t = app.token("beheerder").await;
    let g = gemeente(app, "0392", "Haarlem").await;
    let b = schoolbestuur(app, &t, "Stichting Spaarnesant", "41590").await;
    let s = app
        .post("/api/v1/scholen", &t, json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}))
        .await;
    s.assert(201);
    Fixture {
        t,
        gemeente: g,
        school: s.body["id"].as_str().unwrap().to_string(),
    }
}

fn pupil(f: &Fixture, referentie: &str) -> Value {
    json!({"referentie": referentie, "geboortemaand": "2016-04", "geslacht": "meisje",
           "woongemeenteId": f.gemeente, "schoolId": f.school, "leerjaar": 4})
}

async fn create(app: &TestApp, token: &str, body: Value) -> String {
    let r = app.post(LEERLINGEN, token, body).await;
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

/// The audit trail as the beheerder reads it, newest first.
async fn trail(app: &TestApp, query: &str) -> Vec<Value> {
    let t = app.token("beheerder").await;
    let r = app
        .get(&format!("/api/v1/auditregels?pageSize=200&{query}"), &t)
        .await;
    r.assert(200);
    r.body["items"].as_array().unwrap().clone()
}

fn named(entry: &Value) -> Vec<String> {
    entry["leerlingIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn user_id(app: &TestApp, index: usize) -> String {
    app.swv.gebruiker_ids[index].to_string()
}

async fn a_consulent_registers_and_reads_a_pupil(app: TestApp) {
    let f = fixture(&app).await;
    let consulent = app.token("consulent").await;
    let r = app
        .post(LEERLINGEN, &consulent, pupil(&f, "NK-2024-0117"))
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    assert_eq!(r.body["geanonimiseerd"], false);
    assert_eq!(r.body["geboortemaand"], "2016-04");
    assert_eq!(r.header("etag").unwrap(), "\"1\"");
    let no_store = r.header("cache-control").unwrap_or_default();
    assert!(no_store.contains("no-store"), "{no_store}");
    let r = app.get(&format!("{LEERLINGEN}/{id}"), &consulent).await;
    r.assert(200);
    assert_eq!(r.body["referentie"], "NK-2024-0117");
    let r = app
        .patch(
            &format!("{LEERLINGEN}/{id}"),
            &consulent,
            json!({"leerjaar": 5}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["leerjaar"], 5);

    let entries = trail(&app, &format!("leerlingId={id}")).await;
    let acties: Vec<&str> = entries
        .iter()
        .map(|e| e["actie"].as_str().unwrap())
        .collect();
    assert_eq!(acties, ["wijzigen", "lezen", "aanmaken"]);
    for e in &entries {
        assert_eq!(e["gebruikerId"], user_id(&app, 1), "the consulent: {e}");
        assert_eq!(named(e), vec![id.clone()]);
    }
    assert_eq!(entries[1]["pad"], format!("/leerlingen/{id}"));
    // Reading the trail is not itself audited.
    assert_eq!(trail(&app, &format!("leerlingId={id}")).await.len(), 3);
}

async fn bad_input_names_the_field_and_stores_nothing(app: TestApp) {
    let f = fixture(&app).await;
    let other_t = app.login(&app.other.beheerder).await;
    let ob = schoolbestuur(&app, &other_t, "Stichting Noord", "41590").await;
    let other_school = app
        .post("/api/v1/scholen", &other_t, json!({"naam": "Noordster", "brin": "13CD00", "soort": "bao", "schoolbestuurId": ob, "gemeenteId": f.gemeente}))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_string();
    let future = (chrono::Utc::now() + chrono::Duration::days(62))
        .format("%Y-%m")
        .to_string();
    let cases: Vec<(&str, Value)> = vec![
        ("referentie", json!({"referentie": "111222333"})),
        ("referentie", json!({"referentie": "111.222.333"})),
        ("referentie", json!({"referentie": "12345672"})),
        ("referentie", json!({"referentie": " NK-1"})),
        ("referentie", json!({"referentie": ""})),
        ("referentie", json!({"referentie": "x".repeat(41)})),
        ("geboortemaand", json!({"geboortemaand": future})),
        ("geboortemaand", json!({"geboortemaand": "1990-01"})),
        ("geboortemaand", json!({"geboortemaand": "2016-13"})),
        ("geboortemaand", json!({"geboortemaand": "2016-4"})),
        ("leerjaar", json!({"leerjaar": 9})),
        ("leerjaar", json!({"leerjaar": 0})),
        ("schoolId", json!({"schoolId": other_school})),
        ("schoolId", json!({"schoolId": uuid::Uuid::now_v7()})),
        (
            "woongemeenteId",
            json!({"woongemeenteId": uuid::Uuid::now_v7()}),
        ),
        ("geslacht", json!({"geslacht": "m"})),
    ];
    for (field, change) in cases {
        let mut body = pupil(&f, "NK-1");
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        let r = app.post(LEERLINGEN, &f.t, body.clone()).await;
        assert_invalid(&r, field);
    }
    // The woongemeente may be any gemeente, also one without schools of the SWV.
    let elders = gemeente(&app, "0363", "Amsterdam").await;
    let mut body = pupil(&f, "NK-1");
    body["woongemeenteId"] = json!(elders);
    body["schoolId"] = Value::Null;
    body["leerjaar"] = Value::Null;
    let id = create(&app, &f.t, body).await;
    // A duplicate reference, whatever its case, is a conflict.
    let r = app.post(LEERLINGEN, &f.t, pupil(&f, "nk-1")).await;
    assert_problem(&r, 409);
    let r = app
        .patch(
            &format!("{LEERLINGEN}/{id}"),
            &f.t,
            json!({"referentie": "123456782"}),
        )
        .await;
    assert_invalid(&r, "referentie");
    let r = app.get(&format!("{LEERLINGEN}?pageSize=200"), &f.t).await;
    assert_eq!(r.body["total"], 1, "nothing stored on an error");
    // Refused requests leave no audit entry: the create and the list above only.
    let acties: Vec<String> = trail(&app, "")
        .await
        .iter()
        .map(|e| e["actie"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(acties, ["lezen", "aanmaken"]);
}

async fn only_staff_who_work_with_pupils_see_them(app: TestApp) {
    let f = fixture(&app).await;
    let id = create(&app, &f.t, pupil(&f, "NK-7")).await;
    let paths = [
        LEERLINGEN.to_string(),
        format!("{LEERLINGEN}/{id}"),
        format!("{LEERLINGEN}/{id}/dossier"),
    ];
    for rol in ["lezer", "platformbeheerder"] {
        let t = app.token(rol).await;
        for p in &paths {
            for accept in ["application/json", "text/csv"] {
                let r = app
                    .request(Method::GET, p, Some(&t), None, &[("accept", accept)])
                    .await;
                assert_problem(&r, 403);
            }
        }
        assert_problem(&app.post(LEERLINGEN, &t, pupil(&f, "NK-8")).await, 403);
        assert_problem(&app.get("/api/v1/auditregels", &t).await, 403);
    }
    for rol in ["consulent", "medewerker"] {
        let t = app.token(rol).await;
        app.get(&format!("{LEERLINGEN}/{id}/dossier"), &t)
            .await
            .assert(200);
        assert_problem(&app.get("/api/v1/auditregels", &t).await, 403);
    }
    // Another SWV's staff do not find the pupil, nor its entries.
    let other = app.login(&app.other.beheerder).await;
    for p in &paths[1..] {
        assert_problem(&app.get(p, &other).await, 404);
    }
    let r = app.get("/api/v1/auditregels", &other).await;
    assert_eq!(r.body["total"], 0);
    // The trail cannot be changed through the API.
    let entry = trail(&app, "").await[0]["id"].as_str().unwrap().to_string();
    for (m, p) in [
        (Method::POST, "/api/v1/auditregels".to_string()),
        (Method::PUT, format!("/api/v1/auditregels/{entry}")),
        (Method::PATCH, format!("/api/v1/auditregels/{entry}")),
        (Method::DELETE, format!("/api/v1/auditregels/{entry}")),
    ] {
        let r = app
            .request(m.clone(), &p, Some(&f.t), Some(json!({})), &[])
            .await;
        assert_eq!(r.status.as_u16(), 405, "{m} {p}");
        assert_eq!(r.header("allow").as_deref(), Some("GET"), "{m} {p}");
    }
}

async fn lists_and_exports_name_every_pupil_they_carry(app: TestApp) {
    let f = fixture(&app).await;
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(create(&app, &f.t, pupil(&f, &format!("NK-{i}"))).await);
    }
    ids.sort();
    let r = app.get(&format!("{LEERLINGEN}?q=nk-"), &f.t).await;
    r.assert(200);
    assert_eq!(r.body["total"], 3);
    let entries = trail(&app, "").await;
    assert_eq!(entries[0]["actie"], "lezen");
    assert_eq!(entries[0]["pad"], "/leerlingen?q=nk-");
    let mut seen = named(&entries[0]);
    seen.sort();
    assert_eq!(seen, ids);
    // A page names only the pupils on it.
    app.get(&format!("{LEERLINGEN}?pageSize=1&sort=-referentie"), &f.t)
        .await
        .assert(200);
    assert_eq!(named(&trail(&app, "").await[0]).len(), 1);
    // The export is an entry of its own, naming everyone in the file.
    let r = app
        .request(
            Method::GET,
            LEERLINGEN,
            Some(&f.t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8_lossy(&r.raw).to_string();
    assert!(csv.contains("NK-2"), "{csv}");
    let e = &trail(&app, "").await[0];
    assert_eq!(e["actie"], "exporteren");
    assert_eq!(named(e).len(), 3);
    // A search that finds nobody is recorded too, naming no one.
    let r = app
        .get(&format!("{LEERLINGEN}?referentie=NK-404"), &f.t)
        .await;
    assert_eq!(r.body["total"], 0);
    let e = &trail(&app, "").await[0];
    assert_eq!(e["pad"], "/leerlingen?referentie=NK-404");
    assert!(named(e).is_empty());
    // Filters of the trail: by pupil, by user, by day.
    let consulent = app.token("consulent").await;
    app.get(&format!("{LEERLINGEN}/{}", ids[0]), &consulent)
        .await
        .assert(200);
    let mine = trail(&app, &format!("gebruikerId={}", user_id(&app, 1))).await;
    assert_eq!(mine.len(), 1);
    let today = koers::domain::time::today();
    let later = today + chrono::Duration::days(2);
    assert!(!trail(&app, &format!("van={today}&tot={later}"))
        .await
        .is_empty());
    assert!(trail(&app, &format!("van={later}")).await.is_empty());
    let r = app
        .get(
            &format!("/api/v1/auditregels?van={later}&tot={today}"),
            &f.t,
        )
        .await;
    assert_invalid(&r, "tot");
    let r = app
        .request(
            Method::GET,
            "/api/v1/auditregels",
            Some(&f.t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    assert!(String::from_utf8_lossy(&r.raw).contains("exporteren"));
}

async fn no_entry_no_answer(app: TestApp) {
    let f = fixture(&app).await;
    let id = create(&app, &f.t, pupil(&f, "NK-55")).await;
    // The trail's table of named pupils is gone: every pupil-level answer must fail closed.
    app.conn()
        .batch_execute("DROP TABLE auditregel_leerlingen")
        .expect("drop");
    for p in [
        LEERLINGEN.to_string(),
        format!("{LEERLINGEN}/{id}"),
        format!("{LEERLINGEN}/{id}/dossier"),
    ] {
        let r = app.get(&p, &f.t).await;
        assert_problem(&r, 503);
        assert!(
            !String::from_utf8_lossy(&r.raw).contains("NK-55"),
            "{p} leaked"
        );
    }
    let r = app
        .patch(&format!("{LEERLINGEN}/{id}"), &f.t, json!({"leerjaar": 6}))
        .await;
    assert_problem(&r, 503);
    let r = app.post(LEERLINGEN, &f.t, pupil(&f, "NK-56")).await;
    assert_problem(&r, 503);
    let n: i64 = {
        use diesel::prelude::*;
        koers::schema::leerlingen::table
            .count()
            .get_result(&mut *app.conn())
            .unwrap()
    };
    assert_eq!(n, 1, "a change whose entry failed is rolled back");
}

async fn concurrent_reads_each_leave_an_entry(app: TestApp) {
    let f = fixture(&app).await;
    let id = create(&app, &f.t, pupil(&f, "NK-20")).await;
    let path = format!("{LEERLINGEN}/{id}");
    let reads = (0..20).map(|_| app.get(&path, &f.t));
    let answers: Vec<Resp> = futures_util::future::join_all(reads).await;
    assert!(answers.iter().all(|r| r.status.as_u16() == 200));
    let entries = trail(&app, &format!("leerlingId={id}")).await;
    assert_eq!(entries.iter().filter(|e| e["actie"] == "lezen").count(), 20);
}

async fn deleting_a_pupil_keeps_its_trail_and_frees_the_reference(app: TestApp) {
    let f = fixture(&app).await;
    let id = create(&app, &f.t, pupil(&f, "NK-9")).await;
    let r = app.get(&format!("{LEERLINGEN}/{id}/dossier"), &f.t).await;
    r.assert(200);
    assert_eq!(r.body["leerling"]["id"], id);
    for list in [
        "arrangementen",
        "toelaatbaarheidsverklaringen",
        "mdo",
        "thuiszitters",
    ] {
        assert_eq!(r.body[list], json!([]), "{list}");
    }
    app.delete(&format!("{LEERLINGEN}/{id}"), &f.t)
        .await
        .assert(204);
    assert_problem(&app.get(&format!("{LEERLINGEN}/{id}"), &f.t).await, 404);
    let acties: Vec<String> = trail(&app, &format!("leerlingId={id}"))
        .await
        .iter()
        .map(|e| e["actie"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(acties, ["verwijderen", "lezen", "aanmaken"]);
    create(&app, &f.t, pupil(&f, "NK-9")).await;
    // A school with pupils is not deleted.
    let r = app
        .delete(&format!("/api/v1/scholen/{}", f.school), &f.t)
        .await;
    assert_problem(&r, 409);
    assert!(r.body["detail"].as_str().unwrap().contains("leerlingen"));
}

/// The figures that a count of pupils gives, per gemeente, gender and year of birth.
fn figures(app: &TestApp) -> std::collections::BTreeMap<(String, String, String), usize> {
    use diesel::prelude::*;
    use koers::schema::leerlingen as l;
    let rows: Vec<(String, String, String)> = l::table
        .select((l::woongemeente_id, l::geslacht, l::geboortemaand))
        .load::<(koers::db::Id, String, String)>(&mut *app.conn())
        .unwrap()
        .into_iter()
        .map(|(g, s, m)| (g.to_string(), s, m[..4].to_string()))
        .collect();
    let mut counts = std::collections::BTreeMap::new();
    for r in rows {
        *counts.entry(r).or_insert(0) += 1;
    }
    counts
}

async fn retention_anonymises_and_keeps_the_figures(app: TestApp) {
    let f = fixture(&app).await;
    let old = create(&app, &f.t, pupil(&f, "NK-OUD")).await;
    let mut body = pupil(&f, "NK-NIEUW");
    body["geslacht"] = json!("jongen");
    body["geboortemaand"] = json!("2014-11");
    let recent = create(&app, &f.t, body).await;
    // Unchanged for three years, but with an arrangement that ended only last month.
    let lopend = create(&app, &f.t, pupil(&f, "NK-LOPEND")).await;
    let today = koers::domain::time::today();
    let arrangement = |leerling: &str, start: chrono::NaiveDate, eind: chrono::NaiveDate| {
        json!({"soort": "individueel", "leerlingId": leerling, "categorie": "overig",
               "ondersteuningsniveau": 2, "startdatum": start, "einddatum": eind, "bedragCent": 100_000,
               "status": "toegekend", "toegekendOp": start, "toelichting": "Gesprek met ouders over de thuissituatie"})
    };
    let years_ago = |n: i64| today - chrono::Duration::days(n * 366);
    let old_arr = app
        .post(
            "/api/v1/arrangementen",
            &f.t,
            arrangement(&old, years_ago(4), years_ago(3)),
        )
        .await;
    old_arr.assert(201);
    app.post(
        "/api/v1/arrangementen",
        &f.t,
        arrangement(&lopend, years_ago(1), today - chrono::Duration::days(30)),
    )
    .await
    .assert(201);
    let jaar = koers::domain::schooljaar_van(years_ago(4));
    let stats = format!("/api/v1/arrangementen/statistieken?schooljaar={jaar}");
    let stats_before = app.get(&stats, &f.t).await.body;
    {
        use diesel::prelude::*;
        use koers::schema::leerlingen as l;
        let three_years_ago = koers::domain::time::now() - chrono::Duration::days(3 * 366);
        for id in [&old, &lopend] {
            diesel::update(l::table.filter(l::id.eq(koers::db::Id(id.parse().unwrap()))))
                .set(l::updated_at.eq(three_years_ago))
                .execute(&mut *app.conn())
                .unwrap();
        }
    }
    let before = figures(&app);
    let done = koers::leerlingen::opschonen(&app.state.db).unwrap();
    let zuid = done
        .iter()
        .find(|o| o.samenwerkingsverband == "SWV Test Zuid")
        .unwrap();
    assert_eq!((zuid.bewaartermijn_jaren, zuid.geanonimiseerd), (2, 1));
    assert_eq!(figures(&app), before, "past figures stay as they were");
    assert_eq!(
        app.get(&stats, &f.t).await.body,
        stats_before,
        "and the year's arrangementen"
    );
    let r = app
        .get(
            &format!(
                "/api/v1/arrangementen/{}",
                old_arr.body["id"].as_str().unwrap()
            ),
            &f.t,
        )
        .await;
    assert_eq!(
        r.body["toelichting"], "",
        "free text about the pupil is gone"
    );
    let r = app.get(&format!("{LEERLINGEN}/{lopend}"), &f.t).await;
    assert_eq!(
        r.body["geanonimiseerd"], false,
        "its last record ended last month"
    );
    let r = app.get(&format!("{LEERLINGEN}/{old}"), &f.t).await;
    assert_eq!(r.body["geanonimiseerd"], true);
    assert_ne!(r.body["referentie"], "NK-OUD");
    assert_eq!(r.body["geboortemaand"], "2016-01");
    let r = app.get(&format!("{LEERLINGEN}/{recent}"), &f.t).await;
    assert_eq!(r.body["geanonimiseerd"], false);
    assert_eq!(r.body["referentie"], "NK-NIEUW");
    let r = app
        .get(&format!("{LEERLINGEN}?geanonimiseerd=true"), &f.t)
        .await;
    assert_eq!(r.body["total"], 1);
    // A second run finds nothing more to do; a longer period set by the platform spares more.
    let again = koers::leerlingen::opschonen(&app.state.db).unwrap();
    assert!(again.iter().all(|o| o.geanonimiseerd == 0));
    let p = app.token("platformbeheerder").await;
    let r = app
        .patch(
            &format!("/api/v1/samenwerkingsverbanden/{}", app.swv.id),
            &p,
            json!({"bewaartermijnJaren": 11}),
        )
        .await;
    assert_invalid(&r, "bewaartermijnJaren");
    let r = app
        .patch(
            &format!("/api/v1/samenwerkingsverbanden/{}", app.swv.id),
            &p,
            json!({"bewaartermijnJaren": 5}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["bewaartermijnJaren"], 5);
}

both_backends!(
    a_consulent_registers_and_reads_a_pupil,
    bad_input_names_the_field_and_stores_nothing,
    only_staff_who_work_with_pupils_see_them,
    lists_and_exports_name_every_pupil_they_carry,
    no_entry_no_answer,
    concurrent_reads_each_leave_an_entry,
    deleting_a_pupil_keeps_its_trail_and_frees_the_reference,
    retention_anonymises_and_keeps_the_figures,
);

/// A page of 200 pupils and its audit entry cost the same statements as a page of 5.
mod statements_of_a_page {
    use super::*;
    use koers::db::Backend;

    async fn list_statements(app: &TestApp, t: &str) -> usize {
        statements::of_get(app, t, &format!("{LEERLINGEN}?pageSize=200")).await
    }

    async fn constant(backend: Backend) {
        let app = TestApp::start(backend).await;
        let f = fixture(&app).await;
        for i in 0..5 {
            create(&app, &f.t, pupil(&f, &format!("A-{i}"))).await;
        }
        let few = list_statements(&app, &f.t).await;
        for i in 5..200 {
            create(&app, &f.t, pupil(&f, &format!("A-{i}"))).await;
        }
        let many = list_statements(&app, &f.t).await;
        assert_eq!(few, many, "statements for 5 and for 200 pupils");
        let e = &trail(&app, "").await[0];
        assert_eq!(named(e).len(), 200);
    }

    #[test]
    fn sqlite() {
        statements::counted(constant, Backend::Sqlite);
    }

    #[test]
    fn postgres() {
        statements::counted(constant, Backend::Postgres);
    }
}
