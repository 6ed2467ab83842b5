//! The app shell: shared state, routes, notices and the bottom navigation bar.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::components::{nav::BottomNav, notices::Notices};
use super::pages::{
    activity::ActivityPage,
    exercise::ExercisePage,
    first_run::FirstRun,
    library::Library,
    not_found::NotFound,
    progress::{Progress, SessionDetail},
    safety::Safety,
    session::SessionPage,
    settings::SettingsPage,
    summary::Summary,
    today::Today,
};
use super::state::AppState;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    // Another tab saved: show what it saved here too.
    let storage_events =
        crate::platform::storage::on_change(move |key| state.reload(key.as_deref()));
    on_cleanup(move || storage_events.remove());
    // Time moves on for whatever depends on the day or on time passing.
    if let Ok(ticker) = set_interval_with_handle(
        move || state.now.set(crate::platform::clock::now()),
        std::time::Duration::from_secs(30),
    ) {
        on_cleanup(move || ticker.clear());
    }
    let checked = move || state.safety_check.with(|c| c.is_answered());
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <div class="shell">
                <Notices />
                <main id="main" class="page" tabindex="-1">
                    // Before anything else, the first-run safety check.
                    <Show when=checked fallback=FirstRun>
                    <Routes fallback=NotFound>
                        <Route path=path!("/") view=Today />
                        <Route path=path!("/library") view=Library />
                        <Route path=path!("/exercise/:id") view=ExercisePage />
                        <Route path=path!("/session/:routine") view=SessionPage />
                        <Route path=path!("/progress") view=Progress />
                        <Route path=path!("/progress/summary") view=Summary />
                        <Route path=path!("/progress/session/:id") view=SessionDetail />
                        <Route path=path!("/activity") view=ActivityPage />
                        <Route path=path!("/settings") view=SettingsPage />
                        <Route path=path!("/safety") view=Safety />
                    </Routes>
                    </Show>
                </main>
                <Show when=checked>
                    <BottomNav />
                </Show>
            </div>
        </Router>
    }
}
