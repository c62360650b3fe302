//! The XLSX export for people (CSV stays the machine format): Dutch column headers, the names of
//! referenced records instead of their ids, labels instead of codes, dates and times as Excel
//! dates on Amsterdam's clock, yes/no, a frozen header row, an autofilter and fitting widths.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
use serde_json::Value;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;

use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::schema;

/// What the columns of an item type are, from its OpenAPI schema: which hold codes.
pub struct Soorten {
    codes: HashSet<String>,
}

impl Soorten {
    /// A table of its own making: no codes to label.
    pub fn none() -> Soorten {
        Soorten {
            codes: HashSet::new(),
        }
    }

    pub fn of<T: utoipa::PartialSchema>() -> Soorten {
        let mut codes = HashSet::new();
        if let RefOr::T(Schema::Object(o)) = T::schema() {
            for (name, p) in &o.properties {
                let code = match p {
                    // A named string type in this API is an enumeration (nested objects are
                    // flattened into `parent.child` and never reach this column).
                    RefOr::Ref(_) => true,
                    RefOr::T(Schema::Object(o)) => o.enum_values.is_some(),
                    _ => false,
                };
                if code {
                    codes.insert(name.clone());
                }
            }
        }
        Soorten { codes }
    }
}

/// Words written in capitals in headers and labels.
const AFKORTINGEN: &[(&str, &str)] = &[
    ("ib", "IB"),
    ("tlv", "TLV"),
    ("tlvs", "TLV's"),
    ("mdo", "MDO"),
    ("brin", "BRIN"),
    ("cbs", "CBS"),
    ("swv", "SWV"),
    ("jop", "JOP"),
    ("go", "GO"),
    ("po", "PO"),
    ("vo", "VO"),
    ("so", "SO"),
    ("vso", "VSO"),
    ("sbo", "SBO"),
    ("opp", "OPP"),
    ("url", "URL"),
    ("id", "id"),
];

fn word(w: &str) -> String {
    AFKORTINGEN
        .iter()
        .find(|(k, _)| *k == w)
        .map_or_else(|| w.to_string(), |(_, v)| v.to_string())
}

fn sentence(words: Vec<String>) -> String {
    let mut out: Vec<String> = words.iter().map(|w| word(w)).collect();
    if let Some(first) = out.first_mut() {
        let mut cs = first.chars();
        if let Some(c) = cs.next() {
            *first = c.to_uppercase().chain(cs).collect();
        }
    }
    out.join(" ")
}

/// A field name as a Dutch header: `aantalAangemeld` → "Aantal aangemeld".
pub fn header(field: &str) -> String {
    match field {
        "id" => return "Id".into(),
        "createdAt" => return "Aangemaakt".into(),
        "updatedAt" => return "Laatst gewijzigd".into(),
        _ => {}
    }
    field
        .split('.')
        .map(|part| {
            let mut words = vec![String::new()];
            for c in part.chars() {
                if c.is_uppercase() {
                    words.push(c.to_lowercase().collect());
                } else {
                    words.last_mut().expect("one word").push(c);
                }
            }
            sentence(words.into_iter().filter(|w| !w.is_empty()).collect())
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// A code as a label: `intern_begeleider` → "Intern begeleider", `ib_netwerk` → "IB netwerk".
pub fn label(code: &str) -> String {
    sentence(code.split('_').map(str::to_string).collect())
}

fn is_code(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The table and name column a reference column points to, by the name before `Id`.
fn names_of(c: &mut DbConn, prefix: &str, ids: Vec<Id>) -> QueryResult<Option<Vec<(Id, String)>>> {
    macro_rules! names {
        ($t:ident . $col:ident) => {
            schema::$t::table
                .filter(schema::$t::id.eq_any(ids))
                .select((schema::$t::id, schema::$t::$col))
                .load(c)
                .map(Some)
        };
    }
    match prefix {
        "school" | "schoolVanHerkomst" | "voorzieningSchool" => names!(scholen.naam),
        "gebruiker" | "verantwoordelijke" | "consulent" | "eigenaar" | "vastgesteldDoor" => {
            names!(gebruikers.naam)
        }
        "schoolbestuur" => names!(schoolbesturen.naam),
        "werkgebied" => names!(werkgebieden.naam),
        "gemeente" | "woongemeente" | "opgevolgdDoor" => names!(gemeenten.naam),
        "samenwerkingsverband" => names!(samenwerkingsverbanden.naam),
        "portefeuille" => names!(portefeuilles.naam),
        "project" => names!(projecten.naam),
        "ondersteuningsplan" => names!(ondersteuningsplannen.titel),
        "ambitie" => names!(ambities.titel),
        "bijeenkomst" => names!(bijeenkomsten.titel),
        "kengetal" => names!(kengetallen.naam),
        _ => Ok(None),
    }
}

/// The name before `Id` or `Ids` of a reference column (`schoolId`, `eigenaarIds`).
fn reference(h: &str) -> Option<&str> {
    if h == "id" || h == "publicId" || h.contains('.') {
        return None;
    }
    h.strip_suffix("Ids").or_else(|| h.strip_suffix("Id"))
}

fn ids_in(v: &Value) -> Vec<Id> {
    match v {
        Value::String(s) => s.split(", ").filter_map(|p| p.parse().ok()).collect(),
        _ => Vec::new(),
    }
}

enum Kolom {
    Gewoon(usize),
    Code(usize),
    Namen(usize, HashMap<Id, String>),
}

/// The table as a workbook for people. With a connection the referenced ids become names.
pub fn xlsx(
    c: Option<&mut DbConn>,
    headers: &[String],
    rows: &[Vec<Value>],
    soorten: &Soorten,
    sheet: &str,
) -> Result<Vec<u8>, ApiError> {
    let mut kolommen: Vec<(String, Kolom)> = Vec::new();
    let mut c = c;
    for (i, h) in headers.iter().enumerate() {
        if h == "versie" || h == "id" {
            continue;
        }
        if let Some(prefix) = reference(h) {
            // The answer names it already (`schoolNaam` beside `schoolId`).
            if headers.iter().any(|x| *x == format!("{prefix}Naam")) {
                continue;
            }
            if let Some(conn) = c.as_deref_mut() {
                let ids: Vec<Id> = rows.iter().flat_map(|r| ids_in(&r[i])).collect();
                if let Some(found) = names_of(conn, prefix, ids)? {
                    kolommen.push((header(prefix), Kolom::Namen(i, found.into_iter().collect())));
                    continue;
                }
            }
        }
        let kolom = if soorten.codes.contains(h) {
            Kolom::Code(i)
        } else {
            Kolom::Gewoon(i)
        };
        kolommen.push((header(h), kolom));
    }
    // The record's own id last: not for reading, for finding it back.
    if let Some(i) = headers.iter().position(|h| h == "id") {
        kolommen.push(("Id".into(), Kolom::Gewoon(i)));
    }

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let name: String = sheet
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
        .take(31)
        .collect();
    let name = if name.is_empty() {
        "export".into()
    } else {
        sentence(vec![name])
    };
    ws.set_name(&name).map_err(ApiError::internal)?;
    let bold = XFormat::new().set_bold();
    let datum = XFormat::new().set_num_format("dd-mm-yyyy");
    let moment = XFormat::new().set_num_format("dd-mm-yyyy hh:mm");
    for (col, (h, _)) in kolommen.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, h, &bold)
            .map_err(ApiError::internal)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, (_, kolom)) in kolommen.iter().enumerate() {
            let col = col as u16;
            let written = match kolom {
                Kolom::Namen(i, names) => {
                    let text = ids_in(&row[*i])
                        .iter()
                        .map(|id| names.get(id).cloned().unwrap_or_else(|| id.to_string()))
                        .collect::<Vec<_>>()
                        .join(", ");
                    if text.is_empty() {
                        continue;
                    }
                    ws.write_string(r, col, text)
                }
                Kolom::Code(i) | Kolom::Gewoon(i) => match &row[*i] {
                    Value::Null => continue,
                    Value::Bool(b) => ws.write_string(r, col, if *b { "ja" } else { "nee" }),
                    Value::Number(n) => ws.write_number(r, col, n.as_f64().unwrap_or_default()),
                    Value::String(s) if matches!(kolom, Kolom::Code(_)) && is_code(s) => {
                        ws.write_string(r, col, label(s))
                    }
                    Value::String(s) => match excel_moment(s) {
                        Some((t, true)) => ws.write_datetime_with_format(r, col, &t, &moment),
                        Some((t, false)) => ws.write_datetime_with_format(r, col, &t, &datum),
                        None => ws.write_string(r, col, s),
                    },
                    other => ws.write_string(r, col, other.to_string()),
                },
            };
            written.map_err(ApiError::internal)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(ApiError::internal)?;
    if !kolommen.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, kolommen.len() as u16 - 1)
            .map_err(ApiError::internal)?;
    }
    ws.autofit_to_max_width(400);
    wb.save_to_buffer().map_err(ApiError::internal)
}

/// A date (`2026-10-06`) or an RFC 3339 moment in UTC, as an Excel date or a local date and
/// time (`true`).
fn excel_moment(s: &str) -> Option<(ExcelDateTime, bool)> {
    use chrono::{Datelike, Timelike};
    if s.len() == 10 {
        let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
        let t = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()?;
        return Some((t, false));
    }
    if !(s.len() >= 20 && s.ends_with('Z') && s.as_bytes().get(10) == Some(&b'T')) {
        return None;
    }
    let utc = chrono::DateTime::parse_from_rfc3339(s).ok()?.naive_utc();
    let l = crate::domain::time::local(utc);
    let t = ExcelDateTime::from_ymd(l.year() as u16, l.month() as u8, l.day() as u8)
        .ok()?
        .and_hms(l.hour() as u16, l.minute() as u8, l.second() as f64)
        .ok()?;
    Some((t, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_labels_in_dutch() {
        assert_eq!(header("aantalAangemeld"), "Aantal aangemeld");
        assert_eq!(header("createdAt"), "Aangemaakt");
        assert_eq!(header("brin"), "BRIN");
        assert_eq!(header("schoolVanHerkomst"), "School van herkomst");
        assert_eq!(header("financiering.bron"), "Financiering: Bron");
        assert_eq!(label("intern_begeleider"), "Intern begeleider");
        assert_eq!(label("ib_netwerk"), "IB netwerk");
        assert!(is_code("groot_netwerk") && !is_code("Haarlem") && !is_code("a-b"));
    }

    #[test]
    fn moments_are_local() {
        assert!(excel_moment("2026-10-06T12:30:00Z").is_some_and(|(_, t)| t));
        assert!(excel_moment("2026-10-06").is_some_and(|(_, t)| !t));
        assert!(excel_moment("2026-10-06 en verder").is_none());
        assert!(excel_moment("Haarlem").is_none());
    }
}
