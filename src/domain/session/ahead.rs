//! The cues a running session will give ahead of time, so the page can schedule its
//! beeps on the audio clock while its own timers may be throttled.

use super::cues::{timed_cue_points, Cue};
use super::player::{Phase, Session};
use crate::domain::Millis;

impl Session {
    /// The cues that will fall due at wall times in (`after`, `until`], in order, each
    /// with that time, if the session runs on from `now` with no event (no pause, skip,
    /// tap...). Empty unless the session is running at `now`.
    ///
    /// Exactly what [`Session::update`] would give if it were called at every millisecond
    /// after `now`: only cues past where the session is at `now` (those at or before it
    /// are `update`'s), none of the steps passed over, the final step's when it falls in
    /// the range. A tapped rep waits for the person, so nothing after it can be known:
    /// its start is the last cue given. `after` may be later than `now`, to extend a plan
    /// made earlier with no gap and no cue twice. Pure, and cheap: what [`Session::at`]
    /// costs, and a look at each step up to `until`.
    pub fn cues_ahead(&self, now: Millis, after: Millis, until: Millis) -> Vec<(Millis, Cue)> {
        let Phase::Running { since } = self.phase else {
            return Vec::new();
        };
        let now = now.max(self.last_seen);
        let steps = self.timeline();
        let last = steps.len().saturating_sub(1);
        let active = self.active_at(now);
        let (cur, off) = self.locate(&steps, active);
        if cur >= last {
            return Vec::new(); // Played to the end: finished.
        }
        // The wall time at which playing time `active` is reached, running on.
        let wall = |active: i64| since.saturating_add(active.saturating_sub(self.active_ms));
        let mut cues = Vec::new();
        let mut index = cur;
        // The playing time at which step `index` starts.
        let mut start = active.saturating_sub(off);
        loop {
            let at_wall = |at: i64| wall(start.saturating_add(at));
            let due = |at: i64| {
                let t = at_wall(at);
                (index > cur || at > off) && after < t && t <= until
            };
            cues.extend(
                timed_cue_points(&steps, index, due)
                    .into_iter()
                    .map(|(at, cue)| (at_wall(at), cue)),
            );
            // The end, or a tapped rep: nothing comes after it by itself.
            let Some(duration) = steps.get(index).and_then(|s| s.duration_ms) else {
                break;
            };
            if index >= last {
                break;
            }
            start = start.saturating_add(duration);
            if wall(start) > until {
                break;
            }
            index = self.playing_from(&steps, index + 1);
        }
        cues
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::cues::Cue;
    use super::super::plan::{PlannedItem, PlannedWork};
    use super::super::player::{Session, Status};
    use super::super::timeline::{planned_ms, Movement, Pace, RestPace, StepKind};
    use crate::domain::library::exercise::Sides;
    use crate::domain::library::Library;
    use crate::domain::test_support::routines::{builtin, find, Routine};
    use crate::domain::Millis;

    const T0: Millis = 1_763_700_000_000;
    const S: i64 = 1000;
    /// How far ahead the page plans.
    const HORIZON: i64 = 120 * S;

    fn routines() -> Vec<Routine> {
        let mut all = builtin();
        for id in ["core-in-daily-moves", "walking", "seated-hamstring-stretch"] {
            all.push(Routine::single(id, &Library::BUILT_IN).unwrap());
        }
        all
    }

    fn started(routine: &Routine, describe: bool) -> Session {
        let mut s = routine.session(0, |_| describe);
        s.start(T0);
        s
    }

    /// Updates every 250 ms from `from` to `to`, as the page's timer does.
    fn tick(s: &mut Session, from: Millis, to: Millis) {
        let mut t = from;
        while t <= to {
            s.update(t);
            t += 250;
        }
    }

    /// What `update` gives on a copy of `s` from `now` to `until` with no event, each cue
    /// with the time it was given. Called at `now` (what is due by then is its own, not a
    /// plan's), then at most 1 s apart (never a gap, so nothing is dropped) and at `t - 1`
    /// and `t` for each `t` of `times`: a cue given at such a `t` fell due at `t` exactly.
    fn given_by_updates(
        s: &Session,
        now: Millis,
        until: Millis,
        times: &[Millis],
    ) -> Vec<(Millis, Cue)> {
        let mut copy = s.clone();
        copy.update(now);
        let mut calls: BTreeSet<Millis> = (1..)
            .map(|k| now + k * S)
            .take_while(|&t| t <= until)
            .collect();
        calls.insert(until);
        for &t in times {
            calls.extend([t - 1, t]);
        }
        calls
            .into_iter()
            .filter(|&t| t > now && t <= until)
            .flat_map(|t| copy.update(t).into_iter().map(move |c| (t, c)))
            .collect()
    }

    /// The plan from `now` over the horizon, checked against what `update` gives, and
    /// against the same plan made in two parts, the second from a later `now`.
    fn checked_plan(s: &Session, now: Millis, what: &str) -> Vec<(Millis, Cue)> {
        let until = now + HORIZON;
        let plan = s.cues_ahead(now, now, until);
        let times: Vec<Millis> = plan.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            plan,
            given_by_updates(s, now, until, &times),
            "{what}: the plan and the updates"
        );
        assert!(times.windows(2).all(|w| w[0] < w[1]), "{what}: in order");
        // Extended from the middle: the same cues, none twice, none left out.
        let mid = now + HORIZON / 2 + 137;
        let mut parts = s.cues_ahead(now, now, mid);
        parts.extend(s.cues_ahead(now, mid, until));
        assert_eq!(parts, plan, "{what}: extended");
        // The second part made at `mid`, by a session updated until then.
        let mut later = s.clone();
        tick(&mut later, now, mid);
        later.update(mid);
        let rest: Vec<_> = plan.iter().filter(|(t, _)| *t > mid).cloned().collect();
        assert_eq!(
            later.cues_ahead(mid, mid, until),
            rest,
            "{what}: from later"
        );
        plan
    }

    fn paced(rest: RestPace, get_ready_secs: u32, switch_secs: u32) -> Pace {
        Pace {
            get_ready_secs,
            rest,
            switch_secs,
        }
    }

    /// Sessions of `routine` after a few events, each with the time to plan from.
    fn scenarios(routine: &Routine) -> Vec<(&'static str, Session, Millis)> {
        let total = planned_ms(&routine.timeline());
        let mut out = Vec::new();
        for describe in [false, true] {
            out.push(("just started", started(routine, describe), T0));
        }
        let mut s = started(routine, false);
        tick(&mut s, T0, T0 + 47 * S);
        out.push(("ticked 47 s", s, T0 + 47 * S + 130));
        let mut s = started(routine, false);
        tick(&mut s, T0, T0 + 12 * S);
        s.pause(T0 + 12 * S);
        s.resume(T0 + 40 * S);
        out.push(("paused and resumed", s, T0 + 40 * S + 500));
        let mut s = started(routine, false);
        s.skip(T0 + 3 * S);
        s.skip(T0 + 4 * S);
        out.push(("skipped twice", s.clone(), T0 + 4 * S));
        s.back(T0 + 4 * S + 500);
        out.push(("back", s, T0 + 5 * S));
        let mut s = started(routine, false);
        s.back(T0 + 30 * S);
        out.push(("back after 30 s", s, T0 + 30 * S));
        if routine.items.len() > 1 {
            let mut s = started(routine, true);
            s.skip_exercise(T0 + 5 * S);
            out.push(("next exercise", s, T0 + 6 * S));
        }
        let mut s = started(routine, false);
        s.set_pace(T0 + 15 * S, paced(RestPace::Longer, 20, 15));
        out.push(("a longer pace", s.clone(), T0 + 15 * S));
        s.set_pace(T0 + 70 * S, paced(RestPace::Shorter, 5, 5));
        out.push(("then a shorter pace", s, T0 + 71 * S));
        // Tapped reps, done as they come.
        let mut s = started(routine, false);
        for k in 2..6 {
            s.rep_done(T0 + k * 10 * S);
        }
        out.push(("reps tapped", s, T0 + 60 * S));
        // Near the end, with nothing done: it finishes (but for tapped reps).
        let mut s = started(routine, false);
        s.update(T0 + total - 90 * S);
        out.push(("near the end", s, T0 + total - 90 * S));
        out
    }

    #[test]
    fn the_plan_is_what_updates_would_give() {
        let mut seen = Vec::new();
        for routine in routines() {
            let (mut count, mut running) = (0, 0);
            for (what, s, now) in scenarios(&routine) {
                let what = format!("{} {what}", routine.id);
                if s.at(now).status != Status::Running {
                    // Finished by a skip (a routine of one exercise).
                    assert_eq!(s.cues_ahead(now, now, now + HORIZON), [], "{what}");
                    continue;
                }
                running += 1;
                let plan = checked_plan(&s, now, &what);
                count += plan.len();
                seen.extend(plan.into_iter().map(|(_, c)| c));
            }
            assert!(running >= 8, "{}: {running} running", routine.id);
            assert!(count > 5, "{}: {count} cues planned", routine.id);
        }
        assert!(seen.len() > 1000, "{} cues planned", seen.len());
        // Every kind of cue was planned somewhere.
        assert!(seen.iter().any(|c| matches!(c, Cue::Step { .. })));
        assert!(seen.iter().any(|c| matches!(c, Cue::SwitchSides { .. })));
        assert!(seen.iter().any(|c| matches!(c, Cue::Countdown { .. })));
        assert!(seen.iter().any(|c| matches!(c, Cue::Halfway { .. })));
        assert!(seen.iter().any(|c| matches!(c, Cue::Finished { .. })));
    }

    #[test]
    fn the_plan_matches_an_update_at_every_millisecond() {
        let routine = find("desk-break", &Library::BUILT_IN).unwrap();
        let mut s = started(&routine, false);
        tick(&mut s, T0, T0 + 70 * S);
        let now = T0 + 70 * S + 1;
        let until = now + 30 * S;
        let plan = s.cues_ahead(now, now, until);
        let mut copy = s.clone();
        copy.update(now);
        let given: Vec<(Millis, Cue)> = (now + 1..=until)
            .flat_map(|t| copy.update(t).into_iter().map(move |c| (t, c)))
            .collect();
        assert!(plan.len() >= 5, "{plan:?}");
        assert_eq!(plan, given);
    }

    #[test]
    fn steps_of_an_exercise_stopped_for_pain_give_no_cue() {
        let item = |exercise: &str| PlannedItem {
            exercise: exercise.into(),
            own: None,
            sets: 1,
            reps: 2,
            work: PlannedWork::Hold { secs: 5 },
            rest_reps_secs: 3,
            rest_sets_secs: 30,
            sides: Sides::Together,
            describe: false,
        };
        let plan = vec![item("bridge"), item("pelvic-tilt"), item("bridge")];
        let mut s = Session::from_plan("own", "Own", plan, 0);
        s.start(T0);
        assert!(s.hurt(T0 + 12 * S, 8), "stops the bridge");
        s.resume(T0 + 20 * S);
        // The pelvic tilt (10 s get ready, 5 s holds, a 3 s rest), then the end: the
        // second bridge is passed over.
        let now = T0 + 20 * S;
        let plan = checked_plan(&s, now, "stopped for pain");
        let steps = s.timeline();
        assert!(plan.iter().all(|(_, c)| match c {
            Cue::Step { step, .. } => steps[*step].exercise_id == "pelvic-tilt",
            _ => true,
        }));
        assert_eq!(
            plan.last().map(|(t, c)| (*t - now, c.say())),
            Some((23 * S, Some("Well done. Session finished.")))
        );
    }

    #[test]
    fn a_tapped_rep_ends_the_plan() {
        let routine = find("exercise:core-in-daily-moves", &Library::BUILT_IN).unwrap();
        let mut s = started(&routine, false);
        let steps = s.timeline();
        assert_eq!(steps[1].kind, StepKind::Work(Movement::Tapped));
        let ready = steps[0].duration_ms.unwrap();
        let plan = s.cues_ahead(T0, T0, T0 + HORIZON);
        assert_eq!(plan.len(), 4, "3 beeps and the rep: {plan:?}");
        assert!(matches!(plan[3], (t, Cue::Step { step: 1, .. }) if t == T0 + ready));
        // Nothing after it, however far ahead; and nothing while it waits.
        assert!(s.cues_ahead(T0, T0 + ready, T0 + 100 * HORIZON).is_empty());
        assert!(s
            .cues_ahead(T0 + ready, T0 + ready, T0 + HORIZON)
            .is_empty());
        // Tapped: the rest, then the next rep, and no further.
        s.rep_done(T0 + ready + 20 * S);
        let now = T0 + ready + 20 * S;
        let plan = checked_plan(&s, now, "tapped");
        assert!(
            matches!(plan.last(), Some((_, Cue::Step { step: 3, .. }))),
            "{plan:?}"
        );
        assert_eq!(steps[3].kind, StepKind::Work(Movement::Tapped));
    }

    #[test]
    fn the_end_is_planned_when_it_falls_in_range() {
        let routine = find("exercise:bridge", &Library::BUILT_IN).unwrap();
        let s = started(&routine, false);
        let end = T0 + planned_ms(&s.timeline());
        let now = end - 20 * S;
        let plan = s.cues_ahead(now, now, end);
        assert!(plan.len() > 3, "{plan:?}");
        assert!(matches!(plan.last(), Some((t, Cue::Finished { .. })) if *t == end));
        let before = s.cues_ahead(now, now, end - 1);
        assert_eq!(before[..], plan[..plan.len() - 1], "one ms short: not yet");
        assert_eq!(
            s.cues_ahead(now, end, end + HORIZON),
            [],
            "nothing after it"
        );
    }

    #[test]
    fn nothing_is_planned_unless_running() {
        let routine = find("desk-break", &Library::BUILT_IN).unwrap();
        let not_started = routine.session(0, |_| false);
        assert_eq!(not_started.cues_ahead(T0, T0, T0 + HORIZON), []);
        let mut s = started(&routine, false);
        assert!(!s.cues_ahead(T0 + S, T0 + S, T0 + HORIZON).is_empty());
        s.pause(T0 + S);
        assert_eq!(s.cues_ahead(T0 + 2 * S, T0 + 2 * S, T0 + HORIZON), []);
        s.resume(T0 + 3 * S);
        assert!(!s
            .cues_ahead(T0 + 3 * S, T0 + 3 * S, T0 + HORIZON)
            .is_empty());
        // Played to its end, before any update has seen it: finished.
        let end = T0 + planned_ms(&s.timeline()) + 2 * S;
        assert_eq!(s.cues_ahead(end, end, end + HORIZON), []);
        s.stop(T0 + 4 * S);
        assert_eq!(s.cues_ahead(T0 + 4 * S, T0 + 4 * S, T0 + HORIZON), []);
        // An empty range, and one already past.
        let s = started(&routine, false);
        assert_eq!(s.cues_ahead(T0, T0 + 50 * S, T0 + 50 * S), []);
        assert_eq!(s.cues_ahead(T0, T0 - HORIZON, T0), []);
    }
}
