//! RFC 9457 problem details: the one error shape of the API, and the list of every kind of
//! problem it answers with, so that a client can match them exhaustively.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use utoipa::ToSchema;

/// Declares the kinds of problem: each with its `type` URN, HTTP status and title.
macro_rules! problem_types {
    ($($(#[$doc:meta])* $variant:ident => ($urn:tt, $status:ident, $title:tt),)*) => {
        /// The kind of problem (`type`): one of a fixed list of URNs, each with its own status.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
        pub enum ProblemType {
            $($(#[$doc])* #[serde(rename = $urn)] $variant,)*
        }

        impl ProblemType {
            pub const ALL: &'static [ProblemType] = &[$(ProblemType::$variant,)*];

            pub fn urn(self) -> &'static str {
                match self { $(ProblemType::$variant => $urn,)* }
            }

            pub fn status(self) -> StatusCode {
                match self { $(ProblemType::$variant => StatusCode::$status,)* }
            }

            pub fn title(self) -> &'static str {
                match self { $(ProblemType::$variant => $title,)* }
            }
        }
    };
}

problem_types! {
    /// The request itself is malformed (syntax, query parameters, path).
    OngeldigVerzoek => ("urn:koers:problem:ongeldig-verzoek", BAD_REQUEST, "Het verzoek is niet geldig"),
    /// One or more fields are not valid; `invalidParams` names each.
    Validatie => ("urn:koers:problem:validatie", BAD_REQUEST, "De invoer is niet geldig"),
    /// Wrong email address or password.
    AanmeldenMislukt => ("urn:koers:problem:aanmelden-mislukt", UNAUTHORIZED, "Aanmelden mislukt"),
    /// No valid access token.
    NietAangemeld => ("urn:koers:problem:niet-aangemeld", UNAUTHORIZED, "Niet aangemeld"),
    /// The caller's role or scopes do not allow this.
    GeenToegang => ("urn:koers:problem:geen-toegang", FORBIDDEN, "Geen toegang"),
    /// No such record for this caller.
    NietGevonden => ("urn:koers:problem:niet-gevonden", NOT_FOUND, "Niet gevonden"),
    /// This method is not allowed on this path.
    Methode => ("urn:koers:problem:methode", METHOD_NOT_ALLOWED, "Methode niet toegestaan"),
    /// No representation in a media type the client accepts.
    NietAcceptabel => ("urn:koers:problem:niet-acceptabel", NOT_ACCEPTABLE, "Formaat niet beschikbaar"),
    /// The body did not arrive within the time limit; the connection is closed.
    TeTraag => ("urn:koers:problem:te-traag", REQUEST_TIMEOUT, "Verzoek te traag"),
    /// The change conflicts with the current state (e.g. a record still in use).
    Conflict => ("urn:koers:problem:conflict", CONFLICT, "Conflict"),
    /// A unique value is already taken; `invalidParams` names the field.
    BestaatAl => ("urn:koers:problem:bestaat-al", CONFLICT, "Bestaat al"),
    /// Registration for this meeting is closed.
    Gesloten => ("urn:koers:problem:gesloten", GONE, "Aanmelden is gesloten"),
    /// A one-time link (invitation, password reset) that expired or was used.
    LinkVerlopen => ("urn:koers:problem:link-verlopen", GONE, "Link verlopen"),
    /// The record changed since the client read it (`If-Match`).
    Gewijzigd => ("urn:koers:problem:gewijzigd", PRECONDITION_FAILED, "Intussen gewijzigd"),
    /// The body is larger than the limit.
    TeGroot => ("urn:koers:problem:te-groot", PAYLOAD_TOO_LARGE, "Inhoud te groot"),
    /// The body is not in a media type this operation takes.
    Mediatype => ("urn:koers:problem:mediatype", UNSUPPORTED_MEDIA_TYPE, "Mediatype niet ondersteund"),
    /// Too many attempts; `Retry-After` says when to try again.
    TeVeelPogingen => ("urn:koers:problem:te-veel-pogingen", TOO_MANY_REQUESTS, "Te veel pogingen"),
    /// Something went wrong on the server; `instance` identifies it in the log.
    InterneFout => ("urn:koers:problem:interne-fout", INTERNAL_SERVER_ERROR, "Interne fout"),
    /// The database is unreachable or busy; `Retry-After` says when to try again.
    NietBeschikbaar => ("urn:koers:problem:niet-beschikbaar", SERVICE_UNAVAILABLE, "Tijdelijk niet beschikbaar"),
}

/// One field that failed validation.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
#[schema(example = json!({"name": "brin", "reason": "moet 4 tekens zijn, eventueel gevolgd door 2 cijfers"}))]
pub struct InvalidParam {
    /// The field or query parameter, as the client named it (`naam`, `financiering[0].bron`, `pageSize`).
    pub name: String,
    /// Why it was refused, in Dutch.
    pub reason: String,
}

impl InvalidParam {
    pub fn new(name: impl Into<String>, reason: impl Into<String>) -> Self {
        InvalidParam {
            name: name.into(),
            reason: reason.into(),
        }
    }
}

/// An error answer (RFC 9457 `application/problem+json`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "type": "urn:koers:problem:validatie",
    "title": "De invoer is niet geldig",
    "status": 400,
    "detail": "Een of meer velden zijn niet geldig.",
    "instance": "urn:uuid:0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b",
    "invalidParams": [{"name": "brin", "reason": "moet 4 tekens zijn, eventueel gevolgd door 2 cijfers"}]
}))]
pub struct Problem {
    /// The kind of problem.
    #[serde(rename = "type")]
    pub type_: ProblemType,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this case.
    pub detail: String,
    /// Identifies this occurrence: the request id, also found in the server log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Every field that failed validation (status 400 and 409).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
    /// Every unmet condition of a step that needs more first (status 409), e.g. the advice a
    /// TLV decision needs: `orthopedagoog_of_psycholoog`, `tweede_deskundige`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ontbreekt: Vec<String>,
}

/// The error type of every handler; boxed so `Result<T, ApiError>` stays one pointer wide.
#[derive(Debug, Clone)]
pub struct ApiError(Box<ErrorDetails>);

#[derive(Debug, Clone)]
pub struct ErrorDetails {
    pub kind: ProblemType,
    pub detail: String,
    pub invalid_params: Vec<InvalidParam>,
    pub ontbreekt: Vec<String>,
    pub retry_after: Option<u64>,
    pub headers: Vec<(header::HeaderName, String)>,
    /// The database connection this came from is gone; the pool must not hand it out again.
    pub connection_lost: bool,
}

impl ApiError {
    pub fn new(kind: ProblemType, detail: impl Into<String>) -> Self {
        ApiError(Box::new(ErrorDetails {
            kind,
            detail: detail.into(),
            invalid_params: Vec::new(),
            ontbreekt: Vec::new(),
            retry_after: None,
            headers: Vec::new(),
            connection_lost: false,
        }))
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(ProblemType::OngeldigVerzoek, detail)
    }

    pub fn validation(params: Vec<InvalidParam>) -> Self {
        let mut e = Self::new(
            ProblemType::Validatie,
            if params.len() == 1 {
                format!(
                    "Het veld '{}' is niet geldig: {}.",
                    params[0].name, params[0].reason
                )
            } else {
                format!("{} velden zijn niet geldig.", params.len())
            },
        );
        e.invalid_params = params;
        e
    }

    pub fn field(name: &str, reason: impl Into<String>) -> Self {
        Self::validation(vec![InvalidParam::new(name, reason)])
    }

    pub fn unauthorized(detail: impl Into<String>) -> Self {
        let mut e = Self::new(ProblemType::NietAangemeld, detail);
        e.headers
            .push((header::WWW_AUTHENTICATE, "Bearer realm=\"koers\"".into()));
        e
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(ProblemType::GeenToegang, detail)
    }

    pub fn not_found() -> Self {
        Self::new(ProblemType::NietGevonden, "De gevraagde bron bestaat niet.")
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(ProblemType::Conflict, detail)
    }

    /// `409` naming the field whose change the current state does not allow.
    pub fn conflict_on(field: &str, reason: impl Into<String>) -> Self {
        let reason = reason.into();
        let mut e = Self::conflict(format!("Het veld '{field}' kan niet zo: {reason}."));
        e.invalid_params.push(InvalidParam::new(field, reason));
        e
    }

    /// `409` for a step that needs more first, listing every unmet condition.
    pub fn missing(detail: impl Into<String>, ontbreekt: &[&str]) -> Self {
        let mut e = Self::conflict(detail);
        e.ontbreekt = ontbreekt.iter().map(|s| s.to_string()).collect();
        e
    }

    pub fn duplicate(field: &str) -> Self {
        let mut e = Self::conflict(format!(
            "Er bestaat al een record met deze waarde voor '{field}'."
        ));
        e.kind = ProblemType::BestaatAl;
        e.invalid_params
            .push(InvalidParam::new(field, "deze waarde is al in gebruik"));
        e
    }

    pub fn precondition_failed() -> Self {
        Self::new(ProblemType::Gewijzigd, "Iemand anders heeft dit record intussen gewijzigd. Haal het opnieuw op en breng uw wijziging opnieuw aan.",
        )
    }

    pub fn too_many(retry_after: u64, detail: impl Into<String>) -> Self {
        let mut e = Self::new(ProblemType::TeVeelPogingen, detail);
        e.retry_after = Some(retry_after.max(1));
        e
    }

    pub fn unavailable() -> Self {
        let mut e = Self::new(
            ProblemType::NietBeschikbaar,
            "De database is tijdelijk niet bereikbaar of te druk. Probeer het zo opnieuw.",
        );
        e.retry_after = Some(1);
        e
    }

    /// The connection to the database broke (the server restarted, failed over, or ended it).
    pub fn connection_lost() -> Self {
        let mut e = Self::unavailable();
        e.detail = "De verbinding met de database is verbroken. Probeer het zo opnieuw.".into();
        e.connection_lost = true;
        e
    }

    pub fn unsupported_media_type(expected: &str) -> Self {
        Self::new(
            ProblemType::Mediatype,
            format!("Stuur de inhoud als {expected}."),
        )
    }

    pub fn not_acceptable(offered: &str) -> Self {
        Self::new(
            ProblemType::NietAcceptabel,
            format!("Dit antwoord is beschikbaar als {offered}."),
        )
    }

    /// Something unexpected: logged in full, answered without any detail.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "internal error");
        Self::new(
            ProblemType::InterneFout,
            "Er ging iets mis aan onze kant. Vermeld het kenmerk (instance) als u contact opneemt.",
        )
    }

    pub fn status(&self) -> StatusCode {
        self.kind.status()
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: self.kind,
            title: self.kind.title().to_string(),
            status: self.kind.status().as_u16(),
            detail: self.detail.clone(),
            instance: crate::trace::request_id().map(|id| format!("urn:uuid:{id}")),
            invalid_params: self.invalid_params.clone(),
            ontbreekt: self.ontbreekt.clone(),
        }
    }
}

impl std::ops::Deref for ApiError {
    type Target = ErrorDetails;
    fn deref(&self) -> &ErrorDetails {
        &self.0
    }
}

impl std::ops::DerefMut for ApiError {
    fn deref_mut(&mut self) -> &mut ErrorDetails {
        &mut self.0
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.kind.status().as_u16(),
            self.kind.title(),
            self.detail
        )
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.kind.status()
    }

    fn error_response(&self) -> HttpResponse {
        let mut b = HttpResponse::build(self.kind.status());
        b.content_type("application/problem+json");
        if self.kind == ProblemType::TeTraag {
            // The rest of a late body may still be on its way: the connection cannot be reused.
            b.force_close();
        }
        if let Some(s) = self.retry_after {
            b.insert_header((header::RETRY_AFTER, s.to_string()));
        }
        for (k, v) in &self.headers {
            b.insert_header((k.clone(), v.clone()));
        }
        b.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

fn camel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = false;
    for ch in s.chars() {
        if ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// The field a unique constraint protects. PostgreSQL names the constraint (`uq_<table>__<column>`),
/// SQLite names the columns (`UNIQUE constraint failed: t.a, t.b`); the last column is the field.
fn unique_field(info: &dyn diesel::result::DatabaseErrorInformation) -> String {
    if let Some(name) = info.constraint_name() {
        if let Some((_, col)) = name.split_once("__") {
            return camel(col);
        }
    }
    let msg = info.message();
    let col = msg.rsplit(['.', ' ']).next().unwrap_or("id").trim();
    camel(col)
}

impl From<DieselError> for ApiError {
    fn from(e: DieselError) -> Self {
        from_diesel(e)
    }
}

/// An error that says the connection itself is unusable, not the statement: PostgreSQL closed it
/// (restart, failover, `pg_terminate_backend`) or it could not be reached.
fn is_connection_lost(e: &DieselError) -> bool {
    match e {
        DieselError::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _,
        ) => true,
        // libpq reports a terminated backend as an error of the statement (SQLSTATE 57P01) that
        // diesel does not classify; its message is all there is to go by.
        DieselError::DatabaseError(_, info) => {
            let m = info.message();
            m.contains("terminating connection")
                || m.contains("server closed the connection")
                || m.contains("no connection to the server")
                || m.contains("connection to server")
        }
        DieselError::BrokenTransactionManager => true,
        _ => false,
    }
}

fn from_diesel(e: DieselError) -> ApiError {
    if is_connection_lost(&e) {
        tracing::warn!(error = %e, "database connection lost");
        return ApiError::connection_lost();
    }
    match &e {
        DieselError::NotFound => ApiError::not_found(),
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
            ApiError::duplicate(&unique_field(info.as_ref()))
        }
        DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => ApiError::conflict(
            "Dit record hangt samen met andere gegevens en kan zo niet worden opgeslagen of verwijderd.",
        ),
        DieselError::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => ApiError::unavailable(),
        DieselError::DatabaseError(_, info)
            if info.message().contains("database is locked") || info.message().contains("busy") =>
        {
            ApiError::unavailable()
        }
        _ => ApiError::internal(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The contract lists the URNs the server sends, so a client can match them.
    #[test]
    fn the_contract_lists_the_urns() {
        let schema = serde_json::to_value(<ProblemType as utoipa::PartialSchema>::schema())
            .expect("serialisable");
        let urns: Vec<&str> = ProblemType::ALL.iter().map(|t| t.urn()).collect();
        assert_eq!(schema["enum"], serde_json::json!(urns));
    }

    #[test]
    fn every_problem_type_is_its_urn() {
        for t in ProblemType::ALL {
            assert_eq!(
                serde_json::to_value(t).expect("serialisable"),
                serde_json::Value::String(t.urn().to_string())
            );
            assert!(t.status().is_client_error() || t.status().is_server_error());
        }
    }

    #[test]
    fn camel_case_of_columns() {
        assert_eq!(camel("bevoegd_gezag_nummer"), "bevoegdGezagNummer");
        assert_eq!(camel("brin"), "brin");
    }
}
