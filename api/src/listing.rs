//! The persistence half of every list: a store says how its records are filtered, counted and
//! read a page at a time in the order a client asked for; `http::export::listed` turns that into
//! a page of JSON or a whole CSV/XLSX export. Nothing here knows HTTP.

use crate::db::DbConn;
use crate::error::ApiError;

/// One field of the requested order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortKey {
    pub field: &'static str,
    pub descending: bool,
}

/// Records a client can list. The filter carries the scope (the SWV, a meeting) as well as the
/// client's filters, so one value says which rows the list may show.
pub trait Listed: Sized + Send + 'static {
    type Filter: Send + Sync + 'static;
    /// The name of the list: the file name of its exports and the sheet of the workbook.
    const NAME: &'static str;
    /// The fields a client may sort on, as they are named in the contract.
    const SORTS: &'static [&'static str];

    /// How many records the filter lets through (a `404` when the scope itself is not there).
    fn count(c: &mut DbConn, filter: &Self::Filter) -> Result<i64, ApiError>;
    /// One page of them, in the requested order with the id as the final tie-breaker.
    fn page(
        c: &mut DbConn,
        filter: &Self::Filter,
        sort: &[SortKey],
        limit: i64,
        offset: i64,
    ) -> Result<Vec<Self>, ApiError>;
}

/// Applies the parsed sort keys to a boxed diesel query through a resource's mapping of field
/// names to columns, with `id` as the final tie-breaker so pages never overlap.
#[macro_export]
macro_rules! order_by {
    ($query:expr, $sort:expr, { $($name:literal => $col:expr),+ $(,)? }, $id:expr) => {{
        let mut q = $query;
        for key in $sort {
            q = match (key.field, key.descending) {
                $(
                    ($name, false) => q.then_order_by($col.asc()),
                    ($name, true) => q.then_order_by($col.desc()),
                )+
                _ => q,
            };
        }
        q.then_order_by($id.asc())
    }};
}

/// Implements [`Listed`] for a record whose list is one filtered query: `rows` builds the boxed
/// query from the filter, `select` reads its rows, `sorts` maps the contract's field names to
/// columns, `complete` (optional) turns a page of rows into records, e.g. with their links, and
/// `scope` (optional) answers `404` before counting when the record the list belongs to is gone.
#[macro_export]
macro_rules! listed {
    (
        $record:ty, name: $list:literal, filter: $filter:ty,
        rows: |$f:ident| $rows:expr, select: $select:expr,
        sorts: { $($name:literal => $col:expr),+ $(,)? }, id: $id:expr
        $(, complete: $complete:expr)? $(, scope: $scope:expr)? $(,)?
    ) => {
        impl $crate::listing::Listed for $record {
            type Filter = $filter;
            const NAME: &'static str = $list;
            const SORTS: &'static [&'static str] = &[$($name),+];

            fn count(c: &mut DbConn, $f: &$filter) -> Result<i64, ApiError> {
                $($scope(c, $f)?;)?
                Ok($rows.count().get_result(c)?)
            }

            fn page(
                c: &mut DbConn,
                $f: &$filter,
                sort: &[$crate::listing::SortKey],
                limit: i64,
                offset: i64,
            ) -> Result<Vec<Self>, ApiError> {
                let query = $crate::order_by!($rows.select($select), sort, { $($name => $col),+ }, $id);
                let rows = query.limit(limit).offset(offset).load(c)?;
                $crate::listed!(@complete c, rows $(, $complete)?)
            }
        }
    };
    (@complete $c:ident, $rows:ident) => { Ok($rows) };
    (@complete $c:ident, $rows:ident, $complete:expr) => { $complete($c, $rows) };
}

/// The filter of a list that is only searched within one SWV.
#[derive(Debug, Clone)]
pub struct Search {
    pub swv: crate::db::Id,
    pub search: Option<String>,
}
