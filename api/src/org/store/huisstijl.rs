//! The SWV's logo: checked on the way in (a PNG, or an SVG without anything that runs), kept
//! as base64 text, served to the public pages and mails.

use crate::schema::samenwerkingsverbanden as swv;
use crate::store_prelude::*;

/// The largest logo: enough for a crisp PNG header, small enough for every mail.
pub const MAX_BYTES: usize = 200 * 1024;

pub const PNG: &str = "image/png";
pub const SVG: &str = "image/svg+xml";

/// Why an upload is no logo, in words for the person uploading it.
pub fn check(content_type: &str, bytes: &[u8]) -> Result<(), String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "Het logo is {} KB; het mag hoogstens 200 KB zijn.",
            bytes.len().div_ceil(1024)
        ));
    }
    match content_type {
        PNG if bytes.starts_with(b"\x89PNG\r\n\x1a\n") => Ok(()),
        PNG => Err("Dit bestand is geen PNG-afbeelding.".into()),
        SVG => {
            let text = std::str::from_utf8(bytes)
                .map_err(|_| "Dit bestand is geen SVG-afbeelding (geen UTF-8-tekst).".to_string())?
                .to_ascii_lowercase();
            let start = text.trim_start();
            if !(start.starts_with("<svg") || start.starts_with("<?xml")) || !text.contains("<svg")
            {
                return Err("Dit bestand is geen SVG-afbeelding.".into());
            }
            // An image that runs code or loads something is refused, not cleaned.
            let active = [
                "<script",
                "javascript:",
                "<foreignobject",
                "<iframe",
                "<embed",
                "<object",
                "href=\"http",
                "href='http",
                "<!entity",
            ];
            let handler = regex::Regex::new(r"\son[a-z]+\s*=").expect("valid regex");
            if active.iter().any(|a| text.contains(a)) || handler.is_match(&text) {
                return Err("Dit SVG-bestand bevat scripts, koppelingen of ingesloten inhoud; sla het op als eenvoudige SVG of PNG.".into());
            }
            Ok(())
        }
        _ => Err("Alleen PNG of SVG.".into()),
    }
}

pub fn store(c: &mut DbConn, id: Id, logo: Option<(&str, &[u8])>) -> Result<(), ApiError> {
    use base64::Engine;
    let (data, kind) = match logo {
        Some((kind, bytes)) => (
            Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
            Some(kind.to_string()),
        ),
        None => (None, None),
    };
    let n = diesel::update(swv::table.filter(swv::id.eq(id)))
        .set((
            swv::logo.eq(data),
            swv::logo_type.eq(kind),
            swv::updated_at.eq(time::now()),
            swv::versie.eq(swv::versie + 1),
        ))
        .execute(c)?;
    if n == 0 {
        return Err(ApiError::not_found());
    }
    Ok(())
}

/// The logo and its media type, if the SWV has one.
pub fn load(c: &mut DbConn, id: Id) -> Result<Option<(String, Vec<u8>)>, ApiError> {
    use base64::Engine;
    let row: Option<(Option<String>, Option<String>)> = swv::table
        .filter(swv::id.eq(id))
        .select((swv::logo_type, swv::logo))
        .first(c)
        .optional()?;
    Ok(match row {
        Some((Some(kind), Some(data))) => base64::engine::general_purpose::STANDARD
            .decode(data)
            .ok()
            .map(|bytes| (kind, bytes)),
        _ => None,
    })
}

/// The public address of an SWV's logo (relative to the site).
pub fn path(id: Id) -> String {
    format!("/api/v1/publiek/samenwerkingsverbanden/{id}/logo")
}

/// Name, colour and logo path of an SWV, for public pages and mails.
pub fn of(c: &mut DbConn, id: Id) -> Result<(String, Option<String>, Option<String>), ApiError> {
    let (naam, kleur, logo): (String, Option<String>, Option<String>) = swv::table
        .filter(swv::id.eq(id))
        .select((swv::naam, swv::kleur, swv::logo_type))
        .first(c)?;
    Ok((naam, kleur, logo.map(|_| path(id))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_images() {
        assert!(check(PNG, b"\x89PNG\r\n\x1a\nrest").is_ok());
        assert!(check(PNG, b"GIF89a").is_err());
        assert!(check(
            SVG,
            br#"<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#
        )
        .is_ok());
        assert!(check(SVG, br#"<svg><script>alert(1)</script></svg>"#).is_err());
        assert!(check(SVG, br#"<svg><rect onload ="x()"/></svg>"#).is_err());
        assert!(check(SVG, br#"<svg><a href="javascript:x()"/></svg>"#).is_err());
        assert!(check(SVG, b"<html></html>").is_err());
        assert!(check(PNG, &vec![0u8; MAX_BYTES + 1]).is_err());
        assert!(check("image/gif", b"GIF89a").is_err());
    }
}
