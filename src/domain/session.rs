//! The guided session: a routine compiled into a timeline of steps, and the state machine
//! that plays it.
//!
//! The truth is timestamps, never counted ticks. The session keeps the time spent playing
//! (pauses left out) and the step it was last sent to; where it is at any moment is
//! worked out from those by [`Session::at`]. A late or missed tick cannot make it drift,
//! and after the screen has been locked for minutes it lands on the right step with the
//! right time left. A tapped rep has no duration and waits for the person.
//!
//! Every event takes `now`. An event with a `now` earlier than one already seen is
//! treated as happening at that later time, so a clock that steps back breaks nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalog;
use super::exercise::{Sides, SWITCH_SIDE_SECS, TAPPED_REP_ESTIMATE_SECS};
use super::routine::{PlannedItem, PlannedWork, Routine};
use super::safety::STOP_PAIN;
use super::session_record::{ExerciseRecord, Hurt, SessionRecord};
use super::storage_schema::Record;
use super::Millis;

/// Seconds of the get-ready countdown before each exercise (the app's own figure): time
/// to hear the name, glance at the picture and get into position.
pub const GET_READY_SECS: u32 = 10;
/// "Back" restarts the current step when it has run longer than this; otherwise it goes
/// to the step before (as a music player does).
pub const BACK_RESTARTS_AFTER_MS: i64 = 2_000;
/// Holds (and activities) at least this long get a "halfway" cue.
pub const HALFWAY_FROM_SECS: u32 = 20;
/// Updates further apart than this are a gap (a hidden tab, a locked screen): cues that
/// fell due in it are dropped, except the start of the step now current.
pub const CUE_GAP_MS: i64 = 1_500;
/// A session untouched for longer than this is stale: the app offers to finish or
/// discard it rather than carry on.
pub const STALE_AFTER_MS: i64 = 60 * 60 * 1000;
/// The most sets the player plays of one exercise; more are treated as this many.
pub const MAX_SETS: u16 = 20;
/// The most reps the player plays in one set; more are treated as this many.
pub const MAX_REPS: u16 = 100;

/// Seconds left at which a countdown beeps: 3, 2, 1.
const COUNTDOWN_SECS: [u8; 3] = [3, 2, 1];

/// A side of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Sided exercises start on the left.
    Left,
    Right,
}

impl Side {
    /// "left" or "right".
    pub fn label(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Side::Left => "Left",
            Side::Right => "Right",
        }
    }
}

/// What a work step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// Held still for the step's duration.
    Hold,
    /// One steady movement taking the step's duration.
    Paced,
    /// Done at the person's own speed; ends when they tap.
    Tapped,
    /// A timed activity, such as a walk.
    Minutes,
}

/// What a step of the timeline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// The countdown before each exercise.
    GetReady,
    /// A hold, a movement, a tapped rep or an activity.
    Work(Movement),
    /// A rest between reps or between sets.
    Rest,
    /// Time to change sides, for an exercise done on each side in turn.
    SwitchSide,
    /// The end: the last step of every timeline.
    Finished,
}

/// One step of a session's timeline.
///
/// Get-ready, rest and switch-side steps carry the set, rep and side of the work that
/// comes next, so "set 2 of 3" can be shown while resting before it. The final
/// [`StepKind::Finished`] step has the exercise index one past the last item, an empty
/// id, and zeros for sets and reps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    /// The index of the exercise in the routine's items.
    pub exercise: usize,
    /// The catalogue id of the exercise.
    pub exercise_id: String,
    /// How the exercise works the two sides.
    pub sides: Sides,
    /// 1-based.
    pub set: u16,
    pub sets: u16,
    /// 1-based; per side for [`Sides::EachSide`].
    pub rep: u16,
    pub reps: u16,
    pub side: Option<Side>,
    /// How long the step lasts; `None` for a tapped rep, which waits for the person.
    pub duration_ms: Option<i64>,
}

impl Step {
    /// True for a hold, a movement, a tapped rep or an activity.
    pub fn is_work(&self) -> bool {
        matches!(self.kind, StepKind::Work(_))
    }

    /// The exercise's name, or its id if the library no longer has it.
    pub fn exercise_name(&self) -> &str {
        catalog::get(&self.exercise_id).map_or(self.exercise_id.as_str(), |e| e.name)
    }

    /// The time the step is planned to take, counting a tapped rep as
    /// [`TAPPED_REP_ESTIMATE_SECS`].
    pub fn planned_ms(&self) -> i64 {
        match (self.kind, self.duration_ms) {
            (_, Some(ms)) => ms,
            (StepKind::Work(Movement::Tapped), None) => secs_ms(TAPPED_REP_ESTIMATE_SECS),
            _ => 0,
        }
    }

    /// What to say when the step starts.
    pub fn say(&self) -> String {
        let secs = self.duration_ms.unwrap_or(0) / 1000;
        match self.kind {
            StepKind::GetReady => format!("Get ready: {}.", self.exercise_name()),
            StepKind::Rest if self.rep == 1 && self.set > 1 => {
                format!("Rest {} before set {}.", count(secs, "second"), self.set)
            }
            StepKind::Rest => format!("Rest {}.", count(secs, "second")),
            StepKind::SwitchSide => format!(
                "Switch to the {} side.",
                self.side.unwrap_or(Side::Right).label()
            ),
            StepKind::Finished => "Well done. Session finished.".to_string(),
            StepKind::Work(movement) => self.work_say(movement, secs),
        }
    }

    fn work_say(&self, movement: Movement, secs: i64) -> String {
        let name = self.exercise_name();
        let action = match movement {
            Movement::Hold => format!("Hold for {}.", count(secs, "second")),
            Movement::Paced => format!("Move slowly, about {} each time.", count(secs, "second")),
            Movement::Tapped => "Tap when done.".to_string(),
            Movement::Minutes => return format!("{name} for {}.", count(secs / 60, "minute")),
        };
        // The first movement of a set says what it is.
        if self.rep == 1 && self.side != Some(Side::Right) {
            let mut text = format!("{name}.");
            if self.sets > 1 {
                text.push_str(&format!(" Set {} of {}.", self.set, self.sets));
            }
            if let Some(side) = self.side {
                text.push_str(&format!(" {} side.", side.title()));
            }
            return format!("{text} {action}");
        }
        let alternating = self.sides == Sides::Alternating;
        let turns = self.sides == Sides::TakingTurns;
        match (movement, self.side) {
            // Each rep is one side's move: count it and name the side.
            (Movement::Paced, Some(side)) if turns => format!("{}, {}.", self.rep, side.label()),
            (_, Some(side)) if turns => format!(
                "Rep {} of {}, {} side. {action}",
                self.rep,
                self.reps,
                side.label()
            ),
            // Quick movements are counted, not described again.
            (Movement::Paced, Some(Side::Right)) if alternating => "Right.".to_string(),
            (Movement::Paced, Some(Side::Left)) if alternating => format!("{}, left.", self.rep),
            (Movement::Paced, _) if self.rep > 1 => format!("{}.", self.rep),
            (_, Some(Side::Right)) if self.rep == 1 || alternating => {
                format!("Right side. {action}")
            }
            (_, Some(Side::Left)) if alternating => {
                format!("Rep {} of {}, left side. {action}", self.rep, self.reps)
            }
            _ => format!("Rep {} of {}. {action}", self.rep, self.reps),
        }
    }
}

/// "1 second", "10 seconds".
fn count(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn secs_ms(secs: u32) -> i64 {
    i64::from(secs) * 1000
}

/// The timeline a plan plays: for each exercise a get-ready countdown, then its sets,
/// reps, rests and side switches, and a final [`StepKind::Finished`].
///
/// An exercise with no sets, no reps or a zero-second hold plays nothing and is left
/// out. Rests of zero seconds are left out. An activity is one timed work step.
pub fn compile(plan: &[PlannedItem]) -> Vec<Step> {
    let mut steps = Vec::new();
    for (index, item) in plan.iter().enumerate() {
        let sets = item.sets.min(MAX_SETS);
        let reps = item.reps.min(MAX_REPS);
        let (movement, work_ms) = match item.work {
            PlannedWork::Hold { secs } => (Movement::Hold, Some(secs_ms(secs.into()))),
            PlannedWork::Paced { secs } => (Movement::Paced, Some(secs_ms(secs.into()))),
            PlannedWork::Tapped => (Movement::Tapped, None),
            PlannedWork::Minutes { minutes } => {
                (Movement::Minutes, Some(i64::from(minutes) * 60_000))
            }
        };
        if sets == 0 || reps == 0 || work_ms == Some(0) {
            continue;
        }
        let first_side = match item.sides {
            Sides::Together => None,
            Sides::EachSide | Sides::Alternating | Sides::TakingTurns => Some(Side::Left),
        };
        let base = Step {
            kind: StepKind::GetReady,
            exercise: index,
            exercise_id: item.exercise.clone(),
            sides: item.sides,
            set: 1,
            sets,
            rep: 1,
            reps,
            side: first_side,
            duration_ms: Some(secs_ms(GET_READY_SECS)),
        };
        if movement == Movement::Minutes {
            let base = Step {
                sides: Sides::Together,
                sets: 1,
                reps: 1,
                side: None,
                ..base
            };
            steps.push(base.clone());
            steps.push(Step {
                kind: StepKind::Work(movement),
                duration_ms: work_ms,
                ..base
            });
            continue;
        }
        steps.push(base.clone());
        let rest_reps = secs_ms(item.rest_reps_secs.into());
        let rest_sets = secs_ms(item.rest_sets_secs.into());
        let mut push = |kind: StepKind, set: u16, rep: u16, side: Option<Side>, ms: Option<i64>| {
            if ms != Some(0) {
                steps.push(Step {
                    kind,
                    set,
                    rep,
                    side,
                    duration_ms: ms,
                    ..base.clone()
                });
            }
        };
        let work = StepKind::Work(movement);
        for set in 1..=sets {
            if set > 1 {
                push(StepKind::Rest, set, 1, first_side, Some(rest_sets));
            }
            let sides: &[Option<Side>] = match item.sides {
                // Taking turns: the loop below gives each rep its side.
                Sides::Together | Sides::TakingTurns => &[None],
                Sides::EachSide => &[Some(Side::Left), Some(Side::Right)],
                // Both sides make one rep: the loop below plays them together.
                Sides::Alternating => &[Some(Side::Left)],
            };
            for &side in sides {
                if side == Some(Side::Right) {
                    push(
                        StepKind::SwitchSide,
                        set,
                        1,
                        side,
                        Some(secs_ms(SWITCH_SIDE_SECS)),
                    );
                }
                for rep in 1..=reps {
                    let side = match item.sides {
                        Sides::TakingTurns if rep % 2 == 0 => Some(Side::Right),
                        Sides::TakingTurns => Some(Side::Left),
                        _ => side,
                    };
                    if rep > 1 {
                        push(StepKind::Rest, set, rep, side, Some(rest_reps));
                    }
                    push(work, set, rep, side, work_ms);
                    if item.sides == Sides::Alternating {
                        push(work, set, rep, Some(Side::Right), work_ms);
                    }
                }
            }
        }
    }
    steps.push(Step {
        kind: StepKind::Finished,
        exercise: plan.len(),
        exercise_id: String::new(),
        sides: Sides::Together,
        set: 0,
        sets: 0,
        rep: 0,
        reps: 0,
        side: None,
        duration_ms: Some(0),
    });
    steps
}

/// The time a timeline is planned to take, in ms, counting each tapped rep as
/// [`TAPPED_REP_ESTIMATE_SECS`].
pub fn planned_ms(steps: &[Step]) -> i64 {
    steps
        .iter()
        .fold(0i64, |sum, s| sum.saturating_add(s.planned_ms()))
}

/// Something for the platform to play: a beep, a vibration, words to speak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// A step started (a change of phase): beep or vibrate, and say `say`.
    Step { step: usize, say: String },
    /// A switch-side step started.
    SwitchSides { step: usize, say: String },
    /// A countdown beep near the end of a get-ready, a rest or a switch of sides.
    Countdown { secs_left: u8 },
    /// Half of a hold of [`HALFWAY_FROM_SECS`] or more (or of an activity) is done.
    Halfway { say: String },
    /// The session is over.
    Finished { say: String },
}

impl Cue {
    /// The words to speak, if any.
    pub fn say(&self) -> Option<&str> {
        match self {
            Cue::Step { say, .. }
            | Cue::SwitchSides { say, .. }
            | Cue::Halfway { say }
            | Cue::Finished { say } => Some(say),
            Cue::Countdown { .. } => None,
        }
    }
}

/// The cue for the start of step `index`.
fn start_cue(step: &Step, index: usize) -> Cue {
    let say = step.say();
    match step.kind {
        StepKind::SwitchSide => Cue::SwitchSides { step: index, say },
        StepKind::Finished => Cue::Finished { say },
        _ => Cue::Step { step: index, say },
    }
}

/// The cues of step `index`, each with the ms into the step at which it falls due.
fn cue_points(steps: &[Step], index: usize) -> Vec<(i64, Cue)> {
    let Some(step) = steps.get(index) else {
        return Vec::new();
    };
    let mut cues = vec![(0, start_cue(step, index))];
    let duration = step.duration_ms.unwrap_or(0);
    match step.kind {
        StepKind::GetReady | StepKind::Rest | StepKind::SwitchSide => {
            for secs_left in COUNTDOWN_SECS {
                let at = duration - i64::from(secs_left) * 1000;
                if at > 0 {
                    cues.push((at, Cue::Countdown { secs_left }));
                }
            }
        }
        StepKind::Work(Movement::Hold | Movement::Minutes)
            if duration >= secs_ms(HALFWAY_FROM_SECS) =>
        {
            cues.push((
                duration / 2,
                Cue::Halfway {
                    say: "Halfway.".to_string(),
                },
            ));
        }
        _ => {}
    }
    cues
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
#[serde(tag = "state", rename_all = "snake_case")]
enum Phase {
    NotStarted,
    Running { since: Millis },
    Paused,
    Finished { at: Millis },
}

/// What became of a step: history the timeline alone cannot tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Mark {
    #[default]
    Pending,
    Done,
    Skipped,
}

/// A guided session of one routine: a state machine driven by events that each carry
/// the time they happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    routine_id: String,
    routine_name: String,
    plan: Vec<PlannedItem>,
    phase: Phase,
    started_at: Option<Millis>,
    /// The latest time any event or update has carried.
    last_seen: Millis,
    /// Time spent playing before the current stretch (all of it unless running).
    active_ms: i64,
    /// The step the last event sent the session to, and the playing time it began at.
    /// Timed steps after it follow by themselves.
    anchor_step: usize,
    anchor_active: i64,
    /// One per step of the timeline.
    marks: Vec<Mark>,
    /// Per exercise: time spent in its work steps.
    work_ms: Vec<i64>,
    /// Cues up to this step and ms into it have been given (-1: none of the step yet).
    cue_step: usize,
    cue_offset: i64,
    /// When cues were last asked for, or reset by an event.
    cue_at: Millis,
    /// Pain from 0 to 10 before starting, if given.
    #[serde(default)]
    pain_before: Option<u8>,
    /// Each "It hurts" during the session.
    #[serde(default)]
    hurts: Vec<Hurt>,
}

impl Session {
    /// A session of `routine`, not started yet.
    pub fn new(routine: &Routine) -> Session {
        Session::from_plan(&routine.id, &routine.name, routine.plan())
    }

    /// A session of a plan, not started yet.
    pub fn from_plan(routine_id: &str, routine_name: &str, plan: Vec<PlannedItem>) -> Session {
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
        }
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

    /// The person said "It hurts" at `now`, with pain `rating` (0 to 10): the session
    /// pauses and the rating is kept with the exercise being played. At [`STOP_PAIN`] or
    /// more that exercise stops: the rest of it counts as skipped, the session waits,
    /// paused, at the start of the next one (or finishes, after the last), and it never
    /// plays that exercise again: "Back" does not return to it, and a later turn of it
    /// in the same routine is passed over. Returns true when it stopped.
    pub fn hurt(&mut self, now: Millis, rating: u8) -> bool {
        let rating = rating.min(10);
        let snapshot = self.at(now);
        if snapshot.is_finished() || self.started_at.is_none() {
            return false;
        }
        let exercise = self
            .timeline()
            .get(snapshot.step)
            .map(|s| s.exercise_id.clone())
            .unwrap_or_default();
        self.pause(now);
        let stop = rating >= STOP_PAIN;
        // Moved on first, so what was played of the exercise counts; from then on its
        // steps are passed over.
        if stop {
            self.skip_exercise(now);
        }
        self.hurts.push(Hurt {
            exercise,
            rating,
            at: now.max(self.last_seen),
        });
        stop
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

    /// The steps of the session, ending with [`StepKind::Finished`].
    pub fn timeline(&self) -> Vec<Step> {
        compile(&self.plan)
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
        let Some((steps, now, cur, off)) = self.begin_move(now) else {
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
                    for (at, cue) in cue_points(&steps, index) {
                        if (index, at) > given && (index < cur || at <= off) {
                            cues.push(cue);
                        }
                    }
                }
            }
            self.cue_step = cur;
            self.cue_offset = off;
        }
        self.cue_at = now;
        self.settle(&steps, now);
        cues
    }

    /// What was done, once the session has finished.
    pub fn record(&self) -> Option<SessionRecord> {
        let Phase::Finished { at } = self.phase else {
            return None;
        };
        let started_at = self.started_at?;
        let steps = self.timeline();
        let exercises = self
            .plan
            .iter()
            .enumerate()
            .map(|(index, item)| {
                // Per (set, rep): whether every movement of it was done.
                let mut reps: BTreeMap<(u16, u16), bool> = BTreeMap::new();
                let mut skipped = false;
                for (i, step) in steps.iter().enumerate() {
                    if step.exercise != index || !step.is_work() {
                        continue;
                    }
                    let mark = self.mark(i);
                    skipped |= mark == Mark::Skipped;
                    let done = reps.entry((step.set, step.rep)).or_insert(true);
                    *done &= mark == Mark::Done;
                }
                let sets_planned = reps.keys().map(|(set, _)| *set).max().unwrap_or(0);
                let sets_done = (1..=sets_planned)
                    .filter(|set| {
                        reps.iter()
                            .filter(|((s, _), _)| s == set)
                            .all(|(_, done)| *done)
                    })
                    .count();
                let work_ms = self.work_ms.get(index).copied().unwrap_or(0);
                ExerciseRecord {
                    exercise: item.exercise.clone(),
                    sets_planned,
                    sets_done: u16::try_from(sets_done).unwrap_or(u16::MAX),
                    reps_planned: u32::try_from(reps.len()).unwrap_or(u32::MAX),
                    reps_done: u32::try_from(reps.values().filter(|d| **d).count())
                        .unwrap_or(u32::MAX),
                    skipped,
                    work_secs: ms_to_secs(work_ms),
                }
            })
            .collect();
        Some(SessionRecord {
            routine_id: self.routine_id.clone(),
            routine_name: self.routine_name.clone(),
            started_at,
            ended_at: at,
            active_secs: ms_to_secs(self.active_ms),
            exercises,
            pain_before: self.pain_before,
            hurts: self.hurts.clone(),
            ..SessionRecord::default()
        })
    }

    // The machinery.

    /// Clamps `now` to the latest time seen and remembers it.
    fn touch(&mut self, now: Millis) -> Millis {
        let now = now.max(self.last_seen);
        self.last_seen = now;
        now
    }

    /// Playing time up to `now`.
    fn active_at(&self, now: Millis) -> i64 {
        match self.phase {
            Phase::Running { since } => self
                .active_ms
                .saturating_add(now.saturating_sub(since).max(0)),
            _ => self.active_ms,
        }
    }

    /// The step and the ms into it at playing time `active`: timed steps after the
    /// anchor follow each other by themselves; a tapped rep waits.
    fn locate(&self, steps: &[Step], active: i64) -> (usize, i64) {
        let last = steps.len().saturating_sub(1);
        let mut index = self.anchor_step.min(last);
        let mut off = active.saturating_sub(self.anchor_active).max(0);
        while index < last {
            if steps.get(index).is_some_and(|s| self.passed_over(s)) {
                index += 1;
                continue;
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
    fn begin_move(&mut self, now: Millis) -> Option<(Vec<Step>, Millis, usize, i64)> {
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

    fn mark(&self, i: usize) -> Mark {
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

/// Whole seconds, rounded to the nearest.
fn ms_to_secs(ms: i64) -> u32 {
    u32::try_from(ms.max(0).saturating_add(500) / 1000).unwrap_or(u32::MAX)
}

/// The session in progress, saved so it survives a reload. The default is "no session".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSession {
    pub session: Option<Session>,
}

impl Record for SavedSession {
    const NAME: &'static str = "session";
    /// 2: the session gained `pain_before` and `hurts`. An app that reads only schema 1
    /// would drop them when saving, so it must refuse this data as newer instead.
    const SCHEMA: u32 = 2;

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // Both fields added in 2 have defaults: the data only has to be a saved
            // session, or none.
            1 => {
                use serde_json::Value;
                let object = data
                    .as_object()
                    .ok_or("the saved session is not an object")?;
                match object.get("session") {
                    None | Some(Value::Null | Value::Object(_)) => Ok(data),
                    Some(_) => Err("the session is not a session".into()),
                }
            }
            _ => Err(format!("no migration from schema {from}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::routine::{builtin, find};
    use crate::domain::session_record::Completion;
    use crate::domain::storage_schema::{decode, encode, DecodeError};

    const T0: Millis = 1_763_700_000_000;
    const S: i64 = 1000;

    fn session(routine_id: &str) -> Session {
        Session::new(&find(routine_id).unwrap())
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
        let mut saved = Session::new(&find("gentle-start").unwrap());
        assert!(!saved.hurt(T0, 9), "nothing to stop before the start");
        saved.set_pain_before(Some(11));
        assert_eq!(saved.pain_before(), Some(10));
        let text = encode(
            &SavedSession {
                session: Some(s.clone()),
            },
            T0,
        );
        let back: SavedSession = decode(&text).unwrap().data;
        assert_eq!(
            back.session.unwrap().hurts().len(),
            3,
            "kept across a reload"
        );
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
        let steps = compile(&[plan(
            1,
            4,
            PlannedWork::Paced { secs: 4 },
            Sides::TakingTurns,
        )]);
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
        let bug = crate::domain::catalog::get("dead-bug").unwrap();
        assert_eq!(bug.dose.sides, Sides::TakingTurns);
        let bug_steps = Routine::single("dead-bug").unwrap().timeline();
        assert_eq!(bug_steps.iter().filter(|s| s.is_work()).count(), 20);
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
            ("gentle-start", 43, 5 + 8 + 10, 4 + 2 + 1 + 8 + 1, 0),
            // Core stability's reps start at 5; the dead bug's reps are one side each.
            ("core-stability", 63, 15 + 10 + 10, 12 + 2 + 1 + 8 + 1, 0),
            ("desk-break", 49, 10 + 3 + 6 + 5, 9 + 2 + 4 + 4, 1),
            ("flare-up", 42, 5 + 8 + 10 + 2, 4 + 2 + 1 + 4 + 1, 0),
        ];
        for (id, total, work, rests, switches) in expected {
            let routine = find(id).unwrap();
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
        // Knee rolls in the gentle start: 2 sets of 2 reps, taking turns.
        let steps = find("gentle-start").unwrap().timeline();
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
                (StepKind::Rest, 2, 1, l),
                (w, 2, 1, l),
                (w, 2, 1, r),
                (StepKind::Rest, 2, 2, l),
                (w, 2, 2, l),
                (w, 2, 2, r),
            ]
        );
        let rest = steps.iter().find(|s| s.kind == StepKind::Rest).unwrap();
        assert_eq!(rest.duration_ms, Some(5 * S), "the pelvic tilt's rests");
    }

    #[test]
    fn each_side_does_all_reps_on_one_side_then_switches() {
        let steps = find("desk-break").unwrap().timeline();
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
        let walk = Routine::single("walking").unwrap().timeline();
        assert_eq!(
            kinds(&walk),
            [
                StepKind::GetReady,
                StepKind::Work(Movement::Minutes),
                StepKind::Finished
            ]
        );
        assert_eq!(walk[1].duration_ms, Some(5 * 60 * S));

        let tapped = Routine::single("core-in-daily-moves").unwrap().timeline();
        let work: Vec<&Step> = tapped.iter().filter(|s| s.is_work()).collect();
        assert_eq!(work.len(), 5);
        assert!(work.iter().all(|s| s.duration_ms.is_none()));
    }

    #[test]
    fn plans_that_play_nothing_are_left_out_and_huge_ones_are_capped() {
        let hold = PlannedWork::Hold { secs: 5 };
        let steps = compile(&[
            plan(0, 5, hold, Sides::Together),
            plan(1, 0, hold, Sides::Together),
            plan(1, 5, PlannedWork::Hold { secs: 0 }, Sides::Together),
        ]);
        assert_eq!(kinds(&steps), [StepKind::Finished]);
        assert_eq!(steps[0].exercise, 3);

        let big = compile(&[plan(u16::MAX, u16::MAX, hold, Sides::Alternating)]);
        let work = big.iter().filter(|s| s.is_work()).count();
        assert_eq!(work, usize::from(MAX_SETS) * usize::from(MAX_REPS) * 2);
    }

    // Spoken text.

    #[test]
    fn steps_say_what_to_do() {
        let says = |routine: &str| -> Vec<String> {
            find(routine)
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
            "Seated hamstring stretch. Left side. Hold for 20 seconds."
        );
        assert_eq!(ham[3], "Rep 2 of 3. Hold for 20 seconds.");
        assert_eq!(ham[6], "Switch to the right side.");
        assert_eq!(ham[7], "Right side. Hold for 20 seconds.");

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
        assert_eq!((knee.sets_planned, knee.sets_done), (2, 2));
        assert_eq!((knee.reps_planned, knee.reps_done), (4, 4));
        assert_eq!(knee.work_secs, 2 * 2 * 2 * 5);
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
        assert_eq!(switch.1.say(), Some("Switch to the right side."));
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
        let text = encode(
            &SavedSession {
                session: Some(s.clone()),
            },
            T0 + 77_300,
        );
        let back = decode::<SavedSession>(&text).unwrap().data.session.unwrap();
        assert_eq!(back, s);
        for t in [T0 + 77_300, T0 + 78_000, T0 + 200 * S, T0 + 3_600 * S] {
            assert_eq!(back.at(t), s.at(t));
        }
        let mut a = back;
        assert_eq!(a.update(T0 + 77_500), s.update(T0 + 77_500));
        assert_eq!(SavedSession::default().session, None);
        let none = decode::<SavedSession>(&encode(&SavedSession::default(), 1)).unwrap();
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
        assert_eq!(envelope.schema, 2);
        let expected = Session {
            routine_id: "exercise:wall-stand".into(),
            routine_name: "Wall stand".into(),
            plan: vec![PlannedItem {
                exercise: "wall-stand".into(),
                sets: 1,
                reps: 3,
                work: PlannedWork::Hold { secs: 30 },
                rest_reps_secs: 10,
                rest_sets_secs: 30,
                sides: Sides::Together,
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
        };
        let s = envelope.data.session.unwrap();
        assert_eq!(s, expected);
        let snap = s.at(T0 + 15 * S);
        assert_eq!((snap.step, snap.remaining_ms), (1, Some(25 * S)));
        assert_eq!(s.routine_id(), "exercise:wall-stand");

        let saved = SavedSession { session: Some(s) };
        let text = encode(&saved, T0);
        assert!(text.starts_with(r#"{"schema":2,"#));
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
    fn a_schema_3_saved_session_is_refused_as_newer() {
        let v3 = SAVED_SCHEMA_1.replacen(r#""schema":1"#, r#""schema":3"#, 1);
        let err = decode::<SavedSession>(&v3).unwrap_err();
        assert_eq!(
            err,
            DecodeError::Newer {
                found: 3,
                supported: 2
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
            all.push(Routine::single(id).unwrap());
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
            let mut s = Session::new(&routine);
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
                let mut s = Session::new(routine);
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
            fn paused_time_is_left_out(
                which in 0usize..4,
                events in prop::collection::vec(
                    (prop_oneof![Just(Event::Pause), Just(Event::Resume), Just(Event::Update)],
                     0i64..40_000),
                    0..40,
                ),
            ) {
                let routine = &builtin()[which];
                let mut s = Session::new(routine);
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
                let steps = compile(&plan);
                let total: i64 = steps.iter().map(|s| s.duration_ms.unwrap()).sum();
                let mut s = Session::from_plan("custom", "Custom", plan);
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
                schema in 0u32..5,
                data in json(),
            ) {
                let text = format!(r#"{{"schema":{schema},"saved_at":1,"data":{data}}}"#);
                match decode::<SavedSession>(&text) {
                    Ok(envelope) => prop_assert_eq!(envelope.schema, 2),
                    Err(e) => prop_assert!(!e.to_string().is_empty()),
                }
            }
        }
    }
}
