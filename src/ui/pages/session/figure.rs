//! The player's figure: the exercise's pose in step with the session's own timestamps,
//! so after a lock, a hidden tab or a reload it is in the right pose at once. Frames are
//! drawn only while the figure moves.

use leptos::prelude::*;

use super::player::Player;
use crate::domain::catalog;
use crate::domain::figure::{self, Phase, RepKind, Worked};
use crate::domain::session::{Movement, Side, Status, StepKind};
use crate::platform::clock;
use crate::ui::components::figure::{animate, markup, motion_allowed, phase_name};

/// The figure of the step being played.
#[component]
pub(super) fn PlayerFigure(
    /// The player of the session.
    player: Player,
) -> impl IntoView {
    let frame = RwSignal::new(clock::now());
    let state = player.state;
    // Where the figure is: the step at the later of the player's tick and the last frame.
    let shown = Memo::new(move |_| {
        let t = frame.get().max(player.now.get());
        let snap = player.session.with(|s| s.at(t));
        let motion = motion_allowed(&state);
        player.steps.with_value(|steps| {
            let step = steps.get(snap.step)?;
            let exercise = catalog::get(&step.exercise_id)?;
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
            Some((
                exercise,
                phase,
                worked,
                moving && snap.status == Status::Running,
            ))
        })
    });
    animate(
        Signal::derive(move || shown.with(|s| s.is_some_and(|s| s.3))),
        frame,
    );
    move || {
        shown.get().and_then(|(exercise, phase, worked, _)| {
            let f = figure::figure(exercise.id)?;
            let pose = f.pose_at(phase, worked);
            let html = markup(exercise, &f, &pose, phase != Phase::Start);
            Some(view! {
                <div class="figure player-figure" data-phase=phase_name(phase) inner_html=html></div>
            })
        })
    }
}
