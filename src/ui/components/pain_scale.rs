//! The 0 to 10 pain scale: eleven large buttons, one tap to answer.

use leptos::prelude::*;

use crate::domain::records::safety::STOP_PAIN;

/// Asks for pain from 0 to 10. `value` shows the current answer; `on_pick` gets a tap.
#[component]
pub fn PainScale(
    /// The question, used as the group's name.
    question: &'static str,
    /// The answer given so far, if any.
    #[prop(into)]
    value: Signal<Option<u8>>,
    /// What to do with the number picked.
    on_pick: impl Fn(u8) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let buttons = (0..=10u8)
        .map(|n| {
            let high = n >= STOP_PAIN;
            view! {
                <button
                    type="button"
                    class="pain-choice"
                    class:high=high
                    aria-pressed=move || (value.get() == Some(n)).to_string()
                    on:click=move |_| on_pick(n)
                >
                    {n}
                </button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="pain-scale">
            <legend>{question}</legend>
            <div class="pain-choices">{buttons}</div>
            <p class="pain-ends" aria-hidden="true">
                <span>"0 no pain"</span>
                <span>"10 worst imaginable"</span>
            </p>
            <p class="visually-hidden">"0 means no pain, 10 the worst pain you can imagine."</p>
        </fieldset>
    }
}
