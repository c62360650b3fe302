//! An arrangement as Koers keeps it, its list and its changes. The school year follows from the
//! start date; the werkgebied from the school.

use chrono::NaiveDate;

use crate::store_prelude::*;

use crate::domain::schooljaar_van;
use crate::schema::arrangementen;

use super::invoer::{self, ArrangementInput};
use super::soorten::{ArrangementSoort, ArrangementStatus, Categorie};

/// An arrangement of the SWV.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = arrangementen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a10", "soort": "individueel",
    "leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "aantalLeerlingen": null,
    "schoolId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "werkgebiedId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a04",
    "verlengingVanId": null, "verlenging": false, "categorie": "gedragsinterventietechnieken",
    "ondersteuningsniveau": 3, "leerjaar": 5, "startdatum": "2016-10-03", "einddatum": "2017-01-27",
    "urenPerWeek": 4.0, "bedragCent": 312000, "status": "toegekend", "toegekendOp": "2016-09-28",
    "toelichting": "", "schooljaar": "2016-2017",
    "createdAt": "2016-09-20T08:30:00Z", "updatedAt": "2016-09-28T08:30:00Z", "versie": 2
}))]
pub struct Arrangement {
    pub id: Id,
    pub soort: ArrangementSoort,
    /// De leerling (alleen bij een individueel arrangement).
    pub leerling_id: Option<Id>,
    /// Het aantal leerlingen (alleen bij een groepsarrangement).
    pub aantal_leerlingen: Option<i32>,
    pub school_id: Id,
    /// Het werkgebied van de school toen het arrangement werd vastgelegd (of de school wijzigde).
    pub werkgebied_id: Option<Id>,
    /// Het arrangement dat hiermee wordt verlengd.
    pub verlenging_van_id: Option<Id>,
    /// Of dit een verlenging is.
    #[diesel(select_expression = arrangementen::verlenging_van_id.is_not_null())]
    #[diesel(select_expression_type = diesel::dsl::IsNotNull<arrangementen::verlenging_van_id>)]
    pub verlenging: bool,
    pub categorie: Categorie,
    /// Ondersteuningsniveau 2 of 3.
    pub ondersteuningsniveau: i32,
    pub leerjaar: Option<i32>,
    pub startdatum: NaiveDate,
    pub einddatum: NaiveDate,
    pub uren_per_week: Option<f64>,
    /// Het bedrag in eurocenten.
    pub bedrag_cent: i64,
    pub status: ArrangementStatus,
    /// De datum van toekenning.
    pub toegekend_op: Option<NaiveDate>,
    /// Werkaantekening; geen namen of andere persoonsgegevens.
    pub toelichting: String,
    /// Het schooljaar van de startdatum.
    pub schooljaar: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

impl From<&Arrangement> for ArrangementInput {
    fn from(a: &Arrangement) -> Self {
        ArrangementInput {
            soort: a.soort,
            leerling_id: a.leerling_id,
            aantal_leerlingen: a.aantal_leerlingen,
            school_id: Some(a.school_id),
            verlenging_van_id: a.verlenging_van_id,
            categorie: a.categorie,
            ondersteuningsniveau: a.ondersteuningsniveau,
            leerjaar: a.leerjaar,
            startdatum: a.startdatum,
            einddatum: a.einddatum,
            uren_per_week: a.uren_per_week,
            bedrag_cent: a.bedrag_cent,
            status: a.status,
            toegekend_op: a.toegekend_op,
            toelichting: a.toelichting.clone(),
        }
    }
}

/// The filters of the list, within one SWV.
pub struct Filter {
    pub swv: Id,
    pub schooljaar: Option<String>,
    pub soort: Option<ArrangementSoort>,
    pub status: Option<ArrangementStatus>,
    pub categorie: Option<Categorie>,
    pub werkgebied_id: Option<Id>,
    pub school_id: Option<Id>,
    pub leerling_id: Option<Id>,
    pub verlenging: Option<bool>,
}

/// The only way into the table: always within one SWV.
pub fn scoped(swv: Id) -> arrangementen::BoxedQuery<'static, MultiBackend> {
    arrangementen::table
        .filter(arrangementen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(f: &Filter) -> arrangementen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(v) = &f.schooljaar {
        q = q.filter(arrangementen::schooljaar.eq(v.clone()));
    }
    if let Some(v) = f.soort {
        q = q.filter(arrangementen::soort.eq(v));
    }
    if let Some(v) = f.status {
        q = q.filter(arrangementen::status.eq(v));
    }
    if let Some(v) = f.categorie {
        q = q.filter(arrangementen::categorie.eq(v));
    }
    if let Some(v) = f.werkgebied_id {
        q = q.filter(arrangementen::werkgebied_id.eq(v));
    }
    if let Some(v) = f.school_id {
        q = q.filter(arrangementen::school_id.eq(v));
    }
    if let Some(v) = f.leerling_id {
        q = q.filter(arrangementen::leerling_id.eq(v));
    }
    match f.verlenging {
        Some(true) => q = q.filter(arrangementen::verlenging_van_id.is_not_null()),
        Some(false) => q = q.filter(arrangementen::verlenging_van_id.is_null()),
        None => {}
    }
    q
}

crate::listed! {
    Arrangement, name: "arrangementen", filter: Filter,
    rows: |f| filtered(f), select: Arrangement::as_select(),
    sorts: {
        "startdatum" => arrangementen::startdatum,
        "einddatum" => arrangementen::einddatum,
        "bedragCent" => arrangementen::bedrag_cent,
        "status" => arrangementen::status,
        "createdAt" => arrangementen::created_at,
        "updatedAt" => arrangementen::updated_at,
    },
    id: arrangementen::id,
}

impl crate::audit::AboutPupils for Arrangement {
    fn pupils(&self) -> Vec<Id> {
        self.leerling_id.into_iter().collect()
    }
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Arrangement, ApiError> {
    scoped(swv)
        .filter(arrangementen::id.eq(id))
        .select(Arrangement::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// A pupil's arrangementen, oldest first: for the dossier.
pub fn of_pupil(c: &mut DbConn, swv: Id, leerling: Id) -> Result<Vec<Arrangement>, ApiError> {
    Ok(scoped(swv)
        .filter(arrangementen::leerling_id.eq(leerling))
        .order((arrangementen::startdatum, arrangementen::created_at))
        .select(Arrangement::as_select())
        .load(c)?)
}

/// The grant date: as given, or today when the arrangement is granted without one.
fn toegekend_op(input: &ArrangementInput, before: Option<NaiveDate>) -> Option<NaiveDate> {
    if !input.status.granted() {
        return None;
    }
    input
        .toegekend_op
        .or(before)
        .or_else(|| Some(time::today()))
}

impl Versioned for Arrangement {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Arrangement {
    type Input = ArrangementInput;
    type Scope = Id;
    const TABLE: &'static str = "arrangementen";

    fn input(&self) -> ArrangementInput {
        ArrangementInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &ArrangementInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        let s = invoer::check(c, swv, input, None)?;
        diesel::insert_into(arrangementen::table)
            .values((
                arrangementen::id.eq(id),
                arrangementen::samenwerkingsverband_id.eq(swv),
                arrangementen::soort.eq(input.soort),
                arrangementen::leerling_id.eq(input.leerling_id),
                arrangementen::aantal_leerlingen.eq(input.aantal_leerlingen),
                arrangementen::school_id.eq(s.school_id),
                arrangementen::werkgebied_id.eq(s.werkgebied_id),
                arrangementen::verlenging_van_id.eq(input.verlenging_van_id),
                arrangementen::categorie.eq(input.categorie),
                arrangementen::ondersteuningsniveau.eq(input.ondersteuningsniveau),
                arrangementen::leerjaar.eq(s.leerjaar),
                arrangementen::startdatum.eq(input.startdatum),
                arrangementen::einddatum.eq(input.einddatum),
                arrangementen::uren_per_week.eq(input.uren_per_week),
                arrangementen::bedrag_cent.eq(input.bedrag_cent),
                arrangementen::status.eq(input.status),
                arrangementen::toegekend_op.eq(toegekend_op(input, None)),
                arrangementen::toelichting.eq(&input.toelichting),
                arrangementen::schooljaar.eq(schooljaar_van(input.startdatum)),
                arrangementen::created_at.eq(now),
                arrangementen::updated_at.eq(now),
                arrangementen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &ArrangementInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        let was = (
            current.id,
            current.school_id,
            current.werkgebied_id,
            current.status,
        );
        let s = invoer::check(c, swv, input, Some(was))?;
        Ok(diesel::update(
            arrangementen::table
                .filter(arrangementen::id.eq(current.id))
                .filter(arrangementen::versie.eq(current.versie)),
        )
        .set((
            (
                arrangementen::soort.eq(input.soort),
                arrangementen::leerling_id.eq(input.leerling_id),
                arrangementen::aantal_leerlingen.eq(input.aantal_leerlingen),
                arrangementen::school_id.eq(s.school_id),
                arrangementen::werkgebied_id.eq(s.werkgebied_id),
                arrangementen::verlenging_van_id.eq(input.verlenging_van_id),
                arrangementen::categorie.eq(input.categorie),
                arrangementen::ondersteuningsniveau.eq(input.ondersteuningsniveau),
                arrangementen::leerjaar.eq(s.leerjaar),
            ),
            (
                arrangementen::startdatum.eq(input.startdatum),
                arrangementen::einddatum.eq(input.einddatum),
                arrangementen::uren_per_week.eq(input.uren_per_week),
                arrangementen::bedrag_cent.eq(input.bedrag_cent),
                arrangementen::status.eq(input.status),
                arrangementen::toegekend_op.eq(toegekend_op(input, current.toegekend_op)),
                arrangementen::toelichting.eq(&input.toelichting),
                arrangementen::schooljaar.eq(schooljaar_van(input.startdatum)),
                arrangementen::updated_at.eq(now),
                arrangementen::versie.eq(current.versie + 1),
            ),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            arrangementen::table
                .filter(arrangementen::id.eq(current.id))
                .filter(arrangementen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
