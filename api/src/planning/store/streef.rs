//! The measurable target of an activity (`streef`), what Koers measured of it (`gemeten`) from the
//! activity's linked meetings, and the evaluation it proposes from the two (`voorstel`): the
//! consulent no longer types a number that Koers already counted.

use std::collections::HashMap;
use validator::ValidationError;

use super::Signaal;
use crate::bijeenkomsten::store::{AanmeldingStatus, BijeenkomstStatus};
use crate::schema::{aanmeldingen, bijeenkomsten};
use crate::store_prelude::*;

crate::text_enum! {
    /// Whether the target is a floor (`minimaal`) or a ceiling (`maximaal`).
    pub enum Richting {
        Minimaal => "minimaal",
        Maximaal => "maximaal",
    }
}

crate::text_enum! {
    /// `aantal`: the present of the linked meetings in total; `percentage`: their mean turnout
    /// against the meetings' doelgroep.
    pub enum Eenheid {
        Aantal => "aantal",
        Percentage => "percentage",
    }
}

/// A target in numbers, e.g. at least 60 % of the IB'ers at the network meetings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[validate(schema(function = "percentage_tot_100", skip_on_field_errors = true))]
#[schema(example = json!({"richting": "minimaal", "waarde": 60, "eenheid": "percentage"}))]
pub struct Streef {
    pub richting: Richting,
    /// 0 of meer; bij `percentage` hoogstens 100.
    #[validate(range(
        min = 0.0,
        max = 1_000_000.0,
        message = "moet tussen 0 en 1.000.000 liggen"
    ))]
    #[schema(minimum = 0, maximum = 1_000_000)]
    pub waarde: f64,
    pub eenheid: Eenheid,
}

fn percentage_tot_100(s: &Streef) -> Result<(), ValidationError> {
    if s.eenheid == Eenheid::Percentage && s.waarde > 100.0 {
        let mut e = ValidationError::new("streef.waarde");
        e.message = Some("is een percentage: hoogstens 100".into());
        return Err(e);
    }
    Ok(())
}

impl Streef {
    /// The target stored in its three columns; `None` unless all three are there.
    pub fn from_columns(
        richting: Option<Richting>,
        waarde: Option<f64>,
        eenheid: Option<Eenheid>,
    ) -> Option<Streef> {
        Some(Streef {
            richting: richting?,
            waarde: waarde?,
            eenheid: eenheid?,
        })
    }

    pub fn columns(s: Option<&Streef>) -> (Option<Richting>, Option<f64>, Option<Eenheid>) {
        (
            s.map(|s| s.richting),
            s.map(|s| s.waarde),
            s.map(|s| s.eenheid),
        )
    }

    pub fn gehaald(&self, gemeten: f64) -> bool {
        match self.richting {
            Richting::Minimaal => gemeten >= self.waarde,
            Richting::Maximaal => gemeten <= self.waarde,
        }
    }
}

/// What the evaluation form proposes: the measured value as result, and whether the target is met.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToSchema)]
#[schema(example = json!({"resultaat": 68.4, "signaal": "op_koers"}))]
pub struct Voorstel {
    pub resultaat: f64,
    /// `op_koers` als de streef gehaald is, anders `risico`.
    pub signaal: Signaal,
}

pub fn voorstel(streef: Option<Streef>, gemeten: Option<f64>) -> Option<Voorstel> {
    let (streef, gemeten) = (streef?, gemeten?);
    Some(Voorstel {
        resultaat: gemeten,
        signaal: if streef.gehaald(gemeten) {
            Signaal::OpKoers
        } else {
            Signaal::Risico
        },
    })
}

/// Attendance of one held meeting: present, and the doelgroep it was meant for.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Gehouden {
    pub aanwezig: i64,
    pub doelgroep: Option<i32>,
}

/// The measured value of a target in `eenheid` over an activity's held meetings; `None` without
/// meetings to measure (for `percentage`: without meetings that have a doelgroep).
pub fn meet(eenheid: Eenheid, meetings: &[Gehouden]) -> Option<f64> {
    match eenheid {
        Eenheid::Aantal => {
            (!meetings.is_empty()).then(|| meetings.iter().map(|m| m.aanwezig).sum::<i64>() as f64)
        }
        Eenheid::Percentage => {
            let shares: Vec<f64> = meetings
                .iter()
                .filter_map(|m| match m.doelgroep {
                    Some(d) if d > 0 => Some(m.aanwezig as f64 * 100.0 / d as f64),
                    _ => None,
                })
                .collect();
            (!shares.is_empty()).then(|| {
                let mean = shares.iter().sum::<f64>() / shares.len() as f64;
                (mean * 10.0).round() / 10.0
            })
        }
    }
}

/// Registrations of one meeting of one activity with one attendance: `(activiteit, meeting,
/// doelgroep, aanwezig, count)`.
type Telling = (Option<Id>, Id, Option<i32>, Option<bool>, i64);

/// The held meetings of each activity: linked, not cancelled, started, with attendance recorded
/// (a meeting still waiting for its attendance is in the worklist, not in the measurement).
pub fn gehouden(
    c: &mut DbConn,
    swv: Id,
    activities: Vec<Id>,
) -> Result<HashMap<Id, Vec<Gehouden>>, ApiError> {
    let mut out: HashMap<Id, Vec<Gehouden>> = HashMap::new();
    if activities.is_empty() {
        return Ok(out);
    }
    let rows: Vec<Telling> = bijeenkomsten::table
        .inner_join(aanmeldingen::table)
        .filter(bijeenkomsten::samenwerkingsverband_id.eq(swv))
        .filter(bijeenkomsten::activiteit_id.eq_any(activities))
        .filter(bijeenkomsten::status.ne(BijeenkomstStatus::Geannuleerd))
        .filter(bijeenkomsten::start.le(time::now()))
        .filter(aanmeldingen::status.eq(AanmeldingStatus::Aangemeld))
        .filter(aanmeldingen::aanwezig.is_not_null())
        .group_by((
            bijeenkomsten::activiteit_id,
            bijeenkomsten::id,
            bijeenkomsten::doelgroep_omvang,
            aanmeldingen::aanwezig,
        ))
        .select((
            bijeenkomsten::activiteit_id,
            bijeenkomsten::id,
            bijeenkomsten::doelgroep_omvang,
            aanmeldingen::aanwezig,
            diesel::dsl::count_star(),
        ))
        .load(c)?;
    let mut per_meeting: HashMap<(Id, Id), Gehouden> = HashMap::new();
    for (activiteit, meeting, doelgroep, aanwezig, n) in rows {
        let Some(activiteit) = activiteit else {
            continue;
        };
        let m = per_meeting.entry((activiteit, meeting)).or_default();
        m.doelgroep = doelgroep;
        if aanwezig == Some(true) {
            m.aanwezig += n;
        }
    }
    for ((activiteit, _), m) in per_meeting {
        out.entry(activiteit).or_default().push(m);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(aanwezig: i64, doelgroep: Option<i32>) -> Gehouden {
        Gehouden {
            aanwezig,
            doelgroep,
        }
    }

    #[test]
    fn aantal_is_the_present_in_total() {
        assert_eq!(
            meet(Eenheid::Aantal, &[m(40, None), m(72, Some(10))]),
            Some(112.0)
        );
        assert_eq!(meet(Eenheid::Aantal, &[]), None);
    }

    #[test]
    fn percentage_is_the_mean_over_meetings_with_a_doelgroep() {
        // 30/50 = 60 %, 35/50 = 70 %, the meeting without doelgroep does not count.
        assert_eq!(
            meet(
                Eenheid::Percentage,
                &[m(30, Some(50)), m(35, Some(50)), m(99, None)]
            ),
            Some(65.0)
        );
        assert_eq!(meet(Eenheid::Percentage, &[m(10, None)]), None);
        assert_eq!(
            meet(Eenheid::Percentage, &[m(1, Some(3))]),
            Some(33.3),
            "one decimal"
        );
    }

    #[test]
    fn voorstel_follows_the_direction_of_the_target() {
        let min = Streef {
            richting: Richting::Minimaal,
            waarde: 60.0,
            eenheid: Eenheid::Percentage,
        };
        assert_eq!(
            voorstel(Some(min), Some(60.0)).map(|v| v.signaal),
            Some(Signaal::OpKoers)
        );
        assert_eq!(
            voorstel(Some(min), Some(59.9)).map(|v| v.signaal),
            Some(Signaal::Risico)
        );
        let max = Streef {
            richting: Richting::Maximaal,
            ..min
        };
        assert_eq!(
            voorstel(Some(max), Some(59.9)).map(|v| v.signaal),
            Some(Signaal::OpKoers)
        );
        assert_eq!(voorstel(None, Some(1.0)), None);
        assert_eq!(voorstel(Some(min), None), None);
    }
}
