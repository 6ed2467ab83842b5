//! Messages about the app itself (storage problems and the like), shown above every page.

use leptos::prelude::*;

use crate::ui::state::{AppState, Tone};

/// Lists the current notices, each with a button to dismiss it.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || state.notices.get() key=|n| n.id let:notice>
                <div class="notice" class:warning=notice.tone == Tone::Warning>
                    <p>{notice.text}</p>
                    <button
                        class="notice-close"
                        aria-label="Dismiss this message"
                        on:click=move |_| state.dismiss(notice.id)
                    >
                        "OK"
                    </button>
                </div>
            </For>
        </div>
    }
}
