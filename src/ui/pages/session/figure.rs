//! The player's figure: the exercise's pose in step with the session's own timestamps,
//! so after a lock, a hidden tab or a reload it is in the right pose at once. Frames are
//! drawn only while the figure moves.

use leptos::prelude::*;

use super::player::Player;
use crate::domain::library::figure::{self, Phase, RepKind, Worked};
use crate::domain::session::{Movement, Side, Status, StepKind};
use crate::ui::components::figure::{animate, motion_allowed, Drawing, Surface};

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
    // What the figure shows at `now`: that step, as far in as `now`.
    let shown_at = move |now: i64| {
        let (step_at, elapsed_at, at, status) = anchor.try_get()?;
        let elapsed = if status == Status::Running {
            elapsed_at + (now - at).max(0)
        } else {
            elapsed_at
        };
        let motion = allowed() && still.try_get() == Some(false);
        player.steps.try_with_value(|steps| {
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
                phase,
                worked,
                moving: moving && status == Status::Running,
            })
        })?
    };
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
    let surface = Surface::default();
    let node = surface.node;
    let draw = animate(move |now| {
        let shown = shown_at(now);
        surface.paint(|el, painter| {
            drawing
                .try_with(|d| match (d, shown) {
                    (Some(d), Some(s)) => {
                        painter.paint(el, d, s.phase, s.worked, s.phase != Phase::Start);
                        s.moving
                    }
                    _ => {
                        el.set_inner_html("");
                        painter.clear();
                        false
                    }
                })
                .unwrap_or(false)
        })
    });
    // Drawn anew at each tick, pause, setting or step; frames follow while it moves.
    Effect::new(move |_| draw());
    view! {
        <Show when=move || drawing.with(Option::is_some)>
            <div class="figure player-figure" node_ref=node></div>
        </Show>
    }
}

/// What the player's figure shows at a moment.
#[derive(Clone, Copy, PartialEq)]
struct Shown {
    phase: Phase,
    worked: Worked,
    /// Whether it moves now (so frames are drawn).
    moving: bool,
}
