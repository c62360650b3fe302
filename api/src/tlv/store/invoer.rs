//! A TLV request as a client writes it, the rules between its fields, the pupil, the school
//! and the TLV it extends, and the life cycle of the stored record.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::{Aanvraag, TlvCategorie, TlvSoort, TlvStatus};
use super::termijn;
use super::tlvs::{self, Tlv};
use crate::domain::{schooljaar_van, References};
use crate::org::store::swv::Sector;
use crate::schema::{samenwerkingsverbanden, tlvs as t};

/// A TLV request as a client writes it (`POST`, `PUT`; `PATCH` merges into it).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "schoolVanHerkomstId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03",
    "soort": "so", "categorie": "laag", "aanvraag": "nieuw", "tijdelijk": false, "ontvangenOp": "2016-10-03"
}))]
pub struct TlvInput {
    pub leerling_id: Id,
    #[serde(default)]
    pub school_van_herkomst_id: Option<Id>,
    /// `sbo` of `so` in het primair onderwijs, `vso` in het voortgezet onderwijs.
    pub soort: TlvSoort,
    /// Verplicht bij `so` en `vso`, leeg bij `sbo`.
    #[serde(default)]
    pub categorie: Option<TlvCategorie>,
    pub aanvraag: Aanvraag,
    /// Een eerdere TLV van dezelfde leerling.
    #[serde(default)]
    pub verlenging_van_id: Option<Id>,
    #[serde(default)]
    pub tijdelijk: bool,
    #[validate(custom(function = "crate::domain::datum"))]
    pub ontvangen_op: NaiveDate,
    /// Eén verdaging (0-42 dagen), vast te leggen voordat de termijn verstreken is.
    #[serde(default)]
    #[validate(range(min = 0, max = 42, message = "moet 0 tot en met 42 dagen zijn"))]
    #[schema(minimum = 0, maximum = 42, default = 0)]
    pub verdaging_dagen: i32,
    /// Verplicht bij een verdaging.
    #[serde(default)]
    #[validate(length(max = 2000, message = "mag hoogstens 2000 tekens lang zijn"))]
    #[schema(max_length = 2000)]
    pub verdaging_reden: String,
    /// Alleen `ingetrokken` is te schrijven (vanuit `in_behandeling`); de rest volgt uit het besluit.
    #[serde(default = "in_behandeling")]
    pub status: TlvStatus,
}

fn in_behandeling() -> TlvStatus {
    TlvStatus::InBehandeling
}

impl From<&Tlv> for TlvInput {
    fn from(t: &Tlv) -> Self {
        TlvInput {
            leerling_id: t.leerling_id,
            school_van_herkomst_id: t.school_van_herkomst_id,
            soort: t.soort,
            categorie: t.categorie,
            aanvraag: t.aanvraag,
            verlenging_van_id: t.verlenging_van_id,
            tijdelijk: t.tijdelijk,
            ontvangen_op: t.ontvangen_op,
            verdaging_dagen: t.verdaging_dagen,
            verdaging_reden: t.verdaging_reden.clone(),
            status: t.status,
        }
    }
}

/// The rules of the fields among themselves and against the SWV's records. `current` is the
/// stored record on a change.
fn check(c: &mut DbConn, swv: Id, input: &TlvInput, current: Option<&Tlv>) -> Result<(), ApiError> {
    let sector: Sector = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(swv))
        .select(samenwerkingsverbanden::sector)
        .first(c)?;
    let past = match sector {
        Sector::Po => matches!(input.soort, TlvSoort::Sbo | TlvSoort::So),
        Sector::Vo => input.soort == TlvSoort::Vso,
    };
    if !past {
        return Err(ApiError::field(
            "soort",
            match sector {
                Sector::Po => "moet sbo of so zijn in het primair onderwijs",
                Sector::Vo => "moet vso zijn in het voortgezet onderwijs",
            },
        ));
    }
    match (input.soort, input.categorie) {
        (TlvSoort::Sbo, Some(_)) => {
            return Err(ApiError::field(
                "categorie",
                "hoort niet bij een TLV voor het sbo; laat het leeg",
            ))
        }
        (TlvSoort::So | TlvSoort::Vso, None) => {
            return Err(ApiError::field(
                "categorie",
                "is verplicht bij een TLV voor het so of vso (laag, midden of hoog)",
            ))
        }
        _ => {}
    }
    if input.verdaging_dagen > 0 && input.verdaging_reden.trim().is_empty() {
        return Err(ApiError::field(
            "verdagingReden",
            "is verplicht bij een verdaging",
        ));
    }
    let mut refs = References::default();
    refs.check(
        "leerlingId",
        crate::in_swv!(c, leerlingen, swv, input.leerling_id)?,
    );
    if let Some(s) = input.school_van_herkomst_id {
        refs.check("schoolVanHerkomstId", crate::in_swv!(c, scholen, swv, s)?);
    }
    refs.finish()?;
    if let Some(van) = input.verlenging_van_id {
        extends(c, swv, input, van, current.map(|t| t.id))?;
    }
    match current {
        None if input.status != TlvStatus::InBehandeling => Err(ApiError::field(
            "status",
            "een nieuwe aanvraag is in behandeling",
        )),
        Some(cur) => check_change(cur, input),
        None => Ok(()),
    }
}

/// An extension or reassessment follows an earlier TLV of the same pupil.
fn extends(
    c: &mut DbConn,
    swv: Id,
    input: &TlvInput,
    van: Id,
    this: Option<Id>,
) -> Result<(), ApiError> {
    let found: Option<(Id, NaiveDate)> = tlvs::scoped(swv)
        .filter(t::id.eq(van))
        .select((t::leerling_id, t::ontvangen_op))
        .first(c)
        .optional()?;
    let field = |reason: &str| Err(ApiError::field("verlengingVanId", reason));
    let Some((leerling, ontvangen)) = found else {
        return field("bestaat niet binnen dit samenwerkingsverband");
    };
    if Some(van) == this {
        return field("een TLV kan zichzelf niet verlengen");
    }
    if leerling != input.leerling_id {
        return field("moet een TLV van dezelfde leerling zijn");
    }
    if ontvangen > input.ontvangen_op {
        return field("moet een eerdere TLV zijn");
    }
    Ok(())
}

impl Store for Tlv {
    type Input = TlvInput;
    type Scope = Id;
    const TABLE: &'static str = "tlvs";

    fn input(&self) -> TlvInput {
        TlvInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        tlvs::find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &TlvInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check(c, swv, input, None)?;
        diesel::insert_into(t::table)
            .values((
                t::id.eq(id),
                t::samenwerkingsverband_id.eq(swv),
                t::leerling_id.eq(input.leerling_id),
                t::school_van_herkomst_id.eq(input.school_van_herkomst_id),
                t::soort.eq(input.soort),
                t::categorie.eq(input.categorie),
                t::aanvraag.eq(input.aanvraag),
                t::verlenging_van_id.eq(input.verlenging_van_id),
                t::tijdelijk.eq(input.tijdelijk),
                t::ontvangen_op.eq(input.ontvangen_op),
                t::verdaging_dagen.eq(input.verdaging_dagen),
                t::verdaging_reden.eq(input.verdaging_reden.trim()),
                t::status.eq(input.status),
                t::termijn_vanaf.eq(input.ontvangen_op),
                t::motivering.eq(""),
                t::schooljaar.eq(schooljaar_van(input.ontvangen_op)),
                t::created_at.eq(now),
                t::updated_at.eq(now),
                t::versie.eq(1),
            ))
            .execute(c)?;
        termijn::herbereken(c, swv, id)
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &TlvInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check(c, swv, input, Some(current))?;
        // The clock starts at the day received until an objection reopened the request.
        let vanaf = if current.termijn_vanaf == current.ontvangen_op {
            input.ontvangen_op
        } else {
            current.termijn_vanaf
        };
        let n = diesel::update(
            t::table
                .filter(t::id.eq(current.id))
                .filter(t::versie.eq(current.versie)),
        )
        .set((
            t::leerling_id.eq(input.leerling_id),
            t::school_van_herkomst_id.eq(input.school_van_herkomst_id),
            t::soort.eq(input.soort),
            t::categorie.eq(input.categorie),
            t::aanvraag.eq(input.aanvraag),
            t::verlenging_van_id.eq(input.verlenging_van_id),
            t::tijdelijk.eq(input.tijdelijk),
            t::ontvangen_op.eq(input.ontvangen_op),
            t::verdaging_dagen.eq(input.verdaging_dagen),
            t::verdaging_reden.eq(input.verdaging_reden.trim()),
            t::status.eq(input.status),
            t::termijn_vanaf.eq(vanaf),
            t::schooljaar.eq(schooljaar_van(input.ontvangen_op)),
            t::updated_at.eq(now),
            t::versie.eq(current.versie + 1),
        ))
        .execute(c)?;
        if n > 0 {
            termijn::herbereken(c, swv, current.id)?;
        }
        Ok(n)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            t::table
                .filter(t::id.eq(current.id))
                .filter(t::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

/// What a change of the request may do to its status and verdaging.
fn check_change(cur: &Tlv, input: &TlvInput) -> Result<(), ApiError> {
    if input.status != cur.status
        && !(cur.status == TlvStatus::InBehandeling && input.status == TlvStatus::Ingetrokken)
    {
        return Err(ApiError::conflict_on(
            "status",
            "alleen een aanvraag in behandeling kan worden ingetrokken; de andere statussen volgen uit het besluit",
        ));
    }
    if input.verdaging_dagen != cur.verdaging_dagen {
        if cur.status != TlvStatus::InBehandeling {
            return Err(ApiError::conflict_on(
                "verdagingDagen",
                "de aanvraag is niet meer in behandeling",
            ));
        }
        if cur.verdaging_dagen > 0 {
            return Err(ApiError::conflict_on(
                "verdagingDagen",
                "de beslistermijn is al eens verdaagd; dat kan maar één keer",
            ));
        }
        if let Some(d) = cur.uiterlijke_beslisdatum {
            if time::today() > d {
                return Err(ApiError::conflict_on(
                    "verdagingDagen",
                    format!(
                        "de termijn is op {} verstreken; verdagen kan alleen daarvoor",
                        d.format("%d-%m-%Y")
                    ),
                ));
            }
        }
    }
    Ok(())
}
