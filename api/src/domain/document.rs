//! What every Word document Koers writes shares: its heading styles, and text whose line
//! breaks stay line breaks.

use docx_rs::{BreakType, Docx, Run, Style, StyleType};

/// The media type of a Word document.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Text as a run, each line on its own line.
pub fn text_run(s: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

pub fn styles(doc: Docx) -> Docx {
    doc.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(40)
            .bold(),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .size(32)
            .bold()
            .color("1F3864")
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("Heading 2")
            .size(26)
            .bold()
            .color("2F5496")
            .outline_lvl(1),
    )
}
