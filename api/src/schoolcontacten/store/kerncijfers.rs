//! What the SWV did with one school in a school year, in counts only: the page a consulent opens
//! before she visits the school. No pupil is named, so reading it is not a pupil-level read.

use chrono::NaiveDate;

use crate::store_prelude::*;

use crate::arrangementen::store::ArrangementStatus;
use crate::bijeenkomsten::store::{AanmeldingStatus, BijeenkomstStatus};
use crate::schema::{
    aanmeldingen, arrangementen, bijeenkomsten, leerlingen, mdos, scholen, schoolcontacten as sc,
    thuiszitters, tlvs,
};

/// One school's counts in a school year.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a31", "schooljaar": "2026-2027", "contacten": 4,
    "laatsteContact": "2026-11-18", "openVervolgen": 1, "arrangementen": 3, "mdos": 5,
    "tlvAanvragen": 2, "thuiszittersOpen": 0, "bijeenkomstenBijgewoond": 6, "aanwezigen": 11
}))]
pub struct SchoolKerncijfers {
    pub school_id: Id,
    pub schooljaar: String,
    /// Schoolcontacten in het schooljaar.
    pub contacten: i64,
    /// De datum van het laatste contact in het schooljaar.
    pub laatste_contact: Option<NaiveDate>,
    /// Contacten (uit elk jaar) met een vervolg dat nog niet gedaan is.
    pub open_vervolgen: i64,
    /// Toegekende, lopende of beëindigde arrangementen van het schooljaar (niet afgewezen of
    /// ingetrokken).
    pub arrangementen: i64,
    /// MDO's in het schooljaar.
    pub mdos: i64,
    /// TLV-aanvragen met deze school van herkomst, ontvangen in het schooljaar.
    pub tlv_aanvragen: i64,
    /// Open thuiszittersdossiers van de school (de school van het dossier, anders die van de
    /// leerling).
    pub thuiszitters_open: i64,
    /// Bijeenkomsten van het schooljaar (niet geannuleerd) met minstens één aanwezige van de school.
    pub bijeenkomsten_bijgewoond: i64,
    /// Aanwezigen van de school bij die bijeenkomsten, opgeteld.
    pub aanwezigen: i64,
}

/// `404` unless `school` is a school of the SWV.
pub fn school_of(c: &mut DbConn, swv: Id, school: Id) -> Result<(), ApiError> {
    let exists: bool = diesel::select(diesel::dsl::exists(
        scholen::table
            .filter(scholen::samenwerkingsverband_id.eq(swv))
            .filter(scholen::id.eq(school)),
    ))
    .get_result(c)?;
    exists.then_some(()).ok_or_else(ApiError::not_found)
}

pub fn kerncijfers(
    c: &mut DbConn,
    swv: Id,
    school: Id,
    jaar: &str,
) -> Result<SchoolKerncijfers, ApiError> {
    let contacten = sc::table
        .filter(sc::samenwerkingsverband_id.eq(swv))
        .filter(sc::school_id.eq(school))
        .filter(sc::schooljaar.eq(jaar));
    let (aantal, laatste): (i64, Option<NaiveDate>) = contacten
        .select((diesel::dsl::count_star(), diesel::dsl::max(sc::datum)))
        .first(c)?;
    let open_vervolgen: i64 = sc::table
        .filter(sc::samenwerkingsverband_id.eq(swv))
        .filter(sc::school_id.eq(school))
        .filter(sc::vervolg_op.is_not_null())
        .filter(sc::vervolg_gedaan.eq(false))
        .count()
        .get_result(c)?;
    let arrangementen: i64 = arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .filter(arrangementen::school_id.eq(school))
        .filter(arrangementen::schooljaar.eq(jaar))
        .filter(
            arrangementen::status
                .ne_all([ArrangementStatus::Afgewezen, ArrangementStatus::Ingetrokken]),
        )
        .count()
        .get_result(c)?;
    let mdos: i64 = mdos::table
        .filter(mdos::samenwerkingsverband_id.eq(swv))
        .filter(mdos::school_id.eq(school))
        .filter(mdos::schooljaar.eq(jaar))
        .count()
        .get_result(c)?;
    let tlv_aanvragen: i64 = tlvs::table
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::school_van_herkomst_id.eq(school))
        .filter(tlvs::schooljaar.eq(jaar))
        .count()
        .get_result(c)?;
    let van_de_school = leerlingen::table
        .filter(leerlingen::samenwerkingsverband_id.eq(swv))
        .filter(leerlingen::school_id.eq(school))
        .select(leerlingen::id);
    let thuiszitters_open: i64 = thuiszitters::table
        .filter(thuiszitters::samenwerkingsverband_id.eq(swv))
        .filter(thuiszitters::einddatum.is_null())
        .filter(
            thuiszitters::school_id
                .eq(school)
                .or(thuiszitters::school_id
                    .is_null()
                    .and(thuiszitters::leerling_id.eq_any(van_de_school))),
        )
        .count()
        .get_result(c)?;
    let per_meeting: Vec<(Id, i64)> = aanmeldingen::table
        .inner_join(bijeenkomsten::table)
        .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
        .filter(bijeenkomsten::schooljaar.eq(jaar))
        .filter(bijeenkomsten::status.ne(BijeenkomstStatus::Geannuleerd))
        .filter(aanmeldingen::school_id.eq(school))
        .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
        .filter(aanmeldingen::aanwezig.eq(true))
        .group_by(bijeenkomsten::id)
        .select((bijeenkomsten::id, diesel::dsl::count_star()))
        .load(c)?;
    Ok(SchoolKerncijfers {
        school_id: school,
        schooljaar: jaar.to_string(),
        contacten: aantal,
        laatste_contact: laatste,
        open_vervolgen,
        arrangementen,
        mdos,
        tlv_aanvragen,
        thuiszitters_open,
        bijeenkomsten_bijgewoond: per_meeting.len() as i64,
        aanwezigen: per_meeting.iter().map(|(_, n)| n).sum(),
    })
}
