//! Today's view of the week: minutes toward 150, the streak, the next walking step.

use leptos::prelude::*;

use crate::ui::href;

use crate::domain::progress::calendar::{self, WEEKLY_GOAL_MINUTES};
use crate::domain::progress::walking;
use crate::ui::format::minutes;
use crate::ui::state::AppState;

/// Minutes this week toward the weekly 150, with the streak of active days.
#[component]
pub fn WeekCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let week = Memo::new(move |_| {
        let today = state.clock.today();
        let offset = state.clock.offset();
        state.records.sessions.with(|s| {
            state.records.activities.with(|a| {
                let week = calendar::weeks(s, a, today, 1, offset).pop();
                let streak = calendar::streak(&calendar::active_days(s, a, offset), today);
                (week, streak)
            })
        })
    });
    let done = move || week.with(|(w, _)| w.map_or(0, |w| w.minutes()));
    let left = move || week.with(|(w, _)| w.map_or(WEEKLY_GOAL_MINUTES, |w| w.left()));
    let parts = move || {
        week.with(|(w, _)| {
            w.map(|w| {
                format!(
                    "Guided sessions {} · logged activity {}",
                    minutes(w.session_minutes()),
                    minutes(w.activity_minutes)
                )
            })
        })
    };
    let streak = move || match week.with(|(_, s)| *s) {
        0 => "No active days in a row yet: today can be the first.".to_string(),
        1 => "1 active day so far in a row.".to_string(),
        n => format!("{n} active days in a row."),
    };
    view! {
        <section class="card week" aria-labelledby="week-heading">
            <h2 id="week-heading">"This week"</h2>
            <p class="week-total">
                <strong class="week-done">{done}</strong>
                " of " {WEEKLY_GOAL_MINUTES} " minutes"
            </p>
            <progress
                class="week-bar"
                max=WEEKLY_GOAL_MINUTES
                value=move || done().min(WEEKLY_GOAL_MINUTES)
                aria-label="Minutes this week toward 150"
            ></progress>
            <p class="week-left">
                {move || match left() {
                    0 => "You reached 150 minutes this week. Well done.".to_string(),
                    n => format!("{} to go, Monday to Sunday.", minutes(n)),
                }}
            </p>
            <p class="hint">{parts}</p>
            <p class="streak">{streak}</p>
            <p class="source-tag">"At least 150 minutes a week, built up gradually: NHS"</p>
            <div class="actions">
                <a class="button secondary" href=href("/activity")>"Log activity"</a>
            </div>
        </section>
    }
}

/// The walking plan's next step.
#[component]
pub fn WalkCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let step = Memo::new(move |_| {
        let today = state.clock.today();
        let offset = state.clock.offset();
        state.records.sessions.with(|s| {
            state
                .records
                .activities
                .with(|a| walking::next_step(a, s, today, offset))
        })
    });
    view! {
        <section class="card walk" aria-labelledby="walk-heading">
            <p class="eyebrow">"Walking plan"</p>
            <h2 id="walk-heading">{move || step.with(|s| s.headline())}</h2>
            <p>{move || step.with(|s| s.detail())}</p>
            {move || {
                step.with(|s| s.own_pacing())
                    .map(|note| view! { <p class="hint own-pacing">{note}</p> })
            }}
            <details class="how">
                <summary>"How this plan works"</summary>
                <p>{walking::why()}</p>
            </details>
            <div class="actions">
                <a class="button secondary" href=href("/activity")>"Log a walk"</a>
            </div>
        </section>
    }
}
