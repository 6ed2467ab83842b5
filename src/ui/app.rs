//! The app shell: shared state, routes, notices and the bottom navigation bar.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
#[cfg(not(debug_assertions))]
use leptos_router::{lazy_route, Lazy, LazyRoute};

use super::components::{nav::BottomNav, notices::Notices};
use super::pages::{
    activity::ActivityPage,
    exercise::ExercisePage,
    first_run::FirstRunPage,
    library::LibraryPage,
    not_found::NotFoundPage,
    own_exercise::OwnExerciseEditorPage,
    progress::{ProgressPage, SessionDetailPage},
    routines::{editor::EditorPage, shared::SharedPage, RoutinePage, RoutinesPage},
    safety::SafetyPage,
    session::SessionPage,
    settings::SettingsPage,
    summary::SummaryPage,
    today::TodayPage,
};
use super::state::AppState;

/// Release builds fetch the code of every page but Today and the first-run check the
/// first time it is opened: each `…Route` here is split off into a wasm of its own by
/// wasm-split (scripts/post-build.mjs), which the service worker then precaches for
/// offline use. Debug builds (development, the browser tests) keep every page in one
/// wasm, as the split step only runs on release builds.
macro_rules! later_pages {
    ($($route:ident => $page:ident),* $(,)?) => {$(
        #[cfg(not(debug_assertions))]
        struct $route;

        #[cfg(not(debug_assertions))]
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }
            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    )*};
}

later_pages! {
    LibraryRoute => LibraryPage,
    ExerciseRoute => ExercisePage,
    SessionRoute => SessionPage,
    ProgressRoute => ProgressPage,
    SummaryRoute => SummaryPage,
    SessionDetailRoute => SessionDetailPage,
    ActivityRoute => ActivityPage,
    SettingsRoute => SettingsPage,
    SafetyRoute => SafetyPage,
    RoutinesRoute => RoutinesPage,
    RoutineRoute => RoutinePage,
    EditorRoute => EditorPage,
    SharedRoute => SharedPage,
    OwnExerciseRoute => OwnExerciseEditorPage,
}

/// A page of `later_pages!` for a route: fetched when opened in release builds.
#[cfg(not(debug_assertions))]
macro_rules! later {
    ($route:ident, $page:ident) => {
        Lazy::<$route>::new()
    };
}
#[cfg(debug_assertions)]
macro_rules! later {
    ($route:ident, $page:ident) => {
        $page
    };
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    // Another tab saved: show what it saved here too. The listener lives as long as
    // the app (dropped with it, which stops it).
    let storage_events =
        crate::platform::storage::on_change(move |key| state.reload(key.as_deref()));
    StoredValue::new_local(storage_events);
    // Time moves on for whatever depends on the day or on time passing.
    if let Ok(ticker) =
        set_interval_with_handle(move || state.clock.tick(), Duration::from_secs(30))
    {
        on_cleanup(move || ticker.clear());
    }
    state.updates.watch();
    // The theme and text size, on the root element, where the styles read them.
    // index.html's first script sets the same before the first paint.
    Effect::new(move |_| {
        let (theme, text) = state
            .records
            .settings
            .with(|s| (s.theme.slug(), s.text_size.slug()));
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme);
            let _ = root.set_attribute("data-text", text);
        }
    });
    let checked = move || state.records.safety_check.with(|c| c.is_answered());
    view! {
        <Router base=crate::platform::base_path::base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <div class="shell" class:in-session=move || state.in_session()>
                <Notices />
                <main id="main" class="page" tabindex="-1">
                    // Before anything else, the first-run safety check.
                    <Show when=checked fallback=FirstRunPage>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/") view=TodayPage />
                        <Route path=path!("/library") view={later!(LibraryRoute, LibraryPage)} />
                        <Route path=path!("/exercise/:id") view={later!(ExerciseRoute, ExercisePage)} />
                        <Route path=path!("/exercises/new") view={later!(OwnExerciseRoute, OwnExerciseEditorPage)} />
                        <Route path=path!("/exercises/:id/edit") view={later!(OwnExerciseRoute, OwnExerciseEditorPage)} />
                        <Route path=path!("/session/:routine") view={later!(SessionRoute, SessionPage)} />
                        <Route path=path!("/progress") view={later!(ProgressRoute, ProgressPage)} />
                        <Route path=path!("/progress/summary") view={later!(SummaryRoute, SummaryPage)} />
                        <Route path=path!("/progress/session/:id") view={later!(SessionDetailRoute, SessionDetailPage)} />
                        <Route path=path!("/activity") view={later!(ActivityRoute, ActivityPage)} />
                        <Route path=path!("/settings") view={later!(SettingsRoute, SettingsPage)} />
                        <Route path=path!("/safety") view={later!(SafetyRoute, SafetyPage)} />
                        <Route path=path!("/routines") view={later!(RoutinesRoute, RoutinesPage)} />
                        <Route path=path!("/routines/new") view={later!(EditorRoute, EditorPage)} />
                        <Route path=path!("/routines/:id/edit") view={later!(EditorRoute, EditorPage)} />
                        <Route path=path!("/routines/:id") view={later!(RoutineRoute, RoutinePage)} />
                        <Route path=path!("/shared") view={later!(SharedRoute, SharedPage)} />
                    </Routes>
                    </Show>
                </main>
                // Not during a session, which has its own way out.
                <Show when=move || checked() && !state.in_session()>
                    <BottomNav />
                </Show>
            </div>
        </Router>
    }
}
