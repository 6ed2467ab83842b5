//! The key poses of every exercise and activity, drawn from the technique in CONTENT.md.
//! Side view, head to the left for lying moves and facing right otherwise; knee rolls are
//! seen from the feet.

use super::body::{len, Arm, Leg, Point, Pose};
use super::build::{
    arm_to, flat_ankle, hands_knees, hook_lying, leg_to, lying_hip, run, seated, shoulder,
    standing, stride, ARMS_BY_SIDES, BED, FLOOR, LEG_FLAT, POOL, SEAT,
};
use super::{Figure, KeyPose, Part, Setting, View};
use crate::domain::library::exercise::{Exercise, Kit, Position};

/// A side-view figure with these poses.
fn side(setting: Setting, work: Part, poses: Vec<Pose>) -> Figure {
    Figure {
        view: View::Side,
        setting,
        work,
        poses: poses.into_iter().map(KeyPose::Side).collect(),
    }
}

/// `pose` with both hands brought to `target` (elbows out towards the floor side).
fn hands_to(mut pose: Pose, target: Point, elbow_up: bool) -> Pose {
    let s = shoulder(&pose);
    pose.near_arm = arm_to(s, target, elbow_up);
    pose.far_arm = arm_to(s, target.toward(180.0, 1.5), elbow_up);
    pose
}

/// The knee of a leg of `pose`.
fn knee(pose: &Pose, leg: Leg) -> Point {
    pose.hip.toward(leg.thigh, len::THIGH)
}

/// A leg drawn up towards the chest of someone lying on their back, shin level.
const KNEE_TO_CHEST: Leg = Leg {
    thigh: 132.0,
    shank: 2.0,
    foot: -10.0,
};

/// The figure of an exercise: drawn for each of the library's, a still of the starting
/// position for a person's own.
pub fn figure(exercise: &Exercise) -> Option<Figure> {
    let id = exercise.id.as_ref();
    let hook = hook_lying(120.0, FLOOR, 36.0);
    Some(match id {
        "pelvic-tilt" => {
            // The pelvis tilts: the lower back's curve (drawn larger than life) presses
            // flat onto the floor, the hips rock a little.
            let start = Pose { arch: 4.5, ..hook };
            let mut end = hook;
            end.hip.y += 0.5;
            end.trunk = 181.5;
            let ankle = flat_ankle(156.0, FLOOR);
            end.near_leg = leg_to(end.hip, ankle, true, 0.0);
            end.far_leg = end.near_leg;
            side(Setting::Floor, Part::LowerBack, vec![start, end])
        }
        "knee-rolls" => Figure {
            view: View::Above,
            setting: Setting::Floor,
            work: Part::LowerBack,
            poses: vec![KeyPose::Above { roll: 0.0 }, KeyPose::Above { roll: 48.0 }],
        },
        "double-knee-hug" => {
            let mut end = hook;
            end.near_leg = KNEE_TO_CHEST;
            // The far leg a little behind the near one, so both can be seen.
            end.far_leg = Leg {
                thigh: KNEE_TO_CHEST.thigh - 6.0,
                shank: KNEE_TO_CHEST.shank - 10.0,
                ..KNEE_TO_CHEST
            };
            let k = knee(&end, KNEE_TO_CHEST);
            let end = hands_to(end, k.toward(-60.0, 4.0), false);
            side(Setting::Floor, Part::LowerBack, vec![hook, end])
        }
        "single-knee-hug" => {
            let mut end = hook;
            end.near_leg = KNEE_TO_CHEST;
            let k = knee(&end, KNEE_TO_CHEST);
            let end = hands_to(end, k.toward(-60.0, 4.0), false);
            side(Setting::Floor, Part::LowerBack, vec![hook, end])
        }
        "hip-flexor-stretch" => {
            // On the bed by its edge: the near thigh rests on the bed, the shin hangs
            // down over the edge; the far knee stays bent, foot on the bed.
            let start = hook_lying(100.0, BED, 36.0);
            let mut end = start;
            end.near_leg = Leg {
                thigh: -2.0,
                shank: -88.0,
                foot: -10.0,
            };
            side(Setting::BedEdge, Part::FrontOfHip, vec![start, end])
        }
        "thoracic-spine-stretch" => {
            let base = seated(110.0);
            let head = shoulder(&base).toward(90.0, len::NECK);
            let behind = head.toward(180.0, 4.0);
            let mut start = base;
            start.near_arm = arm_to(shoulder(&base), behind, false);
            start.far_arm = start.near_arm;
            let mut end = base;
            end.near_arm = arm_to(shoulder(&base), behind, true);
            end.far_arm = end.near_arm;
            side(Setting::Chair, Part::UpperBack, vec![start, end])
        }
        "abdominal-bracing" => {
            // The tummy drawn in towards the spine (the lower back's curve, which this
            // also flattens, is the pelvic tilt's picture).
            let start = Pose { belly: 4.0, ..hook };
            let mut end = hook;
            end.hip.y += 0.8;
            end.trunk = 181.0;
            side(Setting::Floor, Part::Tummy, vec![start, end])
        }
        "dead-bug" => {
            // Arms up over the chest, hips and knees at right angles; then one arm back
            // over the head and the other leg long, just above the floor.
            let up = Arm {
                upper: 90.0,
                fore: 90.0,
            };
            let table = Leg {
                thigh: 90.0,
                shank: 0.0,
                foot: 10.0,
            };
            let start = Pose {
                near_arm: up,
                far_arm: up,
                near_leg: table,
                far_leg: table,
                ..hook
            };
            let end = Pose {
                near_arm: Arm {
                    upper: 172.0,
                    fore: 172.0,
                },
                far_leg: Leg {
                    thigh: 14.0,
                    shank: 12.0,
                    foot: 60.0,
                },
                ..start
            };
            side(Setting::Floor, Part::Tummy, vec![start, end])
        }
        "bridge" => {
            // Shoulders and feet stay put; the hips lift into a line with the thighs.
            let s = shoulder(&hook);
            let trunk: f32 = 208.0;
            let hip = s.toward(trunk - 180.0, len::TRUNK);
            let ankle = hook
                .hip
                .toward(hook.near_leg.thigh, len::THIGH)
                .toward(hook.near_leg.shank, len::SHANK);
            let leg = leg_to(hip, ankle, true, 0.0);
            let end = Pose {
                hip,
                trunk,
                neck: 185.0,
                near_leg: leg,
                far_leg: leg,
                ..hook
            };
            side(Setting::Floor, Part::Buttocks, vec![hook, end])
        }
        "prone-trunk-lift" => {
            // Face down on the bed over a pillow, arms by the sides; the upper chest
            // lifts a little, the head in line, looking down.
            let hip = lying_hip(120.0, BED - 3.0);
            let flat = Pose {
                hip,
                trunk: 182.0,
                arch: 0.0,
                belly: 0.0,
                neck: 184.0,
                near_arm: Arm {
                    upper: -2.0,
                    fore: -2.0,
                },
                far_arm: Arm {
                    upper: -2.0,
                    fore: -2.0,
                },
                near_leg: Leg {
                    thigh: -3.0,
                    shank: -1.0,
                    foot: -70.0,
                },
                far_leg: Leg {
                    thigh: -3.0,
                    shank: -1.0,
                    foot: -70.0,
                },
            };
            let end = Pose {
                trunk: 166.0,
                neck: 164.0,
                near_arm: Arm {
                    upper: 4.0,
                    fore: 0.0,
                },
                far_arm: Arm {
                    upper: 4.0,
                    fore: 0.0,
                },
                ..flat
            };
            side(Setting::BedPillow, Part::UpperBack, vec![flat, end])
        }
        "wall-stand" => {
            // Back to the wall: heels, bottom and back touch it.
            let mut start = standing(68.0);
            start.trunk = 98.0;
            start.neck = 102.0;
            let end = standing(58.0);
            side(Setting::WallBehind, Part::Posture, vec![start, end])
        }
        "lying-thoracic-extension" => {
            let flat = Pose {
                near_leg: LEG_FLAT,
                far_leg: LEG_FLAT,
                ..hook
            };
            side(Setting::Floor, Part::UpperBack, vec![hook, flat])
        }
        "seated-hamstring-stretch" => {
            // Sitting tall, one leg out straight, heel down and toes up; then the back
            // kept straight as the body leans forward from the hips, hands resting on
            // the other thigh.
            let mut start = seated(100.0);
            let heel = flat_ankle(start.hip.x + 34.5, FLOOR);
            start.near_leg = leg_to(start.hip, heel, true, 80.0);
            let knee = start.hip.toward(start.far_leg.thigh, len::THIGH);
            let start = hands_to(start, knee.toward(180.0, 9.0), false);
            let mut end = start;
            end.trunk = 66.0;
            end.neck = 68.0;
            let end = hands_to(end, knee.toward(0.0, 2.0), false);
            side(Setting::ChairFront, Part::BackOfThigh, vec![start, end])
        }
        "foam-roller-extension" => {
            let start = seated(110.0);
            let hands = Point::new(118.0, SEAT - 24.0);
            let start = hands_to(start, hands, true);
            let mut end = start;
            end.trunk = 112.0;
            end.neck = 128.0;
            let end = hands_to(end, hands.toward(180.0, 4.0), true);
            side(Setting::ChairRoller, Part::UpperBack, vec![start, end])
        }
        "abdominal-crunch" => {
            // Only the head and shoulder blades come up; the lower back stays down.
            let end = Pose {
                trunk: 167.0,
                neck: 148.0,
                near_arm: Arm {
                    upper: -14.0,
                    fore: -10.0,
                },
                far_arm: Arm {
                    upper: -14.0,
                    fore: -10.0,
                },
                ..hook
            };
            side(Setting::Floor, Part::Tummy, vec![hook, end])
        }
        "elevated-plank" => {
            // Forearms on the bed, upper arms upright under the shoulders, up on the toes:
            // from the hips raised, feet near the bed, to the body in one straight line.
            let elbow = Point::new(176.0, BED - 2.5);
            let shoulder_at = elbow.toward(90.0, len::UPPER_ARM);
            let forearms = Arm {
                upper: -90.0,
                fore: 0.0,
            };
            let on_toes = |trunk: f32| {
                let hip = shoulder_at.toward(180.0 + trunk, len::TRUNK);
                // The ankle where the toes, pointing down, reach the floor.
                let ankle_y = FLOOR - 10.4;
                let drop = (ankle_y - hip.y).min(len::THIGH + len::SHANK);
                let reach = ((len::THIGH + len::SHANK).powi(2) - drop * drop).sqrt();
                let ankle = Point::new(hip.x - reach, ankle_y);
                let leg = leg_to(hip, ankle, false, -60.0);
                Pose {
                    hip,
                    trunk,
                    arch: 0.0,
                    belly: 0.0,
                    neck: trunk + 2.0,
                    near_arm: forearms,
                    far_arm: forearms,
                    near_leg: leg,
                    far_leg: leg,
                }
            };
            side(
                Setting::BedAhead,
                Part::Tummy,
                vec![on_toes(4.0), on_toes(30.0)],
            )
        }
        "push-up-progression" => {
            // At a wall: body straight from the heels, hands on the wall at shoulder
            // height; the elbows bend to bring the chest towards it.
            let ankle = flat_ankle(120.0, FLOOR);
            let body = |lean: f32| {
                let hip = ankle.toward(90.0 - lean, len::SHANK + len::THIGH);
                let straight = Leg {
                    thigh: 270.0 - lean,
                    shank: 270.0 - lean,
                    foot: 0.0,
                };
                Pose {
                    hip,
                    trunk: 90.0 - lean,
                    arch: 0.0,
                    belly: 0.0,
                    neck: 90.0 - lean,
                    near_arm: ARMS_BY_SIDES,
                    far_arm: ARMS_BY_SIDES,
                    near_leg: straight,
                    far_leg: straight,
                }
            };
            let hand = Point::new(176.0, 52.0);
            let start = hands_to(body(14.0), hand, false);
            let end = hands_to(body(26.0), hand, false);
            side(Setting::WallAhead, Part::ArmsAndChest, vec![start, end])
        }
        "wall-squat" => {
            // Leaning on the wall, feet a little forward: the legs almost straight.
            let mut start = standing(64.0);
            start.hip.y += 7.0;
            let ankle = flat_ankle(86.0, FLOOR);
            let start = Pose {
                near_leg: leg_to(start.hip, ankle, true, 0.0),
                far_leg: leg_to(start.hip, ankle, true, 0.0),
                ..start
            };
            let mut end = start;
            end.hip = Point::new(64.0, start.hip.y + 14.0);
            end.near_leg = leg_to(end.hip, ankle, true, 0.0);
            end.far_leg = end.near_leg;
            side(Setting::WallBehind, Part::Thighs, vec![start, end])
        }
        "core-in-daily-moves" => {
            // Bracing to lift a light box: from a squat, knees bent and back straight,
            // hands on the box, up to standing with the box held close.
            let stand = standing(110.0);
            let ankle = flat_ankle(112.0, FLOOR);
            let mut squat = stand;
            squat.hip = Point::new(100.0, stand.hip.y + 16.0);
            squat.trunk = 62.0;
            squat.neck = 58.0;
            squat.near_leg = leg_to(squat.hip, ankle, true, 0.0);
            squat.far_leg = squat.near_leg;
            let squat = hands_to(squat, Point::new(128.0, FLOOR - 13.0), false);
            // The box held close, in front of the tummy.
            let stand = hands_to(stand, Point::new(126.0, stand.hip.y - 6.0), false);
            side(Setting::Lift, Part::Tummy, vec![squat, stand])
        }
        "walking" | "everyday-activity" => {
            let lead = if id == "walking" { 22.0 } else { 16.0 };
            let (start, end) = (stride(lead), stride(-lead));
            if id == "walking" {
                // The parts the physiotherapy source names.
                side(Setting::Path, Part::CoreButtocksLegs, vec![start, end])
            } else {
                // Walking to the shops, a bag in one hand; no source names a part, so
                // the app marks the whole body as its own reading.
                let carry = |mut p: Pose| {
                    // The arm a little forward, the bag clear of the legs.
                    p.near_arm = Arm {
                        upper: -72.0,
                        fore: -66.0,
                    };
                    p
                };
                side(
                    Setting::Shopping,
                    Part::Whole,
                    vec![carry(start), carry(end)],
                )
            }
        }
        "endurance-options" => {
            // Jogging: leaning a little forward, elbows bent, a long stride with both feet
            // off the ground.
            side(Setting::Path, Part::Whole, vec![run(false), run(true)])
        }
        "swimming" => {
            // Backstroke at the surface of the water: one arm comes over out of the water
            // from the side to past the head while the other pulls below; the legs kick.
            let hip = Point::new(128.0, POOL + 2.0);
            let stroke = |near: f32, kick: f32| Pose {
                hip,
                trunk: 177.0,
                arch: 0.0,
                belly: 0.0,
                neck: 168.0,
                near_arm: Arm {
                    upper: near,
                    fore: near,
                },
                far_arm: Arm {
                    upper: near - 175.0,
                    fore: near - 170.0,
                },
                near_leg: Leg {
                    thigh: kick,
                    shank: kick * 2.0,
                    foot: 10.0 + kick,
                },
                far_leg: Leg {
                    thigh: -kick,
                    shank: -kick * 2.0,
                    foot: 10.0 - kick,
                },
            };
            side(
                Setting::Pool,
                Part::Whole,
                vec![stroke(-12.0, 5.0), stroke(166.0, -5.0)],
            )
        }
        "cycling" => {
            let seat = Point::new(104.0, 70.0);
            let crank = Point::new(132.0, 100.0);
            let pedal = |deg: f32| crank.toward(deg, 9.0);
            let ride = |deg: f32| Pose {
                hip: seat,
                trunk: 70.0,
                arch: 0.0,
                belly: 0.0,
                neck: 62.0,
                near_arm: arm_to(
                    seat.toward(70.0, len::TRUNK),
                    Point::new(150.0, 54.0),
                    false,
                ),
                far_arm: arm_to(
                    seat.toward(70.0, len::TRUNK),
                    Point::new(148.0, 54.0),
                    false,
                ),
                near_leg: leg_to(seat, pedal(deg).toward(90.0, 2.0), true, -10.0),
                far_leg: leg_to(seat, pedal(deg + 180.0).toward(90.0, 2.0), true, -10.0),
            };
            side(Setting::Bike, Part::Thighs, vec![ride(60.0), ride(240.0)])
        }
        "yoga-pilates" => {
            // On a mat, from hands and knees back into child's pose: the hips to the
            // heels, the chest on the thighs, the arms long in front, forehead down.
            let table = hands_knees(100.0);
            let knee = knee(&table, table.near_leg);
            let hip = knee.toward(145.0, len::THIGH);
            let folded = Leg {
                thigh: -35.0,
                ..table.near_leg
            };
            let mut child = Pose {
                hip,
                trunk: -12.0,
                neck: -16.0,
                near_leg: folded,
                far_leg: folded,
                ..table
            };
            let s = shoulder(&child);
            child = hands_to(child, Point::new(s.x + 35.0, FLOOR - 3.5), false);
            side(Setting::Mat, Part::Whole, vec![table, child])
        }
        _ => return own_start(exercise, hook),
    })
}

/// The still figure of a person's own exercise: its starting position, nothing marked
/// (the app can't know what the move works).
fn own_start(e: &Exercise, hook: Pose) -> Option<Figure> {
    let still = |setting: Setting, pose: Pose| Some(side(setting, Part::Unmarked, vec![pose]));
    match e.position {
        Position::OnBack => still(Setting::Floor, hook),
        Position::FaceDown => {
            let by_sides = Arm {
                upper: -2.0,
                fore: -2.0,
            };
            // Toes pointing back along the floor.
            let leg = Leg {
                thigh: -1.0,
                shank: -1.0,
                foot: -12.0,
            };
            let prone = Pose {
                hip: lying_hip(120.0, FLOOR),
                trunk: 180.0,
                arch: 0.0,
                belly: 0.0,
                neck: 182.0,
                near_arm: by_sides,
                far_arm: by_sides,
                near_leg: leg,
                far_leg: leg,
            };
            // Face down, the hip a little lower than on the back (the body's front).
            still(Setting::Floor, prone)
        }
        Position::HandsKnees => still(Setting::Floor, hands_knees(80.0)),
        Position::Sitting => still(Setting::Chair, seated(100.0)),
        Position::Standing if e.kit.contains(&Kit::Wall) => {
            still(Setting::WallBehind, standing(58.0))
        }
        Position::Standing | Position::OnTheMove | Position::InWater => {
            still(Setting::Floor, standing(110.0))
        }
    }
}
