//! What the person's pain ratings say: whether to ask if pain has settled after a session
//! (Cleveland Clinic, S003: "if pain lasts more than 20 minutes after finishing, that
//! exercise is not right for you"), and whether pain has not improved over the weeks
//! (NHS, The Physio Box, S000/S001: expect improvement after a few weeks; no improvement
//! after 2–3 weeks is a reason to get advice).

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use super::calendar::session_day;
use super::safety::AFTER_CHECK_MINUTES;
use super::session_record::{SessionLog, SessionRecord};
use super::Millis;

/// How long after a session the person is asked whether their pain has settled.
pub const AFTER_CHECK_MS: Millis = AFTER_CHECK_MINUTES as Millis * 60_000;

/// Sessions that ended longer ago than this many days (of 24 hours) are not asked about:
/// by then the answer says little about the exercises. The app's own choice.
pub const AFTER_CHECK_MAX_AGE_DAYS: i64 = 7;

/// Milliseconds in a day of 24 hours.
const DAY_MS: Millis = 24 * 60 * 60 * 1000;

/// Days the ratings must span, from the first rated day to today, both counted, before
/// the app compares them: two weeks, the low end of the sources' "2–3 weeks".
const TREND_MIN_DAYS: u64 = 14;
/// Days in each of the two weeks compared.
const TREND_WEEK_DAYS: u64 = 7;

/// True when the person rated their pain before and after, and it was higher after.
fn pain_rose(record: &SessionRecord) -> bool {
    matches!((record.pain_before, record.pain_after), (Some(before), Some(after)) if after > before)
}

/// When the "has your pain settled?" check becomes due for `record`: 20 minutes after
/// it ended. `None` when it never will: the pain was not rated higher after than
/// before, or the check was answered already. (Whether it is too old to ask about
/// depends on the time; see [`after_check_due`].)
pub fn after_check_at(record: &SessionRecord) -> Option<Millis> {
    (pain_rose(record) && record.after_check.is_none())
        .then(|| record.ended_at.saturating_add(AFTER_CHECK_MS))
}

/// The session to ask "has your pain settled?" about at `now`, if any.
///
/// It is the session that ended most recently among those that ended at least 20
/// minutes and at most [`AFTER_CHECK_MAX_AGE_DAYS`] days before `now`, with pain rated
/// higher after than before, and whose check was not answered yet. Only that one: older
/// ones are not asked about too.
pub fn after_check_due(sessions: &SessionLog, now: Millis) -> Option<&SessionRecord> {
    let max_age = AFTER_CHECK_MAX_AGE_DAYS * DAY_MS;
    sessions
        .records
        .iter()
        .filter(|r| {
            after_check_at(r).is_some_and(|due| due <= now)
                && now.saturating_sub(r.ended_at) <= max_age
        })
        .max_by_key(|r| r.ended_at)
}

/// The exercises to offer to mark "not for me" after "Still hurting": those of the
/// session that were at least partly done (a rep, or time spent on it), each once, in
/// the order they were done.
pub fn exercises_tried(record: &SessionRecord) -> Vec<String> {
    let mut seen = BTreeSet::new();
    record
        .exercises
        .iter()
        .filter(|e| e.reps_done > 0 || e.work_secs > 0)
        .filter(|e| seen.insert(e.exercise.as_str()))
        .map(|e| e.exercise.clone())
        .collect()
}

/// How the person's pain ratings compare between their first week and the last one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// The average rating (0 to 10) over the first 7 days with ratings.
    pub first_avg: f32,
    /// The average rating over the last 7 days, today included.
    pub latest_avg: f32,
    /// How many days the ratings span, from the first rated day to today, both counted.
    pub days: i64,
}

/// `Some` when the person's pain has not improved: their average rating over the last
/// 7 days is not lower than over their first 7.
///
/// Every rating counts, before and after each session, on the session's local day
/// ([`session_day`], with `fallback_offset_min` for records without an offset). The
/// ratings must span at least 14 days (the first rated day no later than 13 days before
/// `today`), and both weeks must have ratings; sessions dated after `today` are left
/// out. `None` as well when the last week's ratings are all 0: with no pain left there
/// is nothing to improve (the app's own addition).
pub fn not_improving(
    sessions: &SessionLog,
    today: NaiveDate,
    fallback_offset_min: i32,
) -> Option<Trend> {
    let ratings: Vec<(NaiveDate, u8)> = sessions
        .records
        .iter()
        .flat_map(|r| {
            let day = session_day(r, fallback_offset_min);
            [r.pain_before, r.pain_after]
                .into_iter()
                .flatten()
                .map(move |rating| (day, rating))
        })
        .filter(|(day, _)| *day <= today)
        .collect();
    let first_day = ratings.iter().map(|(day, _)| *day).min()?;
    if first_day > today.checked_sub_days(Days::new(TREND_MIN_DAYS - 1))? {
        return None;
    }
    let first_end = first_day.checked_add_days(Days::new(TREND_WEEK_DAYS - 1))?;
    let latest_start = today.checked_sub_days(Days::new(TREND_WEEK_DAYS - 1))?;
    // (sum, count) of the ratings on the days from `from` to `to`, both included.
    let total = |from: NaiveDate, to: NaiveDate| {
        ratings
            .iter()
            .filter(|(day, _)| from <= *day && *day <= to)
            .fold((0u32, 0u32), |(sum, n), (_, r)| {
                (sum + u32::from(*r), n + 1)
            })
    };
    let (first_sum, first_n) = total(first_day, first_end);
    let (latest_sum, latest_n) = total(latest_start, today);
    if first_n == 0 || latest_n == 0 || latest_sum == 0 {
        return None;
    }
    // Compared exactly, in whole numbers: latest / latest_n >= first / first_n.
    let not_lower =
        u64::from(latest_sum) * u64::from(first_n) >= u64::from(first_sum) * u64::from(latest_n);
    not_lower.then(|| Trend {
        first_avg: first_sum as f32 / first_n as f32,
        latest_avg: latest_sum as f32 / latest_n as f32,
        days: (today - first_day).num_days() + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session_record::{AfterCheck, ExerciseRecord};
    use crate::domain::test_support::{at, date};

    const MINUTE: Millis = 60_000;

    /// A 10-minute session ending at `ended_at` (UTC clock), with these ratings.
    fn session(ended_at: Millis, before: Option<u8>, after: Option<u8>) -> SessionRecord {
        SessionRecord {
            routine_id: "gentle-start".into(),
            routine_name: "A gentle start".into(),
            started_at: ended_at - 10 * MINUTE,
            ended_at,
            active_secs: 600,
            exercises: Vec::new(),
            tz_offset_min: Some(0),
            pain_before: before,
            pain_after: after,
            hurts: Vec::new(),
            after_check: None,
            updated_at: 0,
        }
    }

    fn log(records: Vec<SessionRecord>) -> SessionLog {
        let mut log = SessionLog::default();
        for r in records {
            log.upsert(r);
        }
        log
    }

    #[test]
    fn the_check_is_due_twenty_minutes_after_the_session() {
        let ended = at(date(2026, 11, 20), 9, 30);
        let sessions = log(vec![session(ended, Some(3), Some(5))]);
        assert_eq!(AFTER_CHECK_MS, 20 * MINUTE);
        assert_eq!(
            after_check_at(&sessions.records[0]),
            Some(ended + 20 * MINUTE)
        );
        assert!(after_check_due(&sessions, ended + 19 * MINUTE + 59_000).is_none());
        assert_eq!(
            after_check_due(&sessions, ended + 20 * MINUTE).map(|r| r.ended_at),
            Some(ended)
        );
    }

    #[test]
    fn the_check_is_only_for_pain_that_rose() {
        let ended = at(date(2026, 11, 20), 9, 30);
        let later = ended + 30 * MINUTE;
        for (before, after) in [
            (Some(3), Some(3)),
            (Some(5), Some(2)),
            (None, Some(6)),
            (Some(2), None),
        ] {
            let sessions = log(vec![session(ended, before, after)]);
            assert!(
                after_check_due(&sessions, later).is_none(),
                "{before:?} {after:?}"
            );
            assert_eq!(after_check_at(&sessions.records[0]), None);
        }
    }

    #[test]
    fn sessions_older_than_seven_days_are_not_asked_about() {
        let ended = at(date(2026, 11, 13), 9, 30);
        let sessions = log(vec![session(ended, Some(2), Some(4))]);
        assert!(after_check_due(&sessions, ended + 7 * DAY_MS).is_some());
        assert!(after_check_due(&sessions, ended + 7 * DAY_MS + 1).is_none());
    }

    #[test]
    fn answered_checks_are_not_asked_again() {
        let day = date(2026, 11, 20);
        let mut settled = session(at(day, 9, 30), Some(2), Some(4));
        settled.after_check = Some(AfterCheck::Settled);
        assert_eq!(after_check_at(&settled), None);
        let mut still = session(at(day, 12, 0), Some(2), Some(4));
        still.after_check = Some(AfterCheck::StillHurting);
        let sessions = log(vec![settled.clone(), still]);
        assert!(after_check_due(&sessions, at(day, 18, 0)).is_none());

        // An earlier unanswered one is the one to ask about.
        let earlier = session(at(date(2026, 11, 19), 9, 30), Some(1), Some(3));
        let sessions = log(vec![earlier.clone(), settled]);
        assert_eq!(after_check_due(&sessions, at(day, 18, 0)), Some(&earlier));
    }

    #[test]
    fn only_the_latest_due_session_is_asked_about() {
        let day = date(2026, 11, 20);
        let first = session(at(day, 8, 0), Some(2), Some(4));
        let second = session(at(day, 12, 0), Some(3), Some(6));
        let third = session(at(day, 17, 50), Some(3), Some(6));
        let sessions = log(vec![first, second.clone(), third.clone()]);
        // At 18:00 the third is not yet due: the second is.
        assert_eq!(after_check_due(&sessions, at(day, 18, 0)), Some(&second));
        assert_eq!(after_check_due(&sessions, at(day, 18, 10)), Some(&third));
    }

    #[test]
    fn exercises_tried_are_each_listed_once_in_order() {
        let ex = |id: &str, reps_done: u32, work_secs: u32| ExerciseRecord {
            exercise: id.into(),
            sets_planned: 1,
            sets_done: 0,
            reps_planned: 5,
            reps_done,
            skipped: false,
            work_secs,
        };
        let mut record = session(at(date(2026, 11, 20), 9, 0), Some(2), Some(4));
        record.exercises = vec![
            ex("pelvic-tilt", 5, 30),
            ex("knee-rolls", 0, 4),
            ex("double-knee-hug", 0, 0),
            ex("pelvic-tilt", 2, 10),
            ex("bridge", 1, 0),
        ];
        assert_eq!(
            exercises_tried(&record),
            ["pelvic-tilt", "knee-rolls", "bridge"]
        );
    }

    /// Sessions at 09:00 UTC on each (day, before, after).
    fn rated(days: &[(NaiveDate, u8, u8)]) -> SessionLog {
        log(days
            .iter()
            .map(|(day, before, after)| {
                let mut r = session(at(*day, 9, 10), Some(*before), Some(*after));
                r.started_at = at(*day, 9, 0);
                r
            })
            .collect())
    }

    #[test]
    fn no_improvement_needs_two_weeks_of_ratings() {
        let today = date(2026, 11, 20);
        // 13 days: 8 to 20 November.
        let short = rated(&[(date(2026, 11, 8), 4, 4), (today, 4, 4)]);
        assert_eq!(not_improving(&short, today, 0), None);
        // 14 days: 7 to 20 November.
        let two_weeks = rated(&[(date(2026, 11, 7), 4, 4), (today, 4, 4)]);
        assert_eq!(
            not_improving(&two_weeks, today, 0),
            Some(Trend {
                first_avg: 4.0,
                latest_avg: 4.0,
                days: 14
            }),
            "equal averages are not an improvement"
        );
    }

    #[test]
    fn the_first_week_is_compared_with_the_last() {
        let today = date(2026, 11, 20);
        let first = date(2026, 11, 1);
        // First week 1–7 Nov: 5, 3, 4, 4 → 4. Middle days don't count. Last week
        // 14–20 Nov: 4, 5 → 4.5.
        let worse = rated(&[
            (first, 5, 3),
            (date(2026, 11, 7), 4, 4),
            (date(2026, 11, 10), 9, 9),
            (date(2026, 11, 14), 4, 5),
        ]);
        assert_eq!(
            not_improving(&worse, today, 0),
            Some(Trend {
                first_avg: 4.0,
                latest_avg: 4.5,
                days: 20
            })
        );
        // Last week 3.5: lower, so improving.
        let better = rated(&[
            (first, 5, 3),
            (date(2026, 11, 7), 4, 4),
            (date(2026, 11, 10), 9, 9),
            (date(2026, 11, 14), 4, 3),
        ]);
        assert_eq!(not_improving(&better, today, 0), None);
        // No ratings in the last week: nothing to compare.
        let quiet = rated(&[(first, 5, 3), (date(2026, 11, 13), 6, 6)]);
        assert_eq!(not_improving(&quiet, today, 0), None);
        // No pain left: nothing to improve.
        let none = rated(&[(first, 0, 0), (today, 0, 0)]);
        assert_eq!(not_improving(&none, today, 0), None);
    }

    #[test]
    fn unrated_sessions_and_single_ratings() {
        let today = date(2026, 11, 20);
        let mut sessions = rated(&[(date(2026, 11, 1), 4, 4)]);
        let mut half = session(at(today, 10, 0), Some(5), None);
        half.started_at = at(today, 9, 50);
        sessions.upsert(half);
        sessions.upsert(session(at(date(2026, 10, 20), 10, 0), None, None));
        let trend = not_improving(&sessions, today, 0).unwrap();
        assert_eq!((trend.first_avg, trend.latest_avg), (4.0, 5.0));
        assert_eq!(trend.days, 20, "an unrated session does not start the span");
        // Sessions after today are left out.
        sessions.upsert(session(at(date(2026, 11, 21), 10, 0), Some(1), Some(1)));
        assert!(not_improving(&sessions, today, 0).is_some());
    }
}
