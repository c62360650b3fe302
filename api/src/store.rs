//! The persistence half of every stored resource: read one, create, change and delete, each
//! inside the caller's transaction and guarded by the record's `versie`, so that two people
//! editing the same record never silently overwrite each other. Nothing here knows HTTP.
//!
//! A resource supplies only its table-specific parts (find, insert, the versioned update and
//! delete); what still refers to it is declared in [`crate::integrity`].

use chrono::NaiveDateTime;

use crate::db::{DbConn, Id};
use crate::domain::time;
use crate::error::ApiError;

/// The version a client said it last saw (from `If-Match`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// No `If-Match` or `If-Match: *`: any current version.
    Any,
    Versie(i32),
    /// An `If-Match` that can match no version (wrong form or a weak tag).
    Nothing,
}

impl Expect {
    /// `412` when the current version is not the one the client expected.
    pub fn check(self, current: i32) -> Result<(), ApiError> {
        match self {
            Expect::Any => Ok(()),
            Expect::Versie(v) if v == current => Ok(()),
            _ => Err(ApiError::precondition_failed()),
        }
    }
}

/// A record with an identity and a version.
pub trait Versioned {
    fn id(&self) -> Id;
    fn versie(&self) -> i32;
}

pub trait Store: Versioned + Send + Sized + 'static {
    /// What a client writes; `PATCH` merges into the current record's input.
    type Input: Send + 'static;
    /// Which records the caller can reach: one SWV, every SWV, or all records of a shared table.
    type Scope: Clone + Send + 'static;
    /// The table, as [`crate::integrity`] names it.
    const TABLE: &'static str;

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
    /// Refuses (`409`) when the record may not go: by default, while the integrity table names
    /// records that refer to it.
    fn check_delete(c: &mut DbConn, current: &Self) -> Result<(), ApiError> {
        crate::integrity::check(c, Self::TABLE, current.id())
    }
    /// Deletes the record if it still has `current`'s version.
    fn delete(c: &mut DbConn, current: &Self) -> Result<usize, ApiError>;
}

/// Stores a new record and reads it back.
pub fn create<R: Store>(c: &mut DbConn, scope: R::Scope, input: &R::Input) -> Result<R, ApiError> {
    let id = Id::new();
    R::insert(c, scope.clone(), id, input, time::now())?;
    R::find(c, scope, id)
}

/// Applies a change to the current record: the `If-Match` check, the change itself, the
/// versioned update (`412` when someone else was first) and the re-read.
pub fn change<R: Store>(
    c: &mut DbConn,
    scope: R::Scope,
    id: Id,
    expect: Expect,
    make: impl FnOnce(&R) -> Result<R::Input, ApiError>,
) -> Result<R, ApiError> {
    let current = R::find(c, scope.clone(), id)?;
    expect.check(current.versie())?;
    let input = make(&current)?;
    if R::update(c, scope.clone(), &current, &input, time::now())? == 0 {
        return Err(ApiError::precondition_failed());
    }
    R::find(c, scope, id)
}

/// Deletes the record if the client saw its current version and nothing still refers to it;
/// answers the record as it was.
pub fn remove<R: Store>(
    c: &mut DbConn,
    scope: R::Scope,
    id: Id,
    expect: Expect,
) -> Result<R, ApiError> {
    let current = R::find(c, scope, id)?;
    expect.check(current.versie())?;
    R::check_delete(c, &current)?;
    if R::delete(c, &current)? == 0 {
        return Err(ApiError::precondition_failed());
    }
    Ok(current)
}
