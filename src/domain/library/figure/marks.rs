//! The move's marks, as exercise handouts draw them: the part of the body that moves most
//! between the start and end poses, the path it takes (worked out from the same poses
//! the figure moves by, never drawn by hand), and the arrow along that path.

use super::body::{above_legs, len, Point};
use super::build::FLOOR;
use super::{Figure, KeyPose, Phase, View, Worked};

/// How many of a side view's tracked points are the trunk's (they come first).
const TRUNK_POINTS: usize = 4;

/// Points along a path and its arrow: the start, seven between, the end.
pub const ARROW_POINTS: usize = 9;

/// A move shorter than this (the belly drawn in, a pelvis tilting) gets a straight arrow
/// this long pointing at the part, so it can be seen at a phone's size.
const SHORT: f32 = 14.0;
/// How far beside a longer path its arrow runs, clear of the limb that moves.
const BESIDE: f32 = 8.0;
/// Moves shorter than this have nothing to show.
const STILL: f32 = 1.0;

/// The path of the part that moves most.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MovingPath {
    /// Where the part is from the start pose (first) to the end pose (last), in even
    /// steps of the move.
    pub points: [Point; ARROW_POINTS],
    /// How far the drawn edge of the part stands from its point: half a limb's or the
    /// trunk's width, the head's radius.
    pub clearance: f32,
}

/// The points of a pose an arrow may follow, each with its clearance; the trunk's first
/// (the shoulders, the waist, the front of the tummy, the hip), then the head and limbs.
pub(super) fn tracked(pose: &KeyPose) -> Vec<(Point, f32)> {
    let (limb, trunk) = (3.0, 6.5);
    match pose {
        KeyPose::Side(p) => {
            let j = p.joints();
            vec![
                (j.shoulder, trunk),
                (j.waist, trunk),
                (j.belly, 0.0),
                (j.hip, trunk),
                (j.head, len::HEAD),
                (j.near_elbow, limb),
                (j.near_hand, limb),
                (j.far_elbow, limb),
                (j.far_hand, limb),
                (j.near_knee, limb),
                (j.near_ankle, limb),
                (j.far_knee, limb),
                (j.far_ankle, limb),
            ]
        }
        KeyPose::Above { roll } => above_legs(*roll)
            .iter()
            .flat_map(|l| [(l.knee, limb), (l.foot, limb)])
            .collect(),
    }
}

/// The length of a path through `points`.
fn length(points: &[Point]) -> f32 {
    points.windows(2).map(|w| w[0].dist(w[1])).sum()
}

/// The path of the part of `figure` that ends furthest from where it started (the trunk
/// if it moves half as far), between its start pose and its end pose worked on
/// `worked`, sampled along the move itself; none if nothing moves.
// Written with iterators and `get`, not indexing: every index that could fail would
// add its panic's location to the first load's data.
pub fn moving_path(figure: &Figure, worked: Worked) -> Option<MovingPath> {
    let at = |t: f32| tracked(&figure.pose_at(Phase::In(t), worked));
    let (first, end) = (at(0.0), at(1.0));
    // By how far each part ends from where it started: a hand that stays put while the
    // arm turns (elbows drawn back) travels, but is not what moves.
    let furthest = |take: usize| {
        first
            .iter()
            .zip(&end)
            .take(take)
            .map(|(a, b)| a.0.dist(b.0))
            .enumerate()
            .fold((0, 0.0_f32), |a, b| if b.1 > a.1 { b } else { a })
    };
    let (mut best, most) = furthest(usize::MAX);
    if most < STILL {
        return None;
    }
    // The trunk, when it moves at least half as far as the part that moves most: what
    // leans, lifts or sits back is the move (a push-up's chest, not its head).
    if figure.view == View::Side {
        let (trunk, far) = furthest(TRUNK_POINTS);
        if far >= most / 2.0 {
            best = trunk;
        }
    }
    let clearance = first.get(best)?.1;
    let mut points = [Point::new(0.0, 0.0); ARROW_POINTS];
    for (i, p) in points.iter_mut().enumerate() {
        let t = i as f32 / (ARROW_POINTS - 1) as f32;
        *p = at(t).get(best)?.0;
    }
    Some(MovingPath { points, clearance })
}

/// The unit vector from `a` towards `b` (none when they meet).
fn unit(a: Point, b: Point) -> Option<Point> {
    let d = a.dist(b);
    (d > 0.01).then(|| Point::new((b.x - a.x) / d, (b.y - a.y) / d))
}

/// The arrow of `figure`'s move worked on `worked`: along the path of the part that moves
/// most, from the start pose to the end (or back, with `back`). A long move's arrow runs
/// beside the path, on the side away from the body (seen from above, along the path
/// itself); a short one is a straight arrow pointing at the part, ending just short of
/// its edge.
pub fn arrow_points(figure: &Figure, worked: Worked, back: bool) -> Option<[Point; ARROW_POINTS]> {
    let path = moving_path(figure, worked)?;
    let mut points = path.points;
    if back {
        points.reverse();
    }
    let last = ARROW_POINTS - 1;
    if length(&points) < SHORT {
        let dir = unit(points[0], points[last])?;
        let gap = path.clearance + 2.0;
        let tip = Point::new(points[last].x - dir.x * gap, points[last].y - dir.y * gap);
        let tail = Point::new(tip.x - dir.x * SHORT, tip.y - dir.y * SHORT);
        for (i, p) in points.iter_mut().enumerate() {
            *p = tail.lerp(tip, i as f32 / last as f32);
        }
        return Some(points);
    }
    if figure.view == View::Above {
        // Seen from above, beside the knees are the shins: the arrow runs along the path
        // itself, from the start pose's knee to just short of the end pose's.
        let gap = path.clearance + 2.0;
        let (from, to) = (0.0, 1.0 - gap / length(&points));
        let along = |t: f32| {
            let at = t * last as f32;
            let i = (at as usize).min(last - 1);
            points[i].lerp(points[i + 1], at - i as f32)
        };
        let mut out = points;
        for (i, p) in out.iter_mut().enumerate() {
            *p = along(from + (to - from) * i as f32 / last as f32);
        }
        return Some(out);
    }
    // The body's middle in the end pose: the arrow goes on the path's other side.
    let body = tracked(&figure.end(worked));
    let n = body.len() as f32;
    let centre = body.iter().fold(Point::new(0.0, 0.0), |c, (p, _)| {
        Point::new(c.x + p.x / n, c.y + p.y / n)
    });
    // The normal at each point, from its neighbours' chord.
    let normal = |i: usize| {
        unit(
            points[i.saturating_sub(1).min(last)],
            points[(i + 1).min(last)],
        )
        .map_or(Point::new(0.0, 0.0), |d| Point::new(-d.y, d.x))
    };
    let mid = points[last / 2];
    let away = normal(last / 2);
    let side = if away.x * (mid.x - centre.x) + away.y * (mid.y - centre.y) >= 0.0 {
        BESIDE
    } else {
        -BESIDE
    };
    // Never below the floor a side view stands on (a foot's path runs along it).
    let lowest = match figure.view {
        View::Side => FLOOR - 2.0,
        View::Above => f32::MAX,
    };
    let mut out = points;
    for (i, p) in out.iter_mut().enumerate() {
        let n = normal(i);
        *p = Point::new(p.x + n.x * side, (p.y + n.y * side).min(lowest));
    }
    Some(out)
}
