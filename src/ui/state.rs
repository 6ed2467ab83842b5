//! The app-wide state, provided as a context by [`crate::ui::app::App`].

use leptos::prelude::*;

use chrono::NaiveDate;

use crate::domain::activity::ActivityLog;
use crate::domain::calendar::local_day;
use crate::domain::plan::Plan;
use crate::domain::safety::SafetyCheck;
use crate::domain::session_record::{SessionLog, SessionRecord};
use crate::domain::settings::Settings;
use crate::domain::storage_schema::Record;
use crate::domain::store::{Loaded, SaveError, Store};
use crate::domain::Millis;
use crate::platform::{clock, storage::BrowserStorage};

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

/// A message shown at the top of every page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub tone: Tone,
    pub text: String,
}

/// Shared state: the person's stored records as signals, the store they are saved to,
/// and the notices to show.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: ReadSignal<Settings>,
    set_settings: WriteSignal<Settings>,
    /// The first-run safety check; unanswered until the person has taken it.
    pub safety_check: ReadSignal<SafetyCheck>,
    set_safety_check: WriteSignal<SafetyCheck>,
    /// Every finished guided session.
    pub sessions: ReadSignal<SessionLog>,
    set_sessions: WriteSignal<SessionLog>,
    /// Walks, swims, rides and other activity the person logged.
    pub activities: ReadSignal<ActivityLog>,
    set_activities: WriteSignal<ActivityLog>,
    /// The person's own changes: doses, exercises marked "not for me".
    pub plan: ReadSignal<Plan>,
    set_plan: WriteSignal<Plan>,
    /// The time, moved on every half minute by the app shell, for whatever depends on
    /// the day or on time passing (the after-session check).
    pub now: RwSignal<Millis>,
    /// True while the session player is open: the after-session check waits.
    pub playing: RwSignal<bool>,
    /// The session whose after-check was answered "still hurting" and whose exercises
    /// the person is choosing to set aside (the answer is saved once they choose).
    pub still_hurting: RwSignal<Option<Millis>>,
    pub notices: RwSignal<Vec<Notice>>,
    store: StoredValue<Store<BrowserStorage>>,
    /// False when data lives only in this page's memory.
    pub persistent: bool,
}

impl AppState {
    /// Opens storage and loads every record, reporting anything unusual as a notice.
    pub fn load() -> Self {
        let (backend, unavailable) = BrowserStorage::detect();
        let persistent = backend.is_persistent();
        let mut store = Store::new(backend);
        let mut notices = Vec::new();
        if let Some(err) = unavailable {
            notices.push((
                Tone::Warning,
                format!(
                    "This browser won't let Steadyback save anything ({err}). You can still \
                     use the app, but nothing will be kept after you close it."
                ),
            ));
        }
        let now = clock::now();
        let settings = take(store.load::<Settings>(now), "settings", &mut notices);
        let safety_check = take(
            store.load::<SafetyCheck>(now),
            "safety check answers",
            &mut notices,
        );
        let sessions = take(
            store.load::<SessionLog>(now),
            "session history",
            &mut notices,
        );
        let activities = take(store.load::<ActivityLog>(now), "activity log", &mut notices);
        let plan = take(store.load::<Plan>(now), "exercise plan", &mut notices);
        let (sessions, set_sessions) = signal(sessions);
        let (activities, set_activities) = signal(activities);
        let (plan, set_plan) = signal(plan);
        let (settings, set_settings) = signal(settings);
        let (safety_check, set_safety_check) = signal(safety_check);
        let state = AppState {
            settings,
            set_settings,
            safety_check,
            set_safety_check,
            sessions,
            set_sessions,
            activities,
            set_activities,
            plan,
            set_plan,
            now: RwSignal::new(now),
            playing: RwSignal::new(false),
            still_hurting: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            store: StoredValue::new(store),
            persistent,
        };
        for (tone, text) in notices {
            state.notify(tone, text);
        }
        state
    }

    /// Shows a notice.
    pub fn notify(&self, tone: Tone, text: String) {
        self.notices.update(|list| {
            let id = list.iter().map(|n| n.id + 1).max().unwrap_or(0);
            list.push(Notice { id, tone, text });
        });
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    /// Changes the settings and saves them.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.set_settings.update(change);
        self.save(&self.settings.get_untracked(), "settings");
    }

    /// Records the answers to the safety check (or, with the default, clears them so the
    /// check is asked again).
    pub fn set_safety_check(&self, check: SafetyCheck) {
        self.save(&check, "safety check answers");
        self.set_safety_check.set(check);
    }

    /// Adds a finished session to the history (or updates it, by id) and saves it.
    pub fn log_session(&self, mut record: SessionRecord) {
        record
            .tz_offset_min
            .get_or_insert_with(|| clock::offset_min(record.started_at));
        self.set_sessions.update(|log| log.upsert(record));
        self.save(&self.sessions.get_untracked(), "session history");
    }

    /// Changes the activity log and saves it.
    pub fn update_activities(&self, change: impl FnOnce(&mut ActivityLog)) {
        self.set_activities.update(change);
        self.save(&self.activities.get_untracked(), "activity log");
    }

    /// Changes the person's plan and saves it.
    pub fn update_plan(&self, change: impl FnOnce(&mut Plan)) {
        self.set_plan.update(change);
        self.save(&self.plan.get_untracked(), "exercise plan");
    }

    /// The device clock's offset from UTC now, in minutes.
    pub fn offset(&self) -> i32 {
        clock::offset_min(self.now.get_untracked())
    }

    /// Today on the person's own calendar; tracked, so it moves on at midnight.
    pub fn today(&self) -> NaiveDate {
        let now = self.now.get();
        local_day(now, clock::offset_min(now))
    }

    /// Loads a record that is not kept in a signal (the session in progress), telling the
    /// person when the stored copy could not be used.
    pub fn load_record<T: Record + Send + Sync + 'static>(&self, what: &str) -> T {
        let mut notices = Vec::new();
        let loaded = self
            .store
            .try_update_value(|store| store.load::<T>(clock::now()))
            .unwrap_or(Loaded::Missing);
        let value = take(loaded, what, &mut notices);
        for (tone, text) in notices {
            self.notify(tone, text);
        }
        value
    }

    /// Saves a record, telling the person if that failed.
    pub fn save<T: Record + Send + Sync + 'static>(&self, value: &T, what: &str) {
        let result = self
            .store
            .try_update_value(|store| store.save(value, clock::now()));
        if let Some(Err(err)) = result {
            let text = match err {
                SaveError::Protected(reason) => format!(
                    "Your latest change to your {what} was not saved: the stored copy is \
                     kept as it is, because {reason}."
                ),
                err => format!("Your {what} could not be saved: {err}."),
            };
            self.notify(Tone::Warning, text);
        }
    }
}

/// The value to start with, and a notice when the stored one could not be used.
fn take<T: Default>(loaded: Loaded<T>, what: &str, notices: &mut Vec<(Tone, String)>) -> T {
    let text = match &loaded {
        Loaded::Missing | Loaded::Found(_) => None,
        Loaded::Corrupt {
            reason,
            kept_at: Some(_),
        } => Some(format!(
            "Your saved {what} could not be read ({reason}), so Steadyback started with its \
             defaults. The unreadable copy was put aside, untouched."
        )),
        Loaded::Corrupt {
            reason,
            kept_at: None,
        } => Some(format!(
            "Your saved {what} could not be read ({reason}). Steadyback is using its defaults \
             and left the stored copy untouched, so changes won't be saved."
        )),
        Loaded::Newer { reason } => Some(format!(
            "Your saved {what} can't be used: {reason}. The stored copy is kept as it \
             is; please update the app."
        )),
        Loaded::Unreadable(err) => Some(format!(
            "Your saved {what} could not be read ({err}). Steadyback is using its defaults."
        )),
    };
    if let Some(text) = text {
        notices.push((Tone::Warning, text));
    }
    loaded.into_value()
}
