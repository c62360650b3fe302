//! Meetings' records and their queries, and the kinds and statuses they share.

pub mod aanmeldingen;
pub mod agenda;
pub mod bereik;
pub mod cijfers;
pub mod herhaling;
pub mod import;
pub mod incheck;
pub mod invoer;
pub mod mails;
pub mod publiek;
pub mod records;
pub mod rij;
pub mod telling;
pub mod wachtlijst;

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
        /// Area meetings with the schools of a werkgebied.
        Gebiedsgesprek => "gebiedsgesprek",
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
            Gebiedsgesprek => "Gebiedsgesprek",
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
        /// Came in without registering: added at the door, present, beyond the maximum.
        Inloop => "inloop",
    }
}

/// The key under which emails are compared: duplicates ignore case and surrounding spaces.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

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
