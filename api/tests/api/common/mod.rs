//! Test harness: the real App over a fresh database per test, on SQLite or PostgreSQL.
#![allow(dead_code)]

pub mod logs;
#[macro_use]
pub mod smtp;
mod spare;
pub mod statements;

use std::sync::OnceLock;

use actix_http::Request;
use actix_service::boxed::RcService;
use actix_web::body::BoxBody;
use actix_web::dev::ServiceResponse;
use actix_web::http::{header, Method, StatusCode};
use actix_web::{test, web};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use serde_json::{json, Value};

use koers::config::Config;
use koers::db::{Backend, Db, Id};
use koers::state::AppState;

pub const PASSWORD: &str = "correct-horse-battery";
/// The bearer token `/metrics` asks for in the tests.
pub const METRICS_TOKEN: &str = "metrics-token-for-the-tests";

/// Runs each named test body (`async fn name(backend)`) on SQLite and on PostgreSQL; the body
/// starts what it needs itself (an SMTP server and app, or an empty database).
#[macro_export]
macro_rules! per_backend {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[actix_web::test]
                async fn sqlite() {
                    super::$name(koers::db::Backend::Sqlite).await
                }
                #[actix_web::test]
                async fn postgres() {
                    super::$name(koers::db::Backend::Postgres).await
                }
            }
        )*
    };
}

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
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }

    /// Names of the fields in `invalidParams`.
    pub fn invalid(&self) -> Vec<String> {
        self.body["invalidParams"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| p["name"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[track_caller]
    pub fn assert(&self, status: u16) -> &Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.body
        );
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
    database: EmptyDb,
    pub platform: String,
    pub swv: Swv,
    pub other: Swv,
}

fn admin_url() -> String {
    std::env::var("KOERS_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
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

/// The seeded accounts' password as an argon2id hash at the lowest cost argon2 allows. A sign-in
/// verifies with the cost written in the hash, so the tests' many sign-ins exercise the same code
/// as production without each spending 19 MiB and two passes (a fifth of the tests' CPU time).
fn password_hash() -> &'static str {
    use argon2::password_hash::{PasswordHasher, SaltString};
    static H: OnceLock<String> = OnceLock::new();
    H.get_or_init(|| {
        let cheap = argon2::Params::new(argon2::Params::MIN_M_COST, 1, 1, None).expect("params");
        argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, cheap)
            .hash_password(
                PASSWORD.as_bytes(),
                &SaltString::from_b64("a29lcnMtdGVzdA").expect("salt"),
            )
            .expect("hash")
            .to_string()
    })
}

impl TestApp {
    pub async fn start(backend: Backend) -> TestApp {
        Self::start_with(backend, |_| {}).await
    }

    /// Like `start`, with the configuration adjusted first.
    pub async fn start_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let database = EmptyDb::new(backend);
        let mut config = database.config();
        config.cors_origins = vec!["https://spa.example".into()];
        adjust(&mut config);
        let db = if config.pool_size == database.config().pool_size {
            database.db.clone()
        } else {
            Db::connect(&database.url, config.pool_size).expect("connect")
        };
        let state = web::Data::new(AppState::new(config, db).expect("state"));
        let svc = test::init_service(koers::app(state.clone())).await;
        let svc = actix_service::boxed::rc_service(actix_service::ServiceExt::map(
            svc,
            |r: ServiceResponse<_>| r.map_into_boxed_body(),
        ));
        let (platform, swv, other) = seed(&state.db);
        TestApp {
            state,
            svc,
            backend,
            database,
            platform,
            swv,
            other,
        }
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut req = test::TestRequest::default()
            .method(method)
            .uri(path)
            .peer_addr("10.1.2.3:4567".parse().unwrap());
        if let Some(t) = token {
            req = req.insert_header((header::AUTHORIZATION, format!("Bearer {t}")));
        }
        let has_ct = headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("content-type"));
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
        // Streamed bodies (long exports) are read to the end like a client would.
        let raw = actix_web::body::to_bytes(res.into_body())
            .await
            .map(|b| b.to_vec())
            .unwrap_or_default();
        let body = serde_json::from_slice(&raw).unwrap_or(Value::Null);
        Resp {
            status,
            headers,
            body,
            raw,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Resp {
        self.request(Method::GET, path, Some(token), None, &[])
            .await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Resp {
        self.request(Method::POST, path, Some(token), Some(body), &[])
            .await
    }

    pub async fn put(&self, path: &str, token: &str, body: Value) -> Resp {
        self.request(Method::PUT, path, Some(token), Some(body), &[])
            .await
    }

    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Resp {
        self.request(
            Method::PATCH,
            path,
            Some(token),
            Some(body),
            &[("content-type", "application/merge-patch+json")],
        )
        .await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Resp {
        self.request(Method::DELETE, path, Some(token), None, &[])
            .await
    }

    pub async fn login(&self, email: &str) -> String {
        self.login_with(email, PASSWORD).await
    }

    /// A token for an account of the demo data.
    pub async fn demo_login(&self, email: &str) -> String {
        self.login_with(email, koers::demo::DEMO_PASSWORD).await
    }

    async fn login_with(&self, email: &str, password: &str) -> String {
        let r = self
            .request(
                Method::POST,
                "/api/v1/auth/login",
                None,
                Some(json!({"email": email, "password": password})),
                &[],
            )
            .await;
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

    /// Serves this app over real TCP, as `koers serve` does (for tests of the transport). Stop it
    /// with [`Running::stop`].
    pub fn serve(&self) -> Running {
        let serving = koers::serve(self.state.clone()).expect("bind the test servers");
        let mut handles = vec![serving.api.handle()];
        actix_web::rt::spawn(serving.api);
        if let Some(m) = serving.metrics {
            handles.push(m.handle());
            actix_web::rt::spawn(m);
        }
        Running {
            api: format!("http://{}", serving.api_addrs[0]),
            metrics: serving.metrics_addrs.first().map(|a| format!("http://{a}")),
            handles,
        }
    }

    pub fn database_url(&self) -> String {
        self.database.url.clone()
    }

    /// Counts the statements the next closure runs (PostgreSQL: from pg_stat; SQLite: not available).
    pub fn conn(&self) -> koers::db::PooledConn {
        self.state.db.conn().expect("conn")
    }
}

/// Servers started by [`TestApp::serve`].
pub struct Running {
    /// `http://127.0.0.1:<port>` of the API.
    pub api: String,
    /// The same for the metrics listener, when one is configured.
    pub metrics: Option<String>,
    handles: Vec<actix_web::dev::ServerHandle>,
}

impl Running {
    pub async fn stop(self) {
        for h in self.handles {
            h.stop(false).await;
        }
    }
}

/// A plain HTTP GET over real TCP: status and body (blocking, so run it off the test's thread).
pub fn http_get(url: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut req = agent.get(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let mut r = req.call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = r.status().as_u16();
    (status, r.body_mut().read_to_string().unwrap_or_default())
}

fn admin_conn() -> diesel::PgConnection {
    let admin = admin_url();
    diesel::PgConnection::establish(&admin)
        .unwrap_or_else(|e| panic!("PostgreSQL is required for the tests ({admin}): {e}"))
}

/// The migrated, empty database every test's own starts as a copy of, made once per test
/// process (migrating took most of a short test's time): a template database on PostgreSQL,
/// a file on SQLite. Each is named after the process, and those of processes that have ended
/// are removed when the next one makes its own.
fn template(backend: Backend) -> &'static str {
    static PG: OnceLock<String> = OnceLock::new();
    static SQLITE: OnceLock<String> = OnceLock::new();
    let pid = std::process::id();
    let ended = |name: &str, prefix: &str| {
        name.strip_prefix(prefix)
            .and_then(|rest| rest.split(['.', '_']).next())
            .and_then(|p| p.parse::<u32>().ok())
            .is_some_and(|p| p != pid && !std::path::Path::new(&format!("/proc/{p}")).exists())
    };
    let migrate = |url: &str| {
        let db = Db::connect(url, 1).expect("connect to the template");
        db.migrate().expect("migrate");
        if db.backend == Backend::Sqlite {
            let mut c = db.conn().expect("conn");
            c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE)")
                .expect("checkpoint");
        }
    };
    match backend {
        Backend::Postgres => PG.get_or_init(|| {
            const PREFIX: &str = "koers_test_template_";
            let mut c = admin_conn();
            let names: Vec<String> = diesel::dsl::sql::<diesel::sql_types::Text>(
                "SELECT datname FROM pg_database WHERE datname LIKE 'koers_test_%'",
            )
            .load(&mut c)
            .expect("list templates");
            // Templates, and the emptied databases a process kept until it ended.
            for old in names
                .iter()
                .filter(|n| ended(n, PREFIX) || ended(n, TEST_DB_PREFIX))
            {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {old} WITH (FORCE)"));
            }
            let name = format!("{PREFIX}{pid}");
            c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .expect("drop an earlier template of this process id");
            c.batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create the template database");
            migrate(&with_db(&admin_url(), &name));
            name
        }),
        Backend::Sqlite => SQLITE.get_or_init(|| {
            const PREFIX: &str = "sqlite-template-";
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let n = e.file_name().to_string_lossy().to_string();
                if ended(&n, PREFIX) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
            let file = dir.join(format!("{PREFIX}{pid}.db"));
            for f in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{f}", file.display()));
            }
            migrate(&format!("sqlite://{}", file.display()));
            file.display().to_string()
        }),
    }
}

/// The start of a test database's name, before the test process's id.
const TEST_DB_PREFIX: &str = "koers_test_db_";

/// A fresh, migrated database without any rows (a temporary SQLite file, or a PostgreSQL
/// database of its own), removed at the end (on PostgreSQL emptied for the next test, see
/// [`spare`]).
pub struct EmptyDb {
    pub db: Db,
    pub url: String,
    pub dir: tempfile::TempDir,
    pg_name: Option<String>,
}

impl EmptyDb {
    /// A copy of the database that this process migrated once (see [`template`]).
    pub fn new(backend: Backend) -> EmptyDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let (url, pg_name) = match backend {
            Backend::Sqlite => {
                let file = dir.path().join("koers.db");
                std::fs::copy(template(Backend::Sqlite), &file).expect("copy the migrated file");
                (format!("sqlite://{}", file.display()), None)
            }
            Backend::Postgres => {
                let name = spare::take().unwrap_or_else(|| {
                    let name = format!(
                        "{TEST_DB_PREFIX}{}_{}",
                        std::process::id(),
                        uuid::Uuid::new_v4().simple()
                    );
                    admin_conn()
                        .batch_execute(&format!(
                            "CREATE DATABASE {name} TEMPLATE {}",
                            template(Backend::Postgres)
                        ))
                        .expect("create test database");
                    name
                });
                (with_db(&admin_url(), &name), Some(name))
            }
        };
        let db = Db::connect(&url, 4).expect("connect");
        EmptyDb {
            db,
            url,
            dir,
            pg_name,
        }
    }

    pub fn conn(&self) -> koers::db::PooledConn {
        self.db.conn().expect("conn")
    }

    /// The configuration of a server on this database.
    pub fn config(&self) -> Config {
        Config {
            database_url: self.url.clone(),
            bind: "127.0.0.1:0".parse().unwrap(),
            data_dir: self.dir.path().to_path_buf(),
            jwt_secret: Some("test-secret-test-secret-test-secret-42".into()),
            admin_email: None,
            admin_password: None,
            demo: false,
            static_dir: self.dir.path().join("static"),
            cors_origins: vec![],
            trust_proxy: false,
            pool_size: 4,
            replica_url: None,
            metrics_token: Some(METRICS_TOKEN.into()),
            metrics_bind: None,
            body_timeout: koers::config::DEFAULT_BODY_TIMEOUT,
            smtp_url: None,
            mail_from: koers::config::DEFAULT_MAIL_FROM.into(),
            public_url: "http://koers.test".into(),
            mail_retry: koers::config::DEFAULT_MAIL_RETRY,
            mail_attempts: koers::config::DEFAULT_MAIL_ATTEMPTS,
        }
    }
}

impl Drop for EmptyDb {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name {
            spare::give_back(&admin_url(), name, template(Backend::Postgres));
        }
    }
}

fn seed(db: &Db) -> (String, Swv, Swv) {
    use koers::schema::{gebruikers as g, samenwerkingsverbanden as s};
    let mut c = db.conn().expect("conn");
    let now = koers::domain::time::now();
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
    for (code, naam, tag) in [
        ("PO2703", "SWV Test Zuid", "zuid"),
        ("PO2702", "SWV Test Noord", "noord"),
    ] {
        let id = Id::new();
        diesel::insert_into(s::table)
            .values((
                s::id.eq(id),
                s::naam.eq(naam),
                s::code.eq(code),
                s::sector.eq("po"),
                s::created_at.eq(now),
                s::updated_at.eq(now),
                s::versie.eq(1),
            ))
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
        swvs.push(Swv {
            id,
            beheerder,
            consulent,
            medewerker,
            lezer,
            gebruiker_ids: ids,
        });
    }
    let other = swvs.pop().unwrap();
    let swv = swvs.pop().unwrap();
    (platform, swv, other)
}

/// Creates a gemeente as the platformbeheerder and returns its id.
pub async fn gemeente(app: &TestApp, cbs: &str, naam: &str) -> String {
    let t = app.token("platformbeheerder").await;
    let r = app
        .post(
            "/api/v1/gemeenten",
            &t,
            json!({"cbsCode": cbs, "naam": naam}),
        )
        .await;
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

/// Creates a gemeente with one school of the main SWV in it (a client of the SWV may be tied
/// only to such a gemeente) and returns the gemeente's id.
pub async fn served_gemeente(app: &TestApp, cbs: &str, naam: &str) -> String {
    let g = gemeente(app, cbs, naam).await;
    let t = app.token("beheerder").await;
    let b = schoolbestuur(app, &t, &format!("Bestuur {naam}"), &format!("9{cbs}")).await;
    app.post(
        "/api/v1/scholen",
        &t,
        json!({"naam": format!("School in {naam}"), "brin": format!("{}ZZ", &cbs[2..4]), "soort": "bao",
               "schoolbestuurId": b, "gemeenteId": g}),
    )
    .await
    .assert(201);
    g
}

/// Creates a schoolbestuur in the main SWV (as its beheerder) and returns its id.
pub async fn schoolbestuur(app: &TestApp, token: &str, naam: &str, nummer: &str) -> String {
    let r = app
        .post(
            "/api/v1/schoolbesturen",
            token,
            json!({"naam": naam, "bevoegdGezagNummer": nummer}),
        )
        .await;
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

// ----- Helpers for the tests of tenant-owned resources (scholen, schoolbesturen, werkgebieden) -----

/// One field of every item of a list answer, in order.
pub fn column(r: &Resp, field: &str) -> Vec<Value> {
    let items = r.body["items"]
        .as_array()
        .unwrap_or_else(|| panic!("not a list answer: {}", r.body));
    items.iter().map(|i| i[field].clone()).collect()
}

/// The `id`s of the items of a list answer, in order.
pub fn ids(r: &Resp) -> Vec<String> {
    column(r, "id")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

/// Asserts an RFC 9457 problem answer with this status.
#[track_caller]
pub fn assert_problem(r: &Resp, status: u16) {
    r.assert(status);
    let ct = r.header("content-type").unwrap_or_default();
    assert!(
        ct.starts_with("application/problem+json"),
        "content-type {ct} for {status}"
    );
    assert_eq!(r.body["status"], status, "problem body: {}", r.body);
    assert!(
        r.body["title"].is_string() && r.body["type"].is_string(),
        "problem body: {}",
        r.body
    );
}

/// Asserts a `400` whose `invalidParams` name `field`.
#[track_caller]
pub fn assert_invalid(r: &Resp, field: &str) {
    assert_problem(r, 400);
    assert!(
        r.invalid().iter().any(|n| n == field),
        "expected invalidParams to name {field}: {}",
        r.body
    );
}

/// Creates a werkgebied in the SWV of `token` and returns its id.
pub async fn werkgebied(app: &TestApp, token: &str, naam: &str) -> String {
    let r = app
        .post("/api/v1/werkgebieden", token, json!({ "naam": naam }))
        .await;
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

/// `PUT`, `PATCH` (merge patch) or `DELETE` with an `If-Match` header.
pub async fn with_if_match(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<Value>,
    tag: &str,
) -> Resp {
    let mut headers = vec![("if-match", tag)];
    if method == Method::PATCH {
        headers.push(("content-type", "application/merge-patch+json"));
    }
    app.request(method, path, Some(token), body, &headers).await
}

/// The role table of organisation data for the record `id` of the main SWV: every user of the
/// SWV reads, only the beheerder writes, the platformbeheerder sees nothing, no token is `401`.
/// `body` must be a valid body for `POST`, `PUT` and `PATCH`, so that only the role can refuse.
pub async fn assert_org_roles(app: &TestApp, collection: &str, id: &str, body: Value) {
    let list = format!("/api/v1/{collection}");
    let item = format!("{list}/{id}");
    let beheerder = app.token("beheerder").await;
    let before = app.get(&item, &beheerder).await;
    before.assert(200);
    let total = app.get(&list, &beheerder).await.body["total"].clone();
    for rol in ["consulent", "medewerker", "lezer"] {
        let t = app.token(rol).await;
        let r = app.get(&list, &t).await;
        r.assert(200);
        assert_eq!(
            r.body["total"], total,
            "{rol} sees the whole list of {collection}"
        );
        assert!(
            ids(&r).contains(&id.to_string()),
            "{rol} sees {collection}/{id} in the list"
        );
        let r = app.get(&item, &t).await;
        r.assert(200);
        assert_eq!(r.body, before.body, "{rol} reads {collection}/{id}");
        assert_problem(&app.post(&list, &t, body.clone()).await, 403);
        assert_problem(&app.put(&item, &t, body.clone()).await, 403);
        assert_problem(&app.patch(&item, &t, body.clone()).await, 403);
        assert_problem(&app.delete(&item, &t).await, 403);
    }
    let t = app.token("platformbeheerder").await;
    assert_problem(&app.get(&list, &t).await, 403);
    assert_problem(&app.get(&item, &t).await, 403);
    assert_problem(&app.post(&list, &t, body.clone()).await, 403);
    assert_problem(&app.delete(&item, &t).await, 403);
    for (method, path, b) in [
        (Method::GET, &list, None),
        (Method::GET, &item, None),
        (Method::POST, &list, Some(body.clone())),
        (Method::PUT, &item, Some(body.clone())),
        (Method::DELETE, &item, None),
    ] {
        let r = app.request(method.clone(), path, None, b, &[]).await;
        assert_problem(&r, 401);
        assert!(
            r.header("www-authenticate")
                .is_some_and(|h| h.starts_with("Bearer")),
            "{method} {path}: no WWW-Authenticate"
        );
    }
    // Nothing of the refused requests reached the data.
    assert_eq!(
        app.get(&item, &beheerder).await.body,
        before.body,
        "{collection}/{id} changed by refused requests"
    );
    assert_eq!(
        app.get(&list, &beheerder).await.body["total"],
        total,
        "{collection} grew by refused requests"
    );
}

/// A record `id` of the OTHER SWV is invisible to every user of the main SWV (`404`, never its
/// data) and stays untouched. `body` is a valid `PUT`/`PATCH` body for the main SWV.
pub async fn assert_other_swv_hidden(app: &TestApp, collection: &str, id: &str, body: Value) {
    let list = format!("/api/v1/{collection}");
    let item = format!("{list}/{id}");
    let owner = app.login(&app.other.beheerder).await;
    let before = app.get(&item, &owner).await;
    before.assert(200);
    let t = app.token("beheerder").await;
    for r in [
        app.get(&item, &t).await,
        app.put(&item, &t, body.clone()).await,
        app.patch(&item, &t, body.clone()).await,
        with_if_match(app, Method::PUT, &item, &t, Some(body.clone()), "*").await,
        app.delete(&item, &t).await,
    ] {
        assert_problem(&r, 404);
        assert!(
            !r.body.to_string().contains(id),
            "a 404 must not echo the other SWV's record: {}",
            r.body
        );
    }
    for rol in ["consulent", "lezer"] {
        let t = app.token(rol).await;
        assert_problem(&app.get(&item, &t).await, 404);
        let r = app.get(&format!("{list}?pageSize=200"), &t).await;
        r.assert(200);
        assert!(
            !ids(&r).contains(&id.to_string()),
            "{rol} sees a record of the other SWV in {collection}"
        );
    }
    let r = app.get(&format!("{list}?pageSize=200"), &t).await;
    assert!(
        !ids(&r).contains(&id.to_string()),
        "the list of {collection} shows a record of the other SWV"
    );
    assert_eq!(
        app.get(&item, &owner).await.body,
        before.body,
        "the other SWV's record changed"
    );
}

/// Optimistic concurrency on the record `id` (at versie 1): stale `If-Match` → `412` and no
/// change, `*` and the current tag work, and of two writes with the same tag exactly one wins.
/// `put` is a valid `PUT` body, `patch` a merge patch that changes something.
pub async fn assert_etag_flow(app: &TestApp, collection: &str, id: &str, put: Value, patch: Value) {
    let item = format!("/api/v1/{collection}/{id}");
    let t = app.token("beheerder").await;
    let r = app.get(&item, &t).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(r.body["versie"], 1);
    let r = with_if_match(app, Method::PUT, &item, &t, Some(put.clone()), "\"1\"").await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"2\""));
    let current = app.get(&item, &t).await;
    assert_eq!(current.header("etag").as_deref(), Some("\"2\""));
    assert_eq!(current.body["versie"], 2);
    for (method, body) in [
        (Method::PUT, Some(put.clone())),
        (Method::PATCH, Some(patch.clone())),
        (Method::DELETE, None),
    ] {
        let r = with_if_match(app, method.clone(), &item, &t, body, "\"1\"").await;
        assert_problem(&r, 412);
        assert_eq!(
            app.get(&item, &t).await.body,
            current.body,
            "a stale {method} changed {collection}/{id}"
        );
    }
    let r = with_if_match(app, Method::PATCH, &item, &t, Some(patch.clone()), "*").await;
    r.assert(200);
    assert_eq!(r.body["versie"], 3);
    assert_eq!(r.header("etag").as_deref(), Some("\"3\""));
    // Two clients that both read versie 3 and write at once: one wins, the other gets 412.
    let (a, b) = futures_util::future::join(
        with_if_match(app, Method::PUT, &item, &t, Some(put.clone()), "\"3\""),
        with_if_match(app, Method::PATCH, &item, &t, Some(patch.clone()), "\"3\""),
    )
    .await;
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(
        statuses,
        [200, 412],
        "concurrent writes: {} / {}",
        a.body,
        b.body
    );
    assert_eq!(app.get(&item, &t).await.body["versie"], 4);
    let r = with_if_match(app, Method::DELETE, &item, &t, None, "\"4\"").await;
    r.assert(204);
    assert_problem(&app.get(&item, &t).await, 404);
}

/// Paging and the query parameters every list shares. The main SWV holds `total` records of
/// `collection` (at least 3).
pub async fn assert_list_paging(app: &TestApp, collection: &str, total: usize) {
    let list = format!("/api/v1/{collection}");
    let t = app.token("lezer").await;
    let r = app.get(&list, &t).await;
    r.assert(200);
    assert_eq!(
        (
            r.body["page"].clone(),
            r.body["pageSize"].clone(),
            r.body["total"].clone()
        ),
        (json!(1), json!(50), json!(total))
    );
    let all = ids(&r);
    assert_eq!(all.len(), total);
    let mut paged = Vec::new();
    for page in 1..=total.div_ceil(2) {
        let r = app.get(&format!("{list}?pageSize=2&page={page}"), &t).await;
        r.assert(200);
        assert_eq!(
            (
                r.body["page"].clone(),
                r.body["pageSize"].clone(),
                r.body["total"].clone()
            ),
            (json!(page), json!(2), json!(total))
        );
        paged.extend(ids(&r));
    }
    assert_eq!(
        paged, all,
        "pages of {collection} overlap or leave records out"
    );
    // A last page short of full gives the total without counting; it must agree with the count.
    if total > 1 {
        let r = app
            .get(&format!("{list}?pageSize={}&page=2", total - 1), &t)
            .await;
        r.assert(200);
        assert_eq!((ids(&r).len(), r.body["total"].clone()), (1, json!(total)));
    }
    let r = app.get(&format!("{list}?pageSize=2&page=99"), &t).await;
    r.assert(200);
    assert_eq!(r.body["items"], json!([]));
    assert_eq!(r.body["total"], total);
    let r = app.get(&format!("{list}?pageSize=200"), &t).await;
    r.assert(200);
    assert_eq!(r.body["pageSize"], 200);
    for (query, field) in [
        ("pageSize=201", "pageSize"),
        ("pageSize=0", "pageSize"),
        ("pageSize=-1", "pageSize"),
        ("pageSize=veel", "pageSize"),
        ("page=0", "page"),
        ("page=een", "page"),
        ("sort=onbekend", "sort"),
        ("sort=-onbekend", "sort"),
        ("sort=samenwerkingsverbandId", "sort"),
        ("onbekend=1", "onbekend"),
        ("pagesize=10", "pagesize"),
    ] {
        let r = app.get(&format!("{list}?{query}"), &t).await;
        assert_invalid(&r, field);
    }
}

/// Asserts a list is sorted by `field` in the order `asc` (ids) and, with `-field`, the reverse.
pub async fn assert_sorted(
    app: &TestApp,
    token: &str,
    collection: &str,
    field: &str,
    asc: &[String],
) {
    let r = app
        .get(&format!("/api/v1/{collection}?sort={field}"), token)
        .await;
    r.assert(200);
    assert_eq!(ids(&r), asc, "{collection} sorted by {field}");
    let r = app
        .get(&format!("/api/v1/{collection}?sort=-{field}"), token)
        .await;
    r.assert(200);
    let desc: Vec<String> = asc.iter().rev().cloned().collect();
    assert_eq!(ids(&r), desc, "{collection} sorted by -{field}");
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The CSV and XLSX exports of `GET /api/v1/{collection}?{query}`: all rows of the filtered list
/// (whatever `pageSize` says), in the order of the JSON list; `406` for a format not offered.
/// `header` is the expected header row. Returns the CSV data rows.
pub async fn assert_exports(
    app: &TestApp,
    collection: &str,
    query: &str,
    expected_ids: &[String],
    header: &str,
) -> Vec<String> {
    let path = format!("/api/v1/{collection}?{query}");
    let t = app.token("lezer").await;
    let r = app
        .request(
            Method::GET,
            &path,
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    r.assert(200);
    assert!(
        r.header("content-type")
            .unwrap_or_default()
            .starts_with("text/csv"),
        "{:?}",
        r.header("content-type")
    );
    let cd = r.header("content-disposition").unwrap_or_default();
    assert!(
        cd.starts_with("attachment") && cd.contains(&format!("{collection}.csv")),
        "content-disposition {cd}"
    );
    assert!(r.raw.starts_with(b"\xEF\xBB\xBF"), "CSV without BOM");
    let text = String::from_utf8(r.raw[3..].to_vec()).expect("CSV is UTF-8");
    assert!(text.ends_with("\r\n"), "CSV does not end with CRLF");
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CSV has a line end that is not CRLF"
    );
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(lines[0], header);
    let rows: Vec<String> = lines[1..].iter().map(|s| s.to_string()).collect();
    let row_ids: Vec<&str> = rows.iter().map(|l| l.split(';').next().unwrap()).collect();
    assert_eq!(row_ids, expected_ids, "CSV rows of {collection}?{query}");
    let r = app
        .request(Method::GET, &path, Some(&t), None, &[("accept", XLSX)])
        .await;
    r.assert(200);
    assert_eq!(r.header("content-type").as_deref(), Some(XLSX));
    let cd = r.header("content-disposition").unwrap_or_default();
    assert!(
        cd.starts_with("attachment") && cd.contains(&format!("{collection}.xlsx")),
        "content-disposition {cd}"
    );
    assert!(r.raw.starts_with(b"PK\x03\x04"), "XLSX is not a ZIP file");
    let r = app
        .request(
            Method::GET,
            &path,
            Some(&t),
            None,
            &[("accept", "image/png")],
        )
        .await;
    assert_problem(&r, 406);
    rows
}
