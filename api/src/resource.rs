//! The life cycle every stored resource shares: read one, create, replace (`PUT`), merge-patch
//! (`PATCH`) and delete, each inside one transaction and guarded by the record's `versie`, so
//! that two people editing the same record never silently overwrite each other.
//!
//! A resource supplies only its table-specific parts (find, insert, the versioned update and
//! delete); handlers stay thin and carry the OpenAPI description.

use actix_web::http::header;
use actix_web::{HttpResponse, HttpResponseBuilder};
use chrono::NaiveDateTime;
use serde::Serialize;

use crate::db::{DbConn, Id};
use crate::http::{apply_patch, etag, time, ApiError, Expect, Input, MergePatch};
use crate::AppState;

pub trait Resource: Serialize + Send + Sized + 'static {
    /// The body of `POST` and `PUT`; `PATCH` merges into the current record's input.
    type Input: Input + Serialize + Send + 'static;
    /// Which records the caller can reach: one SWV, every SWV, or all records of a shared table.
    type Scope: Copy + Send + 'static;
    /// The collection's path segment, for `Location`.
    const COLLECTION: &'static str;

    fn id(&self) -> Id;
    fn versie(&self) -> i32;
    /// The record as a client would write it back.
    fn input(&self) -> Self::Input;

    /// The record, or `404` when it does not exist within the scope.
    fn find(c: &mut DbConn, scope: Self::Scope, id: Id) -> Result<Self, ApiError>;
    /// Stores a new record (checking references within the scope first).
    fn insert(
        c: &mut DbConn,
        scope: Self::Scope,
        id: Id,
        input: &Self::Input,
        now: NaiveDateTime,
    ) -> Result<(), ApiError>;
    /// Writes `input` over `current` only if the stored `versie` is still `current`'s, raising it
    /// by one; answers the number of rows changed.
    fn update(
        c: &mut DbConn,
        scope: Self::Scope,
        current: &Self,
        input: &Self::Input,
        now: NaiveDateTime,
    ) -> Result<usize, ApiError>;
    /// Refuses (`409`) when other records still refer to this one.
    fn check_delete(_c: &mut DbConn, _current: &Self) -> Result<(), ApiError> {
        Ok(())
    }
    /// Deletes the record if it still has `current`'s version.
    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError>;
}

/// `200` with the record and its `ETag`.
pub fn ok<T: Serialize>(versie: i32, body: &T) -> HttpResponse {
    etag::json_with_etag(
        HttpResponseBuilder::new(actix_web::http::StatusCode::OK),
        versie,
        body,
    )
}

/// `201` with the record, its `ETag` and `Location`.
pub fn created<T: Serialize>(collection: &str, id: Id, versie: i32, body: &T) -> HttpResponse {
    let mut b = HttpResponse::Created();
    b.insert_header((header::LOCATION, format!("/api/v1/{collection}/{id}")));
    etag::json_with_etag(b, versie, body)
}

pub async fn get<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    id: Id,
) -> Result<HttpResponse, ApiError> {
    let record = state.db.read(move |c| R::find(c, scope, id)).await?;
    Ok(ok(record.versie(), &record))
}

pub async fn create<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    input: R::Input,
) -> Result<HttpResponse, ApiError> {
    let record = state
        .db
        .write(move |c| {
            let id = Id::new();
            R::insert(c, scope, id, &input, time::now())?;
            R::find(c, scope, id)
        })
        .await?;
    Ok(created(
        R::COLLECTION,
        record.id(),
        record.versie(),
        &record,
    ))
}

/// Applies a change to the current record within one transaction: the `If-Match` check, the
/// change itself, the versioned update (`412` when someone else was first) and the re-read.
pub fn change<R: Resource>(
    c: &mut DbConn,
    scope: R::Scope,
    id: Id,
    expect: Expect,
    make: impl FnOnce(&R) -> Result<R::Input, ApiError>,
) -> Result<R, ApiError> {
    let current = R::find(c, scope, id)?;
    expect.check(current.versie())?;
    let input = make(&current)?;
    if R::update(c, scope, &current, &input, time::now())? == 0 {
        return Err(ApiError::precondition_failed());
    }
    R::find(c, scope, id)
}

pub async fn replace<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    id: Id,
    expect: Expect,
    input: R::Input,
) -> Result<HttpResponse, ApiError> {
    let record = state
        .db
        .write(move |c| change::<R>(c, scope, id, expect, |_| Ok(input)))
        .await?;
    Ok(ok(record.versie(), &record))
}

pub async fn patch<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    id: Id,
    expect: Expect,
    patch: MergePatch,
) -> Result<HttpResponse, ApiError> {
    let record = state
        .db
        .write(move |c| {
            change::<R>(c, scope, id, expect, |current| {
                apply_patch(&current.input(), &patch)
            })
        })
        .await?;
    Ok(ok(record.versie(), &record))
}

pub async fn delete<R: Resource>(
    state: &AppState,
    scope: R::Scope,
    id: Id,
    expect: Expect,
) -> Result<HttpResponse, ApiError> {
    state
        .db
        .write(move |c| {
            let current = R::find(c, scope, id)?;
            expect.check(current.versie())?;
            R::check_delete(c, &current)?;
            if R::delete(c, &current)? == 0 {
                return Err(ApiError::precondition_failed());
            }
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
