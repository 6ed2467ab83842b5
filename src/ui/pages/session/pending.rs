//! A session saved earlier that needs a decision before this one starts.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::player::Player;
use crate::domain::session::SavedSession;

use super::Pending;

/// The choice about a session saved earlier.
#[component]
pub(super) fn PendingChoice(
    /// The session saved earlier, and why it needs a decision.
    pending: Pending,
    /// The player of the session about to start.
    player: Player,
    /// Cleared once the person has decided.
    resolve: RwSignal<Option<Pending>>,
) -> impl IntoView {
    let navigate = use_navigate();
    let discard = move |_| {
        player
            .state
            .save(&SavedSession::default(), "session in progress");
        resolve.set(None);
    };
    match pending {
        Pending::Stale(old) => {
            let name = old.routine_name().to_string();
            let finish = move |_| {
                let mut old = old.clone();
                old.finish_stale();
                if let Some(record) = old.record() {
                    player.state.log_session(record);
                }
                player
                    .state
                    .save(&SavedSession::default(), "session in progress");
                resolve.set(None);
            };
            view! {
                <section class="card caution">
                    <h2>"You left a session over an hour ago"</h2>
                    <p>
                        "Keep what you did in " {name} " as a finished session, or throw it "
                        "away? Then you can start this one."
                    </p>
                    <div class="actions">
                        <button on:click=finish>"Finish it"</button>
                        <button class="secondary" on:click=discard>"Discard it"</button>
                    </div>
                </section>
            }
            .into_any()
        }
        Pending::Other(old) => {
            let href = format!("/session/{}", old.routine_id());
            let name = old.routine_name().to_string();
            let go = move |_| {
                resolve.set(None);
                navigate(&href, Default::default());
            };
            view! {
                <section class="card caution">
                    <h2>"Another session is still going"</h2>
                    <p>"You have not finished " {name} ". Go back to it, or throw it away and start this one?"</p>
                    <div class="actions">
                        <button on:click=go>"Go back to it"</button>
                        <button class="secondary" on:click=discard>"Discard it"</button>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}
