//! Taking everything out and putting it back: the backup file, the spreadsheet, the
//! stored text as it is, import with undo, and deleting everything.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::backup::{self, Backup, Mode};
use crate::domain::dates::{iso, local_day};
use crate::domain::records::older;
use crate::domain::storage::store::{SaveError, Store};
use crate::platform::{clock, files};

use super::{AppState, Tone};

/// Where the automatic backup taken before an import is kept, until the next import.
pub const BEFORE_IMPORT_KEY: &str = "steadyback:backup:before-import";

/// Today's date as the device sees it, untracked.
fn today_now() -> NaiveDate {
    let now = clock::now();
    local_day(now, clock::offset_min(now))
}

impl AppState {
    /// Everything the person has, as a backup.
    pub fn current_backup(&self) -> Backup {
        self.records.backup()
    }

    /// Downloads `text` as file `name`, telling the person when that failed.
    fn download(&self, name: &str, mime: &str, text: &str, what: &str) -> bool {
        match files::download(name, mime, text) {
            Ok(()) => true,
            Err(err) => {
                self.notices.notify(
                    Tone::Warning,
                    format!("The {what} could not be downloaded: {err}."),
                );
                false
            }
        }
    }

    /// Downloads the backup file and remembers that it was made.
    pub fn download_backup(&self) {
        self.download_file(Download::Backup);
    }

    /// Downloads sessions and activities as a spreadsheet file.
    pub fn download_csv(&self) {
        self.download_file(Download::Spreadsheet);
    }

    /// Downloads every stored text of the app exactly as it is, for data this version
    /// can't read (written by a newer version, or unreadable).
    pub fn download_stored(&self) {
        self.download_file(Download::Stored);
    }

    /// Makes and downloads `what`. The code that writes the files is fetched the first
    /// time (a piece of its own: a notice's or Today's reminder's button is all that
    /// needs it on the first load); when it can't be, the person is told.
    fn download_file(&self, what: Download) {
        let state = *self;
        leptos::task::spawn_local(async move {
            match downloader().await {
                Ok(download) => download(state, what),
                Err(_) => state.notices.notify(
                    Tone::Warning,
                    "The file could not be made: part of the app could not be fetched. \
                     Check the connection, then try again."
                        .to_string(),
                ),
            }
        });
    }

    /// Puts an imported backup in place, merged with or replacing what is here. What is
    /// here now is first kept as an automatic backup; when that can't be kept, nothing
    /// changes.
    pub fn apply_import(&self, imported: &Backup, mode: Mode) -> Result<(), String> {
        let current = self.current_backup();
        let before = backup::export(&current, clock::now()).map_err(|err| {
            format!(
                "Nothing was changed: a copy of your current data could not be made first \
                 ({err}). Download a backup, then try again."
            )
        })?;
        self.io
            .store
            .try_update_value(|s| s.write_raw(BEFORE_IMPORT_KEY, &before))
            .unwrap_or(Err(SaveError::NotVerified))
            .map_err(|err| {
                format!(
                    "Nothing was changed: a copy of your current data could not be kept first \
                     ({err}). Download a backup, then try again."
                )
            })?;
        let combined = backup::combine(&current, imported, mode, clock::now());
        let sessions = combined.sessions.records.len();
        self.put(combined).map_err(|failed| {
            format!(
                "The import could not be saved completely ({failed}). What is shown now may \
                 not all be kept: undo the import, or download a backup."
            )
        })?;
        // A backup's count of sessions can't be above what there is now.
        self.records.backup_meta.update(|m| {
            m.sessions_at_backup = m.sessions_at_backup.min(sessions);
            m.sessions_at_snooze = m.sessions_at_snooze.min(sessions);
        });
        Ok(())
    }

    /// The automatic backup from before the last import, when there is one.
    pub fn before_import(&self) -> Option<Backup> {
        let text = self.io.store.with_value(|s| s.raw(BEFORE_IMPORT_KEY))?;
        backup::decode(&text, clock::now()).ok().map(|i| i.backup)
    }

    /// Puts back the data from before the last import.
    pub fn undo_import(&self) -> Result<(), String> {
        let before = self
            .before_import()
            .ok_or("The copy from before the import could not be read.")?;
        // Put back as a replacing import is: what comes back is made newer than its
        // deletion, and what the import added gets a tombstone, so another open tab
        // that took in the import can't undo the undo.
        let before = backup::combine(&self.current_backup(), &before, Mode::Replace, clock::now());
        self.put(before).map_err(|failed| {
            format!(
                "Not everything could be put back ({failed}); the copy from before the \
                 import is kept, so you can try again."
            )
        })?;
        self.io
            .store
            .update_value(|s| s.remove_raw(BEFORE_IMPORT_KEY));
        Ok(())
    }

    /// Replaces every record with `backup`'s and saves each. On failure, names what
    /// could not be saved (the failures are also shown as notices).
    fn put(&self, backup: Backup) -> Result<(), String> {
        let failed = self.records.put(backup);
        if failed.is_empty() {
            Ok(())
        } else {
            Err(failed.join(", "))
        }
    }

    /// True when there is stored text the app set aside (unreadable, or kept during a
    /// migration): only "Download stored data" saves it.
    pub fn has_set_aside(&self) -> bool {
        self.io.store.with_value(|s| {
            s.entries()
                .iter()
                .any(|(k, _)| k.contains(":quarantine:") || k.contains(":schema-"))
        })
    }

    /// Deletes everything Steadyback stored in this browser and starts afresh (the
    /// safety check is asked again).
    pub fn delete_all(&self) -> Result<(), String> {
        self.io
            .store
            .try_update_value(|store| store.clear_all(clock::now()))
            .unwrap_or(Ok(()))
            .map_err(|err| format!("Not everything could be deleted: {err}."))?;
        // What this tab kept for want of room goes too.
        self.io
            .unsaved
            .try_update_value(|tab| tab.clear_all(clock::now()));
        self.records.reset();
        self.notices.clear();
        Ok(())
    }
}

/// A file the person can download.
#[derive(Clone, Copy)]
enum Download {
    /// The backup of everything.
    Backup,
    /// Sessions and activities for a spreadsheet.
    Spreadsheet,
    /// Every stored text as it is.
    Stored,
}

crate::ui::piece! {
    /// What writes and downloads the files.
    fn downloader() -> fn(AppState, Download) { download_now } in downloads_piece
}

/// Makes and downloads `what` for `state`.
fn download_now(state: AppState, what: Download) {
    match what {
        Download::Backup => state.download_backup_now(),
        Download::Spreadsheet => state.download_csv_now(),
        Download::Stored => state.download_stored_now(),
    }
}

impl AppState {
    /// The first day that making room today keeps in full, and how many sessions started
    /// before it (tracked).
    pub fn room_to_make(&self) -> (NaiveDate, usize) {
        let first = older::first_kept_day(self.clock.today());
        let from = older::start_of(first, self.clock.offset());
        (
            first,
            self.records.sessions.with(|s| s.started_before(from)),
        )
    }

    /// Keeps only the last [`older::KEEP_YEARS`] years of sessions in full, the older ones
    /// as weekly totals, and saves that; gives how many sessions became totals.
    pub fn make_room(&self) -> usize {
        let offset = self.clock.offset();
        let from = older::start_of(older::first_kept_day(self.clock.today()), offset);
        let mut turned = 0;
        self.records
            .sessions
            .update(|log| turned = log.keep_from(from, offset));
        // The reminder counts the sessions kept in full: those now totals are taken off
        // what it counted at the last backup, so it comes as before.
        self.records.backup_meta.update(|m| m.made_room(turned));
        self.measure_room();
        turned
    }

    /// Downloads the backup file and remembers that it was made.
    fn download_backup_now(&self) {
        let now = clock::now();
        let text = match backup::export(&self.current_backup(), now) {
            Ok(text) => text,
            Err(err) => {
                self.notices.notify(
                    Tone::Warning,
                    format!("The backup could not be put into a file: {err}."),
                );
                return;
            }
        };
        if self.download(
            &backup::file_name(today_now()),
            "application/json",
            &text,
            "backup",
        ) {
            let sessions = self.records.sessions.with_untracked(|s| s.records.len());
            // Quietly: when storage is full, this note failing to save is no news.
            self.records
                .backup_meta
                .update_quietly(|m| m.backed_up(now, sessions));
        }
    }

    /// Downloads sessions and activities as a spreadsheet file.
    fn download_csv_now(&self) {
        let offset = self.clock.offset();
        let text = self.records.sessions.with_untracked(|s| {
            self.records
                .activities
                .with_untracked(|a| backup::csv(s, a, offset))
        });
        self.download(
            &backup::csv_file_name(today_now()),
            "text/csv",
            &text,
            "spreadsheet",
        );
    }

    /// Downloads every stored text of the app exactly as it is, for data this version
    /// can't read (written by a newer version, or unreadable).
    fn download_stored_now(&self) {
        let entries = self.io.store.with_value(Store::entries);
        let object: serde_json::Map<String, serde_json::Value> = entries
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::String(v)))
            .collect();
        match serde_json::to_string_pretty(&object) {
            Ok(text) => {
                let name = format!("steadyback-stored-data-{}.json", iso(today_now()));
                self.download(&name, "application/json", &text, "stored data");
            }
            Err(err) => self.notices.notify(
                Tone::Warning,
                format!("The stored data could not be put into a file: {err}."),
            ),
        }
    }
}
