//! `/`: what to do today.

use leptos::prelude::*;

use crate::ui::href;

use crate::domain::dates::plural;
use crate::domain::progress::rotation::{self, GENTLE_START_DAYS};
use crate::domain::records::safety::SafetyCheck;
use crate::domain::routines::own_routine::OWN_PREFIX;
use crate::domain::routines::routine::Routine;
use crate::domain::session::{SavedSession, SessionPeek};
use crate::domain::sources::APP_OWN;
use crate::platform::clock;
use crate::ui::components::care::{NudgeCard, Suggestions};
use crate::ui::components::data::BackupReminder;
use crate::ui::components::figure::LaterStill;
use crate::ui::components::page::Page;
use crate::ui::components::safety_check::{AdviceNote, CheckOutcome};
use crate::ui::components::week::{WalkCard, WeekCard};
use crate::ui::state::AppState;

/// "The Physio Box, Cleveland Clinic".
fn source_names(routine: &Routine) -> String {
    let names: Vec<&str> = routine.sources().iter().map(|s| s.short()).collect();
    names.join(", ")
}

/// The suggested routine, with its one Start button.
#[component]
fn Suggested(
    /// The routine, as the person plays it.
    routine: Routine,
    /// True when the person pinned it (else Today chose it).
    pinned: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let unpin = move |_| {
        state.records.routines.update(|r| r.pin(None, clock::now()));
    };
    let names = routine
        .items
        .iter()
        .filter_map(|item| state.exercise(&item.exercise))
        .map(|e| {
            view! {
                <li>
                    <LaterStill exercise=e.clone() class="list-figure" />
                    <a href=href(&format!("/exercise/{}", e.id))>{e.name.to_string()}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card suggested" aria-labelledby="suggested-heading">
            <p class="eyebrow">
                {if pinned { "Today's routine · pinned by you" } else { "Today's routine" }}
            </p>
            <h2 id="suggested-heading">{routine.name.clone()}</h2>
            <p>{routine.description.clone()}</p>
            {routine.advice.map(|advice| view! { <AdviceNote advice /> })}
            <p class="meta">
                "About " {routine.estimated_minutes()} " minutes · "
                {plural(routine.items.len(), "exercise", "exercises")}
            </p>
            <ul class="routine-exercises">{names}</ul>
            <a class="button big" href=href(&format!("/session/{}", routine.id))>"Start"</a>
            {if pinned {
                view! {
                    <p class="hint">
                        "You pinned this routine. "
                        <button class="link-button inline" on:click=unpin>"Let Today choose"</button>
                    </p>
                }
                    .into_any()
            } else if routine.id.starts_with(OWN_PREFIX) {
                ().into_any()
            } else {
                view! { <p class="source-tag">"Exercises from " {source_names(&routine)}</p> }
                    .into_any()
            }}
        </section>
    }
}

#[component]
pub fn TodayPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let urgent = move || {
        !state
            .records
            .safety_check
            .with(SafetyCheck::allows_exercise)
    };
    let offset = state.clock.offset();
    let routines = Memo::new(move |_| {
        state.records.sessions.with(|log| {
            state
                .records
                .plan
                .with(|plan| rotation::for_today(log, plan, offset))
        })
    });
    // The routine the person pinned, as they play it, when it still exists and has
    // something left to play; else the one Today chose.
    let pinned = move || {
        let id = state
            .records
            .routines
            .with(|r| r.pinned_id().map(str::to_string))?;
        let routine = state.routine(&id)?;
        Some(state.as_planned(&routine)).filter(|r| !r.items.is_empty())
    };
    let suggested = move || match pinned() {
        Some(routine) => Some((routine, true)),
        None => routines.with(|r| r.suggested.clone()).map(|r| (r, false)),
    };
    // A session started and not finished: offer to carry on with it.
    let now = clock::now();
    let in_progress = state
        .glance_at::<SavedSession, SessionPeek>("session in progress")
        .and_then(|peek| {
            peek.in_progress(now)
                .map(|(id, name)| (id.to_string(), name.to_string()))
        });
    let others = move || {
        let shown = suggested().map(|(r, _)| r.id);
        let chosen = routines.with(|r| {
            r.suggested
                .iter()
                .chain(&r.others)
                .cloned()
                .collect::<Vec<_>>()
        });
        let own = state.records.routines.with(|own| {
            own.records
                .iter()
                .map(|r| state.as_planned(&state.library().with(|l| r.routine(l))))
                .filter(|r| !r.items.is_empty())
                .collect::<Vec<_>>()
        });
        chosen
            .into_iter()
            .chain(own)
            .filter(|r| Some(&r.id) != shown.as_ref())
            .map(|r| {
                view! {
                    <li>
                        <a href=href(&format!("/session/{}", r.id))>{r.name.clone()}</a>
                        <span class="meta">
                            " · about " {r.estimated_minutes()} " min · "
                            {if r.id.starts_with(OWN_PREFIX) {
                                "your own".to_string()
                            } else {
                                format!("from {}", source_names(&r))
                            }}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Page title="Today">
            <CheckOutcome />
            // With an urgent sign, nothing here suggests exercise.
            <Show when=move || !urgent()>
                {in_progress
                    .clone()
                    .map(|(id, name)| {
                        view! {
                            <section class="card caution" aria-labelledby="continue-heading">
                                <h2 id="continue-heading">"Session in progress"</h2>
                                <p>"You started " {name} " and haven't finished it yet."</p>
                                <a class="button" href=href(&format!("/session/{id}"))>"Continue"</a>
                            </section>
                        }
                    })}
                <NudgeCard />
                <BackupReminder />
                {move || match suggested() {
                    Some((routine, pinned)) => view! { <Suggested routine pinned /> }.into_any(),
                    None => view! {
                        <section class="card">
                            <h2>"Every routine's exercises are set aside"</h2>
                            <p>
                                "You marked them as not for you. Bring back the ones you want "
                                "to try again from their pages in the library, or log a walk."
                            </p>
                            <a class="button" href=href("/library")>"Go to the library"</a>
                        </section>
                    }
                    .into_any(),
                }}
                <WeekCard />
                <Suggestions />
                <WalkCard />
                <section class="card" aria-labelledby="others-heading">
                    <h2 id="others-heading">"Other routines"</h2>
                    <ul class="routine-list">{others}</ul>
                    <a class="button secondary" href=href("/routines")>
                        "All routines, and making your own"
                    </a>
                    <Show when=move || routines.with(|r| r.starting_out)>
                        <p class="hint starting-out">
                            {format!(
                                "Core stability and the desk break are suggested once you have \
                                 done A gentle start on {GENTLE_START_DAYS} different days. This \
                                 pacing is {APP_OWN}."
                            )}
                        </p>
                    </Show>
                </section>
                <Show when=move || state.records.sessions.with(|s| s.records.is_empty() && s.older.is_empty())>
                <section class="card">
                    <h2>"New here?"</h2>
                    <p>
                        "Staying active is one of the best things you can do for everyday back "
                        "pain. Resting for a long time tends to make pain and stiffness worse."
                    </p>
                    <div class="actions">
                        <a href=href("/library") class="button secondary">"Browse exercises"</a>
                        <a href=href("/safety") class="button secondary">"Safety advice"</a>
                    </div>
                </section>
                </Show>
            </Show>
        </Page>
    }
}
