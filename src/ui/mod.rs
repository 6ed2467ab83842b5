//! Leptos components and pages. They hold signals, render and dispatch; rules live in
//! `domain` and browser access in `platform`.

pub mod app;
pub mod components;
pub mod format;
pub mod pages;
pub mod state;

use leptos::prelude::*;

/// Starts the app in the page: replaces the loading note with the app and registers the
/// service worker (release builds only, so development builds never serve stale files).
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(app::App);
    if !cfg!(debug_assertions) {
        leptos::task::spawn_local(async {
            if let Err(err) = crate::platform::service_worker::register().await {
                leptos::logging::warn!("Offline use is not available: {err}");
            }
        });
    }
}
