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
mod tests;
