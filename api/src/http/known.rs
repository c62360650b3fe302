//! The paths of the API with their methods, read from the OpenAPI document when the app is
//! built, so that a method a path does not have is answered `405` with `Allow` (as the NL GOV
//! API Design Rules ask), not `404` as for a path that does not exist.

use std::sync::OnceLock;

use utoipa::openapi::OpenApi;

/// Each path as its segments (`None` for a parameter) with the methods it has.
type Known = Vec<(Vec<Option<String>>, Vec<&'static str>)>;

static KNOWN: OnceLock<Known> = OnceLock::new();

/// Keeps the paths of the document (relative to `/api/v1`); the first call wins.
pub fn remember(doc: &OpenApi) {
    KNOWN.get_or_init(|| {
        doc.paths
            .paths
            .iter()
            .map(|(path, item)| {
                let path = path.strip_prefix("/api/v1").unwrap_or(path);
                let segments = path
                    .trim_start_matches('/')
                    .split('/')
                    .map(|s| (!s.starts_with('{')).then(|| s.to_string()))
                    .collect();
                let methods = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(m, has)| has.then_some(m))
                .collect();
                (segments, methods)
            })
            .collect()
    });
}

/// The methods of the API path `path` (relative to `/api/v1`), when it is one.
pub fn methods(path: &str) -> Option<Vec<&'static str>> {
    let asked: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let mut found: Vec<&'static str> = Vec::new();
    for (segments, methods) in KNOWN.get()? {
        let same = segments.len() == asked.len()
            && segments.iter().zip(&asked).all(|(s, a)| match s {
                Some(s) => s == a,
                // An empty segment (`/leerlingen/`) is no value for a parameter.
                None => !a.is_empty(),
            });
        if same {
            for m in methods {
                if !found.contains(m) {
                    found.push(m);
                }
            }
        }
    }
    (!found.is_empty()).then_some(found)
}
