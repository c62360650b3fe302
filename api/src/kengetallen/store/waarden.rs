//! `/kengetallen/{id}/waarden`: what a KPI came to in a school year, entered by the beheerder,
//! with an explanation. A computed KPI takes only the explanation: its value is measured.

use super::kengetallen::Kengetal;
use super::KengetalBron;
use crate::schema::kengetal_waarden;
use crate::store_prelude::*;

/// The value of a KPI in one school year.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = kengetal_waarden, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a31", "kengetalId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a30",
    "schooljaar": "2022-2023", "waarde": 37500, "toelichting": "Vastgesteld in de begroting",
    "createdAt": "2022-08-01T08:30:00Z", "updatedAt": "2022-08-01T08:30:00Z", "versie": 1
}))]
pub struct KengetalWaarde {
    pub id: Id,
    pub kengetal_id: Id,
    pub schooljaar: String,
    /// In de eenheid van het kengetal; alleen bij een handmatig kengetal.
    pub waarde: Option<f64>,
    pub toelichting: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A value as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"schooljaar": "2022-2023", "waarde": 37500, "toelichting": "Vastgesteld in de begroting"}))]
pub struct KengetalWaardeInput {
    /// Eén waarde per kengetal per schooljaar.
    #[validate(custom(function = "crate::domain::schooljaar"))]
    #[schema(pattern = "^[0-9]{4}-[0-9]{4}$", example = "2022-2023")]
    pub schooljaar: String,
    /// Alleen bij een handmatig kengetal; een berekend kengetal meet Koers zelf.
    #[serde(default)]
    #[validate(range(
        min = -1_000_000_000_000.0,
        max = 1_000_000_000_000.0,
        message = "moet een getal zijn"
    ))]
    pub waarde: Option<f64>,
    #[serde(default)]
    #[validate(length(max = 2000, message = "mag hoogstens 2000 tekens lang zijn"))]
    #[schema(max_length = 2000)]
    pub toelichting: String,
}

impl From<&KengetalWaarde> for KengetalWaardeInput {
    fn from(w: &KengetalWaarde) -> Self {
        KengetalWaardeInput {
            schooljaar: w.schooljaar.clone(),
            waarde: w.waarde,
            toelichting: w.toelichting.clone(),
        }
    }
}

/// The SWV and the KPI a value belongs to.
pub type Scope = (Id, Id);

pub struct Filter {
    pub swv: Id,
    pub kengetal: Id,
    pub schooljaar: Option<String>,
}

fn scoped((swv, kengetal): Scope) -> kengetal_waarden::BoxedQuery<'static, MultiBackend> {
    kengetal_waarden::table
        .filter(kengetal_waarden::samenwerkingsverband_id.eq(swv))
        .filter(kengetal_waarden::kengetal_id.eq(kengetal))
        .into_boxed()
}

fn filtered(f: &Filter) -> kengetal_waarden::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped((f.swv, f.kengetal));
    if let Some(v) = &f.schooljaar {
        q = q.filter(kengetal_waarden::schooljaar.eq(v.clone()));
    }
    q
}

/// An unknown KPI (or one of another SWV) is a `404`, also for its list of values.
pub fn kengetal(c: &mut DbConn, (swv, id): Scope) -> Result<Kengetal, ApiError> {
    Kengetal::find(c, swv, id)
}

crate::listed! {
    KengetalWaarde, name: "kengetal-waarden", filter: Filter,
    rows: |f| filtered(f), select: KengetalWaarde::as_select(),
    sorts: {
        "schooljaar" => kengetal_waarden::schooljaar,
        "createdAt" => kengetal_waarden::created_at,
        "updatedAt" => kengetal_waarden::updated_at,
    },
    id: kengetal_waarden::id,
    scope: |c: &mut DbConn, f: &Filter| kengetal(c, (f.swv, f.kengetal)).map(|_| ()),
}

fn check(
    c: &mut DbConn,
    scope: Scope,
    current: Option<&KengetalWaarde>,
    input: &KengetalWaardeInput,
) -> Result<(), ApiError> {
    let k = kengetal(c, scope)?;
    if k.bron != KengetalBron::Handmatig && input.waarde.is_some() {
        return Err(ApiError::field(
            "waarde",
            "dit kengetal wordt berekend; alleen een toelichting kan worden vastgelegd",
        ));
    }
    let mut same_year =
        scoped(scope).filter(kengetal_waarden::schooljaar.eq(input.schooljaar.clone()));
    if let Some(w) = current {
        same_year = same_year.filter(kengetal_waarden::id.ne(w.id));
    }
    let taken = same_year.count().get_result::<i64>(c)? > 0;
    if taken {
        return Err(ApiError::duplicate("schooljaar"));
    }
    Ok(())
}

impl Versioned for KengetalWaarde {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for KengetalWaarde {
    type Input = KengetalWaardeInput;
    type Scope = Scope;
    const TABLE: &'static str = "kengetal_waarden";

    fn input(&self) -> KengetalWaardeInput {
        KengetalWaardeInput::from(self)
    }

    fn find(c: &mut DbConn, scope: Scope, id: Id) -> Result<Self, ApiError> {
        kengetal(c, scope)?;
        scoped(scope)
            .filter(kengetal_waarden::id.eq(id))
            .select(KengetalWaarde::as_select())
            .first(c)
            .optional()?
            .ok_or_else(ApiError::not_found)
    }

    fn insert(
        c: &mut DbConn,
        scope: Scope,
        id: Id,
        input: &KengetalWaardeInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check(c, scope, None, input)?;
        diesel::insert_into(kengetal_waarden::table)
            .values((
                kengetal_waarden::id.eq(id),
                kengetal_waarden::samenwerkingsverband_id.eq(scope.0),
                kengetal_waarden::kengetal_id.eq(scope.1),
                kengetal_waarden::schooljaar.eq(&input.schooljaar),
                kengetal_waarden::waarde.eq(input.waarde),
                kengetal_waarden::toelichting.eq(input.toelichting.trim()),
                kengetal_waarden::created_at.eq(now),
                kengetal_waarden::updated_at.eq(now),
                kengetal_waarden::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        scope: Scope,
        current: &Self,
        input: &KengetalWaardeInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check(c, scope, Some(current), input)?;
        Ok(diesel::update(
            kengetal_waarden::table
                .filter(kengetal_waarden::id.eq(current.id))
                .filter(kengetal_waarden::versie.eq(current.versie)),
        )
        .set((
            kengetal_waarden::schooljaar.eq(&input.schooljaar),
            kengetal_waarden::waarde.eq(input.waarde),
            kengetal_waarden::toelichting.eq(input.toelichting.trim()),
            kengetal_waarden::updated_at.eq(now),
            kengetal_waarden::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            kengetal_waarden::table
                .filter(kengetal_waarden::id.eq(current.id))
                .filter(kengetal_waarden::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
