//! `/shared#…`: a routine someone passed on as a link (see [`crate::domain::routines::share`]).
//! It is previewed, and stored only when the person chooses "Add to my routines".

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::routines::own_routine;
use crate::domain::routines::share::{self, Shared};
use crate::platform::clock;
use crate::ui::components::page::Page;
use crate::ui::components::safety_check::{CheckOutcome, ExerciseGate};
use crate::ui::href;
use crate::ui::state::{AppState, Tone};

use super::RoutineItems;

/// The address's fragment, as the browser holds it (percent-encoded as typed).
fn fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// `/shared`.
#[component]
pub fn SharedPage() -> impl IntoView {
    // Read again when only the fragment changes (another link opened in this tab).
    let text = RwSignal::new(fragment());
    let listener = window_event_listener_untyped("hashchange", move |_| text.set(fragment()));
    on_cleanup(move || listener.remove());
    view! {
        <ExerciseGate page_title="Shared routine">
            {move || match share::decode(&text.get()) {
                Ok(shared) => view! { <Preview shared /> }.into_any(),
                Err(err) => view! {
                    <Page title="This link can't be used">
                        <p role="alert">{err.to_string()}</p>
                        <p>"Nothing was added to your routines."</p>
                        <a class="button" href=href("/")>"Go to Today"</a>
                    </Page>
                }
                .into_any(),
            }}
        </ExerciseGate>
    }
}

#[component]
fn Preview(
    /// The routine read from the link: its name, its exercises and doses, and the
    /// sender's own exercises they use.
    shared: Shared,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let Shared { name, items, own } = shared;
    // The sender's own exercises are looked up beside the person's own.
    let library = state.library().with_untracked(|l| l.with_visiting(&own));
    let minutes = own_routine::minutes(&items, &library);
    // Numbers past the range the app stands behind are marked beside each exercise;
    // said again here, before "Add to my routines".
    let beyond = own_routine::beyond_any(&items, &library);
    let theirs = own.len();
    let adding = RwSignal::new(false);
    let add = {
        let (name, items) = (name.clone(), items.clone());
        let own = own.clone();
        let navigate = navigate.clone();
        move |_| {
            // Once, however often it is tapped.
            if adding.get_untracked() {
                return;
            }
            adding.set(true);
            // Their own exercises first, so the routine finds them.
            state.change_exercises(|e| e.add_shared(&own, clock::now()));
            let mut id = String::new();
            state.records.routines.update(|r| {
                id = r.save(
                    None,
                    name.clone(),
                    items.clone(),
                    clock::now(),
                    clock::salt(),
                );
            });
            state.notices.notify(
                Tone::Info,
                format!("Added \u{201c}{name}\u{201d} to your routines."),
            );
            navigate(&href(&format!("/routines/{id}")), Default::default());
        }
    };
    let not_now = move |_| navigate(&href("/"), Default::default());
    let count = items.len();
    view! {
        <Page title="Shared routine">
            // What the safety check's answers mean, as Today would show it first.
            <CheckOutcome />
            <section class="card" aria-labelledby="shared-name">
                <p class="eyebrow">"From a link"</p>
                <h2 id="shared-name">{name.clone()}</h2>
                <p class="meta">
                    "About " {minutes} " minutes · " {count} " exercise"
                    {(count != 1).then_some("s")}
                </p>
                <RoutineItems items=items.clone() sender=own.clone() />
            </section>
            {(theirs > 0).then(|| view! {
                <p class="card caution">
                    {if theirs == 1 {
                        "One exercise is the sender's own, not from Steadyback's library: it is \
                         marked above. Its steps are the sender's words, and no source stands \
                         behind it. Adding the routine adds it to your exercises too."
                            .to_string()
                    } else {
                        format!(
                            "{theirs} exercises are the sender's own, not from Steadyback's \
                             library: they are marked above. Their steps are the sender's words, \
                             and no source stands behind them. Adding the routine adds them to \
                             your exercises too."
                        )
                    }}
                </p>
            })}
            <p class="card caution">
                "Someone shared this routine with you as a link. Steadyback did not make it "
                "and has not checked that it suits you: if you are not sure, ask your GP or "
                "physiotherapist before you do it."
            </p>
            {beyond.then(|| view! {
                <p class="card caution beyond-warning">
                    "Some numbers in this routine are more than Steadyback advises. Each one "
                    "is marked above, with what the source says or the app's own limit. Ask "
                    "your GP or physiotherapist whether they suit you before you add it."
                </p>
            })}
            <div class="actions">
                <button class="big" on:click=add disabled=move || adding.get()>
                    "Add to my routines"
                </button>
                <button class="secondary" on:click=not_now>"Not now"</button>
            </div>
            <p class="hint">"Nothing is kept unless you add it."</p>
        </Page>
    }
}
