//! The organisation's records and their queries: samenwerkingsverbanden, gemeenten,
//! schoolbesturen, werkgebieden, scholen, gebruikers and clients.

pub mod clients;
pub mod gebruikers;
pub mod gemeenten;
pub mod huisstijl;
pub mod scholen;
pub mod schoolbesturen;
pub mod swv;
pub mod werkgebieden;
