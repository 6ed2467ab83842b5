//! The app-wide state, provided as a context by [`crate::ui::app::App`]: the person's
//! records ([`Records`], one [`Persisted`] value each), the clock, the notices, and the
//! backup and import actions (in `backup`).

mod backup;
mod clock;
mod notices;
mod persisted;
mod updates;

use leptos::prelude::*;

use crate::domain::backup::each_record;
use crate::domain::ids::{Log, RecordId};
use crate::domain::library::catalog;
use crate::domain::library::exercise::Exercise;
use crate::domain::library::own_exercise::{is_own, OwnExercises};
use crate::domain::library::Library;
use crate::domain::records::session_record::SessionRecord;
use crate::domain::routines::adjustments::Plan;
use crate::domain::routines::own_routine::OWN_PREFIX;
use crate::domain::routines::routine::{self, Routine};
use crate::domain::storage::room;
use crate::domain::storage::schema::Record;
use crate::domain::storage::store::Store;
use crate::domain::Millis;
use crate::platform::{clock as device_clock, storage::BrowserStorage};

pub use backup::BEFORE_IMPORT_KEY;
pub use clock::Clock;
pub use notices::{Notice, NoticeAction, Notices, Tone};
use persisted::records;
pub use persisted::{Io, Persisted};
pub use updates::Updates;

each_record!(records);

/// What storage holds, in characters; −1 when it can't be read.
fn measured_room() -> Millis {
    crate::platform::storage::used_chars()
        .map_or(-1, |u| Millis::try_from(u).unwrap_or(Millis::MAX))
}

/// Shared state. Records change only through their own methods, which save them.
#[derive(Clone, Copy)]
pub struct AppState {
    /// What the person keeps.
    pub records: Records,
    /// Now, for whatever depends on the day or on time passing.
    pub clock: Clock,
    /// Messages shown above every page.
    pub notices: Notices,
    /// True while the session player is open: the after-session check waits.
    playing: RwSignal<bool>,
    /// The session whose after-check was answered "still hurting" and whose exercises
    /// the person is choosing to set aside (the answer is saved once they choose).
    still_hurting: RwSignal<Option<RecordId>>,
    /// A new version of the app waiting to take over, offered when nothing would be lost.
    pub updates: Updates,
    /// False when data lives only in this page's memory.
    pub persistent: bool,
    /// True while a session is in play (started, not yet finished): the session has the
    /// whole screen, without the bottom bar.
    in_session: RwSignal<bool>,
    /// The library: the built-in exercises and the person's own, made anew whenever
    /// their own change (an edit, another tab, an import).
    library: Memo<Library>,
    /// What storage holds, in characters, as last measured (−1: it can't be read). A
    /// signal of the clock's type, whose code the first load has already.
    room_used: RwSignal<Millis>,
    /// The person put off the word on storage getting full for this visit.
    room_later: RwSignal<bool>,
    io: Io,
}

impl AppState {
    /// Opens storage and loads every record, reporting anything unusual as a notice.
    pub fn load() -> Self {
        let (backend, unavailable) = BrowserStorage::detect();
        let persistent = backend.is_persistent();
        let notices = Notices::new();
        if let Some(err) = unavailable {
            notices.notify(
                Tone::Warning,
                format!(
                    "This browser won't let Steadyback save anything ({err}). You can still \
                     use the app, but nothing will be kept after you close it."
                ),
            );
        }
        let io = Io {
            store: StoredValue::new(Store::new(backend)),
            unsaved: StoredValue::new(Store::new(BrowserStorage::tab())),
            notices,
        };
        let records = Records::load(io);
        let library = Memo::new(move |_| records.exercises.with(|e| Library::new(&e.records)));
        AppState {
            records,
            clock: Clock::new(),
            notices,
            playing: RwSignal::new(false),
            still_hurting: RwSignal::new(None),
            updates: Updates::new(),
            persistent,
            in_session: RwSignal::new(false),
            library,
            room_used: RwSignal::new(measured_room()),
            room_later: RwSignal::new(false),
            io,
        }
    }

    /// Another tab changed `key` in storage (`None`: the whole storage was cleared): reads
    /// again what it changed.
    pub fn reload(&self, key: Option<&str>) {
        self.records.reload(self.io, key);
    }

    /// Saves what this tab could not save for want of room, if there is room now, and
    /// says so; with `first`, also says what still waits. Called once the app has
    /// started and then every half minute; the code that saves is fetched only when
    /// this tab holds something (`unsaved_piece`), so that every record's saving does
    /// not have to be in the first load.
    pub fn retry_unsaved(&self, first: bool) {
        if !self.io.any_unsaved() {
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            if let Ok(save) = unsaved_saver().await {
                save(state, first);
            }
        });
    }

    /// What storage holds, in characters, as last measured (tracked).
    pub fn room_used(&self) -> Option<u64> {
        u64::try_from(self.room_used.get()).ok()
    }

    /// Measures again what storage holds: on every tick of the clock, and when a page
    /// shows it.
    pub fn measure_room(&self) {
        let used = measured_room();
        if self.room_used.get_untracked() != used {
            self.room_used.set(used);
        }
    }

    /// How full storage is in percent, when that is past the mark at which the app offers
    /// to make room and the person has not put it off (tracked).
    pub fn room_nearly_full(&self) -> Option<u64> {
        let used = self.room_used().filter(|&u| room::nearly_full(u))?;
        (!self.room_later.get()).then(|| room::percent_used(used))
    }

    /// Not now: the word on storage is put off for this visit.
    pub fn room_later(&self) {
        self.room_later.set(true);
    }

    /// True while the session player is open (tracked): the after-session check and the
    /// new-version offer wait.
    pub fn is_playing(&self) -> bool {
        self.playing.get()
    }

    /// The session player says it is open, or gone.
    pub fn set_playing(&self, open: bool) {
        self.playing.try_set(open);
    }

    /// The session whose exercises the person is choosing to set aside after saying it
    /// still hurts (tracked).
    pub fn still_hurting(&self) -> Option<RecordId> {
        self.still_hurting.get()
    }

    /// Starts (or, with `None`, ends) choosing what to set aside after a session.
    pub fn set_still_hurting(&self, id: Option<RecordId>) {
        self.still_hurting.set(id);
    }

    /// True while a session is in play: the app shell gives it the whole screen.
    pub fn in_session(&self) -> bool {
        self.in_session.get()
    }

    /// The session player says whether a session is in play.
    pub fn set_in_session(&self, on: bool) {
        if self.in_session.try_get_untracked() != Some(on) {
            self.in_session.try_set(on);
        }
    }

    /// Adds a finished session to the history (or updates it, by id) and saves it. The
    /// first one also asks the browser to keep the data.
    pub fn log_session(&self, mut record: SessionRecord) {
        record
            .tz_offset_min
            .get_or_insert_with(|| device_clock::offset_min(record.started_at));
        record.updated_at = device_clock::now();
        self.records.sessions.update(|log| log.upsert(record));
        if !self.records.backup_meta.with_untracked(|m| m.persist_asked) {
            self.records.backup_meta.update(|m| m.persist_asked = true);
            leptos::task::spawn_local(async {
                // The answer shows in Settings; nothing to do with it here.
                let _ = crate::platform::persistence::persist().await;
            });
        }
    }

    /// Changes the person's plan and saves it, noting when it changed so a merge with
    /// another tab's copy keeps the later one.
    pub fn update_plan(&self, change: impl FnOnce(&mut Plan)) {
        self.records.plan.update(|plan| {
            change(plan);
            plan.touch(device_clock::now());
        });
    }

    /// The exercise with this id, the library's or the person's own. Tracked for own
    /// ids, so a page showing one follows its edits.
    pub fn exercise(&self, id: &str) -> Option<Exercise> {
        if is_own(id) {
            self.library.with(|l| l.get(id).cloned())
        } else {
            catalog::get(id).cloned()
        }
    }

    /// The person's own exercises in the library's form, in the order they were made.
    /// Tracked.
    pub fn own_exercises(&self) -> Vec<Exercise> {
        self.library.with(|l| l.own().cloned().collect())
    }

    /// The name of the exercise `id` (see [`Library::name_of`]). Not tracked.
    pub fn name_of(&self, id: &str) -> String {
        self.library.with_untracked(|l| l.name_of(id))
    }

    /// The library, read-only: for the domain's rules that look exercises up.
    pub fn library(&self) -> Memo<Library> {
        self.library
    }

    /// `routine` as the person plays it: their plan applied (tracked).
    pub fn as_planned(&self, routine: &Routine) -> Routine {
        self.records
            .plan
            .with(|p| self.library.with(|l| p.apply(routine, l)))
    }

    /// Changes the person's own exercises and saves them; lookups by id see the change
    /// at once (a page opened next finds a new exercise).
    pub fn change_exercises<R>(&self, change: impl FnOnce(&mut OwnExercises) -> R) -> R {
        let mut exercises = self.records.exercises.get_untracked();
        let out = change(&mut exercises);
        self.records.exercises.set(exercises);
        out
    }

    /// The routine with this id as it is defined (built-in, one exercise alone, or the
    /// person's own), before the person's plan is applied. Not tracked: a page showing
    /// it is not rebuilt (losing what is typed, or a session in progress) when the
    /// routines change; what must follow them reads `records.routines` itself.
    pub fn routine(&self, id: &str) -> Option<Routine> {
        if id.starts_with(OWN_PREFIX) {
            return self
                .records
                .routines
                .with_untracked(|own| own.get(id).cloned())
                .map(|r| self.library.with_untracked(|l| r.routine(l)));
        }
        self.library.with_untracked(|l| routine::find(id, l))
    }

    /// The text kept under `key` outside the records: data kept the older way, to be
    /// moved into a record.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.io.store.try_with_value(|s| s.raw(key)).flatten()
    }

    /// Removes the text kept under `key` outside the records, once it was moved.
    pub fn remove_raw(&self, key: &str) {
        let _ = self.io.store.try_update_value(|s| s.remove_raw(key));
    }

    /// Loads a record that is not kept as a [`Persisted`] value (the session in
    /// progress), telling the person when the stored copy could not be used.
    pub fn load_record<T: Record + Send + Sync + 'static>(&self, what: &str) -> T {
        self.io.load(what)
    }

    /// A few fields of a record that is not kept as a [`Persisted`] value, read as `V`
    /// without writing anything back; anything unusual reported as a notice.
    pub fn glance_at<T: Record, V: serde::de::DeserializeOwned>(&self, what: &str) -> Option<V> {
        self.io.glance::<T, V>(what)
    }

    /// Saves a record that is not kept as a [`Persisted`] value, telling the person if
    /// that failed. True when it was saved.
    pub fn save<T: Record + Send + Sync + 'static>(&self, value: &T, what: &str) -> bool {
        self.io.save(value, what).is_ok()
    }
}

crate::ui::piece! {
    /// What saves again what storage had no room for.
    fn unsaved_saver() -> fn(AppState, bool) { save_unsaved } in unsaved_piece
}

/// Saves what this tab holds for want of room (see [`AppState::retry_unsaved`]).
fn save_unsaved(state: AppState, first: bool) {
    use crate::domain::storage::store::{BackendError, SaveError};
    for (what, saved) in state.records.retry() {
        if saved {
            state
                .notices
                .withdraw(&format!("to your {what} is not saved yet"));
            state.notices.notify(
                Tone::Info,
                format!("Saved now that there is room again: your {what}."),
            );
        } else if first {
            state
                .notices
                .report_save(&SaveError::Backend(BackendError::QuotaExceeded), what);
        }
    }
}
