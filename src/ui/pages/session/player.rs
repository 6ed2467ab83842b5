//! The player's engine: asks the session where it is on a self-adjusting timer, plays the
//! cues, saves; and what the screen says about a step.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::session::settings::Settings;
use crate::domain::session::{
    Cue, Movement, Pace, SavedSession, Session, Snapshot, Status, Step, StepKind, Timeline,
};
use crate::platform::{audio, clock, media_session, speech, vibration, wake_lock};
use crate::ui::components::preferences::voice;
use crate::ui::state::{AppState, Tone};

/// Seconds, as the big timer shows them: "0:05", "12:30".
pub(super) fn clock_text(ms: i64) -> String {
    let secs = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// What the phase is called on screen.
pub(super) fn phase_label(step: &Step) -> &'static str {
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
pub(super) fn counters(step: &Step) -> String {
    let mut parts = Vec::new();
    if step.sets > 1 {
        parts.push(format!("Set {} of {}", step.set, step.sets));
    }
    if step.reps > 1 {
        parts.push(format!("Rep {} of {}", step.rep, step.reps));
    }
    if step.is_evening_move() {
        // One more move after the last rep, so both sides do the same.
        parts.push("Right side, so both sides match".to_string());
    } else if let Some(side) = step.side {
        parts.push(format!("{} side", side.title()));
    }
    parts.join(" · ")
}

/// The beep of a cue: its pitch and length.
fn beep_of(cue: &Cue) -> (f32, u32) {
    match cue {
        Cue::Countdown { .. } => (660.0, 120),
        Cue::Finished { .. } => (880.0, 400),
        _ => (880.0, 200),
    }
}

/// Plays cues as the settings allow; their beeps only when `beep` (else they were
/// scheduled on the audio clock ahead of time and have played already).
pub(super) fn play(cues: &[Cue], settings: &Settings, beep: bool) {
    let volume = settings.loudness();
    for cue in cues {
        if settings.sound && beep {
            let (hz, ms) = beep_of(cue);
            audio::beep(hz, ms, volume);
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
            speech::say(text, &voice(settings));
        }
    }
}

/// The silent track that keeps the phone's media controls (`platform::media_session`).
pub(super) const SILENCE: &str = "/silence.wav";

/// How far ahead beeps are scheduled on the audio clock: more than the minute a hidden
/// page's timers may wait in Chrome.
const AHEAD_MS: i64 = 120_000;
/// A plan is extended once less than this is left of it.
const EXTEND_BELOW_MS: i64 = 90_000;

/// The player's state, all `Copy`, shared by its event handlers and timer.
#[derive(Clone, Copy)]
pub(super) struct Player {
    pub(super) state: AppState,
    pub(super) session: RwSignal<Session>,
    pub(super) now: RwSignal<i64>,
    /// The routine's steps: their lengths change with the pace, never their order.
    pub(super) steps: StoredValue<Timeline>,
    /// Set once the finished session has been logged.
    pub(super) logged: StoredValue<bool>,
    /// The pending wake-up of the timer.
    pub(super) timer: StoredValue<Option<TimeoutHandle>>,
    /// Why the screen can't be kept on, if it can't.
    pub(super) wake_problem: RwSignal<Option<String>>,
    /// False after a reload until the person taps: browsers keep a page silent until then.
    pub(super) cues_ready: RwSignal<bool>,
    /// The time up to which beeps are scheduled on the audio clock (`None`: none are).
    pub(super) planned_until: StoredValue<Option<i64>>,
}

impl Player {
    /// Asks the session where it is now, plays what fell due, saves when something
    /// changed, and schedules the next wake-up.
    pub(super) fn tick(self) {
        self.run(false);
    }

    pub(super) fn run(self, changed: bool) {
        let t = clock::now();
        let Some(cues) = self.session.try_update(|s| s.update(t)) else {
            return; // The page is gone.
        };
        self.now.set(t);
        // Beeps a plan covers have played on the audio clock already.
        let planned = !changed && self.planned_until.get_value().is_some_and(|u| t <= u);
        if !cues.is_empty() {
            self.state
                .records
                .settings
                .with_untracked(|s| play(&cues, s, !planned));
        }
        let snap = self.snapshot();
        self.after_change(&snap, changed || !cues.is_empty());
        self.plan_beeps(t, snap.status);
        self.schedule(&snap);
    }

    /// Schedules the beeps of the next two minutes on the audio clock, or extends the
    /// plan when little of it is left; none unless running with the sound on.
    fn plan_beeps(self, now: i64, status: Status) {
        let (sound, volume) = self
            .state
            .records
            .settings
            .with_untracked(|s| (s.sound, s.loudness()));
        if status != Status::Running || !sound || !audio::is_unlocked() {
            // Nothing more to plan. What is planned stays: the end's beep, due now, has
            // to sound (an event, or the sound turned off, cancelled the rest already).
            self.planned_until.set_value(None);
            return;
        }
        let until = self.planned_until.get_value();
        if until.is_some_and(|u| u - now >= EXTEND_BELOW_MS) {
            return;
        }
        let after = until.unwrap_or(now).max(now);
        let to = now + AHEAD_MS;
        let beeps: Vec<audio::Beep> = self
            .session
            .with_untracked(|s| s.cues_ahead(now, after, to))
            .iter()
            .map(|(at, cue)| {
                let (hz, ms) = beep_of(cue);
                audio::Beep { at_ms: *at, hz, ms }
            })
            .collect();
        audio::schedule(now, &beeps, volume);
        self.planned_until.set_value(Some(to));
    }

    /// Silences the beeps scheduled ahead (an event changed what comes next).
    pub(super) fn cancel_beeps(self) {
        if self.planned_until.try_get_value().flatten().is_some() {
            audio::cancel_scheduled();
            self.planned_until.set_value(None);
        }
    }

    /// Schedules the beeps again from now (the sound or its volume changed).
    pub(super) fn replan(self) {
        self.cancel_beeps();
        self.plan_beeps(clock::now(), self.snapshot().status);
    }

    /// Plays the session at `pace` from its next step (the settings changed).
    pub(super) fn repace(self, pace: Pace) {
        if self.session.with_untracked(|s| s.pace() == pace) {
            return;
        }
        self.act(|s, t| s.set_pace(t, pace));
        self.steps
            .set_value(self.session.with_untracked(Session::timeline));
    }

    /// Applies an event at the current time.
    pub(super) fn act(self, event: impl FnOnce(&mut Session, i64)) {
        // First the cues due before the event, as a tick would play them (those the plan
        // covered have sounded already), then the plan called off.
        self.run(false);
        self.cancel_beeps();
        let t = clock::now();
        self.session.update(|s| event(s, t));
        self.run(true);
    }

    pub(super) fn snapshot(self) -> Snapshot {
        self.session
            .with_untracked(|s| s.at(self.now.get_untracked()))
    }

    /// Saves the session in progress, or logs it once finished.
    pub(super) fn after_change(self, snap: &Snapshot, changed: bool) {
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
            let saved = SavedSession::of(self.session.get_untracked());
            self.state.save(&saved, "session in progress");
        }
    }

    /// Wakes the timer when the shown second or the step next changes.
    pub(super) fn schedule(self, snap: &Snapshot) {
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
    pub(super) fn ready_cues(self) {
        if let Err(err) = audio::unlock() {
            if self.state.records.settings.get_untracked().sound {
                self.state
                    .notices
                    .notify(Tone::Info, format!("Beeps are off: {err}."));
            }
        }
        self.cues_ready.set(true);
        // The phone's media controls show while the session plays (from this tap).
        media_session::play(&crate::ui::href(SILENCE));
    }

    pub(super) fn keep_awake(self) {
        leptos::task::spawn_local(async move {
            let result = wake_lock::request().await;
            self.wake_problem
                .try_set(result.err().map(|e| e.to_string()));
        });
    }
}

/// What this device can't do, for the cues the person has turned on.
#[component]
pub(super) fn DeviceNotes(
    /// The player, for the settings and what the device could not do.
    player: Player,
) -> impl IntoView {
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
