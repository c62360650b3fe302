//! A school contact: when, at which school, of which kind, by which consulent, about what, the
//! signal it gave and the follow-up it needs.

use chrono::{Duration, NaiveDate};

use crate::store_prelude::*;

use crate::domain::references::actieve_consulent;
use crate::domain::{schooljaar_van, References};
use crate::schema::schoolcontacten as sc;

crate::text_enum! {
    /// The kind of contact.
    pub enum ContactSoort {
        Startgesprek => "startgesprek",
        Consultatie => "consultatie",
        MesoGesprek => "meso_gesprek",
        Observatie => "observatie",
        Signaal => "signaal",
        Evaluatie => "evaluatie",
        Overig => "overig",
    }
}

crate::text_enum! {
    /// How the school is doing, as the consulent judged it in the contact.
    pub enum ContactSignaal {
        OpKoers => "op_koers",
        Aandacht => "aandacht",
        Risico => "risico",
    }
}

/// A contact with a school.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = sc, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a60", "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03",
    "datum": "2026-10-06", "soort": "startgesprek", "consulentId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a21",
    "onderwerp": "Inzet ondersteuningsbudget groep 5-6", "signaal": "aandacht",
    "vervolgOp": "2026-11-03", "vervolgGedaan": false, "schooljaar": "2026-2027",
    "createdAt": "2026-10-06T14:00:00Z", "updatedAt": "2026-10-06T14:00:00Z", "versie": 1
}))]
pub struct Schoolcontact {
    pub id: Id,
    pub school_id: Id,
    pub datum: NaiveDate,
    pub soort: ContactSoort,
    /// De consulent die het contact had.
    pub consulent_id: Id,
    pub onderwerp: String,
    pub signaal: Option<ContactSignaal>,
    /// Wanneer er iets moet volgen (leeg: niets).
    pub vervolg_op: Option<NaiveDate>,
    pub vervolg_gedaan: bool,
    /// Het schooljaar van de datum.
    pub schooljaar: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A contact as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "datum": "2026-10-06",
    "soort": "startgesprek", "onderwerp": "Inzet ondersteuningsbudget groep 5-6", "signaal": "aandacht",
    "vervolgOp": "2026-11-03"}))]
pub struct SchoolcontactInput {
    pub school_id: Id,
    /// Niet meer dan een jaar vooruit.
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
    pub soort: ContactSoort,
    /// Standaard de consulent die het contact vastlegt; wie geen consulent is, geeft het op.
    #[serde(default)]
    pub consulent_id: Option<Id>,
    #[validate(
        length(min = 1, max = 500, message = "moet 1 tot 500 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 500)]
    pub onderwerp: String,
    #[serde(default)]
    pub signaal: Option<ContactSignaal>,
    /// Niet voor `datum`.
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub vervolg_op: Option<NaiveDate>,
    #[serde(default)]
    pub vervolg_gedaan: bool,
}

impl From<&Schoolcontact> for SchoolcontactInput {
    fn from(s: &Schoolcontact) -> Self {
        SchoolcontactInput {
            school_id: s.school_id,
            datum: s.datum,
            soort: s.soort,
            consulent_id: Some(s.consulent_id),
            onderwerp: s.onderwerp.clone(),
            signaal: s.signaal,
            vervolg_op: s.vervolg_op,
            vervolg_gedaan: s.vervolg_gedaan,
        }
    }
}

/// Who writes: the SWV, and the caller when she is a consulent (the default `consulentId`).
#[derive(Debug, Clone, Copy)]
pub struct Wie {
    pub swv: Id,
    pub consulent: Option<Id>,
}

/// What a list of contacts can be narrowed to.
pub struct Filter {
    pub swv: Id,
    pub school_id: Option<Id>,
    pub consulent_id: Option<Id>,
    pub soort: Option<ContactSoort>,
    pub schooljaar: Option<String>,
    /// `true`: a follow-up is set and not done; `false`: the rest.
    pub vervolg_open: Option<bool>,
}

pub fn scoped(swv: Id) -> sc::BoxedQuery<'static, MultiBackend> {
    sc::table
        .filter(sc::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(f: &Filter) -> sc::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(v) = f.school_id {
        q = q.filter(sc::school_id.eq(v));
    }
    if let Some(v) = f.consulent_id {
        q = q.filter(sc::consulent_id.eq(v));
    }
    if let Some(v) = f.soort {
        q = q.filter(sc::soort.eq(v));
    }
    if let Some(v) = &f.schooljaar {
        q = q.filter(sc::schooljaar.eq(v.clone()));
    }
    match f.vervolg_open {
        Some(true) => {
            q = q
                .filter(sc::vervolg_op.is_not_null())
                .filter(sc::vervolg_gedaan.eq(false))
        }
        Some(false) => q = q.filter(sc::vervolg_op.is_null().or(sc::vervolg_gedaan.eq(true))),
        None => {}
    }
    q
}

crate::listed! {
    Schoolcontact, name: "schoolcontacten", filter: Filter,
    rows: |f| filtered(f), select: Schoolcontact::as_select(),
    sorts: {
        "datum" => sc::datum,
        "vervolgOp" => sc::vervolg_op,
        "createdAt" => sc::created_at,
        "updatedAt" => sc::updated_at,
    },
    id: sc::id,
}

/// The consulent a contact is recorded for, after every rule of the body.
fn check(c: &mut DbConn, wie: Wie, input: &SchoolcontactInput) -> Result<Id, ApiError> {
    let consulent = input.consulent_id.or(wie.consulent).ok_or_else(|| {
        ApiError::field(
            "consulentId",
            "is verplicht als u zelf geen consulent bent: wie had het contact?",
        )
    })?;
    let mut refs = References::default();
    refs.check(
        "schoolId",
        crate::in_swv!(c, scholen, wie.swv, input.school_id)?,
    );
    refs.check_as(
        "consulentId",
        actieve_consulent(c, wie.swv, consulent)?,
        "is geen actieve consulent van dit samenwerkingsverband",
    );
    refs.finish()?;
    if input.datum > time::today() + Duration::days(366) {
        return Err(ApiError::field(
            "datum",
            "ligt meer dan een jaar vooruit; een gepland contact staat binnen het jaar",
        ));
    }
    if input.vervolg_op.is_some_and(|v| v < input.datum) {
        return Err(ApiError::field(
            "vervolgOp",
            "ligt voor de datum van het contact",
        ));
    }
    Ok(consulent)
}

impl Versioned for Schoolcontact {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Schoolcontact {
    type Input = SchoolcontactInput;
    type Scope = Wie;
    const TABLE: &'static str = "schoolcontacten";

    fn input(&self) -> SchoolcontactInput {
        SchoolcontactInput::from(self)
    }

    fn find(c: &mut DbConn, wie: Wie, id: Id) -> Result<Self, ApiError> {
        scoped(wie.swv)
            .filter(sc::id.eq(id))
            .select(Schoolcontact::as_select())
            .first(c)
            .optional()?
            .ok_or_else(ApiError::not_found)
    }

    fn insert(
        c: &mut DbConn,
        wie: Wie,
        id: Id,
        input: &SchoolcontactInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        let consulent = check(c, wie, input)?;
        diesel::insert_into(sc::table)
            .values((
                sc::id.eq(id),
                sc::samenwerkingsverband_id.eq(wie.swv),
                sc::school_id.eq(input.school_id),
                sc::datum.eq(input.datum),
                sc::soort.eq(input.soort),
                sc::consulent_id.eq(consulent),
                sc::onderwerp.eq(input.onderwerp.trim()),
                sc::signaal.eq(input.signaal),
                sc::vervolg_op.eq(input.vervolg_op),
                sc::vervolg_gedaan.eq(input.vervolg_gedaan),
                sc::schooljaar.eq(schooljaar_van(input.datum)),
                sc::created_at.eq(now),
                sc::updated_at.eq(now),
                sc::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        wie: Wie,
        current: &Self,
        input: &SchoolcontactInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        let consulent = check(c, wie, input)?;
        Ok(diesel::update(
            sc::table
                .filter(sc::id.eq(current.id))
                .filter(sc::versie.eq(current.versie)),
        )
        .set((
            sc::school_id.eq(input.school_id),
            sc::datum.eq(input.datum),
            sc::soort.eq(input.soort),
            sc::consulent_id.eq(consulent),
            sc::onderwerp.eq(input.onderwerp.trim()),
            sc::signaal.eq(input.signaal),
            sc::vervolg_op.eq(input.vervolg_op),
            sc::vervolg_gedaan.eq(input.vervolg_gedaan),
            sc::schooljaar.eq(schooljaar_van(input.datum)),
            sc::updated_at.eq(now),
            sc::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            sc::table
                .filter(sc::id.eq(current.id))
                .filter(sc::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
