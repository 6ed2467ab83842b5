//! Record ids, and the rules for a log of records that two tabs may both change: merged
//! by id, the newer version of each record winning, deletions kept as tombstones.
//!
//! An id is the time a record was made and a random salt, so two tabs that make a record
//! in the same millisecond still give them different ids. Records from before the salt
//! was kept have salt 0 and keep their ids.

use serde::{Deserialize, Serialize};

use crate::domain::Millis;

/// A record's id: when it was made, and a random salt (0 in older records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RecordId {
    pub at: Millis,
    pub salt: u32,
}

impl RecordId {
    /// The id as an address writes it: `1763700000000`, or `1763700000000-42` with a
    /// salt.
    pub fn text(&self) -> String {
        if self.salt == 0 {
            self.at.to_string()
        } else {
            format!("{}-{}", self.at, self.salt)
        }
    }

    /// An id written by [`RecordId::text`].
    pub fn parse(text: &str) -> Option<RecordId> {
        let (at, salt) = match text.split_once('-') {
            Some((at, salt)) => (at, salt.parse().ok()?),
            None => (text, 0),
        };
        Some(RecordId {
            at: at.parse().ok()?,
            salt,
        })
    }
}

impl From<Millis> for RecordId {
    /// The id of a record from before the salt was kept.
    fn from(at: Millis) -> Self {
        RecordId { at, salt: 0 }
    }
}

/// For serde: a salt of 0 (an older record's) is not written, so an older record
/// round-trips unchanged.
pub fn is_zero(salt: &u32) -> bool {
    *salt == 0
}

/// For serde's `skip_serializing_if`: a time of 0, which stands for none.
pub fn is_zero_ms(at: &Millis) -> bool {
    *at == 0
}

/// A note that a record was deleted, kept so that another copy of the log (another
/// tab's) that still holds the record does not bring it back when the two are merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The time part of the id of the record deleted.
    pub id: Millis,
    /// The salt of its id.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub salt: u32,
    /// When it was deleted. It beats every copy of the record whose version is not
    /// newer.
    pub at: Millis,
}

impl Tombstone {
    /// The id of the record deleted.
    pub fn record(&self) -> RecordId {
        RecordId {
            at: self.id,
            salt: self.salt,
        }
    }
}

/// A log of records that two tabs may both change: its records and their tombstones,
/// kept by the rules of this module. Each kind of log says where its two lists are and in
/// what order it keeps its records; finding, adding, bringing back, deleting and merging
/// are written once, here.
pub trait Log {
    /// What the log holds.
    type Item: Keyed;

    /// The records, in the log's order.
    fn records(&self) -> &[Self::Item];

    /// The tombstones: one per id deleted, in order of id, no record of the log among them.
    fn deleted(&self) -> &[Tombstone];

    /// Both lists, to change.
    fn lists(&mut self) -> (&mut Vec<Self::Item>, &mut Vec<Tombstone>);

    /// Puts `records`, in order of id (as [`merge`] and [`Log::upsert`] leave them), in
    /// the log's order: by default, that one.
    fn order(_records: &mut [Self::Item]) {}

    /// The record with this id.
    fn get(&self, id: impl Into<RecordId>) -> Option<&Self::Item> {
        let id = id.into();
        self.records().iter().find(|r| r.key() == id)
    }

    /// Adds `record`, or puts it in place of the one with its id. A record that was
    /// deleted comes back (an undo): its tombstone goes, and where `record` is not newer
    /// than the deletion it is made just newer, so the undo also wins wherever the
    /// deletion is merged.
    fn upsert(&mut self, mut record: Self::Item) {
        let (records, deleted) = self.lists();
        if let Some(deleted_at) = undelete(deleted, record.key()) {
            if record.version() <= deleted_at {
                record.renew(deleted_at.saturating_add(1));
            }
        }
        let key = record.key();
        records.retain(|r| r.key() != key);
        let at = records.partition_point(|r| r.key() < key);
        records.insert(at, record);
        Self::order(records);
    }

    /// Deletes the record with this id at `now` and gives it back, if there was one. A
    /// tombstone records the deletion, so a merge with a copy of the log that still has
    /// the record does not bring it back.
    fn remove(&mut self, id: impl Into<RecordId>, now: Millis) -> Option<Self::Item> {
        let (records, deleted) = self.lists();
        remove(records, deleted, id.into(), now)
    }

    /// Takes in what another copy of the log holds (another tab's, or an imported one),
    /// by the rules of [`merge`], so that neither loses an update; the log's order kept.
    fn merge(&mut self, other: &Self)
    where
        Self: Sized,
    {
        let (records, deleted) = self.lists();
        merge(records, deleted, other.records(), other.deleted());
        Self::order(records);
    }

    /// Makes this log (a file's) take the place of `current` at `now`, for an import
    /// that replaces: see [`replace`].
    fn take_place_of(&mut self, current: &Self, now: Millis)
    where
        Self: Sized,
    {
        let (records, deleted) = self.lists();
        replace(records, deleted, current.records(), current.deleted(), now);
        Self::order(records);
    }
}

/// A log whose records go by a name, a prefix and their id as text (`own:1763700000000-42`),
/// as addresses, links and other records name them: the person's own routines and own
/// exercises. Finding, saving and deleting a record by its name are written once, here.
pub trait Named: Log {
    /// How a record's name starts (`own:`).
    const PREFIX: &'static str;

    /// The name of `record`.
    fn name(record: &Self::Item) -> String {
        format!("{}{}", Self::PREFIX, record.key().text())
    }

    /// The record with this name.
    fn named(&self, name: &str) -> Option<&Self::Item> {
        self.get(RecordId::parse(name.strip_prefix(Self::PREFIX)?)?)
    }

    /// Saves the record `make` gives for an id and the time it changed: the changed copy
    /// of the record named `name` (its id kept, changed at `now` or just after its last
    /// change), or, when there is none, a new one made at `now` with `salt`. Gives its
    /// name.
    fn save_named(
        &mut self,
        name: Option<&str>,
        now: Millis,
        salt: u32,
        make: impl FnOnce(RecordId, Millis) -> Self::Item,
    ) -> String {
        let (key, changed) = match name.and_then(|name| self.named(name)) {
            Some(old) => (old.key(), now.max(old.version().saturating_add(1))),
            None => (RecordId { at: now, salt }, now),
        };
        let record = make(key, changed);
        let name = Self::name(&record);
        self.upsert(record);
        name
    }

    /// Deletes the record with this name at `now` (a tombstone keeps it deleted in other
    /// tabs) and gives it back, if there was one.
    fn delete_named(&mut self, name: &str, now: Millis) -> Option<Self::Item> {
        let key = self.named(name)?.key();
        self.remove(key, now)
    }
}

/// `impl Log` for a log whose records and tombstones are its fields `records` and
/// `deleted`: `log_in_fields!(SessionLog, SessionRecord)`, with `order = f` where the log
/// keeps another order than that of id.
macro_rules! log_in_fields {
    ($log:ty, $item:ty $(, order = $order:expr)?) => {
        impl $crate::domain::ids::Log for $log {
            type Item = $item;
            fn records(&self) -> &[$item] {
                &self.records
            }
            fn deleted(&self) -> &[$crate::domain::ids::Tombstone] {
                &self.deleted
            }
            fn lists(&mut self) -> (&mut Vec<$item>, &mut Vec<$crate::domain::ids::Tombstone>) {
                (&mut self.records, &mut self.deleted)
            }
            $(fn order(records: &mut [$item]) {
                ($order)(records)
            })?
        }
    };
}
pub(crate) use log_in_fields;

/// How many tombstones a log keeps: the latest ones. Each is a few bytes, so a year of
/// deletions fits with room to spare.
pub const MAX_TOMBSTONES: usize = 1000;

/// A record of a log merged by id.
pub trait Keyed: Clone {
    /// Its id.
    fn key(&self) -> RecordId;
    /// Which of two copies is the newer: the higher.
    fn version(&self) -> Millis;
    /// Makes this copy newer than `at` (a deletion it must outlive).
    fn renew(&mut self, at: Millis);
}

/// `impl Keyed` for a record whose id is its field `at` and its `salt`, and which says
/// when it last changed in its `updated_at` (made later to renew it):
/// `keyed!(OwnExercise, at = id)`. Its version is its `updated_at`, or with
/// `version = |r| …` something later still (when a session ended, say).
macro_rules! keyed {
    ($ty:ty, at = $at:ident) => {
        $crate::domain::ids::keyed!($ty, at = $at, version = |r: &$ty| r.updated_at);
    };
    ($ty:ty, at = $at:ident, version = $version:expr) => {
        impl $crate::domain::ids::Keyed for $ty {
            fn key(&self) -> $crate::domain::ids::RecordId {
                $crate::domain::ids::RecordId {
                    at: self.$at,
                    salt: self.salt,
                }
            }
            fn version(&self) -> $crate::domain::Millis {
                let version: fn(&$ty) -> $crate::domain::Millis = $version;
                version(self)
            }
            fn renew(&mut self, at: $crate::domain::Millis) {
                self.updated_at = self.updated_at.max(at);
            }
        }
    };
}
pub(crate) use keyed;

/// Makes `records` and `deleted` (a file's) take the place of `current` and
/// `current_deleted` at `now`, so that merging with any copy of the current log (another
/// tab's) gives the file's records: each one made newer than any deletion of it here,
/// and a tombstone for each record here that the file does not have.
pub fn replace<T: Keyed>(
    records: &mut Vec<T>,
    deleted: &mut Vec<Tombstone>,
    current: &[T],
    current_deleted: &[Tombstone],
    now: Millis,
) {
    for r in records.iter_mut() {
        if let Some(t) = current_deleted.iter().find(|t| t.record() == r.key()) {
            if r.version() <= t.at {
                r.renew(t.at.saturating_add(1));
            }
        }
    }
    let mut gone: Vec<Tombstone> = current_deleted.to_vec();
    for r in current {
        if !records.iter().any(|f| f.key() == r.key()) {
            let id = r.key();
            gone.push(Tombstone {
                id: id.at,
                salt: id.salt,
                at: now.max(r.version()),
            });
        }
    }
    merge(records, deleted, &[], &gone);
}

/// Takes `other`'s records and tombstones into `records` and `deleted`:
///
/// - every record of either is kept; where both have it, the higher version wins (on a
///   tie, this copy's);
/// - every tombstone of either is kept, the latest one for each id;
/// - a record goes when its tombstone is as new as it or newer, and a tombstone goes
///   when its record is newer (brought back after the deletion);
/// - only the latest [`MAX_TOMBSTONES`] tombstones are kept.
///
/// The records come out in order of id (the caller puts them in its own order). The
/// result is the same whichever copy merges the other, and merging again changes
/// nothing.
pub fn merge<T: Keyed>(
    records: &mut Vec<T>,
    deleted: &mut Vec<Tombstone>,
    other: &[T],
    other_deleted: &[Tombstone],
) {
    // Which copy of each id stays is decided on ids and versions alone, by code compiled
    // once for every kind of record; only taking the chosen copies is generic.
    let versions = |list: &[T]| -> Vec<(RecordId, Millis)> {
        list.iter().map(|r| (r.key(), r.version())).collect()
    };
    let (kept, tombstones) =
        plan_merge(&versions(records), &versions(other), deleted, other_deleted);
    let mut ours: Vec<Option<T>> = records.drain(..).map(Some).collect();
    *records = kept
        .into_iter()
        .filter_map(|pick| match pick {
            Pick::Ours(i) => ours.get_mut(i).and_then(Option::take),
            Pick::Theirs(i) => other.get(i).cloned(),
        })
        .collect();
    *deleted = tombstones;
}

/// One record kept by a merge: this copy's `n`th, or the other's.
enum Pick {
    Ours(usize),
    Theirs(usize),
}

/// [`merge`]'s decisions: the records kept, in order of id, and the tombstones.
fn plan_merge(
    ours: &[(RecordId, Millis)],
    theirs: &[(RecordId, Millis)],
    deleted: &[Tombstone],
    other_deleted: &[Tombstone],
) -> (Vec<Pick>, Vec<Tombstone>) {
    // Every copy as (id, version, n), n counting ours first, then theirs: by id, the
    // highest version first, on a tie ours; then one per id.
    let mut copies: Vec<Row> = ours
        .iter()
        .chain(theirs)
        .enumerate()
        .map(|(n, &(id, version))| (id, version, n))
        .collect();
    sort_rows(&mut copies, |a, b| {
        a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
    });
    copies.dedup_by(|later, first| later.0 == first.0);
    let gone = tombstone_rows(deleted.iter().chain(other_deleted));
    let deleted_at = |id: RecordId| {
        gone.binary_search_by(|g| g.0.cmp(&id))
            .ok()
            .map(|i| gone[i].1)
    };
    copies.retain(|&(id, version, _)| deleted_at(id).is_none_or(|at| at < version));
    let gone: Vec<Row> = gone
        .into_iter()
        .filter(|g| copies.binary_search_by(|r| r.0.cmp(&g.0)).is_err())
        .collect();
    let kept = copies
        .into_iter()
        .map(|(_, _, n)| match n.checked_sub(ours.len()) {
            None => Pick::Ours(n),
            Some(i) => Pick::Theirs(i),
        })
        .collect();
    (kept, latest(gone))
}

/// An id with a time (a version, or when it was deleted) and a position: the one
/// element every sort here works on, so the sort is compiled once.
type Row = (RecordId, Millis, usize);

/// Sorts `rows` by `by` (a plain function, so one sort serves every order).
fn sort_rows(rows: &mut [Row], by: fn(&Row, &Row) -> std::cmp::Ordering) {
    rows.sort_unstable_by(by);
}

/// Tombstones as rows in order of id, the latest for each id.
fn tombstone_rows<'a>(all: impl Iterator<Item = &'a Tombstone>) -> Vec<Row> {
    let mut rows: Vec<Row> = all.map(|t| (t.record(), t.at, 0)).collect();
    sort_rows(&mut rows, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    rows.dedup_by(|later, first| later.0 == first.0);
    rows
}

/// Removes the record `id` at `now` and gives it back, if there was one. A tombstone
/// records the deletion, dated no earlier than the record's version, so it beats the
/// copy that was deleted even when clocks disagree.
pub fn remove<T: Keyed>(
    records: &mut Vec<T>,
    deleted: &mut Vec<Tombstone>,
    id: RecordId,
    now: Millis,
) -> Option<T> {
    let at = records.iter().position(|r| r.key() == id)?;
    let removed = records.remove(at);
    let deletion = Tombstone {
        id: id.at,
        salt: id.salt,
        at: now.max(removed.version()),
    };
    *deleted = latest(tombstone_rows(deleted.iter().chain([&deletion])));
    Some(removed)
}

/// Takes back the tombstone of `id`, when a deleted record is brought back (an undo):
/// the time of the deletion, so the record can be made newer than it.
pub fn undelete(deleted: &mut Vec<Tombstone>, id: RecordId) -> Option<Millis> {
    let at = deleted.iter().position(|t| t.record() == id)?;
    Some(deleted.remove(at).at)
}

/// Checks that stored data is a log (an object whose `records`, if any, are a list of
/// objects), for migrations that only add fields with defaults.
pub fn check_log_shape(data: &serde_json::Value) -> Result<(), String> {
    use serde_json::Value;
    let object = data.as_object().ok_or("the log is not an object")?;
    match object.get("records") {
        None => Ok(()),
        Some(Value::Array(records)) if records.iter().all(Value::is_object) => Ok(()),
        Some(_) => Err("the records are not a list of records".into()),
    }
}

/// The latest [`MAX_TOMBSTONES`] of `gone` (rows in order of id, one per id), as
/// tombstones in order of id.
fn latest(mut gone: Vec<Row>) -> Vec<Tombstone> {
    if gone.len() > MAX_TOMBSTONES {
        // Latest first; the id breaks ties so the choice never depends on the order.
        sort_rows(&mut gone, |a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        gone.truncate(MAX_TOMBSTONES);
        sort_rows(&mut gone, |a, b| a.0.cmp(&b.0));
    }
    gone.into_iter()
        .map(|(id, at, _)| Tombstone {
            id: id.at,
            salt: id.salt,
            at,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_written_and_read_back() {
        let old = RecordId {
            at: 1_763_700_000_000,
            salt: 0,
        };
        assert_eq!(old.text(), "1763700000000", "older ids keep their address");
        let new = RecordId {
            at: 1_763_700_000_000,
            salt: 4_000_000_000,
        };
        assert_eq!(new.text(), "1763700000000-4000000000");
        for id in [old, new] {
            assert_eq!(RecordId::parse(&id.text()), Some(id));
        }
        for bad in ["", "x", "12-", "-3", "12-x", "1-2-3"] {
            assert_eq!(RecordId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_tombstone_of_an_older_record_is_stored_as_before() {
        let t = Tombstone {
            id: 5,
            salt: 0,
            at: 9,
        };
        assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"id":5,"at":9}"#);
        let salted: Tombstone = serde_json::from_str(r#"{"id":5,"salt":7,"at":9}"#).unwrap();
        assert_eq!(salted.record(), RecordId { at: 5, salt: 7 });
    }

    #[derive(Debug, Clone, PartialEq)]
    struct Note {
        id: RecordId,
        version: Millis,
        text: &'static str,
    }

    impl Keyed for Note {
        fn key(&self) -> RecordId {
            self.id
        }
        fn version(&self) -> Millis {
            self.version
        }
        fn renew(&mut self, at: Millis) {
            self.version = self.version.max(at);
        }
    }

    #[test]
    fn two_tabs_making_a_record_in_the_same_millisecond_keep_both() {
        let at = 1_763_700_000_000;
        let mine = Note {
            id: RecordId { at, salt: 11 },
            version: at,
            text: "mine",
        };
        let theirs = Note {
            id: RecordId { at, salt: 99 },
            version: at,
            text: "theirs",
        };
        let (mut records, mut deleted) = (vec![mine.clone()], Vec::new());
        merge(
            &mut records,
            &mut deleted,
            std::slice::from_ref(&theirs),
            &[],
        );
        assert_eq!(
            records,
            [mine, theirs],
            "same time, other salt: two records"
        );
    }

    #[test]
    fn a_deletion_beats_older_copies_and_loses_to_newer_ones() {
        let id = RecordId { at: 10, salt: 3 };
        let note = |version| Note {
            id,
            version,
            text: "n",
        };
        let (mut records, mut deleted) = (vec![note(10)], Vec::new());
        assert_eq!(remove(&mut records, &mut deleted, id, 20), Some(note(10)));
        assert_eq!(
            deleted,
            [Tombstone {
                id: 10,
                salt: 3,
                at: 20
            }]
        );
        // Another tab still holds the old copy: it stays deleted.
        merge(&mut records, &mut deleted, &[note(15)], &[]);
        assert!(records.is_empty());
        // A copy edited after the deletion comes back, and the tombstone goes.
        merge(&mut records, &mut deleted, &[note(25)], &[]);
        assert_eq!(records, [note(25)]);
        assert!(deleted.is_empty());
        assert_eq!(undelete(&mut deleted, id), None);
    }
}
