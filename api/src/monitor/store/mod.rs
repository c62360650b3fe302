//! The monitor's figures: the gemeenten in their indeling, the counts per SWV, and the answer.

pub mod bestuur;
pub mod bronnen;
pub mod indeling;
pub mod jop;
pub mod kring;
pub mod tussenstand;
