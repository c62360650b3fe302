//! The organisation: gemeenten (national, shared by neighbouring SWV's), and per SWV its
//! schoolbesturen, werkgebieden, scholen and users of every role.

use crate::auth::Rol;
use crate::db::Id;
use crate::org::store::scholen::SchoolSoort;
use crate::org::store::swv::Sector;

use super::names::*;
use super::rng::Rng;
use super::rows;
use super::world::{Batch, World};

/// A school as the planning and the meetings need it.
pub struct SchoolRef {
    pub id: Id,
    pub naam: String,
    pub brin: String,
    pub soort: SchoolSoort,
    pub gemeente: Id,
    pub leerlingaantal: Option<i32>,
}

/// What the later generators of one SWV need from its organisation.
pub struct Org {
    pub swv: Id,
    pub code: String,
    pub naam: String,
    pub sector: Sector,
    pub scholen: Vec<SchoolRef>,
    pub gemeenten: Vec<String>,
    pub beheerder: Id,
    pub consulenten: Vec<Id>,
    /// `(rol, email)` of the first user of every role.
    pub logins: Vec<(Rol, String)>,
}

/// How many gemeenten the country has for `swvs` SWV's (about 350 for 150).
pub fn gemeente_count(swvs: u32) -> usize {
    ((swvs as usize * 7).div_ceil(3)).max(3)
}

/// Distinct invented place names: the index is spread over all combinations of the lists.
fn gemeente_naam(j: usize) -> String {
    let space = PLAATS_BEGIN.len() * PLAATS_EIND.len() * PLAATS_TOEVOEGING.len();
    let p = (j * 1021) % space;
    let begin = PLAATS_BEGIN[p % PLAATS_BEGIN.len()];
    let eind = PLAATS_EIND[(p / PLAATS_BEGIN.len()) % PLAATS_EIND.len()];
    let toevoeging = PLAATS_TOEVOEGING[p / (PLAATS_BEGIN.len() * PLAATS_EIND.len())];
    format!("{begin}{eind}{toevoeging}")
}

/// 4-digit CBS codes, distinct for fewer than 9999 gemeenten, not in index order.
fn cbs_code(j: usize) -> String {
    format!("{:04}", (j * 7919) % 9999 + 1)
}

/// The day the first two gemeenten merge into a new one, as Heerhugowaard and Langedijk did.
pub fn herindeling() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2022, 1, 1).expect("valid date")
}

/// The gemeenten, and one municipal merger: the first two go on in a new one (written first, as
/// they refer to it) from `herindeling()`. Their schools and pupils keep the old gemeente, as
/// records do; the monitor counts them in the new one from that day.
pub fn gemeenten(world: &mut World, batch: &mut Batch) {
    let now = world.created;
    let n = gemeente_count(world.swvs);
    let opvolger = world.ids.next();
    batch.gemeenten.push(rows::Gemeente {
        id: opvolger,
        cbs_code: cbs_code(n),
        naam: gemeente_naam(n),
        actief_tot: None,
        opgevolgd_door_id: None,
        created_at: now,
        updated_at: now,
        versie: 1,
    });
    for j in 0..n {
        let id = world.ids.next();
        let naam = gemeente_naam(j);
        let samengevoegd = j < 2;
        batch.gemeenten.push(rows::Gemeente {
            id,
            cbs_code: cbs_code(j),
            naam: naam.clone(),
            actief_tot: samengevoegd.then(herindeling),
            opgevolgd_door_id: samengevoegd.then_some(opvolger),
            created_at: now,
            updated_at: now,
            versie: 1,
        });
        world.gemeenten.push((id, naam));
    }
}

/// A BRIN of the form `99XX00`, nationally unique: the counter is scattered over the
/// 100 × 26 × 26 institution codes, with the vestiging number beyond that.
fn brin(k: u64) -> String {
    const SPACE: u64 = 100 * 26 * 26;
    let p = (k * 7919) % SPACE;
    let letters = p % 676;
    format!(
        "{:02}{}{}{:02}",
        p / 676,
        (b'A' + (letters / 26) as u8) as char,
        (b'A' + (letters % 26) as u8) as char,
        k / SPACE
    )
}

fn soort_for(sector: Sector, rng: &mut Rng) -> SchoolSoort {
    use SchoolSoort::*;
    match sector {
        Sector::Po => rng.weighted(&[(Bao, 82), (Ikc, 8), (Sbo, 6), (So, 4)]),
        Sector::Vo => rng.weighted(&[(Vo, 85), (Vso, 15)]),
    }
}

fn school_naam(soort: SchoolSoort, rng: &mut Rng) -> String {
    let naam = rng.pick(SCHOOLNAAM);
    match soort {
        SchoolSoort::Bao => format!(
            "{}{naam}",
            rng.pick(&["", "OBS ", "CBS ", "RKBS ", "Basisschool "])
        ),
        SchoolSoort::Ikc => format!("IKC {naam}"),
        SchoolSoort::Sbo => format!("SBO {naam}"),
        SchoolSoort::So => format!("SO {naam}"),
        SchoolSoort::Vso => format!("VSO {naam}"),
        SchoolSoort::Vo => format!("{} {}", rng.pick(VO_NAAM), rng.pick(VO_SOORT)),
    }
}

fn leerlingaantal(soort: SchoolSoort, rng: &mut Rng) -> Option<i32> {
    let (lo, hi) = match soort {
        SchoolSoort::Bao => (60, 520),
        SchoolSoort::Ikc => (150, 600),
        SchoolSoort::Sbo => (80, 220),
        SchoolSoort::So => (40, 160),
        SchoolSoort::Vso => (60, 300),
        SchoolSoort::Vo => (350, 2200),
    };
    // Some schools have not filled in their numbers.
    (!rng.chance(0.05)).then(|| rng.range(lo, hi) as i32)
}

fn person_naam(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(VOORNAMEN), rng.pick(ACHTERNAMEN))
}

/// The SWV with index `i`: its sector, code and organisation.
pub fn swv(world: &mut World, rng: &mut Rng, batch: &mut Batch, i: usize) -> Org {
    // About a third of the SWV's is secondary, as in the country.
    let sector = if i % 3 == 1 { Sector::Vo } else { Sector::Po };
    let code = match sector {
        Sector::Po => {
            world.po += 1;
            format!("PO{:04}", world.po)
        }
        Sector::Vo => {
            world.vo += 1;
            format!("VO{:04}", world.vo)
        }
    };
    let g = world.gemeenten.len();
    let first = i * g / world.swvs as usize;
    let width = (rng.range(3, 5) as usize).min(g);
    let gemeenten: Vec<usize> = (0..width).map(|k| (first + k) % g).collect();
    let regio = world.gemeenten[gemeenten[0]].1.clone();
    let label = match sector {
        Sector::Po => "PO",
        Sector::Vo => "VO",
    };
    let naam = format!("Samenwerkingsverband {label} {regio} e.o.");
    let swv = world.ids.next();
    let now = world.created;
    batch.samenwerkingsverbanden.push(rows::Swv {
        id: swv,
        naam: naam.clone(),
        code: code.clone(),
        sector,
        created_at: now,
        updated_at: now,
        versie: 1,
    });

    let besturen = besturen(world, rng, batch, swv, sector, &regio);
    let werkgebieden = werkgebieden(world, rng, batch, swv, &regio);
    let scholen = scholen(
        world,
        rng,
        batch,
        swv,
        sector,
        &besturen,
        &werkgebieden,
        &gemeenten,
    );
    let (beheerder, consulenten, logins) = gebruikers(world, rng, batch, swv, &code);
    // The consulenten share the schools; one in fifty has none yet.
    for (k, s) in batch
        .scholen
        .iter_mut()
        .filter(|s| s.samenwerkingsverband_id == swv)
        .enumerate()
    {
        if !consulenten.is_empty() && !rng.chance(0.02) {
            s.consulent_id = Some(consulenten[k % consulenten.len()]);
        }
    }
    Org {
        swv,
        code,
        naam,
        sector,
        scholen,
        gemeenten: gemeenten
            .iter()
            .map(|&j| world.gemeenten[j].1.clone())
            .collect(),
        beheerder,
        consulenten,
        logins,
    }
}

/// The boards; the last one runs the special schools.
fn besturen(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    sector: Sector,
    regio: &str,
) -> Vec<Id> {
    let n = match sector {
        Sector::Po => rng.range(5, 10),
        Sector::Vo => rng.range(3, 6),
    } as usize;
    let templates = match sector {
        Sector::Po => BESTUUR_PO,
        Sector::Vo => BESTUUR_VO,
    };
    let merken = rng.sample(BESTUUR_MERK.len(), n);
    let now = world.created;
    (0..n)
        .map(|k| {
            let naam = if k == n - 1 {
                format!("Stichting Gespecialiseerd Onderwijs {regio}")
            } else if k < templates.len() && rng.chance(0.5) {
                format!("{} {regio}", templates[k])
            } else {
                format!("Stichting {}", BESTUUR_MERK[merken[k]])
            };
            world.besturen += 1;
            let id = world.ids.next();
            batch.schoolbesturen.push(rows::Schoolbestuur {
                id,
                samenwerkingsverband_id: swv,
                naam,
                bevoegd_gezag_nummer: format!("{}", 10_000 + world.besturen),
                created_at: now,
                updated_at: now,
                versie: 1,
            });
            id
        })
        .collect()
}

fn werkgebieden(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    regio: &str,
) -> Vec<Id> {
    let n = rng.range(4, 9) as usize;
    let now = world.created;
    KOMPAS[..n]
        .iter()
        .map(|k| {
            let id = world.ids.next();
            batch.werkgebieden.push(rows::Werkgebied {
                id,
                samenwerkingsverband_id: swv,
                naam: format!("{regio} {k}"),
                created_at: now,
                updated_at: now,
                versie: 1,
            });
            id
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn scholen(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    sector: Sector,
    besturen: &[Id],
    werkgebieden: &[Id],
    gemeenten: &[usize],
) -> Vec<SchoolRef> {
    let n = match sector {
        Sector::Po => rng.range(40, 80),
        Sector::Vo => rng.range(12, 30),
    };
    let now = world.created;
    let regular = &besturen[..besturen.len() - 1];
    (0..n)
        .map(|_| {
            let soort = soort_for(sector, rng);
            let special = matches!(soort, SchoolSoort::Sbo | SchoolSoort::So | SchoolSoort::Vso);
            // Boards differ in size: the first ones run most schools.
            let bestuur = if special {
                besturen[besturen.len() - 1]
            } else {
                regular[rng.below(regular.len()).min(rng.below(regular.len()))]
            };
            let id = world.ids.next();
            let naam = school_naam(soort, rng);
            let brin = brin(world.scholen);
            world.scholen += 1;
            let gemeente = world.gemeenten[*rng.pick(gemeenten)].0;
            let leerlingaantal = leerlingaantal(soort, rng);
            batch.scholen.push(rows::School {
                id,
                samenwerkingsverband_id: swv,
                naam: naam.clone(),
                brin: brin.clone(),
                soort,
                schoolbestuur_id: bestuur,
                gemeente_id: gemeente,
                werkgebied_id: (!rng.chance(0.1)).then(|| *rng.pick(werkgebieden)),
                leerlingaantal,
                consulent_id: None,
                created_at: now,
                updated_at: now,
                versie: 1,
            });
            SchoolRef {
                id,
                naam,
                brin,
                soort,
                gemeente,
                leerlingaantal,
            }
        })
        .collect()
}

/// Users of every role; the first of each role is `{rol}@{code}.synth.example`, the others are
/// numbered from 2, so scripts can sign in as any role of any SWV.
fn gebruikers(
    world: &mut World,
    rng: &mut Rng,
    batch: &mut Batch,
    swv: Id,
    code: &str,
) -> (Id, Vec<Id>, Vec<(Rol, String)>) {
    let domein = format!("{}.synth.example", code.to_lowercase());
    let consulenten = rng.range(5, 7) as usize;
    let mut beheerder = None;
    let mut ids = Vec::new();
    let mut logins = Vec::new();
    let now = world.created;
    for (rol, n) in [
        (Rol::Beheerder, 1),
        (Rol::Consulent, consulenten),
        (Rol::Medewerker, 2),
        (Rol::Lezer, 2),
    ] {
        for k in 1..=n {
            let email = if k == 1 {
                format!("{rol}@{domein}")
            } else {
                format!("{rol}{k}@{domein}")
            };
            if k == 1 {
                logins.push((rol, email.clone()));
            }
            let id = world.ids.next();
            match rol {
                Rol::Beheerder => beheerder = Some(id),
                Rol::Consulent => ids.push(id),
                _ => {}
            }
            batch.gebruikers.push(rows::Gebruiker {
                id,
                samenwerkingsverband_id: Some(swv),
                email,
                naam: person_naam(rng),
                rol,
                actief: true,
                wachtwoord_hash: world.hash.clone(),
                created_at: now,
                updated_at: now,
                versie: 1,
            });
        }
    }
    (beheerder.unwrap_or(swv), ids, logins)
}

pub fn platformbeheerder(world: &mut World, batch: &mut Batch) {
    let now = world.created;
    batch.gebruikers.push(rows::Gebruiker {
        id: world.ids.next(),
        samenwerkingsverband_id: None,
        email: super::world::PLATFORM.to_string(),
        naam: "Platformbeheer (synthetisch)".to_string(),
        rol: Rol::Platformbeheerder,
        actief: true,
        wachtwoord_hash: world.hash.clone(),
        created_at: now,
        updated_at: now,
        versie: 1,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brins_are_valid_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for k in 0..80_000 {
            let b = brin(k);
            assert!(crate::org::store::scholen::BRIN.is_match(&b), "{b}");
            assert!(seen.insert(b));
        }
    }

    #[test]
    fn gemeenten_have_unique_codes_and_names() {
        let n = gemeente_count(1000);
        let codes: std::collections::HashSet<_> = (0..n).map(cbs_code).collect();
        let names: std::collections::HashSet<_> = (0..n).map(gemeente_naam).collect();
        assert_eq!((codes.len(), names.len()), (n, n));
        assert_eq!(gemeente_count(150), 350);
    }
}
