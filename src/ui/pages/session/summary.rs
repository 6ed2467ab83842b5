//! The end of a session: time spent, what was done, and pain after.

use leptos::prelude::*;

use crate::ui::state::AppState;

use crate::ui::href;

use super::player::Player;
use crate::domain::ids::Log as _;
use crate::domain::progress::pain::{self, AfterCheckReason};
use crate::domain::records::safety::{Advice, STOP_PAIN};
use crate::domain::records::session_record::{ExerciseRecord, SessionRecord};
use crate::domain::session::Session;
use crate::ui::components::pain_scale::PainScale;
use crate::ui::components::results::ExerciseResults;
use crate::ui::components::safety_check::AdviceNote;

/// A note when any "It hurts" of the session reached [`STOP_PAIN`], whatever came
/// after it ([`pain::stops_for_pain`]).
pub(super) fn stopped_for_pain(record: &SessionRecord) -> Option<impl IntoView> {
    let state = expect_context::<AppState>();
    let stops = pain::stops_for_pain(record);
    if stops.is_empty() {
        return None;
    }
    let lines = stops
        .iter()
        .map(|h| {
            if h.exercise.is_empty() {
                format!(
                    "Before any exercise, you said it hurt at {} out of 10. ",
                    h.rating
                )
            } else {
                let name = state.name_of(&h.exercise);
                format!("You stopped {name} with pain of {} out of 10. ", h.rating)
            }
        })
        .collect::<String>();
    Some(view! {
        <div class="card caution stopped-for-pain">
            <p>
                {lines}
                {format!("Pain of {STOP_PAIN} or more means stop. ")}
                <a href=href("/safety")>"When to get help"</a>
            </p>
        </div>
    })
}

/// After the session: pain now, and what a rise means.
#[component]
pub(super) fn PainAfter(
    /// The player of the finished session.
    player: Player,
    /// The finished session's record.
    record: SessionRecord,
) -> impl IntoView {
    let state = player.state;
    let id = record.id();
    let after = Signal::derive(move || {
        state
            .records
            .sessions
            .with(|log| log.get(id).and_then(|r| r.pain_after))
    });
    // Every "It hurts" said before any exercise began: no exercise to blame.
    let before_any = record.hurts.iter().all(|h| h.exercise.is_empty());
    let record = StoredValue::new(record);
    let pick = move |n: u8| {
        let mut updated = state
            .records
            .sessions
            .with_untracked(|log| log.get(id).cloned())
            .unwrap_or_else(|| record.get_value());
        updated.pain_after = Some(n);
        state.log_session(updated);
    };
    let advice = move || {
        let after = after.get()?;
        let rated = SessionRecord {
            pain_after: Some(after),
            ..record.get_value()
        };
        let text = match pain::after_check_reason(&rated) {
            Some(AfterCheckReason::HighAfter { .. }) => {
                "That is a lot of pain. Read when to get help if it doesn't ease. Steadyback \
                 will ask you in 20 minutes how it is."
            }
            Some(AfterCheckReason::Rose { .. }) => {
                "Your pain is higher than before you started. If it lasts more than 20 \
                 minutes after finishing, those exercises may not be right for you: \
                 Steadyback will ask you in 20 minutes."
            }
            Some(AfterCheckReason::Hurt { .. }) if before_any => {
                "You said it hurt before any exercise began. Steadyback will ask you in 20 \
                 minutes how it is."
            }
            Some(AfterCheckReason::Hurt { .. }) => {
                "You said it hurt during the session. If the pain lasts more than 20 minutes \
                 after finishing, that exercise may not be right for you: Steadyback will ask \
                 you in 20 minutes."
            }
            None => "Thanks. Your answers build up into your pain trend on the Progress page.",
        };
        let high = after >= STOP_PAIN;
        Some(view! {
            <p class="pain-advice" role="status">{text}</p>
            {high.then(|| view! { <p><a href=href("/safety")>"When to get help"</a></p> })}
        })
    };
    view! {
        <PainScale question="How is your back pain now?" value=after on_pick=pick />
        {advice}
    }
}

/// The end: time spent, what was done and skipped.
#[component]
pub(super) fn SessionSummary(
    /// The player of the finished session.
    player: Player,
    /// The routine's name as played.
    routine_name: String,
    /// The routine's own advice from the sources, if it has some.
    advice: Option<&'static Advice>,
) -> impl IntoView {
    let record: Option<SessionRecord> = player.session.with_untracked(Session::record);
    let Some(record) = record else {
        return view! { <p>"This session was stopped before it began."</p> }.into_any();
    };
    // The time played, unless it was all before the first exercise (ended in a get-ready,
    // say): that time was no exercise.
    let spent = if record.exercises.iter().any(ExerciseRecord::tried) {
        let time = match (record.active_secs / 60, record.active_secs % 60) {
            (0, secs) => format!("{secs} s"),
            (minutes, 0) => format!("{minutes} min"),
            (minutes, secs) => format!("{minutes} min {secs} s"),
        };
        format!("{time} of exercise.")
    } else {
        "ended before any exercise was done.".to_string()
    };
    // The session screen gave way to the summary: its heading takes the focus.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <section class="card summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading" tabindex="-1" node_ref=heading>
                {if record.is_complete() { "Well done" } else { "Session ended" }}
            </h2>
            <p>{routine_name} ": " {spent}</p>
            <ExerciseResults exercises=record.exercises.clone() />
            {stopped_for_pain(&record)}
            {advice.map(|advice| view! { <AdviceNote advice /> })}
            <PainAfter player record=record.clone() />
            <p class="hint">"Saved to your history on this device."</p>
            <a href=href("/") class="button">"Back to Today"</a>
        </section>
    }
    .into_any()
}
