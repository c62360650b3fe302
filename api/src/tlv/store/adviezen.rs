//! The advice of the experts on a request (Wpo art. 18a, WEC art. 40): who gave it, of which
//! discipline, and whether what is there is enough for a decision.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::{AdviesUitkomst, Discipline};
use super::stap;
use super::termijn;
use super::tlvs::{Advies, Tlv};
use crate::schema::tlv_adviezen;
use crate::store::Expect;

/// An expert's advice as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"deskundige": "drs. K. Vermeulen", "discipline": "orthopedagoog",
    "datum": "2016-10-20", "advies": "toelaatbaar", "toelichting": ""}))]
pub struct AdviesInput {
    /// De naam van de deskundige (een professional).
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub deskundige: String,
    pub discipline: Discipline,
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
    pub advies: AdviesUitkomst,
    #[serde(default)]
    #[validate(length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"))]
    #[schema(max_length = 4000)]
    pub toelichting: String,
}

/// The expert's name as it is compared: trimmed, inner spaces single, without case.
fn naam(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn kern(d: Discipline) -> bool {
    matches!(d, Discipline::Orthopedagoog | Discipline::Psycholoog)
}

/// Every condition of the advice a decision needs that `adviezen` do not meet: an
/// orthopedagoog or psycholoog, and a second, different expert whose discipline is not
/// `overig`.
pub fn ontbreekt<'a>(
    adviezen: impl IntoIterator<Item = (&'a str, Discipline)>,
) -> Vec<&'static str> {
    let adviezen: Vec<(String, Discipline)> =
        adviezen.into_iter().map(|(n, d)| (naam(n), d)).collect();
    let kernen: Vec<&String> = adviezen
        .iter()
        .filter(|(_, d)| kern(*d))
        .map(|(n, _)| n)
        .collect();
    let anderen: Vec<&String> = adviezen
        .iter()
        .filter(|(_, d)| *d != Discipline::Overig)
        .map(|(n, _)| n)
        .collect();
    let mut missing = Vec::new();
    if kernen.is_empty() {
        missing.push("orthopedagoog_of_psycholoog");
    }
    // A second expert besides one of the core disciplines, or (without one) any two.
    let paar = if kernen.is_empty() {
        anderen.iter().any(|a| anderen.iter().any(|b| a != b))
    } else {
        kernen.iter().any(|k| anderen.iter().any(|a| a != k))
    };
    if !paar {
        missing.push("tweede_deskundige");
    }
    missing
}

/// What `ontbreekt` reads of a request's advice.
pub fn deskundigen(adviezen: &[Advies]) -> impl Iterator<Item = (&str, Discipline)> {
    adviezen
        .iter()
        .map(|a| (a.deskundige.as_str(), a.discipline))
}

/// Adds an advice to an open request.
pub fn add(
    c: &mut DbConn,
    swv: Id,
    tlv: Id,
    expect: Expect,
    input: &AdviesInput,
) -> Result<(Tlv, Advies), ApiError> {
    let current = stap::begin(c, swv, tlv, expect)?;
    termijn::open(&current, "een advies toevoegen")?;
    let n = naam(&input.deskundige);
    if current.adviezen.iter().any(|a| naam(&a.deskundige) == n) {
        return Err(ApiError::field(
            "deskundige",
            "heeft over deze aanvraag al geadviseerd; een tweede advies moet van een andere deskundige komen",
        ));
    }
    let id = Id::new();
    diesel::insert_into(tlv_adviezen::table)
        .values((
            tlv_adviezen::id.eq(id),
            tlv_adviezen::tlv_id.eq(tlv),
            tlv_adviezen::deskundige.eq(input
                .deskundige
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")),
            tlv_adviezen::discipline.eq(input.discipline),
            tlv_adviezen::datum.eq(input.datum),
            tlv_adviezen::advies.eq(input.advies),
            tlv_adviezen::toelichting.eq(input.toelichting.trim()),
            tlv_adviezen::created_at.eq(time::now()),
        ))
        .execute(c)?;
    let tlv = stap::finish(c, swv, &current)?;
    let advies = tlv
        .adviezen
        .iter()
        .find(|a| a.id == id)
        .cloned()
        .ok_or_else(ApiError::not_found)?;
    Ok((tlv, advies))
}

/// Removes an advice from an open request.
pub fn remove(
    c: &mut DbConn,
    swv: Id,
    tlv: Id,
    advies: Id,
    expect: Expect,
) -> Result<Tlv, ApiError> {
    let current = stap::begin(c, swv, tlv, expect)?;
    if !current.adviezen.iter().any(|a| a.id == advies) {
        return Err(ApiError::not_found());
    }
    termijn::open(&current, "een advies verwijderen")?;
    diesel::delete(tlv_adviezen::table.filter(tlv_adviezen::id.eq(advies))).execute(c)?;
    stap::finish(c, swv, &current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Discipline::*;

    #[test]
    fn two_experts_one_of_them_orthopedagoog_or_psycholoog() {
        assert_eq!(
            ontbreekt([]),
            ["orthopedagoog_of_psycholoog", "tweede_deskundige"]
        );
        assert_eq!(
            ontbreekt([("A. Jansen", Orthopedagoog)]),
            ["tweede_deskundige"]
        );
        assert!(ontbreekt([("A. Jansen", Orthopedagoog), ("B. de Wit", Arts)]).is_empty());
        assert!(ontbreekt([("A. Jansen", Psycholoog), ("B. de Wit", Orthopedagoog)]).is_empty());
        // The second of discipline overig does not count.
        assert_eq!(
            ontbreekt([("A. Jansen", Psycholoog), ("B. de Wit", Overig)]),
            ["tweede_deskundige"]
        );
        // Two without the core discipline.
        assert_eq!(
            ontbreekt([("A. Jansen", Arts), ("B. de Wit", MaatschappelijkWerker)]),
            ["orthopedagoog_of_psycholoog"]
        );
        // The same expert twice, whatever the spelling, is one expert.
        assert_eq!(
            ontbreekt([("A. Jansen", Orthopedagoog), ("  a.  JANSEN ", Arts)]),
            ["tweede_deskundige"]
        );
    }
}
