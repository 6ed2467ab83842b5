//! `/progress/summary`: a summary for a GP or physiotherapist, made for printing on one
//! or two A4 pages. Made in the page from the data on this device; nothing is sent.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::ui::href;

use crate::domain::dates::{self, monday_of};
use crate::domain::library::own_exercise::is_own;
use crate::domain::progress::calendar::{self, session_day};
use crate::domain::progress::pain;
use crate::domain::records::safety::SafetyCheck;
use crate::domain::records::session_record::SessionLog;
use crate::ui::components::figure::FigureStill;
use crate::ui::components::page::Page;
use crate::ui::format::{day_full, day_month, day_short, hurt_name, pain_trend, tenths};
use crate::ui::state::AppState;

/// At most this many weeks in the table, so the summary stays within two pages.
const MAX_WEEKS: usize = 12;

/// "4.5" or "–".
fn avg_text(value: Option<f32>) -> String {
    value.map_or_else(|| "–".to_string(), tenths)
}

/// Sessions per week, by Monday, the weeks kept as totals included.
fn sessions_per_week(log: &SessionLog, offset: i32) -> BTreeMap<NaiveDate, u32> {
    let mut counts: BTreeMap<NaiveDate, u32> = log
        .older_weeks()
        .iter()
        .map(|w| (w.monday, w.sessions))
        .collect();
    for r in &log.records {
        *counts.entry(monday_of(session_day(r, offset))).or_insert(0) += 1;
    }
    counts
}

/// A table that scrolls sideways on its own where it is wider than the screen (the
/// largest text on a phone): a named, focusable region, as data tables may (WCAG
/// 1.4.10). The page itself never scrolls sideways.
#[component]
fn WideTable(
    /// The region's name, read out by screen readers (its `aria-label`).
    label: &'static str,
    /// The table that may scroll sideways.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=label>
            {children()}
        </div>
    }
}

#[component]
pub fn SummaryPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library().get_untracked();
    let today = state.clock.today();
    let offset = state.clock.offset();
    let sessions = state.records.sessions.get_untracked();
    let activities = state.records.activities.get_untracked();
    let plan = state.records.plan.get_untracked();
    let check: SafetyCheck = state.records.safety_check.get_untracked();

    let first = sessions
        .records
        .iter()
        .map(|r| session_day(r, offset))
        .chain(activities.records.iter().map(|a| a.day))
        .min();
    let span_weeks = first.map_or(1, |f| {
        usize::try_from((monday_of(today) - monday_of(f)).num_weeks() + 1).unwrap_or(1)
    });
    let count = span_weeks.clamp(1, MAX_WEEKS);
    let mut weeks = calendar::weeks(&sessions, &activities, today, count, offset);
    calendar::add_older(&mut weeks, &sessions);
    let pains = pain::pain_weeks(&sessions, today, count, offset);
    let per_week = sessions_per_week(&sessions, offset);
    let week_rows = weeks
        .iter()
        .zip(&pains)
        .map(|(w, p)| {
            view! {
                <tr>
                    <th scope="row" class="date">{day_month(w.monday)}</th>
                    <td>{per_week.get(&w.monday).copied().unwrap_or(0)}</td>
                    <td>{w.session_minutes()}</td>
                    <td>{w.activity_minutes}</td>
                    <td>{w.minutes()}</td>
                    <td>{avg_text(p.before)}</td>
                    <td>{avg_text(p.after)}</td>
                </tr>
            }
        })
        .collect_view();

    // Exercises done, with how often and the dose now.
    let mut done: BTreeMap<String, (u32, NaiveDate)> = BTreeMap::new();
    for r in &sessions.records {
        let day = session_day(r, offset);
        for e in r.exercises.iter().filter(|e| e.reps_done > 0) {
            let entry = done.entry(e.exercise.clone()).or_insert((0, day));
            entry.0 += 1;
            entry.1 = entry.1.max(day);
        }
    }
    let exercise_rows = done
        .iter()
        .filter_map(|(id, (times, last))| {
            let exercise = library.get(id)?;
            let level = plan.level(id, &library)?;
            let sets = exercise.dose.sets.start;
            let dose = if sets > 1 {
                format!("{sets} sets of {}", level.text())
            } else {
                level.text()
            };
            let changed = plan.levels.contains_key(id).then_some(" (changed)");
            let own = is_own(id).then_some(" (own exercise)");
            Some(view! {
                <tr>
                    <th scope="row">
                        <FigureStill exercise=exercise.clone() class="list-figure" />
                        {exercise.name.to_string()}
                        {own}
                    </th>
                    <td>{*times}</td>
                    <td class="date">{day_month(*last)}</td>
                    <td>{dose}{changed}</td>
                </tr>
            })
        })
        .collect_view();
    // Routines played, by routine: the name it had when last played, how often, when.
    let mut played: BTreeMap<String, (String, u32, NaiveDate)> = BTreeMap::new();
    for r in &sessions.records {
        let day = session_day(r, offset);
        let entry = played
            .entry(r.routine_id.clone())
            .or_insert((r.routine_name.clone(), 0, day));
        entry.1 += 1;
        if day >= entry.2 {
            entry.2 = day;
            entry.0.clone_from(&r.routine_name);
        }
    }
    let mut played: Vec<_> = played.into_iter().collect();
    played.sort_by_key(|(_, (_, _, last))| std::cmp::Reverse(*last));
    let routine_rows = played
        .iter()
        .map(|(id, (name, times, last))| {
            let own = id.starts_with(crate::domain::routines::own_routine::OWN_PREFIX);
            view! {
                <tr>
                    <th scope="row">{name.clone()}{own.then_some(" (own routine)")}</th>
                    <td>{*times}</td>
                    <td class="date">{day_month(*last)}</td>
                </tr>
            }
        })
        .collect_view();
    let own_routines = state
        .records
        .routines
        .get_untracked()
        .records
        .into_iter()
        .map(|r| {
            let doses = r
                .items
                .iter()
                .filter_map(|i| {
                    let e = library.get(&i.exercise)?;
                    let own = if is_own(&e.id) { " (own exercise)" } else { "" };
                    Some(format!("{}{own} {}", e.name, i.dose(&library)?.summary()))
                })
                .collect::<Vec<_>>()
                .join("; ");
            view! { <li><strong>{r.name}</strong>": " {doses}</li> }
        })
        .collect::<Vec<_>>();
    let has_own = !own_routines.is_empty();
    // The person's own exercises, as they wrote them: what a clinician needs to see.
    let own_exercises = state
        .records
        .exercises
        .get_untracked()
        .records
        .into_iter()
        .map(|e| {
            let dose = e.dose().summary();
            let steps = e.steps.join(" / ");
            view! {
                <li>
                    <strong>{e.name}</strong>
                    {format!(" ({}, {dose}): {steps}", e.start.label().to_lowercase())}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let has_own_exercises = !own_exercises.is_empty();
    let not_for_me = plan
        .not_for_me
        .iter()
        .map(|id| {
            let name = state.name_of(id);
            view! { <li>{name}</li> }
        })
        .collect_view();
    let high_pain = sessions
        .records
        .iter()
        .flat_map(|r| pain::stops_for_pain(r).into_iter().map(move |h| (r, h)))
        .map(|(r, h)| {
            let name = hurt_name(h, &state);
            // Said before any exercise, it stopped none.
            let stopped = if h.exercise.is_empty() { "" } else { ", exercise stopped" };
            view! { <li>{format!("{}: {} — {} out of 10{stopped}", day_short(session_day(r, offset)), name, h.rating)}</li> }
        })
        .collect_view();
    let has_high_pain = sessions
        .records
        .iter()
        .any(|r| !pain::stops_for_pain(r).is_empty());
    let trend = pain::not_improving(&sessions, today, offset);
    let trend_text = match (trend, pain_trend(&pains)) {
        (Some(t), _) => format!(
            "Not improving: average pain {} in the first week of ratings, {} in the last 7 days.",
            tenths(t.first_avg),
            tenths(t.latest_avg)
        ),
        (None, Some(trend)) => format!("Average per week, first to latest: {trend}."),
        (None, None) => "Not enough pain ratings for a trend.".to_string(),
    };
    let total_minutes: u32 = weeks.iter().map(|w| w.minutes()).sum();
    let range = first.map_or_else(
        || "No sessions or activity recorded yet.".to_string(),
        |f| format!("{} to {}", day_full(f), day_full(today)),
    );
    let shown_from = weeks
        .first()
        .map(|w| day_short(w.monday))
        .unwrap_or_default();
    let safety_date = check
        .answered_at
        .map(|at| day_full(dates::local_day(at, offset)));
    let ticked = check.ticked();
    let safety = if ticked.is_empty() {
        view! { <p>"No warning signs ticked."</p> }.into_any()
    } else {
        let items = ticked
            .iter()
            .map(|a| view! { <li>{a.text}</li> })
            .collect_view();
        view! { <p>"Ticked:"</p><ul>{items}</ul> }.into_any()
    };

    view! {
        <Page title="Summary">
            <div class="print-actions">
                <button on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                <a class="button secondary" href=href("/progress")>"Back to Progress"</a>
            </div>
            <article class="summary-sheet">
                <header>
                    <p class="eyebrow">"Steadyback · exercise summary"</p>
                    <p><strong>{range}</strong></p>
                    <p class="hint">
                        "Made on " {day_full(today)} " from the records on this device. It "
                        "shows what the person recorded in the app; it is not a medical record."
                    </p>
                </header>
                <section>
                    <h2>"Weeks"</h2>
                    <p>
                        {format!("{} guided sessions in all; {} minutes of exercise in the weeks shown (from {}). Weekly aim: at least 150 minutes.",
                            sessions.sessions_in_all(), total_minutes, shown_from)}
                    </p>
                    <WideTable label="Weeks, as a table">
                    <table class="summary-table">
                        <thead>
                            <tr>
                                <th scope="col">"Week of"</th>
                                <th scope="col">"Sessions"</th>
                                <th scope="col">"Session min"</th>
                                <th scope="col">"Activity min"</th>
                                <th scope="col">"Total min"</th>
                                <th scope="col">"Pain before"</th>
                                <th scope="col">"Pain after"</th>
                            </tr>
                        </thead>
                        <tbody>{week_rows}</tbody>
                    </table>
                    </WideTable>
                </section>
                <section>
                    <h2>"Routines played"</h2>
                    <WideTable label="Routines played, as a table">
                    <table class="summary-table">
                        <thead>
                            <tr>
                                <th scope="col">"Routine"</th>
                                <th scope="col">"Sessions"</th>
                                <th scope="col">"Last"</th>
                            </tr>
                        </thead>
                        <tbody>{routine_rows}</tbody>
                    </table>
                    </WideTable>
                    {has_own.then(|| view! {
                        <h3>"The person's own routines"</h3>
                        <p class="hint">"Made in the app by the person (or given to them as a link), with these doses."</p>
                        <ul>{own_routines}</ul>
                    })}
                </section>
                <section>
                    <h2>"Pain (0 to 10)"</h2>
                    <p>{trend_text}</p>
                    {has_high_pain.then(|| view! {
                        <p>"Pain of 7 or more during an exercise:"</p>
                        <ul>{high_pain}</ul>
                    })}
                </section>
                <section>
                    <h2>"Exercises done"</h2>
                    <WideTable label="Exercises done, as a table">
                    <table class="summary-table">
                        <thead>
                            <tr>
                                <th scope="col">"Exercise"</th>
                                <th scope="col">"Sessions"</th>
                                <th scope="col">"Last"</th>
                                <th scope="col">"Dose now"</th>
                            </tr>
                        </thead>
                        <tbody>{exercise_rows}</tbody>
                    </table>
                    </WideTable>
                    <p class="hint">
                        "Dose now: the library's dose with any change the person accepted. "
                        "Some routines play gentler amounts of their own."
                    </p>
                    {has_own_exercises.then(|| view! {
                        <h3>"The person's own exercises"</h3>
                        <p class="hint">
                            "Added by the person in their own words (from a physiotherapist, say). "
                            "Not from the app's library or its sources."
                        </p>
                        <ul>{own_exercises}</ul>
                    })}
                    <h3>"Marked “not for me”"</h3>
                    {if plan.not_for_me.is_empty() {
                        view! { <p>"None."</p> }.into_any()
                    } else {
                        view! { <ul>{not_for_me}</ul> }.into_any()
                    }}
                </section>
                <section>
                    <h2>"Safety check"</h2>
                    <p>{safety_date.map_or_else(|| "Not taken.".to_string(), |d| format!("Answered on {d}."))}</p>
                    {safety}
                </section>
            </article>
        </Page>
    }
}
