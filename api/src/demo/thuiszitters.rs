//! Thuiszitters of two demo SWV's, from which Koers computes the seeds' figures exactly.
//!
//! PPO Noord-Kennemerland: the 27 pupils at risk or at home on 15 March 2017 (in Alkmaar,
//! Heerhugowaard and Langedijk; none in Heiloo and Bergen) who on 15 June 2017 are 12 back in
//! education, 3 with little education because care comes first and 12 still at home, with the
//! perspectives of the consulenten's table. PO Zuid-Kennemerland: 2021-2022 and 2022-2023, so
//! that up to 15 March 2023 the statistics give on average 17 thuiszitters on a peildatum (12 the
//! year before), 136 pupils with extra attention (100), 16 at home 1-3 months (8), 25 longer
//! (13), no new 5a exemption (1) and 5 younger than five; and open cases of this school year
//! for the consulent's board. The counts of the past peildata are frozen as they were reported.

use chrono::{Datelike, Duration, NaiveDate};
use diesel::prelude::*;

use crate::auth::Rol;
use crate::db::{DbConn, Id};
use crate::domain::peildata::in_schooljaar;
use crate::domain::time;
use crate::error::ApiError;
use crate::schema::{
    gebruikers, gemeenten, leerlingen, samenwerkingsverbanden, scholen, thuiszitters,
};
use crate::thuiszitters::store::peildata::{self, PeildatumInput};
use crate::thuiszitters::store::soorten::{
    Eindreden, Perspectief, Scenario, ThuiszitterCategorie, SCENARIOS,
};
use crate::thuiszitters::store::verloopregels::{self as verloop, VerloopInput};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).expect("a date")
}

/// One situation of a case from a date on.
struct Stap {
    vanaf: NaiveDate,
    categorie: ThuiszitterCategorie,
    scenario: Option<Scenario>,
    perspectief: Option<Perspectief>,
}

fn stap(
    vanaf: NaiveDate,
    categorie: ThuiszitterCategorie,
    perspectief: Option<Perspectief>,
) -> Stap {
    Stap {
        vanaf,
        categorie,
        scenario: None,
        perspectief,
    }
}

fn dreigend(vanaf: NaiveDate, scenario: Scenario, perspectief: Option<Perspectief>) -> Stap {
    Stap {
        vanaf,
        categorie: ThuiszitterCategorie::Dreigend,
        scenario: Some(scenario),
        perspectief,
    }
}

/// A case of a new demo pupil.
struct Casus {
    gemeente: Id,
    geboortemaand: String,
    stappen: Vec<Stap>,
    einde: Option<(NaiveDate, Eindreden)>,
}

/// Writes a pupil and its case per item, with invented references `{prefix}-T0001`.
struct Schrijver<'a> {
    c: &'a mut DbConn,
    swv: Id,
    prefix: &'static str,
    school: Option<Id>,
    n: usize,
}

impl Schrijver<'_> {
    fn write(&mut self, casus: Casus) -> Result<(), ApiError> {
        self.n += 1;
        let now = time::now();
        let leerling = Id::new();
        diesel::insert_into(leerlingen::table)
            .values((
                leerlingen::id.eq(leerling),
                leerlingen::samenwerkingsverband_id.eq(self.swv),
                leerlingen::referentie.eq(format!("{}-T{:04}", self.prefix, self.n)),
                leerlingen::geboortemaand.eq(&casus.geboortemaand),
                leerlingen::geslacht.eq(if self.n.is_multiple_of(3) {
                    "meisje"
                } else {
                    "jongen"
                }),
                leerlingen::woongemeente_id.eq(casus.gemeente),
                leerlingen::school_id.eq(self.school),
                leerlingen::leerjaar.eq(None::<i32>),
                leerlingen::geanonimiseerd.eq(false),
                leerlingen::created_at.eq(now),
                leerlingen::updated_at.eq(now),
                leerlingen::versie.eq(1),
            ))
            .execute(self.c)?;
        let eerste = &casus.stappen[0];
        let laatste = casus.stappen.last().unwrap_or(eerste);
        let id = Id::new();
        diesel::insert_into(thuiszitters::table)
            .values((
                thuiszitters::id.eq(id),
                thuiszitters::samenwerkingsverband_id.eq(self.swv),
                thuiszitters::leerling_id.eq(leerling),
                thuiszitters::school_id.eq(self.school),
                thuiszitters::startdatum.eq(eerste.vanaf),
                thuiszitters::einddatum.eq(casus.einde.map(|e| e.0)),
                thuiszitters::eindreden.eq(casus.einde.map(|e| e.1)),
                thuiszitters::toelichting.eq(""),
                thuiszitters::laatste_categorie.eq(laatste.categorie),
                thuiszitters::laatste_perspectief.eq(laatste.perspectief),
                thuiszitters::created_at.eq(now),
                thuiszitters::updated_at.eq(now),
                thuiszitters::versie.eq(1),
            ))
            .execute(self.c)?;
        for s in &casus.stappen {
            verloop::insert(
                self.c,
                id,
                &VerloopInput {
                    vanaf: s.vanaf,
                    categorie: s.categorie,
                    scenario: s.scenario,
                    screening5a: false,
                    perspectief: s.perspectief,
                },
                now,
            )?;
        }
        Ok(())
    }
}

fn gemeente(c: &mut DbConn, cbs: &str) -> Result<Option<Id>, ApiError> {
    Ok(gemeenten::table
        .filter(gemeenten::cbs_code.eq(cbs))
        .select(gemeenten::id)
        .first(c)
        .optional()?)
}

pub fn load(c: &mut DbConn) -> Result<(), ApiError> {
    noord_kennemerland(c)?;
    zuid_kennemerland(c)
}

/// The SWV with `code` if it has no cases yet, with its beheerder (who freezes the peildata).
fn leeg_swv(c: &mut DbConn, code: &str) -> Result<Option<(Id, Id)>, ApiError> {
    let Some(swv) = super::swv::swv_met_code(c, code)? else {
        return Ok(None);
    };
    let loaded: i64 = thuiszitters::table
        .filter(thuiszitters::samenwerkingsverband_id.eq(swv))
        .count()
        .get_result(c)?;
    let beheerder: Option<Id> = gebruikers::table
        .filter(gebruikers::samenwerkingsverband_id.eq(swv))
        .filter(gebruikers::rol.eq(Rol::Beheerder))
        .select(gebruikers::id)
        .first(c)
        .optional()?;
    Ok(beheerder.filter(|_| loaded == 0).map(|b| (swv, b)))
}

/// Freezes the SWV's peildata of the school year starting in `jaar`, as they were reported.
fn vaststellen(c: &mut DbConn, swv: Id, door: Id, jaar: i32) -> Result<(), ApiError> {
    let dagen: String = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(swv))
        .select(samenwerkingsverbanden::peildata)
        .first(c)?;
    for datum in in_schooljaar(&dagen, jaar) {
        peildata::freeze(c, swv, door, &PeildatumInput { datum })?;
    }
    Ok(())
}

fn noord_kennemerland(c: &mut DbConn) -> Result<(), ApiError> {
    let Some((swv, beheerder)) = leeg_swv(c, "PO2702")? else {
        return Ok(());
    };
    let (Some(alkmaar), Some(hhw), Some(langedijk)) = (
        gemeente(c, "0361")?,
        gemeente(c, "0398")?,
        gemeente(c, "0416")?,
    ) else {
        return Ok(());
    };
    use Perspectief::*;
    // Where the cohort of 15 March is on 15 June, per gemeente (Alkmaar, Heerhugowaard,
    // Langedijk): the consulenten's table.
    let tabel: [(Perspectief, [usize; 3]); 9] = [
        (GeplaatstRegulier, [0, 3, 1]),
        (GeplaatstSbo, [3, 1, 0]),
        (GeplaatstSo, [1, 1, 1]),
        (Onderwijszorg, [1, 0, 0]),
        (ZorgBovenliggend, [2, 1, 0]),
        (SchoolGevondenWachtOpPlaatsing, [1, 2, 0]),
        (InGesprekMetPerspectief, [0, 4, 1]),
        (InGesprek, [0, 2, 0]),
        (ThuisMetPerspectief, [1, 1, 0]),
    ];
    let leerplicht = [
        ThuiszitterCategorie::LangdurigRelatiefVerzuim,
        ThuiszitterCategorie::AbsoluutVerzuim,
        ThuiszitterCategorie::LangdurigZiek,
        ThuiszitterCategorie::RelatiefVerzuim,
    ];
    let mut w = Schrijver {
        c,
        swv,
        prefix: "NK",
        school: None,
        n: 0,
    };
    let mut k = 0usize;
    for (perspectief, per) in tabel {
        for (g, n) in [alkmaar, hhw, langedijk].into_iter().zip(per) {
            for _ in 0..n {
                k += 1;
                let start = d(2016, 11, 7) + Duration::days(4 * k as i64);
                // Twelve were at home on 15 March, fifteen at risk.
                let eerst = if k % 9 < 4 {
                    stap(start, leerplicht[k % 4], Some(InGesprek))
                } else {
                    dreigend(start, SCENARIOS[k % 5], Some(InGesprek))
                };
                let later = Stap {
                    vanaf: d(2017, 5, 1) + Duration::days(k as i64),
                    perspectief: Some(perspectief),
                    ..eerst
                };
                let einde = if perspectief.weer_onderwijs() {
                    Eindreden::Onderwijs
                } else if perspectief == ZorgBovenliggend {
                    Eindreden::Vrijstelling
                } else {
                    Eindreden::Overig
                };
                w.write(Casus {
                    gemeente: g,
                    geboortemaand: format!("{}-{:02}", 2006 + k % 5, 1 + k % 12),
                    stappen: vec![eerst, later],
                    einde: Some((d(2017, 7, 14), einde)),
                })?;
            }
        }
    }
    vaststellen(c, swv, beheerder, 2016)
}

/// A group of leerplicht cases alike: `n` from `start` to `eind`.
struct Groep {
    n: usize,
    start: NaiveDate,
    eind: NaiveDate,
    categorie: ThuiszitterCategorie,
}

fn groep(n: usize, start: NaiveDate, eind: NaiveDate, categorie: ThuiszitterCategorie) -> Groep {
    Groep {
        n,
        start,
        eind,
        categorie,
    }
}

fn zuid_kennemerland(c: &mut DbConn) -> Result<(), ApiError> {
    let Some((swv, beheerder)) = leeg_swv(c, "PO2703")? else {
        return Ok(());
    };
    let mut gemeenten: Vec<Id> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select(scholen::gemeente_id)
        .distinct()
        .load(c)?;
    gemeenten.sort();
    if gemeenten.is_empty() {
        return Ok(());
    }
    use Perspectief::*;
    use ThuiszitterCategorie::*;
    let mut w = Schrijver {
        c,
        swv,
        prefix: "ZK",
        school: None,
        n: 0,
    };
    let mut k = 0usize;
    let mut schrijf = |w: &mut Schrijver,
                       stappen: Vec<Stap>,
                       einde: Option<(NaiveDate, Eindreden)>,
                       jong: bool| {
        k += 1;
        let geboortemaand = if jong {
            "2018-06".to_string()
        } else {
            format!("{}-{:02}", 2011 + k % 5, 1 + k % 12)
        };
        w.write(Casus {
            gemeente: gemeenten[k % gemeenten.len()],
            geboortemaand,
            stappen,
            einde,
        })
    };
    // Each year: leerplicht cases whose stays at home fall on the peildata so that the three
    // peildata up to 15 March count 11, 12, 13 (2021-2022) and 16, 17, 18 (2022-2023), with the
    // duration bands of the seed, and 15 June 2023 counts 17, so the whole year 2022-2023 also
    // averages 17 (the KPI of seed 000); then pupils at risk up to the cases needing attention.
    let jaren: [(i32, Vec<Groep>, usize, usize); 2] = [
        (
            2021,
            vec![
                groep(5, d(2021, 6, 1), d(2022, 6, 30), Vrijstelling_5b),
                groep(3, d(2021, 6, 15), d(2021, 10, 14), AbsoluutVerzuim),
                groep(3, d(2021, 9, 1), d(2021, 9, 20), RelatiefVerzuim),
                groep(1, d(2021, 10, 4), d(2022, 7, 1), Vrijstelling_5a),
                groep(3, d(2021, 10, 4), d(2022, 7, 1), LangdurigZiek),
                groep(1, d(2021, 9, 16), d(2022, 1, 6), LangdurigRelatiefVerzuim),
                groep(2, d(2021, 11, 15), d(2022, 1, 20), LangdurigRelatiefVerzuim),
                groep(4, d(2022, 1, 17), d(2022, 4, 20), AbsoluutVerzuim),
                groep(2, d(2021, 9, 20), d(2021, 11, 28), RelatiefVerzuim),
                groep(2, d(2021, 10, 11), d(2021, 10, 25), RelatiefVerzuim),
            ],
            3,
            74,
        ),
        (
            2022,
            vec![
                groep(8, d(2022, 6, 1), d(2023, 6, 30), LangdurigZiek),
                groep(8, d(2022, 6, 15), d(2022, 10, 14), AbsoluutVerzuim),
                groep(7, d(2022, 10, 3), d(2023, 6, 30), LangdurigRelatiefVerzuim),
                groep(2, d(2022, 9, 16), d(2023, 1, 6), Vrijstelling_5c),
                groep(2, d(2023, 1, 16), d(2023, 6, 30), LangdurigRelatiefVerzuim),
                groep(1, d(2023, 1, 16), d(2023, 5, 15), LangdurigRelatiefVerzuim),
                groep(13, d(2022, 9, 19), d(2022, 11, 28), RelatiefVerzuim),
                groep(9, d(2022, 10, 3), d(2022, 10, 17), RelatiefVerzuim),
            ],
            5,
            86,
        ),
    ];
    for (jaar, groepen, jong, dreigenden) in jaren {
        let mut jongen = jong;
        for g in groepen {
            for i in 0..g.n {
                // Within a group up to two days apart, ending as many days later: the same band,
                // and no peildatum crossed that the group does not cross.
                let dag = Duration::days(i as i64 % 3);
                let einde = Some((g.eind + dag, Eindreden::Onderwijs));
                let is_jong =
                    jongen > 0 && g.start.year() == jaar && g.start.month() == 6 && i < jong;
                jongen -= usize::from(is_jong);
                let perspectief = [
                    Some(InGesprekMetPerspectief),
                    Some(ThuisMetPerspectief),
                    None,
                ][i % 3];
                schrijf(
                    &mut w,
                    vec![stap(g.start + dag, g.categorie, perspectief)],
                    einde,
                    is_jong,
                )?;
            }
        }
        // Pupils at risk, from the last week of August to March, each followed for six weeks.
        for i in 0..dreigenden {
            let start = d(jaar, 8, 29) + Duration::days((i * 190 / dreigenden) as i64);
            let scenario = SCENARIOS[i % 5];
            schrijf(
                &mut w,
                vec![dreigend(start, scenario, Some(InGesprek))],
                Some((start + Duration::days(42), Eindreden::Onderwijs)),
                false,
            )?;
        }
    }
    // This school year: open cases for the consulent's board, some without a perspective yet.
    let today = time::today();
    let huidig = today.year() - i32::from(today.month() < 8);
    let open: [(ThuiszitterCategorie, Option<Scenario>, Option<Perspectief>); 10] = [
        (AbsoluutVerzuim, None, None),
        (LangdurigRelatiefVerzuim, None, Some(InGesprek)),
        (Dreigend, Some(Scenario::D), None),
        (Vrijstelling_5a, None, Some(ZorgBovenliggend)),
        (LangdurigZiek, None, Some(ThuisMetPerspectief)),
        (Dreigend, Some(Scenario::B), Some(InGesprekMetPerspectief)),
        (RelatiefVerzuim, None, Some(SchoolGevondenWachtOpPlaatsing)),
        (AbsoluutVerzuim, None, Some(ThuisZonderPerspectief)),
        (Dreigend, Some(Scenario::Combinatie), None),
        (
            LangdurigRelatiefVerzuim,
            None,
            Some(InGesprekMetPerspectief),
        ),
    ];
    for (i, (categorie, scenario, perspectief)) in open.into_iter().enumerate() {
        let start = (d(huidig, 9, 5) + Duration::days(9 * i as i64)).min(today);
        schrijf(
            &mut w,
            vec![Stap {
                vanaf: start,
                categorie,
                scenario,
                perspectief,
            }],
            None,
            false,
        )?;
    }
    vaststellen(c, swv, beheerder, 2021)?;
    vaststellen(c, swv, beheerder, 2022)
}
