//! The API tests in one binary: every file is a module, every test body runs on SQLite and on
//! PostgreSQL (`both_backends!`). Run one file with `cargo test --test api scholen::`, one backend
//! with `cargo test --test api -- postgres`.

#[macro_use]
mod common;

mod arrangementen;
mod arrangementen_budget;
mod auth;
mod authz;
mod bijeenkomsten;
mod caching;
mod clients;
mod concurrency;
mod demo;
mod demo_arrangementen;
mod demo_week;
mod gebruikers;
mod gemeenten;
mod huisstijl;
mod incheck;
mod kengetallen;
mod leerlingcijfers;
mod leerlingen;
mod mail;
mod mail_accounts;
mod mdos;
mod metrics;
mod monitor;
mod monitor_bestuur;
mod monitor_tussenstand;
mod planning_plannen;
mod planning_queries;
mod planning_uitvoering;
mod planning_verantwoording;
mod platform;
mod publiek;
mod queries;
mod reach;
mod resilience;
mod revocation;
mod robustness;
mod samenwerkingsverbanden;
mod scholen;
mod schoolbesturen;
mod schoolcontacten;
mod security;
mod streef;
mod synth;
mod thuiszitters;
mod tlv;
mod tlv_balie;
mod werkboek;
mod werkgebieden;
mod werkvoorraad;
