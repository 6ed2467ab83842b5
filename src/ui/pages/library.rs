//! `/library`: every exercise, with filters.

use leptos::prelude::*;

use crate::ui::components::page::Page;

#[component]
pub fn Library() -> impl IntoView {
    view! {
        <Page title="Library">
            <p class="lead">"Exercises and activities for everyday back pain."</p>
        </Page>
    }
}
