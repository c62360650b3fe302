//! Lists: paging, sorting, field filters and free-text search, parsed once for every resource.

use std::collections::BTreeMap;
use std::str::FromStr;

use actix_web::HttpRequest;
use serde::de::DeserializeOwned;

use crate::db::Id;
use crate::error::{ApiError, InvalidParam};

pub const DEFAULT_PAGE_SIZE: i64 = 50;
pub const MAX_PAGE_SIZE: i64 = 200;

/// How a list may be sorted. Its filters are the parameters its handler reads: `finish` refuses
/// every other one, so the handler's reads are the one list of what the operation accepts.
pub struct ListSpec {
    pub sorts: &'static [&'static str],
    pub default_sort: &'static str,
}

pub use crate::listing::SortKey;

/// A parsed list query. Typed filter getters collect their errors; `finish` reports them all.
#[derive(Debug)]
pub struct ListQuery {
    pub page: i64,
    pub page_size: i64,
    pub sort: Vec<SortKey>,
    pub search: Option<String>,
    params: BTreeMap<String, String>,
    /// The filters the handler asked for, present or not.
    asked: Vec<String>,
    errors: Vec<InvalidParam>,
}

impl ListQuery {
    pub fn parse(req: &HttpRequest, spec: &ListSpec) -> ListQuery {
        Self::parse_with(req, spec, true)
    }

    /// The query of a computed answer (figures, not a list): no paging, no sorting.
    pub fn parse_filters(req: &HttpRequest, spec: &ListSpec) -> ListQuery {
        Self::parse_with(req, spec, false)
    }

    fn parse_with(req: &HttpRequest, spec: &ListSpec, paged: bool) -> ListQuery {
        let mut errors = Vec::new();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(req.query_string())
            .ok()
            .filter(|_| well_encoded(req.query_string()))
            .unwrap_or_else(|| {
                errors.push(InvalidParam::new(
                    "query",
                    "de query-string is niet geldig gecodeerd",
                ));
                Vec::new()
            });
        let mut params = BTreeMap::new();
        for (k, v) in pairs {
            if !paged && matches!(k.as_str(), "page" | "pageSize" | "sort" | "q") {
                errors.push(InvalidParam::new(&k, "onbekende parameter"));
            } else if v.chars().any(|c| c.is_control()) {
                errors.push(InvalidParam::new(&k, "bevat niet-toegestane stuurtekens"));
            } else {
                match params.entry(k) {
                    std::collections::btree_map::Entry::Occupied(e) => {
                        errors.push(InvalidParam::new(e.key(), "mag maar één keer voorkomen"));
                    }
                    std::collections::btree_map::Entry::Vacant(e) => {
                        e.insert(v);
                    }
                }
            }
        }
        let page = match params.get("page").map(|v| v.parse::<i64>()) {
            None => 1,
            Some(Ok(p)) if (1..=1_000_000).contains(&p) => p,
            Some(_) => {
                errors.push(InvalidParam::new(
                    "page",
                    "moet een geheel getal van 1 tot en met 1000000 zijn",
                ));
                1
            }
        };
        let page_size = match params.get("pageSize").map(|v| v.parse::<i64>()) {
            None => DEFAULT_PAGE_SIZE,
            Some(Ok(p)) if (1..=MAX_PAGE_SIZE).contains(&p) => p,
            Some(_) => {
                errors.push(InvalidParam::new(
                    "pageSize",
                    format!("moet een geheel getal van 1 tot en met {MAX_PAGE_SIZE} zijn"),
                ));
                DEFAULT_PAGE_SIZE
            }
        };
        let sort_param = params
            .get("sort")
            .cloned()
            .unwrap_or_else(|| spec.default_sort.to_string());
        let mut sort = Vec::new();
        for part in sort_param.split(',').filter(|_| paged) {
            let (descending, name) = match part.strip_prefix('-') {
                Some(n) => (true, n),
                None => (false, part),
            };
            match spec.sorts.iter().find(|s| **s == name) {
                Some(field) if !sort.iter().any(|k: &SortKey| k.field == *field) => {
                    sort.push(SortKey { field, descending })
                }
                _ => errors.push(InvalidParam::new(
                    "sort",
                    format!(
                        "onbekend sorteerveld '{name}'; mogelijk: {}",
                        spec.sorts.join(", ")
                    ),
                )),
            }
        }
        let search = params
            .get("q")
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        if search.as_ref().is_some_and(|s| s.chars().count() > 200) {
            errors.push(InvalidParam::new("q", "mag hoogstens 200 tekens lang zijn"));
        }
        ListQuery {
            page,
            page_size,
            sort,
            search,
            params,
            asked: Vec::new(),
            errors,
        }
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.page_size
    }

    /// A filter given as a UUID.
    pub fn id(&mut self, name: &str) -> Option<Id> {
        self.typed(name, "geen geldige UUID")
    }

    /// A filter given as one of an enumeration's values.
    pub fn enumeration<T: DeserializeOwned>(&mut self, name: &str) -> Option<T> {
        self.asked.push(name.to_string());
        let raw = self.params.get(name)?.clone();
        match serde_json::from_value::<T>(serde_json::Value::String(raw)) {
            Ok(v) => Some(v),
            Err(_) => {
                self.errors
                    .push(InvalidParam::new(name, "ongeldige waarde"));
                None
            }
        }
    }

    /// A filter given as a date `YYYY-MM-DD`.
    pub fn date(&mut self, name: &str) -> Option<chrono::NaiveDate> {
        self.typed(name, "geen geldige datum (verwacht YYYY-MM-DD)")
    }

    /// A date a request cannot do without (`YYYY-MM-DD`); its absence is reported like a bad one.
    pub fn required_date(&mut self, name: &str) -> chrono::NaiveDate {
        if !self.params.contains_key(name) {
            self.asked.push(name.to_string());
            self.reject(name, "is verplicht (YYYY-MM-DD)");
        }
        self.date(name).unwrap_or_default()
    }

    pub fn boolean(&mut self, name: &str) -> Option<bool> {
        self.typed(name, "moet true of false zijn")
    }

    pub fn text(&mut self, name: &str) -> Option<String> {
        self.asked.push(name.to_string());
        self.params.get(name).cloned()
    }

    /// The `schooljaar` filter, checked like the field.
    pub fn schooljaar(&mut self) -> Option<String> {
        use crate::domain::schooljaar::{is_schooljaar, SCHOOLJAAR_REASON};
        let v = self.text("schooljaar")?;
        if is_schooljaar(&v) {
            Some(v)
        } else {
            self.reject("schooljaar", SCHOOLJAAR_REASON);
            None
        }
    }

    /// The `schooljaar` of a figures request: required, checked like the field.
    pub fn required_schooljaar(&mut self) -> String {
        if !self.params.contains_key("schooljaar") {
            self.asked.push("schooljaar".into());
            self.reject("schooljaar", "is verplicht");
        }
        self.schooljaar().unwrap_or_default()
    }

    fn typed<T: FromStr>(&mut self, name: &str, reason: &str) -> Option<T> {
        self.asked.push(name.to_string());
        let raw = self.params.get(name)?;
        match raw.parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                self.errors.push(InvalidParam::new(name, reason));
                None
            }
        }
    }

    /// Adds an error found by the resource's own checks of its filters.
    pub fn reject(&mut self, name: &str, reason: &str) {
        self.errors.push(InvalidParam::new(name, reason));
    }

    /// Ends parsing: every error found so far, or the query.
    pub fn finish(mut self) -> Result<ListQuery, ApiError> {
        for name in self.params.keys() {
            let standard = matches!(name.as_str(), "page" | "pageSize" | "sort" | "q");
            if !standard && !self.asked.contains(name) {
                self.errors
                    .push(InvalidParam::new(name, "onbekende parameter"));
            }
        }
        if self.errors.is_empty() {
            Ok(self)
        } else {
            Err(ApiError::validation(std::mem::take(&mut self.errors)))
        }
    }

    /// The `LIKE` pattern for the search text, with its wildcards escaped.
    pub fn search_pattern(&self) -> Option<String> {
        self.search.as_ref().map(|s| {
            let escaped = s
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        })
    }
}

/// Whether every `%` in a query string starts a two-digit hex escape and the decoded text is
/// UTF-8 (the form decoder would otherwise keep bad escapes as text or replace bytes silently).
fn well_encoded(query: &str) -> bool {
    let bytes = query.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
            match (hex(i + 1), hex(i + 2)) {
                (Some(hi), Some(lo)) => decoded.push((hi * 16 + lo) as u8),
                _ => return false,
            }
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).is_ok()
}
