//! `/portefeuilles`: standing themes held by one or more consulenten, each with a yearly plan,
//! linked to the ambities they serve.

use crate::error::{ApiError, InvalidParam};
use crate::schema::{portefeuille_ambities, portefeuille_eigenaren, portefeuilles};
use crate::store_prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = portefeuilles, check_for_backend(MultiBackend))]
pub struct PortefeuilleRow {
    pub id: Id,
    pub naam: String,
    pub omschrijving: Option<String>,
    pub jaarplan: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A portefeuille: a theme with its owners, its yearly plan and the ambities it serves.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a15", "naam": "Versterken lees- en rekenonderwijs", "omschrijving": "Basis- en extra ondersteuning bij lezen en rekenen.", "jaarplan": "Kennis delen met scholen en externe partners.", "eigenaarIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a14"], "ambitieIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11"], "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Portefeuille {
    pub id: Id,
    pub naam: String,
    pub omschrijving: Option<String>,
    /// Het jaarplan van de portefeuille.
    pub jaarplan: Option<String>,
    /// De gebruikers die de portefeuille houden.
    pub eigenaar_ids: Vec<Id>,
    /// De ambities waaraan de portefeuille bijdraagt.
    pub ambitie_ids: Vec<Id>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A portefeuille as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Versterken lees- en rekenonderwijs", "omschrijving": "Basis- en extra ondersteuning bij lezen en rekenen.", "jaarplan": "Kennis delen met scholen en externe partners.", "eigenaarIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a14"], "ambitieIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a11"]}))]
pub struct PortefeuilleInput {
    /// Uniek binnen het samenwerkingsverband.
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    #[serde(default)]
    #[validate(
        length(max = 4000, message = "mag hoogstens 4000 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 4000)]
    pub omschrijving: Option<String>,
    #[serde(default)]
    #[validate(
        length(max = 20000, message = "mag hoogstens 20000 tekens lang zijn"),
        custom(function = "rules::no_bidi")
    )]
    #[schema(max_length = 20000)]
    pub jaarplan: Option<String>,
    /// Gebruikers van het eigen samenwerkingsverband.
    #[serde(default)]
    #[validate(length(max = 20, message = "hoogstens 20 eigenaren"))]
    #[schema(max_items = 20)]
    pub eigenaar_ids: Vec<Id>,
    /// Ambities van het eigen samenwerkingsverband.
    #[serde(default)]
    #[validate(length(max = 50, message = "hoogstens 50 ambities"))]
    #[schema(max_items = 50)]
    pub ambitie_ids: Vec<Id>,
}

impl From<&Portefeuille> for PortefeuilleInput {
    fn from(p: &Portefeuille) -> Self {
        PortefeuilleInput {
            naam: p.naam.clone(),
            omschrijving: p.omschrijving.clone(),
            jaarplan: p.jaarplan.clone(),
            eigenaar_ids: p.eigenaar_ids.clone(),
            ambitie_ids: p.ambitie_ids.clone(),
        }
    }
}

/// The filters of the list, within one SWV.
#[derive(Clone)]
pub struct Filter {
    pub swv: Id,
    pub eigenaar_id: Option<Id>,
    pub ambitie_id: Option<Id>,
    pub search: Option<String>,
}

pub fn scoped(swv: Id) -> portefeuilles::BoxedQuery<'static, MultiBackend> {
    portefeuilles::table
        .filter(portefeuilles::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

pub fn filtered(swv: Id, f: &Filter) -> portefeuilles::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(swv);
    if let Some(v) = f.eigenaar_id {
        q = q.filter(
            portefeuilles::id.eq_any(
                portefeuille_eigenaren::table
                    .filter(portefeuille_eigenaren::gebruiker_id.eq(v))
                    .select(portefeuille_eigenaren::portefeuille_id),
            ),
        );
    }
    if let Some(v) = f.ambitie_id {
        q = q.filter(
            portefeuilles::id.eq_any(
                portefeuille_ambities::table
                    .filter(portefeuille_ambities::ambitie_id.eq(v))
                    .select(portefeuille_ambities::portefeuille_id),
            ),
        );
    }
    if let Some(p) = &f.search {
        q = q.filter(lower(portefeuilles::naam).like(p.clone()).escape('\\'));
    }
    q
}

/// Rows with their owners and ambities: one extra query per link table for the whole set.
pub fn with_links(
    c: &mut DbConn,
    rows: Vec<PortefeuilleRow>,
) -> Result<Vec<Portefeuille>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let mut eigenaren: HashMap<Id, Vec<Id>> = HashMap::new();
    let mut ambities: HashMap<Id, Vec<Id>> = HashMap::new();
    if !ids.is_empty() {
        let links: Vec<(Id, Id)> = portefeuille_eigenaren::table
            .filter(portefeuille_eigenaren::portefeuille_id.eq_any(ids.clone()))
            .select((
                portefeuille_eigenaren::portefeuille_id,
                portefeuille_eigenaren::gebruiker_id,
            ))
            .order((
                portefeuille_eigenaren::portefeuille_id,
                portefeuille_eigenaren::gebruiker_id,
            ))
            .load(c)?;
        for (p, g) in links {
            eigenaren.entry(p).or_default().push(g);
        }
        let links: Vec<(Id, Id)> = portefeuille_ambities::table
            .filter(portefeuille_ambities::portefeuille_id.eq_any(ids))
            .select((
                portefeuille_ambities::portefeuille_id,
                portefeuille_ambities::ambitie_id,
            ))
            .order((
                portefeuille_ambities::portefeuille_id,
                portefeuille_ambities::ambitie_id,
            ))
            .load(c)?;
        for (p, a) in links {
            ambities.entry(p).or_default().push(a);
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| Portefeuille {
            eigenaar_ids: eigenaren.remove(&r.id).unwrap_or_default(),
            ambitie_ids: ambities.remove(&r.id).unwrap_or_default(),
            id: r.id,
            naam: r.naam,
            omschrijving: r.omschrijving,
            jaarplan: r.jaarplan,
            created_at: r.created_at,
            updated_at: r.updated_at,
            versie: r.versie,
        })
        .collect())
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Portefeuille, ApiError> {
    let row = scoped(swv)
        .filter(portefeuilles::id.eq(id))
        .select(PortefeuilleRow::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    Ok(with_links(c, vec![row])?.remove(0))
}

pub fn check_references(
    c: &mut DbConn,
    swv: Id,
    input: &PortefeuilleInput,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if !crate::domain::references::users_in_swv(c, swv, &input.eigenaar_ids)? {
        errors.push(InvalidParam::new(
            "eigenaarIds",
            "noemt iemand die geen gebruiker van dit samenwerkingsverband is",
        ));
    }
    if !crate::domain::references::ambities_in_swv(c, swv, &input.ambitie_ids)? {
        errors.push(InvalidParam::new(
            "ambitieIds",
            "verwijst naar een record dat niet bestaat",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

pub fn link(c: &mut DbConn, id: Id, input: &PortefeuilleInput) -> Result<(), ApiError> {
    diesel::delete(
        portefeuille_eigenaren::table.filter(portefeuille_eigenaren::portefeuille_id.eq(id)),
    )
    .execute(c)?;
    diesel::delete(
        portefeuille_ambities::table.filter(portefeuille_ambities::portefeuille_id.eq(id)),
    )
    .execute(c)?;
    for g in crate::domain::unique(&input.eigenaar_ids) {
        diesel::insert_into(portefeuille_eigenaren::table)
            .values((
                portefeuille_eigenaren::portefeuille_id.eq(id),
                portefeuille_eigenaren::gebruiker_id.eq(g),
            ))
            .execute(c)?;
    }
    for a in crate::domain::unique(&input.ambitie_ids) {
        diesel::insert_into(portefeuille_ambities::table)
            .values((
                portefeuille_ambities::portefeuille_id.eq(id),
                portefeuille_ambities::ambitie_id.eq(a),
            ))
            .execute(c)?;
    }
    Ok(())
}

impl Versioned for Portefeuille {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl Store for Portefeuille {
    type Input = PortefeuilleInput;
    type Scope = Id;
    const TABLE: &'static str = "portefeuilles";

    fn input(&self) -> PortefeuilleInput {
        PortefeuilleInput::from(self)
    }

    fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Self, ApiError> {
        find(c, swv, id)
    }

    fn insert(
        c: &mut DbConn,
        swv: Id,
        id: Id,
        input: &PortefeuilleInput,
        now: NaiveDateTime,
    ) -> Result<(), ApiError> {
        check_references(c, swv, input)?;
        diesel::insert_into(portefeuilles::table)
            .values((
                portefeuilles::id.eq(id),
                portefeuilles::samenwerkingsverband_id.eq(swv),
                portefeuilles::naam.eq(input.naam.trim()),
                portefeuilles::omschrijving.eq(&input.omschrijving),
                portefeuilles::jaarplan.eq(&input.jaarplan),
                portefeuilles::created_at.eq(now),
                portefeuilles::updated_at.eq(now),
                portefeuilles::versie.eq(1),
            ))
            .execute(c)?;
        link(c, id, input)
    }

    fn update(
        c: &mut DbConn,
        swv: Id,
        current: &Self,
        input: &PortefeuilleInput,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError> {
        check_references(c, swv, input)?;
        let n = diesel::update(
            portefeuilles::table
                .filter(portefeuilles::id.eq(current.id))
                .filter(portefeuilles::versie.eq(current.versie)),
        )
        .set((
            portefeuilles::naam.eq(input.naam.trim()),
            portefeuilles::omschrijving.eq(&input.omschrijving),
            portefeuilles::jaarplan.eq(&input.jaarplan),
            portefeuilles::updated_at.eq(now),
            portefeuilles::versie.eq(current.versie + 1),
        ))
        .execute(c)?;
        if n > 0 {
            link(c, current.id, input)?;
        }
        Ok(n)
    }

    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError> {
        Ok(diesel::delete(
            portefeuilles::table
                .filter(portefeuilles::id.eq(current.id))
                .filter(portefeuilles::versie.eq(current.versie)),
        )
        .execute(c)?)
    }
}

crate::listed! {
    Portefeuille, name: "portefeuilles", filter: Filter,
    rows: |f| filtered(f.swv, f), select: PortefeuilleRow::as_select(),
    sorts: {
    "naam" => portefeuilles::naam,
    "createdAt" => portefeuilles::created_at,
    "updatedAt" => portefeuilles::updated_at,
    },
    id: portefeuilles::id,
    complete: with_links,
}
