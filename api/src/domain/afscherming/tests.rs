//! The lezer's view of aggregated answers: what is hidden, and that nothing hidden follows.
use super::*;
use serde_json::json;

fn getoond(v: &Value) -> Option<i64> {
    v["waarde"].as_i64()
}

/// Every count shown in the answer.
fn alle(v: &Value, out: &mut Vec<i64>) {
    match v {
        Value::Object(m) if m.contains_key("waarde") => out.extend(getoond(v)),
        Value::Object(m) => m.values().for_each(|w| alle(w, out)),
        Value::Array(a) => a.iter().for_each(|w| alle(w, out)),
        _ => {}
    }
}

#[test]
fn a_small_part_takes_another_with_it_and_no_small_count_is_shown() {
    let v = voor_lezer(
        &json!({"totaal": 20, "perSoort": {"a": 3, "b": 7, "c": 10}, "nieuw": 18, "verlenging": 2}),
        &[],
    )
    .unwrap();
    assert_eq!(v["totaal"], json!({"waarde": 20}));
    assert_eq!(v["perSoort"]["a"]["onderdrukt"], true);
    // 20 - 10 - 7 would give 3 back: the smaller shown part goes too.
    assert_eq!(v["perSoort"]["b"]["onderdrukt"], true);
    assert_eq!(getoond(&v["perSoort"]["c"]), Some(10));
    // `nieuw` beside the total would give `verlenging` (2) back.
    assert_eq!(v["nieuw"]["onderdrukt"], true);
    assert_eq!(v["verlenging"]["onderdrukt"], true);
    let mut shown = Vec::new();
    alle(&v, &mut shown);
    assert!(shown.iter().all(|n| *n == 0 || *n >= 5), "{shown:?}");
}

#[test]
fn rows_of_a_list_are_a_group_with_the_whole() {
    let v = voor_lezer(
        &json!({"totaal": 30, "perWerkgebied": [
            {"naam": "Noord", "totaal": 2},
            {"naam": "Oost", "totaal": 12},
            {"naam": "Zuid", "totaal": 16}
        ]}),
        &[],
    )
    .unwrap();
    let rijen = v["perWerkgebied"].as_array().unwrap();
    assert_eq!(rijen[0]["totaal"]["onderdrukt"], true);
    assert_eq!(rijen[1]["totaal"]["onderdrukt"], true);
    assert_eq!(getoond(&rijen[2]["totaal"]), Some(16));
    assert_eq!(rijen[0]["naam"], "Noord");
}

#[test]
fn a_map_without_a_total_is_kept_from_giving_its_sum_away() {
    let v = voor_lezer(&json!({"dreigend": {"a": 1, "b": 9, "c": 0}}), &[]).unwrap();
    assert_eq!(v["dreigend"]["a"]["onderdrukt"], true);
    assert_eq!(v["dreigend"]["b"]["onderdrukt"], true);
    assert_eq!(getoond(&v["dreigend"]["c"]), Some(0));
}

#[test]
fn rates_beside_a_hidden_count_and_other_numbers_stay_apart() {
    let v = voor_lezer(
        &json!({
            "onder8": {"aantal": 3, "percentage": 42.9, "gemiddeldeLeeftijd": 6.1},
            "vanaf8": {"aantal": 12, "percentage": 57.1, "gemiddeldeLeeftijd": 9.9},
            "beeindigd": {"aantal": 2, "mediaanDagen": 193},
            "budgetCent": 4
        }),
        &["mediaanDagen"],
    )
    .unwrap();
    assert_eq!(v["onder8"]["percentage"], Value::Null);
    assert_eq!(v["onder8"]["gemiddeldeLeeftijd"], Value::Null);
    assert_eq!(v["vanaf8"]["percentage"], 57.1);
    assert_eq!(v["beeindigd"]["mediaanDagen"], Value::Null);
    assert_eq!(v["budgetCent"], 4);
}

#[test]
fn the_lines_of_an_export_name_each_figure() {
    let v = voor_lezer(
        &json!({"totaal": 9, "perWerkgebied": [{"naam": "Noord", "totaal": 3}, {"naam": "Zuid", "totaal": 6}]}),
        &[],
    )
    .unwrap();
    let r = regels(&v);
    let noord = r
        .iter()
        .find(|r| r.indeling == "perWerkgebied[Noord]")
        .unwrap();
    assert_eq!(
        (noord.sleutel.as_str(), noord.aantal.as_str()),
        ("totaal", "<5")
    );
    assert!(r.iter().all(|r| r.aantal != "3"), "{r:?}");
}

fn verborgen(v: &Value) -> bool {
    v["onderdrukt"] == true
}

/// Within a group whose total is shown, never exactly one part hidden: it would be the total
/// minus the shown parts.
fn niet_af_te_leiden(delen: &[&Value], totaal: &Value) -> bool {
    verborgen(totaal) || delen.iter().filter(|d| verborgen(d)).count() != 1
}

proptest::proptest! {
    #[test]
    fn no_hidden_count_follows_from_the_shown_ones(
        rijen in proptest::collection::vec(proptest::collection::vec(0i64..12, 3), 2..5),
    ) {
        // Rows (werkgebieden) with a map of three kinds, and the whole with the same shape.
        let per_rij: Vec<Value> = rijen
            .iter()
            .enumerate()
            .map(|(i, r)| json!({"naam": format!("w{i}"), "totaal": r.iter().sum::<i64>(),
                "perSoort": {"a": r[0], "b": r[1], "c": r[2]}}))
            .collect();
        let kolom = |k: usize| rijen.iter().map(|r| r[k]).sum::<i64>();
        let heel = json!({"totaal": rijen.iter().flatten().sum::<i64>(),
            "perSoort": {"a": kolom(0), "b": kolom(1), "c": kolom(2)}, "perWerkgebied": per_rij});
        let v = voor_lezer(&heel, &[]).unwrap();
        let mut shown = Vec::new();
        alle(&v, &mut shown);
        proptest::prop_assert!(shown.iter().all(|n| *n == 0 || *n >= 5), "{shown:?}");
        let soorten = |o: &Value| ["a", "b", "c"].map(|k| o["perSoort"][k].clone());
        let s = soorten(&v);
        proptest::prop_assert!(niet_af_te_leiden(&s.iter().collect::<Vec<_>>(), &v["totaal"]));
        let rijen_v = v["perWerkgebied"].as_array().unwrap();
        for r in rijen_v {
            let s = soorten(r);
            proptest::prop_assert!(niet_af_te_leiden(&s.iter().collect::<Vec<_>>(), &r["totaal"]), "{v}");
        }
        let totalen: Vec<&Value> = rijen_v.iter().map(|r| &r["totaal"]).collect();
        proptest::prop_assert!(niet_af_te_leiden(&totalen, &v["totaal"]), "{v}");
        for k in ["a", "b", "c"] {
            let kol: Vec<&Value> = rijen_v.iter().map(|r| &r["perSoort"][k]).collect();
            proptest::prop_assert!(niet_af_te_leiden(&kol, &v["perSoort"][k]), "{v}");
        }
    }
}
