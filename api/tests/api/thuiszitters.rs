//! Thuiszitters: cases followed through their verloop, counted exactly on every date (the day
//! before, of and after each change), frozen peildata that later corrections leave alone, the
//! follow-up of a cohort, the figures of a year against the year before, the return to the
//! Inspectie, and the audit and dossier of every case.

use actix_web::http::Method;
use serde_json::{json, Value};

use crate::common::{assert_invalid, assert_problem, gemeente, schoolbestuur, Resp, TestApp};

struct Setup {
    t: String,
    beheerder: String,
    alkmaar: String,
    heiloo: String,
    school: String,
}

async fn setup(app: &TestApp) -> Setup {
    let t = app.token("consulent").await;
    let beheerder = app.token("beheerder").await;
    let alkmaar = gemeente(app, "0361", "Alkmaar").await;
    let heiloo = gemeente(app, "0399", "Heiloo").await;
    let b = schoolbestuur(app, &beheerder, "Stichting Ronduit", "41180").await;
    let school = app
        .post(
            "/api/v1/scholen",
            &beheerder,
            json!({"naam": "De Rekenmeester", "brin": "14EF00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": alkmaar}),
        )
        .await;
    school.assert(201);
    // A school in Heiloo too, so the return to the Inspectie has a gemeente without cases.
    app.post(
        "/api/v1/scholen",
        &beheerder,
        json!({"naam": "De Duinroos", "brin": "17LM00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": heiloo}),
    )
    .await
    .assert(201);
    Setup {
        t,
        beheerder,
        alkmaar,
        heiloo,
        school: id(&school),
    }
}

fn id(r: &Resp) -> String {
    r.body["id"].as_str().unwrap().to_string()
}

async fn pupil(
    app: &TestApp,
    s: &Setup,
    referentie: &str,
    geboortemaand: &str,
    gemeente: &str,
) -> String {
    let p = app
        .post(
            "/api/v1/leerlingen",
            &s.t,
            json!({"referentie": referentie, "geboortemaand": geboortemaand, "geslacht": "jongen",
                   "woongemeenteId": gemeente, "schoolId": s.school, "leerjaar": 5}),
        )
        .await;
    p.assert(201);
    id(&p)
}

async fn case(app: &TestApp, s: &Setup, body: Value) -> String {
    let r = app.post("/api/v1/thuiszitters", &s.t, body).await;
    r.assert(201);
    id(&r)
}

async fn change(app: &TestApp, s: &Setup, case: &str, body: Value) -> Resp {
    app.post(&format!("/api/v1/thuiszitters/{case}/verloop"), &s.t, body)
        .await
}

async fn telling(app: &TestApp, s: &Setup, datum: &str) -> Value {
    let r = app
        .get(&format!("/api/v1/thuiszitters/telling?datum={datum}"), &s.t)
        .await;
    r.assert(200);
    r.body
}

/// A case from at risk to at home to back in school, counted on the day before, of and after
/// each change, with its duration bands and the pupil younger than five apart.
async fn a_case_is_counted_on_every_date(app: TestApp) {
    let s = setup(&app).await;
    let a = pupil(&app, &s, "NK-T01", "2008-03", &s.alkmaar).await;
    let jong = pupil(&app, &s, "NK-T02", "2012-06", &s.heiloo).await;
    let c = case(
        &app,
        &s,
        json!({"leerlingId": a, "schoolId": s.school, "startdatum": "2017-01-09",
               "categorie": "dreigend", "scenario": "b", "perspectief": "in_gesprek"}),
    )
    .await;
    let r = change(
        &app,
        &s,
        &c,
        json!({"vanaf": "2017-02-01", "categorie": "langdurig_relatief_verzuim", "perspectief": "in_gesprek"}),
    )
    .await;
    r.assert(201);
    assert_eq!(r.body["categorie"], "langdurig_relatief_verzuim");
    let r = app.get(&format!("/api/v1/thuiszitters/{c}"), &s.t).await;
    r.assert(200);
    assert_eq!(r.body["thuisSinds"], "2017-02-01");
    assert_eq!(r.body["gemeenteId"], s.alkmaar.as_str());
    assert_eq!(r.body["verloop"].as_array().unwrap().len(), 2);
    // Closed on 1 June: back in school.
    let r = app
        .patch(
            &format!("/api/v1/thuiszitters/{c}"),
            &s.t,
            json!({"einddatum": "2017-06-01", "eindreden": "onderwijs"}),
        )
        .await;
    r.assert(200);
    assert_eq!(
        r.body["actueel"],
        Value::Null,
        "closed cases have no entry in force today"
    );

    case(
        &app,
        &s,
        json!({"leerlingId": jong, "startdatum": "2017-03-01", "categorie": "vrijstelling_5a", "screening5a": true}),
    )
    .await;

    let t = telling(&app, &s, "2017-01-08").await;
    assert_eq!(t["gemeenten"], json!([]), "nothing before the start");
    assert_eq!(t["totaal"]["totaal"], 0);
    let t = telling(&app, &s, "2017-01-09").await;
    assert_eq!(
        t["totaal"]["dreigend"]["b"], 1,
        "at risk from the start day"
    );
    assert_eq!(t["totaal"]["totaal"], 0, "at risk is never in the total");
    assert_eq!(t["gemeenten"][0]["cbsCode"], "0361");
    assert_eq!(t["gemeenten"][0]["dreigend"]["b"], 1);
    let t = telling(&app, &s, "2017-01-31").await;
    assert_eq!(t["totaal"]["dreigend"]["b"], 1);
    let t = telling(&app, &s, "2017-02-01").await;
    assert_eq!(t["totaal"]["dreigend"]["b"], 0);
    assert_eq!(t["totaal"]["perCategorie"]["langdurig_relatief_verzuim"], 1);
    assert_eq!(t["totaal"]["duur"]["korterDan1Maand"], 1);
    // One calendar month after thuisSinds: 1-3 months, up to and including three months.
    let t = telling(&app, &s, "2017-02-28").await;
    assert_eq!(t["totaal"]["duur"]["korterDan1Maand"], 1);
    let t = telling(&app, &s, "2017-03-01").await;
    assert_eq!(t["totaal"]["duur"]["tussen1En3Maanden"], 1);
    assert_eq!(t["totaal"]["perCategorie"]["vrijstelling_5a"], 1);
    assert_eq!(t["totaal"]["totaal"], 2);
    let t = telling(&app, &s, "2017-05-01").await;
    assert_eq!(t["totaal"]["duur"]["tussen1En3Maanden"], 2, "{t}");
    let t = telling(&app, &s, "2017-05-02").await;
    assert_eq!(t["totaal"]["duur"]["langerDan3Maanden"], 1);
    assert_eq!(t["totaal"]["duur"]["tussen1En3Maanden"], 1);
    // Younger than five (born June 2012) until June 2017; the screening counts.
    assert_eq!(t["totaal"]["jongerDan5"], 1);
    assert_eq!(t["totaal"]["screening5a"], 1);
    let gemeenten: Vec<&str> = t["gemeenten"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["cbsCode"].as_str().unwrap())
        .collect();
    assert_eq!(gemeenten, ["0361", "0399"], "by CBS code");
    let t = telling(&app, &s, "2017-05-31").await;
    assert_eq!(t["totaal"]["totaal"], 2);
    assert_eq!(t["totaal"]["jongerDan5"], 1);
    let t = telling(&app, &s, "2017-06-01").await;
    assert_eq!(t["totaal"]["totaal"], 1, "not counted on its end day");
    assert_eq!(t["totaal"]["jongerDan5"], 0, "five on 1 June 2017");
    assert_eq!(t["gemeenten"].as_array().unwrap().len(), 1);

    // Lists: by gemeente, active on a day, the latest entry's category.
    let (appr, t) = (&app, &s.t);
    let list = move |q: &'static str| async move {
        appr.get(&format!("/api/v1/thuiszitters?{q}"), t).await
    };
    assert_eq!(list("actiefOp=2017-06-01").await.body["total"], 1);
    assert_eq!(list("actiefOp=2017-05-31").await.body["total"], 2);
    let r = app
        .get(
            &format!("/api/v1/thuiszitters?gemeenteId={}", s.heiloo),
            &s.t,
        )
        .await;
    assert_eq!(r.body["total"], 1);
    assert_eq!(
        list("categorie=langdurig_relatief_verzuim").await.body["total"],
        1
    );
    assert_eq!(list("zonderPerspectief=true").await.body["total"], 1);
    assert_invalid(&list("categorie=spijbelen").await, "categorie");
    assert_invalid(&list("actiefOp=gisteren").await, "actiefOp");
}

/// A frozen count stays what was reported; the live count follows corrections, and the
/// statistics read the frozen one.
async fn frozen_peildata_stay_as_reported(app: TestApp) {
    let s = setup(&app).await;
    let a = pupil(&app, &s, "NK-T11", "2008-03", &s.alkmaar).await;
    let c = case(
        &app,
        &s,
        json!({"leerlingId": a, "startdatum": "2017-02-01", "categorie": "absoluut_verzuim"}),
    )
    .await;
    let r = app
        .post(
            "/api/v1/thuiszitters/peildata",
            &s.t,
            json!({"datum": "2017-03-15"}),
        )
        .await;
    r.assert(201);
    let frozen = id(&r);
    assert_eq!(
        r.body["telling"]["totaal"]["perCategorie"]["absoluut_verzuim"],
        1
    );
    assert!(r.body["vastgesteldDoor"]["naam"].is_string());
    assert!(r.header("location").unwrap().ends_with(&frozen));
    assert_problem(
        &app.post(
            "/api/v1/thuiszitters/peildata",
            &s.t,
            json!({"datum": "2017-03-15"}),
        )
        .await,
        409,
    );
    let morgen = (koers::domain::time::today() + chrono::Duration::days(2)).to_string();
    assert_invalid(
        &app.post(
            "/api/v1/thuiszitters/peildata",
            &s.t,
            json!({"datum": morgen}),
        )
        .await,
        "datum",
    );

    // A correction afterwards: the pupil was enrolled but absent from 1 March.
    change(
        &app,
        &s,
        &c,
        json!({"vanaf": "2017-03-01", "categorie": "langdurig_relatief_verzuim"}),
    )
    .await
    .assert(201);
    let live = telling(&app, &s, "2017-03-15").await;
    assert_eq!(live["totaal"]["perCategorie"]["absoluut_verzuim"], 0);
    assert_eq!(
        live["totaal"]["perCategorie"]["langdurig_relatief_verzuim"],
        1
    );
    let r = app
        .get(&format!("/api/v1/thuiszitters/peildata/{frozen}"), &s.t)
        .await;
    r.assert(200);
    assert_eq!(
        r.body["telling"]["totaal"]["perCategorie"]["absoluut_verzuim"], 1,
        "as reported"
    );
    let r = app
        .get("/api/v1/thuiszitters/peildata?schooljaar=2016-2017", &s.t)
        .await;
    assert_eq!(r.body.as_array().unwrap().len(), 1);
    let r = app
        .get("/api/v1/thuiszitters/peildata?schooljaar=2017-2018", &s.t)
        .await;
    assert_eq!(r.body, json!([]));

    // Another case from 10 March: the frozen 15 March keeps 1, the live 15 June counts 2.
    let b = pupil(&app, &s, "NK-T12", "2009-01", &s.alkmaar).await;
    case(
        &app,
        &s,
        json!({"leerlingId": b, "startdatum": "2017-03-10", "categorie": "relatief_verzuim"}),
    )
    .await;
    let st = app
        .get(
            "/api/v1/thuiszitters/statistieken?schooljaar=2016-2017&tot=2017-06-30",
            &s.t,
        )
        .await;
    st.assert(200);
    let peil: Vec<(String, i64, bool)> = st.body["peildata"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["datum"].as_str().unwrap().to_string(),
                p["totaal"].as_i64().unwrap(),
                p["vastgesteld"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        peil,
        [
            ("2016-09-15".into(), 0, false),
            ("2016-12-15".into(), 0, false),
            ("2017-03-15".into(), 1, true),
            ("2017-06-15".into(), 2, false),
        ]
    );
    assert_eq!(st.body["gemiddeldOpPeildatum"], 0.8);

    // Only the beheerder undoes a freeze.
    let path = format!("/api/v1/thuiszitters/peildata/{frozen}");
    assert_problem(&app.delete(&path, &s.t).await, 403);
    app.delete(&path, &s.beheerder).await.assert(204);
    assert_problem(&app.get(&path, &s.t).await, 404);
}

/// Of the cohort of a day, where each case is later: back in school, little education because
/// care comes first, ended otherwise, or still at home; per gemeente and perspective.
async fn the_cohort_is_followed(app: TestApp) {
    let s = setup(&app).await;
    let mut cases = Vec::new();
    for (i, gemeente) in [
        &s.alkmaar, &s.alkmaar, &s.heiloo, &s.alkmaar, &s.heiloo, &s.alkmaar,
    ]
    .iter()
    .enumerate()
    {
        let p = pupil(&app, &s, &format!("NK-V{i}"), "2007-05", gemeente).await;
        cases.push(
            case(
                &app,
                &s,
                json!({"leerlingId": p, "startdatum": "2017-01-16", "categorie": "dreigend", "scenario": "a"}),
            )
            .await,
        );
    }
    // Ended back in school; placed (open); care first; moved away; still at home; and one
    // that ends after `tot` (so still at home then).
    let (appr, t) = (&app, &s.t);
    let patch = move |c: &String, body: Value| {
        let path = format!("/api/v1/thuiszitters/{c}");
        async move { appr.patch(&path, t, body).await }
    };
    patch(
        &cases[0],
        json!({"einddatum": "2017-05-01", "eindreden": "onderwijs"}),
    )
    .await
    .assert(200);
    change(&app, &s, &cases[1], json!({"vanaf": "2017-05-15", "categorie": "absoluut_verzuim", "perspectief": "geplaatst_sbo"}))
        .await
        .assert(201);
    change(&app, &s, &cases[2], json!({"vanaf": "2017-04-03", "categorie": "langdurig_ziek", "perspectief": "zorg_bovenliggend"}))
        .await
        .assert(201);
    patch(
        &cases[3],
        json!({"einddatum": "2017-04-20", "eindreden": "verhuisd"}),
    )
    .await
    .assert(200);
    patch(
        &cases[5],
        json!({"einddatum": "2017-07-01", "eindreden": "onderwijs"}),
    )
    .await
    .assert(200);
    // Not in the cohort: started after `van`.
    let later = pupil(&app, &s, "NK-V9", "2007-05", &s.alkmaar).await;
    case(
        &app,
        &s,
        json!({"leerlingId": later, "startdatum": "2017-04-01", "categorie": "relatief_verzuim"}),
    )
    .await;

    let r = app
        .get(
            "/api/v1/thuiszitters/vervolg?van=2017-03-15&tot=2017-06-15",
            &s.t,
        )
        .await;
    r.assert(200);
    let v = &r.body;
    assert_eq!(v["totaal"], 6);
    assert_eq!(v["weerOnderwijs"], 2);
    assert_eq!(v["weinigOnderwijs"], 1);
    assert_eq!(v["beeindigdAnders"], 1);
    assert_eq!(v["nogThuis"], 2);
    assert_eq!(v["gemeenten"][0]["cbsCode"], "0361");
    assert_eq!(v["gemeenten"][0]["totaal"], 4);
    assert_eq!(v["gemeenten"][1]["weinigOnderwijs"], 1);
    assert_eq!(v["perPerspectief"]["geplaatst_sbo"]["weerOnderwijs"], 1);
    assert_eq!(
        v["perPerspectief"]["zorg_bovenliggend"]["weinigOnderwijs"],
        1
    );
    assert_eq!(v["perPerspectief"]["onbekend"]["nogThuis"], 2);
    assert_eq!(v["perPerspectief"]["thuis_zonder_perspectief"]["totaal"], 0);
    assert_invalid(
        &app.get(
            "/api/v1/thuiszitters/vervolg?van=2017-06-15&tot=2017-03-15",
            &s.t,
        )
        .await,
        "tot",
    );
    assert_invalid(
        &app.get("/api/v1/thuiszitters/vervolg?van=2017-06-15", &s.t)
            .await,
        "tot",
    );
}

/// The year's figures against the same days a year before: cases needing attention, how long
/// pupils were at home, new exemptions once per case, and the median length of closed cases.
async fn the_year_is_compared_with_the_year_before(app: TestApp) {
    let s = setup(&app).await;
    let mut n = 0;
    let mut nieuw = |start: &str, body: Value| {
        n += 1;
        let (k, app, s) = (n, &app, &s);
        let start = start.to_string();
        async move {
            let p = pupil(app, s, &format!("ZK-S{k}"), "2010-02", &s.alkmaar).await;
            let mut b = json!({"leerlingId": p, "startdatum": start});
            for (k, v) in body.as_object().unwrap() {
                b[k] = v.clone();
            }
            case(app, s, b).await
        }
    };
    // This year (2022-2023 up to 15 March 2023).
    nieuw("2022-09-01", json!({"categorie": "relatief_verzuim", "einddatum": "2022-09-21", "eindreden": "onderwijs"})).await;
    let b = nieuw(
        "2022-10-03",
        json!({"categorie": "dreigend", "scenario": "c"}),
    )
    .await;
    let c = nieuw("2022-11-01", json!({"categorie": "vrijstelling_5a"})).await;
    nieuw("2023-01-10", json!({"categorie": "absoluut_verzuim", "einddatum": "2023-02-10", "eindreden": "verhuisd"})).await;
    // After `tot`: not counted this year.
    nieuw("2023-04-01", json!({"categorie": "relatief_verzuim"})).await;
    // 5a again after a different category counts once per case; the same category again not.
    change(
        &app,
        &s,
        &c,
        json!({"vanaf": "2022-12-01", "categorie": "langdurig_ziek"}),
    )
    .await
    .assert(201);
    change(
        &app,
        &s,
        &c,
        json!({"vanaf": "2023-01-02", "categorie": "vrijstelling_5a"}),
    )
    .await
    .assert(201);
    change(
        &app,
        &s,
        &b,
        json!({"vanaf": "2023-02-01", "categorie": "langdurig_relatief_verzuim"}),
    )
    .await
    .assert(201);
    // The year before: one case from 2021-12-01, 5b, still open.
    nieuw("2021-12-01", json!({"categorie": "vrijstelling_5b"})).await;

    let r = app
        .get(
            "/api/v1/thuiszitters/statistieken?schooljaar=2022-2023&tot=2023-03-15",
            &s.t,
        )
        .await;
    r.assert(200);
    let st = &r.body;
    assert_eq!(st["schooljaar"], "2022-2023");
    assert_eq!(st["van"], "2022-08-01");
    assert_eq!(st["tot"], "2023-03-15");
    // The old 5b case is still open this year: five cases needed attention.
    assert_eq!(st["casussen"]["extraAandacht"], 5);
    // Lengths: a 20 days (<1), c from 1 Nov to 15 Mar (>3), the 5b case (>3), the January
    // case a month exactly (1-3), b at home since 1 Feb (1-3).
    assert_eq!(st["casussen"]["korterDan1Maand"], 1);
    assert_eq!(st["casussen"]["tussen1En3Maanden"], 2);
    assert_eq!(st["casussen"]["langerDan3Maanden"], 2);
    assert_eq!(
        st["nieuweVrijstellingen"],
        json!({"5a": 1, "5b": 0, "5c": 0})
    );
    assert_eq!(st["beeindigd"]["aantal"], 2);
    // 20 and 31 days: the mean of the middle two, 25.5, rounded half up.
    assert_eq!(st["beeindigd"]["mediaanDagen"], 26);
    // Peildata 15 Sep (a and the 5b case: 2), 15 Dec (c, 5b: 2), 15 Mar (b, c, 5b: 3).
    assert_eq!(st["peildata"].as_array().unwrap().len(), 3);
    assert_eq!(st["gemiddeldOpPeildatum"], 2.3);
    let vj = &st["vorigJaar"];
    assert_eq!(vj["van"], "2021-08-01");
    assert_eq!(vj["tot"], "2022-03-15");
    assert_eq!(vj["casussen"]["extraAandacht"], 1);
    assert_eq!(vj["nieuweVrijstellingen"]["5b"], 1);
    assert_eq!(vj["gemiddeldOpPeildatum"], 0.7);
    assert_invalid(
        &app.get(
            "/api/v1/thuiszitters/statistieken?schooljaar=2022-2023&tot=2023-08-01",
            &s.t,
        )
        .await,
        "tot",
    );
    assert_invalid(
        &app.get("/api/v1/thuiszitters/statistieken", &s.t).await,
        "schooljaar",
    );
}

/// The return to the Inspectie, the audit trail and the pupil's dossier.
async fn the_return_audit_and_dossier(app: TestApp) {
    let s = setup(&app).await;
    let a = pupil(&app, &s, "NK-T21", "2008-03", &s.alkmaar).await;
    let c = case(
        &app,
        &s,
        json!({"leerlingId": a, "startdatum": "2017-02-01", "categorie": "vrijstelling_5c"}),
    )
    .await;
    let csv = app
        .request(
            Method::GET,
            "/api/v1/thuiszitters/telling?datum=2017-03-15",
            Some(&s.t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    csv.assert(200);
    let text = String::from_utf8_lossy(&csv.raw).to_string();
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    assert!(
        lines[0]
            .trim_start_matches('\u{feff}')
            .starts_with("datum;cbsCode;gemeente;categorie;aantal"),
        "{text}"
    );
    assert_eq!(
        lines.len(),
        1 + 2 * 7,
        "every gemeente × category, zeros included: {text}"
    );
    assert!(
        text.contains("2017-03-15;0361;Alkmaar;vrijstelling_5c;1;"),
        "{text}"
    );
    assert!(
        text.contains("2017-03-15;0399;Heiloo;vrijstelling_5c;0;"),
        "{text}"
    );

    app.get(&format!("/api/v1/thuiszitters/{c}"), &s.t)
        .await
        .assert(200);
    let d = app
        .get(&format!("/api/v1/leerlingen/{a}/dossier"), &s.t)
        .await;
    d.assert(200);
    assert_eq!(d.body["thuiszitters"][0]["id"], c.as_str());
    assert_eq!(
        d.body["thuiszitters"][0]["verloop"][0]["categorie"],
        "vrijstelling_5c"
    );
    let trail = app
        .get(
            &format!("/api/v1/auditregels?leerlingId={a}&pageSize=200"),
            &s.beheerder,
        )
        .await;
    let paden: Vec<(&str, &str)> = trail.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["actie"].as_str().unwrap(), e["pad"].as_str().unwrap()))
        .collect();
    assert!(paden.contains(&("aanmaken", "/thuiszitters")), "{paden:?}");
    assert!(
        paden.iter().any(|(a, p)| *a == "lezen" && p.ends_with(&c)),
        "{paden:?}"
    );
    assert_problem(
        &app.get("/api/v1/thuiszitters", &app.token("lezer").await)
            .await,
        403,
    );
}

/// Each rule broken names its field and stores nothing.
async fn bad_input_is_refused(app: TestApp) {
    let s = setup(&app).await;
    let a = pupil(&app, &s, "NK-T31", "2008-03", &s.alkmaar).await;
    let base =
        json!({"leerlingId": a, "startdatum": "2017-02-01", "categorie": "relatief_verzuim"});
    for (field, change) in [
        (
            "einddatum",
            json!({"einddatum": "2017-01-31", "eindreden": "onderwijs"}),
        ),
        (
            "einddatum",
            json!({"einddatum": "2017-02-01", "eindreden": "onderwijs"}),
        ),
        ("eindreden", json!({"einddatum": "2017-03-01"})),
        ("eindreden", json!({"eindreden": "onderwijs"})),
        ("scenario", json!({"scenario": "a"})),
        ("scenario", json!({"categorie": "dreigend"})),
        ("categorie", json!({"categorie": "spijbelen"})),
        ("perspectief", json!({"perspectief": "op_vakantie"})),
        ("startdatum", json!({"startdatum": "2099-02-01"})),
        (
            "leerlingId",
            json!({"leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
        ),
        (
            "schoolId",
            json!({"schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b"}),
        ),
    ] {
        let mut body = base.clone();
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        assert_invalid(&app.post("/api/v1/thuiszitters", &s.t, body).await, field);
    }
    assert_eq!(app.get("/api/v1/thuiszitters", &s.t).await.body["total"], 0);

    let c = case(&app, &s, base.clone()).await;
    let path = format!("/api/v1/thuiszitters/{c}");
    // One pupil is in one case at a time: a second open case would count her twice.
    assert_problem(
        &app.post(
            "/api/v1/thuiszitters",
            &s.t,
            json!({"leerlingId": a, "startdatum": "2018-01-08", "categorie": "dreigend", "scenario": "a"}),
        )
        .await,
        409,
    );
    let eerder = case(
        &app,
        &s,
        json!({"leerlingId": a, "startdatum": "2016-09-05", "einddatum": "2017-02-01",
               "eindreden": "onderwijs", "categorie": "relatief_verzuim"}),
    )
    .await;
    assert_problem(
        &app.patch(
            &format!("/api/v1/thuiszitters/{eerder}"),
            &s.t,
            json!({"einddatum": "2017-02-02"}),
        )
        .await,
        409,
    );
    app.delete(&format!("/api/v1/thuiszitters/{eerder}"), &s.t)
        .await
        .assert(204);
    let second = change(
        &app,
        &s,
        &c,
        json!({"vanaf": "2017-03-01", "categorie": "absoluut_verzuim"}),
    )
    .await;
    second.assert(201);
    for (field, body) in [
        (
            "vanaf",
            json!({"vanaf": "2017-02-01", "categorie": "absoluut_verzuim"}),
        ),
        (
            "vanaf",
            json!({"vanaf": "2017-01-15", "categorie": "absoluut_verzuim"}),
        ),
        (
            "vanaf",
            json!({"vanaf": "2017-03-01", "categorie": "langdurig_ziek"}),
        ),
        (
            "scenario",
            json!({"vanaf": "2017-04-01", "categorie": "dreigend"}),
        ),
        (
            "scenario",
            json!({"vanaf": "2017-04-01", "categorie": "langdurig_ziek", "scenario": "b"}),
        ),
    ] {
        assert_invalid(&change(&app, &s, &c, body).await, field);
    }
    // The start may not move past the second entry, nor the end before it.
    assert_invalid(
        &app.patch(&path, &s.t, json!({"startdatum": "2017-03-01"}))
            .await,
        "startdatum",
    );
    assert_invalid(
        &app.patch(
            &path,
            &s.t,
            json!({"einddatum": "2017-03-01", "eindreden": "overig"}),
        )
        .await,
        "einddatum",
    );
    app.patch(
        &path,
        &s.t,
        json!({"einddatum": "2017-04-01", "eindreden": "overig"}),
    )
    .await
    .assert(200);
    assert_invalid(
        &change(
            &app,
            &s,
            &c,
            json!({"vanaf": "2017-04-01", "categorie": "langdurig_ziek"}),
        )
        .await,
        "vanaf",
    );
    // The first entry is the start: its date follows startdatum, and it cannot be deleted.
    let r = app.get(&path, &s.t).await;
    let first = r.body["verloop"][0]["id"].as_str().unwrap().to_string();
    let versie = r.body["versie"].clone();
    assert_invalid(
        &app.request(
            Method::PATCH,
            &format!("{path}/verloop/{first}"),
            Some(&s.t),
            Some(json!({"vanaf": "2017-01-20"})),
            &[("content-type", "application/merge-patch+json")],
        )
        .await,
        "vanaf",
    );
    assert_problem(
        &app.delete(&format!("{path}/verloop/{first}"), &s.t).await,
        409,
    );
    // A stale version is refused.
    let r = app
        .request(
            Method::POST,
            &format!("{path}/verloop"),
            Some(&s.t),
            Some(json!({"vanaf": "2017-03-10", "categorie": "langdurig_ziek"})),
            &[("if-match", "\"1\"")],
        )
        .await;
    assert_problem(&r, 412);
    let r = app.get(&path, &s.t).await;
    assert_eq!(r.body["versie"], versie, "nothing stored on any error");
    assert_eq!(r.body["verloop"].as_array().unwrap().len(), 2);
    // A later entry can be corrected and removed.
    let second = id(&second);
    let r = app
        .request(
            Method::PATCH,
            &format!("{path}/verloop/{second}"),
            Some(&s.t),
            Some(json!({"perspectief": "thuis_met_perspectief"})),
            &[("content-type", "application/merge-patch+json")],
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["perspectief"], "thuis_met_perspectief");
    app.delete(&format!("{path}/verloop/{second}"), &s.t)
        .await
        .assert(204);
    assert_eq!(
        app.get(&format!("{path}/verloop"), &s.t)
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_invalid(
        &app.post(
            "/api/v1/thuiszitters/peildata",
            &s.t,
            json!({"datum": "15-03-2017"}),
        )
        .await,
        "datum",
    );
    assert_invalid(
        &app.get("/api/v1/thuiszitters/telling", &s.t).await,
        "datum",
    );
}

both_backends!(
    a_case_is_counted_on_every_date,
    frozen_peildata_stay_as_reported,
    the_cohort_is_followed,
    the_year_is_compared_with_the_year_before,
    the_return_audit_and_dossier,
    bad_input_is_refused,
);
