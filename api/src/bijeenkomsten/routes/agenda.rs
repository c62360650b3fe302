//! A meeting as an iCalendar file, for the participant's own agenda.

use crate::bijeenkomsten::store::agenda::*;
use crate::bijeenkomsten::store::rij::Row;
use crate::route_prelude::*;
use actix_web::http::header;

pub fn respond(m: &Row) -> HttpResponse {
    let name: String = m
        .titel
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.ics\"", name.trim_matches('-')),
        ))
        .body(ics(m))
}
