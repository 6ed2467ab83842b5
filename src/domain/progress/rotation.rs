//! Which routine Today suggests, and which others it offers beside it.
//!
//! The app's own rule (the sources give none), written on Today as the app's:
//! - Starting out: until the person has done "A gentle start" in full on
//!   [`GENTLE_START_DAYS`] different days, Today suggests only the gentle start, with the
//!   flare-up day beside it. Core stability and the desk break come after, so a beginner
//!   is never offered the strength routine first.
//! - After that, Today takes turns through the everyday routines, one after another.
//!   Single exercises and the flare-up day don't move the turn on.
//! - Routines are shown as the person plays them ([`Plan::apply`]): one whose
//!   exercises were all set aside is passed over.

use std::collections::BTreeSet;

use crate::domain::library::Library;
use crate::domain::progress::calendar::session_day;
use crate::domain::records::session_record::SessionLog;
use crate::domain::routines::adjustments::Plan;
use crate::domain::routines::routine::{self, Routine};

/// The everyday routines Today takes turns through, once the person is past starting.
const ROTATION: [&str; 3] = ["gentle-start", "core-stability", "desk-break"];
/// The routines open while starting out: the first is suggested.
const STARTING_OUT: [&str; 2] = ["gentle-start", "flare-up"];
/// Different local days on which "A gentle start" must have been done in full before
/// the other everyday routines are suggested (the app's own pacing).
pub const GENTLE_START_DAYS: usize = 3;

/// What Today offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TodayRoutines {
    /// The routine to do today; `None` when every exercise of every routine open to
    /// the person is set aside.
    pub suggested: Option<Routine>,
    /// The other routines to choose from, in the app's order.
    pub others: Vec<Routine>,
    /// True until the gentle start has been done on [`GENTLE_START_DAYS`] days.
    pub starting_out: bool,
}

/// Different local days on which the gentle start was done in full.
fn gentle_start_days(sessions: &SessionLog, fallback_offset_min: i32) -> usize {
    sessions
        .records
        .iter()
        .filter(|r| r.routine_id == "gentle-start" && r.is_complete())
        .map(|r| session_day(r, fallback_offset_min))
        .collect::<BTreeSet<_>>()
        .len()
}

/// What Today offers, from the session log (local days from each record's offset, or
/// `fallback_offset_min`) and the person's plan.
pub fn for_today(sessions: &SessionLog, plan: &Plan, fallback_offset_min: i32) -> TodayRoutines {
    let starting_out = gentle_start_days(sessions, fallback_offset_min) < GENTLE_START_DAYS;
    let open: Vec<&str> = if starting_out {
        STARTING_OUT.to_vec()
    } else {
        routine::BUILTIN_IDS.to_vec()
    };
    let first = if starting_out {
        0
    } else {
        let last = sessions
            .records
            .iter()
            .rev()
            .find_map(|r| ROTATION.iter().position(|id| *id == r.routine_id));
        let turn = ROTATION[last.map_or(0, |i| (i + 1) % ROTATION.len())];
        open.iter().position(|id| *id == turn).unwrap_or(0)
    };
    // The turn's routine first, then the others in order: the first with something
    // left to play is suggested.
    // Built-in routines play only the library's exercises.
    let built_in_only = Library::default();
    let mut playable = open
        .iter()
        .cycle()
        .skip(first)
        .take(open.len())
        .filter_map(|id| routine::built_in(id))
        .map(|r| plan.apply(&r, &built_in_only))
        .filter(|r| !r.items.is_empty());
    let suggested = playable.next();
    let others = open
        .iter()
        .filter_map(|id| routine::built_in(id))
        .map(|r| plan.apply(&r, &built_in_only))
        .filter(|r| !r.items.is_empty())
        .filter(|r| suggested.as_ref().is_none_or(|s| s.id != r.id))
        .collect();
    TodayRoutines {
        suggested,
        others,
        starting_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Log;
    use crate::domain::records::session_record::{ExerciseRecord, SessionRecord};
    use crate::domain::test_support::{at, date};

    /// A session of `id` on November `day`, done in full or not.
    fn session(id: &str, day: u32, complete: bool) -> SessionRecord {
        let started_at = at(date(2026, 11, day), 9, 0);
        SessionRecord {
            routine_id: id.into(),
            routine_name: id.into(),
            started_at,
            salt: 0,
            ended_at: started_at + 600_000,
            active_secs: 600,
            exercises: vec![ExerciseRecord {
                exercise: "pelvic-tilt".into(),
                sets_planned: 1,
                sets_done: u16::from(complete),
                reps_planned: 5,
                reps_done: if complete { 5 } else { 2 },
                skipped: !complete,
                work_secs: 30,
            }],
            tz_offset_min: Some(0),
            ..SessionRecord::default()
        }
    }

    fn log(records: &[SessionRecord]) -> SessionLog {
        let mut log = SessionLog::default();
        for r in records {
            log.upsert(r.clone());
        }
        log
    }

    fn ids(today: &TodayRoutines) -> (Option<String>, Vec<String>) {
        (
            today.suggested.as_ref().map(|r| r.id.clone()),
            today.others.iter().map(|r| r.id.clone()).collect(),
        )
    }

    fn pair(suggested: &str, others: &[&str]) -> (Option<String>, Vec<String>) {
        (
            Some(suggested.to_string()),
            others.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn a_beginner_is_offered_only_the_gentle_start_and_the_flare_up_day() {
        let plan = Plan::default();
        let today = for_today(&log(&[]), &plan, 0);
        assert!(today.starting_out);
        assert_eq!(ids(&today), pair("gentle-start", &["flare-up"]));

        // Two days done, and a third session on one of those days: still starting out.
        // Neither a core stability session nor an unfinished gentle start counts.
        let sessions = log(&[
            session("gentle-start", 2, true),
            session("gentle-start", 3, true),
            session("gentle-start", 3, true),
            session("gentle-start", 4, false),
            session("core-stability", 5, true),
        ]);
        let today = for_today(&sessions, &plan, 0);
        assert!(today.starting_out);
        assert_eq!(ids(&today), pair("gentle-start", &["flare-up"]));
    }

    #[test]
    fn after_three_days_of_the_gentle_start_the_routines_take_turns() {
        let plan = Plan::default();
        let mut records = vec![
            session("gentle-start", 2, true),
            session("gentle-start", 3, true),
            session("gentle-start", 5, true),
        ];
        let today = for_today(&log(&records), &plan, 0);
        assert!(!today.starting_out);
        assert_eq!(
            ids(&today),
            pair(
                "core-stability",
                &["gentle-start", "desk-break", "flare-up"]
            )
        );
        records.push(session("core-stability", 6, true));
        assert_eq!(
            ids(&for_today(&log(&records), &plan, 0)).0.as_deref(),
            Some("desk-break")
        );
        // Flare-up days and single exercises don't move the turn on.
        records.push(session("flare-up", 7, true));
        records.push(session("exercise:bridge", 8, true));
        assert_eq!(
            ids(&for_today(&log(&records), &plan, 0)).0.as_deref(),
            Some("desk-break")
        );
        records.push(session("desk-break", 9, true));
        assert_eq!(
            ids(&for_today(&log(&records), &plan, 0)).0.as_deref(),
            Some("gentle-start")
        );
    }

    #[test]
    fn days_are_the_local_days_of_each_session() {
        let late = |day: u32, hour: u32, offset: i32| SessionRecord {
            started_at: at(date(2026, 11, day), hour, 30),
            tz_offset_min: Some(offset),
            ..session("gentle-start", day, true)
        };
        let utc = log(&[late(2, 23, 0), late(3, 0, 0), late(4, 9, 0)]);
        assert!(!for_today(&utc, &Plan::default(), 0).starting_out);
        let same_day = log(&[late(2, 22, 120), late(3, 9, 0), late(4, 9, 0)]);
        assert!(
            for_today(&same_day, &Plan::default(), 0).starting_out,
            "22:30 UTC on 2 November at UTC+2 is 00:30 on the 3rd there, the same local \
             day as 09:30 on the 3rd: two days, not three"
        );
    }

    #[test]
    fn a_routine_with_every_exercise_set_aside_is_passed_over() {
        let mut plan = Plan::default();
        let gentle = routine::find("gentle-start", &Library::BUILT_IN).unwrap();
        plan.set_not_for_me(gentle.items.iter().map(|i| i.exercise.clone()), 1);
        // The flare-up day shares the pelvic tilt and knee rolls, but keeps two others.
        let today = for_today(&log(&[]), &plan, 0);
        assert_eq!(ids(&today), pair("flare-up", &[]));
        let flare = today.suggested.unwrap();
        assert!(flare.items.iter().all(|i| !plan.is_not_for_me(&i.exercise)));

        let mut everything = Plan::default();
        everything.set_not_for_me(
            crate::domain::library::catalog::CATALOG
                .iter()
                .map(|e| e.id.to_string()),
            1,
        );
        let today = for_today(&log(&[]), &everything, 0);
        assert_eq!(today.suggested, None);
        assert!(today.others.is_empty());
    }
}
