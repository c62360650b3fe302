//! A TLV as the API serves it: the request, where its clock stands today, its decision and
//! objection, the decisions a `gegrond` objection set aside, the pupil's outflow, and its advice
//! and suspensions. A page of TLV's is read in five statements whatever its size.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::store_prelude::*;

use super::klok;
use super::soorten::{
    Aanvraag, AdviesLbt, AdviesUitkomst, BesluitUitkomst, BezwaarUitkomst, Discipline,
    OpschortingReden, TlvCategorie, TlvSoort, TlvStatus, Vervolg,
};
use crate::schema::{tlv_adviezen, tlv_bezwaren, tlv_eerdere_besluiten, tlv_opschortingen, tlvs};

/// The stored row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tlvs, check_for_backend(MultiBackend))]
pub struct TlvRij {
    pub id: Id,
    pub leerling_id: Id,
    pub school_van_herkomst_id: Option<Id>,
    pub soort: TlvSoort,
    pub categorie: Option<TlvCategorie>,
    pub aanvraag: Aanvraag,
    pub verlenging_van_id: Option<Id>,
    pub tijdelijk: bool,
    pub ontvangen_op: NaiveDate,
    pub verdaging_dagen: i32,
    pub verdaging_reden: String,
    pub status: TlvStatus,
    pub termijn_vanaf: NaiveDate,
    pub uiterlijke_beslisdatum: Option<NaiveDate>,
    pub resterend_bij_opschorting: Option<i32>,
    pub besluit_datum: Option<NaiveDate>,
    pub besluit_verzonden_op: Option<NaiveDate>,
    pub besluit_uitkomst: Option<BesluitUitkomst>,
    pub ingangsdatum: Option<NaiveDate>,
    pub einddatum: Option<NaiveDate>,
    pub voorziening_school_id: Option<Id>,
    pub motivering: String,
    pub uitstroom_datum: Option<NaiveDate>,
    pub uitstroom_vervolg: Option<Vervolg>,
    pub schooljaar: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

/// The decision on a request.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Besluit {
    pub datum: NaiveDate,
    /// De dag waarop het besluit is verzonden; de bezwaartermijn loopt vanaf hier.
    pub verzonden_op: NaiveDate,
    pub uitkomst: BesluitUitkomst,
    /// Bij `toegekend`.
    pub ingangsdatum: Option<NaiveDate>,
    /// Bij `toegekend`: 31 juli van het laatste schooljaar, of de opgegeven einddatum.
    pub einddatum: Option<NaiveDate>,
    /// De school voor speciaal (basis)onderwijs waar de leerling heen gaat, als die bekend is.
    pub voorziening_school_id: Option<Id>,
    pub motivering: String,
}

/// An objection to a decision.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Bezwaar {
    pub ontvangen_op: NaiveDate,
    /// Of een te laat bezwaar verschoonbaar is (Awb 6:11).
    pub verschoonbaar: bool,
    pub advies_lbt: Option<AdviesLbt>,
    /// Leeg zolang het bezwaar loopt.
    pub uitkomst: Option<BezwaarUitkomst>,
    pub beslist_op: Option<NaiveDate>,
    /// Of het bezwaar binnen zes weken na verzending van het besluit binnenkwam.
    pub tijdig: bool,
}

/// A decision that a `gegrond` objection set aside, with that objection.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EerderBesluit {
    pub besluit: Besluit,
    pub bezwaar: Bezwaar,
}

/// Where the pupil went when it left special education.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Uitstroom {
    pub datum: NaiveDate,
    pub vervolg: Vervolg,
}

/// The advice of one expert.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = tlv_adviezen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
pub struct Advies {
    pub id: Id,
    #[serde(skip)]
    pub tlv_id: Id,
    /// De naam van de deskundige (een professional, geen leerling of ouder).
    pub deskundige: String,
    pub discipline: Discipline,
    pub datum: NaiveDate,
    pub advies: AdviesUitkomst,
    pub toelichting: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
}

/// A time the clock stood still.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, ToSchema)]
#[diesel(table_name = tlv_opschortingen, check_for_backend(MultiBackend))]
#[serde(rename_all = "camelCase")]
pub struct Opschorting {
    pub id: Id,
    #[serde(skip)]
    pub tlv_id: Id,
    pub van: NaiveDate,
    /// De dag waarop de klok weer loopt; leeg zolang de opschorting duurt.
    pub tot: Option<NaiveDate>,
    pub reden: OpschortingReden,
    pub toelichting: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
}

/// A toelaatbaarheidsverklaring: the request, its clock and how it was decided.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(example = json!({
    "id": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a40", "leerlingId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a8b",
    "schoolVanHerkomstId": "0194f6c2-7a3e-7cc1-9a2b-3c4d5e6f7a03", "soort": "so", "categorie": "laag",
    "aanvraag": "nieuw", "verlengingVanId": null, "tijdelijk": false, "ontvangenOp": "2016-10-03",
    "verdagingDagen": 0, "verdagingReden": "", "status": "toegekend", "termijnVanaf": "2016-10-03",
    "uiterlijkeBeslisdatum": "2016-11-14", "dagenResterend": null, "binnenTermijn": true,
    "besluit": {"datum": "2016-11-08", "verzondenOp": "2016-11-09", "uitkomst": "toegekend",
        "ingangsdatum": "2016-12-01", "einddatum": "2018-07-31", "voorzieningSchoolId": null,
        "motivering": "De deskundigen adviseren een plek in het SO."},
    "bezwaar": null, "eerdereBesluiten": [], "uitstroom": null, "adviezen": [], "opschortingen": [],
    "schooljaar": "2016-2017", "createdAt": "2016-10-03T09:00:00Z", "updatedAt": "2016-11-08T14:00:00Z", "versie": 4
}))]
pub struct Tlv {
    pub id: Id,
    pub leerling_id: Id,
    /// De reguliere school die de aanvraag deed (leeg: bijv. een thuiszitter).
    pub school_van_herkomst_id: Option<Id>,
    pub soort: TlvSoort,
    /// Bij `so` en `vso`; leeg bij `sbo`.
    pub categorie: Option<TlvCategorie>,
    pub aanvraag: Aanvraag,
    pub verlenging_van_id: Option<Id>,
    /// Een tijdelijke plaatsing voor observatie of interventie.
    pub tijdelijk: bool,
    /// De dag waarop de aanvraag binnenkwam; de beslistermijn loopt vanaf hier.
    pub ontvangen_op: NaiveDate,
    pub verdaging_dagen: i32,
    pub verdaging_reden: String,
    pub status: TlvStatus,
    /// Waar de klok begint: `ontvangenOp`, of de dag waarop een gegrond bezwaar de aanvraag
    /// heropende.
    pub termijn_vanaf: NaiveDate,
    /// De laatste dag om te beslissen (verschoven naar een werkdag); leeg zolang een
    /// opschorting loopt.
    pub uiterlijke_beslisdatum: Option<NaiveDate>,
    /// Kalenderdagen van vandaag tot de uiterlijke beslisdatum (negatief: te laat); tijdens een
    /// opschorting de stand op haar eerste dag; leeg na besluit of intrekking.
    pub dagen_resterend: Option<i64>,
    /// Of het besluit op of voor de uiterlijke beslisdatum viel; leeg tot het besluit.
    pub binnen_termijn: Option<bool>,
    pub besluit: Option<Besluit>,
    pub bezwaar: Option<Bezwaar>,
    /// Besluiten die door een gegrond bezwaar zijn vervallen, oudste eerst.
    pub eerdere_besluiten: Vec<EerderBesluit>,
    pub uitstroom: Option<Uitstroom>,
    /// De adviezen van de deskundigen, op datum.
    pub adviezen: Vec<Advies>,
    /// De opschortingen, op datum.
    pub opschortingen: Vec<Opschorting>,
    /// Het schooljaar van `ontvangenOp`.
    pub schooljaar: String,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub created_at: NaiveDateTime,
    #[serde(with = "time")]
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: NaiveDateTime,
    pub versie: i32,
}

impl Versioned for Tlv {
    fn id(&self) -> Id {
        self.id
    }

    fn versie(&self) -> i32 {
        self.versie
    }
}

impl crate::audit::AboutPupils for Tlv {
    fn pupils(&self) -> Vec<Id> {
        vec![self.leerling_id]
    }
}

impl TlvRij {
    fn besluit(&self) -> Option<Besluit> {
        Some(Besluit {
            datum: self.besluit_datum?,
            verzonden_op: self.besluit_verzonden_op?,
            uitkomst: self.besluit_uitkomst?,
            ingangsdatum: self.ingangsdatum,
            einddatum: self.einddatum,
            voorziening_school_id: self.voorziening_school_id,
            motivering: self.motivering.clone(),
        })
    }

    /// The record as served on `vandaag`.
    fn view(
        self,
        vandaag: NaiveDate,
        bezwaar: Option<BezwaarRij>,
        adviezen: Vec<Advies>,
        opschortingen: Vec<Opschorting>,
        eerdere_besluiten: Vec<EerderBesluit>,
    ) -> Tlv {
        let open = self.status == TlvStatus::InBehandeling;
        let dagen_resterend = match (
            open,
            self.resterend_bij_opschorting,
            self.uiterlijke_beslisdatum,
        ) {
            (false, _, _) => None,
            (true, Some(stand), _) => Some(i64::from(stand)),
            (true, None, Some(d)) => Some(klok::dagen_tot(vandaag, d)),
            (true, None, None) => None,
        };
        let binnen_termijn = match (self.besluit_datum, self.uiterlijke_beslisdatum) {
            (Some(b), Some(u)) if !open => Some(b <= u),
            _ => None,
        };
        Tlv {
            besluit: self.besluit(),
            bezwaar: self
                .besluit_verzonden_op
                .zip(bezwaar)
                .map(|(verzonden, b)| b.view(verzonden)),
            uitstroom: self
                .uitstroom_datum
                .zip(self.uitstroom_vervolg)
                .map(|(datum, vervolg)| Uitstroom { datum, vervolg }),
            id: self.id,
            leerling_id: self.leerling_id,
            school_van_herkomst_id: self.school_van_herkomst_id,
            soort: self.soort,
            categorie: self.categorie,
            aanvraag: self.aanvraag,
            verlenging_van_id: self.verlenging_van_id,
            tijdelijk: self.tijdelijk,
            ontvangen_op: self.ontvangen_op,
            verdaging_dagen: self.verdaging_dagen,
            verdaging_reden: self.verdaging_reden,
            status: self.status,
            termijn_vanaf: self.termijn_vanaf,
            uiterlijke_beslisdatum: self.uiterlijke_beslisdatum,
            dagen_resterend,
            binnen_termijn,
            eerdere_besluiten,
            adviezen,
            opschortingen,
            schooljaar: self.schooljaar,
            created_at: self.created_at,
            updated_at: self.updated_at,
            versie: self.versie,
        }
    }
}

/// The stored objection to the current decision.
#[derive(Queryable, Selectable)]
#[diesel(table_name = tlv_bezwaren, check_for_backend(MultiBackend))]
pub struct BezwaarRij {
    tlv_id: Id,
    ontvangen_op: NaiveDate,
    verschoonbaar: bool,
    advies_lbt: Option<AdviesLbt>,
    uitkomst: Option<BezwaarUitkomst>,
    beslist_op: Option<NaiveDate>,
}

impl BezwaarRij {
    fn view(self, verzonden: NaiveDate) -> Bezwaar {
        Bezwaar {
            ontvangen_op: self.ontvangen_op,
            verschoonbaar: self.verschoonbaar,
            advies_lbt: self.advies_lbt,
            uitkomst: self.uitkomst,
            beslist_op: self.beslist_op,
            tijdig: self.ontvangen_op <= klok::bezwaar_uiterlijk(verzonden),
        }
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = tlv_eerdere_besluiten, check_for_backend(MultiBackend))]
struct EerderRij {
    tlv_id: Id,
    besluit_datum: NaiveDate,
    besluit_verzonden_op: NaiveDate,
    besluit_uitkomst: BesluitUitkomst,
    ingangsdatum: Option<NaiveDate>,
    einddatum: Option<NaiveDate>,
    voorziening_school_id: Option<Id>,
    motivering: String,
    bezwaar_ontvangen_op: NaiveDate,
    bezwaar_verschoonbaar: bool,
    bezwaar_advies_lbt: Option<AdviesLbt>,
    bezwaar_uitkomst: BezwaarUitkomst,
    bezwaar_beslist_op: Option<NaiveDate>,
}

impl EerderRij {
    fn view(self) -> EerderBesluit {
        EerderBesluit {
            bezwaar: Bezwaar {
                ontvangen_op: self.bezwaar_ontvangen_op,
                verschoonbaar: self.bezwaar_verschoonbaar,
                advies_lbt: self.bezwaar_advies_lbt,
                uitkomst: Some(self.bezwaar_uitkomst),
                beslist_op: self.bezwaar_beslist_op,
                tijdig: self.bezwaar_ontvangen_op
                    <= klok::bezwaar_uiterlijk(self.besluit_verzonden_op),
            },
            besluit: Besluit {
                datum: self.besluit_datum,
                verzonden_op: self.besluit_verzonden_op,
                uitkomst: self.besluit_uitkomst,
                ingangsdatum: self.ingangsdatum,
                einddatum: self.einddatum,
                voorziening_school_id: self.voorziening_school_id,
                motivering: self.motivering,
            },
        }
    }
}

fn grouped<T>(rows: Vec<T>, key: impl Fn(&T) -> Id) -> HashMap<Id, Vec<T>> {
    let mut map: HashMap<Id, Vec<T>> = HashMap::new();
    for r in rows {
        map.entry(key(&r)).or_default().push(r);
    }
    map
}

/// Turns stored rows into records, with their objection, advice, suspensions and earlier
/// decisions read in one statement each.
pub fn complete(c: &mut DbConn, rows: Vec<TlvRij>) -> Result<Vec<Tlv>, ApiError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Id> = rows.iter().map(|r| r.id).collect();
    let mut bezwaren: HashMap<Id, BezwaarRij> = tlv_bezwaren::table
        .filter(tlv_bezwaren::tlv_id.eq_any(&ids))
        .select(BezwaarRij::as_select())
        .load(c)?
        .into_iter()
        .map(|b| (b.tlv_id, b))
        .collect();
    let mut adviezen = grouped(
        tlv_adviezen::table
            .filter(tlv_adviezen::tlv_id.eq_any(&ids))
            .order((
                tlv_adviezen::datum,
                tlv_adviezen::created_at,
                tlv_adviezen::id,
            ))
            .select(Advies::as_select())
            .load(c)?,
        |a| a.tlv_id,
    );
    let mut opschortingen = grouped(
        tlv_opschortingen::table
            .filter(tlv_opschortingen::tlv_id.eq_any(&ids))
            .order((tlv_opschortingen::van, tlv_opschortingen::id))
            .select(Opschorting::as_select())
            .load(c)?,
        |o| o.tlv_id,
    );
    let mut eerder = grouped(
        tlv_eerdere_besluiten::table
            .filter(tlv_eerdere_besluiten::tlv_id.eq_any(&ids))
            .order((
                tlv_eerdere_besluiten::besluit_datum,
                tlv_eerdere_besluiten::created_at,
            ))
            .select(EerderRij::as_select())
            .load(c)?,
        |e| e.tlv_id,
    );
    let vandaag = time::today();
    Ok(rows
        .into_iter()
        .map(|r| {
            let id = r.id;
            r.view(
                vandaag,
                bezwaren.remove(&id),
                adviezen.remove(&id).unwrap_or_default(),
                opschortingen.remove(&id).unwrap_or_default(),
                eerder
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .map(EerderRij::view)
                    .collect(),
            )
        })
        .collect())
}

pub fn scoped(swv: Id) -> tlvs::BoxedQuery<'static, MultiBackend> {
    tlvs::table
        .filter(tlvs::samenwerkingsverband_id.eq(swv))
        .into_boxed()
}

/// The stored row of a TLV of the SWV, or `404`.
pub fn row(c: &mut DbConn, swv: Id, id: Id) -> Result<TlvRij, ApiError> {
    scoped(swv)
        .filter(tlvs::id.eq(id))
        .select(TlvRij::as_select())
        .first(c)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

pub fn find(c: &mut DbConn, swv: Id, id: Id) -> Result<Tlv, ApiError> {
    let rij = row(c, swv, id)?;
    Ok(complete(c, vec![rij])?.remove(0))
}

/// A pupil's TLV's, oldest first: for the dossier.
pub fn of_pupil(c: &mut DbConn, swv: Id, leerling: Id) -> Result<Vec<Tlv>, ApiError> {
    let rows = scoped(swv)
        .filter(tlvs::leerling_id.eq(leerling))
        .order((tlvs::ontvangen_op, tlvs::created_at))
        .select(TlvRij::as_select())
        .load(c)?;
    complete(c, rows)
}
