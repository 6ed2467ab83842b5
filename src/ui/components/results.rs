//! What became of each exercise of a session, as the summary and Progress list it.

use leptos::prelude::*;

use crate::ui::state::AppState;

use crate::domain::library::own_exercise::is_own;
use crate::domain::records::session_record::{Completion, ExerciseRecord};

/// A few words on how much of `e` was done: "done", "2 of 3 sets done", "started",
/// "skipped" (passed over with Skip) or "not reached" (the session ended before it).
pub fn done_text(e: &ExerciseRecord) -> String {
    match e.completion() {
        Completion::Done => "done".to_string(),
        Completion::Partly if e.sets_done == 0 => "started".to_string(),
        Completion::Partly => format!("{} of {} sets done", e.sets_done, e.sets_planned),
        Completion::NotDone if e.skipped => "skipped".to_string(),
        Completion::NotDone => "not reached".to_string(),
    }
}

/// The exercises of a session, each with how much of it was done.
#[component]
pub fn ExerciseResults(
    /// The session's exercises, in the order played.
    exercises: Vec<ExerciseRecord>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = exercises
        .iter()
        .map(|e| {
            let name = state.name_of(&e.exercise);
            let what = done_text(e);
            let own = is_own(&e.exercise).then(|| view! { " " <span class="own-tag">"your own"</span> });
            view! { <li><span class="summary-name">{name}</span>{own} " " <span class="summary-what">{what}</span></li> }
        })
        .collect_view();
    view! { <ul class="summary-list">{rows}</ul> }
}
