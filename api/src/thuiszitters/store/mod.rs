//! The persistence of thuiszitters: cases with their verloop, the count on any date, frozen
//! peildata, the follow-up of a cohort and the figures of a year.

pub mod casussen;
pub mod lijst;
pub mod peildata;
pub mod soorten;
pub mod statistieken;
pub mod telling;
pub mod verloop;
pub mod verloopregels;
pub mod vervolg;

pub use casussen::{Thuiszitter, ThuiszitterInput};
pub use lijst::Filter;
