//! "Nothing here": a page heading, what was looked for, and one way back. Shared by the
//! pages whose address can name something that does not exist.

use leptos::prelude::*;

use crate::ui::href;

use crate::ui::components::page::Page;

/// "Nothing here", what was looked for, and one way back.
#[component]
pub fn Missing(
    /// The page heading, e.g. "Exercise not found".
    title: &'static str,
    /// One sentence on what is missing.
    text: &'static str,
    /// Where the way back leads.
    back_to: &'static str,
    /// What the way back says.
    back_label: &'static str,
) -> impl IntoView {
    view! {
        <Page title>
            <p>{text}</p>
            <a href=href(back_to) class="button">{back_label}</a>
        </Page>
    }
}
