//! `/routines/new` (optionally `?from=<routine>` to copy one) and `/routines/:id/edit`:
//! a name, exercises picked from the library, each with its dose, in the order chosen.
//!
//! Every change is kept as a draft (`steadyback:routine-draft`) until the routine is
//! saved or the changes discarded, so a reload or a closed tab loses nothing; following a
//! link away with unsaved changes asks first.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use wasm_bindgen::{closure::Closure, JsCast};

use crate::domain::library::catalog::CATALOG;
use crate::domain::library::exercise::Exercise;
use crate::domain::library::filter::Filter;
use crate::domain::routines::own_routine::{self, Field, OwnItem, RoutineDraft, RoutineDrafts};
use crate::platform::clock;
use crate::ui::components::figure::LaterStill;
use crate::ui::components::missing::Missing;
use crate::ui::components::page::Page;
use crate::ui::href;
use crate::ui::state::{AppState, Tone};

use super::{own_items, SetAsideNote};

/// One exercise in the editor: a key that stays with it as it moves, and its numbers.
#[derive(Clone, PartialEq)]
struct Row {
    key: u32,
    item: OwnItem,
}

/// What the editor starts from: an own routine to change, a routine to copy, or nothing.
fn starting_point(
    state: AppState,
    editing: Option<&str>,
    from: Option<&str>,
) -> Option<(String, Vec<OwnItem>)> {
    if let Some(id) = editing {
        let own = state
            .records
            .routines
            .with_untracked(|r| r.get(id).cloned())?;
        return Some((own.name, own.items));
    }
    match from {
        Some(id) => {
            let routine = state.routine(id)?;
            let name = state
                .records
                .routines
                .with_untracked(|r| r.copy_name(&routine.name));
            Some((name, own_items(&routine)))
        }
        None => Some((String::new(), Vec::new())),
    }
}

/// `/routines/new` and `/routines/:id/edit`.
#[component]
pub fn EditorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let state = expect_context::<AppState>();
    let editing = params.with_untracked(|p| p.get("id"));
    let from = query.with_untracked(|q| q.get("from"));
    match starting_point(state, editing.as_deref(), from.as_deref()) {
        Some((name, items)) => view! { <Editor editing from name items /> }.into_any(),
        None => view! {
            <Missing
                title="Routine not found"
                text="There is no routine at this address to change. It may have been deleted."
                back_to="/routines"
                back_label="See all routines"
            />
        }
        .into_any(),
    }
}

#[component]
fn Editor(
    /// The id of the own routine being changed; `None` for a new routine.
    editing: Option<String>,
    /// The id of the routine copied (`?from=`), if any. With `editing`, it tells this
    /// editor's draft from the others'.
    from: Option<String>,
    /// The name the editor starts with: the routine's, its copy's, or empty for a new one
    /// (a draft left unsaved in this editor wins).
    name: String,
    /// The exercises the editor starts with, at their doses (a draft left unsaved wins).
    items: Vec<OwnItem>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let initial = (name.clone(), items.clone());
    // A draft left in this same editor wins: the person's unsaved changes.
    // Read once: this editor then keeps its own draft in it and saves it.
    let drafts: RoutineDrafts = state.load_record("unsaved routines");
    let draft = drafts
        .find(editing.as_deref(), from.as_deref())
        .filter(|d| d.name != name || d.items != items)
        .cloned();
    let restored = draft.is_some();
    let drafts = StoredValue::new(drafts);
    let (name, items) = match draft {
        Some(d) => (d.name, d.items),
        None => (name, items),
    };
    // Keeps or drops this editor's draft, leaving the other editors' drafts alone.
    let keep_draft = {
        let (editing, from) = (editing.clone(), from.clone());
        move |draft: Option<(String, Vec<OwnItem>)>| {
            drafts.update_value(|drafts| {
                match draft {
                    Some((name, items)) => drafts.keep(RoutineDraft {
                        editing: editing.clone(),
                        from: from.clone(),
                        name,
                        items,
                    }),
                    None => drafts.forget(editing.as_deref(), from.as_deref()),
                }
                state.save(drafts, "unsaved routines");
            });
        }
    };
    let next_key = StoredValue::new(items.len() as u32);
    let rows = RwSignal::new(
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| Row {
                key: i as u32,
                item,
            })
            .collect::<Vec<_>>(),
    );
    let name = RwSignal::new(name);
    let problem = RwSignal::new(None::<String>);
    // Number fields whose typed text is not a whole number: Save waits for them.
    let bad = RwSignal::new(Vec::<(u32, Field)>::new());
    let current = move || {
        (
            name.get(),
            rows.with(|r| r.iter().map(|r| r.item.clone()).collect::<Vec<_>>()),
        )
    };
    let dirty = Memo::new({
        let initial = initial.clone();
        move |_| current() != initial
    });
    // Every change kept as this editor's draft; none once nothing differs. Not on
    // opening: a restored draft is already kept.
    {
        let keep_draft = keep_draft.clone();
        Effect::new(move |opened: Option<()>| {
            let now = current();
            let changed = dirty.get();
            if opened.is_some() {
                keep_draft(changed.then_some(now));
            }
        });
    }
    leave_guard(dirty);

    let minutes = move || {
        rows.with(|r| {
            own_routine::minutes(
                &r.iter().map(|r| r.item.clone()).collect::<Vec<_>>(),
                &state.library().read_untracked(),
            )
        })
    };

    let add = Callback::new(move |exercise: Exercise| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        rows.update(|r| {
            r.push(Row {
                key,
                item: OwnItem::of(&exercise),
            })
        });
    });

    let save = {
        let editing = editing.clone();
        let navigate = navigate.clone();
        let keep_draft = keep_draft.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let (typed, items) = current();
            if !bad.with_untracked(Vec::is_empty) {
                problem.set(Some(
                    "Some numbers are not whole numbers: correct the ones marked, then save."
                        .to_string(),
                ));
                return;
            }
            match own_routine::check(&typed, &items, &state.library().read_untracked()) {
                Err(err) => problem.set(Some(err.to_string())),
                Ok(checked) => {
                    problem.set(None);
                    let mut id = String::new();
                    state.records.routines.update(|r| {
                        id = r.save(
                            editing.as_deref(),
                            checked,
                            items,
                            clock::now(),
                            clock::salt(),
                        );
                    });
                    keep_draft(None);
                    state
                        .notices
                        .notify(Tone::Info, "Routine saved.".to_string());
                    // Saved: nothing to ask about on the way out.
                    let options = leptos_router::NavigateOptions {
                        replace: true,
                        ..Default::default()
                    };
                    navigate(&href(&format!("/routines/{id}")), options);
                }
            }
        }
    };
    let discard = {
        let editing = editing.clone();
        let keep_draft = keep_draft.clone();
        move |_| {
            keep_draft(None);
            let back = editing
                .clone()
                .map_or_else(|| "/routines".to_string(), |id| format!("/routines/{id}"));
            navigate(&href(&back), Default::default());
        }
    };
    let title = if editing.is_some() {
        "Change routine"
    } else {
        "New routine"
    };
    view! {
        <Page title>
            {restored
                .then(|| {
                    view! {
                        <p class="card caution" role="status">
                            "Your unsaved changes from before are back. Save them, or discard them."
                        </p>
                    }
                })}
            <form class="routine-editor" on:submit=save novalidate=true>
                <div class="field">
                    <label for="routine-name">"Name"</label>
                    <input
                        id="routine-name"
                        type="text"
                        maxlength=own_routine::MAX_NAME_CHARS.to_string()
                        autocomplete="off"
                        placeholder="My physio's routine"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(event_target_value(&ev))
                    />
                </div>
                <h2>"Exercises"</h2>
                <p class="meta" role="status">
                    {move || {
                        let count = rows.with(Vec::len);
                        match count {
                            0 => "None yet: add them from the list below.".to_string(),
                            n => format!(
                                "{n} exercise{} · about {} minutes",
                                if n == 1 { "" } else { "s" },
                                minutes(),
                            ),
                        }
                    }}
                </p>
                <ol class="editor-items">
                    <For each=move || rows.get() key=|r| r.key let:row>
                        <ItemEditor key=row.key rows bad />
                    </For>
                </ol>
                {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
                <div class="actions">
                    <button type="submit" class="big">"Save routine"</button>
                    <button type="button" class="secondary" on:click=discard>
                        {if editing.is_some() { "Discard changes" } else { "Discard" }}
                    </button>
                </div>
            </form>
            <Picker add />
        </Page>
    }
}

/// One exercise's numbers, moves and removal.
#[component]
fn ItemEditor(
    /// The key of the row shown: it stays with the exercise as it moves.
    key: u32,
    /// Every row of the editor, in order: this one is changed, moved and removed in it.
    rows: RwSignal<Vec<Row>>,
    /// The number fields whose typed text is not a whole number, by row key: this row's
    /// are marked and cleared here, and Save waits while any are left.
    bad: RwSignal<Vec<(u32, Field)>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let item = move || rows.with(|r| r.iter().find(|r| r.key == key).map(|r| r.item.clone()));
    let Some(first) = item() else {
        return ().into_any();
    };
    let remove = move |_| {
        rows.update(|r| r.retain(|r| r.key != key));
        bad.update(|b| b.retain(|(k, _)| *k != key));
    };
    let Some(exercise) = state.exercise(&first.exercise) else {
        // Only the person's own can be missing: deleted since.
        return view! {
            <li class="card editor-item gone">
                <p>
                    <strong>"An exercise of your own that was deleted"</strong>
                    " · this routine skips it."
                </p>
                <div class="actions small">
                    <button type="button" class="secondary danger" on:click=remove>
                        "Remove it"
                    </button>
                </div>
            </li>
        }
        .into_any();
    };
    let position = move || rows.with(|r| r.iter().position(|r| r.key == key));
    let count = move || rows.with(Vec::len);
    let shift = move |by: isize, focus: &'static str| {
        rows.update(|r| {
            if let Some(at) = r.iter().position(|r| r.key == key) {
                let to = at.checked_add_signed(by).filter(|to| *to < r.len());
                if let Some(to) = to {
                    r.swap(at, to);
                }
            }
        });
        // The button pressed moved with its exercise: keep the focus on it (or on the
        // other move button when this one can no longer be used).
        request_animation_frame(move || {
            let doc = document();
            let target = doc
                .get_element_by_id(&format!("{focus}-{key}"))
                .filter(|el| !el.has_attribute("disabled"))
                .or_else(|| {
                    let other = if focus == "up" { "down" } else { "up" };
                    doc.get_element_by_id(&format!("{other}-{key}"))
                });
            if let Some(el) = target.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    };
    let set_aside = state
        .records
        .plan
        .with_untracked(|p| p.is_not_for_me(&exercise.id));
    let fields = Field::ALL
        .into_iter()
        .filter_map(|field| {
            let (label, min, max) = first.field(field, &state.library().read_untracked())?;
            let id = format!("item-{key}-{}", field.slug());
            let typed_bad = move || bad.with(|b| b.contains(&(key, field)));
            let set_bad = move |on: bool| {
                bad.update(|b| {
                    b.retain(|x| *x != (key, field));
                    if on {
                        b.push((key, field));
                    }
                })
            };
            let message = move || {
                if typed_bad() {
                    return Some(format!("Enter a whole number from {min} to {max}."));
                }
                let item = item()?;
                let value = item.get(field);
                if value < min || value > max {
                    return Some(format!("Enter a whole number from {min} to {max}."));
                }
                item.beyond_range(&state.library().read_untracked())
                    .into_iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, note)| note)
            };
            let error_id = format!("{id}-note");
            Some(view! {
                <div class="field number">
                    <label for=id.clone()>{label}</label>
                    <input
                        id=id
                        type="number"
                        inputmode="numeric"
                        min=min.to_string()
                        max=max.to_string()
                        aria-describedby=error_id.clone()
                        prop:value=move || item().map(|i| i.get(field).to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            let text = text.trim();
                            match text.parse::<u16>() {
                                Ok(value) if text.bytes().all(|b| b.is_ascii_digit()) => {
                                    set_bad(false);
                                    rows.update(|r| {
                                        if let Some(row) = r.iter_mut().find(|r| r.key == key) {
                                            row.item.set(field, value);
                                        }
                                    });
                                }
                                _ => set_bad(true),
                            }
                        }
                    />
                    <p class="hint beyond" id=error_id>{message}</p>
                </div>
            })
        })
        .collect_view();
    let name = exercise.name.to_string();
    view! {
        <li class="card editor-item">
            <div class="editor-item-head">
                <LaterStill exercise class="list-figure" />
                <h3>{name.clone()}</h3>
            </div>
            {set_aside.then(|| view! { <SetAsideNote /> })}
            <div class="dose-fields">{fields}</div>
            <div class="actions small">
                <button
                    type="button"
                    class="secondary"
                    id=format!("up-{key}")
                    aria-label=format!("Move up: {name}")
                    disabled=move || position() == Some(0)
                    on:click=move |_| shift(-1, "up")
                >
                    "Move up"
                </button>
                <button
                    type="button"
                    class="secondary"
                    id=format!("down-{key}")
                    aria-label=format!("Move down: {name}")
                    disabled=move || position().is_none_or(|p| p + 1 >= count())
                    on:click=move |_| shift(1, "down")
                >
                    "Move down"
                </button>
                <button
                    type="button"
                    class="secondary danger"
                    aria-label=format!("Remove {name}")
                    on:click=remove
                >
                    "Remove"
                </button>
            </div>
        </li>
    }
    .into_any()
}

/// The library, searchable, each exercise with "Add".
#[component]
fn Picker(
    /// Called with the exercise chosen, to add it at the end of the routine.
    add: Callback<Exercise>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = RwSignal::new(String::new());
    let added = RwSignal::new(None::<String>);
    // The person's own exercises first, then the library's.
    let found = Memo::new(move |_| {
        let filter = Filter {
            text: text.get(),
            ..Filter::default()
        };
        state.library().with(|l| {
            let list = l.own().chain(CATALOG.iter().copied());
            filter.apply(list).into_iter().cloned().collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card picker" aria-labelledby="picker-heading">
            <h2 id="picker-heading">"Add exercises"</h2>
            <div class="field search">
                <label for="picker-search">"Search the library and your own exercises"</label>
                <input
                    id="picker-search"
                    type="search"
                    autocomplete="off"
                    placeholder="knee, wall, bed…"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
            </div>
            <p class="hint" role="status">{move || added.get()}</p>
            <ul class="picker-list">
                {move || {
                    found
                        .get()
                        .into_iter()
                        .map(|exercise| {
                            let name = exercise.name.to_string();
                            let chosen = exercise.clone();
                            view! {
                                <li>
                                    <LaterStill exercise class="list-figure" />
                                    <span class="picker-name">{name.clone()}</span>
                                    <button
                                        type="button"
                                        class="secondary"
                                        aria-label=format!("Add {name}")
                                        on:click=move |_| {
                                            add.run(chosen.clone());
                                            added.set(Some(format!("{name} added to the end of the routine.")));
                                        }
                                    >
                                        "Add"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || found.with(Vec::is_empty).then(|| view! { <p>"No exercise matches."</p> })}
        </section>
    }
}

/// While there are unsaved changes, following a link away asks first (the changes stay
/// as a draft either way). Removed when the editor goes.
fn leave_guard(dirty: Memo<bool>) {
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if !dirty.get_untracked() {
            return;
        }
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target.closest("a[href]").ok().flatten().is_none() {
            return;
        }
        let leave = window()
            .confirm_with_message(
                "Leave without saving? Your changes are kept as a draft and come back when you open this routine's editor again.",
            )
            .unwrap_or(true);
        if !leave {
            ev.prevent_default();
            ev.stop_propagation();
        }
    });
    let doc = document();
    let _ = doc.add_event_listener_with_callback("click", handler.as_ref().unchecked_ref());
    let handler = StoredValue::new_local(handler);
    on_cleanup(move || {
        handler.with_value(|h| {
            let _ =
                document().remove_event_listener_with_callback("click", h.as_ref().unchecked_ref());
        });
    });
}
