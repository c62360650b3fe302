//! The overview as a Word document for the board: one table of the KPIs with target, value,
//! signal and the years before, then the explanations.

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, WidthType};

use super::overzicht::{eenheid_label, leesbaar, KengetalStand, Kengetallenoverzicht, TRENDJAREN};
use super::Richting;
use crate::domain::document::{styles, text_run};
use crate::domain::schooljaar::{eerste_jaar, schooljaar_vanaf};
use crate::store_prelude::*;

/// A number as Dutch readers write it: a decimal comma, no decimals when whole.
pub fn getal(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x:.1}").replace('.', ",")
    }
}

/// A value with its unit ("3,8 %", "€ 375", "180").
pub fn met_eenheid(k: &KengetalStand, x: f64) -> String {
    let v = getal(leesbaar(k.eenheid, x));
    match eenheid_label(k.eenheid) {
        "%" => format!("{v} %"),
        "euro" => format!("€ {v}"),
        _ => v,
    }
}

/// The target as a reader says it: "≥ 151", "≤ 3 %".
pub fn streef(k: &KengetalStand) -> String {
    let teken = match k.richting {
        Richting::Minimaal => "≥",
        Richting::Maximaal => "≤",
    };
    format!("{teken} {}", met_eenheid(k, k.streefwaarde))
}

/// The school years of the trend, oldest first.
pub fn trendjaren(schooljaar: &str) -> Vec<String> {
    let eerste = eerste_jaar(schooljaar).unwrap_or_default();
    (eerste - TRENDJAREN..eerste)
        .map(schooljaar_vanaf)
        .collect()
}

fn cell(text: &str, bold: bool) -> TableCell {
    let mut run = Run::new().add_text(text);
    if bold {
        run = run.bold();
    }
    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
}

fn tabel(o: &Kengetallenoverzicht) -> Table {
    let jaren = trendjaren(&o.schooljaar);
    let mut kop = vec![
        cell("Kengetal", true),
        cell("Streef", true),
        cell(&o.schooljaar, true),
        cell("Signaal", true),
    ];
    kop.extend(jaren.iter().map(|j| cell(j, true)));
    let mut rows = vec![TableRow::new(kop)];
    for k in &o.kengetallen {
        let mut cells = vec![
            cell(&k.naam, false),
            cell(&streef(k), false),
            cell(&k.waarde.map_or("–".into(), |w| met_eenheid(k, w)), true),
            cell(k.signaal.map_or("–", |s| s.label()), false),
        ];
        cells.extend(
            k.trend
                .iter()
                .map(|w| cell(&w.map_or("–".into(), |w| met_eenheid(k, w)), false)),
        );
        rows.push(TableRow::new(cells));
    }
    let mut grid = vec![2800, 1200, 1100, 1000];
    grid.extend(std::iter::repeat_n(900, jaren.len()));
    Table::new(rows).set_grid(grid).width(9700, WidthType::Dxa)
}

pub fn docx(o: &Kengetallenoverzicht, swv: &str) -> Result<Vec<u8>, ApiError> {
    let mut doc = styles(Docx::new())
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(format!("Ken- en stuurgetallen {}", o.schooljaar))),
        )
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(swv).italic()))
        .add_table(tabel(o));
    let toelichtingen: Vec<&KengetalStand> = o
        .kengetallen
        .iter()
        .filter(|k| k.toelichting.is_some())
        .collect();
    if !toelichtingen.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .style("Heading1")
                .add_run(Run::new().add_text("Toelichting")),
        );
        for k in toelichtingen {
            doc = doc
                .add_paragraph(
                    Paragraph::new()
                        .style("Heading2")
                        .add_run(Run::new().add_text(&k.naam)),
                )
                .add_paragraph(
                    Paragraph::new().add_run(text_run(k.toelichting.as_deref().unwrap_or(""))),
                );
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out).map_err(ApiError::internal)?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers() {
        assert_eq!(getal(3.8), "3,8");
        assert_eq!(getal(180.0), "180");
        assert_eq!(trendjaren("2022-2023")[0], "2018-2019");
    }
}
