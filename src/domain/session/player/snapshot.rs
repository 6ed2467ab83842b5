//! A session read at a moment: the snapshot the screen draws, the cues that fell due
//! since the last update, what plays next, and whether the session has gone stale.

use super::{Phase, Session};
use crate::domain::session::cues::{cue_points, start_cue, Cue};
use crate::domain::session::timeline::{planned_ms, Step, StepKind};
use crate::domain::Millis;

/// Updates further apart than this are a gap (a hidden tab, a locked screen): cues that
/// fell due in it are dropped, except the start of the step now current.
pub const CUE_GAP_MS: i64 = 1_500;
/// A session untouched for longer than this is stale: the app offers to finish or
/// discard it rather than carry on.
pub const STALE_AFTER_MS: i64 = 60 * 60 * 1000;

/// Where a session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Created, waiting for [`Session::start`].
    NotStarted,
    /// Playing: timed steps follow each other by themselves.
    Running,
    /// Time stands still until [`Session::resume`].
    Paused,
    /// Played to the end, or stopped early. Nothing changes it any more.
    Finished,
}

/// The state of a session at one moment: everything the player screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub status: Status,
    /// The index of the current step in [`Session::timeline`].
    pub step: usize,
    /// Time spent in the current step so far (pauses left out).
    pub step_elapsed_ms: i64,
    /// Time left in the current step; `None` for a tapped rep.
    pub remaining_ms: Option<i64>,
    /// Time spent playing the session so far, pauses left out.
    pub elapsed_active_ms: i64,
    /// How far through the routine, from 0 to 1, by planned time. 1 once finished.
    pub progress: f64,
}

impl Snapshot {
    /// True while paused.
    pub fn is_paused(&self) -> bool {
        self.status == Status::Paused
    }

    /// True once played to the end or stopped.
    pub fn is_finished(&self) -> bool {
        self.status == Status::Finished
    }
}

impl Session {
    /// The state at `now`. Pure: it changes nothing, so it can be asked as often as the
    /// screen redraws.
    pub fn at(&self, now: Millis) -> Snapshot {
        let now = now.max(self.last_seen);
        let steps = self.timeline();
        let last = steps.len().saturating_sub(1);
        let active = self.active_at(now);
        let (mut cur, mut off) = self.locate(&steps, active);
        let mut elapsed = active;
        let mut status = match self.phase {
            Phase::NotStarted => Status::NotStarted,
            Phase::Running { .. } => Status::Running,
            Phase::Paused => Status::Paused,
            Phase::Finished { .. } => Status::Finished,
        };
        if status == Status::Finished || (status != Status::NotStarted && cur >= last) {
            status = Status::Finished;
            elapsed = active.saturating_sub(off);
            cur = last;
            off = 0;
        }
        let step = steps.get(cur);
        let remaining_ms = step
            .and_then(|s| s.duration_ms)
            .map(|d| d.saturating_sub(off).max(0));
        let total = planned_ms(&steps);
        let progress = if status == Status::Finished {
            1.0
        } else if total <= 0 {
            0.0
        } else {
            let current = off.min(step.map_or(0, Step::planned_ms));
            let done = planned_ms(steps.get(..cur).unwrap_or(&[])).saturating_add(current);
            (done as f64 / total as f64).clamp(0.0, 1.0)
        };
        Snapshot {
            status,
            step: cur,
            step_elapsed_ms: off,
            remaining_ms,
            elapsed_active_ms: elapsed,
            progress,
        }
    }

    /// The cues that fell due since the last update, in order, each given once.
    ///
    /// After a gap longer than [`CUE_GAP_MS`] (a hidden tab, a locked screen) the missed
    /// beeps and the starts of steps already over are dropped: only the start of the step
    /// now current is given, if it has not been. Call it on every tick; save the session
    /// after any update that returns cues, so a reload resumes at the right step.
    pub fn update(&mut self, now: Millis) -> Vec<Cue> {
        let now = self.touch(now);
        if self.phase == Phase::NotStarted {
            return Vec::new();
        }
        let steps = self.timeline();
        let last = steps.len().saturating_sub(1);
        let (mut cur, mut off) = self.locate(&steps, self.active_at(now));
        if matches!(self.phase, Phase::Finished { .. }) {
            cur = last;
            off = 0;
        }
        let mut cues = Vec::new();
        let given = (self.cue_step, self.cue_offset);
        if (cur, off) > given {
            if now.saturating_sub(self.cue_at) > CUE_GAP_MS {
                if given < (cur, 0) {
                    if let Some(step) = steps.get(cur) {
                        cues.push(start_cue(step, cur));
                    }
                }
            } else {
                for index in self.cue_step..=cur {
                    if steps.get(index).is_some_and(|s| self.passed_over(s)) {
                        continue;
                    }
                    let due = |at: i64| (index, at) > given && (index < cur || at <= off);
                    cues.extend(cue_points(&steps, index, due));
                }
            }
            self.cue_step = cur;
            self.cue_offset = off;
        }
        self.cue_at = now;
        self.settle(&steps, now);
        cues
    }

    /// The step that plays after the one playing at `now`, passing over the exercises
    /// stopped for pain: what the player names as "Next". `None` once finished.
    pub fn next_step(&self, now: Millis) -> Option<usize> {
        let snapshot = self.at(now);
        if snapshot.is_finished() {
            return None;
        }
        let steps = self.timeline();
        Some(self.playing_from(&steps, snapshot.step + 1))
    }

    /// The exercise (its index in the plan) that plays after the one at `now`, passing
    /// over those stopped for pain, as [`Session::next_step`] does; `None` when only the
    /// end comes after. Whether "Skip this exercise" leads anywhere.
    pub fn next_exercise(&self, now: Millis) -> Option<usize> {
        let snapshot = self.at(now);
        if snapshot.is_finished() {
            return None;
        }
        let steps = self.timeline();
        let current = steps.get(snapshot.step)?.exercise;
        let mut i = snapshot.step + 1;
        loop {
            i = self.playing_from(&steps, i);
            let step = steps.get(i)?;
            if step.kind == StepKind::Finished {
                return None;
            }
            if step.exercise != current {
                return Some(step.exercise);
            }
            i += 1;
        }
    }

    /// True when a started, unfinished session has not been touched for more than
    /// [`STALE_AFTER_MS`]: the app then offers to finish it ([`Session::finish_stale`])
    /// or discard it.
    pub fn is_stale(&self, now: Millis) -> bool {
        matches!(self.phase, Phase::Running { .. } | Phase::Paused)
            && now.saturating_sub(self.last_seen) > STALE_AFTER_MS
    }
}
