//! `/library`: every exercise, with filters that live in the address.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::domain::dates::plural;
use crate::domain::library::catalog::CATALOG;
use crate::domain::library::exercise::{Kind, Kit, Position};
use crate::domain::library::filter::Filter;
use crate::ui::components::exercise_card::ExerciseCard;
use crate::ui::components::page::Page;
use crate::ui::href;
use crate::ui::state::AppState;

/// One `<select>` of the filter bar.
#[component]
fn FilterSelect(
    /// The select's label.
    label: &'static str,
    /// Every choice, as (URL value, label).
    options: Vec<(&'static str, &'static str)>,
    /// The filter now in the address.
    filter: Memo<Filter>,
    /// The current value of this part of the filter.
    get: fn(&Filter) -> Option<&'static str>,
    /// Sets this part of the filter from a URL value ("" for any).
    set: fn(&mut Filter, &str),
    /// Called with the filter as the person changed it.
    on_change: Callback<Filter>,
) -> impl IntoView {
    let id = format!("filter-{}", label.to_ascii_lowercase());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=move || filter.with(get).unwrap_or("")
                on:change=move |ev| {
                    let mut next = filter.get_untracked();
                    set(&mut next, &event_target_value(&ev));
                    on_change.run(next);
                }
            >
                <option value="">"Any"</option>
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| Filter::from_query(|k| q.get(k))));
    let navigate = use_navigate();
    let apply = Callback::new(move |next: Filter| {
        navigate(
            &format!("/library{}", next.to_query()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let state = expect_context::<AppState>();
    // The person's own exercises first: the moves their physiotherapist gave them.
    let results = Memo::new(move |_| {
        state.library().with(|l| {
            let list = l.own().chain(CATALOG.iter().copied());
            filter.with(|f| f.apply(list).into_iter().cloned().collect::<Vec<_>>())
        })
    });
    let count = move || plural(results.with(Vec::len), "exercise", "exercises");
    view! {
        <Page title="Library" later=true>
            <a class="button secondary add-own" href=href("/exercises/new")>"Add your own exercise"</a>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="field search">
                    <label for="filter-search">"Search"</label>
                    <input
                        id="filter-search"
                        type="search"
                        placeholder="knee, wall, bed…"
                        autocomplete="off"
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |ev| {
                            let mut next = filter.get_untracked();
                            next.text = event_target_value(&ev);
                            apply.run(next);
                        }
                    />
                </div>
                <div class="filter-row">
                    <FilterSelect
                        label="Type"
                        options=Kind::ALL.iter().map(|k| (k.slug(), k.label())).collect()
                        filter
                        get=|f| f.kind.map(Kind::slug)
                        set=|f, v| f.kind = Kind::from_slug(v)
                        on_change=apply
                    />
                    <FilterSelect
                        label="Position"
                        options=Position::ALL.iter().map(|p| (p.slug(), p.label())).collect()
                        filter
                        get=|f| f.position.map(Position::slug)
                        set=|f, v| f.position = Position::from_slug(v)
                        on_change=apply
                    />
                    <FilterSelect
                        label="Kit"
                        options=Kit::ALL.iter().map(|k| (k.slug(), k.label())).collect()
                        filter
                        get=|f| f.kit.map(Kit::slug)
                        set=|f, v| f.kit = Kit::from_slug(v)
                        on_change=apply
                    />
                </div>
                <label class="check-row">
                    <input
                        type="checkbox"
                        prop:checked=move || filter.with(|f| f.mine)
                        on:change=move |ev| {
                            let mut next = filter.get_untracked();
                            next.mine = event_target_checked(&ev);
                            apply.run(next);
                        }
                    />
                    <span>"Only mine"</span>
                </label>
            </form>
            <div class="result-bar">
                <p class="result-count" role="status">{count}</p>
                <Show when=move || !filter.with(Filter::is_empty)>
                    <button class="link-button" on:click=move |_| apply.run(Filter::default())>
                        "Clear filters"
                    </button>
                </Show>
            </div>
            <Show
                when=move || results.with(|r| !r.is_empty())
                fallback=move || {
                    view! {
                        <section class="card empty">
                            <h2>"Nothing matches"</h2>
                            <p>
                                {move || if filter.with(|f| f.mine) && state.own_exercises().is_empty() {
                                    "You have not added an exercise of your own yet: use \u{201c}Add your own exercise\u{201d} above."
                                } else {
                                    "No exercise fits all of these filters."
                                }}
                            </p>
                            <button on:click=move |_| apply.run(Filter::default())>
                                "Clear the filters"
                            </button>
                        </section>
                    }
                }
            >
                <ul class="exercise-list">
                    {move || {
                        results
                            .get()
                            .into_iter()
                            .map(|e| view! { <ExerciseCard exercise=e /> })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </Page>
    }
}
