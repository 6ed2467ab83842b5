//! `/session/<routine>`: the guided session player.
//!
//! The session's truth is its state machine in `domain::session`, driven by timestamps.
//! This page only asks it "where are we now?" on a self-adjusting timer (woken at the
//! next whole second or step boundary, so nothing drifts and little runs), plays the
//! cues it returns, and saves it after every change so a reload resumes it.

mod figure;
mod hurt;
mod pending;
mod player;
mod summary;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::catalog;
use crate::domain::routine::Routine;
use crate::domain::session::{HurtAbout, Resume, SavedSession, Session, Status};
use crate::domain::settings::Settings;
use crate::platform::{audio, clock, speech, wake_lock};
use crate::ui::components::missing::Missing;
use crate::ui::components::page::Page;
use crate::ui::components::pain_scale::PainScale;
use crate::ui::components::preferences::{PaceControls, Volume};
use crate::ui::components::safety_check::{AdviceNote, ExerciseGate};
use crate::ui::state::AppState;

use figure::PlayerFigure;
use hurt::HurtView;
use pending::PendingChoice;
use player::{clock_text, counters, phase_label, DeviceNotes, Player};
use summary::SessionSummary;

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("routine")).unwrap_or_default();
        let state = expect_context::<AppState>();
        match state
            .routine(&id)
            .map(|r| state.records.plan.with_untracked(|p| p.apply(&r)))
        {
            Some(routine) if routine.items.is_empty() => view! {
                <Missing
                    title="Nothing left to play"
                    text="You set aside every exercise of this routine as not for you. You can bring them back from their pages in the library."
                    back_to="/library"
                    back_label="Go to the library"
                />
            }
            .into_any(),
            // After an urgent safety answer, the emergency advice instead: a typed-in
            // address or a session in progress opens no exercise either.
            Some(routine) => view! {
                <ExerciseGate page_title="Session">
                    <PlayerView routine=routine.clone() />
                </ExerciseGate>
            }
            .into_any(),
            None => view! {
                <Missing
                    title="Routine not found"
                    text="There is no routine at this address."
                    back_to="/"
                    back_label="Go to Today"
                />
            }
            .into_any(),
        }
    }
}

/// The "It hurts" panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum HurtPanel {
    Closed,
    /// Asking how bad it is, about what the session says it is about; before anything
    /// was played ([`HurtAbout::Ask`]), asking too whether it is about the exercise
    /// coming next, or none.
    Asking(HurtAbout),
    /// Answered with this rating, about this exercise (`None`: no exercise).
    Rated {
        rating: u8,
        about: Option<String>,
    },
}

/// A session saved earlier that needs a decision before this one starts.
#[derive(Clone)]
pub(super) enum Pending {
    /// Left over an hour ago.
    Stale(Session),
    /// Another routine, still in progress.
    Other(Session),
}

#[component]
fn PlayerView(
    /// The routine to play, as the person plays it.
    routine: Routine,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let now = clock::now();
    let saved = state.load_record::<SavedSession>("session in progress");
    // The voice describes an exercise as the setting says, counting the sessions that
    // tried it before (and not at all with the voice off: no get-ready grows for it).
    let (voice, describe) = state
        .records
        .settings
        .with_untracked(|s| (s.voice, s.describe));
    let fresh = || {
        state.records.sessions.with_untracked(|log| {
            routine.session(clock::salt(), |id| {
                voice && describe.wants(log.times_done(id))
            })
        })
    };
    let (session, pending) = match saved.resume(&routine.id, now) {
        Resume::Fresh => (fresh(), None),
        Resume::Continue(s) => (s, None),
        Resume::EndedWhileAway(record) => {
            state.log_session(record);
            state.save(&SavedSession::default(), "session in progress");
            (fresh(), None)
        }
        Resume::Stale(s) => (fresh(), Some(Pending::Stale(s))),
        Resume::Other(s) => (fresh(), Some(Pending::Other(s))),
    };
    // Paced as the settings say: all of a fresh session, the rest of one resumed.
    let mut session = session;
    session.set_pace(now, state.records.settings.with_untracked(Settings::pace));
    let pending = RwSignal::new(pending);
    let player = Player {
        state,
        steps: StoredValue::new(session.timeline()),
        session: RwSignal::new(session),
        now: RwSignal::new(now),
        logged: StoredValue::new(false),
        timer: StoredValue::new(None),
        wake_problem: RwSignal::new(None),
        cues_ready: RwSignal::new(audio::is_unlocked()),
    };
    player.tick();
    state.playing.set(true);
    // A change of pace in the settings (another tab, say) applies from the next step.
    Effect::new(move |_| {
        let pace = state.records.settings.with(Settings::pace);
        player.repace(pace);
    });
    // The beeps' audio context, made while the person looks at the page, not while the
    // Start button waits for it.
    if state.records.settings.get_untracked().sound {
        crate::ui::after_next_paint(audio::prepare);
    }

    // Back from a locked screen or another tab: catch up at once, keep the screen on.
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Visible {
            player.tick();
            if player.snapshot().status == Status::Running {
                player.keep_awake();
            }
        }
    });
    on_cleanup(move || {
        state.playing.try_set(false);
        visibility.remove();
        if let Some(Some(timer)) = player.timer.try_get_value() {
            timer.clear();
        }
        wake_lock::release();
        speech::silence();
    });

    let snap = Memo::new(move |_| player.session.with(|s| s.at(player.now.get())));
    // The step and the status change far less often than the time left: what shows
    // only them is not redone on every tick.
    let index = Memo::new(move |_| snap.with(|s| s.step));
    let status = Memo::new(move |_| snap.with(|s| s.status));
    let status = move || status.get();
    let step = move || {
        let index = index.get();
        player.steps.with_value(|steps| steps.get(index).cloned())
    };
    // What plays next, as the session decides it: an exercise stopped for pain is
    // passed over (an own routine may hold it again later).
    let next_index = Memo::new(move |_| player.session.with(|s| s.next_step(player.now.get())));
    let next = move || {
        let current = index.get();
        let index = next_index.get()?;
        player.steps.with_value(|steps| {
            let next = steps.get(index)?;
            let same = steps.get(current).map(|s| s.exercise) == Some(next.exercise);
            // Within an exercise, the next rep by its counters ("Rep 2 of 5"); what is
            // spoken for it ("2.") is too short to read.
            Some(if same && next.is_work() {
                format!("{} · {}", phase_label(next), counters(next))
            } else {
                next.say()
            })
        })
    };

    let start = move |_| {
        player.ready_cues();
        player.act(|s, t| s.start(t));
        player.keep_awake();
    };
    let pause = move |_| {
        player.act(|s, t| s.pause(t));
        wake_lock::release();
        speech::silence();
    };
    let resume = move |_| {
        player.ready_cues();
        player.act(|s, t| s.resume(t));
        player.keep_awake();
    };

    let hurt = RwSignal::new(HurtPanel::Closed);
    let open_hurt = move |_| {
        player.act(|s, t| s.pause(t));
        wake_lock::release();
        speech::silence();
        // What it is about, as the session tells it (before anything was played, the
        // panel asks).
        let about = player
            .session
            .with_untracked(|s| s.hurt_about(player.now.get_untracked()));
        hurt.set(about.map_or(HurtPanel::Closed, HurtPanel::Asking));
    };
    let in_play = move || matches!(status(), Status::Running | Status::Paused);

    let title = routine.name.clone();
    let routine_name = StoredValue::new(routine.name.clone());
    let advice = routine.advice;
    view! {
        <Page title="Session">
            <p class="lead routine-name">{title}</p>
            {move || pending.get().map(|p| view! { <PendingChoice pending=p player resolve=pending /> })}
            <Show when=move || pending.with(Option::is_none)>
                <Show
                    when=move || status() != Status::Finished
                    fallback=move || view! { <SessionSummary player routine_name=routine_name.get_value() advice /> }
                >
                    <Show when=move || hurt.with(|h| *h != HurtPanel::Closed)>
                        <HurtView player panel=hurt />
                    </Show>
                    <Show when=move || hurt.with(|h| *h == HurtPanel::Closed)>
                    <progress
                        class="routine-progress"
                        max="100"
                        value=move || snap.with(|s| (s.progress * 100.0).round() as i32)
                        aria-label="Progress through the routine"
                    ></progress>
                    // data-step and data-ends-at let end-to-end tests check step
                    // boundaries to the millisecond without knowing the timeline.
                    <section
                        class="card player"
                        aria-label="Now"
                        data-step=move || snap.with(|s| s.step)
                        data-ends-at=move || {
                            let t = player.now.get();
                            snap.with(|s| s.remaining_ms.map(|r| t + r))
                        }
                    >
                        <PlayerFigure player />
                        {move || step().map(|st| view! {
                            <p class="phase">{phase_label(&st)}</p>
                            <h2 class="exercise-name">{st.exercise_name().to_string()}</h2>
                            <p class="counters">{counters(&st)}</p>
                        })}
                        <div class="timer" role="timer" aria-label="Time left in this step">
                            {move || snap.with(|s| s.remaining_ms.map(clock_text))}
                        </div>
                        <Show when=move || status() == Status::Running && snap.with(|s| s.remaining_ms.is_none())>
                            <button class="done-button" on:click=move |_| player.act(|s, t| s.rep_done(t))>
                                "Done"
                            </button>
                        </Show>
                        <p class="next">{move || next().map(|n| format!("Next: {n}"))}</p>
                        {move || step().and_then(|st| catalog::get(&st.exercise_id)).map(|e| view! {
                            <details class="how">
                                <summary>"How to do it"</summary>
                                <ol class="steps">{e.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
                            </details>
                        })}
                    </section>
                    // Phase changes, read out by screen readers.
                    <p class="visually-hidden" aria-live="assertive">
                        {move || step().map(|st| st.say())}
                    </p>
                    <Show when=in_play>
                        <button class="hurts" on:click=open_hurt>"It hurts"</button>
                    </Show>
                    <div class="controls">
                        <Show
                            when=move || status() != Status::NotStarted
                            fallback=move || view! { <button class="primary big" on:click=start>"Start"</button> }
                        >
                            <button class="secondary" on:click=move |_| player.act(|s, t| s.back(t))>"Back"</button>
                            <Show
                                when=move || status() == Status::Paused
                                fallback=move || view! { <button class="big" on:click=pause>"Pause"</button> }
                            >
                                <button class="big" on:click=resume>"Resume"</button>
                            </Show>
                            <button class="secondary" on:click=move |_| player.act(|s, t| s.skip(t))>"Skip"</button>
                        </Show>
                    </div>
                    <Show when=move || status() != Status::NotStarted>
                        <button class="link-button stop" on:click=move |_| player.act(|s, t| s.stop(t))>
                            "Stop"
                        </button>
                    </Show>
                    // The person's pace and volume, at hand: a change applies from the
                    // next step.
                    <details class="card pace-panel">
                        <summary>"Pace and sound"</summary>
                        <PaceControls prefix="player" />
                        <Volume />
                        <p class="hint">"Changes apply from the next step, and stay for next time."</p>
                    </details>
                    <Show when=move || status() == Status::NotStarted>
                        {advice.map(|advice| view! { <AdviceNote advice /> })}
                        <section class="card" aria-label="Pain before you start">
                            <PainScale
                                question="How is your back pain right now?"
                                value=Signal::derive(move || player.session.with(Session::pain_before))
                                on_pick=move |n| player.session.update(|s| s.set_pain_before(Some(n)))
                            />
                            <p class="hint">"Optional: it helps you see how you are doing over the weeks."</p>
                        </section>
                    </Show>
                    <Show when=move || status() == Status::Running && !player.cues_ready.get()>
                        <button class="wide" on:click=move |_| {
                            player.ready_cues();
                            player.keep_awake();
                        }>"Tap to turn the sound back on"</button>
                    </Show>
                    <DeviceNotes player />
                    </Show>
                </Show>
            </Show>
        </Page>
    }
}
