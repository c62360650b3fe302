//! An MDO as Koers keeps it: when, at which school, about which pupil (if one), at which level
//! of support, whether a consulent of the SWV took part, and what came of it.

use chrono::NaiveDate;

use crate::store_prelude::*;

use crate::domain::{schooljaar_van, References};
use crate::schema::mdos;

crate::text_enum! {
    /// What the meeting decided.
    pub enum Uitkomst {
        Arrangement => "arrangement",
        TlvAanvraag => "tlv_aanvraag",
        Advies => "advies",
        VerwijzingJeugdhulp => "verwijzing_jeugdhulp",
        GeenVervolg => "geen_vervolg",
    }
}

/// A multidisciplinary meeting.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = mdos, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a30", "datum": "2016-11-08",
    "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b",
    "ondersteuningsniveau": 3, "consulentAanwezig": true, "uitkomst": "arrangement", "schooljaar": "2016-2017",
    "createdAt": "2016-11-08T15:30:00Z", "updatedAt": "2016-11-08T15:30:00Z", "versie": 1
}))]
pub struct Mdo {
    pub id: Id,
    pub datum: NaiveDate,
    pub school_id: Id,
    /// De leerling over wie het MDO ging (leeg: een MDO over een groep of de school).
    pub leerling_id: Option<Id>,
    /// Ondersteuningsniveau 1-4.
    pub ondersteuningsniveau: i32,
    /// Of een consulent van het samenwerkingsverband aanwezig was.
    pub consulent_aanwezig: bool,
    pub uitkomst: Uitkomst,
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

/// An MDO as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"datum": "2016-11-08", "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03",
    "leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "ondersteuningsniveau": 3,
    "consulentAanwezig": true, "uitkomst": "arrangement"}))]
pub struct MdoInput {
    #[validate(custom(function = "crate::domain::datum"))]
    pub datum: NaiveDate,
    pub school_id: Id,
    #[serde(default)]
    pub leerling_id: Option<Id>,
    #[validate(range(min = 1, max = 4, message = "moet 1 tot en met 4 zijn"))]
    #[schema(minimum = 1, maximum = 4)]
    pub ondersteuningsniveau: i32,
    pub consulent_aanwezig: bool,
    pub uitkomst: Uitkomst,
}

impl From<&Mdo> for MdoInput {
    fn from(m: &Mdo) -> Self {
        MdoInput {
            datum: m.datum,
            school_id: m.school_id,
            leerling_id: m.leerling_id,
            ondersteuningsniveau: m.ondersteuningsniveau,
            consulent_aanwezig: m.consulent_aanwezig,
            uitkomst: m.uitkomst,
        }
    }
}

pub struct Filter {
    pub swv: Id,
    pub schooljaar: Option<String>,
    pub school_id: Option<Id>,
    pub leerling_id: Option<Id>,
    pub ondersteuningsniveau: Option<i32>,
}

pub fn scoped(swv: Id) -> mdos::BoxedQuery<'static, MultiBackend> {
    mdos::table
        .filter(mdos::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(f: &Filter) -> mdos::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(v) = &f.schooljaar {
        q = q.filter(mdos::schooljaar.eq(v.clone()));
    }
    if let Some(v) = f.school_id {
        q = q.filter(mdos::school_id.eq(v));
    }
    if let Some(v) = f.leerling_id {
        q = q.filter(mdos::leerling_id.eq(v));
    }
    if let Some(v) = f.ondersteuningsniveau {
        q = q.filter(mdos::ondersteuningsniveau.eq(v));
    }
    q
}

crate::listed! {
    Mdo, name: "mdos", filter: Filter,
    rows: |f| filtered(f), select: Mdo::as_select(),
    sorts: {
        "datum" => mdos::datum,
        "ondersteuningsniveau" => mdos::ondersteuningsniveau,
        "createdAt" => mdos::created_at,
        "updatedAt" => mdos::updated_at,
    },
    id: mdos::id,
}

impl crate::audit::AboutPupils for Mdo {
    fn pupils(&self) -> Vec<Id> {
        self.leerling_id.into_iter().collect()
    }
}

/// A pupil's MDO's, oldest first: for the dossier.
pub fn of_pupil(c: &mut DbConn, swv: Id, leerling: Id) -> Result<Vec<Mdo>, ApiError> {
    Ok(scoped(swv)
        .filter(mdos::leerling_id.eq(leerling))
        .order((mdos::datum, mdos::created_at))
        .select(Mdo::as_select())
        .load(c)?)
}

fn check(c: &mut DbConn, swv: Id, input: &MdoInput) -> Result<(), ApiError> {
    let mut refs = References::default();
    refs.check(
        "schoolId",
        crate::in_swv!(c, scholen, swv, input.school_id)?,
    );
    if let Some(l) = input.leerling_id {
        refs.check("leerlingId", crate::in_swv!(c, leerlingen, swv, l)?);
    }
    refs.finish()
}

impl Versioned for Mdo {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Mdo {
    type Input = MdoInput;
    type Scope = Id;
    const TABLE: &'static str = "mdos";

    fn input(&self) -> MdoInput {
        MdoInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        scoped(swv)
            .filter(mdos::id.eq(id))
            .select(Mdo::as_select())
            .first(c)
            .optional()?
            .ok_or_else(ApiError::not_found)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &MdoInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check(c, swv, input)?;
        diesel::insert_into(mdos::table)
            .values((
                mdos::id.eq(id),
                mdos::samenwerkingsverband_id.eq(swv),
                mdos::datum.eq(input.datum),
                mdos::school_id.eq(input.school_id),
                mdos::leerling_id.eq(input.leerling_id),
                mdos::ondersteuningsniveau.eq(input.ondersteuningsniveau),
                mdos::consulent_aanwezig.eq(input.consulent_aanwezig),
                mdos::uitkomst.eq(input.uitkomst),
                mdos::schooljaar.eq(schooljaar_van(input.datum)),
                mdos::created_at.eq(now),
                mdos::updated_at.eq(now),
                mdos::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &MdoInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check(c, swv, input)?;
        Ok(diesel::update(
            mdos::table
                .filter(mdos::id.eq(current.id))
                .filter(mdos::versie.eq(current.versie)),
        )
        .set((
            mdos::datum.eq(input.datum),
            mdos::school_id.eq(input.school_id),
            mdos::leerling_id.eq(input.leerling_id),
            mdos::ondersteuningsniveau.eq(input.ondersteuningsniveau),
            mdos::consulent_aanwezig.eq(input.consulent_aanwezig),
            mdos::uitkomst.eq(input.uitkomst),
            mdos::schooljaar.eq(schooljaar_van(input.datum)),
            mdos::updated_at.eq(now),
            mdos::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            mdos::table
                .filter(mdos::id.eq(current.id))
                .filter(mdos::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
