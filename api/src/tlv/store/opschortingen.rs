//! Suspensions of a request (Awb 4:15): while the SWV waits for missing information, or for
//! another reason, the clock stands still. Suspensions may touch but never overlap.

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::soorten::OpschortingReden;
use super::tlvs::{Opschorting, Tlv};
use super::{stap, termijn};
use crate::schema::tlv_opschortingen;
use crate::store::Expect;

/// A suspension as a client writes it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"van": "2016-10-24", "tot": null, "reden": "aanvulling",
    "toelichting": "Wacht op het verslag van de jeugdarts"}))]
pub struct OpschortingInput {
    #[validate(custom(function = "crate::domain::datum"))]
    pub van: NaiveDate,
    /// De dag waarop de klok weer loopt; leeg zolang de opschorting duurt.
    #[serde(default)]
    #[validate(custom(function = "crate::domain::datum"))]
    pub tot: Option<NaiveDate>,
    pub reden: OpschortingReden,
    /// Verplicht bij reden `overig`.
    #[serde(default)]
    #[validate(length(max = 2000, message = "mag hoogstens 2000 tekens lang zijn"))]
    #[schema(max_length = 2000)]
    pub toelichting: String,
}

/// The end of a running suspension.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"tot": "2016-11-02"}))]
pub struct OpschortingEinde {
    /// De dag waarop de klok weer loopt.
    #[validate(custom(function = "crate::domain::datum"))]
    pub tot: NaiveDate,
}

/// Whether `[van, tot)` shares a day with `other` (an open suspension runs on forever).
fn overlapt(van: NaiveDate, tot: Option<NaiveDate>, other: &Opschorting) -> bool {
    let voor_einde = |d: NaiveDate, einde: Option<NaiveDate>| einde.is_none_or(|e| d < e);
    voor_einde(van, other.tot) && voor_einde(other.van, tot)
}

fn check_overlap(
    current: &Tlv,
    van: NaiveDate,
    tot: Option<NaiveDate>,
    except: Option<Id>,
) -> Result<(), ApiError> {
    if let Some(o) = current
        .opschortingen
        .iter()
        .filter(|o| Some(o.id) != except)
        .find(|o| overlapt(van, tot, o))
    {
        return Err(ApiError::field(
            "van",
            match o.tot {
                Some(t) => format!(
                    "overlapt met de opschorting van {} tot {}",
                    o.van.format("%d-%m-%Y"),
                    t.format("%d-%m-%Y")
                ),
                None => format!(
                    "overlapt met de lopende opschorting sinds {}",
                    o.van.format("%d-%m-%Y")
                ),
            },
        ));
    }
    Ok(())
}

/// Suspends an open request.
pub fn add(
    c: &mut DbConn,
    swv: Id,
    tlv: Id,
    expect: Expect,
    input: &OpschortingInput,
) -> Result<(Tlv, Opschorting), ApiError> {
    let current = stap::begin(c, swv, tlv, expect)?;
    termijn::open(&current, "opschorten")?;
    if input.van < current.ontvangen_op {
        return Err(ApiError::field(
            "van",
            "mag niet voor de dag van ontvangst van de aanvraag liggen",
        ));
    }
    if input.tot.is_some_and(|t| t < input.van) {
        return Err(ApiError::field("tot", "mag niet voor 'van' liggen"));
    }
    if input.reden == OpschortingReden::Overig && input.toelichting.trim().is_empty() {
        return Err(ApiError::field(
            "toelichting",
            "is verplicht bij reden overig",
        ));
    }
    check_overlap(&current, input.van, input.tot, None)?;
    let id = Id::new();
    diesel::insert_into(tlv_opschortingen::table)
        .values((
            tlv_opschortingen::id.eq(id),
            tlv_opschortingen::tlv_id.eq(tlv),
            tlv_opschortingen::van.eq(input.van),
            tlv_opschortingen::tot.eq(input.tot),
            tlv_opschortingen::reden.eq(input.reden),
            tlv_opschortingen::toelichting.eq(input.toelichting.trim()),
            tlv_opschortingen::created_at.eq(time::now()),
        ))
        .execute(c)?;
    let tlv = stap::finish(c, swv, &current)?;
    let o = found(&tlv, id)?;
    Ok((tlv, o))
}

fn found(tlv: &Tlv, id: Id) -> Result<Opschorting, ApiError> {
    tlv.opschortingen
        .iter()
        .find(|o| o.id == id)
        .cloned()
        .ok_or_else(ApiError::not_found)
}

/// Ends a running suspension of an open request: the clock runs again from `tot`.
pub fn close(
    c: &mut DbConn,
    swv: Id,
    tlv: Id,
    opschorting: Id,
    expect: Expect,
    input: &OpschortingEinde,
) -> Result<(Tlv, Opschorting), ApiError> {
    let current = stap::begin(c, swv, tlv, expect)?;
    let o = found(&current, opschorting)?;
    termijn::open(&current, "een opschorting beëindigen")?;
    if o.tot.is_some() {
        return Err(ApiError::conflict_on(
            "tot",
            "deze opschorting is al beëindigd",
        ));
    }
    if input.tot < o.van {
        return Err(ApiError::field("tot", "mag niet voor 'van' liggen"));
    }
    diesel::update(tlv_opschortingen::table.filter(tlv_opschortingen::id.eq(opschorting)))
        .set(tlv_opschortingen::tot.eq(input.tot))
        .execute(c)?;
    let tlv = stap::finish(c, swv, &current)?;
    let o = found(&tlv, opschorting)?;
    Ok((tlv, o))
}

/// Closes the running suspension, if any, on the day of the decision.
pub fn close_on(c: &mut DbConn, current: &Tlv, datum: NaiveDate) -> Result<(), ApiError> {
    if let Some(o) = current.opschortingen.iter().find(|o| o.tot.is_none()) {
        if datum < o.van {
            return Err(ApiError::field(
                "datum",
                format!(
                    "ligt voor het begin van de lopende opschorting ({})",
                    o.van.format("%d-%m-%Y")
                ),
            ));
        }
        diesel::update(tlv_opschortingen::table.filter(tlv_opschortingen::id.eq(o.id)))
            .set(tlv_opschortingen::tot.eq(datum))
            .execute(c)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn o(van: &str, tot: Option<&str>) -> Opschorting {
        Opschorting {
            id: Id::new(),
            tlv_id: Id::new(),
            van: d(van),
            tot: tot.map(d),
            reden: OpschortingReden::Aanvulling,
            toelichting: String::new(),
            created_at: time::now(),
        }
    }

    #[test]
    fn suspensions_may_touch_but_not_overlap() {
        let a = o("2016-10-10", Some("2016-10-17"));
        assert!(
            !overlapt(d("2016-10-17"), Some(d("2016-10-20")), &a),
            "touching after"
        );
        assert!(
            !overlapt(d("2016-10-03"), Some(d("2016-10-10")), &a),
            "touching before"
        );
        assert!(overlapt(d("2016-10-16"), Some(d("2016-10-20")), &a));
        assert!(
            overlapt(d("2016-10-01"), None, &a),
            "an open one from before"
        );
        assert!(
            !overlapt(d("2016-10-17"), None, &a),
            "an open one from its end"
        );
        let open = o("2016-10-24", None);
        assert!(overlapt(d("2016-11-01"), Some(d("2016-11-02")), &open));
        assert!(!overlapt(d("2016-10-20"), Some(d("2016-10-24")), &open));
    }
}
