//! The outbox table: mails queued in the transaction that causes them, claimed by the sender,
//! marked sent or failed; and the list a beheerder reads.

use super::bericht::{Bericht, MailSoort};
use crate::listing::SortKey;
use crate::schema::mails;
use crate::store_prelude::*;

crate::text_enum! {
    /// Where a mail is: waiting (also between attempts), sent, or given up.
    pub enum MailStatus {
        Wachtend => "wachtend",
        Verzonden => "verzonden",
        Mislukt => "mislukt",
    }
}

/// The colour of the line and button in a mail of an SWV without its own.
pub const KLEUR: &str = "#1c7ed6";

/// Who signs a mail without an SWV (the platform's own mails).
pub const AFZENDER: &str = "Koers";

/// Queues a mail in the caller's transaction: it is sent only if that transaction commits.
pub fn queue(c: &mut DbConn, swv: Option<Id>, bericht: &Bericht) -> Result<Id, ApiError> {
    let (afzender, kleur, logo) = match swv {
        Some(s) => crate::org::store::huisstijl::of(c, s)?,
        None => (AFZENDER.into(), None, None),
    };
    let kleur = kleur.unwrap_or_else(|| KLEUR.into());
    let logo = logo.map(|p| super::bericht::link(&p));
    let id = Id::new();
    let now = time::now();
    diesel::insert_into(mails::table)
        .values((
            mails::id.eq(id),
            mails::samenwerkingsverband_id.eq(swv),
            mails::aan.eq(&bericht.aan),
            mails::onderwerp.eq(&bericht.onderwerp),
            mails::soort.eq(bericht.soort),
            mails::tekst.eq(bericht.tekst(&afzender)),
            mails::html.eq(bericht.html(&afzender, &kleur, logo.as_deref())),
            mails::agenda.eq(&bericht.agenda),
            mails::status.eq(MailStatus::Wachtend),
            mails::pogingen.eq(0),
            mails::volgende_poging.eq(now),
            mails::created_at.eq(now),
        ))
        .execute(c)?;
    Ok(id)
}

/// A mail as the sender reads it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mails, check_for_backend(MultiBackend))]
pub struct Uitgaand {
    pub id: Id,
    pub aan: String,
    pub onderwerp: String,
    pub tekst: String,
    pub html: String,
    pub agenda: Option<String>,
    pub pogingen: i32,
}

/// Claims up to `max` mails that are due: each gets one more attempt and is not due again
/// until `lease` has passed, so a second sender (or this one after a crash mid-send) does not
/// take it meanwhile. A mail whose sending was cut off is tried again after the lease, with
/// the same Message-ID.
pub fn claim(
    c: &mut DbConn,
    now: NaiveDateTime,
    lease: chrono::Duration,
    max: i64,
) -> Result<Vec<Uitgaand>, ApiError> {
    let due: Vec<(Id, NaiveDateTime)> = mails::table
        .filter(mails::status.eq(MailStatus::Wachtend))
        .filter(mails::volgende_poging.le(now))
        .order((mails::volgende_poging.asc(), mails::id.asc()))
        .select((mails::id, mails::volgende_poging))
        .limit(max)
        .load(c)?;
    let mut claimed = Vec::new();
    for (id, was) in due {
        let n = diesel::update(
            mails::table
                .filter(mails::id.eq(id))
                .filter(mails::status.eq(MailStatus::Wachtend))
                .filter(mails::volgende_poging.eq(was)),
        )
        .set((
            mails::volgende_poging.eq(now + lease),
            mails::pogingen.eq(mails::pogingen + 1),
        ))
        .execute(c)?;
        if n == 1 {
            claimed.push(
                mails::table
                    .filter(mails::id.eq(id))
                    .select(Uitgaand::as_select())
                    .first(c)?,
            );
        }
    }
    Ok(claimed)
}

/// Delivered: the content is cleared (it may hold a one-time link or a participant's details
/// that the outbox has no reason to keep).
pub fn sent(c: &mut DbConn, id: Id, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::update(mails::table.filter(mails::id.eq(id)))
        .set((
            mails::status.eq(MailStatus::Verzonden),
            mails::verzonden_op.eq(Some(now)),
            mails::laatste_fout.eq(None::<String>),
            mails::tekst.eq(""),
            mails::html.eq(""),
            mails::agenda.eq(None::<String>),
        ))
        .execute(c)?;
    Ok(())
}

/// An attempt failed: tried again at `opnieuw`, or given up (`None`).
pub fn failed(
    c: &mut DbConn,
    id: Id,
    fout: &str,
    opnieuw: Option<NaiveDateTime>,
) -> Result<(), ApiError> {
    let fout: String = fout.chars().take(500).collect();
    match opnieuw {
        Some(at) => diesel::update(mails::table.filter(mails::id.eq(id)))
            .set((
                mails::laatste_fout.eq(Some(fout)),
                mails::volgende_poging.eq(at),
            ))
            .execute(c)?,
        None => diesel::update(mails::table.filter(mails::id.eq(id)))
            .set((
                mails::laatste_fout.eq(Some(fout)),
                mails::status.eq(MailStatus::Mislukt),
            ))
            .execute(c)?,
    };
    Ok(())
}

/// A mail in the outbox as a beheerder sees it: to whom, about what, and how it went.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = mails, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b", "aan": "j.devries@school.example",
    "onderwerp": "Aanmelding ontvangen: IB-netwerk Haarlem-Noord", "soort": "bevestiging",
    "status": "verzonden", "pogingen": 1, "laatsteFout": null,
    "verzondenOp": "2026-10-01T08:00:05Z", "aangemaakt": "2026-10-01T08:00:03Z"
}))]
pub struct Mail {
    pub id: Id,
    pub aan: String,
    pub onderwerp: String,
    pub soort: MailSoort,
    pub status: MailStatus,
    /// Hoe vaak verzenden is geprobeerd.
    pub pogingen: i32,
    /// De melding van de mailserver bij de laatste mislukte poging.
    pub laatste_fout: Option<String>,
    #[serde(with = "time::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub verzonden_op: Option<NaiveDateTime>,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    #[diesel(column_name = created_at)]
    pub aangemaakt: NaiveDateTime,
}

/// The filters of the list within one SWV.
pub struct Filter {
    pub swv: Id,
    pub status: Option<MailStatus>,
    pub soort: Option<MailSoort>,
    pub search: Option<String>,
}

fn filtered(f: &Filter) -> mails::BoxedQuery<'static, MultiBackend> {
    let mut q = mails::table
        .filter(mails::samenwerkingsverband_id.eq(f.swv))
        .into_boxed();
    if let Some(s) = f.status {
        q = q.filter(mails::status.eq(s));
    }
    if let Some(s) = f.soort {
        q = q.filter(mails::soort.eq(s));
    }
    if let Some(p) = &f.search {
        q = q.filter(
            lower(mails::aan)
                .like(p.clone())
                .escape('\\')
                .or(lower(mails::onderwerp).like(p.clone()).escape('\\')),
        );
    }
    q
}

/// Newest first unless asked otherwise.
impl crate::listing::Listed for Mail {
    type Filter = Filter;
    const NAME: &'static str = "mails";
    const SORTS: &'static [&'static str] = &["aangemaakt"];

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
        let q = filtered(f).select(Mail::as_select());
        let q = if sort.first().is_some_and(|k| !k.descending) {
            q.order_by((mails::created_at.asc(), mails::id.asc()))
        } else {
            q.order_by((mails::created_at.desc(), mails::id.desc()))
        };
        Ok(q.limit(limit).offset(offset).load(c)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_texts_are_the_json_texts() {
        crate::db::assert_text_enum(MailStatus::ALL, MailStatus::as_str);
        crate::db::assert_text_enum(MailSoort::ALL, MailSoort::as_str);
    }
}
