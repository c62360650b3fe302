//! Koers: planning, registration and accountability for samenwerkingsverbanden passend onderwijs.

pub mod arrangementen;
pub mod audit;
pub mod auth;
pub mod bijeenkomsten;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod http;
pub mod integrity;
pub mod kengetallen;
pub mod leerlingen;
pub mod listing;
pub mod mail;
pub mod mdos;
pub mod metrics;
pub mod monitor;
pub mod openapi;
pub mod ops;
pub mod org;
pub mod planning;
pub mod resource;
pub mod route_prelude;
pub mod schema;
pub mod schoolcontacten;
pub mod secrets;
pub mod spa;
pub mod state;
pub mod store;
pub mod store_prelude;
pub mod synth;
pub mod thuiszitters;
pub mod tlv;
pub mod trace;
pub mod werkvoorraad;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App};
use utoipa_actix_web::AppExt;

/// Routes under `/api/v1`, each area registering its own handlers (and with them the OpenAPI).
fn api_routes(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    auth::routes::configure(cfg);
    auth::account::configure(cfg);
    org::configure(cfg);
    planning::configure(cfg);
    bijeenkomsten::configure(cfg);
    leerlingen::configure(cfg);
    arrangementen::configure(cfg);
    mdos::configure(cfg);
    tlv::configure(cfg);
    thuiszitters::configure(cfg);
    schoolcontacten::configure(cfg);
    werkvoorraad::configure(cfg);
    monitor::configure(cfg);
    kengetallen::configure(cfg);
    audit::routes::configure(cfg);
    mail::routes::configure(cfg);
}

/// The API routes with their OpenAPI description, before middleware.
pub fn routes() -> utoipa_actix_web::UtoipaApp<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    // Operational routes first: the `/api/v1` scope would otherwise answer for the docs and the
    // OpenAPI document, which live under the same prefix.
    App::new()
        .configure(ops::configure)
        .into_utoipa_app()
        .openapi(openapi::base())
        .service(utoipa_actix_web::scope("/api/v1").configure(api_routes))
}

/// The whole application: API, operations endpoints, docs and the SPA, with all middleware.
pub fn app(
    state: web::Data<state::AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, doc) = routes().split_for_parts();
    http::known::remember(&doc);
    let cors = ops::cors(&state.config);
    app.app_data(state)
        .app_data(web::PathConfig::default().error_handler(|e, _| {
            error::ApiError::bad_request(format!("Ongeldige padparameter: {}", path_reason(&e)))
                .into()
        }))
        .app_data(web::QueryConfig::default().error_handler(|_, _| {
            error::ApiError::bad_request("Ongeldige query-parameters.").into()
        }))
        .app_data(web::FormConfig::default().limit(http::body::MAX_BODY))
        .app_data(web::PayloadConfig::default().limit(http::body::MAX_BODY))
        .default_service(web::to(spa::serve))
        .wrap(cors)
        .wrap(actix_web::middleware::Compress::default())
        .wrap(actix_web::middleware::from_fn(ops::headers))
        .wrap(actix_web::middleware::from_fn(ops::metrics))
        .wrap(http::context::RequestContext)
}

/// The listener of `/metrics` alone (`KOERS_METRICS_BIND`): everything else is `404`.
pub fn metrics_app(
    state: web::Data<state::AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .route("/metrics", web::get().to(ops::metrics_on_listener))
        .default_service(web::to(|| async {
            Err::<actix_web::HttpResponse, _>(error::ApiError::not_found())
        }))
}

/// Bound and started servers: the API, and `/metrics` on an address of its own when configured.
pub struct Serving {
    pub api: actix_web::dev::Server,
    pub api_addrs: Vec<std::net::SocketAddr>,
    pub metrics: Option<actix_web::dev::Server>,
    pub metrics_addrs: Vec<std::net::SocketAddr>,
}

/// Binds and starts the servers; the caller awaits (or spawns) them.
pub fn serve(state: web::Data<state::AppState>) -> std::io::Result<Serving> {
    let config = state.config.clone();
    let api_state = state.clone();
    let api = actix_web::HttpServer::new(move || app(api_state.clone()))
        .bind(config.bind)?
        .shutdown_timeout(10);
    let api_addrs = api.addrs();
    let (metrics, metrics_addrs) = match config.metrics_bind {
        Some(addr) => {
            let server = actix_web::HttpServer::new(move || metrics_app(state.clone()))
                .workers(1)
                .bind(addr)?;
            let addrs = server.addrs();
            (Some(server.run()), addrs)
        }
        None => (None, Vec::new()),
    };
    Ok(Serving {
        api: api.run(),
        api_addrs,
        metrics,
        metrics_addrs,
    })
}

fn path_reason(e: &actix_web::error::PathError) -> String {
    match e {
        actix_web::error::PathError::Deserialize(d)
            if d.to_string().contains("UUID") || d.to_string().contains("uuid") =>
        {
            "geen geldige UUID".into()
        }
        _ => "niet geldig".into(),
    }
}
