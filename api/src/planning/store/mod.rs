//! The plans' records and their queries, and the status light they share.

pub mod activiteit_invoer;
pub mod activiteiten;
pub mod activiteitenplannen;
pub mod ambities;
pub mod document;
pub mod evaluaties;
pub mod kopie;
pub mod ondersteuningsplannen;
pub mod portefeuilles;
pub mod projecten;
pub mod streef;
pub mod verantwoording;
pub mod voortgang;

crate::text_enum! {
    /// A status light: on course (`op_koers`), needs attention (`aandacht`), off course
    /// (`risico`), or finished work (`afgerond`).
    pub enum Signaal {
        OpKoers => "op_koers",
        Aandacht => "aandacht",
        Risico => "risico",
        Afgerond => "afgerond",
    }
}

impl Signaal {
    /// The Dutch label, for documents.
    pub fn label(self) -> &'static str {
        match self {
            Signaal::OpKoers => "op koers",
            Signaal::Aandacht => "aandacht",
            Signaal::Risico => "risico",
            Signaal::Afgerond => "afgerond",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_texts_match_serde() {
        crate::db::assert_text_enum(Signaal::ALL, Signaal::as_str);
        crate::db::assert_text_enum(
            activiteitenplannen::PlanStatus::ALL,
            activiteitenplannen::PlanStatus::as_str,
        );
        crate::db::assert_text_enum(
            activiteiten::ActiviteitSoort::ALL,
            activiteiten::ActiviteitSoort::as_str,
        );
        crate::db::assert_text_enum(
            evaluaties::EvaluatieStatus::ALL,
            evaluaties::EvaluatieStatus::as_str,
        );
        crate::db::assert_text_enum(
            projecten::ProjectStatus::ALL,
            projecten::ProjectStatus::as_str,
        );
        assert_eq!(
            evaluaties::EvaluatieStatus::parse("niet_uitgevoerd"),
            Some(evaluaties::EvaluatieStatus::NietUitgevoerd)
        );
    }
}
