//! A body that JSON-parses but does not fit its type, in the client's terms: the field (with its
//! path inside nested objects) and a Dutch reason, never serde's own wording.

use crate::error::ApiError;

pub fn problem(e: serde_path_to_error::Error<serde_json::Error>) -> ApiError {
    let path = e.path().to_string();
    let msg = e.inner().to_string();
    // A nested object without one of its fields: name the field itself.
    if let Some(field) = msg
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        let name = if path == "." {
            field.to_string()
        } else {
            format!("{path}.{field}")
        };
        return ApiError::field(&name, "is verplicht");
    }
    ApiError::field(if path == "." { "body" } else { &path }, reason(&msg))
}

fn reason(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        if let Some((_, allowed)) = rest.split_once("expected one of ") {
            return format!("ongeldige waarde; toegestaan: {}", allowed.replace('`', ""));
        }
        if let Some((_, allowed)) = rest.split_once("expected ") {
            return format!("ongeldige waarde; toegestaan: {}", allowed.replace('`', ""));
        }
    }
    if msg.contains("UUID") || msg.contains("uuid") {
        return "geen geldige UUID".into();
    }
    if msg.contains("premature end of input")
        || msg.contains("input contains invalid characters")
        || msg.contains("input is out of range")
        || msg.contains("trailing input")
    {
        return "geen geldige datum of tijd (verwacht YYYY-MM-DD of RFC 3339)".into();
    }
    if msg.starts_with("invalid type") {
        return "verkeerd type".into();
    }
    if msg.contains("invalid value") || msg.contains("out of range") {
        return "waarde buiten het toegestane bereik".into();
    }
    "ongeldige waarde".into()
}
