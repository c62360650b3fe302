//! One connection type over PostgreSQL and SQLite: queries are written once in diesel's DSL
//! and run on either.

#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Pg(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}
