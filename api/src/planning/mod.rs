//! Planning and accountability: the four-year ondersteuningsplan with its ambities, the yearly
//! activiteitenplan with its activiteiten and their evaluaties, portefeuilles and projecten with
//! their voortgang, the copy of a plan into the next school year and the year's account.

pub mod activiteiten;
pub mod activiteitenplannen;
pub mod ambities;
pub mod document;
pub mod ondersteuningsplannen;
pub mod portefeuilles;
pub mod projecten;
pub mod verantwoording;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    ondersteuningsplannen::configure(cfg);
    ambities::configure(cfg);
    activiteitenplannen::configure(cfg);
    verantwoording::configure(cfg);
    activiteiten::configure(cfg);
    portefeuilles::configure(cfg);
    projecten::configure(cfg);
}

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
            activiteiten::EvaluatieStatus::ALL,
            activiteiten::EvaluatieStatus::as_str,
        );
        crate::db::assert_text_enum(
            projecten::ProjectStatus::ALL,
            projecten::ProjectStatus::as_str,
        );
        assert_eq!(
            activiteiten::EvaluatieStatus::parse("niet_uitgevoerd"),
            Some(activiteiten::EvaluatieStatus::NietUitgevoerd)
        );
    }
}
