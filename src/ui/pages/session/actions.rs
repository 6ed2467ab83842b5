//! What the session's controls do, in one place for the buttons, the keyboard, the
//! browser's back gesture and the phone's media keys: each way in does the same thing,
//! and leaves the focus where a keyboard or screen-reader user expects it.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::player::Player;
use super::HurtPanel;
use crate::domain::session::Status;
use crate::platform::media_session::{self, Action};
use crate::platform::{speech, wake_lock};

/// What fills the middle of the session screen besides the exercise: a step list, the
/// pace and sound, or the question before ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sheet {
    None,
    How,
    Pace,
    /// "End the session?", asked before a stop (from Stop or the back gesture).
    Stop,
}

/// The history entry the session adds when it starts, so that the back gesture asks
/// before leaving instead of leaving silently.
const GUARD: &str = "steadyback-session";

/// The session's controls, all `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Actions {
    pub(super) player: Player,
    pub(super) hurt: RwSignal<HurtPanel>,
    pub(super) sheet: RwSignal<Sheet>,
    /// Start / Pause / Resume: one button, which keeps the focus as its label changes.
    pub(super) main: NodeRef<html::Button>,
    /// Whether the session was running when the stop question opened.
    was_running: StoredValue<bool>,
    /// True while the history entry of [`GUARD`] is on top.
    guarded: StoredValue<bool>,
    /// Set while the app itself takes the guard entry off (its popstate is not a gesture).
    unguarding: StoredValue<bool>,
    /// The main button is to take the focus as soon as it is on the screen.
    wants_focus: StoredValue<bool>,
    /// The figure held still by its own pause, for the whole session.
    pub(super) still: RwSignal<bool>,
}

impl Actions {
    pub(super) fn new(player: Player) -> Self {
        Actions {
            player,
            hurt: RwSignal::new(HurtPanel::Closed),
            sheet: RwSignal::new(Sheet::None),
            main: NodeRef::new(),
            was_running: StoredValue::new(false),
            guarded: StoredValue::new(false),
            unguarding: StoredValue::new(false),
            wants_focus: StoredValue::new(false),
            still: RwSignal::new(false),
        }
    }

    pub(super) fn status(self) -> Status {
        self.player.snapshot().status
    }

    /// Started and not over: running or paused.
    fn in_play(self) -> bool {
        matches!(self.status(), Status::Running | Status::Paused)
    }

    /// True while a panel covers the controls (It hurts, or the question before ending).
    pub(super) fn panel_open(self) -> bool {
        self.hurt.with_untracked(|h| *h != HurtPanel::Closed)
            || self.sheet.get_untracked() == Sheet::Stop
    }

    pub(super) fn start(self) {
        self.player.ready_cues();
        self.player.act(|s, t| s.start(t));
        self.player.keep_awake();
        self.guard();
        // The Start button gives way to the session screen: its Pause button takes the
        // focus as it appears, so a keyboard or switch user is where the next action is.
        self.wants_focus.set_value(true);
    }

    pub(super) fn pause(self) {
        self.player.act(|s, t| s.pause(t));
        wake_lock::release();
        speech::silence();
        media_session::pause();
    }

    pub(super) fn resume(self) {
        self.player.ready_cues();
        self.player.act(|s, t| s.resume(t));
        self.player.keep_awake();
        self.guard();
    }

    /// The main button, Space and the media keys' play/pause: start, pause or resume.
    pub(super) fn toggle(self) {
        match self.status() {
            Status::NotStarted => self.start(),
            Status::Running => self.pause(),
            Status::Paused => self.resume(),
            Status::Finished => {}
        }
    }

    /// "Done" on a rep at the person's own pace: the button goes, the focus to Pause.
    pub(super) fn rep_done(self) {
        self.player.act(|s, t| s.rep_done(t));
        self.focus_main();
    }

    pub(super) fn skip(self) {
        self.player.act(|s, t| s.skip(t));
    }

    pub(super) fn back(self) {
        self.player.act(|s, t| s.back(t));
    }

    /// "It hurts": pauses, then asks how bad (and, before anything was played, what it
    /// is about).
    pub(super) fn open_hurt(self) {
        self.pause();
        self.sheet.set(Sheet::None);
        let about = self
            .player
            .session
            .with_untracked(|s| s.hurt_about(self.player.now.get_untracked()));
        self.hurt
            .set(about.map_or(HurtPanel::Closed, HurtPanel::Asking));
    }

    /// Stop, and the back gesture: pause and ask before ending.
    pub(super) fn ask_stop(self) {
        if self.sheet.get_untracked() == Sheet::Stop {
            return; // Asked already (a second back gesture): the answer is still to come.
        }
        let running = self.status() == Status::Running;
        self.was_running.set_value(running);
        if running {
            self.pause();
        }
        self.hurt.set(HurtPanel::Closed);
        self.sheet.set(Sheet::Stop);
    }

    /// "Keep going": back to the session as it was (playing if it was), the back
    /// gesture's entry put back from this tap (browsers skip entries added without one).
    pub(super) fn keep_going(self) {
        self.guard();
        self.sheet.set(Sheet::None);
        if self.was_running.get_value() {
            self.resume();
        }
        self.focus_main();
    }

    /// Ends the session: its summary follows.
    pub(super) fn end(self) {
        self.sheet.set(Sheet::None);
        self.hurt.set(HurtPanel::Closed);
        self.player.act(|s, t| s.stop(t));
    }

    /// Moves the focus to the main button: now if it is on the screen, else as soon as
    /// it is ([`Actions::focus_when_shown`]).
    pub(super) fn focus_main(self) {
        self.wants_focus.set_value(true);
        if let Some(button) = self.main.get_untracked().filter(|b| b.is_connected()) {
            self.wants_focus.set_value(false);
            let _ = button.focus();
        }
    }

    /// Gives the main button the focus asked for while it was not on the screen, as it
    /// appears. Call once, in an effect's owner that lives as long as the page.
    pub(super) fn focus_when_shown(self) {
        Effect::new(move |_| {
            if let Some(button) = self.main.get() {
                if self.wants_focus.try_get_value() == Some(true) && button.is_connected() {
                    self.wants_focus.set_value(false);
                    let _ = button.focus();
                }
            }
        });
    }

    /// Puts a history entry of the session's own on top (from a tap: browsers skip
    /// entries added without one), so the back gesture comes to [`Actions::on_pop`].
    fn guard(self) {
        if self.guarded.get_value() {
            return;
        }
        if let Ok(history) = window().history() {
            if history
                .push_state_with_url(&JsValue::from_str(GUARD), "", None)
                .is_ok()
            {
                self.guarded.set_value(true);
            }
        }
    }

    /// Takes the session's history entry off again (the session is over), so the next
    /// back gesture leaves the page at once.
    pub(super) fn unguard(self) {
        if self.guarded.try_get_value() != Some(true) {
            return;
        }
        self.guarded.set_value(false);
        if guard_on_top() {
            self.unguarding.set_value(true);
            if let Ok(history) = window().history() {
                let _ = history.back();
            }
        }
    }

    /// The browser's back gesture: during a session, the question before ending (the
    /// entry is put back by "Keep going").
    pub(super) fn on_pop(self) {
        if self.unguarding.try_get_value() == Some(true) {
            self.unguarding.set_value(false);
            return;
        }
        if self.guarded.try_get_value() != Some(true) {
            return;
        }
        self.guarded.set_value(false);
        // A second back gesture while the question is open leaves the page (the session
        // is kept, paused).
        if self.in_play() {
            self.ask_stop();
        }
    }

    /// On opening the page: a history entry of the session's own left on top (a reload,
    /// a link followed and come back from) is the guard again while the session is in
    /// play, and goes otherwise.
    pub(super) fn adopt_guard(self) {
        if guard_on_top() {
            self.guarded.set_value(true);
            if !self.in_play() {
                self.unguard();
            }
        }
    }

    /// What the phone's media keys ask (lock screen, headphones): as the buttons do. Not
    /// while a panel asks something.
    pub(super) fn on_media(self, action: Action) {
        if self.panel_open() {
            return;
        }
        match (action, self.status()) {
            (Action::Play, Status::Paused) => self.resume(),
            (Action::Pause, Status::Running) => self.pause(),
            (Action::Next, _) if self.in_play() => self.skip(),
            (Action::Previous, _) if self.in_play() => self.back(),
            _ => {}
        }
    }

    /// A key pressed anywhere on the page: Space pauses and resumes, the arrow keys go to
    /// the next and the previous step. Never while typing, never with a modifier, never
    /// while a panel asks something; Space on another button presses that button, as
    /// everywhere.
    pub(super) fn on_key(self, event: &web_sys::KeyboardEvent) {
        if event.default_prevented()
            || event.repeat()
            || event.ctrl_key()
            || event.alt_key()
            || event.meta_key()
            || self.panel_open()
        {
            return;
        }
        let target = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let tag = target
            .as_ref()
            .map(|t| t.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        let editable = target.as_ref().is_some_and(|t| {
            t.closest("input, textarea, select, [contenteditable]")
                .ok()
                .flatten()
                .is_some()
        });
        if editable {
            return;
        }
        let in_play = self.in_play();
        match event.key().as_str() {
            " " | "Spacebar" if in_play && !matches!(tag.as_str(), "button" | "a" | "summary") => {
                event.prevent_default();
                self.toggle();
            }
            "ArrowRight" if in_play => {
                event.prevent_default();
                self.skip();
            }
            "ArrowLeft" if in_play => {
                event.prevent_default();
                self.back();
            }
            _ => {}
        }
    }
}

/// True when the history entry on top is the session's own.
fn guard_on_top() -> bool {
    window()
        .history()
        .and_then(|h| h.state())
        .is_ok_and(|s| s.as_string().as_deref() == Some(GUARD))
}
