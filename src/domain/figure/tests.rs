//! Tests of the figures: every entry has one, bones keep their length, the figure stays
//! on its canvas and on its floor, sides mirror, and the key poses are where the move
//! starts and ends. One test writes a contact sheet of every key pose to review.

use super::body::{len, Pose};
use super::*;
use crate::domain::catalog::CATALOG;

fn side_poses(f: &Figure) -> Vec<Pose> {
    f.poses
        .iter()
        .filter_map(|p| match p {
            KeyPose::Side(p) => Some(*p),
            KeyPose::Feet { .. } => None,
        })
        .collect()
}

#[test]
fn every_entry_has_a_figure_with_a_start_and_an_end() {
    for e in CATALOG {
        let f = figure(e.id).unwrap_or_else(|| panic!("{} has no figure", e.id));
        assert!(f.poses.len() >= 2, "{}", e.id);
        assert_ne!(
            f.poses[0], f.poses[1],
            "{}: the move changes the pose",
            e.id
        );
    }
    assert_eq!(figure("knee-rolls").unwrap().view, View::Feet);
}

#[test]
fn bones_keep_their_length_in_and_between_poses() {
    for e in CATALOG {
        let f = figure(e.id).unwrap();
        for worked in [Worked::Near, Worked::Far] {
            for phase in [
                Phase::Start,
                Phase::In(0.3),
                Phase::In(0.7),
                Phase::End,
                Phase::Back(0.5),
            ] {
                let KeyPose::Side(p) = f.pose_at(phase, worked) else {
                    continue;
                };
                let j = p.joints();
                for (a, b, want) in [
                    (j.hip, j.shoulder, len::TRUNK),
                    (j.shoulder, j.near_elbow, len::UPPER_ARM),
                    (j.near_elbow, j.near_hand, len::FOREARM),
                    (j.hip, j.near_knee, len::THIGH),
                    (j.near_knee, j.near_ankle, len::SHANK),
                    (j.far_knee, j.far_ankle, len::SHANK),
                ] {
                    let got = a.dist(b);
                    assert!(
                        (got - want).abs() <= want * 0.02,
                        "{} {phase:?}: {got} vs {want}",
                        e.id
                    );
                }
            }
        }
    }
}

#[test]
fn every_figure_stays_inside_its_canvas() {
    for e in CATALOG {
        let f = figure(e.id).unwrap();
        for pose in &f.poses {
            for s in draw(&f, pose) {
                let points = match s {
                    Shape::Line { a, b, width, .. } => vec![(a, width / 2.0), (b, width / 2.0)],
                    Shape::Circle { c, r, .. } => vec![(c, r)],
                    Shape::Rect { x, y, w, h, .. } => vec![
                        (body::Point::new(x, y), 0.0),
                        (body::Point::new(x + w, y + h), 0.0),
                    ],
                };
                for (p, pad) in points {
                    assert!(
                        p.x - pad >= 0.0
                            && p.x + pad <= WIDTH
                            && p.y - pad >= 0.0
                            && p.y + pad <= HEIGHT,
                        "{}: {p:?} is off the canvas",
                        e.id
                    );
                }
            }
        }
    }
}

#[test]
fn lying_figures_keep_their_back_down_and_standing_ones_their_feet() {
    let floor_back = build::FLOOR - len::BACK;
    // Lying on the floor: the hip and the shoulders on it, except where the move lifts
    // them (the bridge's hips, the crunch's shoulders).
    for id in [
        "pelvic-tilt",
        "double-knee-hug",
        "single-knee-hug",
        "abdominal-bracing",
        "dead-bug",
        "lying-thoracic-extension",
    ] {
        for p in side_poses(&figure(id).unwrap()) {
            let j = p.joints();
            assert!(
                (j.hip.y - floor_back).abs() <= 1.5,
                "{id}: hip at {}",
                j.hip.y
            );
            assert!(
                (j.shoulder.y - floor_back).abs() <= 1.5,
                "{id}: shoulders at {}",
                j.shoulder.y
            );
        }
    }
    let bridge = side_poses(&figure("bridge").unwrap());
    let (start, end) = (bridge[0].joints(), bridge[1].joints());
    assert!(
        start.shoulder.dist(end.shoulder) < 0.5,
        "the shoulders stay down"
    );
    assert!(
        start.near_ankle.dist(end.near_ankle) < 0.5,
        "the feet stay put"
    );
    assert!(end.hip.y < start.hip.y - 10.0, "the hips lift");
    // Feet flat on the floor where the technique keeps them there.
    let on_floor = build::FLOOR - len::ANKLE;
    for id in [
        "pelvic-tilt",
        "bridge",
        "abdominal-bracing",
        "wall-stand",
        "wall-squat",
        "push-up-progression",
        "core-in-daily-moves",
        "abdominal-crunch",
    ] {
        for p in side_poses(&figure(id).unwrap()) {
            let j = p.joints();
            assert!(
                (j.near_ankle.y - on_floor).abs() <= 1.0,
                "{id}: ankle at {}",
                j.near_ankle.y
            );
        }
    }
}

#[test]
fn sides_mirror() {
    for e in CATALOG {
        let f = figure(e.id).unwrap();
        let (near, far) = (f.end(Worked::Near), f.end(Worked::Far));
        assert_eq!(far.other_side(), near, "{}", e.id);
    }
    let bug = figure("dead-bug").unwrap();
    let (KeyPose::Side(left), KeyPose::Side(right)) = (bug.end(Worked::Near), bug.end(Worked::Far))
    else {
        panic!()
    };
    assert_eq!(
        (left.near_arm, left.far_leg),
        (right.far_arm, right.near_leg)
    );
    let rolls = figure("knee-rolls").unwrap();
    assert_eq!(rolls.end(Worked::Far), KeyPose::Feet { roll: -48.0 });
}

#[test]
fn pose_at_each_phase_boundary_is_the_key_pose() {
    for e in CATALOG {
        let f = figure(e.id).unwrap();
        for worked in [Worked::Near, Worked::Far] {
            let close = |a: KeyPose, b: KeyPose| match (a, b) {
                (KeyPose::Side(a), KeyPose::Side(b)) => {
                    let (a, b) = (a.joints(), b.joints());
                    a.near_hand.dist(b.near_hand) < 0.01
                        && a.far_ankle.dist(b.far_ankle) < 0.01
                        && a.head.dist(b.head) < 0.01
                }
                (a, b) => a == b,
            };
            assert!(
                close(f.pose_at(Phase::In(0.0), worked), f.start()),
                "{}",
                e.id
            );
            assert!(
                close(f.pose_at(Phase::In(1.0), worked), f.end(worked)),
                "{}",
                e.id
            );
            assert!(
                close(f.pose_at(Phase::Back(0.0), worked), f.end(worked)),
                "{}",
                e.id
            );
            assert!(
                close(f.pose_at(Phase::Back(1.0), worked), f.start()),
                "{}",
                e.id
            );
        }
    }
}

#[test]
fn joints_bend_only_the_natural_way() {
    for e in CATALOG {
        let f = figure(e.id).unwrap();
        for p in side_poses(&f) {
            for (leg, name) in [(p.near_leg, "near"), (p.far_leg, "far")] {
                let bend = body::short_turn(leg.thigh, leg.shank).abs();
                assert!(bend <= 150.0, "{} {name} knee bends {bend}", e.id);
            }
            for arm in [p.near_arm, p.far_arm] {
                let bend = body::short_turn(arm.upper, arm.fore).abs();
                assert!(bend <= 150.0, "{} elbow bends {bend}", e.id);
            }
        }
    }
}

/// Writes `target/figures/contact-sheet.html`: every entry's start and end poses at the
/// size a phone shows them, beside its name, for a person to review.
#[test]
fn writes_a_contact_sheet() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/figures");
    std::fs::create_dir_all(&dir).unwrap();
    let mut html = String::from(
        "<!doctype html><meta charset=utf-8><style>body{font:14px sans-serif;margin:8px}\
         div{display:inline-block;width:340px;margin:4px;vertical-align:top}\
         svg{width:160px;height:110px;border:1px solid #ddd}</style>",
    );
    for e in CATALOG {
        let f = figure(e.id).unwrap();
        html.push_str(&format!("<div><b>{}</b><br>", e.name));
        for pose in [f.start(), f.end(Worked::Near)] {
            html.push_str(&svg(&draw(&f, &pose), view_box(&f)));
        }
        html.push_str("</div>");
    }
    std::fs::write(dir.join("contact-sheet.html"), &html).unwrap();
    assert!(html.matches("<svg").count() == 2 * CATALOG.len());
}
