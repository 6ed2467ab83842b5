//! `/safety`: when to stop, when to get advice, and when to get help now.

use leptos::prelude::*;

use crate::domain::records::safety::{
    BEFORE_YOU_START, MEDICINE, SEE_A_PROFESSIONAL, URGENT, URGENT_ACTION, WHEN_TO_STOP,
};
use crate::domain::sources::Source;
use crate::ui::components::page::Page;
use crate::ui::components::safety_check::{AdviceList, CheckSummary};

#[component]
pub fn SafetyPage() -> impl IntoView {
    view! {
        <Page title="Safety" later=true>
            <section class="card urgent" aria-labelledby="urgent-heading">
                <h2 id="urgent-heading">"Get help now if you have"</h2>
                <AdviceList items=URGENT />
                <p class="urgent-action">{URGENT_ACTION}</p>
            </section>
            <section class="card" aria-labelledby="gp-heading">
                <h2 id="gp-heading">"See a GP or physiotherapist if"</h2>
                <AdviceList items=SEE_A_PROFESSIONAL />
            </section>
            <section class="card" aria-labelledby="stop-heading">
                <h2 id="stop-heading">"When to stop"</h2>
                <AdviceList items=WHEN_TO_STOP />
            </section>
            <section class="card" aria-labelledby="start-heading">
                <h2 id="start-heading">"Before you start"</h2>
                <AdviceList items=BEFORE_YOU_START />
                <AdviceList items=MEDICINE />
            </section>
            <CheckSummary />
            <section class="sources" aria-labelledby="sources-heading">
                <h2 id="sources-heading">"Sources"</h2>
                <ul>
                    {Source::ALL.iter().map(|s| view! { <li>{s.full()}</li> }).collect_view()}
                </ul>
            </section>
        </Page>
    }
}
