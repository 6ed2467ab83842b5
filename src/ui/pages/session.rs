//! `/session/<routine>`: the guided session player.
//!
//! The session's truth is its state machine in `domain::session`, driven by timestamps.
//! This page only asks it "where are we now?" on a self-adjusting timer (woken at the
//! next whole second or step boundary, so nothing drifts and little runs), plays the
//! cues it returns, and saves it after every change so a reload resumes it.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::catalog;
use crate::domain::pain::{self, AfterCheckReason};
use crate::domain::routine::{self, Routine};
use crate::domain::safety::{Advice, STOP_PAIN};
use crate::domain::session::{
    Cue, Movement, SavedSession, Session, Snapshot, Status, Step, StepKind, Timeline,
};
use crate::domain::session_record::{Completion, SessionRecord};
use crate::domain::settings::Settings;
use crate::platform::{audio, clock, speech, vibration, wake_lock};
use crate::ui::components::page::Page;
use crate::ui::components::pain_scale::PainScale;
use crate::ui::components::safety_check::{AdviceNote, ExerciseGate};
use crate::ui::pages::not_found::Missing;
use crate::ui::state::{AppState, Tone};

/// Seconds, as the big timer shows them: "0:05", "12:30".
fn clock_text(ms: i64) -> String {
    let secs = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// What the phase is called on screen.
fn phase_label(step: &Step) -> &'static str {
    match step.kind {
        StepKind::GetReady => "Get ready",
        StepKind::Work(Movement::Hold) => "Hold",
        StepKind::Work(Movement::Paced) => "Move slowly",
        StepKind::Work(Movement::Tapped) => "Your pace",
        StepKind::Work(Movement::Minutes) => "Keep going",
        StepKind::Rest => "Rest",
        StepKind::SwitchSide => "Switch sides",
        StepKind::Finished => "Finished",
    }
}

/// "Set 1 of 2 · Rep 3 of 10 · Left side".
fn counters(step: &Step) -> String {
    let mut parts = Vec::new();
    if step.sets > 1 {
        parts.push(format!("Set {} of {}", step.set, step.sets));
    }
    if step.reps > 1 {
        parts.push(format!("Rep {} of {}", step.rep, step.reps));
    }
    if let Some(side) = step.side {
        parts.push(format!("{} side", side.title()));
    }
    parts.join(" · ")
}

/// Plays cues as the settings allow.
fn play(cues: &[Cue], settings: Settings) {
    for cue in cues {
        if settings.sound {
            match cue {
                Cue::Countdown { .. } => audio::beep(660.0, 120),
                Cue::Finished { .. } => audio::beep(880.0, 400),
                _ => audio::beep(880.0, 200),
            }
        }
        if settings.vibration {
            match cue {
                Cue::Countdown { .. } | Cue::Halfway { .. } => {}
                Cue::Finished { .. } => vibration::buzz(500),
                _ => vibration::buzz(200),
            }
        }
    }
    // Only the newest words: an older instruction is already out of date.
    if settings.voice {
        if let Some(text) = cues.iter().rev().find_map(Cue::say) {
            speech::say(text);
        }
    }
}

/// The player's state, all `Copy`, shared by its event handlers and timer.
#[derive(Clone, Copy)]
struct Player {
    state: AppState,
    session: RwSignal<Session>,
    now: RwSignal<i64>,
    /// The routine's steps; they never change during a session.
    steps: StoredValue<Timeline>,
    /// Set once the finished session has been logged.
    logged: StoredValue<bool>,
    /// The pending wake-up of the timer.
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Why the screen can't be kept on, if it can't.
    wake_problem: RwSignal<Option<String>>,
    /// False after a reload until the person taps: browsers keep a page silent until then.
    cues_ready: RwSignal<bool>,
}

impl Player {
    /// Asks the session where it is now, plays what fell due, saves when something
    /// changed, and schedules the next wake-up.
    fn tick(self) {
        self.run(false);
    }

    fn run(self, changed: bool) {
        let t = clock::now();
        let Some(cues) = self.session.try_update(|s| s.update(t)) else {
            return; // The page is gone.
        };
        self.now.set(t);
        if !cues.is_empty() {
            play(&cues, self.state.records.settings.get_untracked());
        }
        let snap = self.snapshot();
        self.after_change(&snap, changed || !cues.is_empty());
        self.schedule(&snap);
    }

    /// Applies an event at the current time.
    fn act(self, event: impl FnOnce(&mut Session, i64)) {
        let t = clock::now();
        self.session.update(|s| event(s, t));
        self.run(true);
    }

    fn snapshot(self) -> Snapshot {
        self.session
            .with_untracked(|s| s.at(self.now.get_untracked()))
    }

    /// Saves the session in progress, or logs it once finished.
    fn after_change(self, snap: &Snapshot, changed: bool) {
        if snap.is_finished() {
            if !self.logged.get_value() {
                self.logged.set_value(true);
                if let Some(record) = self.session.with_untracked(Session::record) {
                    self.state.log_session(record);
                }
                self.state
                    .save(&SavedSession::default(), "session in progress");
                wake_lock::release();
            }
        } else if changed {
            let saved = SavedSession {
                session: Some(self.session.get_untracked()),
            };
            self.state.save(&saved, "session in progress");
        }
    }

    /// Wakes the timer when the shown second or the step next changes.
    fn schedule(self, snap: &Snapshot) {
        let delay = match (snap.status, snap.remaining_ms) {
            (Status::Running, Some(ms)) => match ms % 1000 {
                0 => 1000,
                r => r,
            },
            _ => 1000,
        };
        if let Some(Some(old)) = self.timer.try_get_value() {
            old.clear();
        }
        let wait = Duration::from_millis(delay.unsigned_abs() + 1);
        let handle = set_timeout_with_handle(move || self.tick(), wait).ok();
        self.timer.try_set_value(handle);
    }

    /// Called from a tap: lets sound, speech and vibration play on this page.
    fn ready_cues(self) {
        if let Err(err) = audio::unlock() {
            if self.state.records.settings.get_untracked().sound {
                self.state
                    .notices
                    .notify(Tone::Info, format!("Beeps are off: {err}."));
            }
        }
        self.cues_ready.set(true);
    }

    fn keep_awake(self) {
        leptos::task::spawn_local(async move {
            let result = wake_lock::request().await;
            self.wake_problem
                .try_set(result.err().map(|e| e.to_string()));
        });
    }
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("routine")).unwrap_or_default();
        let state = expect_context::<AppState>();
        match routine::find(&id).map(|r| state.records.plan.with_untracked(|p| p.apply(&r))) {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HurtPanel {
    Closed,
    /// Asking how bad it is.
    Asking,
    /// Answered with this rating.
    Rated(u8),
}

/// A session saved earlier that needs a decision before this one starts.
#[derive(Clone)]
enum Pending {
    /// Left over an hour ago.
    Stale(Session),
    /// Another routine, still in progress.
    Other(Session),
}

#[component]
fn PlayerView(routine: Routine) -> impl IntoView {
    let state = expect_context::<AppState>();
    let now = clock::now();
    let saved = state
        .load_record::<SavedSession>("session in progress")
        .session;
    let fresh = || routine.session(clock::salt());
    let (session, pending) = match saved {
        Some(s) if s.is_stale(now) => (fresh(), Some(Pending::Stale(s))),
        // It ran to its end while the app was closed: keep the record, start afresh.
        Some(mut s) if s.at(now).is_finished() => {
            s.update(now);
            if let Some(record) = s.record() {
                state.log_session(record);
            }
            state.save(&SavedSession::default(), "session in progress");
            (fresh(), None)
        }
        Some(s) if s.routine_id() == routine.id => (s, None),
        Some(s) => (fresh(), Some(Pending::Other(s))),
        None => (fresh(), None),
    };
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
    let step = move || {
        let index = snap.with(|s| s.step);
        player.steps.with_value(|steps| steps.get(index).cloned())
    };
    let next = move || {
        let index = snap.with(|s| s.step) + 1;
        player.steps.with_value(|steps| {
            let next = steps.get(index)?;
            let same = steps.get(index - 1).map(|s| s.exercise) == Some(next.exercise);
            // Within an exercise, the next rep by its counters ("Rep 2 of 5"); what is
            // spoken for it ("2.") is too short to read.
            Some(if same && next.is_work() {
                format!("{} · {}", phase_label(next), counters(next))
            } else {
                next.say()
            })
        })
    };
    let status = move || snap.with(|s| s.status);

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
        hurt.set(HurtPanel::Asking);
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
                    fallback=move || view! { <Summary player routine_name=routine_name.get_value() advice /> }
                >
                    <Show when=move || hurt.get() != HurtPanel::Closed>
                        <HurtView player panel=hurt />
                    </Show>
                    <Show when=move || hurt.get() == HurtPanel::Closed>
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

/// After "It hurts": how bad, then what to do about it.
#[component]
fn HurtView(player: Player, panel: RwSignal<HurtPanel>) -> impl IntoView {
    let close = move || panel.set(HurtPanel::Closed);
    // Plays on from where the session waits: the same exercise after a low rating, the
    // next one after a high rating (the session already moved past the stopped one).
    let play_on = move |_| {
        close();
        player.ready_cues();
        player.act(|s, t| s.resume(t));
        player.keep_awake();
    };
    let skip_this = move |_| {
        close();
        player.ready_cues();
        player.act(|s, t| {
            s.skip_exercise(t);
            s.resume(t);
        });
        player.keep_awake();
    };
    let end = move |_| {
        close();
        player.act(|s, t| s.stop(t));
    };
    // Whether another exercise comes after the current one.
    let has_next = move || {
        let current = player
            .steps
            .with_value(|st| st.get(player.snapshot().step).map(|s| s.exercise));
        let last = player
            .steps
            .with_value(|st| st.iter().filter(|s| s.is_work()).map(|s| s.exercise).max());
        current < last
    };
    // The panel replaced what had focus: move it to the panel's heading, and again each
    // time the panel changes, so a screen reader follows. After a stop for pain, to
    // "End the session", the advice.
    let heading = NodeRef::<leptos::html::H2>::new();
    let end_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let stopped = matches!(panel.get(), HurtPanel::Rated(n) if n >= STOP_PAIN);
        if let Some(button) = end_button.get().filter(|_| stopped) {
            let _ = button.focus();
        } else if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let title = move || match panel.get() {
        HurtPanel::Rated(n) if n >= STOP_PAIN => "Stop this exercise".to_string(),
        HurtPanel::Rated(n) => format!("Pain {n} out of 10"),
        _ => "The session is paused".to_string(),
    };
    view! {
        <section class="card hurt-panel" aria-labelledby="hurt-heading">
            <h2 id="hurt-heading" tabindex="-1" node_ref=heading>{title}</h2>
            {move || match panel.get() {
                // The source's advice is to stop: ending the session comes first, and
                // the summary then asks how the pain is. Another exercise stays possible,
                // worded so it is not the advice; this one is not offered again.
                HurtPanel::Rated(n) if n >= STOP_PAIN => view! {
                    <p>
                        "Pain of 7 out of 10 or more means stop. This exercise has stopped "
                        "and won't come up again in this session. Your answer is saved."
                    </p>
                    <p>
                        <a href="/safety">"When to get help"</a>
                        " lists the signs that need a doctor."
                    </p>
                    <div class="actions">
                        <button node_ref=end_button on:click=end>"End the session"</button>
                        <button class="secondary" on:click=play_on>
                            "Try a different exercise instead"
                        </button>
                    </div>
                }
                .into_any(),
                HurtPanel::Rated(_) => view! {
                    <p>
                        "Some discomfort is normal. Carry on gently only if it stays "
                        "manageable, and stop if it reaches 7 out of 10 or the pain is sharp."
                    </p>
                    <div class="actions">
                        <button on:click=play_on>"Carry on"</button>
                        <Show when=has_next>
                            <button class="secondary" on:click=skip_this>"Skip this exercise"</button>
                        </Show>
                        <button class="secondary" on:click=end>"End the session"</button>
                    </div>
                }
                .into_any(),
                _ => view! {
                    <PainScale
                        question="How bad is the pain now?"
                        value=Signal::derive(|| None)
                        on_pick=move |n| {
                            player.act(|s, t| {
                                s.hurt(t, n);
                            });
                            panel.set(HurtPanel::Rated(n));
                        }
                    />
                    <button class="secondary" on:click=move |_| close()>"Back to the session"</button>
                }
                .into_any(),
            }}
        </section>
    }
}

/// What this device can't do, for the cues the person has turned on.
#[component]
fn DeviceNotes(player: Player) -> impl IntoView {
    let settings = player.state.records.settings;
    let notes = move || {
        let s = settings.get();
        let mut notes = Vec::new();
        if s.sound && !audio::is_supported() {
            notes.push("This browser can't play beeps.".to_string());
        }
        if s.voice && !speech::is_supported() {
            notes.push("This browser can't speak the instructions.".to_string());
        }
        if s.vibration && !vibration::is_supported() {
            notes.push("This device can't vibrate.".to_string());
        }
        if let Some(problem) = player.wake_problem.get() {
            notes.push(format!(
                "The screen may turn off during the session: {problem}. The timer stays \
                 right; tap the screen to wake it."
            ));
        }
        notes
    };
    view! {
        <Show when=move || !notes().is_empty()>
            <ul class="device-notes">
                {move || notes().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

/// The choice about a session saved earlier.
#[component]
fn PendingChoice(
    pending: Pending,
    player: Player,
    resolve: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let discard = move |_| {
        player
            .state
            .save(&SavedSession::default(), "session in progress");
        resolve.set(None);
    };
    match pending {
        Pending::Stale(old) => {
            let name = old.routine_name().to_string();
            let finish = move |_| {
                let mut old = old.clone();
                old.finish_stale();
                if let Some(record) = old.record() {
                    player.state.log_session(record);
                }
                player
                    .state
                    .save(&SavedSession::default(), "session in progress");
                resolve.set(None);
            };
            view! {
                <section class="card caution">
                    <h2>"You left a session over an hour ago"</h2>
                    <p>
                        "Keep what you did in " {name} " as a finished session, or throw it "
                        "away? Then you can start this one."
                    </p>
                    <div class="actions">
                        <button on:click=finish>"Finish it"</button>
                        <button class="secondary" on:click=discard>"Discard it"</button>
                    </div>
                </section>
            }
            .into_any()
        }
        Pending::Other(old) => {
            let href = format!("/session/{}", old.routine_id());
            let name = old.routine_name().to_string();
            let go = move |_| {
                resolve.set(None);
                navigate(&href, Default::default());
            };
            view! {
                <section class="card caution">
                    <h2>"Another session is still going"</h2>
                    <p>"You have not finished " {name} ". Go back to it, or throw it away and start this one?"</p>
                    <div class="actions">
                        <button on:click=go>"Go back to it"</button>
                        <button class="secondary" on:click=discard>"Discard it"</button>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}

/// A note when the last "It hurts" of the session stopped an exercise.
fn stopped_for_pain(record: &SessionRecord) -> Option<impl IntoView> {
    let hurt = record.hurts.last().filter(|h| h.rating >= STOP_PAIN)?;
    let name = catalog::name_of(&hurt.exercise);
    Some(view! {
        <div class="card caution">
            <p>
                {format!("You stopped {name} with pain of {} out of 10. ", hurt.rating)}
                "Pain of 7 or more means stop. "
                <a href="/safety">"When to get help"</a>
            </p>
        </div>
    })
}

/// After the session: pain now, and what a rise means.
#[component]
fn PainAfter(player: Player, record: SessionRecord) -> impl IntoView {
    let state = player.state;
    let id = record.id();
    let after = Signal::derive(move || {
        state
            .records
            .sessions
            .with(|log| log.get(id).and_then(|r| r.pain_after))
    });
    let record = StoredValue::new(record);
    let pick = move |n: u8| {
        let mut updated = state
            .records
            .sessions
            .with_untracked(|log| log.get(id).cloned())
            .unwrap_or_else(|| record.get_value());
        updated.pain_after = Some(n);
        state.log_session(updated);
    };
    let advice = move || {
        let after = after.get()?;
        let rated = SessionRecord {
            pain_after: Some(after),
            ..record.get_value()
        };
        let text = match pain::after_check_reason(&rated) {
            Some(AfterCheckReason::HighAfter { .. }) => {
                "That is a lot of pain. Read when to get help if it doesn't ease. Steadyback \
                 will ask you in 20 minutes how it is."
            }
            Some(AfterCheckReason::Rose { .. }) => {
                "Your pain is higher than before you started. If it lasts more than 20 \
                 minutes after finishing, those exercises may not be right for you: \
                 Steadyback will ask you in 20 minutes."
            }
            Some(AfterCheckReason::Hurt { .. }) => {
                "You said it hurt during the session. If the pain lasts more than 20 minutes \
                 after finishing, that exercise may not be right for you: Steadyback will ask \
                 you in 20 minutes."
            }
            None => "Thanks. Your answers build up into your pain trend on the Progress page.",
        };
        let high = after >= STOP_PAIN;
        Some(view! {
            <p class="pain-advice" role="status">{text}</p>
            {high.then(|| view! { <p><a href="/safety">"When to get help"</a></p> })}
        })
    };
    view! {
        <PainScale question="How is your back pain now?" value=after on_pick=pick />
        {advice}
    }
}

/// The end: time spent, what was done and skipped.
#[component]
fn Summary(
    player: Player,
    /// The routine's name as played.
    routine_name: String,
    /// The routine's own advice from the sources, if it has some.
    advice: Option<&'static Advice>,
) -> impl IntoView {
    let record: Option<SessionRecord> = player.session.with_untracked(Session::record);
    let Some(record) = record else {
        return view! { <p>"This session was stopped before it began."</p> }.into_any();
    };
    let time = match (record.active_secs / 60, record.active_secs % 60) {
        (0, secs) => format!("{secs} s"),
        (minutes, 0) => format!("{minutes} min"),
        (minutes, secs) => format!("{minutes} min {secs} s"),
    };
    let rows = record
        .exercises
        .iter()
        .map(|e| {
            let name = catalog::name_of(&e.exercise);
            let what = match e.completion() {
                Completion::Done => "done".to_string(),
                Completion::Partly if e.sets_done == 0 => "started".to_string(),
                Completion::Partly => format!("{} of {} sets done", e.sets_done, e.sets_planned),
                Completion::NotDone => "skipped".to_string(),
            };
            view! { <li><span class="summary-name">{name}</span> " " <span class="summary-what">{what}</span></li> }
        })
        .collect_view();
    view! {
        <section class="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">
                {if record.is_complete() { "Well done" } else { "Session ended" }}
            </h2>
            <p>{routine_name} ": " {time} " of exercise."</p>
            <ul class="summary-list">{rows}</ul>
            {stopped_for_pain(&record)}
            {advice.map(|advice| view! { <AdviceNote advice /> })}
            <PainAfter player record=record.clone() />
            <p class="hint">"Saved to your history on this device."</p>
            <a href="/" class="button">"Back to Today"</a>
        </section>
    }
    .into_any()
}
