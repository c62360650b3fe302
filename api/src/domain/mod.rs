//! Domain rules every area shares, below all of them: school years and dates, timestamps, and
//! references from one record to another within an SWV.

pub mod afscherming;
pub mod document;
pub mod onderdrukking;
pub mod peildata;
pub mod reach;
pub mod references;
pub mod rules;
pub mod schooljaar;
pub mod telling;
pub mod time;
pub mod werk;

pub use reach::Reach;
pub use references::{unique, References};
pub use schooljaar::{
    datum, is_schooljaar, schooljaar, schooljaar_of, schooljaar_van, SCHOOLJAAR_PATTERN,
};
