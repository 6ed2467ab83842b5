//! One generic stored record: its value as a signal the UI reads, saved (merged with
//! what another tab saved, where the record merges) whenever it changes, and read again
//! when another tab saves it. Every record the app keeps is one in the domain's list, made
//! into [`Records`](super::Records) by [`records!`].

use leptos::prelude::*;

use crate::domain::storage::schema::{data_key, Record};
use crate::domain::storage::store::{BackendError, SaveError, Store};
use crate::platform::{clock, storage::BrowserStorage};

use super::notices::Notices;

/// The store the records are saved to, and where problems are reported.
#[derive(Clone, Copy)]
pub struct Io {
    pub(super) store: StoredValue<Store<BrowserStorage>>,
    /// This tab's copy of what could not be saved because storage was full
    /// (`sessionStorage`), saved for good once there is room ([`Persisted::retry`]).
    pub(super) unsaved: StoredValue<Store<BrowserStorage>>,
    pub(super) notices: Notices,
}

impl Io {
    /// Loads record `T` (the person's `what`), reporting anything unusual. The defaults
    /// when there is nothing usable, or when the app is gone.
    pub fn load<T: Record + Send + Sync + 'static>(&self, what: &str) -> T {
        let loaded = self
            .store
            .try_update_value(|store| store.load::<T>(clock::now()).split());
        let Some((value, status)) = loaded else {
            return T::default();
        };
        self.notices.report_load(&status, what);
        value.unwrap_or_default()
    }

    /// A few fields of record `T` as `V` (see [`Store::glance`]), reporting anything
    /// unusual; `None` when there is nothing to read.
    pub fn glance<T: Record, V: serde::de::DeserializeOwned>(&self, what: &str) -> Option<V> {
        let peeked = self
            .store
            .try_update_value(|store| store.glance::<T, V>(clock::now()).split())?;
        self.notices.report_load(&peeked.1, what);
        peeked.0
    }

    /// True when this tab holds a change to any record that storage had no room for.
    pub(super) fn any_unsaved(&self) -> bool {
        use crate::domain::storage::schema::CLEARED_KEY;
        self.unsaved
            .with_value(|tab| tab.entries().iter().any(|(key, _)| key != CLEARED_KEY))
    }

    /// True when this tab holds a change to record `name` that storage had no room for.
    fn is_unsaved(&self, name: &str) -> bool {
        let key = data_key(name);
        self.unsaved.with_value(|tab| tab.raw(&key).is_some())
    }

    /// Record `T` is saved: this tab's copy of it, if any, goes (with its parts).
    fn saved<T: Record>(&self) {
        if self.is_unsaved(T::NAME) {
            self.unsaved.update_value(|tab| {
                if T::PARTED {
                    tab.remove_record(T::NAME);
                } else {
                    tab.remove_raw(&data_key(T::NAME));
                }
            });
        }
    }

    /// Saves record `T` as it is, reporting a failure; `Err(what)` when it failed.
    pub fn save<'a, T: Record + Send + Sync + 'static>(
        &self,
        value: &T,
        what: &'a str,
    ) -> Result<(), &'a str> {
        let result = self
            .store
            .try_update_value(|store| store.save(value, clock::now()))
            // The app is gone (its state disposed): nothing to tell anyone.
            .unwrap_or(Ok(()));
        result.map_err(|err| {
            self.notices.report_save(&err, what);
            what
        })
    }
}

/// A record the person keeps, as the UI sees it: read through [`Persisted::with`] and
/// friends (tracked like a signal), changed only through [`Persisted::update`] and
/// [`Persisted::set`], which save it.
pub struct Persisted<T: Send + Sync + 'static> {
    value: RwSignal<T>,
    /// How the person calls it in messages ("activity log").
    what: &'static str,
    io: Io,
}

impl<T: Send + Sync + 'static> Clone for Persisted<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Persisted<T> {}

impl<T> Persisted<T>
where
    T: Record + Clone + Send + Sync + 'static,
{
    /// Loads the record (the person's `what`), reporting anything unusual, with any
    /// change this tab could not save before a reload (storage was full) put back (saved
    /// again by [`Persisted::retry`], soon after).
    pub fn load(io: Io, what: &'static str) -> Self {
        let persisted = Persisted {
            value: RwSignal::new(io.load::<T>(what)),
            what,
            io,
        };
        if io.is_unsaved(T::NAME) {
            persisted.put_back_unsaved();
        }
        persisted
    }

    /// Puts back what this tab kept for want of room: merged into the stored list, or in
    /// place of a stored value. Never inlined: loading every record would otherwise carry
    /// a copy of it per record.
    #[inline(never)]
    fn put_back_unsaved(&self) {
        let now = clock::now();
        let kept = self
            .io
            .unsaved
            .try_update_value(|tab| tab.load::<T>(now).split().0)
            .flatten();
        if let Some(kept) = kept {
            let mut value = self.value.get_untracked();
            if T::MERGES {
                value.merge_from(&kept);
            } else {
                value = kept;
            }
            self.value.set(value);
        }
    }

    /// Reads the value; tracked.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.value.with(read)
    }

    /// Reads the value without tracking it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(read)
    }

    /// A copy of the value; tracked.
    pub fn get(&self) -> T {
        self.value.get()
    }

    /// A copy of the value, not tracked.
    pub fn get_untracked(&self) -> T {
        self.value.get_untracked()
    }

    /// Changes the value and saves it: merged with the stored copy for a record that
    /// merges, so another tab's change since this one loaded is kept.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        let mut value = self.value.get_untracked();
        change(&mut value);
        self.set(value);
    }

    /// Replaces the value and saves it as [`Persisted::update`] does.
    pub fn set(&self, value: T) {
        let saved = self
            .io
            .store
            .try_update_value(|store| store.save_merged(value, clock::now()));
        let Some(saved) = saved else {
            return; // The app is gone.
        };
        if let Some(loaded) = &saved.loaded {
            self.io.notices.report_load(loaded, self.what);
        }
        self.keep_unsaved(&saved.value, &saved.result);
        if let Err(err) = &saved.result {
            self.io.notices.report_save(err, self.what);
        }
        self.value.set(saved.value);
    }

    /// A value storage had no room for is kept in this tab (it outlives a reload, not the
    /// tab) until it is saved; once it is, that copy goes.
    fn keep_unsaved(&self, value: &T, result: &Result<(), SaveError>) {
        match result {
            Err(SaveError::Backend(BackendError::QuotaExceeded)) => {
                self.io
                    .unsaved
                    .update_value(|tab| drop(tab.save(value, clock::now())));
            }
            Ok(()) => self.io.saved::<T>(),
            Err(_) => {}
        }
    }

    /// Saves again what this tab could not save for want of room: `None` when it holds
    /// nothing of this record, else whether it is saved now.
    pub fn retry(&self) -> Option<bool> {
        if !self.io.is_unsaved(T::NAME) {
            return None;
        }
        let value = self.value.get_untracked();
        let saved = self
            .io
            .store
            .try_update_value(|store| store.save_merged(value, clock::now()));
        match saved {
            Some(saved) if saved.result.is_ok() => {
                self.io.saved::<T>();
                self.value.set(saved.value);
                Some(true)
            }
            _ => Some(false),
        }
    }

    /// Changes the value and saves it as it is, saying nothing when the save fails: for
    /// a note whose loss is no news (that a backup was made, while storage is full).
    pub fn update_quietly(&self, change: impl FnOnce(&mut T)) {
        let mut value = self.value.get_untracked();
        change(&mut value);
        let now = clock::now();
        self.io
            .store
            .try_update_value(|store| store.save(&value, now));
        self.value.set(value);
    }

    /// Replaces the value and saves it exactly as it is (no merge: an import that has
    /// already been combined). `Err(what)` when the save failed; the value is shown
    /// either way.
    pub fn replace(&self, value: T) -> Result<(), &'static str> {
        let result = self.io.save(&value, self.what);
        self.value.set(value);
        result
    }

    /// Another tab saved the record: reads it again (merged with this tab's, for a
    /// record that merges).
    pub fn reload(&self) {
        let current = self.value.get_untracked();
        let reloaded = self
            .io
            .store
            .try_update_value(|store| store.reload(&current, clock::now()));
        if let Some((value, status)) = reloaded {
            self.io.notices.report_load(&status, self.what);
            self.value.set(value);
        }
    }

    /// Back to the defaults in memory, after storage was cleared.
    pub fn reset(&self) {
        self.value.set(T::default());
    }
}

/// [`Records`](super::Records) from the list of every record the person keeps
/// ([`each_record!`](crate::domain::backup::each_record)): a [`Persisted`] field per
/// record, loading them all, reloading the one another tab saved, resetting them all, and
/// the backup's records taken out and put back.
macro_rules! records {
    (
        backup { $( $(#[$doc:meta])* $field:ident: $ty:ty, )* }
        device { $( $(#[$device_doc:meta])* $device:ident: $device_ty:ty, )* }
    ) => {
        records!(@every $( $(#[$doc])* $field: $ty, )* $( $(#[$device_doc])* $device: $device_ty, )*);

        impl Records {
            /// Everything the person has that a backup holds, untracked.
            pub(super) fn backup(&self) -> crate::domain::backup::Backup {
                crate::domain::backup::Backup {
                    $( $field: self.$field.get_untracked(), )*
                }
            }

            /// Replaces each of the backup's records with `backup`'s and saves it as it is
            /// (no merge). Gives what could not be saved (also shown as notices).
            pub(super) fn put(&self, backup: crate::domain::backup::Backup) -> Vec<&'static str> {
                [$( self.$field.replace(backup.$field), )*]
                    .into_iter()
                    .filter_map(Result::err)
                    .collect()
            }
        }
    };
    (@every $( $(#[$doc:meta])* $field:ident: $ty:ty, )*) => {
        /// Every record the person keeps, each a [`Persisted`] value.
        #[derive(Clone, Copy)]
        pub struct Records {
            $( $(#[$doc])* pub $field: Persisted<$ty>, )*
        }

        impl Records {
            /// Loads every record, reporting anything unusual.
            pub(super) fn load(io: Io) -> Self {
                use crate::domain::backup::Kept;
                Records {
                    $( $field: Persisted::load(io, <$ty as Kept>::WHAT), )*
                }
            }

            /// Another tab changed `key` (`None`: it cleared the whole storage): reads
            /// again what it changed, and everything when it deleted everything (the
            /// mark under `CLEARED_KEY` changed), after which this tab's saves count
            /// again (see `Store::cleared_elsewhere`).
            fn reload(&self, io: Io, key: Option<&str>) {
                use crate::domain::storage::schema::{data_key, Record, CLEARED_KEY};
                let everything = key.is_none_or(|k| k == CLEARED_KEY);
                $(
                    if everything || key == Some(data_key(<$ty as Record>::NAME).as_str()) {
                        self.$field.reload();
                    }
                )*
                if everything {
                    io.store.update_value(|store| store.caught_up());
                }
            }

            /// Saves again what this tab could not save for want of room: each
            /// record it held some of, as the person calls it, and whether it is saved now.
            pub(super) fn retry(&self) -> Vec<(&'static str, bool)> {
                use crate::domain::backup::Kept;
                let mut tried = Vec::new();
                $(
                    if let Some(saved) = self.$field.retry() {
                        tried.push((<$ty as Kept>::WHAT, saved));
                    }
                )*
                tried
            }

            /// Every record back to its defaults in memory.
            pub(super) fn reset(&self) {
                $( self.$field.reset(); )*
            }
        }
    };
}

pub(super) use records;
