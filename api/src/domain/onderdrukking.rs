//! Small numbers: a count of children of 1 to 4 never leaves the SWV, and neither does a count
//! from which one could be derived by subtracting shown cells from a shown total.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use utoipa::ToSchema;

/// The smallest count that may be shown; 0 is shown too.
pub const DREMPEL: i64 = 5;

/// A count of children as it leaves the SWV: `{"waarde": n}` or
/// `{"waarde": null, "onderdrukt": true}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ToSchema)]
#[schema(example = json!({"waarde": null, "onderdrukt": true}))]
pub struct Aantal {
    /// Het aantal; leeg wanneer het is onderdrukt.
    #[schema(value_type = Option<i64>)]
    waarde: i64,
    /// Alleen aanwezig (en `true`) wanneer het aantal 1 tot en met 4 is, of eruit af te leiden zou zijn.
    #[schema(value_type = Option<bool>)]
    onderdrukt: bool,
}

impl Aantal {
    /// A count before suppression.
    pub fn new(n: i64) -> Self {
        Aantal {
            waarde: n,
            onderdrukt: false,
        }
    }

    /// The count as shown; `None` when suppressed.
    pub fn getoond(&self) -> Option<i64> {
        (!self.onderdrukt).then_some(self.waarde)
    }

    /// The count before suppression, for the SWV's own sums.
    pub fn waarde(&self) -> i64 {
        self.waarde
    }

    pub fn onderdrukt(&self) -> bool {
        self.onderdrukt
    }

    fn klein(&self) -> bool {
        (1..DREMPEL).contains(&self.waarde)
    }

    /// Primary suppression: 1 to 4.
    pub fn primair(&mut self) {
        if self.klein() {
            self.onderdrukt = true;
        }
    }

    /// The cell as a CSV/XLSX value: the number, or `<5`.
    pub fn als_tekst(&self) -> String {
        self.getoond()
            .map_or_else(|| format!("<{DREMPEL}"), |n| n.to_string())
    }
}

impl Serialize for Aantal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Aantal", if self.onderdrukt { 2 } else { 1 })?;
        st.serialize_field("waarde", &self.getoond())?;
        if self.onderdrukt {
            st.serialize_field("onderdrukt", &true)?;
        }
        st.end()
    }
}

/// Secondary suppression in a group of parts that add up to a total, repeated by the caller
/// until nothing changes. When the total is shown and exactly one part is hidden, that part is
/// the total minus the shown ones: hide the smallest shown non-zero part too (the first of equal
/// ones), or the total when there is none. Returns whether anything changed.
pub fn groep(delen: &mut [&mut Aantal], totaal: &mut Aantal) -> bool {
    if totaal.onderdrukt {
        return false;
    }
    if delen.iter().filter(|d| d.onderdrukt).count() != 1 {
        return false;
    }
    let kleinste = delen
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.onderdrukt && d.waarde > 0)
        .min_by_key(|(i, d)| (d.waarde, *i))
        .map(|(i, _)| i);
    match kleinste {
        Some(i) => delen[i].onderdrukt = true,
        None => totaal.onderdrukt = true,
    }
    true
}

/// A part shown beside its total without its siblings (`langerDan3Maanden` of all
/// thuiszitters): hidden when the rest, total minus it, would be 1 to 4.
pub fn deel(deel: &mut Aantal, totaal: &Aantal) -> bool {
    if deel.onderdrukt || totaal.onderdrukt {
        return false;
    }
    if (1..DREMPEL).contains(&(totaal.waarde - deel.waarde)) {
        deel.onderdrukt = true;
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn suppress(parts: &[i64], total: i64) -> (Vec<Aantal>, Aantal) {
        let mut delen: Vec<Aantal> = parts.iter().map(|n| Aantal::new(*n)).collect();
        let mut totaal = Aantal::new(total);
        delen.iter_mut().for_each(Aantal::primair);
        totaal.primair();
        loop {
            let mut refs: Vec<&mut Aantal> = delen.iter_mut().collect();
            if !groep(&mut refs, &mut totaal) {
                break;
            }
        }
        (delen, totaal)
    }

    #[test]
    fn one_hidden_part_takes_the_smallest_shown_one_with_it() {
        let (delen, totaal) = suppress(&[3, 7, 6, 0], 16);
        let shown: Vec<Option<i64>> = delen.iter().map(Aantal::getoond).collect();
        assert_eq!(shown, [None, Some(7), None, Some(0)]);
        assert_eq!(totaal.getoond(), Some(16));
    }

    #[test]
    fn the_total_goes_when_no_part_is_left_to_hide() {
        let (delen, totaal) = suppress(&[2, 0, 0], 2);
        assert!(delen[0].onderdrukt());
        assert!(totaal.onderdrukt());
        let (_, totaal) = suppress(&[3, 0, 0], 8);
        assert_eq!(
            totaal.getoond(),
            None,
            "8 = 3 + 0 + 0 would give the 3 away"
        );
    }

    #[test]
    fn a_part_beside_its_total_goes_when_the_rest_is_small() {
        let totaal = Aantal::new(9);
        let mut lang = Aantal::new(6);
        assert!(deel(&mut lang, &totaal));
        assert_eq!(lang.getoond(), None);
        let mut lang = Aantal::new(9);
        assert!(!deel(&mut lang, &totaal), "9 of 9 gives nothing away");
    }

    #[test]
    fn json_says_nothing_of_a_hidden_count() {
        let mut a = Aantal::new(3);
        a.primair();
        assert_eq!(
            serde_json::to_value(a).unwrap(),
            serde_json::json!({"waarde": null, "onderdrukt": true})
        );
        assert_eq!(
            serde_json::to_value(Aantal::new(0)).unwrap(),
            serde_json::json!({"waarde": 0})
        );
        assert_eq!(a.als_tekst(), "<5");
    }

    proptest! {
        /// No hidden value can be recovered by subtracting shown cells from a shown total, and
        /// no count of 1 to 4 is shown.
        #[test]
        fn nothing_hidden_can_be_recovered(parts in proptest::collection::vec(
            prop_oneof![Just(0i64), 1i64..5, 5i64..40], 1..9)) {
            let total: i64 = parts.iter().sum();
            let (delen, totaal) = suppress(&parts, total);
            for a in delen.iter().chain([&totaal]) {
                if let Some(n) = a.getoond() {
                    prop_assert!(n == 0 || n >= DREMPEL);
                }
            }
            if let Some(t) = totaal.getoond() {
                let hidden: Vec<&Aantal> = delen.iter().filter(|d| d.onderdrukt()).collect();
                prop_assert!(hidden.len() != 1, "one hidden part = total - shown parts");
                let shown: i64 = delen.iter().filter_map(Aantal::getoond).sum();
                if hidden.len() > 1 {
                    prop_assert!(t - shown >= 2, "the hidden parts hold what is missing");
                }
            } else {
                // A hidden total cannot be the sum of shown parts alone.
                prop_assert!(delen.iter().any(Aantal::onderdrukt));
            }
        }

        /// A part shown beside its total never lets the small rest be derived.
        #[test]
        fn a_lone_part_gives_no_small_rest_away(total in 0i64..30, frac in 0.0f64..=1.0) {
            let part = (total as f64 * frac).floor() as i64;
            let mut totaal = Aantal::new(total);
            let mut lang = Aantal::new(part);
            totaal.primair();
            lang.primair();
            deel(&mut lang, &totaal);
            if let (Some(t), Some(p)) = (totaal.getoond(), lang.getoond()) {
                prop_assert!(!(1..DREMPEL).contains(&(t - p)));
            }
        }
    }
}
