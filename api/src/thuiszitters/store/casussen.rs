//! A thuiszitter's case as the API serves it: the period out of school (or at risk), with how
//! its situation changed (`verloop`), the entry in force today and since when the pupil is at
//! home. A page of cases is read in three statements whatever its size.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::{Eindreden, Perspectief, Scenario, ThuiszitterCategorie};
use super::verloopregels::{self as verloop, Verloop, VerloopInput};
use crate::domain::References;
use crate::error::InvalidParam;
use crate::schema::{leerlingen, thuiszitter_verloop, thuiszitters};

/// The stored case.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = thuiszitters, check_for_backend(MultiBackend))]
pub struct ThuiszitterRij {
    pub id: Id,
    pub leerling_id: Id,
    pub school_id: Option<Id>,
    pub startdatum: NaiveDate,
    pub einddatum: Option<NaiveDate>,
    pub eindreden: Option<Eindreden>,
    pub toelichting: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A thuiszitter's case.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a50", "leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b",
    "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "gemeenteId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11",
    "startdatum": "2016-11-28", "einddatum": null, "eindreden": null, "toelichting": "",
    "verloop": [], "actueel": null, "thuisSinds": "2016-11-28",
    "createdAt": "2016-11-28T10:00:00Z", "updatedAt": "2016-11-28T10:00:00Z", "versie": 1
}))]
pub struct Thuiszitter {
    pub id: Id,
    pub leerling_id: Id,
    /// De school waar de leerling ingeschreven is of was (leeg: geen).
    pub school_id: Option<Id>,
    /// De woongemeente van de leerling (zoals die nu is vastgelegd).
    pub gemeente_id: Id,
    pub startdatum: NaiveDate,
    /// De dag waarop het dossier sloot (na de `vanaf` van de laatste verloopregel).
    pub einddatum: Option<NaiveDate>,
    pub eindreden: Option<Eindreden>,
    pub toelichting: String,
    /// Hoe de situatie veranderde, op datum; de eerste regel begint op de startdatum.
    pub verloop: Vec<Verloop>,
    /// De regel die vandaag geldt (leeg: het dossier loopt nog niet of is gesloten).
    pub actueel: Option<Verloop>,
    /// De `vanaf` van de eerste regel die niet `dreigend` is: sinds wanneer de leerling thuis zit.
    pub thuis_sinds: Option<NaiveDate>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

impl Thuiszitter {
    /// Whether the case counts on `d`.
    pub fn actief_op(&self, d: NaiveDate) -> bool {
        self.startdatum <= d && self.einddatum.is_none_or(|e| e > d)
    }

    /// The entry in force on `d` (the last with `vanaf ≤ d`), if the case counts then.
    pub fn op(&self, d: NaiveDate) -> Option<&Verloop> {
        if !self.actief_op(d) {
            return None;
        }
        self.verloop.iter().rev().find(|v| v.vanaf <= d)
    }
}

/// A case as a client writes it; on `POST` also the first verloop entry (its `vanaf` is the
/// `startdatum`), which `PUT` and `PATCH` change too.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b",
    "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "startdatum": "2016-11-28",
    "categorie": "dreigend", "scenario": "b", "screening5a": false, "perspectief": "in_gesprek"}))]
pub struct ThuiszitterInput {
    pub leerling_id: Id,
    #[serde(default)]
    pub school_id: Option<Id>,
    #[validate(custom(function = "crate::domain::datum"))]
    pub startdatum: NaiveDate,
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub einddatum: Option<NaiveDate>,
    /// Verplicht bij `einddatum`.
    #[serde(default)]
    pub eindreden: Option<Eindreden>,
    #[serde(default)]
    #[validate(length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"))]
    #[schema(max_length = 4000)]
    pub toelichting: String,
    /// De categorie van de eerste verloopregel.
    pub categorie: ThuiszitterCategorie,
    /// Verplicht bij `dreigend`, anders leeg.
    #[serde(default)]
    pub scenario: Option<Scenario>,
    #[serde(default)]
    pub screening5a: bool,
    #[serde(default)]
    pub perspectief: Option<Perspectief>,
}

impl ThuiszitterInput {
    /// The first verloop entry this input describes.
    pub fn eerste(&self) -> VerloopInput {
        VerloopInput {
            vanaf: self.startdatum,
            categorie: self.categorie,
            scenario: self.scenario,
            screening5a: self.screening5a,
            perspectief: self.perspectief,
        }
    }
}

impl From<&Thuiszitter> for ThuiszitterInput {
    fn from(t: &Thuiszitter) -> Self {
        let eerste = t.verloop.first();
        ThuiszitterInput {
            leerling_id: t.leerling_id,
            school_id: t.school_id,
            startdatum: t.startdatum,
            einddatum: t.einddatum,
            eindreden: t.eindreden,
            toelichting: t.toelichting.clone(),
            categorie: eerste.map_or(ThuiszitterCategorie::Dreigend, |v| v.categorie),
            scenario: eerste.and_then(|v| v.scenario),
            screening5a: eerste.is_some_and(|v| v.screening5a),
            perspectief: eerste.and_then(|v| v.perspectief),
        }
    }
}

impl crate::audit::AboutPupils for Thuiszitter {
    fn pupils(&self) -> Vec<Id> {
        vec![self.leerling_id]
    }
}

pub fn scoped(swv: Id) -> thuiszitters::BoxedQuery<'static, MultiBackend> {
    thuiszitters::table
        .filter(thuiszitters::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

/// Turns stored cases into records, with their verloop and the pupils' gemeenten read in one
/// statement each.
pub fn complete(c: &mut DbConn, rows: Vec<ThuiszitterRij>) -> Result<Vec<Thuiszitter>, ApiError> {
    Ok(compleet(c, rows)?.0)
}

/// `complete`, and the pupils' months of birth from the same statement (for counting).
pub fn compleet(
    c: &mut DbConn,
    rows: Vec<ThuiszitterRij>,
) -> Result<(Vec<Thuiszitter>, HashMap<Id, String>), ApiError> {
    if rows.is_empty() {
        return Ok((Vec::new(), HashMap::new()));
    }
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let leerling_ids: Vec<Id> = rows.iter().map(|r| r.leerling_id).collect();
    let mut verloop: HashMap<Id, Vec<Verloop>> = HashMap::new();
    for v in thuiszitter_verloop::table
        .filter(thuiszitter_verloop::thuiszitter_id.eq_any(&ids))
        .order((
            thuiszitter_verloop::thuiszitter_id,
            thuiszitter_verloop::vanaf,
        ))
        .select(Verloop::as_select())
        .load(c)?
    {
        verloop.entry(v.thuiszitter_id).or_default().push(v);
    }
    let mut gemeenten: HashMap<Id, Id> = HashMap::new();
    let mut geboortemaand: HashMap<Id, String> = HashMap::new();
    for (id, g, m) in leerlingen::table
        .filter(leerlingen::id.eq_any(&leerling_ids))
        .select((
            leerlingen::id,
            leerlingen::woongemeente_id,
            leerlingen::geboortemaand,
        ))
        .load::<(Id, Id, String)>(c)?
    {
        gemeenten.insert(id, g);
        geboortemaand.insert(id, m);
    }
    let vandaag = time::today();
    let cases = rows
        .into_iter()
        .map(|r| {
            let verloop = verloop.remove(&r.id).unwrap_or_default();
            let mut t = Thuiszitter {
                id: r.id,
                leerling_id: r.leerling_id,
                school_id: r.school_id,
                gemeente_id: gemeenten
                    .get(&r.leerling_id)
                    .copied()
                    .unwrap_or(r.leerling_id),
                startdatum: r.startdatum,
                einddatum: r.einddatum,
                eindreden: r.eindreden,
                toelichting: r.toelichting,
                thuis_sinds: verloop
                    .iter()
                    .find(|v| v.categorie != ThuiszitterCategorie::Dreigend)
                    .map(|v| v.vanaf),
                verloop,
                actueel: None,
                created_at: r.created_at,
                updated_at: r.updated_at,
                versie: r.versie,
            };
            t.actueel = t.op(vandaag).cloned();
            t
        })
        .collect();
    Ok((cases, geboortemaand))
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Thuiszitter, ApiError> {
    let rij = scoped(swv)
        .filter(thuiszitters::id.eq(id))
        .select(ThuiszitterRij::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    Ok(complete(c, vec![rij])?.remove(0))
}

/// A pupil's cases, oldest first: for the dossier.
pub fn of_pupil(c: &mut DbConn, swv: Id, leerling: Id) -> Result<Vec<Thuiszitter>, ApiError> {
    let rows = scoped(swv)
        .filter(thuiszitters::leerling_id.eq(leerling))
        .order((thuiszitters::startdatum, thuiszitters::created_at))
        .select(ThuiszitterRij::as_select())
        .load(c)?;
    complete(c, rows)
}

/// The case's own rules against its verloop (`later`: the entries after the first).
fn check(
    c: &mut DbConn,
    swv: Id,
    own: Option<Id>,
    input: &ThuiszitterInput,
    later: &[Verloop],
) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "leerlingId",
        crate::in_swv!(c, leerlingen, swv, input.leerling_id)?,
    );
    if let Some(s) = input.school_id {
        refs.check("schoolId", crate::in_swv!(c, scholen, swv, s)?);
    }
    refs.finish()?;
    verloop::check_entry(&input.eerste())?;
    let vandaag = crate::domain::time::today();
    for (veld, d) in [
        ("startdatum", Some(input.startdatum)),
        ("einddatum", input.einddatum),
    ] {
        if d.is_some_and(|d| d > vandaag) {
            return Err(ApiError::field(veld, "mag niet in de toekomst liggen"));
        }
    }
    overlap(c, swv, own, input)?;
    if let Some(tweede) = later.first() {
        if input.startdatum >= tweede.vanaf {
            return Err(ApiError::field(
                "startdatum",
                format!(
                    "moet voor de volgende verloopregel ({}) liggen; pas die eerst aan of verwijder hem",
                    tweede.vanaf.format("%d-%m-%Y")
                ),
            ));
        }
    }
    match (input.einddatum, input.eindreden) {
        (Some(eind), _) => {
            let laatste = later.last().map_or(input.startdatum, |v| v.vanaf);
            if eind <= laatste {
                return Err(ApiError::field(
                    "einddatum",
                    format!(
                        "moet na {} liggen (de startdatum of de laatste verloopregel)",
                        laatste.format("%d-%m-%Y")
                    ),
                ));
            }
            if input.eindreden.is_none() {
                return Err(ApiError::field(
                    "eindreden",
                    "is verplicht bij een einddatum",
                ));
            }
        }
        (None, Some(_)) => {
            return Err(ApiError::field(
                "eindreden",
                "hoort alleen bij een einddatum; laat hem leeg zolang het dossier loopt",
            ));
        }
        (None, None) => {}
    }
    Ok(())
}

/// A pupil is at home in one case at a time: a period that overlaps another case of the same
/// pupil would count the child twice on a peildatum.
fn overlap(
    c: &mut DbConn,
    swv: Id,
    own: Option<Id>,
    input: &ThuiszitterInput,
) -> Result<(), ApiError> {
    let mut q = thuiszitters::table
        .filter(thuiszitters::samenwerkingsverband_id.eq(swv))
        .filter(thuiszitters::leerling_id.eq(input.leerling_id))
        .filter(
            thuiszitters::einddatum
                .is_null()
                .or(thuiszitters::einddatum.gt(input.startdatum)),
        )
        .into_boxed();
    if let Some(own) = own {
        q = q.filter(thuiszitters::id.ne(own));
    }
    if let Some(eind) = input.einddatum {
        q = q.filter(thuiszitters::startdatum.lt(eind));
    }
    let other: Option<(NaiveDate, Option<NaiveDate>)> = q
        .select((thuiszitters::startdatum, thuiszitters::einddatum))
        .first(c)
        .optional()?;
    match other {
        None => Ok(()),
        Some((start, eind)) => {
            let tot = eind.map_or("nu".to_string(), |e| e.format("%d-%m-%Y").to_string());
            let mut e = ApiError::conflict(format!(
                "Deze leerling heeft al een thuiszittersdossier van {} tot {tot}: een leerling zit in één dossier tegelijk thuis. Pas dat dossier aan of sluit het eerst af.",
                start.format("%d-%m-%Y")
            ));
            e.invalid_params.push(InvalidParam::new(
                "startdatum",
                "overlapt een ander dossier van deze leerling",
            ));
            Err(e)
        }
    }
}

impl Versioned for Thuiszitter {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Thuiszitter {
    type Input = ThuiszitterInput;
    type Scope = Id;
    const TABLE: &'static str = "thuiszitters";

    fn input(&self) -> ThuiszitterInput {
        ThuiszitterInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &ThuiszitterInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check(c, swv, None, input, &[])?;
        diesel::insert_into(thuiszitters::table)
            .values((
                thuiszitters::id.eq(id),
                thuiszitters::samenwerkingsverband_id.eq(swv),
                thuiszitters::leerling_id.eq(input.leerling_id),
                thuiszitters::school_id.eq(input.school_id),
                thuiszitters::startdatum.eq(input.startdatum),
                thuiszitters::einddatum.eq(input.einddatum),
                thuiszitters::eindreden.eq(input.eindreden),
                thuiszitters::toelichting.eq(input.toelichting.trim()),
                thuiszitters::laatste_categorie.eq(input.categorie),
                thuiszitters::laatste_perspectief.eq(input.perspectief),
                thuiszitters::created_at.eq(now),
                thuiszitters::updated_at.eq(now),
                thuiszitters::versie.eq(1),
            ))
            .execute(c)?;
        verloop::insert(c, id, &input.eerste(), now)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &ThuiszitterInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        let later = current.verloop.get(1..).unwrap_or_default();
        check(c, swv, Some(current.id), input, later)?;
        let n = diesel::update(
            thuiszitters::table
                .filter(thuiszitters::id.eq(current.id))
                .filter(thuiszitters::versie.eq(current.versie)),
        )
        .set((
            thuiszitters::leerling_id.eq(input.leerling_id),
            thuiszitters::school_id.eq(input.school_id),
            thuiszitters::startdatum.eq(input.startdatum),
            thuiszitters::einddatum.eq(input.einddatum),
            thuiszitters::eindreden.eq(input.eindreden),
            thuiszitters::toelichting.eq(input.toelichting.trim()),
            thuiszitters::updated_at.eq(now),
            thuiszitters::versie.eq(current.versie + 1),
        ))
        .execute(c)?;
        if n == 0 {
            return Ok(0);
        }
        if let Some(eerste) = current.verloop.first() {
            verloop::overwrite(c, eerste.id, &input.eerste())?;
        }
        verloop::bijwerken(c, current.id)?;
        Ok(n)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            thuiszitters::table
                .filter(thuiszitters::id.eq(current.id))
                .filter(thuiszitters::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
