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

/// The kind of element a shape is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// An outline (`d`): the setting's circles and rounded rectangles, which never move
    /// and are filled in one colour and edged in another, and the water (a tint, with
    /// no edge).
    Path,
    /// A line through points (`points`): limbs, the head (a dot as wide as the head),
    /// arrows.
    Polyline,
    /// A closed outline through points (`points`): what is carried.
    Polygon,
}

impl Tag {
    /// The element's name.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Path => "path",
            Tag::Polyline => "polyline",
            Tag::Polygon => "polygon",
        }
    }

    /// The attribute that holds its outline. A moving figure changes only this: a
    /// polyline's `points`, unlike a path's `d`, is not a style property, so changing it
    /// costs the browser no style work on every frame.
    pub fn geometry(self) -> &'static str {
        match self {
            Tag::Path => "d",
            Tag::Polyline | Tag::Polygon => "points",
        }
    }
}

/// One element of a figure's SVG: its kind, its class, its stroke width (none for a
/// filled outline) and its outline (`d` or `points`). A moving figure keeps its
/// elements from frame to frame and changes only the outlines that moved.
#[derive(Debug, Clone, PartialEq)]
pub struct PathEl {
    pub tag: Tag,
    pub class: &'static str,
    /// In tenths of a unit.
    pub width: Option<i32>,
    pub d: String,
}

/// The elements of `shapes`, in drawing order: lines drawn one after another in the same
/// ink and width, each starting where the last ended, as one polyline (never filled: the
/// app's styles say so, or the ink's fill would fill the space a bent limb encloses); a
/// circle as a dot (a polyline of one point, as wide as the circle); a rectangle as a
/// polygon whose rounded joins round its corners; an arrow as one polyline. The
/// setting's circles and rectangles and the water stay outlines.
pub fn paths(shapes: &[Shape]) -> Vec<PathEl> {
    let mut out = Vec::new();
    paths_into(shapes, &mut out);
    out
}

/// The elements of `shapes` (see [`paths`]) written over those in `out`, reusing the
/// room of their text: a moving figure writes its elements on every frame, and
/// allocating them anew each time costs more than writing them.
pub fn paths_into(shapes: &[Shape], out: &mut Vec<PathEl>) {
    // How many of `out`'s elements are written.
    let mut n: usize = 0;
    // The ink, width and end of the last polyline, while lines may join it.
    let mut open: Option<(Ink, f32, Point)> = None;
    for s in shapes {
        if let (Shape::Line { a, b, width, ink }, Some(last)) = (*s, n.checked_sub(1)) {
            if open == Some((ink, width, a)) {
                let d = &mut out[last].d;
                d.push(' ');
                point(d, b, ' ');
                open = Some((ink, width, b));
                continue;
            }
        }
        if n == out.len() {
            out.push(PathEl {
                tag: Tag::Path,
                class: "",
                width: None,
                d: String::new(),
            });
        }
        let el = &mut out[n];
        n += 1;
        let d = &mut el.d;
        d.clear();
        open = None;
        let (tag, class, width) = match *s {
            Shape::Line { a, b, width, ink } => {
                point(d, a, ' ');
                d.push(' ');
                point(d, b, ' ');
                open = Some((ink, width, b));
                (Tag::Polyline, ink_class(ink), Some(width))
            }
            Shape::Circle { c, r, ink } if ink == Ink::Setting => {
                // Two half circles.
                d.push('M');
                point(d, Point::new(c.x - r, c.y), ' ');
                for dx in [2.0 * r, -2.0 * r] {
                    d.push('a');
                    num(d, r);
                    d.push(' ');
                    num(d, r);
                    d.push_str(" 0 1 0 ");
                    point(d, Point::new(dx, 0.0), ' ');
                }
                (Tag::Path, ink_class(ink), None)
            }
            Shape::Circle { c, r, ink } => {
                point(d, c, ' ');
                d.push(' ');
                point(d, c, ' ');
                (Tag::Polyline, ink_class(ink), Some(2.0 * r))
            }
            // The water has no stroke (it is a tint): its outline is its own.
            Shape::Rect { x, y, w, h, ink } if matches!(ink, Ink::Setting | Ink::Water) => {
                rounded(d, x, y, w, h);
                (Tag::Path, ink_class(ink), None)
            }
            Shape::Rect { x, y, w, h, ink } => {
                // The corners' rounding is the stroke's: the outline set in by its radius.
                let r = corner(w, h);
                let (x0, y0, x1, y1) = (x + r, y + r, x + w - r, y + h - r);
                for (i, (px, py)) in [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
                    .into_iter()
                    .enumerate()
                {
                    if i > 0 {
                        d.push(' ');
                    }
                    point(d, Point::new(px, py), ' ');
                }
                (Tag::Polygon, ink_class(ink), Some(2.0 * r))
            }
            Shape::Arrow { points } => {
                arrow(d, &points);
                (Tag::Polyline, "fig-arrow", Some(2.2))
            }
        };
        el.tag = tag;
        el.class = class;
        el.width = width.map(|w| (w * 10.0).round() as i32);
    }
    out.truncate(n);
}

/// The radius of a rectangle's rounded corners: 2 units, less for a small one.
fn corner(w: f32, h: f32) -> f32 {
    2.0_f32.min(w / 2.0).min(h / 2.0)
}

/// A rectangle with corners rounded by 2 units, as an outline.
fn rounded(d: &mut String, x: f32, y: f32, w: f32, h: f32) {
    let r = corner(w, h);
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

/// An arrow through `points`, as the points of one line: its shaft, then its head at the
/// last point (out to one side, back to the tip, out to the other), along the shaft's last
/// stretch.
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
        if i > 0 {
            d.push(' ');
        }
        point(d, p, ' ');
    }
}

/// Writes one element.
fn path_markup(out: &mut String, p: &PathEl) {
    out.push('<');
    out.push_str(p.tag.name());
    out.push_str(r#" class=""#);
    out.push_str(p.class);
    if let Some(w) = p.width {
        out.push_str(r#"" stroke-width=""#);
        num(out, w as f32 / 10.0);
    }
    out.push_str(r#"" "#);
    out.push_str(p.tag.geometry());
    out.push_str(r#"=""#);
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
    // Joins rounded as the lines' ends are: a bent limb's joint, a carried box's corners.
    out.push_str(r#"" stroke-linejoin="round" role="img" aria-label=""#);
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
