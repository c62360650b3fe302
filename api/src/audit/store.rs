//! The entries of the audit trail as a beheerder lists them: newest first, each with the pupils
//! it names.

use crate::store_prelude::*;
use chrono::NaiveDate;

use super::Actie;
use crate::listing::{Listed, SortKey};
use crate::schema::{auditregel_leerlingen, auditregels};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = auditregels, check_for_backend(MultiBackend))]
struct Row {
    id: Id,
    tijdstip: NaiveDateTime,
    gebruiker_id: Id,
    actie: Actie,
    pad: String,
}

/// Who read, exported or changed which pupils' data, and when.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "tijdstip": "2026-12-05T09:12:03Z",
    "gebruikerId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a01", "actie": "lezen",
    "pad": "/leerlingen/0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02/dossier",
    "leerlingIds": ["0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a02"]
}))]
pub struct Auditregel {
    pub id: Id,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub tijdstip: NaiveDateTime,
    pub gebruiker_id: Id,
    pub actie: Actie,
    /// Pad en querystring zonder `/api/v1`.
    pub pad: String,
    /// De leerlingen die het antwoord bevatte of die de wijziging raakte.
    pub leerling_ids: Vec<Id>,
}

/// The filters of the list, within one SWV. `van` and `tot` are local days, both inclusive.
pub struct Filter {
    pub swv: Id,
    pub leerling_id: Option<Id>,
    pub gebruiker_id: Option<Id>,
    pub van: Option<NaiveDate>,
    pub tot: Option<NaiveDate>,
}

fn filtered(f: &Filter) -> auditregels::BoxedQuery<'static, MultiBackend> {
    let mut q = auditregels::table
        .filter(auditregels::samenwerkingsverband_id.eq(f.swv))
        .into_boxed();
    if let Some(l) = f.leerling_id {
        q = q.filter(
            auditregels::id.eq_any(
                auditregel_leerlingen::table
                    .filter(auditregel_leerlingen::leerling_id.eq(l))
                    .select(auditregel_leerlingen::auditregel_id),
            ),
        );
    }
    if let Some(g) = f.gebruiker_id {
        q = q.filter(auditregels::gebruiker_id.eq(g));
    }
    if let Some(d) = f.van {
        q = q.filter(auditregels::tijdstip.ge(time::local_midnight(d)));
    }
    if let Some(d) = f.tot.and_then(|d| d.succ_opt()) {
        q = q.filter(auditregels::tijdstip.lt(time::local_midnight(d)));
    }
    q
}

/// The pupils each entry names, in one query for the whole page.
fn with_pupils(c: &mut DbConn, rows: Vec<Row>) -> Result<Vec<Auditregel>, ApiError> {
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let mut named: Vec<(Id, Id)> = auditregel_leerlingen::table
        .filter(auditregel_leerlingen::auditregel_id.eq_any(ids))
        .select((
            auditregel_leerlingen::auditregel_id,
            auditregel_leerlingen::leerling_id,
        ))
        .load(c)?;
    named.sort();
    Ok(rows
        .into_iter()
        .map(|r| Auditregel {
            leerling_ids: named
                .iter()
                .filter(|(a, _)| *a == r.id)
                .map(|(_, l)| *l)
                .collect(),
            id: r.id,
            tijdstip: r.tijdstip,
            gebruiker_id: r.gebruiker_id,
            actie: r.actie,
            pad: r.pad,
        })
        .collect())
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Auditregel, ApiError> {
    let row = auditregels::table
        .filter(auditregels::samenwerkingsverband_id.eq(swv))
        .filter(auditregels::id.eq(id))
        .select(Row::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)?;
    Ok(with_pupils(c, vec![row])?.remove(0))
}

/// Newest first unless asked otherwise: a trail is read from the latest entry back.
impl Listed for Auditregel {
    type Filter = Filter;
    const NAME: &'static str = "auditregels";
    const SORTS: &'static [&'static str] = &["tijdstip"];

    fn count(c: &mut DbConn, f: &Filter) -> Result<i64, ApiError> {
        Ok(filtered(f).count().get_result(c)?)
    }

    fn page(
        c: &mut DbConn,
        f: &Filter,
        sort: &[SortKey],
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Self>, ApiError> {
        let q = filtered(f).select(Row::as_select());
        let q = if sort.first().is_some_and(|k| !k.descending) {
            q.order_by((auditregels::tijdstip.asc(), auditregels::id.asc()))
        } else {
            q.order_by((auditregels::tijdstip.desc(), auditregels::id.desc()))
        };
        let rows = q.limit(limit).offset(offset).load(c)?;
        with_pupils(c, rows)
    }
}
