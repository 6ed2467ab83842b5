//! Everything the person keeps, in one file: a JSON backup they can download and import
//! again (on this device or another), and a CSV of their sessions and activities for a
//! spreadsheet.
//!
//! Importing checks the whole file before anything is touched: its size, its nesting, that
//! it is JSON written by Steadyback in a format and schemas this version reads (older
//! schemas are upgraded with each record's own migrations), then each record on its own.
//! A bad record is left out with a plain reason; the rest are kept.
//!
//! Every record is listed once, in [`each_record!`]; what each does in a backup is its
//! `impl Section` (in `sections`). [`reminder`]: when to remind the person to download
//! one.

mod csv;
mod export;
mod import;
mod read;
pub mod reminder;
mod sections;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::dates::iso;
use crate::domain::Millis;

pub use csv::csv;
pub use export::export;
pub use import::{decode, Import, MAX_BYTES, MAX_DEPTH};
pub use read::ImportError;
pub use sections::Kept;
use sections::Section;

/// The name every backup file carries, so another app's JSON is not taken for one.
pub const APP: &str = "steadyback";

/// The version of the file's own layout (not of the records in it).
pub const FORMAT: u32 = 1;

/// Every record the person keeps, each once: its field and its type, under `backup` when
/// the backup file holds it, under `device` when it is kept on this device only.
/// Everything else about a record is said by its type: [`Record`](crate::domain::storage::schema::Record)
/// (its key, schema, migrations, merge), [`Kept`] (what the person calls it) and, for
/// the backup's, [`Section`] (its section of the file: read and checked, combined by an
/// import, its times capped, its part of the summary).
///
/// `each_record!(m)` calls macro `m` with the list, as
/// `backup { $( $(#[$doc:meta])* $field:ident: $ty:ty, )* } device { …the same… }`.
/// Made from it: [`Backup`] and [`combine`], the file's schemas (`export`), the reading
/// of a file (`import`), and in the UI its `Records`, the backup taken from them and an
/// import put in their place.
macro_rules! each_record {
    ($m:ident) => {
        $m! {
            backup {
                /// The person's choices of beeps, voice and vibration.
                settings: $crate::domain::session::settings::Settings,
                /// The first-run safety check; unanswered until the person has taken it.
                safety_check: $crate::domain::records::safety::SafetyCheck,
                /// Every finished guided session.
                sessions: $crate::domain::records::session_record::SessionLog,
                /// Walks, swims, rides and other activity the person logged.
                activities: $crate::domain::records::activity::ActivityLog,
                /// The person's own changes: doses, exercises marked "not for me".
                plan: $crate::domain::routines::adjustments::Plan,
                /// The person's own routines, and the routine pinned for Today.
                routines: $crate::domain::routines::own_routine::OwnRoutines,
                /// The person's own exercises (found by id beside the library's).
                exercises: $crate::domain::library::own_exercise::OwnExercises,
            }
            device {
                /// Backups made and reminders put off; whether the browser was asked to
                /// keep data.
                backup_meta: $crate::domain::backup::reminder::BackupMeta,
            }
        }
    };
}
pub(crate) use each_record;

/// [`Backup`] and [`combine`], from the list.
macro_rules! backup {
    (
        backup { $( $(#[$doc:meta])* $field:ident: $ty:ty, )* }
        device { $($device:tt)* }
    ) => {
        /// Everything the person keeps that a backup holds (all but the backup reminders),
        /// with the field names as the file's keys.
        #[derive(Debug, Clone, PartialEq, Default, Serialize)]
        pub struct Backup {
            $( $(#[$doc])* pub $field: $ty, )*
        }

        /// What the app holds after importing `imported` into `current` at `now`, each
        /// record as its [`Section`] says.
        ///
        /// [`Mode::Merge`]: sessions, activities, the plan, own routines and own exercises
        /// are merged by id as two tabs' copies are (the newer version of each record wins,
        /// deletions included); the current settings and safety check are kept, except that
        /// the imported safety check is taken when the current one was never answered.
        /// [`Mode::Replace`]: the imported data as it is, with a tombstone for each session,
        /// activity, own routine and own exercise here that the file does not have, so
        /// another tab's copy does not bring them back.
        pub fn combine(current: &Backup, imported: &Backup, mode: Mode, now: Millis) -> Backup {
            match mode {
                Mode::Replace => {
                    let mut out = imported.clone();
                    $( out.$field.take_place(&current.$field, now); )*
                    out
                }
                Mode::Merge => {
                    let mut out = current.clone();
                    $( out.$field.merge_in(&imported.$field); )*
                    out
                }
            }
        }
    };
}

each_record!(backup);

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

#[cfg(test)]
mod tests;
