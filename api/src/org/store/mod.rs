//! The organisation's records and their queries.

pub mod scholen;
