//! Validation rules for text fields, shared by every input.

use validator::ValidationError;

fn err(code: &'static str, message: &'static str) -> ValidationError {
    let mut e = ValidationError::new(code);
    e.message = Some(message.into());
    e
}

/// Required text that is not just spaces.
pub fn not_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() {
        return Err(err("leeg", "mag niet leeg zijn"));
    }
    Ok(())
}

pub fn email(s: &str) -> Result<(), ValidationError> {
    let ok = s.len() <= 254
        && s.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
                && domain.matches('@').count() == 0
        });
    if !ok {
        return Err(err("email", "geen geldig e-mailadres"));
    }
    Ok(())
}
