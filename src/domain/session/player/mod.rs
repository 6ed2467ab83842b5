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

use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::cues::{cue_points, start_cue, Cue};
use super::plan::PlannedItem;
use super::timeline::{compile, planned_ms, Movement, Pace, Step, StepKind, Timeline};
use crate::domain::records::safety::STOP_PAIN;
use crate::domain::records::session_record::Hurt;
use crate::domain::Millis;

/// "Back" restarts the current step when it has run longer than this; otherwise it goes
/// to the step before (as a music player does).
pub const BACK_RESTARTS_AFTER_MS: i64 = 2_000;
/// Updates further apart than this are a gap (a hidden tab, a locked screen): cues that
/// fell due in it are dropped, except the start of the step now current.
pub const CUE_GAP_MS: i64 = 1_500;
/// A session untouched for longer than this is stale: the app offers to finish or
/// discard it rather than carry on.
pub const STALE_AFTER_MS: i64 = 60 * 60 * 1000;

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

/// What an "It hurts" is about, at the moment it is said ([`Session::hurt_about`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HurtAbout {
    /// The exercise being played: in a hold, a move, a rest or a change of sides.
    Playing(String),
    /// In a get-ready: the exercise just played, not the one coming (even when it was
    /// stopped for pain already: the one coming has not begun).
    JustPlayed(String),
    /// Nothing has been played yet: the person is asked whether it is about the
    /// exercise coming next (`next`), or none.
    Ask { next: Option<String> },
}

impl HurtAbout {
    /// The exercise's id, when the app can tell it without asking.
    pub fn exercise(&self) -> Option<&str> {
        match self {
            HurtAbout::Playing(id) | HurtAbout::JustPlayed(id) => Some(id),
            HurtAbout::Ask { .. } => None,
        }
    }

    /// The answer to start from: the exercise it is about or, when the person is asked,
    /// the exercise coming next. When unsure, the cautious answer: a high rating stops
    /// that exercise rather than none. The person may choose none instead.
    pub fn to_start_with(&self) -> Option<&str> {
        match self {
            HurtAbout::Ask { next } => next.as_deref(),
            other => other.exercise(),
        }
    }
}

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

    /// Pain from 0 to 10 given before the session, if any.
    pub fn pain_before(&self) -> Option<u8> {
        self.pain_before
    }

    /// Records the pain before the session (0 to 10; higher values count as 10), or
    /// clears it.
    pub fn set_pain_before(&mut self, rating: Option<u8>) {
        self.pain_before = rating.map(|r| r.min(10));
    }

    /// What an "It hurts" at `now` is about; `None` before the start and once finished.
    ///
    /// In a hold, a move, a rest or a change of sides: the exercise being played (a rest
    /// is always between two reps or sets of one exercise). In a get-ready, the next
    /// exercise has not begun: the pain is the exercise just played (the last one of
    /// which something was played, the one getting ready included after "Back"), also
    /// when that one was stopped for pain already and the person chose to try another:
    /// the pain is never put on an exercise not yet begun. Before anything has been
    /// played or stopped, the person is asked: the exercise coming next, or none.
    pub fn hurt_about(&self, now: Millis) -> Option<HurtAbout> {
        let snapshot = self.at(now);
        if snapshot.is_finished() || self.started_at.is_none() {
            return None;
        }
        let steps = self.timeline();
        let cur = snapshot.step;
        let step = steps.get(cur)?;
        if step.kind != StepKind::GetReady {
            return Some(HurtAbout::Playing(step.exercise_id.clone()));
        }
        // Whether some of exercise `index` has been played: time spent in its work, a
        // rep done, or a work step passed by time since the session last moved.
        let played = |index: usize| {
            self.work_ms.get(index).is_some_and(|ms| *ms > 0)
                || steps.iter().enumerate().take(cur).any(|(i, s)| {
                    s.exercise == index
                        && s.is_work()
                        && (self.mark(i) == Mark::Done
                            || (i >= self.anchor_step && !self.passed_over(s)))
                })
        };
        let id = |index: usize| {
            steps
                .iter()
                .find(|s| s.exercise == index)
                .map(|s| s.exercise_id.clone())
                .unwrap_or_default()
        };
        let next = step.exercise_id.clone();
        // The last exercise the person was in: played, or stopped for pain (even one
        // stopped before anything of it was played).
        let last = (0..=step.exercise)
            .rev()
            .find(|&i| played(i) || self.is_stopped(&id(i)));
        Some(match last {
            None => HurtAbout::Ask { next: Some(next) },
            Some(i) => HurtAbout::JustPlayed(id(i)),
        })
    }

    /// The person said "It hurts" at `now`, with pain `rating` (0 to 10), and left the
    /// answer to what it is about as it started ([`HurtAbout::to_start_with`]). See
    /// [`Session::hurt_for`].
    pub fn hurt(&mut self, now: Millis, rating: u8) -> bool {
        let about = self.hurt_about(now);
        let exercise = about
            .as_ref()
            .and_then(HurtAbout::to_start_with)
            .map(str::to_string);
        self.hurt_for(now, rating, exercise.as_deref())
    }

    /// "It hurts" at `now` with pain `rating` (0 to 10), about `exercise` (an id of the
    /// routine's, as [`Session::hurt_about`] gave it or the person chose), or about no
    /// exercise (`None`: it hurt before any was played). The session pauses and the
    /// rating is kept.
    ///
    /// At [`STOP_PAIN`] or more that exercise stops: the rest of it counts as skipped
    /// and the session never plays it again: "Back" does not return to it, and a later
    /// turn of it in the same routine is passed over. Stopped while it plays, the
    /// session waits, paused, at the start of the next exercise (or finishes, after the
    /// last); stopped from the get-ready after it, the session waits at the start of
    /// that get-ready. Returns true when an exercise stopped.
    pub fn hurt_for(&mut self, now: Millis, rating: u8, exercise: Option<&str>) -> bool {
        let rating = rating.min(10);
        let snapshot = self.at(now);
        if snapshot.is_finished() || self.started_at.is_none() {
            return false;
        }
        let current = self
            .timeline()
            .get(snapshot.step)
            .map(|s| s.exercise_id.clone())
            .unwrap_or_default();
        self.pause(now);
        let hurt = Hurt {
            exercise: exercise.unwrap_or_default().to_string(),
            rating,
            at: now.max(self.last_seen),
        };
        let stop = rating >= STOP_PAIN && exercise.is_some_and(|e| !e.is_empty());
        if !stop {
            self.hurts.push(hurt);
            return false;
        }
        if exercise == Some(current.as_str()) {
            // What was played of the exercise counts first; then, with the hurt kept, its
            // steps are passed over, so the move lands past every turn of it.
            self.skip_exercise_then(now, |s| s.hurts.push(hurt));
        } else {
            // The exercise just played: its later turns are passed over, and the
            // get-ready of the next starts again.
            match self.begin_move(now) {
                Some((steps, now, cur, off)) => {
                    self.leave(&steps, cur, off, None);
                    self.hurts.push(hurt);
                    self.jump(&steps, now, cur);
                }
                None => self.hurts.push(hurt),
            }
        }
        true
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

    /// The first step from `from` on that plays: the steps of an exercise stopped for
    /// pain are passed over. The final step is never passed over. The one rule of what
    /// plays next, for the timeline's own moves and for what the player shows.
    pub(super) fn playing_from(&self, steps: &[Step], from: usize) -> usize {
        let last = steps.len().saturating_sub(1);
        (from..last)
            .find(|&i| steps.get(i).is_some_and(|s| !self.passed_over(s)))
            .unwrap_or(last)
    }

    /// Every "It hurts" so far.
    pub fn hurts(&self) -> &[Hurt] {
        &self.hurts
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

    /// True when a started, unfinished session has not been touched for more than
    /// [`STALE_AFTER_MS`]: the app then offers to finish it ([`Session::finish_stale`])
    /// or discard it.
    pub fn is_stale(&self, now: Millis) -> bool {
        matches!(self.phase, Phase::Running { .. } | Phase::Paused)
            && now.saturating_sub(self.last_seen) > STALE_AFTER_MS
    }

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
    fn skip_exercise_then(&mut self, now: Millis, before_moving: impl FnOnce(&mut Self)) {
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
