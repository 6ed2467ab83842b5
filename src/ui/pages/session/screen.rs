//! The session screen while a session is in play: the whole screen, nothing to scroll.
//! The figure is the largest thing, one big time under it, and the controls a thumb
//! reaches at the bottom (It hurts, then Back, Pause, Skip). Ending, the steps in words
//! and the pace are one tap away at the top; they open in the figure's place, the time
//! and the controls staying where they are.

use leptos::prelude::*;

use super::actions::{Actions, Sheet};
use super::figure::PlayerFigure;
use super::player::{clock_text, counters, phase_label, Player};
use crate::domain::session::{Snapshot, Status, Step};
use crate::ui::components::figure::motion_allowed;
use crate::ui::components::preferences::{PaceControls, Volume};

/// The keyboard shortcuts, as the session lists them.
pub(super) const KEYS: &str =
    "With a keyboard: Space pauses and resumes, the right arrow goes to the next step and the left arrow back to the one before.";

/// The figure of the step being played, with its own pause (WCAG 2.2.2: for this
/// session, beside the setting).
#[component]
pub(super) fn FigureBox(
    /// The player of the session.
    player: Player,
    /// True while held still.
    still: RwSignal<bool>,
) -> impl IntoView {
    let allowed = motion_allowed(&player.state);
    view! {
        <div class="session-figure">
            <PlayerFigure player still />
            <Show when=allowed>
                <button
                    class="figure-toggle"
                    aria-pressed=move || still.get().to_string()
                    aria-label="Keep the figure still"
                    on:click=move |_| still.update(|s| *s = !*s)
                >
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        {move || if still.get() {
                            view! { <path d="M8 5v14l11-7z" /> }.into_any()
                        } else {
                            view! { <path d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z" /> }.into_any()
                        }}
                    </svg>
                </button>
            </Show>
        </div>
    }
}

/// Where the session is, as the screen shows it.
#[derive(Clone, Copy)]
pub(super) struct Now {
    /// Where the session is now.
    pub(super) snap: Memo<Snapshot>,
    /// The step being played.
    pub(super) step: Signal<Option<Step>>,
    /// What plays next, in words.
    pub(super) next: Signal<Option<String>>,
}

/// The step being played in words: phase, name, counters, the time left and what comes
/// next.
#[component]
pub(super) fn NowText(
    /// The session's controls (and its player).
    actions: Actions,
    /// Where the session is.
    now: Now,
) -> impl IntoView {
    let player = actions.player;
    let Now { snap, step, next } = now;
    let status = move || snap.with(|s| s.status);
    view! {
        // data-step and data-ends-at let end-to-end tests check step boundaries to the
        // millisecond without knowing the timeline.
        <section
            class="card player"
            aria-label="Now"
            data-step=move || snap.with(|s| s.step)
            data-ends-at=move || {
                let t = player.now.get();
                snap.with(|s| s.remaining_ms.map(|r| t + r))
            }
        >
            {move || step.get().map(|st| view! {
                <p class="phase">{phase_label(&st)}</p>
                <h2 class="exercise-name">{st.exercise_name().to_string()}</h2>
                <p class="counters">{counters(&st)}</p>
            })}
            <Show
                when=move || status() == Status::Running && snap.with(|s| s.remaining_ms.is_none())
                fallback=move || view! {
                    <div class="timer" role="timer" aria-label="Time left in this step">
                        {move || snap.with(|s| s.remaining_ms.map(clock_text))}
                    </div>
                }
            >
                <button class="done-button" on:click=move |_| actions.rep_done()>
                    "Done"
                </button>
            </Show>
            <p class="next">{move || next.get().map(|n| format!("Next: {n}"))}</p>
        </section>
    }
}

/// The running session's screen.
#[component]
pub(super) fn SessionScreen(
    /// The session's controls.
    actions: Actions,
    /// Where the session is.
    now: Now,
    /// The routine's name.
    routine_name: String,
) -> impl IntoView {
    let Now { snap, step, .. } = now;
    let player = actions.player;
    let state = player.state;
    let sheet = actions.sheet;
    let status = move || snap.with(|s| s.status);
    // A button at the top that opens a sheet, or closes it again: its full name, and
    // the short label it shows.
    let sheet_button = move |which: Sheet, name: &'static str, label: &'static str| {
        view! {
            <button
                class="bar-button"
                aria-label=name
                aria-expanded=move || (sheet.get() == which).to_string()
                on:click=move |_| sheet.update(|s| *s = if *s == which { Sheet::None } else { which })
            >
                {label}
            </button>
        }
    };
    let asking = move || sheet.get() == Sheet::Stop;
    let how = move || {
        step.get()
            .and_then(|st| state.exercise(&st.exercise_id))
            .map(|e| {
                view! {
                    <h2>{e.name.to_string()}</h2>
                    <ol class="steps">{e.steps.iter().map(|s| view! { <li>{s.to_string()}</li> }).collect_view()}</ol>
                }
            })
    };
    let stop_heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = stop_heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <div class="session-screen">
            <div class="session-bar">
                <button class="bar-button" on:click=move |_| actions.ask_stop()>
                    "Stop"
                </button>
                <p class="bar-title">{routine_name}</p>
                {sheet_button(Sheet::How, "How to do it", "How to")}
                {sheet_button(Sheet::Pace, "Pace and sound", "Pace")}
            </div>
            <progress
                class="routine-progress"
                max="100"
                value=move || snap.with(|s| (s.progress * 100.0).round() as i32)
                aria-label="Progress through the routine"
            ></progress>
            // A sheet opens in the figure's place: the time stays in sight.
            {move || match sheet.get() {
                Sheet::None => view! { <FigureBox player still=actions.still /> }.into_any(),
                Sheet::How => view! {
                    <section class="card session-sheet" aria-label="How to do it">
                        {how}
                        <button class="secondary" on:click=move |_| sheet.set(Sheet::None)>"Back to the exercise"</button>
                    </section>
                }
                .into_any(),
                Sheet::Pace => view! {
                    <section class="card session-sheet" aria-label="Pace and sound">
                        <PaceControls prefix="player" />
                        <Volume />
                        <p class="hint">"Changes apply from the next step, and stay for next time."</p>
                        <p class="hint keys">{KEYS}</p>
                        <button class="secondary" on:click=move |_| sheet.set(Sheet::None)>"Back to the exercise"</button>
                    </section>
                }
                .into_any(),
                Sheet::Stop => view! {
                    <section class="card session-sheet stop-question" aria-labelledby="stop-heading">
                        <h2 id="stop-heading" tabindex="-1" node_ref=stop_heading>"End the session?"</h2>
                        <p>"It is paused. What you have done so far is kept, and you can say how your back feels next."</p>
                        <div class="actions">
                            <button on:click=move |_| actions.end()>"End the session"</button>
                            <button class="secondary" on:click=move |_| actions.keep_going()>"Keep going"</button>
                        </div>
                    </section>
                }
                .into_any(),
            }}
            <Show when=move || !asking()>
                <NowText actions now />
                <button class="hurts" on:click=move |_| actions.open_hurt()>"It hurts"</button>
                <div class="controls">
                    <button class="secondary" aria-keyshortcuts="ArrowLeft" on:click=move |_| actions.back()>
                        "Back"
                    </button>
                    <button
                        class="big"
                        node_ref=actions.main
                        aria-keyshortcuts="Space"
                        on:click=move |_| actions.toggle()
                    >
                        {move || if status() == Status::Paused { "Resume" } else { "Pause" }}
                    </button>
                    <button class="secondary" aria-keyshortcuts="ArrowRight" on:click=move |_| actions.skip()>
                        "Skip"
                    </button>
                </div>
            </Show>
        </div>
    }
}
