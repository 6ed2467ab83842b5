//! Any unknown address.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::page::Page;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"There is nothing at this address. It may have moved, or the link has a typo."</p>
            <A href="/" attr:class="button">"Go to Today"</A>
        </Page>
    }
}
