//! Cards shown only when something is due, which on most visits nothing is (the check
//! after a session, dose suggestions, the nudge to get advice, the backup reminder): what
//! they need to know stays in the first load, their drawing is a piece of its own
//! (`piece!`), fetched the first time one is due.

use std::future::Future;

use leptos::prelude::*;

use crate::ui::state::AppState;

/// The drawing of a card about a `T`.
pub type Draw<T> = fn(AppState, T) -> AnyView;

/// What the drawing `fetch` gives (a `piece!`: `Err` when it can't be fetched) draws of
/// the value `due` holds; nothing while it holds `None`. The drawing is fetched the first time something is due; when that fails
/// (offline), it is tried again at the next change of `due` or on the next page.
pub fn when_due<T, F, E>(
    state: AppState,
    due: Signal<Option<T>>,
    fetch: impl Fn() -> F + Copy + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Future<Output = Result<Draw<T>, E>> + 'static,
{
    let drawing = RwSignal::new(None::<Draw<T>>);
    Effect::new(move |_| {
        if due.with(Option::is_some) && drawing.get_untracked().is_none() {
            leptos::task::spawn_local(async move {
                if let Ok(draw) = fetch().await {
                    drawing.try_set(Some(draw));
                }
            });
        }
    });
    move || {
        due.get()
            .and_then(|value| drawing.get().map(|draw| draw(state, value)))
    }
}
