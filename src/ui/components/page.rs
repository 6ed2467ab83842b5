//! The frame of every page: its heading, the document title, and the after-session check.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::care::AfterCheckCard;

/// Sets the browser tab's title and renders the page's single `<h1>`.
#[component]
pub fn Page(
    /// The page's name, shown as its heading and in the title bar.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    document().set_title(&format!("{title} · Steadyback"));
    let location = use_location();
    // The check after a session that raised the pain comes up on any page but the
    // player, under the page's heading.
    let checking = move || !location.pathname.with(|p| p.starts_with("/session/"));
    view! {
        <h1>{title}</h1>
        <Show when=checking>
            <AfterCheckCard />
        </Show>
        {children()}
    }
}
