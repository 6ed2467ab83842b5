//! The person's own routines: a name and exercises from the library, each with the dose
//! the person (or their physiotherapist) chose, stored under `steadyback:routines`.
//!
//! Only what the person chose is stored: the exercise's id and five numbers. Everything
//! else (how the move is done, which sides, whether a rep is held or paced) comes from
//! the library when the routine is played, so a routine never carries stale wording.
//! A dose past the range the app stands behind ([`limits`](crate::domain::library::limits)) is allowed (a
//! physiotherapist may prescribe more) but marked, with the source's words or "the app's
//! own limit"; past the app's caps it is refused.

use serde::{Deserialize, Serialize};

use crate::domain::ids::{is_zero, Log, Named, Tombstone};
use crate::domain::library::exercise::{
    Amount, Dose, Exercise, Sides, Work, MAX_HOLD_SECS, MAX_REPS, MAX_SETS,
};
use crate::domain::library::limits::{self, Number, Numbers, WorkKind};
use crate::domain::library::own_exercise::is_own;
pub use crate::domain::library::own_item::{
    check_name, Field, OwnItem, RoutineError, MAX_ACTIVITY_MINUTES, MAX_ITEMS, MAX_NAME_CHARS,
    MAX_REST_SECS,
};
use crate::domain::library::Library;
use crate::domain::routines::routine::{Routine, RoutineItem};
use crate::domain::session::Words;
use crate::domain::storage::drafts::{Draft, Drafts};
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// How an own routine's id starts, in addresses and in the session log.
pub const OWN_PREFIX: &str = "own:";

impl OwnItem {
    /// The exercise with the library's starting dose.
    pub fn of(exercise: &Exercise) -> OwnItem {
        OwnItem::from_dose(&exercise.id, &exercise.dose)
    }

    /// The exercise `id` with the starting numbers of `dose` (a routine's).
    pub fn from_dose(id: &str, dose: &Dose) -> OwnItem {
        let d = dose;
        OwnItem {
            exercise: id.to_string(),
            sets: d.sets.start,
            reps: d.reps.start,
            work: match d.work {
                Work::Hold(a) | Work::Paced(a) | Work::Minutes(a) => a.start,
                Work::Tapped => 0,
            },
            rest_reps: d.rest_reps.start,
            rest_sets: d.rest_sets.start,
        }
    }

    /// The exercise from the library; `None` for an id it does not have.
    pub fn library<'l>(&self, library: &'l Library) -> Option<&'l Exercise> {
        library.get(&self.exercise)
    }

    /// What the number means for this exercise ("Hold (seconds)"), and its range:
    /// `None` where the exercise has no such number (no hold for a tapped rep, no rest
    /// between reps of a timed activity).
    pub fn field(&self, field: Field, library: &Library) -> Option<(&'static str, u16, u16)> {
        let exercise = self.library(library)?;
        let minutes = matches!(exercise.dose.work, Work::Minutes(_));
        match field {
            Field::Sets => Some(("Sets", 1, MAX_SETS)),
            Field::Reps => Some((
                if exercise.dose.sides.moves_per_rep() == 2 {
                    "Reps (each side)"
                } else {
                    "Reps"
                },
                1,
                MAX_REPS,
            )),
            Field::Work => match exercise.dose.work {
                Work::Hold(_) => Some(("Hold (seconds)", 1, MAX_HOLD_SECS)),
                Work::Paced(_) => Some(("Seconds each rep", 1, MAX_HOLD_SECS)),
                Work::Minutes(_) => Some(("Minutes", 1, MAX_ACTIVITY_MINUTES)),
                Work::Tapped => None,
            },
            Field::RestReps if minutes => None,
            Field::RestReps => Some(("Rest between reps (seconds)", 0, MAX_REST_SECS)),
            Field::RestSets => Some(("Rest between sets (seconds)", 0, MAX_REST_SECS)),
        }
    }

    /// The numbers past the range the app stands behind for the exercise (see
    /// [`limits`](crate::domain::library::limits)), each with a sentence that says so: the source's
    /// words ("more than the source suggests"), or "the app's own limit". Rests are
    /// left out: a longer rest is never more exercise. Nothing for the person's own
    /// exercises, which no source stands behind and which are marked as theirs.
    pub fn beyond_range(&self, library: &Library) -> Vec<(Field, String)> {
        let Some(exercise) = self.library(library) else {
            return Vec::new();
        };
        let Some(limits) = exercise.limits else {
            return Vec::new();
        };
        let numbers = Numbers {
            sets: self.sets,
            reps: self.reps,
            per_side: exercise.dose.sides == Sides::EachSide,
            work: match exercise.dose.work {
                Work::Hold(_) => Some((WorkKind::Hold, self.work)),
                Work::Paced(_) => Some((WorkKind::Pace, self.work)),
                Work::Minutes(_) => Some((WorkKind::Minutes, self.work)),
                Work::Tapped => None,
            },
        };
        limits::beyond(&limits, &numbers)
            .into_iter()
            .map(|(number, note)| {
                let field = match number {
                    Number::Sets => Field::Sets,
                    Number::Reps => Field::Reps,
                    Number::Work => Field::Work,
                };
                (field, note)
            })
            .collect()
    }

    /// Checks the exercise exists and every number is within the app's caps. The
    /// person's own exercise that is gone (deleted, or not on this device yet) passes
    /// within the widest caps: the routine keeps it, and skips it when played.
    pub fn check(&self, library: &Library) -> Result<(), RoutineError> {
        if is_own(&self.exercise) && self.library(library).is_none() {
            let within = self.sets <= MAX_SETS
                && self.reps <= MAX_REPS
                && self.work <= MAX_HOLD_SECS
                && self.rest_reps <= MAX_REST_SECS
                && self.rest_sets <= MAX_REST_SECS;
            return within.then_some(()).ok_or_else(|| RoutineError::Dose {
                exercise: "An exercise of your own".to_string(),
                what: "a number is past the app's caps".to_string(),
            });
        }
        let exercise = self
            .library(library)
            .ok_or_else(|| RoutineError::UnknownExercise(self.exercise.clone()))?;
        for f in Field::ALL {
            let value = self.get(f);
            let problem = match self.field(f, library) {
                Some((label, min, max)) if value < min || value > max => {
                    Some(format!("{label} must be from {min} to {max}"))
                }
                // A number the exercise does not use must be left at 0.
                None if value != 0 => Some("a number it does not use is set".to_string()),
                _ => None,
            };
            if let Some(what) = problem {
                return Err(RoutineError::Dose {
                    exercise: exercise.name.to_string(),
                    what,
                });
            }
        }
        Ok(())
    }

    /// The dose to play: the library's, with the chosen numbers (marked as the
    /// person's own).
    pub fn dose(&self, library: &Library) -> Option<Dose> {
        let mut d = self.library(library)?.dose;
        let own = Amount::person;
        d.sets = own(self.sets);
        d.reps = own(self.reps);
        d.work = match d.work {
            Work::Hold(_) => Work::Hold(own(self.work)),
            Work::Paced(_) => Work::Paced(own(self.work)),
            Work::Minutes(_) => Work::Minutes(own(self.work)),
            Work::Tapped => Work::Tapped,
        };
        d.rest_reps = own(self.rest_reps);
        d.rest_sets = own(self.rest_sets);
        d.build_up = None;
        Some(d)
    }
}

/// A routine the person made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnRoutine {
    /// When it was made (with `salt`, its id).
    pub id: Millis,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub salt: u32,
    /// When it last changed: of two copies, the later one wins.
    pub updated_at: Millis,
    pub name: String,
    pub items: Vec<OwnItem>,
}

// Its id: when it was made, and its salt; of two copies, the one changed later wins.
crate::domain::ids::keyed!(OwnRoutine, at = id);

/// Checks a whole routine: its name, 1 to [`MAX_ITEMS`] exercises, each dose.
pub fn check(name: &str, items: &[OwnItem], library: &Library) -> Result<String, RoutineError> {
    let name = check_name(name)?;
    if items.is_empty() {
        return Err(RoutineError::NoItems);
    }
    if items.len() > MAX_ITEMS {
        return Err(RoutineError::TooManyItems);
    }
    for item in items {
        item.check(library)?;
    }
    Ok(name)
}

impl OwnRoutine {
    /// Its id in addresses and in the session log: `own:<made>-<salt>`.
    pub fn routine_id(&self) -> String {
        OwnRoutines::name(self)
    }

    /// The routine to play. Its doses are fixed: the person chose them, so their levels
    /// from progression never change them.
    pub fn routine(&self, library: &Library) -> Routine {
        routine_of(self.routine_id(), self.name.clone(), &self.items, library)
    }
}

fn routine_of(id: String, name: String, items: &[OwnItem], library: &Library) -> Routine {
    Routine {
        id,
        name,
        description: "Your own routine, with the doses you set.".to_string(),
        items: items
            .iter()
            .filter_map(|i| {
                let exercise = i.library(library)?;
                Some(RoutineItem {
                    exercise: i.exercise.clone(),
                    dose: i.dose(library)?,
                    own: is_own(&i.exercise).then(|| Words::of(exercise)),
                })
            })
            .collect(),
        fixed_doses: true,
        advice: None,
    }
}

/// True when any number of these exercises is past the range the app stands behind
/// ([`OwnItem::beyond_range`]): a shared routine says so before it is added.
pub fn beyond_any(items: &[OwnItem], library: &Library) -> bool {
    items.iter().any(|i| !i.beyond_range(library).is_empty())
}

/// About how many minutes these exercises take, played as a routine (those that fail
/// their check left out); 0 when none can be played. For a routine being made or
/// previewed, before it is saved.
pub fn minutes(items: &[OwnItem], library: &Library) -> u32 {
    let playable: Vec<OwnItem> = items
        .iter()
        .filter(|i| i.check(library).is_ok())
        .cloned()
        .collect();
    let routine = routine_of(String::new(), String::new(), &playable, library);
    if routine.items.is_empty() {
        0
    } else {
        routine.estimated_minutes()
    }
}

/// The routine Today suggests, as the person pinned it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pin {
    /// When it was pinned or unpinned: the later pin wins.
    pub at: Millis,
    /// The routine's id; `None` once unpinned (Today chooses again).
    pub routine: Option<String>,
}

/// The person's own routines, stored under `steadyback:routines`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct OwnRoutines {
    /// In order of id (when they were made).
    pub records: Vec<OwnRoutine>,
    pub deleted: Vec<Tombstone>,
    pub pinned: Option<Pin>,
}

impl Record for OwnRoutines {
    const NAME: &'static str = "routines";
    const SCHEMA: u32 = 1;
    const MERGES: bool = true;

    fn merge_from(&mut self, other: &Self) {
        self.merge(other);
        self.pinned = self.pinned.clone().max(other.pinned.clone());
    }
}

crate::domain::ids::log_in_fields!(OwnRoutines, OwnRoutine);

impl Named for OwnRoutines {
    const PREFIX: &'static str = OWN_PREFIX;
}

impl OwnRoutines {
    /// The routine with this id (`own:…`).
    pub fn get(&self, routine_id: &str) -> Option<&OwnRoutine> {
        self.named(routine_id)
    }

    /// Saves a routine: a new one (`id` `None`) made at `now` with `salt`, or the
    /// changed copy of an existing one. Gives its routine id. The name and items must
    /// have passed [`check`].
    pub fn save(
        &mut self,
        id: Option<&str>,
        name: String,
        items: Vec<OwnItem>,
        now: Millis,
        salt: u32,
    ) -> String {
        self.save_named(id, now, salt, |key, updated_at| OwnRoutine {
            id: key.at,
            salt: key.salt,
            updated_at,
            name,
            items,
        })
    }

    /// Deletes a routine at `now` (a tombstone keeps it deleted in other tabs); an
    /// unpinned pin if it was the one Today suggests.
    pub fn delete(&mut self, routine_id: &str, now: Millis) -> Option<OwnRoutine> {
        let gone = self.delete_named(routine_id, now)?;
        if self.pinned_id() == Some(routine_id) {
            self.pin(None, now);
        }
        Some(gone)
    }

    /// Pins a routine (built-in or own) for Today to suggest, or unpins (`None`).
    pub fn pin(&mut self, routine_id: Option<&str>, now: Millis) {
        let at = self
            .pinned
            .as_ref()
            .map_or(now, |p| now.max(p.at.saturating_add(1)));
        self.pinned = Some(Pin {
            at,
            routine: routine_id.map(str::to_string),
        });
    }

    /// The routine pinned for Today, if any.
    pub fn pinned_id(&self) -> Option<&str> {
        self.pinned.as_ref()?.routine.as_deref()
    }

    /// A name for a copy of `name` that no routine here has yet: "… (copy)", "… (copy 2)".
    pub fn copy_name(&self, name: &str) -> String {
        let taken = |n: &str| self.records.iter().any(|r| r.name == n);
        let with = |suffix: String| {
            let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
            let base: String = name.chars().take(room).collect();
            format!("{}{suffix}", base.trim_end())
        };
        let mut candidate = with(" (copy)".to_string());
        let mut n = 2;
        while taken(&candidate) {
            candidate = with(format!(" (copy {n})"));
            n += 1;
        }
        candidate
    }
}

/// A routine being made or changed, kept as it is typed, so a reload or a closed tab
/// loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RoutineDraft {
    /// The own routine being changed; `None` for a new one.
    pub editing: Option<String>,
    /// The routine a new one was copied from.
    pub from: Option<String>,
    pub name: String,
    pub items: Vec<OwnItem>,
}

impl Draft for RoutineDraft {
    fn form(&self) -> (Option<&str>, Option<&str>) {
        (self.editing.as_deref(), self.from.as_deref())
    }
}

/// Every unsaved draft, one per editor (`steadyback:routine-drafts`): leaving one
/// routine's editor for another's keeps both.
pub type RoutineDrafts = Drafts<RoutineDraft>;

impl Record for RoutineDrafts {
    const NAME: &'static str = "routine-drafts";
    const SCHEMA: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::catalog;
    use crate::domain::library::exercise::Origin;
    use crate::domain::library::limits::{Basis, Count};

    fn item(id: &str) -> OwnItem {
        OwnItem::of(catalog::get(id).unwrap())
    }

    #[test]
    fn an_item_starts_at_the_library_dose_and_plays_it() {
        for e in catalog::CATALOG {
            let own = OwnItem::of(e);
            assert_eq!(own.check(&Library::BUILT_IN), Ok(()), "{}", e.id);
            assert!(own.beyond_range(&Library::BUILT_IN).is_empty(), "{}", e.id);
            let d = own.dose(&Library::BUILT_IN).unwrap();
            assert_eq!(d.estimated_secs(), e.dose.estimated_secs(), "{}", e.id);
            assert_eq!(d.sides, e.dose.sides);
        }
    }

    #[test]
    fn doses_past_the_caps_are_refused_and_past_the_source_marked() {
        let mut i = item("single-knee-hug");
        i.sets = MAX_SETS + 1;
        assert!(matches!(
            i.check(&Library::BUILT_IN),
            Err(RoutineError::Dose { .. })
        ));
        i.sets = 0;
        assert!(i.check(&Library::BUILT_IN).is_err());
        let mut i = item("single-knee-hug");
        i.rest_sets = MAX_REST_SECS + 1;
        assert!(i.check(&Library::BUILT_IN).is_err());
        let mut i = item("bridge");
        i.reps = 16;
        assert_eq!(i.check(&Library::BUILT_IN), Ok(()));
        assert_eq!(
            i.beyond_range(&Library::BUILT_IN),
            vec![(
                Field::Reps,
                "16 reps: more than the source suggests (Cleveland Clinic: 2 sets of 10 to 15)."
                    .to_string()
            )]
        );
        // A longer rest is never "more".
        i.rest_sets = MAX_REST_SECS;
        assert_eq!(i.beyond_range(&Library::BUILT_IN).len(), 1);
    }

    #[test]
    fn every_number_of_every_exercise_has_a_range_and_past_it_is_said() {
        for e in catalog::CATALOG {
            let limits = e.limits.unwrap_or_else(|| panic!("{} has no range", e.id));
            assert_eq!(
                limits.work.is_some(),
                !matches!(e.dose.work, Work::Tapped),
                "{}: a range for its hold, pace or minutes",
                e.id
            );
            let ranges: Vec<_> = match limits.count {
                Count::Each { sets, reps } => vec![sets, reps],
                Count::InAll(all) => vec![all],
            }
            .into_iter()
            .chain(limits.work)
            .collect();
            for r in ranges {
                assert!(r.min >= 1 && r.min <= r.max, "{}: {r:?}", e.id);
                match r.basis {
                    Basis::Source(source, words) => {
                        assert!(e.sources.contains(&source), "{}: {source:?}", e.id);
                        assert!(!words.is_empty() && !words.ends_with('.'), "{}", e.id);
                    }
                    Basis::App(why) => assert!(!why.is_empty(), "{}", e.id),
                }
            }
            // Each number one past its top is marked, in words that say whose limit
            // it is.
            for field in [Field::Sets, Field::Reps, Field::Work] {
                let Some((_, _, cap)) = OwnItem::of(e).field(field, &Library::BUILT_IN) else {
                    continue;
                };
                let mut i = OwnItem::of(e);
                // Far past any range, within the app's caps.
                i.set(field, cap);
                assert_eq!(i.check(&Library::BUILT_IN), Ok(()), "{} {field:?}", e.id);
                let notes = i.beyond_range(&Library::BUILT_IN);
                assert!(
                    !notes.is_empty(),
                    "{} {field:?} at {cap} is not marked",
                    e.id
                );
                for (_, note) in notes {
                    assert!(
                        note.contains("more than the source suggests (")
                            || note.contains("more than the app's own limit of"),
                        "{}: {note}",
                        e.id
                    );
                }
            }
        }
    }

    #[test]
    fn the_issues_examples_are_marked() {
        // Knee rolls held 600 s: "hold for a few seconds" is no figure, and still marked.
        let mut rolls = item("knee-rolls");
        rolls.work = 600;
        assert_eq!(
            rolls.beyond_range(&Library::BUILT_IN),
            vec![(
                Field::Work,
                "A 600-second hold: more than the app's own limit of 5 seconds (the source \
                 says only \u{201c}a few seconds\u{201d})."
                    .to_string()
            )]
        );
        // 20 sets of 3 knee rolls: 60 rolls where the source says start with 2 or 3.
        let mut rolls = item("knee-rolls");
        rolls.sets = 20;
        rolls.reps = 3;
        assert_eq!(
            rolls.beyond_range(&Library::BUILT_IN),
            vec![(
                Field::Sets,
                "20 sets of 3, 60 in all: more than the source suggests (The Physio Box: \
                 start with just 2 or 3)."
                    .to_string()
            )]
        );
        // Held 60 s, as an own routine may set it: marked in the editor, on the page and
        // in a shared link's preview, which all show these words.
        let mut held = item("knee-rolls");
        held.work = 60;
        assert_eq!(held.beyond_range(&Library::BUILT_IN).len(), 1);
        assert!(beyond_any(&[item("bridge"), held], &Library::BUILT_IN));
        assert!(!beyond_any(
            &[item("bridge"), item("knee-rolls")],
            &Library::BUILT_IN
        ));
    }

    #[test]
    fn walks_are_judged_against_the_build_up_not_the_first_walk() {
        let mut walk = item("walking");
        for minutes in [5, 10, 20, 30] {
            walk.work = minutes;
            assert!(
                walk.beyond_range(&Library::BUILT_IN).is_empty(),
                "{minutes} minutes"
            );
        }
        walk.work = 45;
        assert_eq!(
            walk.beyond_range(&Library::BUILT_IN),
            vec![(
                Field::Work,
                "45 minutes: more than the source suggests (Spine-health: new to exercise, \
                 build up to 20 to 30 minutes at a time)."
                    .to_string()
            )]
        );
    }

    #[test]
    fn the_built_in_routines_stay_within_range_even_at_the_top_of_progression() {
        use crate::domain::progress::progression::{hold_cap, rep_cap};
        for r in crate::domain::routines::routine::builtin() {
            for i in &r.items {
                let start = OwnItem::from_dose(&i.exercise, &i.dose);
                assert_eq!(
                    start.beyond_range(&Library::BUILT_IN),
                    vec![],
                    "{} {}",
                    r.id,
                    i.exercise
                );
                // As far as the app's own suggestions can take the person's level.
                let mut top = start.clone();
                top.reps = rep_cap(&catalog::get(&i.exercise).unwrap().dose.reps).max(top.reps);
                if let Work::Hold(hold) = catalog::get(&i.exercise).unwrap().dose.work {
                    top.work = top.work.max(hold_cap(&hold));
                }
                if r.fixed_doses {
                    continue; // the flare-up day never takes a person's level
                }
                assert_eq!(
                    top.beyond_range(&Library::BUILT_IN),
                    vec![],
                    "{} {} at the top",
                    r.id,
                    i.exercise
                );
            }
        }
        // And the library's own doses, at the top of what progression suggests.
        for e in catalog::CATALOG {
            let mut top = OwnItem::of(e);
            top.reps = rep_cap(&e.dose.reps);
            if let Work::Hold(hold) = e.dose.work {
                top.work = hold_cap(&hold);
            }
            assert_eq!(
                top.beyond_range(&Library::BUILT_IN),
                vec![],
                "{} at the top",
                e.id
            );
        }
    }

    #[test]
    fn a_tapped_exercise_has_no_hold_and_must_leave_it_at_zero() {
        let tapped = catalog::CATALOG
            .iter()
            .find(|e| matches!(e.dose.work, Work::Tapped));
        if let Some(e) = tapped {
            let mut i = OwnItem::of(e);
            assert_eq!(i.field(Field::Work, &Library::BUILT_IN), None);
            i.work = 5;
            assert!(i.check(&Library::BUILT_IN).is_err());
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            check_name("  My  physio\n routine "),
            Ok("My physio routine".into())
        );
        assert_eq!(check_name("   "), Err(RoutineError::NoName));
        assert_eq!(
            check_name(&"a".repeat(MAX_NAME_CHARS + 1)),
            Err(RoutineError::NameTooLong)
        );
        assert_eq!(
            check("x", &[], &Library::BUILT_IN),
            Err(RoutineError::NoItems)
        );
        let many = vec![item("single-knee-hug"); MAX_ITEMS + 1];
        assert_eq!(
            check("x", &many, &Library::BUILT_IN),
            Err(RoutineError::TooManyItems)
        );
        let unknown = OwnItem {
            exercise: "no-such".into(),
            ..item("single-knee-hug")
        };
        assert_eq!(
            check("x", &[unknown], &Library::BUILT_IN),
            Err(RoutineError::UnknownExercise("no-such".into()))
        );
    }

    #[test]
    fn an_own_routine_plays_its_own_fixed_doses() {
        let mut own = OwnRoutines::default();
        let mut knee = item("single-knee-hug");
        knee.reps = 3;
        let id = own.save(None, "Mine".into(), vec![knee, item("bridge")], 1_000, 7);
        assert_eq!(id, "own:1000-7");
        let r = own.get(&id).unwrap().routine(&Library::BUILT_IN);
        assert_eq!(r.id, id);
        assert!(r.fixed_doses);
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.items[0].dose.reps.start, 3);
        assert_eq!(r.items[0].dose.reps.origin, Origin::Person);
        assert!(r.estimated_minutes() >= 1);
        assert_eq!(
            minutes(&own.get(&id).unwrap().items, &Library::BUILT_IN),
            r.estimated_minutes()
        );
        assert_eq!(minutes(&[], &Library::BUILT_IN), 0);
        // Set aside later: skipped when played.
        let mut plan = crate::domain::routines::adjustments::Plan::default();
        plan.set_not_for_me(["bridge".to_string()], 2_000);
        assert_eq!(plan.apply(&r, &Library::BUILT_IN).items.len(), 1);
    }

    #[test]
    fn saving_again_changes_the_same_routine_and_deleting_leaves_a_tombstone() {
        let mut own = OwnRoutines::default();
        let id = own.save(None, "Mine".into(), vec![item("bridge")], 1_000, 1);
        let again = own.save(Some(&id), "Mine 2".into(), vec![item("bridge")], 900, 1);
        assert_eq!(again, id);
        assert_eq!(own.records.len(), 1);
        assert_eq!(own.records[0].name, "Mine 2");
        assert!(
            own.records[0].updated_at > 1_000,
            "newer even when the clock went back"
        );
        own.pin(Some(&id), 2_000);
        assert!(own.delete(&id, 3_000).is_some());
        assert!(own.records.is_empty());
        assert_eq!(own.deleted.len(), 1);
        assert_eq!(own.pinned_id(), None, "a deleted routine is unpinned");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // merge_laws is native-only
    fn two_tabs_keep_both_changes() {
        use crate::domain::storage::schema::merge_laws;
        let mut a = OwnRoutines::default();
        let first = a.save(None, "First".into(), vec![item("bridge")], 1_000, 1);
        let mut b = a.clone();
        a.save(None, "From A".into(), vec![item("bridge")], 2_000, 2);
        b.save(
            Some(&first),
            "First, changed in B".into(),
            vec![item("bridge")],
            2_500,
            1,
        );
        b.pin(Some("desk-break"), 2_600);
        let merged = merge_laws(&a, &b).unwrap();
        assert_eq!(merged.records.len(), 2);
        assert_eq!(merged.get(&first).unwrap().name, "First, changed in B");
        assert_eq!(merged.pinned_id(), Some("desk-break"));
        // A deletion in one tab beats the older copy in the other.
        let mut c = merged.clone();
        c.delete(&first, 3_000);
        let merged = merge_laws(&merged, &c).unwrap();
        assert!(merged.get(&first).is_none());
    }

    #[test]
    fn copies_get_a_free_name() {
        let mut own = OwnRoutines::default();
        assert_eq!(own.copy_name("A gentle start"), "A gentle start (copy)");
        own.save(
            None,
            "A gentle start (copy)".into(),
            vec![item("bridge")],
            1,
            1,
        );
        assert_eq!(own.copy_name("A gentle start"), "A gentle start (copy 2)");
        let long = "x".repeat(MAX_NAME_CHARS);
        for n in 0..12 {
            let name = own.copy_name(&long);
            assert!(check_name(&name).is_ok(), "{name}");
            own.save(None, name, vec![item("bridge")], 10 + n, 1);
        }
    }

    #[test]
    fn each_editor_keeps_its_own_draft() {
        let copy = RoutineDraft {
            editing: None,
            from: Some("desk-break".into()),
            name: "Desk break (copy)".into(),
            items: vec![item("bridge")],
        };
        let alone = RoutineDrafts {
            drafts: vec![copy.clone()],
        };
        assert!(alone.find(None, Some("desk-break")).is_some());
        assert!(alone.find(None, None).is_none());
        assert!(alone.find(Some("own:1"), None).is_none());
        let change = RoutineDraft {
            editing: Some("own:1".into()),
            ..copy.clone()
        };
        let mut drafts = RoutineDrafts::default();
        drafts.keep(copy.clone());
        drafts.keep(change.clone());
        drafts.keep(RoutineDraft {
            name: "Renamed".into(),
            ..change
        });
        assert_eq!(drafts.drafts.len(), 2, "one per editor");
        assert_eq!(drafts.find(Some("own:1"), None).unwrap().name, "Renamed");
        drafts.forget(Some("own:1"), None);
        assert_eq!(drafts.find(None, Some("desk-break")), Some(&copy));
        assert_eq!(drafts.find(Some("own:1"), None), None);
    }

    #[test]
    fn the_record_round_trips_as_json() {
        let mut own = OwnRoutines::default();
        own.save(None, "Mine".into(), vec![item("bridge")], 1_000, 0);
        own.pin(Some("own:1000"), 2_000);
        let text = serde_json::to_string(&own).unwrap();
        assert_eq!(serde_json::from_str::<OwnRoutines>(&text).unwrap(), own);
        assert!(!text.contains("salt"), "a zero salt is not written");
    }
}
