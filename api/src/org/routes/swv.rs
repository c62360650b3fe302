//! `/samenwerkingsverbanden`: the tenants of the installation, managed by the platformbeheerder.

use crate::db::lower;
use crate::org::store::swv::*;
use crate::route_prelude::*;
use crate::schema::samenwerkingsverbanden as swv;

impl Input for SamenwerkingsverbandInput {}

page_schema!(SamenwerkingsverbandPage, Samenwerkingsverband);

const SPEC: ListSpec = ListSpec {
    sorts: &["naam", "code", "sector", "createdAt", "updatedAt"],
    filters: &["sector", "code"],
    default_sort: "naam",
};

fn visible_to(caller: &Caller, access: Access) -> Result<Option<Id>, ApiError> {
    caller.tenant_or_platform(Area::Samenwerkingsverbanden, access)
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list_samenwerkingsverbanden)
        .service(create_samenwerkingsverband)
        .service(get_samenwerkingsverband)
        .service(put_samenwerkingsverband)
        .service(patch_samenwerkingsverband)
        .service(delete_samenwerkingsverband);
}

/// Samenwerkingsverbanden opvragen (een gebruiker van een samenwerkingsverband ziet alleen het eigen).
#[utoipa::path(
    tag = "Samenwerkingsverbanden",
    params(
        ("page" = Option<i64>, Query, description = "Paginanummer, vanaf 1", minimum = 1),
        ("pageSize" = Option<i64>, Query, description = "Aantal per pagina (1-200, standaard 50)", minimum = 1, maximum = 200),
        ("sort" = Option<String>, Query, description = "Mogelijk: naam, code, sector, createdAt, updatedAt; `-` voor aflopend", example = "naam"),
        ("q" = Option<String>, Query, description = "Zoekt in naam en code"),
        ("sector" = Option<Sector>, Query, description = "Alleen deze sector"),
        ("code" = Option<String>, Query, description = "Precies deze code", example = "PO2703"),
    ),
    responses((status = 200, description = "Een pagina samenwerkingsverbanden", body = SamenwerkingsverbandPage)),
)]
#[get("/samenwerkingsverbanden")]
async fn list_samenwerkingsverbanden(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let visible = visible_to(&caller, Access::Read)?;
    let format = Format::negotiate(&req)?;
    let mut q = ListQuery::parse(&req, &SPEC);
    let sector: Option<Sector> = q.enumeration("sector");
    let code = q.text("code");
    let search = q.search_pattern();
    let q = q.finish()?;
    let filtered = move || {
        let mut f = scoped(visible);
        if let Some(s) = sector {
            f = f.filter(swv::sector.eq(s));
        }
        if let Some(c) = &code {
            f = f.filter(swv::code.eq(c.clone()));
        }
        if let Some(p) = &search {
            f = f.filter(
                lower(swv::naam)
                    .like(p.clone())
                    .escape('\\')
                    .or(lower(swv::code).like(p.clone()).escape('\\')),
            );
        }
        f
    };
    let sort = q.sort.clone();
    let counted = filtered.clone();
    export::list(
        &state.db,
        format,
        &q,
        "samenwerkingsverbanden",
        move |c| Ok(counted().count().get_result(c)?),
        move |c, limit, offset| {
            let query = order_by!(filtered().select(Samenwerkingsverband::as_select()), &sort, {
                "naam" => swv::naam,
                "code" => swv::code,
                "sector" => swv::sector,
                "createdAt" => swv::created_at,
                "updatedAt" => swv::updated_at,
            }, swv::id);
            Ok(query.limit(limit).offset(offset).load(c)?)
        },
    )
    .await
}

impl Resource for Samenwerkingsverband {
    const COLLECTION: &'static str = "samenwerkingsverbanden";
}

crate::crud_routes! {
    resource: Samenwerkingsverband, input: SamenwerkingsverbandInput, tag: "Samenwerkingsverbanden",
    collection: "/samenwerkingsverbanden", item: "/samenwerkingsverbanden/{id}", id: "Id van het samenwerkingsverband",
    scope: |caller: &Caller, access| match access {
        Access::Read => visible_to(caller, access),
        Access::Write => caller.require(Area::Samenwerkingsverbanden, access).map(|_| None),
    },
    create: (create_samenwerkingsverband, "Een samenwerkingsverband toevoegen (platformbeheerder)."),
    get: (get_samenwerkingsverband, "Eén samenwerkingsverband.", "Het samenwerkingsverband"),
    put: (put_samenwerkingsverband, "Een samenwerkingsverband vervangen (platformbeheerder)."),
    patch: (patch_samenwerkingsverband, "Velden van een samenwerkingsverband wijzigen (JSON merge patch; platformbeheerder).", "Alleen de velden die veranderen"),
    delete: (delete_samenwerkingsverband, "Een leeg samenwerkingsverband verwijderen (platformbeheerder)."),
}
