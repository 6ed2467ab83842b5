//! Helpers for writing poses: a body placed on a floor, a bed or a chair, limbs that
//! reach a point (two-bone inverse kinematics), feet set flat on a surface; on hands and
//! knees, a walking and a jogging stride.

use super::body::{len, Arm, Leg, Point, Pose};

/// The floor line of every side view.
pub const FLOOR: f32 = 120.0;
/// A bed's top surface.
pub const BED: f32 = 92.0;
/// The surface of the water in the pool.
pub const POOL: f32 = 82.0;
/// A chair's seat (the thighs rest on it).
pub const SEAT: f32 = 86.0;

/// The hip of a body lying on its back (or front) on a surface at `y`.
pub fn lying_hip(x: f32, surface: f32) -> Point {
    Point::new(x, surface - len::BACK)
}

/// Arms resting along the body of someone lying on their back, head to the left.
pub const ARMS_BY_SIDES: Arm = Arm {
    upper: -4.0,
    fore: -2.0,
};

/// A leg lying straight along a surface, toes up (head to the left).
pub const LEG_FLAT: Leg = Leg {
    thigh: 0.0,
    shank: 0.0,
    foot: 80.0,
};

/// The two-bone chain from `root` (bone lengths `a` then `b`) whose end is at `target`,
/// or as near as it reaches: the angles of both bones. `bend_left` picks which way the
/// middle joint points, seen from the root towards the target.
// Bounds by max and min, not `f32::clamp`: its panic message would bring float printing
// into the app (about 9 KB).
#[allow(clippy::manual_clamp)]
pub fn reach(root: Point, target: Point, a: f32, b: f32, bend_left: bool) -> (f32, f32) {
    let d = root
        .dist(target)
        .max((a - b).abs() + 0.01)
        .min(a + b - 0.01);
    let base = (-(target.y - root.y)).atan2(target.x - root.x).to_degrees();
    // The angle at the root between the target and the first bone (law of cosines).
    let inner = ((a * a + d * d - b * b) / (2.0 * a * d))
        .max(-1.0)
        .min(1.0)
        .acos()
        .to_degrees();
    let first = if bend_left {
        base + inner
    } else {
        base - inner
    };
    let joint = root.toward(first, a);
    let second = (-(target.y - joint.y))
        .atan2(target.x - joint.x)
        .to_degrees();
    (first, second)
}

/// An arm from `shoulder` whose hand is at `hand`.
pub fn arm_to(shoulder: Point, hand: Point, elbow_up: bool) -> Arm {
    let (upper, fore) = reach(shoulder, hand, len::UPPER_ARM, len::FOREARM, elbow_up);
    Arm { upper, fore }
}

/// A leg from `hip` whose ankle is at `ankle`, the knee to the left of the line from hip
/// to ankle (`bend_left`; forward for a body facing right), the foot at angle `foot`.
pub fn leg_to(hip: Point, ankle: Point, bend_left: bool, foot: f32) -> Leg {
    let (thigh, shank) = reach(hip, ankle, len::THIGH, len::SHANK, bend_left);
    Leg { thigh, shank, foot }
}

/// The ankle of a foot standing flat on a surface at `y`, at `x`.
pub fn flat_ankle(x: f32, surface: f32) -> Point {
    Point::new(x, surface - len::ANKLE)
}

/// The shoulder of `pose`.
pub fn shoulder(pose: &Pose) -> Point {
    pose.hip.toward(pose.trunk, len::TRUNK)
}

/// Lying on the back on a surface at `y` (head to the left), knees bent and feet flat,
/// the feet `feet_x` units right of the hip.
pub fn hook_lying(hip_x: f32, surface: f32, feet_x: f32) -> Pose {
    let hip = lying_hip(hip_x, surface);
    let ankle = flat_ankle(hip_x + feet_x, surface);
    let leg = leg_to(hip, ankle, true, 0.0);
    Pose {
        hip,
        trunk: 180.0,
        arch: 0.0,
        belly: 0.0,
        neck: 180.0,
        near_arm: ARMS_BY_SIDES,
        far_arm: ARMS_BY_SIDES,
        near_leg: leg,
        far_leg: leg,
    }
}

/// Standing upright (facing right) with the feet flat under the hip at `x`.
pub fn standing(x: f32) -> Pose {
    let straight = Leg {
        thigh: -90.0,
        shank: -90.0,
        foot: 0.0,
    };
    let hip = Point::new(x, FLOOR - len::ANKLE - len::SHANK - len::THIGH);
    Pose {
        hip,
        trunk: 90.0,
        arch: 0.0,
        belly: 0.0,
        neck: 90.0,
        near_arm: Arm {
            upper: -95.0,
            fore: -90.0,
        },
        far_arm: Arm {
            upper: -85.0,
            fore: -88.0,
        },
        near_leg: straight,
        far_leg: straight,
    }
}

/// Sitting tall on a chair seat (facing right), thighs on the seat, feet flat.
pub fn seated(hip_x: f32) -> Pose {
    let hip = Point::new(hip_x, SEAT - 5.0);
    let knee = hip.toward(-4.0, len::THIGH);
    let ankle = flat_ankle(knee.x + 2.0, FLOOR);
    let leg = leg_to(hip, ankle, true, 0.0);
    Pose {
        hip,
        trunk: 90.0,
        arch: 0.0,
        belly: 0.0,
        neck: 90.0,
        near_arm: Arm {
            upper: -80.0,
            fore: -10.0,
        },
        far_arm: Arm {
            upper: -78.0,
            fore: -12.0,
        },
        near_leg: leg,
        far_leg: leg,
    }
}

/// On hands and knees, facing right: knees under the hip at `x`, hands under the
/// shoulders, back level.
pub fn hands_knees(x: f32) -> Pose {
    let mut pose = standing(x);
    pose.hip = Point::new(x, FLOOR - 3.0 - len::THIGH);
    pose.trunk = 14.0;
    pose.neck = 10.0;
    let kneel = Leg {
        thigh: -90.0,
        shank: 180.0,
        foot: 170.0,
    };
    pose.near_leg = kneel;
    pose.far_leg = kneel;
    let s = shoulder(&pose);
    // The arms near straight, the hands a little ahead of the shoulders; what bend there
    // is points the elbows back, as arms bear weight.
    pose.near_arm = arm_to(s, Point::new(s.x + 12.0, FLOOR - 1.5), false);
    pose.far_arm = arm_to(s, Point::new(s.x + 10.5, FLOOR - 1.5), false);
    pose
}

/// A walking stride, facing right: the near leg `lead` degrees ahead (behind, when
/// negative), the arms swinging against the legs.
pub fn stride(lead: f32) -> Pose {
    let mut p = standing(120.0);
    p.hip.y += 1.5;
    p.trunk = 88.0;
    p.near_leg = Leg {
        thigh: -90.0 + lead,
        shank: -96.0 + lead * 0.6,
        foot: lead * 0.3,
    };
    p.far_leg = Leg {
        thigh: -90.0 - lead,
        shank: -90.0 - lead * 1.4,
        foot: -lead * 0.6,
    };
    p.near_arm = Arm {
        upper: -90.0 - lead,
        fore: -80.0 - lead,
    };
    p.far_arm = Arm {
        upper: -90.0 + lead,
        fore: -80.0 + lead,
    };
    p
}

/// A jogging stride in the air, facing right: the near leg reaching forward (or, with
/// `near_back`, kicking back), the trunk leaning a little forward, the elbows bent at a
/// right angle and swinging against the legs; lifted so both feet are off the ground.
pub fn run(near_back: bool) -> Pose {
    let front = Leg {
        thigh: -52.0,
        shank: -98.0,
        foot: -4.0,
    };
    let back = Leg {
        thigh: -118.0,
        shank: 172.0,
        foot: -78.0,
    };
    let forward = Arm {
        upper: -62.0,
        fore: 28.0,
    };
    let behind = Arm {
        upper: -128.0,
        fore: -38.0,
    };
    let mut p = standing(118.0);
    p.trunk = 80.0;
    p.neck = 84.0;
    (p.near_leg, p.far_leg, p.near_arm, p.far_arm) = if near_back {
        (back, front, forward, behind)
    } else {
        (front, back, behind, forward)
    };
    // The lowest point of either foot, then the whole body lifted clear of the floor.
    let j = p.joints();
    let lowest = [j.near_ankle, j.far_ankle]
        .iter()
        .map(|a| a.y + len::ANKLE)
        .chain([j.near_toe.y, j.far_toe.y])
        .fold(0.0_f32, f32::max);
    p.hip.y += FLOOR - 4.0 - lowest;
    p
}
