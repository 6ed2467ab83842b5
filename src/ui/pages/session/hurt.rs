//! "It hurts" during a session: how bad, then what to do about it.

use leptos::prelude::*;

use crate::ui::href;

use super::player::Player;
use crate::domain::safety::STOP_PAIN;
use crate::ui::components::pain_scale::PainScale;

use super::HurtPanel;

/// After "It hurts": how bad, then what to do about it.
#[component]
pub(super) fn HurtView(
    /// The player of the session.
    player: Player,
    /// Which part of the panel shows; closed to go back to the session.
    panel: RwSignal<HurtPanel>,
) -> impl IntoView {
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
    // Whether another exercise comes after the current one.
    let has_next = move || {
        let current = player
            .steps
            .with_value(|st| st.get(player.snapshot().step).map(|s| s.exercise));
        let last = player
            .steps
            .with_value(|st| st.iter().filter(|s| s.is_work()).map(|s| s.exercise).max());
        current < last
    };
    // The panel replaced what had focus: move it to the panel's heading, and again each
    // time the panel changes, so a screen reader follows. After a stop for pain, to
    // "End the session", the advice.
    let heading = NodeRef::<leptos::html::H2>::new();
    let end_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let stopped = matches!(panel.get(), HurtPanel::Rated(n) if n >= STOP_PAIN);
        if let Some(button) = end_button.get().filter(|_| stopped) {
            let _ = button.focus();
        } else if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let title = move || match panel.get() {
        HurtPanel::Rated(n) if n >= STOP_PAIN => "Stop this exercise".to_string(),
        HurtPanel::Rated(n) => format!("Pain {n} out of 10"),
        _ => "The session is paused".to_string(),
    };
    view! {
        <section class="card hurt-panel" aria-labelledby="hurt-heading">
            <h2 id="hurt-heading" tabindex="-1" node_ref=heading>{title}</h2>
            {move || match panel.get() {
                // The source's advice is to stop: ending the session comes first, and
                // the summary then asks how the pain is. Another exercise stays possible,
                // worded so it is not the advice; this one is not offered again.
                HurtPanel::Rated(n) if n >= STOP_PAIN => view! {
                    <p>
                        {format!("Pain of {STOP_PAIN} out of 10 or more means stop. ")}
                        "This exercise has stopped and won't come up again in this session. "
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
                HurtPanel::Rated(_) => view! {
                    <p>
                        {format!(
                            "Some discomfort is normal. Carry on gently only if it stays \
                             manageable, and stop if it reaches {STOP_PAIN} out of 10 or the pain \
                             is sharp."
                        )}
                    </p>
                    <div class="actions">
                        <button on:click=play_on>"Carry on"</button>
                        <Show when=has_next>
                            <button class="secondary" on:click=skip_this>"Skip this exercise"</button>
                        </Show>
                        <button class="secondary" on:click=end>"End the session"</button>
                    </div>
                }
                .into_any(),
                _ => view! {
                    <PainScale
                        question="How bad is the pain now?"
                        value=Signal::derive(|| None)
                        on_pick=move |n| {
                            player.act(|s, t| {
                                s.hurt(t, n);
                            });
                            panel.set(HurtPanel::Rated(n));
                        }
                    />
                    <button class="secondary" on:click=move |_| close()>"Back to the session"</button>
                }
                .into_any(),
            }}
        </section>
    }
}
