//! Bijeenkomsten: meetings and trainings of the SWV with their aanmeldingen, the waiting list,
//! attendance, turnout against targets, the year's statistics and reach, the import of
//! registration lists, series, calendar files and self-registration by participants.

pub mod aanmeldingen;
pub mod agenda;
pub mod cijfers;
pub mod import;
pub mod publiek;
pub mod records;
pub mod wachtlijst;

use chrono::{Datelike, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Amsterdam;
use diesel::prelude::*;

use crate::db::{DbConn, Id};
use crate::http::ApiError;
use crate::schema::{aanmeldingen as aanmeldingen_t, bijeenkomsten as bijeenkomsten_t};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    // Fixed paths before `/bijeenkomsten/{id}`, which would otherwise claim them.
    cijfers::configure(cfg);
    records::configure(cfg);
    aanmeldingen::configure(cfg);
    publiek::configure(cfg);
}

crate::text_enum! {
    /// The kind of meeting.
    pub enum BijeenkomstSoort {
        IbNetwerk => "ib_netwerk",
        Leerkrachtmiddag => "leerkrachtmiddag",
        Intervisie => "intervisie",
        Kenniskring => "kenniskring",
        Directienetwerk => "directienetwerk",
        GrootNetwerk => "groot_netwerk",
        Training => "training",
        GoodPractice => "good_practice",
        Netwerk => "netwerk",
        Ouderavond => "ouderavond",
        Overleg => "overleg",
        Studiedag => "studiedag",
        Overig => "overig",
    }
}

impl BijeenkomstSoort {
    pub fn label(self) -> &'static str {
        use BijeenkomstSoort::*;
        match self {
            IbNetwerk => "IB-netwerk",
            Leerkrachtmiddag => "Leerkrachtmiddag",
            Intervisie => "Intervisie",
            Kenniskring => "Kenniskring",
            Directienetwerk => "Directienetwerk",
            GrootNetwerk => "Groot Netwerk",
            Training => "Training",
            GoodPractice => "Good practice",
            Netwerk => "Netwerk",
            Ouderavond => "Ouderavond",
            Overleg => "Overleg",
            Studiedag => "Studiedag",
            Overig => "Overig",
        }
    }
}

crate::text_enum! {
    /// Where it takes place: in person, online or both.
    #[derive(Default)]
    pub enum Vorm {
        #[default]
        Live => "live",
        Online => "online",
        Hybride => "hybride",
    }
}

crate::text_enum! {
    /// Whether the meeting is still to come (`gepland`), took place (`doorgegaan`) or was
    /// cancelled (`geannuleerd`).
    #[derive(Default)]
    pub enum BijeenkomstStatus {
        #[default]
        Gepland => "gepland",
        Doorgegaan => "doorgegaan",
        Geannuleerd => "geannuleerd",
    }
}

crate::text_enum! {
    /// The participant's function.
    pub enum Functie {
        Leerkracht => "leerkracht",
        InternBegeleider => "intern_begeleider",
        Directeur => "directeur",
        AmbulantBegeleider => "ambulant_begeleider",
        Onderwijsassistent => "onderwijsassistent",
        Specialist => "specialist",
        Ouder => "ouder",
        Student => "student",
        Jeugdprofessional => "jeugdprofessional",
        Gemeente => "gemeente",
        Overig => "overig",
    }
}

impl Functie {
    pub fn label(self) -> &'static str {
        use Functie::*;
        match self {
            Leerkracht => "Leerkracht",
            InternBegeleider => "Intern begeleider",
            Directeur => "Directeur",
            AmbulantBegeleider => "Ambulant begeleider",
            Onderwijsassistent => "Onderwijsassistent",
            Specialist => "Specialist",
            Ouder => "Ouder",
            Student => "Student",
            Jeugdprofessional => "Jeugdprofessional",
            Gemeente => "Gemeente",
            Overig => "Overig",
        }
    }

    /// A function as written in an imported list: its value or its Dutch label, any case.
    pub fn from_text(s: &str) -> Option<Functie> {
        let t = s.trim().to_lowercase();
        let aliases: &[(&str, Functie)] = &[
            ("ib", Functie::InternBegeleider),
            ("ib'er", Functie::InternBegeleider),
            ("ib-er", Functie::InternBegeleider),
            ("intern begeleider", Functie::InternBegeleider),
            ("ab", Functie::AmbulantBegeleider),
            ("ab'er", Functie::AmbulantBegeleider),
            ("directie", Functie::Directeur),
            ("leraar", Functie::Leerkracht),
            ("oa", Functie::Onderwijsassistent),
        ];
        Functie::ALL
            .iter()
            .copied()
            .find(|f| f.as_str() == t || f.label().to_lowercase() == t)
            .or_else(|| aliases.iter().find(|(a, _)| *a == t).map(|(_, f)| *f))
    }
}

crate::text_enum! {
    /// Registered (`aangemeld`), on the waiting list (`wachtlijst`) or cancelled (`afgemeld`).
    pub enum AanmeldingStatus {
        Aangemeld => "aangemeld",
        Wachtlijst => "wachtlijst",
        Afgemeld => "afgemeld",
    }
}

crate::text_enum! {
    /// How a registration came in: entered by staff, by the participant on the public page, or
    /// from an imported list.
    pub enum Bron {
        Medewerker => "medewerker",
        Publiek => "publiek",
        Import => "import",
    }
}

/// The school year (1 August - 31 July) of a moment, in Europe/Amsterdam.
pub fn schooljaar_of(utc: NaiveDateTime) -> String {
    let local = Amsterdam.from_utc_datetime(&utc);
    let first = if local.month() >= 8 {
        local.year()
    } else {
        local.year() - 1
    };
    format!("{first}-{}", first + 1)
}

/// The key under which emails are compared: duplicates ignore case and surrounding spaces.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Whether the school belongs to this SWV.
pub fn school_in_swv(c: &mut DbConn, swv: Id, school: Id) -> Result<bool, ApiError> {
    Ok(crate::in_swv!(c, scholen, swv, school)?)
}

/// Refuses (`409`) to delete a school that registrations still name.
pub fn school_in_use(c: &mut DbConn, id: Id) -> Result<(), ApiError> {
    let n: i64 = aanmeldingen_t::table
        .filter(aanmeldingen_t::school_id.eq(id))
        .count()
        .get_result(c)?;
    if n > 0 {
        return Err(crate::org::in_use("Deze school", n, "aanmeldingen"));
    }
    Ok(())
}

/// What a meeting may be linked to.
#[derive(Debug, Clone, Copy)]
pub enum Link {
    Activiteit,
    Project,
    Portefeuille,
}

/// Refuses (`409`) to delete an activiteit, project or portefeuille that meetings are linked
/// to; `what` names the record ("Dit project").
pub fn check_unlinked(c: &mut DbConn, link: Link, id: Id, what: &str) -> Result<(), ApiError> {
    let q = bijeenkomsten_t::table.into_boxed();
    let q = match link {
        Link::Activiteit => q.filter(bijeenkomsten_t::activiteit_id.eq(id)),
        Link::Project => q.filter(bijeenkomsten_t::project_id.eq(id)),
        Link::Portefeuille => q.filter(bijeenkomsten_t::portefeuille_id.eq(id)),
    };
    let n: i64 = q.count().get_result(c)?;
    if n > 0 {
        return Err(crate::org::in_use(what, n, "bijeenkomsten"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    #[test]
    fn schooljaar_follows_amsterdam_time() {
        assert_eq!(schooljaar_of(utc(2022, 9, 20, 12, 0)), "2022-2023");
        assert_eq!(schooljaar_of(utc(2023, 7, 31, 12, 0)), "2022-2023");
        // 31 July 22:30 UTC is already 1 August in Amsterdam (summer time, UTC+2).
        assert_eq!(schooljaar_of(utc(2023, 7, 31, 22, 30)), "2023-2024");
        assert_eq!(schooljaar_of(utc(2023, 1, 10, 8, 0)), "2022-2023");
    }

    #[test]
    fn functions_from_import_texts() {
        assert_eq!(
            Functie::from_text("Intern begeleider"),
            Some(Functie::InternBegeleider)
        );
        assert_eq!(
            Functie::from_text(" intern_begeleider "),
            Some(Functie::InternBegeleider)
        );
        assert_eq!(Functie::from_text("IB"), Some(Functie::InternBegeleider));
        assert_eq!(Functie::from_text("LEERKRACHT"), Some(Functie::Leerkracht));
        assert_eq!(Functie::from_text("astronaut"), None);
    }

    #[test]
    fn enum_texts_match_serde() {
        crate::db::assert_text_enum(BijeenkomstSoort::ALL, BijeenkomstSoort::as_str);
        crate::db::assert_text_enum(Vorm::ALL, Vorm::as_str);
        crate::db::assert_text_enum(BijeenkomstStatus::ALL, BijeenkomstStatus::as_str);
        crate::db::assert_text_enum(Functie::ALL, Functie::as_str);
        crate::db::assert_text_enum(AanmeldingStatus::ALL, AanmeldingStatus::as_str);
        crate::db::assert_text_enum(Bron::ALL, Bron::as_str);
    }
}
