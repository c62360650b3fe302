//! `/gebruikers`: accounts of the SWV's staff (beheerder) and of every SWV (platformbeheerder).

use crate::auth::Rol;
use crate::domain::References;
use crate::schema::{gebruikers, samenwerkingsverbanden};
use crate::store_prelude::*;

/// A user account. The password is never returned.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = gebruikers, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "email": "consulent@swv-zk.example", "naam": "Sanne Bakker", "rol": "consulent", "actief": true, "samenwerkingsverbandId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c", "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Gebruiker {
    pub id: Id,
    pub email: String,
    pub naam: String,
    pub rol: Rol,
    pub actief: bool,
    pub samenwerkingsverband_id: Option<Id>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A user as written. `wachtwoord` is write-only and optional: left out when creating, the user
/// is invited by mail to choose one; left out when changing, it stays as it is.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"email": "consulent@swv-zk.example", "naam": "Sanne Bakker", "rol": "consulent", "actief": true}))]
pub struct GebruikerInput {
    #[validate(custom(function = "rules::email"), custom(function = "rules::no_bidi"))]
    #[schema(format = Email, max_length = 254)]
    pub email: String,
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    pub rol: Rol,
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub actief: bool,
    /// Het samenwerkingsverband. Een beheerder laat dit weg (de gebruiker komt in het eigen
    /// samenwerkingsverband); de platformbeheerder geeft het op, behalve voor een platformbeheerder.
    #[serde(default)]
    pub samenwerkingsverband_id: Option<Id>,
    /// Minstens 12 tekens en moeilijk te raden (zxcvbn-score 3 of hoger), zonder het deel van het
    /// e-mailadres voor de @; het openbare demowachtwoord alleen op een demoserver. Een
    /// geweigerd wachtwoord geeft de reden bij het veld. Wordt nooit teruggegeven. Weggelaten bij
    /// een nieuwe gebruiker: die krijgt een uitnodiging per mail om het zelf te kiezen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(min = 12, max = 256, message = "moet 12 tot 256 tekens lang zijn"))]
    #[schema(write_only, min_length = 12, max_length = 256)]
    pub wachtwoord: Option<String>,
}

pub fn yes() -> bool {
    true
}

impl From<&Gebruiker> for GebruikerInput {
    fn from(g: &Gebruiker) -> Self {
        GebruikerInput {
            email: g.email.clone(),
            naam: g.naam.clone(),
            rol: g.rol,
            actief: g.actief,
            samenwerkingsverband_id: g.samenwerkingsverband_id,
            wachtwoord: None,
        }
    }
}

pub fn scoped(visible: Option<Id>) -> gebruikers::BoxedQuery<'static, MultiBackend> {
    let q = gebruikers::table.into_boxed();
    match visible {
        Some(swv) => q.filter(gebruikers::samenwerkingsverband_id.eq(swv)),
        None => q,
    }
}

pub fn find(c: &mut DbConn, visible: Option<Id>, id: Id) -> Result<Gebruiker, ApiError> {
    scoped(visible)
        .filter(gebruikers::id.eq(id))
        .select(Gebruiker::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// Where the user belongs, and whether this caller may put them there.
pub fn placement(
    c: &mut DbConn,
    visible: Option<Id>,
    input: &GebruikerInput,
) -> Result<Option<Id>, ApiError> {
    match visible {
        // A beheerder: always the own SWV, never a platformbeheerder.
        Some(own) => {
            if input.samenwerkingsverband_id.is_some_and(|s| s != own) {
                return Err(ApiError::forbidden(
                    "U kunt alleen gebruikers van uw eigen samenwerkingsverband beheren.",
                ));
            }
            if input.rol == Rol::Platformbeheerder {
                return Err(ApiError::forbidden(
                    "Alleen een platformbeheerder kan een platformbeheerder aanmaken.",
                ));
            }
            Ok(Some(own))
        }
        None => match (input.rol, input.samenwerkingsverband_id) {
            (Rol::Platformbeheerder, None) => Ok(None),
            (Rol::Platformbeheerder, Some(_)) => Err(ApiError::field(
                "samenwerkingsverbandId",
                "moet leeg zijn voor een platformbeheerder",
            )),
            (_, None) => Err(ApiError::field(
                "samenwerkingsverbandId",
                "is verplicht voor deze rol",
            )),
            (_, Some(s)) => {
                let mut refs = References::default();
                refs.check(
                    "samenwerkingsverbandId",
                    diesel::select(diesel::dsl::exists(
                        samenwerkingsverbanden::table.filter(samenwerkingsverbanden::id.eq(s)),
                    ))
                    .get_result(c)?,
                );
                refs.finish()?;
                Ok(Some(s))
            }
        },
    }
}

/// The first platformbeheerder of an installation, made at start when there are no users yet;
/// answers whether it was made.
pub fn bootstrap_platformbeheerder(
    c: &mut DbConn,
    email: &str,
    wachtwoord_hash: &str,
) -> Result<bool, ApiError> {
    let count: i64 = gebruikers::table.count().get_result(c)?;
    if count > 0 {
        return Ok(false);
    }
    let now = crate::domain::time::now();
    diesel::insert_into(gebruikers::table)
        .values((
            gebruikers::id.eq(Id::new()),
            gebruikers::samenwerkingsverband_id.eq(None::<Id>),
            gebruikers::email.eq(email),
            gebruikers::naam.eq("Platformbeheerder"),
            gebruikers::rol.eq(Rol::Platformbeheerder),
            gebruikers::actief.eq(true),
            gebruikers::wachtwoord_hash.eq(wachtwoord_hash),
            gebruikers::created_at.eq(now),
            gebruikers::updated_at.eq(now),
            gebruikers::versie.eq(1),
        ))
        .execute(c)?;
    Ok(true)
}

/// The filters of the list, within what the caller may see (`None`: every SWV).
pub struct Filter {
    pub visible: Option<Id>,
    pub rol: Option<Rol>,
    pub actief: Option<bool>,
    pub swv: Option<Id>,
    pub search: Option<String>,
}

pub fn filtered(f: &Filter) -> gebruikers::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.visible);
    if let Some(r) = f.rol {
        q = q.filter(gebruikers::rol.eq(r));
    }
    if let Some(a) = f.actief {
        q = q.filter(gebruikers::actief.eq(a));
    }
    if let Some(s) = f.swv {
        q = q.filter(gebruikers::samenwerkingsverband_id.eq(s));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(gebruikers::naam)
                .like(p.clone())
                .escape('\\')
                .or(gebruikers::email.like(p.clone()).escape('\\')),
        );
    }
    q
}

crate::listed! {
    Gebruiker, name: "gebruikers", filter: Filter,
    rows: |f| filtered(f), select: Gebruiker::as_select(),
    sorts: {
        "naam" => gebruikers::naam,
        "email" => gebruikers::email,
        "rol" => gebruikers::rol,
        "actief" => gebruikers::actief,
        "createdAt" => gebruikers::created_at,
        "updatedAt" => gebruikers::updated_at,
    },
    id: gebruikers::id,
}

/// A colleague as every user of the SWV sees them: who they are and their role, no address.
/// Nothing more (`additionalProperties: false`), so a client tells it from a whole account.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = gebruikers, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "Sanne Bakker", "rol": "consulent", "actief": true}))]
pub struct Collega {
    pub id: Id,
    pub naam: String,
    pub rol: Rol,
    pub actief: bool,
}

/// The filters of the colleagues' list: one SWV, searched by name only.
pub struct CollegaFilter {
    pub swv: Id,
    pub rol: Option<Rol>,
    pub actief: Option<bool>,
    pub search: Option<String>,
}

pub fn collegas(f: &CollegaFilter) -> gebruikers::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(Some(f.swv));
    if let Some(r) = f.rol {
        q = q.filter(gebruikers::rol.eq(r));
    }
    if let Some(a) = f.actief {
        q = q.filter(gebruikers::actief.eq(a));
    }
    if let Some(p) = &f.search {
        q = q.filter(lower(gebruikers::naam).like(p.clone()).escape('\\'));
    }
    q
}

crate::listed! {
    Collega, name: "collegas", filter: CollegaFilter,
    rows: |f| collegas(f), select: Collega::as_select(),
    sorts: {
        "naam" => gebruikers::naam,
        "rol" => gebruikers::rol,
        "actief" => gebruikers::actief,
    },
    id: gebruikers::id,
}
