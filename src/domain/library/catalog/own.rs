//! The person's own exercises, findable by id like the library's.
//!
//! The library's type holds `'static` text, so each own exercise is turned into one
//! whose text lives as long as the app. A version is made once and kept: only an edit
//! (a person typing and saving) makes another, so the memory this keeps grows by a few
//! hundred bytes per edit at most, and never on the timer's path.
//!
//! Two lists: the person's own exercises, and those of a shared routine being looked at
//! before it is added (`visiting`), so its preview can name and time them.

use std::cell::RefCell;

use crate::domain::library::exercise::Exercise;
use crate::domain::library::own_exercise::{is_own, OwnExercise};

/// An own exercise and the library form made of it.
type Made = (OwnExercise, &'static Exercise);

thread_local! {
    static OWN: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
    static VISITING: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
    /// Every version made so far, so setting the same one again makes nothing new.
    static MADE: RefCell<Vec<Made>> = const { RefCell::new(Vec::new()) };
}

/// Text that lives as long as the app.
fn keep(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The library form of `e`: the one made before for this very version, or a new one.
fn made(e: &OwnExercise) -> &'static Exercise {
    if let Some(found) = MADE.with_borrow(|m| m.iter().find(|(o, _)| o == e).map(|m| m.1)) {
        return found;
    }
    let steps: Vec<&'static str> = e.steps.iter().map(|s| keep(s.clone())).collect();
    let exercise: &'static Exercise = Box::leak(Box::new(Exercise {
        id: keep(e.exercise_id()),
        name: keep(e.name.clone()),
        purpose: "Your own exercise.",
        kind: e.kind,
        position: e.start.position(),
        start: e.start.say(),
        say_start: e.start.say(),
        say_move: keep(e.say_move()),
        side_part: None,
        kit: e.start.kit(),
        steps: Box::leak(steps.into_boxed_slice()),
        dose: e.dose(),
        limits: None,
        dose_notes: &[],
        cautions: &[],
        easier: &[],
        harder: &[],
        sources: &[],
    }));
    MADE.with_borrow_mut(|m| m.push((e.clone(), exercise)));
    exercise
}

fn set(list: &'static std::thread::LocalKey<RefCell<Vec<Made>>>, exercises: &[OwnExercise]) {
    // Called whenever a page reads them: the same exercises again cost one comparison.
    let same = list.with_borrow(|l| {
        l.len() == exercises.len() && l.iter().zip(exercises).all(|((o, _), e)| o == e)
    });
    if same {
        return;
    }
    let forms: Vec<Made> = exercises.iter().map(|e| (e.clone(), made(e))).collect();
    list.with_borrow_mut(|l| *l = forms);
}

/// Makes the person's own exercises the ones [`super::get`] finds.
pub fn set_own(exercises: &[OwnExercise]) {
    set(&OWN, exercises);
}

/// Makes the exercises of a shared routine findable while it is previewed (empty to
/// stop). The person's own come first where both have an id.
pub fn set_visiting(exercises: &[OwnExercise]) {
    set(&VISITING, exercises);
}

/// The own exercise with this id, the person's own before a visiting one.
pub(super) fn get(id: &str) -> Option<&'static Exercise> {
    if !is_own(id) {
        return None;
    }
    let find = |l: &Vec<Made>| l.iter().find(|(_, e)| e.id == id).map(|m| m.1);
    OWN.with_borrow(find).or_else(|| VISITING.with_borrow(find))
}

/// The stored form of an own exercise by id (the person's own, else a visiting one).
pub fn record(id: &str) -> Option<OwnExercise> {
    let find = |l: &Vec<Made>| l.iter().find(|(_, e)| e.id == id).map(|m| m.0.clone());
    OWN.with_borrow(find).or_else(|| VISITING.with_borrow(find))
}

/// The person's own exercises, in the order they were made.
pub fn all() -> Vec<&'static Exercise> {
    OWN.with_borrow(|l| l.iter().map(|m| m.1).collect())
}
