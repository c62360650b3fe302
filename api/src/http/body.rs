//! Request bodies: JSON for POST/PUT, JSON merge patch (RFC 7396) for PATCH. Both go through one
//! decoder that reports every unknown, missing or mistyped field at once, rejects control
//! characters, ignores read-only fields and then runs the type's own validation.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use utoipa::openapi::schema::{Schema, SchemaType, Type};
use utoipa::openapi::RefOr;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::config::DEFAULT_BODY_TIMEOUT;
use crate::error::{ApiError, InvalidParam};
use crate::state::AppState;

/// Bodies above this size are refused with `413`.
pub const MAX_BODY: usize = 1024 * 1024;

/// Fields every resource carries that a client may send back unchanged (GET, change, PUT).
const READ_ONLY: &[&str] = &["id", "createdAt", "updatedAt", "versie"];

/// A request type: its schema drives the structural checks, `read_only` names derived fields
/// that are ignored when a client sends them back, and `normalise` cleans what was sent before
/// the rules see it (so a name of only invisible characters is empty, not valid).
pub trait Input: DeserializeOwned + Validate + utoipa::ToSchema {
    fn read_only() -> &'static [&'static str] {
        &[]
    }

    fn normalise(&mut self) {}
}

/// A JSON request body: media type, size and syntax are checked on extraction; the fields are
/// decoded and validated by [`JsonBody::decode`], which handlers call after the permission
/// check so that a caller without access learns nothing about the rules.
pub struct JsonBody<T> {
    value: Value,
    input: std::marker::PhantomData<T>,
}

impl<T: Input> JsonBody<T> {
    pub fn decode(self) -> Result<T, ApiError> {
        decode::<T>(self.value)
    }
}

/// A merge-patch document, to be applied to the current state with [`apply_patch`].
pub struct MergePatch(pub Value);

/// An uploaded file as the whole body (an import), with the same size limit and `413` as JSON.
pub struct RawBody(pub web::Bytes);

impl FromRequest for RawBody {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move { Ok(RawBody(read_payload(&req, &mut payload).await?)) })
    }
}

async fn read_payload(req: &HttpRequest, payload: &mut Payload) -> Result<web::Bytes, ApiError> {
    if let Some(len) = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
    {
        if len > MAX_BODY {
            return Err(too_large());
        }
    }
    // The headers have their own deadline (actix' client_request_timeout); without one for the
    // body, a client sending a byte a second holds a worker and a connection for as long as it likes.
    let limit = req
        .app_data::<web::Data<AppState>>()
        .map_or(DEFAULT_BODY_TIMEOUT, |s| s.config.body_timeout);
    tokio::time::timeout(limit, collect_body(payload))
        .await
        .map_err(|_| too_slow(limit))?
}

async fn collect_body(payload: &mut Payload) -> Result<web::Bytes, ApiError> {
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| {
            ApiError::bad_request("De inhoud van het verzoek kon niet worden gelezen.")
        })?;
        if body.len() + chunk.len() > MAX_BODY {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

fn too_slow(limit: std::time::Duration) -> ApiError {
    ApiError::new(
        crate::error::ProblemType::TeTraag,
        format!(
            "De inhoud van het verzoek kwam niet binnen {} seconden binnen.",
            limit.as_secs()
        ),
    )
}

fn too_large() -> ApiError {
    ApiError::new(
        crate::error::ProblemType::TeGroot,
        "De inhoud van het verzoek is groter dan 1 MiB.",
    )
}

/// The request's media type without parameters, in lower case ('' without one).
pub fn media_type(req: &HttpRequest) -> String {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

fn parse_json(bytes: &[u8]) -> Result<Value, ApiError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ApiError::bad_request(
            "Het verzoek heeft geen inhoud; stuur een JSON-object.",
        ));
    }
    let value = serde_json::from_slice::<Value>(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "De inhoud is geen geldige JSON (regel {}, kolom {}).",
            e.line(),
            e.column()
        ))
    })?;
    // A key given twice would silently lose one of its values.
    if let Ok(Duplicate(Some(key))) = serde_json::from_slice::<Duplicate>(bytes) {
        return Err(ApiError::field(&key, "komt meer dan eens voor"));
    }
    Ok(value)
}

/// The first key that occurs twice in one JSON object, anywhere in a document.
struct Duplicate(Option<String>);

impl<'de> serde::Deserialize<'de> for Duplicate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DuplicateVisitor)
    }
}

struct DuplicateVisitor;

impl<'de> serde::de::Visitor<'de> for DuplicateVisitor {
    type Value = Duplicate;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Duplicate, E> {
        Ok(Duplicate(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Duplicate, E> {
        Ok(Duplicate(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Duplicate, E> {
        Ok(Duplicate(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Duplicate, E> {
        Ok(Duplicate(None))
    }

    fn visit_str<E>(self, _: &str) -> Result<Duplicate, E> {
        Ok(Duplicate(None))
    }

    fn visit_unit<E>(self) -> Result<Duplicate, E> {
        Ok(Duplicate(None))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Duplicate, A::Error> {
        let mut found = None;
        while let Some(Duplicate(inner)) = seq.next_element()? {
            found = found.or(inner);
        }
        Ok(Duplicate(found))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Duplicate, A::Error> {
        let mut seen = std::collections::HashSet::new();
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            let Duplicate(inner) = map.next_value()?;
            if found.is_none() {
                found = if seen.insert(key.clone()) {
                    inner
                } else {
                    Some(key)
                };
            }
        }
        Ok(Duplicate(found))
    }
}

impl<T: Input + 'static> FromRequest for JsonBody<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            let mt = media_type(&req);
            if mt != "application/json"
                && !(mt.starts_with("application/")
                    && mt.ends_with("+json")
                    && mt != "application/merge-patch+json")
            {
                return Err(ApiError::unsupported_media_type("application/json"));
            }
            let bytes = read_payload(&req, &mut payload).await?;
            let value = parse_json(&bytes)?;
            Ok(JsonBody {
                value,
                input: std::marker::PhantomData,
            })
        })
    }
}

impl FromRequest for MergePatch {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let mut payload = payload.take();
        Box::pin(async move {
            if media_type(&req) != "application/merge-patch+json" {
                return Err(ApiError::unsupported_media_type(
                    "application/merge-patch+json",
                ));
            }
            let bytes = read_payload(&req, &mut payload).await?;
            let value = parse_json(&bytes)?;
            if !value.is_object() {
                return Err(ApiError::bad_request("Een merge patch is een JSON-object."));
            }
            Ok(MergePatch(value))
        })
    }
}

/// Applies a merge patch to the current state (as the PUT body would carry it) and decodes the
/// result exactly as a PUT body, so PATCH and PUT share every rule.
pub fn apply_patch<T: Input + serde::Serialize>(
    current: &T,
    patch: &MergePatch,
) -> Result<T, ApiError> {
    let mut doc = serde_json::to_value(current).map_err(ApiError::internal)?;
    json_patch::merge(&mut doc, &patch.0);
    decode::<T>(doc)
}

/// Decodes a JSON value into an input type with every check in one place.
pub fn decode<T: Input>(value: Value) -> Result<T, ApiError> {
    let Value::Object(mut map) = value else {
        return Err(ApiError::bad_request(
            "De inhoud moet een JSON-object zijn.",
        ));
    };
    for key in READ_ONLY.iter().chain(T::read_only()) {
        map.remove(*key);
    }
    let mut errors = Vec::new();
    control_characters(&Value::Object(map.clone()), "", &mut errors);
    structure::<T>(&map, &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let mut input: T =
        serde_path_to_error::deserialize(Value::Object(map)).map_err(super::serde_fout::problem)?;
    input.normalise();
    input
        .validate()
        .map_err(|e| ApiError::validation(validation_params(&e)))?;
    Ok(input)
}

fn control_characters(v: &Value, path: &str, errors: &mut Vec<InvalidParam>) {
    match v {
        Value::String(s)
            if s.chars()
                .any(|c| c.is_control() && c != '\t' && c != '\n' && c != '\r') =>
        {
            errors.push(InvalidParam::new(path, "bevat niet-toegestane stuurtekens"));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                control_characters(item, &format!("{path}[{i}]"), errors);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                control_characters(item, &p, errors);
            }
        }
        _ => {}
    }
}

/// Unknown fields, missing required fields and values of the wrong JSON type, read off the
/// type's OpenAPI schema so that the document and the checks cannot disagree.
fn structure<T: utoipa::ToSchema>(map: &Map<String, Value>, errors: &mut Vec<InvalidParam>) {
    let RefOr::T(Schema::Object(obj)) = T::schema() else {
        return;
    };
    for key in map.keys() {
        if !obj.properties.contains_key(key) {
            errors.push(InvalidParam::new(key, "onbekend veld"));
        }
    }
    for req in &obj.required {
        if map
            .get(req)
            .is_none_or(|v| v.is_null() && !nullable(obj.properties.get(req)))
        {
            errors.push(InvalidParam::new(req, "is verplicht"));
        }
    }
    for (key, value) in map {
        let Some(RefOr::T(Schema::Object(prop))) = obj.properties.get(key) else {
            continue;
        };
        if let Some(expected) = json_kind(&prop.schema_type) {
            if !kind_matches(&expected, value) {
                errors.push(InvalidParam::new(key, type_reason(&expected)));
            }
        }
    }
}

fn nullable(prop: Option<&RefOr<Schema>>) -> bool {
    match prop {
        Some(RefOr::T(Schema::Object(o))) => matches!(&o.schema_type, SchemaType::Array(ts) if ts.contains(&Type::Null)),
        Some(RefOr::T(Schema::OneOf(o))) => o.items.iter().any(|i| matches!(i, RefOr::T(Schema::Object(x)) if x.schema_type == SchemaType::Type(Type::Null))),
        _ => false,
    }
}

fn json_kind(t: &SchemaType) -> Option<Vec<Type>> {
    match t {
        SchemaType::Type(Type::Object) | SchemaType::AnyValue => None,
        SchemaType::Type(t) => Some(vec![t.clone()]),
        SchemaType::Array(ts) => Some(ts.clone()),
    }
}

fn kind_matches(expected: &[Type], v: &Value) -> bool {
    expected.iter().any(|t| match (t, v) {
        (Type::Null, Value::Null) => true,
        (Type::String, Value::String(_)) => true,
        (Type::Boolean, Value::Bool(_)) => true,
        (Type::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
        (Type::Number, Value::Number(_)) => true,
        (Type::Array, Value::Array(_)) => true,
        (Type::Object, Value::Object(_)) => true,
        _ => false,
    })
}

fn type_reason(expected: &[Type]) -> String {
    let names: Vec<&str> = expected
        .iter()
        .filter(|t| **t != Type::Null)
        .map(|t| match t {
            Type::String => "tekst",
            Type::Integer => "geheel getal",
            Type::Number => "getal",
            Type::Boolean => "true of false",
            Type::Array => "lijst",
            Type::Object => "object",
            Type::Null => "null",
        })
        .collect();
    format!("moet {} zijn", names.join(" of "))
}

/// Flattens validator errors to `invalidParams` with camelCase field paths.
pub fn validation_params(errors: &ValidationErrors) -> Vec<InvalidParam> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<InvalidParam>) {
    for (field, kind) in errors.errors() {
        // Validator reports Rust field names; clients know the JSON (camelCase) names.
        let name = if prefix.is_empty() {
            camel(field)
        } else {
            format!("{prefix}.{}", camel(field))
        };
        match kind {
            ValidationErrorsKind::Field(errs) => {
                for e in errs {
                    let reason = e
                        .message
                        .as_ref()
                        .map(|m| m.to_string())
                        .unwrap_or_else(|| e.code.to_string());
                    // Checks across fields report under the field they are about, given as their code.
                    let field = if *field == "__all__" {
                        e.code.to_string()
                    } else {
                        name.clone()
                    };
                    out.push(InvalidParam::new(field, reason));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &name, out),
            ValidationErrorsKind::List(items) => {
                for (i, inner) in items {
                    collect(inner, &format!("{name}[{i}]"), out);
                }
            }
        }
    }
}

fn camel(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = false;
    for ch in s.chars() {
        if ch == '_' && !out.is_empty() {
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
