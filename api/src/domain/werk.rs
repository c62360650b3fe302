//! An item of a worklist: what needs doing, why, by when, and where. The TLV desk and the
//! consulent's own worklist answer in this one shape, ordered by due date, then by kind.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

crate::text_enum! {
    /// Why an item is on the list.
    pub enum WerkSoort {
        /// An `aanvulling` suspension open for more than 14 days.
        TlvAanvulling => "tlv_aanvulling",
        /// An open request whose deadline runs.
        TlvTermijn => "tlv_termijn",
        /// An open request without the advice a decision needs.
        TlvAdvies => "tlv_advies",
        /// A granted TLV that ends soon without a new request.
        TlvHerbeoordeling => "tlv_herbeoordeling",
        /// An objection not yet decided.
        TlvBezwaar => "tlv_bezwaar",
        /// A school contact whose follow-up is due.
        SchoolcontactVervolg => "schoolcontact_vervolg",
        /// An open thuiszitter's case without a perspective.
        ThuiszitterPerspectief => "thuiszitter_perspectief",
        /// An open thuiszitter's case whose situation was not updated for six weeks.
        ThuiszitterStil => "thuiszitter_stil",
        /// An activity of the year's plan still to evaluate.
        ActiviteitEvaluatie => "activiteit_evaluatie",
        /// A meeting held without its attendance recorded.
        BijeenkomstAanwezigheid => "bijeenkomst_aanwezigheid",
    }
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({"soort": "tlv_termijn", "reden": "Beslissen uiterlijk 14-11-2016 (nog 5 dagen)",
    "datum": "2016-11-14", "link": "/toelaatbaarheidsverklaringen/0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a40",
    "referentie": "NK-0444"}))]
pub struct WerkItem {
    pub soort: WerkSoort,
    /// In woorden: wat er moet gebeuren en waarom.
    pub reden: String,
    /// Uiterlijk wanneer.
    pub datum: NaiveDate,
    /// Het pad in de API (zonder `/api/v1`) van het record waar het om gaat.
    pub link: String,
    /// De referentie van de leerling, als het om een leerling gaat.
    pub referentie: Option<String>,
    /// The pupil, for the audit trail of the answer that names it.
    #[serde(skip)]
    pub leerling_id: Option<crate::db::Id>,
}

impl WerkItem {
    /// The list's order: by due date, then by kind.
    pub fn sort(items: &mut [WerkItem]) {
        items.sort_by(|a, b| {
            (a.datum, a.soort.as_str(), &a.link).cmp(&(b.datum, b.soort.as_str(), &b.link))
        });
    }
}
