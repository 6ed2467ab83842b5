//! The range the app stands behind for each number of each exercise of the library: its
//! sets, its reps and its hold, pace or minutes.
//!
//! Where a source gives a figure, the top of the range is the source's, with its words
//! in short ("The Physio Box: 5 to 10 in a session"). Where a source is vague ("hold for
//! a few seconds") or silent, the app sets a conservative top of its own and says so:
//! "the app's own limit". A person or their physiotherapist may set more in their own
//! routine (the app's caps in `exercise.rs` and `own_routine.rs` still apply); a number
//! past the range is then marked in the editor, on the routine's page and in a shared
//! link's preview ([`OwnItem::beyond_range`](crate::domain::routines::own_routine::OwnItem::beyond_range)).
//!
//! The app's own tops, and why:
//! - sets, where no source gives any: 2 (the built-in routines play at most 2);
//! - reps, where no source gives any: 10, twice NHS Inform's starting 5 (the same cap
//!   the app's progression stops at);
//! - "hold for a few seconds": 5 s; holds no source gives: 10 s for hugs, 20 s for the
//!   plank, 30 s for the hamstring stretch (the one stretch hold a source gives is 20 s),
//!   60 s standing tall, 120 s lying flat: each past the app's own starting figure and
//!   past where its progression stops (about twice the start), never past a source;
//! - a paced rep: 3 to 10 s (slow and controlled; faster is marked too);
//! - an activity: one go (1 set of 1), for the app's own minutes (30, or 45 for a
//!   class); walking is judged against the source's build-up of 20 to 30 minutes.

use crate::domain::sources::Source;

/// Where the top of a range comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// A source's own figure, with what it says in a few words ("hold 20 seconds").
    Source(Source, &'static str),
    /// The app's own limit, where the sources give no number, with what they do say
    /// ("the source says only a few seconds").
    App(&'static str),
}

/// The range of one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The least the app stands behind: 1, except for a paced rep, which is slow.
    pub min: u16,
    /// The most.
    pub max: u16,
    pub basis: Basis,
}

/// What the app says where the sources give no number at all.
const NO_NUMBER: &str = "the sources give no number";
/// What the app says where a source holds "for a few seconds".
const A_FEW_SECONDS: &str = "the source says only \u{201c}a few seconds\u{201d}";

impl Limit {
    /// Up to `max`, a source's figure, in its words.
    pub const fn source(max: u16, source: Source, words: &'static str) -> Limit {
        Limit {
            min: 1,
            max,
            basis: Basis::Source(source, words),
        }
    }

    /// Up to `max`, the app's own limit where the sources give no number.
    pub const fn app(max: u16) -> Limit {
        Limit {
            min: 1,
            max,
            basis: Basis::App(NO_NUMBER),
        }
    }

    /// Up to `max` seconds, the app's own reading of "hold for a few seconds".
    pub const fn few_seconds(max: u16) -> Limit {
        Limit {
            min: 1,
            max,
            basis: Basis::App(A_FEW_SECONDS),
        }
    }

    /// A paced rep: from 3 to 10 seconds, slow and controlled (the app's own range).
    pub const PACE: Limit = Limit {
        min: 3,
        max: 10,
        basis: Basis::App("the sources give no pace"),
    };

    /// True when `value` is within the range.
    pub fn holds(&self, value: u16) -> bool {
        (self.min..=self.max).contains(&value)
    }
}

/// The range of the sets and reps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Sets and reps, each with a top of its own.
    Each { sets: Limit, reps: Limit },
    /// Reps in all (sets × reps), where the source counts them for a session or a day
    /// ("5 to 10 in each session", "start with 2 or 3"): however they are split into
    /// sets.
    InAll(Limit),
}

/// The ranges of an exercise's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub count: Count,
    /// The hold, the seconds a rep takes, or the minutes; `None` for a rep the person
    /// taps when done.
    pub work: Option<Limit>,
}

impl Limits {
    /// Sets and reps apart.
    pub const fn each(sets: Limit, reps: Limit, work: Option<Limit>) -> Limits {
        Limits {
            count: Count::Each { sets, reps },
            work,
        }
    }

    /// Reps in all.
    pub const fn in_all(reps: Limit, work: Option<Limit>) -> Limits {
        Limits {
            count: Count::InAll(reps),
            work,
        }
    }

    /// A timed activity: one go, of up to `minutes`.
    pub const fn activity(minutes: Limit) -> Limits {
        Limits::each(Limit::app(1), Limit::app(1), Some(minutes))
    }
}

/// Which number is past its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Sets,
    Reps,
    Work,
}

/// What a number of work is, for the words of a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkKind {
    Hold,
    Pace,
    Minutes,
}

/// The numbers of one exercise as a routine plays them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbers {
    pub sets: u16,
    pub reps: u16,
    /// Reps counted on each side (all reps on one side, then the other).
    pub per_side: bool,
    /// The hold, pace or minutes, and which it is; `None` for a tapped rep.
    pub work: Option<(WorkKind, u16)>,
}

/// "3 reps", "1 set", "a 60-second hold".
fn amount(number: Number, n: &Numbers) -> String {
    let plural = |k: u16, one: &str, many: &str| {
        if k == 1 {
            format!("1 {one}")
        } else {
            format!("{k} {many}")
        }
    };
    match number {
        Number::Sets => plural(n.sets, "set", "sets"),
        Number::Reps if n.per_side => format!("{} on each side", plural(n.reps, "rep", "reps")),
        Number::Reps => plural(n.reps, "rep", "reps"),
        Number::Work => match n.work {
            Some((WorkKind::Hold, s)) => format!("A {s}-second hold"),
            Some((WorkKind::Pace, s)) => format!("{} a rep", plural(s, "second", "seconds")),
            Some((WorkKind::Minutes, m)) => plural(m, "minute", "minutes"),
            None => String::new(),
        },
    }
}

/// The unit of a limit's top: "sets", "seconds a rep".
fn unit(number: Number, work: Option<WorkKind>, max: u16) -> &'static str {
    match (number, work) {
        (Number::Sets, _) if max == 1 => "set",
        (Number::Sets, _) => "sets",
        (Number::Reps, _) if max == 1 => "rep",
        (Number::Reps, _) => "reps",
        (Number::Work, Some(WorkKind::Hold)) => "seconds",
        (Number::Work, Some(WorkKind::Pace)) => "seconds a rep",
        (Number::Work, Some(WorkKind::Minutes)) => "minutes",
        (Number::Work, None) => "",
    }
}

/// Why `value` is past `limit`, as a sentence, or `None` within it. `what` names the
/// amount ("3 reps", "2 sets of 3, 6 in all").
fn note(limit: &Limit, value: u16, what: &str, unit: &str) -> Option<String> {
    if limit.holds(value) {
        return None;
    }
    let first = {
        let mut c = what.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    Some(match limit.basis {
        Basis::Source(source, words) if value > limit.max => format!(
            "{first}: more than the source suggests ({}: {words}).",
            source.short()
        ),
        Basis::App(why) if value > limit.max => format!(
            "{first}: more than the app's own limit of {} {unit} ({why}).",
            limit.max
        ),
        // Below the least: only a paced rep has one above 1.
        _ => format!(
            "{first}: faster than the app's own range of {} to {} {unit} ({}).",
            limit.min,
            limit.max,
            match limit.basis {
                Basis::Source(_, words) | Basis::App(words) => words,
            }
        ),
    })
}

/// Each number of `n` past its range in `limits`, with a sentence that says so: the
/// source's words, or "the app's own limit". Reps in all past their range are said
/// beside the reps when the reps alone are past it, else beside the sets.
pub fn beyond(limits: &Limits, n: &Numbers) -> Vec<(Number, String)> {
    let mut out = Vec::new();
    match limits.count {
        Count::Each { sets, reps } => {
            let u = |number, max| unit(number, None, max);
            if let Some(s) = note(
                &sets,
                n.sets,
                &amount(Number::Sets, n),
                u(Number::Sets, sets.max),
            ) {
                out.push((Number::Sets, s));
            }
            if let Some(s) = note(
                &reps,
                n.reps,
                &amount(Number::Reps, n),
                u(Number::Reps, reps.max),
            ) {
                out.push((Number::Reps, s));
            }
        }
        Count::InAll(all) => {
            let total = n.sets.saturating_mul(n.reps);
            let unit = if all.max == 1 {
                "rep in all"
            } else {
                "reps in all"
            };
            // Reps counted on each side are counted in all on each side too: 2 sets of 3
            // on each side are 6 on each side, 12 moves.
            let side = if n.per_side { " on each side" } else { "" };
            if n.reps > all.max {
                let what = if n.sets > 1 {
                    format!("{}, {total}{side} in all", amount(Number::Reps, n))
                } else {
                    amount(Number::Reps, n)
                };
                out.extend(note(&all, n.reps, &what, unit).map(|s| (Number::Reps, s)));
            } else if total > all.max {
                let what = format!(
                    "{} of {}{side}, {total}{side} in all",
                    amount(Number::Sets, n),
                    n.reps
                );
                out.extend(note(&all, total, &what, unit).map(|s| (Number::Sets, s)));
            }
        }
    }
    if let (Some(limit), Some((kind, value))) = (limits.work, n.work) {
        let what = amount(Number::Work, n);
        if let Some(s) = note(
            &limit,
            value,
            &what,
            unit(Number::Work, Some(kind), limit.max),
        ) {
            out.push((Number::Work, s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sources::Source::*;

    fn numbers(sets: u16, reps: u16, work: Option<(WorkKind, u16)>) -> Numbers {
        Numbers {
            sets,
            reps,
            per_side: false,
            work,
        }
    }

    #[test]
    fn within_the_range_nothing_is_said() {
        let limits = Limits::each(
            Limit::source(3, ClevelandClinic, "3 sets of 10"),
            Limit::source(10, ClevelandClinic, "3 sets of 10"),
            Some(Limit::source(10, ClevelandClinic, "hold 5 to 10 seconds")),
        );
        let n = numbers(3, 10, Some((WorkKind::Hold, 10)));
        assert!(beyond(&limits, &n).is_empty());
        let n = numbers(1, 1, Some((WorkKind::Hold, 1)));
        assert!(beyond(&limits, &n).is_empty(), "less is never marked");
    }

    #[test]
    fn past_a_sources_figure_its_words_are_said() {
        let limits = Limits::each(
            Limit::source(2, ClevelandClinic, "2 sets of 10 to 15"),
            Limit::source(15, ClevelandClinic, "2 sets of 10 to 15"),
            Some(Limit::source(5, ClevelandClinic, "hold 5 seconds")),
        );
        let n = numbers(3, 16, Some((WorkKind::Hold, 6)));
        assert_eq!(
            beyond(&limits, &n),
            vec![
                (
                    Number::Sets,
                    "3 sets: more than the source suggests (Cleveland Clinic: 2 sets of 10 to \
                     15)."
                        .to_string()
                ),
                (
                    Number::Reps,
                    "16 reps: more than the source suggests (Cleveland Clinic: 2 sets of 10 \
                     to 15)."
                        .to_string()
                ),
                (
                    Number::Work,
                    "A 6-second hold: more than the source suggests (Cleveland Clinic: hold \
                     5 seconds)."
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn past_the_apps_own_limit_it_says_so() {
        let limits = Limits::in_all(
            Limit::source(3, PhysioBox, "start with 2 or 3"),
            Some(Limit::few_seconds(5)),
        );
        let n = numbers(1, 2, Some((WorkKind::Hold, 600)));
        assert_eq!(
            beyond(&limits, &n),
            vec![(
                Number::Work,
                "A 600-second hold: more than the app's own limit of 5 seconds (the source \
                 says only \u{201c}a few seconds\u{201d})."
                    .to_string()
            )]
        );
        let pace = Limits::each(Limit::app(2), Limit::app(10), Some(Limit::PACE));
        let fast = beyond(&pace, &numbers(1, 5, Some((WorkKind::Pace, 1))));
        assert_eq!(
            fast,
            vec![(
                Number::Work,
                "1 second a rep: faster than the app's own range of 3 to 10 seconds a rep \
                 (the sources give no pace)."
                    .to_string()
            )]
        );
        let slow = beyond(&pace, &numbers(3, 5, Some((WorkKind::Pace, 30))));
        assert_eq!(
            slow,
            vec![
                (
                    Number::Sets,
                    "3 sets: more than the app's own limit of 2 sets (the sources give no \
                     number)."
                        .to_string()
                ),
                (
                    Number::Work,
                    "30 seconds a rep: more than the app's own limit of 10 seconds a rep \
                     (the sources give no pace)."
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn reps_in_all_count_every_set() {
        let limits = Limits::in_all(Limit::source(3, PhysioBox, "start with 2 or 3"), None);
        assert!(beyond(&limits, &numbers(1, 3, None)).is_empty());
        assert!(beyond(&limits, &numbers(3, 1, None)).is_empty());
        assert_eq!(
            beyond(&limits, &numbers(2, 2, None)),
            vec![(
                Number::Sets,
                "2 sets of 2, 4 in all: more than the source suggests (The Physio Box: start \
                 with 2 or 3)."
                    .to_string()
            )],
            "two sets of two are four: said beside the sets"
        );
        assert_eq!(
            beyond(&limits, &numbers(20, 3, None)),
            vec![(
                Number::Sets,
                "20 sets of 3, 60 in all: more than the source suggests (The Physio Box: \
                 start with 2 or 3)."
                    .to_string()
            )]
        );
        assert_eq!(
            beyond(&limits, &numbers(2, 4, None)),
            vec![(
                Number::Reps,
                "4 reps, 8 in all: more than the source suggests (The Physio Box: start with \
                 2 or 3)."
                    .to_string()
            )],
            "the reps alone are past it: said beside the reps, once"
        );
    }

    #[test]
    fn reps_on_each_side_are_counted_in_all_on_each_side() {
        let limits = Limits::in_all(
            Limit::source(5, ClevelandClinic, "3 to 5 on each side a day"),
            None,
        );
        let each_side = |sets, reps| Numbers {
            per_side: true,
            ..numbers(sets, reps, None)
        };
        assert!(beyond(&limits, &each_side(1, 5)).is_empty());
        assert_eq!(
            beyond(&limits, &each_side(2, 3)),
            vec![(
                Number::Sets,
                "2 sets of 3 on each side, 6 on each side in all: more than the source \
                 suggests (Cleveland Clinic: 3 to 5 on each side a day)."
                    .to_string()
            )]
        );
        assert_eq!(
            beyond(&limits, &each_side(2, 6))[0].1,
            "6 reps on each side, 12 on each side in all: more than the source suggests \
             (Cleveland Clinic: 3 to 5 on each side a day)."
        );
    }
}
