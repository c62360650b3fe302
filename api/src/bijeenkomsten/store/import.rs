//! Reading a registration list from CSV or Excel: every row is checked before anything is
//! stored, and every wrong row is named (`rijen[<row number>].<column>`, the header is row 1).

use super::rij::Row;
use super::{wachtlijst, Functie};
use crate::error::{ApiError, InvalidParam};
use crate::schema::scholen;
use crate::store_prelude::*;
use std::collections::{HashMap, HashSet};
use validator::ValidateEmail;

/// Rows are refused beyond this number: one list is one meeting's audience, not a data dump.
pub const MAX_ROWS: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Xlsx,
}

/// A table as read: the header row and the data rows, each with its row number in the file.
#[derive(Debug)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

pub fn unreadable(why: &str) -> ApiError {
    ApiError::field("bestand", why.to_string())
}

pub fn parse(kind: Kind, bytes: &[u8]) -> Result<Sheet, ApiError> {
    let mut table = match kind {
        Kind::Csv => parse_csv(bytes)?,
        Kind::Xlsx => parse_xlsx(bytes)?,
    };
    if table.is_empty() {
        return Err(unreadable("het bestand is leeg"));
    }
    let header: Vec<String> = table.remove(0);
    let rows: Vec<(usize, Vec<String>)> = table
        .into_iter()
        .enumerate()
        .map(|(i, r)| (i + 2, r))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.len() > MAX_ROWS {
        return Err(unreadable(&format!(
            "hoogstens {MAX_ROWS} regels per keer (dit bestand heeft er {})",
            rows.len()
        )));
    }
    Ok(Sheet { header, rows })
}

pub fn parse_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, ApiError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| unreadable("is geen UTF-8-tekst; sla de lijst op als CSV UTF-8"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel in a Dutch locale writes `;`; other tools write `,`.
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            unreadable(&format!(
                "is geen geldige CSV (rij {})",
                e.position().map(|p| p.line()).unwrap_or(0)
            ))
        })?;
        out.push(record.iter().map(str::to_string).collect());
    }
    Ok(out)
}

pub fn parse_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, ApiError> {
    use calamine::{Data, Reader, Xlsx};
    let mut book = Xlsx::new(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|_| unreadable("is geen geldige Excel-werkmap (.xlsx)"))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("de werkmap heeft geen werkblad"))?
        .map_err(|_| unreadable("het eerste werkblad is niet te lezen"))?;
    Ok(range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::Bool(b) => if *b { "ja" } else { "nee" }.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect())
}

/// One row ready to be registered.
#[derive(Debug, Clone)]
pub struct ImportRow {
    pub naam: String,
    pub email: String,
    pub school_id: Option<Id>,
    pub functie: Functie,
    pub aanwezig: Option<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Column {
    Naam,
    Email,
    School,
    Functie,
    Aanwezig,
}

impl Column {
    pub fn of_header(h: &str) -> Option<Column> {
        let h = h.trim().to_lowercase().replace(['-', '_'], "");
        Some(match h.as_str() {
            "naam" | "name" | "deelnemer" | "volledigenaam" => Column::Naam,
            "email" | "emailadres" | "mail" => Column::Email,
            "school" | "brin" | "schoolnaam" => Column::School,
            "functie" | "rol" => Column::Functie,
            "aanwezig" | "aanwezigheid" => Column::Aanwezig,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Column::Naam => "naam",
            Column::Email => "email",
            Column::School => "school",
            Column::Functie => "functie",
            Column::Aanwezig => "aanwezig",
        }
    }
}

pub fn yes_no(s: &str) -> Option<Option<bool>> {
    match s.trim().to_lowercase().as_str() {
        "" => Some(None),
        "ja" | "j" | "true" | "1" | "x" | "aanwezig" => Some(Some(true)),
        "nee" | "n" | "false" | "0" | "afwezig" => Some(Some(false)),
        _ => None,
    }
}

/// The SWV's schools, findable by lower-case name and by BRIN (with and without location).
pub fn school_index(c: &mut DbConn, swv: Id) -> Result<HashMap<String, Vec<Id>>, ApiError> {
    let rows: Vec<(Id, String, String)> = scholen::table
        .filter(scholen::samenwerkingsverband_id.eq(swv))
        .select((scholen::id, scholen::naam, scholen::brin))
        .load(c)?;
    let mut index: HashMap<String, Vec<Id>> = HashMap::new();
    for (id, naam, brin) in rows {
        let mut keys = vec![naam.trim().to_lowercase(), brin.to_lowercase()];
        if brin.len() > 4 {
            keys.push(brin[..4].to_lowercase());
        }
        keys.sort();
        keys.dedup();
        for k in keys {
            index.entry(k).or_default().push(id);
        }
    }
    Ok(index)
}

/// Checks every row; all problems of the file at once, or the rows to register.
pub fn validate(
    c: &mut DbConn,
    swv: Id,
    meeting: &Row,
    sheet: Sheet,
    now: chrono::NaiveDateTime,
) -> Result<Vec<ImportRow>, ApiError> {
    let mut columns: HashMap<Column, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (i, h) in sheet.header.iter().enumerate() {
        match Column::of_header(h) {
            Some(col) if columns.contains_key(&col) => errors.push(InvalidParam::new(
                format!("rijen[1].{}", col.name()),
                "deze kolom komt twee keer voor",
            )),
            Some(col) => {
                columns.insert(col, i);
            }
            None if h.trim().is_empty() => {}
            None => errors.push(InvalidParam::new(
                format!("rijen[1].{}", h.trim()),
                "onbekende kolom; gebruik naam, email, school, functie en aanwezig",
            )),
        }
    }
    for required in [Column::Naam, Column::Email] {
        if !columns.contains_key(&required) {
            errors.push(InvalidParam::new(
                format!("rijen[1].{}", required.name()),
                "deze kolom ontbreekt",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    if sheet.rows.is_empty() {
        return Err(unreadable(
            "het bestand heeft geen regels onder de kopregel",
        ));
    }
    let schools = school_index(c, swv)?;
    let started = super::aanmeldingen::aanwezigheid_open(meeting.start, now);
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(sheet.rows.len());
    for (n, row) in &sheet.rows {
        let cell = |col: Column| -> String {
            columns
                .get(&col)
                .and_then(|i| row.get(*i))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let at = |col: Column| format!("rijen[{n}].{}", col.name());
        let before = errors.len();
        let mut naam = cell(Column::Naam);
        rules::strip_invisible(&mut naam);
        if naam.is_empty() {
            errors.push(InvalidParam::new(at(Column::Naam), "is verplicht"));
        } else if naam.chars().count() > 200 {
            errors.push(InvalidParam::new(
                at(Column::Naam),
                "mag hoogstens 200 tekens lang zijn",
            ));
        } else if naam.chars().any(|c| c.is_control()) {
            errors.push(InvalidParam::new(
                at(Column::Naam),
                "bevat niet-toegestane stuurtekens",
            ));
        } else if let Err(e) = rules::no_bidi(&naam) {
            errors.push(InvalidParam::new(
                at(Column::Naam),
                e.message.unwrap_or_default().to_string(),
            ));
        }
        let email = cell(Column::Email);
        if email.is_empty() {
            errors.push(InvalidParam::new(at(Column::Email), "is verplicht"));
        } else if !email.validate_email() || email.len() > 254 {
            errors.push(InvalidParam::new(
                at(Column::Email),
                format!("'{email}' is geen geldig e-mailadres"),
            ));
        } else if !seen.insert(super::email_key(&email)) {
            errors.push(InvalidParam::new(
                at(Column::Email),
                "staat al eerder in dit bestand",
            ));
        } else if wachtlijst::email_taken(c, meeting.id, &email, None)? {
            errors.push(InvalidParam::new(
                at(Column::Email),
                "is al aangemeld voor deze bijeenkomst",
            ));
        }
        let school_text = cell(Column::School);
        let school_id = if school_text.is_empty() {
            None
        } else {
            match schools.get(&school_text.to_lowercase()).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                Some(_) => {
                    errors.push(InvalidParam::new(
                        at(Column::School),
                        format!("'{school_text}' past bij meer dan één school; gebruik de BRIN-code met vestiging"),
                    ));
                    None
                }
                None => {
                    errors.push(InvalidParam::new(
                        at(Column::School),
                        format!("'{school_text}' is geen school (naam of BRIN) van het samenwerkingsverband"),
                    ));
                    None
                }
            }
        };
        let functie_text = cell(Column::Functie);
        let functie = if functie_text.is_empty() {
            Functie::Overig
        } else {
            Functie::from_text(&functie_text).unwrap_or_else(|| {
                errors.push(InvalidParam::new(
                    at(Column::Functie),
                    format!("'{functie_text}' is geen bekende functie (bijv. leerkracht, intern begeleider, directeur)"),
                ));
                Functie::Overig
            })
        };
        let aanwezig_text = cell(Column::Aanwezig);
        let aanwezig = match yes_no(&aanwezig_text) {
            Some(Some(_)) if !started => {
                errors.push(InvalidParam::new(
                    at(Column::Aanwezig),
                    "de aanwezigheid kan pas worden vastgelegd vanaf een half uur voor de start van de bijeenkomst",
                ));
                None
            }
            Some(a) => a,
            None => {
                errors.push(InvalidParam::new(
                    at(Column::Aanwezig),
                    format!("'{aanwezig_text}' is geen ja of nee"),
                ));
                None
            }
        };
        if errors.len() == before {
            out.push(ImportRow {
                naam,
                email,
                school_id,
                functie,
                aanwezig,
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(ApiError::validation(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_either_separator_and_a_bom() {
        let s = parse(
            Kind::Csv,
            "\u{feff}naam;email;functie\r\nAnna;a@x.nl;IB\r\n;;\r\nBram;b@x.nl;\r\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(s.header, vec!["naam", "email", "functie"]);
        // Blank rows are skipped but the numbering stays that of the file.
        assert_eq!(s.rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![2, 4]);
        let s = parse(Kind::Csv, b"naam,email\nAnna,a@x.nl\n").unwrap();
        assert_eq!(s.rows[0].1, vec!["Anna", "a@x.nl"]);
    }

    #[test]
    fn headers_in_dutch_and_english() {
        assert_eq!(Column::of_header("E-mail"), Some(Column::Email));
        assert_eq!(Column::of_header(" Naam "), Some(Column::Naam));
        assert_eq!(Column::of_header("BRIN"), Some(Column::School));
        assert_eq!(Column::of_header("telefoon"), None);
    }

    #[test]
    fn broken_files_are_named() {
        let e = parse(Kind::Xlsx, b"not a zip").unwrap_err();
        assert_eq!(e.invalid_params[0].name, "bestand");
        let e = parse(Kind::Csv, &[0xff, 0xfe, 0x00]).unwrap_err();
        assert_eq!(e.invalid_params[0].name, "bestand");
    }
}
