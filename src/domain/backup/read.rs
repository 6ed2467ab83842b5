//! Reading a backup's records one at a time: each read as its type and checked, a bad one
//! left out with a plain reason and the rest kept; and why a whole file can't be imported.

use std::collections::BTreeSet;

use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;

use crate::domain::ids::{Keyed, Log, Tombstone};
use crate::domain::Millis;

/// Why a file can't be imported. Each message is shown to the person as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Larger than [`MAX_BYTES`](super::MAX_BYTES).
    #[error("This file is {size}; a Steadyback backup is far smaller. Choose the .json file Steadyback saved.", size = megabytes(*bytes))]
    TooLarge { bytes: usize },
    /// Nested deeper than [`MAX_DEPTH`](super::MAX_DEPTH).
    #[error("This file is not a Steadyback backup: it is nested far deeper than a backup is. Choose the .json file Steadyback saved.")]
    TooDeep,
    /// Not JSON text; the parser's words.
    #[error("This file is not a Steadyback backup: it can't be read as JSON ({0}). Choose the .json file Steadyback saved.")]
    NotJson(String),
    /// JSON, but not written by Steadyback.
    #[error("This file is not a Steadyback backup. Choose the .json file Steadyback saved.")]
    NotABackup,
    /// Written by a newer version of the app in a layout this one does not know.
    #[error("This backup was made by a newer version of Steadyback (format {found}). Update the app, then import it again.")]
    NewerFormat { found: u64 },
    /// One section was written at a schema newer than this app reads.
    #[error("Part of this backup ({section}) was saved by a newer version of Steadyback. Update the app, then import it again.")]
    NewerSection { section: String, found: u64 },
    /// One section as a whole can't be read or upgraded.
    #[error("Part of this backup ({section}) can't be read: {reason}. Choose the .json file Steadyback saved.")]
    Damaged { section: String, reason: String },
}

/// `bytes` in megabytes with one decimal, e.g. "7.2 MB" (no float formatting).
pub(super) fn megabytes(bytes: usize) -> String {
    let tenths = bytes / (1024 * 1024 / 10);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// A log section (sessions, activities, own exercises) as stored: its records and its
/// tombstones, each read on its own.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct LogParts {
    pub records: Vec<Value>,
    pub deleted: Vec<Value>,
}

/// The tombstones of a log. They are bookkeeping, not the person's records: unreadable
/// ones are dropped without a word.
fn tombstones(items: Vec<Value>) -> Vec<Tombstone> {
    items
        .into_iter()
        .filter_map(|t| serde_json::from_value(t).ok())
        .collect()
}

/// Reads records one at a time, noting each left out.
pub(crate) struct Reader {
    now: Millis,
    /// One plain reason for each record left out, in the order they were read.
    pub(super) skipped: Vec<String>,
    /// Records that appeared more than once.
    pub(super) duplicates: usize,
}

impl Reader {
    /// A reader of a file imported at `now`.
    pub(super) fn new(now: Millis) -> Reader {
        Reader {
            now,
            skipped: Vec::new(),
            duplicates: 0,
        }
    }

    pub(super) fn skip(&mut self, reason: String) {
        self.skipped.push(reason);
    }

    /// A section, or one part of one, read as a whole; the default, with `reason` noted,
    /// when it can't be.
    pub(super) fn whole<T: DeserializeOwned + Default>(&mut self, value: Value, reason: &str) -> T {
        if value.is_null() {
            return T::default();
        }
        serde_json::from_value(value).unwrap_or_else(|_| {
            self.skip(reason.to_string());
            T::default()
        })
    }

    /// A section's parts as `P`; empty when the section is missing. `reason` when it is
    /// not an object of those parts.
    pub(super) fn parts<P: DeserializeOwned + Default>(
        value: Value,
        label: &str,
        reason: &str,
    ) -> Result<P, ImportError> {
        let damaged = || ImportError::Damaged {
            section: label.to_string(),
            reason: reason.to_string(),
        };
        match value {
            Value::Null => Ok(P::default()),
            Value::Object(_) => serde_json::from_value(value).map_err(|_| damaged()),
            _ => Err(damaged()),
        }
    }

    /// Each of `items` read as `T` and checked by `check` (with its place in the list,
    /// from 1), noting duplicates by `id`; the reason for each left out.
    pub(super) fn each<T: DeserializeOwned, K: Ord>(
        &mut self,
        items: Vec<Value>,
        what: &str,
        check: impl Fn(&T, usize, Millis) -> Result<(), String>,
        id: impl Fn(&T) -> K,
    ) -> Vec<T> {
        let mut kept = Vec::with_capacity(items.len());
        let mut ids = BTreeSet::new();
        for (i, item) in items.into_iter().enumerate() {
            let n = i + 1;
            let read = serde_json::from_value::<T>(item)
                .map_err(|_| format!("{what} {n} in the file can't be read."))
                .and_then(|t| check(&t, n, self.now).map(|()| t));
            match read {
                Ok(t) => {
                    if !ids.insert(id(&t)) {
                        self.duplicates += 1;
                    }
                    kept.push(t);
                }
                Err(reason) => self.skip(reason),
            }
        }
        kept
    }

    /// A log of `what` ("Session"): each of its records read and checked by `check` as
    /// [`Reader::each`] does, and its tombstones. Merged into an empty log, which keeps one
    /// record per id, the newest, drops those deleted later, and puts the log in its order.
    pub(super) fn log<L>(
        &mut self,
        parts: LogParts,
        what: &str,
        check: impl Fn(&L::Item, usize, Millis) -> Result<(), String>,
    ) -> L
    where
        L: Log + Default,
        L::Item: DeserializeOwned,
    {
        let mut file = L::default();
        let (records, deleted) = file.lists();
        *records = self.each(parts.records, what, check, Keyed::key);
        *deleted = tombstones(parts.deleted);
        let mut log = L::default();
        log.merge(&file);
        log
    }
}
