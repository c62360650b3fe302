//! The objection to a decision (Awb 6:7-6:11) and the pupil's outflow from special education.
//! A `gegrond` objection reopens the request: its decision and objection become an earlier
//! decision and the clock starts again from the day the objection was decided.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::{AdviesLbt, BezwaarUitkomst, TlvStatus, Vervolg};
use super::tlvs::Tlv;
use super::{klok, stap};
use crate::schema::{tlv_bezwaren as b, tlv_eerdere_besluiten as e, tlvs as t};
use crate::store::Expect;

/// The objection as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"ontvangenOp": "2016-12-01", "verschoonbaar": false, "adviesLbt": null,
    "uitkomst": null, "beslistOp": null}))]
pub struct BezwaarInput {
    /// Niet voor de verzending van het besluit.
    #[validate(custom(function = "crate::domain::datum"))]
    pub ontvangen_op: NaiveDate,
    /// Of een te laat bezwaar toch in behandeling wordt genomen (Awb 6:11).
    #[serde(default)]
    pub verschoonbaar: bool,
    #[serde(default)]
    pub advies_lbt: Option<AdviesLbt>,
    /// Leeg zolang het bezwaar loopt; `gegrond` heropent de aanvraag.
    #[serde(default)]
    pub uitkomst: Option<BezwaarUitkomst>,
    /// Verplicht bij een uitkomst.
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub beslist_op: Option<NaiveDate>,
}

/// The outflow as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"datum": "2017-07-31", "vervolg": "regulier"}))]
pub struct UitstroomInput {
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
    pub vervolg: Vervolg,
}

/// Records (or corrects) the objection to the decision.
pub fn object(
    c: &mut DbConn,
    swv: Id,
    tlv: Id,
    expect: Expect,
    input: &BezwaarInput,
) -> Result<Tlv, ApiError> {
    let current = stap::begin(c, swv, tlv, expect)?;
    let Some(besluit) = current.besluit.clone() else {
        return Err(ApiError::conflict(
            "Er is nog geen besluit om bezwaar tegen te maken.",
        ));
    };
    if input.ontvangen_op < besluit.verzonden_op {
        return Err(ApiError::field(
            "ontvangenOp",
            "mag niet voor de verzending van het besluit liggen",
        ));
    }
    match (input.uitkomst, input.beslist_op) {
        (Some(_), None) => {
            return Err(ApiError::field(
                "beslistOp",
                "is verplicht bij een uitkomst",
            ))
        }
        (None, Some(_)) => {
            return Err(ApiError::field(
                "beslistOp",
                "hoort bij een uitkomst; laat het leeg zolang het bezwaar loopt",
            ))
        }
        (_, Some(b)) if b < input.ontvangen_op => {
            return Err(ApiError::field(
                "beslistOp",
                "mag niet voor de ontvangst van het bezwaar liggen",
            ))
        }
        _ => {}
    }
    let uiterlijk = klok::bezwaar_uiterlijk(besluit.verzonden_op);
    let tijdig = input.ontvangen_op <= uiterlijk;
    if !tijdig
        && !input.verschoonbaar
        && matches!(
            input.uitkomst,
            Some(BezwaarUitkomst::Gegrond | BezwaarUitkomst::Ongegrond)
        )
    {
        return Err(ApiError::conflict_on(
            "uitkomst",
            format!(
                "het bezwaar kwam na {} binnen en is niet verschoonbaar: alleen niet_ontvankelijk of ingetrokken",
                uiterlijk.format("%d-%m-%Y")
            ),
        ));
    }
    if input.uitkomst == Some(BezwaarUitkomst::Gegrond) {
        let beslist = input.beslist_op.unwrap_or(input.ontvangen_op);
        reopen(c, &current, input, beslist)?;
    } else {
        diesel::delete(b::table.filter(b::tlv_id.eq(tlv))).execute(c)?;
        diesel::insert_into(b::table)
            .values((
                b::tlv_id.eq(tlv),
                b::ontvangen_op.eq(input.ontvangen_op),
                b::verschoonbaar.eq(input.verschoonbaar),
                b::advies_lbt.eq(input.advies_lbt),
                b::uitkomst.eq(input.uitkomst),
                b::beslist_op.eq(input.beslist_op),
            ))
            .execute(c)?;
    }
    stap::finish(c, swv, &current)
}

/// Moves the decision and its objection to the earlier decisions and opens the request again.
fn reopen(
    c: &mut DbConn,
    current: &Tlv,
    input: &BezwaarInput,
    beslist: NaiveDate,
) -> Result<(), ApiError> {
    let b = current
        .besluit
        .as_ref()
        .ok_or_else(|| ApiError::internal("a reopened request has a decision"))?;
    diesel::insert_into(e::table)
        .values((
            e::id.eq(Id::new()),
            e::tlv_id.eq(current.id),
            e::besluit_datum.eq(b.datum),
            e::besluit_verzonden_op.eq(b.verzonden_op),
            e::besluit_uitkomst.eq(b.uitkomst),
            e::ingangsdatum.eq(b.ingangsdatum),
            e::einddatum.eq(b.einddatum),
            e::voorziening_school_id.eq(b.voorziening_school_id),
            e::motivering.eq(&b.motivering),
            e::bezwaar_ontvangen_op.eq(input.ontvangen_op),
            e::bezwaar_verschoonbaar.eq(input.verschoonbaar),
            e::bezwaar_advies_lbt.eq(input.advies_lbt),
            e::bezwaar_uitkomst.eq(BezwaarUitkomst::Gegrond),
            e::bezwaar_beslist_op.eq(Some(beslist)),
            e::created_at.eq(time::now()),
        ))
        .execute(c)?;
    diesel::delete(b::table.filter(b::tlv_id.eq(current.id))).execute(c)?;
    diesel::update(t::table.filter(t::id.eq(current.id)))
        .set((
            t::status.eq(TlvStatus::InBehandeling),
            t::termijn_vanaf.eq(beslist),
            t::verdaging_dagen.eq(0),
            t::verdaging_reden.eq(""),
            t::besluit_datum.eq(None::<NaiveDate>),
            t::besluit_verzonden_op.eq(None::<NaiveDate>),
            t::besluit_uitkomst.eq(None::<super::soorten::BesluitUitkomst>),
            t::ingangsdatum.eq(None::<NaiveDate>),
            t::einddatum.eq(None::<NaiveDate>),
            t::voorziening_school_id.eq(None::<Id>),
            t::motivering.eq(""),
            t::uitstroom_datum.eq(None::<NaiveDate>),
            t::uitstroom_vervolg.eq(None::<Vervolg>),
        ))
        .execute(c)?;
    Ok(())
}

/// Records where the pupil of a granted TLV went.
pub fn outflow(
    c: &mut DbConn,
    swv: Id,
    tlv: Id,
    expect: Expect,
    input: &UitstroomInput,
) -> Result<Tlv, ApiError> {
    let current = stap::begin(c, swv, tlv, expect)?;
    let Some(besluit) = current
        .besluit
        .as_ref()
        .filter(|_| current.status == TlvStatus::Toegekend)
    else {
        return Err(ApiError::conflict(
            "Uitstroom hoort bij een toegekende TLV.",
        ));
    };
    if input.datum < besluit.datum {
        return Err(ApiError::field("datum", "mag niet voor het besluit liggen"));
    }
    diesel::update(t::table.filter(t::id.eq(tlv)))
        .set((
            t::uitstroom_datum.eq(input.datum),
            t::uitstroom_vervolg.eq(input.vervolg),
        ))
        .execute(c)?;
    stap::finish(c, swv, &current)
}
