//! `/session/<routine>`: the guided session player.
//!
//! The session's truth is its state machine in `domain::session`, driven by timestamps.
//! This page only asks it "where are we now?" on a self-adjusting timer (woken at the
//! next whole second or step boundary, so nothing drifts and little runs), plays the
//! cues it returns, and saves it after every change so a reload resumes it.

mod actions;
mod figure;
mod hurt;
mod pending;
mod player;
mod screen;
mod summary;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::routines::routine::Routine;
use crate::domain::session::settings::Settings;
use crate::domain::session::{HurtAbout, Resume, SavedSession, Session, Status};
use crate::platform::{audio, clock, media_session, speech, wake_lock};
use crate::ui::components::missing::Missing;
use crate::ui::components::page::Page;
use crate::ui::components::pain_scale::PainScale;
use crate::ui::components::preferences::{PaceControls, Volume};
use crate::ui::components::safety_check::{AdviceNote, ExerciseGate};
use crate::ui::href;
use crate::ui::state::AppState;

use actions::{Actions, Sheet};
use hurt::HurtView;
use pending::PendingChoice;
use player::{counters, phase_label, DeviceNotes, Player};
use screen::{FigureBox, Now, NowText, SessionScreen, KEYS};
use summary::SessionSummary;

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("routine")).unwrap_or_default();
        let state = expect_context::<AppState>();
        match state
            .routine(&id)
            .map(|r| state.records.plan.with_untracked(|p| p.apply(&r, &state.library().read_untracked())))
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
    let (session, pending) = match saved.resume(&routine.id, now, &state.library().read_untracked())
    {
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
        planned_until: StoredValue::new(None),
    };
    player.tick();
    state.set_playing(true);
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
        state.set_playing(false);
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

    let actions = Actions::new(player);
    let hurt = actions.hurt;
    let sheet = actions.sheet;
    let in_play = move || matches!(status(), Status::Running | Status::Paused);
    // In play, the session has the whole screen, without the bottom bar; its way out is
    // Stop (or the back gesture), which asks first. Once over, the extra history entry
    // goes again.
    Effect::new(move |_| {
        let playing = in_play();
        state.set_in_session(playing);
        if status() == Status::Finished {
            actions.unguard();
        }
    });
    // A panel closing gives the focus back to the main button (never to the page).
    Effect::new(move |was_open: Option<bool>| {
        let open = hurt.with(|h| *h != HurtPanel::Closed) || sheet.get() != Sheet::None;
        if was_open == Some(true) && !open && in_play() {
            actions.focus_main();
        }
        open
    });
    actions.focus_when_shown();
    actions.adopt_guard();
    let keys = window_event_listener(leptos::ev::keydown, move |e| actions.on_key(&e));
    let back_gesture = window_event_listener(leptos::ev::popstate, move |_| actions.on_pop());
    // The phone's media keys, and what its lock screen shows: the step and the routine.
    media_session::on_action(move |a| actions.on_media(a));
    let artist = routine.name.clone();
    Effect::new(move |_| {
        if status() == Status::Finished {
            media_session::clear();
        } else if let Some(st) = step().filter(|_| in_play()) {
            let title = format!("{}: {}", phase_label(&st), st.exercise_name());
            media_session::show(&title, &artist, &href("/icons/icon-512.png"));
        }
    });
    // The sound turned on or off, or its volume changed: the beeps ahead follow.
    Effect::new(move |was: Option<(bool, u32)>| {
        let now = state
            .records
            .settings
            .with(|s| (s.sound, (s.loudness() * 100.0) as u32));
        if was.is_some_and(|w| w != now) {
            player.replan();
        }
        now
    });
    on_cleanup(move || {
        state.set_in_session(false);
        keys.remove();
        back_gesture.remove();
        media_session::clear();
        audio::cancel_scheduled();
    });

    let step = Signal::derive(step);
    let next = Signal::derive(next);
    // What a screen reader hears, politely, once per step: the step in a sentence (not
    // the time, which would be read every second). When the app's own voice is on, it
    // says the steps, and the line stays quiet so the two never talk over each other.
    let voice_on = move || state.records.settings.with(|s| s.voice);
    let announcement = Memo::new(move |_| match status() {
        Status::Paused => "Paused.".to_string(),
        Status::Running | Status::Finished if !voice_on() => {
            step.get().map(|st| st.announce()).unwrap_or_default()
        }
        _ => String::new(),
    });

    let routine_name = StoredValue::new(routine.name.clone());
    let advice = routine.advice;
    view! {
        <Page title="Session">
            <p class="visually-hidden step-status" role="status" aria-live="polite">{move || announcement.get()}</p>
            {move || pending.get().map(|p| view! { <PendingChoice pending=p player resolve=pending /> })}
            <Show when=move || pending.with(Option::is_none)>
                <Show
                    when=move || status() != Status::Finished
                    fallback=move || view! { <SessionSummary player routine_name=routine_name.get_value() advice /> }
                >
                    <Show when=move || hurt.with(|h| *h != HurtPanel::Closed)>
                        <div class="session-sheet">
                            <HurtView player panel=hurt />
                        </div>
                    </Show>
                    <Show when=move || in_play() && hurt.with(|h| *h == HurtPanel::Closed)>
                        <SessionScreen actions now=Now { snap, step, next } routine_name=routine_name.get_value() />
                        <Show when=move || status() == Status::Running && !player.cues_ready.get()>
                            <button class="wide sound-back" on:click=move |_| {
                                player.ready_cues();
                                player.keep_awake();
                            }>"Tap to turn the sound back on"</button>
                        </Show>
                        <DeviceNotes player />
                    </Show>
                    <Show when=move || status() == Status::NotStarted>
                        <p class="lead routine-name">{routine_name.get_value()}</p>
                        <FigureBox player still=actions.still />
                        <NowText actions now=Now { snap, step, next } />
                        // The pain before, asked on the way to Start (not after it, where
                        // it went unseen).
                        <section class="card" aria-label="Pain before you start">
                            <PainScale
                                question="How is your back pain right now?"
                                value=Signal::derive(move || player.session.with(Session::pain_before))
                                on_pick=move |n| player.session.update(|s| s.set_pain_before(Some(n)))
                            />
                            <p class="hint">"Optional: it helps you see how you are doing over the weeks."</p>
                        </section>
                        // Start stays in sight above the bottom bar, on the smallest phone
                        // too, while the page scrolls under it.
                        <div class="controls start-bar">
                            <button class="primary big" node_ref=actions.main on:click=move |_| actions.start()>
                                "Start"
                            </button>
                        </div>
                        // The person's pace and volume, at hand: a change applies from
                        // the next step.
                        <details class="card pace-panel">
                            <summary>"Pace and sound"</summary>
                            <PaceControls prefix="player" />
                            <Volume />
                            <p class="hint">"Changes apply from the next step, and stay for next time."</p>
                        </details>
                        {advice.map(|advice| view! { <AdviceNote advice /> })}
                        <p class="hint keys">{KEYS}</p>
                        <DeviceNotes player />
                    </Show>
                </Show>
            </Show>
        </Page>
    }
}
