//! How much of an exercise: a dose (sets, reps, the work of each rep, rests, sides, how
//! often), where each of its numbers comes from, the app's caps, and a person's level.

use serde::{Deserialize, Serialize};

use crate::domain::dates::plural;
use crate::domain::sources::Source;

/// Where a number in a dose comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Stated by this source.
    From(Source),
    /// The sources are silent; this is the app's own conservative choice.
    App,
    /// Chosen by the person for their own routine.
    Person,
}

impl Origin {
    /// "from Cleveland Clinic" or "suggested by the app".
    pub fn label(self) -> String {
        match self {
            Origin::From(source) => format!("from {}", source.short()),
            Origin::App => "suggested by the app".to_string(),
            Origin::Person => "set by you".to_string(),
        }
    }
}

/// A number of something, maybe a range (10–15) with the value to start at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub start: u16,
    pub min: u16,
    pub max: u16,
    pub origin: Origin,
}

impl Amount {
    /// Exactly `n`, as a source states it.
    pub const fn from(n: u16, source: Source) -> Amount {
        Amount {
            start: n,
            min: n,
            max: n,
            origin: Origin::From(source),
        }
    }

    /// A range a source gives, starting at its low end.
    pub const fn range(min: u16, max: u16, source: Source) -> Amount {
        Amount {
            start: min,
            min,
            max,
            origin: Origin::From(source),
        }
    }

    /// The app's own choice where the sources say nothing.
    pub const fn app(n: u16) -> Amount {
        Amount {
            start: n,
            min: n,
            max: n,
            origin: Origin::App,
        }
    }

    /// Exactly `n`, as the person chose for their own routine.
    pub const fn person(n: u16) -> Amount {
        Amount {
            start: n,
            min: n,
            max: n,
            origin: Origin::Person,
        }
    }

    pub fn is_range(&self) -> bool {
        self.min != self.max
    }

    /// "10" or "10–15".
    pub fn text(&self) -> String {
        if self.is_range() {
            format!("{}–{}", self.min, self.max)
        } else {
            self.start.to_string()
        }
    }

    pub fn is_valid(&self) -> bool {
        self.min <= self.start && self.start <= self.max && self.max > 0
    }
}

/// What each repetition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Each rep is held still for this many seconds.
    Hold(Amount),
    /// Reps at a steady pace, this many seconds each.
    Paced(Amount),
    /// The person taps when each rep is done (its speed is theirs).
    Tapped,
    /// A timed activity, in minutes.
    Minutes(Amount),
}

/// How the two sides of the body are worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sides {
    /// Both sides at once, or the move has no sides.
    Together,
    /// All reps on one side, then all on the other. Reps count per side.
    EachSide,
    /// One side, then the other, taking turns. A rep is one turn on each side, where a
    /// source counts it so (knee rolls: middle, one side, middle, other side is one rep).
    Alternating,
    /// Reps take turns between the sides: the first on the left, the next on the right,
    /// and so on, carrying on from one set to the next. Each rep is one side's move (the
    /// dead bug's "10 reps": the source does not count a rep as both sides, so the app
    /// counts each side's move as one). When the reps in all are odd, one more move on
    /// the right ends the exercise, so both sides do the same ("repeat with the opposite
    /// limbs").
    TakingTurns,
}

impl Sides {
    /// How many one-sided movements a rep count means.
    pub fn moves_per_rep(self) -> u32 {
        match self {
            Sides::EachSide | Sides::Alternating => 2,
            Sides::Together | Sides::TakingTurns => 1,
        }
    }

    pub fn label(self) -> Option<&'static str> {
        match self {
            Sides::Together => None,
            Sides::EachSide => Some("each side"),
            Sides::Alternating => Some("each side, taking turns"),
            Sides::TakingTurns => Some("sides taking turns"),
        }
    }
}

/// How often to do it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Daily,
    /// This many days a week (a range where the source gives one; up to 7 means "at least").
    DaysPerWeek(u8, u8),
    /// This many times a day (a range where the source gives one).
    TimesPerDay(u8, u8),
}

impl Frequency {
    pub fn text(self) -> String {
        fn span(a: u8, b: u8) -> String {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        }
        match self {
            Frequency::Daily => "every day".to_string(),
            Frequency::DaysPerWeek(a, 7) => format!("at least {a} days a week"),
            Frequency::DaysPerWeek(a, b) => format!("{} days a week", span(a, b)),
            Frequency::TimesPerDay(a, b) => format!("{} times a day", span(a, b)),
        }
    }
}

/// How much of an exercise to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dose {
    pub sets: Amount,
    /// Reps in each set (per side when [`Sides::EachSide`]).
    pub reps: Amount,
    pub work: Work,
    /// Rest between reps, in seconds.
    pub rest_reps: Amount,
    /// Rest between sets, in seconds.
    pub rest_sets: Amount,
    pub sides: Sides,
    /// How often; for an activity that builds up ([`Dose::build_up`]), how often the
    /// starting amount is done.
    pub frequency: Frequency,
    pub frequency_origin: Origin,
    /// For an activity that starts short and grows over weeks: the time, in minutes, to
    /// build up to (walking: 5-minute walks at first, 20–30 minutes later).
    pub build_up: Option<Amount>,
}

/// The most sets of one exercise the app plays or keeps; more are treated as this many.
pub const MAX_SETS: u16 = 20;
/// The most reps in a set the app plays or keeps; more are treated as this many.
pub const MAX_REPS: u16 = 100;
/// The longest hold, in seconds, the app keeps in a person's level.
pub const MAX_HOLD_SECS: u16 = 600;
/// Seconds allowed for a tapped rep when estimating time (the app's own figure).
pub const TAPPED_REP_ESTIMATE_SECS: u32 = 5;
/// Seconds to change sides between the sets of an [`Sides::EachSide`] exercise.
pub const SWITCH_SIDE_SECS: u32 = 5;

impl Dose {
    /// Seconds one one-sided movement takes at the starting dose.
    pub fn secs_per_move(&self) -> u32 {
        match self.work {
            Work::Hold(a) | Work::Paced(a) => u32::from(a.start),
            Work::Tapped => TAPPED_REP_ESTIMATE_SECS,
            Work::Minutes(a) => u32::from(a.start) * 60,
        }
    }

    /// Moves done in one set, counting each side.
    pub fn moves_per_set(&self) -> u32 {
        u32::from(self.reps.start) * self.sides.moves_per_rep()
    }

    /// An estimate of the time the starting dose takes, in seconds: work, rests between
    /// reps and sets, and changing sides. Derived, never stored.
    pub fn estimated_secs(&self) -> u32 {
        let sets = u32::from(self.sets.start);
        let moves = self.moves_per_set();
        let rests_in_set = match self.sides {
            // Reps on one side are separated by rests; the switch replaces one of them.
            Sides::EachSide => 2 * (u32::from(self.reps.start) - 1),
            _ => u32::from(self.reps.start) - 1,
        };
        let switch = if self.sides == Sides::EachSide {
            SWITCH_SIDE_SECS
        } else {
            0
        };
        let per_set =
            moves * self.secs_per_move() + rests_in_set * u32::from(self.rest_reps.start) + switch;
        // Turns that are odd in all end with one more move, to even the sides.
        let evening = match self.sides {
            Sides::TakingTurns if (sets * u32::from(self.reps.start)) % 2 == 1 => {
                self.secs_per_move()
            }
            _ => 0,
        };
        sets * per_set + (sets - 1) * u32::from(self.rest_sets.start) + evening
    }

    /// Whole minutes, rounded up, at least 1.
    pub fn estimated_minutes(&self) -> u32 {
        self.estimated_secs().div_ceil(60).max(1)
    }

    /// A short summary for a card: "3 × 10 · hold 5 s", "2–3 × 10", "5 min".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        match self.work {
            Work::Minutes(m) => match self.build_up {
                Some(to) => parts.push(format!(
                    "{} min at first, building to {}",
                    m.text(),
                    to.text()
                )),
                None => parts.push(format!("{} min", m.text())),
            },
            work => {
                let single_set = self.sets.start == 1 && !self.sets.is_range();
                if !single_set {
                    parts.push(format!("{} × {}", self.sets.text(), self.reps.text()));
                } else if self.reps.max > 1 {
                    parts.push(format!("{} reps", self.reps.text()));
                } else if !matches!(work, Work::Hold(_)) {
                    parts.push("1 rep".to_string());
                }
                if let Work::Hold(h) = work {
                    parts.push(format!("hold {} s", h.text()));
                }
            }
        }
        if let Some(sides) = self.sides.label() {
            parts.push(sides.to_string());
        }
        parts.join(" · ")
    }

    /// Every amount with what it is, for the dose table on the detail page.
    pub fn amounts(&self) -> Vec<(&'static str, String, Origin)> {
        let mut rows = Vec::new();
        match self.work {
            Work::Minutes(m) => match self.build_up {
                // The starting amount and how often go together, apart from the length
                // to build up to: "2–3 times a day" is for the short walks only.
                Some(to) => {
                    rows.push((
                        "To start",
                        format!("{} minutes at a time, {}", m.text(), self.frequency.text()),
                        m.origin,
                    ));
                    rows.push((
                        "Build up to",
                        format!("{} minutes at a time, over weeks or months", to.text()),
                        to.origin,
                    ));
                    return rows;
                }
                None => rows.push(("Time", format!("{} minutes", m.text()), m.origin)),
            },
            work => {
                rows.push(("Sets", self.sets.text(), self.sets.origin));
                let per = if self.sides == Sides::EachSide {
                    " on each side"
                } else {
                    ""
                };
                rows.push((
                    "Reps",
                    format!("{}{per}", self.reps.text()),
                    self.reps.origin,
                ));
                match work {
                    Work::Hold(h) => rows.push(("Hold", format!("{} seconds", h.text()), h.origin)),
                    Work::Paced(p) => rows.push((
                        "Pace",
                        format!("about {} seconds for each movement", p.text()),
                        p.origin,
                    )),
                    Work::Tapped => {}
                    Work::Minutes(_) => unreachable!("handled above"),
                }
                if self.rest_reps.max > 0 && (self.reps.max > 1 || self.sides != Sides::Together) {
                    rows.push((
                        "Rest between reps",
                        format!("{} seconds", self.rest_reps.text()),
                        self.rest_reps.origin,
                    ));
                }
                if self.sets.max > 1 && self.rest_sets.max > 0 {
                    rows.push((
                        "Rest between sets",
                        format!("{} seconds", self.rest_sets.text()),
                        self.rest_sets.origin,
                    ));
                }
            }
        }
        rows.push(("How often", self.frequency.text(), self.frequency_origin));
        rows
    }

    /// True when every amount is consistent and non-zero where it must be.
    pub fn is_valid(&self) -> bool {
        let work_ok = match self.work {
            Work::Hold(a) | Work::Paced(a) | Work::Minutes(a) => a.is_valid(),
            Work::Tapped => true,
        };
        let freq_ok = match self.frequency {
            Frequency::Daily => true,
            Frequency::DaysPerWeek(a, b) => 1 <= a && a <= b && b <= 7,
            Frequency::TimesPerDay(a, b) => 1 <= a && a <= b,
        };
        work_ok
            && freq_ok
            && self.sets.is_valid()
            && self.reps.is_valid()
            && self.rest_reps.min <= self.rest_reps.start
            && self.rest_sets.min <= self.rest_sets.start
            && self.build_up.is_none_or(|b| b.is_valid())
    }
}

/// How much of an exercise the person does: reps in each set and, for an exercise held
/// still, how long each rep is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoseLevel {
    /// Reps in each set (per side where the exercise counts them per side).
    pub reps: u16,
    /// Seconds each rep is held, for an exercise whose work is a hold; `None` otherwise.
    pub hold_secs: Option<u16>,
}

impl DoseLevel {
    /// The level a dose starts at: its starting reps and, for a hold, its starting hold.
    pub fn of(dose: &Dose) -> DoseLevel {
        DoseLevel {
            reps: dose.reps.start,
            hold_secs: match dose.work {
                Work::Hold(hold) => Some(hold.start),
                Work::Paced(_) | Work::Tapped | Work::Minutes(_) => None,
            },
        }
    }

    /// "12 reps, 5 s hold", "7 reps" or "1 rep".
    pub fn text(&self) -> String {
        let reps = reps_text(self.reps);
        match self.hold_secs {
            Some(secs) => format!("{reps}, {secs} s hold"),
            None => reps,
        }
    }

    /// Checks a level read from outside the app (an import): reps 1 to [`MAX_REPS`], a
    /// hold of 1 to [`MAX_HOLD_SECS`] seconds. The reason names it by `label`.
    pub fn check(&self, label: &str) -> Result<(), String> {
        if !(1..=MAX_REPS).contains(&self.reps) {
            return Err(format!(
                "{label}: {} reps is not between 1 and {MAX_REPS}.",
                self.reps
            ));
        }
        if let Some(hold) = self.hold_secs.filter(|h| !(1..=MAX_HOLD_SECS).contains(h)) {
            return Err(format!(
                "{label}: a {hold} s hold is not between 1 and {MAX_HOLD_SECS} seconds."
            ));
        }
        Ok(())
    }

    /// For comparing levels: reps first, then the hold. Suggestions grow reps before
    /// holds, so a higher key is always a harder level.
    pub(crate) fn key(&self) -> (u16, u16) {
        (self.reps, self.hold_secs.unwrap_or(0))
    }
}

/// "1 rep" or "7 reps".
pub fn reps_text(reps: u16) -> String {
    plural(usize::from(reps), "rep", "reps")
}
