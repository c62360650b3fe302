//! The aggregated figures of the pupil-level areas as a lezer reads them: the staff's answer
//! with every count of children of 1-4 hidden, and what would give one back hidden too.

use actix_web::http::Method;
use serde_json::Value;

use crate::common::{assert_problem, TestApp};

const PADEN: [&str; 7] = [
    "/api/v1/arrangementen/statistieken?schooljaar=2016-2017",
    "/api/v1/mdos/statistieken?schooljaar=2016-2017",
    "/api/v1/toelaatbaarheidsverklaringen/statistieken?schooljaar=2016-2017",
    "/api/v1/thuiszitters/statistieken?schooljaar=2016-2017",
    "/api/v1/thuiszitters/telling?datum=2017-03-15",
    "/api/v1/thuiszitters/vervolg?van=2017-03-15&tot=2017-06-15",
    "/api/v1/thuiszitters/peildata?schooljaar=2016-2017",
];

#[derive(Default)]
struct Stand {
    getoond: usize,
    verborgen: usize,
}

/// The lezer's answer is the staff's, each count as `{"waarde": n}` (never 1-4) or hidden, and
/// a rate only where the staff have one.
fn vergelijk(exact: &Value, lezer: &Value, pad: &str, s: &mut Stand) {
    match lezer {
        Value::Object(m) if m.contains_key("waarde") => {
            let n = exact
                .as_i64()
                .unwrap_or_else(|| panic!("{pad}: {exact} is no count"));
            match m["waarde"].as_i64() {
                Some(w) => {
                    assert_eq!(w, n, "{pad}");
                    assert!(!(1..=4).contains(&w), "{pad}: {w} shown");
                    s.getoond += 1;
                }
                None => {
                    assert_eq!(m["onderdrukt"], true, "{pad}");
                    assert!(n > 0, "{pad}: a zero is never hidden");
                    s.verborgen += 1;
                }
            }
        }
        Value::Object(m) => {
            for (k, w) in m {
                vergelijk(&exact[k], w, &format!("{pad}.{k}"), s);
            }
        }
        Value::Array(a) => {
            assert_eq!(a.len(), exact.as_array().map_or(0, Vec::len), "{pad}");
            for (i, w) in a.iter().enumerate() {
                vergelijk(&exact[i], w, &format!("{pad}[{i}]"), s);
            }
        }
        Value::Null => {}
        _ => assert_eq!(lezer, exact, "{pad}"),
    }
}

/// On the demo of PPO Noord-Kennemerland, every aggregated endpoint answers a lezer with the
/// staff's figures, small counts hidden.
async fn a_lezer_reads_the_figures_with_small_counts_hidden(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let lezer = app.demo_login("lezer@ppo-nk.example").await;
    let beheerder = app.demo_login("beheer@ppo-nk.example").await;
    let mut totaal = Stand::default();
    for pad in PADEN {
        let exact = app.get(pad, &beheerder).await;
        exact.assert(200);
        let r = app.get(pad, &lezer).await;
        r.assert(200);
        let mut s = Stand::default();
        vergelijk(&exact.body, &r.body, pad, &mut s);
        assert!(s.getoond > 0, "{pad}: nothing shown");
        totaal.getoond += s.getoond;
        totaal.verborgen += s.verborgen;
    }
    assert!(totaal.verborgen > 0, "the demo has small counts to hide");

    // The mean on the peildata times their number is their sum: with one of them hidden (15
    // December 2016 in the demo) the mean would give it back, so it goes too.
    let r = app.get(PADEN[3], &lezer).await;
    let verborgen = r.body["peildata"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["totaal"]["onderdrukt"] == true);
    assert!(verborgen, "{}", r.body["peildata"]);
    assert_eq!(r.body["gemiddeldOpPeildatum"], Value::Null);
    let exact = app.get(PADEN[3], &beheerder).await;
    assert!(exact.body["gemiddeldOpPeildatum"].is_number());

    // The export carries the same: `<5` where hidden, never a small count.
    let r = app
        .request(
            Method::GET,
            PADEN[0],
            Some(&lezer),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    let csv = String::from_utf8_lossy(&r.raw);
    let laatste: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.rsplit([';', ',']).next().unwrap_or(""))
        .collect();
    assert!(laatste.contains(&"<5"), "{csv}");
    assert!(
        !laatste.iter().any(|v| ["1", "2", "3", "4"].contains(v)),
        "{csv}"
    );

    // The records themselves stay closed to a lezer.
    for pad in ["/api/v1/thuiszitters", "/api/v1/arrangementen"] {
        assert_problem(&app.get(pad, &lezer).await, 403);
    }
}

both_backends!(a_lezer_reads_the_figures_with_small_counts_hidden);
