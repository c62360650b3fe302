//! Content negotiation for lists and the CSV and XLSX renderings of any list.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use serde_json::{Map, Value};

use super::list::{ListQuery, ListSpec};
use super::werkboek::Soorten;
use crate::error::ApiError;
use crate::listing::Listed;

pub const CSV: &str = "text/csv";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The best of the answers a client accepts (`Accept`, with `q` weights and in the order given);
/// JSON when it says nothing or accepts JSON; `406` naming what is offered otherwise.
pub fn negotiate<T: Copy>(req: &HttpRequest, json: T, offers: &[(&str, T)]) -> Result<T, ApiError> {
    let Some(accept) = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
    else {
        return Ok(json);
    };
    let mut ranges: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut it = part.split(';');
            let mt = it.next()?.trim().to_ascii_lowercase();
            let q = it
                .filter_map(|p| p.trim().strip_prefix("q="))
                .filter_map(|q| q.parse::<f32>().ok())
                .next()
                .unwrap_or(1.0);
            (q > 0.0 && !mt.is_empty()).then_some((q, i, mt))
        })
        .collect();
    if ranges.is_empty() {
        return Ok(json);
    }
    ranges.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    for (_, _, mt) in ranges {
        if matches!(
            mt.as_str(),
            "application/json" | "application/*" | "*/*" | "application/problem+json"
        ) {
            return Ok(json);
        }
        if let Some((_, v)) = offers.iter().find(|(m, _)| *m == mt) {
            return Ok(*v);
        }
    }
    let named: Vec<&str> = offers
        .iter()
        .map(|(m, _)| *m)
        .filter(|m| !m.ends_with("/*"))
        .collect();
    Err(ApiError::not_acceptable(&format!(
        "application/json, {}",
        named.join(" of ")
    )))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

impl Format {
    /// The best format the `Accept` header allows; `406` when it allows none of them.
    pub fn negotiate(req: &HttpRequest) -> Result<Format, ApiError> {
        negotiate(
            req,
            Format::Json,
            &[
                (CSV, Format::Csv),
                ("text/*", Format::Csv),
                (XLSX, Format::Xlsx),
            ],
        )
    }

    pub fn is_json(self) -> bool {
        self == Format::Json
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a, T> {
    items: &'a [T],
    page: i64,
    page_size: i64,
    total: i64,
}

/// Answers a list in the negotiated format. For JSON `items` is one page; for the exports it is
/// the whole filtered list (the caller fetched it without paging).
pub fn respond<T: Serialize + utoipa::PartialSchema>(
    format: Format,
    query: &ListQuery,
    items: &[T],
    total: i64,
    name: &str,
    columns: &[&str],
) -> Result<HttpResponse, ApiError> {
    match format {
        Format::Json => Ok(HttpResponse::Ok().json(Envelope {
            items,
            page: query.page,
            page_size: query.page_size,
            total,
        })),
        Format::Csv => {
            let table = Table::from_items(items, columns)?.or_fields_of::<T>();
            Ok(attachment(
                CSV,
                "text/csv; charset=utf-8",
                name,
                "csv",
                table.csv()?,
            ))
        }
        Format::Xlsx => {
            let table = Table::from_items(items, columns)?.or_fields_of::<T>();
            let book = super::werkboek::xlsx(
                None,
                &table.headers,
                &table.rows,
                &Soorten::of::<T>(),
                name,
            )?;
            Ok(attachment(XLSX, XLSX, name, "xlsx", book))
        }
    }
}

/// Answers the list of a store's records: the query parsed against the store's sort fields,
/// `filter` reading the route's filters into the store's filter (which carries the scope), then
/// one page of JSON or the whole list as CSV/XLSX.
pub async fn listed<T>(
    db: &crate::db::Db,
    req: &HttpRequest,
    default_sort: &'static str,
    filter: impl FnOnce(&mut ListQuery) -> T::Filter,
) -> Result<HttpResponse, ApiError>
where
    T: Listed + Serialize + utoipa::PartialSchema,
{
    let format = Format::negotiate(req)?;
    let spec = ListSpec {
        sorts: T::SORTS,
        default_sort,
    };
    let mut q = ListQuery::parse(req, &spec);
    let filter = std::sync::Arc::new(filter(&mut q));
    let q = q.finish()?;
    let sort = q.sort.clone();
    let counted = filter.clone();
    list(
        db,
        format,
        &q,
        T::NAME,
        move |c| T::count(c, &counted),
        move |c, limit, offset| T::page(c, &filter, &sort, limit, offset),
    )
    .await
}

/// Rows per query when a list is exported: the export is written while it is read, so memory
/// stays flat however long the list is.
pub const CHUNK: i64 = 2000;

/// Answers a list whose rows `fetch(conn, limit, offset)` reads in the list's order: one page
/// for JSON (with `count` for `total`); for CSV every row, streamed chunk by chunk; for XLSX
/// every row in one workbook (the format needs the whole file before it can be sent). Exports
/// are reports: they read from the replica when there is one.
pub async fn list<T, C, F>(
    db: &crate::db::Db,
    format: Format,
    query: &ListQuery,
    name: &'static str,
    count: C,
    fetch: F,
) -> Result<HttpResponse, ApiError>
where
    T: Serialize + utoipa::PartialSchema + Send + 'static,
    C: Fn(&mut crate::db::DbConn) -> Result<i64, ApiError> + Send + Sync + 'static,
    F: Fn(&mut crate::db::DbConn, i64, i64) -> Result<Vec<T>, ApiError> + Send + Sync + 'static,
{
    match format {
        Format::Json => {
            let (limit, offset) = (query.page_size, query.offset());
            let (items, total) = db
                .read(move |c| {
                    let total = count(c)?;
                    Ok((fetch(c, limit, offset)?, total))
                })
                .await?;
            respond(format, query, &items, total, name, &[])
        }
        Format::Xlsx => {
            // Read whole, with the names of the records it refers to from the same snapshot.
            let book = db
                .report(move |c| {
                    count(c)?;
                    let mut all = Vec::new();
                    loop {
                        let chunk = fetch(c, CHUNK, all.len() as i64)?;
                        let done = (chunk.len() as i64) < CHUNK;
                        all.extend(chunk);
                        if done {
                            break;
                        }
                    }
                    let table = Table::from_items(&all, &[])?.or_fields_of::<T>();
                    super::werkboek::xlsx(
                        Some(c),
                        &table.headers,
                        &table.rows,
                        &Soorten::of::<T>(),
                        name,
                    )
                })
                .await?;
            Ok(attachment(XLSX, XLSX, name, "xlsx", book))
        }
        Format::Csv => {
            let fetch = std::sync::Arc::new(fetch);
            let first_fetch = fetch.clone();
            // The first chunk is read before answering, so a failure still gets a problem answer.
            let first = db
                .report(move |c| {
                    count(c)?;
                    first_fetch(c, CHUNK, 0)
                })
                .await?;
            let first_table = Table::from_items(&first, &[])?.or_fields_of::<T>();
            let headers = first_table.headers.clone();
            let head = first_table.write_csv(true)?;
            let more = first.len() as i64 == CHUNK;
            let (tx, rx) = tokio::sync::mpsc::channel::<Result<web::Bytes, std::io::Error>>(2);
            let db = db.clone();
            actix_web::rt::task::spawn_blocking(move || {
                // A closed channel means the client went away: stop reading.
                let send = |tx: &tokio::sync::mpsc::Sender<_>, b| tx.blocking_send(b).is_ok();
                if !send(&tx, Ok(web::Bytes::from(head))) || !more {
                    return;
                }
                let mut offset = CHUNK;
                loop {
                    let chunk = db
                        .report_conn()
                        .and_then(|mut c| {
                            let rows = fetch(&mut c, CHUNK, offset);
                            crate::db::settle(&mut c, rows)
                        })
                        .and_then(|rows| {
                            let cols: Vec<&str> = headers.iter().map(String::as_str).collect();
                            Ok((
                                rows.len() as i64,
                                Table::from_items(&rows, &cols)?.write_csv(false)?,
                            ))
                        });
                    match chunk {
                        Ok((n, bytes)) => {
                            if !send(&tx, Ok(web::Bytes::from(bytes))) || n < CHUNK {
                                return;
                            }
                            offset += CHUNK;
                        }
                        Err(e) => {
                            // The status line is gone: end the download unfinished, so it is not
                            // mistaken for a complete file.
                            tracing::error!(error = %e, "export stopped");
                            let _ = send(&tx, Err(std::io::Error::other("export stopped")));
                            return;
                        }
                    }
                }
            });
            Ok(HttpResponse::Ok()
                .content_type("text/csv; charset=utf-8")
                .insert_header((
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.csv\""),
                ))
                .streaming(futures_util::stream::unfold(rx, |mut rx| async move {
                    rx.recv().await.map(|chunk| (chunk, rx))
                })))
        }
    }
}

fn attachment(
    _kind: &str,
    content_type: &str,
    name: &str,
    ext: &str,
    body: Vec<u8>,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{ext}\""),
        ))
        .body(body)
}

/// A flattened table: one column per JSON field (`parent.child` for nested objects).
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// An empty export still carries its header row: the fields of the item type's schema.
    fn or_fields_of<T: utoipa::PartialSchema>(mut self) -> Table {
        if self.headers.is_empty() {
            if let utoipa::openapi::RefOr::T(utoipa::openapi::schema::Schema::Object(o)) =
                T::schema()
            {
                self.headers = o.properties.keys().cloned().collect();
            }
        }
        self
    }

    pub fn from_items<T: Serialize>(items: &[T], columns: &[&str]) -> Result<Table, ApiError> {
        let mut headers: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        let mut flat_rows = Vec::with_capacity(items.len());
        for item in items {
            let mut flat = Map::new();
            flatten(
                "",
                serde_json::to_value(item).map_err(ApiError::internal)?,
                &mut flat,
            );
            for (k, v) in &flat {
                // An empty nested object whose fields are declared columns adds no column.
                let declared_parent =
                    v.is_null() && headers.iter().any(|h| h.starts_with(&format!("{k}.")));
                if !headers.contains(k) && !declared_parent {
                    headers.push(k.clone());
                }
            }
            flat_rows.push(flat);
        }
        let rows = flat_rows
            .into_iter()
            .map(|mut m| {
                headers
                    .iter()
                    .map(|h| m.remove(h).unwrap_or(Value::Null))
                    .collect()
            })
            .collect();
        Ok(Table { headers, rows })
    }

    /// `;`-separated, UTF-8 with BOM and CRLF, so Excel in a Dutch locale opens it as is.
    pub fn csv(&self) -> Result<Vec<u8>, ApiError> {
        self.write_csv(true)
    }

    /// The rows as CSV; with `start` first the BOM and the header row (a later chunk has neither).
    fn write_csv(&self, start: bool) -> Result<Vec<u8>, ApiError> {
        let mut out = if start {
            Vec::from(&b"\xEF\xBB\xBF"[..])
        } else {
            Vec::new()
        };
        {
            let mut w = csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut out);
            if start {
                w.write_record(&self.headers).map_err(ApiError::internal)?;
            }
            for row in &self.rows {
                w.write_record(row.iter().map(csv_cell))
                    .map_err(ApiError::internal)?;
            }
            w.flush().map_err(ApiError::internal)?;
        }
        Ok(out)
    }
}

fn flatten(prefix: &str, v: Value, out: &mut Map<String, Value>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::Array(items) => {
            let joined = if items.iter().all(|i| !i.is_object() && !i.is_array()) {
                Value::String(items.iter().map(scalar_text).collect::<Vec<_>>().join(", "))
            } else {
                Value::String(Value::Array(items).to_string())
            };
            out.insert(prefix.to_string(), joined);
        }
        other => {
            out.insert(prefix.to_string(), other);
        }
    }
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) if n.is_f64() => n.to_string().replace('.', ","),
        Value::Number(n) => n.to_string(),
        // A leading =, +, - or @ would make a spreadsheet evaluate the cell as a formula.
        Value::String(s) if s.starts_with(['=', '+', '-', '@']) => format!("'{s}"),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn csv_flattens_and_formats() {
        let items = vec![
            json!({"id": "a", "naam": "=SOM(1)", "nested": {"x": 1.5}, "tags": ["a", "b"], "ok": true, "leeg": null}),
        ];
        let t = Table::from_items(&items, &[]).unwrap();
        let csv = String::from_utf8(t.csv().unwrap()).unwrap();
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains("id;naam;nested.x;tags;ok;leeg\r\n"));
        assert!(csv.contains("a;'=SOM(1);1,5;a, b;true;\r\n"));
    }
}
