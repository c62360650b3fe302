//! An aggregated answer of a pupil-level area as a `lezer` reads it: every count of children
//! becomes an `Aantal`, suppressed by the monitor's rules, and a rate or mean beside a hidden
//! count becomes null. Works on the JSON of the staff's answer, so every aggregated endpoint
//! gets the same rule without a second set of types.
//!
//! The groups: each map of counts with its total (its own `totaal`, the `totaal` beside it when
//! the parts add up to it, or else its sum, taken as known); each count beside a `totaal`
//! (`nieuw` of all arrangementen) as a part of it; each list of like rows (`perWerkgebied`) per
//! count, with the same count of the whole when there is one.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::onderdrukking::{deel, groep, Aantal};

/// A step of the path from the root of the answer to a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Stap {
    Veld(String),
    Plek(usize),
}

type Pad = Vec<Stap>;

/// A relation between cells (indexes into `Cellen::aantallen`).
enum Regel {
    Groep(Vec<usize>, usize),
    Deel(usize, usize),
}

struct Cellen<'a> {
    /// The counts found in the answer, then the sums of maps without a shown total.
    aantallen: Vec<Aantal>,
    paden: Vec<Pad>,
    /// Where each path's cell is, for the lookups of the groups.
    plekken: HashMap<Pad, usize>,
    regels: Vec<Regel>,
    geen_aantal: &'a [&'a str],
}

/// Whether `key` names a count of children (not money, an identifier or a count of schools).
fn telt(key: &str, geen_aantal: &[&str]) -> bool {
    !key.ends_with("Cent") && !geen_aantal.contains(&key)
}

fn geheel(v: &Value) -> Option<i64> {
    v.as_i64().filter(|_| v.is_i64() || v.is_u64())
}

impl Cellen<'_> {
    fn cel(&self, pad: &[Stap]) -> Option<usize> {
        self.plekken.get(pad).copied()
    }

    fn verzamel(&mut self, v: &Value, pad: &mut Pad) {
        match v {
            Value::Object(m) => {
                for (k, w) in m {
                    pad.push(Stap::Veld(k.clone()));
                    if let Some(n) = geheel(w) {
                        if telt(k, self.geen_aantal) {
                            self.plekken.insert(pad.clone(), self.aantallen.len());
                            self.aantallen.push(Aantal::new(n));
                            self.paden.push(pad.clone());
                        }
                    } else {
                        self.verzamel(w, pad);
                    }
                    pad.pop();
                }
            }
            Value::Array(a) => {
                for (i, w) in a.iter().enumerate() {
                    pad.push(Stap::Plek(i));
                    self.verzamel(w, pad);
                    pad.pop();
                }
            }
            _ => {}
        }
    }

    /// The cells of the direct counts of `m` at `pad`, by key.
    fn direct(&self, m: &Map<String, Value>, pad: &Pad) -> Vec<(String, usize)> {
        m.keys()
            .filter_map(|k| {
                let mut p = pad.clone();
                p.push(Stap::Veld(k.clone()));
                self.cel(&p).map(|i| (k.clone(), i))
            })
            .collect()
    }

    fn som(&self, delen: &[usize]) -> i64 {
        delen.iter().map(|i| self.aantallen[*i].waarde()).sum()
    }

    /// A total that is not in the answer but could be known: the sum of the parts.
    fn virtueel(&mut self, delen: &[usize]) -> usize {
        self.aantallen.push(Aantal::new(self.som(delen)));
        self.aantallen.len() - 1
    }

    fn groepen(&mut self, v: &Value, pad: &mut Pad) {
        match v {
            Value::Object(m) => {
                let eigen = self.direct(m, pad);
                let totaal = eigen.iter().find(|(k, _)| k == "totaal").map(|(_, i)| *i);
                if let Some(t) = totaal {
                    for (k, i) in &eigen {
                        if k != "totaal" {
                            self.regels.push(Regel::Deel(*i, t));
                        }
                    }
                }
                for (k, w) in m {
                    pad.push(Stap::Veld(k.clone()));
                    match w {
                        Value::Object(kind) => self.kaart(kind, pad, totaal),
                        Value::Array(rijen) => self.lijst(rijen, pad),
                        _ => {}
                    }
                    self.groepen(w, pad);
                    pad.pop();
                }
            }
            Value::Array(a) => {
                for (i, w) in a.iter().enumerate() {
                    pad.push(Stap::Plek(i));
                    self.groepen(w, pad);
                    pad.pop();
                }
            }
            _ => {}
        }
    }

    /// A map of counts with its total.
    fn kaart(&mut self, m: &Map<String, Value>, pad: &Pad, naast: Option<usize>) {
        let cellen = self.direct(m, pad);
        if cellen.len() < 2 || cellen.len() != m.len() {
            return;
        }
        let eigen = cellen.iter().find(|(k, _)| k == "totaal").map(|(_, i)| *i);
        let delen: Vec<usize> = cellen
            .iter()
            .filter(|(k, _)| k != "totaal")
            .map(|(_, i)| *i)
            .collect();
        let totaal = match (eigen, naast) {
            (Some(t), _) => t,
            (None, Some(t)) if self.som(&delen) == self.aantallen[t].waarde() => t,
            _ => self.virtueel(&delen),
        };
        self.regels.push(Regel::Groep(delen, totaal));
    }

    /// A list of like rows: per count of the rows, the rows with the same count of the whole.
    fn lijst(&mut self, rijen: &[Value], pad: &Pad) {
        if rijen.len() < 2 || !rijen.iter().all(Value::is_object) {
            return;
        }
        let mut ouder_pad = pad.clone();
        ouder_pad.pop();
        let mut relatief: Vec<Pad> = Vec::new();
        let mut eerste = pad.clone();
        eerste.push(Stap::Plek(0));
        for p in &self.paden {
            if p.len() > eerste.len() && p.starts_with(&eerste) {
                relatief.push(p[eerste.len()..].to_vec());
            }
        }
        for r in relatief {
            let delen: Option<Vec<usize>> = (0..rijen.len())
                .map(|i| {
                    let mut p = pad.clone();
                    p.push(Stap::Plek(i));
                    p.extend(r.iter().cloned());
                    self.cel(&p)
                })
                .collect();
            let mut heel = ouder_pad.clone();
            heel.extend(r.iter().cloned());
            if let (Some(delen), Some(t)) = (delen, self.cel(&heel)) {
                if self.som(&delen) == self.aantallen[t].waarde() {
                    self.regels.push(Regel::Groep(delen, t));
                }
            }
        }
    }

    /// Primary suppression, then every rule until nothing changes.
    fn onderdruk(&mut self) {
        self.aantallen.iter_mut().for_each(Aantal::primair);
        loop {
            let mut veranderd = false;
            for r in &self.regels {
                match r {
                    Regel::Groep(delen, t) => {
                        let mut d: Vec<Aantal> = delen.iter().map(|i| self.aantallen[*i]).collect();
                        let mut tot = self.aantallen[*t];
                        if groep(&mut d.iter_mut().collect::<Vec<_>>(), &mut tot) {
                            veranderd = true;
                            for (i, a) in delen.iter().zip(d) {
                                self.aantallen[*i] = a;
                            }
                            self.aantallen[*t] = tot;
                        }
                    }
                    Regel::Deel(i, t) => {
                        let mut a = self.aantallen[*i];
                        if deel(&mut a, &self.aantallen[*t]) {
                            veranderd = true;
                            self.aantallen[*i] = a;
                        }
                    }
                }
            }
            if !veranderd {
                break;
            }
        }
    }
}

fn plaats<'v>(v: &'v mut Value, pad: &[Stap]) -> Option<&'v mut Value> {
    pad.iter().try_fold(v, |v, s| match s {
        Stap::Veld(k) => v.get_mut(k.as_str()),
        Stap::Plek(i) => v.get_mut(*i),
    })
}

/// Rates, means and medians beside a hidden count say what it was: null them.
fn verberg_verhoudingen(v: &mut Value) {
    match v {
        Value::Object(m) => {
            let verborgen = m.values().any(|w| {
                w.get("onderdrukt").and_then(Value::as_bool) == Some(true)
                    && w.as_object().is_some_and(|o| o.contains_key("waarde"))
            });
            for w in m.values_mut() {
                if verborgen && w.is_number() {
                    *w = Value::Null;
                } else {
                    verberg_verhoudingen(w);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(verberg_verhoudingen),
        _ => {}
    }
}

/// Who reads an aggregated answer of a pupil-level area, and which of its whole numbers are no
/// counts of children.
#[derive(Debug, Clone, Copy)]
pub struct Blik {
    pub afgeschermd: bool,
    pub geen_aantal: &'static [&'static str],
}

impl Blik {
    /// The answer as this reader gets it: as it is, or `voor_lezer`.
    pub fn json<T: Serialize>(&self, antwoord: &T) -> Result<Value, serde_json::Error> {
        if self.afgeschermd {
            voor_lezer(antwoord, self.geen_aantal)
        } else {
            serde_json::to_value(antwoord)
        }
    }
}

/// The answer as a lezer reads it. `geen_aantal`: keys of whole numbers that are not counts of
/// children (counts of schools, days, years); money (`…Cent`) never is.
pub fn voor_lezer<T: Serialize>(
    antwoord: &T,
    geen_aantal: &[&str],
) -> Result<Value, serde_json::Error> {
    let mut v = serde_json::to_value(antwoord)?;
    let mut c = Cellen {
        aantallen: Vec::new(),
        paden: Vec::new(),
        plekken: HashMap::new(),
        regels: Vec::new(),
        geen_aantal,
    };
    c.verzamel(&v, &mut Vec::new());
    c.groepen(&v, &mut Vec::new());
    c.onderdruk();
    for (pad, a) in c.paden.iter().zip(&c.aantallen) {
        if let Some(cel) = plaats(&mut v, pad) {
            *cel = serde_json::to_value(a)?;
        }
    }
    verberg_verhoudingen(&mut v);
    Ok(v)
}

/// One line of the CSV/XLSX a lezer gets: the path of the figure, its key and its value (`<5`
/// when hidden).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LezerRegel {
    pub indeling: String,
    pub sleutel: String,
    pub aantal: String,
}

/// The lines of an answer `voor_lezer` made: every count and every rate, in the order of the
/// answer; rows of a list are named by their `naam` or `datum` when they have one.
pub fn regels(v: &Value) -> Vec<LezerRegel> {
    fn loop_(v: &Value, indeling: &str, out: &mut Vec<LezerRegel>) {
        let Value::Object(m) = v else {
            return;
        };
        for (k, w) in m {
            let onder = if indeling.is_empty() {
                k.clone()
            } else {
                format!("{indeling}.{k}")
            };
            if let Some(o) = w.as_object().filter(|o| o.contains_key("waarde")) {
                let aantal = match o.get("waarde") {
                    Some(Value::Number(n)) => n.to_string(),
                    _ => "<5".into(),
                };
                out.push(LezerRegel {
                    indeling: indeling.into(),
                    sleutel: k.clone(),
                    aantal,
                });
            } else if w.is_number() || (w.is_null() && !indeling.is_empty()) {
                out.push(LezerRegel {
                    indeling: indeling.into(),
                    sleutel: k.clone(),
                    aantal: w.as_number().map(ToString::to_string).unwrap_or_default(),
                });
            } else if let Value::Array(a) = w {
                for (i, rij) in a.iter().enumerate() {
                    let naam = ["naam", "datum", "cbsCode"]
                        .iter()
                        .find_map(|n| rij.get(*n).and_then(Value::as_str))
                        .map_or_else(|| i.to_string(), str::to_string);
                    loop_(rij, &format!("{onder}[{naam}]"), out);
                }
            } else {
                loop_(w, &onder, out);
            }
        }
    }
    let mut out = Vec::new();
    loop_(v, "", &mut out);
    out
}

#[cfg(test)]
mod tests {
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
}
