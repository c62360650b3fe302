//! Lists of cases: by gemeente, school, pupil, the latest entry's category and perspective, and
//! the cases that count on a given day.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::casussen::{complete, scoped, Thuiszitter, ThuiszitterRij};
use super::soorten::{Perspectief, ThuiszitterCategorie};
use crate::schema::{leerlingen, thuiszitters as t};

/// What a list of cases can be narrowed to.
pub struct Filter {
    pub swv: Id,
    pub gemeente_id: Option<Id>,
    pub school_id: Option<Id>,
    pub leerling_id: Option<Id>,
    pub categorie: Option<ThuiszitterCategorie>,
    pub perspectief: Option<Perspectief>,
    /// `true`: only cases whose latest entry names no perspective.
    pub zonder_perspectief: Option<bool>,
    pub actief_op: Option<NaiveDate>,
}

fn filtered(f: &Filter) -> t::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(g) = f.gemeente_id {
        q = q.filter(
            t::leerling_id.eq_any(
                leerlingen::table
                    .filter(leerlingen::woongemeente_id.eq(g))
                    .select(leerlingen::id),
            ),
        );
    }
    if let Some(v) = f.school_id {
        q = q.filter(t::school_id.eq(v));
    }
    if let Some(v) = f.leerling_id {
        q = q.filter(t::leerling_id.eq(v));
    }
    if let Some(v) = f.categorie {
        q = q.filter(t::laatste_categorie.eq(v));
    }
    if let Some(v) = f.perspectief {
        q = q.filter(t::laatste_perspectief.eq(v));
    }
    match f.zonder_perspectief {
        Some(true) => q = q.filter(t::laatste_perspectief.is_null()),
        Some(false) => q = q.filter(t::laatste_perspectief.is_not_null()),
        None => {}
    }
    if let Some(d) = f.actief_op {
        q = q
            .filter(t::startdatum.le(d))
            .filter(t::einddatum.is_null().or(t::einddatum.gt(d)));
    }
    q
}

crate::listed! {
    Thuiszitter, name: "thuiszitters", filter: Filter,
    rows: |f| filtered(f), select: ThuiszitterRij::as_select(),
    sorts: {
        "startdatum" => t::startdatum,
        "einddatum" => t::einddatum,
        "createdAt" => t::created_at,
        "updatedAt" => t::updated_at,
    },
    id: t::id,
    complete: complete,
}
