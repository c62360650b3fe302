//! The year's account as documents fit to hand to a board: Markdown and Word (DOCX). Both show
//! the same data as the JSON account: a summary table of the counts per ambitie, then a heading
//! per ambitie with its goal and its activities with their evaluation.

use super::verantwoording::{AmbitieVerslag, Evaluatieverslag, Telling, VerslagActiviteit};
use crate::domain::document::{styles, text_run};
use crate::store_prelude::*;
use chrono::NaiveDate;
use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, WidthType};

pub const COLUMNS: [&str; 11] = [
    "Ambitie",
    "Activiteiten",
    "Geëvalueerd",
    "Uitgevoerd",
    "Deels",
    "Niet uitgevoerd",
    "Doorgeschoven",
    "Op koers",
    "Aandacht",
    "Risico",
    "Afgerond",
];

pub fn counts(t: &Telling) -> [i64; 10] {
    [
        t.aantal,
        t.geevalueerd,
        t.per_status.uitgevoerd,
        t.per_status.deels,
        t.per_status.niet_uitgevoerd,
        t.per_status.doorgeschoven,
        t.per_signaal.op_koers,
        t.per_signaal.aandacht,
        t.per_signaal.risico,
        t.per_signaal.afgerond,
    ]
}

pub fn title(v: &Evaluatieverslag) -> String {
    format!(
        "Evaluatie activiteitenplan {}",
        v.activiteitenplan.schooljaar
    )
}

pub fn subtitle(v: &Evaluatieverslag) -> String {
    format!(
        "Ondersteuningsplan {} ({}-{}) · plan {}",
        v.ondersteuningsplan.titel,
        v.ondersteuningsplan.van_jaar,
        v.ondersteuningsplan.tot_jaar,
        v.activiteitenplan.status
    )
}

pub fn heading(g: &AmbitieVerslag) -> String {
    format!("{}. {}", g.ambitie.nummer, g.ambitie.titel)
}

pub fn datum(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// A number as Dutch readers write it: no decimals when whole, a decimal comma otherwise.
pub fn getal(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}").replace('.', ",")
    }
}

/// The lines under an activity: who, which project, the target and the evaluation.
pub fn details(a: &VerslagActiviteit) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(v) = &a.verantwoordelijke {
        out.push(("Verantwoordelijke".into(), v.naam.clone()));
    }
    if let Some(p) = &a.project {
        let eind = p
            .einddatum
            .map(|d| format!(", loopt tot {}", datum(d)))
            .unwrap_or_default();
        out.push(("Project".into(), format!("{} ({}{eind})", p.naam, p.status)));
    }
    if let Some(s) = &a.activiteit.streefwaarde {
        out.push(("Streefwaarde".into(), s.clone()));
    }
    match &a.activiteit.evaluatie {
        None => out.push(("Evaluatie".into(), "nog niet geëvalueerd".into())),
        Some(e) => {
            let mut s = e.status.label().to_string();
            if let Some(sig) = e.signaal {
                s.push_str(&format!("; signaal: {}", sig.label()));
            }
            if let Some(r) = e.resultaat {
                s.push_str(&format!("; resultaat: {}", getal(r)));
            }
            out.push(("Evaluatie".into(), s));
            if let Some(t) = e.toelichting.as_ref().filter(|t| !t.trim().is_empty()) {
                out.push(("Toelichting".into(), t.clone()));
            }
        }
    }
    out
}

// ----- Markdown -----

/// Text on one line with the characters that Markdown would read as markup escaped.
pub fn inline(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len());
    for ch in one_line.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

pub fn md_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

pub fn markdown(v: &Evaluatieverslag) -> String {
    let mut md = String::new();
    md.push_str(&format!("# {}\n\n", inline(&title(v))));
    md.push_str(&format!("{}\n\n", inline(&subtitle(v))));

    md.push_str("## Samenvatting\n\n");
    md.push_str(&md_row(&COLUMNS.map(String::from)));
    let mut align = vec!["---".to_string()];
    align.extend(std::iter::repeat_n("---:".to_string(), COLUMNS.len() - 1));
    md.push_str(&md_row(&align));
    for g in &v.ambities {
        let mut row = vec![inline(&heading(g))];
        row.extend(counts(&g.telling).iter().map(i64::to_string));
        md.push_str(&md_row(&row));
    }
    let mut row = vec!["**Totaal**".to_string()];
    row.extend(counts(&v.totaal).iter().map(|n| format!("**{n}**")));
    md.push_str(&md_row(&row));
    md.push('\n');

    for g in &v.ambities {
        md.push_str(&format!("## {}\n\n", inline(&heading(g))));
        if !g.ambitie.doelstelling.trim().is_empty() {
            md.push_str(&format!(
                "*Doelstelling:* {}\n\n",
                inline(&g.ambitie.doelstelling)
            ));
        }
        if g.activiteiten.is_empty() {
            md.push_str("Geen activiteiten in dit schooljaar.\n\n");
            continue;
        }
        for a in &g.activiteiten {
            let soort = if a.activiteit.soort == super::activiteiten::ActiviteitSoort::Extra {
                " (extra)"
            } else {
                ""
            };
            md.push_str(&format!(
                "- **{}**{soort}\n",
                inline(&a.activiteit.omschrijving)
            ));
            for (label, text) in details(a) {
                md.push_str(&format!("  - {label}: {}\n", inline(&text)));
            }
        }
        md.push('\n');
    }
    if let Some(vooruit) = v
        .activiteitenplan
        .vooruitblik
        .as_ref()
        .filter(|t| !t.trim().is_empty())
    {
        md.push_str("## Vooruitblik\n\n");
        for para in vooruit.split("\n\n") {
            md.push_str(&format!("{}\n\n", inline(para)));
        }
    }
    md
}

// ----- DOCX -----

/// A run of text that keeps its line breaks.
pub fn cell(text: &str, bold: bool) -> TableCell {
    let mut run = Run::new().add_text(text);
    if bold {
        run = run.bold();
    }
    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
}

pub fn summary_table(v: &Evaluatieverslag) -> Table {
    let mut rows = vec![TableRow::new(
        COLUMNS.iter().map(|c| cell(c, true)).collect(),
    )];
    for g in &v.ambities {
        let mut cells = vec![cell(&heading(g), false)];
        cells.extend(
            counts(&g.telling)
                .iter()
                .map(|n| cell(&n.to_string(), false)),
        );
        rows.push(TableRow::new(cells));
    }
    let mut cells = vec![cell("Totaal", true)];
    cells.extend(counts(&v.totaal).iter().map(|n| cell(&n.to_string(), true)));
    rows.push(TableRow::new(cells));
    let mut grid = vec![2600];
    grid.extend(std::iter::repeat_n(700, COLUMNS.len() - 1));
    Table::new(rows).set_grid(grid).width(9600, WidthType::Dxa)
}

pub fn docx(v: &Evaluatieverslag) -> Result<Vec<u8>, ApiError> {
    let mut doc = styles(Docx::new())
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(title(v))),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(subtitle(v)).italic()))
        .add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text("Samenvatting")),
        )
        .add_table(summary_table(v));
    for g in &v.ambities {
        doc = doc.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text(heading(g))),
        );
        if !g.ambitie.doelstelling.trim().is_empty() {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text("Doelstelling: ").bold())
                    .add_run(text_run(&g.ambitie.doelstelling).italic()),
            );
        }
        if g.activiteiten.is_empty() {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text("Geen activiteiten in dit schooljaar.")),
            );
            continue;
        }
        for a in &g.activiteiten {
            let mut kop = a.activiteit.omschrijving.clone();
            if a.activiteit.soort == super::activiteiten::ActiviteitSoort::Extra {
                kop.push_str(" (extra)");
            }
            doc = doc.add_paragraph(Paragraph::new().style("Heading2").add_run(text_run(&kop)));
            for (label, text) in details(a) {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(format!("{label}: ")).bold())
                        .add_run(text_run(&text)),
                );
            }
        }
    }
    if let Some(vooruit) = v
        .activiteitenplan
        .vooruitblik
        .as_ref()
        .filter(|t| !t.trim().is_empty())
    {
        doc = doc
            .add_paragraph(
                Paragraph::new()
                    .style("Heading1")
                    .add_run(Run::new().add_text("Vooruitblik")),
            )
            .add_paragraph(Paragraph::new().add_run(text_run(vooruit)));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out).map_err(ApiError::internal)?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_break_the_markdown() {
        assert_eq!(inline("a | b\n# c"), "a \\| b \\# c");
        assert_eq!(inline("*vet*"), "\\*vet\\*");
    }

    #[test]
    fn numbers_read_as_in_dutch() {
        assert_eq!(getal(112.0), "112");
        assert_eq!(getal(3.79), "3,79");
    }
}
