//! `koers synth`: the synthetic data set on both backends — its size, its consistency with the
//! rules the API keeps (school years, public ids, volgnummers, waiting lists), determinism per
//! seed, the figures endpoints over it, and the refusal to touch a database that has data.
//!
//! The shared harness seeds two SWV's into every database, which synth must refuse; these tests
//! use the harness's empty databases instead.

use std::collections::{HashMap, HashSet};

use actix_web::http::StatusCode;
use actix_web::{test, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::common::EmptyDb;
use koers::db::{Backend, DbConn, Id};
use koers::schema::*;
use koers::state::AppState;

const SWVS: u32 = 2;

macro_rules! counts {
    ($c:expr, $($table:ident),* $(,)?) => {
        vec![$((
            stringify!($table),
            $table::table.count().get_result::<i64>($c).expect("count") as u64,
        )),*]
    };
}

/// Rows per table as the database counts them, in the order synth reports them.
fn table_counts(c: &mut DbConn) -> Vec<(&'static str, u64)> {
    counts!(
        c,
        samenwerkingsverbanden,
        gemeenten,
        schoolbesturen,
        werkgebieden,
        gebruikers,
        scholen,
        ondersteuningsplannen,
        ambities,
        activiteitenplannen,
        portefeuilles,
        portefeuille_eigenaren,
        portefeuille_ambities,
        projecten,
        project_ambities,
        project_scholen,
        project_financiering,
        voortgangsverslagen,
        activiteiten,
        evaluaties,
        bijeenkomsten,
        aanmeldingen,
        leerlingen,
        budgetten,
        arrangementen,
        mdos,
        tlvs,
        tlv_adviezen,
        tlv_opschortingen,
        tlv_bezwaren,
        thuiszitters,
        thuiszitter_verloop,
        schoolcontacten,
    )
}

fn count_of(counts: &[(&str, u64)], table: &str) -> u64 {
    counts
        .iter()
        .find(|(t, _)| *t == table)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("no count for {table}"))
}

#[track_caller]
fn assert_between(counts: &[(&str, u64)], table: &str, lo: u64, hi: u64) {
    let n = count_of(counts, table);
    assert!(
        (lo..=hi).contains(&n),
        "{table}: {n} rows, expected {lo}..={hi}"
    );
}

/// What two runs with the same seed must agree on.
#[derive(Debug, PartialEq)]
struct Sample {
    counts: Vec<(&'static str, u64)>,
    scholen: Vec<(Id, String, String)>,
    aanmeldingen: Vec<(Id, String, String, Option<bool>)>,
    aanwezig_per_soort: Vec<(String, i64)>,
    public_ids: Vec<String>,
}

fn sample(c: &mut DbConn) -> Sample {
    Sample {
        counts: table_counts(c),
        scholen: scholen::table
            .order(scholen::id)
            .select((scholen::id, scholen::naam, scholen::brin))
            .limit(20)
            .load(c)
            .expect("scholen"),
        aanmeldingen: aanmeldingen::table
            .order(aanmeldingen::id)
            .select((
                aanmeldingen::id,
                aanmeldingen::email,
                aanmeldingen::status,
                aanmeldingen::aanwezig,
            ))
            .limit(50)
            .load(c)
            .expect("aanmeldingen"),
        aanwezig_per_soort: aanmeldingen::table
            .inner_join(bijeenkomsten::table)
            .filter(aanmeldingen::aanwezig.eq(true))
            .group_by(bijeenkomsten::soort)
            .select((bijeenkomsten::soort, diesel::dsl::count_star()))
            .order(bijeenkomsten::soort)
            .load(c)
            .expect("aanwezig per soort"),
        public_ids: bijeenkomsten::table
            .order(bijeenkomsten::id)
            .select(bijeenkomsten::public_id)
            .limit(20)
            .load(c)
            .expect("public ids"),
    }
}

async fn sizes_rules_and_figures(backend: Backend) {
    let empty = EmptyDb::new(backend);
    let summary = koers::synth::run(&empty.db, SWVS, 42).expect("synth");
    let mut c = empty.conn();
    let counts = table_counts(&mut c);
    assert_eq!(summary.rows, counts, "the summary reports what was written");

    assert_between(&counts, "samenwerkingsverbanden", 2, 2);
    // Five, and the one two of them merged into.
    assert_between(&counts, "gemeenten", 6, 6);
    let samengevoegd: Vec<(Option<chrono::NaiveDate>, Option<Id>)> = gemeenten::table
        .filter(gemeenten::opgevolgd_door_id.is_not_null())
        .select((gemeenten::actief_tot, gemeenten::opgevolgd_door_id))
        .load(&mut c)
        .unwrap();
    assert_eq!(samengevoegd.len(), 2, "one merger of two gemeenten");
    assert!(samengevoegd.iter().all(|(tot, door)| {
        *tot == chrono::NaiveDate::from_ymd_opt(2022, 1, 1) && *door == samengevoegd[0].1
    }));
    assert_between(&counts, "schoolbesturen", 2 * 3, 2 * 10);
    assert_between(&counts, "werkgebieden", 2 * 4, 2 * 9);
    assert_between(&counts, "scholen", 2 * 12, 2 * 80);
    // A platformbeheerder, and per SWV 1 beheerder, 5-7 consulenten, 2 medewerkers, 2 lezers.
    assert_between(&counts, "gebruikers", 1 + 2 * 10, 1 + 2 * 12);
    assert_between(&counts, "ondersteuningsplannen", 2, 2);
    assert_between(&counts, "ambities", 14, 14);
    assert_between(&counts, "activiteitenplannen", 10, 10);
    assert_between(&counts, "activiteiten", 2 * 5 * 55, 2 * 5 * 80);
    assert_between(&counts, "portefeuilles", 2 * 8, 2 * 10);
    assert_between(&counts, "projecten", 2 * 6, 2 * 8);
    assert_between(&counts, "bijeenkomsten", 2 * 6 * 270, 2 * 6 * 330);
    assert_between(&counts, "aanmeldingen", 30_000, 150_000);
    // About half of the pupils of each school (1.5 million for 150 SWV's).
    assert_between(&counts, "leerlingen", 2 * 12 * 60 / 3, 2 * 80 * 2200 / 2);
    let pupils = count_of(&counts, "leerlingen");
    assert_between(&counts, "arrangementen", pupils / 15, pupils / 8);
    assert_between(&counts, "mdos", pupils / 4, pupils / 2);
    // About one TLV in thirty pupils a year, over two years, each with two adviezen.
    assert_between(&counts, "tlvs", pupils / 20, pupils / 12);
    assert_eq!(
        count_of(&counts, "tlv_adviezen"),
        2 * count_of(&counts, "tlvs")
    );
    // Thuiszitters: about one pupil in 125 out of school or at risk on any day, cases of two
    // school years and this one, each with one to three situations.
    assert_between(&counts, "thuiszitters", pupils / 30, pupils / 8);
    let cases = count_of(&counts, "thuiszitters");
    assert_between(&counts, "thuiszitter_verloop", cases, 3 * cases);
    // School contacts: about six a school in the last full year, plus this year so far.
    let scholen_n = count_of(&counts, "scholen");
    assert_between(&counts, "schoolcontacten", scholen_n * 5, scholen_n * 9);
    let zonder: i64 = scholen::table
        .filter(scholen::consulent_id.is_null())
        .count()
        .get_result(&mut empty.conn())
        .unwrap();
    assert!(
        (zonder as u64) * 20 < scholen_n,
        "{zonder} schools without a consulent"
    );
    assert_between(&counts, "budgetten", 2 * 2 * 4, 2 * 2 * 9);
    // Four years evaluated completely, the fifth in part.
    let activiteiten = count_of(&counts, "activiteiten");
    let evaluaties = count_of(&counts, "evaluaties");
    assert!(evaluaties * 10 > activiteiten * 8 && evaluaties < activiteiten);

    // Every school has a valid BRIN, unique within its SWV, and a soort of its sector.
    let schools: Vec<(Id, String, String, String)> = scholen::table
        .inner_join(samenwerkingsverbanden::table)
        .select((
            scholen::samenwerkingsverband_id,
            scholen::brin,
            scholen::soort,
            samenwerkingsverbanden::sector,
        ))
        .load(&mut c)
        .expect("scholen");
    let mut brins = HashSet::new();
    for (swv, brin, soort, sector) in &schools {
        assert!(koers::org::store::scholen::BRIN.is_match(brin), "{brin}");
        assert!(brins.insert((*swv, brin.clone())), "duplicate {brin}");
        let po = ["bao", "sbo", "so", "ikc"].contains(&soort.as_str());
        assert_eq!(po, sector == "po", "{soort} in a {sector} SWV");
    }

    // Pupils: a reference unique within the SWV, at a school of their SWV, with a month of birth
    // and year group that fit the school (none at special schools).
    let pupils: Vec<(Id, String, String, Option<i32>, String, Id)> = leerlingen::table
        .inner_join(scholen::table)
        .select((
            leerlingen::samenwerkingsverband_id,
            leerlingen::referentie,
            leerlingen::geboortemaand,
            leerlingen::leerjaar,
            scholen::soort,
            scholen::samenwerkingsverband_id,
        ))
        .load(&mut c)
        .expect("leerlingen");
    assert_eq!(
        pupils.len() as u64,
        count_of(&counts, "leerlingen"),
        "every pupil at a school"
    );
    let mut refs = HashSet::new();
    for (swv, referentie, maand, leerjaar, soort, school_swv) in &pupils {
        assert_eq!(swv, school_swv);
        assert!(
            refs.insert((*swv, referentie.clone())),
            "duplicate {referentie}"
        );
        let year: i32 = maand[..4].parse().expect(maand);
        let (groups, ages) = match soort.as_str() {
            "bao" | "ikc" => (1..=8, 4..=13),
            "vo" => (1..=5, 12..=18),
            _ => (0..=0, 4..=19),
        };
        assert!(ages.contains(&(2026 - year)), "{maand} at a {soort}");
        assert_eq!(
            leerjaar.unwrap_or(0) != 0,
            *groups.end() != 0,
            "{leerjaar:?} at a {soort}"
        );
        assert!(
            groups.contains(&leerjaar.unwrap_or(0)),
            "{leerjaar:?} at a {soort}"
        );
    }

    // Meetings: school year from the start, distinct public ids, volgnummer = registrations,
    // a waiting list only where there is a maximum and only once it is full.
    let meetings: Vec<(Id, NaiveDateTime, String, String, i64, Option<i32>)> = bijeenkomsten::table
        .select((
            bijeenkomsten::id,
            bijeenkomsten::start,
            bijeenkomsten::schooljaar,
            bijeenkomsten::public_id,
            bijeenkomsten::volgnummer,
            bijeenkomsten::max_deelnemers,
        ))
        .load(&mut c)
        .expect("bijeenkomsten");
    let per_meeting: Vec<(Id, String, i64)> = aanmeldingen::table
        .group_by((aanmeldingen::bijeenkomst_id, aanmeldingen::status))
        .select((
            aanmeldingen::bijeenkomst_id,
            aanmeldingen::status,
            diesel::dsl::count_star(),
        ))
        .load(&mut c)
        .expect("per meeting");
    let mut tally: HashMap<Id, HashMap<String, i64>> = HashMap::new();
    for (m, status, n) in per_meeting {
        tally.entry(m).or_default().insert(status, n);
    }
    let mut public = HashSet::new();
    for (id, start, jaar, public_id, volgnummer, max) in &meetings {
        assert_eq!(*jaar, koers::domain::schooljaar_of(*start));
        assert_eq!(public_id.len(), 12);
        assert!(public.insert(public_id.clone()), "duplicate {public_id}");
        let t = tally.get(id).cloned().unwrap_or_default();
        let n = |s: &str| t.get(s).copied().unwrap_or(0);
        assert_eq!(
            n("aangemeld") + n("afgemeld") + n("wachtlijst"),
            *volgnummer
        );
        if n("wachtlijst") > 0 {
            assert_eq!(
                Some(n("aangemeld")),
                max.map(i64::from),
                "full before waiting"
            );
        }
    }
    let jaren: HashSet<&str> = meetings.iter().map(|m| m.2.as_str()).collect();
    assert!(jaren.contains("2021-2022") && jaren.contains("2026-2027"));

    // The figures of a past year through the API, as the synthetic beheerder.
    let state = web::Data::new(AppState::new(empty.config(), empty.db.clone()).expect("state"));
    let app = test::init_service(koers::app(state)).await;
    let (email, swv) = summary
        .logins
        .iter()
        .find(|(rol, _, _)| rol == "beheerder")
        .map(|(_, e, s)| (e.clone(), s.clone()))
        .expect("a beheerder sign-in");
    assert_eq!(email, "beheerder@po0001.synth.example");
    assert!(!swv.is_empty());
    let req = test::TestRequest::post()
        .uri("/api/v1/auth/login")
        .peer_addr("10.1.2.3:4567".parse().unwrap())
        .set_json(json!({"email": email, "password": koers::synth::SYNTH_PASSWORD}))
        .to_request();
    let res = test::call_service(&app, req).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = test::read_body_json(res).await;
    let token = body["accessToken"].as_str().expect("token").to_string();
    let get = |path: String| {
        let req = test::TestRequest::get()
            .uri(&path)
            .peer_addr("10.1.2.3:4567".parse().unwrap())
            .insert_header(("Authorization", format!("Bearer {token}")))
            .to_request();
        test::call_service(&app, req)
    };
    // Arrangementen of the last full year: each planned one placed, the year's share exactly
    // what was spent (1,900 euro per arrangement), MDO's about one per five pupils.
    let res = get("/api/v1/arrangementen/statistieken?schooljaar=2025-2026".into()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let s: Value = test::read_body_json(res).await;
    let totaal = s["totaal"].as_i64().expect("totaal");
    assert!(totaal > 20, "{s}");
    assert!(s["verlenging"].as_i64().unwrap() * 2 > totaal, "{s}");
    let res =
        get("/api/v1/arrangementen/budget?schooljaar=2025-2026&peildatum=2026-07-31".into()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let b: Value = test::read_body_json(res).await;
    assert_eq!(b["totaal"]["toegekendCent"], totaal * 190_000, "{b}");
    let res = get("/api/v1/mdos/statistieken?schooljaar=2025-2026".into()).await;
    let m: Value = test::read_body_json(res).await;
    assert!(m["totaal"].as_i64().unwrap() > totaal * 3, "{m}");
    // TLV's of the last full year: all within the term, 26.0 months on average.
    let res =
        get("/api/v1/toelaatbaarheidsverklaringen/statistieken?schooljaar=2025-2026".into()).await;
    let tlv: Value = test::read_body_json(res).await;
    assert!(tlv["afgegeven"].as_i64().unwrap() > 10, "{tlv}");
    assert_eq!(tlv["binnenTermijn"]["percentage"], 100.0, "{tlv}");
    assert_eq!(tlv["gemiddeldeDuurMaanden"], 26.0, "{tlv}");
    // On the synthetic today about one pupil in 125 of this SWV has an open case.
    let res = get("/api/v1/leerlingen?pageSize=1".into()).await;
    let leerlingen = test::read_body_json::<Value, _>(res).await["total"]
        .as_i64()
        .unwrap();
    let res = get("/api/v1/thuiszitters?actiefOp=2026-12-01&pageSize=1".into()).await;
    let open = test::read_body_json::<Value, _>(res).await["total"]
        .as_i64()
        .unwrap();
    assert!(
        open * 250 > leerlingen && open * 60 < leerlingen,
        "{open} open of {leerlingen}"
    );
    let res = get("/api/v1/thuiszitters/statistieken?schooljaar=2025-2026".into()).await;
    let st: Value = test::read_body_json(res).await;
    assert!(st["gemiddeldOpPeildatum"].as_f64().unwrap() > 0.0, "{st}");
    assert_eq!(st["peildata"].as_array().unwrap().len(), 4, "{st}");
    // The last full year of contacts averages about six per school.
    let res = get("/api/v1/schoolcontacten/overzicht?schooljaar=2025-2026".into()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let o: Value = test::read_body_json(res).await;
    let gemiddeld = o["gemiddeldPerSchool"].as_f64().unwrap();
    assert!((5.0..=7.0).contains(&gemiddeld), "{gemiddeld}");
    for path in [
        "/api/v1/bijeenkomsten/statistieken?schooljaar=2024-2025",
        "/api/v1/bijeenkomsten/bereik?schooljaar=2024-2025",
    ] {
        let req = test::TestRequest::get()
            .uri(path)
            .peer_addr("10.1.2.3:4567".parse().unwrap())
            .insert_header(("Authorization", format!("Bearer {token}")))
            .to_request();
        let res = test::call_service(&app, req).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let body: Value = test::read_body_json(res).await;
        if path.contains("statistieken") {
            let soorten = body["perSoort"].as_array().expect("perSoort");
            assert!(!soorten.is_empty(), "{body}");
            let aanwezig: i64 = soorten.iter().filter_map(|s| s["aanwezig"].as_i64()).sum();
            assert!(aanwezig > 1000, "present in 2024-2025: {aanwezig}");
        }
    }
    drop(c);

    // A second run refuses, in the library and as a command with a non-zero exit.
    let again = koers::synth::run(&empty.db, SWVS, 42)
        .err()
        .expect("refused");
    assert!(again.contains("samenwerkingsverband"), "{again}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_koers"))
        .args(["synth", "--swvs", "1"])
        .env("KOERS_DATABASE_URL", &empty.url)
        .env("KOERS_DATA_DIR", empty.dir.path())
        .env("RUST_LOG", "error")
        .output()
        .expect("run koers");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("koers: synth:"), "{stderr}");
    assert_eq!(table_counts(&mut empty.conn()), counts, "nothing added");
}

async fn same_seed_same_data(backend: Backend) {
    let first = EmptyDb::new(backend);
    let second = EmptyDb::new(backend);
    let other = EmptyDb::new(backend);
    koers::synth::run(&first.db, SWVS, 7).expect("first run");
    koers::synth::run(&second.db, SWVS, 7).expect("second run");
    koers::synth::run(&other.db, SWVS, 8).expect("other seed");
    let a = sample(&mut first.conn());
    let b = sample(&mut second.conn());
    let o = sample(&mut other.conn());
    assert_eq!(a, b);
    assert_eq!(a.scholen.len(), 20);
    assert!(!a.aanwezig_per_soort.is_empty());
    assert_ne!(a.scholen, o.scholen, "another seed, other schools");
    assert_ne!(a.public_ids, o.public_ids, "another seed, other public ids");
}

per_backend!(sizes_rules_and_figures, same_seed_same_data);
