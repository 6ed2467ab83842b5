//! The shapes a figure is drawn with: lines, circles, rectangles and arrows, for the
//! setting, the body seen from the side or from above, the working part, the start pose
//! faint behind the end and the arrow of the move; and the part of the canvas a figure
//! needs.

use super::body::{above_legs, len, Point, Pose, ABOVE_AXIS};
use super::build;
use super::marks;
use super::{Figure, KeyPose, Part, Phase, Setting, View, Worked, HEIGHT, WIDTH};

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
    /// The start pose, faint behind the end pose on a still.
    Ghost,
    /// The water of a pool.
    Water,
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
    /// An arrow along these points, its head at the last.
    Arrow {
        points: [Point; marks::ARROW_POINTS],
    },
}

impl Shape {
    /// The same shape in `ink` (an arrow has its own).
    fn inked(self, ink: Ink) -> Shape {
        match self {
            Shape::Line { a, b, width, .. } => Shape::Line { a, b, width, ink },
            Shape::Circle { c, r, .. } => Shape::Circle { c, r, ink },
            Shape::Rect { x, y, w, h, .. } => Shape::Rect { x, y, w, h, ink },
            arrow @ Shape::Arrow { .. } => arrow,
        }
    }
}

/// Stroke widths: limbs, the trunk.
const LIMB: f32 = 6.0;
const TRUNK: f32 = 13.0;
/// The stroke along the front of the trunk that marks the tummy.
const EDGE: f32 = 4.0;

/// The shapes of `figure` in `pose`: the setting, the far limbs, the body, the near
/// limbs, with the working part in the accent ink.
pub fn draw(figure: &Figure, pose: &KeyPose) -> Vec<Shape> {
    draw_marked(figure, pose, None, None)
}

/// The shapes of `figure` in `pose`, with `ghost` (the start pose) faint behind the body
/// and `arrow` (the move's) over it.
pub fn draw_marked(
    figure: &Figure,
    pose: &KeyPose,
    ghost: Option<&KeyPose>,
    arrow: Option<Shape>,
) -> Vec<Shape> {
    let mut out = match figure.view {
        View::Side => setting_shapes(figure.setting),
        // The mat the body lies on, seen from above.
        View::Above => vec![rect(28.0, ABOVE_AXIS - 30.0, 112.0, 60.0)],
    };
    if let Some(ghost) = ghost {
        let from = out.len();
        body_shapes(figure, ghost, &mut out);
        for s in out.iter_mut().skip(from) {
            *s = s.inked(Ink::Ghost);
        }
    }
    body_shapes(figure, pose, &mut out);
    if figure.setting == Setting::Pool {
        // The water over the body below its surface, seen through.
        out.push(water());
    }
    out.extend(arrow);
    out
}

/// The body of `figure` in `pose`, and what it carries.
fn body_shapes(figure: &Figure, pose: &KeyPose, out: &mut Vec<Shape>) {
    match pose {
        KeyPose::Side(p) => {
            side_shapes(p, figure.work, out);
            if figure.setting == Setting::Lift {
                // The box, held by its sides.
                let hand = p.joints().near_hand;
                out.push(Shape::Rect {
                    x: hand.x - 9.0,
                    y: hand.y - 3.0,
                    w: 18.0,
                    h: 16.0,
                    ink: Ink::Far,
                });
            }
            if figure.setting == Setting::Shopping {
                // A shopping bag hanging from the near hand by its handles.
                let hand = p.joints().near_hand;
                let top = hand.y + 4.0;
                // One line up to the hand and down again: two would overlap at the hand,
                // darker there under the far ink's see-through.
                let handle = |dx: f32| Point::new(hand.x + dx, top);
                out.push(line(handle(-4.5), hand, 1.5, Ink::Far));
                out.push(line(hand, handle(4.5), 1.5, Ink::Far));
                out.push(Shape::Rect {
                    x: hand.x - 6.5,
                    y: top,
                    w: 13.0,
                    h: 14.0,
                    ink: Ink::Far,
                });
            }
        }
        KeyPose::Above { roll } => above_shapes(*roll, figure.work, out),
    }
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
    // The trunk, in two halves so either can be the working part, bent at the waist by
    // the lower back's curve.
    let waist = j.waist;
    let lower = matches!(
        work,
        Part::LowerBack | Part::Whole | Part::Posture | Part::CoreButtocksLegs
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
    // The tummy marked along the front of the lower trunk (the lower back is the whole
    // of it, which a lying body's arms cover along its back).
    if work == Part::Tummy {
        let side = p.trunk - 90.0;
        let inset = TRUNK / 2.0 - EDGE / 2.0;
        out.push(line(
            j.hip.toward(side, inset),
            waist.toward(side, inset),
            EDGE,
            Ink::Work,
        ));
    }
    if p.belly > 0.1 {
        // The tummy standing out in front of the waist.
        out.push(Shape::Circle {
            c: j.belly.toward(p.trunk + 90.0, TRUNK / 2.0),
            r: TRUNK / 2.0,
            ink: if work == Part::Tummy {
                Ink::Work
            } else {
                Ink::Body
            },
        });
    }
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

/// Lying on the back seen from above (`above_legs`): the shoulders, arms and head flat on
/// the floor, still; the trunk to the pelvis; both knees up and rolled `roll` degrees.
fn above_shapes(roll: f32, work: Part, out: &mut Vec<Shape>) {
    let shoulders = Point::new(60.0, ABOVE_AXIS);
    let pelvis = shoulders.toward(0.0, len::TRUNK + 3.0);
    let lower = if matches!(work, Part::LowerBack) {
        Ink::Work
    } else {
        Ink::Body
    };
    let legs = above_legs(roll);
    // The leg below the other first, behind it.
    for leg in legs.iter().filter(|l| l.behind) {
        out.push(line(leg.hip, leg.knee, LIMB + 1.5, Ink::Far));
        out.push(line(leg.knee, leg.foot, LIMB, Ink::Far));
    }
    // The arms along the body, hands by the hips.
    for side in [-1.0_f32, 1.0] {
        let shoulder = Point::new(shoulders.x, ABOVE_AXIS + side * 15.0);
        let hand = Point::new(pelvis.x + 2.0, ABOVE_AXIS + side * 22.0);
        out.push(line(shoulder, hand, LIMB, Ink::Body));
    }
    let waist = shoulders.lerp(pelvis, 0.5);
    out.push(line(shoulders, waist, TRUNK + 3.0, Ink::Body));
    out.push(line(waist, pelvis, TRUNK + 3.0, lower));
    out.push(line(
        Point::new(shoulders.x, ABOVE_AXIS - 15.0),
        Point::new(shoulders.x, ABOVE_AXIS + 15.0),
        TRUNK - 1.0,
        Ink::Body,
    ));
    out.push(Shape::Circle {
        c: shoulders.toward(180.0, 16.0),
        r: len::HEAD,
        ink: Ink::Body,
    });
    // The pelvis, hip to hip, turning a little with the knees.
    out.push(line(legs[0].hip, legs[1].hip, TRUNK, lower));
    for leg in legs.iter().filter(|l| !l.behind) {
        out.push(line(leg.hip, leg.knee, LIMB + 1.5, Ink::Body));
        out.push(line(leg.knee, leg.foot, LIMB, Ink::Body));
    }
}

/// A pool's water, from its surface down to the pool's floor.
fn water() -> Shape {
    use build::{FLOOR, POOL};
    Shape::Rect {
        x: 8.0,
        y: POOL,
        w: WIDTH - 16.0,
        h: FLOOR - POOL,
        ink: Ink::Water,
    }
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
    use build::{BED, FLOOR, POOL, SEAT};
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
        Setting::Floor | Setting::Path | Setting::Shopping => {}
        // The box lifted is drawn with the body, in its hands.
        Setting::Lift => {}
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
            // The roller's end: a tube across the chair's back.
            let c = Point::new(92.0, SEAT - 26.0);
            out.push(Shape::Circle {
                c,
                r: 7.0,
                ink: Ink::Far,
            });
            out.push(Shape::Circle {
                c,
                r: 2.5,
                ink: Ink::Setting,
            });
        }
        Setting::Pool => {
            // The surface of the water (the water itself is drawn over the body).
            out.push(line(
                Point::new(8.0, POOL),
                Point::new(WIDTH - 8.0, POOL),
                2.0,
                Ink::Setting,
            ));
        }
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

/// The arrow of `figure`'s move worked on `worked` (`marks::arrow_points`), from the start
/// pose to the end, or back.
pub fn arrow(figure: &Figure, worked: Worked, back: bool) -> Option<Shape> {
    marks::arrow_points(figure, worked, back).map(|points| Shape::Arrow { points })
}

/// The part of the canvas a figure needs, as an SVG view box `(x, y, width, height)`:
/// every key pose, the move between them and its arrow, with a margin, so the figure is
/// drawn as large as it can be and does not shift as it moves.
pub fn view_box(figure: &Figure) -> (f32, f32, f32, f32) {
    let (mut x0, mut y0, mut x1, mut y1) = (WIDTH, HEIGHT, 0.0_f32, 0.0_f32);
    let mut grow = |p: Point, pad: f32| {
        x0 = x0.min(p.x - pad);
        y0 = y0.min(p.y - pad);
        x1 = x1.max(p.x + pad);
        y1 = y1.max(p.y + pad);
    };
    let mut shapes = Vec::new();
    for worked in [Worked::Near, Worked::Far] {
        for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
            body_shapes(figure, &figure.pose_at(Phase::In(t), worked), &mut shapes);
        }
        shapes.extend(arrow(figure, worked, false));
    }
    for s in shapes {
        {
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
                Shape::Arrow { points } => points.iter().for_each(|p| grow(*p, 4.0)),
            }
        }
    }
    // The floor a side view stands on, and a margin.
    let margin = 10.0;
    if figure.view == View::Side {
        y1 = y1.max(build::FLOOR + 3.0);
    }
    let (x0, y0) = ((x0 - margin).max(0.0), (y0 - margin).max(0.0));
    let below = if figure.view == View::Side {
        2.0
    } else {
        margin
    };
    let (x1, y1) = ((x1 + margin).min(WIDTH), (y1 + below).min(HEIGHT));
    (x0, y0, x1 - x0, y1 - y0)
}
