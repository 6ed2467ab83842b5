//! The app shell: shared state, routes, notices and the bottom navigation bar.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::components::{nav::BottomNav, notices::Notices};
use super::pages::{
    activity::ActivityPage,
    exercise::ExercisePage,
    first_run::FirstRunPage,
    library::LibraryPage,
    not_found::NotFoundPage,
    progress::{ProgressPage, SessionDetailPage},
    safety::SafetyPage,
    session::SessionPage,
    settings::SettingsPage,
    summary::SummaryPage,
    today::TodayPage,
};
use super::state::AppState;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    // Another tab saved: show what it saved here too. The listener lives as long as
    // the app (dropped with it, which stops it).
    let storage_events =
        crate::platform::storage::on_change(move |key| state.records.reload(key.as_deref()));
    StoredValue::new_local(storage_events);
    // Time moves on for whatever depends on the day or on time passing.
    if let Ok(ticker) =
        set_interval_with_handle(move || state.clock.tick(), Duration::from_secs(30))
    {
        on_cleanup(move || ticker.clear());
    }
    state.updates.watch();
    let checked = move || state.records.safety_check.with(|c| c.is_answered());
    view! {
        <Router base=crate::platform::base_path::base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <div class="shell">
                <Notices />
                <main id="main" class="page" tabindex="-1">
                    // Before anything else, the first-run safety check.
                    <Show when=checked fallback=FirstRunPage>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=TodayPage />
                        <Route path=path!("/library") view=LibraryPage />
                        <Route path=path!("/exercise/:id") view=ExercisePage />
                        <Route path=path!("/session/:routine") view=SessionPage />
                        <Route path=path!("/progress") view=ProgressPage />
                        <Route path=path!("/progress/summary") view=SummaryPage />
                        <Route path=path!("/progress/session/:id") view=SessionDetailPage />
                        <Route path=path!("/activity") view=ActivityPage />
                        <Route path=path!("/settings") view=SettingsPage />
                        <Route path=path!("/safety") view=SafetyPage />
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
