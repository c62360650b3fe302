//! `/samenwerkingsverbanden/{id}/logo`: the SWV's logo, set by its beheerder (or the
//! platformbeheerder) and shown to anyone on the public pages and in mails.

use actix_web::http::header;

use crate::http::body::media_type;
use crate::http::RawBody;
use crate::org::store::huisstijl::{self, PNG, SVG};
use crate::route_prelude::*;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(put_logo).service(delete_logo).service(get_logo);
}

/// The platformbeheerder for every SWV, a beheerder for their own (others: not found); no
/// client.
fn may_style(caller: &Caller, id: Id) -> Result<(), ApiError> {
    if !matches!(caller.principal, crate::auth::Principal::Gebruiker { .. }) {
        return Err(ApiError::forbidden(
            "Het logo wordt door een beheerder ingesteld, niet door een client.",
        ));
    }
    if caller.allows(Area::Samenwerkingsverbanden, Access::Write) {
        return Ok(());
    }
    if caller.tenant(Area::Organisatie, Access::Write)? != id {
        return Err(ApiError::not_found());
    }
    Ok(())
}

/// Het logo van het samenwerkingsverband instellen (PNG of SVG, hoogstens 200 KB).
///
/// Een SVG met scripts, koppelingen naar buiten of ingesloten inhoud wordt geweigerd.
#[utoipa::path(
    tag = "Samenwerkingsverbanden",
    params(("id" = uuid::Uuid, Path, description = "Id van het samenwerkingsverband")),
    request_body(description = "De afbeelding", content((Vec<u8> = "image/png"), (Vec<u8> = "image/svg+xml"))),
    responses(
        (status = 204, description = "Ingesteld"),
        (status = 400, description = "Geen bruikbare afbeelding", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 413, description = "Groter dan 200 KB", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 415, description = "Geen PNG of SVG", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
)]
#[put("/samenwerkingsverbanden/{id}/logo")]
async fn put_logo(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<Id>,
    body: RawBody,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    may_style(&caller, id)?;
    let kind = media_type(&req);
    if kind != PNG && kind != SVG {
        return Err(ApiError::unsupported_media_type(&format!("{PNG} of {SVG}")));
    }
    let bytes = body.0;
    if bytes.len() > huisstijl::MAX_BYTES {
        let mut e = ApiError::new(
            crate::error::ProblemType::TeGroot,
            "Het logo mag hoogstens 200 KB zijn.",
        );
        e.detail = format!(
            "Het logo is {} KB; het mag hoogstens 200 KB zijn.",
            bytes.len().div_ceil(1024)
        );
        return Err(e);
    }
    huisstijl::check(&kind, &bytes).map_err(ApiError::bad_request)?;
    state
        .db
        .write(move |c| huisstijl::store(c, id, Some((&kind, &bytes))))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Het logo verwijderen.
#[utoipa::path(
    tag = "Samenwerkingsverbanden",
    params(("id" = uuid::Uuid, Path, description = "Id van het samenwerkingsverband")),
    responses((status = 204, description = "Verwijderd (ook als er geen was)")),
)]
#[delete("/samenwerkingsverbanden/{id}/logo")]
async fn delete_logo(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Id>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    may_style(&caller, id)?;
    state
        .db
        .write(move |c| huisstijl::store(c, id, None))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Het logo van een samenwerkingsverband, voor de publieke pagina's en mails.
#[utoipa::path(
    tag = "Publiek",
    params(("id" = uuid::Uuid, Path, description = "Id van het samenwerkingsverband")),
    responses(
        (status = 200, description = "Het logo", content((Vec<u8> = "image/png"), (Vec<u8> = "image/svg+xml"))),
        (status = 404, description = "Geen logo", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/publiek/samenwerkingsverbanden/{id}/logo")]
async fn get_logo(state: web::Data<AppState>, id: web::Path<Id>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (kind, bytes) = state
        .db
        .read(move |c| huisstijl::load(c, id))
        .await?
        .ok_or_else(ApiError::not_found)?;
    Ok(HttpResponse::Ok()
        .content_type(kind)
        // An SVG opened on its own runs nothing and loads nothing.
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        ))
        .body(bytes))
}
