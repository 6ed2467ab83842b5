//! The state machine that plays a session's timeline.
//!
//! The truth is timestamps, never counted ticks. The session keeps the time spent playing
//! (pauses left out) and the step it was last sent to; where it is at any moment is
//! worked out from those by [`Session::at`]. A late or missed tick cannot make it drift,
//! and after the screen has been locked for minutes it lands on the right step with the
//! right time left. A tapped rep has no duration and waits for the person.
//!
//! Every event takes `now`. An event with a `now` earlier than one already seen is
//! treated as happening at that later time, so a clock that steps back breaks nothing.
//!
//! Split by concern: the session's state and the machinery every move shares (here); the
//! moves (`moves`: start, pause, resume, skip, back, rep done, stop, a change of pace);
//! what the screen reads at a moment (`snapshot`); and pain (`hurt`: the rating before,
//! each "It hurts" and what it is about, an exercise stopped for pain).

mod hurt;
mod moves;
mod snapshot;

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::plan::PlannedItem;
use super::timeline::{compile, Pace, Step, StepKind, Timeline};
use crate::domain::records::safety::STOP_PAIN;
use crate::domain::records::session_record::Hurt;
use crate::domain::Millis;

pub use hurt::HurtAbout;
pub use moves::BACK_RESTARTS_AFTER_MS;
pub use snapshot::{Snapshot, Status, CUE_GAP_MS, STALE_AFTER_MS};

/// The timeline, compiled from the plan the first time it is asked for and kept: the
/// plan never changes. A cache, so it takes no part in comparing sessions.
#[derive(Debug, Clone, Default)]
pub(super) struct Compiled(OnceLock<Timeline>);

impl PartialEq for Compiled {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Compiled {}

/// The stored state of a session's life. `Running` keeps when the current stretch of
/// playing began.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", try_from = "StoredPhase")]
pub(super) enum Phase {
    NotStarted,
    Running { since: Millis },
    Paused,
    Finished { at: Millis },
}

/// [`Phase`] as stored (`{"state": "running", "since": 1763700000000}`), read as a plain
/// struct: far less code than serde's reading of a tagged enum.
#[derive(Deserialize)]
struct StoredPhase {
    state: String,
    since: Option<Millis>,
    at: Option<Millis>,
}

impl TryFrom<StoredPhase> for Phase {
    type Error = String;

    fn try_from(p: StoredPhase) -> Result<Self, String> {
        let need = |t: Option<Millis>| t.ok_or(format!("a {} session has no time", p.state));
        Ok(match p.state.as_str() {
            "not_started" => Phase::NotStarted,
            "running" => Phase::Running {
                since: need(p.since)?,
            },
            "paused" => Phase::Paused,
            "finished" => Phase::Finished { at: need(p.at)? },
            other => return Err(format!("unknown state {other:?}")),
        })
    }
}

/// What became of a step: history the timeline alone cannot tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Mark {
    #[default]
    Pending,
    Done,
    Skipped,
}

/// A guided session of one routine: a state machine driven by events that each carry
/// the time they happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub(super) routine_id: String,
    pub(super) routine_name: String,
    pub(super) plan: Vec<PlannedItem>,
    pub(super) phase: Phase,
    pub(super) started_at: Option<Millis>,
    /// The latest time any event or update has carried.
    pub(super) last_seen: Millis,
    /// Time spent playing before the current stretch (all of it unless running).
    pub(super) active_ms: i64,
    /// The step the last event sent the session to, and the playing time it began at.
    /// Timed steps after it follow by themselves.
    pub(super) anchor_step: usize,
    pub(super) anchor_active: i64,
    /// One per step of the timeline.
    pub(super) marks: Vec<Mark>,
    /// Per exercise: time spent in its work steps.
    pub(super) work_ms: Vec<i64>,
    /// Cues up to this step and ms into it have been given (-1: none of the step yet).
    pub(super) cue_step: usize,
    pub(super) cue_offset: i64,
    /// When cues were last asked for, or reset by an event.
    pub(super) cue_at: Millis,
    /// Pain from 0 to 10 before starting, if given.
    #[serde(default)]
    pub(super) pain_before: Option<u8>,
    /// Each "It hurts" during the session.
    #[serde(default)]
    pub(super) hurts: Vec<Hurt>,
    /// The random part of the id of the session's record (0 in sessions saved before
    /// it was kept).
    #[serde(default)]
    pub(super) salt: u32,
    /// The pace the timeline is played at (the default in sessions saved before it).
    #[serde(default)]
    pub(super) pace: Pace,
    /// The step that was playing when the pace last changed, and the length it kept: a
    /// new pace applies from the next step.
    #[serde(default)]
    pub(super) held: Option<(usize, Option<i64>)>,
    /// The timeline, compiled once.
    #[serde(skip)]
    pub(super) compiled: Compiled,
}

impl Session {
    /// A session of a plan, not started yet. `salt` is random: with the starting time it
    /// makes the id of the session's record.
    pub fn from_plan(
        routine_id: &str,
        routine_name: &str,
        plan: Vec<PlannedItem>,
        salt: u32,
    ) -> Session {
        Session {
            routine_id: routine_id.to_string(),
            routine_name: routine_name.to_string(),
            plan,
            phase: Phase::NotStarted,
            started_at: None,
            last_seen: Millis::MIN,
            active_ms: 0,
            anchor_step: 0,
            anchor_active: 0,
            marks: Vec::new(),
            work_ms: Vec::new(),
            cue_step: 0,
            cue_offset: -1,
            cue_at: Millis::MIN,
            pain_before: None,
            hurts: Vec::new(),
            salt,
            pace: Pace::default(),
            held: None,
            compiled: Compiled::default(),
        }
    }

    /// The pace the session plays at.
    pub fn pace(&self) -> Pace {
        self.pace
    }

    /// The id of the routine being played.
    pub fn routine_id(&self) -> &str {
        &self.routine_id
    }

    /// The name of the routine being played.
    pub fn routine_name(&self) -> &str {
        &self.routine_name
    }

    /// The numbers being played.
    pub fn plan(&self) -> &[PlannedItem] {
        &self.plan
    }

    /// The steps of the session, ending with [`StepKind::Finished`]: compiled from the
    /// plan the first time, then shared.
    pub fn timeline(&self) -> Timeline {
        self.compiled
            .0
            .get_or_init(|| {
                let mut steps = compile(&self.plan, &self.pace);
                if let Some((index, duration)) = self.held {
                    if let Some(step) = steps.get_mut(index) {
                        step.duration_ms = duration;
                    }
                }
                Arc::from(steps)
            })
            .clone()
    }

    /// When the session started, once it has.
    pub fn started_at(&self) -> Option<Millis> {
        self.started_at
    }

    /// The latest time any event or update has carried.
    pub fn last_seen(&self) -> Millis {
        self.last_seen
    }

    // What plays.

    /// The first step from `from` on that plays: the steps of an exercise stopped for
    /// pain are passed over. The final step is never passed over. The one rule of what
    /// plays next, for the timeline's own moves and for what the player shows.
    pub(super) fn playing_from(&self, steps: &[Step], from: usize) -> usize {
        let last = steps.len().saturating_sub(1);
        (from..last)
            .find(|&i| steps.get(i).is_some_and(|s| !self.passed_over(s)))
            .unwrap_or(last)
    }

    /// True when the person stopped this exercise for pain ([`Session::hurt`] at
    /// [`STOP_PAIN`] or more): the session plays none of it any more.
    pub fn is_stopped(&self, exercise_id: &str) -> bool {
        self.hurts
            .iter()
            .any(|h| h.rating >= STOP_PAIN && h.exercise == exercise_id)
    }

    /// True for a step of an exercise stopped for pain: it takes no time and is passed
    /// over.
    fn passed_over(&self, step: &Step) -> bool {
        !self.hurts.is_empty()
            && step.kind != StepKind::Finished
            && self.is_stopped(&step.exercise_id)
    }

    // The machinery.

    /// Clamps `now` to the latest time seen and remembers it.
    fn touch(&mut self, now: Millis) -> Millis {
        let now = now.max(self.last_seen);
        self.last_seen = now;
        now
    }

    /// Playing time up to `now`.
    pub(super) fn active_at(&self, now: Millis) -> i64 {
        match self.phase {
            Phase::Running { since } => self
                .active_ms
                .saturating_add(now.saturating_sub(since).max(0)),
            _ => self.active_ms,
        }
    }

    /// The step and the ms into it at playing time `active`: timed steps after the
    /// anchor follow each other by themselves; a tapped rep waits.
    pub(super) fn locate(&self, steps: &[Step], active: i64) -> (usize, i64) {
        let last = steps.len().saturating_sub(1);
        let mut index = self.anchor_step.min(last);
        let mut off = active.saturating_sub(self.anchor_active).max(0);
        loop {
            index = self.playing_from(steps, index);
            if index >= last {
                break;
            }
            match steps.get(index).and_then(|s| s.duration_ms) {
                Some(duration) if off >= duration => {
                    off -= duration;
                    index += 1;
                }
                _ => break,
            }
        }
        (index, off)
    }

    /// If a running session has played to its end by `now`, makes it finished, at the
    /// moment it reached the end.
    fn settle(&mut self, steps: &[Step], now: Millis) {
        let Phase::Running { since } = self.phase else {
            return;
        };
        let active = self.active_at(now);
        let (cur, off) = self.locate(steps, active);
        if cur + 1 < steps.len() {
            return;
        }
        let end_active = active.saturating_sub(off);
        self.credit_passed(steps, cur);
        let at = since.saturating_add(end_active.saturating_sub(self.active_ms));
        self.active_ms = end_active;
        self.anchor_step = cur;
        self.anchor_active = end_active;
        self.phase = Phase::Finished { at };
    }

    /// The common start of skip, back, rep_done and stop: the session must be playing
    /// (running or paused). Gives the timeline, the clamped time and where it is.
    fn begin_move(&mut self, now: Millis) -> Option<(Timeline, Millis, usize, i64)> {
        let now = self.touch(now);
        let steps = self.timeline();
        self.settle(&steps, now);
        if !matches!(self.phase, Phase::Running { .. } | Phase::Paused) {
            return None;
        }
        let (cur, off) = self.locate(&steps, self.active_at(now));
        Some((steps, now, cur, off))
    }

    /// Steps from the anchor up to `to` (not included) played out in full: their work
    /// counts as done.
    fn credit_passed(&mut self, steps: &[Step], to: usize) {
        for i in self.anchor_step..to {
            if let Some(step) = steps.get(i).filter(|s| s.is_work()) {
                if self.passed_over(step) {
                    if self.mark(i) == Mark::Pending {
                        self.set_mark(i, Mark::Skipped);
                    }
                    continue;
                }
                self.set_mark(i, Mark::Done);
                self.add_work(step.exercise, step.duration_ms.unwrap_or(0));
            }
        }
    }

    /// Leaves step `cur` after `off` ms in it, marking it `mark` if it is work.
    fn leave(&mut self, steps: &[Step], cur: usize, off: i64, mark: Option<Mark>) {
        self.credit_passed(steps, cur);
        if let Some(step) = steps.get(cur).filter(|s| s.is_work()) {
            self.add_work(step.exercise, off);
            if let Some(mark) = mark {
                self.set_mark(cur, mark);
            }
        }
    }

    /// Sends the session to step `target` from `now`; past the last step, it finishes.
    fn jump(&mut self, steps: &[Step], now: Millis, target: usize) {
        let last = steps.len().saturating_sub(1);
        let target = target.min(last);
        self.active_ms = self.active_at(now);
        if let Phase::Running { .. } = self.phase {
            self.phase = Phase::Running { since: now };
        }
        self.anchor_step = target;
        self.anchor_active = self.active_ms;
        self.cue_step = target;
        self.cue_offset = -1;
        self.cue_at = now;
        // Past the last step, or only steps passed over left: the end.
        if self.locate(steps, self.active_ms).0 >= last {
            self.phase = Phase::Finished { at: now };
        }
    }

    pub(super) fn mark(&self, i: usize) -> Mark {
        self.marks.get(i).copied().unwrap_or_default()
    }

    fn set_mark(&mut self, i: usize, mark: Mark) {
        if let Some(m) = self.marks.get_mut(i) {
            *m = mark;
        }
    }

    fn add_work(&mut self, exercise: usize, ms: i64) {
        if let Some(total) = self.work_ms.get_mut(exercise) {
            *total = total.saturating_add(ms.max(0));
        }
    }
}
