//! The drawn person: a side-view body posed by the angle of each bone, and its joints
//! worked out from those angles (forward kinematics), so every bone keeps its length in
//! every pose and between poses.
//!
//! Also the legs of a body lying on its back seen from above, for knee rolls.
//!
//! Lengths are fractions of a standing height of 100 units, from the anthropometric table
//! in FIGURES.md; the head is drawn a little larger, as a friendly figure's is.

/// A point on the canvas, in units; `y` grows downwards, as in SVG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    /// The point `len` units away in direction `deg` (0 is right, 90 is up).
    pub fn toward(self, deg: f32, len: f32) -> Point {
        let (sin, cos) = sin_cos(deg);
        Point {
            x: self.x + len * cos,
            y: self.y - len * sin,
        }
    }

    /// The distance to `other`.
    pub fn dist(self, other: Point) -> f32 {
        ((self.x - other.x).powi(2) + (self.y - other.y).powi(2)).sqrt()
    }

    /// The point `t` of the way from `self` to `other`.
    pub fn lerp(self, other: Point, t: f32) -> Point {
        Point {
            x: self.x + (other.x - self.x) * t,
            y: self.y + (other.y - self.y) * t,
        }
    }
}

/// Bone lengths, in units of a standing height of 100.
pub mod len {
    /// Hip to shoulder (0.288 H).
    pub const TRUNK: f32 = 28.8;
    /// Shoulder to the centre of the head: the neck and half the head.
    pub const NECK: f32 = 11.0;
    /// The head's radius: a little larger than life (1/6.5 of the height).
    pub const HEAD: f32 = 7.7;
    /// Shoulder to elbow (0.186 H).
    pub const UPPER_ARM: f32 = 18.6;
    /// Elbow to the knuckles: the forearm and most of the hand (0.146 + 0.05 H).
    pub const FOREARM: f32 = 19.6;
    /// Hip to knee (0.245 H).
    pub const THIGH: f32 = 24.5;
    /// Knee to ankle (0.246 H).
    pub const SHANK: f32 = 24.6;
    /// Ankle to toes (most of the 0.152 H foot, the heel being behind the ankle).
    pub const FOOT: f32 = 12.0;
    /// How far the ankle stands above the sole (0.039 H).
    pub const ANKLE: f32 = 3.9;
    /// Half the thickness of the trunk, where it lies on the floor.
    pub const BACK: f32 = 6.5;
}

/// One arm: the angles of the upper arm and the forearm, in degrees (0 right, 90 up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arm {
    pub upper: f32,
    pub fore: f32,
}

/// One leg: the angles of the thigh, the shank and the foot (ankle to toes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leg {
    pub thigh: f32,
    pub shank: f32,
    pub foot: f32,
}

/// A side-view pose: where the hip is, and the angle of every bone. "Near" limbs are on
/// the viewer's side, drawn in front; "far" ones behind.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    pub hip: Point,
    pub trunk: f32,
    /// How far the lower back curves in (units the waist stands forward of the line from
    /// hip to shoulder): lying on the back, the gap under it. Drawn larger than life, as
    /// handouts do, so a move that flattens it can be seen.
    pub arch: f32,
    /// How far the tummy stands out in front of the trunk: drawing it in is the move.
    pub belly: f32,
    pub neck: f32,
    pub near_arm: Arm,
    pub far_arm: Arm,
    pub near_leg: Leg,
    pub far_leg: Leg,
}

/// The joints of a posed body.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Joints {
    pub hip: Point,
    /// The middle of the back, moved forward by the arch.
    pub waist: Point,
    /// The front of the tummy (the trunk's half thickness and the belly in front of the
    /// waist).
    pub belly: Point,
    pub shoulder: Point,
    pub head: Point,
    pub near_elbow: Point,
    pub near_hand: Point,
    pub far_elbow: Point,
    pub far_hand: Point,
    pub near_knee: Point,
    pub near_ankle: Point,
    pub near_toe: Point,
    pub far_knee: Point,
    pub far_ankle: Point,
    pub far_toe: Point,
}

impl Pose {
    /// Where each joint is.
    pub fn joints(&self) -> Joints {
        let shoulder = self.hip.toward(self.trunk, len::TRUNK);
        let arm = |a: Arm| {
            let elbow = shoulder.toward(a.upper, len::UPPER_ARM);
            (elbow, elbow.toward(a.fore, len::FOREARM))
        };
        let leg = |l: Leg| {
            let knee = self.hip.toward(l.thigh, len::THIGH);
            let ankle = knee.toward(l.shank, len::SHANK);
            (knee, ankle, ankle.toward(l.foot, len::FOOT))
        };
        let (near_elbow, near_hand) = arm(self.near_arm);
        let (far_elbow, far_hand) = arm(self.far_arm);
        let (near_knee, near_ankle, near_toe) = leg(self.near_leg);
        let (far_knee, far_ankle, far_toe) = leg(self.far_leg);
        let waist = self
            .hip
            .lerp(shoulder, 0.5)
            .toward(self.trunk - 90.0, self.arch);
        Joints {
            hip: self.hip,
            waist,
            belly: waist.toward(self.trunk - 90.0, len::BACK + self.belly),
            shoulder,
            head: shoulder.toward(self.neck, len::NECK),
            near_elbow,
            near_hand,
            far_elbow,
            far_hand,
            near_knee,
            near_ankle,
            near_toe,
            far_knee,
            far_ankle,
            far_toe,
        }
    }

    /// The same pose with the near and far limbs swapped: the other side working.
    pub fn other_side(&self) -> Pose {
        Pose {
            near_arm: self.far_arm,
            far_arm: self.near_arm,
            near_leg: self.far_leg,
            far_leg: self.near_leg,
            ..*self
        }
    }

    /// The pose `t` (0 to 1) of the way from `self` to `to`: every angle turned the short
    /// way round, the hip moved in a straight line.
    pub fn blend(&self, to: &Pose, t: f32) -> Pose {
        let a = |x: f32, y: f32| x + short_turn(x, y) * t;
        let arm = |x: Arm, y: Arm| Arm {
            upper: a(x.upper, y.upper),
            fore: a(x.fore, y.fore),
        };
        let leg = |x: Leg, y: Leg| Leg {
            thigh: a(x.thigh, y.thigh),
            shank: a(x.shank, y.shank),
            foot: a(x.foot, y.foot),
        };
        Pose {
            hip: self.hip.lerp(to.hip, t),
            trunk: a(self.trunk, to.trunk),
            arch: self.arch + (to.arch - self.arch) * t,
            belly: self.belly + (to.belly - self.belly) * t,
            neck: a(self.neck, to.neck),
            near_arm: arm(self.near_arm, to.near_arm),
            far_arm: arm(self.far_arm, to.far_arm),
            near_leg: leg(self.near_leg, to.near_leg),
            far_leg: leg(self.far_leg, to.far_leg),
        }
    }
}

/// Where the body's middle line runs in the view from above (head to the left).
pub const ABOVE_AXIS: f32 = 66.0;

/// One leg seen from above: hip, knee and foot on the canvas, and whether it lies below
/// the other (drawn behind it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AboveLeg {
    pub hip: Point,
    pub knee: Point,
    pub foot: Point,
    pub behind: bool,
}

/// Lying on the back seen from above, a little from the person's right (so what is higher
/// shows higher up the picture, and knees that are up show as bent): both legs, knees up
/// and feet flat, rolled `roll` degrees to the person's right (towards the viewer, down
/// the picture) about the body's long axis; the pelvis turns a quarter as far, the feet
/// hardly at all. The person's left leg first.
pub fn above_legs(roll: f32) -> [AboveLeg; 2] {
    // A point `side` units to the person's left of the middle line, `up` units above the
    // floor, `along` units towards the feet, turned `deg` about the middle line.
    let at = |along: f32, side: f32, up: f32, deg: f32| {
        let (sin, cos) = sin_cos(-deg);
        let (side, up) = (side * cos + up * sin, up * cos - side * sin);
        Point::new(along + up * 0.2, ABOVE_AXIS - side - up * 0.5)
    };
    // The knee's height and reach from the hip with the foot flat, 36 units on.
    let (hip_x, knee_up, knee_along) = (92.0, 20.0, 14.0);
    [(5.5, 4.0, roll < 0.0), (-5.5, -4.0, roll >= 0.0)].map(|(side, foot, behind)| AboveLeg {
        hip: at(hip_x, side, 0.0, roll * 0.25),
        knee: at(hip_x + knee_along, side * 0.7, knee_up, roll),
        foot: at(hip_x + 36.0, foot, 0.0, roll * 0.1),
        behind,
    })
}

/// The turn from angle `from` to angle `to`, the short way: -180 to 180 degrees.
pub fn short_turn(from: f32, to: f32) -> f32 {
    (to - from + 540.0).rem_euclid(360.0) - 180.0
}

/// The smooth-step ease: slow out of one pose, slow into the next.
pub fn ease(t: f32) -> f32 {
    let t = unit(t);
    t * t * (3.0 - 2.0 * t)
}

/// `t` held between 0 and 1 (without `f32::clamp`, whose panic message would bring float
/// printing into the app).
#[allow(clippy::manual_clamp)] // on purpose: see above
pub fn unit(t: f32) -> f32 {
    t.max(0.0).min(1.0)
}

/// The sine and cosine of `deg` degrees: the angle brought into -180 to 180, then a
/// short polynomial (Bhaskara-free Taylor series to the 11th power, error under 1e-6),
/// small beside the general library functions.
pub fn sin_cos(deg: f32) -> (f32, f32) {
    let d = (deg + 180.0).rem_euclid(360.0) - 180.0;
    // Into -90 to 90, where the series converges fast; cos changes sign outside.
    let (d, flip) = if d > 90.0 {
        (180.0 - d, true)
    } else if d < -90.0 {
        (-180.0 - d, true)
    } else {
        (d, false)
    };
    let x = d.to_radians();
    let x2 = x * x;
    let sin = x
        * (1.0
            - x2 / 6.0
                * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
    let cos = 1.0
        - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))));
    (sin, if flip { -cos } else { cos })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sin_cos_agree_with_the_library() {
        for tenth in -7200..7200 {
            let deg = tenth as f32 / 10.0;
            let (s, c) = sin_cos(deg);
            let r = deg.to_radians();
            assert!((s - r.sin()).abs() < 1e-5, "sin {deg}");
            assert!((c - r.cos()).abs() < 1e-5, "cos {deg}");
        }
    }
}
