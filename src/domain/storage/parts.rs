//! A record kept in parts ([`Record::PARTED`]): the session log, a key per year of
//! sessions (`steadyback:sessions:2025`), with what belongs to no year (the tombstones)
//! under the record's own key (`steadyback:sessions`).
//!
//! Years of history are then not encoded and written again on every save: a save writes
//! the parts whose digest differs from the one this store last wrote or loaded (the year
//! of the new session, as a rule), then the record's own key, always last. So:
//!
//! - a change by another tab always shows in the record's own key, the last one written:
//!   while its text is the one this store knows, nothing needs reading before a save;
//! - loading joins the own key and every part by the log's merge (by id, the newer copy
//!   winning), so a save cut off half way, or an own key still holding the whole log (as
//!   every build before the parts wrote it, at the same schema), loses nothing;
//! - a part that can't be read is set aside or protected as a whole record is, on its own
//!   key; a part written by a newer version of the app protects the whole record.
//!
//! A build from before the parts reads only the own key: it shows the sessions saved
//! since (until it reloads into the new version) and never removes a part.

use super::schema::{self, data_key, Record};
use super::store::{BackendError, KeyValue, Loaded, SaveError, Store};
use crate::domain::ids::Keyed;
use crate::domain::{dates, Millis};

/// The label of the part a record made at `at` goes to: its year in UTC (so the same on
/// every device, whatever its time zone).
pub fn year_label(at: Millis) -> String {
    use chrono::Datelike;
    dates::local_day(at, 0).year().to_string()
}

/// The parts of `records` by [`year_label`] of their ids, in the order first met, each with
/// a digest of the ids and versions it holds (which copy of a record is kept is decided on
/// those alone, so they say what the part holds). The digest does not depend on order.
pub fn by_year<T: Keyed>(records: &[T]) -> Vec<(String, u64)> {
    let mut parts: Vec<(String, u64)> = Vec::new();
    for record in records {
        let (id, label) = (record.key(), year_label(record.key().at));
        let mix = spread(spread(id.at as u64 ^ u64::from(id.salt) << 17) ^ record.version() as u64);
        match parts.iter_mut().find(|(l, _)| *l == label) {
            Some((_, digest)) => *digest = digest.wrapping_add(mix),
            None => parts.push((label, mix.wrapping_add(1))),
        }
    }
    parts
}

/// The records of `records` in part `label` (by [`year_label`]), cloned.
pub fn in_year<T: Keyed>(records: &[T], label: &str) -> Vec<T> {
    records
        .iter()
        .filter(|r| year_label(r.key().at) == label)
        .cloned()
        .collect()
}

/// The digest of what part `key` of record `name` holds of its own year (none when it
/// holds nothing of it).
fn own_digest<T: Record>(name: &str, key: &str, part: &T) -> Option<u64> {
    let label = &key[data_key(name).len() + 1..];
    part.parts()
        .into_iter()
        .find(|(l, _)| l == label)
        .map(|(_, d)| d)
}

/// A 64-bit mix in which every bit of `x` moves many bits of the result (SplitMix64's).
fn spread(x: u64) -> u64 {
    let x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// True for a part's label: a year, perhaps before year 0.
fn is_label(label: &str) -> bool {
    let digits = label.strip_prefix('-').unwrap_or(label);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

impl<B: KeyValue> Store<B> {
    /// The keys of the stored parts of record `name`, in key order.
    pub fn part_keys(&self, name: &str) -> Vec<String> {
        let prefix = format!("{}:", data_key(name));
        let mut keys: Vec<String> = self
            .backend()
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.strip_prefix(&prefix).is_some_and(is_label))
            .collect();
        keys.sort();
        keys
    }

    /// `main` (the load of `T`'s own key) with every stored part of `T` merged in, each
    /// part's digest noted. Parts that can't be read are dealt with as [`Store::load`]
    /// does a record's key; what that drops is reported as salvaged.
    pub(super) fn load_parts<T: Record>(&mut self, main: Loaded<T>, now: Millis) -> Loaded<T> {
        let mut found = !matches!(main, Loaded::Missing);
        let mut own_corrupt = None;
        let mut any_part = false;
        let (mut value, mut dropped, mut kept_at, mut partial) = match main {
            Loaded::Found(value) => (value, 0, None, false),
            Loaded::Missing => (T::default(), 0, None, false),
            Loaded::Salvaged {
                value,
                dropped,
                kept_at,
            } => (value, dropped, kept_at, true),
            // The own key set aside: the parts still hold the sessions.
            Loaded::Corrupt {
                reason,
                kept_at: Some(at),
            } => {
                own_corrupt = Some((reason, at.clone()));
                (T::default(), 0, Some(at), true)
            }
            // Left in place and protected (nothing of the record can be saved), or newer,
            // or unreadable: said as it is.
            other => return other,
        };
        self.forget_parts(T::NAME);
        for key in self.part_keys(T::NAME) {
            let name = &key[schema::NAMESPACE.len() + 1..];
            let part = match self.load_key::<T>(name, now) {
                Loaded::Found(part) => part,
                Loaded::Salvaged {
                    value: part,
                    dropped: more,
                    kept_at: at,
                } => {
                    (dropped, partial) = (dropped + more, true);
                    kept_at = kept_at.or(at);
                    part
                }
                Loaded::Missing => continue,
                Loaded::Corrupt { kept_at: at, .. } => {
                    partial = true;
                    kept_at = kept_at.or(at);
                    continue;
                }
                Loaded::Newer { reason } => {
                    self.protect(&data_key(T::NAME), &reason);
                    return Loaded::Newer { reason };
                }
                Loaded::Unreadable(err) => {
                    self.protect(&data_key(T::NAME), "a part of it could not be read");
                    return Loaded::Unreadable(err);
                }
            };
            (found, any_part) = (true, true);
            self.note_part(&key, own_digest(T::NAME, &key, &part));
            value.merge_from(&part);
        }
        if let (Some((reason, at)), false) = (own_corrupt, any_part) {
            return Loaded::Corrupt {
                reason,
                kept_at: Some(at),
            };
        }
        match (partial, found) {
            (true, _) => Loaded::Salvaged {
                value,
                dropped,
                kept_at,
            },
            (false, true) => Loaded::Found(value),
            (false, false) => Loaded::Missing,
        }
    }

    /// Merges every stored part of `T` into `value`, writing nothing, and gives each part's
    /// key with the digest of what it holds ([`own_digest`]): `Err` when a part can't be
    /// read as it is.
    pub(super) fn join_parts<T: Record>(
        &self,
        value: &mut T,
    ) -> Result<Vec<(String, Option<u64>)>, String> {
        let mut digests = Vec::new();
        for key in self.part_keys(T::NAME) {
            let Some(raw) = self.backend().get(&key).map_err(|e| e.to_string())? else {
                continue;
            };
            let part = schema::decode::<T>(&raw).map_err(|e| e.to_string())?.data;
            digests.push((key.clone(), own_digest(T::NAME, &key, &part)));
            value.merge_from(&part);
        }
        Ok(digests)
    }

    /// What another tab stored of `T` since this store last wrote or loaded it, for a merge
    /// before a save: `Ok(None)` while the own key holds the text this store knows (every
    /// save writes it last), else the own key and every part joined, with the digest of each
    /// part as stored noted (of what that key holds, never of what the own key holds).
    /// `Err` when something stored can't be read as it is.
    pub(super) fn peek_unknown_parts<T: Record>(&mut self) -> Result<Option<T>, String> {
        let own = data_key(T::NAME);
        let raw = self.backend().get(&own).map_err(|e| e.to_string())?;
        let mut value = match raw {
            Some(raw) if self.is_known(T::NAME, &raw) => return Ok(None),
            Some(raw) => schema::decode::<T>(&raw).map_err(|e| e.to_string())?.data,
            None => T::default(),
        };
        let digests = self.join_parts(&mut value)?;
        self.forget_parts(T::NAME);
        for (key, digest) in digests {
            self.note_part(&key, digest);
        }
        Ok(Some(value))
    }

    /// Saves `value` of a record in parts at `now`: each part whose digest differs from
    /// the stored one's, then the record's own key, then the parts that hold nothing any
    /// more are removed; each write read back. Nothing is written while the own key is
    /// protected. When storage has no room for a part, the whole value goes under the own
    /// key instead ([`Store::save_whole`]).
    pub(super) fn save_parts<T: Record>(
        &mut self,
        value: &T,
        now: Millis,
    ) -> Result<(), SaveError> {
        let own = data_key(T::NAME);
        self.check_writable(&own)?;
        let parts = value.parts();
        let mut added = Vec::new();
        for (label, digest) in &parts {
            let key = format!("{own}:{label}");
            let noted = self.part_digest(&key);
            if noted == Some(*digest) {
                continue;
            }
            self.check_writable(&key)?;
            let text =
                schema::encode(&value.part(Some(label)), now).map_err(SaveError::Unwritable)?;
            match self.write_raw(&key, &text) {
                Ok(()) => {
                    if noted.is_none() {
                        added.push(key.clone());
                    }
                    self.note_part(&key, Some(*digest));
                }
                Err(SaveError::Backend(BackendError::QuotaExceeded)) => {
                    return self.save_whole(value, now, &added);
                }
                Err(err) => return Err(err),
            }
        }
        let text = schema::encode(&value.part(None), now).map_err(SaveError::Unwritable)?;
        self.write_raw(&own, &text)?;
        // Only now: until the own key says so (tombstones, weekly totals), the sessions of
        // a part stay where they were.
        for key in self.noted_parts(T::NAME) {
            let label = &key[own.len() + 1..];
            if !parts.iter().any(|(l, _)| l == label) && self.check_writable(&key).is_ok() {
                self.remove_key(&key)?;
                self.note_part(&key, None);
            }
        }
        Ok(())
    }

    /// Storage had no room for a part (the first save after the log was stored whole
    /// needs room for all of it again): the parts this save `added` are removed, and the
    /// whole value is written under the own key, as before the parts (loading joins the
    /// own key and the parts, so what they still hold is not lost). The next save tries
    /// the parts again.
    fn save_whole<T: Record>(
        &mut self,
        value: &T,
        now: Millis,
        added: &[String],
    ) -> Result<(), SaveError> {
        for key in added {
            self.remove_key(key)?;
            self.note_part(key, None);
        }
        let text = schema::encode(value, now).map_err(SaveError::Unwritable)?;
        self.write_raw(&data_key(T::NAME), &text)
    }

    /// The digest noted for part `key` .
    pub(super) fn part_digest(&self, key: &str) -> Option<u64> {
        self.parts.iter().find(|(k, _)| k == key).map(|(_, d)| *d)
    }

    /// Notes `digest` as that of part `key` as stored (`None`: it holds nothing).
    pub(super) fn note_part(&mut self, key: &str, digest: Option<u64>) {
        self.parts.retain(|(k, _)| k != key);
        if let Some(digest) = digest {
            self.parts.push((key.to_string(), digest));
        }
    }

    /// The parts of record `name` with a digest noted.
    pub(super) fn noted_parts(&self, name: &str) -> Vec<String> {
        let prefix = format!("{}:", data_key(name));
        let keys = self.parts.iter().map(|(k, _)| k);
        keys.filter(|k| k.starts_with(&prefix)).cloned().collect()
    }

    /// Forgets the digests noted for the parts of record `name`.
    pub(super) fn forget_parts(&mut self, name: &str) {
        let prefix = format!("{}:", data_key(name));
        self.parts.retain(|(k, _)| !k.starts_with(&prefix));
    }

    /// Removes record `name` and every part of it (a tab's copy, once saved).
    pub fn remove_record(&mut self, name: &str) {
        for key in self.part_keys(name) {
            self.remove_raw(&key);
        }
        self.remove_raw(&data_key(name));
        self.forget_parts(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::DAY_MS;
    use crate::domain::ids::{Log as _, RecordId};
    use crate::domain::records::session_record::{SessionLog, SessionRecord};
    use crate::domain::storage::backend::{BackendError, Shared};

    /// 2020-01-01T00:00:00Z.
    const Y2020: Millis = 1_577_836_800_000;
    const NOW: Millis = Y2020 + 6 * 365 * DAY_MS;

    fn session(started_at: Millis) -> SessionRecord {
        SessionRecord {
            routine_id: "gentle-start".into(),
            started_at,
            ended_at: started_at + 600_000,
            active_secs: 580,
            pain_before: Some(3),
            ..SessionRecord::default()
        }
    }

    /// A session every `step` days from 2020 for `years` years.
    fn history(years: i64, step: i64) -> SessionLog {
        let mut log = SessionLog::default();
        for day in (0..years * 365).step_by(step as usize) {
            log.upsert(session(Y2020 + day * DAY_MS + 8 * 3_600_000));
        }
        log
    }

    fn text(storage: &Shared, key: &str) -> Option<String> {
        storage.get(key).unwrap()
    }

    fn keys(storage: &Shared) -> Vec<String> {
        let mut keys = storage.keys().unwrap();
        keys.sort();
        keys
    }

    #[test]
    fn each_year_is_kept_under_a_key_of_its_own_and_loads_back_whole() {
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        let mut log = history(5, 3);
        log.remove(log.records[0].key(), NOW);
        store.save(&log, NOW).unwrap();
        assert_eq!(
            keys(&storage),
            [
                "steadyback:sessions",
                "steadyback:sessions:2020",
                "steadyback:sessions:2021",
                "steadyback:sessions:2022",
                "steadyback:sessions:2023",
                "steadyback:sessions:2024"
            ]
        );
        let own: serde_json::Value =
            serde_json::from_str(&text(&storage, "steadyback:sessions").unwrap()).unwrap();
        assert_eq!(own["data"]["records"], serde_json::json!([]), "{own}");
        assert_eq!(own["data"]["deleted"].as_array().unwrap().len(), 1);
        let mut fresh = Store::new(storage.clone());
        assert_eq!(fresh.load::<SessionLog>(NOW), Loaded::Found(log));
    }

    /// `storage` holds `log` split: a key for each of its `years` and a small own key, and
    /// loads back as `log`.
    fn split_and_whole(storage: Shared, years: usize, log: SessionLog) {
        assert_eq!(keys(&storage).len(), years + 1, "{:?}", keys(&storage));
        assert!(text(&storage, "steadyback:sessions").unwrap().len() < 100);
        assert_eq!(
            Store::new(storage).load::<SessionLog>(NOW),
            Loaded::Found(log)
        );
    }

    /// Every key with its text.
    fn snapshot(storage: &Shared) -> Vec<(String, Option<String>)> {
        keys(storage)
            .into_iter()
            .map(|k| (k.clone(), text(storage, &k)))
            .collect()
    }

    /// The keys whose text differs between two snapshots.
    fn rewritten(
        before: &[(String, Option<String>)],
        after: &[(String, Option<String>)],
    ) -> Vec<String> {
        let was = |k: &str| {
            before
                .iter()
                .find(|(b, _)| b == k)
                .and_then(|(_, t)| t.clone())
        };
        after
            .iter()
            .filter(|(k, t)| was(k) != *t)
            .map(|(k, _)| k.clone())
            .collect()
    }

    #[test]
    fn a_save_rewrites_only_the_years_that_changed() {
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        let mut log = history(5, 1);
        store.save(&log, NOW).unwrap();
        let before = snapshot(&storage);

        // A new session in 2024, saved a day later (each part it writes says when).
        log.upsert(session(Y2020 + (4 * 365 + 100) * DAY_MS + 1));
        let saved = store.save_merged(log.clone(), NOW + DAY_MS);
        assert_eq!(saved.result, Ok(()));
        let after = snapshot(&storage);
        assert_eq!(
            rewritten(&before, &after),
            ["steadyback:sessions", "steadyback:sessions:2024"]
        );

        // A changed version in 2021 rewrites 2021 (and the own key), nothing else.
        let mut edited = log.records[400].clone();
        edited.updated_at = NOW + 2 * DAY_MS;
        log.upsert(edited);
        store
            .save_merged(log.clone(), NOW + 2 * DAY_MS)
            .result
            .unwrap();
        assert_eq!(
            rewritten(&after, &snapshot(&storage)),
            ["steadyback:sessions", "steadyback:sessions:2021"]
        );
        assert_eq!(
            Store::new(storage).load::<SessionLog>(NOW),
            Loaded::Found(log)
        );
    }

    #[test]
    fn a_log_stored_whole_loads_and_is_split_on_the_next_save() {
        let log = history(3, 2);
        let storage = Shared::default();
        // As builds before the parts wrote it: the whole log under its own key.
        let whole = schema::encode(&log, NOW).unwrap();
        storage.clone().set("steadyback:sessions", &whole).unwrap();
        let mut store = Store::new(storage.clone());
        assert_eq!(store.load::<SessionLog>(NOW), Loaded::Found(log.clone()));
        store.save_merged(log.clone(), NOW + 1).result.unwrap();
        split_and_whole(storage, 3, log);
    }

    #[test]
    fn a_save_cut_off_before_the_own_key_loses_nothing() {
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        let mut log = history(2, 7);
        store.save(&log, NOW).unwrap();
        let own = text(&storage, "steadyback:sessions").unwrap();
        // A session saved in its year's part; the own key is then put back as it was, as if
        // the tab had closed between the two writes.
        log.upsert(session(Y2020 + 200 * DAY_MS));
        store.save(&log, NOW + 1).unwrap();
        storage.clone().set("steadyback:sessions", &own).unwrap();
        assert_eq!(
            Store::new(storage).load::<SessionLog>(NOW),
            Loaded::Found(log)
        );
    }

    #[test]
    fn two_tabs_saving_in_different_years_keep_both() {
        let storage = Shared::default();
        let (mut a, mut b) = (Store::new(storage.clone()), Store::new(storage.clone()));
        let start = history(3, 5);
        a.save(&start, NOW).unwrap();
        let mut ours = b.load::<SessionLog>(NOW).into_value();
        let mut theirs = start.clone();
        theirs.upsert(session(Y2020 + 30 * DAY_MS + 5));
        a.save_merged(theirs, NOW + 1).result.unwrap();
        ours.upsert(session(Y2020 + 800 * DAY_MS + 5));
        let saved = b.save_merged(ours, NOW + 2);
        assert_eq!(saved.result, Ok(()));
        assert_eq!(saved.value.records.len(), start.records.len() + 2);
        let stored = Store::new(storage).load::<SessionLog>(NOW).into_value();
        assert_eq!(stored, saved.value);
        // The first tab, saving again, keeps the second's session too.
        let mut again = a.load::<SessionLog>(NOW).into_value();
        again.upsert(session(Y2020 + 900 * DAY_MS));
        assert_eq!(
            a.save_merged(again, NOW + 3).value.records.len(),
            start.records.len() + 3
        );
    }

    #[test]
    fn a_year_left_empty_is_removed_and_every_part_goes_with_the_record() {
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        let mut log = history(2, 30);
        store.save(&log, NOW).unwrap();
        let first_year: Vec<RecordId> = log
            .records
            .iter()
            .filter(|r| r.started_at < Y2020 + 366 * DAY_MS)
            .map(|r| r.key())
            .collect();
        for id in first_year {
            log.remove(id, NOW + 1);
        }
        store.save(&log, NOW + 1).unwrap();
        assert_eq!(
            keys(&storage),
            ["steadyback:sessions", "steadyback:sessions:2021"]
        );
        assert_eq!(
            Store::new(storage.clone()).load::<SessionLog>(NOW),
            Loaded::Found(log)
        );
        store.remove_record("sessions");
        assert!(keys(&storage).is_empty());
    }

    #[test]
    fn a_part_that_cannot_be_read_is_set_aside_and_the_rest_loads() {
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        let log = history(3, 10);
        store.save(&log, NOW).unwrap();
        storage
            .clone()
            .set("steadyback:sessions:2021", "{not json")
            .unwrap();
        let mut fresh = Store::new(storage.clone());
        let Loaded::Salvaged {
            value,
            dropped,
            kept_at: Some(kept),
        } = fresh.load::<SessionLog>(NOW)
        else {
            panic!("not salvaged");
        };
        assert_eq!(dropped, 0, "how many is not known");
        assert_eq!(text(&storage, &kept).as_deref(), Some("{not json"));
        let expected: Vec<_> = log
            .records
            .iter()
            .filter(|r| year_label(r.started_at) != "2021")
            .cloned()
            .collect();
        assert_eq!(value.records, expected);
        // Saving goes on; the year that could not be read is not written over.
        let mut more = value.clone();
        more.upsert(session(Y2020 + 5));
        assert_eq!(fresh.save_merged(more, NOW + 1).result, Ok(()));
        assert_eq!(text(&storage, "steadyback:sessions:2021"), None);
        assert_eq!(text(&storage, &kept).as_deref(), Some("{not json"));
    }

    #[test]
    fn a_part_from_a_newer_version_protects_the_whole_log() {
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        store.save(&history(2, 10), NOW).unwrap();
        let newer = r#"{"schema":99,"saved_at":1,"data":{}}"#;
        storage
            .clone()
            .set("steadyback:sessions:2020", newer)
            .unwrap();
        let mut fresh = Store::new(storage.clone());
        assert!(matches!(
            fresh.load::<SessionLog>(NOW),
            Loaded::Newer { .. }
        ));
        let saved = fresh.save_merged(history(1, 1), NOW);
        assert!(
            matches!(saved.result, Err(SaveError::Protected(_))),
            "{saved:?}"
        );
        assert_eq!(
            text(&storage, "steadyback:sessions:2020").as_deref(),
            Some(newer)
        );
    }

    #[test]
    fn a_save_after_another_tab_stored_the_log_whole_writes_every_year() {
        // Two tabs start on a log stored whole (as before the parts); the other one writes
        // it again (its migration, say), so this one no longer knows the text.
        let storage = Shared::default();
        let mut log = history(3, 5);
        storage
            .clone()
            .set("steadyback:sessions", &schema::encode(&log, NOW).unwrap())
            .unwrap();
        let mut a = Store::new(storage.clone());
        let ours = a.load::<SessionLog>(NOW).into_value();
        storage
            .clone()
            .set(
                "steadyback:sessions",
                &schema::encode(&log, NOW + 5).unwrap(),
            )
            .unwrap();
        let mut ours = ours;
        ours.upsert(session(Y2020 + 900 * DAY_MS));
        log.upsert(session(Y2020 + 900 * DAY_MS));
        assert_eq!(a.save_merged(ours, NOW + 6).result, Ok(()));
        split_and_whole(storage, 3, log);
    }

    #[test]
    fn a_save_finding_the_own_key_unreadable_keeps_every_year() {
        let storage = Shared::default();
        let mut a = Store::new(storage.clone());
        let log = history(3, 5);
        a.save(&log, NOW).unwrap();
        // Another tab starts a year this one has not seen; then the own key is garbled.
        let mut b = Store::new(storage.clone());
        let mut theirs = b.load::<SessionLog>(NOW).into_value();
        theirs.upsert(session(Y2020 + 3 * 366 * DAY_MS));
        b.save_merged(theirs.clone(), NOW + 1).result.unwrap();
        storage
            .clone()
            .set("steadyback:sessions", "{garbled")
            .unwrap();
        let mut ours = log.clone();
        ours.upsert(session(Y2020 + 10 * DAY_MS));
        let saved = a.save_merged(ours, NOW + 2);
        assert_eq!(saved.result, Ok(()));
        assert!(
            matches!(
                saved.loaded,
                Some(Loaded::Salvaged {
                    kept_at: Some(_),
                    ..
                })
            ),
            "{saved:?}"
        );
        let mut everything = theirs;
        everything.upsert(session(Y2020 + 10 * DAY_MS));
        assert_eq!(saved.value, everything);
        assert_eq!(
            Store::new(storage).load::<SessionLog>(NOW).into_value(),
            everything
        );
    }

    /// A storage holding at most `room` characters of keys and values.
    #[derive(Clone)]
    struct Small {
        inner: Shared,
        room: usize,
    }

    impl KeyValue for Small {
        fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
            self.inner.get(key)
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
            let others: usize = self
                .inner
                .keys()?
                .iter()
                .filter(|k| *k != key)
                .map(|k| k.len() + self.inner.get(k).unwrap().map_or(0, |v| v.len()))
                .sum();
            if others + key.len() + value.len() > self.room {
                return Err(BackendError::QuotaExceeded);
            }
            self.inner.set(key, value)
        }
        fn remove(&mut self, key: &str) -> Result<(), BackendError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            self.inner.keys()
        }
    }

    #[test]
    fn with_no_room_to_split_the_log_is_written_whole_again() {
        let inner = Shared::default();
        let mut log = history(4, 2);
        let whole = schema::encode(&log, NOW).unwrap();
        inner.clone().set("steadyback:sessions", &whole).unwrap();
        let storage = Small {
            inner: inner.clone(),
            room: whole.len() + 2_000,
        };
        let mut store = Store::new(storage);
        let mut ours = store.load::<SessionLog>(NOW).into_value();
        ours.upsert(session(Y2020 + 1000 * DAY_MS));
        log.upsert(session(Y2020 + 1000 * DAY_MS));
        let saved = store.save_merged(ours.clone(), NOW + 1);
        assert_eq!(saved.result, Ok(()));
        assert_eq!(
            keys(&inner),
            ["steadyback:sessions"],
            "the parts added are removed again"
        );
        assert_eq!(
            Store::new(inner.clone()).load::<SessionLog>(NOW),
            Loaded::Found(log.clone())
        );
        // And again on the next save: still whole, still everything.
        ours.upsert(session(Y2020 + 1001 * DAY_MS));
        assert_eq!(store.save_merged(ours.clone(), NOW + 2).result, Ok(()));
        assert_eq!(Store::new(inner).load::<SessionLog>(NOW).into_value(), ours);
    }

    #[test]
    fn a_year_is_removed_only_once_the_own_key_is_written() {
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        let log = history(3, 10);
        store.save(&log, NOW).unwrap();
        let mut made_room = log.clone();
        made_room.keep_from(Y2020 + 366 * DAY_MS, 0);
        store.protect("steadyback:sessions", "a test");
        assert!(store.save(&made_room, NOW + 1).is_err());
        assert_eq!(
            Store::new(storage.clone()).load::<SessionLog>(NOW),
            Loaded::Found(log)
        );
        let mut fresh = Store::new(storage.clone());
        fresh.load::<SessionLog>(NOW);
        fresh.save(&made_room, NOW + 2).unwrap();
        assert!(!keys(&storage).contains(&"steadyback:sessions:2020".to_string()));
        assert_eq!(
            Store::new(storage).load::<SessionLog>(NOW),
            Loaded::Found(made_room)
        );
    }

    #[test]
    fn an_unreadable_log_with_no_parts_is_said_to_be_unreadable() {
        let storage = Shared::default();
        storage.clone().set("steadyback:sessions", "{nope").unwrap();
        let loaded = Store::new(storage).load::<SessionLog>(NOW);
        assert!(
            matches!(
                loaded,
                Loaded::Corrupt {
                    kept_at: Some(_),
                    ..
                }
            ),
            "{loaded:?}"
        );
    }

    #[test]
    fn the_digest_follows_ids_and_versions_not_order() {
        let log = history(1, 50);
        let mut reversed = log.records.clone();
        reversed.reverse();
        assert_eq!(by_year(&log.records)[0].1, by_year(&reversed)[0].1);
        let mut changed = log.records.clone();
        changed[3].updated_at = NOW;
        assert_ne!(by_year(&log.records), by_year(&changed));
        assert_ne!(by_year(&log.records), by_year(&log.records[1..]));
        // Times no calendar holds go to a part too, the same on every run.
        assert_eq!(year_label(Millis::MAX), year_label(Millis::MIN));
        assert!(is_label(&year_label(Millis::MIN)) && !is_label("2020-x") && !is_label(""));
    }
}
