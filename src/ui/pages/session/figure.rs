//! The player's figure: the exercise's pose in step with the session's own timestamps,
//! so after a lock, a hidden tab or a reload it is in the right pose at once. Frames are
//! drawn only while the figure moves.

use leptos::prelude::*;

use super::player::Player;
use crate::domain::library::figure::{self, Phase, RepKind, Worked};
use crate::domain::session::{Movement, Side, Status, StepKind};
use crate::ui::components::figure::{animate, motion_allowed, Drawing};

/// The figure of the step being played.
#[component]
pub(super) fn PlayerFigure(
    /// The player of the session.
    player: Player,
    /// True while the person has paused the figure (it then shows the step's pose).
    still: RwSignal<bool>,
) -> impl IntoView {
    let allowed = motion_allowed(&player.state);
    // Where the session is at the player's tick (which comes at every step's start and
    // end): asked of the session only then, not on every frame (it works out the whole
    // timeline).
    let anchor = Memo::new(move |_| {
        let now = player.now.get();
        let snap = player.session.with(|s| s.at(now));
        (snap.step, snap.step_elapsed_ms, now, snap.status)
    });
    // The exercise is looked up once per step, and its drawing made once per exercise,
    // not on every frame.
    let step = Memo::new(move |_| anchor.get().0);
    let exercise = Memo::new(move |_| {
        let i = step.get();
        let id = player
            .steps
            .with_value(|steps| Some(steps.get(i)?.exercise_id.clone()))?;
        player.state.exercise(&id)
    });
    let drawing = Memo::new(move |_| exercise.with(|e| e.as_ref().and_then(Drawing::of)));
    // One element for the whole session; each frame changes only what moved in it.
    let node = NodeRef::new();
    animate(
        node,
        // What the step shows, and where the session was at the tick.
        move || {
            let (at_step, elapsed_ms, at, status) = anchor.get();
            let step = player
                .steps
                .with_value(|steps| steps.get(at_step).cloned())?;
            let kind = match step.kind {
                StepKind::Work(Movement::Hold) => RepKind::Hold,
                StepKind::Work(Movement::Paced) => RepKind::Paced,
                StepKind::Work(Movement::Tapped | Movement::Minutes) => RepKind::Loop,
                _ => RepKind::Still,
            };
            Some(Plan {
                drawing: drawing.get()?,
                kind,
                duration_ms: step.duration_ms,
                work: step.is_work(),
                worked: if step.side == Some(Side::Right) {
                    Worked::Far
                } else {
                    Worked::Near
                },
                elapsed_ms,
                at,
                running: status == Status::Running,
                motion: allowed() && !still.get(),
            })
        },
        // What the figure shows at `now`: that step, as far in as `now`.
        |plan, now, el, painter| {
            let elapsed = if plan.running {
                plan.elapsed_ms + (now - plan.at).max(0)
            } else {
                plan.elapsed_ms
            };
            let (phase, moving) = if plan.motion {
                figure::rep_phase(plan.kind, elapsed, plan.duration_ms)
            } else if plan.work {
                (Phase::End, false)
            } else {
                (Phase::Start, false)
            };
            painter.paint(el, &plan.drawing, phase, plan.worked, phase != Phase::Start);
            moving && plan.running
        },
    );
    view! {
        <Show when=move || drawing.with(Option::is_some)>
            <div class="figure player-figure" node_ref=node></div>
        </Show>
    }
}

/// What the player's figure is drawn from between two ticks.
struct Plan {
    drawing: Drawing,
    kind: RepKind,
    duration_ms: Option<i64>,
    /// A step of work (shown in its end pose when the figure does not move).
    work: bool,
    worked: Worked,
    /// How far into the step the session was at `at`.
    elapsed_ms: i64,
    at: i64,
    running: bool,
    /// Whether the figure may move (the setting, and not paused by the person).
    motion: bool,
}
