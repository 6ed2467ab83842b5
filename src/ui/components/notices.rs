//! Messages about the app itself (storage problems, a new version), shown above every page.

use leptos::prelude::*;

use crate::ui::state::{AppState, NoticeAction, Tone};

/// Lists the current notices, each with its way out (if any) and a button to dismiss it,
/// and the offer of a new version when nothing would be lost by reloading.
#[component]
pub fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || state.notices.list() key=|n| n.id let:notice>
                <div class="notice" class:warning=notice.tone == Tone::Warning>
                    <p>{notice.text}</p>
                    <div class="notice-actions">
                        {notice.action.map(|action| {
                            let (label, run): (&str, fn(&AppState)) = match action {
                                NoticeAction::DownloadBackup => ("Download a backup", AppState::download_backup),
                                NoticeAction::DownloadStored => ("Download stored data", AppState::download_stored),
                            };
                            view! { <button class="secondary" on:click=move |_| run(&state)>{label}</button> }
                        })}
                        <button
                            class="notice-close"
                            aria-label="Dismiss this message"
                            on:click=move |_| state.notices.dismiss(notice.id)
                        >
                            "OK"
                        </button>
                    </div>
                </div>
            </For>
            <Show when=move || state.updates.offer(state.is_playing())>
                <div class="notice update">
                    <p>"A new version of Steadyback is ready."</p>
                    <div class="notice-actions">
                        <button on:click=move |_| state.updates.apply()>"Reload"</button>
                        <button class="secondary" on:click=move |_| state.updates.put_off()>
                            "Later"
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
