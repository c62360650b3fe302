//! The items of the caller's worklist, each kind in a few statements whatever the SWV's size.

use chrono::{Duration, NaiveDate};

use crate::store_prelude::*;

use crate::bijeenkomsten::store::{AanmeldingStatus, BijeenkomstStatus};
use crate::domain::werk::{WerkItem, WerkSoort};
use crate::schema::{
    aanmeldingen, activiteiten, activiteitenplannen, bijeenkomsten, evaluaties, leerlingen,
    portefeuille_eigenaren, scholen, schoolcontacten, thuiszitter_verloop, thuiszitters, tlvs,
};
use crate::thuiszitters::store::soorten::Perspectief;
use crate::tlv::store::TlvStatus;

/// An open case: its id, the pupil and its reference, the case's school and the pupil's.
type OpenCase = (Id, Id, String, Option<Id>, Option<Id>);

fn dag(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Everything waiting for `gebruiker` on `vandaag`, in the list's order.
pub fn items(
    c: &mut DbConn,
    swv: Id,
    gebruiker: Id,
    vandaag: NaiveDate,
) -> Result<Vec<WerkItem>, ApiError> {
    let mijn_scholen: Vec<Id> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .filter(scholen::consulent_id.eq(gebruiker))
        .select(scholen::id)
        .load(c)?;
    let mut items = contacten(c, swv, gebruiker, vandaag)?;
    items.extend(tlv(c, swv, &mijn_scholen, vandaag)?);
    items.extend(thuiszitters(c, swv, &mijn_scholen, vandaag)?);
    items.extend(evaluaties_te_doen(c, swv, gebruiker, vandaag)?);
    items.extend(aanwezigheid(c, swv, gebruiker)?);
    WerkItem::sort(&mut items);
    Ok(items)
}

/// The caller's contacts whose follow-up is due and not done.
fn contacten(
    c: &mut DbConn,
    swv: Id,
    gebruiker: Id,
    vandaag: NaiveDate,
) -> Result<Vec<WerkItem>, ApiError> {
    let rijen: Vec<(Id, NaiveDate, String, String)> = schoolcontacten::table
        .inner_join(scholen::table)
        .filter(schoolcontacten::samenwerkingsverband_id.eq(swv))
        .filter(schoolcontacten::consulent_id.eq(gebruiker))
        .filter(schoolcontacten::vervolg_gedaan.eq(false))
        .filter(schoolcontacten::vervolg_op.le(vandaag))
        .select((
            schoolcontacten::id,
            schoolcontacten::vervolg_op.assume_not_null(),
            schoolcontacten::onderwerp,
            scholen::naam,
        ))
        .load(c)?;
    Ok(rijen
        .into_iter()
        .map(|(id, op, onderwerp, school)| WerkItem {
            soort: WerkSoort::SchoolcontactVervolg,
            reden: format!("Vervolg bij {school}: {onderwerp}"),
            datum: op,
            link: format!("/schoolcontacten/{id}"),
            referentie: None,
            leerling_id: None,
        })
        .collect())
}

/// The deadline and missing advice of open requests from the caller's schools: the TLV desk's
/// items of those requests.
fn tlv(
    c: &mut DbConn,
    swv: Id,
    mijn: &[Id],
    vandaag: NaiveDate,
) -> Result<Vec<WerkItem>, ApiError> {
    if mijn.is_empty() {
        return Ok(Vec::new());
    }
    let links: std::collections::HashSet<String> = tlvs::table
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .filter(tlvs::status.eq(TlvStatus::InBehandeling))
        .filter(tlvs::school_van_herkomst_id.eq_any(mijn))
        .select(tlvs::id)
        .load::<Id>(c)?
        .into_iter()
        .map(|id| format!("/toelaatbaarheidsverklaringen/{id}"))
        .collect();
    if links.is_empty() {
        return Ok(Vec::new());
    }
    Ok(crate::tlv::store::werkvoorraad::items(c, swv, vandaag, 6)?
        .into_iter()
        .filter(|i| matches!(i.soort, WerkSoort::TlvTermijn | WerkSoort::TlvAdvies))
        .filter(|i| links.contains(&i.link))
        .collect())
}

/// Open cases of the caller's schools (the case's school, else the pupil's) without a
/// perspective, or whose situation was not updated for six weeks.
fn thuiszitters(
    c: &mut DbConn,
    swv: Id,
    mijn: &[Id],
    vandaag: NaiveDate,
) -> Result<Vec<WerkItem>, ApiError> {
    if mijn.is_empty() {
        return Ok(Vec::new());
    }
    let open: Vec<OpenCase> = thuiszitters::table
        .inner_join(leerlingen::table)
        .filter(thuiszitters::samenwerkingsverband_id.eq(swv))
        .filter(thuiszitters::startdatum.le(vandaag))
        .filter(
            thuiszitters::einddatum
                .is_null()
                .or(thuiszitters::einddatum.gt(vandaag)),
        )
        .select((
            thuiszitters::id,
            thuiszitters::leerling_id,
            leerlingen::referentie,
            thuiszitters::school_id,
            leerlingen::school_id,
        ))
        .load(c)?;
    let open: Vec<(Id, Id, String)> = open
        .into_iter()
        .filter(|(_, _, _, school, pupil_school)| {
            school.or(*pupil_school).is_some_and(|s| mijn.contains(&s))
        })
        .map(|(id, leerling, referentie, _, _)| (id, leerling, referentie))
        .collect();
    let ids: Vec<Id> = open.iter().map(|o| o.0).collect();
    let mut laatste: std::collections::HashMap<Id, (NaiveDate, Option<Perspectief>)> =
        std::collections::HashMap::new();
    for (case, vanaf, perspectief) in thuiszitter_verloop::table
        .filter(thuiszitter_verloop::thuiszitter_id.eq_any(&ids))
        .filter(thuiszitter_verloop::vanaf.le(vandaag))
        .order((
            thuiszitter_verloop::thuiszitter_id,
            thuiszitter_verloop::vanaf,
        ))
        .select((
            thuiszitter_verloop::thuiszitter_id,
            thuiszitter_verloop::vanaf,
            thuiszitter_verloop::perspectief,
        ))
        .load::<(Id, NaiveDate, Option<Perspectief>)>(c)?
    {
        laatste.insert(case, (vanaf, perspectief));
    }
    let mut items = Vec::new();
    for (id, leerling, referentie) in open {
        let Some(&(vanaf, perspectief)) = laatste.get(&id) else {
            continue;
        };
        let link = format!("/thuiszitters/{id}");
        if matches!(
            perspectief,
            None | Some(Perspectief::ThuisZonderPerspectief)
        ) {
            items.push(WerkItem {
                soort: WerkSoort::ThuiszitterPerspectief,
                reden: format!("Geen perspectief sinds {}", dag(vanaf)),
                datum: vanaf,
                link: link.clone(),
                referentie: Some(referentie.clone()),
                leerling_id: Some(leerling),
            });
        }
        let stil = vanaf + Duration::days(42);
        if stil <= vandaag {
            items.push(WerkItem {
                soort: WerkSoort::ThuiszitterStil,
                reden: format!("Situatie niet bijgewerkt sinds {}", dag(vanaf)),
                datum: stil,
                link,
                referentie: Some(referentie),
                leerling_id: Some(leerling),
            });
        }
    }
    Ok(items)
}

/// The caller's activities without an evaluation once the last two months of their school
/// year have begun; due 31 July.
fn evaluaties_te_doen(
    c: &mut DbConn,
    swv: Id,
    gebruiker: Id,
    vandaag: NaiveDate,
) -> Result<Vec<WerkItem>, ApiError> {
    let rijen: Vec<(Id, String, String)> = activiteiten::table
        .inner_join(activiteitenplannen::table)
        .filter(activiteiten::samenwerkingsverband_id.eq(swv))
        .filter(activiteiten::verantwoordelijke_id.eq(gebruiker))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            evaluaties::table.filter(evaluaties::activiteit_id.eq(activiteiten::id)),
        )))
        .select((
            activiteiten::id,
            activiteiten::omschrijving,
            activiteitenplannen::schooljaar,
        ))
        .load(c)?;
    Ok(rijen
        .into_iter()
        .filter_map(|(id, omschrijving, schooljaar)| {
            let eind: i32 = schooljaar.get(5..9)?.parse().ok()?;
            let begin = NaiveDate::from_ymd_opt(eind, 6, 1)?;
            let datum = NaiveDate::from_ymd_opt(eind, 7, 31)?;
            (vandaag >= begin).then(|| WerkItem {
                soort: WerkSoort::ActiviteitEvaluatie,
                reden: format!("Evalueren ({schooljaar}): {omschrijving}"),
                datum,
                link: format!("/activiteiten/{id}"),
                referentie: None,
                leerling_id: None,
            })
        })
        .collect())
}

/// Meetings held or started, of an activity the caller is responsible for or a portefeuille
/// she owns, with registrations but no attendance recorded.
fn aanwezigheid(c: &mut DbConn, swv: Id, gebruiker: Id) -> Result<Vec<WerkItem>, ApiError> {
    let nu = time::now();
    let mijn_activiteiten = activiteiten::table
        .filter(activiteiten::verantwoordelijke_id.eq(gebruiker))
        .select(activiteiten::id.nullable());
    let mijn_portefeuilles = portefeuille_eigenaren::table
        .filter(portefeuille_eigenaren::gebruiker_id.eq(gebruiker))
        .select(portefeuille_eigenaren::portefeuille_id.nullable());
    let aangemeld = aanmeldingen::table
        .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomsten::id))
        .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld));
    let rijen: Vec<(Id, String, NaiveDateTime)> = bijeenkomsten::table
        .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
        .filter(bijeenkomsten::start.le(nu))
        .filter(bijeenkomsten::status.ne(BijeenkomstStatus::Geannuleerd))
        .filter(
            bijeenkomsten::activiteit_id
                .eq_any(mijn_activiteiten)
                .or(bijeenkomsten::portefeuille_id.eq_any(mijn_portefeuilles)),
        )
        .filter(diesel::dsl::exists(aangemeld))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            aanmeldingen::table
                .filter(aanmeldingen::bijeenkomst_id.eq(bijeenkomsten::id))
                .filter(aanmeldingen::aanwezig.is_not_null()),
        )))
        .select((
            bijeenkomsten::id,
            bijeenkomsten::titel,
            bijeenkomsten::start,
        ))
        .load(c)?;
    Ok(rijen
        .into_iter()
        .map(|(id, titel, start)| {
            let datum = time::local_date(start);
            WerkItem {
                soort: WerkSoort::BijeenkomstAanwezigheid,
                reden: format!("Aanwezigheid vastleggen: {titel} ({})", dag(datum)),
                datum,
                link: format!("/bijeenkomsten/{id}"),
                referentie: None,
                leerling_id: None,
            }
        })
        .collect())
}
