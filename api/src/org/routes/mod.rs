//! The organisation's endpoints.

pub mod scholen;
