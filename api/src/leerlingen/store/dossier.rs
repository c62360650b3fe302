//! A pupil's dossier: the pupil with every record about it, oldest first. The pupil-level areas
//! (arrangementen, TLV's, MDO's, thuiszitters) each add their records here as they arrive.

use crate::store_prelude::*;

use super::leerlingen::{self, Leerling};
use crate::arrangementen::store::Arrangement;
use crate::mdos::store::Mdo;
use crate::thuiszitters::store::Thuiszitter;
use crate::tlv::store::Tlv;

/// What a consulent opens before a meeting about the child.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Dossier {
    pub leerling: Leerling,
    /// Arrangementen, oudste eerst (op startdatum).
    pub arrangementen: Vec<Arrangement>,
    /// TLV's met hun adviezen, opschortingen, besluit, bezwaar en uitstroom, oudste eerst.
    pub toelaatbaarheidsverklaringen: Vec<Tlv>,
    /// MDO's, oudste eerst (op datum).
    pub mdo: Vec<Mdo>,
    /// Thuiszittersdossiers met hun verloop, oudste eerst.
    pub thuiszitters: Vec<Thuiszitter>,
}

impl crate::audit::AboutPupils for Dossier {
    fn pupils(&self) -> Vec<Id> {
        vec![self.leerling.id]
    }
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Dossier, ApiError> {
    Ok(Dossier {
        leerling: leerlingen::find(c, swv, id)?,
        arrangementen: crate::arrangementen::store::arrangementen::of_pupil(c, swv, id)?,
        toelaatbaarheidsverklaringen: crate::tlv::store::tlvs::of_pupil(c, swv, id)?,
        mdo: crate::mdos::store::mdos::of_pupil(c, swv, id)?,
        thuiszitters: crate::thuiszitters::store::casussen::of_pupil(c, swv, id)?,
    })
}
