//! What an exercise is: where you start, what you do, and how much of it (the dose, in
//! [`dose`](crate::domain::library::dose), its types re-exported here).
//!
//! Every number in a dose says where it comes from: a named source, or the app's own
//! conservative default where the sources are silent. The app shows that difference.

use std::borrow::Cow;

use crate::domain::library::limits::Limits;
use crate::domain::sources::Source;

pub use crate::domain::library::dose::{
    reps_text, Amount, Dose, DoseLevel, Frequency, Origin, Sides, Work, MAX_HOLD_SECS, MAX_REPS,
    MAX_SETS, SWITCH_SIDE_SECS, TAPPED_REP_ESTIMATE_SECS,
};

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
