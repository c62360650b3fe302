//! The kinds, categories, statuses and outcomes of a TLV and of the steps of its procedure.

crate::text_enum! {
    /// Where the pupil may go: SBO or SO in primary education, VSO in secondary.
    pub enum TlvSoort {
        Sbo => "sbo",
        So => "so",
        Vso => "vso",
    }
}

crate::text_enum! {
    /// The funding category of a TLV for SO or VSO.
    pub enum TlvCategorie {
        Laag => "laag",
        Midden => "midden",
        Hoog => "hoog",
    }
}

crate::text_enum! {
    /// A first request, an extension of a TLV that ends, or a reassessment.
    pub enum Aanvraag {
        Nieuw => "nieuw",
        Verlenging => "verlenging",
        Herbeoordeling => "herbeoordeling",
    }
}

crate::text_enum! {
    /// Open until decided or withdrawn.
    pub enum TlvStatus {
        InBehandeling => "in_behandeling",
        Toegekend => "toegekend",
        Afgewezen => "afgewezen",
        Ingetrokken => "ingetrokken",
    }
}

crate::text_enum! {
    /// The profession of an expert who advises on a request.
    pub enum Discipline {
        Orthopedagoog => "orthopedagoog",
        Psycholoog => "psycholoog",
        Kinderpsychiater => "kinderpsychiater",
        MaatschappelijkWerker => "maatschappelijk_werker",
        Arts => "arts",
        Overig => "overig",
    }
}

crate::text_enum! {
    /// What an expert advises.
    pub enum AdviesUitkomst {
        Toelaatbaar => "toelaatbaar",
        NietToelaatbaar => "niet_toelaatbaar",
    }
}

crate::text_enum! {
    /// Why the clock stopped: waiting for missing information (Awb 4:15) or another reason.
    pub enum OpschortingReden {
        Aanvulling => "aanvulling",
        Overig => "overig",
    }
}

crate::text_enum! {
    /// What the SWV decided.
    pub enum BesluitUitkomst {
        Toegekend => "toegekend",
        Afgewezen => "afgewezen",
    }
}

crate::text_enum! {
    /// The advice of the Landelijke Bezwaaradviescommissie (LBT).
    pub enum AdviesLbt {
        Gegrond => "gegrond",
        Ongegrond => "ongegrond",
    }
}

crate::text_enum! {
    /// How an objection ended.
    pub enum BezwaarUitkomst {
        Gegrond => "gegrond",
        Ongegrond => "ongegrond",
        Ingetrokken => "ingetrokken",
        NietOntvankelijk => "niet_ontvankelijk",
    }
}

crate::text_enum! {
    /// Where the pupil went when it left special education.
    pub enum Vervolg {
        Regulier => "regulier",
        Sbo => "sbo",
        So => "so",
        Vso => "vso",
        Vo => "vo",
        Anders => "anders",
    }
}
