//! RFC 9457 problem details: the one error shape of the API.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use utoipa::ToSchema;

use super::context;

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
    /// A URI that identifies the kind of problem.
    #[serde(rename = "type")]
    pub type_: String,
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
}

/// The error type of every handler; boxed so `Result<T, ApiError>` stays one pointer wide.
#[derive(Debug, Clone)]
pub struct ApiError(Box<ErrorDetails>);

#[derive(Debug, Clone)]
pub struct ErrorDetails {
    pub status: StatusCode,
    pub kind: &'static str,
    pub title: &'static str,
    pub detail: String,
    pub invalid_params: Vec<InvalidParam>,
    pub retry_after: Option<u64>,
    pub headers: Vec<(header::HeaderName, String)>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        kind: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        ApiError(Box::new(ErrorDetails {
            status,
            kind,
            title,
            detail: detail.into(),
            invalid_params: Vec::new(),
            retry_after: None,
            headers: Vec::new(),
        }))
    }

    pub fn bad_request(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "ongeldig-verzoek",
            "Het verzoek is niet geldig",
            detail,
        )
    }

    pub fn validation(params: Vec<InvalidParam>) -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            "validatie",
            "De invoer is niet geldig",
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
        let mut e = Self::new(
            StatusCode::UNAUTHORIZED,
            "niet-aangemeld",
            "Niet aangemeld",
            detail,
        );
        e.headers
            .push((header::WWW_AUTHENTICATE, "Bearer realm=\"koers\"".into()));
        e
    }

    pub fn forbidden(detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "geen-toegang",
            "Geen toegang",
            detail,
        )
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "niet-gevonden",
            "Niet gevonden",
            "De gevraagde bron bestaat niet.",
        )
    }

    pub fn conflict(detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "conflict", "Conflict", detail)
    }

    pub fn duplicate(field: &str) -> Self {
        let mut e = Self::conflict(format!(
            "Er bestaat al een record met deze waarde voor '{field}'."
        ));
        e.kind = "bestaat-al";
        e.title = "Bestaat al";
        e.invalid_params
            .push(InvalidParam::new(field, "deze waarde is al in gebruik"));
        e
    }

    pub fn precondition_failed() -> Self {
        Self::new(
            StatusCode::PRECONDITION_FAILED,
            "gewijzigd",
            "Intussen gewijzigd",
            "Iemand anders heeft dit record intussen gewijzigd. Haal het opnieuw op en breng uw wijziging opnieuw aan.",
        )
    }

    pub fn too_many(retry_after: u64, detail: impl Into<String>) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "te-veel-pogingen",
            "Te veel pogingen",
            detail,
        );
        e.retry_after = Some(retry_after.max(1));
        e
    }

    pub fn unavailable() -> Self {
        let mut e = Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "niet-beschikbaar",
            "Tijdelijk niet beschikbaar",
            "De database is tijdelijk niet bereikbaar of te druk. Probeer het zo opnieuw.",
        );
        e.retry_after = Some(1);
        e
    }

    pub fn unsupported_media_type(expected: &str) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "mediatype",
            "Mediatype niet ondersteund",
            format!("Stuur de inhoud als {expected}."),
        )
    }

    pub fn not_acceptable(offered: &str) -> Self {
        Self::new(
            StatusCode::NOT_ACCEPTABLE,
            "niet-acceptabel",
            "Formaat niet beschikbaar",
            format!("Dit antwoord is beschikbaar als {offered}."),
        )
    }

    /// Something unexpected: logged in full, answered without any detail.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "internal error");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "interne-fout",
            "Interne fout",
            "Er ging iets mis aan onze kant. Vermeld het kenmerk (instance) als u contact opneemt.",
        )
    }

    pub fn problem(&self) -> Problem {
        Problem {
            type_: format!("urn:koers:problem:{}", self.kind),
            title: self.title.to_string(),
            status: self.status.as_u16(),
            detail: self.detail.clone(),
            instance: context::request_id().map(|id| format!("urn:uuid:{id}")),
            invalid_params: self.invalid_params.clone(),
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
            self.status.as_u16(),
            self.title,
            self.detail
        )
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut b = HttpResponse::build(self.status);
        b.content_type("application/problem+json");
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

pub fn from_diesel(e: DieselError) -> ApiError {
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
        DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => ApiError::unavailable(),
        _ => ApiError::internal(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_of_columns() {
        assert_eq!(camel("bevoegd_gezag_nummer"), "bevoegdGezagNummer");
        assert_eq!(camel("brin"), "brin");
    }
}
