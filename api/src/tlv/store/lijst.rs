//! Lists of TLV's: what they can be narrowed to (also: past the deadline on a given day) and
//! their orders, the deadline of a suspended request sorting last.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::{TlvCategorie, TlvSoort, TlvStatus};
use super::tlvs::{complete, scoped, Tlv, TlvRij};
use crate::schema::{scholen, tlvs};

/// What a list of TLV's can be narrowed to.
pub struct Filter {
    pub swv: Id,
    pub status: Option<TlvStatus>,
    pub soort: Option<TlvSoort>,
    pub categorie: Option<TlvCategorie>,
    pub schooljaar: Option<String>,
    pub leerling_id: Option<Id>,
    pub school_van_herkomst_id: Option<Id>,
    pub werkgebied_id: Option<Id>,
    pub termijn_overschreden: Option<bool>,
    /// The day `termijnOverschreden` is judged on.
    pub vandaag: NaiveDate,
}

diesel::define_sql_function! {
    /// `COALESCE` of a date that may be missing: the deadline of a suspended request sorts last.
    fn coalesce(x: diesel::sql_types::Nullable<diesel::sql_types::Date>, y: diesel::sql_types::Date) -> diesel::sql_types::Date;
}

/// The last day of the calendar, for sorting missing deadlines after every real one.
fn einde_der_tijden() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date")
}

fn filtered(f: &Filter) -> tlvs::BoxedQuery<'static, MultiBackend> {
    let mut q = scoped(f.swv);
    if let Some(v) = f.status {
        q = q.filter(tlvs::status.eq(v));
    }
    if let Some(v) = f.soort {
        q = q.filter(tlvs::soort.eq(v));
    }
    if let Some(v) = f.categorie {
        q = q.filter(tlvs::categorie.eq(v));
    }
    if let Some(v) = &f.schooljaar {
        q = q.filter(tlvs::schooljaar.eq(v.clone()));
    }
    if let Some(v) = f.leerling_id {
        q = q.filter(tlvs::leerling_id.eq(v));
    }
    if let Some(v) = f.school_van_herkomst_id {
        q = q.filter(tlvs::school_van_herkomst_id.eq(v));
    }
    if let Some(v) = f.werkgebied_id {
        q = q.filter(
            tlvs::school_van_herkomst_id.eq_any(
                scholen::table
                    .filter(scholen::werkgebied_id.eq(v))
                    .select(scholen::id.nullable()),
            ),
        );
    }
    if let Some(v) = f.termijn_overschreden {
        // Open and past the deadline, or decided after it.
        let te_laat = tlvs::status
            .eq(TlvStatus::InBehandeling)
            .and(tlvs::uiterlijke_beslisdatum.is_not_null())
            .and(tlvs::uiterlijke_beslisdatum.lt(f.vandaag))
            .or(tlvs::besluit_datum
                .is_not_null()
                .and(tlvs::uiterlijke_beslisdatum.is_not_null())
                .and(tlvs::besluit_datum.gt(tlvs::uiterlijke_beslisdatum)));
        q = if v {
            q.filter(te_laat.assume_not_null())
        } else {
            q.filter(diesel::dsl::not(te_laat.assume_not_null()))
        };
    }
    q
}

crate::listed! {
    Tlv, name: "toelaatbaarheidsverklaringen", filter: Filter,
    rows: |f| filtered(f), select: TlvRij::as_select(),
    sorts: {
        "ontvangenOp" => tlvs::ontvangen_op,
        "uiterlijkeBeslisdatum" => coalesce(tlvs::uiterlijke_beslisdatum, einde_der_tijden()),
        "status" => tlvs::status,
        "createdAt" => tlvs::created_at,
        "updatedAt" => tlvs::updated_at,
    },
    id: tlvs::id,
    complete: complete,
}
