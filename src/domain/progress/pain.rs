//! What the person's pain ratings say: whether to ask if pain has settled after a session
//! (Cleveland Clinic, S003: "if pain lasts more than 20 minutes after finishing, that
//! exercise is not right for you"), and whether pain has not improved over the weeks
//! (NHS, The Physio Box, S000/S001: expect improvement after a few weeks; no improvement
//! after 2–3 weeks is a reason to get advice).

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use crate::domain::dates::{local_day, mondays, week_index};
use crate::domain::progress::calendar::session_day;
use crate::domain::records::safety::{AFTER_CHECK_MINUTES, STOP_PAIN};
use crate::domain::records::session_record::{Hurt, SessionLog, SessionRecord};
use crate::domain::Millis;

/// How long after a session the person is asked whether their pain has settled.
pub const AFTER_CHECK_MS: Millis = AFTER_CHECK_MINUTES as Millis * 60_000;

/// Days the ratings must span, from the first rated day to today, both counted, before
/// the app compares them: two weeks, the low end of the sources' "2–3 weeks".
const TREND_MIN_DAYS: u64 = 14;
/// Days in each of the two weeks compared.
const TREND_WEEK_DAYS: u64 = 7;

/// Why the person is asked, after a session, whether their pain has settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterCheckReason {
    /// Pain was rated before and after, and was higher after.
    Rose { before: u8, after: u8 },
    /// Pain after was [`STOP_PAIN`] or more, whatever it was before (or if not given).
    HighAfter { after: u8 },
    /// The person said "It hurts" during the session; the highest rating given.
    Hurt { rating: u8 },
}

/// Why `record` calls for the after-session check, if it does: pain that rose, a
/// rating of [`STOP_PAIN`] or more at the end, or any "It hurts" during it.
pub fn after_check_reason(record: &SessionRecord) -> Option<AfterCheckReason> {
    match (record.pain_before, record.pain_after) {
        (Some(before), Some(after)) if after > before => {
            return Some(AfterCheckReason::Rose { before, after })
        }
        (_, Some(after)) if after >= STOP_PAIN => {
            return Some(AfterCheckReason::HighAfter { after })
        }
        _ => {}
    }
    let rating = record.hurts.iter().map(|h| h.rating).max()?;
    Some(AfterCheckReason::Hurt { rating })
}

/// When the "has your pain settled?" check becomes due for `record`: 20 minutes after
/// it ended. `None` when it never will: nothing in the session called for it
/// ([`after_check_reason`]), or it was answered already. (Whether it is still asked
/// depends on the day; see [`after_check_due`].)
pub fn after_check_at(record: &SessionRecord) -> Option<Millis> {
    (after_check_reason(record).is_some() && record.after_check.is_none())
        .then(|| record.ended_at.saturating_add(AFTER_CHECK_MS))
}

/// The session to ask "has your pain settled?" about at `now`, if any, on a clock
/// `offset_min` minutes ahead of UTC.
///
/// The source's rule is about the 20 minutes after exercise, so the question is asked
/// only on the local day it fell due (for nearly every session, the day of the session
/// itself): one not answered by the end of that day is dropped, not asked later. Of
/// the sessions whose question is due, the one that ended last is asked about.
pub fn after_check_due(
    sessions: &SessionLog,
    now: Millis,
    offset_min: i32,
) -> Option<&SessionRecord> {
    let today = local_day(now, offset_min);
    sessions
        .records
        .iter()
        .filter(|r| {
            after_check_at(r).is_some_and(|due| due <= now && local_day(due, offset_min) == today)
        })
        .max_by_key(|r| r.ended_at)
}

/// The exercises to offer to set aside after "Still hurting", each once, in the order of
/// the session: those at least partly done (a rep, or time spent on it) and those the
/// person said "It hurts" in. Each comes with whether it starts ticked: only the ones
/// flagged with "It hurts" do; the person chooses the rest.
pub fn after_check_choices(record: &SessionRecord) -> Vec<(String, bool)> {
    let hurt = |id: &str| record.hurts.iter().any(|h| h.exercise == id);
    let mut seen = BTreeSet::new();
    record
        .exercises
        .iter()
        .filter(|e| e.tried() || hurt(&e.exercise))
        .filter(|e| seen.insert(e.exercise.as_str()))
        .map(|e| (e.exercise.clone(), hurt(&e.exercise)))
        .collect()
}

/// Every "It hurts" of [`STOP_PAIN`] or more in the session, in order: the summary says
/// the exercise was stopped whenever one rating reached it, whatever came after (a stop
/// at 8, then a 4 later, still shows the stop).
pub fn stops_for_pain(record: &SessionRecord) -> Vec<&Hurt> {
    record
        .hurts
        .iter()
        .filter(|h| h.rating >= STOP_PAIN)
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

/// The average pain ratings given in the sessions of one week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PainWeek {
    /// The first day of the week.
    pub monday: NaiveDate,
    /// The average of the ratings given just before a session; `None` when none were.
    pub before: Option<f32>,
    /// The average of the ratings given just after a session; `None` when none were.
    pub after: Option<f32>,
}

/// A running sum of ratings.
#[derive(Default)]
struct Average {
    sum: u32,
    count: u32,
}

impl Average {
    fn add(&mut self, rating: Option<u8>) {
        if let Some(r) = rating {
            self.sum = self.sum.saturating_add(u32::from(r));
            self.count = self.count.saturating_add(1);
        }
    }

    fn get(&self) -> Option<f32> {
        // Ratings are 0 to 10 and counts small, so the sums convert to f32 exactly.
        (self.count > 0).then(|| self.sum as f32 / self.count as f32)
    }
}

/// The average pain ratings of the same weeks as [`weeks`], oldest first, the weeks kept
/// as totals ([`SessionLog::older`]) included.
pub fn pain_weeks(
    sessions: &SessionLog,
    today: NaiveDate,
    count: usize,
    fallback_offset_min: i32,
) -> Vec<PainWeek> {
    let mondays = mondays(today, count);
    let older_weeks = sessions.older_weeks();
    let mut sums: Vec<(Average, Average)> = mondays
        .iter()
        .map(|&monday| {
            let older = older_weeks.iter().find(|w| w.monday == monday);
            let average = |(sum, count)| Average { sum, count };
            (
                older.map_or_else(Average::default, |w| average(w.before)),
                older.map_or_else(Average::default, |w| average(w.after)),
            )
        })
        .collect();
    for record in &sessions.records {
        let day = session_day(record, fallback_offset_min);
        if let Some((before, after)) = week_index(&mondays, day).and_then(|i| sums.get_mut(i)) {
            before.add(record.pain_before);
            after.add(record.pain_after);
        }
    }
    mondays
        .iter()
        .zip(&sums)
        .map(|(&monday, (before, after))| PainWeek {
            monday,
            before: before.get(),
            after: after.get(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Log;
    use crate::domain::records::session_record::{AfterCheck, ExerciseRecord};
    use crate::domain::test_support::{at, date};

    const MINUTE: Millis = 60_000;

    #[test]
    fn a_stop_for_pain_shows_even_when_a_lower_rating_came_after() {
        let hurt = |exercise: &str, rating| Hurt {
            exercise: exercise.into(),
            rating,
            at: 0,
        };
        let mut record = session(at(date(2026, 11, 20), 9, 10), None, None);
        record.hurts = vec![hurt("pelvic-tilt", 8), hurt("knee-rolls", 4)];
        let stops: Vec<(&str, u8)> = stops_for_pain(&record)
            .iter()
            .map(|h| (h.exercise.as_str(), h.rating))
            .collect();
        assert_eq!(
            stops,
            [("pelvic-tilt", 8)],
            "the 4 after the 8 hides nothing"
        );
        record.hurts.push(hurt("double-knee-hug", 7));
        assert_eq!(stops_for_pain(&record).len(), 2);
        record.hurts = vec![hurt("pelvic-tilt", 6)];
        assert!(stops_for_pain(&record).is_empty(), "below 7, no stop");
    }

    /// A 10-minute session ending at `ended_at` (UTC clock), with these ratings.
    fn session(ended_at: Millis, before: Option<u8>, after: Option<u8>) -> SessionRecord {
        SessionRecord {
            routine_id: "gentle-start".into(),
            routine_name: "A gentle start".into(),
            started_at: ended_at - 10 * MINUTE,
            salt: 0,
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

    fn hurt(exercise: &str, rating: u8) -> Hurt {
        Hurt {
            exercise: exercise.into(),
            rating,
            at: 0,
        }
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
        assert!(after_check_due(&sessions, ended + 19 * MINUTE + 59_000, 0).is_none());
        assert_eq!(
            after_check_due(&sessions, ended + 20 * MINUTE, 0).map(|r| r.ended_at),
            Some(ended)
        );
    }

    #[test]
    fn what_calls_for_the_check() {
        let ended = at(date(2026, 11, 20), 9, 30);
        let later = ended + 30 * MINUTE;
        let reason = |before, after, hurts: Vec<Hurt>| {
            let mut r = session(ended, before, after);
            r.hurts = hurts;
            let due = after_check_due(&log(vec![r.clone()]), later, 0).is_some();
            assert_eq!(
                due,
                after_check_reason(&r).is_some(),
                "{before:?} {after:?}"
            );
            after_check_reason(&r)
        };
        use AfterCheckReason::{HighAfter, Rose};
        assert_eq!(
            reason(Some(3), Some(5), vec![]),
            Some(Rose {
                before: 3,
                after: 5
            })
        );
        // A rating at the end alone: 7 or more asks, whatever came before.
        assert_eq!(reason(None, Some(7), vec![]), Some(HighAfter { after: 7 }));
        assert_eq!(
            reason(Some(8), Some(8), vec![]),
            Some(HighAfter { after: 8 })
        );
        assert_eq!(reason(None, Some(6), vec![]), None);
        // "It hurts" during the session asks, with or without ratings.
        assert_eq!(
            reason(None, None, vec![hurt("bridge", 4), hurt("bridge", 8)]),
            Some(AfterCheckReason::Hurt { rating: 8 })
        );
        assert_eq!(
            reason(Some(2), Some(2), vec![hurt("bridge", 3)]),
            Some(AfterCheckReason::Hurt { rating: 3 })
        );
        // Nothing that calls for it.
        for (before, after) in [
            (Some(3), Some(3)),
            (Some(5), Some(2)),
            (Some(2), None),
            (None, None),
        ] {
            assert_eq!(reason(before, after, vec![]), None, "{before:?} {after:?}");
        }
    }

    #[test]
    fn the_check_is_asked_only_on_the_day_it_fell_due() {
        let day = date(2026, 11, 20);
        let ended = at(day, 10, 0);
        let sessions = log(vec![session(ended, None, Some(7))]);
        assert!(after_check_due(&sessions, at(day, 10, 21), 0).is_some());
        assert!(after_check_due(&sessions, at(day, 23, 59), 0).is_some());
        assert!(
            after_check_due(&sessions, at(date(2026, 11, 21), 0, 0), 0).is_none(),
            "not answered by the end of the day: dropped"
        );
        assert!(after_check_due(&sessions, at(date(2026, 11, 21), 10, 0), 0).is_none());
        // The day is the person's local one: at UTC-5, 04:30 UTC on the 21st is still
        // 23:30 on the 20th there, and 05:00 UTC is midnight.
        assert!(after_check_due(&sessions, at(date(2026, 11, 21), 4, 30), -300).is_some());
        assert!(after_check_due(&sessions, at(date(2026, 11, 21), 5, 0), -300).is_none());
        // A session ending at 23:50 falls due at 00:10: it is asked on that day.
        let late = log(vec![session(at(day, 23, 50), None, Some(8))]);
        assert!(after_check_due(&late, at(date(2026, 11, 21), 0, 9), 0).is_none());
        assert!(after_check_due(&late, at(date(2026, 11, 21), 0, 10), 0).is_some());
        assert!(after_check_due(&late, at(date(2026, 11, 22), 0, 0), 0).is_none());
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
        assert!(after_check_due(&sessions, at(day, 18, 0), 0).is_none());

        // An earlier unanswered one of the same day is the one to ask about.
        let earlier = session(at(day, 8, 0), Some(1), Some(3));
        let sessions = log(vec![earlier.clone(), settled]);
        assert_eq!(
            after_check_due(&sessions, at(day, 18, 0), 0),
            Some(&earlier)
        );
    }

    #[test]
    fn only_the_latest_due_session_is_asked_about() {
        let day = date(2026, 11, 20);
        let first = session(at(day, 8, 0), Some(2), Some(4));
        let second = session(at(day, 12, 0), Some(3), Some(6));
        let third = session(at(day, 17, 50), Some(3), Some(6));
        let sessions = log(vec![first, second.clone(), third.clone()]);
        // At 18:00 the third is not yet due: the second is.
        assert_eq!(after_check_due(&sessions, at(day, 18, 0), 0), Some(&second));
        assert_eq!(after_check_due(&sessions, at(day, 18, 10), 0), Some(&third));
    }

    #[test]
    fn choices_list_each_exercise_once_ticking_only_those_that_hurt() {
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
            ex("dead-bug", 0, 0),
        ];
        // Nothing is ticked before the person chooses.
        assert_eq!(
            after_check_choices(&record),
            [
                ("pelvic-tilt".to_string(), false),
                ("knee-rolls".to_string(), false),
                ("bridge".to_string(), false)
            ]
        );
        // "It hurts" in the knee rolls and in the dead bug (stopped during its get
        // ready, nothing done): both listed, both ticked.
        record.hurts = vec![hurt("knee-rolls", 5), hurt("dead-bug", 8)];
        assert_eq!(
            after_check_choices(&record),
            [
                ("pelvic-tilt".to_string(), false),
                ("knee-rolls".to_string(), true),
                ("bridge".to_string(), false),
                ("dead-bug".to_string(), true)
            ]
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
