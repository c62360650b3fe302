//! The persistence of TLV's: the request and its clock, and the steps of the procedure.

pub mod adviezen;
pub mod besluit;
pub mod bezwaar;
pub mod brief;
pub mod cijfers;
pub mod invoer;
pub mod klok;
pub mod lijst;
pub mod opschortingen;
pub mod soorten;
mod stap;
pub mod statistieken;
pub mod termijn;
pub mod tlvs;
pub mod werkvoorraad;

pub use invoer::TlvInput;
pub use lijst::Filter;
pub use soorten::{Aanvraag, TlvCategorie, TlvSoort, TlvStatus};
pub use tlvs::Tlv;
