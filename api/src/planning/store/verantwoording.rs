//! `GET /activiteitenplannen/{id}/evaluatie`: the account of a school year, per ambitie in
//! `nummer` order with the activities and their evaluaties and the counts per status and signal;
//! as JSON, Markdown or a Word document.

use super::activiteiten::{self, Activiteit};
use super::activiteitenplannen::{self, Activiteitenplan};
use super::evaluaties::EvaluatieStatus;
use super::projecten::{self, ProjectStatus};
use super::{ambities, ondersteuningsplannen, Signaal};
use crate::schema::gebruikers;
use crate::store_prelude::*;
use chrono::NaiveDate;
use std::collections::HashMap;

pub const MARKDOWN: &str = "text/markdown";

pub use crate::domain::document::DOCX;

/// Activities per evaluation status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct PerStatus {
    pub uitgevoerd: i64,
    pub deels: i64,
    pub niet_uitgevoerd: i64,
    pub doorgeschoven: i64,
}

/// Activities per signal of their evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct PerSignaal {
    pub op_koers: i64,
    pub aandacht: i64,
    pub risico: i64,
    pub afgerond: i64,
}

/// The counts of a group of activities. Activities without evaluation count in `aantal` only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Telling {
    /// Alle activiteiten.
    pub aantal: i64,
    /// De activiteiten met een evaluatie.
    pub geevalueerd: i64,
    pub per_status: PerStatus,
    pub per_signaal: PerSignaal,
}

impl Telling {
    pub fn add(&mut self, a: &Activiteit) {
        self.aantal += 1;
        let Some(e) = &a.evaluatie else { return };
        self.geevalueerd += 1;
        let s = &mut self.per_status;
        *match e.status {
            EvaluatieStatus::Uitgevoerd => &mut s.uitgevoerd,
            EvaluatieStatus::Deels => &mut s.deels,
            EvaluatieStatus::NietUitgevoerd => &mut s.niet_uitgevoerd,
            EvaluatieStatus::Doorgeschoven => &mut s.doorgeschoven,
        } += 1;
        if let Some(signaal) = e.signaal {
            let s = &mut self.per_signaal;
            *match signaal {
                Signaal::OpKoers => &mut s.op_koers,
                Signaal::Aandacht => &mut s.aandacht,
                Signaal::Risico => &mut s.risico,
                Signaal::Afgerond => &mut s.afgerond,
            } += 1;
        }
    }
}

/// The ondersteuningsplan the year belongs to.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OndersteuningsplanKort {
    pub id: Id,
    pub titel: String,
    pub van_jaar: i32,
    pub tot_jaar: i32,
}

/// An ambitie as the account shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AmbitieKort {
    pub id: Id,
    pub nummer: i32,
    pub titel: String,
    pub doelstelling: String,
}

/// The project an activity belongs to.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectKort {
    pub id: Id,
    pub naam: String,
    pub status: ProjectStatus,
    pub einddatum: Option<NaiveDate>,
}

/// The user responsible for an activity.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GebruikerKort {
    pub id: Id,
    pub naam: String,
}

/// An activity with its evaluatie, and the names a reader needs: its project and who led it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerslagActiviteit {
    #[serde(flatten)]
    pub activiteit: Activiteit,
    pub project: Option<ProjectKort>,
    pub verantwoordelijke: Option<GebruikerKort>,
}

/// One ambitie of the account with its activities and their counts.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AmbitieVerslag {
    pub ambitie: AmbitieKort,
    /// In de volgorde waarin ze zijn toegevoegd.
    pub activiteiten: Vec<VerslagActiviteit>,
    pub telling: Telling,
}

/// The account of one school year.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Evaluatieverslag {
    pub activiteitenplan: Activiteitenplan,
    pub ondersteuningsplan: OndersteuningsplanKort,
    /// Elke ambitie van het ondersteuningsplan op volgorde van `nummer`, ook die zonder activiteiten.
    pub ambities: Vec<AmbitieVerslag>,
    pub totaal: Telling,
}

/// Builds the account of plan `id` with a fixed number of queries, whatever its size.
pub fn build(c: &mut DbConn, swv: Id, id: Id) -> Result<Evaluatieverslag, ApiError> {
    let plan = activiteitenplannen::find(c, swv, id)?;
    let op = ondersteuningsplannen::find(c, swv, plan.ondersteuningsplan_id)?;
    let ambities = ambities::of_plan(c, swv, plan.ondersteuningsplan_id)?;
    let activiteiten = activiteiten::of_plan(c, swv, plan.id)?;

    let project_ids = crate::domain::unique(
        &activiteiten
            .iter()
            .filter_map(|a| a.project_id)
            .collect::<Vec<_>>(),
    );
    let projects: HashMap<Id, ProjectKort> = projecten::summaries(c, swv, project_ids)?
        .into_iter()
        .map(|(id, naam, status, einddatum)| {
            (
                id,
                ProjectKort {
                    id,
                    naam,
                    status,
                    einddatum,
                },
            )
        })
        .collect();
    let user_ids = crate::domain::unique(
        &activiteiten
            .iter()
            .filter_map(|a| a.verantwoordelijke_id)
            .collect::<Vec<_>>(),
    );
    let users: HashMap<Id, String> = if user_ids.is_empty() {
        HashMap::new()
    } else {
        gebruikers::table
            .filter(gebruikers::samenwerkingsverband_id.eq(swv))
            .filter(gebruikers::id.eq_any(user_ids))
            .select((gebruikers::id, gebruikers::naam))
            .load::<(Id, String)>(c)?
            .into_iter()
            .collect()
    };

    let mut groups: Vec<AmbitieVerslag> = ambities
        .into_iter()
        .map(|a| AmbitieVerslag {
            ambitie: AmbitieKort {
                id: a.id,
                nummer: a.nummer,
                titel: a.titel,
                doelstelling: a.doelstelling,
            },
            activiteiten: Vec::new(),
            telling: Telling::default(),
        })
        .collect();
    let index: HashMap<Id, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.ambitie.id, i))
        .collect();
    let mut totaal = Telling::default();
    for a in activiteiten {
        totaal.add(&a);
        let Some(&i) = index.get(&a.ambitie_id) else {
            continue;
        };
        groups[i].telling.add(&a);
        groups[i].activiteiten.push(VerslagActiviteit {
            project: a.project_id.and_then(|p| projects.get(&p).cloned()),
            verantwoordelijke: a.verantwoordelijke_id.and_then(|u| {
                users.get(&u).map(|naam| GebruikerKort {
                    id: u,
                    naam: naam.clone(),
                })
            }),
            activiteit: a,
        });
    }
    Ok(Evaluatieverslag {
        activiteitenplan: plan,
        ondersteuningsplan: OndersteuningsplanKort {
            id: op.id,
            titel: op.titel,
            van_jaar: op.van_jaar,
            tot_jaar: op.tot_jaar,
        },
        ambities: groups,
        totaal,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Json,
    Markdown,
    Docx,
}
