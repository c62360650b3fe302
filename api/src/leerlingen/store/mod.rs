//! The persistence of pupils: the record, its dossier and the retention run.

pub mod dossier;
pub mod leerlingen;
pub mod opschonen;

pub use leerlingen::{Filter, Geslacht, Leerling, LeerlingInput};
