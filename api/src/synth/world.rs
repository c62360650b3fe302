//! What every step of a synthetic run shares: the fixed dates and years, the national state and
//! the batch of rows a step writes.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::{rng, rows};
use crate::db::{DbConn, Id};

/// The platformbeheerder of the synthetic data.
pub const PLATFORM: &str = "platform@synth.example";
/// The ondersteuningsplan covers the school years 2021-2022 to 2025-2026.
pub const FIRST_YEAR: i32 = 2021;
pub const PLAN_YEARS: usize = 5;
/// Meetings run from 2021-2022 to the current school year, 2026-2027.
pub const MEETING_YEARS: usize = 6;
/// Rows per multi-row insert on SQLite: 16 columns × 400 stays far below its variable limit.
pub const SQLITE_CHUNK: usize = 400;

/// The fixed "today" of the data set (1 December 2026, 09:00 UTC), so that which meetings lie
/// in the past does not depend on the day the command runs.
pub fn synth_today() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap_or_default()
}

/// When the organisation records were entered.
pub fn synth_created() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 6, 1)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .unwrap_or_default()
}

/// The state that runs through all SWV's: the national counters and the shared records.
pub struct World {
    pub seed: u64,
    pub swvs: u32,
    pub ids: rng::Ids,
    pub hash: String,
    pub today: NaiveDateTime,
    pub created: NaiveDateTime,
    pub gemeenten: Vec<(Id, String)>,
    pub po: u32,
    pub vo: u32,
    pub besturen: u64,
    pub scholen: u64,
    pub bijeenkomsten: u64,
}

macro_rules! batch {
    ($($table:ident: $row:ident),* $(,)?) => {
        /// The rows of one step (the national records, or one SWV), per table in an order that
        /// satisfies the foreign keys.
        #[derive(Default)]
        pub struct Batch {
            $(pub $table: Vec<rows::$row>,)*
        }

        impl Batch {
            pub const TABLES: &'static [&'static str] = &[$(stringify!($table)),*];

            pub fn lens(&self) -> Vec<u64> {
                vec![$(self.$table.len() as u64),*]
            }

            pub fn write(&self, c: &mut DbConn) -> QueryResult<()> {
                $(
                    if !self.$table.is_empty() {
                        match c {
                            DbConn::Pg(pg) => {
                                diesel::copy_from(crate::schema::$table::table)
                                    .from_insertable(&self.$table)
                                    .execute(pg)?;
                            }
                            DbConn::Sqlite(lite) => {
                                for chunk in self.$table.chunks(SQLITE_CHUNK) {
                                    diesel::insert_into(crate::schema::$table::table)
                                        .values(chunk)
                                        .execute(lite)?;
                                }
                            }
                        }
                    }
                )*
                Ok(())
            }
        }
    };
}

batch! {
    samenwerkingsverbanden: Swv,
    gemeenten: Gemeente,
    schoolbesturen: Schoolbestuur,
    werkgebieden: Werkgebied,
    // Users before schools: a school names its consulent.
    gebruikers: Gebruiker,
    scholen: School,
    ondersteuningsplannen: Ondersteuningsplan,
    ambities: Ambitie,
    activiteitenplannen: Activiteitenplan,
    portefeuilles: Portefeuille,
    portefeuille_eigenaren: PortefeuilleEigenaar,
    portefeuille_ambities: PortefeuilleAmbitie,
    projecten: Project,
    project_ambities: ProjectAmbitie,
    project_scholen: ProjectSchool,
    project_financiering: ProjectFinanciering,
    voortgangsverslagen: Voortgangsverslag,
    activiteiten: Activiteit,
    evaluaties: Evaluatie,
    bijeenkomsten: Bijeenkomst,
    aanmeldingen: Aanmelding,
    leerlingen: Leerling,
    budgetten: Budget,
    arrangementen: Arrangement,
    mdos: Mdo,
    tlvs: Tlv,
    tlv_adviezen: TlvAdvies,
    tlv_opschortingen: TlvOpschorting,
    tlv_bezwaren: TlvBezwaar,
    thuiszitters: Thuiszitter,
    thuiszitter_verloop: ThuiszitterVerloop,
    schoolcontacten: Schoolcontact,
}
