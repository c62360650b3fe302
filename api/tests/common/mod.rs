//! Test harness: the real App over a fresh database per test, on SQLite or PostgreSQL.
#![allow(dead_code)]

use std::sync::OnceLock;

use actix_http::Request;
use actix_service::boxed::RcService;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, Method, StatusCode};
use actix_web::{test, web};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use serde_json::{json, Value};

use koers::db::{Backend, Db, Id};
use koers::{AppState, Config};

pub const PASSWORD: &str = "correct-horse-battery";

/// Runs a test body against SQLite and against PostgreSQL.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[actix_web::test]
                async fn sqlite() {
                    super::$name($crate::common::TestApp::start(koers::db::Backend::Sqlite).await).await
                }
                #[actix_web::test]
                async fn postgres() {
                    super::$name($crate::common::TestApp::start(koers::db::Backend::Postgres).await).await
                }
            }
        )*
    };
}

pub struct Resp {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: Value,
    pub raw: Vec<u8>,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
    }

    /// Names of the fields in `invalidParams`.
    pub fn invalid(&self) -> Vec<String> {
        self.body["invalidParams"]
            .as_array()
            .map(|a| a.iter().map(|p| p["name"].as_str().unwrap_or("").to_string()).collect())
            .unwrap_or_default()
    }

    #[track_caller]
    pub fn assert(&self, status: u16) -> &Self {
        assert_eq!(self.status.as_u16(), status, "unexpected status; body: {}", self.body);
        self
    }
}

/// One SWV with a user of every role.
pub struct Swv {
    pub id: Id,
    pub beheerder: String,
    pub consulent: String,
    pub medewerker: String,
    pub lezer: String,
    pub gebruiker_ids: Vec<Id>,
}

pub struct TestApp {
    pub state: web::Data<AppState>,
    svc: RcService<Request, ServiceResponse<BoxBody>, actix_web::Error>,
    pub backend: Backend,
    pg_name: Option<String>,
    _dir: tempfile::TempDir,
    pub platform: String,
    pub swv: Swv,
    pub other: Swv,
}

fn admin_url() -> String {
    std::env::var("KOERS_TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn with_db(url: &str, db: &str) -> String {
    match url.rfind('/') {
        Some(i) if url[..i].contains("://") && !url[..i].ends_with('/') => {
            let (base, rest) = url.split_at(i);
            let query = rest.find('?').map(|q| &rest[q..]).unwrap_or("");
            format!("{base}/{db}{query}")
        }
        _ => format!("{url}/{db}"),
    }
}

fn password_hash() -> &'static str {
    static H: OnceLock<String> = OnceLock::new();
    H.get_or_init(|| koers::auth::password::hash(PASSWORD))
}

impl TestApp {
    pub async fn start(backend: Backend) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let (url, pg_name) = match backend {
            Backend::Sqlite => (format!("sqlite://{}", dir.path().join("koers.db").display()), None),
            Backend::Postgres => {
                let name = format!("koers_test_{}", uuid::Uuid::new_v4().simple());
                let admin = admin_url();
                let mut c = diesel::PgConnection::establish(&admin)
                    .unwrap_or_else(|e| panic!("PostgreSQL is required for the tests ({admin}): {e}"));
                c.batch_execute(&format!("CREATE DATABASE {name}")).expect("create test database");
                (with_db(&admin, &name), Some(name))
            }
        };
        let db = Db::connect(&url, 4).expect("connect");
        db.migrate().expect("migrate");
        let config = Config {
            database_url: url,
            bind: "127.0.0.1:0".parse().unwrap(),
            data_dir: dir.path().to_path_buf(),
            jwt_secret: Some("test-secret-test-secret-test-secret-42".into()),
            admin_email: None,
            admin_password: None,
            demo: false,
            static_dir: dir.path().join("static"),
            cors_origins: vec!["https://spa.example".into()],
            trust_proxy: false,
            pool_size: 4,
        };
        let state = web::Data::new(AppState::new(config, db).expect("state"));
        let svc = test::init_service(koers::app(state.clone())).await;
        let svc = actix_service::boxed::rc_service(actix_service::ServiceExt::map(svc, |r: ServiceResponse<_>| r.map_into_boxed_body()));
        let (platform, swv, other) = seed(&state.db);
        TestApp { state, svc, backend, pg_name, _dir: dir, platform, swv, other }
    }

    pub async fn request(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>, headers: &[(&str, &str)]) -> Resp {
        let mut req = test::TestRequest::default().method(method).uri(path).peer_addr("10.1.2.3:4567".parse().unwrap());
        if let Some(t) = token {
            req = req.insert_header((header::AUTHORIZATION, format!("Bearer {t}")));
        }
        let has_ct = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type"));
        for (k, v) in headers {
            req = req.insert_header((*k, *v));
        }
        if let Some(b) = body {
            if !has_ct {
                req = req.insert_header((header::CONTENT_TYPE, "application/json"));
            }
            req = req.set_payload(b.to_string());
        }
        self.send(req.to_request()).await
    }

    pub async fn send(&self, req: Request) -> Resp {
        use actix_service::Service;
        let res = self.svc.call(req).await.expect("service call");
        let status = res.status();
        let headers = res.headers().clone();
        let raw = res.into_body().try_into_bytes().map(|b| b.to_vec()).unwrap_or_default();
        let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
        Resp { status, headers, body, raw }
    }

    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.request(Method::GET, path, Some(token), None, &[]).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Resp {
        self.request(Method::POST, path, Some(token), Some(body), &[]).await
    }

    pub async fn put(&self, path: &str, token: &str, body: Value) -> Resp {
        self.request(Method::PUT, path, Some(token), Some(body), &[]).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Resp {
        self.request(Method::PATCH, path, Some(token), Some(body), &[("content-type", "application/merge-patch+json")]).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Resp {
        self.request(Method::DELETE, path, Some(token), None, &[]).await
    }

    pub async fn login(&self, email: &str) -> String {
        let r = self.request(Method::POST, "/api/v1/auth/login", None, Some(json!({"email": email, "password": PASSWORD})), &[]).await;
        assert_eq!(r.status, StatusCode::OK, "login {email}: {}", r.body);
        r.body["accessToken"].as_str().unwrap().to_string()
    }

    /// A token for a role of the main SWV (`platformbeheerder` for the platform).
    pub async fn token(&self, rol: &str) -> String {
        let email = match rol {
            "platformbeheerder" => self.platform.clone(),
            "beheerder" => self.swv.beheerder.clone(),
            "consulent" => self.swv.consulent.clone(),
            "medewerker" => self.swv.medewerker.clone(),
            "lezer" => self.swv.lezer.clone(),
            other => panic!("unknown role {other}"),
        };
        self.login(&email).await
    }

    /// Counts the statements the next closure runs (PostgreSQL: from pg_stat; SQLite: not available).
    pub fn conn(&self) -> koers::db::PooledConn {
        self.state.db.conn().expect("conn")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name {
            if let Ok(mut c) = diesel::PgConnection::establish(&admin_url()) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

fn seed(db: &Db) -> (String, Swv, Swv) {
    use koers::schema::{gebruikers as g, samenwerkingsverbanden as s};
    let mut c = db.conn().expect("conn");
    let now = koers::http::time::now();
    let user = |c: &mut koers::db::DbConn, swv: Option<Id>, email: &str, rol: &str| -> Id {
        let id = Id::new();
        diesel::insert_into(g::table)
            .values((
                g::id.eq(id),
                g::samenwerkingsverband_id.eq(swv),
                g::email.eq(email),
                g::naam.eq(format!("Test {rol}")),
                g::rol.eq(rol),
                g::actief.eq(true),
                g::wachtwoord_hash.eq(password_hash()),
                g::created_at.eq(now),
                g::updated_at.eq(now),
                g::versie.eq(1),
            ))
            .execute(c)
            .expect("seed user");
        id
    };
    let platform = "platform@test.example".to_string();
    user(&mut c, None, &platform, "platformbeheerder");
    let mut swvs = Vec::new();
    for (code, naam, tag) in [("PO2703", "SWV Test Zuid", "zuid"), ("PO2702", "SWV Test Noord", "noord")] {
        let id = Id::new();
        diesel::insert_into(s::table)
            .values((s::id.eq(id), s::naam.eq(naam), s::code.eq(code), s::sector.eq("po"), s::created_at.eq(now), s::updated_at.eq(now), s::versie.eq(1)))
            .execute(&mut c)
            .expect("seed swv");
        let mut ids = Vec::new();
        let mut mk = |rol: &str| {
            let email = format!("{rol}@{tag}.example");
            ids.push(user(&mut c, Some(id), &email, rol));
            email
        };
        let beheerder = mk("beheerder");
        let consulent = mk("consulent");
        let medewerker = mk("medewerker");
        let lezer = mk("lezer");
        swvs.push(Swv { id, beheerder, consulent, medewerker, lezer, gebruiker_ids: ids });
    }
    let other = swvs.pop().unwrap();
    let swv = swvs.pop().unwrap();
    (platform, swv, other)
}

/// Creates a gemeente as the platformbeheerder and returns its id.
pub async fn gemeente(app: &TestApp, cbs: &str, naam: &str) -> String {
    let t = app.token("platformbeheerder").await;
    let r = app.post("/api/v1/gemeenten", &t, json!({"cbsCode": cbs, "naam": naam})).await;
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

/// Creates a schoolbestuur in the main SWV (as its beheerder) and returns its id.
pub async fn schoolbestuur(app: &TestApp, token: &str, naam: &str, nummer: &str) -> String {
    let r = app.post("/api/v1/schoolbesturen", token, json!({"naam": naam, "bevoegdGezagNummer": nummer})).await;
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}
