//! PostgreSQL test databases used again. Making a database from the template and dropping it
//! afterwards cost PostgreSQL about a sixth of a second of CPU per test (it creates and removes
//! some 800 files), a third of its work in the tests. A finished test's database is emptied
//! instead, and the next test of this process takes it, but only when its schema is still the
//! template's (a test may drop a table or refuse connections) and the tests connect as a
//! superuser (rows are deleted without their foreign-key and cache triggers, which only a
//! superuser may switch off). Otherwise the database is dropped as before.

use std::sync::{Mutex, OnceLock};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

/// Emptied databases of this process, waiting for a test.
static SPARE: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// A database that an earlier test of this process left empty, if any.
pub fn take() -> Option<String> {
    SPARE.lock().ok()?.pop()
}

/// Ends the test's use of `name`: emptied and kept for the next test, or dropped.
pub fn give_back(admin_url: &str, name: &str, template: &str) {
    let Ok(mut admin) = PgConnection::establish(admin_url) else {
        return;
    };
    // The pools of the finished test (and any server it started) let go of the database first.
    let _ = admin.batch_execute(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    ));
    if superuser(&mut admin) && empty(&super::with_db(admin_url, name), template, admin_url) {
        if let Ok(mut spare) = SPARE.lock() {
            spare.push(name.to_string());
            return;
        }
    }
    let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
}

fn superuser(c: &mut PgConnection) -> bool {
    static SUPER: OnceLock<bool> = OnceLock::new();
    *SUPER.get_or_init(|| {
        diesel::dsl::sql::<diesel::sql_types::Bool>(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
        )
        .get_result(c)
        .unwrap_or(false)
    })
}

/// Tables, columns, indexes and triggers of the public schema, as one text to compare.
const SHAPE: &str = "SELECT coalesce(string_agg(x, ';' ORDER BY x), '') FROM ( \
     SELECT table_name || '.' || column_name || ':' || data_type || ':' || is_nullable \
       || ':' || coalesce(column_default, '') AS x \
       FROM information_schema.columns WHERE table_schema = 'public' \
     UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' \
     UNION ALL SELECT trigger_name || ':' || event_object_table || ':' || event_manipulation \
       FROM information_schema.triggers WHERE trigger_schema = 'public') s";

fn shape(c: &mut PgConnection) -> Option<String> {
    diesel::dsl::sql::<diesel::sql_types::Text>(SHAPE)
        .get_result(c)
        .ok()
}

/// The template's shape, read once.
fn template_shape(admin_url: &str, template: &str) -> Option<&'static str> {
    static SHAPE_OF_TEMPLATE: OnceLock<Option<String>> = OnceLock::new();
    SHAPE_OF_TEMPLATE
        .get_or_init(|| {
            let mut c = PgConnection::establish(&super::with_db(admin_url, template)).ok()?;
            shape(&mut c)
        })
        .as_deref()
}

/// Deletes every row but the migrations' own, if the schema is still the template's.
fn empty(url: &str, template: &str, admin_url: &str) -> bool {
    let Ok(mut c) = PgConnection::establish(url) else {
        return false;
    };
    if shape(&mut c).as_deref() != template_shape(admin_url, template) {
        return false;
    }
    let tables: Vec<String> = match diesel::dsl::sql::<diesel::sql_types::Text>(
        "SELECT quote_ident(tablename) FROM pg_tables \
         WHERE schemaname = 'public' AND tablename <> '__diesel_schema_migrations'",
    )
    .load(&mut c)
    {
        Ok(t) => t,
        Err(_) => return false,
    };
    let deletes: String = tables.iter().map(|t| format!("DELETE FROM {t};")).collect();
    c.batch_execute(&format!(
        "BEGIN; SET LOCAL session_replication_role = replica; {deletes} COMMIT;"
    ))
    .is_ok()
}
