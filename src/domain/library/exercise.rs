//! What an exercise is: where you start, what you do, and how much of it (the dose).
//!
//! Every number in a dose says where it comes from: a named source, or the app's own
//! conservative default where the sources are silent. The app shows that difference.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::domain::dates::plural;
use crate::domain::library::limits::Limits;
use crate::domain::sources::Source;

/// What an exercise mainly does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Stretches and moves that loosen the back and hips.
    Stretch,
    /// Core and strength work.
    Strength,
    /// Standing and sitting taller.
    Posture,
    /// Walking, swimming, cycling and other whole-body activity, done in minutes.
    Activity,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Stretch, Kind::Strength, Kind::Posture, Kind::Activity];

    /// The URL form, e.g. `?kind=strength`.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Stretch => "stretch",
            Kind::Strength => "strength",
            Kind::Posture => "posture",
            Kind::Activity => "activity",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Stretch => "Stretch and mobility",
            Kind::Strength => "Core and strength",
            Kind::Posture => "Posture",
            Kind::Activity => "Activity",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

crate::domain::storage::schema::by_name!(Kind, Kind::ALL, Kind::slug);

/// The body position an exercise starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    OnBack,
    FaceDown,
    /// On hands and knees (only the person's own exercises, so far).
    HandsKnees,
    Sitting,
    Standing,
    OnTheMove,
    InWater,
}

impl Position {
    pub const ALL: [Position; 7] = [
        Position::OnBack,
        Position::FaceDown,
        Position::HandsKnees,
        Position::Sitting,
        Position::Standing,
        Position::OnTheMove,
        Position::InWater,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Position::OnBack => "on-back",
            Position::FaceDown => "face-down",
            Position::HandsKnees => "hands-and-knees",
            Position::Sitting => "sitting",
            Position::Standing => "standing",
            Position::OnTheMove => "on-the-move",
            Position::InWater => "in-water",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Position::OnBack => "Lying on your back",
            Position::FaceDown => "Lying face down",
            Position::HandsKnees => "On hands and knees",
            Position::Sitting => "Sitting",
            Position::Standing => "Standing",
            Position::OnTheMove => "On the move",
            Position::InWater => "In water",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Position> {
        Position::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

/// Something an exercise is done on or with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kit {
    Floor,
    Bed,
    Chair,
    Wall,
    FoamRoller,
    Pool,
    Bike,
    /// Nothing needed.
    Nothing,
}

impl Kit {
    pub const ALL: [Kit; 8] = [
        Kit::Floor,
        Kit::Bed,
        Kit::Chair,
        Kit::Wall,
        Kit::FoamRoller,
        Kit::Pool,
        Kit::Bike,
        Kit::Nothing,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Kit::Floor => "floor",
            Kit::Bed => "bed",
            Kit::Chair => "chair",
            Kit::Wall => "wall",
            Kit::FoamRoller => "foam-roller",
            Kit::Pool => "pool",
            Kit::Bike => "bike",
            Kit::Nothing => "none",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kit::Floor => "Floor",
            Kit::Bed => "Bed",
            Kit::Chair => "Chair",
            Kit::Wall => "Wall",
            Kit::FoamRoller => "Foam roller",
            Kit::Pool => "Pool",
            Kit::Bike => "Bike",
            Kit::Nothing => "Nothing needed",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Kit> {
        Kit::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

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
/// The longest exercise id the app keeps from outside (an import).
pub const MAX_ID_CHARS: usize = 100;

/// `id` when it can be an exercise id: 1 to [`MAX_ID_CHARS`] characters. Else the
/// problem, to follow "An exercise set aside", "A dose"...
pub fn check_id(id: &str) -> Result<&str, String> {
    if id.trim().is_empty() {
        Err("has no name".to_string())
    } else if id.chars().count() > MAX_ID_CHARS {
        Err(format!("has a name longer than {MAX_ID_CHARS} characters"))
    } else {
        Ok(id)
    }
}

/// The most words in a sentence written for listening.
pub const MAX_SPOKEN_WORDS: usize = 15;

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

/// Words of an exercise: written into the app for the library's, the person's own for
/// theirs.
pub type Text = Cow<'static, str>;

/// The steps of an exercise, in order: the library's, written into the app, or a
/// person's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Steps {
    Written(&'static [&'static str]),
    Own(Vec<String>),
}

impl Steps {
    /// How many there are.
    pub fn len(&self) -> usize {
        match self {
            Steps::Written(s) => s.len(),
            Steps::Own(s) => s.len(),
        }
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each step, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(move |i| match self {
            Steps::Written(s) => s[i],
            Steps::Own(s) => s[i].as_str(),
        })
    }
}

/// One exercise or activity of the library, or one of a person's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exercise {
    /// Stable, kebab-case: used in addresses and stored records.
    pub id: Text,
    pub name: Text,
    /// One line: what it is for.
    pub purpose: &'static str,
    pub kind: Kind,
    pub position: Position,
    /// How to get into the starting position.
    pub start: &'static str,
    /// The starting position in one sentence for listening (spoken while getting ready):
    /// at most [`MAX_SPOKEN_WORDS`] words, no brackets or symbols.
    pub say_start: &'static str,
    /// The move in one sentence for listening (spoken as the first rep begins).
    pub say_move: Text,
    /// What changes sides, for an exercise done on each side in turn ("leg": "Now the
    /// left leg."); `None` where the side is named plainly.
    pub side_part: Option<&'static str>,
    /// What it is done on or with.
    pub kit: &'static [Kit],
    /// What to do, in order.
    pub steps: Steps,
    pub dose: Dose,
    /// The range the app stands behind for each number of the dose: a number a routine
    /// sets past it is marked. `None` for the person's own exercises, whose numbers are
    /// theirs and which no source stands behind.
    pub limits: Option<Limits>,
    /// Extra notes on the dose from the sources (e.g. how to build up walking).
    pub dose_notes: &'static [&'static str],
    pub cautions: &'static [&'static str],
    /// Ids of gentler exercises to swap in.
    pub easier: &'static [&'static str],
    /// Ids of harder exercises to move on to.
    pub harder: &'static [&'static str],
    pub sources: &'static [Source],
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

#[cfg(test)]
mod tests {
    use super::*;

    const S: Source = Source::ClevelandClinic;

    fn dose(sets: u16, reps: u16, work: Work, sides: Sides) -> Dose {
        Dose {
            sets: Amount::from(sets, S),
            reps: Amount::from(reps, S),
            work,
            rest_reps: Amount::app(5),
            rest_sets: Amount::app(30),
            sides,
            frequency: Frequency::Daily,
            frequency_origin: Origin::From(S),
            build_up: None,
        }
    }

    #[test]
    fn estimates_add_up_work_rests_and_switches() {
        // 2 sets × 10 reps × 5 s hold, 9 rests of 5 s a set, 30 s between sets.
        let bridge = dose(2, 10, Work::Hold(Amount::from(5, S)), Sides::Together);
        assert_eq!(bridge.estimated_secs(), 2 * (50 + 45) + 30);
        assert_eq!(bridge.estimated_minutes(), 4);

        // 1 set × 3 reps a side × 20 s: 6 holds, 4 rests, one switch.
        let hip = dose(1, 3, Work::Hold(Amount::from(20, S)), Sides::EachSide);
        assert_eq!(hip.estimated_secs(), 120 + 20 + SWITCH_SIDE_SECS);

        // Turns: 2 reps of both sides at 10 s a move, one rest between reps.
        let rolls = dose(1, 2, Work::Paced(Amount::app(10)), Sides::Alternating);
        assert_eq!(rolls.estimated_secs(), 40 + 5);

        // Taking turns: 10 reps are 10 one-sided moves, left, right, left...
        let bug = dose(2, 10, Work::Paced(Amount::app(4)), Sides::TakingTurns);
        assert_eq!(bug.moves_per_set(), 10);
        assert_eq!(bug.estimated_secs(), 2 * (40 + 9 * 5) + 30);

        let walk = dose(
            1,
            1,
            Work::Minutes(Amount::range(5, 30, S)),
            Sides::Together,
        );
        assert_eq!(walk.estimated_secs(), 300);
        assert_eq!(walk.estimated_minutes(), 5);
    }

    #[test]
    fn summaries_read_like_a_card() {
        let d = dose(3, 10, Work::Hold(Amount::range(5, 10, S)), Sides::Together);
        assert_eq!(d.summary(), "3 × 10 · hold 5–10 s");
        let d = dose(1, 1, Work::Hold(Amount::app(60)), Sides::Together);
        assert_eq!(d.summary(), "hold 60 s");
        let d = dose(1, 1, Work::Tapped, Sides::Together);
        assert_eq!(d.summary(), "1 rep");
        let d = dose(1, 10, Work::Tapped, Sides::Alternating);
        assert_eq!(d.summary(), "10 reps · each side, taking turns");
        let d = dose(
            1,
            1,
            Work::Minutes(Amount::range(5, 30, S)),
            Sides::Together,
        );
        assert_eq!(d.summary(), "5–30 min");
        let d = dose(2, 10, Work::Paced(Amount::app(4)), Sides::TakingTurns);
        assert_eq!(d.summary(), "2 × 10 · sides taking turns");
    }

    #[test]
    fn a_walk_that_builds_up_shows_its_start_apart_from_its_goal() {
        let walk = Dose {
            frequency: Frequency::TimesPerDay(2, 3),
            build_up: Some(Amount::range(20, 30, S)),
            ..dose(1, 1, Work::Minutes(Amount::from(5, S)), Sides::Together)
        };
        assert!(walk.is_valid());
        assert_eq!(walk.summary(), "5 min at first, building to 20–30");
        let rows: Vec<(&str, String)> =
            walk.amounts().into_iter().map(|(l, t, _)| (l, t)).collect();
        assert_eq!(
            rows,
            vec![
                (
                    "To start",
                    "5 minutes at a time, 2–3 times a day".to_string()
                ),
                (
                    "Build up to",
                    "20–30 minutes at a time, over weeks or months".to_string()
                ),
            ],
            "the times a day belong to the short walks only, on their own line"
        );
        assert_eq!(
            walk.estimated_secs(),
            300,
            "a session plays the starting walk"
        );
    }

    #[test]
    fn amounts_label_their_origin() {
        let d = dose(2, 10, Work::Hold(Amount::app(3)), Sides::Together);
        let rows = d.amounts();
        let hold = rows.iter().find(|r| r.0 == "Hold").unwrap();
        assert_eq!(hold.2.label(), "suggested by the app");
        let sets = rows.iter().find(|r| r.0 == "Sets").unwrap();
        assert_eq!(sets.2.label(), "from Cleveland Clinic");
    }

    #[test]
    fn slugs_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_slug(k.slug()), Some(k));
        }
        for p in Position::ALL {
            assert_eq!(Position::from_slug(p.slug()), Some(p));
        }
        for k in Kit::ALL {
            assert_eq!(Kit::from_slug(k.slug()), Some(k));
        }
        assert_eq!(Kind::from_slug("nope"), None);
    }
}
