//! The drawn figure of every exercise: a simple person posed from the technique, with
//! what it lies, sits or stands on, the working part marked, and the move between its
//! key poses. Pure data and geometry: the UI draws the [`Shape`]s as SVG.
//!
//! Split by concern: what a figure is (here: its view, setting, working part and key
//! poses, and its accessible name); the bones (`body`) and placing them (`build`); every
//! entry's poses (`poses`); where a rep is in its move (`motion`); the part that moves
//! most and the arrow along its path (`marks`); the shapes drawn, the start pose faint
//! behind the end (`shapes`) and the SVG written from them (`svg`).

pub mod body;
mod build;
mod marks;
mod motion;
mod poses;
mod shapes;
mod svg;

use body::{ease, Pose};
pub use motion::{loop_phase, rep_phase, Phase, RepKind, LOOP_MS, MOVE_MS};
pub use poses::figure;
pub use shapes::{arrow, draw, draw_marked, view_box, Ink, Shape};
pub use svg::{ink_class, paths, paths_into, svg, svg_of, PathEl, Tag};

/// The canvas every figure is drawn on, in units.
pub const WIDTH: f32 = 240.0;
pub const HEIGHT: f32 = 140.0;

/// Where the figure is seen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// From the side: most moves.
    Side,
    /// From above, a little towards the feet, for moves that roll the knees and pelvis
    /// while the shoulders stay down (knee rolls).
    Above,
}

/// What the figure lies, sits or stands on, drawn with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Floor,
    Mat,
    BedEdge,
    BedPillow,
    BedAhead,
    WallBehind,
    WallAhead,
    Chair,
    ChairFront,
    ChairRoller,
    Lift,
    Path,
    /// A path, and a shopping bag carried in the near hand (walking to the shops).
    Shopping,
    Pool,
    Bike,
}

/// The part of the body that works, drawn in the accent colour and named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Tummy,
    Buttocks,
    LowerBack,
    UpperBack,
    FrontOfHip,
    BackOfThigh,
    Thighs,
    ArmsAndChest,
    Whole,
    /// Standing tall: the back, shoulders to hips (the wall stand, which the source
    /// gives for posture).
    Posture,
    /// The core, the buttocks and the legs: the muscles the physiotherapy source says
    /// walking strengthens.
    CoreButtocksLegs,
    /// Nothing marked: the still of a person's own exercise, which shows only where it
    /// starts.
    Unmarked,
}

impl Part {
    /// How a screen reader names it.
    pub fn label(self) -> &'static str {
        match self {
            Part::Tummy => "the tummy muscles",
            Part::Buttocks => "the buttocks",
            Part::LowerBack => "the lower back",
            Part::UpperBack => "the upper back",
            Part::FrontOfHip => "the front of the hip",
            Part::BackOfThigh => "the back of the thigh",
            Part::Thighs => "the thighs",
            Part::ArmsAndChest => "the arms and chest",
            Part::Whole => "the whole body",
            Part::Posture => "your posture",
            Part::CoreButtocksLegs => "the core, buttocks and legs",
            Part::Unmarked => "nothing marked",
        }
    }

    /// True when a source names this part for the exercises it is drawn for. The
    /// others are the app's reading of the move, and say so wherever they are named.
    pub fn from_source(self) -> bool {
        !matches!(self, Part::Thighs | Part::ArmsAndChest | Part::Whole)
    }
}

/// One key pose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyPose {
    Side(Pose),
    /// Seen from above: lying on the back, knees up, both knees rolled `roll` degrees to
    /// the person's right, towards the viewer (negative: left).
    Above {
        roll: f32,
    },
}

impl KeyPose {
    /// The same pose worked on the other side.
    pub fn other_side(&self) -> KeyPose {
        match self {
            KeyPose::Side(p) => KeyPose::Side(p.other_side()),
            KeyPose::Above { roll } => KeyPose::Above { roll: -roll },
        }
    }

    /// The pose `t` of the way (eased) towards `to`.
    pub fn towards(&self, to: &KeyPose, t: f32) -> KeyPose {
        let t = ease(t);
        match (self, to) {
            (KeyPose::Side(a), KeyPose::Side(b)) => KeyPose::Side(a.blend(b, t)),
            (KeyPose::Above { roll: a }, KeyPose::Above { roll: b }) => KeyPose::Above {
                roll: a + (b - a) * t,
            },
            _ => *to,
        }
    }
}

/// An exercise's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub view: View,
    pub setting: Setting,
    pub work: Part,
    /// The start pose, then the end pose (worked on the left, or the near side).
    pub poses: Vec<KeyPose>,
}

/// Which side works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Worked {
    /// The near side (the person's left), or both.
    Near,
    /// The far side (the person's right).
    Far,
}

impl Figure {
    /// The start pose.
    pub fn start(&self) -> KeyPose {
        self.poses
            .first()
            .copied()
            .unwrap_or(KeyPose::Above { roll: 0.0 })
    }

    /// The end pose for the side that works.
    pub fn end(&self, worked: Worked) -> KeyPose {
        let end = self.poses.get(1).copied().unwrap_or_else(|| self.start());
        match worked {
            Worked::Near => end,
            Worked::Far => end.other_side(),
        }
    }

    /// The pose at `phase` of a rep worked on `worked`.
    pub fn pose_at(&self, phase: Phase, worked: Worked) -> KeyPose {
        let (start, end) = (self.start(), self.end(worked));
        match phase {
            Phase::Start => start,
            Phase::In(t) => start.towards(&end, t),
            Phase::End => end,
            Phase::Back(t) => end.towards(&start, t),
        }
    }
}

/// The figure's accessible name in `pose`: the position in words, the move when it is
/// shown, and the part that works, marked as the app's own reading where no source
/// names it.
pub fn label(
    exercise: &crate::domain::library::exercise::Exercise,
    at_end: bool,
    work: Part,
) -> String {
    if work == Part::Unmarked {
        return format!("Starting position: {}", exercise.say_start);
    }
    let what = if at_end {
        format!("{} {}", exercise.say_start, exercise.say_move)
    } else {
        exercise.say_start.to_string()
    };
    if work.from_source() {
        format!("{what} Working: {}.", work.label())
    } else {
        format!(
            "{what} Working: {} ({}).",
            work.label(),
            crate::domain::sources::APP_OWN
        )
    }
}

#[cfg(test)]
mod tests;
