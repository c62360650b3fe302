//! The kinds of meeting of a synthetic SWV: how often each occurs, its usual turnout, its time
//! and who comes.

use crate::bijeenkomsten::store::{BijeenkomstSoort as S, Functie as F};

/// Who comes to a meeting, as weights per function.
pub(super) type Mix = &'static [(F, u32)];

pub(super) const IB: Mix = &[
    (F::InternBegeleider, 16),
    (F::Specialist, 2),
    (F::Directeur, 1),
    (F::AmbulantBegeleider, 1),
];
pub(super) const LEERKRACHT: Mix = &[
    (F::Leerkracht, 14),
    (F::Onderwijsassistent, 3),
    (F::InternBegeleider, 2),
    (F::Student, 1),
];
pub(super) const GROOT: Mix = &[
    (F::Leerkracht, 7),
    (F::InternBegeleider, 6),
    (F::Directeur, 3),
    (F::AmbulantBegeleider, 2),
    (F::Jeugdprofessional, 1),
    (F::Gemeente, 1),
];
pub(super) const DIRECTIE: Mix = &[(F::Directeur, 1)];
pub(super) const TRAINING: Mix = &[
    (F::Directeur, 2),
    (F::InternBegeleider, 2),
    (F::Leerkracht, 3),
];
pub(super) const GEMENGD: Mix = &[
    (F::Leerkracht, 5),
    (F::InternBegeleider, 4),
    (F::Specialist, 1),
];
pub(super) const OUDERS: Mix = &[(F::Ouder, 8), (F::Leerkracht, 1), (F::InternBegeleider, 1)];
pub(super) const OVERLEG: Mix = &[
    (F::InternBegeleider, 3),
    (F::Directeur, 2),
    (F::Jeugdprofessional, 2),
    (F::Gemeente, 1),
    (F::AmbulantBegeleider, 2),
];
pub(super) const NETWERK: Mix = &[
    (F::InternBegeleider, 3),
    (F::Jeugdprofessional, 2),
    (F::AmbulantBegeleider, 2),
    (F::Specialist, 2),
    (F::Overig, 1),
];
pub(super) const STUDIEDAG: Mix = &[
    (F::Leerkracht, 10),
    (F::InternBegeleider, 3),
    (F::Directeur, 2),
    (F::Onderwijsassistent, 3),
];

/// A kind of meeting: how often it occurs per 300, its usual turnout, its time and audience.
pub(super) struct Kind {
    pub(super) soort: S,
    pub(super) weight: u32,
    pub(super) size: (i64, i64),
    /// Local start time and duration in minutes.
    pub(super) time: (u32, u32, i64),
    pub(super) mix: Mix,
    /// The function the meeting is meant for: turnout cannot exceed how many the SWV has.
    pub(super) audience: Option<F>,
}

pub(super) const KINDS: &[Kind] = &[
    Kind {
        soort: S::IbNetwerk,
        weight: 24,
        size: (20, 60),
        time: (13, 30, 180),
        mix: IB,
        audience: Some(F::InternBegeleider),
    },
    Kind {
        soort: S::Leerkrachtmiddag,
        weight: 36,
        size: (10, 40),
        time: (14, 30, 120),
        mix: LEERKRACHT,
        audience: None,
    },
    Kind {
        soort: S::Intervisie,
        weight: 40,
        size: (4, 10),
        time: (15, 0, 120),
        mix: GEMENGD,
        audience: None,
    },
    Kind {
        soort: S::Kenniskring,
        weight: 28,
        size: (6, 18),
        time: (15, 30, 150),
        mix: GEMENGD,
        audience: None,
    },
    Kind {
        soort: S::Directienetwerk,
        weight: 12,
        size: (10, 35),
        time: (8, 0, 150),
        mix: DIRECTIE,
        audience: Some(F::Directeur),
    },
    Kind {
        soort: S::GrootNetwerk,
        weight: 2,
        size: (100, 250),
        time: (14, 0, 210),
        mix: GROOT,
        audience: None,
    },
    Kind {
        soort: S::Training,
        weight: 40,
        size: (8, 20),
        time: (9, 0, 360),
        mix: TRAINING,
        audience: None,
    },
    Kind {
        soort: S::GoodPractice,
        weight: 24,
        size: (8, 30),
        time: (15, 30, 90),
        mix: GEMENGD,
        audience: None,
    },
    Kind {
        soort: S::Netwerk,
        weight: 24,
        size: (8, 25),
        time: (13, 0, 120),
        mix: NETWERK,
        audience: None,
    },
    Kind {
        soort: S::Ouderavond,
        weight: 14,
        size: (10, 50),
        time: (19, 30, 120),
        mix: OUDERS,
        audience: None,
    },
    Kind {
        soort: S::Overleg,
        weight: 44,
        size: (3, 8),
        time: (10, 0, 90),
        mix: OVERLEG,
        audience: None,
    },
    Kind {
        soort: S::Studiedag,
        weight: 2,
        size: (40, 120),
        time: (8, 30, 420),
        mix: STUDIEDAG,
        audience: None,
    },
    Kind {
        soort: S::Overig,
        weight: 10,
        size: (5, 20),
        time: (14, 0, 90),
        mix: GEMENGD,
        audience: None,
    },
];
