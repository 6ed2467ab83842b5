//! `/activity`: log walks, swims, rides and other activity; edit or delete them.

use crate::domain::ids::Log;
use leptos::prelude::*;

use crate::ui::href;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::domain::dates::iso;
use crate::domain::ids::{Keyed, RecordId};
use crate::domain::records::activity::{parse_entry, Activity, ActivityKind, MAX_NOTE_CHARS};
use crate::platform::clock;
use crate::ui::components::page::Page;
use crate::ui::format::{day_long, minutes};
use crate::ui::state::AppState;

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Form {
    kind: RwSignal<ActivityKind>,
    minutes: RwSignal<String>,
    day: RwSignal<String>,
    note: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl Form {
    /// Fills the fields from `activity`, or empties them for a new entry on `today`.
    fn fill(self, activity: Option<&Activity>, today: chrono::NaiveDate) {
        self.kind
            .set(activity.map_or(ActivityKind::Walk, |a| a.kind));
        self.minutes
            .set(activity.map(|a| a.minutes.to_string()).unwrap_or_default());
        self.day.set(iso(activity.map_or(today, |a| a.day)));
        self.note
            .set(activity.map(|a| a.note.clone()).unwrap_or_default());
        self.error.set(None);
    }
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = use_query_map();
    let navigate = use_navigate();
    let editing = Memo::new(move |_| {
        query
            .with(|q| q.get("edit"))
            .and_then(|id| RecordId::parse(&id))
            .filter(|id| state.records.activities.with(|log| log.get(*id).is_some()))
    });
    let form = Form {
        kind: RwSignal::new(ActivityKind::Walk),
        minutes: RwSignal::new(String::new()),
        day: RwSignal::new(String::new()),
        note: RwSignal::new(String::new()),
        error: RwSignal::new(None),
    };
    let status = RwSignal::new(None::<String>);
    let deleted = RwSignal::new(None::<Activity>);
    // A new version's "Reload" waits while something typed is not saved yet.
    state.updates.hold_while(move || {
        form.minutes.with(|m| !m.is_empty()) || form.note.with(|n| !n.is_empty())
    });
    // Refills the form when what is edited changes, and only then: not when the clock
    // moves on, which would wipe what is being typed.
    Effect::new(move |_| {
        let id = editing.get();
        let today = untrack(|| state.clock.today());
        state.records.activities.with_untracked(|log| {
            form.fill(id.and_then(|id| log.get(id)), today);
        });
    });

    let nav = navigate.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = state.clock.today();
        let entry = form.note.with_untracked(|note| {
            form.minutes
                .with_untracked(|m| form.day.with_untracked(|d| parse_entry(d, m, note, today)))
        });
        match entry {
            Err(err) => {
                form.error.set(Some(err.to_string()));
                status.set(None);
            }
            Ok(entry) => {
                let now = clock::now();
                let id = editing.get_untracked().unwrap_or(RecordId {
                    at: now,
                    salt: clock::salt(),
                });
                let activity = Activity {
                    id: id.at,
                    salt: id.salt,
                    updated_at: now,
                    day: entry.day,
                    kind: form.kind.get_untracked(),
                    minutes: entry.minutes,
                    note: entry.note,
                };
                status.set(Some(format!(
                    "Saved: {} of {} on {}.",
                    minutes(u32::from(activity.minutes)),
                    activity.kind.label().to_ascii_lowercase(),
                    day_long(activity.day)
                )));
                state.records.activities.update(|log| log.upsert(activity));
                deleted.set(None);
                if editing.get_untracked().is_some() {
                    nav("/activity", Default::default());
                } else {
                    form.fill(None, today);
                }
            }
        }
    };
    let nav = navigate.clone();
    let delete = move |_| {
        let Some(id) = editing.get_untracked() else {
            return;
        };
        let mut removed = None;
        state
            .records
            .activities
            .update(|log| removed = log.remove(id, clock::now()));
        deleted.set(removed);
        status.set(None);
        nav("/activity", Default::default());
    };
    let undo = move |_| {
        if let Some(mut activity) = deleted.get_untracked() {
            // Newer than the deletion, so it wins over it in every tab.
            activity.updated_at = clock::now();
            state.records.activities.update(|log| log.upsert(activity));
        }
        deleted.set(None);
    };
    let cancel = move |_| navigate("/activity", Default::default());

    let kinds = ActivityKind::ALL
        .into_iter()
        .map(|kind| {
            view! {
                <label class="chip">
                    <input
                        type="radio"
                        name="activity-kind"
                        value=kind.slug()
                        prop:checked=move || form.kind.get() == kind
                        on:change=move |_| form.kind.set(kind)
                    />
                    <span>{kind.label()}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <Page title="Log activity">
            <form class="card activity-form" on:submit=save novalidate=true>
                <h2>{move || if editing.get().is_some() { "Edit activity" } else { "What did you do?" }}</h2>
                <fieldset class="chips">
                    <legend class="visually-hidden">"Activity"</legend>
                    {kinds}
                </fieldset>
                <div class="field-row">
                    <div class="field">
                        <label for="activity-minutes">"Minutes"</label>
                        <input
                            id="activity-minutes"
                            type="number"
                            inputmode="numeric"
                            min="1"
                            max="600"
                            step="1"
                            required=true
                            aria-describedby="activity-error"
                            prop:value=move || form.minutes.get()
                            on:input=move |ev| form.minutes.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="activity-day">"Date"</label>
                        <input
                            id="activity-day"
                            type="date"
                            required=true
                            max=move || iso(state.clock.today())
                            prop:value=move || form.day.get()
                            on:input=move |ev| form.day.set(event_target_value(&ev))
                        />
                    </div>
                </div>
                <div class="field">
                    <label for="activity-note">"Note (optional)"</label>
                    <input
                        id="activity-note"
                        type="text"
                        maxlength=MAX_NOTE_CHARS.to_string()
                        placeholder="Where, who with, how it felt"
                        prop:value=move || form.note.get()
                        on:input=move |ev| form.note.set(event_target_value(&ev))
                    />
                </div>
                <p id="activity-error" class="form-error" role="alert">{move || form.error.get()}</p>
                <div class="actions">
                    <button type="submit">
                        {move || if editing.get().is_some() { "Save changes" } else { "Save" }}
                    </button>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" class="secondary" on:click=cancel.clone()>"Cancel"</button>
                        <button type="button" class="secondary danger" on:click=delete.clone()>"Delete"</button>
                    </Show>
                </div>
                <p class="form-status" role="status">{move || status.get()}</p>
            </form>
            <Show when=move || deleted.with(Option::is_some)>
                <div class="card undo" role="status">
                    <p>"Activity deleted."</p>
                    <button class="secondary" on:click=undo>"Undo"</button>
                </div>
            </Show>
            <ActivityList />
        </Page>
    }
}

/// Everything logged, newest first, each with an edit link.
#[component]
fn ActivityList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        state.records.activities.with(|log| {
            log.records
                .iter()
                .rev()
                .map(|a| {
                    let text = format!("{} · {}", a.kind.label(), minutes(u32::from(a.minutes)));
                    let note = (!a.note.is_empty()).then(|| a.note.clone());
                    view! {
                        <li>
                            <span class="activity-day">{day_long(a.day)}</span>
                            <span class="activity-what">{text}</span>
                            {note.map(|n| view! { <span class="activity-note">{n}</span> })}
                            <a href=href(&format!("/activity?edit={}", a.key().text())) class="activity-edit">
                                "Edit"
                                <span class="visually-hidden">{format!(" {} on {}", a.kind.label().to_ascii_lowercase(), day_long(a.day))}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="logged-heading">
            <h2 id="logged-heading">"Logged activity"</h2>
            <Show
                when=move || state.records.activities.with(|log| !log.records.is_empty())
                fallback=|| view! { <p class="hint">"Nothing logged yet. Walks count toward your weekly minutes too."</p> }
            >
                <ul class="activity-list">{rows}</ul>
            </Show>
        </section>
    }
}
