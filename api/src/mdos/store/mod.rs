//! The persistence of MDO's.

pub mod mdos;

pub use mdos::{Filter, Mdo, MdoInput, Uitkomst};
