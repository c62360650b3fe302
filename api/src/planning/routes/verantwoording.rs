//! `GET /activiteitenplannen/{id}/evaluatie`: the account of a school year, per ambitie in
//! `nummer` order with the activities and their evaluaties and the counts per status and signal;
//! as JSON, Markdown or a Word document.

use crate::auth::{Access, Area, Caller};
use crate::db::Id;
use crate::error::{ApiError, Problem};
use crate::planning::store::verantwoording::*;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};

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
            .body(crate::planning::store::document::markdown(&verslag))),
        Rendering::Docx => {
            let bytes = web::block(move || crate::planning::store::document::docx(&verslag))
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
