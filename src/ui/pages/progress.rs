//! `/progress`: sessions, activity and pain over time.

use leptos::prelude::*;

use crate::ui::components::page::Page;

#[component]
pub fn Progress() -> impl IntoView {
    view! {
        <Page title="Progress">
            <section class="card empty">
                <h2>"Nothing here yet"</h2>
                <p>"After your first session, your minutes and how your pain changes show up here."</p>
            </section>
        </Page>
    }
}
