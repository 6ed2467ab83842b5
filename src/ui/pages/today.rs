//! `/`: what to do today.

use leptos::prelude::*;

use crate::domain::safety::{Outcome, SafetyCheck};
use crate::ui::components::page::Page;
use crate::ui::components::safety_check::CheckOutcome;
use crate::ui::state::AppState;

#[component]
pub fn Today() -> impl IntoView {
    let state = expect_context::<AppState>();
    let urgent = move || state.safety_check.with(SafetyCheck::outcome) == Some(Outcome::Urgent);
    view! {
        <Page title="Today">
            <CheckOutcome />
            // With an urgent sign, nothing here suggests exercise.
            <Show when=move || !urgent()>
                <section class="card">
                    <h2>"Start gently"</h2>
                    <p>
                        "Staying active is one of the best things you can do for everyday back "
                        "pain. Resting for a long time tends to make pain and stiffness worse."
                    </p>
                    <p>"Read the safety advice, then pick an exercise to try."</p>
                    <div class="actions">
                        <a href="/library" class="button">"Browse exercises"</a>
                        <a href="/safety" class="button secondary">"Safety advice"</a>
                    </div>
                </section>
            </Show>
        </Page>
    }
}
