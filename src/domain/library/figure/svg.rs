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

/// Writes `v` in tenths of a unit, as a whole number: the SVG is written in tenths, so
/// neither float formatting nor `format!` is needed (both cost time on every frame of a
/// moving figure, and the first weighs on the app's size).
fn num(out: &mut String, v: f32) {
    let tenths = (v * 10.0).round() as i32;
    if tenths < 0 {
        out.push('-');
    }
    let mut n = tenths.unsigned_abs();
    let mut digits = [b'0'; 10];
    let mut first = digits.len();
    for d in digits.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        first -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits.iter().skip(first).map(|&d| char::from(d)));
}

/// Writes `x y` (with `sep` between them) for a point.
fn point(out: &mut String, p: Point, sep: char) {
    num(out, p.x);
    out.push(sep);
    num(out, p.y);
}

/// One element of a figure's SVG: a path with its class, its stroke width (none for a
/// filled shape) and its outline. A moving figure keeps its elements from frame to
/// frame and changes only the outlines that moved.
#[derive(Debug, Clone, PartialEq)]
pub struct PathEl {
    pub class: &'static str,
    /// In tenths of a unit.
    pub width: Option<i32>,
    pub d: String,
}

/// The paths of `shapes`, in drawing order: lines drawn one after another in the same ink
/// and width as one path, circles and rounded rectangles as outlines, an arrow as one
/// stroke.
pub fn paths(shapes: &[Shape]) -> Vec<PathEl> {
    let mut out: Vec<PathEl> = Vec::new();
    // The ink and width of the last path, while lines may join it.
    let mut open: Option<(Ink, f32)> = None;
    for s in shapes {
        let mut d = String::new();
        let (class, width) = match *s {
            Shape::Line { a, b, width, ink } => {
                d.push('M');
                point(&mut d, a, ' ');
                d.push('L');
                point(&mut d, b, ' ');
                if open == Some((ink, width)) {
                    if let Some(last) = out.last_mut() {
                        last.d.push_str(&d);
                        continue;
                    }
                }
                open = Some((ink, width));
                (ink_class(ink), Some(width))
            }
            Shape::Circle { c, r, ink } => {
                open = None;
                // Two half circles.
                d.push('M');
                point(&mut d, Point::new(c.x - r, c.y), ' ');
                for dx in [2.0 * r, -2.0 * r] {
                    d.push('a');
                    num(&mut d, r);
                    d.push(' ');
                    num(&mut d, r);
                    d.push_str(" 0 1 0 ");
                    point(&mut d, Point::new(dx, 0.0), ' ');
                }
                (ink_class(ink), None)
            }
            Shape::Rect { x, y, w, h, ink } => {
                open = None;
                rounded(&mut d, x, y, w, h);
                (ink_class(ink), None)
            }
            Shape::Arrow { points } => {
                open = None;
                arrow(&mut d, &points);
                ("fig-arrow", Some(2.2))
            }
        };
        out.push(PathEl {
            class,
            width: width.map(|w| (w * 10.0).round() as i32),
            d,
        });
    }
    out
}

/// A rectangle with corners rounded by 2 units, as an outline.
fn rounded(d: &mut String, x: f32, y: f32, w: f32, h: f32) {
    let r = 2.0_f32.min(w / 2.0).min(h / 2.0);
    let corner = |d: &mut String, dx: f32, dy: f32| {
        d.push('a');
        num(d, r);
        d.push(' ');
        num(d, r);
        d.push_str(" 0 0 1 ");
        point(d, Point::new(dx, dy), ' ');
    };
    d.push('M');
    point(d, Point::new(x + r, y), ' ');
    d.push('h');
    num(d, w - 2.0 * r);
    corner(d, r, r);
    d.push('v');
    num(d, h - 2.0 * r);
    corner(d, -r, r);
    d.push('h');
    num(d, 2.0 * r - w);
    corner(d, -r, -r);
    d.push('v');
    num(d, 2.0 * r - h);
    corner(d, r, -r);
    d.push('z');
}

/// An arrow through `points`, in one stroke: its shaft, then its head at the last point
/// (out to one side, back to the tip, out to the other), along the shaft's last stretch.
fn arrow(d: &mut String, points: &[Point]) {
    let (Some(tip), Some(from)) = (points.last(), points.iter().rev().nth(2)) else {
        return;
    };
    let len = tip.dist(*from).max(0.01);
    let (dx, dy) = ((tip.x - from.x) / len, (tip.y - from.y) / len);
    let side = |s: f32| Point::new(tip.x - dx * 5.0 - dy * s, tip.y - dy * 5.0 + dx * s);
    for (i, p) in points
        .iter()
        .copied()
        .chain([side(3.5), *tip, side(-3.5)])
        .enumerate()
    {
        d.push(if i == 0 { 'M' } else { 'L' });
        point(d, p, ' ');
    }
}

/// Writes one path element.
fn path_markup(out: &mut String, p: &PathEl) {
    out.push_str(r#"<path class=""#);
    out.push_str(p.class);
    if let Some(w) = p.width {
        out.push_str(r#"" stroke-width=""#);
        num(out, w as f32 / 10.0);
    }
    out.push_str(r#"" d=""#);
    out.push_str(&p.d);
    out.push_str(r#""/>"#);
}

/// An SVG image of `paths` in the view box `(x, y, width, height)`, named `label` for
/// screen readers (`role="img"`).
pub fn svg_of(paths: &[PathEl], (vx, vy, vw, vh): (f32, f32, f32, f32), label: &str) -> String {
    let label = label.replace(['<', '>', '&', '"'], " ");
    let mut out = String::with_capacity(2_500 + label.len());
    out.push_str(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox=""#);
    for (i, v) in [vx, vy, vw, vh].into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num(&mut out, v);
    }
    out.push_str(r#"" role="img" aria-label=""#);
    out.push_str(&label);
    out.push_str(r#"">"#);
    for p in paths {
        path_markup(&mut out, p);
    }
    out.push_str("</svg>");
    out
}

/// An SVG image of `shapes` in the view box, named `label` for screen readers, each
/// shape with its ink's class (see [`paths`]).
pub fn svg(shapes: &[Shape], view_box: (f32, f32, f32, f32), label: &str) -> String {
    svg_of(&paths(shapes), view_box, label)
}
