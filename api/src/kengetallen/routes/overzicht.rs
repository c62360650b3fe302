//! `GET /kengetallen/overzicht`: the KPIs of a school year, as JSON, as a Word document for the
//! board, or as a spreadsheet.

use actix_web::http::header;
use serde_json::Value;

use crate::domain::document::DOCX;
use crate::error::Problem;
use crate::http::export::{Table, XLSX};
use crate::kengetallen::store::document::{docx, streef, trendjaren};
use crate::kengetallen::store::overzicht::{
    eenheid_label, leesbaar, overzicht, swv_naam, Kengetallenoverzicht,
};
use crate::route_prelude::*;

#[derive(Clone, Copy)]
enum Rendering {
    Json,
    Docx,
    Xlsx,
}

const QUERY: ListSpec = ListSpec {
    sorts: &[],
    default_sort: "",
};

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(get_kengetallen_overzicht);
}

/// The overview as one row per KPI, with Dutch headers and values in euro's (not cents).
fn tabel(o: &Kengetallenoverzicht) -> Table {
    let mut headers: Vec<String> = [
        "Kengetal",
        "Eenheid",
        "Streef",
        "Streefwaarde",
        "Waarde",
        "Signaal",
    ]
    .map(String::from)
    .to_vec();
    headers.extend(trendjaren(&o.schooljaar));
    headers.push("Toelichting".into());
    let getal = |x: Option<f64>, e| x.map_or(Value::Null, |x| Value::from(leesbaar(e, x)));
    let rows = o
        .kengetallen
        .iter()
        .map(|k| {
            let mut row = vec![
                Value::from(k.naam.clone()),
                Value::from(eenheid_label(k.eenheid)),
                Value::from(streef(k)),
                getal(Some(k.streefwaarde), k.eenheid),
                getal(k.waarde, k.eenheid),
                k.signaal.map_or(Value::Null, |s| Value::from(s.label())),
            ];
            row.extend(k.trend.iter().map(|w| getal(*w, k.eenheid)));
            row.push(k.toelichting.clone().map_or(Value::Null, Value::from));
            row
        })
        .collect();
    Table { headers, rows }
}

/// De ken- en stuurgetallen van een schooljaar: per kengetal de waarde, het signaal en de trend.
#[utoipa::path(
    tag = "Kengetallen",
    description = "Elk kengetal op `volgorde`, met de waarde in het schooljaar (berekend uit wat in Koers is \
                   geregistreerd, op één decimaal, of zoals ingevoerd bij een handmatig kengetal; leeg zonder gegevens), \
                   het signaal tegen de streefwaarde (`op_koers` gehaald, `aandacht` niet gehaald maar binnen 10 % van \
                   de streefwaarde, anders `risico`; leeg zonder waarde) en de waarden van de vier schooljaren ervoor, \
                   oudste eerst. Met `Accept: application/vnd.openxmlformats-officedocument.wordprocessingml.document` \
                   als Word-document voor het bestuur, met het XLSX-mediatype als spreadsheet (één regel per kengetal, \
                   bedragen in euro's). Een `lezer` krijgt geen waarde (en geen signaal) bij een kengetal van een \
                   leerlinggebied (thuiszitters, arrangementen, TLV's, MDO's) dat op 1 tot en met 4 kinderen rust.",
    params(("schooljaar" = String, Query, description = "Het schooljaar", pattern = "^[0-9]{4}-[0-9]{4}$", example = "2022-2023")),
    responses(
        (status = 200, description = "Het overzicht", content(
            (Kengetallenoverzicht = "application/json"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 406, description = "Het gevraagde formaat (`Accept`) wordt niet geleverd", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/kengetallen/overzicht")]
async fn get_kengetallen_overzicht(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let swv = caller.tenant(Area::Kengetallen, Access::Read)?;
    let afgeschermd = caller.cijferblik(&[]).afgeschermd;
    let rendering = export::negotiate(
        &req,
        Rendering::Json,
        &[(DOCX, Rendering::Docx), (XLSX, Rendering::Xlsx)],
    )?;
    let mut q = ListQuery::parse_filters(&req, &QUERY);
    let jaar = q.required_schooljaar();
    q.finish()?;
    let vandaag = time::today();
    let (o, naam) = state
        .db
        .report(move |c| {
            Ok((
                overzicht(c, swv, &jaar, vandaag, afgeschermd)?,
                swv_naam(c, swv)?,
            ))
        })
        .await?;
    let name = format!("kengetallen-{}", o.schooljaar);
    let (mime, ext, bytes) = match rendering {
        Rendering::Json => return Ok(HttpResponse::Ok().json(&o)),
        Rendering::Docx => (
            DOCX,
            "docx",
            crate::trace::block(move || docx(&o, &naam))
                .await
                .map_err(ApiError::internal)??,
        ),
        Rendering::Xlsx => {
            let t = tabel(&o);
            (
                XLSX,
                "xlsx",
                crate::http::werkboek::xlsx(
                    None,
                    &t.headers,
                    &t.rows,
                    &crate::http::werkboek::Soorten::none(),
                    "Kengetallen",
                )?,
            )
        }
    };
    Ok(HttpResponse::Ok()
        .content_type(mime)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}.{ext}\""),
        ))
        .body(bytes))
}
