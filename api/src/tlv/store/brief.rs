//! The decision letter to the parents: the decision, the kind and category, the period, the
//! receiving school, the reasons, the advice it rests on and how to object. The names and
//! address in it are given for this one document and never stored.

use docx_rs::{Docx, Paragraph, Run};

use crate::store_prelude::*;

use super::soorten::{BesluitUitkomst, Discipline, TlvSoort};
use super::tlvs::{self, Tlv};
use crate::domain::document::{styles, text_run};
use crate::schema::{leerlingen, samenwerkingsverbanden, scholen};

/// The names and address the letter is written to; used in the document only.
#[derive(Debug, Clone, Default, Deserialize, Serialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"leerlingNaam": "Sem", "ouderNaam": "familie De Boer",
    "adres": "Dorpsstraat 1\n1851 AB Heiloo"}))]
pub struct BriefInput {
    /// Wordt alleen in de brief gebruikt, nooit opgeslagen of gelogd.
    #[serde(default)]
    #[validate(length(max = 200, message = "mag hoogstens 200 tekens lang zijn"))]
    #[schema(max_length = 200)]
    pub leerling_naam: Option<String>,
    #[serde(default)]
    #[validate(length(max = 200, message = "mag hoogstens 200 tekens lang zijn"))]
    #[schema(max_length = 200)]
    pub ouder_naam: Option<String>,
    #[serde(default)]
    #[validate(length(max = 500, message = "mag hoogstens 500 tekens lang zijn"))]
    #[schema(max_length = 500)]
    pub adres: Option<String>,
}

/// What the letter says besides the request itself.
pub struct Brief {
    pub tlv: Tlv,
    pub swv: String,
    pub referentie: String,
    pub voorziening: Option<String>,
}

/// Reads what the letter of a decided request needs; `409` without a decision.
pub fn gegevens(c: &mut DbConn, swv: Id, id: Id) -> Result<Brief, ApiError> {
    let tlv = tlvs::find(c, swv, id)?;
    let Some(besluit) = &tlv.besluit else {
        return Err(ApiError::conflict(
            "Er is nog geen besluit: een besluitbrief kan pas na het besluit.",
        ));
    };
    let naam: String = samenwerkingsverbanden::table
        .filter(samenwerkingsverbanden::id.eq(swv))
        .select(samenwerkingsverbanden::naam)
        .first(c)?;
    let referentie: String = leerlingen::table
        .filter(leerlingen::id.eq(tlv.leerling_id))
        .select(leerlingen::referentie)
        .first(c)?;
    let voorziening = match besluit.voorziening_school_id {
        Some(s) => scholen::table
            .filter(scholen::id.eq(s))
            .select(scholen::naam)
            .first(c)
            .optional()?,
        None => None,
    };
    Ok(Brief {
        tlv,
        swv: naam,
        referentie,
        voorziening,
    })
}

fn onderwijs(t: &Tlv) -> String {
    let soort = match t.soort {
        TlvSoort::Sbo => "het speciaal basisonderwijs (sbo)".to_string(),
        TlvSoort::So => "het speciaal onderwijs (so)".to_string(),
        TlvSoort::Vso => "het voortgezet speciaal onderwijs (vso)".to_string(),
    };
    match t.categorie {
        Some(c) => format!("{soort}, categorie {}", c.as_str()),
        None => soort,
    }
}

fn discipline(d: Discipline) -> &'static str {
    match d {
        Discipline::Orthopedagoog => "orthopedagoog",
        Discipline::Psycholoog => "psycholoog",
        Discipline::Kinderpsychiater => "kinderpsychiater",
        Discipline::MaatschappelijkWerker => "maatschappelijk werker",
        Discipline::Arts => "arts",
        Discipline::Overig => "deskundige",
    }
}

fn alinea(text: impl Into<String>) -> Paragraph {
    Paragraph::new().add_run(text_run(&text.into()))
}

fn kop(text: &str) -> Paragraph {
    Paragraph::new()
        .style("Heading2")
        .add_run(Run::new().add_text(text))
}

/// The letter as a Word document.
pub fn docx(b: &Brief, aan: &BriefInput) -> Result<Vec<u8>, ApiError> {
    let t = &b.tlv;
    let besluit = t
        .besluit
        .as_ref()
        .ok_or_else(|| ApiError::conflict("Er is nog geen besluit."))?;
    let leerling = aan
        .leerling_naam
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| format!("de leerling met referentie {}", b.referentie));
    let mut doc = styles(Docx::new()).add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(&b.swv)),
    );
    let geadresseerd: Vec<&str> = [aan.ouder_naam.as_deref(), aan.adres.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if !geadresseerd.is_empty() {
        doc = doc.add_paragraph(alinea(geadresseerd.join("\n")));
    }
    doc = doc
        .add_paragraph(alinea(format!("Datum: {}", crate::domain::time::datum_voluit(besluit.verzonden_op))))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Betreft: ").bold())
                .add_run(Run::new().add_text(format!(
                    "besluit over de toelaatbaarheid van {leerling} ({})",
                    b.referentie
                ))),
        )
        .add_paragraph(alinea(match aan.ouder_naam.as_deref().map(str::trim) {
            Some(n) if !n.is_empty() => format!("Geachte {n},"),
            _ => "Geachte ouder(s) of verzorger(s),".to_string(),
        }))
        .add_paragraph(alinea(format!(
            "Op {} ontvingen wij de aanvraag van een toelaatbaarheidsverklaring voor {leerling}. Op {} heeft het samenwerkingsverband hierover besloten.",
            crate::domain::time::datum_voluit(t.ontvangen_op),
            crate::domain::time::datum_voluit(besluit.datum)
        )))
        .add_paragraph(kop("Het besluit"));
    doc = match besluit.uitkomst {
        BesluitUitkomst::Toegekend => {
            let mut p = vec![format!(
                "{} is toelaatbaar tot {}.",
                capitalise(&leerling),
                onderwijs(t)
            )];
            if let (Some(van), Some(tot)) = (besluit.ingangsdatum, besluit.einddatum) {
                p.push(format!(
                    "De toelaatbaarheidsverklaring geldt van {} tot en met {}.",
                    crate::domain::time::datum_voluit(van),
                    crate::domain::time::datum_voluit(tot)
                ));
            }
            if t.tijdelijk {
                p.push(
                    "Het gaat om een tijdelijke plaatsing voor observatie of interventie.".into(),
                );
            }
            if let Some(s) = &b.voorziening {
                p.push(format!("De leerling gaat naar {s}."));
            }
            doc.add_paragraph(alinea(p.join(" ")))
        }
        BesluitUitkomst::Afgewezen => doc.add_paragraph(alinea(format!(
            "Wij verklaren {leerling} niet toelaatbaar tot {}.",
            onderwijs(t)
        ))),
    };
    if !besluit.motivering.trim().is_empty() {
        doc = doc
            .add_paragraph(kop("Motivering"))
            .add_paragraph(alinea(besluit.motivering.trim()));
    }
    if !t.adviezen.is_empty() {
        let wie: Vec<String> = t
            .adviezen
            .iter()
            .map(|a| {
                format!(
                    "{} ({}, {})",
                    a.deskundige,
                    discipline(a.discipline),
                    crate::domain::time::datum_voluit(a.datum)
                )
            })
            .collect();
        doc = doc
            .add_paragraph(kop("Adviezen"))
            .add_paragraph(alinea(format!(
                "Het besluit is genomen na advies van: {}.",
                wie.join("; ")
            )));
    }
    let uiterlijk = super::klok::bezwaar_uiterlijk(besluit.verzonden_op);
    doc = doc
        .add_paragraph(kop("Bezwaar maken"))
        .add_paragraph(alinea(format!(
            "Bent u het niet eens met dit besluit, dan kunt u binnen zes weken na de dag waarop deze brief is verzonden bezwaar maken: uiterlijk op {}. Stuur uw bezwaarschrift, ondertekend en met uw naam, adres, de datum, een omschrijving van dit besluit en de redenen van uw bezwaar, aan het bestuur van {}. Het samenwerkingsverband vraagt over uw bezwaar advies aan de Landelijke Bezwaaradviescommissie toelaatbaarheidsverklaringen (LBT) en beslist daarna op uw bezwaar.",
            crate::domain::time::datum_voluit(uiterlijk),
            b.swv
        )))
        .add_paragraph(alinea("Met vriendelijke groet,"))
        .add_paragraph(alinea(&b.swv));
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out).map_err(ApiError::internal)?;
    Ok(out.into_inner())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
