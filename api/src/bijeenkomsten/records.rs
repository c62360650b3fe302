//! `/bijeenkomsten`: the meetings themselves, their series (`herhaling`) and calendar file.

use actix_web::http::header;
use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Timelike};
use chrono_tz::Europe::Amsterdam;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use super::{BijeenkomstSoort, BijeenkomstStatus, Vorm};
use crate::auth::{Access, Area, Caller};
use crate::db::lower;
use crate::db::{DbConn, Id, MultiBackend};
use crate::domain::rules;
use crate::domain::time;
use crate::error::{ApiError, InvalidParam};
use crate::http::{export, Format, Input, JsonBody, ListQuery, ListSpec, MergePatch};
use crate::resource::{self, Resource};
use crate::schema::{aanmeldingen, bijeenkomsten};
use crate::state::AppState;
use crate::store::{Store, Versioned};
use crate::{order_by, page_schema};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = bijeenkomsten, check_for_backend(MultiBackend))]
pub struct Row {
    pub id: Id,
    pub samenwerkingsverband_id: Id,
    pub titel: String,
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    pub start: NaiveDateTime,
    pub eind: NaiveDateTime,
    pub schooljaar: String,
    pub vorm: Vorm,
    pub locatie: Option<String>,
    pub min_deelnemers: Option<i32>,
    pub max_deelnemers: Option<i32>,
    pub streef_opkomst: Option<i32>,
    pub streef_percentage: Option<f64>,
    pub doelgroep_omvang: Option<i32>,
    pub activiteit_id: Option<Id>,
    pub project_id: Option<Id>,
    pub portefeuille_id: Option<Id>,
    pub status: BijeenkomstStatus,
    pub publiek: bool,
    pub public_id: String,
    pub aanmelden_tot: Option<NaiveDateTime>,
    pub reeks_id: Option<Id>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

impl Row {
    pub fn streef(&self) -> Option<i64> {
        streef(
            self.streef_opkomst,
            self.streef_percentage,
            self.doelgroep_omvang,
        )
    }
}

/// The target as an absolute number: `streefOpkomst`, or the share of the audience rounded up.
pub fn streef(opkomst: Option<i32>, percentage: Option<f64>, omvang: Option<i32>) -> Option<i64> {
    match (opkomst, percentage, omvang) {
        (Some(n), _, _) => Some(n as i64),
        (None, Some(p), Some(omvang)) => Some(streef_van_percentage(p, omvang)),
        _ => None,
    }
}

/// `ceil(percentage × omvang / 100)`, computed on hundredths so 50 % of 94 is exactly 47.
pub fn streef_van_percentage(percentage: f64, omvang: i32) -> i64 {
    let hundredths = (percentage * 100.0).round() as i64;
    let needed = hundredths * omvang as i64;
    (needed + 9_999) / 10_000
}

/// A meeting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a21", "titel": "Groot Netwerk", "omschrijving": "Samen met het SWV VO.",
    "soort": "groot_netwerk", "start": "2023-03-23T14:00:00Z", "eind": "2023-03-23T17:30:00Z", "vorm": "live",
    "locatie": "Philharmonie Haarlem", "minDeelnemers": null, "maxDeelnemers": 250, "streefOpkomst": 150,
    "streefPercentage": null, "doelgroepOmvang": null, "activiteitId": null, "projectId": null, "portefeuilleId": null,
    "status": "doorgegaan", "publiek": false, "aanmeldenTot": null, "schooljaar": "2022-2023", "publicId": "k7m2p9rt4x",
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

/// A meeting as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[validate(schema(function = "rules_of_meeting", skip_on_field_errors = true))]
#[schema(example = json!({
    "titel": "IB-netwerk: conferentie lezen", "omschrijving": null, "soort": "ib_netwerk",
    "start": "2023-02-07T13:00:00Z", "eind": "2023-02-07T16:00:00Z", "vorm": "live", "locatie": "Haarlem",
    "minDeelnemers": null, "maxDeelnemers": 80, "streefOpkomst": null, "streefPercentage": 60, "doelgroepOmvang": 70,
    "activiteitId": null, "projectId": null, "portefeuilleId": null, "status": "gepland", "publiek": true, "aanmeldenTot": null
}))]
pub struct BijeenkomstInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub titel: String,
    #[serde(default)]
    #[validate(length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"))]
    #[schema(max_length = 4000)]
    pub omschrijving: Option<String>,
    pub soort: BijeenkomstSoort,
    #[serde(with = "time")]
    #[validate(custom(function = "moment"))]
    #[schema(value_type = String, format = DateTime)]
    pub start: NaiveDateTime,
    /// Na de start.
    #[serde(with = "time")]
    #[validate(custom(function = "moment"))]
    #[schema(value_type = String, format = DateTime)]
    pub eind: NaiveDateTime,
    #[serde(default)]
    pub vorm: Vorm,
    #[serde(default)]
    #[validate(length(max = 300, message = "mag hoogstens 300 tekens lang zijn"))]
    #[schema(max_length = 300)]
    pub locatie: Option<String>,
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub min_deelnemers: Option<i32>,
    /// Niet kleiner dan `minDeelnemers`, en niet kleiner dan het aantal al aangemelde deelnemers.
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub max_deelnemers: Option<i32>,
    /// Niet samen met `streefPercentage`.
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub streef_opkomst: Option<i32>,
    /// Vraagt om `doelgroepOmvang`.
    #[serde(default)]
    #[validate(range(min = 0.0, max = 100.0, message = "moet tussen 0 en 100 liggen"))]
    #[schema(minimum = 0, maximum = 100)]
    pub streef_percentage: Option<f64>,
    #[serde(default)]
    #[validate(range(min = 1, max = 100000, message = "moet tussen 1 en 100000 liggen"))]
    #[schema(minimum = 1, maximum = 100000)]
    pub doelgroep_omvang: Option<i32>,
    #[serde(default)]
    pub activiteit_id: Option<Id>,
    #[serde(default)]
    pub project_id: Option<Id>,
    #[serde(default)]
    pub portefeuille_id: Option<Id>,
    #[serde(default)]
    pub status: BijeenkomstStatus,
    #[serde(default)]
    pub publiek: bool,
    /// Niet na de start.
    #[serde(default, with = "time::option")]
    #[validate(custom(function = "optional_moment"))]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub aanmelden_tot: Option<NaiveDateTime>,
}

fn moment(t: &NaiveDateTime) -> Result<(), ValidationError> {
    crate::domain::datum(&t.date())
}

fn optional_moment(t: &NaiveDateTime) -> Result<(), ValidationError> {
    moment(t)
}

fn invalid(code: &'static str, message: &'static str) -> ValidationError {
    let mut e = ValidationError::new(code);
    e.message = Some(message.into());
    e
}

fn rules_of_meeting(i: &BijeenkomstInput) -> Result<(), ValidationError> {
    if i.eind <= i.start {
        return Err(invalid("eind", "moet na de start liggen"));
    }
    if let (Some(min), Some(max)) = (i.min_deelnemers, i.max_deelnemers) {
        if max < min {
            return Err(invalid(
                "maxDeelnemers",
                "mag niet kleiner zijn dan minDeelnemers",
            ));
        }
    }
    if i.streef_opkomst.is_some() && i.streef_percentage.is_some() {
        return Err(invalid(
            "streefPercentage",
            "een bijeenkomst heeft één streef: streefOpkomst of streefPercentage, niet beide",
        ));
    }
    if i.streef_percentage.is_some() && i.doelgroep_omvang.is_none() {
        return Err(invalid(
            "doelgroepOmvang",
            "is verplicht bij een streefPercentage",
        ));
    }
    if i.aanmelden_tot.is_some_and(|t| t > i.start) {
        return Err(invalid("aanmeldenTot", "mag niet na de start liggen"));
    }
    Ok(())
}

impl Input for BijeenkomstInput {
    fn read_only() -> &'static [&'static str] {
        &[
            "schooljaar",
            "publicId",
            "reeksId",
            "aantalAangemeld",
            "aantalWachtlijst",
            "aantalAanwezig",
        ]
    }
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
        }
    }
}

page_schema!(BijeenkomstPage, Bijeenkomst);

const SPEC: ListSpec = ListSpec {
    sorts: &[
        "start",
        "titel",
        "soort",
        "status",
        "createdAt",
        "updatedAt",
    ],
    filters: &[
        "schooljaar",
        "soort",
        "status",
        "vorm",
        "publiek",
        "activiteitId",
        "projectId",
        "portefeuilleId",
        "vanaf",
        "tot",
    ],
    default_sort: "start",
};

#[derive(Default, Clone)]
struct Filter {
    schooljaar: Option<String>,
    soort: Option<BijeenkomstSoort>,
    status: Option<BijeenkomstStatus>,
    vorm: Option<Vorm>,
    publiek: Option<bool>,
    activiteit_id: Option<Id>,
    project_id: Option<Id>,
    portefeuille_id: Option<Id>,
    vanaf: Option<NaiveDateTime>,
    tot: Option<NaiveDateTime>,
    search: Option<String>,
}

pub fn scoped(swv: Id) -> bijeenkomsten::BoxedQuery<'static, MultiBackend> {
    bijeenkomsten::table
        .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(swv: Id, f: &Filter) -> bijeenkomsten::BoxedQuery<'static, MultiBackend> {
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

/// Midnight in Amsterdam at the start of `d`, in UTC: date filters mean local days.
pub fn local_midnight(d: NaiveDate) -> NaiveDateTime {
    Amsterdam
        .from_local_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| d.and_hms_opt(0, 0, 0).unwrap_or_default())
}

pub fn with_counts(c: &mut DbConn, rows: Vec<Row>) -> Result<Vec<Bijeenkomst>, ApiError> {
    let mut n = super::cijfers::tallies(c, rows.iter().map(|r| r.id).collect())?;
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

fn check_references(c: &mut DbConn, swv: Id, input: &BijeenkomstInput) -> Result<(), ApiError> {
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

/// A short random id for public addresses, without characters that are easily confused.
pub fn new_public_id() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..12)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

fn whole_seconds(t: NaiveDateTime) -> NaiveDateTime {
    t.with_nanosecond(0).unwrap_or(t)
}

/// The stored columns a client writes, shared by insert and update.
#[derive(Insertable, AsChangeset)]
#[diesel(
    table_name = bijeenkomsten,
    check_for_backend(MultiBackend),
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
struct Fields<'a> {
    titel: &'a str,
    omschrijving: Option<&'a str>,
    soort: BijeenkomstSoort,
    start: NaiveDateTime,
    eind: NaiveDateTime,
    schooljaar: String,
    vorm: Vorm,
    locatie: Option<&'a str>,
    min_deelnemers: Option<i32>,
    max_deelnemers: Option<i32>,
    streef_opkomst: Option<i32>,
    streef_percentage: Option<f64>,
    doelgroep_omvang: Option<i32>,
    activiteit_id: Option<Id>,
    project_id: Option<Id>,
    portefeuille_id: Option<Id>,
    status: BijeenkomstStatus,
    publiek: bool,
    aanmelden_tot: Option<NaiveDateTime>,
}

impl<'a> Fields<'a> {
    fn of(input: &'a BijeenkomstInput) -> Fields<'a> {
        let start = whole_seconds(input.start);
        Fields {
            titel: input.titel.trim(),
            omschrijving: input.omschrijving.as_deref(),
            soort: input.soort,
            start,
            eind: whole_seconds(input.eind),
            schooljaar: crate::domain::schooljaar_of(start),
            vorm: input.vorm,
            locatie: input.locatie.as_deref(),
            min_deelnemers: input.min_deelnemers,
            max_deelnemers: input.max_deelnemers,
            streef_opkomst: input.streef_opkomst,
            streef_percentage: input.streef_percentage,
            doelgroep_omvang: input.doelgroep_omvang,
            activiteit_id: input.activiteit_id,
            project_id: input.project_id,
            portefeuille_id: input.portefeuille_id,
            status: input.status,
            publiek: input.publiek,
            aanmelden_tot: input.aanmelden_tot.map(whole_seconds),
        }
    }
}

/// Stores a new meeting; `reeks` names the first meeting of its series.
fn insert_row(
    c: &mut DbConn,
    swv: Id,
    id: Id,
    input: &BijeenkomstInput,
    reeks: Option<Id>,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    diesel::insert_into(bijeenkomsten::table)
        .values((
            bijeenkomsten::id.eq(id),
            bijeenkomsten::samenwerkingsverband_id.eq(swv),
            Fields::of(input),
            bijeenkomsten::public_id.eq(new_public_id()),
            bijeenkomsten::reeks_id.eq(reeks),
            bijeenkomsten::volgnummer.eq(0_i64),
            bijeenkomsten::created_at.eq(now),
            bijeenkomsten::updated_at.eq(now),
            bijeenkomsten::versie.eq(1),
        ))
        .execute(c)?;
    Ok(())
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

impl Resource for Bijeenkomst {
    const COLLECTION: &'static str = "bijeenkomsten";
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_bijeenkomsten)
        .service(create_bijeenkomst)
        .service(get_bijeenkomst)
        .service(put_bijeenkomst)
        .service(patch_bijeenkomst)
        .service(delete_bijeenkomst)
        .service(create_herhaling)
        .service(get_agenda);
}

/// De bijeenkomsten van het samenwerkingsverband opvragen.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Sorteervelden, komma-gescheiden; `-` ervoor voor aflopend. Mogelijk: start, titel, soort, status, createdAt, updatedAt", example = "start"),
        ("q" = Option<String>, Query, description = "Zoekt in de titel"),
        ("schooljaar" = Option<String>, Query, description = "Alleen bijeenkomsten in dit schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2022-2023"),
        ("soort" = Option<BijeenkomstSoort>, Query, description = "Alleen bijeenkomsten van deze soort"),
        ("status" = Option<BijeenkomstStatus>, Query, description = "Alleen bijeenkomsten met deze status"),
        ("vorm" = Option<Vorm>, Query, description = "Alleen live, online of hybride bijeenkomsten"),
        ("publiek" = Option<bool>, Query, description = "Alleen bijeenkomsten die wel (true) of niet (false) open staan voor zelf aanmelden"),
        ("activiteitId" = Option<uuid::Uuid>, Query, description = "Alleen de bijeenkomsten bij deze activiteit"),
        ("projectId" = Option<uuid::Uuid>, Query, description = "Alleen de bijeenkomsten bij dit project"),
        ("portefeuilleId" = Option<uuid::Uuid>, Query, description = "Alleen de bijeenkomsten bij deze portefeuille"),
        ("vanaf" = Option<NaiveDate>, Query, description = "Alleen bijeenkomsten die op of na deze dag beginnen"),
        ("tot" = Option<NaiveDate>, Query, description = "Alleen bijeenkomsten die uiterlijk op deze dag beginnen"),
    ),
    responses((status = 200, description = "Een pagina bijeenkomsten (of de hele lijst als CSV/XLSX)", body = BijeenkomstPage)),
)]
#[get("/bijeenkomsten")]
async fn list_bijeenkomsten(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let vanaf: Option<NaiveDate> = q.date("vanaf");
    let tot: Option<NaiveDate> = q.date("tot");
    let filter = Filter {
        schooljaar: q.schooljaar(),
        soort: q.enumeration("soort"),
        status: q.enumeration("status"),
        vorm: q.enumeration("vorm"),
        publiek: q.boolean("publiek"),
        activiteit_id: q.id("activiteitId"),
        project_id: q.id("projectId"),
        portefeuille_id: q.id("portefeuilleId"),
        vanaf: vanaf.map(local_midnight),
        tot: tot.and_then(|d| d.succ_opt()).map(local_midnight),
        search: q.search_pattern(),
    };
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = filter.clone();
    export::list(
        &state.db,
        format,
        &q,
        "bijeenkomsten",
        move |c| Ok(filtered(swv, &counted).count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered(swv, &filter).select(Row::as_select()), &sort, {
                "start" => bijeenkomsten::start,
                "titel" => bijeenkomsten::titel,
                "soort" => bijeenkomsten::soort,
                "status" => bijeenkomsten::status,
                "createdAt" => bijeenkomsten::created_at,
                "updatedAt" => bijeenkomsten::updated_at,
            }, bijeenkomsten::id);
            let rows = query.limit(limit).offset(offset).load(c)?;
            with_counts(c, rows)
        },
    )
    .await
}

/// Een bijeenkomst toevoegen.
#[utoipa::path(tag = "Bijeenkomsten", request_body = BijeenkomstInput, responses((status = 201, description = "Aangemaakt", body = Bijeenkomst)))]
#[post("/bijeenkomsten")]
async fn create_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    body: JsonBody<BijeenkomstInput>,
) -> Result<resource::Created<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    resource::create::<Bijeenkomst>(&state, swv, body.decode()?).await
}

/// Eén bijeenkomst, met het aantal aanmeldingen.
#[utoipa::path(tag = "Bijeenkomsten", params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")), responses((status = 200, description = "De bijeenkomst", body = Bijeenkomst)))]
#[get("/bijeenkomsten/{id}")]
async fn get_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<resource::Current<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    resource::get::<Bijeenkomst>(&state, swv, id.into_inner()).await
}

/// Een bijeenkomst vervangen; een hoger maximum laat de wachtlijst doorschuiven.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body = BijeenkomstInput,
    responses((status = 200, description = "Bijgewerkt", body = Bijeenkomst)),
)]
#[put("/bijeenkomsten/{id}")]
async fn put_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    body: JsonBody<BijeenkomstInput>,
) -> Result<resource::Current<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    let input = body.decode()?;
    let id = id.into_inner();
    let expect = crate::resource::IfMatch::parse(&req);
    let record = state
        .db
        .write(move |c| {
            super::wachtlijst::lock(c, swv, id)?;
            crate::store::change::<Bijeenkomst>(c, swv, id, expect, |_| Ok(input))
        })
        .await?;
    Ok(resource::Current(record))
}

/// Velden van een bijeenkomst wijzigen (JSON merge patch).
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    request_body(content = BijeenkomstInput, content_type = "application/merge-patch+json", description = "Alleen de velden die veranderen; `null` wist een veld"),
    responses((status = 200, description = "Bijgewerkt", body = Bijeenkomst)),
)]
#[patch("/bijeenkomsten/{id}")]
async fn patch_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    patch: MergePatch,
) -> Result<resource::Current<Bijeenkomst>, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    let id = id.into_inner();
    let expect = crate::resource::IfMatch::parse(&req);
    let record = state
        .db
        .write(move |c| {
            super::wachtlijst::lock(c, swv, id)?;
            crate::store::change::<Bijeenkomst>(c, swv, id, expect, |current| {
                crate::http::apply_patch(&current.input(), &patch)
            })
        })
        .await?;
    Ok(resource::Current(record))
}

/// Een bijeenkomst zonder lopende aanmeldingen verwijderen.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst"), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
    responses((status = 204, description = "Verwijderd")),
)]
#[delete("/bijeenkomsten/{id}")]
async fn delete_bijeenkomst(
    state: web::Data<AppState>,
    caller: Caller,
    if_match: resource::IfMatch,
    id: web::Path<Id>,
) -> Result<resource::Deleted, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    resource::delete::<Bijeenkomst>(&state, swv, id.into_inner(), if_match.0).await
}

/// The dates of a series.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"datums": ["2023-01-17", "2023-03-14", "2023-05-23"]}))]
pub struct HerhalingInput {
    /// De dagen van de kopieën: elk op hetzelfde tijdstip (Nederlandse tijd) en even lang als het origineel.
    #[validate(length(min = 1, max = 52, message = "geef 1 tot 52 datums"))]
    #[schema(min_items = 1, max_items = 52)]
    pub datums: Vec<NaiveDate>,
}

impl Input for HerhalingInput {}

/// The copies made by a series.
#[derive(Debug, Serialize, ToSchema)]
pub struct Herhaling {
    /// De nieuwe bijeenkomsten, in de volgorde van de datums.
    pub items: Vec<Bijeenkomst>,
}

/// The same local time of day on another date, in UTC.
fn on_date(original: NaiveDateTime, date: NaiveDate) -> NaiveDateTime {
    let local = Amsterdam.from_utc_datetime(&original).naive_local();
    Amsterdam
        .from_local_datetime(&date.and_time(local.time()))
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or_else(|| date.and_time(original.time()))
}

/// Een bijeenkomst herhalen op andere datums (een reeks, zoals de IB-netwerken van een jaar).
///
/// Elke kopie krijgt dezelfde gegevens, tijd van de dag en duur, de status `gepland`, geen
/// aanmeldingen en een eigen publieke pagina; `reeksId` verwijst naar de eerste van de reeks.
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst die herhaald wordt")),
    request_body = HerhalingInput,
    responses((status = 201, description = "De kopieën", body = Herhaling)),
)]
#[post("/bijeenkomsten/{id}/herhaling")]
async fn create_herhaling(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<HerhalingInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Write)?;
    let id = id.into_inner();
    let items = state
        .db
        .write(move |c| {
            let original = find(c, swv, id)?;
            let input = body.decode()?;
            let mut errors = Vec::new();
            for (i, d) in input.datums.iter().enumerate() {
                if crate::domain::datum(d).is_err() {
                    errors.push(InvalidParam::new(
                        format!("datums[{i}]"),
                        "moet tussen 1900 en 2200 liggen",
                    ));
                } else if input.datums[..i].contains(d) {
                    errors.push(InvalidParam::new(
                        format!("datums[{i}]"),
                        "komt meer dan eens voor",
                    ));
                }
            }
            if !errors.is_empty() {
                return Err(ApiError::validation(errors));
            }
            let reeks = original.reeks_id.unwrap_or(original.id);
            let duration = original.eind - original.start;
            let now = time::now();
            let mut ids = Vec::new();
            for d in &input.datums {
                let start = on_date(original.start, *d);
                let shift = start - original.start;
                let copy = BijeenkomstInput {
                    start,
                    eind: start + duration,
                    status: BijeenkomstStatus::Gepland,
                    aanmelden_tot: original.aanmelden_tot.map(|t| t + shift),
                    ..BijeenkomstInput::from(&original)
                };
                let new_id = Id::new();
                insert_row(c, swv, new_id, &copy, Some(reeks), now)?;
                ids.push(new_id);
            }
            let rows: Vec<Row> = scoped(swv)
                .filter(bijeenkomsten::id.eq_any(ids))
                .order(bijeenkomsten::start.asc())
                .select(Row::as_select())
                .load(c)?;
            with_counts(c, rows)
        })
        .await?;
    let mut b = HttpResponse::Created();
    if let Some(first) = items.first() {
        b.insert_header((
            header::LOCATION,
            format!("/api/v1/bijeenkomsten/{}", first.id),
        ));
    }
    Ok(b.json(Herhaling { items }))
}

/// De bijeenkomst als agenda-item (iCalendar, `.ics`).
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    responses((status = 200, description = "Het agenda-item", content_type = "text/calendar", body = String)),
)]
#[get("/bijeenkomsten/{id}/agenda")]
async fn get_agenda(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Bijeenkomsten, Access::Read)?;
    let id = id.into_inner();
    let row = state.db.read(move |c| find_row(c, swv, id)).await?;
    Ok(super::agenda::respond(&row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentage_targets_round_up() {
        assert_eq!(streef_van_percentage(50.0, 94), 47);
        assert_eq!(streef_van_percentage(60.0, 70), 42);
        assert_eq!(streef_van_percentage(50.0, 75), 38);
        assert_eq!(streef_van_percentage(0.0, 75), 0);
        assert_eq!(streef_van_percentage(100.0, 3), 3);
        assert_eq!(streef_van_percentage(33.33, 3), 1);
    }

    #[test]
    fn series_keep_the_local_time_across_daylight_saving() {
        // 14:30 in Amsterdam on 14 March 2023 (winter time) is 13:30 UTC ...
        let winter = NaiveDate::from_ymd_opt(2023, 3, 14)
            .unwrap()
            .and_hms_opt(13, 30, 0)
            .unwrap();
        // ... and on 11 April 2023 (summer time) 14:30 local is 12:30 UTC.
        let copy = on_date(winter, NaiveDate::from_ymd_opt(2023, 4, 11).unwrap());
        assert_eq!(
            copy,
            NaiveDate::from_ymd_opt(2023, 4, 11)
                .unwrap()
                .and_hms_opt(12, 30, 0)
                .unwrap()
        );
    }
}
