//! When to suggest doing a little more of an exercise, keeping it where it is, or going
//! back a step.
//!
//! The rule is NHS Inform's: "start with 5 reps of each exercise; add 1–2 reps every few
//! days if comfortable", with Spine-health's "progress in a controlled, gradual way" and
//! Cleveland Clinic's "stop if your pain reaches 7 out of 10" (S002, S003). The app reads
//! "every few days, if comfortable" as: the exercise was done in full on at least
//! [`MIN_DAYS`] different days of the last [`WINDOW_DAYS`], and each time the person's
//! pain after the session was no higher than before it. It then suggests 2 more reps,
//! never past [`rep_cap`], and once the reps can grow no more, a 2 s longer hold, never
//! past [`hold_cap`]. Any sign that pain rose holds it back instead.
//!
//! Nothing changes by itself: each suggestion is the person's to accept or decline
//! ([`Plan::decide`](crate::domain::routines::adjustments::Plan::decide)).

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};

use crate::domain::dates::DAY_MS;
use crate::domain::library::exercise::{reps_text, DoseLevel};
use crate::domain::library::exercise::{Amount, Dose, Origin, Work};
use crate::domain::library::Library;
use crate::domain::progress::calendar::session_day;
use crate::domain::records::safety::STOP_PAIN;
use crate::domain::records::session_record::{Completion, SessionLog, SessionRecord};
use crate::domain::routines::adjustments::Plan;
use crate::domain::sources::Source;
use crate::domain::Millis;

/// Which way a suggestion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Do a little more.
    More,
    /// Stay at the current level.
    Keep,
    /// Go back to an easier level.
    Ease,
}

/// A suggested change to the person's level of one exercise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The catalogue id of the exercise.
    pub exercise: String,
    /// Which way it goes.
    pub direction: Direction,
    /// The person's level now.
    pub from: DoseLevel,
    /// The level suggested (equal to `from` for [`Direction::Keep`]).
    pub to: DoseLevel,
}

impl Suggestion {
    /// One short line, e.g. "Bridge: try 12 reps", with the exercise's `name`.
    pub fn headline(&self, name: &str) -> String {
        match self.direction {
            Direction::More => format!("{name}: try {}", change_text(self.from, self.to)),
            Direction::Keep => format!("{name}: keep it at {}", reps_text(self.to.reps)),
            Direction::Ease => format!("{name}: go back to {}", change_text(self.from, self.to)),
        }
    }

    /// Records the person's answer to this suggestion at `now` in their plan.
    pub fn answer(&self, plan: &mut Plan, accepted: bool, now: Millis, library: &Library) {
        plan.decide(&self.exercise, (self.from, self.to), accepted, now, library);
    }

    /// Why, in plain words.
    pub fn reason(&self) -> String {
        match self.direction {
            Direction::More => format!(
                "You did all of it on at least {MIN_DAYS} different days in the past week, \
                 and your pain was no worse afterwards. Only go up if it feels comfortable."
            ),
            Direction::Keep => format!(
                "Your pain went up with it in the past week. Keep it at {} for now.",
                reps_text(self.to.reps)
            ),
            Direction::Ease => format!(
                "Your pain went up with it in the past week. Go back to {}.",
                change_text(self.from, self.to)
            ),
        }
    }
}

/// What changes from `from` to `to`: "12 reps", "a 7 s hold" or "12 reps with a 5 s hold".
fn change_text(from: DoseLevel, to: DoseLevel) -> String {
    let hold = to.hold_secs.filter(|_| from.hold_secs != to.hold_secs);
    match (from.reps != to.reps, hold) {
        (true, Some(secs)) => format!("{} with a {secs} s hold", reps_text(to.reps)),
        (false, Some(secs)) => format!("a {secs} s hold"),
        (_, None) => reps_text(to.reps),
    }
}

/// Shown with every suggestion: the rule is the app's reading of its source.
pub const RULE_NOTE: &str = "This is the app's own rule, based on NHS Inform's advice to add \
    1 or 2 reps every few days if it feels comfortable.";

/// The days looked back over, today included.
pub const WINDOW_DAYS: u64 = 7;
/// Different days, within the window, on which an exercise must have been done in full
/// and comfortably before the app suggests more ("every few days").
pub const MIN_DAYS: usize = 3;

/// Reps added by one suggestion: the top of NHS Inform's "1–2 reps".
const REP_STEP: u16 = 2;
/// Seconds added to a hold by one suggestion (the app's own: "a few seconds more").
const HOLD_STEP_SECS: u16 = 2;
/// How far the app lets a hold of its own choosing grow: two steps.
const APP_HOLD_GROWTH_SECS: u16 = HOLD_STEP_SECS;

/// The highest reps a suggestion may reach.
///
/// - A range a source gives (the bridge's 10–15): its top.
/// - A fixed number from NHS Inform (its "start with 5 reps", the app's default where a
///   source gives no reps): double the start, 10. NHS Inform gives no upper limit; this
///   cap is the app's own cautious choice, so that growing further is a matter for the
///   person's GP or physiotherapist.
/// - The person's own exercise with suggestions turned on: twice its start.
/// - Any other fixed number, from a source, the app or the person: its start. A source's "5 reps"
///   is not raised, and neither is a figure the app chose for a hold-still exercise.
pub fn rep_cap(reps: &Amount) -> u16 {
    match reps.origin {
        Origin::From(_) if reps.is_range() => reps.max,
        Origin::From(Source::NhsInform) => reps.start.saturating_mul(2),
        // The person's own exercise, where they turned suggestions on: the range its
        // dose gives (twice the start, as for NHS Inform's).
        Origin::Person if reps.is_range() => reps.max,
        // The person's own figure is otherwise never raised by a suggestion.
        Origin::From(_) | Origin::App | Origin::Person => reps.start,
    }
}

/// The highest hold, in seconds, a suggestion may reach.
///
/// - A range a source gives (hold 5–10 s): its top.
/// - A hold the app chose (where a source says "a few seconds" or nothing): one step of
///   2 s more than its start, so "a few seconds" (3 s) never goes past 5 s. The app's own
///   cautious choice.
/// - A fixed hold from a source (the bridge's 5 s): its start.
pub fn hold_cap(hold: &Amount) -> u16 {
    match hold.origin {
        Origin::From(_) if hold.is_range() => hold.max,
        Origin::App => hold.start.saturating_add(APP_HOLD_GROWTH_SECS),
        Origin::From(_) | Origin::Person => hold.start,
    }
}

/// True when `day` is one of the [`WINDOW_DAYS`] days ending `today`.
fn in_window(day: NaiveDate, today: NaiveDate) -> bool {
    let first = today
        .checked_sub_days(Days::new(WINDOW_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    first <= day && day <= today
}

/// Reps in each set of the exercise as the session played it, when it was tried.
fn reps_played(record: &SessionRecord, exercise_id: &str) -> Option<u16> {
    record
        .exercises
        .iter()
        .find(|e| e.exercise == exercise_id && e.sets_planned > 0 && e.tried())
        .and_then(|e| u16::try_from(e.reps_planned / u32::from(e.sets_planned)).ok())
}

/// True when the exercise was done in full in the session.
fn done(record: &SessionRecord, exercise_id: &str) -> bool {
    record
        .exercises
        .iter()
        .any(|e| e.exercise == exercise_id && e.reps_done > 0 && e.completion() == Completion::Done)
}

/// True when the person rated their pain before and after, and it was higher after.
fn pain_rose(record: &SessionRecord) -> bool {
    matches!((record.pain_before, record.pain_after), (Some(before), Some(after)) if after > before)
}

/// True when the person rated their pain before and after, and it was no higher after.
fn pain_no_worse(record: &SessionRecord) -> bool {
    matches!((record.pain_before, record.pain_after), (Some(before), Some(after)) if after <= before)
}

/// True when the person said "It hurts" at [`STOP_PAIN`] or more during this exercise.
fn hurt_badly(record: &SessionRecord, exercise_id: &str) -> bool {
    record
        .hurts
        .iter()
        .any(|h| h.exercise == exercise_id && h.rating >= STOP_PAIN)
}

/// The level before the last step up to `level`, from the answers the person accepted.
fn previous_level(plan: &Plan, exercise_id: &str, level: DoseLevel) -> Option<DoseLevel> {
    plan.history
        .iter()
        .rev()
        .find(|c| {
            c.exercise == exercise_id && c.accepted && c.to == level && c.from.key() < c.to.key()
        })
        .map(|c| c.from)
}

/// One step up from `from`: more reps while they may grow, then a longer hold.
fn grow(dose: &Dose, from: DoseLevel) -> Option<DoseLevel> {
    let cap = rep_cap(&dose.reps);
    if from.reps < cap {
        return Some(DoseLevel {
            reps: from.reps.saturating_add(REP_STEP).min(cap),
            hold_secs: from.hold_secs,
        });
    }
    if let Work::Hold(hold) = dose.work {
        let cap = hold_cap(&hold);
        let secs = from.hold_secs.unwrap_or(hold.start);
        if secs < cap {
            return Some(DoseLevel {
                reps: from.reps,
                hold_secs: Some(secs.saturating_add(HOLD_STEP_SECS).min(cap)),
            });
        }
    }
    None
}

/// The suggestion for one exercise, or `None`.
///
/// Looks at the sessions whose local day ([`session_day`], with `fallback_offset_min`
/// for records without an offset) is one of the [`WINDOW_DAYS`] days ending `today`,
/// leaving out sessions that started before the person's last answer about this
/// exercise: those were at the level before it.
///
/// - If in a session where the exercise was tried (a rep done or time spent on it) pain
///   was rated higher after than before, or the person said "It hurts" at
///   [`STOP_PAIN`] or more during it: [`Direction::Ease`] when the person's level is
///   above the library's start (back to the level before their last accepted step up,
///   else to the library's start), otherwise [`Direction::Keep`].
/// - Otherwise, if the exercise was done in full on at least [`MIN_DAYS`] different
///   days in sessions whose pain was rated both before and after and was no higher
///   after: [`Direction::More`], by 2 reps up to [`rep_cap`], then for a hold by 2 s up
///   to [`hold_cap`]; `None` when nothing may grow. A session without both ratings does
///   not count: the app cannot know the pain did not rise, and it errs on the side of
///   caution (the app's own choice).
///
/// Only exercises done in reps (held, paced or tapped); activities done in minutes
/// have their own building-up advice. `None` for an id the library does not have.
pub fn suggest(
    exercise_id: &str,
    sessions: &SessionLog,
    plan: &Plan,
    today: NaiveDate,
    fallback_offset_min: i32,
    library: &Library,
) -> Option<Suggestion> {
    let exercise = library.get(exercise_id)?;
    let dose = &exercise.dose;
    if matches!(dose.work, Work::Minutes(_)) {
        return None;
    }
    let library = DoseLevel::of(dose);
    let last_answer = plan
        .history
        .iter()
        .filter(|c| c.exercise == exercise_id)
        .map(|c| c.at)
        .max();
    let window: Vec<&SessionRecord> = sessions
        .records
        .iter()
        .filter(|r| in_window(session_day(r, fallback_offset_min), today))
        .filter(|r| last_answer.is_none_or(|at| r.started_at > at))
        .collect();
    // The person's level: their own once they have answered a suggestion, else the
    // reps they have been playing (core stability starts below the library's figure,
    // at NHS Inform's 5), never above the library's start.
    let from = match plan.levels.get(exercise_id) {
        Some(level) => *level,
        None => DoseLevel {
            reps: window
                .iter()
                .rev()
                .find_map(|r| reps_played(r, exercise_id))
                .map_or(library.reps, |reps| reps.min(library.reps)),
            ..library
        },
    };
    let suggestion = |direction, to| {
        Some(Suggestion {
            exercise: exercise.id.to_string(),
            direction,
            from,
            to,
        })
    };

    let worse = window
        .iter()
        .any(|r| (r.tried(exercise_id) && pain_rose(r)) || hurt_badly(r, exercise_id));
    if worse {
        // Back to the level before the last step up, else to the library's start when
        // above it; otherwise stay.
        let back = previous_level(plan, exercise_id, from)
            .filter(|l| l.key() < from.key())
            .or_else(|| (from.key() > library.key()).then_some(library));
        return match back {
            Some(to) => suggestion(Direction::Ease, to),
            None => suggestion(Direction::Keep, from),
        };
    }

    let comfortable_days: BTreeSet<NaiveDate> = window
        .iter()
        .filter(|r| done(r, exercise_id) && pain_no_worse(r))
        .map(|r| session_day(r, fallback_offset_min))
        .collect();
    if comfortable_days.len() < MIN_DAYS {
        return None;
    }
    suggestion(Direction::More, grow(dose, from)?)
}

/// The suggestions to show: one for each exercise tried (or hurt in) in the
/// [`WINDOW_DAYS`] days ending `today`, ordered by exercise id.
///
/// Leaves out exercises marked "not for me" and any exercise whose suggestion the person
/// answered, accepting or declining it, less than [`WINDOW_DAYS`] days (of 24 hours)
/// before `now`: one answer a week is enough. So a [`Direction::Keep`] is shown once,
/// and again only when pain rises in a later session.
pub fn suggestions(
    sessions: &SessionLog,
    plan: &Plan,
    today: NaiveDate,
    now: Millis,
    fallback_offset_min: i32,
    library: &Library,
) -> Vec<Suggestion> {
    let window_ms = i64::try_from(WINDOW_DAYS).unwrap_or(i64::MAX / DAY_MS) * DAY_MS;
    let answered_recently = |id: &str| {
        plan.history
            .iter()
            .any(|c| c.exercise == id && now.saturating_sub(c.at) < window_ms)
    };
    let mut ids = BTreeSet::new();
    for record in &sessions.records {
        if !in_window(session_day(record, fallback_offset_min), today) {
            continue;
        }
        for e in &record.exercises {
            if e.tried() {
                ids.insert(e.exercise.as_str());
            }
        }
        for h in &record.hurts {
            ids.insert(h.exercise.as_str());
        }
    }
    ids.into_iter()
        .filter(|id| !plan.is_not_for_me(id) && !answered_recently(id))
        .filter_map(|id| suggest(id, sessions, plan, today, fallback_offset_min, library))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Log;
    use crate::domain::library::catalog;
    use crate::domain::records::session_record::{ExerciseRecord, Hurt};
    use crate::domain::test_support::{at, date};

    /// Today in these tests: Friday 20 November 2026.
    fn today() -> NaiveDate {
        date(2026, 11, 20)
    }

    fn days_ago(n: u64) -> NaiveDate {
        today().checked_sub_days(Days::new(n)).unwrap()
    }

    /// A session at 09:00 UTC (clock offset 0) on `day` doing each exercise in full.
    fn session(
        day: NaiveDate,
        exercises: &[&str],
        before: Option<u8>,
        after: Option<u8>,
    ) -> SessionRecord {
        let started_at = at(day, 9, 0);
        SessionRecord {
            routine_id: "core-stability".into(),
            routine_name: "Core stability".into(),
            started_at,
            salt: 0,
            ended_at: started_at + 600_000,
            active_secs: 600,
            exercises: exercises
                .iter()
                .map(|id| ExerciseRecord {
                    exercise: (*id).into(),
                    sets_planned: 2,
                    sets_done: 2,
                    reps_planned: 20,
                    reps_done: 20,
                    skipped: false,
                    work_secs: 100,
                })
                .collect(),
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

    /// Comfortable sessions of `ids` on each of these days ago.
    fn comfortable(ids: &[&str], ago: &[u64]) -> SessionLog {
        log(ago
            .iter()
            .map(|n| session(days_ago(*n), ids, Some(4), Some(3)))
            .collect())
    }

    fn level(reps: u16, hold_secs: Option<u16>) -> DoseLevel {
        DoseLevel { reps, hold_secs }
    }

    fn run(id: &str, sessions: &SessionLog, plan: &Plan) -> Option<Suggestion> {
        suggest(id, sessions, plan, today(), 0, &Library::BUILT_IN)
    }

    fn with_level(id: &str, l: DoseLevel) -> Plan {
        let mut plan = Plan::default();
        plan.levels.insert(id.into(), l);
        plan
    }

    #[test]
    fn an_own_exercise_grows_only_when_the_person_turned_it_on() {
        use crate::domain::library::own_exercise::OwnExercise;
        let off = OwnExercise {
            id: 1,
            name: "Clam".into(),
            steps: vec!["Open the knees.".into()],
            ..OwnExercise::default()
        };
        let on = OwnExercise {
            id: 2,
            progression: true,
            ..off.clone()
        };
        let library = Library::new(&[off.clone(), on.clone()]);
        let run = |id: &str, sessions: &SessionLog, plan: &Plan| {
            suggest(id, sessions, plan, today(), 0, &library)
        };
        let (off_id, on_id) = (off.exercise_id(), on.exercise_id());
        let sessions = comfortable(&[&off_id, &on_id], &[0, 2, 4]);
        assert_eq!(
            run(&off_id, &sessions, &Plan::default()),
            None,
            "off: never more"
        );
        let s = run(&on_id, &sessions, &Plan::default()).unwrap();
        assert_eq!(
            (s.direction, s.from.reps, s.to.reps),
            (Direction::More, 5, 7)
        );
        let s = run(&on_id, &sessions, &with_level(&on_id, level(9, Some(5)))).unwrap();
        assert_eq!(s.to.reps, 10, "up to twice the start");
        assert_eq!(
            run(&on_id, &sessions, &with_level(&on_id, level(10, Some(5)))),
            None
        );
    }

    #[test]
    fn three_comfortable_days_suggest_two_more_reps() {
        let sessions = comfortable(&["bridge"], &[0, 2, 4]);
        let s = run("bridge", &sessions, &Plan::default()).unwrap();
        assert_eq!(s.direction, Direction::More);
        assert_eq!(s.exercise, "bridge");
        assert_eq!(s.from, level(10, Some(5)));
        assert_eq!(s.to, level(12, Some(5)));
        assert_eq!(s.headline("Bridge"), "Bridge: try 12 reps");
        assert_eq!(
            s.reason(),
            "You did all of it on at least 3 different days in the past week, and your pain \
             was no worse afterwards. Only go up if it feels comfortable."
        );
        // Equal pain before and after counts as no worse.
        let level_pain = log([0, 1, 2]
            .iter()
            .map(|n| session(days_ago(*n), &["bridge"], Some(3), Some(3)))
            .collect());
        assert_eq!(
            run("bridge", &level_pain, &Plan::default()).map(|s| s.direction),
            Some(Direction::More)
        );
    }

    #[test]
    fn core_stability_grows_from_the_five_reps_it_starts_at() {
        // Three comfortable sessions of core stability at its start: 2 sets of 5.
        let mut sessions = comfortable(&["bridge"], &[0, 2, 4]);
        for r in &mut sessions.records {
            r.exercises[0].reps_planned = 10;
            r.exercises[0].reps_done = 10;
        }
        let s = run("bridge", &sessions, &Plan::default()).unwrap();
        assert_eq!(s.direction, Direction::More);
        assert_eq!(
            (s.from.reps, s.to.reps),
            (5, 7),
            "from what was played, not the library's 10"
        );
        assert_eq!(s.to.hold_secs, Some(5));

        // Accepted: 7 is stored, and the next step up goes from there. Pain that rose
        // later eases back to the 5 it came from.
        let mut plan = Plan::default();
        s.answer(&mut plan, true, at(today(), 12, 0), &Library::BUILT_IN);
        assert_eq!(plan.levels.get("bridge"), Some(&level(7, Some(5))));
        let later = log(vec![session(today(), &["bridge"], Some(2), Some(5))]);
        let mut later = later;
        later.records[0].started_at = at(today(), 13, 0);
        let ease = run("bridge", &later, &plan).unwrap();
        assert_eq!(ease.direction, Direction::Ease);
        assert_eq!(ease.to, level(5, Some(5)));
    }

    #[test]
    fn two_days_are_not_enough_even_with_three_sessions() {
        let mut sessions = comfortable(&["bridge"], &[0, 2]);
        let mut evening = session(days_ago(2), &["bridge"], Some(4), Some(3));
        evening.started_at = at(days_ago(2), 19, 0);
        evening.ended_at = evening.started_at + 600_000;
        sessions.upsert(evening);
        assert_eq!(sessions.records.len(), 3);
        assert_eq!(run("bridge", &sessions, &Plan::default()), None);
    }

    #[test]
    fn a_session_without_both_ratings_does_not_count() {
        let mut sessions = comfortable(&["bridge"], &[0, 2]);
        sessions.upsert(session(days_ago(4), &["bridge"], Some(4), None));
        sessions.upsert(session(days_ago(5), &["bridge"], None, Some(2)));
        sessions.upsert(session(days_ago(6), &["bridge"], None, None));
        assert_eq!(run("bridge", &sessions, &Plan::default()), None);
        // It does not block either: a third rated day is enough.
        sessions.upsert(session(days_ago(3), &["bridge"], Some(4), Some(4)));
        assert_eq!(
            run("bridge", &sessions, &Plan::default()).map(|s| s.direction),
            Some(Direction::More)
        );
    }

    #[test]
    fn only_sessions_done_in_full_count() {
        let mut sessions = comfortable(&["bridge"], &[0, 2]);
        let mut partly = session(days_ago(4), &["bridge"], Some(4), Some(3));
        partly.exercises[0].reps_done = 15;
        sessions.upsert(partly);
        assert_eq!(run("bridge", &sessions, &Plan::default()), None);
        let other = comfortable(&["dead-bug"], &[0, 1, 2]);
        assert_eq!(run("bridge", &other, &Plan::default()), None);
    }

    #[test]
    fn pain_rising_once_keeps_it_at_the_librarys_start() {
        let mut sessions = comfortable(&["bridge"], &[0, 2, 4]);
        sessions.upsert(session(days_ago(5), &["bridge"], Some(3), Some(4)));
        let s = run("bridge", &sessions, &Plan::default()).unwrap();
        assert_eq!(s.direction, Direction::Keep);
        assert_eq!(s.from, level(10, Some(5)));
        assert_eq!(s.to, s.from);
        assert_eq!(s.headline("Bridge"), "Bridge: keep it at 10 reps");
        assert_eq!(
            s.reason(),
            "Your pain went up with it in the past week. Keep it at 10 reps for now."
        );
        // A rise is noticed even when only part of it was done.
        let mut partly = session(days_ago(1), &["bridge"], Some(2), Some(5));
        partly.exercises[0].reps_done = 0;
        partly.exercises[0].work_secs = 3;
        let s = run("bridge", &log(vec![partly]), &Plan::default()).unwrap();
        assert_eq!(s.direction, Direction::Keep);
    }

    #[test]
    fn window_is_the_seven_days_ending_today() {
        // Today and the 6 days before it count (day 7, counting today as day 1)...
        let sessions = comfortable(&["bridge"], &[0, 3, 6]);
        assert_eq!(
            run("bridge", &sessions, &Plan::default()).map(|s| s.to.reps),
            Some(12)
        );
        // ...the day before that (day 8) does not.
        let sessions = comfortable(&["bridge"], &[0, 3, 7]);
        assert_eq!(run("bridge", &sessions, &Plan::default()), None);
        // Nor does a rise in pain on day 8.
        let mut sessions = comfortable(&["bridge"], &[0, 3, 6]);
        sessions.upsert(session(days_ago(7), &["bridge"], Some(1), Some(6)));
        assert_eq!(
            run("bridge", &sessions, &Plan::default()).map(|s| s.direction),
            Some(Direction::More)
        );
        // Nor sessions dated after today.
        let sessions = comfortable(&["bridge"], &[1, 2]);
        let mut later = sessions.clone();
        later.upsert(session(date(2026, 11, 21), &["bridge"], Some(4), Some(3)));
        assert_eq!(run("bridge", &later, &Plan::default()), None);
    }

    #[test]
    fn days_are_local_days() {
        // 23:30 UTC on 13 Nov is 00:30 on 14 Nov in UTC+1: inside the window.
        let mut sessions = comfortable(&["bridge"], &[0, 3]);
        let mut late = session(date(2026, 11, 13), &["bridge"], Some(4), Some(3));
        late.started_at = at(date(2026, 11, 13), 23, 30);
        late.tz_offset_min = Some(60);
        sessions.upsert(late.clone());
        assert!(run("bridge", &sessions, &Plan::default()).is_some());
        // Without a stored offset the fallback decides.
        late.tz_offset_min = None;
        sessions.upsert(late);
        assert!(run("bridge", &sessions, &Plan::default()).is_none());
        assert!(suggest(
            "bridge",
            &sessions,
            &Plan::default(),
            today(),
            60,
            &Library::BUILT_IN
        )
        .is_some());
    }

    #[test]
    fn it_hurts_at_seven_blocks_more() {
        let mut sessions = comfortable(&["bridge", "abdominal-crunch"], &[0, 2, 4]);
        sessions.records[1].hurts.push(Hurt {
            exercise: "bridge".into(),
            rating: 6,
            at: 60_000,
        });
        assert_eq!(
            run("bridge", &sessions, &Plan::default()).map(|s| s.direction),
            Some(Direction::More),
            "6 is below the stopping point"
        );
        sessions.records[1].hurts.push(Hurt {
            exercise: "bridge".into(),
            rating: STOP_PAIN,
            at: 120_000,
        });
        assert_eq!(
            run("bridge", &sessions, &Plan::default()).map(|s| s.direction),
            Some(Direction::Keep)
        );
        assert_eq!(
            run("abdominal-crunch", &sessions, &Plan::default()).map(|s| s.direction),
            Some(Direction::More),
            "only the exercise that hurt is held back"
        );
    }

    #[test]
    fn caps_follow_where_the_numbers_come_from() {
        let bridge = &catalog::get("bridge").unwrap().dose;
        assert_eq!(rep_cap(&bridge.reps), 15, "10–15 from Cleveland Clinic");
        let Work::Hold(hold) = bridge.work else {
            panic!("a hold")
        };
        assert_eq!(hold_cap(&hold), 5, "a fixed 5 s from Cleveland Clinic");

        let crunch = &catalog::get("abdominal-crunch").unwrap().dose;
        assert_eq!(crunch.reps.origin, Origin::From(Source::NhsInform));
        assert_eq!(rep_cap(&crunch.reps), 10, "NHS Inform's 5, doubled");

        let stretch = &catalog::get("thoracic-spine-stretch").unwrap().dose;
        assert_eq!(rep_cap(&stretch.reps), 10, "a fixed 10 from a source");
        let Work::Hold(hold) = stretch.work else {
            panic!("a hold")
        };
        assert_eq!(hold_cap(&hold), 5, "the app's 3 s, plus 2");

        let bracing = &catalog::get("abdominal-bracing").unwrap().dose;
        let Work::Hold(hold) = bracing.work else {
            panic!("a hold")
        };
        assert_eq!(hold_cap(&hold), 10, "5–10 s from Cleveland Clinic");

        let wall = &catalog::get("wall-stand").unwrap().dose;
        assert_eq!(rep_cap(&wall.reps), 3, "the app's own 3");
    }

    /// The levels suggestions climb through, from `start`, with 3 comfortable days at
    /// each level.
    fn climb(id: &str, start: DoseLevel) -> Vec<DoseLevel> {
        let sessions = comfortable(&[id], &[0, 2, 4]);
        let mut levels = vec![start];
        let mut plan = with_level(id, start);
        while let Some(s) = run(id, &sessions, &plan) {
            assert_eq!(s.direction, Direction::More);
            assert_eq!(s.from, *levels.last().unwrap());
            levels.push(s.to);
            plan.levels.insert(id.into(), s.to);
            assert!(levels.len() < 20, "it stops");
        }
        levels
    }

    #[test]
    fn bridge_grows_to_its_sources_top_and_no_further() {
        assert_eq!(
            climb("bridge", level(10, Some(5))),
            [
                level(10, Some(5)),
                level(12, Some(5)),
                level(14, Some(5)),
                level(15, Some(5)),
            ]
        );
    }

    #[test]
    fn nhs_inform_five_grows_to_ten() {
        assert_eq!(
            climb("abdominal-crunch", level(5, None)),
            [
                level(5, None),
                level(7, None),
                level(9, None),
                level(10, None)
            ]
        );
        // A hold the app chose grows next, by one step of 2 s.
        assert_eq!(
            climb("double-knee-hug", level(5, Some(5))),
            [
                level(5, Some(5)),
                level(7, Some(5)),
                level(9, Some(5)),
                level(10, Some(5)),
                level(10, Some(7)),
            ]
        );
    }

    #[test]
    fn an_app_hold_of_a_few_seconds_grows_to_five_at_most() {
        let levels = climb("thoracic-spine-stretch", level(10, Some(3)));
        assert_eq!(levels, [level(10, Some(3)), level(10, Some(5))]);
        let s = Suggestion {
            exercise: "thoracic-spine-stretch".into(),
            direction: Direction::More,
            from: levels[0],
            to: levels[1],
        };
        assert_eq!(
            s.headline("Thoracic spine stretch"),
            "Thoracic spine stretch: try a 5 s hold"
        );
    }

    #[test]
    fn activities_get_no_suggestions() {
        let sessions = comfortable(&["walking"], &[0, 1, 2, 3]);
        assert_eq!(run("walking", &sessions, &Plan::default()), None);
        assert_eq!(run("no-such-exercise", &sessions, &Plan::default()), None);
    }

    #[test]
    fn pain_rising_above_the_start_eases_back_one_step() {
        let d = date(2026, 11, 1);
        let mut plan = Plan::default();
        let up = |from, to| Suggestion {
            exercise: "bridge".into(),
            direction: Direction::More,
            from,
            to,
        };
        up(level(10, Some(5)), level(12, Some(5))).answer(
            &mut plan,
            true,
            at(d, 10, 0),
            &Library::BUILT_IN,
        );
        up(level(12, Some(5)), level(14, Some(5))).answer(
            &mut plan,
            false,
            at(d, 11, 0),
            &Library::BUILT_IN,
        );
        up(level(12, Some(5)), level(14, Some(5))).answer(
            &mut plan,
            true,
            at(d, 12, 0),
            &Library::BUILT_IN,
        );
        assert_eq!(
            plan.level("bridge", &Library::BUILT_IN),
            Some(level(14, Some(5)))
        );

        let sore = log(vec![session(days_ago(1), &["bridge"], Some(2), Some(4))]);
        let s = run("bridge", &sore, &plan).unwrap();
        assert_eq!(s.direction, Direction::Ease);
        assert_eq!((s.from, s.to), (level(14, Some(5)), level(12, Some(5))));
        assert_eq!(s.headline("Bridge"), "Bridge: go back to 12 reps");
        assert_eq!(
            s.reason(),
            "Your pain went up with it in the past week. Go back to 12 reps."
        );

        // Accepted: the next rise, in a later session, goes back to the step before.
        s.answer(&mut plan, true, at(days_ago(1), 12, 0), &Library::BUILT_IN);
        assert_eq!(run("bridge", &sore, &plan), None, "answered already");
        let sore_again = log(vec![session(today(), &["bridge"], Some(2), Some(4))]);
        let s = run("bridge", &sore_again, &plan).unwrap();
        assert_eq!((s.direction, s.to), (Direction::Ease, level(10, Some(5))));
        s.answer(&mut plan, true, at(today(), 12, 0), &Library::BUILT_IN);
        assert_eq!(
            plan.level("bridge", &Library::BUILT_IN),
            Some(level(10, Some(5)))
        );

        // A level with no history behind it goes back to the library's start.
        let plan = with_level("bridge", level(15, Some(5)));
        let s = run("bridge", &sore, &plan).unwrap();
        assert_eq!((s.direction, s.to), (Direction::Ease, level(10, Some(5))));

        // Easing a hold says so.
        let plan = with_level("double-knee-hug", level(10, Some(7)));
        let sore = log(vec![session(
            days_ago(1),
            &["double-knee-hug"],
            Some(2),
            Some(4),
        )]);
        let s = run("double-knee-hug", &sore, &plan).unwrap();
        assert_eq!(
            s.headline("Double knee hug"),
            "Double knee hug: go back to 5 reps with a 5 s hold"
        );
    }

    #[test]
    fn sessions_before_the_last_answer_do_not_count() {
        let sessions = comfortable(&["bridge"], &[2, 3, 4]);
        let mut plan = Plan::default();
        let s = run("bridge", &sessions, &plan).unwrap();
        s.answer(&mut plan, false, at(days_ago(1), 8, 0), &Library::BUILT_IN);
        assert_eq!(run("bridge", &sessions, &plan), None);
    }

    #[test]
    fn suggestions_leave_out_answered_and_not_for_me_exercises() {
        let sessions = comfortable(&["pelvic-tilt", "bridge", "abdominal-crunch"], &[0, 2, 4]);
        let now = at(today(), 18, 0);
        let all = suggestions(
            &sessions,
            &Plan::default(),
            today(),
            now,
            0,
            &Library::BUILT_IN,
        );
        let ids: Vec<&str> = all.iter().map(|s| s.exercise.as_str()).collect();
        assert_eq!(
            ids,
            ["abdominal-crunch", "bridge", "pelvic-tilt"],
            "ordered by id"
        );

        let mut plan = Plan::default();
        plan.set_not_for_me(["pelvic-tilt".to_string()], now);
        // Answered 6 days 23 hours ago: still left out, even a suggestion that would
        // be new.
        let crunch = all[0].clone();
        crunch.answer(
            &mut plan,
            false,
            now - 7 * DAY_MS + 3_600_000,
            &Library::BUILT_IN,
        );
        let shown = suggestions(&sessions, &plan, today(), now, 0, &Library::BUILT_IN);
        let ids: Vec<&str> = shown.iter().map(|s| s.exercise.as_str()).collect();
        assert_eq!(ids, ["bridge"]);

        // A week after the answer, new sessions can bring it back.
        let later = today().checked_add_days(Days::new(7)).unwrap();
        let mut plan = Plan::default();
        crunch.answer(&mut plan, false, now, &Library::BUILT_IN);
        let week_on = log([1, 3, 5]
            .iter()
            .map(|n| {
                session(
                    later.checked_sub_days(Days::new(*n)).unwrap(),
                    &["abdominal-crunch"],
                    Some(4),
                    Some(3),
                )
            })
            .collect());
        let shown = suggestions(
            &week_on,
            &plan,
            later,
            now + 7 * DAY_MS,
            0,
            &Library::BUILT_IN,
        );
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].to, level(7, None));
        assert!(suggestions(
            &week_on,
            &plan,
            later,
            now + 7 * DAY_MS - 1,
            0,
            &Library::BUILT_IN
        )
        .is_empty());
    }

    #[test]
    fn keep_is_shown_once() {
        let mut sessions = log(vec![session(days_ago(2), &["bridge"], Some(2), Some(4))]);
        sessions.records[0].hurts.push(Hurt {
            exercise: "pelvic-tilt".into(),
            rating: 8,
            at: 1,
        });
        let now = at(today(), 18, 0);
        let shown = suggestions(
            &sessions,
            &Plan::default(),
            today(),
            now,
            0,
            &Library::BUILT_IN,
        );
        let keep: Vec<(&str, Direction)> = shown
            .iter()
            .map(|s| (s.exercise.as_str(), s.direction))
            .collect();
        assert_eq!(
            keep,
            [
                ("bridge", Direction::Keep),
                ("pelvic-tilt", Direction::Keep)
            ],
            "an exercise that hurt is included even with no reps done"
        );
        let mut plan = Plan::default();
        shown[0].answer(&mut plan, true, now, &Library::BUILT_IN);
        assert_eq!(
            plan.level("bridge", &Library::BUILT_IN),
            Some(level(10, Some(5)))
        );
        let again = suggestions(
            &sessions,
            &plan,
            today(),
            now + 60_000,
            0,
            &Library::BUILT_IN,
        );
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].exercise, "pelvic-tilt");
    }
}
