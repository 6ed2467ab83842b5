//! Everything the person keeps, in one file: a JSON backup they can download and import
//! again (on this device or another), and a CSV of their sessions and activities for a
//! spreadsheet.
//!
//! Importing checks the whole file before anything is touched: its size, its nesting, that
//! it is JSON written by Steadyback in a format and schemas this version reads (older
//! schemas are upgraded with each record's own migrations), then each record on its own.
//! A bad record is left out with a plain reason; the rest are kept.
//!
//! [`reminder`]: when to remind the person to download one.

mod csv;
mod export;
mod import;
pub mod reminder;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::dates::iso;
use crate::domain::ids::Log;
use crate::domain::library::own_exercise::OwnExercises;
use crate::domain::records::activity::ActivityLog;
use crate::domain::records::safety::SafetyCheck;
use crate::domain::records::session_record::SessionLog;
use crate::domain::routines::adjustments::Plan;
use crate::domain::routines::own_routine::{self, OwnRoutines};
use crate::domain::session::settings::Settings;
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

pub use csv::csv;
pub use export::export;
pub use import::{decode, Import, ImportError, MAX_BYTES, MAX_DEPTH};

/// The name every backup file carries, so another app's JSON is not taken for one.
pub const APP: &str = "steadyback";

/// The version of the file's own layout (not of the records in it).
pub const FORMAT: u32 = 1;

/// Everything the person keeps.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Backup {
    pub settings: Settings,
    pub safety_check: SafetyCheck,
    pub sessions: SessionLog,
    pub activities: ActivityLog,
    pub plan: Plan,
    /// The person's own routines (missing in backups from before they existed).
    #[serde(default)]
    pub routines: OwnRoutines,
    /// The person's own exercises (missing in backups from before they existed).
    #[serde(default)]
    pub exercises: OwnExercises,
}

/// The backup's file name for `today`: `steadyback-backup-2026-11-21.json`.
pub fn file_name(today: NaiveDate) -> String {
    format!("{APP}-backup-{}.json", iso(today))
}

/// The CSV's file name for `today`: `steadyback-2026-11-21.csv`.
pub fn csv_file_name(today: NaiveDate) -> String {
    format!("{APP}-{}.csv", iso(today))
}

/// How an import is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keep what is here and add what the file has: nothing is lost on either side.
    Merge,
    /// The file's data takes the place of what is here.
    Replace,
}

/// What the app holds after importing `imported` into `current` at `now`.
///
/// [`Mode::Merge`]: sessions, activities, the plan, own routines and own exercises are merged by id as two tabs'
/// copies are (the newer version of each record wins, deletions included); the current
/// settings and safety check are kept, except that the imported safety check is taken
/// when the current one was never answered. [`Mode::Replace`]: the imported data as it
/// is, with a tombstone for each session, activity, own routine and own exercise here that the file does not have,
/// so another tab's copy does not bring them back.
pub fn combine(current: &Backup, imported: &Backup, mode: Mode, now: Millis) -> Backup {
    match mode {
        Mode::Replace => {
            let mut out = imported.clone();
            out.sessions.take_place_of(&current.sessions, now);
            out.activities.take_place_of(&current.activities, now);
            out.exercises.take_place_of(&current.exercises, now);
            let r = &mut out.routines;
            r.take_place_of(&current.routines, now);
            // The file's pin (or none) replaces this one, dated after it, so another
            // tab's copy of the pin can't win it back.
            if r.pinned != current.routines.pinned {
                let after = current
                    .routines
                    .pinned
                    .as_ref()
                    .map_or(now, |p| now.max(p.at.saturating_add(1)));
                r.pinned = Some(own_routine::Pin {
                    at: after.max(r.pinned.as_ref().map_or(0, |p| p.at)),
                    routine: r.pinned.take().and_then(|p| p.routine),
                });
            }
            out
        }
        Mode::Merge => {
            let mut out = current.clone();
            out.sessions.merge_from(&imported.sessions);
            out.activities.merge_from(&imported.activities);
            out.plan.merge_from(&imported.plan);
            out.routines.merge_from(&imported.routines);
            out.exercises.merge_from(&imported.exercises);
            if !current.safety_check.is_answered() {
                out.safety_check = imported.safety_check.clone();
            }
            out
        }
    }
}
