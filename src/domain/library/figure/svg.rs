//! The SVG text of a figure's shapes, each with its ink's class.

use super::shapes::{Ink, Shape};

/// The class an ink is drawn with; the app's styles colour each (light and dark).
pub fn ink_class(ink: Ink) -> &'static str {
    match ink {
        Ink::Setting => "fig-setting",
        Ink::Far => "fig-far",
        Ink::Body => "fig-body",
        Ink::Work => "fig-work",
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
        });
    }
    out.push_str("</svg>");
    out
}
