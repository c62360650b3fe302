//! A meeting as a client writes it: the fields, the rules between them, and the stored columns
//! they become.

use super::rij::{new_public_id, whole_seconds};
use super::{BijeenkomstSoort, BijeenkomstStatus, Vorm};
use crate::schema::bijeenkomsten;
use crate::store_prelude::*;
use validator::{Validate, ValidationError};

/// A meeting as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[validate(schema(function = "rules_of_meeting", skip_on_field_errors = true))]
#[schema(example = json!({
    "titel": "IB-netwerk: conferentie lezen", "omschrijving": null, "soort": "ib_netwerk",
    "start": "2023-02-07T13:00:00Z", "eind": "2023-02-07T16:00:00Z", "vorm": "live", "locatie": "Haarlem",
    "minDeelnemers": null, "maxDeelnemers": 80, "streefOpkomst": null, "streefPercentage": 60, "doelgroepOmvang": 70,
    "activiteitId": null, "projectId": null, "portefeuilleId": null, "status": "gepland", "publiek": true, "aanmeldenTot": null, "herinneringUrenVooraf": 24
}))]
pub struct BijeenkomstInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub titel: String,
    #[serde(default)]
    #[validate(
        length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 4000)]
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    #[serde(with = "time")]
    #[validate(custom(function = "moment"))]
    #[schema(value_type = String, format = DateTime)]
    pub start: NaiveDateTime,
    /// Na de start.
    #[serde(with = "time")]
    #[validate(custom(function = "moment"))]
    #[schema(value_type = String, format = DateTime)]
    pub eind: NaiveDateTime,
    #[serde(default)]
    pub vorm: Vorm,
    #[serde(default)]
    #[validate(
        length(max = 300, message = "mag hoogstens 300 tekens lang zijn"),
        custom(function = "rules::single_line")
    )]
    #[schema(max_length = 300)]
    pub locatie: Option<String>,
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub min_deelnemers: Option<i32>,
    /// Niet kleiner dan `minDeelnemers`, en niet kleiner dan het aantal al aangemelde deelnemers.
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub max_deelnemers: Option<i32>,
    /// Niet samen met `streefPercentage`.
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub streef_opkomst: Option<i32>,
    /// Vraagt om `doelgroepOmvang`.
    #[serde(default)]
    #[validate(range(min = 0.0, max = 100.0, message = "moet tussen 0 en 100 liggen"))]
    #[schema(minimum = 0, maximum = 100)]
    pub streef_percentage: Option<f64>,
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub doelgroep_omvang: Option<i32>,
    #[serde(default)]
    pub activiteit_id: Option<Id>,
    #[serde(default)]
    pub project_id: Option<Id>,
    #[serde(default)]
    pub portefeuille_id: Option<Id>,
    #[serde(default)]
    pub status: BijeenkomstStatus,
    #[serde(default)]
    pub publiek: bool,
    /// Niet na de start.
    #[serde(default, with = "time::option")]
    #[validate(custom(function = "optional_moment"))]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub aanmelden_tot: Option<NaiveDateTime>,
    /// Zoveel uur voor de start krijgen de aangemelde deelnemers een herinnering per mail
    /// (standaard 24; `null`: geen herinnering).
    #[serde(default = "standaard_herinnering")]
    #[validate(range(min = 1, max = 168, message = "moet tussen 1 en 168 uur liggen"))]
    #[schema(minimum = 1, maximum = 168, default = 24)]
    pub herinnering_uren_vooraf: Option<i32>,
}

pub fn standaard_herinnering() -> Option<i32> {
    Some(24)
}

pub fn moment(t: &NaiveDateTime) -> Result<(), ValidationError> {
    crate::domain::datum(&t.date())
}

pub fn optional_moment(t: &NaiveDateTime) -> Result<(), ValidationError> {
    moment(t)
}

pub fn invalid(code: &'static str, message: &'static str) -> ValidationError {
    let mut e = ValidationError::new(code);
    e.message = Some(message.into());
    e
}

pub fn rules_of_meeting(i: &BijeenkomstInput) -> Result<(), ValidationError> {
    if i.eind <= i.start {
        return Err(invalid("eind", "moet na de start liggen"));
    }
    if let (Some(min), Some(max)) = (i.min_deelnemers, i.max_deelnemers) {
        if max < min {
            return Err(invalid(
                "maxDeelnemers",
                "mag niet kleiner zijn dan minDeelnemers",
            ));
        }
    }
    if i.streef_opkomst.is_some() && i.streef_percentage.is_some() {
        return Err(invalid(
            "streefPercentage",
            "een bijeenkomst heeft één streef: streefOpkomst of streefPercentage, niet beide",
        ));
    }
    if i.streef_percentage.is_some() && i.doelgroep_omvang.is_none() {
        return Err(invalid(
            "doelgroepOmvang",
            "is verplicht bij een streefPercentage",
        ));
    }
    if i.aanmelden_tot.is_some_and(|t| t > i.start) {
        return Err(invalid("aanmeldenTot", "mag niet na de start liggen"));
    }
    Ok(())
}

/// The stored columns a client writes, shared by insert and update.
#[derive(Insertable, AsChangeset)]
#[diesel(
    table_name = bijeenkomsten,
    check_for_backend(MultiBackend),
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
pub struct Fields<'a> {
    pub titel: &'a str,
    pub omschrijving: Option<&'a str>,
    pub soort: BijeenkomstSoort,
    pub start: NaiveDateTime,
    pub eind: NaiveDateTime,
    pub schooljaar: String,
    pub vorm: Vorm,
    pub locatie: Option<&'a str>,
    pub min_deelnemers: Option<i32>,
    pub max_deelnemers: Option<i32>,
    pub streef_opkomst: Option<i32>,
    pub streef_percentage: Option<f64>,
    pub doelgroep_omvang: Option<i32>,
    pub activiteit_id: Option<Id>,
    pub project_id: Option<Id>,
    pub portefeuille_id: Option<Id>,
    pub status: BijeenkomstStatus,
    pub publiek: bool,
    pub aanmelden_tot: Option<NaiveDateTime>,
    pub herinnering_uren_vooraf: Option<i32>,
}

impl<'a> Fields<'a> {
    pub fn of(input: &'a BijeenkomstInput) -> Fields<'a> {
        let start = whole_seconds(input.start);
        Fields {
            titel: input.titel.trim(),
            omschrijving: input.omschrijving.as_deref(),
            soort: input.soort,
            start,
            eind: whole_seconds(input.eind),
            schooljaar: crate::domain::schooljaar_of(start),
            vorm: input.vorm,
            locatie: input.locatie.as_deref(),
            min_deelnemers: input.min_deelnemers,
            max_deelnemers: input.max_deelnemers,
            streef_opkomst: input.streef_opkomst,
            streef_percentage: input.streef_percentage,
            doelgroep_omvang: input.doelgroep_omvang,
            activiteit_id: input.activiteit_id,
            project_id: input.project_id,
            portefeuille_id: input.portefeuille_id,
            status: input.status,
            publiek: input.publiek,
            aanmelden_tot: input.aanmelden_tot.map(whole_seconds),
            herinnering_uren_vooraf: input.herinnering_uren_vooraf,
        }
    }
}

/// Stores a new meeting; `reeks` names the first meeting of its series.
pub fn insert_row(
    c: &mut DbConn,
    swv: Id,
    id: Id,
    input: &BijeenkomstInput,
    reeks: Option<Id>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::insert_into(bijeenkomsten::table)
        .values((
            bijeenkomsten::id.eq(id),
            bijeenkomsten::samenwerkingsverband_id.eq(swv),
            Fields::of(input),
            bijeenkomsten::public_id.eq(new_public_id()),
            bijeenkomsten::reeks_id.eq(reeks),
            bijeenkomsten::volgnummer.eq(0_i64),
            bijeenkomsten::created_at.eq(now),
            bijeenkomsten::updated_at.eq(now),
            bijeenkomsten::versie.eq(1),
        ))
        .execute(c)?;
    Ok(())
}
