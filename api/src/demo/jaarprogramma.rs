//! The demo's programme of meetings: the professionalisation offer of 2022-2023 as the
//! evaluation reports it, and meetings of the current school year.

use crate::bijeenkomsten::store::{BijeenkomstSoort as S, BijeenkomstStatus, Functie, Vorm};

/// When a meeting takes place: a fixed local time, or a day relative to loading the demo.
#[derive(Clone, Copy)]
pub(super) enum When {
    Local(i32, u32, u32, u32, u32),
    /// Days from today at a local hour and minute; negative hours mean "started this long ago".
    FromToday(i64, u32, u32),
    StartedHoursAgo(i64),
}

/// Who comes to a meeting, as weights per function.
pub(super) type Mix = &'static [(Functie, u32)];

pub(super) const IB: Mix = &[
    (Functie::InternBegeleider, 16),
    (Functie::Specialist, 2),
    (Functie::Directeur, 1),
    (Functie::AmbulantBegeleider, 1),
];
pub(super) const LEERKRACHT: Mix = &[
    (Functie::Leerkracht, 14),
    (Functie::Onderwijsassistent, 3),
    (Functie::InternBegeleider, 2),
    (Functie::Student, 1),
];
pub(super) const GROOT: Mix = &[
    (Functie::Leerkracht, 7),
    (Functie::InternBegeleider, 6),
    (Functie::Directeur, 3),
    (Functie::AmbulantBegeleider, 2),
    (Functie::Jeugdprofessional, 1),
    (Functie::Gemeente, 1),
];
pub(super) const DIRECTIE: Mix = &[(Functie::Directeur, 1)];
pub(super) const TRAINING: Mix = &[(Functie::Directeur, 2), (Functie::InternBegeleider, 1)];
pub(super) const GEMENGD: Mix = &[
    (Functie::Leerkracht, 5),
    (Functie::InternBegeleider, 4),
    (Functie::Specialist, 1),
];

pub(super) struct Meeting {
    pub(super) titel: &'static str,
    pub(super) soort: S,
    pub(super) when: When,
    pub(super) minutes: i64,
    pub(super) vorm: Vorm,
    pub(super) locatie: Option<&'static str>,
    pub(super) min: Option<i32>,
    pub(super) max: Option<i32>,
    pub(super) streef: Option<i32>,
    /// `(percentage, doelgroepOmvang)`.
    pub(super) percentage: Option<(f64, i32)>,
    pub(super) status: BijeenkomstStatus,
    pub(super) publiek: bool,
    /// Registrations: present, no-show, not yet recorded, cancelled, waiting.
    pub(super) aanwezig: usize,
    pub(super) no_show: usize,
    pub(super) open: usize,
    pub(super) afgemeld: usize,
    pub(super) wachtlijst: usize,
    pub(super) mix: Mix,
    /// The first meeting of the series this one belongs to (by title).
    pub(super) reeks: Option<&'static str>,
    /// The activity of the plan this meeting carries out (by its omschrijving).
    pub(super) activiteit: Option<&'static str>,
}

pub(super) const fn held(
    titel: &'static str,
    soort: S,
    when: When,
    minutes: i64,
    aanwezig: usize,
    no_show: usize,
    mix: Mix,
) -> Meeting {
    Meeting {
        titel,
        soort,
        when,
        minutes,
        vorm: Vorm::Live,
        locatie: Some("Kantoor SWV, Haarlem"),
        min: None,
        max: None,
        streef: None,
        percentage: None,
        status: BijeenkomstStatus::Doorgegaan,
        publiek: false,
        aanwezig,
        no_show,
        open: 0,
        afgemeld: 0,
        wachtlijst: 0,
        mix,
        reeks: None,
        activiteit: None,
    }
}

/// The activities of the 2022-2023 plan that these meetings carry out.
pub(super) const IB_ACTIVITEIT: &str =
    "Drie IB-netwerkbijeenkomsten: werken vanuit de schoolambitie, leren door spel en een leesconferentie";
pub(super) const GROOT_NETWERK_ACTIVITEIT: &str =
    "Groot Netwerk in het voorjaar, samen met het samenwerkingsverband VO";

pub(super) const IB1: &str = "IB-netwerk: doelgericht werken vanuit je schoolambitie 2";

pub(super) fn meetings() -> Vec<Meeting> {
    use When::*;
    let ib_target = Some((60.0, 70));
    let ib = Some(IB_ACTIVITEIT);
    vec![
        Meeting {
            percentage: ib_target,
            activiteit: ib,
            afgemeld: 3,
            ..held(
                IB1,
                S::IbNetwerk,
                Local(2022, 10, 11, 13, 30),
                180,
                45,
                7,
                IB,
            )
        },
        Meeting {
            percentage: ib_target,
            activiteit: ib,
            afgemeld: 2,
            reeks: Some(IB1),
            locatie: Some("Stadsschouwburg Haarlem"),
            ..held(
                "IB-netwerk: conferentie lezen",
                S::IbNetwerk,
                Local(2023, 2, 7, 13, 0),
                240,
                46,
                4,
                IB,
            )
        },
        Meeting {
            percentage: ib_target,
            activiteit: ib,
            afgemeld: 1,
            reeks: Some(IB1),
            ..held(
                "IB-netwerk: spelend leren en de kracht van een rijke schoolomgeving",
                S::IbNetwerk,
                Local(2023, 5, 16, 13, 30),
                180,
                21,
                6,
                IB,
            )
        },
        held(
            "Leerkrachtmiddag: traumasensitief lesgeven",
            S::Leerkrachtmiddag,
            Local(2022, 9, 28, 14, 30),
            120,
            28,
            3,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: onderwijs aan NT2-leerlingen",
            S::Leerkrachtmiddag,
            Local(2022, 10, 26, 14, 30),
            120,
            25,
            2,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: hoogbegaafde leerlingen in je groep",
            S::Leerkrachtmiddag,
            Local(2022, 11, 23, 14, 30),
            120,
            31,
            4,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: leesonderwijs",
            S::Leerkrachtmiddag,
            Local(2023, 1, 18, 14, 30),
            120,
            22,
            1,
            LEERKRACHT,
        ),
        Meeting {
            vorm: Vorm::Online,
            locatie: None,
            ..held(
                "Leerkrachtmiddag: executieve functies",
                S::Leerkrachtmiddag,
                Local(2023, 2, 15, 14, 30),
                90,
                27,
                5,
                LEERKRACHT,
            )
        },
        held(
            "Leerkrachtmiddag: grenzen zijn nuttig",
            S::Leerkrachtmiddag,
            Local(2023, 3, 15, 14, 30),
            120,
            24,
            2,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: bordwerk en aantekeningen maken",
            S::Leerkrachtmiddag,
            Local(2023, 4, 12, 14, 30),
            120,
            26,
            3,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: praten met kinderen in groeitaal",
            S::Leerkrachtmiddag,
            Local(2023, 5, 10, 14, 30),
            120,
            20,
            2,
            LEERKRACHT,
        ),
        // Held, but their attendance lists were not yet entered when the account was drawn up.
        held(
            "Leerkrachtmiddag: het kleuterjongetje",
            S::Leerkrachtmiddag,
            Local(2023, 6, 7, 14, 30),
            120,
            0,
            0,
            LEERKRACHT,
        ),
        held(
            "Leerkrachtmiddag: het preventieve aanbod van het CJG",
            S::Leerkrachtmiddag,
            Local(2023, 6, 21, 14, 30),
            120,
            0,
            0,
            LEERKRACHT,
        ),
        Meeting {
            streef: Some(150),
            max: Some(250),
            activiteit: Some(GROOT_NETWERK_ACTIVITEIT),
            afgemeld: 9,
            locatie: Some("Philharmonie Haarlem"),
            ..held(
                "Groot Netwerk (met SWV VO Zuid-Kennemerland)",
                S::GrootNetwerk,
                Local(2023, 3, 23, 14, 0),
                210,
                180,
                16,
                GROOT,
            )
        },
        Meeting {
            percentage: Some((50.0, 94)),
            afgemeld: 4,
            ..held(
                "Directienetwerk: ontbijt met lezing",
                S::Directienetwerk,
                Local(2022, 11, 17, 8, 0),
                150,
                75,
                3,
                DIRECTIE,
            )
        },
        Meeting {
            min: Some(8),
            max: Some(12),
            wachtlijst: 3,
            ..held(
                "Training Samenwerken onder spanning (directie en IB)",
                S::Training,
                Local(2023, 3, 9, 9, 0),
                360,
                12,
                0,
                TRAINING,
            )
        },
        held(
            "Good practice: passend aanbod voor hoogbegaafde leerlingen",
            S::GoodPractice,
            Local(2023, 1, 25, 15, 0),
            90,
            18,
            1,
            GEMENGD,
        ),
        Meeting {
            vorm: Vorm::Online,
            locatie: None,
            ..held(
                "Good practice: het kindportfolio",
                S::GoodPractice,
                Local(2023, 3, 29, 15, 30),
                60,
                25,
                2,
                GEMENGD,
            )
        },
        Meeting {
            vorm: Vorm::Online,
            locatie: None,
            ..held(
                "Good practice: anders organiseren",
                S::GoodPractice,
                Local(2023, 5, 24, 15, 30),
                60,
                24,
                1,
                GEMENGD,
            )
        },
        held(
            "Intervisie HG & KM (1)",
            S::Intervisie,
            Local(2022, 12, 6, 15, 0),
            120,
            5,
            0,
            GEMENGD,
        ),
        Meeting {
            afgemeld: 1,
            ..held(
                "Intervisie HG & KM (2)",
                S::Intervisie,
                Local(2023, 4, 4, 15, 0),
                120,
                3,
                2,
                GEMENGD,
            )
        },
        // The current school year: one under way (attendance to be taken) and some to come.
        Meeting {
            status: BijeenkomstStatus::Gepland,
            open: 16,
            ..held(
                "Kenniskring gedrag in de klas",
                S::Kenniskring,
                StartedHoursAgo(1),
                150,
                0,
                0,
                GEMENGD,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            publiek: true,
            max: Some(80),
            percentage: ib_target,
            open: 23,
            ..held(
                "IB-netwerk: signaleren van dyslexie",
                S::IbNetwerk,
                FromToday(21, 13, 30),
                180,
                0,
                0,
                IB,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            publiek: true,
            min: Some(8),
            max: Some(12),
            open: 12,
            wachtlijst: 2,
            ..held(
                "Training Samenwerken onder spanning (voorjaar)",
                S::Training,
                FromToday(35, 9, 0),
                360,
                0,
                0,
                TRAINING,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            publiek: true,
            open: 9,
            ..held(
                "Leerkrachtmiddag: rekenonderwijs dat werkt",
                S::Leerkrachtmiddag,
                FromToday(49, 14, 30),
                120,
                0,
                0,
                LEERKRACHT,
            )
        },
        Meeting {
            status: BijeenkomstStatus::Gepland,
            percentage: Some((50.0, 70)),
            ..held(
                "Directienetwerk voorjaar",
                S::Directienetwerk,
                FromToday(70, 8, 0),
                150,
                0,
                0,
                DIRECTIE,
            )
        },
    ]
}
