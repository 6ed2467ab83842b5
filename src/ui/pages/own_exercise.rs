//! `/exercises/new` and `/exercises/<id>/edit`: the person's own exercise, as their
//! physiotherapist gave it: a name, where it starts, the steps in their words, a dose.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::library::exercise::Kind;
use crate::domain::library::own_exercise::{
    ExerciseDraft, ExerciseDrafts, How, OwnExercise, Start, MAX_STEPS, MAX_STEP_CHARS,
    OLD_DRAFT_KEY,
};
use crate::domain::routines::own_routine::{Field, MAX_NAME_CHARS};
use crate::platform::clock;
use crate::ui::components::missing::Missing;
use crate::ui::components::page::Page;
use crate::ui::href;
use crate::ui::state::{AppState, Tone};

/// `/exercises/new` and `/exercises/<id>/edit`.
#[component]
pub fn OwnExerciseEditorPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id"));
    let Some(id) = id else {
        return view! { <Form editing=None start=OwnExercise::default() /> }.into_any();
    };
    match state
        .records
        .exercises
        .with_untracked(|e| e.get(&id).cloned())
    {
        Some(found) => view! { <Form editing=Some(id) start=found /> }.into_any(),
        None => view! {
            <Missing
                title="Exercise not found"
                text="There is no exercise of yours at this address. It may have been deleted."
                back_to="/library?mine=1"
                back_label="Go to your exercises"
            />
        }
        .into_any(),
    }
}

/// A row of radio pills for one choice of the form.
fn chips<T: Copy + PartialEq + Send + Sync + 'static>(
    draft: RwSignal<OwnExercise>,
    name: &'static str,
    all: &[T],
    label: fn(T) -> &'static str,
    get: fn(&OwnExercise) -> T,
    set: fn(&mut OwnExercise, T),
) -> impl IntoView {
    all.iter()
        .map(|&value| {
            view! {
                <label class="chip">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || draft.with(|d| get(d) == value)
                        on:change=move |_| draft.update(|d| set(d, value))
                    />
                    <span>{label(value)}</span>
                </label>
            }
        })
        .collect_view()
}

#[component]
fn Form(
    /// The id of the exercise being changed; `None` for a new one.
    editing: Option<String>,
    /// What the form starts with.
    start: OwnExercise,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let is_new = editing.is_none();
    // What was typed before a reload or a closed tab, for this same form, comes back.
    // Read once: this form then keeps its own draft in it and saves it. A draft kept
    // the older way (one, as text) is moved in first.
    let mut drafts: ExerciseDrafts = state.load_record("unsaved exercises");
    let older = state.raw(OLD_DRAFT_KEY);
    if let Some(d) = older.and_then(|text| serde_json::from_str::<ExerciseDraft>(&text).ok()) {
        if drafts.find(d.editing.as_deref(), None).is_none() {
            drafts.keep(d);
        }
        if state.save(&drafts, "unsaved exercises") {
            state.remove_raw(OLD_DRAFT_KEY);
        }
    }
    let kept = drafts
        .find(editing.as_deref(), None)
        .filter(|d| d.exercise != start)
        .cloned();
    let drafts = StoredValue::new(drafts);
    // Keeps or drops this form's draft, leaving the other forms' drafts alone.
    let keep_draft = {
        let editing = editing.clone();
        move |exercise: Option<OwnExercise>| {
            drafts.update_value(|drafts| {
                match exercise {
                    Some(exercise) => drafts.keep(ExerciseDraft {
                        editing: editing.clone(),
                        exercise,
                    }),
                    None => drafts.forget(editing.as_deref(), None),
                }
                state.save(drafts, "unsaved exercises");
            });
        }
    };
    let restored = RwSignal::new(kept.is_some());
    let mut first = kept.map_or_else(|| start.clone(), |d| d.exercise);
    if first.steps.is_empty() {
        first.steps.push(String::new());
    }
    let draft = RwSignal::new(first);
    {
        let keep_draft = keep_draft.clone();
        Effect::new(move |previous: Option<()>| {
            let exercise = draft.get();
            // Not on opening: only what the person changes is kept.
            if previous.is_some() {
                keep_draft(Some(exercise));
            }
        });
    }
    let discard = {
        let start = start.clone();
        let keep_draft = keep_draft.clone();
        move |_| {
            let mut fresh = start.clone();
            if fresh.steps.is_empty() {
                fresh.steps.push(String::new());
            }
            draft.set(fresh);
            keep_draft(None);
            restored.set(false);
        }
    };
    let error = RwSignal::new(None::<String>);
    // Numbers typed that are not whole numbers, by index: shown at the field, and Save
    // refuses them.
    let bad = RwSignal::new([false; 5]);

    let save = {
        let editing = editing.clone();
        let keep_draft = keep_draft.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if bad.get_untracked().iter().any(|b| *b) {
                error.set(Some(
                    "A number above is not a whole number: correct it, then save.".into(),
                ));
                return;
            }
            match draft.get_untracked().checked() {
                Err(problem) => error.set(Some(problem.to_string())),
                Ok(exercise) => {
                    error.set(None);
                    let name = exercise.name.clone();
                    let id = state.change_exercises(|e| {
                        e.save(editing.as_deref(), exercise, clock::now(), clock::salt())
                    });
                    keep_draft(None);
                    let said = if editing.is_some() {
                        format!("Saved the changes to \u{201c}{name}\u{201d}.")
                    } else {
                        format!("Added \u{201c}{name}\u{201d} to your exercises.")
                    };
                    state.notices.notify(Tone::Info, said);
                    navigate(&href(&format!("/exercise/{id}")), Default::default());
                }
            }
        }
    };

    let starts = chips(
        draft,
        "own-start",
        &Start::ALL,
        Start::label,
        |d| d.start,
        |d, s| {
            d.start = s;
        },
    );
    let hows = chips(
        draft,
        "own-how",
        &How::ALL,
        How::label,
        |d| d.how,
        |d, h| d.how = h,
    );
    let kinds = [Kind::Stretch, Kind::Strength, Kind::Posture]
        .into_iter()
        .map(|k| view! { <option value=k.slug()>{k.label()}</option> })
        .collect_view();

    // Redrawn only when a step is added or removed: typing keeps its box and focus.
    let step_count = Memo::new(move |_| draft.with(|d| d.steps.len()));
    let steps = move || {
        let count = step_count.get();
        (0..count)
            .map(|i| {
                let id = format!("own-step-{}", i + 1);
                view! {
                    <li class="step-field">
                        <label for=id.clone()>{format!("Step {}", i + 1)}</label>
                        <textarea
                            id=id
                            rows="2"
                            maxlength=MAX_STEP_CHARS.to_string()
                            prop:value=move || draft.with(|d| d.steps.get(i).cloned().unwrap_or_default())
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                draft.update(|d| {
                                    if let Some(s) = d.steps.get_mut(i) {
                                        *s = text;
                                    }
                                });
                            }
                        ></textarea>
                        <Show when=move || draft.with(|d| d.steps.len() > 1)>
                            <button
                                type="button"
                                class="link-button"
                                aria-label=format!("Remove step {}", i + 1)
                                on:click=move |_| draft.update(|d| {
                                    if i < d.steps.len() {
                                        d.steps.remove(i);
                                    }
                                })
                            >
                                "Remove"
                            </button>
                        </Show>
                    </li>
                }
            })
            .collect_view()
    };

    // Redrawn only when the labels or which numbers there are change (how a rep is done,
    // per side): a number typed never replaces the boxes, nor moves the focus.
    let shape = Memo::new(move |_| draft.with(|d| (d.how, d.each_side)));
    let numbers = move || {
        let (how, each_side) = shape.get();
        let shaped = OwnExercise {
            how,
            each_side,
            ..OwnExercise::default()
        };
        Field::ALL
            .into_iter()
            .filter_map(|f| Some((f, shaped.field(f)?)))
            .map(|(f, (label, min, max))| {
                let id = format!("own-{}", f.slug());
                let note_id = format!("{id}-note");
                let index = f as usize;
                let note = move || {
                    let value = draft.with(|d| d.get(f));
                    (bad.with(|b| b[index]) || value < min || value > max)
                        .then(|| format!("Enter a whole number from {min} to {max}."))
                };
                view! {
                    <div class="field number">
                        <label for=id.clone()>{label}</label>
                        <input
                            id=id
                            type="number"
                            inputmode="numeric"
                            min=min.to_string()
                            max=max.to_string()
                            aria-describedby=note_id.clone()
                            prop:value=move || draft.with(|d| d.get(f).to_string())
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                let text = text.trim().to_string();
                                let whole = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
                                bad.update(|b| b[index] = !whole);
                                if whole {
                                    let value = text.parse::<u16>().unwrap_or(u16::MAX);
                                    draft.update(|d| d.set(f, value));
                                }
                            }
                        />
                        <p class="hint beyond" id=note_id>{note}</p>
                    </div>
                }
            })
            .collect_view()
    };

    let title = if is_new {
        "Add your own exercise"
    } else {
        "Change your exercise"
    };
    let back = editing
        .as_ref()
        .map_or_else(|| "/library".to_string(), |id| format!("/exercise/{id}"));
    view! {
        <Page title=title later=true>
            <p class="lead">
                "For a move your physiotherapist gave you that is not in the library. "
                "Write it in your own words; the app does not check it."
            </p>
            <Show when=move || restored.get()>
                <p class="card caution" role="status">
                    "Your unsaved changes from before are back. "
                    <button type="button" class="link-button inline" on:click=discard.clone()>
                        "Discard them"
                    </button>
                </p>
            </Show>
            <form class="own-exercise-form" on:submit=save novalidate>
                <section class="card">
                    <div class="field">
                        <label for="own-name">"Name"</label>
                        <input
                            id="own-name"
                            type="text"
                            autocomplete="off"
                            maxlength=MAX_NAME_CHARS.to_string()
                            prop:value=move || draft.with(|d| d.name.clone())
                            on:input=move |ev| {
                                let text = event_target_value(&ev);
                                draft.update(|d| d.name = text);
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="own-kind">"What it is for"</label>
                        <select
                            id="own-kind"
                            prop:value=move || draft.with(|d| d.kind.slug())
                            on:change=move |ev| {
                                if let Some(k) = Kind::from_slug(&event_target_value(&ev)) {
                                    draft.update(|d| d.kind = k);
                                }
                            }
                        >
                            {kinds}
                        </select>
                    </div>
                    <fieldset class="chips choice">
                        <legend>"Starting position"</legend>
                        {starts}
                    </fieldset>
                </section>
                <section class="card" aria-labelledby="own-steps-heading">
                    <h2 id="own-steps-heading">"Steps"</h2>
                    <p class="hint">
                        {format!("Up to {MAX_STEPS} steps, in order. The voice reads them out the first times you do it.")}
                    </p>
                    <ol class="step-fields">{steps}</ol>
                    <Show when=move || draft.with(|d| d.steps.len() < MAX_STEPS)>
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| draft.update(|d| d.steps.push(String::new()))
                        >
                            "Add a step"
                        </button>
                    </Show>
                </section>
                <section class="card" aria-labelledby="own-dose-heading">
                    <h2 id="own-dose-heading">"How much"</h2>
                    <fieldset class="chips choice">
                        <legend>"Each rep"</legend>
                        {hows}
                    </fieldset>
                    <label class="check-row">
                        <input
                            type="checkbox"
                            prop:checked=move || draft.with(|d| d.each_side)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                draft.update(|d| d.each_side = on);
                            }
                        />
                        <span>"Done on one side, then the other"</span>
                    </label>
                    <div class="dose-fields">{numbers}</div>
                    <label class="check-row">
                        <input
                            type="checkbox"
                            aria-describedby="own-progression-hint"
                            prop:checked=move || draft.with(|d| d.progression)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                draft.update(|d| d.progression = on);
                            }
                        />
                        <span>"Suggest more reps as it gets easier"</span>
                    </label>
                    <p class="hint" id="own-progression-hint">
                        "Off unless you turn it on. On, the app uses its own rule: after 3 "
                        "comfortable days in a week it suggests 2 more reps, up to twice what you "
                        "set. Ask your physiotherapist first."
                    </p>
                </section>
                <p class="form-error" role="alert">{move || error.get()}</p>
                <div class="actions">
                    <button type="submit" class="big">
                        {if is_new { "Add exercise" } else { "Save changes" }}
                    </button>
                    <a
                        class="button secondary"
                        href=href(&back)
                        on:click=move |_| keep_draft(None)
                    >
                        "Cancel"
                    </a>
                </div>
            </form>
        </Page>
    }
}
