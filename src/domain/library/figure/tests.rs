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
            KeyPose::Above { .. } => None,
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
    assert_eq!(figure("knee-rolls").unwrap().view, View::Above);
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
        let start = f.start();
        for (pose, worked) in [
            (start, Worked::Near),
            (f.end(Worked::Near), Worked::Near),
            (f.end(Worked::Far), Worked::Far),
        ] {
            let marks = (arrow(&f, worked, false), arrow(&f, worked, true));
            for s in draw_marked(&f, &pose, Some(&start), marks.0)
                .into_iter()
                .chain(marks.1)
            {
                let points = match s {
                    Shape::Line { a, b, width, .. } => vec![(a, width / 2.0), (b, width / 2.0)],
                    Shape::Circle { c, r, .. } => vec![(c, r)],
                    Shape::Rect { x, y, w, h, .. } => vec![
                        (body::Point::new(x, y), 0.0),
                        (body::Point::new(x + w, y + h), 0.0),
                    ],
                    Shape::Arrow { points } => points.iter().map(|p| (*p, 4.0)).collect(),
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
    assert_eq!(rolls.end(Worked::Far), KeyPose::Above { roll: -48.0 });
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
         div{display:inline-block;width:760px;margin:4px;vertical-align:top}\
         svg{width:240px;height:150px;border:1px solid #ddd;stroke-linecap:round}\
         polyline{fill:none!important}\
         .fig-setting{fill:#b9c4be;stroke:#b9c4be}.fig-far{fill:#7d8c85;stroke:#7d8c85}\
         .fig-body{fill:#33413a;stroke:#33413a}.fig-work{fill:#1d6b57;stroke:#1d6b57}\
         .fig-ghost{fill:#cfd8d2;stroke:#cfd8d2}.fig-water{fill:#4a90d9;opacity:.2}\
         .fig-arrow{fill:none;stroke:#14523f;stroke-linejoin:round}</style>",
    );
    for e in CATALOG {
        let f = figure(&e.id).unwrap();
        html.push_str(&format!("<div><b>{}</b><br>", e.name));
        for pose in [f.start(), f.end(Worked::Near)] {
            html.push_str(&svg(&draw(&f, &pose), view_box(&f), &e.name));
        }
        let still = draw_marked(
            &f,
            &f.end(Worked::Near),
            Some(&f.start()),
            arrow(&f, Worked::Near, false),
        );
        html.push_str(&svg(&still, view_box(&f), &e.name));
        html.push_str("</div>");
    }
    std::fs::write(dir.join("contact-sheet.html"), &html).unwrap();
    assert!(html.matches("<svg").count() == 3 * CATALOG.len());
    assert!(html.matches("fig-ghost").count() >= CATALOG.len());
    assert_eq!(html.matches(r#"class="fig-arrow""#).count(), CATALOG.len());
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

/// The sides an entry is worked on: both for one done a side at a time, else the near
/// side only (an activity's stride has no side; its "far" end is its start).
fn sides(e: &crate::domain::library::exercise::Exercise) -> Vec<Worked> {
    if e.side_part.is_some() {
        vec![Worked::Near, Worked::Far]
    } else {
        vec![Worked::Near]
    }
}

/// How far each tracked point of `a` is from the same point of `b`: the largest.
fn largest_change(a: &KeyPose, b: &KeyPose) -> f32 {
    marks::tracked(a)
        .iter()
        .zip(marks::tracked(b))
        .map(|((p, _), (q, _))| p.dist(q))
        .fold(0.0, f32::max)
}

#[test]
fn start_and_end_differ_visibly_for_every_entry() {
    for e in CATALOG {
        let f = figure(&e.id).unwrap();
        for worked in sides(e) {
            let moved = largest_change(&f.start(), &f.end(worked));
            // Three units: five pixels at the size a phone shows the exercise page's stills.
            assert!(moved >= 3.0, "{}: the most any part moves is {moved}", e.id);
        }
    }
    // The small moves, drawn larger than life: the lower back's curve flattens, the tummy
    // is drawn in.
    let poses = |id| side_poses(&figure(id).unwrap());
    let tilt = poses("pelvic-tilt");
    assert!(tilt[0].arch - tilt[1].arch >= 4.0 && tilt[1].arch == 0.0);
    let gap = |p: &Pose| build::FLOOR - len::BACK - p.joints().waist.y;
    assert!(
        gap(&tilt[0]) >= 4.0,
        "a gap under the lower back at the start"
    );
    assert!(
        gap(&tilt[1]) < 0.5,
        "the lower back flat on the floor at the end"
    );
    let brace = poses("abdominal-bracing");
    assert!(brace[0].belly - brace[1].belly >= 3.0, "the tummy drawn in");
    // Told apart from the pelvic tilt: the tilt's start is the arched back, the bracing's
    // the tummy.
    assert!(tilt[0].belly == 0.0 && brace[0].arch == 0.0);
    // Knee rolls: the knees roll well over, the shoulders (drawn the same in every pose)
    // stay down.
    let rolls = figure("knee-rolls").unwrap();
    assert!(largest_change(&rolls.start(), &rolls.end(Worked::Near)) >= 12.0);
}

#[test]
fn the_arrow_follows_the_part_that_moves_from_start_to_end() {
    for e in CATALOG {
        let f = figure(&e.id).unwrap();
        for worked in sides(e) {
            let path =
                marks::moving_path(&f, worked).unwrap_or_else(|| panic!("{}: no path", e.id));
            let (start, end) = (marks::tracked(&f.start()), marks::tracked(&f.end(worked)));
            let last = marks::ARROW_POINTS - 1;
            // The same part: where it is in the start pose, then in the end pose.
            let k = (0..start.len())
                .find(|&k| {
                    start[k].0.dist(path.points[0]) < 0.01
                        && end[k].0.dist(path.points[last]) < 0.01
                })
                .unwrap_or_else(|| panic!("{}: the path is no joint's", e.id));
            // It is the part that moves furthest, or the trunk (the first four points of a
            // side view) moving at least half as far; and the path is the move's own.
            let moved = start[k].0.dist(end[k].0);
            let most = largest_change(&f.start(), &f.end(worked));
            let trunk = f.view == View::Side && k < 4;
            assert!(
                moved + 0.01 >= most || (trunk && moved >= most / 2.0),
                "{}",
                e.id
            );
            for (i, p) in path.points.iter().enumerate() {
                let t = i as f32 / last as f32;
                let at = marks::tracked(&f.pose_at(Phase::In(t), worked))[k].0;
                assert!(at.dist(*p) < 0.01, "{} step {i}", e.id);
            }
            // The arrow: beside the path for a long move, pointing at the part for a short
            // one; back the other way.
            let Some(Shape::Arrow { points }) = arrow(&f, worked, false) else {
                panic!("{}: no arrow", e.id)
            };
            let Some(Shape::Arrow { points: back }) = arrow(&f, worked, true) else {
                panic!("{}: no arrow back", e.id)
            };
            let length: f32 = path.points.windows(2).map(|w| w[0].dist(w[1])).sum();
            if f.view == View::Above {
                // Along the knee's own path, from where it starts to short of where it ends.
                assert!(points[0].dist(path.points[0]) < 0.01, "{}", e.id);
                let short = points[last].dist(path.points[last]);
                assert!(
                    (path.clearance..=path.clearance + 3.0).contains(&short),
                    "{}",
                    e.id
                );
            } else if length >= 14.0 {
                // Beside the path (closer where it runs along the floor).
                for (a, p) in [
                    (points[0], path.points[0]),
                    (points[last], path.points[last]),
                ] {
                    let beside = a.dist(p);
                    assert!((1.5..=8.5).contains(&beside), "{}: {beside}", e.id);
                }
                if f.view == View::Side {
                    assert!(points.iter().all(|p| p.y <= build::FLOOR - 2.0), "{}", e.id);
                }
                assert!(back[0].dist(points[last]) < 4.0, "{}", e.id);
            } else {
                let way = |a: body::Point, b: body::Point| (b.x - a.x, b.y - a.y);
                let (mx, my) = way(path.points[0], path.points[last]);
                let (ax, ay) = way(points[0], points[last]);
                assert!(
                    mx * ax + my * ay > 0.0,
                    "{}: the arrow points the way of the move",
                    e.id
                );
                let tip = points[last].dist(path.points[last]);
                assert!(
                    tip >= path.clearance && tip <= path.clearance + 3.0,
                    "{}: {tip}",
                    e.id
                );
                assert!(
                    (points[0].dist(points[last]) - 14.0).abs() < 0.01,
                    "{}",
                    e.id
                );
            }
        }
    }
}

#[test]
fn every_entry_is_drawn_as_its_own() {
    let all: Vec<(&str, Figure)> = CATALOG
        .iter()
        .map(|e| (e.id.as_ref(), figure(&e.id).unwrap()))
        .collect();
    for (i, (a, fa)) in all.iter().enumerate() {
        for (b, fb) in &all[i + 1..] {
            // Entries that start alike are told apart by the part marked as working.
            let same = fa.setting == fb.setting
                && fa.work == fb.work
                && largest_change(&fa.start(), &fb.start()) < 3.0
                && largest_change(&fa.end(Worked::Near), &fb.end(Worked::Near)) < 3.0;
            assert!(!same, "{a} and {b} are drawn alike");
        }
    }
    let poses = |id| side_poses(&figure(id).unwrap());
    // Jogging: both feet off the ground in its poses; walking keeps one down.
    let lowest = |p: &Pose| {
        let j = p.joints();
        [
            j.near_ankle.y + len::ANKLE,
            j.far_ankle.y + len::ANKLE,
            j.near_toe.y,
            j.far_toe.y,
        ]
        .into_iter()
        .fold(0.0_f32, f32::max)
    };
    for p in poses("endurance-options") {
        assert!(
            lowest(&p) <= build::FLOOR - 3.5,
            "jogging: in the air, {}",
            lowest(&p)
        );
        let elbow = body::short_turn(p.near_arm.upper, p.near_arm.fore).abs();
        assert!(
            (70.0..=110.0).contains(&elbow),
            "jogging: the elbows bent, {elbow}"
        );
    }
    for p in poses("walking") {
        assert!(
            lowest(&p) >= build::FLOOR - 2.5,
            "walking: a foot down, {}",
            lowest(&p)
        );
    }
    assert_eq!(
        figure("everyday-activity").unwrap().setting,
        Setting::Shopping
    );
    let shop = figure("everyday-activity").unwrap();
    let bag = draw(&shop, &shop.start());
    assert!(
        bag.iter()
            .any(|s| matches!(s, Shape::Rect { ink: Ink::Far, .. })),
        "a bag"
    );
    // Swimming: in the water, the body at its surface, one arm over it.
    let swim = figure("swimming").unwrap();
    assert!(draw(&swim, &swim.start()).iter().any(|s| matches!(
        s,
        Shape::Rect {
            ink: Ink::Water,
            ..
        }
    )));
    for p in side_poses(&swim) {
        let j = p.joints();
        assert!((j.hip.y - build::POOL).abs() <= 2.0 && (j.shoulder.y - build::POOL).abs() <= 3.0);
    }
    let over = side_poses(&swim)[1].joints().near_hand;
    assert!(
        over.y < build::POOL - 10.0 || over.x < side_poses(&swim)[1].joints().head.x,
        "the arm reaches past the head"
    );
    // Yoga: hands and knees, then child's pose: hips back to the heels, forehead down.
    let yoga = poses("yoga-pilates");
    let (table, child) = (yoga[0].joints(), yoga[1].joints());
    assert!(
        (table.near_knee.y - child.near_knee.y).abs() < 1.0,
        "the knees stay down"
    );
    assert!(
        child.hip.x < table.hip.x - 10.0 && child.hip.y > table.hip.y + 5.0,
        "hips back and down"
    );
    assert!(child.head.y > child.hip.y, "the head lower than the hips");
    // The seated hamstring stretch: a straight back leaning forward from the hips, the
    // leg out straight, heel down.
    let stretch = poses("seated-hamstring-stretch")[1];
    let lean = 90.0 - stretch.trunk;
    assert!(
        (12.0..=30.0).contains(&lean),
        "a lean from the hips: {lean}"
    );
    assert!(
        body::short_turn(stretch.trunk, stretch.neck).abs() <= 5.0,
        "the head in line"
    );
    assert!(
        body::short_turn(stretch.near_leg.thigh, stretch.near_leg.shank).abs() <= 8.0,
        "the leg straight"
    );
    let heel = stretch.joints().near_ankle.y;
    assert!(
        (heel - (build::FLOOR - len::ANKLE)).abs() <= 1.5,
        "the heel on the floor: {heel}"
    );
}

#[test]
fn lines_joined_end_to_start_in_one_ink_and_width_are_one_polyline_and_only_the_setting_and_water_keep_outlines(
) {
    use body::Point;
    let line = |a: (f32, f32), b: (f32, f32), width: f32, ink: Ink| Shape::Line {
        a: Point::new(a.0, a.1),
        b: Point::new(b.0, b.1),
        width,
        ink,
    };
    let circle = |r: f32, ink: Ink| Shape::Circle {
        c: Point::new(5.0, 5.0),
        r,
        ink,
    };
    let rect = |ink: Ink| Shape::Rect {
        x: 1.0,
        y: 2.0,
        w: 12.0,
        h: 14.0,
        ink,
    };
    let shapes = [
        line((1.0, 2.0), (3.25, 4.0), 6.0, Ink::Far),
        line((3.25, 4.0), (-0.5, 7.0), 6.0, Ink::Far),
        // Same ink and width, not joined: a line of its own.
        line((0.0, 0.0), (1.0, 1.0), 6.0, Ink::Far),
        line((0.0, 0.0), (1.0, 1.0), 7.5, Ink::Far),
        circle(7.7, Ink::Body),
        line((0.0, 0.0), (12.04, 0.0), 6.0, Ink::Far),
        rect(Ink::Far),
        rect(Ink::Setting),
        circle(5.5, Ink::Setting),
        // The water: a tint with no edge, so its outline is its own.
        rect(Ink::Water),
    ];
    let text = svg(&shapes, (-1.0, 0.0, 240.0, 140.0), "A <name>");
    assert_eq!(
        text,
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 0 2400 1400" stroke-linejoin="round" role="img" aria-label="A  name ">"#,
            r#"<polyline class="fig-far" stroke-width="60" points="10 20 33 40 -5 70"/>"#,
            r#"<polyline class="fig-far" stroke-width="60" points="0 0 10 10"/>"#,
            r#"<polyline class="fig-far" stroke-width="75" points="0 0 10 10"/>"#,
            r#"<polyline class="fig-body" stroke-width="154" points="50 50 50 50"/>"#,
            r#"<polyline class="fig-far" stroke-width="60" points="0 0 120 0"/>"#,
            r#"<polygon class="fig-far" stroke-width="40" points="30 40 110 40 110 140 30 140"/>"#,
            r#"<path class="fig-setting" d="M30 20h80a20 20 0 0 1 20 20v100a20 20 0 0 1 -20 20h-80a20 20 0 0 1 -20 -20v-100a20 20 0 0 1 20 -20z"/>"#,
            r#"<path class="fig-setting" d="M-5 50a55 55 0 1 0 110 0a55 55 0 1 0 -110 0"/>"#,
            r#"<path class="fig-water" d="M30 20h80a20 20 0 0 1 20 20v100a20 20 0 0 1 -20 20h-80a20 20 0 0 1 -20 -20v-100a20 20 0 0 1 20 -20z"/>"#,
            "</svg>"
        )
    );
}

#[test]
fn elements_written_over_another_frame_are_those_written_afresh() {
    // One buffer through every entry's frames, as a moving figure's painter keeps it:
    // from longer frames to shorter and back, each the same as written into a new one.
    let mut out = Vec::new();
    for e in CATALOG {
        let Some(f) = figure(&e.id) else { continue };
        for phase in [Phase::Start, Phase::In(0.3), Phase::End, Phase::Back(0.6)] {
            for worked in [Worked::Near, Worked::Far] {
                let shapes = draw_marked(&f, &f.pose_at(phase, worked), None, None);
                paths_into(&shapes, &mut out);
                assert_eq!(out, paths(&shapes), "{} {phase:?}", e.id);
            }
        }
    }
}
