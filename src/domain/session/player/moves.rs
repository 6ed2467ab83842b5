//! The moves of a session: start, pause, resume, skip (a step or the rest of an
//! exercise), back, rep done, stop, and a change of pace. Each takes `now` and goes
//! through the machinery of the player's root.

use super::{Compiled, Mark, Phase, Session};
use crate::domain::session::timeline::{Movement, Pace, Step, StepKind};
use crate::domain::Millis;

/// "Back" restarts the current step when it has run longer than this; otherwise it goes
/// to the step before (as a music player does).
pub const BACK_RESTARTS_AFTER_MS: i64 = 2_000;

impl Session {
    /// Starts the session at the first step. Does nothing once started.
    pub fn start(&mut self, now: Millis) {
        let now = self.touch(now);
        if self.phase != Phase::NotStarted {
            return;
        }
        let steps = self.timeline();
        self.started_at = Some(now);
        self.active_ms = 0;
        self.anchor_step = 0;
        self.anchor_active = 0;
        self.marks = vec![Mark::Pending; steps.len()];
        self.work_ms = vec![0; self.plan.len()];
        self.cue_step = 0;
        self.cue_offset = -1;
        self.cue_at = now;
        self.phase = Phase::Running { since: now };
        // A routine with nothing to play is finished at once.
        self.settle(&steps, now);
    }

    /// Pauses a running session. Time stops counting until [`Session::resume`].
    pub fn pause(&mut self, now: Millis) {
        let now = self.touch(now);
        self.settle(&self.timeline(), now);
        if let Phase::Running { .. } = self.phase {
            self.active_ms = self.active_at(now);
            self.phase = Phase::Paused;
        }
    }

    /// Resumes a paused session where it was.
    pub fn resume(&mut self, now: Millis) {
        let now = self.touch(now);
        if self.phase == Phase::Paused {
            self.phase = Phase::Running { since: now };
            self.cue_at = now;
        }
    }

    /// Goes on to the next step. Skipping a work step counts that rep as skipped.
    /// Works while paused too (the next step then waits, paused).
    pub fn skip(&mut self, now: Millis) {
        let Some((steps, now, cur, off)) = self.begin_move(now) else {
            return;
        };
        self.leave(&steps, cur, off, Some(Mark::Skipped));
        self.jump(&steps, now, cur + 1);
    }

    /// Goes on to the next exercise, counting what is left of this one as skipped.
    pub fn skip_exercise(&mut self, now: Millis) {
        self.skip_exercise_then(now, |_| {});
    }

    /// [`Session::skip_exercise`], doing `before_moving` once what was played is counted
    /// and before the session moves on (or, when it is not playing, at once).
    pub(super) fn skip_exercise_then(
        &mut self,
        now: Millis,
        before_moving: impl FnOnce(&mut Self),
    ) {
        let Some((steps, now, cur, off)) = self.begin_move(now) else {
            before_moving(self);
            return;
        };
        let exercise = steps.get(cur).map_or(usize::MAX, |s| s.exercise);
        let next = (cur..steps.len())
            .find(|&i| steps.get(i).is_some_and(|s| s.exercise != exercise))
            .unwrap_or(steps.len());
        self.leave(&steps, cur, off, None);
        for i in cur..next {
            if steps.get(i).is_some_and(Step::is_work) && self.mark(i) == Mark::Pending {
                self.set_mark(i, Mark::Skipped);
            }
        }
        before_moving(self);
        self.jump(&steps, now, next);
    }

    /// Restarts the current step when it has run for more than
    /// [`BACK_RESTARTS_AFTER_MS`]; otherwise goes to the step before, to do it again.
    pub fn back(&mut self, now: Millis) {
        let Some((steps, now, cur, off)) = self.begin_move(now) else {
            return;
        };
        self.leave(&steps, cur, off, None);
        let before = cur.saturating_sub(1);
        // An exercise stopped for pain is never offered again: back from the step after
        // it restarts the current step instead.
        let target = if off > BACK_RESTARTS_AFTER_MS
            || steps.get(before).is_some_and(|s| self.passed_over(s))
        {
            cur
        } else {
            before
        };
        self.set_mark(target, Mark::Pending);
        self.jump(&steps, now, target);
    }

    /// The person tapped "done" on a tapped rep: it counts and the session goes on.
    /// Does nothing on any other step.
    pub fn rep_done(&mut self, now: Millis) {
        let Some((steps, now, cur, off)) = self.begin_move(now) else {
            return;
        };
        if steps.get(cur).map(|s| s.kind) != Some(StepKind::Work(Movement::Tapped)) {
            return;
        }
        self.leave(&steps, cur, off, Some(Mark::Done));
        self.jump(&steps, now, cur + 1);
    }

    /// Ends the session early. What was done so far is kept for the record.
    pub fn stop(&mut self, now: Millis) {
        let Some((steps, now, cur, off)) = self.begin_move(now) else {
            return;
        };
        self.leave(&steps, cur, off, None);
        self.jump(&steps, now, steps.len());
    }

    /// Ends a stale session as if stopped at the last moment anything happened in it,
    /// so the hours it lay untouched do not count.
    pub fn finish_stale(&mut self) {
        self.stop(self.last_seen);
    }

    /// Plays the session at `pace` from the next step on: the step playing at `now`
    /// keeps its length, and what has been played keeps its time and marks. Before the
    /// start the whole session takes the new pace; once finished nothing changes.
    pub fn set_pace(&mut self, now: Millis, pace: Pace) {
        if pace == self.pace || matches!(self.phase, Phase::Finished { .. }) {
            return;
        }
        if let Some((steps, now, cur, off)) = self.begin_move(now) {
            // Re-anchor at the start of the current step, with the steps passed since
            // the last anchor counted as played.
            self.credit_passed(&steps, cur);
            self.active_ms = self.active_at(now);
            if let Phase::Running { .. } = self.phase {
                self.phase = Phase::Running { since: now };
            }
            self.anchor_step = cur;
            self.anchor_active = self.active_ms.saturating_sub(off);
            self.held = steps.get(cur).map(|s| (cur, s.duration_ms));
        }
        if matches!(self.phase, Phase::Finished { .. }) {
            return;
        }
        self.pace = pace;
        self.compiled = Compiled::default();
    }
}
