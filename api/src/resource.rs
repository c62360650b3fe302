//! The HTTP half of every stored resource: typed answers that carry the record's `ETag` (and
//! `Location` when created), the `If-Match` extractor, and the generic handlers that run a
//! [`Store`]'s life cycle in one transaction. [`crud_routes!`](crate::crud_routes) generates the
//! five identical handlers of a resource with their OpenAPI description.

use std::future::{ready, Ready};

use actix_web::body::BoxBody;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder};
use serde::Serialize;

use crate::audit::{self, Actie, Trail};
use crate::db::{DbConn, Id};
use crate::error::ApiError;
use crate::http::{apply_patch, etag, Input, MergePatch};
use crate::state::AppState;
use crate::store::{self, Expect, Store, Versioned};

/// A stored resource as the API serves it.
pub trait Resource: Store<Input: Input + Serialize> + Serialize {
    /// The collection's path segment, for `Location`.
    const COLLECTION: &'static str;
    /// Pupil-level records: every answer that carries one and every change is written to the
    /// audit trail, in the transaction that reads or changes it.
    const AUDITED: bool = false;

    /// The pupils the record is about, for the audit trail.
    fn pupils(&self) -> Vec<Id> {
        Vec::new()
    }
}

/// Writes the audit entry of an answer or change that carries `record`, when its resource is
/// pupil-level. Without a trail (a caller that is not a user of the SWV) nothing leaves.
fn audit<R: Resource>(
    c: &mut DbConn,
    trail: &Option<Trail>,
    actie: Actie,
    record: &R,
) -> Result<(), ApiError> {
    if !R::AUDITED {
        return Ok(());
    }
    let trail = trail
        .as_ref()
        .ok_or_else(|| ApiError::forbidden("U heeft geen toegang tot leerlinggegevens."))?;
    audit::record(c, trail, actie, &record.pupils())
}

/// `If-Match`: the version the client last saw.
pub struct IfMatch(pub Expect);

impl IfMatch {
    pub fn parse(req: &HttpRequest) -> Expect {
        let Some(raw) = req.headers().get(header::IF_MATCH) else {
            return Expect::Any;
        };
        let Ok(raw) = raw.to_str() else {
            return Expect::Nothing;
        };
        let raw = raw.trim();
        if raw == "*" {
            return Expect::Any;
        }
        // A list of tags matches when any tag matches; we answer for the first strong one.
        for tag in raw.split(',').map(str::trim) {
            if let Some(v) = tag.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
                if let Ok(n) = v.parse::<i32>() {
                    return Expect::Versie(n);
                }
            }
        }
        Expect::Nothing
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<IfMatch, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(Ok(IfMatch(IfMatch::parse(req))))
    }
}

/// `200` with a record and its `ETag`.
pub struct Current<T>(pub T);

impl<T: Versioned + Serialize> Responder for Current<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        ok(self.0.versie(), &self.0)
    }
}

/// `201` with the new record, its `ETag` and `Location`.
pub struct Created<T>(pub T);

impl<T: Resource> Responder for Created<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        created(T::COLLECTION, self.0.id(), self.0.versie(), &self.0)
    }
}

/// `204` after a delete.
pub struct Deleted;

impl Responder for Deleted {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        HttpResponse::NoContent().finish()
    }
}

/// `200` with a body and its `ETag`, for answers that are not a [`Resource`].
pub fn ok<T: Serialize>(versie: i32, body: &T) -> HttpResponse {
    etag::json_with_etag(HttpResponse::Ok(), versie, body)
}

/// `201` with a body, its `ETag` and `Location`, for answers that are not a [`Resource`].
pub fn created<T: Serialize>(collection: &str, id: Id, versie: i32, body: &T) -> HttpResponse {
    let mut b = HttpResponse::Created();
    b.insert_header((header::LOCATION, location(collection, id)));
    etag::json_with_etag(b, versie, body)
}

fn location(collection: &str, id: Id) -> String {
    format!("/api/v1/{collection}/{id}")
}

pub async fn get<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    trail: Option<Trail>,
    id: Id,
) -> Result<Current<R>, ApiError> {
    let record = if R::AUDITED {
        // The read and its audit entry commit together, or nothing is answered.
        state
            .db
            .write(move |c| {
                let record = R::find(c, scope, id)?;
                audit(c, &trail, Actie::Lezen, &record)?;
                Ok(record)
            })
            .await?
    } else {
        state
            .db
            .read(move |c| R::find(c, scope.clone(), id))
            .await?
    };
    Ok(Current(record))
}

pub async fn create<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    trail: Option<Trail>,
    input: R::Input,
) -> Result<Created<R>, ApiError> {
    let record = state
        .db
        .write(move |c| {
            let record = store::create::<R>(c, scope, &input)?;
            audit(c, &trail, Actie::Aanmaken, &record)?;
            Ok(record)
        })
        .await?;
    Ok(Created(record))
}

pub async fn replace<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    trail: Option<Trail>,
    id: Id,
    expect: Expect,
    input: R::Input,
) -> Result<Current<R>, ApiError> {
    let record = state
        .db
        .write(move |c| {
            let record = store::change::<R>(c, scope, id, expect, |_| Ok(input))?;
            audit(c, &trail, Actie::Wijzigen, &record)?;
            Ok(record)
        })
        .await?;
    Ok(Current(record))
}

pub async fn patch<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    trail: Option<Trail>,
    id: Id,
    expect: Expect,
    patch: MergePatch,
) -> Result<Current<R>, ApiError> {
    let record = state
        .db
        .write(move |c| {
            let record = store::change::<R>(c, scope, id, expect, |current| {
                apply_patch(&current.input(), &patch)
            })?;
            audit(c, &trail, Actie::Wijzigen, &record)?;
            Ok(record)
        })
        .await?;
    Ok(Current(record))
}

pub async fn delete<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    trail: Option<Trail>,
    id: Id,
    expect: Expect,
) -> Result<Deleted, ApiError> {
    state
        .db
        .write(move |c| {
            let gone = store::remove::<R>(c, scope, id, expect)?;
            audit(c, &trail, Actie::Verwijderen, &gone)
        })
        .await?;
    Ok(Deleted)
}

/// The five handlers every stored resource has (`POST` on the collection; `GET`, `PUT`, `PATCH`
/// and `DELETE` on one record), each with its OpenAPI description. `$scope` turns the caller
/// and the access asked for into the resource's scope (or a `403`). The caller imports
/// `actix_web::{delete, get, patch, post, put}`: the OpenAPI generator recognises the route
/// attributes by their bare names.
#[macro_export]
macro_rules! crud_routes {
    (
        resource: $res:ty, input: $input:ty, tag: $tag:tt,
        collection: $coll:tt, item: $item:tt, id: $iddoc:tt,
        scope: $scope:expr,
        create: ($create:ident, $create_doc:tt),
        get: ($get:ident, $get_doc:tt, $found:tt),
        put: ($put:ident, $put_doc:tt),
        patch: ($patch:ident, $patch_doc:tt, $patch_body:tt),
        delete: ($delete:ident, $delete_doc:tt) $(,)?
    ) => {
        #[doc = $create_doc]
        #[utoipa::path(tag = $tag, request_body = $input, responses((status = 201, description = "Aangemaakt", body = $res)))]
        #[post($coll)]
        async fn $create(
            state: actix_web::web::Data<$crate::state::AppState>,
            caller: $crate::auth::Caller,
            req: actix_web::HttpRequest,
            body: $crate::http::JsonBody<$input>,
        ) -> Result<$crate::resource::Created<$res>, $crate::error::ApiError> {
            let scope = ($scope)(&caller, $crate::auth::Access::Write)?;
            let trail = $crate::audit::routes::trail(&caller, &req);
            $crate::resource::create::<$res>(&state, scope, trail, body.decode()?).await
        }

        #[doc = $get_doc]
        #[utoipa::path(tag = $tag, params(("id" = uuid::Uuid, Path, description = $iddoc)), responses((status = 200, description = $found, body = $res)))]
        #[get($item)]
        async fn $get(
            state: actix_web::web::Data<$crate::state::AppState>,
            caller: $crate::auth::Caller,
            req: actix_web::HttpRequest,
            id: actix_web::web::Path<$crate::db::Id>,
        ) -> Result<$crate::resource::Current<$res>, $crate::error::ApiError> {
            let scope = ($scope)(&caller, $crate::auth::Access::Read)?;
            let trail = $crate::audit::routes::trail(&caller, &req);
            $crate::resource::get::<$res>(&state, scope, trail, id.into_inner()).await
        }

        #[doc = $put_doc]
        #[utoipa::path(
            tag = $tag,
            params(("id" = uuid::Uuid, Path, description = $iddoc), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
            request_body = $input,
            responses((status = 200, description = "Bijgewerkt", body = $res)),
        )]
        #[put($item)]
        async fn $put(
            state: actix_web::web::Data<$crate::state::AppState>,
            caller: $crate::auth::Caller,
            if_match: $crate::resource::IfMatch,
            req: actix_web::HttpRequest,
            id: actix_web::web::Path<$crate::db::Id>,
            body: $crate::http::JsonBody<$input>,
        ) -> Result<$crate::resource::Current<$res>, $crate::error::ApiError> {
            let scope = ($scope)(&caller, $crate::auth::Access::Write)?;
            let trail = $crate::audit::routes::trail(&caller, &req);
            $crate::resource::replace::<$res>(&state, scope, trail, id.into_inner(), if_match.0, body.decode()?)
                .await
        }

        #[doc = $patch_doc]
        #[utoipa::path(
            tag = $tag,
            params(("id" = uuid::Uuid, Path, description = $iddoc), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
            request_body(content = $input, content_type = "application/merge-patch+json", description = $patch_body),
            responses((status = 200, description = "Bijgewerkt", body = $res)),
        )]
        #[patch($item)]
        async fn $patch(
            state: actix_web::web::Data<$crate::state::AppState>,
            caller: $crate::auth::Caller,
            if_match: $crate::resource::IfMatch,
            id: actix_web::web::Path<$crate::db::Id>,
            req: actix_web::HttpRequest,
            patch: $crate::http::MergePatch,
        ) -> Result<$crate::resource::Current<$res>, $crate::error::ApiError> {
            let scope = ($scope)(&caller, $crate::auth::Access::Write)?;
            let trail = $crate::audit::routes::trail(&caller, &req);
            $crate::resource::patch::<$res>(&state, scope, trail, id.into_inner(), if_match.0, patch).await
        }

        #[doc = $delete_doc]
        #[utoipa::path(
            tag = $tag,
            params(("id" = uuid::Uuid, Path, description = $iddoc), ("If-Match" = Option<String>, Header, description = "De `ETag` die u las")),
            responses((status = 204, description = "Verwijderd")),
        )]
        #[delete($item)]
        async fn $delete(
            state: actix_web::web::Data<$crate::state::AppState>,
            caller: $crate::auth::Caller,
            if_match: $crate::resource::IfMatch,
            req: actix_web::HttpRequest,
            id: actix_web::web::Path<$crate::db::Id>,
        ) -> Result<$crate::resource::Deleted, $crate::error::ApiError> {
            let scope = ($scope)(&caller, $crate::auth::Access::Write)?;
            let trail = $crate::audit::routes::trail(&caller, &req);
            $crate::resource::delete::<$res>(&state, scope, trail, id.into_inner(), if_match.0).await
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn if_match_forms() {
        let r = TestRequest::default()
            .insert_header(("If-Match", "\"3\""))
            .to_http_request();
        assert_eq!(IfMatch::parse(&r), Expect::Versie(3));
        let r = TestRequest::default()
            .insert_header(("If-Match", "W/\"3\""))
            .to_http_request();
        assert_eq!(IfMatch::parse(&r), Expect::Nothing);
        let r = TestRequest::default()
            .insert_header(("If-Match", "*"))
            .to_http_request();
        assert_eq!(IfMatch::parse(&r), Expect::Any);
        assert!(Expect::Versie(2).check(3).is_err());
        assert!(Expect::Versie(3).check(3).is_ok());
    }
}
