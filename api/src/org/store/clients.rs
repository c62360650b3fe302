//! `/clients`: service accounts for gemeenten and integrators (OAuth2 client credentials).
//! The secret is shown once, when created or rotated, and stored only as a hash.

use crate::auth::Scope;
use crate::domain::References;
use crate::error::{ApiError, InvalidParam};
use crate::schema::{
    client_gemeenten, client_schoolbesturen, clients, gemeenten, leerlingen,
    samenwerkingsverbanden, scholen, schoolbesturen,
};
use crate::store::Expect;
use crate::store_prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = clients, check_for_backend(MultiBackend))]
pub struct ClientRow {
    pub id: Id,
    pub samenwerkingsverband_id: Option<Id>,
    pub naam: String,
    pub client_id: String,
    pub scopes: String,
    pub actief: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A client (service account). Its secret is never shown again after creation or rotation.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "Gemeente Haarlem - JOP-monitor", "clientId": "kc_5f0c6a3e2b1d4c7e9a8b", "scopes": ["jop:read"], "gemeenteIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02"], "schoolbestuurIds": [], "samenwerkingsverbandId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8c", "actief": true, "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct Client {
    pub id: Id,
    pub naam: String,
    /// Gebruik dit als `client_id` bij `/auth/token`.
    pub client_id: String,
    pub scopes: Vec<Scope>,
    pub gemeente_ids: Vec<Id>,
    /// De schoolbesturen waarvan de client (`bestuur:read`) de monitor leest.
    pub schoolbestuur_ids: Vec<Id>,
    pub samenwerkingsverband_id: Option<Id>,
    /// Een ingetrokken (inactieve) client krijgt geen tokens meer.
    pub actief: bool,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// A new client, or one with a new secret: the only answers that carry `clientSecret`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "naam": "Gemeente Haarlem - JOP-monitor", "clientId": "kc_5f0c6a3e2b1d4c7e9a8b", "clientSecret": "Zx8-q1Jx1hZ2m0Yc8g3b4xR2nW7eXl9sVfTt0aQpKdLuE5o", "scopes": ["jop:read"], "gemeenteIds": [], "schoolbestuurIds": [], "samenwerkingsverbandId": null, "actief": true, "createdAt": "2026-09-15T08:30:00Z", "updatedAt": "2026-09-15T08:30:00Z", "versie": 1}))]
pub struct ClientMetGeheim {
    #[serde(flatten)]
    pub client: Client,
    /// Bewaar dit meteen veilig: het wordt niet opnieuw getoond.
    pub client_secret: String,
}

/// A client as written.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"naam": "Gemeente Haarlem - JOP-monitor", "scopes": ["jop:read"], "gemeenteIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02"]}))]
pub struct ClientInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub naam: String,
    #[validate(length(min = 1, max = 20, message = "noem minstens één scope"))]
    pub scopes: Vec<Scope>,
    /// De gemeenten waartoe de client beperkt is (voor een gemeente-client): hij ziet dan alleen
    /// de scholen in die gemeenten en wat daarbij hoort (aanmeldingen, cijfers). Bij een client
    /// van een samenwerkingsverband alleen gemeenten waar dat scholen heeft. Leeg: geen beperking.
    /// Hoogstens 400, zodat een landelijke client elke gemeente kan krijgen.
    #[serde(default)]
    #[validate(length(max = 400, message = "hoogstens 400 gemeenten"))]
    pub gemeente_ids: Vec<Id>,
    /// De schoolbesturen waarvan de client de bestuursmonitor leest (`bestuur:read`): alleen
    /// besturen van het eigen samenwerkingsverband.
    #[serde(default)]
    #[validate(length(max = 200, message = "hoogstens 200 schoolbesturen"))]
    pub schoolbestuur_ids: Vec<Id>,
    /// Een beheerder laat dit weg (eigen samenwerkingsverband). De platformbeheerder geeft het
    /// op, of laat het leeg voor een gemeente-client over alle samenwerkingsverbanden (alleen `jop:read`).
    #[serde(default)]
    pub samenwerkingsverband_id: Option<Id>,
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub actief: bool,
}

pub fn yes() -> bool {
    true
}

impl From<&Client> for ClientInput {
    fn from(c: &Client) -> Self {
        ClientInput {
            naam: c.naam.clone(),
            scopes: c.scopes.clone(),
            gemeente_ids: c.gemeente_ids.clone(),
            schoolbestuur_ids: c.schoolbestuur_ids.clone(),
            samenwerkingsverband_id: c.samenwerkingsverband_id,
            actief: c.actief,
        }
    }
}

pub fn scoped(visible: Option<Id>) -> clients::BoxedQuery<'static, MultiBackend> {
    let q = clients::table.into_boxed();
    match visible {
        Some(swv) => q.filter(clients::samenwerkingsverband_id.eq(swv)),
        None => q,
    }
}

/// Rows with their gemeenten, in one extra query for the whole set.
pub fn with_gemeenten(c: &mut DbConn, rows: Vec<ClientRow>) -> Result<Vec<Client>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let links: Vec<(Id, Id)> = client_gemeenten::table
        .filter(client_gemeenten::client_id.eq_any(ids.clone()))
        .select((client_gemeenten::client_id, client_gemeenten::gemeente_id))
        .order((client_gemeenten::client_id, client_gemeenten::gemeente_id))
        .load(c)?;
    let boards: Vec<(Id, Id)> = client_schoolbesturen::table
        .filter(client_schoolbesturen::client_id.eq_any(ids.clone()))
        .select((
            client_schoolbesturen::client_id,
            client_schoolbesturen::schoolbestuur_id,
        ))
        .order((
            client_schoolbesturen::client_id,
            client_schoolbesturen::schoolbestuur_id,
        ))
        .load(c)?;
    let mut by_client: HashMap<Id, Vec<Id>> = HashMap::new();
    for (client, gemeente) in links {
        by_client.entry(client).or_default().push(gemeente);
    }
    let mut boards_of: HashMap<Id, Vec<Id>> = HashMap::new();
    for (client, board) in boards {
        boards_of.entry(client).or_default().push(board);
    }
    Ok(rows
        .into_iter()
        .map(|r| Client {
            gemeente_ids: by_client.remove(&r.id).unwrap_or_default(),
            schoolbestuur_ids: boards_of.remove(&r.id).unwrap_or_default(),
            id: r.id,
            naam: r.naam,
            client_id: r.client_id,
            scopes: Scope::split(&r.scopes),
            samenwerkingsverband_id: r.samenwerkingsverband_id,
            actief: r.actief,
            created_at: r.created_at,
            updated_at: r.updated_at,
            versie: r.versie,
        })
        .collect())
}

pub fn find(c: &mut DbConn, visible: Option<Id>, id: Id) -> Result<Client, ApiError> {
    let row = scoped(visible)
        .filter(clients::id.eq(id))
        .select(ClientRow::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    Ok(with_gemeenten(c, vec![row])?.remove(0))
}

/// Where the client belongs, checked against the caller and the references.
pub fn placement(
    c: &mut DbConn,
    visible: Option<Id>,
    input: &ClientInput,
) -> Result<Option<Id>, ApiError> {
    let swv = match visible {
        Some(own) => {
            if input.samenwerkingsverband_id.is_some_and(|s| s != own) {
                return Err(ApiError::forbidden(
                    "U kunt alleen clients van uw eigen samenwerkingsverband beheren.",
                ));
            }
            Some(own)
        }
        None => input.samenwerkingsverband_id,
    };
    let mut refs = References::default();
    if let (None, Some(s)) = (visible, swv) {
        refs.check(
            "samenwerkingsverbandId",
            diesel::select(diesel::dsl::exists(
                samenwerkingsverbanden::table.filter(samenwerkingsverbanden::id.eq(s)),
            ))
            .get_result(c)?,
        );
    }
    let mut unique = input.gemeente_ids.clone();
    unique.sort();
    unique.dedup();
    let found: i64 = gemeenten::table
        .filter(gemeenten::id.eq_any(unique.clone()))
        .count()
        .get_result(c)?;
    refs.check("gemeenteIds", found == unique.len() as i64);
    refs.check_as(
        "gemeenteIds",
        !input.scopes.contains(&Scope::JopRead) || !unique.is_empty(),
        "een client met jop:read hoort bij ten minste één gemeente",
    );
    let boards = crate::domain::unique(&input.schoolbestuur_ids);
    if !boards.is_empty() {
        let of_swv: i64 = match swv {
            Some(s) => schoolbesturen::table
                .filter(schoolbesturen::id.eq_any(boards.clone()))
                .filter(schoolbesturen::samenwerkingsverband_id.eq(s))
                .count()
                .get_result(c)?,
            None => 0,
        };
        refs.check_as(
            "schoolbestuurIds",
            of_swv == boards.len() as i64,
            "noemt een schoolbestuur dat niet bij het samenwerkingsverband van de client hoort",
        );
    }
    refs.check_as(
        "schoolbestuurIds",
        !input.scopes.contains(&Scope::BestuurRead) || !boards.is_empty(),
        "een client met bestuur:read hoort bij ten minste één schoolbestuur",
    );
    refs.finish()?;
    if let (Some(s), false) = (swv, unique.is_empty()) {
        // A gemeente the SWV does not serve (no school there, no pupil living there, also not
        // before a merger) would give the client an empty view: almost always a mistake.
        let gediend: Vec<Id> = scholen::table
            .filter(scholen::samenwerkingsverband_id.eq(s))
            .select(scholen::gemeente_id)
            .distinct()
            .load::<Id>(c)?
            .into_iter()
            .chain(
                leerlingen::table
                    .filter(leerlingen::samenwerkingsverband_id.eq(s))
                    .select(leerlingen::woongemeente_id)
                    .distinct()
                    .load::<Id>(c)?,
            )
            .collect();
        let opvolger: HashMap<Id, Id> = gemeenten::table
            .filter(gemeenten::opgevolgd_door_id.is_not_null())
            .select((
                gemeenten::id,
                gemeenten::opgevolgd_door_id.assume_not_null(),
            ))
            .load::<(Id, Id)>(c)?
            .into_iter()
            .collect();
        let mut bereikt: std::collections::HashSet<Id> = std::collections::HashSet::new();
        for g in gediend {
            let mut at = Some(g);
            while let Some(x) = at {
                if !bereikt.insert(x) {
                    break;
                }
                at = opvolger.get(&x).copied();
            }
        }
        if unique.iter().any(|g| !bereikt.contains(g)) {
            return Err(ApiError::field(
                "gemeenteIds",
                "noemt een gemeente die het samenwerkingsverband niet bedient (geen school en geen leerling daar)",
            ));
        }
    }
    if swv.is_none() && input.scopes.iter().any(|s| *s != Scope::JopRead) {
        return Err(ApiError::validation(vec![InvalidParam::new(
            "scopes",
            "een client zonder samenwerkingsverband kan alleen jop:read krijgen",
        )]));
    }
    Ok(swv)
}

pub fn link_gemeenten(c: &mut DbConn, client: Id, ids: &[Id]) -> Result<(), ApiError> {
    diesel::delete(client_gemeenten::table.filter(client_gemeenten::client_id.eq(client)))
        .execute(c)?;
    let mut unique = ids.to_vec();
    unique.sort();
    unique.dedup();
    for g in unique {
        diesel::insert_into(client_gemeenten::table)
            .values((
                client_gemeenten::client_id.eq(client),
                client_gemeenten::gemeente_id.eq(g),
            ))
            .execute(c)?;
    }
    Ok(())
}

pub fn link_schoolbesturen(c: &mut DbConn, client: Id, ids: &[Id]) -> Result<(), ApiError> {
    diesel::delete(
        client_schoolbesturen::table.filter(client_schoolbesturen::client_id.eq(client)),
    )
    .execute(c)?;
    for b in crate::domain::unique(ids) {
        diesel::insert_into(client_schoolbesturen::table)
            .values((
                client_schoolbesturen::client_id.eq(client),
                client_schoolbesturen::schoolbestuur_id.eq(b),
            ))
            .execute(c)?;
    }
    Ok(())
}

pub fn normalized_scopes(scopes: &[Scope]) -> String {
    let mut s = scopes.to_vec();
    s.sort();
    s.dedup();
    Scope::join(&s)
}

pub fn new_secret() -> (String, String) {
    let secret = crate::secrets::random_token();
    (secret.clone(), crate::secrets::hash(&secret))
}

pub fn save(
    c: &mut DbConn,
    visible: Option<Id>,
    id: Id,
    expect: Expect,
    change: impl FnOnce(&Client) -> Result<ClientInput, ApiError>,
) -> Result<Client, ApiError> {
    let current = find(c, visible, id)?;
    expect.check(current.versie)?;
    let input = change(&current)?;
    let swv = placement(c, visible, &input)?;
    let n = diesel::update(
        clients::table
            .filter(clients::id.eq(id))
            .filter(clients::versie.eq(current.versie)),
    )
    .set((
        clients::samenwerkingsverband_id.eq(swv),
        clients::naam.eq(input.naam.trim()),
        clients::scopes.eq(normalized_scopes(&input.scopes)),
        clients::actief.eq(input.actief),
        clients::updated_at.eq(time::now()),
        clients::versie.eq(current.versie + 1),
    ))
    .execute(c)?;
    if n == 0 {
        return Err(ApiError::precondition_failed());
    }
    link_gemeenten(c, id, &input.gemeente_ids)?;
    link_schoolbesturen(c, id, &input.schoolbestuur_ids)?;
    find(c, None, id)
}

/// The filters of the list, within what the caller may see (`None`: every SWV).
pub struct Filter {
    pub visible: Option<Id>,
    pub actief: Option<bool>,
    pub swv: Option<Id>,
    pub search: Option<String>,
}

pub fn filtered(f: &Filter) -> clients::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.visible);
    if let Some(a) = f.actief {
        q = q.filter(clients::actief.eq(a));
    }
    if let Some(s) = f.swv {
        q = q.filter(clients::samenwerkingsverband_id.eq(s));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(clients::naam)
                .like(p.clone())
                .escape('\\')
                .or(lower(clients::client_id).like(p.clone()).escape('\\')),
        );
    }
    q
}

crate::listed! {
    Client, name: "clients", filter: Filter,
    rows: |f| filtered(f), select: ClientRow::as_select(),
    sorts: {
        "naam" => clients::naam,
        "clientId" => clients::client_id,
        "actief" => clients::actief,
        "createdAt" => clients::created_at,
        "updatedAt" => clients::updated_at,
    },
    id: clients::id,
    complete: with_gemeenten,
}
