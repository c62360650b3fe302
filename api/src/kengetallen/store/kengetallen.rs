//! `/kengetallen`: a KPI of the SWV with its target and where its value comes from.

use validator::ValidationError;

use super::{KengetalBron, KengetalEenheid, Richting};
use crate::bijeenkomsten::store::BijeenkomstSoort;
use crate::schema::{kengetal_waarden, kengetallen};
use crate::store_prelude::*;

/// A KPI of the SWV.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = kengetallen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a30", "naam": "Opkomst IB-netwerken", "eenheid": "percentage",
    "richting": "minimaal", "streefwaarde": 60.1, "bron": "opkomst_doelgroep_percentage",
    "bijeenkomstSoort": "ib_netwerk", "volgorde": 4,
    "createdAt": "2022-08-01T08:30:00Z", "updatedAt": "2022-08-01T08:30:00Z", "versie": 1
}))]
pub struct Kengetal {
    pub id: Id,
    pub naam: String,
    pub eenheid: KengetalEenheid,
    pub richting: Richting,
    /// In de eenheid van het kengetal (bij `euro` in eurocenten).
    pub streefwaarde: f64,
    pub bron: KengetalBron,
    /// Alleen bij de drie maten over bijeenkomsten.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bijeenkomst_soort: Option<BijeenkomstSoort>,
    pub volgorde: i32,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

fn eindig(x: f64) -> Result<(), ValidationError> {
    if x.is_finite() {
        Ok(())
    } else {
        Err(ValidationError::new("getal").with_message("moet een getal zijn".into()))
    }
}

/// A KPI as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Groot Netwerk: deelnemers", "eenheid": "aantal", "richting": "minimaal",
    "streefwaarde": 151, "bron": "aanwezig_totaal", "bijeenkomstSoort": "groot_netwerk", "volgorde": 8}))]
pub struct KengetalInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    pub eenheid: KengetalEenheid,
    pub richting: Richting,
    /// 0 of meer; bij `percentage` hoogstens 100, bij `euro` in eurocenten.
    #[validate(
        range(min = 0.0, max = 1_000_000_000_000.0, message = "moet 0 of meer zijn"),
        custom(function = "eindig")
    )]
    #[schema(minimum = 0)]
    pub streefwaarde: f64,
    pub bron: KengetalBron,
    /// Verplicht bij `opkomst_doelgroep_percentage`, `aanwezig_totaal` en
    /// `streef_behaald_percentage`; anders weglaten.
    #[serde(default)]
    pub bijeenkomst_soort: Option<BijeenkomstSoort>,
    /// De plaats in het overzicht (oplopend).
    #[serde(default)]
    #[validate(range(min = 0, max = 10_000, message = "moet tussen 0 en 10.000 liggen"))]
    #[schema(minimum = 0, maximum = 10_000)]
    pub volgorde: i32,
}

impl From<&Kengetal> for KengetalInput {
    fn from(k: &Kengetal) -> Self {
        KengetalInput {
            naam: k.naam.clone(),
            eenheid: k.eenheid,
            richting: k.richting,
            streefwaarde: k.streefwaarde,
            bron: k.bron,
            bijeenkomst_soort: k.bijeenkomst_soort,
            volgorde: k.volgorde,
        }
    }
}

pub struct Filter {
    pub swv: Id,
    pub bron: Option<KengetalBron>,
}

pub fn scoped(swv: Id) -> kengetallen::BoxedQuery<'static, MultiBackend> {
    kengetallen::table
        .filter(kengetallen::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

fn filtered(f: &Filter) -> kengetallen::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(v) = f.bron {
        q = q.filter(kengetallen::bron.eq(v));
    }
    q
}

crate::listed! {
    Kengetal, name: "kengetallen", filter: Filter,
    rows: |f| filtered(f), select: Kengetal::as_select(),
    sorts: {
        "volgorde" => kengetallen::volgorde,
        "naam" => kengetallen::naam,
        "createdAt" => kengetallen::created_at,
        "updatedAt" => kengetallen::updated_at,
    },
    id: kengetallen::id,
}

/// The rules between fields: a meeting measure names its kind of meeting and nothing else does, a
/// computed measure comes in its own unit, and a percentage is at most 100.
fn check(
    c: &mut DbConn,
    current: Option<&Kengetal>,
    input: &KengetalInput,
) -> Result<(), ApiError> {
    let mut fouten = Vec::new();
    match (input.bron.over_bijeenkomsten(), input.bijeenkomst_soort) {
        (true, None) => fouten.push(crate::error::InvalidParam::new(
            "bijeenkomstSoort",
            "is verplicht bij een maat over bijeenkomsten",
        )),
        (false, Some(_)) => fouten.push(crate::error::InvalidParam::new(
            "bijeenkomstSoort",
            "hoort alleen bij een maat over bijeenkomsten; laat het weg",
        )),
        _ => {}
    }
    if let Some(eenheid) = input.bron.eenheid() {
        if eenheid != input.eenheid {
            fouten.push(crate::error::InvalidParam::new(
                "eenheid",
                format!("moet '{eenheid}' zijn bij deze bron"),
            ));
        }
    }
    if input.eenheid == KengetalEenheid::Percentage && input.streefwaarde > 100.0 {
        fouten.push(crate::error::InvalidParam::new(
            "streefwaarde",
            "is een percentage: hoogstens 100",
        ));
    }
    if !fouten.is_empty() {
        return Err(ApiError::validation(fouten));
    }
    // Entered values stay meaningful only for a KPI that is entered by hand.
    if let Some(k) = current {
        if input.bron != KengetalBron::Handmatig {
            let ingevoerd: i64 = kengetal_waarden::table
                .filter(kengetal_waarden::kengetal_id.eq(k.id))
                .filter(kengetal_waarden::waarde.is_not_null())
                .count()
                .get_result(c)?;
            if ingevoerd > 0 {
                return Err(ApiError::field(
                    "bron",
                    format!("er zijn {ingevoerd} waarden ingevoerd; verwijder die eerst of houd de bron handmatig"),
                ));
            }
        }
    }
    Ok(())
}

impl Versioned for Kengetal {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Kengetal {
    type Input = KengetalInput;
    type Scope = Id;
    const TABLE: &'static str = "kengetallen";

    fn input(&self) -> KengetalInput {
        KengetalInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        scoped(swv)
            .filter(kengetallen::id.eq(id))
            .select(Kengetal::as_select())
            .first(c)
            .optional()?
            .ok_or_else(ApiError::not_found)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &KengetalInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check(c, None, input)?;
        diesel::insert_into(kengetallen::table)
            .values((
                kengetallen::id.eq(id),
                kengetallen::samenwerkingsverband_id.eq(swv),
                kengetallen::naam.eq(input.naam.trim()),
                kengetallen::eenheid.eq(input.eenheid),
                kengetallen::richting.eq(input.richting),
                kengetallen::streefwaarde.eq(input.streefwaarde),
                kengetallen::bron.eq(input.bron),
                kengetallen::bijeenkomst_soort.eq(input.bijeenkomst_soort),
                kengetallen::volgorde.eq(input.volgorde),
                kengetallen::created_at.eq(now),
                kengetallen::updated_at.eq(now),
                kengetallen::versie.eq(1),
            ))
            .execute(c)?;
        Ok(())
    }

    fn update(
        c: &mut DbConn,
        _swv: Id,
        current: &Self,
        input: &KengetalInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check(c, Some(current), input)?;
        Ok(diesel::update(
            kengetallen::table
                .filter(kengetallen::id.eq(current.id))
                .filter(kengetallen::versie.eq(current.versie)),
        )
        .set((
            kengetallen::naam.eq(input.naam.trim()),
            kengetallen::eenheid.eq(input.eenheid),
            kengetallen::richting.eq(input.richting),
            kengetallen::streefwaarde.eq(input.streefwaarde),
            kengetallen::bron.eq(input.bron),
            kengetallen::bijeenkomst_soort.eq(input.bijeenkomst_soort),
            kengetallen::volgorde.eq(input.volgorde),
            kengetallen::updated_at.eq(now),
            kengetallen::versie.eq(current.versie + 1),
        ))
        .execute(c)?)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            kengetallen::table
                .filter(kengetallen::id.eq(current.id))
                .filter(kengetallen::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}
