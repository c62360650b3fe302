//! `GET /werkvoorraad`: the caller's worklist; names pupils, so only for who reads pupil-level
//! data, and audited.

use crate::route_prelude::*;

use crate::audit::routes::{trail, worklist};
use crate::auth::Principal;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_mijn_werkvoorraad);
}

const WERK: ListSpec = ListSpec {
    sorts: &["datum"],
    default_sort: "datum",
};

/// Mijn werkvoorraad: alles wat op de aanroeper wacht, op datum (uiterlijk) en dan soort.
///
/// `schoolcontact_vervolg` (eigen contacten met een vervolg op of voor vandaag, nog niet
/// gedaan), `tlv_termijn` en `tlv_advies` (open aanvragen van de eigen scholen, op hun
/// uiterlijke beslisdatum), `thuiszitter_perspectief` (open dossiers van de eigen scholen zonder
/// perspectief of met `thuis_zonder_perspectief`), `thuiszitter_stil` (zes weken geen
/// verloopregel), `activiteit_evaluatie` (eigen activiteiten zonder evaluatie zodra de laatste
/// twee maanden van het schooljaar lopen; uiterlijk 31 juli) en `bijeenkomst_aanwezigheid`
/// (gehouden bijeenkomsten van eigen activiteiten of portefeuilles zonder aanwezigheid). Eigen
/// scholen zijn die met de aanroeper als `consulentId`. Wordt vastgelegd in de audit.
#[utoipa::path(
    tag = "Werkvoorraad",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "`datum` (standaard: wat het eerst moet) of `-datum`", example = "datum"),
    ),
    responses((status = 200, description = "Een pagina werk (of de hele lijst als CSV/XLSX)", body = crate::audit::routes::WerkItemPage)),
)]
#[get("/werkvoorraad")]
async fn get_mijn_werkvoorraad(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Leerlingen, Access::Read)?;
    let Principal::Gebruiker { id: gebruiker, .. } = caller.principal else {
        return Err(ApiError::forbidden(
            "Een werkvoorraad hoort bij een gebruiker.",
        ));
    };
    let q = ListQuery::parse(&req, &WERK);
    worklist(
        &state.db,
        &req,
        trail(&caller, &req),
        q,
        "werkvoorraad",
        move |c| crate::werkvoorraad::store::items(c, swv, gebruiker, time::today()),
    )
    .await
}
