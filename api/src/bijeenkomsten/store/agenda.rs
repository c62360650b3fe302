//! A meeting as an iCalendar file, for the participant's own agenda.

use super::rij::Row;
use super::BijeenkomstStatus;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

/// The `.ics` of a meeting. The UID is stable, so importing the file again updates the event.
///
/// Every value goes through the crate's TEXT escaping (RFC 5545 §3.3.11) and line folding, so a
/// title or place can never end its line and start a property or event of its own.
pub fn ics(m: &Row) -> String {
    ics_met(m, None)
}

/// The `.ics` of a participant's confirmation: the cancellation link as the event's URL and at
/// the end of its description, so it is at hand in the agenda too.
pub fn ics_met(m: &Row, afmelden: Option<&str>) -> String {
    let titel = text(&m.titel);
    let mut event = Event::new();
    event
        .uid(&format!("{}@koers", m.id))
        .summary(&titel)
        .starts(m.start.and_utc())
        .ends(m.eind.and_utc())
        .timestamp(m.updated_at.and_utc())
        .status(match m.status {
            BijeenkomstStatus::Geannuleerd => EventStatus::Cancelled,
            _ => EventStatus::Confirmed,
        });
    if let Some(l) = &m.locatie {
        event.location(&text(l));
    }
    let omschrijving = match (&m.omschrijving, afmelden) {
        (Some(o), Some(url)) => Some(format!("{}\n\nAfmelden: {url}", text(o))),
        (None, Some(url)) => Some(format!("Afmelden: {url}")),
        (Some(o), None) => Some(text(o)),
        (None, None) => None,
    };
    if let Some(o) = omschrijving {
        event.description(&o);
    }
    if let Some(url) = afmelden {
        event.url(url);
    }
    let mut cal = Calendar::new();
    // `Calendar::name` writes NAME unescaped (the crate does not know it as TEXT); saying its
    // value type makes the crate escape it like every other text.
    cal.append_property(
        Property::new("NAME", titel.as_str())
            .add_parameter("VALUE", "TEXT")
            .done(),
    )
    .append_property(Property::new("X-WR-CALNAME", titel.as_str()))
    .push(event.done());
    cal.done().to_string()
}

/// A stored text as an iCalendar TEXT value: every line end becomes the one newline that the
/// escaping turns into `\n` (a bare CR would survive it and end the line for some readers), and
/// other control characters, which TEXT does not allow, are dropped.
fn text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_ends_and_controls() {
        assert_eq!(super::text("a\r\nb\rc\nd\u{7}e\tf"), "a\nb\nc\nde\tf");
    }
}
