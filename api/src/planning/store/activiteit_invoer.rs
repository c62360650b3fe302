//! An activity as written, and the rules it must keep within the SWV and its plan.

use super::activiteitenplannen;
use super::streef::{Eenheid, Richting, Streef};
use crate::error::{ApiError, InvalidParam};
use crate::schema::{activiteiten, ambities, portefeuilles, projecten};
use crate::store_prelude::*;

crate::text_enum! {
    /// Planned at the start of the year (`gepland`) or done on top of the plan (`extra`).
    #[derive(Default)]
    pub enum ActiviteitSoort {
        #[default]
        Gepland => "gepland",
        Extra => "extra",
    }
}

/// An activity as written. Its evaluatie is set with `PUT /activiteiten/{id}/evaluatie`.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"activiteitenplanId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a12", "ambitieId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11", "omschrijving": "Drie IB-netwerkbijeenkomsten organiseren", "soort": "gepland", "portefeuilleId": null, "projectId": null, "streefwaarde": "minstens 60% opkomst", "streef": {"richting": "minimaal", "waarde": 60, "eenheid": "percentage"}, "verantwoordelijkeId": null}))]
pub struct ActiviteitInput {
    pub activiteitenplan_id: Id,
    /// Een ambitie van het ondersteuningsplan van het activiteitenplan.
    pub ambitie_id: Id,
    #[validate(
        length(min = 1, max = 4000, message = "moet 1 tot 4000 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(min_length = 1, max_length = 4000)]
    pub omschrijving: String,
    /// Een vastgesteld plan krijgt er alleen nog `extra` activiteiten bij.
    #[serde(default)]
    pub soort: ActiviteitSoort,
    #[serde(default)]
    pub portefeuille_id: Option<Id>,
    #[serde(default)]
    pub project_id: Option<Id>,
    #[serde(default)]
    #[validate(
        length(max = 500, message = "mag hoogstens 500 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 500)]
    pub streefwaarde: Option<String>,
    /// Het meetbare doel: Koers meet het uit de gekoppelde bijeenkomsten en stelt bij de
    /// evaluatie resultaat en signaal voor.
    #[serde(default)]
    #[validate(nested)]
    pub streef: Option<Streef>,
    /// Een gebruiker van het eigen samenwerkingsverband.
    #[serde(default)]
    pub verantwoordelijke_id: Option<Id>,
}

/// Checks the references of a body within the SWV and the rules between them; answers the plan
/// the activity goes into.
pub fn check_references(
    c: &mut DbConn,
    swv: Id,
    input: &ActiviteitInput,
) -> Result<activiteitenplannen::Activiteitenplan, ApiError> {
    let missing = "verwijst naar een record dat niet bestaat";
    let mut errors = Vec::new();
    let plan = activiteitenplannen::lookup(c, swv, input.activiteitenplan_id)?;
    if plan.is_none() {
        errors.push(InvalidParam::new("activiteitenplanId", missing));
    }
    let ambitie_plan: Option<Id> = ambities::table
        .filter(ambities::samenwerkingsverband_id.eq(swv))
        .filter(ambities::id.eq(input.ambitie_id))
        .select(ambities::ondersteuningsplan_id)
        .first(c)
        .optional()?;
    match (ambitie_plan, &plan) {
        (None, _) => errors.push(InvalidParam::new("ambitieId", missing)),
        (Some(op), Some(p)) if op != p.ondersteuningsplan_id => errors.push(InvalidParam::new(
            "ambitieId",
            "hoort niet bij het ondersteuningsplan van dit activiteitenplan",
        )),
        _ => {}
    }
    if let Some(id) = input.portefeuille_id {
        let ok: bool = diesel::select(diesel::dsl::exists(
            portefeuilles::table
                .filter(portefeuilles::samenwerkingsverband_id.eq(swv))
                .filter(portefeuilles::id.eq(id)),
        ))
        .get_result(c)?;
        if !ok {
            errors.push(InvalidParam::new("portefeuilleId", missing));
        }
    }
    if let Some(id) = input.project_id {
        let ok: bool = diesel::select(diesel::dsl::exists(
            projecten::table
                .filter(projecten::samenwerkingsverband_id.eq(swv))
                .filter(projecten::id.eq(id)),
        ))
        .get_result(c)?;
        if !ok {
            errors.push(InvalidParam::new("projectId", missing));
        }
    }
    if let Some(id) = input.verantwoordelijke_id {
        if !crate::domain::references::users_in_swv(c, swv, &[id])? {
            errors.push(InvalidParam::new(
                "verantwoordelijkeId",
                "is geen gebruiker van dit samenwerkingsverband",
            ));
        }
    }
    match plan {
        Some(p) if errors.is_empty() => Ok(p),
        _ => Err(ApiError::validation(errors)),
    }
}

/// The target's three columns as written.
#[allow(clippy::type_complexity)]
pub fn streef_columns(
    input: &ActiviteitInput,
) -> (
    diesel::dsl::Eq<activiteiten::streef_richting, Option<Richting>>,
    diesel::dsl::Eq<activiteiten::streef_waarde, Option<f64>>,
    diesel::dsl::Eq<activiteiten::streef_eenheid, Option<Eenheid>>,
) {
    let (richting, waarde, eenheid) = Streef::columns(input.streef.as_ref());
    (
        activiteiten::streef_richting.eq(richting),
        activiteiten::streef_waarde.eq(waarde),
        activiteiten::streef_eenheid.eq(eenheid),
    )
}

/// A vastgesteld plan takes no new planned work: only `extra` activities.
pub fn vastgesteld_refuses(plan: &activiteitenplannen::Activiteitenplan) -> ApiError {
    let mut e = ApiError::conflict(format!(
        "Het activiteitenplan {} is vastgesteld: er kunnen alleen nog activiteiten van soort 'extra' bij, geen geplande.",
        plan.schooljaar
    ));
    e.invalid_params.push(InvalidParam::new(
        "soort",
        "moet 'extra' zijn in een vastgesteld activiteitenplan",
    ));
    e
}
