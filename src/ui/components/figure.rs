//! The drawn figure of an exercise: still, looping on the exercise page, or in step with
//! the session in the player. The domain poses it (`domain::library::figure`); this draws it as an
//! SVG image with an accessible name, animating only while it moves.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::library::exercise::Exercise;
use crate::domain::library::figure::{self, Figure, PathEl, Phase, Shape, Worked};
use crate::platform::frames::FrameLoop;
use crate::platform::{self, clock};
use crate::ui::state::AppState;

/// An exercise's figure with what stays the same while it moves (its frame, its two
/// labels and the arrows of its move), worked out once per exercise rather than on every
/// frame.
#[derive(Clone, PartialEq)]
pub struct Drawing {
    figure: Figure,
    view_box: (f32, f32, f32, f32),
    /// The label of the start pose, then of the move.
    labels: [String; 2],
    /// The move's arrow, into the end pose then back, worked on the near side then the far.
    arrows: [Option<Shape>; 4],
}

impl Drawing {
    /// The drawing of `exercise`, if it has a figure.
    pub fn of(exercise: &Exercise) -> Option<Self> {
        let figure = figure::figure(exercise)?;
        let arrow = |i: usize| {
            let worked = if i < 2 { Worked::Near } else { Worked::Far };
            figure::arrow(&figure, worked, i % 2 == 1)
        };
        Some(Drawing {
            view_box: figure::view_box(&figure),
            labels: [false, true].map(|at_end| figure::label(exercise, at_end, figure.work)),
            arrows: [0, 1, 2, 3].map(arrow),
            figure,
        })
    }

    /// The arrow of the move worked on `worked`, into the end pose or `back`.
    fn arrow(&self, worked: Worked, back: bool) -> Option<Shape> {
        let i = 2 * usize::from(worked == Worked::Far) + usize::from(back);
        self.arrows.get(i).copied().flatten()
    }

    /// The paths of the figure at `phase`, with the arrow of the move while it moves
    /// (none while it holds or rests), written over those in `out`.
    fn paths_into(&self, phase: Phase, worked: Worked, out: &mut Vec<PathEl>) {
        let arrow = match phase {
            Phase::In(_) => self.arrow(worked, false),
            Phase::Back(_) => self.arrow(worked, true),
            Phase::Start | Phase::End => None,
        };
        let pose = self.figure.pose_at(phase, worked);
        figure::paths_into(&figure::draw_marked(&self.figure, &pose, None, arrow), out);
    }

    /// The SVG of `paths`; `at_end` names the move in its label.
    fn svg(&self, paths: &[PathEl], at_end: bool) -> String {
        figure::svg_of(paths, self.view_box, &self.labels[usize::from(at_end)])
    }

    /// The SVG of the figure at `phase`, with the arrow of the move while it moves (none
    /// while it holds or rests); `at_end` names the move in its label.
    pub fn markup(&self, phase: Phase, worked: Worked, at_end: bool) -> String {
        let mut paths = Vec::new();
        self.paths_into(phase, worked, &mut paths);
        self.svg(&paths, at_end)
    }

    /// The SVG of the still of the move: the end pose, the start pose faint behind it and
    /// the arrow from one to the other, as exercise handouts draw a move.
    pub fn still(&self) -> String {
        let (start, end) = (self.figure.start(), self.figure.end(Worked::Near));
        let arrow = self.arrow(Worked::Near, false);
        // A person's own exercise has only its start: nothing behind it.
        let ghost = (self.figure.poses.len() > 1).then_some(&start);
        let shapes = figure::draw_marked(&self.figure, &end, ghost, arrow);
        figure::svg(&shapes, self.view_box, &self.labels[1])
    }
}

/// Draws a moving figure into its element, frame after frame. The first frame, and any
/// that changes what is drawn (another exercise or side, the arrow shown or hidden, the
/// label), writes the SVG anew; the others change only the outlines that moved: new
/// elements on every frame cost the browser far more than changed ones.
#[derive(Default)]
pub struct Painter {
    /// What is drawn: the SVG's paths, its frame and its label.
    drawn: Vec<PathEl>,
    /// The paths of the frame before, whose room the next frame's are written in.
    spare: Vec<PathEl>,
    view_box: (f32, f32, f32, f32),
    label: String,
    /// The elements of the paths (found once per SVG written, not on every frame).
    nodes: Vec<web_sys::Element>,
    /// The phase's name in the element's `data-phase`, set only when it changes (a few
    /// times a rep, not on every frame).
    phase: &'static str,
}

impl Painter {
    /// Draws `drawing` at `phase` worked on `worked` into `el`, always the same element
    /// until the painter is cleared; `at_end` names the move in its label.
    pub fn paint(
        &mut self,
        el: &web_sys::Element,
        drawing: &Drawing,
        phase: Phase,
        worked: Worked,
        at_end: bool,
    ) {
        let mut paths = std::mem::take(&mut self.spare);
        drawing.paths_into(phase, worked, &mut paths);
        let label = &drawing.labels[usize::from(at_end)];
        let same_shape = drawing.view_box == self.view_box
            && *label == self.label
            && paths.len() == self.nodes.len()
            && paths.len() == self.drawn.len()
            && paths
                .iter()
                .zip(&self.drawn)
                .all(|(a, b)| a.tag == b.tag && a.class == b.class && a.width == b.width);
        if same_shape {
            for ((new, old), node) in paths.iter().zip(&self.drawn).zip(&self.nodes) {
                if new.d != old.d {
                    let _ = node.set_attribute(new.tag.geometry(), &new.d);
                }
            }
        } else {
            el.set_inner_html(&drawing.svg(&paths, at_end));
            self.view_box = drawing.view_box;
            self.label.clone_from(label);
            self.nodes.clear();
            let mut node = el
                .first_element_child()
                .and_then(|svg| svg.first_element_child());
            while let Some(path) = node {
                node = path.next_element_sibling();
                self.nodes.push(path);
            }
            self.phase = "";
        }
        self.spare = std::mem::replace(&mut self.drawn, paths);
        let name = phase_name(phase);
        if name != self.phase {
            let _ = el.set_attribute("data-phase", name);
            self.phase = name;
        }
    }

    /// Forgets what was drawn, so the next frame writes the SVG anew.
    pub fn clear(&mut self) {
        *self = Painter::default();
    }
}

/// "start", "in", "end" or "back": what the figure shows, for styles and tests.
pub fn phase_name(phase: Phase) -> &'static str {
    match phase {
        Phase::Start => "start",
        Phase::In(_) => "in",
        Phase::End => "end",
        Phase::Back(_) => "back",
    }
}

/// Whether figures may move: the person's setting, and not asked otherwise by the device
/// ("reduce motion"). The device is asked once, here, not on every frame.
pub fn motion_allowed(state: &AppState) -> impl Fn() -> bool + Copy + 'static {
    let reduced = platform::prefers_reduced_motion();
    let settings = state.records.settings;
    move || !reduced && settings.with(|s| s.motion)
}

/// What a moving figure draws from on each frame: its element, what `plan` last read,
/// and its painter.
struct Moving<P> {
    el: Option<web_sys::Element>,
    plan: Option<P>,
    painter: Painter,
}

/// Draws a moving figure into the element of `node`: `plan` reads what the figure
/// depends on (run by an effect, and again whenever any of it changes: a tick, a pause,
/// a setting, the step), and `frame` draws from the plan at a moment, on every animation
/// frame while it returns true (it moves). The frames read nothing reactive and set no
/// signal: both would cost more than the drawing. With no element (not shown) or no
/// plan (nothing to draw), the painter forgets what it drew, so it draws anew once
/// shown again. Stops when the owner goes; nothing runs while the figure is still.
pub fn animate<P: 'static>(
    node: NodeRef<leptos::html::Div>,
    plan: impl Fn() -> Option<P> + 'static,
    frame: impl Fn(&P, i64, &web_sys::Element, &mut Painter) -> bool + 'static,
) {
    let moving = Rc::new(RefCell::new(Moving {
        el: None,
        plan: None,
        painter: Painter::default(),
    }));
    let draw = {
        let moving = Rc::clone(&moving);
        Rc::new(move || {
            let Ok(mut m) = moving.try_borrow_mut() else {
                return false;
            };
            let Moving { el, plan, painter } = &mut *m;
            match (el.as_ref(), plan.as_ref()) {
                (Some(el), Some(plan)) => frame(plan, clock::now(), el, painter),
                (el, _) => {
                    if let Some(el) = el.filter(|_| !painter.drawn.is_empty()) {
                        el.set_inner_html("");
                    }
                    painter.clear();
                    false
                }
            }
        })
    };
    let frames = {
        let draw = Rc::clone(&draw);
        StoredValue::new_local(FrameLoop::new(move || draw()))
    };
    on_cleanup(move || {
        frames.try_with_value(FrameLoop::stop);
    });
    Effect::new(move |_| {
        let el = node.get().map(web_sys::Element::from);
        let plan = plan();
        if let Ok(mut m) = moving.try_borrow_mut() {
            if m.el != el {
                // Another element (shown again): drawn anew.
                m.painter.clear();
                m.el = el;
            }
            m.plan = plan;
        }
        // While frames come, they go on as long as it moves.
        if draw() && frames.try_with_value(FrameLoop::running) == Some(false) {
            frames.try_with_value(FrameLoop::start);
        }
    });
}

/// A still of `exercise`'s figure: its end pose (the move), or its start, drawn at once.
/// Not for the first load's pages, whose stills are [`LaterStill`]s: using this one there
/// would bring the drawing code back into the first load.
#[component]
pub fn FigureStill(
    /// The exercise drawn.
    exercise: Exercise,
    /// Show the start pose instead of the end.
    #[prop(optional)]
    start: bool,
    /// Extra class, for the size it is shown at.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let html = still_markup(&exercise, start);
    (!html.is_empty())
        .then(|| view! { <div class=format!("figure still {class}") inner_html=html></div> })
}

/// The still of `exercise`'s end pose drawn just after the page has been painted, not
/// before: for lists of many figures, so a tap that opens the list is answered at once.
/// The drawing code is fetched then, the first time (see `still_drawer`).
#[component]
pub fn LaterStill(
    /// The exercise drawn.
    exercise: Exercise,
    /// Extra class, for the size it is shown at (fixed by the class, so a still drawn
    /// later moves nothing).
    class: &'static str,
) -> impl IntoView {
    let html = RwSignal::new(String::new());
    crate::ui::after_next_paint(move || {
        leptos::task::spawn_local(async move {
            // Not fetched (offline on a first visit): the frame stays empty, its size
            // kept by its class, and the next page that draws one tries again.
            if let Ok(draw) = still_drawer().await {
                html.try_set(draw(&exercise, false));
            }
        });
    });
    view! { <div class=format!("figure still {class}") inner_html=move || html.get()></div> }
}

crate::ui::piece! {
    /// What draws a still, for stills drawn after the page's first paint (Today's list
    /// is the only place the first load shows figures, so their code waits for it).
    fn still_drawer() -> fn(&Exercise, bool) -> String { still_markup } in figure_stills_piece
}

/// The SVG of a still: the library's drawn once per exercise and pose for as long as the
/// app runs; a person's own (which may change) drawn each time.
fn still_markup(exercise: &Exercise, start: bool) -> String {
    thread_local! {
        static STILLS: std::cell::RefCell<Vec<(&'static str, bool, String)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let fixed = match &exercise.id {
        std::borrow::Cow::Borrowed(id) => Some(*id),
        std::borrow::Cow::Owned(_) => None,
    };
    let cached = STILLS.with(|s| {
        s.borrow()
            .iter()
            .find(|(id, at_start, _)| Some(*id) == fixed && *at_start == start)
            .map(|(_, _, html)| html.clone())
    });
    cached.unwrap_or_else(|| {
        let html = Drawing::of(exercise)
            .map(|d| {
                if start {
                    d.markup(Phase::Start, Worked::Near, false)
                } else {
                    d.still()
                }
            })
            .unwrap_or_default();
        if let Some(id) = fixed {
            STILLS.with(|s| s.borrow_mut().push((id, start, html.clone())));
        }
        html
    })
}

/// The exercise page's figure: the move playing in a loop, with a pause control; the
/// start and end poses labelled beneath. With less motion asked for, only the two poses.
#[component]
pub fn FigureLoop(
    /// The exercise drawn.
    exercise: Exercise,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(drawing) = Drawing::of(&exercise) else {
        return ().into_any();
    };
    let playing = RwSignal::new(true);
    let started = clock::now();
    let allowed = motion_allowed(&state);
    let node = NodeRef::new();
    animate(
        node,
        move || Some(playing.get() && allowed()),
        move |&moves, now, el, painter| {
            let phase = figure::loop_phase(now - started).0;
            painter.paint(el, &drawing, phase, Worked::Near, true);
            moves
        },
    );
    view! {
        <div class="figure-block">
            <Show when=allowed>
                <div class="figure moving" node_ref=node></div>
                <button
                    class="secondary figure-pause"
                    aria-pressed=move || (!playing.get()).to_string()
                    on:click=move |_| playing.update(|p| *p = !*p)
                >
                    {move || if playing.get() { "Pause the figure" } else { "Play the figure" }}
                </button>
            </Show>
            <div class="figure-frames">
                <figure>
                    <FigureStill exercise=exercise.clone() start=true />
                    <figcaption>"Start"</figcaption>
                </figure>
                <figure>
                    <FigureStill exercise />
                    <figcaption>"End"</figcaption>
                </figure>
            </div>
        </div>
    }
    .into_any()
}
