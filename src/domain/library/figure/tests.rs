//! Tests of the figures: every entry has one, bones keep their length, the figure stays
//! on its canvas and on its floor, sides mirror, and the key poses are where the move
//! starts and ends. One test writes a contact sheet of every key pose to review.

use super::body::{len, Pose};
use super::*;
use crate::domain::library::catalog::{self, CATALOG};

/// The figure of the library's entry `id`.
fn figure(id: &str) -> Option<Figure> {
    super::figure(catalog::get(id)?)
}

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
        let f = figure(&e.id).unwrap_or_else(|| panic!("{} has no figure", e.id));
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
        let f = figure(&e.id).unwrap();
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
        let f = figure(&e.id).unwrap();
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
        let f = figure(&e.id).unwrap();
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
        let f = figure(&e.id).unwrap();
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
        let f = figure(&e.id).unwrap();
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
         svg{width:160px;height:110px;border:1px solid #ddd;stroke-linecap:round}\
         .fig-setting{fill:#b9c4be;stroke:#b9c4be}.fig-far{fill:#7d8c85;stroke:#7d8c85}\
         .fig-body{fill:#33413a;stroke:#33413a}.fig-work{fill:#1d6b57;stroke:#1d6b57}</style>",
    );
    for e in CATALOG {
        let f = figure(&e.id).unwrap();
        html.push_str(&format!("<div><b>{}</b><br>", e.name));
        for pose in [f.start(), f.end(Worked::Near)] {
            html.push_str(&svg(&draw(&f, &pose), view_box(&f), &e.name));
        }
        html.push_str("</div>");
    }
    std::fs::write(dir.join("contact-sheet.html"), &html).unwrap();
    assert!(html.matches("<svg").count() == 2 * CATALOG.len());
}

#[test]
fn the_figure_follows_the_rep() {
    // A 5 s hold: in over 1.5 s, then still at the end pose.
    assert_eq!(
        rep_phase(RepKind::Hold, 0, Some(5_000)),
        (Phase::In(0.0), true)
    );
    assert_eq!(
        rep_phase(RepKind::Hold, 750, Some(5_000)),
        (Phase::In(0.5), true)
    );
    assert_eq!(
        rep_phase(RepKind::Hold, 1_500, Some(5_000)),
        (Phase::End, false)
    );
    assert_eq!(
        rep_phase(RepKind::Hold, 4_900, Some(5_000)),
        (Phase::End, false)
    );
    // A 2 s hold moves in over its first second.
    assert_eq!(
        rep_phase(RepKind::Hold, 1_000, Some(2_000)),
        (Phase::End, false)
    );
    // A 4 s paced rep: in for 2 s, back for 2 s.
    assert_eq!(
        rep_phase(RepKind::Paced, 1_000, Some(4_000)),
        (Phase::In(0.5), true)
    );
    assert_eq!(
        rep_phase(RepKind::Paced, 3_000, Some(4_000)),
        (Phase::Back(0.5), true)
    );
    // Getting ready and resting: still, at the start.
    assert_eq!(
        rep_phase(RepKind::Still, 3_000, Some(10_000)),
        (Phase::Start, false)
    );
    // The calm loop: in, hold, back, rest, and round again.
    assert_eq!(loop_phase(500), (Phase::In(0.5), true));
    assert_eq!(loop_phase(1_500), (Phase::End, false));
    assert_eq!(loop_phase(2_500), (Phase::Back(0.5), true));
    assert_eq!(loop_phase(3_500), (Phase::Start, false));
    assert_eq!(loop_phase(4_500), loop_phase(500));
}

#[test]
fn a_figure_is_an_image_with_a_name() {
    let bridge = crate::domain::library::catalog::get("bridge").unwrap();
    let f = figure("bridge").unwrap();
    let name = label(bridge, true, f.work);
    assert_eq!(
        name,
        "Lie on your back, knees bent, feet flat. Squeeze your bottom and lift it off the \
         floor, then lower slowly. Working: the buttocks."
    );
    let text = svg(&draw(&f, &f.end(Worked::Near)), view_box(&f), &name);
    assert!(text.starts_with("<svg") && text.contains(r#"role="img""#));
    assert!(text.contains(&format!(r#"aria-label="{name}""#)));
    assert!(
        text.contains(r#"class="fig-work""#),
        "the working part is marked"
    );
    let view = text
        .split(r#"viewBox=""#)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        view.split(' ').all(|n| n.parse::<i32>().is_ok()),
        "whole numbers (tenths of a unit): {view}"
    );
}

#[test]
fn working_parts_are_the_sources_or_marked_as_the_apps_own() {
    let name = |id: &str| {
        let e = crate::domain::library::catalog::get(id).unwrap();
        label(e, true, figure(id).unwrap().work)
    };
    let app_own = "(the app's own choice, not a source's).";
    // Named by a source: said plainly.
    assert!(name("wall-stand").ends_with("Working: your posture."));
    assert!(name("walking").ends_with("Working: the core, buttocks and legs."));
    assert!(name("hip-flexor-stretch").ends_with("Working: the front of the hip."));
    // Named by no source: the app's reading, said to be its own.
    for (id, part) in [
        ("push-up-progression", "the arms and chest"),
        ("wall-squat", "the thighs"),
        ("cycling", "the thighs"),
        ("swimming", "the whole body"),
        ("endurance-options", "the whole body"),
        ("everyday-activity", "the whole body"),
        ("yoga-pilates", "the whole body"),
    ] {
        assert!(
            name(id).ends_with(&format!("Working: {part} {app_own}")),
            "{id}: {}",
            name(id)
        );
    }
    for e in CATALOG {
        let work = figure(&e.id).unwrap().work;
        let text = name(&e.id);
        assert!(
            text.contains(". Working: ") && text.ends_with('.'),
            "{}: {text}",
            e.id
        );
        assert_eq!(text.contains(app_own), !work.from_source(), "{}", e.id);
    }
}
