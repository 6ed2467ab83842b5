//! The SVG text of a figure's shapes, each with its ink's class.

use super::body::Point;
use super::shapes::{Ink, Shape};

/// The class an ink is drawn with; the app's styles colour each (light and dark).
pub fn ink_class(ink: Ink) -> &'static str {
    match ink {
        Ink::Setting => "fig-setting",
        Ink::Far => "fig-far",
        Ink::Body => "fig-body",
        Ink::Work => "fig-work",
        Ink::Ghost => "fig-ghost",
        Ink::Water => "fig-water",
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
            Shape::Arrow { points } => arrow(&points),
        });
    }
    out.push_str("</svg>");
    out
}

/// An arrow through `points`, in one stroke: its shaft, then its head at the last point
/// (out to one side, back to the tip, out to the other), along the shaft's last stretch.
fn arrow(points: &[Point]) -> String {
    let (Some(tip), Some(from)) = (points.last(), points.iter().rev().nth(2)) else {
        return String::new();
    };
    let d = tip.dist(*from).max(0.01);
    let (dx, dy) = ((tip.x - from.x) / d, (tip.y - from.y) / d);
    let side = |s: f32| Point::new(tip.x - dx * 5.0 - dy * s, tip.y - dy * 5.0 + dx * s);
    let mut out = String::from(r#"<polyline class="fig-arrow" stroke-width="22" points=""#);
    for p in points.iter().chain([&side(3.5), tip, &side(-3.5)]) {
        out.push_str(&format!("{},{} ", tenths(p.x), tenths(p.y)));
    }
    out.push_str(r#""/>"#);
    out
}
