//! The player's figure: the exercise's pose in step with the session's own timestamps,
//! so after a lock, a hidden tab or a reload it is in the right pose at once. Frames are
//! drawn only while the figure moves.

use leptos::prelude::*;

use super::player::Player;
use crate::domain::library::figure::{self, Phase, RepKind, Worked};
use crate::domain::session::{Movement, Side, Status, StepKind};
use crate::platform::clock;
use crate::ui::components::figure::{animate, motion_allowed, phase_name, Drawing};

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
    // Where the figure is: the step at the later of the player's tick and the last frame.
    let shown = Memo::new(move |_| {
        let t = frame.get().max(player.now.get());
        let snap = player.session.with(|s| s.at(t));
        let motion = motion();
        player.steps.with_value(|steps| {
            let step = steps.get(snap.step)?;
            let kind = match step.kind {
                StepKind::Work(Movement::Hold) => RepKind::Hold,
                StepKind::Work(Movement::Paced) => RepKind::Paced,
                StepKind::Work(Movement::Tapped | Movement::Minutes) => RepKind::Loop,
                _ => RepKind::Still,
            };
            let (phase, moving) = if motion {
                figure::rep_phase(kind, snap.step_elapsed_ms, step.duration_ms)
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
                step: snap.step,
                phase,
                worked,
                moving: moving && snap.status == Status::Running,
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
    // One element for the whole session; each frame only replaces the drawing in it.
    let html = move || {
        let Some(s) = shown.get() else {
            return String::new();
        };
        drawing.with(|d| {
            d.as_ref().map_or_else(String::new, |d| {
                d.markup(s.phase, s.worked, s.phase != Phase::Start)
            })
        })
    };
    view! {
        <Show when=move || drawing.with(Option::is_some)>
            <div class="figure player-figure" data-phase=move || phase_name(phase()) inner_html=html></div>
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
