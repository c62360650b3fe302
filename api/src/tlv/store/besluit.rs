//! The decision on a request: granted for a period (to 31 July of the last school year by
//! default) at a school of the TLV's kind, or refused; only with the advice the law requires.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::{BesluitUitkomst, TlvSoort, TlvStatus};
use super::tlvs::Tlv;
use super::{adviezen, klok, opschortingen, stap, termijn};
use crate::org::store::scholen::SchoolSoort;
use crate::schema::{scholen, tlvs as t};
use crate::store::Expect;

/// The decision as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"datum": "2016-11-08", "verzondenOp": "2016-11-09", "uitkomst": "toegekend",
    "ingangsdatum": "2016-12-01", "duurJaren": 2, "voorzieningSchoolId": null,
    "motivering": "De deskundigen adviseren een plek in het SO."}))]
pub struct BesluitInput {
    /// Niet voor de dag van ontvangst van de aanvraag.
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
    /// Standaard `datum`.
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub verzonden_op: Option<NaiveDate>,
    pub uitkomst: BesluitUitkomst,
    /// Verplicht bij `toegekend`.
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub ingangsdatum: Option<NaiveDate>,
    /// Bij `toegekend` dit of `einddatum`: het aantal schooljaren, het schooljaar van de
    /// ingangsdatum als eerste. Wordt niet teruggegeven.
    #[serde(default)]
    #[validate(range(min = 1, max = 20, message = "moet 1 tot en met 20 jaar zijn"))]
    #[schema(minimum = 1, maximum = 20, write_only)]
    pub duur_jaren: Option<i32>,
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub einddatum: Option<NaiveDate>,
    /// Een school van de soort van de TLV (sbo, so of vso).
    #[serde(default)]
    pub voorziening_school_id: Option<Id>,
    #[serde(default)]
    #[validate(length(max = 8000, message = "mag hoogstens 8000 tekens lang zijn"))]
    #[schema(max_length = 8000)]
    pub motivering: String,
}

/// The period of a granted TLV: its start and end.
fn periode(input: &BesluitInput) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let ingang = input
        .ingangsdatum
        .ok_or_else(|| ApiError::field("ingangsdatum", "is verplicht bij een toegekende TLV"))?;
    let uit_duur = match input.duur_jaren {
        Some(j) => Some(
            klok::einddatum_na(ingang, j)
                .ok_or_else(|| ApiError::field("duurJaren", "is te lang"))?,
        ),
        None => None,
    };
    let eind = match (uit_duur, input.einddatum) {
        (None, None) => {
            return Err(ApiError::field(
                "duurJaren",
                "geef de duur in jaren of een einddatum",
            ))
        }
        (Some(a), Some(b)) if a != b => {
            return Err(ApiError::field(
                "einddatum",
                format!(
                    "past niet bij de duur: {} jaar eindigt op {}; geef een van beide",
                    input.duur_jaren.unwrap_or_default(),
                    a.format("%d-%m-%Y")
                ),
            ))
        }
        (Some(a), _) | (None, Some(a)) => a,
    };
    if eind < ingang {
        return Err(ApiError::field(
            "einddatum",
            "mag niet voor de ingangsdatum liggen",
        ));
    }
    Ok((ingang, eind))
}

fn check_school(c: &mut DbConn, swv: Id, soort: TlvSoort, school: Id) -> Result<(), ApiError> {
    let found: Option<SchoolSoort> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .filter(scholen::id.eq(school))
        .select(scholen::soort)
        .first(c)
        .optional()?;
    let verwacht = match soort {
        TlvSoort::Sbo => SchoolSoort::Sbo,
        TlvSoort::So => SchoolSoort::So,
        TlvSoort::Vso => SchoolSoort::Vso,
    };
    match found {
        None => Err(ApiError::field(
            "voorzieningSchoolId",
            "bestaat niet binnen dit samenwerkingsverband",
        )),
        Some(s) if s != verwacht => Err(ApiError::field(
            "voorzieningSchoolId",
            format!(
                "moet een school voor {} zijn, zoals de TLV (deze school is {})",
                verwacht.as_str(),
                s.as_str()
            ),
        )),
        Some(_) => Ok(()),
    }
}

/// Decides an open request.
pub fn decide(
    c: &mut DbConn,
    swv: Id,
    tlv: Id,
    expect: Expect,
    input: &BesluitInput,
) -> Result<Tlv, ApiError> {
    let current = stap::begin(c, swv, tlv, expect)?;
    termijn::open(&current, "een besluit nemen")?;
    if input.datum < current.ontvangen_op {
        return Err(ApiError::field(
            "datum",
            "mag niet voor de dag van ontvangst van de aanvraag liggen",
        ));
    }
    let verzonden = input.verzonden_op.unwrap_or(input.datum);
    if verzonden < input.datum {
        return Err(ApiError::field(
            "verzondenOp",
            "mag niet voor de datum van het besluit liggen",
        ));
    }
    let (ingang, eind, school) = match input.uitkomst {
        BesluitUitkomst::Toegekend => {
            let (ingang, eind) = periode(input)?;
            if let Some(s) = input.voorziening_school_id {
                check_school(c, swv, current.soort, s)?;
            }
            (Some(ingang), Some(eind), input.voorziening_school_id)
        }
        BesluitUitkomst::Afgewezen => {
            for (field, given) in [
                ("ingangsdatum", input.ingangsdatum.is_some()),
                ("duurJaren", input.duur_jaren.is_some()),
                ("einddatum", input.einddatum.is_some()),
                ("voorzieningSchoolId", input.voorziening_school_id.is_some()),
            ] {
                if given {
                    return Err(ApiError::field(
                        field,
                        "hoort niet bij een afwijzing; laat het leeg",
                    ));
                }
            }
            (None, None, None)
        }
    };
    let missing = adviezen::ontbreekt(adviezen::deskundigen(&current.adviezen));
    if !missing.is_empty() {
        return Err(ApiError::missing(
            "Voor een besluit zijn adviezen nodig van twee verschillende deskundigen, van wie één orthopedagoog of psycholoog.",
            &missing,
        ));
    }
    opschortingen::close_on(c, &current, input.datum)?;
    diesel::update(t::table.filter(t::id.eq(tlv)))
        .set((
            t::status.eq(match input.uitkomst {
                BesluitUitkomst::Toegekend => TlvStatus::Toegekend,
                BesluitUitkomst::Afgewezen => TlvStatus::Afgewezen,
            }),
            t::besluit_datum.eq(input.datum),
            t::besluit_verzonden_op.eq(verzonden),
            t::besluit_uitkomst.eq(input.uitkomst),
            t::ingangsdatum.eq(ingang),
            t::einddatum.eq(eind),
            t::voorziening_school_id.eq(school),
            t::motivering.eq(input.motivering.trim()),
        ))
        .execute(c)?;
    stap::finish(c, swv, &current)
}
