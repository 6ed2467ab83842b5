//! One exercise of a routine at the dose a person chose ([`OwnItem`]), its numbers
//! ([`Field`]), the caps of the person's own routines, and the name check that own
//! routines and own exercises share. Plain data, below both: what an item means for a
//! library exercise (its labels, ranges and checks) is in
//! [`own_routine`](crate::domain::routines::own_routine), which uses the library; own exercises use only
//! this.

use serde::{Deserialize, Serialize};

#[cfg(doc)]
use crate::domain::library::exercise::{MAX_HOLD_SECS, MAX_REPS, MAX_SETS};

/// The most exercises in one routine.
pub const MAX_ITEMS: usize = 30;
/// The longest name, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// The longest rest, in seconds, between reps or sets (the app's own cap: five minutes).
pub const MAX_REST_SECS: u16 = 300;
/// The longest timed activity, in minutes (the app's own cap: two hours).
pub const MAX_ACTIVITY_MINUTES: u16 = 120;
/// One exercise of an own routine with the dose chosen for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnItem {
    /// The library id of the exercise.
    pub exercise: String,
    /// Sets, 1 to [`MAX_SETS`].
    pub sets: u16,
    /// Reps in each set (per side where the exercise counts them so), 1 to [`MAX_REPS`].
    pub reps: u16,
    /// Seconds each rep is held (a held exercise) or takes (a paced one), 1 to
    /// [`MAX_HOLD_SECS`]; minutes, 1 to [`MAX_ACTIVITY_MINUTES`], for a timed activity;
    /// 0 where the person taps when each rep is done.
    pub work: u16,
    /// Seconds of rest between reps, 0 to [`MAX_REST_SECS`].
    pub rest_reps: u16,
    /// Seconds of rest between sets, 0 to [`MAX_REST_SECS`].
    pub rest_sets: u16,
}

/// One number of a dose, for the editor and its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Sets,
    Reps,
    Work,
    RestReps,
    RestSets,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Sets,
        Field::Reps,
        Field::Work,
        Field::RestReps,
        Field::RestSets,
    ];

    /// For the ids of a form's boxes.
    pub fn slug(self) -> &'static str {
        match self {
            Field::Sets => "sets",
            Field::Reps => "reps",
            Field::Work => "work",
            Field::RestReps => "rest-reps",
            Field::RestSets => "rest-sets",
        }
    }
}

/// What is wrong with a routine, in words shown to the person as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoutineError {
    #[error("Give the routine a name.")]
    NoName,
    #[error("Keep the name to {MAX_NAME_CHARS} characters or fewer.")]
    NameTooLong,
    #[error("Add at least one exercise.")]
    NoItems,
    #[error("A routine can hold up to {MAX_ITEMS} exercises.")]
    TooManyItems,
    #[error("The library has no exercise \"{0}\".")]
    UnknownExercise(String),
    #[error("{exercise}: {what}.")]
    Dose { exercise: String, what: String },
}

impl OwnItem {
    /// The value of one number.
    pub fn get(&self, field: Field) -> u16 {
        match field {
            Field::Sets => self.sets,
            Field::Reps => self.reps,
            Field::Work => self.work,
            Field::RestReps => self.rest_reps,
            Field::RestSets => self.rest_sets,
        }
    }

    /// Sets one number (the caps are checked by [`OwnItem::check`]).
    pub fn set(&mut self, field: Field, value: u16) {
        match field {
            Field::Sets => self.sets = value,
            Field::Reps => self.reps = value,
            Field::Work => self.work = value,
            Field::RestReps => self.rest_reps = value,
            Field::RestSets => self.rest_sets = value,
        }
    }
}

/// A name as the person typed it, trimmed, or what is wrong with it.
pub fn check_name(name: &str) -> Result<String, RoutineError> {
    let name: String = name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(RoutineError::NoName)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(RoutineError::NameTooLong)
    } else {
        Ok(name)
    }
}
