//! `/bijeenkomsten/{id}/berichten`: a message from staff to the participants of a meeting (a
//! changed room, something to bring), mailed to each through the outbox.

use crate::bijeenkomsten::store::{mails, records, AanmeldingStatus};
use crate::route_prelude::*;

crate::text_enum! {
    /// Who a message goes to: the registered participants, the waiting list, or both.
    pub enum Ontvangers {
        Aangemeld => "aangemeld",
        Wachtlijst => "wachtlijst",
    }
}

/// A message to the participants of a meeting.
#[derive(
    Debug, Clone, serde::Deserialize, serde::Serialize, validator::Validate, utoipa::ToSchema,
)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"onderwerp": "Andere zaal", "tekst": "De bijeenkomst is in zaal 2 op de eerste verdieping.", "aan": ["aangemeld", "wachtlijst"]}))]
pub struct BerichtInput {
    #[validate(
        length(min = 1, max = 200, message = "moet 1 tot 200 tekens lang zijn"),
        custom(function = "rules::not_blank"),
        custom(function = "rules::single_line")
    )]
    #[schema(min_length = 1, max_length = 200)]
    pub onderwerp: String,
    /// Platte tekst; een lege regel begint een nieuwe alinea.
    #[validate(
        length(min = 1, max = 10000, message = "moet 1 tot 10.000 tekens lang zijn"),
        custom(function = "rules::not_blank")
    )]
    #[schema(min_length = 1, max_length = 10000)]
    pub tekst: String,
    #[validate(length(min = 1, max = 2, message = "kies aangemeld, wachtlijst of beide"))]
    #[schema(min_items = 1, max_items = 2)]
    pub aan: Vec<Ontvangers>,
}

impl Input for BerichtInput {
    fn normalise(&mut self) {
        rules::strip_invisible(&mut self.onderwerp);
    }
}

/// How many participants the message was queued for.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
#[schema(example = json!({"aantal": 18}))]
pub struct Verstuurd {
    pub aantal: usize,
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(post_bericht);
}

/// Een bericht mailen aan de aangemelde deelnemers en/of de wachtlijst.
///
/// Elke ontvanger krijgt een eigen mail (niemand ziet andere adressen), met de bijeenkomst en
/// een link om zich af te melden. De mails gaan via het postvak (`GET /mails`).
#[utoipa::path(
    tag = "Bijeenkomsten",
    params(("id" = uuid::Uuid, Path, description = "Id van de bijeenkomst")),
    request_body = BerichtInput,
    responses((status = 202, description = "In het postvak gezet voor zoveel deelnemers", body = Verstuurd)),
)]
#[post("/bijeenkomsten/{id}/berichten")]
async fn post_bericht(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
    body: JsonBody<BerichtInput>,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Aanmeldingen, Access::Write)?;
    let bijeenkomst = id.into_inner();
    let aantal = state
        .db
        .write(move |c| {
            // Another SWV's meeting is not found, whatever the body says.
            let m = records::find_row(c, swv, bijeenkomst)?;
            let input = body.decode()?;
            let aan: Vec<AanmeldingStatus> = input
                .aan
                .iter()
                .map(|o| match o {
                    Ontvangers::Aangemeld => AanmeldingStatus::Aangemeld,
                    Ontvangers::Wachtlijst => AanmeldingStatus::Wachtlijst,
                })
                .collect();
            mails::bericht(c, &m, &input.onderwerp, &input.tekst, &aan)
        })
        .await?;
    Ok(HttpResponse::Accepted().json(Verstuurd { aantal }))
}
