//! A new version of the app, installed in the background by the service worker: offered
//! as "Reload" only when reloading would lose nothing (no session open, no form with
//! unsaved input, no import being looked at).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;
use web_sys::ServiceWorkerRegistration;

use crate::platform::{base_path, service_worker};

/// Whether a new version waits, and what holds its notice back.
#[derive(Clone, Copy)]
pub struct Updates {
    waiting: RwSignal<Option<ServiceWorkerRegistration>, LocalStorage>,
    /// How many open things a reload would lose (forms being filled, import previews).
    holds: RwSignal<u32>,
    /// "Later" was chosen: asked again on the next visit.
    put_off: RwSignal<bool>,
}

impl Updates {
    pub fn new() -> Self {
        Updates {
            waiting: RwSignal::new_local(None),
            holds: RwSignal::new(0),
            put_off: RwSignal::new(false),
        }
    }

    /// Registers the service worker (release builds only, so development builds never
    /// serve stale files) and watches for a new version.
    pub fn watch(self) {
        if cfg!(debug_assertions) {
            return;
        }
        leptos::task::spawn_local(async move {
            match service_worker::register(base_path::base()).await {
                Ok(registration) => {
                    let waiting = self.waiting;
                    let reg = registration.clone();
                    service_worker::on_update_waiting(&registration, move || {
                        waiting.try_set(Some(reg.clone()));
                    });
                }
                Err(err) => leptos::logging::warn!("Offline use is not available: {err}"),
            }
        });
    }

    /// True when a new version waits and may be offered now: not while `playing` (a
    /// session is open), a form holds unsaved input or the person chose "Later". Tracked.
    pub fn offer(&self, playing: bool) -> bool {
        !playing
            && self.holds.get() == 0
            && !self.put_off.get()
            && self.waiting.with(Option::is_some)
    }

    /// Switches to the new version and reloads the page.
    pub fn apply(&self) {
        match self.waiting.get_untracked() {
            Some(registration) => service_worker::apply_update(&registration),
            None => {
                let _ = window().location().reload();
            }
        }
    }

    /// Hides the offer until the next visit.
    pub fn put_off(&self) {
        self.put_off.set(true);
    }

    /// Holds the offer back while `busy()` is true (input typed and not yet saved), for
    /// as long as the calling component lives.
    pub fn hold_while(&self, busy: impl Fn() -> bool + 'static) {
        let holds = self.holds;
        let held = Arc::new(AtomicBool::new(false));
        let in_effect = Arc::clone(&held);
        Effect::new(move |_| {
            let now = busy();
            if in_effect.swap(now, Ordering::Relaxed) != now {
                holds.update(|n| *n = if now { *n + 1 } else { n.saturating_sub(1) });
            }
        });
        on_cleanup(move || {
            if held.load(Ordering::Relaxed) {
                holds.try_update(|n| *n = n.saturating_sub(1));
            }
        });
    }
}

impl Default for Updates {
    fn default() -> Self {
        Self::new()
    }
}
