//! "It hurts" during a session: what it is about, how bad, then what to do about it.

use leptos::prelude::*;

use crate::ui::state::AppState;

use crate::ui::href;

use super::player::Player;
use crate::domain::records::safety::STOP_PAIN;
use crate::domain::session::HurtAbout;
use crate::ui::components::pain_scale::PainScale;

use super::HurtPanel;

/// Where the rating is kept, in a line, when it is not plainly the exercise on the
/// screen: in a get-ready, the exercise just played (the domain decides, [`HurtAbout`]);
/// before any exercise, what the person chose (`chosen`: the exercise coming next, or
/// none).
fn noted_against(about: &HurtAbout, chosen: Option<&str>) -> Option<String> {
    let state = expect_context::<AppState>();
    match about {
        HurtAbout::Playing(_) => None,
        HurtAbout::JustPlayed(id) => Some(format!(
            "It will be noted against {}, the exercise you just did.",
            state.name_of(id)
        )),
        HurtAbout::Ask { .. } => Some(match chosen {
            Some(id) => format!(
                "It will be noted against {}, the exercise coming next.",
                state.name_of(id)
            ),
            None => "It will be noted as before any exercise.".to_string(),
        }),
    }
}

/// After "It hurts": how bad (and, before anything was played, what it is about), then
/// what to do about it.
#[component]
pub(super) fn HurtView(
    /// The player of the session.
    player: Player,
    /// Which part of the panel shows; closed to go back to the session.
    panel: RwSignal<HurtPanel>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let close = move || panel.set(HurtPanel::Closed);
    // Plays on from where the session waits: the same exercise after a low rating, the
    // next one after a high rating (the session already moved past the stopped one).
    let play_on = move |_| {
        close();
        player.ready_cues();
        player.act(|s, t| s.resume(t));
        player.keep_awake();
    };
    let skip_this = move |_| {
        close();
        player.ready_cues();
        player.act(|s, t| {
            s.skip_exercise(t);
            s.resume(t);
        });
        player.keep_awake();
    };
    let end = move |_| {
        close();
        player.act(|s, t| s.stop(t));
    };
    // Whether another exercise plays after the one on the screen, as the session
    // decides it (exercises stopped for pain passed over).
    let has_next = move || {
        player
            .session
            .with(|s| s.next_exercise(player.now.get()))
            .is_some()
    };
    // The exercise on the screen, to name it where the rating was about another.
    let on_screen = move || {
        player.steps.with_value(|st| {
            st.get(player.snapshot().step)
                .map(|s| s.exercise_id.clone())
                .unwrap_or_default()
        })
    };
    // The panel replaced what had focus: move it to the panel's heading, and again each
    // time the panel changes, so a screen reader follows. After a stop for pain, to
    // "End the session", the advice.
    let heading = NodeRef::<leptos::html::H2>::new();
    let end_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let stopped =
            panel.with(|p| matches!(p, HurtPanel::Rated { rating, .. } if *rating >= STOP_PAIN));
        if let Some(button) = end_button.get().filter(|_| stopped) {
            let _ = button.focus();
        } else if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let title = move || {
        panel.with(|p| match p {
            HurtPanel::Rated {
                rating,
                about: Some(_),
            } if *rating >= STOP_PAIN => "Stop this exercise".to_string(),
            HurtPanel::Rated {
                rating,
                about: None,
            } if *rating >= STOP_PAIN => "Stop for now".to_string(),
            HurtPanel::Rated { rating, .. } => format!("Pain {rating} out of 10"),
            _ => "The session is paused".to_string(),
        })
    };
    view! {
        <section class="card hurt-panel" aria-labelledby="hurt-heading">
            <h2 id="hurt-heading" tabindex="-1" node_ref=heading>{title}</h2>
            {move || match panel.get() {
                // The source's advice is to stop: ending the session comes first, and
                // the summary then asks how the pain is. Another exercise stays possible,
                // worded so it is not the advice; this one is not offered again.
                HurtPanel::Rated { rating, about: Some(id) } if rating >= STOP_PAIN => view! {
                    <p>
                        {format!("Pain of {STOP_PAIN} out of 10 or more means stop. ")}
                        {format!(
                            "{} has stopped and won't come up again in this session. ",
                            state.name_of(&id)
                        )}
                        "Your answer is saved."
                    </p>
                    <p>
                        <a href=href("/safety")>"When to get help"</a>
                        " lists the signs that need a doctor."
                    </p>
                    <div class="actions">
                        <button node_ref=end_button on:click=end>"End the session"</button>
                        <button class="secondary" on:click=play_on>
                            "Try a different exercise instead"
                        </button>
                    </div>
                }
                .into_any(),
                // It hurt that much before any exercise: no exercise to stop, and the
                // advice is still to stop.
                HurtPanel::Rated { rating, about: None } if rating >= STOP_PAIN => view! {
                    <p>
                        {format!(
                            "Pain of {STOP_PAIN} out of 10 or more means stop, before any \
                             exercise too. "
                        )}
                        "Your answer is saved."
                    </p>
                    <p>
                        <a href=href("/safety")>"When to get help"</a>
                        " lists the signs that need a doctor."
                    </p>
                    <div class="actions">
                        <button node_ref=end_button on:click=end>"End the session"</button>
                        <button class="secondary" on:click=play_on>"Carry on instead"</button>
                    </div>
                }
                .into_any(),
                HurtPanel::Rated { about, .. } => {
                    let current = on_screen();
                    // Rated against the exercise just played, from the get-ready of the
                    // next: "Skip" names the one it would skip.
                    let skip_label = match about {
                        Some(id) if id != current => {
                            format!("Skip {}", state.name_of(&current))
                        }
                        _ => "Skip this exercise".to_string(),
                    };
                    view! {
                        <p>
                            {format!(
                                "Some discomfort is normal. Carry on gently only if it stays \
                                 manageable, and stop if it reaches {STOP_PAIN} out of 10 or the \
                                 pain is sharp."
                            )}
                        </p>
                        <div class="actions">
                            <button on:click=play_on>"Carry on"</button>
                            <Show when=has_next>
                                <button class="secondary" on:click=skip_this>
                                    {skip_label.clone()}
                                </button>
                            </Show>
                            <button class="secondary" on:click=end>"End the session"</button>
                        </div>
                    }
                    .into_any()
                }
                HurtPanel::Asking(about) => {
                    // Before anything was played, the person says what it is about: the
                    // exercise coming next (chosen at first, the cautious answer:
                    // HurtAbout::to_start_with), or none.
                    let next = match &about {
                        HurtAbout::Ask { next } => next.clone(),
                        _ => None,
                    };
                    let chosen = RwSignal::new(about.to_start_with().map(str::to_string));
                    let which = next.map(|id| {
                        let name = state.name_of(&id);
                        let is_next = {
                            let id = id.clone();
                            move || chosen.with(|c| c.as_deref() == Some(id.as_str()))
                        };
                        view! {
                            <fieldset class="chips choice hurt-which">
                                <legend>"No exercise has been played yet. What is the pain about?"</legend>
                                <label class="chip">
                                    <input
                                        type="radio"
                                        name="hurt-about"
                                        prop:checked=is_next
                                        on:change=move |_| chosen.set(Some(id.clone()))
                                    />
                                    <span>{format!("{name}, coming next")}</span>
                                </label>
                                <label class="chip">
                                    <input
                                        type="radio"
                                        name="hurt-about"
                                        prop:checked=move || chosen.with(Option::is_none)
                                        on:change=move |_| chosen.set(None)
                                    />
                                    <span>"No exercise: it hurt before I began"</span>
                                </label>
                            </fieldset>
                        }
                    });
                    let about = StoredValue::new(about);
                    let line = move || {
                        chosen.with(|c| about.with_value(|a| noted_against(a, c.as_deref())))
                    };
                    view! {
                        {which}
                        {move || line().map(|l| view! { <p class="hurt-about">{l}</p> })}
                        <PainScale
                            question="How bad is the pain now?"
                            value=Signal::derive(|| None)
                            on_pick=move |n| {
                                let exercise = chosen.get_untracked();
                                player.act(|s, t| {
                                    s.hurt_for(t, n, exercise.as_deref());
                                });
                                panel.set(HurtPanel::Rated { rating: n, about: exercise });
                            }
                        />
                        <button class="secondary" on:click=move |_| close()>"Back to the session"</button>
                    }
                    .into_any()
                }
                HurtPanel::Closed => ().into_any(),
            }}
        </section>
    }
}
