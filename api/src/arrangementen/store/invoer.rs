//! An arrangement as a client writes it, and the rules between its fields, the pupil, the
//! school and the arrangement it extends.

use chrono::NaiveDate;

use crate::store_prelude::*;

use crate::domain::References;
use crate::schema::{arrangementen, leerlingen, scholen};

use super::soorten::{ArrangementSoort, ArrangementStatus, Categorie};

/// An arrangement as a client writes it (`POST`, `PUT`; `PATCH` merges into it).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "soort": "individueel", "leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b",
    "categorie": "gedragsinterventietechnieken", "ondersteuningsniveau": 3,
    "startdatum": "2016-10-03", "einddatum": "2017-01-27", "urenPerWeek": 4.0, "bedragCent": 312000,
    "status": "aangevraagd"
}))]
pub struct ArrangementInput {
    pub soort: ArrangementSoort,
    /// Verplicht bij `individueel`, anders leeg.
    #[serde(default)]
    pub leerling_id: Option<Id>,
    /// Verplicht (1 of meer) bij `groep`, anders leeg.
    #[serde(default)]
    #[validate(range(min = 1, max = 1000, message = "moet 1 tot en met 1000 zijn"))]
    #[schema(minimum = 1, maximum = 1000)]
    pub aantal_leerlingen: Option<i32>,
    /// Een school van het samenwerkingsverband; bij `individueel` standaard de school van de leerling.
    #[serde(default)]
    pub school_id: Option<Id>,
    #[serde(default)]
    pub verlenging_van_id: Option<Id>,
    pub categorie: Categorie,
    #[validate(range(min = 2, max = 3, message = "moet 2 of 3 zijn"))]
    #[schema(minimum = 2, maximum = 3)]
    pub ondersteuningsniveau: i32,
    /// Standaard het leerjaar van de leerling bij het aanmaken.
    #[serde(default)]
    #[schema(minimum = 1, maximum = 8)]
    pub leerjaar: Option<i32>,
    #[validate(custom(function = "crate::domain::datum"))]
    pub startdatum: NaiveDate,
    #[validate(custom(function = "crate::domain::datum"))]
    pub einddatum: NaiveDate,
    #[serde(default)]
    #[validate(range(min = 0.0, max = 40.0, message = "moet 0 tot en met 40 uur zijn"))]
    #[schema(minimum = 0, maximum = 40)]
    pub uren_per_week: Option<f64>,
    /// In eurocenten.
    #[validate(range(
        min = 0,
        max = 10_000_000_000_i64,
        message = "moet 0 of meer zijn (en onder 100 miljoen euro)"
    ))]
    #[schema(minimum = 0)]
    pub bedrag_cent: i64,
    pub status: ArrangementStatus,
    /// Standaard vandaag wanneer de status `toegekend` wordt.
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub toegekend_op: Option<NaiveDate>,
    /// Werkaantekening; geen namen of andere persoonsgegevens.
    #[serde(default)]
    #[validate(length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"))]
    #[schema(max_length = 4000)]
    pub toelichting: String,
}

/// What the rules settle for the record beyond the input: the school, its werkgebied and the
/// year group.
pub struct Settled {
    pub school_id: Id,
    pub werkgebied_id: Option<Id>,
    pub leerjaar: Option<i32>,
}

/// Checks the input against the pupil, school and extended arrangement of the SWV. `current`
/// is the stored record on a change (its id, school and werkgebied, and its status).
pub fn check(
    c: &mut DbConn,
    swv: Id,
    input: &ArrangementInput,
    current: Option<(Id, Id, Option<Id>, ArrangementStatus)>,
) -> Result<Settled, ApiError> {
    if input.einddatum < input.startdatum {
        return Err(ApiError::field(
            "einddatum",
            "mag niet voor de startdatum liggen",
        ));
    }
    let individueel = input.soort == ArrangementSoort::Individueel;
    match (individueel, input.leerling_id) {
        (true, None) => {
            return Err(ApiError::field(
                "leerlingId",
                "is verplicht bij een individueel arrangement",
            ))
        }
        (false, Some(_)) => {
            return Err(ApiError::field(
                "leerlingId",
                "hoort alleen bij een individueel arrangement; laat het leeg",
            ))
        }
        _ => {}
    }
    match (
        input.soort == ArrangementSoort::Groep,
        input.aantal_leerlingen,
    ) {
        (true, None) => {
            return Err(ApiError::field(
                "aantalLeerlingen",
                "is verplicht bij een groepsarrangement",
            ))
        }
        (false, Some(_)) => {
            return Err(ApiError::field(
                "aantalLeerlingen",
                "hoort alleen bij een groepsarrangement; laat het leeg",
            ))
        }
        _ => {}
    }
    let pupil: Option<(Option<Id>, Option<i32>)> = match input.leerling_id {
        Some(l) => {
            let found = leerlingen::table
                .filter(leerlingen::samenwerkingsverband_id.eq(swv))
                .filter(leerlingen::id.eq(l))
                .select((leerlingen::school_id, leerlingen::leerjaar))
                .first(c)
                .optional()?;
            let mut refs = References::default();
            refs.check("leerlingId", found.is_some());
            refs.finish()?;
            found
        }
        None => None,
    };
    let school_id = input
        .school_id
        .or_else(|| pupil.and_then(|p| p.0))
        .ok_or_else(|| {
            ApiError::field(
                "schoolId",
                if individueel {
                    "is verplicht: de leerling staat niet op een school ingeschreven"
                } else {
                    "is verplicht"
                },
            )
        })?;
    let werkgebied: Option<Option<Id>> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .filter(scholen::id.eq(school_id))
        .select(scholen::werkgebied_id)
        .first(c)
        .optional()?;
    let mut refs = References::default();
    refs.check("schoolId", werkgebied.is_some());
    refs.finish()?;
    // The werkgebied is the school's when the arrangement was made; it moves only with the school.
    let werkgebied_id = match current {
        Some((_, school, gebied, _)) if school == school_id => gebied,
        _ => werkgebied.flatten(),
    };
    let leerjaar = match (current, input.leerjaar) {
        (None, None) => pupil.and_then(|p| p.1),
        (_, j) => j,
    };
    if let Some(j) = leerjaar {
        crate::org::store::swv::check_leerjaar(c, swv, j)?;
    }
    if let Some(van) = input.verlenging_van_id {
        extends(c, swv, input, school_id, van, current.map(|x| x.0))?;
    }
    match current {
        None if !matches!(
            input.status,
            ArrangementStatus::Aangevraagd | ArrangementStatus::Toegekend
        ) =>
        {
            return Err(ApiError::field(
                "status",
                "een nieuw arrangement is aangevraagd of toegekend",
            ))
        }
        Some((_, _, _, was)) if !was.may_become(input.status) => {
            return Err(ApiError::conflict(format!(
                "De status kan niet van {} naar {} gaan: een aanvraag wordt toegekend, afgewezen of ingetrokken, en een toegekend arrangement wordt beëindigd.",
                was.as_str(),
                input.status.as_str()
            )))
        }
        _ => {}
    }
    if input.toegekend_op.is_some() && !input.status.granted() {
        return Err(ApiError::field(
            "toegekendOp",
            "hoort pas bij een toegekend (of beëindigd) arrangement",
        ));
    }
    Ok(Settled {
        school_id,
        werkgebied_id,
        leerjaar,
    })
}

/// An extension continues a granted (or ended) arrangement of the same school, kind and pupil
/// that started earlier.
fn extends(
    c: &mut DbConn,
    swv: Id,
    input: &ArrangementInput,
    school_id: Id,
    van: Id,
    this: Option<Id>,
) -> Result<(), ApiError> {
    type Extended = (
        Id,
        ArrangementSoort,
        Option<Id>,
        NaiveDate,
        ArrangementStatus,
    );
    let found: Option<Extended> = arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::id.eq(van))
        .select((
            arrangementen::school_id,
            arrangementen::soort,
            arrangementen::leerling_id,
            arrangementen::startdatum,
            arrangementen::status,
        ))
        .first(c)
        .optional()?;
    let field = |reason: &str| Err(ApiError::field("verlengingVanId", reason));
    let Some((school, soort, leerling, start, status)) = found else {
        return field("bestaat niet binnen dit samenwerkingsverband");
    };
    if Some(van) == this {
        return field("een arrangement kan zichzelf niet verlengen");
    }
    if school != school_id || soort != input.soort || leerling != input.leerling_id {
        return field("moet een arrangement van dezelfde school, soort en leerling zijn");
    }
    if !status.granted() {
        return field("moet een toegekend of beëindigd arrangement zijn");
    }
    if start >= input.startdatum {
        return field("moet eerder begonnen zijn dan deze verlenging");
    }
    Ok(())
}
