//! Loading and saving records over any key-value backend, with the rules that keep a
//! person's data safe:
//!
//! - unreadable stored text is never overwritten: it is first copied aside under a
//!   quarantine key, and if that copy fails the key is left alone for good;
//! - data written by a newer version of the app is never overwritten;
//! - every write is read back and compared.
//!
//! The browser's `localStorage` is one backend (in `platform::storage`); [`Memory`] is
//! another, used natively in tests and in the browser when storage is unavailable.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::storage::schema::{
    self, data_key, migration_key, quarantine_key, DecodeError, Migrate, Record, CLEARED_KEY,
};
use crate::domain::Millis;

/// How the mark under [`CLEARED_KEY`] starts while a deletion of everything is under way.
const CLEARING: &str = "clearing ";

pub use super::backend::{BackendError, KeyValue, Memory};

/// What loading a record found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Nothing stored yet: the defaults apply.
    Missing,
    /// The stored record, upgraded to the current schema.
    Found(T),
    /// Some entries of its lists could not be read and were left out; the rest loaded.
    /// The whole stored text was copied aside first (`kept_at`), or, when that failed,
    /// the key is protected from being written.
    Salvaged {
        value: T,
        dropped: usize,
        kept_at: Option<String>,
    },
    /// The stored text could not be read. The defaults apply; the text was copied to
    /// `kept_at`, or, when that copy failed (`None`), left in place and protected.
    Corrupt {
        reason: String,
        kept_at: Option<String>,
    },
    /// Written by a newer version of the app: the defaults apply in memory and the stored
    /// data is protected from being overwritten.
    Newer { reason: String },
    /// The backend could not be read at all; the key is protected.
    Unreadable(BackendError),
}

impl<T: Default> Loaded<T> {
    /// The value the app should start with.
    pub fn into_value(self) -> T {
        match self {
            Loaded::Found(value) | Loaded::Salvaged { value, .. } => value,
            _ => T::default(),
        }
    }
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    #[error("{0}")]
    Backend(#[from] BackendError),
    #[error("the stored copy is kept as it is, because {0}")]
    Protected(String),
    #[error("what was read back differs from what was written")]
    NotVerified,
    #[error("it could not be written as text ({0})")]
    Unwritable(String),
}

/// The envelope of a record opened, or the outcome when there is nothing to turn into a
/// value.
enum Opened {
    Data {
        raw: String,
        from: u32,
        data: serde_json::Value,
    },
    /// Nothing to turn into a value.
    Empty(Empty),
}

/// The outcomes of a load that carry no value.
enum Empty {
    Missing,
    Corrupt {
        reason: String,
        kept_at: Option<String>,
    },
    Newer {
        reason: String,
    },
    Unreadable(BackendError),
}

impl Empty {
    fn loaded<T>(self) -> Loaded<T> {
        match self {
            Empty::Missing => Loaded::Missing,
            Empty::Corrupt { reason, kept_at } => Loaded::Corrupt { reason, kept_at },
            Empty::Newer { reason } => Loaded::Newer { reason },
            Empty::Unreadable(err) => Loaded::Unreadable(err),
        }
    }
}

impl<T> Loaded<T> {
    /// The value, if there is one, and the outcome without it, for reporting.
    pub fn split(self) -> (Option<T>, Loaded<()>) {
        match self {
            Loaded::Found(value) => (Some(value), Loaded::Found(())),
            Loaded::Salvaged {
                value,
                dropped,
                kept_at,
            } => (
                Some(value),
                Loaded::Salvaged {
                    value: (),
                    dropped,
                    kept_at,
                },
            ),
            Loaded::Missing => (None, Loaded::Missing),
            Loaded::Corrupt { reason, kept_at } => (None, Loaded::Corrupt { reason, kept_at }),
            Loaded::Newer { reason } => (None, Loaded::Newer { reason }),
            Loaded::Unreadable(err) => (None, Loaded::Unreadable(err)),
        }
    }
}

/// What [`Store::save_merged`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved<T> {
    /// The value now held: what was saved, or tried.
    pub value: T,
    /// When the stored text could not be read as it was: how loading it went.
    pub loaded: Option<Loaded<()>>,
    /// Whether the save worked.
    pub result: Result<(), SaveError>,
}

/// Loads and saves [`Record`]s over a backend.
#[derive(Debug, Default)]
pub struct Store<B> {
    backend: B,
    /// Keys that must not be written, with the reason.
    protected: BTreeMap<String, String>,
    /// The mark of the last deletion of everything ([`CLEARED_KEY`]) as this store last
    /// saw it: when the stored one differs, another tab deleted everything since.
    cleared: Option<String>,
    /// For each key, the [`fingerprint`] of the text this store last wrote there or
    /// loaded from there: while the stored text still has it, no other tab has saved
    /// since, and a save need not read and merge it ([`Store::save_merged`]).
    known: Vec<(String, u64)>,
    /// For each part of a record kept in parts ([`super::parts`]), the digest of what this
    /// store last wrote there or loaded from there: a save writes the parts whose digest
    /// differs.
    pub(super) parts: Vec<(String, u64)>,
}

/// A 64-bit hash of `text` (with its length), eight bytes at a time: cheap enough to
/// take of years of history on every save, far cheaper than reading it.
pub fn fingerprint(text: &str) -> u64 {
    let mut hash = text.len() as u64;
    for chunk in text.as_bytes().chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    hash
}

impl<B: KeyValue> Store<B> {
    pub fn new(backend: B) -> Self {
        let cleared = backend.get(CLEARED_KEY).ok().flatten();
        Store {
            backend,
            protected: BTreeMap::new(),
            cleared,
            known: Vec::new(),
            parts: Vec::new(),
        }
    }

    /// The stored mark of the last deletion of everything.
    fn cleared_mark(&self) -> Option<String> {
        self.backend.get(CLEARED_KEY).ok().flatten()
    }

    /// True when another tab deleted everything (or is deleting it) since this store
    /// last caught up: what this tab holds in memory is from before, so a save drops it
    /// rather than merge it back, and a reload takes what is stored as it is.
    pub fn cleared_elsewhere(&self) -> bool {
        self.cleared_mark() != self.cleared
    }

    /// This tab has read every record again after another tab deleted everything: its
    /// saves count again. Not while that deletion is still under way.
    pub fn caught_up(&mut self) {
        let mark = self.cleared_mark();
        if !mark.as_deref().is_some_and(|m| m.starts_with(CLEARING)) {
            self.cleared = mark;
        }
    }

    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Loads record `T` as found at `now`, copying unreadable text aside first.
    pub fn load<T: Record>(&mut self, now: Millis) -> Loaded<T> {
        let loaded = self.load_key::<T>(T::NAME, now);
        if T::PARTED {
            return self.load_parts(loaded, now);
        }
        loaded
    }

    /// Loads what is stored of `T` under `name` (its own, or one of its parts').
    pub(super) fn load_key<T: Record>(&mut self, name: &str, now: Millis) -> Loaded<T> {
        // Only turning the data into a `T` is generic; the rest is compiled once.
        let (raw, from, data) = match self.open(name, T::SCHEMA, T::migrate, now) {
            Opened::Data { raw, from, data } => (raw, from, data),
            Opened::Empty(empty) => return empty.loaded(),
        };
        let error = match serde_json::from_value::<T>(data) {
            Ok(value) => {
                self.note(&data_key(name), Some(&raw));
                if from < T::SCHEMA {
                    // Unwritable data stays as it was stored, still at its old schema.
                    if let Ok(text) = schema::encode(&value, now) {
                        self.store_migrated(name, from, &raw, &text);
                    }
                }
                return Loaded::Found(value);
            }
            Err(err) => DecodeError::Shape(err.to_string()),
        };
        let salvaged = schema::salvage::<T>(&raw);
        let kept_at = self.set_aside(name, &raw, now);
        match salvaged {
            Some((value, dropped)) => {
                // The text is safe aside: store what could be read, so the next load
                // doesn't copy the same text aside again.
                if let (Some(_), Ok(text)) = (&kept_at, schema::encode(&value, now)) {
                    let _ = self.save_text(name, &text);
                }
                Loaded::Salvaged {
                    value,
                    dropped,
                    kept_at,
                }
            }
            None => Loaded::Corrupt {
                reason: error.to_string(),
                kept_at,
            },
        }
    }

    /// Reads a few fields of record `T` as `V`, writing nothing back: no upgraded copy
    /// and no salvage, since `V` holds less than the record. Text that `V` can't read
    /// counts as missing here; loading the record itself deals with it (sets it aside and
    /// says so). For a glance at a large record (Today's look at the session in progress).
    pub fn glance<T: Record, V: serde::de::DeserializeOwned>(&mut self, now: Millis) -> Loaded<V> {
        match self.open(T::NAME, T::SCHEMA, T::migrate, now) {
            Opened::Data { data, .. } => {
                serde_json::from_value(data).map_or(Loaded::Missing, Loaded::Found)
            }
            Opened::Empty(empty) => empty.loaded(),
        }
    }

    /// Reads the text of record `name` and opens its envelope (migrating the data up to
    /// `schema`), handling every outcome that needs no knowledge of the record's type.
    fn open(&mut self, name: &str, schema: u32, migrate: Migrate, now: Millis) -> Opened {
        let key = data_key(name);
        let raw = match self.backend.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Opened::Empty(Empty::Missing),
            Err(err) => {
                self.protect(&key, "it could not be read");
                return Opened::Empty(Empty::Unreadable(err));
            }
        };
        match schema::open(&raw, schema, migrate) {
            Ok((from, _, data)) => {
                self.protected.remove(&key);
                Opened::Data { raw, from, data }
            }
            Err(err @ DecodeError::Newer { .. }) => {
                let reason = err.to_string();
                self.protect(&key, &reason);
                Opened::Empty(Empty::Newer { reason })
            }
            Err(err) => {
                let kept_at = self.set_aside(name, &raw, now);
                Opened::Empty(Empty::Corrupt {
                    reason: err.to_string(),
                    kept_at,
                })
            }
        }
    }

    /// Copies unreadable text aside; when that fails, protects the original from being
    /// written over. Returns where the copy is.
    ///
    /// Once the copy is safe, the unreadable text leaves the record's key (the record
    /// starts from its defaults, or from what could be read), so it is copied aside once,
    /// not again on every load.
    fn set_aside(&mut self, name: &str, raw: &str, now: Millis) -> Option<String> {
        let key = data_key(name);
        let kept_at = self.quarantine(name, raw, now);
        if kept_at.is_some() {
            let _ = self.backend.remove(&key);
        } else {
            self.protect(&key, "it could not be copied aside safely");
        }
        kept_at
    }

    /// Saves record `T` at `now`, then reads it back to check it.
    pub fn save<T: Record>(&mut self, value: &T, now: Millis) -> Result<(), SaveError> {
        if T::PARTED {
            return self.save_parts(value, now);
        }
        let text = schema::encode(value, now).map_err(SaveError::Unwritable)?;
        self.save_text(T::NAME, &text)
    }

    /// Writes the encoded text of record `name` unless its key is protected, and reads
    /// it back.
    fn save_text(&mut self, name: &str, text: &str) -> Result<(), SaveError> {
        let key = data_key(name);
        self.check_writable(&key)?;
        self.write_raw(&key, text)
    }

    /// `Err` when `key` is protected from being written.
    pub(super) fn check_writable(&self, key: &str) -> Result<(), SaveError> {
        match self.protected.get(key) {
            Some(reason) => Err(SaveError::Protected(reason.clone())),
            None => Ok(()),
        }
    }

    /// Saves `ours` at `now` as the rule of its record says ([`Record::MERGES`]): a
    /// record that merges is first merged with the stored copy, so a change another tab
    /// saved since this one loaded is kept (on a tie this tab's wins). Stored text that
    /// can't be read is loaded properly first, so it is copied aside or protected and
    /// never written over unseen. Returns the value now held and how it went.
    /// After another tab deleted everything ([`Store::cleared_elsewhere`]), nothing is
    /// written: the value held becomes the stored one (or the default).
    pub fn save_merged<T: Record>(&mut self, ours: T, now: Millis) -> Saved<T> {
        if self.cleared_elsewhere() {
            return Saved {
                value: self.peek::<T>().ok().flatten().unwrap_or_default(),
                loaded: None,
                result: Ok(()),
            };
        }
        let mut value = ours;
        let mut loaded = None;
        if T::MERGES {
            let stored = if T::PARTED {
                self.peek_unknown_parts::<T>()
            } else {
                self.peek_unknown::<T>()
            };
            match stored {
                Ok(Some(stored)) => value.merge_from(&stored),
                Ok(None) => {}
                // Loaded properly (set aside or protected), and what could be read merged.
                Err(_) => {
                    let (stored, status) = self.load::<T>(now).split();
                    if let Some(stored) = stored {
                        value.merge_from(&stored);
                    }
                    loaded = Some(status);
                }
            }
        }
        let result = self.save(&value, now);
        Saved {
            value,
            loaded,
            result,
        }
    }

    /// What another tab saved of `T`, for this tab holding `ours`: the stored value, or
    /// for a record that merges, `ours` with the stored one merged in (so a change here
    /// that could not be saved is not dropped), unless another tab deleted everything
    /// since. With the outcome of the load.
    pub fn reload<T: Record + Clone>(&mut self, ours: &T, now: Millis) -> (T, Loaded<()>) {
        let (stored, status) = self.load::<T>(now).split();
        let value = if T::MERGES && !self.cleared_elsewhere() {
            let mut merged = ours.clone();
            merged.merge_from(&stored.unwrap_or_default());
            merged
        } else {
            stored.unwrap_or_default()
        };
        (value, status)
    }

    /// Keys of text copied aside for record `name`, oldest first.
    pub fn quarantined(&self, name: &str) -> Vec<String> {
        let prefix = schema::quarantine_prefix(name);
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        keys.sort();
        keys
    }

    pub(super) fn protect(&mut self, key: &str, reason: &str) {
        self.protected.insert(key.to_string(), reason.to_string());
    }

    /// Removes the text under `key`, saying why when the backend refused.
    pub(super) fn remove_key(&mut self, key: &str) -> Result<(), SaveError> {
        self.note(key, None);
        Ok(self.backend.remove(key)?)
    }

    /// The stored value of `T`, read without side effects (no quarantine, no migration
    /// copy): `Ok(None)` when nothing is stored, `Err` when what is stored can't be read
    /// as it is.
    pub fn peek<T: Record>(&self) -> Result<Option<T>, String> {
        self.peek_if::<T>(|_| true)
    }

    /// Notes the text stored under `key` as the one this store knows (`None`: none). Not
    /// inlined, so its code is not repeated in every kind of record's load.
    #[inline(never)]
    fn note(&mut self, key: &str, text: Option<&str>) {
        self.known.retain(|(k, _)| k != key);
        if let Some(text) = text {
            self.known.push((key.to_string(), fingerprint(text)));
        }
    }

    /// Like [`Store::peek`], but also `Ok(None)` when the stored text is the one this
    /// store last wrote or loaded: the caller's value, which holds it, needs nothing from
    /// it. For merging before a save (the saves of a long history then skip reading it).
    pub fn peek_unknown<T: Record>(&self) -> Result<Option<T>, String> {
        self.peek_if::<T>(|raw| !self.is_known(T::NAME, raw))
    }

    /// True when `raw`, stored for record `name`, is what this store last wrote or loaded.
    #[inline(never)]
    pub(super) fn is_known(&self, name: &str, raw: &str) -> bool {
        let (key, print) = (data_key(name), fingerprint(raw));
        self.known.iter().any(|(k, p)| *k == key && *p == print)
    }

    /// [`Store::peek`], when `read(stored text)` says to read it.
    fn peek_if<T: Record>(&self, read: impl Fn(&str) -> bool) -> Result<Option<T>, String> {
        let Some(raw) = self
            .backend
            .get(&data_key(T::NAME))
            .map_err(|e| e.to_string())?
        else {
            return Ok(None);
        };
        if !read(&raw) {
            return Ok(None);
        }
        let mut value = schema::decode::<T>(&raw).map_err(|e| e.to_string())?.data;
        if T::PARTED {
            self.join_parts(&mut value)?;
        }
        Ok(Some(value))
    }

    /// The raw text under `key`.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.backend.get(key).ok().flatten()
    }

    /// Writes raw text under `key` and reads it back.
    pub fn write_raw(&mut self, key: &str, text: &str) -> Result<(), SaveError> {
        self.note(key, None);
        self.backend.set(key, text)?;
        match self.backend.get(key)? {
            Some(back) if back == text => {
                self.note(key, Some(text));
                Ok(())
            }
            _ => Err(SaveError::NotVerified),
        }
    }

    /// Removes the raw text under `key`, if it can.
    pub fn remove_raw(&mut self, key: &str) {
        let _ = self.backend.remove(key);
    }

    /// Every key of the app's namespace with its raw text, in key order.
    pub fn entries(&self) -> Vec<(String, String)> {
        let prefix = format!("{}:", schema::NAMESPACE);
        let mut keys: Vec<String> = self
            .backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        keys.sort();
        keys.into_iter()
            .filter_map(|k| self.raw(&k).map(|v| (k, v)))
            .collect()
    }

    /// Removes every key of the app's namespace (data, quarantined copies, migration
    /// copies), and forgets which keys were protected: the person asked for a clean
    /// start. Keys of other apps on the same origin are left alone. The mark under
    /// [`CLEARED_KEY`] says so to other tabs: set to "clearing" first, so that a tab
    /// reading the removals one by one drops what it holds rather than merge it back, and
    /// to `now` once done.
    pub fn clear_all(&mut self, now: Millis) -> Result<(), BackendError> {
        let before = self.cleared_mark();
        // A new mark even when a deletion in the same millisecond left `now` there.
        let mark = if before.as_deref() == Some(&now.to_string()) {
            format!("{now}.1")
        } else {
            now.to_string()
        };
        self.backend
            .set(CLEARED_KEY, &format!("{CLEARING}{mark}"))?;
        for (key, _) in self.entries() {
            if key != CLEARED_KEY {
                self.backend.remove(&key)?;
            }
        }
        self.backend.set(CLEARED_KEY, &mark)?;
        self.cleared = Some(mark);
        self.protected.clear();
        self.known.clear();
        self.parts.clear();
        Ok(())
    }

    /// Stores data just migrated from schema `from` (`text`, encoded): a copy of the old
    /// text is kept under [`migration_key`] first (unless one is there already), and
    /// removed only once the migrated data is saved and read back. When anything fails,
    /// the copy stays.
    fn store_migrated(&mut self, name: &str, from: u32, raw: &str, text: &str) {
        let copy = migration_key(name, from);
        let have_copy = match self.backend.get(&copy) {
            Ok(Some(_)) => true,
            Ok(None) => self.write_raw(&copy, raw).is_ok(),
            Err(_) => false,
        };
        if have_copy && self.save_text(name, text).is_ok() {
            let _ = self.backend.remove(&copy);
        }
    }

    /// Copies `raw` to a fresh quarantine key and checks the copy. Never overwrites an
    /// earlier quarantined copy.
    fn quarantine(&mut self, name: &str, raw: &str, now: Millis) -> Option<String> {
        let taken: BTreeSet<String> = self.quarantined(name).into_iter().collect();
        let base = quarantine_key(name, now);
        let key = std::iter::once(base.clone())
            .chain((1..).map(|n| format!("{base}-{n}")))
            .find(|k| !taken.contains(k))?;
        self.backend.set(&key, raw).ok()?;
        (self.backend.get(&key).ok()?.as_deref() == Some(raw)).then_some(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Log as _;
    use crate::domain::session::settings::Settings;
    use crate::domain::storage::backend::Shared;

    const NOW: Millis = 1_763_700_000_000;

    fn store_with(key: &str, raw: &str) -> Store<Memory> {
        let mut memory = Memory::default();
        memory.set(key, raw).unwrap();
        Store::new(memory)
    }

    /// A backend whose writes can be made to fail, and which can lie on read-back.
    #[derive(Default)]
    struct Faulty {
        inner: Memory,
        fail_writes: Option<BackendError>,
        fail_reads: bool,
        garble_reads: bool,
    }

    impl KeyValue for Faulty {
        fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
            if self.fail_reads {
                return Err(BackendError::Unavailable("blocked".into()));
            }
            let value = self.inner.get(key)?;
            Ok(if self.garble_reads {
                value.map(|v| v[..v.len() / 2].to_string())
            } else {
                value
            })
        }
        fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
            match &self.fail_writes {
                Some(err) => Err(err.clone()),
                None => self.inner.set(key, value),
            }
        }
        fn remove(&mut self, key: &str) -> Result<(), BackendError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            self.inner.keys()
        }
    }

    #[test]
    fn save_then_load_round_trips() {
        let mut store = Store::new(Memory::default());
        assert_eq!(store.load::<Settings>(NOW), Loaded::Missing);
        let settings = Settings {
            sound: false,
            ..Settings::default()
        };
        store.save(&settings, NOW).unwrap();
        assert_eq!(store.load::<Settings>(NOW + 1), Loaded::Found(settings));
    }

    #[test]
    fn corrupt_value_is_quarantined_and_never_overwritten() {
        let garbage = "{not json at all";
        let mut store = store_with("steadyback:settings", garbage);
        let loaded = store.load::<Settings>(NOW);
        let Loaded::Corrupt { reason, kept_at } = &loaded else {
            panic!("expected corrupt, got {loaded:?}");
        };
        assert!(reason.contains("not valid JSON"), "{reason}");
        let kept_at = kept_at.clone().expect("copied aside");
        assert_eq!(kept_at, format!("steadyback:quarantine:settings:{NOW}"));
        assert_eq!(
            store.backend().get(&kept_at).unwrap().as_deref(),
            Some(garbage)
        );
        assert_eq!(loaded.into_value(), Settings::default());

        // Now that the text is safe, the defaults may be saved over the original key,
        // and the quarantined copy stays as it was.
        store.save(&Settings::default(), NOW + 5).unwrap();
        assert_eq!(
            store.backend().get(&kept_at).unwrap().as_deref(),
            Some(garbage)
        );
        assert_eq!(store.quarantined("settings"), vec![kept_at]);
    }

    #[test]
    fn a_second_corruption_at_the_same_instant_gets_its_own_key() {
        let mut store = store_with("steadyback:settings", "one");
        store.load::<Settings>(NOW);
        store
            .backend
            .set("steadyback:settings", "two")
            .expect("memory set");
        let Loaded::Corrupt { kept_at, .. } = store.load::<Settings>(NOW) else {
            panic!("expected corrupt");
        };
        assert_eq!(
            kept_at.as_deref(),
            Some(format!("steadyback:quarantine:settings:{NOW}-1").as_str())
        );
        let kept: Vec<_> = store
            .quarantined("settings")
            .iter()
            .map(|k| store.backend().get(k).unwrap().unwrap())
            .collect();
        assert_eq!(kept, vec!["one", "two"]);
    }

    #[test]
    fn when_the_copy_aside_fails_the_original_is_protected() {
        let mut faulty = Faulty::default();
        faulty.inner.set("steadyback:settings", "garbage").unwrap();
        faulty.fail_writes = Some(BackendError::QuotaExceeded);
        let mut store = Store::new(faulty);
        let loaded = store.load::<Settings>(NOW);
        assert!(matches!(loaded, Loaded::Corrupt { kept_at: None, .. }));
        store.backend.fail_writes = None;
        assert!(matches!(
            store.save(&Settings::default(), NOW),
            Err(SaveError::Protected(_))
        ));
        assert_eq!(
            store
                .backend()
                .get("steadyback:settings")
                .unwrap()
                .as_deref(),
            Some("garbage")
        );
    }

    #[test]
    fn newer_data_is_refused_and_protected() {
        let future = r#"{"schema":99,"saved_at":1,"data":{"sound":false}}"#;
        let mut store = store_with("steadyback:settings", future);
        let loaded = store.load::<Settings>(NOW);
        assert!(matches!(&loaded, Loaded::Newer { reason } if reason.contains("newer")));
        assert!(store.quarantined("settings").is_empty());
        let err = store.save(&Settings::default(), NOW).unwrap_err();
        assert!(matches!(err, SaveError::Protected(_)));
        assert_eq!(
            store
                .backend()
                .get("steadyback:settings")
                .unwrap()
                .as_deref(),
            Some(future)
        );
    }

    #[test]
    fn unreadable_storage_is_protected() {
        let mut store = Store::new(Faulty {
            fail_reads: true,
            ..Faulty::default()
        });
        assert!(matches!(
            store.load::<Settings>(NOW),
            Loaded::Unreadable(BackendError::Unavailable(_))
        ));
        assert!(matches!(
            store.save(&Settings::default(), NOW),
            Err(SaveError::Protected(_))
        ));
    }

    #[test]
    fn a_full_storage_is_reported() {
        let mut store = Store::new(Faulty {
            fail_writes: Some(BackendError::QuotaExceeded),
            ..Faulty::default()
        });
        assert_eq!(
            store.save(&Settings::default(), NOW),
            Err(SaveError::Backend(BackendError::QuotaExceeded))
        );
    }

    #[test]
    fn a_write_that_reads_back_differently_is_reported() {
        let mut store = Store::new(Faulty {
            garble_reads: true,
            ..Faulty::default()
        });
        assert_eq!(
            store.save(&Settings::default(), NOW),
            Err(SaveError::NotVerified)
        );
    }

    /// A list record for the tests: schema 2, whose schema 1 called `n` `value`.
    #[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Log {
        records: Vec<Item>,
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Item {
        id: u32,
        n: u8,
    }

    impl Record for Log {
        const NAME: &'static str = "log";
        const SCHEMA: u32 = 2;
        fn migrate(from: u32, mut data: serde_json::Value) -> Result<serde_json::Value, String> {
            let records = data
                .get_mut("records")
                .and_then(|r| r.as_array_mut())
                .ok_or("no records")?;
            for r in records.iter_mut().filter_map(|r| r.as_object_mut()) {
                if let Some(v) = r.remove("value") {
                    r.insert("n".into(), v);
                }
            }
            let _ = from;
            Ok(data)
        }
    }

    #[test]
    fn one_bad_record_among_good_ones_costs_only_itself() {
        let raw = r#"{"schema":2,"saved_at":1,"data":{"records":[
            {"id":1,"n":5},{"id":2,"n":"five"},{"id":3,"n":7},{"id":4}]}}"#;
        let mut store = store_with("steadyback:log", raw);
        let loaded = store.load::<Log>(NOW);
        let Loaded::Salvaged {
            value,
            dropped,
            kept_at,
        } = loaded
        else {
            panic!("expected salvaged, got {loaded:?}");
        };
        assert_eq!(dropped, 2);
        assert_eq!(
            value.records,
            [Item { id: 1, n: 5 }, Item { id: 3, n: 7 }],
            "the good ones load"
        );
        let kept_at = kept_at.expect("copied aside");
        assert_eq!(store.backend().get(&kept_at).unwrap().as_deref(), Some(raw));
        // The good ones were saved at once: the next load finds them, and copies
        // nothing aside again.
        assert_eq!(
            store.load::<Log>(NOW + 1),
            Loaded::Found(Log {
                records: value.records
            })
        );
        assert_eq!(store.quarantined("log"), vec![kept_at.clone()]);
        assert_eq!(store.backend().get(&kept_at).unwrap().as_deref(), Some(raw));
    }

    #[test]
    fn nothing_to_salvage_is_still_corrupt() {
        let raw = r#"{"schema":2,"saved_at":1,"data":{"records":"none"}}"#;
        let mut store = store_with("steadyback:log", raw);
        assert!(matches!(store.load::<Log>(NOW), Loaded::Corrupt { .. }));
    }

    #[test]
    fn a_migration_keeps_the_old_text_until_the_new_is_saved() {
        let old = r#"{"schema":1,"saved_at":1,"data":{"records":[{"id":1,"value":4}]}}"#;
        let mut store = store_with("steadyback:log", old);
        let loaded = store.load::<Log>(NOW);
        assert_eq!(
            loaded,
            Loaded::Found(Log {
                records: vec![Item { id: 1, n: 4 }]
            })
        );
        let stored = store.backend().get("steadyback:log").unwrap().unwrap();
        assert!(stored.contains(r#""schema":2"#), "saved at the new schema");
        assert_eq!(
            store
                .backend()
                .get("steadyback:backup:log:schema-1")
                .unwrap(),
            None,
            "the copy goes once the new text is saved"
        );

        // When the migrated data can't be saved, the old text stays in its copy (and in
        // its key).
        let mut faulty = Faulty::default();
        faulty.inner.set("steadyback:log", old).unwrap();
        let mut store = Store::new(faulty);
        // A copy from an earlier attempt is there; this time the save fails.
        let copy = migration_key("log", 1);
        store.backend.inner.set(&copy, old).unwrap();
        store.backend.fail_writes = Some(BackendError::QuotaExceeded);
        assert!(matches!(store.load::<Log>(NOW), Loaded::Found(_)));
        assert_eq!(store.backend().get(&copy).unwrap().as_deref(), Some(old));
        assert_eq!(
            store.backend().get("steadyback:log").unwrap().as_deref(),
            Some(old)
        );
    }

    #[test]
    fn clearing_removes_only_the_apps_keys() {
        let mut store = store_with("steadyback:settings", "garbage");
        store.backend.set("other-app:thing", "keep").unwrap();
        store.load::<Settings>(NOW);
        assert_eq!(
            store.entries().len(),
            1,
            "only the quarantined copy: the key was cleared"
        );
        assert_eq!(
            store.peek::<Settings>(),
            Ok(None),
            "set aside, so gone from its key"
        );
        store.clear_all(NOW).unwrap();
        assert_eq!(
            store.entries(),
            vec![(CLEARED_KEY.to_string(), NOW.to_string())]
        );
        assert_eq!(store.raw("other-app:thing").as_deref(), Some("keep"));
        store.save(&Settings::default(), NOW).unwrap();
        assert_eq!(store.peek::<Settings>(), Ok(Some(Settings::default())));
        store.write_raw("steadyback:settings", "{garbage").unwrap();
        assert!(store.peek::<Settings>().is_err());
        store.write_raw("steadyback:x", "1").unwrap();
        assert_eq!(store.raw("steadyback:x").as_deref(), Some("1"));
    }

    fn walk(id: Millis) -> crate::domain::records::activity::Activity {
        crate::domain::records::activity::Activity {
            id,
            salt: 0,
            day: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            kind: crate::domain::records::activity::ActivityKind::Walk,
            minutes: 10,
            note: String::new(),
            updated_at: 0,
        }
    }

    #[test]
    fn a_fingerprint_changes_with_any_byte_and_the_length() {
        let text = r#"{"schema":4,"saved_at":1,"data":{"records":[]}}"#;
        let mut seen = std::collections::BTreeSet::new();
        assert!(seen.insert(fingerprint(text)));
        assert!(seen.insert(fingerprint(&format!("{text}\0"))));
        assert!(seen.insert(fingerprint("")));
        for i in 0..text.len() {
            let mut bytes = text.as_bytes().to_vec();
            bytes[i] ^= 1;
            assert!(seen.insert(fingerprint(std::str::from_utf8(&bytes).unwrap())));
        }
    }

    #[test]
    fn saving_a_list_keeps_what_another_tab_saved_since() {
        use crate::domain::records::activity::ActivityLog;
        let storage = Shared::default();
        let mut store = Store::new(storage.clone());
        let mut other = Store::new(storage);
        // Both tabs loaded an empty log; the other tab saved its walk first.
        let mut theirs = ActivityLog::default();
        theirs.upsert(walk(1));
        other.save(&theirs, NOW).unwrap();
        let mut ours = ActivityLog::default();
        ours.upsert(walk(2));
        let saved = store.save_merged(ours.clone(), NOW);
        assert_eq!(saved.result, Ok(()));
        assert_eq!(saved.loaded, None);
        let ids = |log: &ActivityLog| log.records.iter().map(|a| a.id).collect::<Vec<_>>();
        assert_eq!(ids(&saved.value), [1, 2], "both walks kept");
        assert_eq!(ids(&store.load::<ActivityLog>(NOW).into_value()), [1, 2]);

        // What this store wrote or loaded last is not read again before its next save;
        // once the other tab has saved, it is.
        assert_eq!(store.peek_unknown::<ActivityLog>(), Ok(None));
        ours = saved.value;
        ours.upsert(walk(3));
        let saved = store.save_merged(ours.clone(), NOW + 1);
        assert_eq!(ids(&saved.value), [1, 2, 3]);
        assert_eq!(store.peek_unknown::<ActivityLog>(), Ok(None));
        let mut theirs = other.load::<ActivityLog>(NOW).into_value();
        assert_eq!(other.peek_unknown::<ActivityLog>(), Ok(None), "just loaded");
        theirs.upsert(walk(4));
        other.save_merged(theirs.clone(), NOW + 2);
        assert_eq!(
            store
                .peek_unknown::<ActivityLog>()
                .unwrap()
                .map(|log| ids(&log)),
            Some(vec![1, 2, 3, 4])
        );
        ours.upsert(walk(5));
        let saved = store.save_merged(ours.clone(), NOW + 3);
        assert_eq!(
            ids(&saved.value),
            [1, 2, 3, 4, 5],
            "nothing of either tab lost"
        );

        // A record whose copy saved last wins is not merged.
        let settings = Settings {
            sound: false,
            ..Settings::default()
        };
        store.save(&Settings::default(), NOW).unwrap();
        assert_eq!(store.save_merged(settings.clone(), NOW).value, settings);
        assert_eq!(store.load::<Settings>(NOW).into_value(), settings);
    }

    #[test]
    fn saving_over_unreadable_text_copies_it_aside_first() {
        use crate::domain::records::activity::ActivityLog;
        let mut store = store_with("steadyback:activities", "{not json");
        let mut ours = ActivityLog::default();
        ours.upsert(walk(2));
        let saved = store.save_merged(ours.clone(), NOW);
        assert!(
            matches!(
                saved.loaded,
                Some(Loaded::Corrupt {
                    kept_at: Some(_),
                    ..
                })
            ),
            "{:?}",
            saved.loaded
        );
        assert_eq!(saved.result, Ok(()));
        assert_eq!(store.quarantined("activities").len(), 1);
        let kept = store.quarantined("activities");
        assert_eq!(store.raw(&kept[0]).as_deref(), Some("{not json"));
    }

    #[test]
    fn another_tabs_save_is_merged_into_a_list_and_replaces_a_setting() {
        use crate::domain::records::activity::ActivityLog;
        let mut store = Store::new(Memory::default());
        let mut theirs = ActivityLog::default();
        theirs.upsert(walk(1));
        store.save(&theirs, NOW).unwrap();
        // This tab holds a walk it could not save (a full storage, say).
        let mut ours = ActivityLog::default();
        ours.upsert(walk(2));
        let (value, status) = store.reload(&ours, NOW);
        assert_eq!(status, Loaded::Found(()));
        assert_eq!(
            value.records.len(),
            2,
            "this tab's unsaved walk is not dropped"
        );

        let quiet = Settings {
            voice: false,
            ..Settings::default()
        };
        store.save(&quiet, NOW).unwrap();
        let (value, _) = store.reload(&Settings::default(), NOW);
        assert_eq!(value, quiet, "the other tab's settings, as saved");
    }

    #[test]
    fn a_tab_drops_what_it_holds_once_another_deleted_everything() {
        use crate::domain::records::activity::ActivityLog;
        let ids = |log: &ActivityLog| log.records.iter().map(|a| a.id).collect::<Vec<_>>();
        let storage = Shared::default();
        let mut deleting = Store::new(storage.clone());
        let mut log = ActivityLog::default();
        log.upsert(walk(1));
        deleting.save(&log, NOW).unwrap();
        let mut other = Store::new(storage.clone());
        let mut ours = other.load::<ActivityLog>(NOW).into_value();
        assert_eq!(ids(&ours), [1]);
        assert!(!other.cleared_elsewhere());

        deleting.clear_all(NOW).unwrap();
        assert!(!deleting.cleared_elsewhere(), "the tab that deleted knows");
        assert!(other.cleared_elsewhere());
        // The other tab changes its copy before it has heard: nothing from before it is
        // written back, and it holds what is stored.
        ours.upsert(walk(2));
        let saved = other.save_merged(ours.clone(), NOW);
        assert_eq!(saved.result, Ok(()));
        assert_eq!(saved.value, ActivityLog::default());
        assert_eq!(other.peek::<ActivityLog>(), Ok(None));
        // Reading again takes what is stored as it is, not merged with its old copy.
        assert_eq!(other.reload(&ours, NOW).0, ActivityLog::default());

        other.caught_up();
        assert!(!other.cleared_elsewhere());
        let mut fresh = ActivityLog::default();
        fresh.upsert(walk(3));
        assert_eq!(
            ids(&other.save_merged(fresh.clone(), NOW).value),
            [3],
            "its saves count again"
        );
        assert_eq!(ids(&deleting.peek::<ActivityLog>().unwrap().unwrap()), [3]);
        assert_eq!(
            ids(&other.reload(&ActivityLog::default(), NOW).0),
            [3],
            "and merge again"
        );

        // A second deletion within the same millisecond is news too.
        deleting.clear_all(NOW).unwrap();
        assert!(other.cleared_elsewhere());
        assert_eq!(deleting.peek::<ActivityLog>(), Ok(None));
    }

    #[test]
    fn a_tab_does_not_catch_up_while_a_deletion_is_under_way() {
        let mut storage = Shared::default();
        let mut other = Store::new(storage.clone());
        storage.set(CLEARED_KEY, "clearing 5").unwrap();
        assert!(other.cleared_elsewhere());
        other.caught_up();
        assert!(
            other.cleared_elsewhere(),
            "the removals may not all be read yet"
        );
        storage.set(CLEARED_KEY, "5").unwrap();
        other.caught_up();
        assert!(!other.cleared_elsewhere());
    }
}
