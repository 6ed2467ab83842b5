//! When to remind the person to download a backup, and whether the browser was asked to
//! keep the data (a small stored record, `steadyback:backup-meta`).
//!
//! The data lives only in this browser, so a backup file is the person's only copy
//! elsewhere. The app's own rule: remind after every [`EVERY_SESSIONS`] sessions, or
//! [`EVERY_DAYS`] days, since the last backup (or since the last time the reminder was
//! put off), whichever comes first, and only when there is something new to keep.

use serde::{Deserialize, Serialize};

use super::sections::Kept;
use crate::domain::dates::DAY_MS;
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// Sessions after which a backup is suggested again.
pub const EVERY_SESSIONS: usize = 10;
/// Days after which a backup is suggested again.
pub const EVERY_DAYS: i64 = 30;

/// What the app remembers about backups and storage.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupMeta {
    /// When the last backup file was made, and how many sessions there were then.
    pub last_backup_at: Option<Millis>,
    pub sessions_at_backup: usize,
    /// When the reminder was last put off, and how many sessions there were then.
    pub snoozed_at: Option<Millis>,
    pub sessions_at_snooze: usize,
    /// True once the browser has been asked to keep the data (asked once).
    pub persist_asked: bool,
}

impl Record for BackupMeta {
    const NAME: &'static str = "backup-meta";
    const SCHEMA: u32 = 1;
}

/// Kept on this device only: not in the backup file.
impl Kept for BackupMeta {
    const WHAT: &'static str = "backup reminders";
}

impl BackupMeta {
    /// Records a backup made at `now` with `sessions` sessions in the log.
    pub fn backed_up(&mut self, now: Millis, sessions: usize) {
        self.last_backup_at = Some(now);
        self.sessions_at_backup = sessions;
    }

    /// `turned` sessions were kept only as weekly totals (making room): they leave the
    /// counts the reminder compares with.
    pub fn made_room(&mut self, turned: usize) {
        self.sessions_at_backup = self.sessions_at_backup.saturating_sub(turned);
        self.sessions_at_snooze = self.sessions_at_snooze.saturating_sub(turned);
    }

    /// Puts the reminder off until the next 10 sessions or 30 days.
    pub fn snooze(&mut self, now: Millis, sessions: usize) {
        self.snoozed_at = Some(now);
        self.sessions_at_snooze = sessions;
    }

    /// Whether to remind now: `sessions` is how many the log holds, `first_session_at`
    /// when the first was (the clock starts there when there was never a backup).
    pub fn due(&self, now: Millis, sessions: usize, first_session_at: Option<Millis>) -> bool {
        let marks = [
            self.last_backup_at.map(|at| (at, self.sessions_at_backup)),
            self.snoozed_at.map(|at| (at, self.sessions_at_snooze)),
        ];
        let (since, counted) = marks
            .into_iter()
            .flatten()
            .max()
            .or_else(|| first_session_at.map(|at| (at, 0)))
            .unwrap_or((now, 0));
        let new = sessions.saturating_sub(counted);
        new > 0 && (new >= EVERY_SESSIONS || now.saturating_sub(since) >= EVERY_DAYS * DAY_MS)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn making_room_takes_the_sessions_now_totals_off_what_was_counted() {
        let mut meta = BackupMeta::default();
        meta.backed_up(1_000, 900);
        meta.snooze(2_000, 905);
        meta.made_room(500);
        assert_eq!(
            (meta.sessions_at_backup, meta.sessions_at_snooze),
            (400, 405)
        );
        // Nine more sessions after making room: not yet due by count.
        assert!(!meta.due(3_000, 414, Some(0)));
        assert!(meta.due(3_000, 415, Some(0)));
        meta.made_room(10_000);
        assert_eq!(meta.sessions_at_backup, 0);
    }

    use super::*;

    const T0: Millis = 1_795_000_000_000;

    #[test]
    fn nothing_to_back_up_means_no_reminder() {
        let meta = BackupMeta::default();
        assert!(!meta.due(T0, 0, None));
        assert!(!meta.due(T0 + 400 * DAY_MS, 0, None));
    }

    #[test]
    fn ten_sessions_or_thirty_days_after_the_first_without_a_backup() {
        let meta = BackupMeta::default();
        assert!(!meta.due(T0 + DAY_MS, 9, Some(T0)));
        assert!(meta.due(T0 + DAY_MS, 10, Some(T0)));
        assert!(!meta.due(T0 + 30 * DAY_MS - 1, 1, Some(T0)));
        assert!(meta.due(T0 + 30 * DAY_MS, 1, Some(T0)));
    }

    #[test]
    fn a_backup_starts_the_count_again() {
        let mut meta = BackupMeta::default();
        meta.backed_up(T0, 12);
        assert!(
            !meta.due(T0 + 40 * DAY_MS, 12, Some(0)),
            "nothing new since"
        );
        assert!(!meta.due(T0 + 5 * DAY_MS, 21, Some(0)));
        assert!(meta.due(T0 + 5 * DAY_MS, 22, Some(0)));
        assert!(meta.due(T0 + 30 * DAY_MS, 13, Some(0)));
    }

    #[test]
    fn putting_it_off_waits_for_the_next_ten_or_thirty() {
        let mut meta = BackupMeta::default();
        assert!(meta.due(T0, 10, Some(T0 - DAY_MS)));
        meta.snooze(T0, 10);
        assert!(!meta.due(T0 + DAY_MS, 15, Some(T0 - DAY_MS)));
        assert!(meta.due(T0 + DAY_MS, 20, Some(T0 - DAY_MS)));
        assert!(meta.due(T0 + 30 * DAY_MS, 11, Some(T0 - DAY_MS)));
        // A backup after the snooze counts from the backup.
        meta.backed_up(T0 + 2 * DAY_MS, 11);
        assert!(!meta.due(T0 + 3 * DAY_MS, 20, Some(T0 - DAY_MS)));
    }
}
