//! `/`: what to do today.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::components::page::Page;

#[component]
pub fn Today() -> impl IntoView {
    view! {
        <Page title="Today">
            <section class="card">
                <h2>"Start gently"</h2>
                <p>
                    "Staying active is one of the best things you can do for everyday back "
                    "pain. Lying still for a long time tends to make pain and stiffness worse."
                </p>
                <p>"Read the safety advice first, then look through the exercises."</p>
                <div class="actions">
                    <A href="/safety" attr:class="button">"Read the safety advice"</A>
                    <A href="/library" attr:class="button secondary">"Browse exercises"</A>
                </div>
            </section>
        </Page>
    }
}
