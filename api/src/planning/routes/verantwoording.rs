//! `GET /activiteitenplannen/{id}/evaluatie`: the account of a school year, per ambitie in
//! `nummer` order with the activities and their evaluaties and the counts per status and signal;
//! as JSON, Markdown or a Word document.

use crate::error::{ApiError, Problem};
use crate::planning::store::verantwoording::*;
use crate::route_prelude::*;
use actix_web::http::header;

/// The best rendering the `Accept` header allows; `406` when it allows none.
fn negotiate(req: &HttpRequest) -> Result<Rendering, ApiError> {
    crate::http::export::negotiate(
        req,
        Rendering::Json,
        &[
            (MARKDOWN, Rendering::Markdown),
            ("text/*", Rendering::Markdown),
            (DOCX, Rendering::Docx),
        ],
    )
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
            let bytes =
                crate::trace::block(move || crate::planning::store::document::docx(&verslag))
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
