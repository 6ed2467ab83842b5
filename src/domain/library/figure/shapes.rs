//! The shapes a figure is drawn with: lines, circles and rectangles in four inks, for
//! the setting, the body seen from the side or from the feet, the working part; and the
//! part of the canvas a figure needs.

use super::body::{self, len, Point, Pose};
use super::build;
use super::{Figure, KeyPose, Part, Phase, Setting, Worked, HEIGHT, WIDTH};

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
