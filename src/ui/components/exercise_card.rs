//! A card of the library's list: an exercise's name, type and position, dose and time.

use leptos::prelude::*;

use crate::ui::href;

use crate::domain::library::exercise::{Exercise, Work};
use crate::domain::library::own_exercise::is_own;
use crate::ui::components::figure::LaterStill;

/// A card in the list: name, type and position, dose and time.
#[component]
pub fn ExerciseCard(
    /// The exercise the card shows and links to.
    exercise: Exercise,
) -> impl IntoView {
    let time = match exercise.dose.work {
        Work::Minutes(_) => None,
        _ => Some(format!(
            " · about {} min",
            exercise.dose.estimated_minutes()
        )),
    };
    let state = expect_context::<crate::ui::state::AppState>();
    let id = exercise.id.to_string();
    let set_aside = move || state.records.plan.with(|p| p.is_not_for_me(&id));
    view! {
        <li>
            <a class="card exercise-card" href=href(&format!("/exercise/{}", exercise.id))>
                <LaterStill exercise=exercise.clone() class="card-figure" />
                <h2>{exercise.name.to_string()}</h2>
                <Show when=set_aside>
                    <p class="badge">"Not for me"</p>
                </Show>
                {is_own(&exercise.id).then(|| view! { <p class="own-tag">"Your own exercise"</p> })}
                <p class="meta">{exercise.kind.label()} " · " {exercise.position.label()}</p>
                <p class="dose">{exercise.dose.summary()} {time}</p>
            </a>
        </li>
    }
}
