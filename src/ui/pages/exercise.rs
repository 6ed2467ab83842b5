//! `/exercise/<id>`: everything about one exercise.

use leptos::prelude::*;

use crate::ui::href;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::library::catalog;
use crate::domain::library::exercise::Exercise;
use crate::domain::library::own_exercise::{is_own, OwnExercise};
use crate::platform::clock;
use crate::ui::components::figure::{FigureLoop, FigureStill};
use crate::ui::components::missing::Missing;
use crate::ui::components::page::Page;
use crate::ui::components::safety_check::ExerciseGate;
use crate::ui::state::{AppState, Tone};

/// Whether the person has set this exercise aside, with the way to change it.
#[component]
fn SetAside(
    /// The exercise.
    exercise: &'static Exercise,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id: &'static str = &exercise.id;
    let aside = move || state.records.plan.with(|p| p.is_not_for_me(id));
    let level = move || {
        state.records.plan.with(|p| {
            p.levels
                .get(id)
                .map(|l| format!("Your dose now: {}.", l.text()))
        })
    };
    view! {
        {move || level().map(|t| view! { <p class="lead">{t}</p> })}
        <Show
            when=aside
            fallback=move || view! {
                <p class="hint">
                    "If this exercise makes your pain worse, you can "
                    <button class="link-button inline" on:click=move |_| {
                        state.update_plan(|p| p.set_not_for_me([id.to_string()], crate::platform::clock::now()));
                    }>"set it aside"</button>
                    " and it will be left out of your routines."
                </p>
            }
        >
            <section class="card caution" aria-labelledby="aside-heading">
                <h2 id="aside-heading">"Set aside: not for me"</h2>
                <p>"Your routines leave this exercise out. You can still try it on its own."</p>
                <button class="secondary" on:click=move |_| state.update_plan(|p| p.restore(id, crate::platform::clock::now()))>
                    "Bring it back"
                </button>
            </section>
        </Show>
    }
}

/// Links to other exercises by id ("Easier: Pelvic tilt").
#[component]
fn Swaps(
    /// "Easier" or "Harder".
    label: &'static str,
    /// The catalogue ids of the exercises to swap to.
    ids: &'static [&'static str],
) -> impl IntoView {
    let links = ids
        .iter()
        .filter_map(|id| catalog::get(id))
        .map(|e| view! { <li><a href=href(&format!("/exercise/{}", e.id))>{e.name.as_ref()}</a></li> })
        .collect_view();
    (!ids.is_empty()).then(|| {
        view! {
            <div class="swap">
                <h3>{label}</h3>
                <ul>{links}</ul>
            </div>
        }
    })
}

/// A bulleted list, or nothing when empty.
fn bullets(items: &'static [&'static str]) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! { <ul class="advice">{items.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul> }
    })
}

#[component]
fn Detail(
    /// The exercise.
    exercise: &'static Exercise,
) -> impl IntoView {
    let e = exercise;
    let kit = e
        .kit
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(", ");
    let has_swaps = !e.easier.is_empty() || !e.harder.is_empty();
    view! {
        <Page title=e.name.to_string()>
            <p class="lead">{e.purpose}</p>
            <ul class="tags" aria-label="About this exercise">
                <li>{e.kind.label()}</li>
                <li>{e.position.label()}</li>
                <li>{kit}</li>
            </ul>
            <FigureLoop exercise=e.clone() />
            <SetAside exercise=e />
            <ExerciseGate>
                <a class="button big try-it" href=href(&format!("/session/exercise:{}", e.id))>
                    "Try it"
                </a>
            </ExerciseGate>
            <section class="card">
                <h2>"How to do it"</h2>
                <ol class="steps">{e.steps.iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            </section>
            <section class="card">
                <h2>"How much"</h2>
                <dl class="dose-table">
                    {e
                        .dose
                        .amounts()
                        .into_iter()
                        .map(|(what, value, origin)| {
                            view! {
                                <div>
                                    <dt>{what}</dt>
                                    <dd>
                                        {value}
                                        <span class="origin">{origin.label()}</span>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
                {bullets(e.dose_notes)}
            </section>
            <section class="card">
                <h2>"Take care"</h2>
                {bullets(e.cautions)}
                <p>
                    "Stop if the pain reaches 7 out of 10, or if a move gives you sharp pain. "
                    <a href=href("/safety")>"When to stop, and when to get help"</a>
                </p>
            </section>
            {has_swaps
                .then(|| {
                    view! {
                        <section class="card">
                            <h2>"Swap it"</h2>
                            <Swaps label="Easier" ids=e.easier />
                            <Swaps label="Harder" ids=e.harder />
                        </section>
                    }
                })}
            <section class="sources" aria-labelledby="sources-heading">
                <h2 id="sources-heading">"Sources"</h2>
                <ul>{e.sources.iter().map(|s| view! { <li>{s.full()}</li> }).collect_view()}</ul>
            </section>
            <p><a href=href("/library")>"Back to the library"</a></p>
        </Page>
    }
}

/// The dose of a person's own exercise, as they set it: its start, without the room
/// to grow that suggestions may use, and without how often (no figure of theirs).
fn own_dose(own: &OwnExercise) -> impl IntoView {
    let as_set = OwnExercise {
        progression: false,
        ..own.clone()
    };
    let rows = as_set
        .dose()
        .amounts()
        .into_iter()
        .filter(|(what, _, _)| *what != "How often")
        .map(|(what, value, _)| view! { <div><dt>{what}</dt><dd>{value}</dd></div> })
        .collect_view();
    view! { <dl class="dose-table">{rows}</dl> }
}

/// A person's own exercise: marked as theirs, with no source, to change or delete.
#[component]
fn OwnDetail(
    /// The exercise, in the library's form.
    exercise: Exercise,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let e = exercise;
    let id = e.id.to_string();
    let name = e.name.to_string();
    let confirming = RwSignal::new(false);
    let Some(own) = state
        .records
        .exercises
        .with_untracked(|x| x.get(&id).cloned())
    else {
        return ().into_any();
    };
    let progression = own.progression;
    let delete = {
        let (id, name) = (id.clone(), name.clone());
        move |_| {
            state.change_exercises(|x| x.delete(&id, clock::now()));
            state.notices.notify(
                Tone::Info,
                format!("Deleted \u{201c}{name}\u{201d}. Routines that used it skip it now."),
            );
            navigate(&href("/library"), Default::default());
        }
    };
    let try_it = href(&format!("/session/exercise:{id}"));
    view! {
        <Page title=name.clone()>
            <ul class="tags" aria-label="About this exercise">
                <li class="own-tag">"Your own exercise"</li>
                <li>{e.kind.label()}</li>
                <li>{e.position.label()}</li>
            </ul>
            <FigureStill exercise=e.clone() class="figure-block own-figure" />
            <p class="hint">"The drawing shows where it starts, not the move."</p>
            <ExerciseGate>
                <a class="button big try-it" href=try_it.clone()>
                    "Try it"
                </a>
            </ExerciseGate>
            <section class="card">
                <h2>"How to do it"</h2>
                <p class="meta">{e.start}</p>
                <ol class="steps">{e.steps.iter().map(|s| view! { <li>{s.to_string()}</li> }).collect_view()}</ol>
            </section>
            <section class="card">
                <h2>"How much"</h2>
                {own_dose(&own)}
                <p class="hint">
                    {if progression {
                        "The app suggests more reps as it gets easier (you turned this on)."
                    } else {
                        "The app never suggests more of it: you turn that on when you change it."
                    }}
                </p>
            </section>
            <section class="card">
                <h2>"Take care"</h2>
                <p>
                    "Stop if the pain reaches 7 out of 10, or if a move gives you sharp pain. "
                    <a href=href("/safety")>"When to stop, and when to get help"</a>
                </p>
            </section>
            <section class="sources" aria-labelledby="sources-heading">
                <h2 id="sources-heading">"Source"</h2>
                <p>
                    "None: you added this exercise, in your own words. It is not from "
                    "Steadyback's library, and the app has not checked it."
                </p>
            </section>
            <div class="actions">
                <a class="button secondary" href=href(&format!("/exercises/{id}/edit"))>"Change it"</a>
                <button class="secondary danger" on:click=move |_| confirming.set(true)>"Delete"</button>
            </div>
            <Show when=move || confirming.get()>
                <section class="card caution" role="alertdialog" aria-labelledby="delete-heading">
                    <h2 id="delete-heading">{format!("Delete \u{201c}{name}\u{201d}?")}</h2>
                    <p>"Routines that use it will skip it. Your past sessions still count it, as an exercise of yours since deleted."</p>
                    <div class="actions">
                        <button class="danger" on:click=delete.clone()>"Delete it"</button>
                        <button class="secondary" on:click=move |_| confirming.set(false)>"Keep it"</button>
                    </div>
                </section>
            </Show>
            <p><a href=href("/library?mine=1")>"Your exercises"</a></p>
        </Page>
    }
    .into_any()
}

#[component]
pub fn ExercisePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        if let Some(exercise) = is_own(&id).then(|| state.exercise(&id)).flatten() {
            return view! { <OwnDetail exercise /> }.into_any();
        }
        if let Some(exercise) = catalog::get(&id) {
            return view! { <Detail exercise /> }.into_any();
        }
        view! {
            <Missing
                title="Exercise not found"
                text="There is no exercise at this address. The link may be old or mistyped."
                back_to="/library"
                back_label="Go to the library"
            />
        }
        .into_any()
    }
}
