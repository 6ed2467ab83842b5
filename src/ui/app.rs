//! The app shell: shared state, routes, notices and the bottom navigation bar.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::components::{nav::BottomNav, notices::Notices, page::Page};
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

/// The pages after Today and the first-run check, each a `piece!` of its own named after
/// its route (`library_route`): release builds fetch its code the first time it is
/// opened (scripts/split-wasm.mjs splits it off; the service worker then keeps it for
/// offline use), debug builds keep it in the one wasm. `route::view` is the page for
/// `<Route>`: see [`later_page`] for what shows while it loads or when it can't.
macro_rules! later_pages {
    ($($route:ident => $page:ident as $title:literal,)*) => {$(
        mod $route {
            use super::*;

            crate::ui::piece! {
                /// The page's drawing, fetched the first time it is opened.
                fn $route() -> fn() -> AnyView { || view! { <$page /> }.into_any() } in $route
            }

            /// The page, or its frame while its code is fetched.
            pub fn view() -> AnyView {
                static PAGE: OnceLock<fn() -> AnyView> = OnceLock::new();
                later_page($title, &PAGE, || Box::pin($route()))
            }
        }
    )*};
}

later_pages! {
    library_route => LibraryPage as "Library",
    exercise_route => ExercisePage as "Exercise",
    session_route => SessionPage as "Session",
    progress_route => ProgressPage as "Progress",
    summary_route => SummaryPage as "Summary",
    session_detail_route => SessionDetailPage as "Session",
    activity_route => ActivityPage as "Log activity",
    settings_route => SettingsPage as "Settings",
    safety_route => SafetyPage as "Safety",
    routines_route => RoutinesPage as "Routines",
    routine_route => RoutinePage as "Routine",
    editor_route => EditorPage as "Routine",
    shared_route => SharedPage as "Shared routine",
    own_exercise_route => OwnExerciseEditorPage as "Your exercise",
}

/// Fetches a page's code (a `piece!`: `Err` when it can't be fetched).
type FetchPage = fn() -> Pin<Box<dyn Future<Output = Result<fn() -> AnyView, SplitLoaderError>>>>;

/// The page `fetch` gives, drawn at once when `kept` holds it (opened before). The first
/// time, while its code is fetched, its frame: the heading `title` (the page's own, or
/// what kind of page it is) and, after a moment, "Loading…". When the fetch fails
/// (offline, or the connection dropped), a calm message with "Try again" in the page's
/// place; the rest of the app goes on, and the next visit to the page tries again too.
fn later_page(
    title: &'static str,
    kept: &'static OnceLock<fn() -> AnyView>,
    fetch: FetchPage,
) -> AnyView {
    if let Some(page) = kept.get() {
        return page();
    }
    // None while fetching; then the page, or Err when it could not be fetched.
    let status = RwSignal::new(None::<Result<fn() -> AnyView, ()>>);
    let load = move || {
        status.try_set(None);
        leptos::task::spawn_local(async move {
            let fetched = fetch().await.map_err(|_| ());
            if let Ok(page) = fetched {
                let _ = kept.set(page);
            }
            status.try_set(Some(fetched));
        });
    };
    // Opened by a tap: fetched once the frame is on the screen, so the tap is answered
    // first (a page's first fetch starts many, its piece and the parts it shares, and
    // its code's first run is compiled then). Opened otherwise: fetched at once.
    if crate::ui::answering_click() {
        crate::ui::after_next_paint(load);
    } else {
        load();
    }
    (move || match status.get() {
        Some(Ok(page)) => untrack(page),
        Some(Err(_)) => view! {
            <Page title>
                <div class="page-frame">
                    <p>"This page could not be loaded: the connection seems to be offline or to have dropped."</p>
                    <p>"Today, your records and a session in progress are not affected."</p>
                    <button class="button" on:click=move |_| load()>"Try again"</button>
                </div>
            </Page>
        }
        .into_any(),
        None => view! {
            <Page title>
                <div class="page-frame" aria-busy="true">
                    <p class="frame-wait">"Loading…"</p>
                </div>
            </Page>
        }
        .into_any(),
    })
    .into_any()
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
    // Time moves on for whatever depends on the day or on time passing; what storage had
    // no room for is tried again.
    if let Ok(ticker) = set_interval_with_handle(
        move || {
            state.clock.tick();
            state.measure_room();
            state.retry_unsaved(false);
        },
        Duration::from_secs(30),
    ) {
        on_cleanup(move || ticker.clear());
    }
    state.updates.watch();
    // What a full storage had no room for before a reload of this tab.
    state.retry_unsaved(true);
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
                        <Route path=path!("/library") view=library_route::view />
                        <Route path=path!("/exercise/:id") view=exercise_route::view />
                        <Route path=path!("/exercises/new") view=own_exercise_route::view />
                        <Route path=path!("/exercises/:id/edit") view=own_exercise_route::view />
                        <Route path=path!("/session/:routine") view=session_route::view />
                        <Route path=path!("/progress") view=progress_route::view />
                        <Route path=path!("/progress/summary") view=summary_route::view />
                        <Route path=path!("/progress/session/:id") view=session_detail_route::view />
                        <Route path=path!("/activity") view=activity_route::view />
                        <Route path=path!("/settings") view=settings_route::view />
                        <Route path=path!("/safety") view=safety_route::view />
                        <Route path=path!("/routines") view=routines_route::view />
                        <Route path=path!("/routines/new") view=editor_route::view />
                        <Route path=path!("/routines/:id/edit") view=editor_route::view />
                        <Route path=path!("/routines/:id") view=routine_route::view />
                        <Route path=path!("/shared") view=shared_route::view />
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
