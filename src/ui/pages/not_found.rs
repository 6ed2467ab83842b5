//! The page for an address that leads nowhere.

use leptos::prelude::*;

use crate::ui::components::missing::Missing;

/// Any unknown address.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Missing
            title="Page not found"
            text="There is nothing at this address. It may have moved, or the link has a typo."
            back_to="/"
            back_label="Go to Today"
        />
    }
}
