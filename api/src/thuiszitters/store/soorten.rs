//! The categories, scenarios, perspectives and end reasons of a thuiszitter's case, in the
//! words of the attendance officers (leerplicht) and the SWV's own registration.

crate::text_enum! {
    /// The situation of a pupil out of school, as leerplicht counts it, or `dreigend` (at risk).
    pub enum ThuiszitterCategorie {
        RelatiefVerzuim => "relatief_verzuim",
        LangdurigRelatiefVerzuim => "langdurig_relatief_verzuim",
        AbsoluutVerzuim => "absoluut_verzuim",
        #[allow(non_camel_case_types)]
        Vrijstelling_5a => "vrijstelling_5a",
        #[allow(non_camel_case_types)]
        Vrijstelling_5b => "vrijstelling_5b",
        #[allow(non_camel_case_types)]
        Vrijstelling_5c => "vrijstelling_5c",
        LangdurigZiek => "langdurig_ziek",
        Dreigend => "dreigend",
    }
}

crate::text_enum! {
    /// How a pupil at risk is at risk, as the consulenten count it.
    pub enum Scenario {
        A => "a",
        B => "b",
        C => "c",
        D => "d",
        Combinatie => "combinatie",
    }
}

crate::text_enum! {
    /// Where the pupil is heading.
    pub enum Perspectief {
        GeplaatstRegulier => "geplaatst_regulier",
        GeplaatstSbo => "geplaatst_sbo",
        GeplaatstSo => "geplaatst_so",
        GeplaatstVso => "geplaatst_vso",
        Onderwijszorg => "onderwijszorg",
        ZorgBovenliggend => "zorg_bovenliggend",
        SchoolGevondenWachtOpPlaatsing => "school_gevonden_wacht_op_plaatsing",
        InGesprekMetPerspectief => "in_gesprek_met_perspectief",
        InGesprek => "in_gesprek",
        ThuisMetPerspectief => "thuis_met_perspectief",
        ThuisZonderPerspectief => "thuis_zonder_perspectief",
    }
}

crate::text_enum! {
    /// Why a case ended.
    pub enum Eindreden {
        Onderwijs => "onderwijs",
        Verhuisd => "verhuisd",
        Vrijstelling => "vrijstelling",
        LeerplichtVoorbij => "leerplicht_voorbij",
        Overig => "overig",
    }
}

/// The seven categories of the return to the Inspectie, in its order.
pub const LEERPLICHT: [ThuiszitterCategorie; 7] = [
    ThuiszitterCategorie::RelatiefVerzuim,
    ThuiszitterCategorie::LangdurigRelatiefVerzuim,
    ThuiszitterCategorie::AbsoluutVerzuim,
    ThuiszitterCategorie::Vrijstelling_5a,
    ThuiszitterCategorie::Vrijstelling_5b,
    ThuiszitterCategorie::Vrijstelling_5c,
    ThuiszitterCategorie::LangdurigZiek,
];

pub const SCENARIOS: [Scenario; 5] = [
    Scenario::A,
    Scenario::B,
    Scenario::C,
    Scenario::D,
    Scenario::Combinatie,
];

pub const PERSPECTIEVEN: [Perspectief; 11] = [
    Perspectief::GeplaatstRegulier,
    Perspectief::GeplaatstSbo,
    Perspectief::GeplaatstSo,
    Perspectief::GeplaatstVso,
    Perspectief::Onderwijszorg,
    Perspectief::ZorgBovenliggend,
    Perspectief::SchoolGevondenWachtOpPlaatsing,
    Perspectief::InGesprekMetPerspectief,
    Perspectief::InGesprek,
    Perspectief::ThuisMetPerspectief,
    Perspectief::ThuisZonderPerspectief,
];

impl ThuiszitterCategorie {
    /// How the Inspectie's return defines the category.
    pub fn omschrijving(self) -> &'static str {
        match self {
            ThuiszitterCategorie::RelatiefVerzuim => {
                "Ingeschreven, maar zonder geldige reden afwezig"
            }
            ThuiszitterCategorie::LangdurigRelatiefVerzuim => {
                "Ingeschreven, maar langer dan vier weken zonder geldige reden afwezig"
            }
            ThuiszitterCategorie::AbsoluutVerzuim => {
                "Leerplichtig, maar niet op een school ingeschreven"
            }
            ThuiszitterCategorie::Vrijstelling_5a => {
                "Vrijgesteld omdat de leerling lichamelijk of psychisch niet naar school kan"
            }
            ThuiszitterCategorie::Vrijstelling_5b => {
                "Vrijgesteld wegens bedenkingen tegen de richting van de scholen in de omgeving"
            }
            ThuiszitterCategorie::Vrijstelling_5c => {
                "Vrijgesteld wegens inschrijving op een school in het buitenland"
            }
            ThuiszitterCategorie::LangdurigZiek => {
                "Ingeschreven, maar langdurig ziek en zonder onderwijs"
            }
            ThuiszitterCategorie::Dreigend => "Dreigt thuis te komen zitten",
        }
    }
}

impl Perspectief {
    /// Back in education (placed, or education with care).
    pub fn weer_onderwijs(self) -> bool {
        matches!(
            self,
            Perspectief::GeplaatstRegulier
                | Perspectief::GeplaatstSbo
                | Perspectief::GeplaatstSo
                | Perspectief::GeplaatstVso
                | Perspectief::Onderwijszorg
        )
    }
}
