//! The built SPA: files from the static folder, `index.html` for client-side routes.

use actix_files::NamedFile;
use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::http::Method;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::ApiError;
use crate::state::AppState;

pub async fn serve(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let path = req.path();
    if let Some(methods) = path
        .strip_prefix("/api/v1")
        .and_then(crate::http::known::methods)
    {
        use actix_web::ResponseError;
        let mut res = ApiError::new(
            crate::error::ProblemType::Methode,
            format!(
                "Deze methode is hier niet toegestaan; wel: {}.",
                methods.join(", ")
            ),
        )
        .error_response();
        if let Ok(allow) = actix_web::http::header::HeaderValue::from_str(&methods.join(", ")) {
            res.headers_mut()
                .insert(actix_web::http::header::ALLOW, allow);
        }
        return Ok(res);
    }
    if path.starts_with("/api/") || path == "/api" || path.starts_with("/health/") {
        return Err(ApiError::not_found());
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return Err(ApiError::new(
            crate::error::ProblemType::Methode,
            "Deze methode is hier niet toegestaan.",
        ));
    }
    let root = &state.config.static_dir;
    let rel = path.trim_start_matches('/');
    // Only plain relative paths inside the static folder; never `..`.
    let safe = !rel
        .split('/')
        .any(|seg| seg == ".." || seg.starts_with('.'));
    if safe && !rel.is_empty() {
        let file = root.join(rel);
        if file.is_file() {
            if let Ok(f) = NamedFile::open(&file) {
                let mut res = f.into_response(&req);
                let hashed = rel.starts_with("assets/");
                res.headers_mut().insert(
                    actix_web::http::header::CACHE_CONTROL,
                    actix_web::http::header::HeaderValue::from_static(if hashed {
                        "public, max-age=31536000, immutable"
                    } else {
                        "no-cache"
                    }),
                );
                return Ok(res);
            }
        }
    }
    let index = root.join("index.html");
    if let Ok(f) = NamedFile::open(&index) {
        let mut res = f.into_response(&req);
        res.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static("no-cache"),
        );
        return Ok(res);
    }
    Ok(HttpResponse::Ok()
        .insert_header(CacheControl(vec![CacheDirective::NoCache]))
        .content_type("text/html; charset=utf-8")
        .body(LANDING))
}

const LANDING: &str = r#"<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Koers</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Koers</h1>
<p>De API draait. De webapplicatie is nog niet gebouwd in deze installatie.</p>
<ul><li><a href="/api/v1/docs/">API-documentatie</a></li><li><a href="/api/v1/openapi.json">OpenAPI-document</a></li></ul>
</body></html>"#;
