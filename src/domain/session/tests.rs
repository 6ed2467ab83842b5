//! Tests of the session: its timeline, its cues and its state machine.

use super::cues::*;
use super::outcome::*;
use super::plan::*;
use super::player::*;
use super::timeline::*;
use crate::domain::library::exercise::{Sides, MAX_REPS, MAX_SETS};
use crate::domain::library::Library;
// The built-in routines, as fixtures: the session's code never needs them (routines are
// made into sessions, not the other way), only its tests.
use crate::domain::records::session_record::Completion;
use crate::domain::storage::schema::{decode, encode, DecodeError};
use crate::domain::test_support::routines::{builtin, find, Routine};
use crate::domain::Millis;

const T0: Millis = 1_763_700_000_000;
const S: i64 = 1000;

fn session(routine_id: &str) -> Session {
    find(routine_id, &Library::BUILT_IN)
        .unwrap()
        .session(0, |_| false)
}

fn started(routine_id: &str) -> Session {
    let mut s = session(routine_id);
    s.start(T0);
    s
}

fn plan(sets: u16, reps: u16, work: PlannedWork, sides: Sides) -> PlannedItem {
    PlannedItem {
        exercise: "bridge".into(),
        sets,
        reps,
        work,
        rest_reps_secs: 3,
        rest_sets_secs: 30,
        sides,
        describe: false,
        own: None,
    }
}

#[test]
fn it_hurts_pauses_keeps_the_rating_and_says_when_to_stop() {
    let mut s = started("gentle-start");
    s.set_pain_before(Some(3));
    let first = s.timeline()[0].exercise_id.clone();
    assert!(
        !s.hurt(T0 + 20 * S, 4),
        "4 of 10: carry on if it is bearable"
    );
    assert!(s.at(T0 + 25 * S).is_paused());
    s.resume(T0 + 30 * S);
    assert!(s.hurt(T0 + 40 * S, 8), "8 of 10 stops the exercise");
    // It waits, paused, at the next exercise; the time doesn't move it on.
    let snap = s.at(T0 + 100 * S);
    assert!(snap.is_paused());
    let steps = s.timeline();
    let second = steps[snap.step].exercise_id.clone();
    assert_ne!(second, first);
    assert_eq!(steps[snap.step].kind, StepKind::GetReady);
    s.resume(T0 + 101 * S);
    assert!(s.hurt(T0 + 115 * S, 12), "out-of-range ratings count as 10");
    assert_eq!(
        s.hurts()
            .iter()
            .map(|h| (h.exercise.as_str(), h.rating))
            .collect::<Vec<_>>(),
        [
            (first.as_str(), 4),
            (first.as_str(), 8),
            (second.as_str(), 10)
        ]
    );
    s.stop(T0 + 120 * S);
    let record = s.record().unwrap();
    assert_eq!(record.pain_before, Some(3));
    assert_eq!(record.hurts[1].at, T0 + 40 * S);
    assert_eq!(record.exercises[0].completion(), Completion::Partly);
    assert!(record.exercises[0].skipped);
    let mut saved = find("gentle-start", &Library::BUILT_IN)
        .unwrap()
        .session(0, |_| false);
    assert!(!saved.hurt(T0, 9), "nothing to stop before the start");
    saved.set_pain_before(Some(11));
    assert_eq!(saved.pain_before(), Some(10));
    let text = encode(&SavedSession::of(s.clone()), T0).unwrap();
    let back: SavedSession = decode(&text).unwrap().data;
    assert_eq!(
        back.session.unwrap().hurts().len(),
        3,
        "kept across a reload"
    );
}

/// The exercise and kind of step the session is at.
fn where_at(s: &Session, now: Millis) -> (String, StepKind) {
    let steps = s.timeline();
    let snap = s.at(now);
    (steps[snap.step].exercise_id.clone(), steps[snap.step].kind)
}

#[test]
fn it_hurts_in_a_get_ready_is_about_the_exercise_just_played() {
    // The gentle start: pelvic tilt from 10 s to 75 s, then the knee rolls' get-ready.
    let mut s = started("gentle-start");
    assert_eq!(
        s.hurt_about(T0 + 80 * S),
        Some(HurtAbout::JustPlayed("pelvic-tilt".into()))
    );
    assert!(s.hurt(T0 + 80 * S, 8), "8 of 10 stops the pelvic tilt");
    assert_eq!(
        s.hurts()
            .iter()
            .map(|h| (h.exercise.as_str(), h.rating))
            .collect::<Vec<_>>(),
        [("pelvic-tilt", 8)]
    );
    assert!(s.is_stopped("pelvic-tilt") && !s.is_stopped("knee-rolls"));
    // Waiting, paused, at the start of the knee rolls' get-ready, which starts again.
    let snap = s.at(T0 + 200 * S);
    assert!(snap.is_paused());
    assert_eq!(snap.step_elapsed_ms, 0);
    assert_eq!(
        where_at(&s, T0 + 200 * S),
        ("knee-rolls".into(), StepKind::GetReady)
    );
    s.resume(T0 + 200 * S);
    assert_eq!(
        where_at(&s, T0 + 211 * S),
        ("knee-rolls".into(), StepKind::Work(Movement::Hold))
    );
    s.stop(T0 + 212 * S);
    let record = s.record().unwrap();
    // The 20-minute check ticks the pelvic tilt, not the knee rolls.
    let ticked: Vec<(String, bool)> =
        crate::domain::test_support::progress::after_check_choices(&record);
    assert_eq!(
        ticked,
        [
            ("pelvic-tilt".to_string(), true),
            ("knee-rolls".to_string(), false)
        ]
    );

    // A low rating in the get-ready: kept with the pelvic tilt, the countdown paused
    // where it was.
    let mut s = started("gentle-start");
    assert!(!s.hurt(T0 + 80 * S, 4));
    assert_eq!(s.hurts()[0].exercise, "pelvic-tilt");
    assert_eq!(s.at(T0 + 90 * S).step_elapsed_ms, 5 * S);
}

#[test]
fn it_hurts_in_a_rest_is_about_the_exercise_resting() {
    // 15 s to 25 s: the rest between the first two pelvic tilts.
    let mut s = started("gentle-start");
    assert_eq!(where_at(&s, T0 + 17 * S).1, StepKind::Rest);
    assert_eq!(
        s.hurt_about(T0 + 17 * S),
        Some(HurtAbout::Playing("pelvic-tilt".into()))
    );
    assert!(s.hurt(T0 + 17 * S, 9));
    assert_eq!(s.hurts()[0].exercise, "pelvic-tilt");
    assert_eq!(
        where_at(&s, T0 + 18 * S),
        ("knee-rolls".into(), StepKind::GetReady)
    );
    // In the middle of the hugs' sets: the rest between sets is the hugs'.
    let mut s = started("gentle-start");
    let steps = s.timeline();
    let between_sets = steps
        .iter()
        .position(|st| st.kind == StepKind::Rest && st.set == 2 && st.rep == 1)
        .unwrap();
    assert_eq!(steps[between_sets].exercise_id, "double-knee-hug");
    let at: i64 = steps[..between_sets]
        .iter()
        .filter_map(|st| st.duration_ms)
        .sum::<i64>()
        + S;
    assert_eq!(
        s.hurt_about(T0 + at),
        Some(HurtAbout::Playing("double-knee-hug".into()))
    );
    s.hurt(T0 + at, 3);
    assert_eq!(s.hurts()[0].exercise, "double-knee-hug");
}

#[test]
fn it_hurts_before_the_first_exercise_asks_which_or_none() {
    let mut s = started("gentle-start");
    assert_eq!(
        s.hurt_about(T0 + 5 * S),
        Some(HurtAbout::Ask {
            next: Some("pelvic-tilt".into())
        })
    );
    // The answer starts at the exercise coming next, the cautious one.
    assert_eq!(
        s.hurt_about(T0 + 5 * S)
            .as_ref()
            .and_then(HurtAbout::to_start_with),
        Some("pelvic-tilt")
    );
    // "None": kept with no exercise, and nothing stops.
    assert!(!s.hurt_for(T0 + 5 * S, 8, None));
    assert_eq!(s.hurts()[0].exercise, "");
    assert_eq!(s.hurts()[0].rating, 8);
    assert!(!s.is_stopped("pelvic-tilt"));
    assert!(s.at(T0 + 6 * S).is_paused());
    // The exercise coming next: it stops, and the session waits at the one after.
    s.resume(T0 + 6 * S);
    assert!(s.hurt_for(T0 + 7 * S, 8, Some("pelvic-tilt")));
    assert!(s.is_stopped("pelvic-tilt"));
    assert_eq!(
        where_at(&s, T0 + 8 * S),
        ("knee-rolls".into(), StepKind::GetReady)
    );
    // The pelvic tilt was stopped, and the person went on to the knee rolls: an "It
    // hurts" in their get-ready is still about the pelvic tilt, never about the knee
    // rolls, which have not begun.
    assert_eq!(
        s.hurt_about(T0 + 8 * S),
        Some(HurtAbout::JustPlayed("pelvic-tilt".into()))
    );
    // Skipping the first exercise untouched: still nothing played, still asked.
    let mut s = started("gentle-start");
    s.skip_exercise(T0 + 2 * S);
    assert_eq!(
        s.hurt_about(T0 + 3 * S),
        Some(HurtAbout::Ask {
            next: Some("knee-rolls".into())
        })
    );
    // Not started, or finished: nothing to ask about.
    assert_eq!(session("gentle-start").hurt_about(T0), None);
    let mut done = started("gentle-start");
    done.stop(T0 + S);
    assert_eq!(done.hurt_about(T0 + 2 * S), None);
}

#[test]
fn after_a_stop_and_another_exercise_chosen_it_hurts_is_kept_against_the_stopped_one() {
    // As a person does: stop the pelvic tilt at 8, "Try a different exercise instead",
    // and in the knee rolls' get-ready say it hurts at 9. The knee rolls have not begun:
    // the pain is the pelvic tilt's, the knee rolls are not stopped, and their get-ready
    // starts again.
    let mut s = started("gentle-start");
    assert!(s.hurt(T0 + 20 * S, 8));
    s.resume(T0 + 30 * S);
    assert_eq!(
        where_at(&s, T0 + 31 * S),
        ("knee-rolls".into(), StepKind::GetReady)
    );
    assert!(
        s.hurt(T0 + 31 * S, 9),
        "a rating of 9 still puts ending first"
    );
    assert_eq!(
        s.hurts()
            .iter()
            .map(|h| (h.exercise.as_str(), h.rating))
            .collect::<Vec<_>>(),
        [("pelvic-tilt", 8), ("pelvic-tilt", 9)]
    );
    assert!(!s.is_stopped("knee-rolls"));
    assert_eq!(
        where_at(&s, T0 + 40 * S),
        ("knee-rolls".into(), StepKind::GetReady)
    );
    // In the knee rolls themselves, it is theirs.
    s.resume(T0 + 40 * S);
    let rolling = (40..200)
        .map(|k| T0 + k * S)
        .find(|&t| where_at(&s, t).1 != StepKind::GetReady)
        .unwrap();
    assert_eq!(where_at(&s, rolling).0, "knee-rolls");
    assert!(s.hurt(rolling, 9));
    assert!(s.is_stopped("knee-rolls"));
}

#[test]
fn next_passes_over_an_exercise_stopped_for_pain() {
    // Bridge, pelvic tilt, then the bridge again, as a person's own routine may have.
    let mut s = Session::from_plan(
        "own",
        "Own",
        vec![
            item("bridge", 2, 5),
            item("pelvic-tilt", 1, 5),
            item("bridge", 2, 5),
        ],
        0,
    );
    s.start(T0);
    let steps = s.timeline();
    // In the pelvic tilt's hold (get-ready 0–10, bridge 10–23, get-ready 23–33, tilt
    // 33–38): next, the second bridge's get-ready; another exercise comes.
    let in_tilt = T0 + 35 * S;
    assert_eq!(where_at(&s, in_tilt).0, "pelvic-tilt");
    let second = steps
        .iter()
        .position(|st| st.exercise == 2 && st.kind == StepKind::GetReady)
        .unwrap();
    assert_eq!(s.next_step(in_tilt), Some(second));
    assert_eq!(s.next_exercise(in_tilt), Some(2));

    // Stopped in the first bridge: from the pelvic tilt, "Next" is the end, and no
    // exercise comes after it.
    let mut s = Session::from_plan("own", "Own", s.plan().to_vec(), 0);
    s.start(T0);
    assert!(s.hurt(T0 + 12 * S, 8));
    s.resume(T0 + 13 * S);
    let in_tilt = T0 + 13 * S + 11 * S;
    assert_eq!(where_at(&s, in_tilt).0, "pelvic-tilt");
    let finished = steps.len() - 1;
    assert_eq!(s.next_step(in_tilt), Some(finished));
    assert_eq!(steps[finished].kind, StepKind::Finished);
    assert_eq!(s.next_exercise(in_tilt), None);
    // In the get-ready before the tilt, the tilt is next, and then nothing.
    assert_eq!(s.next_exercise(T0 + 14 * S), None);
    // Once finished, nothing is next.
    s.stop(T0 + 60 * S);
    assert_eq!(s.next_step(T0 + 61 * S), None);
}

fn item(exercise: &str, reps: u16, secs: u16) -> PlannedItem {
    PlannedItem {
        exercise: exercise.into(),
        ..plan(1, reps, PlannedWork::Hold { secs }, Sides::Together)
    }
}

#[test]
fn an_exercise_stopped_for_pain_is_never_offered_again() {
    // Bridge, pelvic tilt, then the bridge again, as a person's own routine may have.
    let mut s = Session::from_plan(
        "own",
        "Own",
        vec![
            item("bridge", 2, 5),
            item("pelvic-tilt", 1, 5),
            item("bridge", 2, 5),
        ],
        0,
    );
    s.start(T0);
    assert!(s.hurt(T0 + 12 * S, 8));
    let steps = s.timeline();
    let at = |s: &Session, t: i64| {
        let snap = s.at(t);
        (steps[snap.step].exercise_id.clone(), steps[snap.step].kind)
    };
    assert_eq!(
        at(&s, T0 + 13 * S),
        ("pelvic-tilt".into(), StepKind::GetReady)
    );
    assert!(s.is_stopped("bridge") && !s.is_stopped("pelvic-tilt"));

    // Back, at once or later, never returns to the stopped bridge.
    s.back(T0 + 13 * S);
    assert_eq!(
        at(&s, T0 + 13 * S),
        ("pelvic-tilt".into(), StepKind::GetReady)
    );
    s.resume(T0 + 14 * S);
    s.back(T0 + 15 * S);
    assert_eq!(
        at(&s, T0 + 15 * S),
        ("pelvic-tilt".into(), StepKind::GetReady)
    );

    // The pelvic tilt plays out (10 s get ready, 5 s hold), and then the second turn
    // of the bridge is passed over: the session ends, and no cue names the bridge.
    let mut said = Vec::new();
    for t in (16..=40).map(|n| T0 + n * S) {
        said.extend(
            s.update(t)
                .iter()
                .filter_map(|c| c.say().map(str::to_string)),
        );
    }
    assert!(s.at(T0 + 40 * S).is_finished(), "{:?}", s.at(T0 + 40 * S));
    assert!(said.iter().all(|w| !w.contains("Bridge")), "{said:?}");
    let record = s.record().unwrap();
    assert_eq!(record.exercises[1].completion(), Completion::Done);
    assert_eq!(record.exercises[2].completion(), Completion::NotDone);
    assert_eq!(record.exercises[0].reps_done, 0);
    assert_eq!(
        record.active_secs, 28,
        "12 s before the stop, 1 s before Back restarted the get-ready, 15 s of pelvic \
         tilt; the second bridge took no time"
    );
}

#[test]
fn reps_taking_turns_are_one_side_each() {
    let steps = compile(
        &[plan(
            1,
            4,
            PlannedWork::Paced { secs: 4 },
            Sides::TakingTurns,
        )],
        &Pace::default(),
    );
    let work: Vec<(u16, Option<Side>)> = steps
        .iter()
        .filter(|s| s.is_work())
        .map(|s| (s.rep, s.side))
        .collect();
    assert_eq!(
        work,
        [
            (1, Some(Side::Left)),
            (2, Some(Side::Right)),
            (3, Some(Side::Left)),
            (4, Some(Side::Right))
        ],
        "4 reps are 4 moves, sides taking turns, and no switch-side pause"
    );
    assert!(steps.iter().all(|s| s.kind != StepKind::SwitchSide));
    let said: Vec<String> = steps
        .iter()
        .filter(|s| s.is_work())
        .map(Step::say)
        .collect();
    assert_eq!(said[1], "2, right.");
    assert_eq!(said[2], "3, left.");
    assert!(said[0].contains("Left side."), "{}", said[0]);
    // The dead bug counts this way: 2 sets of 10 are 20 moves, not 40.
    let bug = crate::domain::library::catalog::get("dead-bug").unwrap();
    assert_eq!(bug.dose.sides, Sides::TakingTurns);
    let bug_steps = Routine::single("dead-bug", &Library::BUILT_IN)
        .unwrap()
        .timeline();
    assert_eq!(bug_steps.iter().filter(|s| s.is_work()).count(), 20);
}

#[test]
fn the_dead_bug_works_each_side_the_same_for_any_reps_and_sets() {
    // The source: "then repeat with the opposite limbs". Each side gets as many moves
    // as the other in a session, whatever the reps and sets: the turns carry on from
    // one set to the next, and an odd number in all ends with one more on the right.
    let bug = crate::domain::library::catalog::get("dead-bug").unwrap();
    assert_eq!(bug.dose.sides, Sides::TakingTurns);
    for sets in 1..=20 {
        for reps in 1..=20 {
            let item = PlannedItem {
                exercise: "dead-bug".into(),
                ..plan(
                    sets,
                    reps,
                    PlannedWork::Paced { secs: 4 },
                    Sides::TakingTurns,
                )
            };
            let steps = compile(&[item], &Pace::default());
            let side = |which| {
                steps
                    .iter()
                    .filter(|s| s.is_work() && s.side == Some(which))
                    .count()
            };
            let (left, right) = (side(Side::Left), side(Side::Right));
            assert_eq!(left, right, "{sets} × {reps}: {left} left, {right} right");
            let turns = usize::from(sets) * usize::from(reps);
            assert_eq!(left + right, turns + turns % 2, "{sets} × {reps}");
            // No two moves in a row on the same side, across sets too.
            let order: Vec<Option<Side>> = steps
                .iter()
                .filter(|s| s.is_work())
                .map(|s| s.side)
                .collect();
            assert!(
                order.windows(2).all(|w| w[0] != w[1]),
                "{sets} × {reps}: {order:?}"
            );
        }
    }
    // 2 sets of 5: the second set starts on the right, where the first left off, and
    // says so.
    let steps = compile(
        &[plan(
            2,
            5,
            PlannedWork::Paced { secs: 4 },
            Sides::TakingTurns,
        )],
        &Pace::default(),
    );
    let second = steps
        .iter()
        .find(|s| s.is_work() && s.set == 2 && s.rep == 1)
        .unwrap();
    assert_eq!(second.side, Some(Side::Right));
    assert!(
        second.say().contains("Set 2 of 2. Right side."),
        "{}",
        second.say()
    );
    // 1 set of 5: one more move on the right, said as such.
    let steps = compile(
        &[plan(
            1,
            5,
            PlannedWork::Paced { secs: 4 },
            Sides::TakingTurns,
        )],
        &Pace::default(),
    );
    let last = steps.iter().rev().find(|s| s.is_work()).unwrap();
    assert!(last.is_evening_move());
    assert_eq!((last.rep, last.side), (5, Some(Side::Right)));
    assert!(
        last.say().starts_with("Once more on the right"),
        "{}",
        last.say()
    );
    // The estimate counts it.
    let mut dose = bug.dose;
    dose.sets = crate::domain::library::exercise::Amount::app(1);
    dose.reps = crate::domain::library::exercise::Amount::app(5);
    assert_eq!(dose.estimated_secs(), 6 * 4);
}

fn kinds(steps: &[Step]) -> Vec<StepKind> {
    steps.iter().map(|s| s.kind).collect()
}

// The timeline.

#[test]
fn builtin_timelines_have_the_expected_shape() {
    use Movement::*;
    // (id, steps, work steps, rests, switches, per exercise: (sets, work steps))
    let expected: [(&str, usize, usize, usize, usize); 4] = [
        // The knee rolls: one set of 2, the source's start.
        ("gentle-start", 37, 5 + 4 + 10, 4 + 1 + 8 + 1, 0),
        // Core stability's reps start at 5; the dead bug's reps are one side each.
        ("core-stability", 63, 15 + 10 + 10, 12 + 2 + 1 + 8 + 1, 0),
        ("desk-break", 49, 10 + 3 + 6 + 5, 9 + 2 + 4 + 4, 1),
        ("flare-up", 36, 5 + 4 + 10 + 2, 4 + 1 + 4 + 1, 0),
    ];
    for (id, total, work, rests, switches) in expected {
        let routine = find(id, &Library::BUILT_IN).unwrap();
        let steps = routine.timeline();
        let count = |k: fn(&StepKind) -> bool| steps.iter().filter(|s| k(&s.kind)).count();
        assert_eq!(steps.len(), total, "{id}");
        assert_eq!(count(|k| matches!(k, StepKind::Work(_))), work, "{id}");
        assert_eq!(count(|k| *k == StepKind::Rest), rests, "{id}");
        assert_eq!(count(|k| *k == StepKind::SwitchSide), switches, "{id}");
        assert_eq!(count(|k| *k == StepKind::GetReady), routine.items.len());
        assert_eq!(steps.last().unwrap().kind, StepKind::Finished);
        // Each exercise begins with its get-ready and keeps its order.
        for (index, item) in routine.items.iter().enumerate() {
            let first = steps.iter().position(|s| s.exercise == index).unwrap();
            assert_eq!(steps[first].kind, StepKind::GetReady);
            assert_eq!(steps[first].exercise_id, item.exercise);
            let sets = steps
                .iter()
                .filter(|s| s.exercise == index)
                .map(|s| s.sets)
                .max();
            assert_eq!(sets, Some(item.dose.sets.start), "{id} {}", item.exercise);
        }
        assert!(steps.iter().all(|s| s.kind != StepKind::Work(Tapped)));
    }
}

#[test]
fn alternating_reps_are_left_then_right_with_rests_between_reps_only() {
    // Knee rolls in the gentle start: 1 set of 2 reps, taking turns.
    let steps = find("gentle-start", &Library::BUILT_IN).unwrap().timeline();
    let knee: Vec<(StepKind, u16, u16, Option<Side>)> = steps
        .iter()
        .filter(|s| s.exercise == 1)
        .map(|s| (s.kind, s.set, s.rep, s.side))
        .collect();
    let w = StepKind::Work(Movement::Hold);
    let (l, r) = (Some(Side::Left), Some(Side::Right));
    assert_eq!(
        knee,
        [
            (StepKind::GetReady, 1, 1, l),
            (w, 1, 1, l),
            (w, 1, 1, r),
            (StepKind::Rest, 1, 2, l),
            (w, 1, 2, l),
            (w, 1, 2, r),
        ]
    );
    let rest = steps.iter().find(|s| s.kind == StepKind::Rest).unwrap();
    assert_eq!(rest.duration_ms, Some(10 * S), "the pelvic tilt's rests");
}

#[test]
fn each_side_does_all_reps_on_one_side_then_switches() {
    let steps = find("desk-break", &Library::BUILT_IN).unwrap().timeline();
    let ham: Vec<(StepKind, u16, Option<Side>, Option<i64>)> = steps
        .iter()
        .filter(|s| s.exercise_id == "seated-hamstring-stretch")
        .map(|s| (s.kind, s.rep, s.side, s.duration_ms))
        .collect();
    let w = StepKind::Work(Movement::Hold);
    let (l, r) = (Some(Side::Left), Some(Side::Right));
    let hold = Some(20 * S);
    let rest = Some(5 * S);
    assert_eq!(
        ham,
        [
            (StepKind::GetReady, 1, l, Some(10 * S)),
            (w, 1, l, hold),
            (StepKind::Rest, 2, l, rest),
            (w, 2, l, hold),
            (StepKind::Rest, 3, l, rest),
            (w, 3, l, hold),
            (StepKind::SwitchSide, 1, r, Some(5 * S)),
            (w, 1, r, hold),
            (StepKind::Rest, 2, r, rest),
            (w, 2, r, hold),
            (StepKind::Rest, 3, r, rest),
            (w, 3, r, hold),
        ]
    );
}

#[test]
fn activities_are_one_timed_step_and_tapped_reps_have_no_duration() {
    let walk = Routine::single("walking", &Library::BUILT_IN)
        .unwrap()
        .timeline();
    assert_eq!(
        kinds(&walk),
        [
            StepKind::GetReady,
            StepKind::Work(Movement::Minutes),
            StepKind::Finished
        ]
    );
    assert_eq!(walk[1].duration_ms, Some(5 * 60 * S));

    let tapped = Routine::single("core-in-daily-moves", &Library::BUILT_IN)
        .unwrap()
        .timeline();
    let work: Vec<&Step> = tapped.iter().filter(|s| s.is_work()).collect();
    assert_eq!(work.len(), 5);
    assert!(work.iter().all(|s| s.duration_ms.is_none()));
}

#[test]
fn plans_that_play_nothing_are_left_out_and_huge_ones_are_capped() {
    let hold = PlannedWork::Hold { secs: 5 };
    let steps = compile(
        &[
            plan(0, 5, hold, Sides::Together),
            plan(1, 0, hold, Sides::Together),
            plan(1, 5, PlannedWork::Hold { secs: 0 }, Sides::Together),
        ],
        &Pace::default(),
    );
    assert_eq!(kinds(&steps), [StepKind::Finished]);
    assert_eq!(steps[0].exercise, 3);

    let big = compile(
        &[plan(u16::MAX, u16::MAX, hold, Sides::Alternating)],
        &Pace::default(),
    );
    let work = big.iter().filter(|s| s.is_work()).count();
    assert_eq!(work, usize::from(MAX_SETS) * usize::from(MAX_REPS) * 2);
}

// Spoken text.

#[test]
fn steps_say_what_to_do() {
    let says = |routine: &str| -> Vec<String> {
        find(routine, &Library::BUILT_IN)
            .unwrap()
            .timeline()
            .iter()
            .map(Step::say)
            .collect()
    };
    let bridge = says("exercise:bridge");
    assert_eq!(bridge[0], "Get ready: Bridge.");
    assert_eq!(bridge[1], "Bridge. Set 1 of 2. Hold for 5 seconds.");
    assert_eq!(bridge[2], "Rest 3 seconds.");
    assert_eq!(bridge[3], "Rep 2 of 10. Hold for 5 seconds.");
    assert_eq!(bridge[20], "Rest 30 seconds before set 2.");
    assert_eq!(bridge[21], "Bridge. Set 2 of 2. Hold for 5 seconds.");
    assert_eq!(bridge.last().unwrap(), "Well done. Session finished.");

    let ham = says("exercise:seated-hamstring-stretch");
    assert_eq!(
        ham[1],
        "Seated hamstring stretch. Now the left leg. Hold for 20 seconds."
    );
    assert_eq!(ham[3], "Rep 2 of 3. Hold for 20 seconds.");
    assert_eq!(ham[6], "Now the right leg.");
    assert_eq!(ham[7], "Right leg. Hold for 20 seconds.");

    let knee = says("exercise:knee-rolls");
    assert_eq!(knee[1], "Knee rolls. Left side. Hold for 3 seconds.");
    assert_eq!(knee[2], "Right side. Hold for 3 seconds.");
    assert_eq!(knee[3], "Rest 10 seconds.");
    assert_eq!(knee[4], "Rep 2 of 2, left side. Hold for 3 seconds.");

    let tilt = says("exercise:pelvic-tilt");
    assert_eq!(
        tilt[1],
        "Pelvic tilt. Move slowly, about 5 seconds each time."
    );
    assert_eq!(tilt[2], "2.");

    let bug = says("exercise:dead-bug");
    assert_eq!(
        bug[1],
        "Dead bug. Set 1 of 2. Left side. Move slowly, about 4 seconds each time."
    );
    assert_eq!(bug[2], "2, right.");
    assert_eq!(bug[3], "3, left.");

    assert_eq!(says("exercise:walking")[1], "Walking for 5 minutes.");
    assert_eq!(
        says("exercise:core-in-daily-moves")[3],
        "Rep 2 of 5. Tap when done."
    );
    assert_eq!(count(1, "second"), "1 second");
}

// Transitions.

/// The states a session can be in, 4 s into its first step (a 10 s get-ready).
fn in_state(status: Status) -> Session {
    let mut s = session("exercise:bridge");
    match status {
        Status::NotStarted => {}
        Status::Running => s.start(T0 - 4 * S),
        Status::Paused => {
            s.start(T0 - 9 * S);
            s.pause(T0 - 7 * S);
            s.resume(T0 - 4 * S);
            s.pause(T0 - 3 * S);
            s.resume(T0 - 3 * S);
            s.pause(T0 - 2 * S);
        }
        Status::Finished => {
            s.start(T0 - 9 * S);
            s.stop(T0 - S);
        }
    }
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Start,
    Pause,
    Resume,
    Skip,
    SkipExercise,
    Back,
    RepDone,
    Stop,
    Update,
}

fn apply(s: &mut Session, event: Event, now: Millis) -> Vec<Cue> {
    match event {
        Event::Start => s.start(now),
        Event::Pause => s.pause(now),
        Event::Resume => s.resume(now),
        Event::Skip => s.skip(now),
        Event::SkipExercise => s.skip_exercise(now),
        Event::Back => s.back(now),
        Event::RepDone => s.rep_done(now),
        Event::Stop => s.stop(now),
        Event::Update => return s.update(now),
    }
    Vec::new()
}

#[test]
fn every_transition_from_every_state() {
    use Event::*;
    use Status::*;
    // (from, event, status after, step after, ms into it after)
    let table = [
        (NotStarted, Start, Running, 0, 0),
        (NotStarted, Pause, NotStarted, 0, 0),
        (NotStarted, Resume, NotStarted, 0, 0),
        (NotStarted, Skip, NotStarted, 0, 0),
        (NotStarted, SkipExercise, NotStarted, 0, 0),
        (NotStarted, Back, NotStarted, 0, 0),
        (NotStarted, RepDone, NotStarted, 0, 0),
        (NotStarted, Stop, NotStarted, 0, 0),
        (Running, Start, Running, 0, 4000),
        (Running, Pause, Paused, 0, 4000),
        (Running, Resume, Running, 0, 4000),
        (Running, Skip, Running, 1, 0),
        (Running, SkipExercise, Finished, 40, 0),
        (Running, Back, Running, 0, 0),
        (Running, RepDone, Running, 0, 4000),
        (Running, Stop, Finished, 40, 0),
        (Paused, Start, Paused, 0, 4000),
        (Paused, Pause, Paused, 0, 4000),
        (Paused, Resume, Running, 0, 4000),
        (Paused, Skip, Paused, 1, 0),
        (Paused, SkipExercise, Finished, 40, 0),
        (Paused, Back, Paused, 0, 0),
        (Paused, RepDone, Paused, 0, 4000),
        (Paused, Stop, Finished, 40, 0),
    ];
    for (from, event, status, step, off) in table {
        let mut s = in_state(from);
        assert_eq!(s.at(T0).status, from);
        apply(&mut s, event, T0);
        let snap = s.at(T0);
        assert_eq!(
            (snap.status, snap.step, snap.step_elapsed_ms),
            (status, step, off),
            "{from:?} + {event:?}"
        );
    }
    // Nothing moves a finished session.
    for event in [
        Start,
        Pause,
        Resume,
        Skip,
        SkipExercise,
        Back,
        RepDone,
        Stop,
        Update,
    ] {
        let mut s = in_state(Finished);
        let before = s.clone();
        let cues = apply(&mut s, event, T0);
        assert_eq!(s.at(T0 + S), before.at(T0 + S), "{event:?}");
        assert_eq!(s.record(), before.record(), "{event:?}");
        assert!(
            cues.iter().all(|c| matches!(c, Cue::Finished { .. })),
            "{event:?}"
        );
    }
}

#[test]
fn paused_time_does_not_count() {
    let mut s = started("exercise:bridge");
    s.pause(T0 + 4 * S);
    let later = s.at(T0 + 600 * S);
    assert!(later.is_paused());
    assert_eq!(later.elapsed_active_ms, 4 * S);
    assert_eq!(later.remaining_ms, Some(6 * S));
    s.resume(T0 + 600 * S);
    let snap = s.at(T0 + 603 * S);
    assert_eq!(snap.elapsed_active_ms, 7 * S);
    assert_eq!((snap.step, snap.remaining_ms), (0, Some(3 * S)));
}

#[test]
fn timed_steps_follow_each_other_through_a_long_gap() {
    let s = started("exercise:bridge");
    // Get ready 10 s, then holds of 5 s with rests of 3 s.
    let snap = s.at(T0 + 10 * S + 5 * S + 3 * S + 2 * S);
    assert_eq!((snap.step, snap.remaining_ms), (3, Some(3 * S)));
    // Two and a half minutes with the screen locked: set 1, the 30 s rest, ...
    let snap = s.at(T0 + 150 * S);
    let steps = s.timeline();
    let mut t = 0;
    let mut expected = (0, 0);
    for (i, step) in steps.iter().enumerate() {
        let d = step.duration_ms.unwrap();
        if t + d > 150 * S {
            expected = (i, 150 * S - t);
            break;
        }
        t += d;
    }
    assert_eq!((snap.step, snap.step_elapsed_ms), expected);
    assert!(expected.0 > 21, "in set 2");
    assert!(!snap.is_finished());
    // Long after the end: finished, and the time counted stops at the end.
    let total = planned_ms(&steps);
    let done = s.at(T0 + 3_600 * S);
    assert!(done.is_finished());
    assert_eq!(done.elapsed_active_ms, total);
    assert_eq!(done.progress, 1.0);
}

#[test]
fn a_tapped_rep_waits_for_the_tap() {
    let mut s = started("exercise:core-in-daily-moves");
    let snap = s.at(T0 + 3_600 * S);
    assert_eq!(snap.step, 1);
    assert_eq!(snap.remaining_ms, None);
    assert_eq!(s.timeline()[1].kind, StepKind::Work(Movement::Tapped));
    s.rep_done(T0 + 20 * S);
    let snap = s.at(T0 + 21 * S);
    assert_eq!((snap.step, snap.step_elapsed_ms), (2, S), "on to the rest");
    // rep_done on a rest does nothing.
    s.rep_done(T0 + 22 * S);
    assert_eq!(s.at(T0 + 22 * S).step, 2);
}

#[test]
fn skipping_work_counts_the_rep_as_skipped() {
    let mut s = started("exercise:wall-stand");
    // Get ready 10 s, 3 holds of 30 s with 10 s rests.
    s.skip(T0 + 12 * S); // the first hold, 2 s in
    assert_eq!(s.at(T0 + 12 * S).step, 2);
    s.stop(T0 + 14 * S);
    let record = s.record().unwrap();
    let e = &record.exercises[0];
    assert!(e.skipped);
    assert_eq!((e.reps_planned, e.reps_done, e.sets_done), (3, 0, 0));
    assert_eq!(e.work_secs, 2);
    assert_eq!(e.completion(), Completion::Partly);
    assert_eq!(record.active_secs, 14);
    assert_eq!((record.started_at, record.ended_at), (T0, T0 + 14 * S));
}

#[test]
fn skip_exercise_goes_to_the_next_get_ready() {
    let mut s = started("desk-break");
    s.skip_exercise(T0 + 15 * S);
    let snap = s.at(T0 + 15 * S);
    let steps = s.timeline();
    assert_eq!(steps[snap.step].kind, StepKind::GetReady);
    assert_eq!(steps[snap.step].exercise_id, "wall-stand");
    s.stop(T0 + 16 * S);
    let record = s.record().unwrap();
    assert!(record.exercises[0].skipped);
    assert_eq!(record.exercises[0].reps_done, 1, "one hold was done");
    assert_eq!(record.exercises[1].completion(), Completion::NotDone);
    assert!(!record.exercises[1].skipped);
}

#[test]
fn back_restarts_the_step_or_goes_to_the_one_before() {
    let mut s = started("exercise:bridge");
    // 3 s into the first hold (step 1): restart it.
    s.back(T0 + 13 * S);
    let snap = s.at(T0 + 13 * S);
    assert_eq!((snap.step, snap.remaining_ms), (1, Some(5 * S)));
    // 1 s in: back to the get-ready, in full.
    s.back(T0 + 14 * S);
    let snap = s.at(T0 + 14 * S);
    assert_eq!((snap.step, snap.remaining_ms), (0, Some(10 * S)));
    // At the first step it restarts.
    s.back(T0 + 15 * S);
    assert_eq!(s.at(T0 + 15 * S).step, 0);
    // A hold played through, then back from the rest after it: the hold again.
    let mut s = started("exercise:bridge");
    s.back(T0 + 16 * S);
    let snap = s.at(T0 + 16 * S);
    assert_eq!((snap.step, snap.remaining_ms), (1, Some(5 * S)));
    s.stop(T0 + 17 * S);
    let e = &s.record().unwrap().exercises[0];
    assert_eq!(
        e.reps_done, 0,
        "the hold will be done again, so not done yet"
    );
    assert_eq!(e.work_secs, 6);
}

#[test]
fn events_from_the_past_are_clamped() {
    let mut s = started("exercise:bridge");
    s.pause(T0 + 5 * S);
    s.resume(T0 + 2 * S); // earlier: taken as T0 + 5 s
    let snap = s.at(T0 + 6 * S);
    assert_eq!(snap.elapsed_active_ms, 6 * S);
    assert_eq!(s.at(T0).elapsed_active_ms, 5 * S, "asking about the past");
    s.skip(T0 - 100 * S);
    assert_eq!(s.at(T0 + 5 * S).step, 1);
    // Extreme times do not break anything.
    for t in [Millis::MIN, Millis::MAX, 0, -1] {
        let mut s = session("core-stability");
        s.start(t);
        s.update(t);
        s.pause(Millis::MAX);
        s.resume(Millis::MIN);
        s.skip(t);
        let _ = s.at(Millis::MAX);
        let _ = s.update(Millis::MAX);
        s.stop(Millis::MAX);
        assert!(s.record().is_some());
    }
}

#[test]
fn a_played_session_is_recorded_in_full() {
    let mut s = started("gentle-start");
    let total = planned_ms(&s.timeline());
    let mut t = T0;
    while t <= T0 + total {
        s.update(t);
        t += 250;
    }
    let record = s.record().unwrap();
    assert_eq!(record.routine_id, "gentle-start");
    assert_eq!(record.routine_name, "A gentle start");
    assert_eq!(record.ended_at, T0 + total);
    assert_eq!(i64::from(record.active_secs) * 1000, total);
    assert!(record.is_complete());
    let knee = &record.exercises[1];
    assert_eq!((knee.sets_planned, knee.sets_done), (1, 1));
    assert_eq!((knee.reps_planned, knee.reps_done), (2, 2));
    assert_eq!(knee.work_secs, 2 * 2 * 5);
    assert!(record.exercises.iter().all(|e| !e.skipped));
}

#[test]
fn stale_sessions_are_noticed_and_can_be_finished() {
    let mut s = started("core-stability");
    s.update(T0 + 30 * S);
    assert!(!s.is_stale(T0 + 30 * S + STALE_AFTER_MS));
    assert!(s.is_stale(T0 + 31 * S + STALE_AFTER_MS));
    s.finish_stale();
    let record = s.record().unwrap();
    assert_eq!(record.ended_at, T0 + 30 * S);
    assert_eq!(record.active_secs, 30);
    assert!(!s.is_stale(T0 + 10 * STALE_AFTER_MS));
    assert!(!session("core-stability").is_stale(T0));
}

// Cues.

/// Updates every 250 ms from `from` to `to`, with the time of each cue.
fn tick(s: &mut Session, from: Millis, to: Millis) -> Vec<(Millis, Cue)> {
    let mut cues = Vec::new();
    let mut t = from;
    while t <= to {
        cues.extend(s.update(t).into_iter().map(|c| (t - T0, c)));
        t += 250;
    }
    cues
}

#[test]
fn get_ready_beeps_at_3_2_1_then_the_step_starts() {
    let mut s = started("exercise:bridge");
    let cues = tick(&mut s, T0, T0 + 10 * S);
    assert_eq!(
        cues,
        [
            (
                0,
                Cue::Step {
                    step: 0,
                    say: "Get ready: Bridge.".into()
                }
            ),
            (7 * S, Cue::Countdown { secs_left: 3 }),
            (8 * S, Cue::Countdown { secs_left: 2 }),
            (9 * S, Cue::Countdown { secs_left: 1 }),
            (
                10 * S,
                Cue::Step {
                    step: 1,
                    say: "Bridge. Set 1 of 2. Hold for 5 seconds.".into()
                }
            ),
        ]
    );
}

#[test]
fn switch_sides_halfway_and_finished_are_cued() {
    let mut s = started("exercise:seated-hamstring-stretch");
    let total = planned_ms(&s.timeline());
    let cues = tick(&mut s, T0, T0 + total + S);
    let at = |wanted: &Cue| cues.iter().filter(|(_, c)| c == wanted).count();
    let halfway = Cue::Halfway {
        say: "Halfway.".into(),
    };
    assert_eq!(at(&halfway), 6, "one in each 20 s hold");
    let switch = cues
        .iter()
        .find(|(_, c)| matches!(c, Cue::SwitchSides { .. }))
        .unwrap();
    assert_eq!(
        switch.1.say(),
        Some("Now the right leg."),
        "the hip flexor names the leg"
    );
    // Get ready 10 s, 3 holds of 20 s, 2 rests of 5 s.
    assert_eq!(switch.0, 80 * S);
    let finished: Vec<&(Millis, Cue)> = cues
        .iter()
        .filter(|(_, c)| matches!(c, Cue::Finished { .. }))
        .collect();
    assert_eq!(finished.len(), 1);
    assert_eq!(finished[0].0, total);
    assert_eq!(finished[0].1.say(), Some("Well done. Session finished."));
    // A 5 s rest beeps at 3, 2 and 1 s left; a 3 s one would beep at 2 and 1.
    let beeps = cues
        .iter()
        .filter(|(_, c)| matches!(c, Cue::Countdown { .. }))
        .count();
    assert_eq!(beeps, 3 * (1 + 4 + 1));
}

#[test]
fn no_cue_is_given_twice() {
    let mut s = started("desk-break");
    let total = planned_ms(&s.timeline());
    let cues = tick(&mut s, T0, T0 + total + 5 * S);
    // Ticking again at the same times (a clock that stepped back) adds nothing.
    assert!(tick(&mut s, T0, T0 + total).is_empty());
    let starts: Vec<usize> = cues
        .iter()
        .filter_map(|(_, c)| match c {
            Cue::Step { step, .. } | Cue::SwitchSides { step, .. } => Some(*step),
            _ => None,
        })
        .collect();
    let expected: Vec<usize> = (0..s.timeline().len() - 1).collect();
    assert_eq!(starts, expected, "each step started once, in order");
}

#[test]
fn after_a_long_gap_only_the_current_step_is_cued() {
    let mut s = started("exercise:bridge");
    assert_eq!(s.update(T0).len(), 1);
    // The screen was locked for 2 minutes: no beeps, no stale starts.
    let t = T0 + 120 * S;
    let cues = s.update(t);
    let snap = s.at(t);
    assert_eq!(
        cues,
        [start_cue(&s.timeline()[snap.step], snap.step)],
        "{cues:?}"
    );
    assert!(s.update(t + 100).is_empty(), "not repeated");
    // Ending while hidden: only "finished".
    let cues = s.update(T0 + 3_600 * S);
    assert_eq!(cues.len(), 1);
    assert!(matches!(cues[0], Cue::Finished { .. }));
    assert!(s.update(T0 + 3_601 * S).is_empty());
}

#[test]
fn a_hold_that_ended_while_hidden_has_moved_on_quietly() {
    let mut s = started("exercise:wall-stand");
    tick(&mut s, T0, T0 + 11 * S); // into the first 30 s hold
                                   // Hidden for 35 s: the hold ended, the 10 s rest is half over.
    let cues = s.update(T0 + 46 * S);
    assert_eq!(
        cues,
        [Cue::Step {
            step: 2,
            say: "Rest 10 seconds.".into()
        }]
    );
    // Back to normal ticking: the rest's last beeps come as usual.
    let cues = tick(&mut s, T0 + 46 * S + 250, T0 + 50 * S);
    let beeps: Vec<u8> = cues
        .iter()
        .filter_map(|(_, c)| match c {
            Cue::Countdown { secs_left } => Some(*secs_left),
            _ => None,
        })
        .collect();
    assert_eq!(beeps, [3, 2, 1]);
}

#[test]
fn events_cue_the_step_they_go_to() {
    let mut s = started("exercise:bridge");
    tick(&mut s, T0, T0 + 3 * S);
    s.skip(T0 + 3 * S);
    let cues = s.update(T0 + 3 * S + 250);
    assert!(matches!(cues[..], [Cue::Step { step: 1, .. }]), "{cues:?}");
    s.back(T0 + 7 * S); // 3.75 s in: restart the hold
    let cues = s.update(T0 + 7 * S);
    assert!(matches!(cues[..], [Cue::Step { step: 1, .. }]), "{cues:?}");
    s.stop(T0 + 8 * S);
    let cues = s.update(T0 + 8 * S);
    assert!(matches!(cues[..], [Cue::Finished { .. }]), "{cues:?}");
    // Paused: nothing falls due.
    let mut s = started("exercise:bridge");
    s.update(T0);
    s.pause(T0 + S);
    assert!(tick(&mut s, T0 + S, T0 + 60 * S).is_empty());
    s.resume(T0 + 60 * S);
    let cues = tick(&mut s, T0 + 60 * S, T0 + 69 * S);
    assert_eq!(cues.len(), 4, "3 beeps and the hold: {cues:?}");
}

// Saving and resuming.

#[test]
fn a_saved_session_resumes_at_the_same_step_and_time() {
    let mut s = started("core-stability");
    s.update(T0 + 50 * S);
    s.pause(T0 + 61 * S);
    s.resume(T0 + 70 * S);
    s.skip(T0 + 75 * S);
    s.update(T0 + 77_300);
    let text = encode(&SavedSession::of(s.clone()), T0 + 77_300).unwrap();
    let back = decode::<SavedSession>(&text).unwrap().data.session.unwrap();
    assert_eq!(back, s);
    for t in [T0 + 77_300, T0 + 78_000, T0 + 200 * S, T0 + 3_600 * S] {
        assert_eq!(back.at(t), s.at(t));
    }
    let mut a = back;
    assert_eq!(a.update(T0 + 77_500), s.update(T0 + 77_500));
    assert_eq!(SavedSession::default().session, None);
    let none = decode::<SavedSession>(&encode(&SavedSession::default(), 1).unwrap()).unwrap();
    assert_eq!(none.data, SavedSession::default());
}

/// A saved session exactly as the app of issue 4 (schema 1) wrote it.
const SAVED_SCHEMA_1: &str = r#"{"schema":1,"saved_at":1763700012000,"data":{"session":{
        "routine_id":"exercise:wall-stand","routine_name":"Wall stand",
        "plan":[{"exercise":"wall-stand","sets":1,"reps":3,"work":{"kind":"hold","secs":30},
                 "rest_reps_secs":10,"rest_sets_secs":30,"sides":"together"}],
        "phase":{"state":"running","since":1763700000000},"started_at":1763700000000,
        "last_seen":1763700012000,"active_ms":0,"anchor_step":0,"anchor_active":0,
        "marks":["pending","pending","pending","pending","pending","pending","pending"],
        "work_ms":[0],"cue_step":1,"cue_offset":2000,"cue_at":1763700012000}}}"#;

#[test]
fn schema_1_fixture_of_a_saved_session_loads() {
    let envelope = decode::<SavedSession>(SAVED_SCHEMA_1).unwrap();
    assert_eq!(envelope.schema, 4);
    let expected = Session {
        routine_id: "exercise:wall-stand".into(),
        routine_name: "Wall stand".into(),
        plan: vec![PlannedItem {
            exercise: "wall-stand".into(),
            own: None,
            sets: 1,
            reps: 3,
            work: PlannedWork::Hold { secs: 30 },
            rest_reps_secs: 10,
            rest_sets_secs: 30,
            sides: Sides::Together,
            describe: false,
        }],
        phase: Phase::Running { since: T0 },
        started_at: Some(T0),
        last_seen: T0 + 12 * S,
        active_ms: 0,
        anchor_step: 0,
        anchor_active: 0,
        marks: vec![Mark::Pending; 7],
        work_ms: vec![0],
        cue_step: 1,
        cue_offset: 2000,
        cue_at: T0 + 12 * S,
        pain_before: None,
        hurts: Vec::new(),
        salt: 0,
        pace: Pace::default(),
        held: None,
        compiled: Compiled::default(),
    };
    let s = envelope.data.session.unwrap();
    assert_eq!(s, expected);
    let snap = s.at(T0 + 15 * S);
    assert_eq!((snap.step, snap.remaining_ms), (1, Some(25 * S)));
    assert_eq!(s.routine_id(), "exercise:wall-stand");

    let saved = SavedSession::of(s);
    let text = encode(&saved, T0).unwrap();
    assert!(text.starts_with(r#"{"schema":4,"#));
    assert_eq!(decode::<SavedSession>(&text).unwrap().data, saved);
    let none = r#"{"schema":1,"saved_at":1,"data":{"session":null}}"#;
    assert_eq!(
        decode::<SavedSession>(none).unwrap().data,
        SavedSession::default()
    );
    let empty = r#"{"schema":1,"saved_at":1,"data":{}}"#;
    assert_eq!(
        decode::<SavedSession>(empty).unwrap().data,
        SavedSession::default()
    );
}

#[test]
fn a_schema_5_saved_session_is_refused_as_newer() {
    let v5 = SAVED_SCHEMA_1.replacen(r#""schema":1"#, r#""schema":5"#, 1);
    let err = decode::<SavedSession>(&v5).unwrap_err();
    assert_eq!(
        err,
        DecodeError::Newer {
            found: 5,
            supported: 4
        }
    );
}

#[test]
fn a_bad_schema_1_saved_session_is_an_error_not_a_panic() {
    for data in [
        "null",
        "[]",
        "1",
        r#"{"session":5}"#,
        r#"{"session":[]}"#,
        r#"{"session":{}}"#,
        r#"{"session":{"routine_id":"x","phase":{"state":"flying"}}}"#,
    ] {
        let text = format!(r#"{{"schema":1,"saved_at":1,"data":{data}}}"#);
        let err = decode::<SavedSession>(&text).unwrap_err();
        assert!(
            matches!(
                err,
                DecodeError::Migration { from: 1, .. } | DecodeError::Shape(_)
            ),
            "{data} → {err:?}"
        );
    }
}

#[test]
fn a_damaged_saved_session_does_not_panic() {
    let mut s = started("exercise:bridge");
    s.marks.clear();
    s.work_ms.clear();
    s.anchor_step = 10_000;
    s.cue_step = 20_000;
    s.plan.clear();
    let _ = s.at(T0 + S);
    let _ = s.update(T0 + S);
    s.skip(T0 + 2 * S);
    s.back(T0 + 3 * S);
    s.stop(T0 + 4 * S);
    assert!(s.record().is_some());
}

fn routines() -> Vec<Routine> {
    let mut all = builtin();
    for id in ["core-in-daily-moves", "walking", "seated-hamstring-stretch"] {
        all.push(Routine::single(id, &Library::BUILT_IN).unwrap());
    }
    all
}

#[test]
fn builtins_played_straight_through_take_their_estimate() {
    for routine in routines() {
        if routine.id == "exercise:core-in-daily-moves" {
            continue;
        }
        let total = i64::from(routine.estimated_secs()) * 1000;
        let mut s = routine.session(0, |_| false);
        s.start(T0);
        assert!(!s.at(T0 + total - 1).is_finished(), "{}", routine.id);
        assert!(s.at(T0 + total).is_finished(), "{}", routine.id);
    }
}

/// Property tests: native only, as proptest does not build for the browser.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            Just(Event::Start),
            Just(Event::Pause),
            Just(Event::Resume),
            Just(Event::Skip),
            Just(Event::SkipExercise),
            Just(Event::Back),
            Just(Event::RepDone),
            Just(Event::Stop),
            Just(Event::Update),
            Just(Event::Update),
            Just(Event::Update),
        ]
    }

    fn planned_item() -> impl Strategy<Value = PlannedItem> {
        let work = prop_oneof![
            (1u16..30).prop_map(|secs| PlannedWork::Hold { secs }),
            (1u16..8).prop_map(|secs| PlannedWork::Paced { secs }),
            (1u16..3).prop_map(|minutes| PlannedWork::Minutes { minutes }),
        ];
        let sides = prop_oneof![
            Just(Sides::Together),
            Just(Sides::EachSide),
            Just(Sides::Alternating),
            Just(Sides::TakingTurns)
        ];
        (1u16..4, 1u16..5, work, 0u16..20, 0u16..40, sides).prop_map(
            |(sets, reps, work, rest_reps_secs, rest_sets_secs, sides)| PlannedItem {
                exercise: "bridge".into(),
                sets,
                reps,
                work,
                rest_reps_secs,
                rest_sets_secs,
                sides,
                describe: false,
                own: None,
            },
        )
    }

    proptest! {
        #[test]
        fn any_events_at_any_times_never_break_it(
            which in 0usize..7,
            events in prop::collection::vec((event(), -5_000i64..120_000), 0..80),
        ) {
            let routine = &routines()[which];
            let steps = routine.timeline();
            let mut s = routine.session(0, |_| false);
            let mut t = T0;
            let mut elapsed = 0;
            let mut finished = false;
            for (e, dt) in events {
                t += dt;
                apply(&mut s, e, t);
                let snap = s.at(t);
                prop_assert!(snap.elapsed_active_ms >= elapsed, "{e:?} went back in time");
                elapsed = snap.elapsed_active_ms;
                prop_assert!(snap.step < steps.len());
                prop_assert!(snap.step_elapsed_ms >= 0);
                prop_assert!(snap.remaining_ms.is_none_or(|r| r >= 0));
                prop_assert!((0.0..=1.0).contains(&snap.progress));
                prop_assert!(!finished || snap.is_finished(), "finished is final");
                finished = snap.is_finished();
                prop_assert_eq!(s.record().is_some(), matches!(s.phase, Phase::Finished { .. }));
            }
        }

        #[test]
        fn todays_glance_agrees_with_the_saved_session(
            which in 0usize..7,
            events in prop::collection::vec((event(), -5_000i64..120_000), 0..60),
            later in prop::collection::vec(-10_000i64..(2 * STALE_AFTER_MS), 1..6),
        ) {
            // Today reads the stored text as a `SessionPeek`; after any events, at any
            // time after, it must offer the session exactly when the session itself says
            // it is in progress.
            let routine = &routines()[which];
            let mut s = routine.session(0, |_| false);
            let mut t = T0;
            for (e, dt) in events {
                t += dt;
                apply(&mut s, e, t);
            }
            let saved = SavedSession::of(s);
            let text = encode(&saved, t).unwrap();
            let peek = glance(&text);
            // Random times after, and the moments around its end.
            let around_end = saved.ends_at.map_or(Vec::new(), |e| vec![e - 1, e, e + 1]);
            for now in later.into_iter().map(|dt| t + dt).chain(around_end) {
                let exact = saved
                    .in_progress(now)
                    .map(|s| (s.routine_id(), s.routine_name()));
                prop_assert_eq!(peek.in_progress(now), exact, "at {}", now - T0);
            }
        }

        #[test]
        fn paused_time_is_left_out(
            which in 0usize..4,
            events in prop::collection::vec(
                (prop_oneof![Just(Event::Pause), Just(Event::Resume), Just(Event::Update)],
                 0i64..40_000),
                0..40,
            ),
        ) {
            let routine = &builtin()[which];
            let mut s = routine.session(0, |_| false);
            s.start(T0);
            let (mut t, mut paused_ms, mut paused_since) = (T0, 0, None);
            let mut starts = Vec::new();
            for (e, dt) in events {
                t += dt;
                let cues = apply(&mut s, e, t);
                starts.extend(cues.into_iter().filter(|c| !matches!(c, Cue::Countdown { .. }
                    | Cue::Halfway { .. })));
                match (e, paused_since) {
                    (Event::Pause, None) => paused_since = Some(t),
                    (Event::Resume, Some(since)) => {
                        paused_ms += t - since;
                        paused_since = None;
                    }
                    _ => {}
                }
                let snap = s.at(t);
                if !snap.is_finished() {
                    let paused_now = paused_since.map_or(0, |since| t - since);
                    prop_assert_eq!(snap.elapsed_active_ms, t - T0 - paused_ms - paused_now);
                }
            }
            // With no skip or back, every start of a step is given at most once.
            let mut seen = std::collections::BTreeSet::new();
            for cue in starts {
                prop_assert!(seen.insert(format!("{cue:?}")), "{:?} given twice", cue);
            }
        }

        #[test]
        fn played_straight_through_it_takes_the_sum_of_its_steps(
            plan in prop::collection::vec(planned_item(), 0..4),
            start in -1_000_000i64..2_000_000_000_000,
            ticks in prop::collection::vec(1i64..3_000, 0..40),
        ) {
            let steps = compile(&plan, &Pace::default());
            let total: i64 = steps.iter().map(|s| s.duration_ms.unwrap()).sum();
            let mut s = Session::from_plan("custom", "Custom", plan, 0);
            s.start(start);
            let mut t = start;
            for dt in ticks {
                t += dt;
                if t >= start + total {
                    break;
                }
                s.update(t);
            }
            if total > 0 {
                prop_assert!(!s.at(start + total - 1).is_finished());
            }
            let end = s.at(start + total);
            prop_assert!(end.is_finished());
            prop_assert_eq!(end.elapsed_active_ms, total);
            s.update(start + total + 10);
            let record = s.record().unwrap();
            prop_assert_eq!(record.ended_at, start + total);
            prop_assert!(record.is_complete());
        }
    }

    /// Small JSON values, often shaped like a saved session.
    fn json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            (0u64..10).prop_map(Value::from),
            "[a-z_]{0,10}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                prop::collection::btree_map(
                    prop_oneof![
                        Just("session".to_string()),
                        Just("phase".to_string()),
                        Just("state".to_string()),
                        Just("plan".to_string()),
                        "[a-z_]{1,8}",
                    ],
                    inner,
                    0..4,
                )
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_saved_session_envelope_decodes_or_says_why(
            schema in 0u32..6,
            data in json(),
        ) {
            let text = format!(r#"{{"schema":{schema},"saved_at":1,"data":{data}}}"#);
            match decode::<SavedSession>(&text) {
                Ok(envelope) => prop_assert_eq!(envelope.schema, 4),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}

/// The stored text of a saved session read as Today reads it.
fn glance(text: &str) -> SessionPeek {
    let stored: serde_json::Value = serde_json::from_str(text).unwrap();
    serde_json::from_value(stored["data"].clone()).unwrap()
}

#[test]
fn a_saved_session_is_resumed_finished_or_asked_about() {
    let saved = |s: Session| SavedSession::of(s);
    assert_eq!(
        SavedSession::default().resume("gentle-start", T0, &Library::BUILT_IN),
        Resume::Fresh
    );

    // Playing the same routine: carry on; another: ask.
    let going = started("gentle-start");
    assert!(matches!(
        saved(going.clone()).resume("gentle-start", T0 + 5 * S, &Library::BUILT_IN),
        Resume::Continue(s) if s == going
    ));
    assert!(matches!(
        saved(going.clone()).resume("desk-break", T0 + 5 * S, &Library::BUILT_IN),
        Resume::Other(s) if s == going
    ));
    assert_eq!(saved(going.clone()).in_progress(T0 + 5 * S), Some(&going));

    // Played to its end while the app was closed (all its steps are timed): its record.
    let end = T0 + 30 * 60 * S;
    assert!(going.at(end).is_finished());
    match saved(going.clone()).resume("gentle-start", end, &Library::BUILT_IN) {
        Resume::EndedWhileAway(record) => {
            assert_eq!(record.started_at, T0);
            assert!(record.is_complete());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(saved(going.clone()).in_progress(end), None);

    // Paused and left for over an hour: ask, whatever the routine.
    let mut paused = going.clone();
    paused.pause(T0 + 5 * S);
    let later = T0 + 5 * S + STALE_AFTER_MS + 1;
    assert!(matches!(
        saved(paused.clone()).resume("gentle-start", later, &Library::BUILT_IN),
        Resume::Stale(_)
    ));
    assert_eq!(saved(paused.clone()).in_progress(later), None);
    assert_eq!(saved(paused.clone()).in_progress(T0 + 6 * S), Some(&paused));

    // Not started: nothing to offer on Today.
    let not_started = find("gentle-start", &Library::BUILT_IN)
        .unwrap()
        .session(0, |_| false);
    assert_eq!(saved(not_started).in_progress(T0), None);

    // Saved by a version that did not keep the end time: Today offers it until the
    // player, once opened, finds it ended while away.
    let text = encode(&saved(going.clone()), T0 + 5 * S).unwrap();
    let name = going.routine_name();
    assert_eq!(glance(&text).in_progress(end), None);
    assert_eq!(
        glance(&text).in_progress(T0 + 5 * S),
        Some(("gentle-start", name))
    );
    let older = text.replace(
        &format!(r#","ends_at":{}"#, saved(going.clone()).ends_at.unwrap()),
        "",
    );
    assert!(!older.contains("ends_at"), "{older}");
    assert_eq!(
        glance(&older).in_progress(end),
        Some(("gentle-start", name))
    );
}

#[test]
fn a_described_exercise_says_where_to_start_and_what_to_do() {
    let said = |id: &str, describe: bool| -> Vec<String> {
        let steps = find(&format!("exercise:{id}"), &Library::BUILT_IN)
            .unwrap()
            .session(0, |_| describe)
            .timeline();
        steps.iter().map(Step::say).collect()
    };
    // A 20 s hold leaves time to hear the move as the first rep begins.
    let (plain, told) = (
        said("hip-flexor-stretch", false),
        said("hip-flexor-stretch", true),
    );
    assert_eq!(plain[0], "Get ready: Hip flexor stretch.");
    assert_eq!(
        told[0],
        "Get ready: Hip flexor stretch. Lie on your back near the edge of your bed."
    );
    assert!(told[1].starts_with("Let the leg by the edge hang down, relaxed"));
    assert!(
        told[1].ends_with(&plain[1]),
        "then the usual words: {}",
        told[1]
    );
    assert_eq!(
        told[2..],
        plain[2..],
        "only the get-ready and the first rep"
    );
    // A 5 s hold does not: the move is said while getting ready, after the position.
    let (plain, told) = (said("bridge", false), said("bridge", true));
    assert_eq!(
        told[0],
        "Get ready: Bridge. Lie on your back, knees bent, feet flat. Then: squeeze your \
         bottom and lift it off the floor, then lower slowly."
    );
    assert_eq!(told[1..], plain[1..]);
    // Only the exercises chosen are described.
    let gentle = find("gentle-start", &Library::BUILT_IN).unwrap();
    let steps = gentle.session(0, |id| id == "knee-rolls").timeline();
    let ready: Vec<String> = steps
        .iter()
        .filter(|s| s.kind == StepKind::GetReady)
        .map(Step::say)
        .collect();
    assert_eq!(ready[0], "Get ready: Pelvic tilt.");
    assert!(ready[1].starts_with("Get ready: Knee rolls. Lie on your back"));
    assert_eq!(ready[2], "Get ready: Double knee hug.");
}

#[test]
fn the_get_ready_lasts_long_enough_for_its_words() {
    let ready_secs = |id: &str, describe: bool| {
        let steps = find(&format!("exercise:{id}"), &Library::BUILT_IN)
            .unwrap()
            .session(0, |_| describe)
            .timeline();
        steps[0].duration_ms.unwrap() / 1000
    };
    // The hip flexor's get-ready words, 15 at 150 a minute, take 6 s: with 4 s of
    // countdown after them they fit in the usual 10.
    assert_eq!(
        ready_secs("hip-flexor-stretch", true),
        i64::from(GET_READY_SECS)
    );
    // The bridge's, with its move, 24 words: 10 s, so its get-ready grows to 14 s and
    // the beeps at 3, 2 and 1 never talk over it.
    assert_eq!(ready_secs("bridge", true), 14);
    assert_eq!(ready_secs("bridge", false), i64::from(GET_READY_SECS));
    // Every entry, described: the get-ready's words end before the countdown, and where
    // the move is said at the first rep, the rep's words end before the rep does.
    for e in crate::domain::library::catalog::CATALOG {
        let routine = find(&format!("exercise:{}", e.id), &Library::BUILT_IN).unwrap();
        let steps = routine.session(0, |_| true).timeline();
        let plain = routine.session(0, |_| false).timeline();
        let ready = speech_secs(&steps[0].say());
        assert!(
            i64::from(ready) + 3 < steps[0].duration_ms.unwrap() / 1000,
            "{}",
            e.id
        );
        if let (Some(ms), true) = (steps[1].duration_ms, steps[1].say() != plain[1].say()) {
            let rep = speech_secs(&steps[1].say());
            assert!(
                i64::from(rep) * 1000 <= ms,
                "{}: {rep} s of words in {ms} ms",
                e.id
            );
        }
    }
}

#[test]
fn a_stop_for_pain_before_the_last_turns_of_an_exercise_ends_and_logs_the_session() {
    // Pelvic tilt, then the bridge twice: a stop in the first bridge leaves nothing to
    // play, so the session ends there, with its record.
    let mut s = Session::from_plan(
        "own",
        "Own",
        vec![
            item("pelvic-tilt", 1, 5),
            item("bridge", 2, 5),
            item("bridge", 2, 5),
        ],
        0,
    );
    s.start(T0);
    assert!(s.hurt(T0 + 27 * S, 8), "in the first bridge");
    assert!(s.at(T0 + 28 * S).is_finished());
    let record = s.record().expect("a finished session has its record");
    assert_eq!(record.hurts.len(), 1);
    assert_eq!(record.exercises[0].completion(), Completion::Done);
    assert_eq!(record.exercises[2].completion(), Completion::NotDone);
}

// Pacing preferences.

fn paced(rest: RestPace, get_ready_secs: u32, switch_secs: u32) -> Pace {
    Pace {
        get_ready_secs,
        rest,
        switch_secs,
    }
}

/// Durations in seconds of the steps of `kind` in a timeline.
fn secs_of(steps: &[Step], kind: StepKind) -> Vec<i64> {
    steps
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.duration_ms.unwrap_or(0) / 1000)
        .collect()
}

#[test]
fn each_get_ready_choice_sets_the_countdown() {
    // Described off: nothing said lengthens the get-ready.
    let item = plan(2, 3, PlannedWork::Hold { secs: 5 }, Sides::Together);
    for secs in [5, 10, 15, 20] {
        let steps = compile(
            std::slice::from_ref(&item),
            &paced(RestPace::AsSet, secs, 5),
        );
        assert_eq!(
            secs_of(&steps, StepKind::GetReady),
            [i64::from(secs)],
            "{secs} s"
        );
    }
}

#[test]
fn rests_follow_the_rest_preference_and_never_vanish() {
    let mut item = plan(2, 3, PlannedWork::Hold { secs: 5 }, Sides::Together);
    item.rest_reps_secs = 3;
    item.rest_sets_secs = 30;
    let rests = |item: &PlannedItem, rest| {
        secs_of(
            &compile(std::slice::from_ref(item), &paced(rest, 10, 5)),
            StepKind::Rest,
        )
    };
    // Set 1: two rests between reps; then the rest between sets; set 2: two more.
    assert_eq!(rests(&item, RestPace::AsSet), [3, 3, 30, 3, 3]);
    assert_eq!(
        rests(&item, RestPace::Shorter),
        [1, 1, 15, 1, 1],
        "half, at least 1 s"
    );
    assert_eq!(rests(&item, RestPace::Longer), [6, 6, 60, 6, 6]);
    item.rest_reps_secs = 0;
    assert_eq!(
        rests(&item, RestPace::Longer),
        [60],
        "no rest stays no rest"
    );
    assert_eq!(RestPace::Shorter.apply(1), 1);
    assert_eq!(RestPace::Longer.apply(u16::MAX), u16::MAX);
}

#[test]
fn the_switch_pause_lengthens_only_the_change_of_sides() {
    let item = plan(1, 2, PlannedWork::Hold { secs: 5 }, Sides::EachSide);
    let normal = compile(std::slice::from_ref(&item), &Pace::default());
    let long = compile(&[item], &paced(RestPace::AsSet, 10, 15));
    assert_eq!(secs_of(&normal, StepKind::SwitchSide), [5]);
    assert_eq!(secs_of(&long, StepKind::SwitchSide), [15]);
    assert_eq!(kinds(&normal), kinds(&long));
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    /// A pace never changes which steps there are: a session can take a new one
    /// mid-way and every step keeps its place.
    #[test]
    fn a_pace_changes_lengths_never_steps(
        sets in 0u16..4, reps in 0u16..4, rest_reps in 0u16..5, rest_sets in 0u16..40,
        secs in 0u16..8, sides in 0usize..4, rest in 0usize..3, ready in 0usize..4,
        switch in proptest::bool::ANY,
    ) {
        let sides = [Sides::Together, Sides::EachSide, Sides::Alternating, Sides::TakingTurns][sides];
        let mut item = plan(sets, reps, PlannedWork::Hold { secs }, sides);
        item.rest_reps_secs = rest_reps;
        item.rest_sets_secs = rest_sets;
        let pace = Pace {
            get_ready_secs: [5, 10, 15, 20][ready],
            rest: RestPace::ALL[rest],
            switch_secs: if switch { 15 } else { 5 },
        };
        let a = compile(std::slice::from_ref(&item), &Pace::default());
        let b = compile(&[item], &pace);
        proptest::prop_assert_eq!(kinds(&a), kinds(&b));
    }
}

#[test]
fn a_new_pace_applies_from_the_next_step_and_keeps_the_time() {
    // Get ready 10 s, then holds of 5 s with 10 s rests between sets (1 rep each).
    let mut item = plan(3, 1, PlannedWork::Hold { secs: 5 }, Sides::Together);
    item.rest_sets_secs = 10;
    let mut s = Session::from_plan("r", "R", vec![item], 1);
    s.start(T0);
    // 3 s into the first rest (get ready 10 + hold 5 + 3).
    let now = T0 + 18 * S;
    let before = s.at(now);
    assert_eq!(s.timeline()[before.step].kind, StepKind::Rest);
    assert_eq!(before.remaining_ms, Some(7 * S));
    s.set_pace(now, paced(RestPace::Longer, 20, 5));
    let after = s.at(now);
    assert_eq!(
        (after.step, after.remaining_ms, after.elapsed_active_ms),
        (before.step, before.remaining_ms, before.elapsed_active_ms),
        "the rest playing keeps its length; time played is unchanged"
    );
    // The rest ends on time; the hold follows; the next rest is twice as long.
    let hold = s.at(now + 7 * S);
    assert_eq!(s.timeline()[hold.step].kind, StepKind::Work(Movement::Hold));
    let rest = s.at(now + 12 * S);
    assert_eq!(s.timeline()[rest.step].kind, StepKind::Rest);
    assert_eq!(rest.remaining_ms, Some(20 * S));
    // The first hold counts as done, and the session plays to its end.
    s.update(now + 12 * S);
    s.update(now + 60 * S);
    assert!(s.at(now + 60 * S).is_finished());
    let record = s.record().unwrap();
    assert_eq!(record.exercises[0].reps_done, 3);
    // Saved and read back mid-way, it keeps the pace and the held step.
    let mut t = Session::from_plan(
        "r",
        "R",
        vec![plan(2, 1, PlannedWork::Hold { secs: 5 }, Sides::Together)],
        2,
    );
    t.start(T0);
    t.set_pace(T0 + 2 * S, paced(RestPace::Shorter, 5, 5));
    let saved = SavedSession::of(t.clone());
    let back = decode::<SavedSession>(&encode(&saved, T0).unwrap())
        .unwrap()
        .data;
    let back = back.session.unwrap();
    assert_eq!(back.at(T0 + 3 * S), t.at(T0 + 3 * S));
    assert_eq!(back.pace(), paced(RestPace::Shorter, 5, 5));
}

#[test]
fn a_pace_before_the_start_applies_to_all_and_after_the_end_to_nothing() {
    let item = plan(1, 1, PlannedWork::Hold { secs: 5 }, Sides::Together);
    let mut s = Session::from_plan("r", "R", vec![item], 1);
    s.set_pace(T0, paced(RestPace::AsSet, 20, 5));
    assert_eq!(secs_of(&s.timeline(), StepKind::GetReady), [20]);
    s.start(T0);
    s.update(T0 + 30 * S);
    assert!(s.at(T0 + 30 * S).is_finished());
    s.set_pace(T0 + 31 * S, Pace::default());
    assert_eq!(
        s.pace().get_ready_secs,
        20,
        "a finished session keeps its pace"
    );
}

#[test]
fn an_own_exercise_keeps_its_words_in_the_plan_and_an_older_save_finds_them() {
    use crate::domain::library::own_exercise::OwnExercise;
    use crate::domain::test_support::routines::OwnRoutine;
    let heel = OwnExercise {
        id: 7,
        updated_at: 7,
        name: "Heel slides".into(),
        steps: vec!["Slide one heel along the floor.".into()],
        ..OwnExercise::default()
    };
    let library = Library::new(std::slice::from_ref(&heel));
    let routine = OwnRoutine {
        id: 9,
        salt: 0,
        updated_at: 9,
        name: "Physio".into(),
        items: vec![heel.item()],
    }
    .routine(&library);
    let mut s = routine.session(0, |_| true);
    s.start(T0);
    assert_eq!(s.timeline()[0].exercise_name(), "Heel slides");
    assert!(s.timeline()[0].say().starts_with("Get ready: Heel slides."));
    // The exercise renamed or deleted meanwhile: the session says what it began with.
    let text = serde_json::to_string(&SavedSession::of(s.clone())).unwrap();
    let back: SavedSession = serde_json::from_str(&text).unwrap();
    let Resume::Continue(again) = back.resume(&routine.id, T0 + S, &Library::BUILT_IN) else {
        panic!("the session goes on");
    };
    assert_eq!(again.timeline()[0].exercise_name(), "Heel slides");
    // Saved by an older version, without the words: the library gives them.
    let older = text.replace(
        &format!(
            ",\"own\":{}",
            serde_json::to_string(&s.plan()[0].own).unwrap()
        ),
        "",
    );
    assert!(!older.contains("Heel slides\",\"say_start"), "{older}");
    let back: SavedSession = serde_json::from_str(&older).unwrap();
    let Resume::Continue(found) = back.clone().resume(&routine.id, T0 + S, &library) else {
        panic!("the session goes on");
    };
    assert_eq!(found.timeline()[0].exercise_name(), "Heel slides");
    let Resume::Continue(lost) = back.resume(&routine.id, T0 + S, &Library::BUILT_IN) else {
        panic!("the session goes on");
    };
    assert_eq!(lost.timeline()[0].exercise_name(), heel.exercise_id());
}
