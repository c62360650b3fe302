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

use std::sync::LazyLock;

use diesel::prelude::*;
use regex::Regex;
use validator::ValidationError;

use crate::db::{DbConn, Id};
use crate::http::ApiError;
use crate::schema::{
    activiteiten as activiteiten_t, ambities as ambities_t, gebruikers, portefeuille_eigenaren,
    project_scholen,
};

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

static SCHOOLJAAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{4})$").expect("valid regex"));

/// The pattern of a schooljaar, for the OpenAPI document.
pub const SCHOOLJAAR_PATTERN: &str = "^[0-9]{4}-[0-9]{4}$";

const SCHOOLJAAR_REASON: &str =
    "moet twee opeenvolgende jaren zijn in de vorm YYYY-YYYY (bijv. 2024-2025)";

/// Whether `s` is a school year `YYYY-YYYY` of two consecutive years.
pub fn is_schooljaar(s: &str) -> bool {
    SCHOOLJAAR.captures(s).is_some_and(|c| {
        let (a, b) = (c[1].parse::<i32>(), c[2].parse::<i32>());
        matches!((a, b), (Ok(a), Ok(b)) if b == a + 1 && (1900..=2999).contains(&a))
    })
}

/// Validator for a `schooljaar` field.
pub fn schooljaar(s: &str) -> Result<(), ValidationError> {
    if is_schooljaar(s) {
        Ok(())
    } else {
        let mut e = ValidationError::new("schooljaar");
        e.message = Some(SCHOOLJAAR_REASON.into());
        Err(e)
    }
}

/// The `schooljaar` query parameter, checked like the field.
pub fn schooljaar_filter(q: &mut crate::http::ListQuery) -> Option<String> {
    let v = q.text("schooljaar")?;
    if is_schooljaar(&v) {
        Some(v)
    } else {
        q.reject("schooljaar", SCHOOLJAAR_REASON);
        None
    }
}

/// Validator for a date: within 1900-2200, so every backend stores it as given.
pub fn datum(d: &chrono::NaiveDate) -> Result<(), ValidationError> {
    use chrono::Datelike;
    if (1900..=2200).contains(&d.year()) {
        Ok(())
    } else {
        let mut e = ValidationError::new("datum");
        e.message = Some("moet tussen 1900 en 2200 liggen".into());
        Err(e)
    }
}

/// The ids without duplicates, in a stable order.
pub fn unique(ids: &[Id]) -> Vec<Id> {
    let mut v = ids.to_vec();
    v.sort();
    v.dedup();
    v
}

/// Whether every id names a user of this SWV.
pub fn users_in_swv(c: &mut DbConn, swv: Id, ids: &[Id]) -> Result<bool, ApiError> {
    let ids = unique(ids);
    if ids.is_empty() {
        return Ok(true);
    }
    let n: i64 = gebruikers::table
        .filter(gebruikers::samenwerkingsverband_id.eq(swv))
        .filter(gebruikers::id.eq_any(ids.clone()))
        .count()
        .get_result(c)?;
    Ok(n == ids.len() as i64)
}

/// Whether every id names an ambitie of this SWV.
pub fn ambities_in_swv(c: &mut DbConn, swv: Id, ids: &[Id]) -> Result<bool, ApiError> {
    let ids = unique(ids);
    if ids.is_empty() {
        return Ok(true);
    }
    let n: i64 = ambities_t::table
        .filter(ambities_t::samenwerkingsverband_id.eq(swv))
        .filter(ambities_t::id.eq_any(ids.clone()))
        .count()
        .get_result(c)?;
    Ok(n == ids.len() as i64)
}

/// Refuses (`409`) to delete a user, or move them to another SWV, while the plans of their SWV
/// still name them.
pub fn gebruiker_in_use(c: &mut DbConn, id: Id) -> Result<(), ApiError> {
    let n: i64 = activiteiten_t::table
        .filter(activiteiten_t::verantwoordelijke_id.eq(id))
        .count()
        .get_result(c)?;
    if n > 0 {
        return Err(crate::org::in_use(
            "Deze gebruiker",
            n,
            "activiteiten als verantwoordelijke",
        ));
    }
    let n: i64 = portefeuille_eigenaren::table
        .filter(portefeuille_eigenaren::gebruiker_id.eq(id))
        .count()
        .get_result(c)?;
    if n > 0 {
        return Err(crate::org::in_use(
            "Deze gebruiker",
            n,
            "portefeuilles als eigenaar",
        ));
    }
    Ok(())
}

/// Refuses (`409`) to delete a school that projects still name.
pub fn school_in_use(c: &mut DbConn, id: Id) -> Result<(), ApiError> {
    let n: i64 = project_scholen::table
        .filter(project_scholen::school_id.eq(id))
        .count()
        .get_result(c)?;
    if n > 0 {
        return Err(crate::org::in_use("Deze school", n, "projecten"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schooljaar_is_two_consecutive_years() {
        assert!(is_schooljaar("2022-2023"));
        assert!(!is_schooljaar("2022-2024"));
        assert!(!is_schooljaar("2023-2022"));
        assert!(!is_schooljaar("2022/2023"));
        assert!(!is_schooljaar("22-23"));
        assert!(!is_schooljaar(" 2022-2023"));
        assert!(!is_schooljaar("0999-1000"));
    }

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
