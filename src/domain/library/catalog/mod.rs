//! The exercise library: every exercise and activity of the source documents, with the
//! sources' own doses. Where a source gives no figure, the app's choice is marked
//! [`Origin::App`] (via [`Amount::app`]) and shown as "suggested by the app".
//!
//! The app's defaults, and why:
//! - reps not given: 5, from NHS Inform's rule "start with 5 reps of each exercise";
//! - "hold for a few seconds": 3 s; holds not given: 5 s for hugs, 10 s for the plank,
//!   20 s for stretches (the one stretch hold the sources give), 30 s standing tall and
//!   60 s lying flat: short enough to be comfortable, long enough to settle into;
//! - a paced rep: 4–6 s, slow and controlled;
//! - rest: a few seconds between reps, 30 s between sets;
//! - how often, not given: every day for gentle stretches and posture, 2 days a week for
//!   strength (the bridge's "at least 2 days a week"), and activity as the walking advice.

mod activities;
mod exercises;

use crate::domain::library::exercise::{Amount, Dose, Exercise, Frequency, Origin, Sides, Work};
use crate::domain::sources::Source::{self, *};

pub(super) const fn reps_dose(
    sets: Amount,
    reps: Amount,
    work: Work,
    rest_reps: u16,
    sides: Sides,
    frequency: Frequency,
    frequency_origin: Origin,
) -> Dose {
    Dose {
        sets,
        reps,
        work,
        rest_reps: Amount::app(rest_reps),
        rest_sets: Amount::app(30),
        sides,
        frequency,
        frequency_origin,
        build_up: None,
    }
}

pub(super) const fn activity_dose(
    minutes: Amount,
    frequency: Frequency,
    frequency_origin: Origin,
) -> Dose {
    Dose {
        sets: Amount::app(1),
        reps: Amount::app(1),
        work: Work::Minutes(minutes),
        rest_reps: Amount::app(0),
        rest_sets: Amount::app(0),
        sides: Sides::Together,
        frequency,
        frequency_origin,
        build_up: None,
    }
}

/// A number of minutes the app suggests, within a range.
pub(super) const fn app_minutes(start: u16, max: u16) -> Amount {
    Amount {
        start,
        min: start,
        max,
        origin: Origin::App,
    }
}

/// NHS Inform: start with 5 reps of each exercise.
pub(super) const START_5: Amount = Amount::from(5, NhsInform);
pub(super) const ONE_SET: Amount = Amount::app(1);
pub(super) const APP: Origin = Origin::App;
pub(super) const fn from(source: Source) -> Origin {
    Origin::From(source)
}

static EXERCISES: [Exercise; exercises::COUNT] = exercises::EXERCISES;
static ACTIVITIES: [Exercise; activities::COUNT] = activities::ACTIVITIES;

/// Every exercise and activity, in the order the library lists them.
pub static CATALOG: [&Exercise; 25] =
    concat::<{ exercises::COUNT }, { activities::COUNT }, 25>(&EXERCISES, &ACTIVITIES);

/// `a` then `b`, in one array (a const fn, so the catalogue stays one static list).
const fn concat<const A: usize, const B: usize, const C: usize>(
    a: &'static [Exercise; A],
    b: &'static [Exercise; B],
) -> [&'static Exercise; C] {
    assert!(A + B == C, "the catalogue's length is the sum of its parts");
    let mut out = [&a[0]; C];
    let mut i = 0;
    while i < C {
        out[i] = if i < A { &a[i] } else { &b[i - A] };
        i += 1;
    }
    out
}

/// The library's exercise with this id (the person's own are found through a
/// [`Library`](crate::domain::library::Library)).
pub fn get(id: &str) -> Option<&'static Exercise> {
    CATALOG.iter().copied().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::exercise::Kind;
    use std::collections::BTreeSet;

    /// Every row of CONTENT.md, by the id the app gives it.
    const CONTENT_MD_EXERCISES: [&str; 19] = [
        "pelvic-tilt",              // 1 Pelvic tilt
        "knee-rolls",               // 2 Knee rolls
        "double-knee-hug",          // 3 Double knee hug
        "single-knee-hug",          // 4 Single knee hug
        "hip-flexor-stretch",       // 5 Hip flexor stretch
        "thoracic-spine-stretch",   // 6 Thoracic spine stretch
        "abdominal-bracing",        // 7 Abdominal bracing
        "dead-bug",                 // 8 Dead bug
        "bridge",                   // 9 Bridge
        "prone-trunk-lift",         // 10 Prone trunk lift
        "wall-stand",               // 11 Wall stand
        "lying-thoracic-extension", // 12 Lying thoracic extension
        "seated-hamstring-stretch", // 13 Seated hamstring stretch
        "foam-roller-extension",    // 14 Foam-roller upper-back extension
        "abdominal-crunch",         // 15 Abdominal crunch
        "elevated-plank",           // 16 Elevated plank
        "push-up-progression",      // 17 Push-up progression
        "wall-squat",               // 18 Wall squat
        "core-in-daily-moves",      // 19 Core strength in daily moves
    ];
    const CONTENT_MD_ACTIVITIES: [&str; 6] = [
        "walking",
        "swimming",
        "cycling",
        "endurance-options",
        "yoga-pilates",
        "everyday-activity",
    ];

    #[test]
    fn every_content_md_row_has_its_entry() {
        for id in CONTENT_MD_EXERCISES {
            let e = get(id).unwrap_or_else(|| panic!("missing {id}"));
            assert_ne!(e.kind, Kind::Activity, "{id} is an exercise");
        }
        for id in CONTENT_MD_ACTIVITIES {
            let e = get(id).unwrap_or_else(|| panic!("missing {id}"));
            assert_eq!(e.kind, Kind::Activity, "{id} is an activity");
            assert!(matches!(e.dose.work, Work::Minutes(_)), "{id} is timed");
        }
        assert_eq!(CATALOG.len(), 25, "nothing more, nothing less");
    }

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = BTreeSet::new();
        for e in CATALOG {
            assert!(seen.insert(e.id.clone()), "duplicate id {}", e.id);
            assert!(
                e.id.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !e.id.starts_with('-')
                    && !e.id.ends_with('-')
                    && !e.id.contains("--"),
                "{} is not kebab-case",
                e.id
            );
        }
    }

    #[test]
    fn every_entry_is_complete() {
        for e in CATALOG {
            assert!(e.steps.len() >= 2, "{} needs at least two steps", e.id);
            assert!(!e.sources.is_empty(), "{} needs a source", e.id);
            assert!(!e.kit.is_empty(), "{} needs its kit", e.id);
            assert!(e.dose.is_valid(), "{} has an invalid dose", e.id);
            assert!(e.dose.estimated_secs() > 0, "{} has no duration", e.id);
            assert!(!e.name.is_empty() && e.purpose.ends_with('.'), "{}", e.id);
            for text in e
                .steps
                .iter()
                .chain(e.cautions.iter().copied())
                .chain(e.dose_notes.iter().copied())
            {
                assert!(text.ends_with('.'), "{}: {text:?} is not a sentence", e.id);
            }
        }
    }

    #[test]
    fn every_entry_can_be_followed_by_ear() {
        use crate::domain::library::exercise::{Sides, MAX_SPOKEN_WORDS};
        for e in CATALOG {
            for text in [e.say_start, &e.say_move] {
                let words = text.split_whitespace().count();
                assert!(
                    (3..=MAX_SPOKEN_WORDS).contains(&words),
                    "{}: {words} words: {text}",
                    e.id
                );
                assert!(text.ends_with('.'), "{}: {text}", e.id);
                assert!(
                    !text.contains(['(', ')', '[', ']', '/', '&', '%', '+', '=', ';']),
                    "{}: read aloud, symbols and brackets trip up: {text}",
                    e.id
                );
            }
            // A sided exercise done on each side in turn names what changes sides.
            if e.dose.sides == Sides::EachSide {
                assert!(e.side_part.is_some(), "{} names its side part", e.id);
            }
        }
        assert_eq!(get("hip-flexor-stretch").unwrap().side_part, Some("leg"));
    }

    #[test]
    fn every_swap_points_at_another_existing_entry() {
        for e in CATALOG {
            for id in e.easier.iter().chain(e.harder) {
                assert!(get(id).is_some(), "{} swaps to unknown {id}", e.id);
                assert_ne!(*id, e.id, "{} swaps to itself", e.id);
            }
        }
    }

    #[test]
    fn doses_equal_the_sources() {
        use Frequency::*;
        let hold = |id: &str| match get(id).unwrap().dose.work {
            Work::Hold(a) => (a.min, a.max, a.origin),
            other => panic!("{id}: {other:?}"),
        };
        let d = |id: &str| get(id).unwrap().dose;
        let cc = Origin::From(ClevelandClinic);

        assert_eq!(
            (d("pelvic-tilt").reps.min, d("pelvic-tilt").reps.max),
            (5, 10)
        );
        assert_eq!(d("pelvic-tilt").reps.start, 5);
        assert_eq!((d("knee-rolls").reps.min, d("knee-rolls").reps.max), (2, 3));
        assert_eq!(hold("hip-flexor-stretch"), (20, 20, cc));
        assert_eq!(
            (
                d("hip-flexor-stretch").reps.min,
                d("hip-flexor-stretch").reps.max
            ),
            (3, 5)
        );
        assert_eq!(d("hip-flexor-stretch").sides, Sides::EachSide);
        assert_eq!(d("hip-flexor-stretch").frequency, Daily);
        assert_eq!(
            (
                d("thoracic-spine-stretch").sets.start,
                d("thoracic-spine-stretch").reps.start
            ),
            (1, 10)
        );
        assert_eq!(hold("abdominal-bracing"), (5, 10, cc));
        assert_eq!(
            (
                d("abdominal-bracing").sets.start,
                d("abdominal-bracing").reps.start
            ),
            (3, 10)
        );
        assert_eq!(
            (
                d("dead-bug").sets.min,
                d("dead-bug").sets.max,
                d("dead-bug").reps.start
            ),
            (2, 3, 10)
        );
        assert_eq!(hold("bridge"), (5, 5, cc));
        assert_eq!(
            (
                d("bridge").sets.start,
                d("bridge").reps.min,
                d("bridge").reps.max
            ),
            (2, 10, 15)
        );
        assert_eq!(d("bridge").frequency, DaysPerWeek(2, 7));
        assert_eq!(d("prone-trunk-lift").reps.start, 5);
        assert_eq!(d("prone-trunk-lift").frequency, Daily);
        let Work::Minutes(walk) = d("walking").work else {
            panic!()
        };
        assert_eq!((walk.start, walk.max), (5, 5), "5-minute walks to start");
        assert_eq!(d("walking").frequency, TimesPerDay(2, 3));
        let goal = d("walking").build_up.unwrap();
        assert_eq!(
            (goal.min, goal.max),
            (20, 30),
            "building up to 20–30 minutes"
        );
        assert_eq!(
            d("dead-bug").sides,
            Sides::TakingTurns,
            "a rep is one side's move"
        );
    }

    #[test]
    fn unsourced_figures_are_marked_as_the_apps() {
        // CONTENT.md gives no dose for these: none of their timing may claim a source.
        for id in [
            "double-knee-hug",
            "single-knee-hug",
            "wall-stand",
            "lying-thoracic-extension",
            "elevated-plank",
        ] {
            let dose = get(id).unwrap().dose;
            if let Work::Hold(a) = dose.work {
                assert_eq!(a.origin, Origin::App, "{id} hold");
            }
            assert_ne!(dose.sets.origin, Origin::From(ClevelandClinic), "{id} sets");
        }
        // "Hold for a few seconds" is not a number: the app picks one and says so.
        for id in ["knee-rolls", "thoracic-spine-stretch", "prone-trunk-lift"] {
            let Work::Hold(a) = get(id).unwrap().dose.work else {
                panic!("{id}")
            };
            assert_eq!(a.origin, Origin::App, "{id}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(get("bridge").unwrap().name, "Bridge");
        assert!(get("does-not-exist").is_none());
    }
}
