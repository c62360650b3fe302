//! Malformed requests against every read and write endpoint of the organisation and auth API:
//! each must be refused with a `4xx` problem+json that names what is wrong, never a `5xx`,
//! never with internals in the body, and never with a side effect.
//!
//! The battery is data-driven: a table of fields per resource and a table of bad values per kind
//! of field generate the cases, which all run before the test reports every failure at once.

use crate::common::{gemeente, schoolbestuur, Resp, TestApp};
use actix_web::http::Method;
use actix_web::test::TestRequest;
use serde_json::{json, Map, Value};

/// Fragments that must never appear in an error body (SQL, driver, stack traces, file paths).
const LEAKS_EXACT: &[&str] = &["SELECT", "INSERT", "UPDATE ", "DELETE FROM"];
const LEAKS_ANY_CASE: &[&str] = &[
    "diesel",
    "sqlite",
    "postgres",
    "constraint",
    "panicked",
    "/work/",
    ".rs:",
    "src/",
    "backtrace",
    "r2d2",
];

/// A well-formed UUID that no record has.
const UNKNOWN: &str = "00000000-0000-4000-8000-000000000000";

/// One request of the battery and what it must get.
struct Case {
    label: String,
    method: Method,
    path: String,
    token: Option<String>,
    body: Option<Vec<u8>>,
    headers: Vec<(&'static str, String)>,
    /// The exact status, or 0 for "any 4xx".
    status: u16,
    /// A field `invalidParams` must name (as a prefix, so `gemeenteIds` matches `gemeenteIds[0]`).
    field: Option<String>,
}

impl Case {
    fn new(
        label: impl Into<String>,
        method: Method,
        path: impl Into<String>,
        token: Option<&str>,
    ) -> Case {
        Case {
            label: label.into(),
            method,
            path: path.into(),
            token: token.map(str::to_string),
            body: None,
            headers: Vec::new(),
            status: 400,
            field: None,
        }
    }

    fn body(mut self, bytes: impl Into<Vec<u8>>, content_type: Option<&str>) -> Case {
        self.body = Some(bytes.into());
        if let Some(ct) = content_type {
            self.headers.push(("content-type", ct.to_string()));
        }
        self
    }

    fn header(mut self, name: &'static str, value: impl Into<String>) -> Case {
        self.headers.push((name, value.into()));
        self
    }

    fn expect(mut self, status: u16) -> Case {
        self.status = status;
        self
    }

    fn naming(mut self, field: &str) -> Case {
        self.field = Some(field.to_string());
        self
    }
}

async fn send(app: &TestApp, case: &Case) -> Resp {
    let mut req = TestRequest::default()
        .method(case.method.clone())
        .uri(&case.path)
        .peer_addr("10.9.8.7:4567".parse().unwrap());
    if let Some(t) = &case.token {
        req = req.insert_header(("authorization", format!("Bearer {t}")));
    }
    for (k, v) in &case.headers {
        req = req.insert_header((*k, v.as_str()));
    }
    if let Some(b) = &case.body {
        req = req.set_payload(b.clone());
    }
    app.send(req.to_request()).await
}

/// Checks the problem+json shape and that nothing internal leaks; `Err` describes what is wrong.
fn check_problem(r: &Resp) -> Result<(), String> {
    let status = r.status.as_u16();
    if !(400..500).contains(&status) {
        return Err(format!("status {status}"));
    }
    let ct = r.header("content-type").unwrap_or_default();
    if !ct.starts_with("application/problem+json") {
        return Err(format!("content-type {ct:?}"));
    }
    for key in ["type", "title", "detail"] {
        if r.body[key].as_str().is_none_or(str::is_empty) {
            return Err(format!("no `{key}` in {}", r.body));
        }
    }
    if r.body["status"].as_u64() != Some(status as u64) {
        return Err(format!(
            "`status` {} differs from {status}",
            r.body["status"]
        ));
    }
    let text = String::from_utf8_lossy(&r.raw);
    let lower = text.to_lowercase();
    if let Some(leak) = LEAKS_EXACT.iter().find(|l| text.contains(*l)) {
        return Err(format!("leaks {leak:?}: {text}"));
    }
    if let Some(leak) = LEAKS_ANY_CASE.iter().find(|l| lower.contains(*l)) {
        return Err(format!("leaks {leak:?}: {text}"));
    }
    Ok(())
}

/// Runs every case and panics once with all failures.
async fn run(app: &TestApp, what: &str, cases: Vec<Case>) -> usize {
    let mut failures = Vec::new();
    for case in &cases {
        let r = send(app, case).await;
        let mut problems = Vec::new();
        if let Err(e) = check_problem(&r) {
            problems.push(e);
        }
        if case.status != 0 && r.status.as_u16() != case.status {
            problems.push(format!(
                "expected {}, got {}",
                case.status,
                r.status.as_u16()
            ));
        }
        if let Some(f) = &case.field {
            if !r.invalid().iter().any(|n| n.starts_with(f.as_str())) {
                problems.push(format!(
                    "invalidParams does not name {f:?}: {:?}",
                    r.invalid()
                ));
            }
        }
        if !problems.is_empty() {
            let body: String = String::from_utf8_lossy(&r.raw).chars().take(300).collect();
            failures.push(format!(
                "{} {} [{}]: {} — {body}",
                case.method,
                short(&case.path),
                case.label,
                problems.join("; ")
            ));
        }
    }
    println!(
        "{what}: {} cases, {} failed ({:?})",
        cases.len(),
        failures.len(),
        app.backend
    );
    assert!(
        failures.is_empty(),
        "{what}: {} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    cases.len()
}

fn short(path: &str) -> String {
    if path.len() > 90 {
        format!("{}…({} chars)", &path[..90], path.len())
    } else {
        path.to_string()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// A string with a length limit or a pattern.
    Text,
    /// One value of an enumeration.
    Enum,
    /// A 32-bit integer with a range.
    Int,
    Bool,
    /// A UUID whose (valid) value is not checked as a reference here.
    Uuid,
    /// A UUID that must refer to an existing record: an unknown one is a `400` naming it.
    Ref,
    /// A list of enumeration values (at least one).
    Enums,
    /// A list of references.
    Refs,
}

struct Field {
    name: &'static str,
    kind: Kind,
    required: bool,
}

const fn f(name: &'static str, kind: Kind, required: bool) -> Field {
    Field {
        name,
        kind,
        required,
    }
}

fn huge() -> String {
    "x".repeat(100 * 1024)
}

/// The wrong values for a kind of field; each must be a `400` naming the field.
fn bad_values(kind: Kind, required: bool) -> Vec<(&'static str, Value)> {
    let mut v: Vec<(&'static str, Value)> = match kind {
        Kind::Text => vec![
            ("number for string", json!(42)),
            ("float for string", json!(4.5)),
            ("bool for string", json!(true)),
            ("array for string", json!([])),
            ("array of string", json!(["a"])),
            ("object for string", json!({})),
            ("object with key", json!({"a": "b"})),
            ("null byte", json!("a\u{0}b")),
            ("only null byte", json!("\u{0}")),
            ("bell", json!("bel\u{7}")),
            ("escape sequence", json!("\u{1b}[31mrood")),
            ("delete char", json!("x\u{7f}")),
            ("C1 control", json!("x\u{85}y")),
            ("100 KB", json!(huge())),
        ],
        Kind::Enum => vec![
            ("number for enum", json!(42)),
            ("bool for enum", json!(true)),
            ("array for enum", json!(["bao"])),
            ("object for enum", json!({})),
            ("unknown value", json!("bestaat-niet")),
            ("empty", json!("")),
            ("null byte", json!("b\u{0}")),
            ("100 KB", json!(huge())),
        ],
        Kind::Int => vec![
            ("string for int", json!("12")),
            ("float for int", json!(1.5)),
            ("whole float for int", json!(1000.0)),
            ("bool for int", json!(true)),
            ("array for int", json!([1])),
            ("object for int", json!({})),
            ("i32::MAX + 1", json!(2_147_483_648_i64)),
            ("i32::MIN - 1", json!(-2_147_483_649_i64)),
            ("beyond i64", json!(9_223_372_036_854_775_808_u64)),
            ("beyond u64", json!(1.8446744073709552e19)),
            ("negative", json!(-1)),
            ("i32::MIN", json!(i32::MIN)),
            ("100 KB string", json!(huge())),
        ],
        Kind::Bool => vec![
            ("string for bool", json!("true")),
            ("one for bool", json!(1)),
            ("zero for bool", json!(0)),
            ("array for bool", json!([true])),
            ("object for bool", json!({})),
            ("Dutch yes", json!("ja")),
        ],
        Kind::Uuid | Kind::Ref => {
            let mut v = vec![
                ("number for uuid", json!(42)),
                ("bool for uuid", json!(true)),
                ("array for uuid", json!([UNKNOWN])),
                ("object for uuid", json!({"id": UNKNOWN})),
                ("not a uuid", json!("not-a-uuid")),
                ("digits", json!("123")),
                ("empty", json!("")),
                ("bad hex", json!("0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8g")),
                (
                    "one digit too many",
                    json!("0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b0"),
                ),
                (
                    "null byte",
                    json!("0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8\u{0}"),
                ),
                ("10 KB", json!("a".repeat(10_000))),
            ];
            if kind == Kind::Ref {
                v.push(("unknown record", json!(UNKNOWN)));
            }
            v
        }
        Kind::Enums => vec![
            ("string for list", json!("organisatie:read")),
            ("number for list", json!(42)),
            ("object for list", json!({})),
            ("number in list", json!([42])),
            ("unknown value in list", json!(["bestaat:niet"])),
            ("null in list", json!([null])),
            ("nested list", json!([[]])),
            ("empty list", json!([])),
        ],
        Kind::Refs => vec![
            ("string for list", json!(UNKNOWN)),
            ("number for list", json!(42)),
            ("object for list", json!({})),
            ("number in list", json!([42])),
            ("not a uuid in list", json!(["not-a-uuid"])),
            ("null in list", json!([null])),
            ("unknown record in list", json!([UNKNOWN])),
            ("101 entries", json!(vec![UNKNOWN; 101])),
        ],
    };
    if required {
        v.push(("null for required", Value::Null));
    }
    v
}

/// A write endpoint: its collection, the fields of its body, a valid body for `POST` and, for the
/// organisation resources, an existing record (with a valid body for it) for `PUT` and `PATCH`.
struct Resource {
    name: &'static str,
    path: &'static str,
    token: Option<String>,
    fields: Vec<Field>,
    create: Value,
    item: Option<(String, Value)>,
}

impl Resource {
    fn item_path(&self) -> Option<String> {
        self.item
            .as_ref()
            .map(|(id, _)| format!("{}/{id}", self.path))
    }
}

struct Fixture {
    beheerder: String,
    resources: Vec<Resource>,
}

/// One record of every kind, with tokens and the table of fields.
async fn fixture(app: &TestApp) -> Fixture {
    use Kind::*;
    let platform = app.token("platformbeheerder").await;
    let beheerder = app.token("beheerder").await;
    let g = gemeente(app, "0392", "Haarlem").await;
    let b = schoolbestuur(app, &beheerder, "Stichting Spaarnesant", "41590").await;
    let w = app
        .post("/api/v1/werkgebieden", &beheerder, json!({"naam": "Noord"}))
        .await;
    w.assert(201);
    let w = w.body["id"].as_str().unwrap().to_string();
    let school = json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g, "werkgebiedId": w, "leerlingaantal": 312});
    let s = app
        .post("/api/v1/scholen", &beheerder, school.clone())
        .await;
    s.assert(201);
    let s = s.body["id"].as_str().unwrap().to_string();
    let client = json!({"naam": "Koppeling", "scopes": ["organisatie:read"], "gemeenteIds": [g]});
    let c = app
        .post("/api/v1/clients", &beheerder, client.clone())
        .await;
    c.assert(201);
    let c = c.body["id"].as_str().unwrap().to_string();
    let lezer = app.swv.gebruiker_ids[3].to_string();

    let pt = Some(platform.clone());
    let bt = Some(beheerder.clone());
    let resources = vec![
        Resource {
            name: "samenwerkingsverbanden",
            path: "/api/v1/samenwerkingsverbanden",
            token: pt.clone(),
            fields: vec![
                f("naam", Text, true),
                f("code", Text, true),
                f("sector", Enum, true),
            ],
            create: json!({"naam": "SWV Nieuw", "code": "VO2801", "sector": "vo"}),
            item: Some((
                app.swv.id.to_string(),
                json!({"naam": "SWV Test Zuid", "code": "PO2703", "sector": "po"}),
            )),
        },
        Resource {
            name: "gemeenten",
            path: "/api/v1/gemeenten",
            token: pt.clone(),
            fields: vec![f("cbsCode", Text, true), f("naam", Text, true)],
            create: json!({"cbsCode": "0363", "naam": "Amsterdam"}),
            item: Some((g.clone(), json!({"cbsCode": "0392", "naam": "Haarlem"}))),
        },
        Resource {
            name: "schoolbesturen",
            path: "/api/v1/schoolbesturen",
            token: bt.clone(),
            fields: vec![f("naam", Text, true), f("bevoegdGezagNummer", Text, true)],
            create: json!({"naam": "Stichting Nieuw", "bevoegdGezagNummer": "12345"}),
            item: Some((
                b.clone(),
                json!({"naam": "Stichting Spaarnesant", "bevoegdGezagNummer": "41590"}),
            )),
        },
        Resource {
            name: "werkgebieden",
            path: "/api/v1/werkgebieden",
            token: bt.clone(),
            fields: vec![f("naam", Text, true)],
            create: json!({"naam": "Zuid"}),
            item: Some((w.clone(), json!({"naam": "Noord"}))),
        },
        Resource {
            name: "scholen",
            path: "/api/v1/scholen",
            token: bt.clone(),
            fields: vec![
                f("naam", Text, true),
                f("brin", Text, true),
                f("soort", Enum, true),
                f("schoolbestuurId", Ref, true),
                f("gemeenteId", Ref, true),
                f("werkgebiedId", Ref, false),
                f("leerlingaantal", Int, false),
            ],
            create: json!({"naam": "De Regenboog", "brin": "13CD00", "soort": "sbo", "schoolbestuurId": b, "gemeenteId": g, "werkgebiedId": null, "leerlingaantal": 80}),
            item: Some((s.clone(), school)),
        },
        Resource {
            name: "gebruikers",
            path: "/api/v1/gebruikers",
            token: bt.clone(),
            fields: vec![
                f("email", Text, true),
                f("naam", Text, true),
                f("rol", Enum, true),
                f("actief", Bool, false),
                f("samenwerkingsverbandId", Uuid, false),
                f("wachtwoord", Text, false),
            ],
            create: json!({"email": "nieuw@zuid.example", "naam": "Nieuwe Collega", "rol": "lezer", "actief": true, "wachtwoord": "een-lang-geheim-wachtwoord"}),
            item: Some((
                lezer,
                json!({"email": app.swv.lezer, "naam": "Test lezer", "rol": "lezer", "actief": true}),
            )),
        },
        Resource {
            name: "clients",
            path: "/api/v1/clients",
            token: bt.clone(),
            fields: vec![
                f("naam", Text, true),
                f("scopes", Enums, true),
                f("gemeenteIds", Refs, false),
                f("samenwerkingsverbandId", Uuid, false),
                f("actief", Bool, false),
            ],
            create: json!({"naam": "Nieuwe koppeling", "scopes": ["planning:read"], "gemeenteIds": [], "actief": true}),
            item: Some((c, client)),
        },
        Resource {
            name: "auth/login",
            path: "/api/v1/auth/login",
            token: None,
            fields: vec![f("email", Text, true), f("password", Text, true)],
            create: json!({"email": app.swv.beheerder, "password": crate::common::PASSWORD}),
            item: None,
        },
        Resource {
            name: "auth/refresh",
            path: "/api/v1/auth/refresh",
            token: None,
            fields: vec![f("refreshToken", Text, true)],
            create: json!({"refreshToken": "q1Jx1hZ2m0Yc8g3b4xR2nW7eXl9sVfTt0aQpKdLuE5o"}),
            item: None,
        },
        Resource {
            name: "auth/logout",
            path: "/api/v1/auth/logout",
            token: None,
            fields: vec![f("refreshToken", Text, true)],
            create: json!({"refreshToken": "q1Jx1hZ2m0Yc8g3b4xR2nW7eXl9sVfTt0aQpKdLuE5o"}),
            item: None,
        },
    ];
    Fixture {
        beheerder,
        resources,
    }
}

/// What a client can observe of every resource: list totals and the records written to.
async fn snapshot(app: &TestApp, fx: &Fixture) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for r in fx.resources.iter().filter(|r| r.item.is_some()) {
        let t = r.token.as_deref().unwrap();
        let list = app.get(r.path, t).await;
        list.assert(200);
        out.push((format!("{} total", r.name), list.body["total"].clone()));
        let item = app.get(&r.item_path().unwrap(), t).await;
        item.assert(200);
        out.push((format!("{} item", r.name), item.body));
    }
    out
}

fn with(base: &Value, field: &str, value: Value) -> Value {
    let mut m = base.as_object().cloned().unwrap_or_default();
    m.insert(field.to_string(), value);
    Value::Object(m)
}

/// The write endpoints of a resource: (method, path, valid body, content type).
fn writes(r: &Resource) -> Vec<(Method, String, Value, &'static str)> {
    let mut w = vec![(
        Method::POST,
        r.path.to_string(),
        r.create.clone(),
        "application/json",
    )];
    if let Some((_, body)) = &r.item {
        let p = r.item_path().unwrap();
        w.push((Method::PUT, p.clone(), body.clone(), "application/json"));
        w.push((
            Method::PATCH,
            p,
            body.clone(),
            "application/merge-patch+json",
        ));
    }
    w
}

/// Bodies that are not a usable JSON object, for any endpoint.
fn malformed_bodies(valid: &Value) -> Vec<(&'static str, Vec<u8>)> {
    let text = valid.to_string();
    let first = valid
        .as_object()
        .and_then(|m| m.keys().next().cloned())
        .unwrap_or_default();
    vec![
        ("empty body", b"".to_vec()),
        ("whitespace body", b"  \r\n\t ".to_vec()),
        ("null", b"null".to_vec()),
        ("empty array", b"[]".to_vec()),
        ("array of the body", format!("[{text}]").into_bytes()),
        ("string", b"\"text\"".to_vec()),
        ("number", b"42".to_vec()),
        ("boolean", b"true".to_vec()),
        ("truncated", text.as_bytes()[..text.len() / 2].to_vec()),
        ("single quotes", b"{'naam': 'x'}".to_vec()),
        (
            "trailing comma",
            format!("{},}}", &text[..text.len() - 1]).into_bytes(),
        ),
        ("comment", format!("/* c */{text}").into_bytes()),
        ("trailing garbage", format!("{text} xyz").into_bytes()),
        ("two documents", format!("{text}{text}").into_bytes()),
        (
            "byte order mark",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        ),
        (
            "invalid UTF-8",
            [format!("{{\"{first}\": \"").as_bytes(), b"\xff\xfe\"}"].concat(),
        ),
        (
            "raw null byte",
            format!("{{\"{first}\": \"a\u{0}b\"}}").into_bytes(),
        ),
        ("NaN", format!("{{\"{first}\": NaN}}").into_bytes()),
        (
            "number out of range",
            format!("{{\"{first}\": 1e400}}").into_bytes(),
        ),
        ("deeply nested", "[".repeat(100_000).into_bytes()),
        (
            "deeply nested value",
            format!(
                "{{\"{first}\": {}{}}}",
                "[".repeat(5_000),
                "]".repeat(5_000)
            )
            .into_bytes(),
        ),
    ]
}

/// Every body case for the write endpoints of one resource.
fn body_cases(r: &Resource) -> Vec<Case> {
    let token = r.token.as_deref();
    let mut cases = Vec::new();
    for (method, path, valid, ct) in writes(r) {
        let case = |label: String| Case::new(label, method.clone(), &path, token);
        // Wrong values, field by field.
        for field in &r.fields {
            for (label, value) in bad_values(field.kind, field.required) {
                let body = with(&valid, field.name, value).to_string();
                cases.push(
                    case(format!("{}: {label}", field.name))
                        .body(body, Some(ct))
                        .naming(field.name),
                );
            }
            // A merge patch without a field leaves it as it is: only POST and PUT miss it.
            if field.required && method != Method::PATCH {
                let mut m = valid.as_object().cloned().unwrap();
                m.remove(field.name);
                let body = Value::Object(m).to_string();
                cases.push(
                    case(format!("{}: missing", field.name))
                        .body(body, Some(ct))
                        .naming(field.name),
                );
            }
        }
        // Unknown fields are refused, so a typo never drops data.
        let typo = format!("{}x", r.fields[0].name);
        for name in ["onbekendVeld", typo.as_str()] {
            let body = with(&valid, name, json!("waarde")).to_string();
            cases.push(
                case(format!("unknown field {name}"))
                    .body(body, Some(ct))
                    .naming(name),
            );
        }
        // A key given twice: one of its values would be lost.
        let first = r.fields[0].name;
        let text = valid.to_string();
        let body = format!(
            "{{\"{first}\": {},{}",
            valid[first],
            text.trim_start_matches('{')
        );
        cases.push(
            case("duplicate key".into())
                .body(body, Some(ct))
                .naming(first),
        );
        // Not a JSON object at all.
        for (label, bytes) in malformed_bodies(&valid) {
            cases.push(case(label.into()).body(bytes, Some(ct)));
        }
        // An empty JSON object misses every required field (a merge patch `{}` changes nothing).
        if method != Method::PATCH {
            cases.push(
                case("empty object".into())
                    .body("{}", Some(ct))
                    .naming(first),
            );
        }
    }
    cases
}

/// The body battery for the resources named; afterwards nothing has changed.
async fn body_battery(app: TestApp, names: &[&str]) {
    let fx = fixture(&app).await;
    let before = snapshot(&app, &fx).await;
    let cases = fx
        .resources
        .iter()
        .filter(|r| names.contains(&r.name))
        .flat_map(body_cases)
        .collect();
    run(&app, &format!("bodies of {names:?}"), cases).await;
    assert_eq!(
        snapshot(&app, &fx).await,
        before,
        "a refused request changed data"
    );
}

async fn bodies_samenwerkingsverbanden_and_gemeenten(app: TestApp) {
    body_battery(app, &["samenwerkingsverbanden", "gemeenten"]).await;
}

async fn bodies_schoolbesturen_and_werkgebieden(app: TestApp) {
    body_battery(app, &["schoolbesturen", "werkgebieden"]).await;
}

async fn bodies_scholen(app: TestApp) {
    body_battery(app, &["scholen"]).await;
}

async fn bodies_gebruikers(app: TestApp) {
    body_battery(app, &["gebruikers"]).await;
}

async fn bodies_clients(app: TestApp) {
    body_battery(app, &["clients"]).await;
}

/// Login, refresh and logout refuse malformed bodies, and none of it uses or revokes a real
/// session or counts as a failed sign-in.
async fn bodies_auth(app: TestApp) {
    let login = app
        .request(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"email": app.swv.consulent, "password": crate::common::PASSWORD})),
            &[],
        )
        .await;
    login.assert(200);
    let refresh = login.body["refreshToken"].as_str().unwrap().to_string();
    let fx = fixture(&app).await;
    let names = ["auth/login", "auth/refresh", "auth/logout"];
    let mut cases: Vec<Case> = fx
        .resources
        .iter()
        .filter(|r| names.contains(&r.name))
        .flat_map(body_cases)
        .collect();
    // The real refresh token inside otherwise malformed bodies.
    for path in ["/api/v1/auth/refresh", "/api/v1/auth/logout"] {
        let valid = json!({"refreshToken": refresh});
        cases.push(
            Case::new("real token, unknown field", Method::POST, path, None).body(
                with(&valid, "extra", json!(1)).to_string(),
                Some("application/json"),
            ),
        );
        cases.push(
            Case::new("real token, text/plain", Method::POST, path, None)
                .body(valid.to_string(), Some("text/plain"))
                .expect(415),
        );
        cases.push(
            Case::new("real token, duplicate key", Method::POST, path, None).body(
                format!("{{\"refreshToken\": \"x\", \"refreshToken\": \"{refresh}\"}}"),
                Some("application/json"),
            ),
        );
    }
    run(&app, &format!("bodies of {names:?}"), cases).await;
    // The real refresh token was neither used nor revoked by the refused requests.
    let r = app
        .request(
            Method::POST,
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refreshToken": refresh})),
            &[],
        )
        .await;
    r.assert(200);
    // Refused logins did not count as failed attempts: signing in still works.
    app.login(&app.swv.beheerder).await;
}

/// Wrong media types (`415`) and bodies over 1 MiB (`413`) on every write endpoint; a body just
/// under the limit is read and judged on its content (`400`, not `413`).
async fn media_types_and_sizes(app: TestApp) {
    let fx = fixture(&app).await;
    let before = snapshot(&app, &fx).await;
    let mut cases = Vec::new();
    const LIMIT: usize = 1024 * 1024;
    for r in &fx.resources {
        let token = r.token.as_deref();
        for (method, path, valid, ct) in writes(r) {
            let text = valid.to_string();
            let wrong: &[Option<&str>] = if method == Method::PATCH {
                &[
                    Some("application/json"),
                    Some("application/json-patch+json"),
                    Some("text/plain"),
                    Some("application/xml"),
                    None,
                ]
            } else {
                &[
                    Some("text/plain"),
                    Some("application/xml"),
                    Some("text/xml"),
                    Some("application/x-www-form-urlencoded"),
                    Some("multipart/form-data; boundary=x"),
                    Some("application/merge-patch+json"),
                    Some("json"),
                    Some(""),
                    None,
                ]
            };
            for w in wrong {
                cases.push(
                    Case::new(format!("content-type {w:?}"), method.clone(), &path, token)
                        .body(text.clone(), *w)
                        .expect(415),
                );
            }
            let field = r.fields[0].name;
            let pad = |size: usize| {
                let frame = format!("{{\"{field}\": \"\"}}").len();
                format!("{{\"{field}\": \"{}\"}}", "x".repeat(size - frame))
            };
            cases.push(
                Case::new("1 MiB + 1", method.clone(), &path, token)
                    .body(pad(LIMIT + 1), Some(ct))
                    .expect(413),
            );
            cases.push(
                Case::new("4 MiB", method.clone(), &path, token)
                    .body(pad(4 * LIMIT), Some(ct))
                    .expect(413),
            );
            // Exactly 1 MiB is allowed in; it is refused for its content only.
            cases.push(
                Case::new("exactly 1 MiB", method.clone(), &path, token)
                    .body(pad(LIMIT), Some(ct))
                    .expect(400),
            );
        }
    }
    run(&app, "media types and sizes", cases).await;
    assert_eq!(
        snapshot(&app, &fx).await,
        before,
        "a refused request changed data"
    );
}

/// Invalid ids in paths (`400`) and unknown ones (`404`), for every item operation.
async fn invalid_ids_in_paths(app: TestApp) {
    let fx = fixture(&app).await;
    let before = snapshot(&app, &fx).await;
    let long = "a".repeat(10_000);
    let bad: Vec<(&str, &str)> = vec![
        ("word", "not-a-uuid"),
        ("digits", "123"),
        ("zero", "0"),
        ("negative", "-1"),
        ("10 000 characters", &long),
        ("encoded null byte", "%00"),
        ("encoded RTL override", "%E2%80%AE"),
        ("encoded newline", "%0A"),
        ("bad hex digit", "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8g"),
        (
            "one digit too many",
            "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b0",
        ),
        ("quote", "%27%20OR%201=1--"),
        ("percent sign", "%25"),
    ];
    let mut cases = Vec::new();
    for r in fx.resources.iter().filter(|r| r.item.is_some()) {
        let token = r.token.as_deref();
        let valid = &r.item.as_ref().unwrap().1;
        let ops = |id: &str| {
            let p = format!("{}/{id}", r.path);
            vec![
                Case::new("GET", Method::GET, &p, token),
                Case::new("PUT", Method::PUT, &p, token)
                    .body(valid.to_string(), Some("application/json")),
                Case::new("PATCH", Method::PATCH, &p, token)
                    .body("{}", Some("application/merge-patch+json")),
                Case::new("DELETE", Method::DELETE, &p, token),
            ]
        };
        for (label, id) in &bad {
            for c in ops(id) {
                cases.push(
                    Case {
                        label: format!("{} {label}", c.label),
                        ..c
                    }
                    .expect(400),
                );
            }
        }
        for c in ops(UNKNOWN) {
            cases.push(
                Case {
                    label: format!("{} unknown id", c.label),
                    ..c
                }
                .expect(404),
            );
        }
        // Paths that do not exist under the collection.
        cases.push(
            Case::new("trailing slash", Method::GET, format!("{}/", r.path), token).expect(404),
        );
        cases.push(
            Case::new(
                "sub-resource",
                Method::GET,
                format!("{}/{UNKNOWN}/bestaat-niet", r.path),
                token,
            )
            .expect(404),
        );
    }
    let clients = "/api/v1/clients";
    let bt = Some(fx.beheerder.as_str());
    cases.push(
        Case::new(
            "rotate secret, bad id",
            Method::POST,
            format!("{clients}/not-a-uuid/secret"),
            bt,
        )
        .expect(400),
    );
    cases.push(
        Case::new(
            "rotate secret, unknown id",
            Method::POST,
            format!("{clients}/{UNKNOWN}/secret"),
            bt,
        )
        .expect(404),
    );
    run(&app, "ids in paths", cases).await;
    assert_eq!(
        snapshot(&app, &fx).await,
        before,
        "a refused request changed data"
    );
}

/// Bad paging, sorting, filters, encodings and `Accept` on every list.
async fn invalid_list_queries(app: TestApp) {
    let fx = fixture(&app).await;
    let common_bad: &[(&str, &str)] = &[
        ("page=-1", "page"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=999999999999", "page"),
        ("page=99999999999999999999999", "page"),
        ("page=1.5", "page"),
        ("page=", "page"),
        ("page=%zz", "query"),
        ("page=%", "query"),
        ("page=%FF", "query"),
        ("page=1&page=2", "page"),
        ("pageSize=0", "pageSize"),
        ("pageSize=201", "pageSize"),
        ("pageSize=-5", "pageSize"),
        ("pageSize=abc", "pageSize"),
        ("pageSize=1e2", "pageSize"),
        ("sort=bestaatNiet", "sort"),
        ("sort=-", "sort"),
        ("sort=%ff", "query"),
        ("sort=naam%00", "sort"),
        ("q=%00", "q"),
        ("q=a%1Bb", "q"),
        ("bestaatNiet=1", "bestaatNiet"),
        ("%zz=1", "query"),
        ("q=%ff%fe", "query"),
        ("q=%C3", "query"),
        ("q=%e2%82", "query"),
        ("q=100%", "query"),
        ("q=%+f", "query"),
    ];
    let mut cases = Vec::new();
    let long_q = format!("q={}", "z".repeat(201));
    for r in fx.resources.iter().filter(|r| r.item.is_some()) {
        let token = r.token.as_deref();
        let mut bad: Vec<(&str, &str)> = common_bad.to_vec();
        bad.push((&long_q, "q"));
        match r.name {
            "scholen" => bad.extend([
                ("soort=onbekend", "soort"),
                ("soort=BAO", "soort"),
                ("schoolbestuurId=not-a-uuid", "schoolbestuurId"),
                ("gemeenteId=123", "gemeenteId"),
                ("werkgebiedId=%00", "werkgebiedId"),
            ]),
            "clients" => bad.extend([
                ("actief=ja", "actief"),
                ("samenwerkingsverbandId=x", "samenwerkingsverbandId"),
            ]),
            "gemeenten" => bad.push(("cbsCode=%00", "cbsCode")),
            "schoolbesturen" => bad.push(("bevoegdGezagNummer=%07", "bevoegdGezagNummer")),
            _ => {}
        }
        for (query, field) in bad {
            cases.push(
                Case::new(query, Method::GET, format!("{}?{query}", r.path), token).naming(field),
            );
        }
        for accept in [
            "application/xml",
            "text/html",
            "image/png",
            "application/json;q=0, application/xml",
            "nonsense",
        ] {
            cases.push(
                Case::new(format!("Accept {accept}"), Method::GET, r.path, token)
                    .header("accept", accept)
                    .expect(406),
            );
        }
    }
    run(&app, "list queries", cases).await;
    // The same lists answer with valid parameters (so the refusals were about the parameters).
    for r in fx.resources.iter().filter(|r| r.item.is_some()) {
        let t = r.token.as_deref().unwrap();
        let ok = app
            .get(
                &format!("{}?page=1000000&pageSize=200&sort=-createdAt", r.path),
                t,
            )
            .await;
        ok.assert(200);
        assert_eq!(
            ok.body["items"],
            json!([]),
            "{}: a page past the end is empty",
            r.name
        );
        assert!(ok.body["total"].as_i64().unwrap() >= 1, "{}", r.name);
    }
}

/// Valid Unicode (emoji, right-to-left scripts, combining marks) and tabs are accepted and
/// stored exactly; the length limit counts characters, not bytes. A name is one line, and loses
/// its zero-width characters (which also undoes the joiners of an emoji sequence).
async fn valid_unicode_is_accepted(app: TestApp) {
    let t = app.token("beheerder").await;
    let names = [
        "Zuid 🚀✨".to_string(),
        "مدرسة النور".to_string(),
        "בית הספר".to_string(),
        "\u{200f}Richting\u{200e} gemengd".to_string(),
        "Ærøskøbing – “Zuid” ‘ß’ ĳ".to_string(),
        "e\u{301}e\u{301}n (combinerend)".to_string(),
        "kolom\tA".to_string(),
        "😀".repeat(200),
        "中".repeat(200),
    ];
    for naam in &names {
        let r = app
            .post("/api/v1/werkgebieden", &t, json!({"naam": naam}))
            .await;
        r.assert(201);
        assert_eq!(r.body["naam"].as_str(), Some(naam.as_str()));
        let id = r.body["id"].as_str().unwrap();
        let got = app.get(&format!("/api/v1/werkgebieden/{id}"), &t).await;
        got.assert(200);
        assert_eq!(
            got.body["naam"].as_str(),
            Some(naam.as_str()),
            "stored exactly"
        );
    }
    let r = app
        .post(
            "/api/v1/werkgebieden",
            &t,
            json!({"naam": "👩\u{200d}👧 gezinnen"}),
        )
        .await;
    r.assert(201);
    assert_eq!(r.body["naam"], "👩👧 gezinnen");
    // One character over the limit is refused, however few bytes... or many; so is a line end.
    for naam in [
        "😀".repeat(201),
        "a".repeat(201),
        "regel 1\r\nregel 2".into(),
    ] {
        let r = app
            .post("/api/v1/werkgebieden", &t, json!({"naam": naam}))
            .await;
        r.assert(400);
        assert_eq!(r.invalid(), vec!["naam"]);
    }
    let list = app.get("/api/v1/werkgebieden?pageSize=200", &t).await;
    list.assert(200);
    assert_eq!(list.body["total"], json!(names.len() + 1));
    // A search with emoji finds it; one with RTL text too.
    let r = app.get("/api/v1/werkgebieden?q=%F0%9F%9A%80", &t).await;
    r.assert(200);
    assert_eq!(r.body["total"], json!(1));
    let r = app
        .get(
            &format!(
                "/api/v1/werkgebieden?q={}",
                "%D8%A7%D9%84%D9%86%D9%88%D8%B1"
            ),
            &t,
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["total"], json!(1));

    // Unicode in the other text fields as well, and through PATCH.
    let g = gemeente(&app, "0392", "Súdwest-Fryslân").await;
    let b = schoolbestuur(&app, &t, "Stichting Ökumenisch 🏫", "41590").await;
    let s = app
        .post(
            "/api/v1/scholen",
            &t,
            json!({"naam": "מדרסה 🌈", "brin": "12AB00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g}),
        )
        .await;
    s.assert(201);
    let id = s.body["id"].as_str().unwrap();
    let p = app
        .patch(
            &format!("/api/v1/scholen/{id}"),
            &t,
            json!({"naam": "Ǆemal’s school ☀️"}),
        )
        .await;
    p.assert(200);
    assert_eq!(p.body["naam"], "Ǆemal’s school ☀️");
    let mut m = Map::new();
    m.insert("naam".into(), json!("Collega Ünal 😊"));
    m.insert("email".into(), json!("unal@zuid.example"));
    m.insert("rol".into(), json!("lezer"));
    m.insert("wachtwoord".into(), json!("wachtwoord-met-emoji-🔑🔑"));
    let u = app.post("/api/v1/gebruikers", &t, Value::Object(m)).await;
    u.assert(201);
    assert_eq!(u.body["naam"], "Collega Ünal 😊");
}

/// `/auth/token` (form-encoded, RFC 6749) never fails with a 5xx on garbage either, and answers in
/// its own error format.
async fn client_token_garbage(app: TestApp) {
    let forms: &[&str] = &[
        "",
        "grant_type=client_credentials&client_id=%00&client_secret=x",
        "grant_type=client_credentials&client_id=a%00b&client_secret=%00",
        "grant_type=%00",
        "grant_type=client_credentials&client_id=x&client_secret=y&scope=%00",
        "grant_type=client_credentials&client_id=%zz&client_secret=%",
        "grant_type=client_credentials&client_id=%FF%FE&client_secret=y",
        "&&&==&",
        "grant_type=password&username=a&password=b",
    ];
    let long = format!(
        "grant_type=client_credentials&client_id={}&client_secret=y",
        "k".repeat(100_000)
    );
    let mut failures = Vec::new();
    let mut n = 0;
    for form in forms.iter().copied().chain([long.as_str()]) {
        for ct in [
            Some("application/x-www-form-urlencoded"),
            Some("application/json"),
            None,
        ] {
            n += 1;
            let case = Case::new("token", Method::POST, "/api/v1/auth/token", None).body(form, ct);
            let r = send(&app, &case).await;
            let text = String::from_utf8_lossy(&r.raw).to_lowercase();
            let leak = LEAKS_ANY_CASE.iter().find(|l| text.contains(*l));
            if !r.status.is_client_error()
                || leak.is_some()
                || r.body["error"].as_str().is_none() && r.body["type"].as_str().is_none()
            {
                failures.push(format!(
                    "{form:.80} ({ct:?}): {} {}",
                    r.status,
                    text.chars().take(200).collect::<String>()
                ));
            }
        }
    }
    println!("auth/token: {n} cases ({:?})", app.backend);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

both_backends!(
    bodies_samenwerkingsverbanden_and_gemeenten,
    bodies_schoolbesturen_and_werkgebieden,
    bodies_scholen,
    bodies_gebruikers,
    bodies_clients,
    bodies_auth,
    media_types_and_sizes,
    invalid_ids_in_paths,
    invalid_list_queries,
    valid_unicode_is_accepted,
    client_token_garbage,
);
