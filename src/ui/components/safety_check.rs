//! What the person's safety-check answers mean, shown on Today and Safety.

use leptos::prelude::*;

use crate::domain::records::safety::{Advice, Outcome, SafetyCheck, URGENT_ACTION};
use crate::domain::sources::Source;
use crate::platform::clock;
use crate::ui::components::page::Page;
use crate::ui::state::AppState;

/// Clears the stored answers, so the welcome check is asked again.
#[component]
pub fn RetakeCheck() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button class="secondary" on:click=move |_| state.records.safety_check.set(SafetyCheck::default())>
            "Take the safety check again"
        </button>
    }
}

/// The signs the person ticked, as a list.
#[component]
fn Ticked() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <ul class="advice">
            {move || {
                state
                    .records.safety_check
                    .with(|c| c.ticked().iter().map(|a| view! { <li>{a.text}</li> }).collect_view())
            }}
        </ul>
    }
}

/// A prominent card for urgent signs, a calm one for see-a-GP signs, nothing when clear.
#[component]
pub fn CheckOutcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.records.safety_check.with(SafetyCheck::outcome) {
        Some(Outcome::Urgent) => view! {
            <section class="card urgent" role="alert" aria-labelledby="outcome-heading">
                <h2 id="outcome-heading">"Get medical help now"</h2>
                <p>"You told us you have:"</p>
                <Ticked />
                <p class="urgent-action">{URGENT_ACTION}</p>
                <p>"Please don't start these exercises until a doctor has checked you."</p>
                <RetakeCheck />
            </section>
        }
        .into_any(),
        Some(Outcome::SeeProfessional) => view! {
            <section class="card caution" aria-labelledby="outcome-heading">
                <h2 id="outcome-heading">"Check with a GP or physiotherapist first"</h2>
                <p>"You told us you have:"</p>
                <Ticked />
                <p>
                    "Please talk to a GP or physiotherapist before you start. Once you have, "
                    "you can carry on here."
                </p>
            </section>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// Its children while the safety check allows exercise; the emergency advice, with a
/// way to take the check again, after an urgent answer. Every way into exercise (the
/// player, "Try it") goes through it.
#[component]
pub fn ExerciseGate(
    /// When the gate is the whole page: the page's title, shown above the advice.
    #[prop(optional)]
    page_title: Option<&'static str>,
    /// The way into exercise, shown while the safety check allows it.
    children: ChildrenFn,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let allowed = move || {
        state
            .records
            .safety_check
            .with(SafetyCheck::allows_exercise)
    };
    let advice = move || match page_title {
        Some(title) => view! { <Page title><CheckOutcome /></Page> }.into_any(),
        None => view! { <CheckOutcome /> }.into_any(),
    };
    view! {
        <Show when=allowed fallback=advice>
            {children()}
        </Show>
    }
}

/// "You took the safety check on 21 November 2026." and a way to take it again.
#[component]
pub fn CheckSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let when = move || {
        state
            .records
            .safety_check
            .with(|c| c.answered_at.map(clock::format_date))
    };
    view! {
        <section class="card" aria-labelledby="check-heading">
            <h2 id="check-heading">"Your safety check"</h2>
            {move || when().map(|date| view! { <p>"You last took it on " {date} "."</p> })}
            <Show when=move || state.records.safety_check.with(|c| !c.ticked().is_empty())>
                <p>"You ticked:"</p>
                <Ticked />
            </Show>
            <RetakeCheck />
        </section>
    }
}

/// "Source: NHS, The Physio Box": which sources an item comes from.
#[component]
pub fn SourceTag(
    /// The sources, in the order to name them.
    sources: &'static [Source],
) -> impl IntoView {
    let names = sources
        .iter()
        .map(|s| s.short())
        .collect::<Vec<_>>()
        .join(", ");
    view! { <span class="source-tag">"Source: " {names}</span> }
}

/// One piece of advice as a short note with its sources, e.g. beside a routine.
#[component]
pub fn AdviceNote(
    /// The advice to show.
    advice: &'static Advice,
) -> impl IntoView {
    view! {
        <p class="advice-note">
            {advice.text}
            " "
            <SourceTag sources=advice.sources />
        </p>
    }
}

/// A list of advice, each item with its sources.
#[component]
pub fn AdviceList(
    /// The advice to list.
    items: &'static [Advice],
) -> impl IntoView {
    view! {
        <ul class="advice">
            {items
                .iter()
                .map(|a| {
                    view! {
                        <li>
                            {a.text}
                            " "
                            <SourceTag sources=a.sources />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
