//! The library as the app looks exercises up in it: the built-in entries and the
//! person's own exercises, by id. A [`Library`] is a value the UI keeps and passes to what
//! needs a lookup; the shared-routine preview makes one with the routine's exercises too.

use std::borrow::Cow;

use crate::domain::library::catalog::{self, CATALOG};
use crate::domain::library::exercise::{Exercise, Steps};
use crate::domain::library::own_exercise::{is_own, OwnExercise};

/// The built-in exercises and a person's own, found by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    /// Each own exercise and the library form made of it, in the order they were made;
    /// then those of a shared routine being looked at, if any.
    own: Vec<(OwnExercise, Exercise)>,
}

/// The library form of a person's own exercise.
fn form(e: &OwnExercise) -> Exercise {
    Exercise {
        id: Cow::Owned(e.exercise_id()),
        name: Cow::Owned(e.name.clone()),
        purpose: "Your own exercise.",
        kind: e.kind,
        position: e.start.position(),
        start: e.start.say(),
        say_start: e.start.say(),
        say_move: Cow::Owned(e.say_move()),
        side_part: None,
        kit: e.start.kit(),
        steps: Steps::Own(e.steps.clone()),
        dose: e.dose(),
        limits: None,
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[],
    }
}

impl Library {
    /// The built-in exercises alone: enough for the built-in routines, and for whatever
    /// holds only the library's exercises.
    pub const BUILT_IN: Library = Library { own: Vec::new() };

    /// The built-in exercises and these own ones.
    pub fn new(own: &[OwnExercise]) -> Library {
        Library {
            own: own.iter().map(|e| (e.clone(), form(e))).collect(),
        }
    }

    /// This library with the exercises of a shared routine added, so its preview can
    /// name and time them; where both have an id, the person's own comes first.
    pub fn with_visiting(&self, visiting: &[OwnExercise]) -> Library {
        let mut out = self.clone();
        let new = visiting
            .iter()
            .filter(|v| self.own_record(&v.exercise_id()).is_none());
        out.own.extend(new.map(|e| (e.clone(), form(e))));
        out
    }

    /// The exercise with this id: the library's, or an own one.
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        if is_own(id) {
            self.own.iter().find(|(_, e)| e.id == id).map(|(_, e)| e)
        } else {
            catalog::get(id)
        }
    }

    /// The name of the exercise `id`; for an id the library no longer has (a record from
    /// an older or newer version of the app), the id itself, and for a person's own
    /// exercise since deleted, words that say so.
    pub fn name_of(&self, id: &str) -> String {
        match self.get(id) {
            Some(e) => e.name.to_string(),
            None if is_own(id) => "An exercise of your own, since deleted".to_string(),
            None => id.to_string(),
        }
    }

    /// The stored form of an own exercise by id.
    pub fn own_record(&self, id: &str) -> Option<&OwnExercise> {
        self.own.iter().find(|(_, e)| e.id == id).map(|(o, _)| o)
    }

    /// The own exercises, in the order they were made (a shared routine's after them).
    pub fn own(&self) -> impl Iterator<Item = &Exercise> {
        self.own.iter().map(|(_, e)| e)
    }

    /// Every exercise: the library's in its order, then the own ones.
    pub fn all(&self) -> impl Iterator<Item = &Exercise> {
        CATALOG.iter().copied().chain(self.own())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::own_exercise::OwnExercise;

    fn own(name: &str, id: i64) -> OwnExercise {
        OwnExercise {
            id,
            name: name.to_string(),
            updated_at: id,
            ..OwnExercise::default()
        }
    }

    #[test]
    fn finds_the_librarys_entries_and_the_persons_own() {
        let clam = own("Clam", 1_000);
        let library = Library::new(std::slice::from_ref(&clam));
        assert_eq!(library.get("bridge").unwrap().name, "Bridge");
        let id = clam.exercise_id();
        let found = library.get(&id).unwrap();
        assert_eq!(
            (found.name.as_ref(), found.id.as_ref()),
            ("Clam", id.as_str())
        );
        assert_eq!(library.own_record(&id), Some(&clam));
        assert_eq!(library.all().count(), 26);
        assert_eq!(Library::default().get(&id), None);
        assert_eq!(library.name_of("gone-exercise"), "gone-exercise");
        assert_eq!(
            Library::default().name_of(&id),
            "An exercise of your own, since deleted"
        );
    }

    #[test]
    fn a_shared_routines_exercises_come_after_the_persons_own() {
        let mine = own("Mine", 1_000);
        let theirs = OwnExercise {
            name: "Theirs".into(),
            ..mine.clone()
        };
        let other = own("Other", 2_000);
        let library = Library::new(std::slice::from_ref(&mine)).with_visiting(&[theirs, other]);
        assert_eq!(library.get(&mine.exercise_id()).unwrap().name, "Mine");
        assert_eq!(library.own().count(), 2);
        assert_eq!(library.name_of(&own("x", 2_000).exercise_id()), "Other");
    }
}
