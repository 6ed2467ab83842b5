//! The person's own exercises: a move their physiotherapist gave them that the library
//! does not have, stored under `steadyback:exercises`.
//!
//! An own exercise is the person's words and numbers only: a name, a starting position,
//! up to [`MAX_STEPS`] steps and a dose within the app's caps. It names no source, and
//! the app never suggests more of it unless the person turns that on for it
//! ([`OwnExercise::progression`]). Its id (`mine:<made>-<salt>`) is used like a library
//! id everywhere: in routines, links, the session log and the exercise's address.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{is_zero, Keyed, Log, Named, Tombstone};
use crate::domain::library::exercise::{
    Amount, Dose, Frequency, Kind, Kit, Origin, Position, Sides, Work, MAX_HOLD_SECS, MAX_REPS,
    MAX_SETS,
};
use crate::domain::library::own_item::{
    check_name, Field, OwnItem, RoutineError, MAX_NAME_CHARS, MAX_REST_SECS,
};
use crate::domain::storage::drafts::{Draft, Drafts};
use crate::domain::storage::schema::{by_name, Record};
use crate::domain::Millis;

/// How an own exercise's id starts.
pub const MINE_PREFIX: &str = "mine:";
/// The most steps an own exercise has.
pub const MAX_STEPS: usize = 8;
/// The longest step, in characters: two short sentences, so a link with a few own
/// exercises still fits a QR code's reach (the app's own cap).
pub const MAX_STEP_CHARS: usize = 160;

/// True for the id of a person's own exercise.
pub fn is_own(exercise_id: &str) -> bool {
    exercise_id.starts_with(MINE_PREFIX)
}

/// Where an own exercise starts. Each has a still figure and a sentence for the voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Start {
    #[default]
    OnBack,
    OnFront,
    HandsKnees,
    Sitting,
    Standing,
    AtWall,
}

impl Start {
    pub const ALL: [Start; 6] = [
        Start::OnBack,
        Start::OnFront,
        Start::HandsKnees,
        Start::Sitting,
        Start::Standing,
        Start::AtWall,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Start::OnBack => "Lying on your back",
            Start::OnFront => "Lying on your front",
            Start::HandsKnees => "On hands and knees",
            Start::Sitting => "Sitting",
            Start::Standing => "Standing",
            Start::AtWall => "At a wall",
        }
    }

    /// The stored and linked form.
    pub fn slug(self) -> &'static str {
        match self {
            Start::OnBack => "on_back",
            Start::OnFront => "on_front",
            Start::HandsKnees => "hands_knees",
            Start::Sitting => "sitting",
            Start::Standing => "standing",
            Start::AtWall => "at_wall",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Start> {
        Start::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The position, said while getting ready (the app's words).
    pub fn say(self) -> &'static str {
        match self {
            Start::OnBack => "Lie on your back.",
            Start::OnFront => "Lie on your front.",
            Start::HandsKnees => "Get onto your hands and knees.",
            Start::Sitting => "Sit down.",
            Start::Standing => "Stand up.",
            Start::AtWall => "Stand by a wall.",
        }
    }

    /// The library's position it is filed under.
    pub fn position(self) -> Position {
        match self {
            Start::OnBack => Position::OnBack,
            Start::OnFront => Position::FaceDown,
            Start::HandsKnees => Position::HandsKnees,
            Start::Sitting => Position::Sitting,
            Start::Standing | Start::AtWall => Position::Standing,
        }
    }

    /// What it is done on.
    pub fn kit(self) -> &'static [Kit] {
        match self {
            Start::OnBack | Start::OnFront | Start::HandsKnees => &[Kit::Floor],
            Start::Sitting => &[Kit::Chair],
            Start::Standing => &[Kit::Nothing],
            Start::AtWall => &[Kit::Wall],
        }
    }
}

by_name!(Start, Start::ALL, Start::slug);

/// What each rep of an own exercise is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum How {
    /// Held still for [`OwnExercise::secs`].
    #[default]
    Hold,
    /// One slow movement taking [`OwnExercise::secs`].
    Paced,
    /// At the person's own speed: they tap when each rep is done.
    Tapped,
}

impl How {
    pub const ALL: [How; 3] = [How::Hold, How::Paced, How::Tapped];

    pub fn label(self) -> &'static str {
        match self {
            How::Hold => "Hold still",
            How::Paced => "Move slowly",
            How::Tapped => "My own pace (tap when done)",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            How::Hold => "hold",
            How::Paced => "paced",
            How::Tapped => "tapped",
        }
    }

    pub fn from_slug(slug: &str) -> Option<How> {
        How::ALL.into_iter().find(|h| h.slug() == slug)
    }
}

by_name!(How, How::ALL, How::slug);

/// What is wrong with an own exercise, in words shown to the person as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExerciseError {
    #[error("Give the exercise a name.")]
    NoName,
    #[error("Keep the name to {MAX_NAME_CHARS} characters or fewer.")]
    NameTooLong,
    #[error("Write at least one step: what to do.")]
    NoSteps,
    #[error("An exercise can have up to {MAX_STEPS} steps.")]
    TooManySteps,
    #[error("Step {0} is longer than {MAX_STEP_CHARS} characters: split it into two steps.")]
    StepTooLong(usize),
    #[error("{0} must be from {1} to {2}.")]
    Dose(&'static str, u16, u16),
}

/// An exercise the person added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnExercise {
    /// When it was made (with `salt`, its id).
    pub id: Millis,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub salt: u32,
    /// When it last changed: of two copies, the later one wins.
    pub updated_at: Millis,
    pub name: String,
    /// What it is for, for the library's filter.
    pub kind: Kind,
    pub start: Start,
    /// What to do, in the person's words, in order.
    pub steps: Vec<String>,
    pub how: How,
    /// Done on one side, then the other (reps count per side).
    #[serde(default)]
    pub each_side: bool,
    pub sets: u16,
    pub reps: u16,
    /// Seconds each rep is held or takes; 0 for [`How::Tapped`].
    pub secs: u16,
    pub rest_reps: u16,
    pub rest_sets: u16,
    /// True when the person asked the app to suggest more reps as it gets easier (off
    /// unless they turn it on).
    #[serde(default)]
    pub progression: bool,
}

impl Default for OwnExercise {
    /// A new exercise's form: three sets of ten held for five seconds is no source's
    /// dose, so the form starts gentler, at one set of five (NHS Inform's "start with 5
    /// reps"), held 5 s, with the library's usual rests.
    fn default() -> Self {
        OwnExercise {
            id: 0,
            salt: 0,
            updated_at: 0,
            name: String::new(),
            kind: Kind::Stretch,
            start: Start::OnBack,
            steps: Vec::new(),
            how: How::Hold,
            each_side: false,
            sets: 1,
            reps: 5,
            secs: 5,
            rest_reps: 3,
            rest_sets: 30,
            progression: false,
        }
    }
}

// Its id: when it was made, and its salt; of two copies, the one changed later wins.
crate::domain::ids::keyed!(OwnExercise, at = id);

impl OwnExercise {
    /// Its id: `mine:<made>-<salt>`.
    pub fn exercise_id(&self) -> String {
        OwnExercises::name(self)
    }

    /// What one number of the dose is called here ("Hold (seconds)") and its range;
    /// `None` for the seconds of a tapped rep, which has none. As [`OwnItem::field`].
    pub fn field(&self, field: Field) -> Option<(&'static str, u16, u16)> {
        match field {
            Field::Sets => Some(("Sets", 1, MAX_SETS)),
            Field::Reps if self.each_side => Some(("Reps (each side)", 1, MAX_REPS)),
            Field::Reps => Some(("Reps", 1, MAX_REPS)),
            Field::Work => match self.how {
                How::Hold => Some(("Hold (seconds)", 1, MAX_HOLD_SECS)),
                How::Paced => Some(("Seconds each rep", 1, MAX_HOLD_SECS)),
                How::Tapped => None,
            },
            Field::RestReps => Some(("Rest between reps (seconds)", 0, MAX_REST_SECS)),
            Field::RestSets => Some(("Rest between sets (seconds)", 0, MAX_REST_SECS)),
        }
    }

    /// The value of one number.
    pub fn get(&self, field: Field) -> u16 {
        self.item().get(field)
    }

    /// Sets one number (the caps are checked by [`OwnExercise::checked`]).
    pub fn set(&mut self, field: Field, value: u16) {
        match field {
            Field::Sets => self.sets = value,
            Field::Reps => self.reps = value,
            Field::Work => self.secs = value,
            Field::RestReps => self.rest_reps = value,
            Field::RestSets => self.rest_sets = value,
        }
    }

    /// This exercise tidied as it will be kept (name and steps trimmed, empty steps
    /// dropped, no seconds for a tapped rep), or the first thing wrong with it.
    pub fn checked(&self) -> Result<OwnExercise, ExerciseError> {
        let name = check_name(&self.name).map_err(|e| match e {
            RoutineError::NameTooLong => ExerciseError::NameTooLong,
            _ => ExerciseError::NoName,
        })?;
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|s| tidy(s))
            .filter(|s| !s.is_empty())
            .collect();
        if steps.is_empty() {
            return Err(ExerciseError::NoSteps);
        }
        if steps.len() > MAX_STEPS {
            return Err(ExerciseError::TooManySteps);
        }
        if let Some(long) = steps
            .iter()
            .position(|s| s.chars().count() > MAX_STEP_CHARS)
        {
            return Err(ExerciseError::StepTooLong(long + 1));
        }
        for f in Field::ALL {
            if let Some((label, min, max)) = self.field(f) {
                let value = self.get(f);
                if value < min || value > max {
                    return Err(ExerciseError::Dose(label, min, max));
                }
            }
        }
        Ok(OwnExercise {
            name,
            steps,
            secs: if self.how == How::Tapped {
                0
            } else {
                self.secs
            },
            ..self.clone()
        })
    }

    /// Its dose, every number the person's own. With progression on, reps may grow up
    /// to twice the start (the cap the app uses for NHS Inform's "start with 5"), never
    /// past [`MAX_REPS`].
    pub fn dose(&self) -> Dose {
        let own = Amount::person;
        let reps = if self.progression {
            Amount {
                max: self.reps.saturating_mul(2).min(MAX_REPS).max(self.reps),
                ..own(self.reps)
            }
        } else {
            own(self.reps)
        };
        Dose {
            sets: own(self.sets),
            reps,
            work: match self.how {
                How::Hold => Work::Hold(own(self.secs)),
                How::Paced => Work::Paced(own(self.secs)),
                How::Tapped => Work::Tapped,
            },
            rest_reps: own(self.rest_reps),
            rest_sets: own(self.rest_sets),
            sides: if self.each_side {
                Sides::EachSide
            } else {
                Sides::Together
            },
            frequency: Frequency::Daily,
            frequency_origin: Origin::Person,
            build_up: None,
        }
    }

    /// The exercise in a routine, at its own dose.
    pub fn item(&self) -> OwnItem {
        OwnItem {
            exercise: self.exercise_id(),
            sets: self.sets,
            reps: self.reps,
            work: self.secs,
            rest_reps: self.rest_reps,
            rest_sets: self.rest_sets,
        }
    }

    /// What the voice says for the move: the person's steps, in order.
    pub fn say_move(&self) -> String {
        self.steps
            .iter()
            .map(|s| {
                let s = s.trim();
                if s.ends_with(['.', '!', '?']) {
                    s.to_string()
                } else {
                    format!("{s}.")
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A step or name as typed: control characters and runs of spaces made single spaces.
fn tidy(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The person's own exercises, stored under `steadyback:exercises`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnExercises {
    /// In order of id (when they were made).
    pub records: Vec<OwnExercise>,
    pub deleted: Vec<Tombstone>,
}

/// The form of an own exercise as typed, kept until it is saved or cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseDraft {
    /// The exercise being changed (`mine:…`); `None` for a new one.
    pub editing: Option<String>,
    pub exercise: OwnExercise,
}

impl Draft for ExerciseDraft {
    fn form(&self) -> (Option<&str>, Option<&str>) {
        (self.editing.as_deref(), None)
    }
}

/// Every unsaved form of an own exercise, one per exercise
/// (`steadyback:exercise-drafts`).
pub type ExerciseDrafts = Drafts<ExerciseDraft>;

impl Record for ExerciseDrafts {
    const NAME: &'static str = "exercise-drafts";
    const SCHEMA: u32 = 1;
}

/// Where the app kept the one draft of an own exercise before the drafts of every form
/// were kept alike (as text, without an envelope): read once, then moved.
pub const OLD_DRAFT_KEY: &str = "steadyback:exercise-draft";

impl Record for OwnExercises {
    const NAME: &'static str = "exercises";
    const SCHEMA: u32 = 1;
    const MERGES: bool = true;

    fn merge_from(&mut self, other: &Self) {
        self.merge(other);
    }
}

crate::domain::ids::log_in_fields!(OwnExercises, OwnExercise);

impl Named for OwnExercises {
    const PREFIX: &'static str = MINE_PREFIX;
}

impl OwnExercises {
    /// The exercise with this id (`mine:…`).
    pub fn get(&self, exercise_id: &str) -> Option<&OwnExercise> {
        self.named(exercise_id)
    }

    /// Saves an exercise that passed [`OwnExercise::checked`]: a new one (`id` `None`)
    /// made at `now` with `salt`, or the changed copy of an existing one. Gives its id.
    pub fn save(
        &mut self,
        id: Option<&str>,
        exercise: OwnExercise,
        now: Millis,
        salt: u32,
    ) -> String {
        self.save_named(id, now, salt, |key, updated_at| OwnExercise {
            id: key.at,
            salt: key.salt,
            updated_at,
            ..exercise
        })
    }

    /// Deletes an exercise at `now` (a tombstone keeps it deleted in other tabs).
    pub fn delete(&mut self, exercise_id: &str, now: Millis) -> Option<OwnExercise> {
        self.delete_named(exercise_id, now)
    }

    /// Adds exercises that came in a shared routine, keeping their ids (the routine names
    /// them so). One this device has already is kept as it is here, unless deleted here:
    /// then it comes back, as the person asked for it again.
    pub fn add_shared(&mut self, exercises: &[OwnExercise], now: Millis) {
        for e in exercises {
            if Log::get(self, e.key()).is_none() {
                self.upsert(OwnExercise {
                    updated_at: e.updated_at.max(now),
                    ..e.clone()
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::RecordId;
    use crate::domain::storage::schema::{decode, encode};

    const T0: Millis = 1_763_700_000_000;

    fn cat_cow() -> OwnExercise {
        OwnExercise {
            name: "  Cat and   camel ".into(),
            start: Start::HandsKnees,
            steps: vec![
                "Round your back up towards the ceiling".into(),
                "   ".into(),
                "Then let it sag gently, head up.".into(),
            ],
            how: How::Paced,
            ..OwnExercise::default()
        }
    }

    #[test]
    fn a_good_exercise_is_tidied_and_kept() {
        let e = cat_cow().checked().unwrap();
        assert_eq!(e.name, "Cat and camel");
        assert_eq!(e.steps.len(), 2, "the empty step is dropped");
        assert_eq!(
            e.say_move(),
            "Round your back up towards the ceiling. Then let it sag gently, head up."
        );
        let tapped = OwnExercise {
            how: How::Tapped,
            ..cat_cow()
        };
        assert_eq!(
            tapped.checked().unwrap().secs,
            0,
            "a tapped rep has no seconds"
        );
    }

    #[test]
    fn bad_exercises_say_what_is_wrong() {
        let with = |f: &dyn Fn(&mut OwnExercise)| {
            let mut e = cat_cow();
            f(&mut e);
            e.checked().unwrap_err()
        };
        assert_eq!(with(&|e| e.name = " \t ".into()), ExerciseError::NoName);
        assert_eq!(
            with(&|e| e.name = "x".repeat(61)),
            ExerciseError::NameTooLong
        );
        assert_eq!(
            with(&|e| e.steps = vec![" ".into()]),
            ExerciseError::NoSteps
        );
        assert_eq!(
            with(&|e| e.steps = vec!["Breathe.".into(); 9]),
            ExerciseError::TooManySteps
        );
        assert!(with(&|e| e.steps = vec!["Breathe.".into(); 9])
            .to_string()
            .contains("up to 8 steps"));
        assert_eq!(
            with(&|e| e.steps = vec!["a".into(), "b".repeat(161)]),
            ExerciseError::StepTooLong(2)
        );
        assert_eq!(
            with(&|e| e.sets = 0),
            ExerciseError::Dose("Sets", 1, MAX_SETS)
        );
        assert_eq!(
            with(&|e| e.reps = MAX_REPS + 1),
            ExerciseError::Dose("Reps", 1, MAX_REPS)
        );
        assert_eq!(
            with(&|e| {
                e.each_side = true;
                e.reps = 0;
            }),
            ExerciseError::Dose("Reps (each side)", 1, MAX_REPS)
        );
        assert_eq!(
            with(&|e| e.secs = MAX_HOLD_SECS + 1),
            ExerciseError::Dose("Seconds each rep", 1, MAX_HOLD_SECS)
        );
        assert_eq!(
            with(&|e| e.rest_sets = MAX_REST_SECS + 1),
            ExerciseError::Dose("Rest between sets (seconds)", 0, MAX_REST_SECS)
        );
        assert_eq!(
            with(&|e| e.sets = 0).to_string(),
            "Sets must be from 1 to 20."
        );
        // Exactly at the caps is fine.
        let mut e = cat_cow();
        e.steps = vec!["s".repeat(MAX_STEP_CHARS); MAX_STEPS];
        e.sets = MAX_SETS;
        e.reps = MAX_REPS;
        e.secs = MAX_HOLD_SECS;
        e.rest_reps = MAX_REST_SECS;
        assert!(e.checked().is_ok());
    }

    #[test]
    fn its_dose_is_the_persons_and_grows_only_when_asked() {
        let e = cat_cow();
        let d = e.dose();
        assert_eq!(d.reps.origin, Origin::Person);
        assert!(!d.reps.is_range(), "no room to grow: progression is off");
        let on = OwnExercise {
            progression: true,
            ..cat_cow()
        };
        assert_eq!((on.dose().reps.start, on.dose().reps.max), (5, 10));
        let near_cap = OwnExercise {
            progression: true,
            reps: 80,
            ..cat_cow()
        };
        assert_eq!(near_cap.dose().reps.max, MAX_REPS);
        let sided = OwnExercise {
            each_side: true,
            ..cat_cow()
        };
        assert_eq!(sided.dose().sides, Sides::EachSide);
    }

    #[test]
    fn saved_edited_deleted_and_merged() {
        let mut mine = OwnExercises::default();
        let id = mine.save(None, cat_cow().checked().unwrap(), T0, 7);
        assert_eq!(id, format!("mine:{T0}-7"));
        assert!(is_own(&id));
        let mut changed = mine.get(&id).unwrap().clone();
        changed.reps = 8;
        assert_eq!(mine.save(Some(&id), changed, T0, 9), id, "same id");
        let kept = mine.get(&id).unwrap();
        assert_eq!((kept.reps, kept.salt, kept.updated_at), (8, 7, T0 + 1));

        // Another tab deletes it; merged, it stays deleted.
        let mut other = mine.clone();
        other.delete(&id, T0 + 5).unwrap();
        mine.merge_from(&other);
        assert!(mine.get(&id).is_none());
        // It comes back in a shared routine: added again.
        let shared = kept_copy(&other, &id);
        mine.add_shared(&[shared], T0 + 10);
        assert!(mine.get(&id).is_some());

        // Stored and read back.
        let text = encode(&mine, T0).unwrap();
        assert_eq!(decode::<OwnExercises>(&text).unwrap().data, mine);
    }

    fn kept_copy(_: &OwnExercises, id: &str) -> OwnExercise {
        let key = RecordId::parse(id.strip_prefix(MINE_PREFIX).unwrap()).unwrap();
        OwnExercise {
            id: key.at,
            salt: key.salt,
            updated_at: T0,
            ..cat_cow().checked().unwrap()
        }
    }

    #[cfg(not(target_arch = "wasm32"))] // merge_laws is native-only
    #[test]
    fn merging_follows_the_laws() {
        use crate::domain::storage::schema::merge_laws;
        let mut a = OwnExercises::default();
        a.save(None, cat_cow(), T0, 1);
        let mut b = a.clone();
        b.save(None, cat_cow(), T0 + 1, 2);
        let mut c = b.clone();
        let first = c.records[0].exercise_id();
        c.delete(&first, T0 + 2);
        merge_laws(&a, &b).unwrap();
        let merged = merge_laws(&a, &c).unwrap();
        assert!(merged.get(&first).is_none(), "the deletion wins");
    }
}
