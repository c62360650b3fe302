//! The persistence of arrangementen.

pub mod arrangementen;
pub mod budgetten;
mod invoer;
mod soorten;
pub mod statistieken;

pub use arrangementen::{Arrangement, Filter};
pub use invoer::ArrangementInput;
pub use soorten::{ArrangementSoort, ArrangementStatus, Categorie};
