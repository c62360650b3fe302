//! The persistence of arrangementen.

pub mod arrangementen;
pub mod budget;
pub mod budgetten;
mod invoer;
mod soorten;
pub(crate) mod spreiding;
pub mod statistieken;

pub use arrangementen::{Arrangement, Filter};
pub use invoer::ArrangementInput;
pub use soorten::{ArrangementSoort, ArrangementStatus, Categorie};
