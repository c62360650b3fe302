//! Walks every operation of the OpenAPI document with every kind of caller and compares the
//! answer with the role table of the API contract. An operation that is added without a
//! permission check, or an area this table does not know, fails here.

use std::collections::HashMap;

use crate::common::{gemeente, schoolbestuur, served_gemeente, TestApp};
use actix_web::http::Method;
use serde_json::{json, Value};

#[derive(Clone, Copy, PartialEq, Debug)]
enum Who {
    Anonymous,
    Expired,
    Platform,
    Beheerder,
    Consulent,
    Medewerker,
    Lezer,
    ClientOrgRead,
    ClientOrgWrite,
    ClientJop,
    ClientPlanRead,
    ClientPlanWrite,
    ClientBijRead,
    ClientBijWrite,
    /// A gemeente's system: reads organisation, planning and meetings, tied to one gemeente.
    ClientGemeente,
}

const EVERYONE: [Who; 15] = [
    Who::Anonymous,
    Who::Expired,
    Who::Platform,
    Who::Beheerder,
    Who::Consulent,
    Who::Medewerker,
    Who::Lezer,
    Who::ClientOrgRead,
    Who::ClientOrgWrite,
    Who::ClientJop,
    Who::ClientPlanRead,
    Who::ClientPlanWrite,
    Who::ClientBijRead,
    Who::ClientBijWrite,
    Who::ClientGemeente,
];

/// The role table of API.md, written out independently of the server's own table.
fn allowed(area: &str, write: bool, who: Who) -> bool {
    use Who::*;
    let user_of_swv = matches!(who, Beheerder | Consulent | Medewerker | Lezer);
    match (area, write) {
        ("samenwerkingsverbanden", false) => user_of_swv || who == Platform,
        ("samenwerkingsverbanden", true) => who == Platform,
        ("gemeenten", false) => !matches!(who, Anonymous | Expired),
        ("gemeenten", true) => who == Platform,
        ("schoolbesturen" | "werkgebieden" | "scholen", false) => {
            user_of_swv || matches!(who, ClientOrgRead | ClientOrgWrite | ClientGemeente)
        }
        ("schoolbesturen" | "werkgebieden" | "scholen", true) => {
            matches!(who, Beheerder | ClientOrgWrite)
        }
        ("gebruikers" | "clients", _) => matches!(who, Platform | Beheerder),
        // Planning: every user of the SWV reads; the plan's structure is changed by beheerders and
        // consulenten, the work under it also by medewerkers.
        (
            "ondersteuningsplannen"
            | "ambities"
            | "activiteitenplannen"
            | "portefeuilles"
            | "activiteiten"
            | "projecten",
            false,
        ) => user_of_swv || matches!(who, ClientPlanRead | ClientPlanWrite | ClientGemeente),
        ("ondersteuningsplannen" | "ambities" | "activiteitenplannen" | "portefeuilles", true) => {
            matches!(who, Beheerder | Consulent | ClientPlanWrite)
        }
        ("activiteiten" | "projecten", true) => {
            matches!(who, Beheerder | Consulent | Medewerker | ClientPlanWrite)
        }
        // Meetings and their figures: every user of the SWV reads; staff but lezers write.
        ("bijeenkomsten", false) => {
            user_of_swv || matches!(who, ClientBijRead | ClientBijWrite | ClientGemeente)
        }
        ("bijeenkomsten", true) => {
            matches!(who, Beheerder | Consulent | Medewerker | ClientBijWrite)
        }
        // Registrations are personal data: not for lezers.
        ("aanmeldingen", false) => {
            matches!(
                who,
                Beheerder
                    | Consulent
                    | Medewerker
                    | ClientBijRead
                    | ClientBijWrite
                    | ClientGemeente
            )
        }
        ("aanmeldingen", true) => {
            matches!(who, Beheerder | Consulent | Medewerker | ClientBijWrite)
        }
        // Pupil-level data: only the SWV's staff who work with pupils, never a lezer, the
        // platformbeheerder or a client; the audit trail only for the beheerder.
        (
            "leerlingen"
            | "arrangementen"
            | "mdos"
            | "toelaatbaarheidsverklaringen"
            | "thuiszitters",
            _,
        ) => matches!(who, Beheerder | Consulent | Medewerker),
        ("schoolcontacten" | "werkvoorraad", _) => {
            matches!(who, Beheerder | Consulent | Medewerker)
        }
        ("collegas", false) => user_of_swv || who == Platform,
        ("leerlingcijfers", false) => matches!(who, Beheerder | Consulent | Medewerker | Lezer),
        ("leerlingcijfers", true) => false,
        // A frozen count went to the Inspectie: only the beheerder undoes it.
        ("peildatum-ongedaan", _) => who == Beheerder,
        ("auditregels", false) => who == Beheerder,
        ("auditregels", true) => false,
        // The SWV's logo: its own beheerder, or the platformbeheerder.
        ("huisstijl", _) => matches!(who, Beheerder | Platform),
        // The outbox: what went to whom, for the beheerder only.
        ("mails", false) => who == Beheerder,
        ("mails", true) => false,
        ("budgetten", false) => user_of_swv,
        ("budgetten", true) => who == Beheerder,
        // Suppressed figures per gemeente: the SWV's users and the gemeenten's clients.
        ("monitor", false) => user_of_swv || who == ClientJop,
        ("monitor", true) => false,
        ("bestuursmonitor", false) => user_of_swv,
        ("bestuursmonitor", true) => false,
        // The KPIs: every user of the SWV reads, the beheerder sets them; no client.
        ("kengetallen", false) => user_of_swv,
        ("kengetallen", true) => who == Beheerder,
        (other, _) => panic!("the role table test does not know the area '{other}': add it"),
    }
}

fn expired_token() -> String {
    let now = chrono::Utc::now().timestamp();
    let claims = json!({"iss": "koers", "aud": "koers-api", "sub": uuid::Uuid::now_v7().to_string(), "swv": null,
        "rol": "beheerder", "iat": now - 3600, "exp": now - 1800, "jti": "x"});
    jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(b"test-secret-test-secret-test-secret-42"),
    )
    .unwrap()
}

pub(crate) async fn client_token(app: &TestApp, beheerder: &str, scopes: &[&str]) -> String {
    gemeente_client_token(app, beheerder, scopes, &[]).await
}

async fn gemeente_client_token(
    app: &TestApp,
    beheerder: &str,
    scopes: &[&str],
    gemeenten: &[&str],
) -> String {
    let r = app
        .post(
            "/api/v1/clients",
            beheerder,
            json!({"naam": format!("client {scopes:?}"), "scopes": scopes, "gemeenteIds": gemeenten}),
        )
        .await;
    r.assert(201);
    let (id, secret) = (
        r.body["clientId"].as_str().unwrap().to_string(),
        r.body["clientSecret"].as_str().unwrap().to_string(),
    );
    let form = format!("grant_type=client_credentials&client_id={id}&client_secret={secret}");
    let req = actix_web::test::TestRequest::post()
        .uri("/api/v1/auth/token")
        .insert_header(("content-type", "application/x-www-form-urlencoded"))
        .set_payload(form)
        .to_request();
    let r = app.send(req).await;
    r.assert(200);
    r.body["access_token"].as_str().unwrap().to_string()
}

/// One record of the main SWV per collection, to put in `{id}`.
pub(crate) async fn fixtures(app: &TestApp, beheerder: &str) -> HashMap<&'static str, String> {
    let g = gemeente(app, "0392", "Haarlem").await;
    let b = schoolbestuur(app, beheerder, "Stichting Test", "41590").await;
    let w = app
        .post("/api/v1/werkgebieden", beheerder, json!({"naam": "Noord"}))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_string();
    let s = app
        .post("/api/v1/scholen", beheerder, json!({"naam": "De Test", "brin": "12AB00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g, "werkgebiedId": w}))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_string();
    let u = app
        .post("/api/v1/gebruikers", beheerder, json!({"email": "extra@zuid.example", "naam": "Extra", "rol": "lezer", "wachtwoord": "een-lang-wachtwoord"}))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_string();
    let c = app
        .post(
            "/api/v1/clients",
            beheerder,
            json!({"naam": "Te wijzigen", "scopes": ["organisatie:read"]}),
        )
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_string();
    let id = |r: crate::common::Resp| {
        r.assert(201);
        r.body["id"].as_str().unwrap().to_string()
    };
    let op = id(app
        .post(
            "/api/v1/ondersteuningsplannen",
            beheerder,
            json!({"titel": "Plan", "vanJaar": 2022, "totJaar": 2026}),
        )
        .await);
    let am = id(app
        .post(
            "/api/v1/ambities",
            beheerder,
            json!({"ondersteuningsplanId": op, "nummer": 1, "titel": "Basis"}),
        )
        .await);
    let ap = id(app
        .post(
            "/api/v1/activiteitenplannen",
            beheerder,
            json!({"ondersteuningsplanId": op, "schooljaar": "2022-2023"}),
        )
        .await);
    let pf = id(app
        .post(
            "/api/v1/portefeuilles",
            beheerder,
            json!({"naam": "Gedrag"}),
        )
        .await);
    let pr = id(app
        .post("/api/v1/projecten", beheerder, json!({"naam": "HDT"}))
        .await);
    let vg = id(app
        .post(
            &format!("/api/v1/projecten/{pr}/voortgang"),
            beheerder,
            json!({"datum": "2025-01-15", "toelichting": "Loopt"}),
        )
        .await);
    let ac = id(app
        .post(
            "/api/v1/activiteiten",
            beheerder,
            json!({"activiteitenplanId": ap, "ambitieId": am, "omschrijving": "Netwerk"}),
        )
        .await);
    let bk = app
        .post(
            "/api/v1/bijeenkomsten",
            beheerder,
            json!({"titel": "IB-netwerk", "soort": "ib_netwerk", "start": "2030-02-07T13:00:00Z",
                   "eind": "2030-02-07T16:00:00Z", "publiek": true}),
        )
        .await;
    bk.assert(201);
    let public_id = bk.body["publicId"].as_str().unwrap().to_string();
    let bk = bk.body["id"].as_str().unwrap().to_string();
    let an = id(app
        .post(
            &format!("/api/v1/bijeenkomsten/{bk}/aanmeldingen"),
            beheerder,
            json!({"naam": "Anna", "email": "anna@school.example", "functie": "leerkracht"}),
        )
        .await);
    let ll = id(app
        .post(
            "/api/v1/leerlingen",
            beheerder,
            json!({"referentie": "LL-0001", "geboortemaand": "2016-04", "geslacht": "jongen", "woongemeenteId": g, "schoolId": s, "leerjaar": 4}),
        )
        .await);
    let arr = id(app
        .post(
            "/api/v1/arrangementen",
            beheerder,
            json!({"soort": "individueel", "leerlingId": ll, "categorie": "overig", "ondersteuningsniveau": 2,
                   "startdatum": "2026-09-01", "einddatum": "2027-01-31", "bedragCent": 150000, "status": "aangevraagd"}),
        )
        .await);
    let mdo = id(app
        .post(
            "/api/v1/mdos",
            beheerder,
            json!({"datum": "2026-10-06", "schoolId": s, "leerlingId": ll, "ondersteuningsniveau": 3,
                   "consulentAanwezig": true, "uitkomst": "advies"}),
        )
        .await);
    let tlv = id(app
        .post(
            "/api/v1/toelaatbaarheidsverklaringen",
            beheerder,
            json!({"leerlingId": ll, "schoolVanHerkomstId": s, "soort": "sbo", "aanvraag": "nieuw", "ontvangenOp": "2026-10-01"}),
        )
        .await);
    let advies = id(app
        .post(
            &format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}/adviezen"),
            beheerder,
            json!({"deskundige": "A. Jansen", "discipline": "orthopedagoog", "datum": "2026-10-08", "advies": "toelaatbaar"}),
        )
        .await);
    let opschorting = id(app
        .post(
            &format!("/api/v1/toelaatbaarheidsverklaringen/{tlv}/opschortingen"),
            beheerder,
            json!({"van": "2026-10-12", "reden": "aanvulling"}),
        )
        .await);
    let tz = id(app
        .post(
            "/api/v1/thuiszitters",
            beheerder,
            json!({"leerlingId": ll, "startdatum": "2026-09-01", "categorie": "dreigend", "scenario": "a"}),
        )
        .await);
    let tz_verloop = id(app
        .post(
            &format!("/api/v1/thuiszitters/{tz}/verloop"),
            beheerder,
            json!({"vanaf": "2026-10-01", "categorie": "absoluut_verzuim"}),
        )
        .await);
    let peildatum = id(app
        .post(
            "/api/v1/thuiszitters/peildata",
            beheerder,
            json!({"datum": "2026-09-15"}),
        )
        .await);
    let consulent = app
        .get("/api/v1/gebruikers?rol=consulent", beheerder)
        .await
        .body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let contact = id(app
        .post(
            "/api/v1/schoolcontacten",
            beheerder,
            json!({"schoolId": s, "datum": "2026-10-06", "soort": "startgesprek", "consulentId": consulent, "onderwerp": "Kennismaking"}),
        )
        .await);
    let bu = id(app
        .post(
            "/api/v1/budgetten",
            beheerder,
            json!({"werkgebiedId": w, "schooljaar": "2026-2027", "soort": "regulier", "bedragCent": 100000000, "datum": "2026-08-01"}),
        )
        .await);
    let kg = id(app
        .post(
            "/api/v1/kengetallen",
            beheerder,
            json!({"naam": "Zorgmiddelen per leerling", "eenheid": "euro", "richting": "minimaal", "streefwaarde": 37500, "bron": "handmatig"}),
        )
        .await);
    let kw = id(app
        .post(
            &format!("/api/v1/kengetallen/{kg}/waarden"),
            beheerder,
            json!({"schooljaar": "2026-2027", "waarde": 37500}),
        )
        .await);
    let ar = app.get("/api/v1/auditregels", beheerder).await.body["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    HashMap::from([
        ("leerlingen", ll),
        ("arrangementen", arr),
        ("mdos", mdo),
        ("toelaatbaarheidsverklaringen", tlv),
        ("tlv-advies", advies),
        ("tlv-opschorting", opschorting),
        ("thuiszitters", tz),
        ("thuiszitter-verloop", tz_verloop),
        ("peildata", peildatum),
        ("schoolcontacten", contact),
        // A collection of its own caller: no record to put in a path.
        ("werkvoorraad", String::new()),
        ("monitor", String::new()),
        ("mails", String::new()),
        ("budgetten", bu),
        ("kengetallen", kg),
        ("kengetal-waarden", kw),
        ("auditregels", ar),
        ("bijeenkomsten", bk),
        ("aanmeldingen", an),
        ("publiek", public_id),
        ("ondersteuningsplannen", op),
        ("ambities", am),
        ("activiteitenplannen", ap),
        ("portefeuilles", pf),
        ("projecten", pr),
        ("voortgang", vg),
        ("activiteiten", ac),
        ("samenwerkingsverbanden", app.swv.id.to_string()),
        ("gemeenten", g),
        ("schoolbesturen", b),
        ("werkgebieden", w),
        ("scholen", s),
        ("gebruikers", u),
        ("clients", c),
    ])
}

async fn every_operation_answers_by_the_role_table(app: TestApp) {
    let beheerder = app.token("beheerder").await;
    let ids = fixtures(&app, &beheerder).await;
    let mut tokens: HashMap<String, String> = HashMap::new();
    tokens.insert(format!("{:?}", Who::Expired), expired_token());
    tokens.insert(
        format!("{:?}", Who::Platform),
        app.token("platformbeheerder").await,
    );
    tokens.insert(format!("{:?}", Who::Beheerder), beheerder.clone());
    tokens.insert(
        format!("{:?}", Who::Consulent),
        app.token("consulent").await,
    );
    tokens.insert(
        format!("{:?}", Who::Medewerker),
        app.token("medewerker").await,
    );
    tokens.insert(format!("{:?}", Who::Lezer), app.token("lezer").await);
    tokens.insert(
        format!("{:?}", Who::ClientOrgRead),
        client_token(&app, &beheerder, &["organisatie:read"]).await,
    );
    tokens.insert(
        format!("{:?}", Who::ClientOrgWrite),
        client_token(&app, &beheerder, &["organisatie:write"]).await,
    );
    tokens.insert(
        format!("{:?}", Who::ClientPlanRead),
        client_token(&app, &beheerder, &["planning:read"]).await,
    );
    tokens.insert(
        format!("{:?}", Who::ClientPlanWrite),
        client_token(&app, &beheerder, &["planning:write"]).await,
    );
    tokens.insert(
        format!("{:?}", Who::ClientBijRead),
        client_token(&app, &beheerder, &["bijeenkomsten:read"]).await,
    );
    tokens.insert(
        format!("{:?}", Who::ClientBijWrite),
        client_token(&app, &beheerder, &["bijeenkomsten:write"]).await,
    );
    // Tied to a gemeente other than the fixtures' school's: that school and the registration
    // (which has no school) are out of its reach.
    let bloemendaal = served_gemeente(&app, "0377", "Bloemendaal").await;
    let reached: Vec<String> = app
        .get(
            &format!("/api/v1/scholen?gemeenteId={bloemendaal}"),
            &beheerder,
        )
        .await
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    tokens.insert(
        format!("{:?}", Who::ClientGemeente),
        gemeente_client_token(
            &app,
            &beheerder,
            &["organisatie:read", "planning:read", "bijeenkomsten:read"],
            &[&bloemendaal],
        )
        .await,
    );
    tokens.insert(
        format!("{:?}", Who::ClientJop),
        gemeente_client_token(&app, &beheerder, &["jop:read"], &[&bloemendaal]).await,
    );
    let other_beheerder = app.login(&app.other.beheerder).await;

    let doc: Value = serde_json::from_str(koers::openapi::document_json()).unwrap();
    let mut operations: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                operations.push((method.to_string(), path.clone()));
            }
        }
    }
    // Deletes last, so the records stay there for the other operations.
    operations.sort_by_key(|(m, _)| m == "delete");
    let mut checked = 0;
    for (method, path) in &operations {
        if path.starts_with("/auth/") {
            continue;
        }
        let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        if path.starts_with("/publiek/") {
            // Participants have no account: every caller is answered alike, never with 401/403.
            let uri = format!(
                "/api/v1{}",
                path.replace("{publicId}", &ids["publiek"])
                    .replace("{token}", "onbekend-token")
            );
            let body = (method == "post").then(|| json!({}));
            for who in EVERYONE {
                let token = tokens.get(&format!("{who:?}")).cloned();
                let r = app
                    .request(m.clone(), &uri, token.as_deref(), body.clone(), &[])
                    .await;
                let s = r.status.as_u16();
                assert!(
                    s != 401 && s != 403 && s < 500,
                    "{who:?} {method} {path}: public, got {s}: {}",
                    r.body
                );
                checked += 1;
            }
            continue;
        }
        let first = path.trim_start_matches('/').split('/').next().unwrap();
        // Registrations (and attendance) are a stricter area than the meetings they belong to.
        let area = if first == "bijeenkomsten"
            && (path.contains("/aanmeldingen")
                || path.contains("/aanwezigheid")
                || path.contains("/berichten")
                || path.contains("/incheckcode"))
        {
            "aanmeldingen"
        } else if path == "/thuiszitters/peildata/{id}" && method == "delete" {
            "peildatum-ongedaan"
        } else if path == "/scholen/{id}/kerncijfers" {
            // What was done with a school, counts of pupils included: like its contacts.
            "schoolcontacten"
        } else if path == "/samenwerkingsverbanden/{id}/logo" {
            "huisstijl"
        } else if path == "/monitor/schoolbestuur" {
            "bestuursmonitor"
        } else if method == "get"
            && (path.ends_with("/statistieken") && first != "bijeenkomsten"
                || path == "/thuiszitters/telling"
                || path == "/thuiszitters/vervolg"
                || path.starts_with("/thuiszitters/peildata"))
        {
            // Aggregated figures of the pupil-level areas: exact for staff, suppressed for lezers.
            "leerlingcijfers"
        } else if path == "/gebruikers" && method == "get" {
            // Colleagues by name: every user of an SWV (the accounts themselves for beheerders).
            "collegas"
        } else if path == "/arrangementen/budget" {
            // Amounts per werkgebied, naming no pupil: read like the budgets.
            "budgetten"
        } else {
            first
        };
        // The self check-in code records attendance: read with a write right.
        let write = method != "get" || path.ends_with("/incheckcode");
        let fixture = if path.starts_with("/thuiszitters/peildata/") {
            "peildata"
        } else {
            first
        };
        let concrete = match ids.get(fixture) {
            // Sub-resources (`/projecten/{id}/voortgang/{voortgangId}`) name their own fixture.
            Some(id) => path
                .replace("{id}", id)
                .replace("{voortgangId}", &ids["voortgang"])
                .replace("{aanmeldingId}", &ids["aanmeldingen"])
                .replace("{adviesId}", &ids["tlv-advies"])
                .replace("{opschortingId}", &ids["tlv-opschorting"])
                .replace("{entryId}", &ids["thuiszitter-verloop"])
                .replace("{waardeId}", &ids["kengetal-waarden"]),
            None => panic!("no fixture for {path}"),
        };
        let uri = format!("/api/v1{concrete}");
        let body = (method != "get" && method != "delete").then(|| json!({}));
        let ct: &[(&str, &str)] = if method == "patch" {
            &[("content-type", "application/merge-patch+json")]
        } else {
            &[]
        };
        for who in EVERYONE {
            let token = tokens.get(&format!("{who:?}")).cloned();
            let r = app
                .request(m.clone(), &uri, token.as_deref(), body.clone(), ct)
                .await;
            let s = r.status.as_u16();
            let expect_ok = allowed(area, write, who);
            match who {
                Who::Anonymous | Who::Expired => {
                    assert_eq!(s, 401, "{who:?} {method} {path}: {}", r.body)
                }
                Who::ClientGemeente if expect_ok && !write => {
                    let out_of_reach = path == "/scholen/{id}"
                        || path == "/bijeenkomsten/{id}/aanmeldingen/{aanmeldingId}";
                    if out_of_reach {
                        assert_eq!(s, 404, "{who:?} {method} {path}: {}", r.body);
                    } else {
                        assert!(
                            s != 401 && s != 403 && s != 404 && s < 500,
                            "{who:?} {method} {path} should be allowed, got {s}: {}",
                            r.body
                        );
                    }
                    assert_within_reach(&r.body, &bloemendaal, &reached, path);
                }
                _ if expect_ok => assert!(
                    s != 401 && s != 403 && s < 500,
                    "{who:?} {method} {path} should be allowed, got {s}: {}",
                    r.body
                ),
                _ => assert_eq!(
                    s, 403,
                    "{who:?} {method} {path} should be forbidden: {}",
                    r.body
                ),
            }
            checked += 1;
        }
        // A beheerder of another SWV never reaches this SWV's records. (A PUT with an empty body
        // is refused as invalid before any lookup; it says nothing about the record.)
        if concrete != *path && area != "gemeenten" && method != "put" {
            let r = app
                .request(m.clone(), &uri, Some(&other_beheerder), body.clone(), ct)
                .await;
            let s = r.status.as_u16();
            if allowed(area, write, Who::Beheerder) {
                assert_eq!(s, 404, "other SWV {method} {path}: {}", r.body);
            } else {
                assert_eq!(s, 403, "other SWV {method} {path}: {}", r.body);
            }
        }
    }
    assert!(
        checked > 300,
        "only {checked} checks: did the document lose operations?"
    );
}

/// Every record in an answer that names a gemeente or a school names one in reach; a
/// registration without a school is out of reach.
fn assert_within_reach(body: &Value, gemeente: &str, schools: &[String], path: &str) {
    match body {
        Value::Object(o) => {
            if let Some(Value::String(g)) = o.get("gemeenteId") {
                assert_eq!(g, gemeente, "{path} shows another gemeente: {body}");
            }
            match o.get("schoolId") {
                Some(Value::String(s)) => {
                    assert!(schools.contains(s), "{path} shows another school: {body}")
                }
                Some(Value::Null) if path.contains("aanmeldingen") => {
                    panic!("{path} shows a registration without a school: {body}")
                }
                _ => {}
            }
            o.values()
                .for_each(|v| assert_within_reach(v, gemeente, schools, path));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| assert_within_reach(v, gemeente, schools, path)),
        _ => {}
    }
}

both_backends!(every_operation_answers_by_the_role_table);
