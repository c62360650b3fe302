//! The insertable rows of the pupil-level areas and the consulent's contacts with schools: the
//! records the SWV keeps about children and their schools, written like every other row.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::Id;
use crate::schema::*;

#[derive(Insertable)]
#[diesel(table_name = leerlingen, treat_none_as_default_value = false)]
pub struct Leerling {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub referentie: String,
    pub geboortemaand: String,
    pub geslacht: crate::leerlingen::store::Geslacht,
    pub woongemeente_id: Id,
    pub school_id: Option<Id>,
    pub leerjaar: Option<i32>,
    pub geanonimiseerd: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable, Clone)]
#[diesel(table_name = arrangementen, treat_none_as_default_value = false)]
pub struct Arrangement {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub soort: crate::arrangementen::store::ArrangementSoort,
    pub leerling_id: Option<Id>,
    pub aantal_leerlingen: Option<i32>,
    pub school_id: Id,
    pub werkgebied_id: Option<Id>,
    pub verlenging_van_id: Option<Id>,
    pub categorie: crate::arrangementen::store::Categorie,
    pub ondersteuningsniveau: i32,
    pub leerjaar: Option<i32>,
    pub startdatum: NaiveDate,
    pub einddatum: NaiveDate,
    pub uren_per_week: Option<f64>,
    pub bedrag_cent: i64,
    pub status: crate::arrangementen::store::ArrangementStatus,
    pub toegekend_op: Option<NaiveDate>,
    pub toelichting: String,
    pub schooljaar: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = budgetten, treat_none_as_default_value = false)]
pub struct Budget {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub werkgebied_id: Id,
    pub schooljaar: String,
    pub soort: crate::arrangementen::store::budgetten::BudgetSoort,
    pub bedrag_cent: i64,
    pub datum: NaiveDate,
    pub toelichting: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = mdos, treat_none_as_default_value = false)]
pub struct Mdo {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub datum: NaiveDate,
    pub school_id: Id,
    pub leerling_id: Option<Id>,
    pub ondersteuningsniveau: i32,
    pub consulent_aanwezig: bool,
    pub uitkomst: crate::mdos::store::Uitkomst,
    pub schooljaar: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable, Clone)]
#[diesel(table_name = tlvs, treat_none_as_default_value = false)]
pub struct Tlv {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub leerling_id: Id,
    pub school_van_herkomst_id: Option<Id>,
    pub soort: crate::tlv::store::TlvSoort,
    pub categorie: Option<crate::tlv::store::TlvCategorie>,
    pub aanvraag: crate::tlv::store::Aanvraag,
    pub verlenging_van_id: Option<Id>,
    pub tijdelijk: bool,
    pub ontvangen_op: NaiveDate,
    pub verdaging_dagen: i32,
    pub verdaging_reden: String,
    pub status: crate::tlv::store::TlvStatus,
    pub termijn_vanaf: NaiveDate,
    pub uiterlijke_beslisdatum: Option<NaiveDate>,
    pub resterend_bij_opschorting: Option<i32>,
    pub besluit_datum: Option<NaiveDate>,
    pub besluit_verzonden_op: Option<NaiveDate>,
    pub besluit_uitkomst: Option<crate::tlv::store::soorten::BesluitUitkomst>,
    pub ingangsdatum: Option<NaiveDate>,
    pub einddatum: Option<NaiveDate>,
    pub voorziening_school_id: Option<Id>,
    pub motivering: String,
    pub uitstroom_datum: Option<NaiveDate>,
    pub uitstroom_vervolg: Option<crate::tlv::store::soorten::Vervolg>,
    pub schooljaar: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = tlv_adviezen, treat_none_as_default_value = false)]
pub struct TlvAdvies {
    pub id: Id,
    pub tlv_id: Id,
    pub deskundige: String,
    pub discipline: crate::tlv::store::soorten::Discipline,
    pub datum: NaiveDate,
    pub advies: crate::tlv::store::soorten::AdviesUitkomst,
    pub toelichting: String,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = tlv_opschortingen, treat_none_as_default_value = false)]
pub struct TlvOpschorting {
    pub id: Id,
    pub tlv_id: Id,
    pub van: NaiveDate,
    pub tot: Option<NaiveDate>,
    pub reden: crate::tlv::store::soorten::OpschortingReden,
    pub toelichting: String,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = tlv_bezwaren, treat_none_as_default_value = false)]
pub struct TlvBezwaar {
    pub tlv_id: Id,
    pub ontvangen_op: NaiveDate,
    pub verschoonbaar: bool,
    pub advies_lbt: Option<crate::tlv::store::soorten::AdviesLbt>,
    pub uitkomst: Option<crate::tlv::store::soorten::BezwaarUitkomst>,
    pub beslist_op: Option<NaiveDate>,
}

#[derive(Insertable)]
#[diesel(table_name = thuiszitters, treat_none_as_default_value = false)]
pub struct Thuiszitter {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub leerling_id: Id,
    pub school_id: Option<Id>,
    pub startdatum: NaiveDate,
    pub einddatum: Option<NaiveDate>,
    pub eindreden: Option<crate::thuiszitters::store::soorten::Eindreden>,
    pub toelichting: String,
    pub laatste_categorie: crate::thuiszitters::store::soorten::ThuiszitterCategorie,
    pub laatste_perspectief: Option<crate::thuiszitters::store::soorten::Perspectief>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = thuiszitter_verloop, treat_none_as_default_value = false)]
pub struct ThuiszitterVerloop {
    pub id: Id,
    pub thuiszitter_id: Id,
    pub vanaf: NaiveDate,
    pub categorie: crate::thuiszitters::store::soorten::ThuiszitterCategorie,
    pub scenario: Option<crate::thuiszitters::store::soorten::Scenario>,
    pub screening5a: bool,
    pub perspectief: Option<crate::thuiszitters::store::soorten::Perspectief>,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = schoolcontacten, treat_none_as_default_value = false)]
pub struct Schoolcontact {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub school_id: Id,
    pub datum: NaiveDate,
    pub soort: crate::schoolcontacten::store::contacten::ContactSoort,
    pub consulent_id: Id,
    pub onderwerp: String,
    pub signaal: Option<crate::schoolcontacten::store::contacten::ContactSignaal>,
    pub vervolg_op: Option<NaiveDate>,
    pub vervolg_gedaan: bool,
    pub schooljaar: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}
