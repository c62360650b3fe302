//! The OpenAPI 3.1 document: generated from the routes, completed here with what the shared
//! machinery adds to every operation (errors, headers, exports), so the document says what the
//! code does.

use std::sync::OnceLock;

use actix_web::{get, HttpResponse};
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{Object, Type};
use utoipa::openapi::security::{
    ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes, SecurityRequirement,
    SecurityScheme,
};
use utoipa::openapi::{
    ContactBuilder, InfoBuilder, LicenseBuilder, OpenApi, Ref, RefOr, ServerBuilder,
};
use utoipa::OpenApi as _;

use crate::auth::Scope;
use crate::error::Problem;
use crate::http::export::{CSV, XLSX};
use crate::http::API_VERSION;

pub const BASE: &str = "/api/v1";

#[derive(utoipa::OpenApi)]
#[openapi(
    components(schemas(Problem, crate::error::ProblemType, crate::error::InvalidParam)),
    tags(
        (name = "Authenticatie", description = "Aanmelden van gebruikers en tokens voor systemen van gemeenten en integrators."),
        (name = "Samenwerkingsverbanden", description = "De samenwerkingsverbanden van deze installatie (platformbeheer)."),
        (name = "Gemeenten", description = "Gemeenten, met hun CBS-code."),
        (name = "Schoolbesturen", description = "Schoolbesturen (bevoegd gezag) binnen het samenwerkingsverband."),
        (name = "Werkgebieden", description = "Deelregio's van het samenwerkingsverband."),
        (name = "Scholen", description = "Schoollocaties binnen het samenwerkingsverband."),
        (name = "Gebruikers", description = "Accounts van medewerkers van het samenwerkingsverband."),
        (name = "Clients", description = "Koppelingen voor systemen van gemeenten en integrators (OAuth2 client credentials)."),
        (name = "Ondersteuningsplannen", description = "Het meerjarige ondersteuningsplan van het samenwerkingsverband, met zijn ambities."),
        (name = "Ambities", description = "De genummerde ambities van een ondersteuningsplan, elk met een doelstelling."),
        (name = "Activiteitenplannen", description = "Het plan van één schooljaar, de kopie naar het volgende jaar en de verantwoording aan het einde ervan."),
        (name = "Activiteiten", description = "Geplande en extra activiteiten onder een ambitie, met hun evaluatie."),
        (name = "Portefeuilles", description = "Vaste thema's met eigenaren, een jaarplan en de ambities waaraan ze bijdragen."),
        (name = "Projecten", description = "Projecten met looptijd, financiering, partners, deelnemende scholen en voortgangsverslagen."),
        (name = "Bijeenkomsten", description = "Netwerken, trainingen en andere bijeenkomsten: aanmeldingen met wachtlijst, aanwezigheid, opkomst tegen de streef, jaarcijfers en bereik."),
        (name = "Leerlingen", description = "Leerlingen onder pseudoniem (zonder naam of BSN) en hun dossier; elke inzage, export en wijziging komt in het auditlog."),
        (name = "Arrangementen", description = "Extra ondersteuning op reguliere scholen uit het budget van een werkgebied: voor één leerling, een groep of een innovatie; elke inzage en wijziging komt in het auditlog."),
        (name = "MDO", description = "Multidisciplinaire overleggen op scholen, meestal over één leerling; elke inzage en wijziging komt in het auditlog."),
        (name = "TLV", description = "Toelaatbaarheidsverklaringen: de aanvraag met haar wettelijke beslistermijn (Awb, Algemene termijnenwet), de adviezen, opschortingen, het besluit, bezwaar en uitstroom; elke inzage en wijziging komt in het auditlog."),
        (name = "Thuiszitters", description = "Leerplichtige leerlingen die niet naar school gaan en dreigende thuiszitters: dossiers met hun verloop, de telling op elke dag, vastgestelde peildata, het vervolg van een cohort en de jaarcijfers; elke inzage en wijziging van een dossier komt in het auditlog."),
        (name = "Schoolcontacten", description = "De contacten van de consulenten met hun scholen (startgesprekken, meso-gesprekken, signalen) met hun vervolg, en per school hoe vaak die gezien is."),
        (name = "Werkvoorraad", description = "Wat op de consulent wacht, over alle onderdelen heen: vervolgen van schoolcontacten, TLV-aanvragen en thuiszitters van de eigen scholen, evaluaties en aanwezigheid; elke inzage komt in het auditlog."),
        (name = "Monitor", description = "Wat het samenwerkingsverband deelt: de JOP-monitor per gemeente voor gemeenten (scope `jop:read`) en voor de eigen gebruikers. Aantallen van 1 tot en met 4 worden onderdrukt, ook waar ze uit totalen af te leiden zouden zijn; herindelingen worden gevolgd."),
        (name = "Kengetallen", description = "De ken- en stuurgetallen van het samenwerkingsverband: streefwaarden, ingevoerde of door Koers berekende waarden per schooljaar, en het overzicht met signaal en trend voor het bestuur."),
        (name = "Audit", description = "Wie welke leerlinggegevens heeft ingezien, geëxporteerd of gewijzigd (alleen lezen, voor de beheerder)."),
        (name = "Mails", description = "Het postvak: welke mails naar wie zijn gestuurd, wachten of mislukten (alleen lezen, voor de beheerder)."),
        (name = "Publiek", description = "Zelf aanmelden door deelnemers (zonder account) voor gepubliceerde bijeenkomsten; aanmelden en afmelden zijn beperkt per adres."),
    )
)]
struct Base;

/// The static part of the document: info, servers, security schemes, tags.
pub fn base() -> OpenApi {
    let mut doc = Base::openapi();
    doc.info = InfoBuilder::new()
        .title("Koers API")
        .version(API_VERSION)
        .description(Some(
            "Planning, registratie en verantwoording voor samenwerkingsverbanden passend onderwijs. \
             Alle lijsten kennen `page`, `pageSize` (1-200) en `sort`, en zijn ook als CSV (`Accept: text/csv`) \
             of Excel (`Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`) op te vragen. \
             Fouten zijn RFC 9457 `application/problem+json`.",
        ))
        .contact(Some(
            ContactBuilder::new()
                .name(Some("Koers beheer"))
                .email(Some("api@koers.example"))
                .url(Some("https://koers.example/contact"))
                .build(),
        ))
        .license(Some(LicenseBuilder::new().name("EUPL-1.2").identifier(Some("EUPL-1.2")).build()))
        .build();
    doc.servers = Some(vec![ServerBuilder::new()
        .url(BASE)
        .description(Some("Deze installatie"))
        .build()]);
    doc
}

fn problem_response(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/problem+json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
        .into()
}

fn string_header(description: &str) -> utoipa::openapi::header::Header {
    HeaderBuilder::new()
        .schema(Object::with_type(Type::String))
        .description(Some(description))
        .build()
}

fn add(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.to_string())
        .or_insert_with(|| problem_response(description));
}

fn complete_operation(path: &str, method: &HttpMethod, op: &mut Operation) {
    let has_path_param = path.contains('{');
    let has_body = op.request_body.is_some();
    let has_query = op.parameters.as_ref().is_some_and(|ps| {
        ps.iter()
            .any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query))
    });
    let public = op
        .security
        .as_ref()
        .is_some_and(|s| s.iter().all(|r| *r == SecurityRequirement::default()));
    let is_oauth = path == "/auth/token";
    // Participants' self-registration: no records to version, nothing to If-Match.
    let participants = path.starts_with("/publiek/");
    // A list is what pages: its operation takes `pageSize`.
    let is_list = matches!(method, HttpMethod::Get)
        && !participants
        && op
            .parameters
            .as_ref()
            .is_some_and(|ps| ps.iter().any(|p| p.name == "pageSize"));
    if op.description.as_deref().is_none_or(str::is_empty) {
        op.description = Some(if participants {
            "Openbaar, zonder token: voor deelnemers zonder account. Toont nooit andere deelnemers; \
             aanmelden en afmelden zijn beperkt per adres (`429` met `Retry-After`)."
                .to_string()
        } else {
            shared_behaviour(method, is_list, has_path_param).to_string()
        });
    }

    if !is_oauth {
        if has_body
            || has_query
            || has_path_param
            || matches!(
                method,
                HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch
            )
        {
            add(
                op,
                "400",
                "Ongeldig verzoek; `invalidParams` noemt elk veld dat niet klopt",
            );
        }
        if !public {
            add(
                op,
                "401",
                "Niet aangemeld: geen, een ongeldig of een verlopen token",
            );
            add(
                op,
                "403",
                "De rol of scope van de aanroeper staat dit niet toe",
            );
        }
        if has_path_param {
            add(
                op,
                "404",
                "Bestaat niet (of hoort bij een ander samenwerkingsverband)",
            );
        }
        if is_list {
            add(
                op,
                "406",
                "Het gevraagde formaat (`Accept`) wordt niet geleverd",
            );
        }
        if matches!(
            method,
            HttpMethod::Post | HttpMethod::Put | HttpMethod::Patch | HttpMethod::Delete
        ) && !public
        {
            add(
                op,
                "409",
                "Conflict: een unieke waarde bestaat al, of het record is nog in gebruik",
            );
        }
        // A step on a part of a record (`POST …/adviezen`) is also written against the
        // record's `ETag` when it says it takes `If-Match`.
        let takes_if_match = op
            .parameters
            .as_ref()
            .is_some_and(|ps| ps.iter().any(|p| p.name == "If-Match"));
        if has_path_param
            && !participants
            && (takes_if_match
                || matches!(
                    method,
                    HttpMethod::Put | HttpMethod::Patch | HttpMethod::Delete
                ))
        {
            add(
                op,
                "412",
                "`If-Match` komt niet overeen: iemand anders heeft het record intussen gewijzigd",
            );
        }
        if has_body {
            add(
                op,
                "408",
                "De inhoud kwam niet binnen de tijdslimiet binnen (standaard 10 seconden)",
            );
            add(op, "413", "De inhoud is groter dan 1 MiB");
            add(op, "415", "Verkeerd `Content-Type`");
        }
        add(
            op,
            "500",
            "Onverwachte fout; het kenmerk (`instance`) staat ook in het serverlog",
        );
        add(
            op,
            "503",
            "De database is tijdelijk niet bereikbaar; zie `Retry-After`",
        );
    }

    let never_stored = crate::http::never_stored(&format!("{BASE}{path}"));
    for (status, resp) in op.responses.responses.iter_mut() {
        let RefOr::T(resp) = resp else { continue };
        if never_stored {
            resp.headers.insert(
                "Cache-Control".into(),
                HeaderBuilder::new()
                    .schema(
                        utoipa::openapi::ObjectBuilder::new()
                            .schema_type(Type::String)
                            .enum_values(Some(["no-store"])),
                    )
                    .description(Some(
                        "Altijd `no-store`: het antwoord kan persoonsgegevens of tokens bevatten en mag door geen enkele cache bewaard worden",
                    ))
                    .build(),
            );
        }
        let ok = status.starts_with('2') || status.starts_with('3');
        if ok {
            resp.headers.insert(
                "API-Version".into(),
                string_header("De semantische versie van de API"),
            );
            // A stored record carries its version: a read of the record itself, or any write
            // that answers with it. Computed answers (an account, a list) have none.
            let versioned = match method {
                HttpMethod::Get => path.ends_with('}') && !is_list,
                HttpMethod::Put | HttpMethod::Patch => has_path_param,
                _ => false,
            };
            if versioned && status == "200" && !participants {
                resp.headers.insert(
                    "ETag".into(),
                    string_header("De versie van het record (`\"<versie>\"`), voor `If-Match`"),
                );
            }
            if status == "201" {
                resp.headers.insert(
                    "Location".into(),
                    string_header("Het adres van het nieuwe record"),
                );
            }
            if is_list && status == "200" {
                resp.content.insert(
                    CSV.into(),
                    ContentBuilder::new()
                        .schema(Some(Object::with_type(Type::String)))
                        .build(),
                );
                resp.content.insert(
                    XLSX.into(),
                    ContentBuilder::new()
                        .schema(Some(
                            utoipa::openapi::ObjectBuilder::new()
                                .schema_type(Type::String)
                                .content_media_type(XLSX)
                                .build(),
                        ))
                        .build(),
                );
            }
        }
    }
}

/// What the shared machinery does for an operation of this kind, for operations whose handler
/// has nothing to add.
fn shared_behaviour(method: &HttpMethod, is_list: bool, has_path_param: bool) -> &'static str {
    match (method, is_list, has_path_param) {
        (HttpMethod::Get, true, _) => {
            "Geeft een pagina (`page`, `pageSize` 1-200) in de envelop `{items, page, pageSize, total}`. \
             Filters combineren (en); `sort` kent meerdere velden, komma-gescheiden, `-` voor aflopend. \
             Met `Accept: text/csv` of het XLSX-mediatype komt de hele gefilterde lijst als download."
        }
        (HttpMethod::Get, _, true) => {
            "Geeft het record met zijn versie in de `ETag`-header; gebruik die bij wijzigen als `If-Match`."
        }
        (HttpMethod::Post, _, _) => {
            "Maakt een record aan en antwoordt met `201`, het record en een `Location`-header. \
             Alle ongeldige velden worden samen gemeld in `invalidParams`; onbekende velden worden geweigerd."
        }
        (HttpMethod::Put, _, _) => {
            "Vervangt het hele record. Alleen-lezen velden (`id`, `createdAt`, `updatedAt`, `versie`) worden genegeerd, \
             zodat een opgehaald record na aanpassing teruggestuurd kan worden. Met een verouderde `If-Match` volgt `412`."
        }
        (HttpMethod::Patch, _, _) => {
            "Wijzigt alleen de meegestuurde velden (JSON merge patch, RFC 7396, `application/merge-patch+json`); \
             `null` wist een veld. Daarna gelden dezelfde regels als bij `PUT`. Met een verouderde `If-Match` volgt `412`."
        }
        (HttpMethod::Delete, _, _) => {
            "Verwijdert het record (`204`). Verwijzen andere records er nog naar, dan volgt `409` met wat ernaar verwijst. \
             Met een verouderde `If-Match` volgt `412`."
        }
        _ => "Zie de antwoorden hieronder.",
    }
}

fn build() -> OpenApi {
    let (_, mut doc) = crate::routes().split_for_parts();
    let mut paths = utoipa::openapi::path::Paths::new();
    for (path, mut item) in std::mem::take(&mut doc.paths.paths) {
        let short = path.strip_prefix(BASE).unwrap_or(&path).to_string();
        for (method, op) in [
            (HttpMethod::Get, item.get.as_mut()),
            (HttpMethod::Post, item.post.as_mut()),
            (HttpMethod::Put, item.put.as_mut()),
            (HttpMethod::Patch, item.patch.as_mut()),
            (HttpMethod::Delete, item.delete.as_mut()),
        ] {
            if let Some(op) = op {
                complete_operation(&short, &method, op);
            }
        }
        paths.paths.insert(short, item);
    }
    doc.paths = paths;

    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "bearerAuth",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .description(Some("Toegangstoken van `/auth/login`, `/auth/refresh` of `/auth/token` (15 minuten geldig)."))
                .build(),
        ),
    );
    let scopes = Scopes::from_iter(
        Scope::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), scope_description(*s).to_string())),
    );
    components.add_security_scheme(
        "clientCredentials",
        SecurityScheme::OAuth2(OAuth2::with_description(
            [Flow::ClientCredentials(ClientCredentials::new(format!("{BASE}/auth/token"), scopes))],
            "Voor systemen van gemeenten en integrators: vraag met client_id en client_secret een token op.",
        )),
    );
    doc.security = Some(vec![
        SecurityRequirement::new("bearerAuth", Vec::<String>::new()),
        SecurityRequirement::new("clientCredentials", Vec::<String>::new()),
    ]);
    doc
}

fn scope_description(s: Scope) -> &'static str {
    match s {
        Scope::OrganisatieRead => "Schoolbesturen, werkgebieden en scholen lezen",
        Scope::OrganisatieWrite => "Schoolbesturen, werkgebieden en scholen wijzigen",
        Scope::PlanningRead => "Plannen, activiteiten en evaluaties lezen",
        Scope::PlanningWrite => "Plannen, activiteiten en evaluaties wijzigen",
        Scope::BijeenkomstenRead => "Bijeenkomsten en opkomst lezen",
        Scope::BijeenkomstenWrite => "Bijeenkomsten en aanmeldingen wijzigen",
        Scope::JopRead => "Geaggregeerde JOP-monitorcijfers van de eigen gemeenten lezen",
        Scope::BestuurRead => {
            "De bestuursmonitor (cijfers per school) van de eigen schoolbesturen lezen"
        }
    }
}

/// The document, built once.
pub fn document() -> &'static OpenApi {
    static DOC: OnceLock<OpenApi> = OnceLock::new();
    DOC.get_or_init(build)
}

/// The document as pretty JSON, exactly as committed in `openapi/openapi.json`.
pub fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let mut s = document()
            .to_pretty_json()
            .expect("the OpenAPI document serialises");
        s.push('\n');
        s
    })
}

#[get("/api/v1/openapi.json")]
pub async fn document_endpoint() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Access-Control-Allow-Origin", "*"))
        .body(document_json())
}

/// `/api/v1/docs` (the address in the contract) leads to the reference page.
#[get("/api/v1/docs")]
pub async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((actix_web::http::header::LOCATION, "/api/v1/docs/"))
        .finish()
}

/// The browsable reference, served from vendored assets (no internet needed).
pub fn docs() -> utoipa_swagger_ui::SwaggerUi {
    utoipa_swagger_ui::SwaggerUi::new("/api/v1/docs/{_:.*}")
        .config(utoipa_swagger_ui::Config::from("/api/v1/openapi.json"))
}
