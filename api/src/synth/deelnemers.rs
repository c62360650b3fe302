//! The people of one synthetic SWV who come to meetings: invented names, unique email
//! addresses, a school and a function.

use std::collections::HashSet;

use crate::bijeenkomsten::store::Functie as F;
use crate::db::Id;

use super::names::*;
use super::org::Org;
use super::rng::Rng;

pub(super) struct Person {
    pub(super) naam: String,
    pub(super) email: String,
    pub(super) sleutel: String,
    pub(super) school: Option<Id>,
}

/// The people of one SWV, by function.
pub(super) struct Pool {
    pub(super) people: Vec<Person>,
    pub(super) by_functie: Vec<Vec<u32>>,
    pub(super) functie: Vec<F>,
}

pub(super) fn slug(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'ë' | 'é' | 'è' => Some('e'),
            'ö' | 'ó' => Some('o'),
            'ı' | 'ï' => Some('i'),
            'ü' => Some('u'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

impl Pool {
    pub(super) fn add(
        &mut self,
        rng: &mut Rng,
        taken: &mut HashSet<String>,
        functie: F,
        school: Option<Id>,
        domein: &str,
    ) {
        let voornaam = rng.pick(VOORNAMEN);
        let achternaam = rng.pick(ACHTERNAMEN);
        let base = format!("{}.{}", slug(voornaam), slug(achternaam));
        let mut local = base.clone();
        let mut n = 2;
        while !taken.insert(format!("{local}@{domein}")) {
            local = format!("{base}{n}");
            n += 1;
        }
        let sleutel = format!("{local}@{domein}");
        // Some people type their address with capitals; the key is what makes it unique.
        let email = if rng.chance(0.1) {
            let mut e = sleutel.clone();
            if let Some(first) = e.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            e
        } else {
            sleutel.clone()
        };
        let i = self.people.len() as u32;
        self.people.push(Person {
            naam: format!("{voornaam} {achternaam}"),
            email,
            sleutel,
            school,
        });
        self.functie.push(functie);
        self.by_functie[functie as usize].push(i);
    }

    pub(super) fn of(org: &Org, rng: &mut Rng) -> Pool {
        let mut pool = Pool {
            people: Vec::new(),
            by_functie: vec![Vec::new(); F::ALL.len()],
            functie: Vec::new(),
        };
        let mut taken = HashSet::new();
        let vo = org.sector == crate::org::store::swv::Sector::Vo;
        for s in &org.scholen {
            let domein = format!("{}.school.example", s.brin.to_lowercase());
            let staff = [
                (F::InternBegeleider, rng.range(1, 2)),
                (F::Directeur, 1),
                (
                    F::Leerkracht,
                    if vo {
                        rng.range(15, 30)
                    } else {
                        rng.range(8, 16)
                    },
                ),
                (F::Onderwijsassistent, rng.range(1, 3)),
                (F::Specialist, i64::from(rng.chance(0.3))),
                (F::Student, rng.range(0, 2)),
                (F::Ouder, rng.range(2, 5)),
            ];
            for (functie, n) in staff {
                for _ in 0..n {
                    pool.add(rng, &mut taken, functie, Some(s.id), &domein);
                }
            }
        }
        let swv_domein = format!("{}.swv.example", org.code.to_lowercase());
        let partners = [
            (
                F::Jeugdprofessional,
                rng.range(8, 20),
                "jeugdteam.example".to_string(),
            ),
            (F::AmbulantBegeleider, rng.range(4, 10), swv_domein.clone()),
            (F::Overig, rng.range(4, 8), "partner.example".to_string()),
        ];
        for (functie, n, domein) in partners {
            for _ in 0..n {
                pool.add(rng, &mut taken, functie, None, &domein);
            }
        }
        for g in &org.gemeenten {
            let domein = format!("{}.gemeente.example", slug(g));
            for _ in 0..2 {
                pool.add(rng, &mut taken, F::Gemeente, None, &domein);
            }
        }
        pool
    }

    /// Someone of this function not yet registered for the meeting; anyone not yet registered
    /// when that function is exhausted; `None` when the tries run out.
    pub(super) fn pick(&self, rng: &mut Rng, functie: F, here: &mut HashSet<u32>) -> Option<u32> {
        let own = &self.by_functie[functie as usize];
        for list in [own.as_slice(), &[]] {
            for _ in 0..6 {
                let i = if list.is_empty() {
                    rng.below(self.people.len()) as u32
                } else {
                    *rng.pick(list)
                };
                if here.insert(i) {
                    return Some(i);
                }
            }
        }
        None
    }
}
