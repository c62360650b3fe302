//! What still refers to a record: declared once per table, read by every delete. A record that
//! others refer to is not deleted (`409`, naming how many and what), and no area calls into
//! another to guard its deletes. Children that belong to their parent (a project's schools, a
//! meeting's registrations) go with it: they are listed as owned, not as referrers.

use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::schema;

/// A table and column that refer to a record.
pub struct Referrer {
    pub table: &'static str,
    pub column: &'static str,
    /// The referring records in the words of the `409` ("projecten").
    pub by: &'static str,
    count: fn(&mut DbConn, Id) -> QueryResult<i64>,
}

/// The records that refer to a table's records, in the order they are checked.
pub struct Guard {
    pub table: &'static str,
    /// The record in the words of the `409` ("Deze school").
    pub subject: &'static str,
    pub referrers: &'static [Referrer],
}

macro_rules! referrer {
    ($table:ident . $column:ident, $by:literal) => {
        Referrer {
            table: stringify!($table),
            column: stringify!($column),
            by: $by,
            count: |c, id| {
                schema::$table::table
                    .filter(schema::$table::$column.eq(id))
                    .count()
                    .get_result(c)
            },
        }
    };
}

/// A table's guard: its subject in the words of the `409`, then each column that refers to it
/// with the referring records in those words.
macro_rules! guard {
    ($table:literal, $subject:literal: $($t:ident . $col:ident => $by:literal),+ $(,)?) => {
        Guard {
            table: $table,
            subject: $subject,
            referrers: &[$(referrer!($t.$col, $by)),+],
        }
    };
}

pub static GUARDS: &[Guard] = &[
    guard!("samenwerkingsverbanden", "Dit samenwerkingsverband":
        gebruikers.samenwerkingsverband_id => "gebruikers",
        clients.samenwerkingsverband_id => "clients",
        scholen.samenwerkingsverband_id => "scholen",
        schoolbesturen.samenwerkingsverband_id => "schoolbesturen",
        werkgebieden.samenwerkingsverband_id => "werkgebieden",
        ondersteuningsplannen.samenwerkingsverband_id => "ondersteuningsplannen",
        portefeuilles.samenwerkingsverband_id => "portefeuilles",
        leerlingen.samenwerkingsverband_id => "leerlingen",
        auditregels.samenwerkingsverband_id => "auditregels",
        arrangementen.samenwerkingsverband_id => "arrangementen",
        budgetten.samenwerkingsverband_id => "budgetten",
        mdos.samenwerkingsverband_id => "MDO's",
        tlvs.samenwerkingsverband_id => "TLV's",
        thuiszitters.samenwerkingsverband_id => "thuiszitters",
        thuiszitter_peildata.samenwerkingsverband_id => "vastgestelde peildata",
        schoolcontacten.samenwerkingsverband_id => "schoolcontacten",
        kengetallen.samenwerkingsverband_id => "kengetallen",
    ),
    guard!("schoolbesturen", "Dit schoolbestuur":
        scholen.schoolbestuur_id => "scholen",
        client_schoolbesturen.schoolbestuur_id => "clients",
    ),
    guard!("werkgebieden", "Dit werkgebied":
        scholen.werkgebied_id => "scholen",
        arrangementen.werkgebied_id => "arrangementen",
        budgetten.werkgebied_id => "budgetten",
    ),
    guard!("gemeenten", "Deze gemeente":
        scholen.gemeente_id => "scholen",
        client_gemeenten.gemeente_id => "clients",
        leerlingen.woongemeente_id => "leerlingen als woongemeente",
        gemeenten.opgevolgd_door_id => "gemeenten als opvolger",
    ),
    guard!("scholen", "Deze school":
        project_scholen.school_id => "projecten",
        aanmeldingen.school_id => "aanmeldingen",
        leerlingen.school_id => "leerlingen",
        arrangementen.school_id => "arrangementen",
        mdos.school_id => "MDO's",
        tlvs.school_van_herkomst_id => "TLV's als school van herkomst",
        tlvs.voorziening_school_id => "TLV's als voorziening",
        tlv_eerdere_besluiten.voorziening_school_id => "eerdere TLV-besluiten als voorziening",
        thuiszitters.school_id => "thuiszitters",
        schoolcontacten.school_id => "schoolcontacten",
    ),
    guard!("arrangementen", "Dit arrangement":
        arrangementen.verlenging_van_id => "verlengingen",
    ),
    guard!("tlvs", "Deze TLV":
        tlvs.verlenging_van_id => "verlengingen",
    ),
    guard!("gebruikers", "Deze gebruiker":
        activiteiten.verantwoordelijke_id => "activiteiten als verantwoordelijke",
        portefeuille_eigenaren.gebruiker_id => "portefeuilles als eigenaar",
        thuiszitter_peildata.vastgesteld_door_id => "vastgestelde peildata",
        schoolcontacten.consulent_id => "schoolcontacten",
        scholen.consulent_id => "scholen als consulent",
    ),
    guard!("ondersteuningsplannen", "Dit ondersteuningsplan":
        ambities.ondersteuningsplan_id => "ambities",
        activiteitenplannen.ondersteuningsplan_id => "activiteitenplannen",
    ),
    guard!("ambities", "Deze ambitie":
        activiteiten.ambitie_id => "activiteiten",
        portefeuille_ambities.ambitie_id => "portefeuilles",
        project_ambities.ambitie_id => "projecten",
    ),
    guard!("activiteitenplannen", "Dit activiteitenplan":
        activiteiten.activiteitenplan_id => "activiteiten",
    ),
    guard!("portefeuilles", "Deze portefeuille":
        activiteiten.portefeuille_id => "activiteiten",
        projecten.portefeuille_id => "projecten",
        bijeenkomsten.portefeuille_id => "bijeenkomsten",
    ),
    guard!("projecten", "Dit project":
        activiteiten.project_id => "activiteiten",
        bijeenkomsten.project_id => "bijeenkomsten",
    ),
    guard!("activiteiten", "Deze activiteit":
        bijeenkomsten.activiteit_id => "bijeenkomsten",
    ),
];

/// Children deleted with their parent (`ON DELETE CASCADE`): `(table, column)`.
pub static OWNED: &[(&str, &str)] = &[
    ("client_gemeenten", "client_id"),
    ("client_schoolbesturen", "client_id"),
    ("refresh_tokens", "gebruiker_id"),
    ("wachtwoord_tokens", "gebruiker_id"),
    // The outbox of an SWV goes with it: a mail is a message, not a record.
    ("mails", "samenwerkingsverband_id"),
    ("portefeuille_eigenaren", "portefeuille_id"),
    ("portefeuille_ambities", "portefeuille_id"),
    ("project_ambities", "project_id"),
    ("project_scholen", "project_id"),
    ("project_financiering", "project_id"),
    ("voortgangsverslagen", "project_id"),
    ("evaluaties", "activiteit_id"),
    ("aanmeldingen", "bijeenkomst_id"),
    ("auditregel_leerlingen", "auditregel_id"),
    // Records about a pupil go with the pupil (a mistaken registration).
    ("arrangementen", "leerling_id"),
    ("mdos", "leerling_id"),
    ("tlvs", "leerling_id"),
    ("tlv_bezwaren", "tlv_id"),
    ("tlv_adviezen", "tlv_id"),
    ("tlv_opschortingen", "tlv_id"),
    ("tlv_eerdere_besluiten", "tlv_id"),
    ("thuiszitters", "leerling_id"),
    ("thuiszitter_verloop", "thuiszitter_id"),
    ("kengetal_waarden", "kengetal_id"),
];

/// Refuses (`409`) while other records refer to record `id` of `table`.
pub fn check(c: &mut DbConn, table: &str, id: Id) -> Result<(), ApiError> {
    let Some(guard) = GUARDS.iter().find(|g| g.table == table) else {
        return Ok(());
    };
    for r in guard.referrers {
        let n = (r.count)(c, id)?;
        if n > 0 {
            return Err(in_use(guard.subject, n, r.by));
        }
    }
    Ok(())
}

/// A `409` for a delete (or move) that other records still depend on.
pub fn in_use(subject: &str, count: i64, by: &str) -> ApiError {
    ApiError::conflict(format!(
        "{subject} is nog in gebruik bij {count} {by}; verwijder of wijzig die eerst."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reference between tables in the schema is either a guard's referrer or an owned
    /// child, so a new table cannot be added without saying what its references mean.
    #[test]
    fn every_reference_in_the_schema_is_declared() {
        let schema = include_str!("schema.rs");
        let mut missing = Vec::new();
        for line in schema.lines() {
            let Some(rest) = line.trim().strip_prefix("diesel::joinable!(") else {
                continue;
            };
            let (child, rest) = rest.split_once(" -> ").expect("joinable form");
            let (parent, rest) = rest.split_once(" (").expect("joinable form");
            let column = rest.trim_end_matches("));");
            let guarded = GUARDS.iter().any(|g| {
                g.table == parent
                    && g.referrers
                        .iter()
                        .any(|r| r.table == child && r.column == column)
            });
            let owned = OWNED.contains(&(child, column));
            if !guarded && !owned {
                missing.push(format!("{child}.{column} -> {parent}"));
            }
        }
        assert!(missing.is_empty(), "undeclared references: {missing:?}");
    }
}
