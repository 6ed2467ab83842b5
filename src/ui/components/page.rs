//! The frame of every page: its heading and the document title.

use leptos::prelude::*;

/// Sets the browser tab's title and renders the page's single `<h1>`.
#[component]
pub fn Page(
    /// The page's name, shown as its heading and in the title bar.
    title: &'static str,
    children: Children,
) -> impl IntoView {
    document().set_title(&format!("{title} · Steadyback"));
    view! {
        <h1>{title}</h1>
        {children()}
    }
}
