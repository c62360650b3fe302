//! The persistence of MDO's.

pub mod mdos;
pub mod statistieken;

pub use mdos::{Filter, Mdo, MdoInput, Uitkomst};
