//! The kinds, support categories and statuses of an arrangement, and how a status may move.

crate::text_enum! {
    /// For one pupil, a group of pupils, or an innovation at the school.
    pub enum ArrangementSoort {
        Individueel => "individueel",
        Groep => "groep",
        Innovatie => "innovatie",
    }
}

crate::text_enum! {
    /// The support category of the SWV's support plan.
    pub enum Categorie {
        GestructureerdeLeeromgeving => "gestructureerde_leeromgeving",
        OndersteunendeLeeromgeving => "ondersteunende_leeromgeving",
        UitdagendeLeeromgeving => "uitdagende_leeromgeving",
        TaalCommunicatierijkeLeeromgeving => "taal_communicatierijke_leeromgeving",
        Gedragsinterventietechnieken => "gedragsinterventietechnieken",
        VerrijktLeesonderwijs => "verrijkt_leesonderwijs",
        VerrijktRekenonderwijs => "verrijkt_rekenonderwijs",
        AangepasteLeeromgeving => "aangepaste_leeromgeving",
        Overig => "overig",
    }
}

crate::text_enum! {
    /// Requested, then granted, refused or withdrawn; a granted arrangement ends.
    pub enum ArrangementStatus {
        Aangevraagd => "aangevraagd",
        Toegekend => "toegekend",
        Afgewezen => "afgewezen",
        Ingetrokken => "ingetrokken",
        Beeindigd => "beeindigd",
    }
}

impl ArrangementStatus {
    /// What every figure counts: granted arrangementen, also once they ended.
    pub const GETELD: [ArrangementStatus; 2] =
        [ArrangementStatus::Toegekend, ArrangementStatus::Beeindigd];

    /// Whether the status may move from `self` to `next` (staying is no move).
    pub fn may_become(self, next: ArrangementStatus) -> bool {
        use ArrangementStatus::*;
        self == next
            || matches!(
                (self, next),
                (Aangevraagd, Toegekend | Afgewezen | Ingetrokken) | (Toegekend, Beeindigd)
            )
    }

    /// Granted arrangements count against the budget.
    pub fn granted(self) -> bool {
        matches!(
            self,
            ArrangementStatus::Toegekend | ArrangementStatus::Beeindigd
        )
    }
}
