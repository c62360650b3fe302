//! A meeting as an iCalendar file, for the participant's own agenda.

use super::rij::Row;
use super::BijeenkomstStatus;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// The `.ics` of a meeting. The UID is stable, so importing the file again updates the event.
pub fn ics(m: &Row) -> String {
    let mut event = Event::new();
    event
        .uid(&format!("{}@koers", m.id))
        .summary(&m.titel)
        .starts(m.start.and_utc())
        .ends(m.eind.and_utc())
        .timestamp(m.updated_at.and_utc())
        .status(match m.status {
            BijeenkomstStatus::Geannuleerd => EventStatus::Cancelled,
            _ => EventStatus::Confirmed,
        });
    if let Some(l) = &m.locatie {
        event.location(l);
    }
    if let Some(o) = &m.omschrijving {
        event.description(o);
    }
    let mut cal = Calendar::new();
    cal.name(&m.titel).push(event.done());
    cal.done().to_string()
}
