//! `/bijeenkomsten`: the meetings themselves, their series (`herhaling`) and calendar file.

use super::invoer::{insert_row, BijeenkomstInput, Fields};
use super::rij::Row;
use super::{BijeenkomstSoort, BijeenkomstStatus, Vorm};
use crate::error::{ApiError, InvalidParam};
use crate::schema::{aanmeldingen, bijeenkomsten};
use crate::store_prelude::*;

/// A meeting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a21", "titel": "Groot Netwerk", "omschrijving": "Samen met het SWV VO.",
    "soort": "groot_netwerk", "start": "2023-03-23T14:00:00Z", "eind": "2023-03-23T17:30:00Z", "vorm": "live",
    "locatie": "Philharmonie Haarlem", "minDeelnemers": null, "maxDeelnemers": 250, "streefOpkomst": 150,
    "streefPercentage": null, "doelgroepOmvang": null, "activiteitId": null, "projectId": null, "portefeuilleId": null,
    "status": "doorgegaan", "publiek": false, "aanmeldenTot": null, "herinneringUrenVooraf": 24, "schooljaar": "2022-2023", "publicId": "k7m2p9rt4x",
    "reeksId": null, "aantalAangemeld": 196, "aantalWachtlijst": 0, "aantalAanwezig": 180,
    "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1
}))]
pub struct Bijeenkomst {
    pub id: Id,
    pub titel: String,
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub start: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub eind: NaiveDateTime,
    pub vorm: Vorm,
    pub locatie: Option<String>,
    pub min_deelnemers: Option<i32>,
    /// Boven dit aantal komen nieuwe aanmeldingen op de wachtlijst.
    pub max_deelnemers: Option<i32>,
    /// Het streefaantal aanwezigen (een minimum).
    pub streef_opkomst: Option<i32>,
    /// Het streefpercentage (0-100) van de doelgroep.
    pub streef_percentage: Option<f64>,
    /// De omvang van de doelgroep bij een streefpercentage.
    pub doelgroep_omvang: Option<i32>,
    pub activiteit_id: Option<Id>,
    pub project_id: Option<Id>,
    pub portefeuille_id: Option<Id>,
    pub status: BijeenkomstStatus,
    /// Open voor aanmelding door deelnemers zelf, via de publieke pagina.
    pub publiek: bool,
    /// Tot wanneer deelnemers zich zelf kunnen aanmelden (leeg: tot de start).
    #[serde(with = "time::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub aanmelden_tot: Option<NaiveDateTime>,
    /// Zoveel uur voor de start een herinnering aan de aangemelde deelnemers (`null`: geen).
    pub herinnering_uren_vooraf: Option<i32>,
    /// Afgeleid van de start (Europe/Amsterdam).
    #[schema(read_only, example = "2022-2023")]
    pub schooljaar: String,
    /// Kenmerk van de publieke aanmeldpagina (`/publiek/bijeenkomsten/{publicId}`).
    #[schema(read_only)]
    pub public_id: String,
    /// De eerste bijeenkomst van de reeks waarvan deze een herhaling is.
    #[schema(read_only)]
    pub reeks_id: Option<Id>,
    #[schema(read_only)]
    pub aantal_aangemeld: i64,
    #[schema(read_only)]
    pub aantal_wachtlijst: i64,
    #[schema(read_only)]
    pub aantal_aanwezig: i64,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

impl From<&Bijeenkomst> for BijeenkomstInput {
    fn from(b: &Bijeenkomst) -> Self {
        BijeenkomstInput {
            titel: b.titel.clone(),
            omschrijving: b.omschrijving.clone(),
            soort: b.soort,
            start: b.start,
            eind: b.eind,
            vorm: b.vorm,
            locatie: b.locatie.clone(),
            min_deelnemers: b.min_deelnemers,
            max_deelnemers: b.max_deelnemers,
            streef_opkomst: b.streef_opkomst,
            streef_percentage: b.streef_percentage,
            doelgroep_omvang: b.doelgroep_omvang,
            activiteit_id: b.activiteit_id,
            project_id: b.project_id,
            portefeuille_id: b.portefeuille_id,
            status: b.status,
            publiek: b.publiek,
            aanmelden_tot: b.aanmelden_tot,
            herinnering_uren_vooraf: b.herinnering_uren_vooraf,
        }
    }
}

/// The filters of the list, within one SWV.
#[derive(Clone)]
pub struct Filter {
    pub swv: Id,
    pub schooljaar: Option<String>,
    pub soort: Option<BijeenkomstSoort>,
    pub status: Option<BijeenkomstStatus>,
    pub vorm: Option<Vorm>,
    pub publiek: Option<bool>,
    pub activiteit_id: Option<Id>,
    pub project_id: Option<Id>,
    pub portefeuille_id: Option<Id>,
    pub vanaf: Option<NaiveDateTime>,
    pub tot: Option<NaiveDateTime>,
    pub search: Option<String>,
}

pub fn scoped(swv: Id) -> bijeenkomsten::BoxedQuery<'static, MultiBackend> {
    bijeenkomsten::table
        .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(swv: Id, f: &Filter) -> bijeenkomsten::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = &f.schooljaar {
        q = q.filter(bijeenkomsten::schooljaar.eq(v.clone()));
    }
    if let Some(v) = f.soort {
        q = q.filter(bijeenkomsten::soort.eq(v));
    }
    if let Some(v) = f.status {
        q = q.filter(bijeenkomsten::status.eq(v));
    }
    if let Some(v) = f.vorm {
        q = q.filter(bijeenkomsten::vorm.eq(v));
    }
    if let Some(v) = f.publiek {
        q = q.filter(bijeenkomsten::publiek.eq(v));
    }
    if let Some(v) = f.activiteit_id {
        q = q.filter(bijeenkomsten::activiteit_id.eq(v));
    }
    if let Some(v) = f.project_id {
        q = q.filter(bijeenkomsten::project_id.eq(v));
    }
    if let Some(v) = f.portefeuille_id {
        q = q.filter(bijeenkomsten::portefeuille_id.eq(v));
    }
    if let Some(v) = f.vanaf {
        q = q.filter(bijeenkomsten::start.ge(v));
    }
    if let Some(v) = f.tot {
        q = q.filter(bijeenkomsten::start.lt(v));
    }
    if let Some(p) = &f.search {
        q = q.filter(lower(bijeenkomsten::titel).like(p.clone()).escape('\\'));
    }
    q
}

pub fn with_counts(c: &mut DbConn, rows: Vec<Row>) -> Result<Vec<Bijeenkomst>, ApiError> {
    let mut n =
        super::telling::tallies(c, rows.iter().map(|r| r.id).collect(), &Reach::everything())?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let t = n.remove(&r.id).unwrap_or_default();
            let (aangemeld, wachtlijst, aanwezig) = (t.aangemeld, t.wachtlijst, t.aanwezig);
            Bijeenkomst {
                id: r.id,
                titel: r.titel,
                omschrijving: r.omschrijving,
                soort: r.soort,
                start: r.start,
                eind: r.eind,
                vorm: r.vorm,
                locatie: r.locatie,
                min_deelnemers: r.min_deelnemers,
                max_deelnemers: r.max_deelnemers,
                streef_opkomst: r.streef_opkomst,
                streef_percentage: r.streef_percentage,
                doelgroep_omvang: r.doelgroep_omvang,
                activiteit_id: r.activiteit_id,
                project_id: r.project_id,
                portefeuille_id: r.portefeuille_id,
                status: r.status,
                publiek: r.publiek,
                aanmelden_tot: r.aanmelden_tot,
                herinnering_uren_vooraf: r.herinnering_uren_vooraf,
                schooljaar: r.schooljaar,
                public_id: r.public_id,
                reeks_id: r.reeks_id,
                aantal_aangemeld: aangemeld,
                aantal_wachtlijst: wachtlijst,
                aantal_aanwezig: aanwezig,
                created_at: r.created_at,
                updated_at: r.updated_at,
                versie: r.versie,
            }
        })
        .collect())
}

/// The stored meeting, or `404` when it is not of this SWV.
pub fn find_row(c: &mut DbConn, swv: Id, id: Id) -> Result<Row, ApiError> {
    scoped(swv)
        .filter(bijeenkomsten::id.eq(id))
        .select(Row::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Bijeenkomst, ApiError> {
    let row = find_row(c, swv, id)?;
    Ok(with_counts(c, vec![row])?.remove(0))
}

pub fn check_references(c: &mut DbConn, swv: Id, input: &BijeenkomstInput) -> Result<(), ApiError> {
    let missing = "verwijst naar een record dat niet bestaat";
    let mut errors = Vec::new();
    if let Some(id) = input.activiteit_id {
        if !crate::in_swv!(c, activiteiten, swv, id)? {
            errors.push(InvalidParam::new("activiteitId", missing));
        }
    }
    if let Some(id) = input.project_id {
        if !crate::in_swv!(c, projecten, swv, id)? {
            errors.push(InvalidParam::new("projectId", missing));
        }
    }
    if let Some(id) = input.portefeuille_id {
        if !crate::in_swv!(c, portefeuilles, swv, id)? {
            errors.push(InvalidParam::new("portefeuilleId", missing));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

impl Versioned for Bijeenkomst {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Bijeenkomst {
    type Input = BijeenkomstInput;
    type Scope = Id;
    const TABLE: &'static str = "bijeenkomsten";

    fn input(&self) -> BijeenkomstInput {
        BijeenkomstInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &BijeenkomstInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_references(c, swv, input)?;
        insert_row(c, swv, id, input, None, now)
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &BijeenkomstInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_references(c, swv, input)?;
        if let Some(max) = input.max_deelnemers {
            if (max as i64) < current.aantal_aangemeld {
                return Err(ApiError::field(
                    "maxDeelnemers",
                    format!(
                        "er zijn al {} deelnemers aangemeld; meld eerst deelnemers af of kies een hoger maximum",
                        current.aantal_aangemeld
                    ),
                ));
            }
        }
        let n = diesel::update(
            bijeenkomsten::table
                .filter(bijeenkomsten::id.eq(current.id))
                .filter(bijeenkomsten::versie.eq(current.versie)),
        )
        .set((
            Fields::of(input),
            bijeenkomsten::updated_at.eq(now),
            bijeenkomsten::versie.eq(current.versie + 1),
        ))
        .execute(c)?;
        if n > 0 {
            // A higher maximum (or none) makes room for the waiting list.
            super::wachtlijst::move_up(c, current.id, input.max_deelnemers, now)?;
            tell_participants(c, swv, current, now)?;
        }
        Ok(n)
    }

    fn check_delete(_c: &mut DbConn, current: &Self) -> Result<(), ApiError> {
        let n = current.aantal_aangemeld + current.aantal_wachtlijst;
        if n > 0 {
            return Err(ApiError::conflict(format!(
                "Deze bijeenkomst heeft nog {n} aanmeldingen (aangemeld of op de wachtlijst). \
                 Meld die eerst af, of zet de status op geannuleerd."
            )));
        }
        Ok(())
    }

    /// The meeting with its cancelled registrations.
    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        diesel::delete(aanmeldingen::table.filter(aanmeldingen::bijeenkomst_id.eq(current.id)))
            .execute(c)?;
        Ok(diesel::delete(
            bijeenkomsten::table
                .filter(bijeenkomsten::id.eq(current.id))
                .filter(bijeenkomsten::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

/// Participants of a meeting still to come are told when it is cancelled, or when its time,
/// place or form changes; a meeting that has begun, or was cancelled already, mails no one.
fn tell_participants(
    c: &mut DbConn,
    swv: Id,
    current: &Bijeenkomst,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    if current.start <= now || current.status == BijeenkomstStatus::Geannuleerd {
        return Ok(());
    }
    // The row as stored, not the input: stored times are normalised.
    let row = find_row(c, swv, current.id)?;
    if row.status == BijeenkomstStatus::Geannuleerd {
        super::mails::geannuleerd(c, &row)?;
    } else if row.start != current.start
        || row.eind != current.eind
        || row.vorm != current.vorm
        || row.locatie != current.locatie
    {
        super::mails::gewijzigd(c, &row)?;
        if row.start != current.start {
            // The reminder is of the new time.
            diesel::update(bijeenkomsten::table.filter(bijeenkomsten::id.eq(row.id)))
                .set(bijeenkomsten::herinnering_verstuurd_op.eq(None::<NaiveDateTime>))
                .execute(c)?;
        }
    }
    Ok(())
}

crate::listed! {
    Bijeenkomst, name: "bijeenkomsten", filter: Filter,
    rows: |f| filtered(f.swv, f), select: Row::as_select(),
    sorts: {
    "start" => bijeenkomsten::start,
    "titel" => bijeenkomsten::titel,
    "soort" => bijeenkomsten::soort,
    "status" => bijeenkomsten::status,
    "createdAt" => bijeenkomsten::created_at,
    "updatedAt" => bijeenkomsten::updated_at,
    },
    id: bijeenkomsten::id,
    complete: with_counts,
}
