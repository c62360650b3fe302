//! One insertable row type per table. `treat_none_as_default_value = false` writes `None` as
//! NULL, which binary COPY needs and which lets SQLite take many rows in one statement.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::auth::Rol;
use crate::bijeenkomsten::store::{
    AanmeldingStatus, BijeenkomstSoort, BijeenkomstStatus, Bron, Functie, Vorm,
};
use crate::db::Id;
use crate::org::store::scholen::SchoolSoort;
use crate::org::store::swv::Sector;
use crate::planning::store::activiteiten::ActiviteitSoort;
use crate::planning::store::activiteitenplannen::PlanStatus;
use crate::planning::store::evaluaties::EvaluatieStatus;
use crate::planning::store::projecten::ProjectStatus;
use crate::planning::store::Signaal;
use crate::schema::*;

#[derive(Insertable)]
#[diesel(table_name = samenwerkingsverbanden, treat_none_as_default_value = false)]
pub struct Swv {
    pub id: Id,
    pub naam: String,
    pub code: String,
    pub sector: Sector,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = gemeenten, treat_none_as_default_value = false)]
pub struct Gemeente {
    pub id: Id,
    pub cbs_code: String,
    pub naam: String,
    pub actief_tot: Option<chrono::NaiveDate>,
    pub opgevolgd_door_id: Option<Id>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = schoolbesturen, treat_none_as_default_value = false)]
pub struct Schoolbestuur {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub naam: String,
    pub bevoegd_gezag_nummer: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = werkgebieden, treat_none_as_default_value = false)]
pub struct Werkgebied {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub naam: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = scholen, treat_none_as_default_value = false)]
pub struct School {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub naam: String,
    pub brin: String,
    pub soort: SchoolSoort,
    pub schoolbestuur_id: Id,
    pub gemeente_id: Id,
    pub werkgebied_id: Option<Id>,
    pub leerlingaantal: Option<i32>,
    pub consulent_id: Option<Id>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = gebruikers, treat_none_as_default_value = false)]
pub struct Gebruiker {
    pub id: Id,
    pub samenwerkingsverband_id: Option<Id>,
    pub email: String,
    pub naam: String,
    pub rol: Rol,
    pub actief: bool,
    pub wachtwoord_hash: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = ondersteuningsplannen, treat_none_as_default_value = false)]
pub struct Ondersteuningsplan {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub titel: String,
    pub van_jaar: i32,
    pub tot_jaar: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = ambities, treat_none_as_default_value = false)]
pub struct Ambitie {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub ondersteuningsplan_id: Id,
    pub nummer: i32,
    pub titel: String,
    pub doelstelling: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = activiteitenplannen, treat_none_as_default_value = false)]
pub struct Activiteitenplan {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub ondersteuningsplan_id: Id,
    pub schooljaar: String,
    pub status: PlanStatus,
    pub vooruitblik: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = portefeuilles, treat_none_as_default_value = false)]
pub struct Portefeuille {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub naam: String,
    pub omschrijving: Option<String>,
    pub jaarplan: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = portefeuille_eigenaren, treat_none_as_default_value = false)]
pub struct PortefeuilleEigenaar {
    pub portefeuille_id: Id,
    pub gebruiker_id: Id,
}

#[derive(Insertable)]
#[diesel(table_name = portefeuille_ambities, treat_none_as_default_value = false)]
pub struct PortefeuilleAmbitie {
    pub portefeuille_id: Id,
    pub ambitie_id: Id,
}

#[derive(Insertable)]
#[diesel(table_name = projecten, treat_none_as_default_value = false)]
pub struct Project {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub naam: String,
    pub omschrijving: Option<String>,
    pub portefeuille_id: Option<Id>,
    pub status: ProjectStatus,
    pub startdatum: Option<NaiveDate>,
    pub einddatum: Option<NaiveDate>,
    pub partner: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = project_ambities, treat_none_as_default_value = false)]
pub struct ProjectAmbitie {
    pub project_id: Id,
    pub ambitie_id: Id,
}

#[derive(Insertable)]
#[diesel(table_name = project_scholen, treat_none_as_default_value = false)]
pub struct ProjectSchool {
    pub project_id: Id,
    pub school_id: Id,
}

#[derive(Insertable)]
#[diesel(table_name = project_financiering, treat_none_as_default_value = false)]
pub struct ProjectFinanciering {
    pub project_id: Id,
    pub positie: i32,
    pub bron: String,
    pub bedrag_cent: i64,
}

#[derive(Insertable)]
#[diesel(table_name = voortgangsverslagen, treat_none_as_default_value = false)]
pub struct Voortgangsverslag {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub project_id: Id,
    pub datum: NaiveDate,
    pub toelichting: String,
    pub signaal: Option<Signaal>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = activiteiten, treat_none_as_default_value = false)]
pub struct Activiteit {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub activiteitenplan_id: Id,
    pub ambitie_id: Id,
    pub omschrijving: String,
    pub soort: ActiviteitSoort,
    pub portefeuille_id: Option<Id>,
    pub project_id: Option<Id>,
    pub streefwaarde: Option<String>,
    pub verantwoordelijke_id: Option<Id>,
    pub herkomst_id: Option<Id>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = evaluaties, treat_none_as_default_value = false)]
pub struct Evaluatie {
    pub activiteit_id: Id,
    pub samenwerkingsverband_id: Id,
    pub status: EvaluatieStatus,
    pub toelichting: Option<String>,
    pub resultaat: Option<f64>,
    pub signaal: Option<Signaal>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = bijeenkomsten, treat_none_as_default_value = false)]
pub struct Bijeenkomst {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub titel: String,
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    pub start: NaiveDateTime,
    pub eind: NaiveDateTime,
    pub schooljaar: String,
    pub vorm: Vorm,
    pub locatie: Option<String>,
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
    pub public_id: String,
    pub aanmelden_tot: Option<NaiveDateTime>,
    pub reeks_id: Option<Id>,
    pub volgnummer: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

#[derive(Insertable)]
#[diesel(table_name = aanmeldingen, treat_none_as_default_value = false)]
pub struct Aanmelding {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub bijeenkomst_id: Id,
    pub naam: String,
    pub email: String,
    pub email_sleutel: String,
    pub school_id: Option<Id>,
    pub functie: Functie,
    pub status: AanmeldingStatus,
    pub aanwezig: Option<bool>,
    pub positie: i64,
    pub bron: Bron,
    pub annuleer_sleutel: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

pub use super::rows_zorg::*;
