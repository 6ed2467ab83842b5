//! The frame of every page: its heading, the document title, and the after-session check.

use leptos::prelude::*;

use super::care::AfterCheckCard;

/// Sets the browser tab's title and renders the page's single `<h1>`.
#[component]
pub fn Page(
    /// The page's name, shown as its heading and in the title bar.
    title: &'static str,
    /// The page's content, under its heading.
    children: Children,
) -> impl IntoView {
    document().set_title(&format!("{title} · Steadyback"));
    view! {
        <h1>{title}</h1>
        // The check after a session that raised the pain, under the page's heading.
        <AfterCheckCard />
        {children()}
    }
}
