//! Routines: a named list of exercises, each with the dose to play.
//!
//! The built-in routines use the library's own doses wherever those give a routine of
//! 5 to 15 minutes. Where they do not, or where a routine is meant to be gentler, only
//! the app's own figures ([`Origin::App`](crate::domain::library::exercise::Origin::App)) are changed,
//! never a number a source gives, and each change is explained beside it.

use crate::domain::library::catalog;
use crate::domain::library::exercise::{Amount, Dose, Origin, Work};
use crate::domain::library::own_exercise::is_own;
use crate::domain::library::Library;
use crate::domain::records::safety::{Advice, STAY_ACTIVE};
use crate::domain::session::{self, PlannedItem, PlannedWork, Session, Step, Words};
use crate::domain::sources::Source;

/// One exercise of a routine with the dose to play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineItem {
    /// The catalogue id of the exercise.
    pub exercise: String,
    /// How much of it to do. Usually the exercise's own dose.
    pub dose: Dose,
    /// The words of a person's own exercise, kept with the item so a session plays them
    /// as they were when it began (`None` for the library's).
    pub own: Option<Words>,
}

impl RoutineItem {
    /// The exercise `exercise_id` with its own dose from the library, or `None` when the
    /// library has no such exercise.
    pub fn of(exercise_id: &str) -> Option<RoutineItem> {
        catalog::get(exercise_id).map(|e| RoutineItem {
            exercise: e.id.to_string(),
            dose: e.dose,
            own: None,
        })
    }

    /// The numbers a session plays for this item: the starting value of each amount.
    pub fn plan(&self) -> PlannedItem {
        let d = &self.dose;
        PlannedItem {
            exercise: self.exercise.clone(),
            sets: d.sets.start,
            reps: d.reps.start,
            work: match d.work {
                Work::Hold(a) => PlannedWork::Hold { secs: a.start },
                Work::Paced(a) => PlannedWork::Paced { secs: a.start },
                Work::Tapped => PlannedWork::Tapped,
                Work::Minutes(a) => PlannedWork::Minutes { minutes: a.start },
            },
            rest_reps_secs: d.rest_reps.start,
            rest_sets_secs: d.rest_sets.start,
            sides: d.sides,
            describe: false,
            own: self.own.clone(),
        }
    }
}

/// A named list of exercises to play one after another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routine {
    /// Stable: used in addresses and in the session log. `exercise:<id>` for a single
    /// exercise played on its own.
    pub id: String,
    /// What the app calls it.
    pub name: String,
    /// One or two plain sentences: who it is for.
    pub description: String,
    pub items: Vec<RoutineItem>,
    /// True when the routine always plays its own doses: the person's levels from
    /// progression never raise them (a flare-up day stays gentle).
    pub fixed_doses: bool,
    /// Advice from the sources to show with the routine, before it starts and in its
    /// summary.
    pub advice: Option<&'static Advice>,
}

/// The prefix of the id of a routine made of one exercise ("Try it").
pub const SINGLE_PREFIX: &str = "exercise:";

impl Routine {
    /// One exercise on its own, with its own dose, for "Try it". `None` when the library
    /// has no such exercise.
    pub fn single(exercise_id: &str, library: &Library) -> Option<Routine> {
        let exercise = library.get(exercise_id)?;
        Some(Routine {
            id: format!("{SINGLE_PREFIX}{}", exercise.id),
            name: exercise.name.to_string(),
            description: exercise.purpose.to_string(),
            items: vec![RoutineItem {
                exercise: exercise.id.to_string(),
                dose: exercise.dose,
                own: is_own(&exercise.id).then(|| Words::of(exercise)),
            }],
            fixed_doses: false,
            advice: None,
        })
    }

    /// The numbers a session plays, item by item.
    pub fn plan(&self) -> Vec<PlannedItem> {
        self.items.iter().map(RoutineItem::plan).collect()
    }

    /// The steps a session of this routine goes through.
    pub fn timeline(&self) -> Vec<Step> {
        session::compile(&self.plan(), &session::Pace::default())
    }

    /// A session of this routine, not started yet, with `salt` (random) for the id of
    /// its record, describing the exercises for which `describe` says so.
    pub fn session(&self, salt: u32, describe: impl Fn(&str) -> bool) -> Session {
        let mut plan = self.plan();
        for item in &mut plan {
            item.describe = describe(&item.exercise);
        }
        Session::from_plan(&self.id, &self.name, plan, salt)
    }

    /// How long the routine takes, in seconds, get-ready countdowns included. It is the
    /// sum of the timeline's steps, so it is exactly the time a session takes when
    /// nothing is paused or skipped; a tapped rep counts
    /// [`TAPPED_REP_ESTIMATE_SECS`](crate::domain::library::exercise::TAPPED_REP_ESTIMATE_SECS).
    pub fn estimated_secs(&self) -> u32 {
        let ms = session::planned_ms(&self.timeline());
        u32::try_from(ms / 1000).unwrap_or(u32::MAX)
    }

    /// Whole minutes, rounded up, at least 1.
    pub fn estimated_minutes(&self) -> u32 {
        self.estimated_secs().div_ceil(60).max(1)
    }

    /// Where the routine's exercises come from: each source once, in the order the
    /// exercises first name them.
    pub fn sources(&self) -> Vec<Source> {
        let mut sources = Vec::new();
        for item in &self.items {
            if let Some(exercise) = catalog::get(&item.exercise) {
                for source in exercise.sources {
                    if !sources.contains(source) {
                        sources.push(*source);
                    }
                }
            }
        }
        sources
    }

    /// True for the routines that come with the app.
    pub fn is_builtin(&self) -> bool {
        BUILTIN_IDS.contains(&self.id.as_str())
    }
}

/// The ids of the built-in routines, in the order the app lists them.
pub const BUILTIN_IDS: [&str; 4] = ["gentle-start", "core-stability", "desk-break", "flare-up"];

/// An exercise with its own dose, changed by `change`. Only the app's own figures may be
/// changed: the tests check that every changed amount is marked [`Origin::App`].
///
/// [`Origin::App`]: crate::domain::library::exercise::Origin::App
fn item(exercise_id: &str, change: impl FnOnce(&mut Dose)) -> Option<RoutineItem> {
    let mut item = RoutineItem::of(exercise_id)?;
    change(&mut item.dose);
    Some(item)
}

fn routine(id: &str, name: &str, description: &str, items: Vec<Option<RoutineItem>>) -> Routine {
    Routine {
        id: id.to_string(),
        name: name.to_string(),
        description: description.to_string(),
        items: items.into_iter().flatten().collect(),
        fixed_doses: false,
        advice: None,
    }
}

/// NHS Inform's "start with 5 reps of each exercise", for an exercise whose source
/// gives more: the reps start at 5 and may grow, by the progression rule, up to the
/// source's own figure. The sets, holds and rests stay the source's.
pub fn start_at_nhs_five(dose: &mut Dose) {
    if dose.reps.start > NHS_START_REPS {
        dose.reps = Amount {
            start: NHS_START_REPS,
            min: NHS_START_REPS,
            max: dose.reps.max,
            origin: Origin::From(Source::NhsInform),
        };
    }
}

/// NHS Inform: "start with 5 reps of each exercise".
pub const NHS_START_REPS: u16 = 5;

/// True when a built-in routine plays this exercise from NHS Inform's 5 reps (see
/// [`start_at_nhs_five`]): there, the person's level is what lifts it, even a level equal
/// to the library's own figure.
pub fn starts_at_nhs_five(exercise_id: &str) -> bool {
    builtin().iter().any(|r| {
        r.items.iter().any(|i| {
            i.exercise == exercise_id
                && i.dose.reps.origin == Origin::From(Source::NhsInform)
                && i.dose.reps.start == NHS_START_REPS
                && catalog::get(exercise_id).is_some_and(|e| e.dose.reps.start > NHS_START_REPS)
        })
    })
}

/// The routines that come with the app. Every one takes 5 to 15 minutes.
pub fn builtin() -> Vec<Routine> {
    vec![
        // With their own doses these three take under 2 minutes. To make a start worth
        // lying down for, the app adds a set of hugs, lengthens the holds and leaves a
        // breath between moves; all of these are the app's own figures (the sources give
        // no sets, holds or rests for them). The knee rolls stay at the source's start:
        // 2 in all (The Physio Box: start with just 2 or 3), never a second set. About
        // 5⅔ minutes.
        routine(
            "gentle-start",
            "A gentle start",
            "Three easy moves lying on your back, to loosen up your lower back. A good \
             first routine.",
            vec![
                item("pelvic-tilt", |d| d.rest_reps = Amount::app(10)),
                item("knee-rolls", |d| {
                    d.work = Work::Hold(Amount::app(5));
                    d.rest_reps = Amount::app(15);
                }),
                item("double-knee-hug", |d| {
                    d.sets = Amount::app(2);
                    d.work = Work::Hold(Amount::app(10));
                    d.rest_reps = Amount::app(10);
                }),
            ],
        ),
        // The sources' sets, holds and rests, with reps starting at NHS Inform's 5 and
        // growing by the progression rule up to the sources' 10 (15 for the bridge):
        // about 7 minutes at the start.
        routine(
            "core-stability",
            "Core stability",
            "Strengthens the muscles around your spine and tummy that support your back.",
            vec![
                item("abdominal-bracing", start_at_nhs_five),
                item("dead-bug", start_at_nhs_five),
                item("bridge", start_at_nhs_five),
            ],
        ),
        // The sources' own doses: about 6 minutes.
        routine(
            "desk-break",
            "Desk break",
            "A short break from sitting: stand tall, stretch your upper back and the backs \
             of your legs.",
            vec![
                item("thoracic-spine-stretch", |_| {}),
                item("wall-stand", |_| {}),
                item("seated-hamstring-stretch", |_| {}),
                item("foam-roller-extension", |_| {}),
            ],
        ),
        // The gentlest moves, with shorter holds and longer rests than usual. Every
        // change is to the app's own figures. The knee rolls stay at the source's start
        // (2 in all, one set); lying flat is held a little longer so the routine lasts
        // about 5 minutes: long enough to ease into, short enough on a bad day. Its doses
        // are fixed: reps gained through progression don't raise them.
        Routine {
            fixed_doses: true,
            advice: Some(&STAY_ACTIVE),
            ..routine(
                "flare-up",
                "Flare-up day",
                "For a day when your back is sore: the gentlest moves, short holds and long \
             rests. Stop if anything makes your pain worse.",
                vec![
                    item("pelvic-tilt", |d| d.rest_reps = Amount::app(10)),
                    item("knee-rolls", |d| d.rest_reps = Amount::app(15)),
                    item("single-knee-hug", |d| {
                        d.work = Work::Hold(Amount::app(3));
                        d.rest_reps = Amount::app(10);
                    }),
                    item("lying-thoracic-extension", |d| {
                        d.reps = Amount::app(2);
                        d.work = Work::Hold(Amount::app(45));
                        d.rest_reps = Amount::app(15);
                    }),
                ],
            )
        },
    ]
}

/// The routine with this id: a built-in one, or `exercise:<id>` for one exercise of
/// `library` alone.
pub fn find(id: &str, library: &Library) -> Option<Routine> {
    if let Some(exercise_id) = id.strip_prefix(SINGLE_PREFIX) {
        return Routine::single(exercise_id, library);
    }
    built_in(id)
}

/// The built-in routine with this id.
pub fn built_in(id: &str) -> Option<Routine> {
    builtin().into_iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::domain::library::exercise::TAPPED_REP_ESTIMATE_SECS;
    use crate::domain::session::{StepKind, GET_READY_SECS};

    fn amounts(dose: &Dose) -> Vec<(&'static str, Amount)> {
        let mut list = vec![
            ("sets", dose.sets),
            ("reps", dose.reps),
            ("rest_reps", dose.rest_reps),
            ("rest_sets", dose.rest_sets),
        ];
        match dose.work {
            Work::Hold(a) | Work::Paced(a) | Work::Minutes(a) => list.push(("work", a)),
            Work::Tapped => {}
        }
        list
    }

    #[test]
    fn builtins_are_found_by_id_and_complete() {
        let all = builtin();
        assert_eq!(all.len(), BUILTIN_IDS.len());
        for (routine, id) in all.iter().zip(BUILTIN_IDS) {
            assert_eq!(routine.id, id);
            assert!(routine.is_builtin());
            assert_eq!(find(id, &Library::BUILT_IN).as_ref(), Some(routine));
            assert!(!routine.name.is_empty() && routine.description.ends_with('.'));
            for item in &routine.items {
                assert!(catalog::get(&item.exercise).is_some(), "{}", item.exercise);
                assert!(item.dose.is_valid(), "{id}: {}", item.exercise);
            }
        }
        assert!(find("nope", &Library::BUILT_IN).is_none());
    }

    #[test]
    fn builtins_hold_the_exercises_the_issue_names() {
        let ids = |id: &str| -> Vec<String> {
            find(id, &Library::BUILT_IN)
                .unwrap()
                .items
                .into_iter()
                .map(|i| i.exercise)
                .collect()
        };
        assert_eq!(
            ids("gentle-start"),
            ["pelvic-tilt", "knee-rolls", "double-knee-hug"]
        );
        assert_eq!(
            ids("core-stability"),
            ["abdominal-bracing", "dead-bug", "bridge"]
        );
        assert_eq!(
            ids("desk-break"),
            [
                "thoracic-spine-stretch",
                "wall-stand",
                "seated-hamstring-stretch",
                "foam-roller-extension"
            ]
        );
        assert_eq!(
            ids("flare-up"),
            [
                "pelvic-tilt",
                "knee-rolls",
                "single-knee-hug",
                "lying-thoracic-extension"
            ]
        );
    }

    #[test]
    fn builtins_take_5_to_15_minutes_with_get_ready() {
        let minutes: Vec<(String, u32)> = builtin()
            .iter()
            .map(|r| (r.id.clone(), r.estimated_secs()))
            .collect();
        for (id, secs) in &minutes {
            assert!((300..=900).contains(secs), "{id} takes {secs} s");
        }
        // The figures the report and the app's copy rely on.
        assert_eq!(
            minutes,
            [
                ("gentle-start".to_string(), 340),
                ("core-stability".to_string(), 399),
                ("desk-break".to_string(), 379),
                ("flare-up".to_string(), 307),
            ]
        );
    }

    #[test]
    fn only_the_apps_own_figures_are_changed() {
        for routine in builtin() {
            for item in &routine.items {
                let own = catalog::get(&item.exercise).unwrap().dose;
                let played = amounts(&item.dose);
                for ((name, own), (_, new)) in amounts(&own).into_iter().zip(played) {
                    // Or reps starting at NHS Inform's 5, growing to the source's figure.
                    let nhs_start = name == "reps"
                        && new.origin == Origin::From(Source::NhsInform)
                        && new.start == NHS_START_REPS
                        && new.max == own.max;
                    if own != new && !nhs_start {
                        assert_eq!(own.origin, Origin::App, "{} {name}", routine.id);
                        assert_eq!(new.origin, Origin::App, "{} {name}", routine.id);
                    }
                }
                assert_eq!(item.dose.sides, own.sides);
                assert_eq!(
                    std::mem::discriminant(&item.dose.work),
                    std::mem::discriminant(&own.work)
                );
            }
        }
    }

    #[test]
    fn knee_rolls_play_two_or_three_in_all() {
        // The Physio Box: start with just 2 or 3 (a rep is both sides). Every routine
        // of the app plays two or three rolls in all, however many sets.
        let mut seen = 0;
        for routine in builtin() {
            for item in routine.items.iter().filter(|i| i.exercise == "knee-rolls") {
                let rolls = item.dose.sets.start * item.dose.reps.start;
                assert!((2..=3).contains(&rolls), "{}: {rolls} rolls", routine.id);
                seen += 1;
            }
        }
        assert_eq!(seen, 2, "the gentle start and the flare-up day");
    }

    #[test]
    fn core_stability_starts_at_five_reps_with_the_sources_sets_and_holds() {
        let core = find("core-stability", &Library::BUILT_IN).unwrap();
        for item in &core.items {
            let own = catalog::get(&item.exercise).unwrap().dose;
            assert_eq!(item.dose.reps.start, 5, "{}", item.exercise);
            assert_eq!(item.dose.reps.origin, Origin::From(Source::NhsInform));
            assert_eq!(
                item.dose.reps.max, own.reps.max,
                "grows to the source's figure"
            );
            assert_eq!((item.dose.sets, item.dose.work), (own.sets, own.work));
        }
        assert!(!core.fixed_doses);
    }

    #[test]
    fn flare_up_keeps_its_own_doses_and_says_to_stay_active() {
        let flare = find("flare-up", &Library::BUILT_IN).unwrap();
        assert!(flare.fixed_doses);
        assert_eq!(flare.advice.map(|a| a.id), Some("stay-active"));
        assert!(builtin()
            .iter()
            .filter(|r| r.id != "flare-up")
            .all(|r| !r.fixed_doses && r.advice.is_none()));
    }

    #[test]
    fn flare_up_has_shorter_holds_and_longer_rests() {
        let flare = find("flare-up", &Library::BUILT_IN).unwrap();
        for item in &flare.items {
            let own = catalog::get(&item.exercise).unwrap().dose;
            assert!(
                item.dose.secs_per_move() <= own.secs_per_move(),
                "{}",
                item.exercise
            );
            assert!(item.dose.rest_reps.start >= own.rest_reps.start);
        }
    }

    #[test]
    fn estimate_equals_the_dose_arithmetic_plus_get_ready() {
        let mut routines = builtin();
        routines.extend(
            catalog::CATALOG
                .iter()
                .filter_map(|e| Routine::single(&e.id, &Library::BUILT_IN)),
        );
        for routine in routines {
            let expected: u32 = routine
                .items
                .iter()
                .map(|i| i.dose.estimated_secs() + GET_READY_SECS)
                .sum();
            assert_eq!(routine.estimated_secs(), expected, "{}", routine.id);
        }
    }

    #[test]
    fn estimate_equals_the_timeline_for_timed_work() {
        for routine in builtin() {
            let steps = routine.timeline();
            assert!(steps.iter().all(|s| s.duration_ms.is_some()));
            let total: i64 = steps.iter().filter_map(|s| s.duration_ms).sum();
            assert_eq!(i64::from(routine.estimated_secs()) * 1000, total);
        }
        // A tapped rep has no duration; the estimate allows a few seconds for it.
        let tapped = Routine::single("core-in-daily-moves", &Library::BUILT_IN).unwrap();
        let steps = tapped.timeline();
        let timed: i64 = steps.iter().filter_map(|s| s.duration_ms).sum();
        let taps = steps
            .iter()
            .filter(|s| s.duration_ms.is_none() && s.kind != StepKind::Finished)
            .count() as i64;
        assert_eq!(taps, 5);
        assert_eq!(
            i64::from(tapped.estimated_secs()) * 1000,
            timed + taps * i64::from(TAPPED_REP_ESTIMATE_SECS) * 1000
        );
    }

    #[test]
    fn single_plays_one_exercise_with_its_own_dose() {
        let bridge = Routine::single("bridge", &Library::BUILT_IN).unwrap();
        assert_eq!(bridge.id, "exercise:bridge");
        assert_eq!(bridge.name, "Bridge");
        assert_eq!(bridge.items.len(), 1);
        assert_eq!(bridge.items[0].dose, catalog::get("bridge").unwrap().dose);
        assert!(!bridge.is_builtin());
        assert_eq!(find("exercise:bridge", &Library::BUILT_IN), Some(bridge));
        assert!(Routine::single("nope", &Library::BUILT_IN).is_none());
        assert!(find("exercise:nope", &Library::BUILT_IN).is_none());
    }

    #[test]
    fn sources_are_listed_once_each() {
        assert_eq!(
            find("desk-break", &Library::BUILT_IN).unwrap().sources(),
            [Source::ClevelandClinic, Source::SpineHealth]
        );
        assert_eq!(
            find("gentle-start", &Library::BUILT_IN).unwrap().sources(),
            [Source::PhysioBox]
        );
        let walk = Routine::single("walking", &Library::BUILT_IN).unwrap();
        assert_eq!(
            walk.sources(),
            [
                Source::SpineHealth,
                Source::PhysioBox,
                Source::ClevelandClinic
            ]
        );
    }

    #[test]
    fn a_plan_round_trips_through_json() {
        for routine in builtin() {
            let plan = routine.plan();
            let text = serde_json::to_string(&plan).unwrap();
            let back: Vec<PlannedItem> = serde_json::from_str(&text).unwrap();
            assert_eq!(back, plan);
        }
        let plan = Routine::single("dead-bug", &Library::BUILT_IN)
            .unwrap()
            .plan();
        let value = serde_json::to_value(&plan[0]).unwrap();
        assert_eq!(value["sides"], "taking_turns");
        let rolls = Routine::single("knee-rolls", &Library::BUILT_IN)
            .unwrap()
            .plan();
        assert_eq!(
            serde_json::to_value(&rolls[0]).unwrap()["sides"],
            "alternating"
        );
        assert_eq!(
            value["work"],
            serde_json::json!({"kind": "paced", "secs": 4})
        );
    }
}
