//! Pages for addresses that lead nowhere: an unknown path, exercise or routine.

use leptos::prelude::*;

use crate::ui::components::page::Page;

/// "Nothing here", what was looked for, and one way back.
#[component]
pub fn Missing(
    /// The page heading, e.g. "Exercise not found".
    title: &'static str,
    /// One sentence on what is missing.
    text: &'static str,
    /// Where the way back leads, and what the link says.
    back_to: &'static str,
    back_label: &'static str,
) -> impl IntoView {
    view! {
        <Page title>
            <p>{text}</p>
            <a href=back_to class="button">{back_label}</a>
        </Page>
    }
}

/// Any unknown address.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Missing
            title="Page not found"
            text="There is nothing at this address. It may have moved, or the link has a typo."
            back_to="/"
            back_label="Go to Today"
        />
    }
}
