//! The player's figure: the exercise's pose in step with the session's own timestamps,
//! so after a lock, a hidden tab or a reload it is in the right pose at once. Frames are
//! drawn only while the figure moves.

use leptos::prelude::*;

use super::player::Player;
use crate::domain::library::figure::{self, Phase, RepKind, Worked};
use crate::domain::session::{Movement, Side, Status, StepKind};
use crate::platform::clock;
use crate::ui::components::figure::{animate, motion_allowed, phase_name, Drawing, Painter};

/// The figure of the step being played.
#[component]
pub(super) fn PlayerFigure(
    /// The player of the session.
    player: Player,
    /// True while the person has paused the figure (it then shows the step's pose).
    still: RwSignal<bool>,
) -> impl IntoView {
    let frame = RwSignal::new(clock::now());
    let allowed = motion_allowed(&player.state);
    let motion = move || allowed() && !still.get();
    // Where the session is at the player's tick (which comes at every step's start and
    // end): asked of the session only then, not on every frame (it works out the whole
    // timeline).
    let anchor = Memo::new(move |_| {
        let now = player.now.get();
        let snap = player.session.with(|s| s.at(now));
        (snap.step, snap.step_elapsed_ms, now, snap.status)
    });
    // Where the figure is: that step, as far in as the last frame.
    let shown = Memo::new(move |_| {
        let (step_at, elapsed_at, at, status) = anchor.get();
        let elapsed = if status == Status::Running {
            elapsed_at + (frame.get() - at).max(0)
        } else {
            elapsed_at
        };
        let motion = motion();
        player.steps.with_value(|steps| {
            let step = steps.get(step_at)?;
            let kind = match step.kind {
                StepKind::Work(Movement::Hold) => RepKind::Hold,
                StepKind::Work(Movement::Paced) => RepKind::Paced,
                StepKind::Work(Movement::Tapped | Movement::Minutes) => RepKind::Loop,
                _ => RepKind::Still,
            };
            let (phase, moving) = if motion {
                figure::rep_phase(kind, elapsed, step.duration_ms)
            } else if step.is_work() {
                (Phase::End, false)
            } else {
                (Phase::Start, false)
            };
            let worked = if step.side == Some(Side::Right) {
                Worked::Far
            } else {
                Worked::Near
            };
            Some(Shown {
                step: step_at,
                phase,
                worked,
                moving: moving && status == Status::Running,
            })
        })
    });
    animate(
        Signal::derive(move || shown.with(|s| s.is_some_and(|s| s.moving))),
        frame,
    );
    // The exercise is looked up once per step, and its drawing made once per exercise,
    // not on every frame.
    let step = Memo::new(move |_| shown.with(|s| s.map(|s| s.step)));
    let exercise = Memo::new(move |_| {
        let i = step.get()?;
        let id = player
            .steps
            .with_value(|steps| Some(steps.get(i)?.exercise_id.clone()))?;
        player.state.exercise(&id)
    });
    let drawing = Memo::new(move |_| exercise.with(|e| e.as_ref().and_then(Drawing::of)));
    let phase = move || shown.with(|s| s.map_or(Phase::Start, |s| s.phase));
    // Its name changes a few times a rep, not on every frame as the phase does: the
    // attribute is set only then.
    let phase_label = Memo::new(move |_| phase_name(phase()));
    // One element for the whole session; each frame changes only what moved in it.
    let node = NodeRef::<leptos::html::Div>::new();
    let painter = StoredValue::new_local(Painter::default());
    Effect::new(move |_| {
        let shown = shown.get();
        let Some(el) = node.get() else {
            painter.update_value(Painter::clear);
            return;
        };
        drawing.with(|d| match (d, shown) {
            (Some(d), Some(s)) => painter.update_value(|p| {
                p.paint(&el, d, s.phase, s.worked, s.phase != Phase::Start);
            }),
            _ => {
                el.set_inner_html("");
                painter.update_value(Painter::clear);
            }
        });
    });
    view! {
        <Show when=move || drawing.with(Option::is_some)>
            <div class="figure player-figure" data-phase=phase_label node_ref=node></div>
        </Show>
    }
}

/// What the player's figure shows at a moment.
#[derive(Clone, Copy, PartialEq)]
struct Shown {
    /// The step, in the session's list.
    step: usize,
    phase: Phase,
    worked: Worked,
    /// Whether it moves now (so frames are drawn).
    moving: bool,
}
