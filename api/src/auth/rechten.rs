//! What the caller may do per area, as `GET /auth/me` answers it: read from the role table itself.

use serde::Serialize;
use utoipa::ToSchema;

use super::caller::{Access, Area, Caller};

/// What the caller may do per area (`GET /auth/me`), read from the role table itself, so a
/// client such as the SPA shows only what the API will allow.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct Recht {
    pub lezen: bool,
    pub schrijven: bool,
}

/// The caller's rights in every area of the API.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(example = json!({
    "samenwerkingsverbanden": {"lezen": true, "schrijven": false},
    "gemeenten": {"lezen": true, "schrijven": false},
    "organisatie": {"lezen": true, "schrijven": true},
    "gebruikers": {"lezen": true, "schrijven": true},
    "clients": {"lezen": true, "schrijven": true},
    "planstructuur": {"lezen": true, "schrijven": true},
    "uitvoering": {"lezen": true, "schrijven": true},
    "bijeenkomsten": {"lezen": true, "schrijven": true},
    "aanmeldingen": {"lezen": true, "schrijven": true},
    "leerlingen": {"lezen": true, "schrijven": true},
    "leerlingcijfers": {"lezen": true, "schrijven": false},
    "auditregels": {"lezen": true, "schrijven": false},
    "mails": {"lezen": true, "schrijven": false},
    "budgetten": {"lezen": true, "schrijven": true},
    "schoolcontacten": {"lezen": true, "schrijven": true},
    "monitor": {"lezen": true, "schrijven": false},
    "bestuursmonitor": {"lezen": true, "schrijven": false},
    "kengetallen": {"lezen": true, "schrijven": true}
}))]
pub struct Rechten {
    /// Samenwerkingsverbanden (schrijven: platformbeheer).
    pub samenwerkingsverbanden: Recht,
    pub gemeenten: Recht,
    /// Schoolbesturen, werkgebieden en scholen.
    pub organisatie: Recht,
    pub gebruikers: Recht,
    pub clients: Recht,
    /// Ondersteuningsplannen, ambities, activiteitenplannen en portefeuilles.
    pub planstructuur: Recht,
    /// Activiteiten met hun evaluatie, projecten en hun voortgang.
    pub uitvoering: Recht,
    /// Bijeenkomsten, hun opkomst en cijfers.
    pub bijeenkomsten: Recht,
    /// De aanmeldingen van bijeenkomsten (namen en e-mailadressen).
    pub aanmeldingen: Recht,
    /// Leerlingen en alles wat over een leerling is vastgelegd.
    pub leerlingen: Recht,
    /// De cijfers van de leerlinggebieden (statistieken, tellingen): voor een lezer afgeschermd.
    pub leerlingcijfers: Recht,
    /// Wie welke leerlinggegevens zag of wijzigde.
    pub auditregels: Recht,
    /// De verzonden en wachtende mails van het samenwerkingsverband.
    pub mails: Recht,
    /// De budgetten van de werkgebieden voor arrangementen.
    pub budgetten: Recht,
    /// De schoolcontacten van de consulenten.
    pub schoolcontacten: Recht,
    /// De JOP-monitor: onderdrukte cijfers per gemeente.
    pub monitor: Recht,
    /// De monitor voor schoolbesturen: onderdrukte cijfers per school.
    pub bestuursmonitor: Recht,
    /// De ken- en stuurgetallen en hun waarden.
    pub kengetallen: Recht,
}

impl Caller {
    pub fn rechten(&self) -> Rechten {
        let recht = |area| Recht {
            lezen: self.allows(area, Access::Read),
            schrijven: self.allows(area, Access::Write),
        };
        Rechten {
            samenwerkingsverbanden: recht(Area::Samenwerkingsverbanden),
            gemeenten: recht(Area::Gemeenten),
            organisatie: recht(Area::Organisatie),
            gebruikers: recht(Area::Gebruikers),
            clients: recht(Area::Clients),
            planstructuur: recht(Area::Planstructuur),
            uitvoering: recht(Area::Uitvoering),
            bijeenkomsten: recht(Area::Bijeenkomsten),
            aanmeldingen: recht(Area::Aanmeldingen),
            leerlingen: recht(Area::Leerlingen),
            leerlingcijfers: recht(Area::Leerlingcijfers),
            auditregels: recht(Area::Auditregels),
            mails: recht(Area::Mails),
            budgetten: recht(Area::Budgetten),
            schoolcontacten: recht(Area::Schoolcontacten),
            monitor: recht(Area::Monitor),
            bestuursmonitor: recht(Area::Bestuursmonitor),
            kengetallen: recht(Area::Kengetallen),
        }
    }
}
