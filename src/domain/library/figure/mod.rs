//! The drawn figure of every exercise: a simple person posed from the technique, with
//! what it lies, sits or stands on, the working part marked, and the move between its
//! key poses. Pure data and geometry: the UI draws the [`Shape`]s as SVG.

pub mod body;
mod build;
mod poses;

use body::{ease, len, Point, Pose};
pub use poses::figure;

/// The canvas every figure is drawn on, in units.
pub const WIDTH: f32 = 240.0;
pub const HEIGHT: f32 = 140.0;

/// Where the figure is seen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// From the side: most moves.
    Side,
    /// From the feet, for moves that turn the knees and pelvis (knee rolls).
    Feet,
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
    /// Seen from the feet: lying on the back, knees up, both knees turned `roll`
    /// degrees to the person's left (negative: right).
    Feet {
        roll: f32,
    },
}

impl KeyPose {
    /// The same pose worked on the other side.
    pub fn other_side(&self) -> KeyPose {
        match self {
            KeyPose::Side(p) => KeyPose::Side(p.other_side()),
            KeyPose::Feet { roll } => KeyPose::Feet { roll: -roll },
        }
    }

    /// The pose `t` of the way (eased) towards `to`.
    pub fn towards(&self, to: &KeyPose, t: f32) -> KeyPose {
        let t = ease(t);
        match (self, to) {
            (KeyPose::Side(a), KeyPose::Side(b)) => KeyPose::Side(a.blend(b, t)),
            (KeyPose::Feet { roll: a }, KeyPose::Feet { roll: b }) => KeyPose::Feet {
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

/// Where a rep is, for the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase {
    /// At the start pose (getting ready, resting).
    Start,
    /// Moving into the end pose, this far (0 to 1).
    In(f32),
    /// Holding the end pose.
    End,
    /// Moving back to the start, this far.
    Back(f32),
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
            .unwrap_or(KeyPose::Feet { roll: 0.0 })
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

/// How a shape is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// The setting: floor, bed, wall, chair.
    Setting,
    /// Limbs on the far side, behind the body.
    Far,
    /// The body.
    Body,
    /// The part that works.
    Work,
}

/// One thing to draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// A round-capped stroke.
    Line {
        a: Point,
        b: Point,
        width: f32,
        ink: Ink,
    },
    /// A filled circle.
    Circle { c: Point, r: f32, ink: Ink },
    /// A filled rectangle with rounded corners.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        ink: Ink,
    },
}

/// Stroke widths: limbs, the trunk.
const LIMB: f32 = 6.0;
const TRUNK: f32 = 13.0;

/// The shapes of `figure` in `pose`: the setting, the far limbs, the body, the near
/// limbs, with the working part in the accent ink.
pub fn draw(figure: &Figure, pose: &KeyPose) -> Vec<Shape> {
    let mut out = setting_shapes(figure.setting);
    match pose {
        KeyPose::Side(p) => side_shapes(p, figure.work, &mut out),
        KeyPose::Feet { roll } => feet_shapes(*roll, figure.work, &mut out),
    }
    out
}

fn line(a: Point, b: Point, width: f32, ink: Ink) -> Shape {
    Shape::Line { a, b, width, ink }
}

fn side_shapes(p: &Pose, work: Part, out: &mut Vec<Shape>) {
    let j = p.joints();
    let limb = |a, b, ink| line(a, b, LIMB, ink);
    // Far limbs first, behind the body.
    out.push(limb(j.shoulder, j.far_elbow, Ink::Far));
    out.push(limb(j.far_elbow, j.far_hand, Ink::Far));
    let far_thigh = if matches!(work, Part::Thighs | Part::CoreButtocksLegs) {
        Ink::Work
    } else {
        Ink::Far
    };
    out.push(line(j.hip, j.far_knee, LIMB + 1.5, far_thigh));
    out.push(limb(j.far_knee, j.far_ankle, Ink::Far));
    out.push(limb(j.far_ankle, j.far_toe, Ink::Far));
    // The trunk, in two halves so either can be the working part.
    let waist = j.hip.lerp(j.shoulder, 0.5);
    let lower = matches!(
        work,
        Part::Tummy | Part::LowerBack | Part::Whole | Part::Posture | Part::CoreButtocksLegs
    );
    let upper = matches!(
        work,
        Part::UpperBack | Part::ArmsAndChest | Part::Whole | Part::Posture
    );
    out.push(line(
        waist,
        j.shoulder,
        TRUNK,
        if upper { Ink::Work } else { Ink::Body },
    ));
    out.push(line(
        j.hip,
        waist,
        TRUNK,
        if lower { Ink::Work } else { Ink::Body },
    ));
    if matches!(
        work,
        Part::Buttocks | Part::FrontOfHip | Part::CoreButtocksLegs
    ) {
        out.push(Shape::Circle {
            c: j.hip,
            r: TRUNK / 2.0 + 0.5,
            ink: Ink::Work,
        });
    }
    out.push(line(j.shoulder, j.head, 5.0, Ink::Body));
    out.push(Shape::Circle {
        c: j.head,
        r: len::HEAD,
        ink: Ink::Body,
    });
    // Near limbs in front.
    let thigh_ink = match work {
        Part::BackOfThigh | Part::FrontOfHip | Part::Thighs | Part::CoreButtocksLegs => Ink::Work,
        _ => Ink::Body,
    };
    out.push(line(j.hip, j.near_knee, LIMB + 1.5, thigh_ink));
    out.push(limb(j.near_knee, j.near_ankle, Ink::Body));
    out.push(limb(j.near_ankle, j.near_toe, Ink::Body));
    let arm_ink = if matches!(work, Part::ArmsAndChest) {
        Ink::Work
    } else {
        Ink::Body
    };
    out.push(limb(j.shoulder, j.near_elbow, arm_ink));
    out.push(limb(j.near_elbow, j.near_hand, arm_ink));
}

/// Lying on the back seen from the feet, the eye a little above the floor: the pelvis on
/// the floor, the trunk going away (so higher up the picture) to the shoulders and the
/// head, both knees up together and turned `roll` degrees about the pelvis, the feet on
/// the floor.
fn feet_shapes(roll: f32, work: Part, out: &mut Vec<Shape>) {
    let floor = build::FLOOR;
    let centre = WIDTH / 2.0;
    // The mat the body lies along, going away from the eye.
    out.push(rect(centre - 34.0, floor - 74.0, 68.0, 74.0));
    let pelvis = Point::new(centre, floor - 9.0);
    let shoulders = Point::new(centre, floor - 58.0);
    // The trunk away from the eye, the shoulders across it, the head beyond.
    let lower = if matches!(work, Part::LowerBack) {
        Ink::Work
    } else {
        Ink::Body
    };
    let waist = pelvis.lerp(shoulders, 0.5);
    out.push(line(shoulders, waist, TRUNK + 3.0, Ink::Body));
    out.push(line(waist, pelvis, TRUNK + 3.0, lower));
    out.push(line(
        shoulders.toward(180.0, 15.0),
        shoulders.toward(0.0, 15.0),
        TRUNK - 2.0,
        Ink::Body,
    ));
    out.push(Shape::Circle {
        c: shoulders.toward(90.0, 13.0),
        r: len::HEAD,
        ink: Ink::Body,
    });
    // The pelvis across the floor, tipping a little with the knees.
    out.push(line(
        pelvis.toward(-roll * 0.25, 12.0),
        pelvis.toward(180.0 - roll * 0.25, 12.0),
        TRUNK,
        lower,
    ));
    // Both legs: thighs up from the hips to the knees, shins down to the feet, turning
    // about the pelvis; the leg on the far side of the roll drawn behind.
    let legs = [(-5.0_f32, roll < 0.0), (5.0, roll >= 0.0)];
    for (dx, behind) in legs {
        let hip = rotate(Point::new(centre + dx, floor - 9.0), pelvis, roll * 0.25);
        let knee = rotate(Point::new(centre + dx * 0.8, floor - 44.0), pelvis, roll);
        let foot = rotate(
            Point::new(centre + dx * 1.6, floor - 3.0),
            pelvis,
            roll * 0.15,
        );
        let ink = if behind { Ink::Far } else { Ink::Body };
        out.push(line(hip, knee, LIMB + 2.0, ink));
        out.push(line(knee, foot, LIMB, ink));
    }
}

/// `p` turned `deg` degrees about `about` (to the person's left, seen from the feet: the
/// viewer's right).
fn rotate(p: Point, about: Point, deg: f32) -> Point {
    let (sin, cos) = body::sin_cos(-deg);
    let (dx, dy) = (p.x - about.x, p.y - about.y);
    Point::new(about.x + dx * cos - dy * sin, about.y + dx * sin + dy * cos)
}

fn rect(x: f32, y: f32, w: f32, h: f32) -> Shape {
    Shape::Rect {
        x,
        y,
        w,
        h,
        ink: Ink::Setting,
    }
}

/// The floor, bed, wall or chair.
fn setting_shapes(setting: Setting) -> Vec<Shape> {
    use build::{BED, FLOOR, SEAT};
    let floor = line(
        Point::new(8.0, FLOOR + 1.5),
        Point::new(WIDTH - 8.0, FLOOR + 1.5),
        3.0,
        Ink::Setting,
    );
    let chair = |x: f32| {
        vec![
            rect(x - 14.0, SEAT, 30.0, 4.0),
            rect(x - 14.0, SEAT - 34.0, 4.0, 38.0),
            line(
                Point::new(x - 12.0, SEAT + 3.0),
                Point::new(x - 12.0, FLOOR),
                3.0,
                Ink::Setting,
            ),
            line(
                Point::new(x + 14.0, SEAT + 3.0),
                Point::new(x + 14.0, FLOOR),
                3.0,
                Ink::Setting,
            ),
        ]
    };
    let mut out = vec![floor];
    match setting {
        Setting::Floor | Setting::Path => {}
        // A light box on the floor, in front of the feet.
        Setting::Lift => out.push(rect(120.0, FLOOR - 16.0, 18.0, 16.0)),
        Setting::Mat => out.push(rect(40.0, FLOOR - 2.0, 170.0, 3.0)),
        Setting::BedEdge => out.push(rect(30.0, BED, 124.0, FLOOR - BED)),
        Setting::BedPillow => {
            out.push(rect(30.0, BED, 190.0, FLOOR - BED));
            out.push(Shape::Circle {
                c: Point::new(112.0, BED - 3.0),
                r: 5.5,
                ink: Ink::Setting,
            });
        }
        Setting::BedAhead => out.push(rect(170.0, BED, 62.0, FLOOR - BED)),
        Setting::WallBehind => out.push(rect(40.0, 6.0, 6.0, FLOOR - 5.0)),
        Setting::WallAhead => out.push(rect(180.0, 6.0, 6.0, FLOOR - 5.0)),
        Setting::Chair => out.extend(chair(108.0)),
        Setting::ChairFront => out.extend(chair(104.0)),
        Setting::ChairRoller => {
            out.extend(chair(108.0));
            out.push(Shape::Circle {
                c: Point::new(92.0, SEAT - 36.0),
                r: 6.0,
                ink: Ink::Setting,
            });
        }
        Setting::Pool => out.push(line(
            Point::new(8.0, 74.0),
            Point::new(WIDTH - 8.0, 74.0),
            2.0,
            Ink::Setting,
        )),
        Setting::Bike => {
            out.push(Shape::Circle {
                c: Point::new(80.0, 104.0),
                r: 15.0,
                ink: Ink::Setting,
            });
            out.push(Shape::Circle {
                c: Point::new(180.0, 104.0),
                r: 15.0,
                ink: Ink::Setting,
            });
            // The frame: wheel to crank to wheel, the seat post, the handlebar stem.
            for (from, to) in [
                ((80.0, 104.0), (132.0, 100.0)),
                ((132.0, 100.0), (180.0, 104.0)),
                ((104.0, 72.0), (132.0, 100.0)),
                ((150.0, 54.0), (160.0, 104.0)),
            ] {
                let (a, b) = (Point::new(from.0, from.1), Point::new(to.0, to.1));
                out.push(line(a, b, 3.0, Ink::Setting));
            }
        }
    }
    out
}

/// The part of the canvas a figure needs, as an SVG view box `(x, y, width, height)`:
/// every key pose and the move between them, with a margin, so the figure is drawn as
/// large as it can be and does not shift as it moves.
pub fn view_box(figure: &Figure) -> (f32, f32, f32, f32) {
    let (mut x0, mut y0, mut x1, mut y1) = (WIDTH, HEIGHT, 0.0_f32, 0.0_f32);
    let mut grow = |p: Point, pad: f32| {
        x0 = x0.min(p.x - pad);
        y0 = y0.min(p.y - pad);
        x1 = x1.max(p.x + pad);
        y1 = y1.max(p.y + pad);
    };
    let poses = [Worked::Near, Worked::Far]
        .into_iter()
        .flat_map(|w| [0.0, 0.25, 0.5, 0.75, 1.0].map(|t| figure.pose_at(Phase::In(t), w)));
    let mut body = Figure {
        setting: Setting::Floor,
        ..figure.clone()
    };
    body.poses.truncate(2);
    for pose in poses {
        for s in draw(&body, &pose).into_iter().skip(1) {
            match s {
                Shape::Line { a, b, width, .. } => {
                    grow(a, width / 2.0);
                    grow(b, width / 2.0);
                }
                Shape::Circle { c, r, .. } => grow(c, r),
                Shape::Rect { x, y, w, h, .. } => {
                    grow(Point::new(x, y), 0.0);
                    grow(Point::new(x + w, y + h), 0.0);
                }
            }
        }
    }
    // The floor, and a margin; never narrower than the figure's height allows for.
    let margin = 10.0;
    y1 = y1.max(build::FLOOR + 3.0);
    let (x0, y0) = ((x0 - margin).max(0.0), (y0 - margin).max(0.0));
    let (x1, y1) = ((x1 + margin).min(WIDTH), (y1 + 2.0).min(HEIGHT));
    (x0, y0, x1 - x0, y1 - y0)
}

/// The class an ink is drawn with; the app's styles colour each (light and dark).
pub fn ink_class(ink: Ink) -> &'static str {
    match ink {
        Ink::Setting => "fig-setting",
        Ink::Far => "fig-far",
        Ink::Body => "fig-body",
        Ink::Work => "fig-work",
    }
}

/// A tenth of a unit, as a whole number: the SVG is written in tenths, so no float
/// formatting is needed (it would weigh on the app's size).
fn tenths(v: f32) -> i32 {
    (v * 10.0).round() as i32
}

/// An SVG image of `shapes` in the view box `(x, y, width, height)`, named `label` for
/// screen readers (`role="img"`), each shape with its ink's class.
pub fn svg(shapes: &[Shape], (vx, vy, vw, vh): (f32, f32, f32, f32), label: &str) -> String {
    let label = label.replace(['<', '>', '&', '"'], " ");
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" role="img" aria-label="{label}">"#,
        tenths(vx),
        tenths(vy),
        tenths(vw),
        tenths(vh)
    );
    for s in shapes {
        out.push_str(&match *s {
            Shape::Line { a, b, width, ink } => format!(
                r#"<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}" stroke-width="{}"/>"#,
                ink_class(ink),
                tenths(a.x),
                tenths(a.y),
                tenths(b.x),
                tenths(b.y),
                tenths(width)
            ),
            Shape::Circle { c, r, ink } => format!(
                r#"<circle class="{}" cx="{}" cy="{}" r="{}"/>"#,
                ink_class(ink),
                tenths(c.x),
                tenths(c.y),
                tenths(r)
            ),
            Shape::Rect { x, y, w, h, ink } => format!(
                r#"<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="20"/>"#,
                ink_class(ink),
                tenths(x),
                tenths(y),
                tenths(w),
                tenths(h)
            ),
        });
    }
    out.push_str("</svg>");
    out
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

/// How far into its move a rep is, for the figure: the phase of a step of `duration_ms`
/// (or none, for a tapped rep) `elapsed_ms` in, and whether the figure is moving then.
///
/// A hold moves in over its first [`MOVE_MS`] (or half of it, when shorter), then stays
/// still; a paced rep moves in for half its time and back for the other half; a tapped
/// rep and an activity loop at a calm pace until they end.
pub fn rep_phase(kind: RepKind, elapsed_ms: i64, duration_ms: Option<i64>) -> (Phase, bool) {
    let frac = |t: i64, span: i64| body::unit(t as f32 / span.max(1) as f32);
    match kind {
        RepKind::Hold => {
            let span = duration_ms.map_or(MOVE_MS, |d| MOVE_MS.min(d / 2));
            if elapsed_ms < span {
                (Phase::In(frac(elapsed_ms, span)), true)
            } else {
                (Phase::End, false)
            }
        }
        RepKind::Paced => {
            let half = duration_ms.unwrap_or(2 * MOVE_MS) / 2;
            if elapsed_ms < half {
                (Phase::In(frac(elapsed_ms, half)), true)
            } else {
                (Phase::Back(frac(elapsed_ms - half, half)), true)
            }
        }
        RepKind::Loop => loop_phase(elapsed_ms),
        RepKind::Still => (Phase::Start, false),
    }
}

/// The loop the exercise page plays, and tapped reps and activities in the player:
/// in, hold, back, rest, over [`LOOP_MS`]; moving except while still.
pub fn loop_phase(elapsed_ms: i64) -> (Phase, bool) {
    let t = elapsed_ms.rem_euclid(LOOP_MS);
    let q = LOOP_MS / 4;
    match t / q {
        0 => (Phase::In(t as f32 / q as f32), true),
        1 => (Phase::End, false),
        2 => (Phase::Back((t - 2 * q) as f32 / q as f32), true),
        _ => (Phase::Start, false),
    }
}

/// What a step is, for the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepKind {
    /// Into the end pose, then still.
    Hold,
    /// In and back within the step.
    Paced,
    /// A calm loop (a tapped rep, an activity).
    Loop,
    /// At the start pose (getting ready, resting).
    Still,
}

/// Time to move into a held pose.
pub const MOVE_MS: i64 = 1_500;
/// One turn of the calm loop.
pub const LOOP_MS: i64 = 4_000;

#[cfg(test)]
mod tests;
