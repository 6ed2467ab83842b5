//! The timeline a session plays: each exercise of its plan compiled into steps (get
//! ready, work, rest, switch sides) and a final "finished", each with its duration and
//! what to say when it starts.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::plan::{PlannedItem, PlannedWork};
use crate::domain::dates::plural;
use crate::domain::library::catalog;
use crate::domain::library::exercise::{
    Sides, Text, MAX_REPS, MAX_SETS, SWITCH_SIDE_SECS, TAPPED_REP_ESTIMATE_SECS,
};
use crate::domain::storage::schema::by_name;

/// Seconds of the get-ready countdown before each exercise (the app's own figure): time
/// to hear the name, glance at the picture and get into position. The person can choose
/// another in the settings ([`Pace`]).
pub const GET_READY_SECS: u32 = 10;

/// How a session is paced, from the person's preferences. It changes only the lengths
/// of steps, never which steps there are: a session can take a new pace mid-way and
/// every step keeps its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pace {
    /// The get-ready countdown before each exercise (longer where what is said needs it).
    pub get_ready_secs: u32,
    /// Rests between reps and between sets.
    pub rest: RestPace,
    /// Changing sides, for an exercise done on each side in turn.
    pub switch_secs: u32,
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            get_ready_secs: GET_READY_SECS,
            rest: RestPace::AsSet,
            switch_secs: SWITCH_SIDE_SECS,
        }
    }
}

/// How long rests are, against the routine's own figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RestPace {
    /// Half the rest (at least 1 second where there is one).
    Shorter,
    #[default]
    AsSet,
    /// Twice the rest.
    Longer,
}

impl RestPace {
    pub const ALL: [RestPace; 3] = [RestPace::Shorter, RestPace::AsSet, RestPace::Longer];

    /// A rest of `secs` at this pace. A rest stays a rest: never 0 unless it was 0.
    pub fn apply(self, secs: u16) -> u16 {
        match self {
            _ if secs == 0 => 0,
            RestPace::Shorter => (secs / 2).max(1),
            RestPace::AsSet => secs,
            RestPace::Longer => secs.saturating_mul(2),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RestPace::Shorter => "Shorter",
            RestPace::AsSet => "As set",
            RestPace::Longer => "Longer",
        }
    }

    /// The stored name.
    pub fn slug(self) -> &'static str {
        match self {
            RestPace::Shorter => "shorter",
            RestPace::AsSet => "as_set",
            RestPace::Longer => "longer",
        }
    }
}

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

by_name!(RestPace, RestPace::ALL, RestPace::slug);

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

/// What is said and shown of an exercise in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    pub name: Text,
    pub say_start: Text,
    pub say_move: Text,
    /// What changes sides, where the exercise names it (see
    /// [`Exercise::side_part`](crate::domain::library::exercise::Exercise::side_part)).
    pub side_part: Option<&'static str>,
}

impl Spoken {
    /// The words of `item`'s exercise: those kept with a person's own, else the
    /// library's; `None` for an id the library does not have.
    fn of(item: &PlannedItem) -> Option<Spoken> {
        if let Some(own) = &item.own {
            return Some(Spoken {
                name: Cow::Owned(own.name.clone()),
                say_start: Cow::Owned(own.say_start.clone()),
                say_move: Cow::Owned(own.say_move.clone()),
                side_part: None,
            });
        }
        catalog::get(&item.exercise).map(|e| Spoken {
            name: e.name.clone(),
            say_start: Cow::Borrowed(e.say_start),
            say_move: e.say_move.clone(),
            side_part: e.side_part,
        })
    }
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
    /// What is said and shown of the exercise; `None` for an id the library does not
    /// have (a session saved by another version of the app).
    pub words: Option<Arc<Spoken>>,
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
    /// True when the voice describes the exercise: its starting position while getting
    /// ready, and its move as the first rep begins.
    pub describe: bool,
    /// True when the first rep is too short to hear the move in: it is said while
    /// getting ready instead, after the starting position.
    pub move_in_ready: bool,
}

impl Step {
    /// True for a hold, a movement, a tapped rep or an activity.
    pub fn is_work(&self) -> bool {
        matches!(self.kind, StepKind::Work(_))
    }

    /// The exercise's name, or its id if the library no longer has it.
    pub fn exercise_name(&self) -> &str {
        self.words
            .as_ref()
            .map_or(self.exercise_id.as_str(), |w| &w.name)
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
            StepKind::GetReady => get_ready_words(
                self.words.as_deref(),
                &self.exercise_id,
                self.describe,
                self.move_in_ready,
            ),
            StepKind::Rest if self.rep == 1 && self.set > 1 => {
                format!("Rest {} before set {}.", count(secs, "second"), self.set)
            }
            StepKind::Rest => format!("Rest {}.", count(secs, "second")),
            StepKind::SwitchSide => {
                let side = self.side.unwrap_or(Side::Right);
                match self.side_part() {
                    Some(part) => format!("Now the {} {part}.", side.label()),
                    None => format!("Switch to the {} side.", side.label()),
                }
            }
            StepKind::Finished => "Well done. Session finished.".to_string(),
            StepKind::Work(movement) => self.work_say(movement, secs),
        }
    }

    /// True for the move on the right that follows the last rep of an exercise whose
    /// reps take turns, when the turns in all are odd: it evens the sides.
    pub fn is_evening_move(&self) -> bool {
        self.is_work()
            && self.sides == Sides::TakingTurns
            && self.side == Some(Side::Right)
            && self.set == self.sets
            && self.rep == self.reps
            && evens_sides(self.sets, self.reps)
    }

    /// What changes sides, where the exercise names it ("leg").
    pub(super) fn side_part(&self) -> Option<&'static str> {
        self.words.as_ref().and_then(|w| w.side_part)
    }

    /// The move in words, before the first rep when the exercise is described.
    fn described(&self, text: String) -> String {
        let first = self.set == 1 && self.rep == 1 && self.side != Some(Side::Right);
        let at_rep = self.describe && !self.move_in_ready && first;
        match self.words.as_ref().filter(|_| at_rep) {
            Some(w) => format!("{} {text}", w.say_move),
            None => text,
        }
    }

    fn work_say(&self, movement: Movement, secs: i64) -> String {
        let name = self.exercise_name();
        let action = match movement {
            Movement::Hold => format!("Hold for {}.", count(secs, "second")),
            Movement::Paced => format!("Move slowly, about {} each time.", count(secs, "second")),
            Movement::Tapped => "Tap when done.".to_string(),
            Movement::Minutes => {
                return self.described(format!("{name} for {}.", count(secs / 60, "minute")))
            }
        };
        let alternating = self.sides == Sides::Alternating;
        let turns = self.sides == Sides::TakingTurns;
        if self.is_evening_move() {
            return format!("Once more on the right, so both sides match. {action}");
        }
        // The first movement of a set says what it is (taking turns, a set may start on
        // the right).
        if self.rep == 1 && (self.side != Some(Side::Right) || turns) {
            let mut text = format!("{name}.");
            if self.sets > 1 {
                text.push_str(&format!(" Set {} of {}.", self.set, self.sets));
            }
            match (self.side, self.side_part()) {
                (Some(side), Some(part)) if self.sides == Sides::EachSide => {
                    text.push_str(&format!(" Now the {} {part}.", side.label()));
                }
                (Some(side), _) => text.push_str(&format!(" {} side.", side.title())),
                (None, _) => {}
            }
            return self.described(format!("{text} {action}"));
        }
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
            (_, Some(Side::Right)) if self.rep == 1 || alternating => match self.side_part() {
                Some(part) if self.sides == Sides::EachSide => format!("Right {part}. {action}"),
                _ => format!("Right side. {action}"),
            },
            (_, Some(Side::Left)) if alternating => {
                format!("Rep {} of {}, left side. {action}", self.rep, self.reps)
            }
            _ => format!("Rep {} of {}. {action}", self.rep, self.reps),
        }
    }
}

/// True when an exercise whose reps take turns between the sides plays one more move
/// on the right after its last rep: `sets` × `reps` turns in all is odd, so they end on
/// the left.
pub fn evens_sides(sets: u16, reps: u16) -> bool {
    (u32::from(sets) * u32::from(reps)) % 2 == 1
}

/// Words a second the app allows for speech when it times the get-ready (its own,
/// unhurried estimate: 150 words a minute).
const WORDS_PER_MINUTE: usize = 150;
/// Seconds of the countdown at the end of a get-ready, which speech must not cover.
const COUNTDOWN_CLEAR_SECS: u32 = 4;

/// What is said as the get-ready of exercise `id` (with these `words`) starts: its name
/// and, when `describe`, its starting position, and its move too when `with_move`.
fn get_ready_words(words: Option<&Spoken>, id: &str, describe: bool, with_move: bool) -> String {
    match words {
        Some(e) if describe && with_move => {
            format!(
                "Get ready: {}. {} Then: {}",
                e.name,
                e.say_start,
                lower_first(&e.say_move)
            )
        }
        Some(e) if describe => format!("Get ready: {}. {}", e.name, e.say_start),
        Some(e) => format!("Get ready: {}.", e.name),
        None => format!("Get ready: {id}."),
    }
}

/// `text` with its first letter in lower case ("Squeeze" → "squeeze").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_lowercase().to_string() + chars.as_str()
    })
}

/// Words the first rep says besides the move (name, set, side, what to do): a
/// generous count for timing.
const FIRST_REP_WORDS: usize = 9;

/// True when the move, said as the first rep of `item` begins, would still be spoken as
/// the rep ends: then it is said while getting ready.
fn move_in_ready(words: Option<&Spoken>, item: &PlannedItem, work_ms: Option<i64>) -> bool {
    let (Some(e), Some(ms)) = (words, work_ms) else {
        return false; // A tapped rep waits for the person.
    };
    let secs = words_secs(e.say_move.split_whitespace().count() + FIRST_REP_WORDS);
    item.describe && i64::from(secs) * 1000 > ms
}

/// Seconds `text` takes to say at [`WORDS_PER_MINUTE`], rounded up.
pub(super) fn speech_secs(text: &str) -> u32 {
    words_secs(text.split_whitespace().count())
}

/// Seconds `words` words take to say at [`WORDS_PER_MINUTE`], rounded up.
fn words_secs(words: usize) -> u32 {
    u32::try_from((words * 60).div_ceil(WORDS_PER_MINUTE)).unwrap_or(u32::MAX)
}

/// How long the get-ready of `item` lasts: the pace's, or for a described exercise longer when what it
/// says would still be spoken as the countdown beeps begin.
fn get_ready_secs(words: Option<&Spoken>, item: &PlannedItem, with_move: bool, pace: &Pace) -> u32 {
    let chosen = pace.get_ready_secs.max(1);
    // A name alone is short: at 5 s it may meet the first beep, as the person chose.
    if !item.describe {
        return chosen;
    }
    let said = get_ready_words(words, &item.exercise, item.describe, with_move);
    chosen.max(speech_secs(&said) + COUNTDOWN_CLEAR_SECS)
}

/// "1 second", "10 seconds".
pub(super) fn count(n: i64, unit: &str) -> String {
    plural(usize::try_from(n).unwrap_or(0), unit, &format!("{unit}s"))
}

pub(super) fn secs_ms(secs: u32) -> i64 {
    i64::from(secs) * 1000
}

/// The timeline a plan plays: for each exercise a get-ready countdown, then its sets,
/// reps, rests and side switches, and a final [`StepKind::Finished`].
///
/// An exercise with no sets, no reps or a zero-second hold plays nothing and is left
/// out. Rests of zero seconds are left out. An activity is one timed work step. `pace`
/// sets the lengths of get-readies, rests and side switches, never which steps there
/// are.
pub fn compile(plan: &[PlannedItem], pace: &Pace) -> Vec<Step> {
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
        let words = Spoken::of(item);
        let early = move_in_ready(words.as_ref(), item, work_ms);
        let first_side = match item.sides {
            Sides::Together => None,
            Sides::EachSide | Sides::Alternating | Sides::TakingTurns => Some(Side::Left),
        };
        let base = Step {
            kind: StepKind::GetReady,
            exercise: index,
            exercise_id: item.exercise.clone(),
            duration_ms: Some(secs_ms(get_ready_secs(words.as_ref(), item, early, pace))),
            words: words.map(Arc::new),
            sides: item.sides,
            set: 1,
            sets,
            rep: 1,
            reps,
            side: first_side,
            describe: item.describe,
            move_in_ready: early,
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
        let rest_reps = secs_ms(pace.rest.apply(item.rest_reps_secs).into());
        let rest_sets = secs_ms(pace.rest.apply(item.rest_sets_secs).into());
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
        // Taking turns, the sides carry on from one set to the next (set 2 starts on the
        // side whose turn it is), so the sides stay even.
        let turn = |set: u16, rep: u16, side: Option<Side>| match item.sides {
            Sides::TakingTurns => {
                let k = u32::from(set - 1) * u32::from(reps) + u32::from(rep - 1);
                Some(if k % 2 == 0 { Side::Left } else { Side::Right })
            }
            _ => side,
        };
        for set in 1..=sets {
            if set > 1 {
                push(
                    StepKind::Rest,
                    set,
                    1,
                    turn(set, 1, first_side),
                    Some(rest_sets),
                );
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
                        Some(secs_ms(pace.switch_secs.max(1))),
                    );
                }
                for rep in 1..=reps {
                    let side = turn(set, rep, side);
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
        // An odd number of turns in all ends on the left: one more move on the right
        // evens the sides, as the last rep's other half.
        if item.sides == Sides::TakingTurns && evens_sides(sets, reps) {
            push(work, sets, reps, Some(Side::Right), work_ms);
        }
    }
    steps.push(Step {
        kind: StepKind::Finished,
        exercise: plan.len(),
        exercise_id: String::new(),
        words: None,
        sides: Sides::Together,
        set: 0,
        sets: 0,
        rep: 0,
        reps: 0,
        side: None,
        duration_ms: Some(0),
        describe: false,
        move_in_ready: false,
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

/// A timeline shared, not copied: compiled once per session.
pub type Timeline = Arc<[Step]>;
