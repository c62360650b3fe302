//! The TLV figures of a school year as rows of a CSV or XLSX export.

use crate::store_prelude::*;

use super::statistieken::TlvStatistieken;

/// One figure of the export: its breakdown, key and value.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TlvCijfer {
    pub indeling: String,
    pub sleutel: String,
    pub waarde: Option<f64>,
}

impl TlvStatistieken {
    /// Every figure as a row, for CSV and XLSX.
    pub fn cijfers(&self) -> Vec<TlvCijfer> {
        let mut out = Vec::new();
        let mut push = |indeling: &str, sleutel: &str, waarde: Option<f64>| {
            out.push(TlvCijfer {
                indeling: indeling.into(),
                sleutel: sleutel.into(),
                waarde,
            })
        };
        let n = |x: i64| Some(x as f64);
        for (k, v) in [
            ("afgegeven", self.afgegeven),
            ("afgewezen", self.afgewezen),
            ("nieuw", self.nieuw),
            ("verlenging", self.verlenging),
        ] {
            push("totaal", k, n(v));
        }
        for (rij, r) in &self.per_soort {
            let ind = format!("perSoort: {rij}");
            for (t, v) in &r.per_trimester {
                push(&ind, &format!("trimester {t}"), n(*v));
            }
            push(&ind, "nieuw", n(r.nieuw));
            push(&ind, "verlenging", n(r.verlenging));
            push(&ind, "totaal", n(r.totaal));
        }
        push("binnenTermijn", "aantal", n(self.binnen_termijn.aantal));
        push(
            "binnenTermijn",
            "percentage",
            self.binnen_termijn.percentage,
        );
        push(
            "duur",
            "gemiddeldeDuurMaanden",
            self.gemiddelde_duur_maanden,
        );
        for (naam, g) in [
            ("onder8", &self.leeftijd.onder8),
            ("vanaf8", &self.leeftijd.vanaf8),
        ] {
            let ind = format!("leeftijd: {naam}");
            push(&ind, "aantal", n(g.aantal));
            push(&ind, "percentage", g.percentage);
            push(&ind, "gemiddeldeLeeftijd", g.gemiddelde_leeftijd);
        }
        for (t, h) in &self.herkomst {
            let ind = format!("herkomst: trimester {t}");
            push(&ind, "percentageScholen", h.percentage_scholen);
            push(&ind, "gemiddeldPerSchool", h.gemiddeld_per_school);
        }
        push("tijdelijk", "sbo", n(self.tijdelijk.sbo));
        push("tijdelijk", "so", n(self.tijdelijk.so));
        push("tijdelijk", "vso", n(self.tijdelijk.vso));
        for w in &self.per_werkgebied {
            for (t, v) in &w.per_trimester {
                push(
                    &format!("perWerkgebied: {}", w.naam),
                    &format!("trimester {t}"),
                    n(*v),
                );
            }
        }
        push("uitstroom", "naarRegulier", n(self.uitstroom.naar_regulier));
        for (k, v) in &self.uitstroom.per_vervolg {
            push("uitstroom: perVervolg", k, n(*v));
        }
        push("vorigJaar", "afgegeven", n(self.vorig_jaar.afgegeven));
        for (k, v) in &self.vorig_jaar.per_soort {
            push("vorigJaar: perSoort", k, n(*v));
        }
        out
    }
}
