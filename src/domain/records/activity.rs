//! Activities the person logs by hand: a walk, a swim, a bike ride or anything else they
//! did away from the guided sessions, with the day and how many minutes it took.
//!
//! The form's text is checked by [`parse_entry`], which answers with a plain message for
//! each thing that needs fixing.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::dates::{local_day, parse_iso, short_date, DAY_MS, EARLIEST_MS};
pub use crate::domain::ids::Tombstone;
use crate::domain::ids::{self, is_zero, Keyed, Log};
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// The kind of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A walk.
    Walk,
    /// A swim or other exercise in water.
    Swim,
    /// A bike ride, outdoors or on a stationary bike.
    Ride,
    /// Anything else.
    Other,
}

impl ActivityKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Walk,
        ActivityKind::Swim,
        ActivityKind::Ride,
        ActivityKind::Other,
    ];

    /// A short, stable name for forms and links: `"walk"`, `"swim"`, `"ride"`, `"other"`.
    pub fn slug(self) -> &'static str {
        match self {
            ActivityKind::Walk => "walk",
            ActivityKind::Swim => "swim",
            ActivityKind::Ride => "ride",
            ActivityKind::Other => "other",
        }
    }

    /// The kind with this slug, if there is one.
    pub fn from_slug(s: &str) -> Option<ActivityKind> {
        ActivityKind::ALL.into_iter().find(|k| k.slug() == s)
    }

    /// The name shown to the person.
    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Walk => "Walk",
            ActivityKind::Swim => "Swim",
            ActivityKind::Ride => "Bike ride",
            ActivityKind::Other => "Other activity",
        }
    }
}

/// One logged activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// When it was first logged. It stays the same when the activity is edited, so it is
    /// the time part of the activity's id ([`Activity::key`]).
    pub id: Millis,
    /// The random part of its id (0 in activities logged before it was kept).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub salt: u32,
    /// The local day it was done on (stored as `"YYYY-MM-DD"`).
    #[serde(with = "crate::domain::dates::iso_day")]
    pub day: NaiveDate,
    /// What it was.
    pub kind: ActivityKind,
    /// How long it took, in minutes.
    pub minutes: u16,
    /// The person's own words about it; may be empty (and is then left out of the
    /// stored form, as is an `updated_at` of 0).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When it was last edited; 0 when it never was, which counts as when it was logged
    /// (its id). See [`Activity::version`].
    #[serde(default, skip_serializing_if = "ids::is_zero_ms")]
    pub updated_at: Millis,
}

// Its id: when it was logged, and its salt. Which of two copies of this activity is the
// newer: the later of when it was logged and when it was last edited.
ids::keyed!(Activity, at = id, version = |a| a.updated_at.max(a.id));

/// The most minutes one activity may have: the app's own check against typing mistakes.
pub const MAX_MINUTES: u16 = 600;

/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 200;

/// How many days back from today an activity may be logged.
pub const MAX_DAYS_BACK: u64 = 366;

/// Every activity the person has logged.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivityLog {
    /// In order of day, then of id.
    pub records: Vec<Activity>,
    /// The activities deleted, one per id, in order of id; at most
    /// [`MAX_TOMBSTONES`](crate::domain::ids::MAX_TOMBSTONES) (the latest). No activity of the
    /// log has a tombstone.
    pub deleted: Vec<Tombstone>,
}

// Kept by day, then by id (an edit may move an activity to another day).
crate::domain::ids::log_in_fields!(
    ActivityLog,
    Activity,
    order = |records: &mut [Activity]| { records.sort_by_key(|a| (a.day, a.key())) }
);

impl Record for ActivityLog {
    const NAME: &'static str = "activities";
    /// 2: activities gained `salt`. An app that reads only schema 1 would drop it when
    /// saving, so it must refuse this data as newer instead.
    const SCHEMA: u32 = 2;

    const MERGES: bool = true;

    fn merge_from(&mut self, other: &Self) {
        self.merge(other);
    }

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // The salt has a default: the data only has to be a log.
            1 => {
                ids::check_log_shape(&data)?;
                Ok(data)
            }
            _ => Err(format!("no migration from schema {from}")),
        }
    }
}

/// What is wrong with the activity form. Each message is shown to the person as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// The day is empty or not a date.
    #[error("Enter the date as a day, month and year.")]
    BadDay,
    /// The day is after today.
    #[error("The date can't be in the future.")]
    FutureDay,
    /// The day is more than [`MAX_DAYS_BACK`] days ago.
    #[error("That date is more than a year ago.")]
    TooLongAgo,
    /// The minutes are empty or not a whole number.
    #[error("Enter the minutes as a whole number, like 20.")]
    BadMinutes,
    /// The minutes are 0.
    #[error("Enter at least 1 minute.")]
    NoMinutes,
    /// The minutes are more than [`MAX_MINUTES`].
    #[error("That's more than {max} minutes; enter up to {max}.", max = MAX_MINUTES)]
    TooManyMinutes,
    /// The note has more than [`MAX_NOTE_CHARS`] characters.
    #[error("Keep the note to {max} characters or fewer.", max = MAX_NOTE_CHARS)]
    NoteTooLong,
}

/// A checked activity form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The day it was done on: today or up to [`MAX_DAYS_BACK`] days before.
    pub day: NaiveDate,
    /// From 1 to [`MAX_MINUTES`].
    pub minutes: u16,
    /// Trimmed; at most [`MAX_NOTE_CHARS`] characters.
    pub note: String,
}

/// Checks a form: `day` as an `<input type=date>` gives it (`"2026-11-21"`), `minutes` as
/// typed (surrounding spaces are ignored; digits only), `note` trimmed. The first problem
/// found is returned, in the order of the form's fields.
pub fn parse_entry(
    day: &str,
    minutes: &str,
    note: &str,
    today: NaiveDate,
) -> Result<Entry, EntryError> {
    let day = parse_day(day, today)?;
    let minutes = parse_minutes(minutes)?;
    let note = note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(EntryError::NoteTooLong);
    }
    Ok(Entry {
        day,
        minutes,
        note: note.to_owned(),
    })
}

/// The day typed, checked against today.
fn parse_day(text: &str, today: NaiveDate) -> Result<NaiveDate, EntryError> {
    let text = text.trim();
    // An `<input type=date>` always gives `YYYY-MM-DD`; anything else is refused rather
    // than guessed at.
    let day = parse_iso(text).ok_or(EntryError::BadDay)?;
    if day > today {
        return Err(EntryError::FutureDay);
    }
    let earliest = today
        .checked_sub_days(Days::new(MAX_DAYS_BACK))
        .unwrap_or(NaiveDate::MIN);
    if day < earliest {
        return Err(EntryError::TooLongAgo);
    }
    Ok(day)
}

/// The minutes typed: a whole number from 1 to [`MAX_MINUTES`].
fn parse_minutes(text: &str) -> Result<u16, EntryError> {
    let text = text.trim();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(EntryError::BadMinutes);
    }
    let digits = text.trim_start_matches('0');
    if digits.is_empty() {
        return Err(EntryError::NoMinutes);
    }
    // Only digits are left, so the number fails to parse only when it is too big for u16.
    match digits.parse::<u16>() {
        Ok(m) if m <= MAX_MINUTES => Ok(m),
        _ => Err(EntryError::TooManyMinutes),
    }
}

impl Activity {
    /// Checks an activity read from outside the app (an import) at `now`, the `n`th of
    /// its list: `Err` with a plain reason when it can't be kept. A day between 2000 and
    /// the day after `now`'s, not logged in the future, 1 to [`MAX_MINUTES`] minutes, a
    /// note of at most [`MAX_NOTE_CHARS`] characters.
    pub fn check(&self, n: usize, now: Millis) -> Result<(), String> {
        let latest = local_day(now, 0)
            .checked_add_days(Days::new(1))
            .unwrap_or(NaiveDate::MAX);
        if self.day < local_day(EARLIEST_MS, 0) {
            return Err(format!(
                "Activity {n} in the file: its date is before 2000."
            ));
        }
        if self.day > latest {
            return Err(format!(
                "Activity {n} in the file: its date is in the future."
            ));
        }
        let label = format!("Activity of {}", short_date(self.day));
        if self.id > now.saturating_add(DAY_MS) {
            return Err(format!("{label}: it was logged at a time in the future."));
        }
        if !(1..=MAX_MINUTES).contains(&self.minutes) {
            return Err(format!(
                "{label}: {} minutes is not between 1 and {MAX_MINUTES}.",
                self.minutes
            ));
        }
        if self.note.chars().count() > MAX_NOTE_CHARS {
            return Err(format!(
                "{label}: its note is longer than {MAX_NOTE_CHARS} characters."
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Log;
    use crate::domain::storage::schema::{decode, encode};
    use crate::domain::test_support::date;

    fn activity(id: Millis, day: NaiveDate, minutes: u16) -> Activity {
        Activity {
            id,
            salt: 0,
            day,
            kind: ActivityKind::Walk,
            minutes,
            note: String::new(),
            updated_at: 0,
        }
    }

    fn ids(log: &ActivityLog) -> Vec<Millis> {
        log.records.iter().map(|a| a.id).collect()
    }

    fn today() -> NaiveDate {
        date(2026, 11, 21)
    }

    fn minutes(text: &str) -> Result<u16, EntryError> {
        parse_entry("2026-11-21", text, "", today()).map(|e| e.minutes)
    }

    fn day(text: &str) -> Result<NaiveDate, EntryError> {
        parse_entry(text, "20", "", today()).map(|e| e.day)
    }

    #[test]
    fn kinds_have_stable_slugs_and_labels() {
        for k in ActivityKind::ALL {
            assert_eq!(ActivityKind::from_slug(k.slug()), Some(k));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.slug())
            );
        }
        assert_eq!(ActivityKind::from_slug("Walk"), None);
        assert_eq!(ActivityKind::from_slug(""), None);
        assert_eq!(ActivityKind::Ride.label(), "Bike ride");
        assert_eq!(ActivityKind::Other.label(), "Other activity");
    }

    #[test]
    fn upsert_keeps_day_then_id_order() {
        let mut log = ActivityLog::default();
        log.upsert(activity(30, date(2026, 11, 20), 10));
        log.upsert(activity(10, date(2026, 11, 21), 10));
        log.upsert(activity(20, date(2026, 11, 20), 10));
        log.upsert(activity(5, date(2026, 11, 19), 10));
        assert_eq!(ids(&log), [5, 20, 30, 10]);
    }

    #[test]
    fn upsert_replaces_by_id_and_moves_to_the_new_day() {
        let mut log = ActivityLog::default();
        for (id, d) in [(1, 18), (2, 19), (3, 20)] {
            log.upsert(activity(id, date(2026, 11, d), 10));
        }
        log.upsert(activity(2, date(2026, 11, 19), 45));
        assert_eq!(ids(&log), [1, 2, 3]);
        assert_eq!(log.get(2).unwrap().minutes, 45);

        log.upsert(activity(1, date(2026, 11, 21), 15));
        assert_eq!(ids(&log), [2, 3, 1]);
        assert_eq!(log.records.len(), 3);
        assert_eq!(log.get(1).unwrap().day, date(2026, 11, 21));
    }

    #[test]
    fn remove_gives_back_what_it_took() {
        let mut log = ActivityLog::default();
        log.upsert(activity(1, date(2026, 11, 18), 10));
        log.upsert(activity(2, date(2026, 11, 19), 20));
        assert_eq!(
            log.remove(1, 500),
            Some(activity(1, date(2026, 11, 18), 10))
        );
        assert_eq!(log.remove(1, 600), None);
        assert!(log.get(1).is_none());
        assert_eq!(ids(&log), [2]);
        assert_eq!(
            log.deleted,
            [Tombstone {
                id: 1,
                salt: 0,
                at: 500
            }]
        );
        assert_eq!(log.remove(99, 700), None);
        assert_eq!(log.deleted.len(), 1, "nothing removed, nothing recorded");
    }

    #[test]
    fn a_tombstone_is_never_older_than_what_it_deleted() {
        let mut log = ActivityLog::default();
        let mut a = activity(1_000, date(2026, 11, 18), 10);
        a.updated_at = 5_000;
        log.upsert(a);
        // The clock went back between the edit and the deletion.
        log.remove(1_000, 4_000);
        assert_eq!(
            log.deleted,
            [Tombstone {
                id: 1_000,
                salt: 0,
                at: 5_000
            }]
        );
    }

    #[test]
    fn undo_drops_the_tombstone_and_wins_over_the_deletion() {
        let mut log = ActivityLog::default();
        log.upsert(activity(1, date(2026, 11, 18), 10));
        let removed = log.remove(1, 500).unwrap();
        let elsewhere = log.clone();
        // Undo with the activity as it was: its version (1) is older than the deletion.
        log.upsert(removed);
        assert!(log.deleted.is_empty());
        assert_eq!(log.get(1).unwrap().updated_at, 501);
        let mut merged = elsewhere.clone();
        merged.merge(&log);
        assert_eq!(merged, log, "the undo wins in the other tab too");
    }

    #[test]
    fn only_the_latest_tombstones_are_kept() {
        let mut log = ActivityLog::default();
        let total = crate::domain::ids::MAX_TOMBSTONES as i64 + 5;
        for id in 1..=total {
            log.upsert(activity(id, date(2026, 11, 18), 10));
            log.remove(id, 10_000 + id);
        }
        assert_eq!(log.deleted.len(), crate::domain::ids::MAX_TOMBSTONES);
        assert_eq!(log.deleted.first().unwrap().id, 6, "the 5 oldest went");
        assert_eq!(log.deleted.last().unwrap().id, total);
        assert!(log.deleted.windows(2).all(|w| w[0].id < w[1].id));
    }

    /// An activity edited at `at` to `minutes`.
    fn edit(log: &mut ActivityLog, id: Millis, minutes: u16, at: Millis) {
        let mut a = log.get(id).unwrap().clone();
        a.minutes = minutes;
        a.updated_at = at;
        log.upsert(a);
    }

    #[test]
    fn two_tabs_lose_nothing() {
        const T: Millis = 1_795_000_000_000;
        let mut base = ActivityLog::default();
        for (i, d) in [(1, 16), (2, 17), (3, 18), (4, 19)] {
            base.upsert(activity(T + i, date(2026, 11, d), 10));
        }

        let mut one = base.clone();
        let mut two = base.clone();
        // Both tabs log something new.
        one.upsert(activity(T + 100, date(2026, 11, 20), 15));
        two.upsert(activity(T + 200, date(2026, 11, 21), 25));
        // Both edit activity 1; tab two's edit is the later one.
        edit(&mut one, T + 1, 30, T + 1_000);
        edit(&mut two, T + 1, 40, T + 2_000);
        // Tab one deletes activity 2 after tab two edited it: the deletion wins.
        edit(&mut two, T + 2, 50, T + 1_500);
        one.remove(T + 2, T + 3_000);
        // Tab two edits activity 3 after tab one deleted it: the edit wins.
        one.remove(T + 3, T + 1_000);
        edit(&mut two, T + 3, 60, T + 4_000);
        // Tab one deletes activity 4, then undoes it.
        let gone = one.remove(T + 4, T + 5_000).unwrap();
        let mut undone = gone.clone();
        undone.updated_at = T + 5_500;
        one.upsert(undone);
        // ...while tab two had already seen the deletion.
        let mut seen = base.clone();
        seen.remove(T + 4, T + 5_000);
        two.merge(&seen);
        assert!(two.get(T + 4).is_none());

        let mut a = one.clone();
        a.merge(&two);
        let mut b = two.clone();
        b.merge(&one);
        assert_eq!(a, b, "both tabs end with the same log");
        assert_eq!(
            ids(&a),
            [T + 1, T + 3, T + 4, T + 100, T + 200],
            "adds on both sides kept, the deletion of 2 too"
        );
        assert_eq!(a.get(T + 1).unwrap().minutes, 40, "the later edit wins");
        assert_eq!(
            a.get(T + 3).unwrap().minutes,
            60,
            "an edit after a delete wins"
        );
        assert_eq!(
            a.get(T + 4).unwrap().minutes,
            10,
            "the undo beats the delete"
        );
        assert_eq!(
            a.deleted,
            [Tombstone {
                id: T + 2,
                salt: 0,
                at: T + 3_000
            }]
        );

        let mut again = a.clone();
        again.merge(&one);
        again.merge(&two);
        again.merge(&a);
        assert_eq!(again, a, "merging again changes nothing");
    }

    #[test]
    fn on_a_tie_the_merge_keeps_its_own() {
        let mut mine = ActivityLog::default();
        mine.upsert(activity(1, date(2026, 11, 18), 10));
        let mut theirs = ActivityLog::default();
        theirs.upsert(activity(1, date(2026, 11, 18), 20));
        mine.merge(&theirs);
        assert_eq!(mine.get(1).unwrap().minutes, 10);
    }

    #[test]
    fn the_log_round_trips_through_storage() {
        let mut log = ActivityLog::default();
        log.upsert(Activity {
            id: 1_795_215_300_000,
            salt: 0,
            day: date(2026, 11, 20),
            kind: ActivityKind::Swim,
            minutes: 35,
            note: "Backstroke, née easy ✓".into(),
            updated_at: 1_795_215_900_000,
        });
        log.upsert(activity(1_795_215_400_000, date(2026, 11, 21), 5));
        log.upsert(activity(1_795_215_500_000, date(2026, 11, 21), 5));
        log.remove(1_795_215_500_000, 1_795_215_600_000);
        let text = encode(&log, 7).unwrap();
        assert!(text.contains(r#""day":"2026-11-20""#), "{text}");
        assert!(text.contains(r#""kind":"swim""#), "{text}");
        assert_eq!(decode::<ActivityLog>(&text).unwrap().data, log);
    }

    #[test]
    fn schema_1_fixture_loads() {
        let v1 = r#"{"schema":1,"saved_at":1795215300000,"data":{"records":[
            {"id":1795215300000,"day":"2026-11-20","kind":"ride","minutes":40}]}}"#;
        let log = decode::<ActivityLog>(v1).unwrap().data;
        assert_eq!(log.records.len(), 1);
        assert_eq!(log.records[0].kind, ActivityKind::Ride);
        assert_eq!(log.records[0].note, "");
        assert_eq!(log.records[0].updated_at, 0);
        assert_eq!(log.records[0].version(), 1_795_215_300_000);
        assert!(log.deleted.is_empty());
        let empty = r#"{"schema":1,"saved_at":1,"data":{}}"#;
        assert_eq!(
            decode::<ActivityLog>(empty).unwrap().data,
            ActivityLog::default()
        );
    }

    #[test]
    fn a_good_form_is_accepted_and_trimmed() {
        assert_eq!(
            parse_entry(" 2026-11-20 ", " 20 ", "  by the river \n", today()),
            Ok(Entry {
                day: date(2026, 11, 20),
                minutes: 20,
                note: "by the river".into(),
            })
        );
    }

    #[test]
    fn minutes_boundaries() {
        assert_eq!(minutes("0"), Err(EntryError::NoMinutes));
        assert_eq!(minutes("000"), Err(EntryError::NoMinutes));
        assert_eq!(minutes("1"), Ok(1));
        assert_eq!(minutes("007"), Ok(7));
        assert_eq!(minutes("600"), Ok(600));
        assert_eq!(minutes("601"), Err(EntryError::TooManyMinutes));
        assert_eq!(minutes("65536"), Err(EntryError::TooManyMinutes));
        assert_eq!(
            minutes("99999999999999999999999"),
            Err(EntryError::TooManyMinutes)
        );
        assert_eq!(minutes(" 20 "), Ok(20));
        assert_eq!(minutes("\t20\n"), Ok(20));
    }

    #[test]
    fn minutes_must_be_a_whole_number() {
        for text in [
            "", " ", "2.5", "2,5", "-5", "+5", "20 min", "twenty", "1e2", "2 0", "２０",
        ] {
            assert_eq!(minutes(text), Err(EntryError::BadMinutes), "{text:?}");
        }
    }

    #[test]
    fn day_boundaries() {
        assert_eq!(day("2026-11-21"), Ok(today()));
        assert_eq!(day("2026-11-22"), Err(EntryError::FutureDay));
        assert_eq!(day("2027-01-01"), Err(EntryError::FutureDay));
        // 366 days before 2026-11-21 is 2025-11-20.
        assert_eq!(day("2025-11-20"), Ok(date(2025, 11, 20)));
        assert_eq!(day("2025-11-19"), Err(EntryError::TooLongAgo));
        assert_eq!(day("1970-01-01"), Err(EntryError::TooLongAgo));
    }

    #[test]
    fn day_must_be_a_date() {
        for text in [
            "",
            "   ",
            "21/11/2026",
            "2026-11-31",
            "2026-02-29",
            "2026-13-01",
            "2026-1-5",
            "+2026-11-20",
            "2026-11-20T10:00",
            "tomorrow",
        ] {
            assert_eq!(day(text), Err(EntryError::BadDay), "{text:?}");
        }
        // 2024 was a leap year; the day is then too long ago, not malformed.
        assert_eq!(day("2024-02-29"), Err(EntryError::TooLongAgo));
    }

    #[test]
    fn note_length_counts_characters_not_bytes() {
        let fits = "é".repeat(200);
        let entry = parse_entry("2026-11-21", "20", &fits, today()).unwrap();
        assert_eq!(entry.note, fits);
        let over = "é".repeat(201);
        assert_eq!(
            parse_entry("2026-11-21", "20", &over, today()),
            Err(EntryError::NoteTooLong)
        );
        assert!(parse_entry("2026-11-21", "20", &"a".repeat(200), today()).is_ok());
        assert!(parse_entry("2026-11-21", "20", &"a".repeat(201), today()).is_err());
        let padded = format!("  {}  ", "✓".repeat(200));
        assert!(parse_entry("2026-11-21", "20", &padded, today()).is_ok());
    }

    #[test]
    fn the_first_field_with_a_problem_is_reported() {
        assert_eq!(
            parse_entry("", "0", &"a".repeat(300), today()),
            Err(EntryError::BadDay)
        );
        assert_eq!(
            parse_entry("2026-11-21", "x", &"a".repeat(300), today()),
            Err(EntryError::BadMinutes)
        );
    }

    #[test]
    fn messages_are_plain_sentences() {
        assert_eq!(
            EntryError::TooManyMinutes.to_string(),
            "That's more than 600 minutes; enter up to 600."
        );
        assert_eq!(
            EntryError::NoteTooLong.to_string(),
            "Keep the note to 200 characters or fewer."
        );
        assert_eq!(
            EntryError::NoMinutes.to_string(),
            "Enter at least 1 minute."
        );
        assert_eq!(
            EntryError::BadDay.to_string(),
            "Enter the date as a day, month and year."
        );
    }

    /// Property tests: native only, as proptest does not build for the browser.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn parse_entry_never_panics(
                day in ".{0,16}",
                minutes in ".{0,12}",
                note in ".{0,260}",
                back in -400i64..800,
            ) {
                let today = today();
                let _ = parse_entry(&day, &minutes, &note, today);
                let _ = parse_entry(&day, &minutes, &note, NaiveDate::MIN);
                let _ = parse_entry(&day, &minutes, &note, NaiveDate::MAX);
                // A well-formed day is accepted exactly when it is in the window.
                let d = today - chrono::TimeDelta::days(back);
                let got = parse_entry(&d.format("%Y-%m-%d").to_string(), "20", "", today);
                prop_assert_eq!(got.is_ok(), (0..=366).contains(&back));
            }

            #[test]
            fn digits_parse_to_their_value(n in 0u32..100_000) {
                let got = parse_entry("2026-11-21", &n.to_string(), "", today());
                match n {
                    0 => prop_assert_eq!(got, Err(EntryError::NoMinutes)),
                    1..=600 => prop_assert_eq!(got.map(|e| u32::from(e.minutes)), Ok(n)),
                    _ => prop_assert_eq!(got, Err(EntryError::TooManyMinutes)),
                }
            }

            #[test]
            fn merge_is_commutative_and_idempotent(
                base in ops(),
                a in ops(),
                b in ops(),
            ) {
                let base = build(&ActivityLog::default(), &base);
                let a = build(&base, &a);
                let b = build(&base, &b);
                let ab = crate::domain::storage::schema::merge_laws(&a, &b)
                    .map_err(TestCaseError::fail)?;
                // Nothing is lost: each id of either is there at its highest version,
                // or deleted at least as late.
                for r in a.records.iter().chain(&b.records) {
                    let kept = ab.get(r.id).map(Activity::version);
                    let gone = ab.deleted.iter().find(|t| t.id == r.id).map(|t| t.at);
                    prop_assert!(
                        kept.is_some_and(|v| v >= r.version())
                            || gone.is_some_and(|at| at >= r.version()),
                        "{:?} lost", r
                    );
                }
                prop_assert!(ab.records.windows(2).all(|w| (w[0].day, w[0].id) < (w[1].day, w[1].id)));
                prop_assert!(ab.deleted.windows(2).all(|w| w[0].id < w[1].id));
                prop_assert!(ab.deleted.iter().all(|t| ab.get(t.id).is_none()));
            }
        }

        /// Upserts (id, version) and removals (id, time) on a log.
        fn ops() -> impl Strategy<Value = Vec<(bool, i64, i64)>> {
            prop::collection::vec((any::<bool>(), 1i64..12, 0i64..30), 0..10)
        }

        /// `base` after `ops`. Each activity's content follows from its id and version,
        /// as two copies of one activity with the same version always are.
        fn build(base: &ActivityLog, ops: &[(bool, i64, i64)]) -> ActivityLog {
            let mut log = base.clone();
            for &(upsert, id, at) in ops {
                // Times of edits and deletions come after every id, as on a real clock;
                // an `updated_at` of 0 is an activity never edited.
                if upsert {
                    let mut a = activity(id, today() - chrono::TimeDelta::days(id % 3), 1);
                    a.updated_at = if at == 0 { 0 } else { 100 + at };
                    log.upsert(a);
                } else {
                    log.remove(id, 100 + at);
                }
            }
            for a in &mut log.records {
                a.minutes = u16::try_from(a.version() % 600 + 1).unwrap();
                a.note = format!("v{}", a.version());
            }
            log
        }
    }
}
