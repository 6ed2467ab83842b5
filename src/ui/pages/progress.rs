//! `/progress`: weeks of minutes, the pain trend, active days and every session.

use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;

use crate::ui::href;
use leptos_router::hooks::use_params_map;

use crate::domain::dates::{self, plural};
use crate::domain::ids::{Log as _, RecordId};
use crate::domain::progress::calendar::{self, minutes_of, session_day};
use crate::domain::progress::pain;
use crate::domain::records::session_record::{AfterCheck, SessionRecord};
use crate::ui::components::charts::{MinutesChart, PainChart};
use crate::ui::components::missing::Missing;
use crate::ui::components::page::Page;
use crate::ui::components::results::ExerciseResults;
use crate::ui::format::{day_full, day_short, hurt_name};
use crate::ui::state::AppState;

/// How many weeks the charts show.
const WEEKS: usize = 8;

/// "3 → 2", "3 → –", or "–".
pub fn pain_change(record: &SessionRecord) -> String {
    match (record.pain_before, record.pain_after) {
        (None, None) => "–".to_string(),
        (b, a) => format!(
            "{} → {}",
            b.map_or("–".to_string(), |v| v.to_string()),
            a.map_or("–".to_string(), |v| v.to_string())
        ),
    }
}

/// "12 min", rounded to the nearest minute ("under 1 min" below 30 s).
pub fn session_minutes(record: &SessionRecord) -> String {
    match minutes_of(record.active_secs) {
        0 => "under 1 min".to_string(),
        m => format!("{m} min"),
    }
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let empty = move || {
        state
            .records
            .sessions
            .with(|s| s.records.is_empty() && s.older.is_empty())
            && state.records.activities.with(|a| a.records.is_empty())
    };
    view! {
        <Page title="Progress">
            <Show
                when=move || !empty()
                fallback=|| view! {
                    <section class="card empty">
                        <h2>"Nothing here yet"</h2>
                        <p>"After your first session or walk, your minutes and how your pain changes show up here."</p>
                        <div class="actions">
                            <a class="button" href=href("/")>"Go to Today"</a>
                            <a class="button secondary" href=href("/activity")>"Log activity"</a>
                        </div>
                    </section>
                }
            >
                <Charts />
                <ActiveDays />
                <SessionList />
                <section class="card" aria-labelledby="summary-link-heading">
                    <h2 id="summary-link-heading">"For your GP or physiotherapist"</h2>
                    <p>"A one or two page summary to print or save as a PDF. It is made on this device; nothing is sent anywhere."</p>
                    <a class="button secondary" href=href("/progress/summary")>"Open the summary"</a>
                </section>
            </Show>
        </Page>
    }
}

/// Minutes and pain over the last weeks.
#[component]
fn Charts() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = Memo::new(move |_| {
        let today = state.clock.today();
        let offset = state.clock.offset();
        state.records.sessions.with(|s| {
            state.records.activities.with(|a| {
                (
                    {
                        let mut weeks = calendar::weeks(s, a, today, WEEKS, offset);
                        calendar::add_older(&mut weeks, s);
                        weeks
                    },
                    pain::pain_weeks(s, today, WEEKS, offset),
                )
            })
        })
    });
    let rated =
        move || data.with(|(_, pain)| pain.iter().any(|w| w.before.is_some() || w.after.is_some()));
    view! {
        <section class="card" aria-labelledby="minutes-heading">
            <h2 id="minutes-heading">"Minutes each week"</h2>
            <p class="hint">"Guided sessions and logged activity, Monday to Sunday. The line is the weekly 150."</p>
            {move || view! { <MinutesChart weeks=data.with(|(w, _)| w.clone()) /> }}
        </section>
        <section class="card" aria-labelledby="pain-heading">
            <h2 id="pain-heading">"Pain"</h2>
            <Show
                when=rated
                fallback=|| view! { <p class="hint">"Rate your pain before and after a session to see how it changes over the weeks."</p> }
            >
                <p class="hint">"Average out of 10, before and after sessions."</p>
                {move || view! { <PainChart weeks=data.with(|(_, p)| p.clone()) /> }}
            </Show>
        </section>
    }
}

/// The streak and a month calendar of active days.
#[component]
fn ActiveDays() -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(state.clock.today().with_day(1).unwrap_or_default());
    let active = Memo::new(move |_| {
        let offset = state.clock.offset();
        state.records.sessions.with(|s| {
            state
                .records
                .activities
                .with(|a| calendar::active_days(s, a, offset))
        })
    });
    let streak = move || calendar::streak(&active.get(), state.clock.today());
    let grid = move || {
        let today = state.clock.today();
        let month = active.with(|a| calendar::month(shown.get(), a, today));
        month
            .weeks
            .into_iter()
            .map(|row| {
                let cells = row
                    .into_iter()
                    .map(|cell| match cell {
                        None => view! { <td></td> }.into_any(),
                        Some(day) => {
                            // Said, not only coloured: "21, today, active".
                            let extra = format!(
                                "{}{}",
                                if day.is_today { ", today" } else { "" },
                                if day.active { ", active" } else { "" }
                            );
                            view! {
                                <td>
                                    <span
                                        class="day"
                                        class:active=day.active
                                        class:today=day.is_today
                                        class:future=day.future
                                    >
                                        {day.day.day()}
                                        <span class="visually-hidden">{extra}</span>
                                    </span>
                                </td>
                            }
                            .into_any()
                        }
                    })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
    };
    let move_month = move |forward: bool| {
        shown.update(|m| {
            let next = if forward {
                m.checked_add_months(Months::new(1))
            } else {
                m.checked_sub_months(Months::new(1))
            };
            *m = next.unwrap_or(*m);
        });
    };
    let at_latest = move || shown.get() >= state.clock.today().with_day(1).unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="days-heading">
            <h2 id="days-heading">"Active days"</h2>
            <p class="streak">
                {move || match streak() {
                    0 => "No active days in a row right now.".to_string(),
                    n => format!("{} in a row.", plural(n as usize, "active day", "active days")),
                }}
            </p>
            <div class="month-bar">
                <button class="secondary" aria-label="Previous month" on:click=move |_| move_month(false)>"‹"</button>
                <h3 class="month-name" aria-live="polite">{move || dates::month_name(shown.get())}</h3>
                <button
                    class="secondary"
                    aria-label="Next month"
                    disabled=at_latest
                    on:click=move |_| move_month(true)
                >"›"</button>
            </div>
            <table class="month">
                <thead>
                    <tr>
                        // Two letters: three ran together in the narrowest phone's
                        // columns. The day's whole name for a screen reader.
                        {[
                            ("Mo", "Monday"),
                            ("Tu", "Tuesday"),
                            ("We", "Wednesday"),
                            ("Th", "Thursday"),
                            ("Fr", "Friday"),
                            ("Sa", "Saturday"),
                            ("Su", "Sunday"),
                        ]
                            .map(|(short, day)| view! {
                                <th scope="col">
                                    <span aria-hidden="true">{short}</span>
                                    <span class="visually-hidden">{day}</span>
                                </th>
                            })}
                    </tr>
                </thead>
                <tbody>{grid}</tbody>
            </table>
            <p class="hint">"A filled day had a session or logged activity."</p>
        </section>
    }
}

/// Every session, newest first, each opening its details.
#[component]
fn SessionList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        let offset = state.clock.offset();
        state.records.sessions.with(|log| {
            log.records
                .iter()
                .rev()
                .map(|r| {
                    view! {
                        <li>
                            <a class="session-row" href=href(&format!("/progress/session/{}", r.id().text()))>
                                <span class="session-day">{day_short(session_day(r, offset))}</span>
                                <span class="session-name">{r.routine_name.clone()}</span>
                                <span class="session-meta">
                                    {session_minutes(r)} " · pain " {pain_change(r)}
                                </span>
                            </a>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">"Sessions"</h2>
            <Show
                when=move || state.records.sessions.with(|s| !s.records.is_empty())
                fallback=|| view! { <p class="hint">"No guided sessions yet."</p> }
            >
                <ul class="session-list">{rows}</ul>
            </Show>
            // After making room (Settings): the older sessions are weekly totals.
            {move || state.records.sessions.with(|s| {
                let older = s.sessions_in_all() - s.records.len();
                (older > 0).then(|| {
                    let from = dates::local_day(s.kept_from, state.clock.offset());
                    view! {
                        <p class="hint">
                            {format!(
                                "{} from before {} {} kept only as weekly totals, in the charts \
                                 and the summary.",
                                plural(older, "session", "sessions"),
                                day_full(from),
                                if older == 1 { "is" } else { "are" },
                            )}
                        </p>
                    }
                })
            })}
        </section>
    }
}

/// `/progress/session/<id>`: one session in full.
#[component]
pub fn SessionDetailPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let record = move || {
        let id = RecordId::parse(&params.with(|p| p.get("id"))?)?;
        state.records.sessions.with(|log| log.get(id).cloned())
    };
    move || match record() {
        None => view! {
            <Missing
                title="Session not found"
                text="There is no session at this address in your history on this device."
                back_to="/progress"
                back_label="Go to Progress"
            />
        }
        .into_any(),
        Some(r) => view! { <SessionView record=r /> }.into_any(),
    }
}

#[component]
fn SessionView(
    /// The session to show.
    record: SessionRecord,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let day: NaiveDate = session_day(&record, state.clock.offset());
    let hurts = record
        .hurts
        .iter()
        .map(|h| {
            let name = hurt_name(h, &state);
            view! { <li>{format!("{name}: pain {} out of 10", h.rating)}</li> }
        })
        .collect_view();
    let after_check = record.after_check.map(|c| match c {
        AfterCheck::Settled => "Asked afterwards: the pain had settled.",
        AfterCheck::StillHurting => "Asked afterwards: it was still hurting.",
    });
    view! {
        <Page title="Session">
            <section class="card">
                <h2>{record.routine_name.clone()}</h2>
                <p class="meta">{day_full(day)} " · " {session_minutes(&record)} " of exercise"</p>
                <p>"Pain before → after: " <strong>{pain_change(&record)}</strong></p>
                {after_check.map(|t| view! { <p>{t}</p> })}
                <h3>"Exercises"</h3>
                <ExerciseResults exercises=record.exercises.clone() />
                {(!record.hurts.is_empty()).then(|| view! {
                    <h3>"“It hurts” during the session"</h3>
                    <ul class="summary-list">{hurts}</ul>
                })}
            </section>
            <a class="button secondary" href=href("/progress")>"Back to Progress"</a>
        </Page>
    }
}
