//! The persistence of school contacts and the overview per school.

pub mod contacten;
pub mod kerncijfers;
pub mod overzicht;

pub use contacten::{Filter, Schoolcontact, SchoolcontactInput, Wie};
