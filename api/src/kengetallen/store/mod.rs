//! The persistence of the KPIs, their entered values and the overview that measures them.

pub mod document;
pub mod kengetallen;
pub mod metingen;
pub mod overzicht;
pub mod waarden;

pub use crate::planning::store::streef::Richting;

crate::text_enum! {
    /// What a KPI counts in. Money is in euro cents, like all money in the API.
    pub enum KengetalEenheid {
        Aantal => "aantal",
        Percentage => "percentage",
        Euro => "euro",
    }
}

crate::text_enum! {
    /// Where a KPI's value comes from: entered by hand, or one of the measures Koers computes.
    pub enum KengetalBron {
        Handmatig => "handmatig",
        OpkomstDoelgroepPercentage => "opkomst_doelgroep_percentage",
        AanwezigTotaal => "aanwezig_totaal",
        StreefBehaaldPercentage => "streef_behaald_percentage",
        ThuiszittersGemiddeldOpPeildatum => "thuiszitters_gemiddeld_op_peildatum",
        DeelnameGoPercentage => "deelname_go_percentage",
        ArrangementenTotaal => "arrangementen_totaal",
        TlvBinnenTermijnPercentage => "tlv_binnen_termijn_percentage",
        BudgetBesteedPercentage => "budget_besteed_percentage",
        MdoTotaal => "mdo_totaal",
    }
}

impl KengetalBron {
    /// The three measures over the meetings of one kind.
    pub fn over_bijeenkomsten(self) -> bool {
        use KengetalBron::*;
        matches!(
            self,
            OpkomstDoelgroepPercentage | AanwezigTotaal | StreefBehaaldPercentage
        )
    }

    /// The unit a computed measure comes out in; `None` for a value entered by hand.
    pub fn eenheid(self) -> Option<KengetalEenheid> {
        use KengetalBron::*;
        match self {
            Handmatig => None,
            OpkomstDoelgroepPercentage
            | StreefBehaaldPercentage
            | DeelnameGoPercentage
            | TlvBinnenTermijnPercentage
            | BudgetBesteedPercentage => Some(KengetalEenheid::Percentage),
            AanwezigTotaal | ThuiszittersGemiddeldOpPeildatum | ArrangementenTotaal | MdoTotaal => {
                Some(KengetalEenheid::Aantal)
            }
        }
    }

    /// Whether the measure has a value per school year in the past (today's pupil numbers do not).
    pub fn heeft_historie(self) -> bool {
        self != KengetalBron::DeelnameGoPercentage
    }
}

crate::text_enum! {
    /// How a KPI stands against its target.
    pub enum KengetalSignaal {
        OpKoers => "op_koers",
        Aandacht => "aandacht",
        Risico => "risico",
    }
}

impl KengetalSignaal {
    /// `op_koers` when the target is met, `aandacht` when it is missed by at most a tenth of the
    /// target, `risico` otherwise.
    pub fn van(richting: Richting, streefwaarde: f64, waarde: f64) -> KengetalSignaal {
        let tekort = match richting {
            Richting::Minimaal => streefwaarde - waarde,
            Richting::Maximaal => waarde - streefwaarde,
        };
        if tekort <= 0.0 {
            KengetalSignaal::OpKoers
        } else if tekort <= 0.1 * streefwaarde.abs() + 1e-9 {
            KengetalSignaal::Aandacht
        } else {
            KengetalSignaal::Risico
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            KengetalSignaal::OpKoers => "Op koers",
            KengetalSignaal::Aandacht => "Aandacht",
            KengetalSignaal::Risico => "Risico",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signal_against_a_floor_and_a_ceiling() {
        use KengetalSignaal::*;
        assert_eq!(
            KengetalSignaal::van(Richting::Minimaal, 90.0, 90.0),
            OpKoers
        );
        assert_eq!(
            KengetalSignaal::van(Richting::Minimaal, 90.0, 81.0),
            Aandacht
        );
        assert_eq!(KengetalSignaal::van(Richting::Minimaal, 90.0, 80.9), Risico);
        assert_eq!(KengetalSignaal::van(Richting::Maximaal, 3.0, 3.3), Aandacht);
        assert_eq!(KengetalSignaal::van(Richting::Maximaal, 3.0, 3.8), Risico);
        assert_eq!(KengetalSignaal::van(Richting::Maximaal, 8.0, 7.0), OpKoers);
    }
}
