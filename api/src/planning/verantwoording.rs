//! `GET /activiteitenplannen/{id}/evaluatie`: the account of a school year, per ambitie in
//! `nummer` order with the activities and their evaluaties and the counts per status and signal;
//! as JSON, Markdown or a Word document.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::activiteiten::{self, Activiteit, EvaluatieStatus};
use super::activiteitenplannen::{self, Activiteitenplan};
use super::projecten::{self, ProjectStatus};
use super::{ambities, ondersteuningsplannen, Signaal};
use crate::auth::{Access, Area, Caller};
use crate::db::{DbConn, Id};
use crate::error::{ApiError, Problem};
use crate::schema::gebruikers;
use crate::state::AppState;

pub const MARKDOWN: &str = "text/markdown";
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

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
    fn add(&mut self, a: &Activiteit) {
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
enum Rendering {
    Json,
    Markdown,
    Docx,
}

/// The best rendering the `Accept` header allows; `406` when it allows none.
fn negotiate(req: &HttpRequest) -> Result<Rendering, ApiError> {
    let Some(accept) = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
    else {
        return Ok(Rendering::Json);
    };
    let mut ranges: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.split(';');
            let mt = it.next()?.trim().to_ascii_lowercase();
            let q = it
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            (q > 0.0 && !mt.is_empty()).then_some((q, i, mt))
        })
        .collect();
    if ranges.is_empty() {
        return Ok(Rendering::Json);
    }
    ranges.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    for (_, _, mt) in ranges {
        match mt.as_str() {
            "application/json" | "application/*" | "*/*" | "application/problem+json" => {
                return Ok(Rendering::Json)
            }
            MARKDOWN | "text/*" => return Ok(Rendering::Markdown),
            DOCX => return Ok(Rendering::Docx),
            _ => {}
        }
    }
    Err(ApiError::not_acceptable(&format!(
        "application/json, {MARKDOWN} of {DOCX}"
    )))
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_evaluatie);
}

/// De verantwoording van een schooljaar: de evaluatie per ambitie met tellingen.
#[utoipa::path(
    tag = "Activiteitenplannen",
    description = "Het verslag van het schooljaar: elke ambitie van het ondersteuningsplan op volgorde van `nummer` (ook die \
                   zonder activiteiten), met haar activiteiten en hun evaluatie, en per ambitie en in totaal de tellingen \
                   per evaluatiestatus en per signaal (elke sleutel aanwezig, 0 als er geen zijn; activiteiten zonder \
                   evaluatie tellen alleen mee in `aantal`). Met `Accept: text/markdown` komt hetzelfde verslag als \
                   Markdown, met `Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document` als \
                   Word-document met een kop per ambitie en een samenvattende tabel.",
    params(("id" = uuid::Uuid, Path, description = "Id van het activiteitenplan")),
    responses(
        (status = 200, description = "Het verslag", content(
            (Evaluatieverslag = "application/json"),
            (String = "text/markdown"),
            (String = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        )),
        (status = 406, description = "Het gevraagde formaat (`Accept`) wordt niet geleverd", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/activiteitenplannen/{id}/evaluatie")]
async fn get_evaluatie(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Uitvoering, Access::Read)?;
    let rendering = negotiate(&req)?;
    let id = id.into_inner();
    let verslag = state.db.report(move |c| build(c, swv, id)).await?;
    let name = format!(
        "evaluatie-activiteitenplan-{}",
        verslag.activiteitenplan.schooljaar
    );
    match rendering {
        Rendering::Json => Ok(HttpResponse::Ok().json(&verslag)),
        Rendering::Markdown => Ok(HttpResponse::Ok()
            .content_type("text/markdown; charset=utf-8")
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}.md\""),
            ))
            .body(super::document::markdown(&verslag))),
        Rendering::Docx => {
            let bytes = web::block(move || super::document::docx(&verslag))
                .await
                .map_err(ApiError::internal)??;
            Ok(HttpResponse::Ok()
                .content_type(DOCX)
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.docx\""),
                ))
                .body(bytes))
        }
    }
}
