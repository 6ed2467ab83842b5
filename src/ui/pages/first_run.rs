//! The first-run welcome: a short safety check before anything else.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::records::safety::{
    Advice, SafetyCheck, BEFORE_YOU_START, SEE_A_PROFESSIONAL, URGENT,
};
use crate::platform::clock;
use crate::ui::components::page::Page;
use crate::ui::components::safety_check::AdviceList;
use crate::ui::state::AppState;

/// A group of signs to tick. Returns the signal of ticked ids.
#[component]
fn SignList(
    /// The question the group asks.
    legend: &'static str,
    /// The signs to tick.
    signs: &'static [Advice],
    /// The ids ticked so far (at first, those ticked on the first screen before the app
    /// ran); updated as boxes are ticked.
    ticked: RwSignal<Vec<&'static str>>,
) -> impl IntoView {
    let at_first = ticked.get_untracked();
    view! {
        <fieldset class="card checklist">
            <legend>{legend}</legend>
            {signs
                .iter()
                .map(|sign| {
                    let id = sign.id;
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                name=id
                                prop:checked=at_first.contains(&id)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ticked
                                        .update(|list| {
                                            list.retain(|x| *x != id);
                                            if on {
                                                list.push(id);
                                            }
                                        });
                                }
                            />
                            <span>{sign.text}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// Asks the urgent signs and the see-a-GP signs as two checklists, stores the answers
/// with today's date, and opens the app at Today, which shows what the answers mean.
#[component]
pub fn FirstRunPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    // Boxes ticked on the first screen while the app was still loading stay ticked.
    let carried = crate::ui::first_screen::ticked();
    let from = |signs: &'static [Advice]| -> Vec<&'static str> {
        signs
            .iter()
            .map(|s| s.id)
            .filter(|id| carried.iter().any(|c| c == id))
            .collect()
    };
    let urgent = RwSignal::new(from(URGENT));
    let see_professional = RwSignal::new(from(SEE_A_PROFESSIONAL));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let check = SafetyCheck::answered(
            clock::now(),
            &urgent.get_untracked(),
            &see_professional.get_untracked(),
        );
        state.records.safety_check.set(check);
        // Every page can open now: fetch the nearest ones in the background.
        crate::platform::preload_pages();
        // Today, written out: the router would write it under a sub-path as `/app`,
        // outside the app's scope `/app/`.
        let options = leptos_router::NavigateOptions {
            resolve: false,
            ..Default::default()
        };
        // A routine shared as a link stays in view: its preview shows once the check is
        // answered.
        let on_shared = window()
            .location()
            .pathname()
            .is_ok_and(|p| p.ends_with(crate::domain::routines::share::PATH));
        if !on_shared {
            navigate(&crate::ui::href("/"), options);
        }
    };
    view! {
        <Page title="Welcome to Steadyback">
            <p class="lead">
                "Gentle, guided exercise for everyday back pain. First, a quick safety "
                "check: tick anything that is true for you now. It takes less than a minute."
            </p>
            <form class="first-run" on:submit=submit>
                <SignList legend="Do you have any of these?" signs=URGENT ticked=urgent />
                <SignList legend="And any of these?" signs=SEE_A_PROFESSIONAL ticked=see_professional />
                <p class="hint">"If none of them are true, leave them all unticked."</p>
                <section class="card before-you-start" aria-labelledby="before-heading">
                    <h2 id="before-heading">"Before you begin"</h2>
                    <AdviceList items=BEFORE_YOU_START />
                </section>
                <button type="submit" class="wide">"Continue"</button>
            </form>
            <p class="privacy">"Your answers stay on this device."</p>
        </Page>
    }
}
