//! Cards that keep the person safe as they go: the check after a session in which pain
//! went up, the not-improving nudge, and dose suggestions.

use leptos::prelude::*;

use crate::domain::catalog;
use crate::domain::pain;
use crate::domain::progression::{self, Direction, Suggestion};
use crate::domain::session_record::{AfterCheck, SessionRecord};
use crate::platform::clock;
use crate::ui::state::AppState;

/// An exercise's name, or its id when the library no longer has it.
fn name_of(id: &str) -> String {
    catalog::get(id).map_or_else(|| id.to_string(), |e| e.name.to_string())
}

/// "Has your pain settled?", 20 minutes after a session that ended with more pain than
/// it began with.
#[component]
pub fn AfterCheckCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let due = Memo::new(move |_| {
        let now = state.now.get();
        state
            .sessions
            .with(|log| pain::after_check_due(log, now).cloned())
    });
    // The session answered "still hurting", whose exercises are being offered as not for me.
    let hurting = RwSignal::new(None::<SessionRecord>);
    let answer = move |record: &SessionRecord, check: AfterCheck| {
        let mut record = record.clone();
        record.after_check = Some(check);
        state.log_session(record);
    };
    view! {
        {move || due.get().map(|record| {
            let text = format!(
                "After {} your pain went from {} to {} out of 10. Has it settled since?",
                record.routine_name,
                record.pain_before.unwrap_or_default(),
                record.pain_after.unwrap_or_default(),
            );
            let settled = record.clone();
            view! {
                <section class="card caution after-check" aria-labelledby="after-check-heading">
                    <h2 id="after-check-heading">"How is your pain now?"</h2>
                    <p>{text}</p>
                    <div class="actions">
                        <button on:click=move |_| answer(&settled, AfterCheck::Settled)>
                            "It has settled"
                        </button>
                        <button class="secondary" on:click=move |_| {
                            answer(&record, AfterCheck::StillHurting);
                            hurting.set(Some(record.clone()));
                        }>"Still hurting"</button>
                    </div>
                </section>
            }
        })}
        {move || hurting.get().map(|record| view! { <NotForMe record hurting /> })}
    }
}

/// After "still hurting": choose which of the session's exercises to set aside.
#[component]
fn NotForMe(record: SessionRecord, hurting: RwSignal<Option<SessionRecord>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let tried = pain::exercises_tried(&record);
    let chosen = RwSignal::new(tried.clone());
    let boxes = tried
        .into_iter()
        .map(|id| {
            let name = name_of(&id);
            let key = id.clone();
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || chosen.with(|c| c.contains(&key))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let id = id.clone();
                            chosen.update(|c| {
                                c.retain(|x| *x != id);
                                if on {
                                    c.push(id);
                                }
                            });
                        }
                    />
                    <span>{name}</span>
                </label>
            }
        })
        .collect_view();
    let confirm = move |_| {
        let ids = chosen.get_untracked();
        state.update_plan(|plan| plan.set_not_for_me(ids));
        hurting.set(None);
    };
    view! {
        <section class="card caution" aria-labelledby="not-for-me-heading">
            <h2 id="not-for-me-heading">"Set these exercises aside?"</h2>
            <p>
                "Pain that lasts more than 20 minutes after exercise means that exercise is "
                "not right for you at the moment. Steadyback can leave the ones you choose "
                "out of your routines. You can bring them back from the library."
            </p>
            <fieldset class="checklist">
                <legend>"Not for me"</legend>
                {boxes}
            </fieldset>
            <p>
                "If the pain doesn't ease, or you notice any of "
                <a href="/safety">"the warning signs"</a> ", get advice."
            </p>
            <div class="actions">
                <button on:click=confirm>"Set aside"</button>
                <button class="secondary" on:click=move |_| hurting.set(None)>"Keep them all"</button>
            </div>
        </section>
    }
}

/// After two weeks of pain ratings that are not going down: a calm nudge to get advice.
#[component]
pub fn NudgeCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let show = Memo::new(move |_| {
        let now = state.now.get();
        let today = state.today();
        let offset = state.offset();
        !state.plan.with(|p| p.nudge_snoozed(now))
            && state
                .sessions
                .with(|log| pain::not_improving(log, today, offset).is_some())
    });
    let snooze = move |_| state.update_plan(|p| p.nudge_dismissed_at = Some(clock::now()));
    view! {
        <Show when=move || show.get()>
            <section class="card caution nudge" aria-labelledby="nudge-heading">
                <h2 id="nudge-heading">"Time to check in with someone"</h2>
                <p>
                    "Your pain ratings over the last two weeks are not lower than when you "
                    "started. Most back pain improves within a few weeks; when it doesn't, a "
                    "GP or physiotherapist can help find out why and what suits you."
                </p>
                <p><a href="/safety">"When to get help"</a></p>
                <div class="actions">
                    <button class="secondary" on:click=snooze>"Remind me in a week"</button>
                </div>
            </section>
        </Show>
    }
}

/// Dose suggestions from the last week's sessions, each to accept or decline.
#[component]
pub fn Suggestions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = Memo::new(move |_| {
        let now = state.now.get();
        let today = state.today();
        let offset = state.offset();
        state.sessions.with(|log| {
            state
                .plan
                .with(|plan| progression::suggestions(log, plan, today, now, offset))
        })
    });
    let decide = move |s: &Suggestion, accepted: bool| {
        state.update_plan(|plan| plan.decide(s, accepted, clock::now()));
    };
    view! {
        <For each=move || list.get() key=|s| (s.exercise.clone(), s.to.reps, s.to.hold_secs) let:s>
            {
                let headline = s.headline(&name_of(&s.exercise));
                let reason = s.reason();
                let label = headline.clone();
                let accept_label = match s.direction {
                    Direction::More => "Yes, do more",
                    Direction::Ease => "Ease back",
                    Direction::Keep => "OK",
                };
                let keep = s.clone();
                let single = s.direction == Direction::Keep;
                view! {
                    <section class="card suggestion" aria-label=label>
                        <p class="eyebrow">"Your exercises"</p>
                        <h2>{headline}</h2>
                        <p>{reason}</p>
                        <div class="actions">
                            <button on:click=move |_| decide(&s, true)>{accept_label}</button>
                            {(!single).then(|| view! {
                                <button class="secondary" on:click=move |_| decide(&keep, false)>
                                    "Not now"
                                </button>
                            })}
                        </div>
                    </section>
                }
            }
        </For>
    }
}
