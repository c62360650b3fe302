//! `/mails`: the outbox of the SWV as a beheerder reads it (newest first), to see that a
//! confirmation or an invitation went out, or why it did not.

use crate::route_prelude::*;

use super::bericht::MailSoort;
use super::store::{Filter, Mail, MailStatus};

page_schema!(MailPage, Mail);

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_mails);
}

/// De mails van het samenwerkingsverband: wachtend, verzonden of mislukt (nieuwste eerst).
///
/// Een mislukte poging wordt opnieuw geprobeerd met een steeds langere wachttijd; `mislukt`
/// betekent opgegeven (na de laatste poging, of een adres dat de mailserver weigert). De inhoud
/// van een verzonden mail wordt niet bewaard.
#[utoipa::path(
    tag = "Mails",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "`-aangemaakt` (standaard, nieuwste eerst) of `aangemaakt`", example = "-aangemaakt"),
        ("status" = Option<MailStatus>, Query, description = "Alleen mails met deze status"),
        ("soort" = Option<MailSoort>, Query, description = "Alleen mails van deze soort"),
        ("q" = Option<String>, Query, description = "Zoekt in ontvanger en onderwerp"),
    ),
    responses((status = 200, description = "Een pagina mails (of de hele lijst als CSV/XLSX)", body = MailPage)),
)]
#[get("/mails")]
async fn list_mails(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Mails, Access::Read)?;
    export::listed::<Mail>(&state.db, &req, "-aangemaakt", |q| Filter {
        swv,
        status: q.enumeration("status"),
        soort: q.enumeration("soort"),
        search: q.search_pattern(),
    })
    .await
}
