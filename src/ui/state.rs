//! The app-wide state, provided as a context by [`crate::ui::app::App`].

use leptos::prelude::*;

use chrono::NaiveDate;

use crate::domain::activity::ActivityLog;
use crate::domain::backup::{self, Backup, Mode};
use crate::domain::calendar::{iso, local_day};
use crate::domain::plan::Plan;
use crate::domain::reminder::BackupMeta;
use crate::domain::safety::SafetyCheck;
use crate::domain::session_record::{SessionLog, SessionRecord};
use crate::domain::settings::Settings;
use crate::domain::storage_schema::{data_key, Record};
use crate::domain::store::{BackendError, Loaded, Mergeable, SaveError, Store};
use crate::domain::Millis;
use crate::platform::{clock, files, storage::BrowserStorage};

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

/// A way out offered with a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download a backup of what the app holds now.
    DownloadBackup,
    /// Download every stored text exactly as it is (for data the app can't read).
    DownloadStored,
}

/// A message shown at the top of every page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub tone: Tone,
    pub text: String,
    pub action: Option<NoticeAction>,
}

/// Where the automatic backup taken before an import is kept, until the next import.
pub const BEFORE_IMPORT_KEY: &str = "steadyback:backup:before-import";

/// Shared state: the person's stored records as signals, the store they are saved to,
/// and the notices to show. Change records only through the methods here, which save.
#[derive(Clone, Copy)]
pub struct AppState {
    pub settings: RwSignal<Settings>,
    /// The first-run safety check; unanswered until the person has taken it.
    pub safety_check: RwSignal<SafetyCheck>,
    /// Every finished guided session.
    pub sessions: RwSignal<SessionLog>,
    /// Walks, swims, rides and other activity the person logged.
    pub activities: RwSignal<ActivityLog>,
    /// The person's own changes: doses, exercises marked "not for me".
    pub plan: RwSignal<Plan>,
    /// Backups made and reminders put off; whether the browser was asked to keep data.
    pub backup_meta: RwSignal<BackupMeta>,
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

/// A notice to show once the state exists.
type Pending = (Tone, String, Option<NoticeAction>);

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
                None,
            ));
        }
        let now = clock::now();
        let n = &mut notices;
        let settings = take::<Settings>(&mut store, now, "settings", n);
        let safety_check = take::<SafetyCheck>(&mut store, now, "safety check answers", n);
        let sessions = take::<SessionLog>(&mut store, now, "session history", n);
        let activities = take::<ActivityLog>(&mut store, now, "activity log", n);
        let plan = take::<Plan>(&mut store, now, "exercise plan", n);
        let backup_meta = take::<BackupMeta>(&mut store, now, "backup reminders", n);
        let state = AppState {
            settings: RwSignal::new(settings),
            safety_check: RwSignal::new(safety_check),
            sessions: RwSignal::new(sessions),
            activities: RwSignal::new(activities),
            plan: RwSignal::new(plan),
            backup_meta: RwSignal::new(backup_meta),
            now: RwSignal::new(now),
            playing: RwSignal::new(false),
            still_hurting: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            store: StoredValue::new(store),
            persistent,
        };
        for (tone, text, action) in notices {
            state.notify_with(tone, text, action);
        }
        state
    }

    /// Shows a notice.
    pub fn notify(&self, tone: Tone, text: String) {
        self.notify_with(tone, text, None);
    }

    /// Shows a notice with a way out.
    pub fn notify_with(&self, tone: Tone, text: String, action: Option<NoticeAction>) {
        self.notices.update(|list| {
            // The same message twice (a full storage on every change) shows once.
            if list.iter().any(|n| n.text == text) {
                return;
            }
            let id = list.iter().map(|n| n.id + 1).max().unwrap_or(0);
            list.push(Notice {
                id,
                tone,
                text,
                action,
            });
        });
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    /// Changes the settings and saves them.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        self.save(&self.settings.get_untracked(), "settings");
    }

    /// Records the answers to the safety check (or, with the default, clears them so the
    /// check is asked again).
    pub fn set_safety_check(&self, check: SafetyCheck) {
        self.save(&check, "safety check answers");
        self.safety_check.set(check);
    }

    /// Adds a finished session to the history (or updates it, by id) and saves it. The
    /// first one also asks the browser to keep the data.
    pub fn log_session(&self, mut record: SessionRecord) {
        record
            .tz_offset_min
            .get_or_insert_with(|| clock::offset_min(record.started_at));
        record.updated_at = clock::now();
        self.sessions.update(|log| log.upsert(record));
        self.save_merged(self.sessions, "session history");
        if !self.backup_meta.with_untracked(|m| m.persist_asked) {
            self.update_backup_meta(|m| m.persist_asked = true);
            leptos::task::spawn_local(async {
                // The answer shows in Settings; nothing to do with it here.
                let _ = crate::platform::persistence::persist().await;
            });
        }
    }

    /// Changes the activity log and saves it, merged with what another tab saved.
    pub fn update_activities(&self, change: impl FnOnce(&mut ActivityLog)) {
        self.activities.update(change);
        self.save_merged(self.activities, "activity log");
    }

    /// Changes the person's plan and saves it, merged with what another tab saved.
    pub fn update_plan(&self, change: impl FnOnce(&mut Plan)) {
        self.plan.update(|plan| {
            change(plan);
            plan.touch(clock::now());
        });
        self.save_merged(self.plan, "exercise plan");
    }

    /// Changes what the app remembers about backups and saves it.
    pub fn update_backup_meta(&self, change: impl FnOnce(&mut BackupMeta)) {
        self.backup_meta.update(change);
        self.save(&self.backup_meta.get_untracked(), "backup reminders");
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
        let value = self
            .store
            .try_update_value(|store| take(store, clock::now(), what, &mut notices))
            .unwrap_or_default();
        for (tone, text, action) in notices {
            self.notify_with(tone, text, action);
        }
        value
    }

    /// Saves a record, telling the person if that failed.
    pub fn save<T: Record + Send + Sync + 'static>(&self, value: &T, what: &str) {
        self.try_save(value, what);
    }

    /// Saves a list record after merging it by id with what is stored now, so a change
    /// another tab made since this one loaded is kept, not overwritten.
    fn save_merged<T>(&self, signal: RwSignal<T>, what: &str)
    where
        T: Record + Mergeable + Clone + PartialEq + Send + Sync + 'static,
    {
        let ours = signal.get_untracked();
        // Ours first: on a tie (the same millisecond) this tab's change wins.
        let mut merged = ours.clone();
        match self.store.with_value(|s| s.peek::<T>()) {
            Ok(Some(stored)) => merged.merge_from(&stored),
            Ok(None) => {}
            // Stored text this tab can't read (another tab's newer version, or damage
            // since this tab loaded): load it properly, which copies it aside or protects
            // it, so the save below never writes over it unseen.
            Err(_) => {
                let _: T = self.load_record(what);
            }
        }
        if merged != ours {
            signal.set(merged.clone());
        }
        self.save(&merged, what);
    }

    /// Tells the person what a failed save means, with a way out.
    fn report_save(&self, err: SaveError, what: &str) {
        let (text, action) = match err {
            SaveError::Protected(reason) => (
                format!(
                    "Your latest change to your {what} was not saved: the stored copy is kept \
                     as it is, because {reason}. Download a backup so your change is not lost."
                ),
                NoticeAction::DownloadBackup,
            ),
            SaveError::Backend(BackendError::QuotaExceeded) => (
                format!(
                    "Your latest change to your {what} could not be saved: this browser's \
                     storage for Steadyback is full. Everything saved before is still there. \
                     Download a backup so nothing is lost."
                ),
                NoticeAction::DownloadBackup,
            ),
            err => (
                format!(
                    "Your {what} could not be saved: {err}. Download a backup so nothing is \
                     lost."
                ),
                NoticeAction::DownloadBackup,
            ),
        };
        self.notify_with(Tone::Warning, text, Some(action));
    }

    /// Another tab changed `key` (`None`: it cleared everything): read it again.
    pub fn reload(&self, key: Option<&str>) {
        let is = |name: &str| key.is_none_or(|k| k == data_key(name));
        if is(Settings::NAME) {
            self.reload_one(self.settings, "settings");
        }
        if is(SafetyCheck::NAME) {
            self.reload_one(self.safety_check, "safety check answers");
        }
        if is(SessionLog::NAME) {
            self.reload_merged(self.sessions, "session history");
        }
        if is(ActivityLog::NAME) {
            self.reload_merged(self.activities, "activity log");
        }
        if is(Plan::NAME) {
            self.reload_merged(self.plan, "exercise plan");
        }
        if is(BackupMeta::NAME) {
            self.reload_one(self.backup_meta, "backup reminders");
        }
    }

    fn reload_one<T>(&self, signal: RwSignal<T>, what: &str)
    where
        T: Record + PartialEq + Send + Sync + 'static,
    {
        let value: T = self.load_record(what);
        if signal.with_untracked(|v| *v != value) {
            signal.set(value);
        }
    }

    /// Like `reload_one`, for a list: what another tab saved is merged into this tab's,
    /// so a change here that could not be saved (a full storage) is not dropped.
    fn reload_merged<T>(&self, signal: RwSignal<T>, what: &str)
    where
        T: Record + Mergeable + Clone + PartialEq + Send + Sync + 'static,
    {
        let stored: T = self.load_record(what);
        let mut merged = signal.get_untracked();
        merged.merge_from(&stored);
        if signal.with_untracked(|v| *v != merged) {
            signal.set(merged);
        }
    }

    /// Everything the person has, as a backup.
    pub fn current_backup(&self) -> Backup {
        Backup {
            settings: self.settings.get_untracked(),
            safety_check: self.safety_check.get_untracked(),
            sessions: self.sessions.get_untracked(),
            activities: self.activities.get_untracked(),
            plan: self.plan.get_untracked(),
        }
    }

    /// Today's date as the device sees it, untracked.
    fn today_now(&self) -> NaiveDate {
        let now = clock::now();
        local_day(now, clock::offset_min(now))
    }

    /// Downloads the backup file and remembers that it was made.
    pub fn download_backup(&self) {
        let now = clock::now();
        let text = backup::export(&self.current_backup(), now);
        match files::download(
            &backup::file_name(self.today_now()),
            "application/json",
            &text,
        ) {
            Ok(()) => {
                let sessions = self.sessions.with_untracked(|s| s.records.len());
                self.backup_meta.update(|m| m.backed_up(now, sessions));
                // Quietly: when storage is full, this note failing to save is no news.
                let meta = self.backup_meta.get_untracked();
                self.store.update_value(|s| {
                    let _ = s.save(&meta, now);
                });
            }
            Err(err) => self.notify(
                Tone::Warning,
                format!("The backup could not be downloaded: {err}."),
            ),
        }
    }

    /// Downloads sessions and activities as a spreadsheet file.
    pub fn download_csv(&self) {
        let text = self.sessions.with_untracked(|s| {
            self.activities
                .with_untracked(|a| backup::csv(s, a, self.offset()))
        });
        if let Err(err) =
            files::download(&backup::csv_file_name(self.today_now()), "text/csv", &text)
        {
            self.notify(
                Tone::Warning,
                format!("The spreadsheet could not be downloaded: {err}."),
            );
        }
    }

    /// Downloads every stored text of the app exactly as it is, for data this version
    /// can't read (written by a newer version, or unreadable).
    pub fn download_stored(&self) {
        let entries = self.store.with_value(Store::entries);
        let object: serde_json::Map<String, serde_json::Value> = entries
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect();
        let text = serde_json::to_string_pretty(&object).unwrap_or_default();
        let name = format!("steadyback-stored-data-{}.json", iso(self.today_now()));
        if let Err(err) = files::download(&name, "application/json", &text) {
            self.notify(
                Tone::Warning,
                format!("The stored data could not be downloaded: {err}."),
            );
        }
    }

    /// Puts an imported backup in place, merged with or replacing what is here. What is
    /// here now is first kept as an automatic backup; when that can't be kept, nothing
    /// changes.
    pub fn apply_import(&self, imported: &Backup, mode: Mode) -> Result<(), String> {
        let current = self.current_backup();
        let before = backup::export(&current, clock::now());
        self.store
            .try_update_value(|s| s.write_raw(BEFORE_IMPORT_KEY, &before))
            .unwrap_or(Err(SaveError::NotVerified))
            .map_err(|err| {
                format!(
                    "Nothing was changed: a copy of your current data could not be kept first \
                     ({err}). Download a backup, then try again."
                )
            })?;
        let combined = backup::combine(&current, imported, mode);
        let sessions = combined.sessions.records.len();
        self.put(combined).map_err(|failed| {
            format!(
                "The import could not be saved completely ({failed}). What is shown now may \
                 not all be kept: undo the import, or download a backup."
            )
        })?;
        // A backup's count of sessions can't be above what there is now.
        self.update_backup_meta(|m| {
            m.sessions_at_backup = m.sessions_at_backup.min(sessions);
            m.sessions_at_snooze = m.sessions_at_snooze.min(sessions);
        });
        Ok(())
    }

    /// When there is an automatic backup from before the last import, when it was made.
    pub fn before_import(&self) -> Option<Backup> {
        let text = self.store.with_value(|s| s.raw(BEFORE_IMPORT_KEY))?;
        backup::decode(&text, clock::now()).ok().map(|i| i.backup)
    }

    /// Puts back the data from before the last import.
    pub fn undo_import(&self) -> Result<(), String> {
        let before = self
            .before_import()
            .ok_or("The copy from before the import could not be read.")?;
        self.put(before).map_err(|failed| {
            format!(
                "Not everything could be put back ({failed}); the copy from before the \
                 import is kept, so you can try again."
            )
        })?;
        self.store.update_value(|s| s.remove_raw(BEFORE_IMPORT_KEY));
        Ok(())
    }

    /// Replaces every record with `backup`'s and saves each. On failure, names what
    /// could not be saved (the failures are also shown as notices).
    fn put(&self, backup: Backup) -> Result<(), String> {
        let failed: Vec<&str> = [
            self.try_save(&backup.settings, "settings"),
            self.try_save(&backup.safety_check, "safety check answers"),
            self.try_save(&backup.sessions, "session history"),
            self.try_save(&backup.activities, "activity log"),
            self.try_save(&backup.plan, "exercise plan"),
        ]
        .into_iter()
        .flatten()
        .collect();
        self.settings.set(backup.settings);
        self.safety_check.set(backup.safety_check);
        self.sessions.set(backup.sessions);
        self.activities.set(backup.activities);
        self.plan.set(backup.plan);
        if failed.is_empty() {
            Ok(())
        } else {
            Err(failed.join(", "))
        }
    }

    /// Saves a record, telling the person if that failed; `Some(what)` when it did.
    fn try_save<'a, T: Record + Send + Sync + 'static>(
        &self,
        value: &T,
        what: &'a str,
    ) -> Option<&'a str> {
        let result = self
            .store
            .try_update_value(|store| store.save(value, clock::now()))
            // The app is gone (its state disposed): nothing to tell anyone.
            .unwrap_or(Ok(()));
        result.err().map(|err| {
            self.report_save(err, what);
            what
        })
    }

    /// True when there is stored text the app set aside (unreadable, or kept during a
    /// migration): only "Download stored data" saves it.
    pub fn has_set_aside(&self) -> bool {
        self.store.with_value(|s| {
            s.entries()
                .iter()
                .any(|(k, _)| k.contains(":quarantine:") || k.contains(":schema-"))
        })
    }

    /// Deletes everything Steadyback stored in this browser and starts afresh (the
    /// safety check is asked again).
    pub fn delete_all(&self) -> Result<(), String> {
        self.store
            .try_update_value(Store::clear_all)
            .unwrap_or(Ok(()))
            .map_err(|err| format!("Not everything could be deleted: {err}."))?;
        self.settings.set(Settings::default());
        self.safety_check.set(SafetyCheck::default());
        self.sessions.set(SessionLog::default());
        self.activities.set(ActivityLog::default());
        self.plan.set(Plan::default());
        self.backup_meta.set(BackupMeta::default());
        self.notices.set(Vec::new());
        Ok(())
    }
}

/// "1 entry", "3 entries".
fn count_entries(n: usize) -> String {
    if n == 1 {
        "1 entry".to_string()
    } else {
        format!("{n} entries")
    }
}

/// Loads record `T`, adding a notice when the stored one could not be used as it is.
fn take<T: Record>(
    store: &mut Store<BrowserStorage>,
    now: Millis,
    what: &str,
    notices: &mut Vec<Pending>,
) -> T {
    let (value, status) = store.load::<T>(now).split();
    if let Some(notice) = problem(&status, what) {
        notices.push(notice);
    }
    value.unwrap_or_default()
}

/// What to tell the person about a load.
fn problem(loaded: &Loaded<()>, what: &str) -> Option<Pending> {
    let were = |n: usize| if n == 1 { "was" } else { "were" };
    let (text, action) = match loaded {
        Loaded::Missing | Loaded::Found(_) => return None,
        Loaded::Salvaged {
            dropped,
            kept_at: Some(_),
            ..
        } => (
            format!(
                "{} of your saved {what} could not be read and {} left out; everything else \
                 loaded. The stored text was put aside, untouched.",
                count_entries(*dropped),
                were(*dropped)
            ),
            Some(NoticeAction::DownloadStored),
        ),
        Loaded::Salvaged {
            dropped,
            kept_at: None,
            ..
        } => (
            format!(
                "{} of your saved {what} could not be read and {} left out. The stored copy \
                 is left untouched, so changes won't be saved.",
                count_entries(*dropped),
                were(*dropped)
            ),
            Some(NoticeAction::DownloadStored),
        ),
        Loaded::Corrupt {
            reason,
            kept_at: Some(_),
        } => (
            format!(
                "Your saved {what} could not be read ({reason}), so Steadyback started with \
                 its defaults. The unreadable copy was put aside, untouched."
            ),
            Some(NoticeAction::DownloadStored),
        ),
        Loaded::Corrupt {
            reason,
            kept_at: None,
        } => (
            format!(
                "Your saved {what} could not be read ({reason}). Steadyback is using its \
                 defaults and left the stored copy untouched, so changes won't be saved."
            ),
            Some(NoticeAction::DownloadStored),
        ),
        Loaded::Newer { reason } => (
            format!(
                "Your saved {what} can't be used: {reason}. The stored copy is kept as it is \
                 and won't be written over; please update the app. You can download it \
                 exactly as it is."
            ),
            Some(NoticeAction::DownloadStored),
        ),
        Loaded::Unreadable(err) => (
            format!(
                "Your saved {what} could not be read ({err}). Steadyback is using its \
                 defaults."
            ),
            None,
        ),
    };
    Some((Tone::Warning, text, action))
}
