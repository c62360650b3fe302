//! The caller of a request and what it may do: the role table of the API in one place.

use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::revocation::Holder;
use crate::db::Id;
use crate::domain::Reach;
use crate::error::ApiError;
use crate::state::AppState;

crate::text_enum! {
    /// The role of a user.
    pub enum Rol {
        Platformbeheerder => "platformbeheerder",
        Beheerder => "beheerder",
        Consulent => "consulent",
        Medewerker => "medewerker",
        Lezer => "lezer",
    }
}

/// A permission a client can be given.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
pub enum Scope {
    #[serde(rename = "organisatie:read")]
    OrganisatieRead,
    #[serde(rename = "organisatie:write")]
    OrganisatieWrite,
    #[serde(rename = "planning:read")]
    PlanningRead,
    #[serde(rename = "planning:write")]
    PlanningWrite,
    #[serde(rename = "bijeenkomsten:read")]
    BijeenkomstenRead,
    #[serde(rename = "bijeenkomsten:write")]
    BijeenkomstenWrite,
    #[serde(rename = "jop:read")]
    JopRead,
    #[serde(rename = "bestuur:read")]
    BestuurRead,
}

impl Scope {
    pub const ALL: [Scope; 8] = [
        Scope::OrganisatieRead,
        Scope::OrganisatieWrite,
        Scope::PlanningRead,
        Scope::PlanningWrite,
        Scope::BijeenkomstenRead,
        Scope::BijeenkomstenWrite,
        Scope::JopRead,
        Scope::BestuurRead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::OrganisatieRead => "organisatie:read",
            Scope::OrganisatieWrite => "organisatie:write",
            Scope::PlanningRead => "planning:read",
            Scope::PlanningWrite => "planning:write",
            Scope::BijeenkomstenRead => "bijeenkomsten:read",
            Scope::BijeenkomstenWrite => "bijeenkomsten:write",
            Scope::JopRead => "jop:read",
            Scope::BestuurRead => "bestuur:read",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub fn join(scopes: &[Scope]) -> String {
        scopes
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn split(s: &str) -> Vec<Scope> {
        s.split_whitespace().filter_map(Scope::parse).collect()
    }
}

/// What a resource is, for the role table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Samenwerkingsverbanden,
    Gemeenten,
    /// Schoolbesturen, werkgebieden and scholen.
    Organisatie,
    Gebruikers,
    Clients,
    /// Ondersteuningsplannen, ambities, activiteitenplannen and portefeuilles: the structure of
    /// the plan, set by beheerders and consulenten.
    Planstructuur,
    /// Activiteiten with their evaluaties, projecten and their voortgang: the work done under
    /// the plan, also recorded by medewerkers.
    Uitvoering,
    /// Bijeenkomsten with their opkomst and statistics: aggregated figures every user may read.
    Bijeenkomsten,
    /// Aanmeldingen: the names and email addresses of participants, kept from lezers.
    Aanmeldingen,
    /// Pupil-level data (leerlingen and every record about a pupil): only the SWV's staff who
    /// work with pupils, never a lezer, the platformbeheerder or a client.
    Leerlingen,
    /// The aggregated figures of the pupil-level areas: exact for the staff who work with pupils,
    /// suppressed for a lezer; no client.
    Leerlingcijfers,
    /// The audit trail of pupil-level data: read by the beheerder, written by no one.
    Auditregels,
    /// The outbox: what was mailed to whom and whether it arrived; read by the beheerder, written
    /// only by the changes that cause mails.
    Mails,
    /// The budgets of the werkgebieden: read by every user of the SWV, set by the beheerder;
    /// clients read figures only through the monitor.
    Budgetten,
    /// The school contacts of the consulenten: the SWV's staff who visit schools, not lezers.
    Schoolcontacten,
    /// The JOP monitor: suppressed figures per gemeente, for the SWV's users and for clients
    /// with `jop:read` (also clients of the platform, tied to gemeenten only).
    Monitor,
    /// The monitor of schoolbesturen: per school of a board, for the SWV's users and for clients
    /// with `bestuur:read` tied to boards of their SWV.
    Bestuursmonitor,
    /// The KPIs (ken- en stuurgetallen) and their entered values: read by every user of the SWV,
    /// set by the beheerder; no client reads them.
    Kengetallen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

#[derive(Debug, Clone)]
pub enum Principal {
    Gebruiker {
        id: Id,
        rol: Rol,
    },
    Client {
        id: Id,
        client_id: String,
        scopes: Vec<Scope>,
        gemeenten: Vec<Id>,
    },
}

/// The authenticated caller, from the bearer token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Principal,
    pub swv: Option<Id>,
}

/// The role table of the API. `true` means the caller may, within its own SWV.
fn role_allows(rol: Rol, area: Area, access: Access) -> bool {
    use Access::*;
    use Area::*;
    use Rol::*;
    match (area, access) {
        (Samenwerkingsverbanden, Read) => true,
        (Samenwerkingsverbanden, Write) => rol == Platformbeheerder,
        (Gemeenten, Read) => true,
        (Gemeenten, Write) => rol == Platformbeheerder,
        (Organisatie, Read) => rol != Platformbeheerder,
        (Organisatie, Write) => rol == Beheerder,
        (Gebruikers | Clients, _) => matches!(rol, Platformbeheerder | Beheerder),
        (Planstructuur | Uitvoering, Read) => rol != Platformbeheerder,
        (Planstructuur, Write) => matches!(rol, Beheerder | Consulent),
        (Uitvoering, Write) => matches!(rol, Beheerder | Consulent | Medewerker),
        (Bijeenkomsten, Read) => rol != Platformbeheerder,
        (Bijeenkomsten | Aanmeldingen, Write) | (Aanmeldingen, Read) => {
            matches!(rol, Beheerder | Consulent | Medewerker)
        }
        (Leerlingen, _) => matches!(rol, Beheerder | Consulent | Medewerker),
        (Leerlingcijfers, Read) => matches!(rol, Beheerder | Consulent | Medewerker | Lezer),
        (Leerlingcijfers, Write) => false,
        (Auditregels, Read) => rol == Beheerder,
        (Auditregels, Write) => false,
        (Mails, Read) => rol == Beheerder,
        (Mails, Write) => false,
        (Budgetten, Read) => rol != Platformbeheerder,
        (Budgetten, Write) => rol == Beheerder,
        (Schoolcontacten, _) => matches!(rol, Beheerder | Consulent | Medewerker),
        (Monitor | Bestuursmonitor, Read) => rol != Platformbeheerder,
        (Monitor | Bestuursmonitor, Write) => false,
        (Kengetallen, Read) => rol != Platformbeheerder,
        (Kengetallen, Write) => rol == Beheerder,
    }
}

/// The scopes that let a client in. An empty list: no client may.
fn scopes_allowing(area: Area, access: Access) -> &'static [Scope] {
    use Access::*;
    use Area::*;
    match (area, access) {
        (Organisatie, Read) => &[Scope::OrganisatieRead, Scope::OrganisatieWrite],
        (Organisatie, Write) => &[Scope::OrganisatieWrite],
        (Gemeenten, Read) => &Scope::ALL,
        (Monitor, Read) => &[Scope::JopRead],
        (Bestuursmonitor, Read) => &[Scope::BestuurRead],
        (Planstructuur | Uitvoering, Read) => &[Scope::PlanningRead, Scope::PlanningWrite],
        (Planstructuur | Uitvoering, Write) => &[Scope::PlanningWrite],
        (Bijeenkomsten | Aanmeldingen, Read) => {
            &[Scope::BijeenkomstenRead, Scope::BijeenkomstenWrite]
        }
        (Bijeenkomsten | Aanmeldingen, Write) => &[Scope::BijeenkomstenWrite],
        _ => &[],
    }
}

impl Caller {
    /// Whether the role table or the client's scopes allow this.
    pub fn allows(&self, area: Area, access: Access) -> bool {
        match &self.principal {
            Principal::Gebruiker { rol, .. } => role_allows(*rol, area, access),
            Principal::Client { scopes, .. } => {
                let needed = scopes_allowing(area, access);
                // Tenant-bound areas need a client of an SWV.
                let tenant_ok =
                    matches!(area, Area::Gemeenten | Area::Monitor) || self.swv.is_some();
                tenant_ok && scopes.iter().any(|s| needed.contains(s))
            }
        }
    }

    /// How this caller reads the aggregated figures of a pupil-level area: exact when it may
    /// read the pupils themselves, suppressed otherwise (a lezer).
    pub fn cijferblik(
        &self,
        geen_aantal: &'static [&'static str],
    ) -> crate::domain::afscherming::Blik {
        crate::domain::afscherming::Blik {
            afgeschermd: !self.allows(Area::Leerlingen, Access::Read),
            geen_aantal,
        }
    }

    pub fn rol(&self) -> Option<Rol> {
        match &self.principal {
            Principal::Gebruiker { rol, .. } => Some(*rol),
            Principal::Client { .. } => None,
        }
    }

    /// How far the caller sees within its SWV: a client tied to gemeenten only their schools.
    pub fn reach(&self) -> Reach {
        match &self.principal {
            Principal::Client { gemeenten, .. } => Reach::gemeenten(gemeenten),
            Principal::Gebruiker { .. } => Reach::everything(),
        }
    }

    pub fn is_platform(&self) -> bool {
        self.rol() == Some(Rol::Platformbeheerder)
    }

    /// `403` unless the role table or the client's scopes allow this.
    pub fn require(&self, area: Area, access: Access) -> Result<(), ApiError> {
        if self.allows(area, access) {
            Ok(())
        } else {
            Err(ApiError::forbidden(match access {
                Access::Read => "U heeft geen toegang tot deze gegevens.",
                Access::Write => "U mag deze gegevens niet wijzigen.",
            }))
        }
    }

    /// The caller's SWV for tenant-owned data, after the permission check.
    pub fn tenant(&self, area: Area, access: Access) -> Result<Id, ApiError> {
        self.require(area, access)?;
        self.swv
            .ok_or_else(|| ApiError::forbidden("Deze gegevens horen bij een samenwerkingsverband."))
    }

    /// For data the platformbeheerder manages across SWV's: `None` means every SWV.
    pub fn tenant_or_platform(&self, area: Area, access: Access) -> Result<Option<Id>, ApiError> {
        self.require(area, access)?;
        if self.is_platform() {
            Ok(None)
        } else {
            self.swv
                .map(Some)
                .ok_or_else(|| ApiError::forbidden("Geen samenwerkingsverband."))
        }
    }
}

fn bearer(req: &HttpRequest) -> Option<&str> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let claimed = caller_of(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let (caller, holder) = claimed?;
            let still = state
                .db
                .read(move |c| super::revocation::current(c, &holder))
                .await?;
            if still {
                Ok(caller)
            } else {
                Err(ApiError::unauthorized(
                    "Het token is ingetrokken: u bent afgemeld of uw toegang is gewijzigd. Meld u opnieuw aan.",
                ))
            }
        })
    }
}

fn caller_of(req: &HttpRequest) -> Result<(Caller, Holder), ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("application state missing"))?;
    let token = bearer(req)
        .ok_or_else(|| ApiError::unauthorized("Meld u aan: een geldig Bearer-token ontbreekt."))?;
    let claims = state.keys.verify(token).ok_or_else(|| {
        ApiError::unauthorized("Het token is ongeldig of verlopen. Meld u opnieuw aan.")
    })?;
    let invalid = || ApiError::unauthorized("Het token is ongeldig.");
    let principal = match (&claims.rol, &claims.scope) {
        (Some(rol), None) => Principal::Gebruiker {
            id: claims.sub.parse().map_err(|_| invalid())?,
            rol: Rol::parse(rol).ok_or_else(invalid)?,
        },
        (None, Some(scope)) => Principal::Client {
            id: claims.cid.ok_or_else(invalid)?,
            client_id: claims.sub.clone(),
            scopes: Scope::split(scope),
            gemeenten: claims.gemeenten.clone().unwrap_or_default(),
        },
        _ => return Err(invalid()),
    };
    let holder = match &principal {
        Principal::Gebruiker { id, rol } => Holder::Gebruiker {
            id: *id,
            sid: claims.sid.ok_or_else(invalid)?,
            rol: rol.as_str(),
            swv: claims.swv,
        },
        Principal::Client { id, .. } => Holder::Client {
            id: *id,
            versie: claims.ver.ok_or_else(invalid)?,
            swv: claims.swv,
        },
    };
    Ok((
        Caller {
            principal,
            swv: claims.swv,
        },
        holder,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_table_for_organisation() {
        assert!(role_allows(
            Rol::Beheerder,
            Area::Organisatie,
            Access::Write
        ));
        assert!(!role_allows(
            Rol::Consulent,
            Area::Organisatie,
            Access::Write
        ));
        assert!(role_allows(Rol::Lezer, Area::Organisatie, Access::Read));
        assert!(!role_allows(
            Rol::Platformbeheerder,
            Area::Organisatie,
            Access::Read
        ));
        assert!(!role_allows(
            Rol::Medewerker,
            Area::Gebruikers,
            Access::Read
        ));
    }

    #[test]
    fn role_table_for_planning() {
        use Access::*;
        use Area::*;
        for area in [Planstructuur, Uitvoering] {
            for rol in [Rol::Beheerder, Rol::Consulent, Rol::Medewerker, Rol::Lezer] {
                assert!(role_allows(rol, area, Read), "{rol} reads {area:?}");
            }
            assert!(!role_allows(Rol::Platformbeheerder, area, Read));
            assert!(!role_allows(Rol::Platformbeheerder, area, Write));
            assert!(!role_allows(Rol::Lezer, area, Write));
            assert!(role_allows(Rol::Beheerder, area, Write));
            assert!(role_allows(Rol::Consulent, area, Write));
            assert_eq!(
                scopes_allowing(area, Read),
                &[Scope::PlanningRead, Scope::PlanningWrite]
            );
            assert_eq!(scopes_allowing(area, Write), &[Scope::PlanningWrite]);
        }
        // A medewerker records the work but does not change the plan itself.
        assert!(!role_allows(Rol::Medewerker, Planstructuur, Write));
        assert!(role_allows(Rol::Medewerker, Uitvoering, Write));
        assert!(scopes_allowing(Organisatie, Read)
            .iter()
            .all(|s| !matches!(s, Scope::PlanningRead | Scope::PlanningWrite)));
    }
}
