//! Cards that keep the person safe as they go: the check after a session in which pain
//! went up, the not-improving nudge, and dose suggestions.

use leptos::prelude::*;

use crate::ui::components::due::{when_due, Draw};
use crate::ui::href;

use crate::domain::progress::pain::{self, AfterCheckReason};
use crate::domain::progress::progression::{self, Direction, Suggestion};
use crate::domain::records::session_record::{AfterCheck, SessionRecord};
use crate::platform::clock;
use crate::ui::state::AppState;

/// Saves the answer to the after-session check on the session's record.
fn answer(state: AppState, record: &SessionRecord, check: AfterCheck) {
    let mut record = record.clone();
    record.after_check = Some(check);
    state.log_session(record);
}

/// "Has your pain settled?", 20 minutes after a session in which the person said "It
/// hurts", or that ended with more pain than it began with or with pain of 7 or more;
/// only on the day it fell due. Renders nothing without the app's state (a page mounted
/// alone) or while a session is playing.
#[component]
pub fn AfterCheckCard() -> impl IntoView {
    let Some(state) = use_context::<AppState>() else {
        return ().into_any();
    };
    let due = Memo::new(move |_| {
        let now = state.clock.now();
        let offset = state.clock.offset();
        state
            .records
            .sessions
            .with(|log| pain::after_check_due(log, now, offset).cloned())
    });
    let shown = Signal::derive(move || due.get().filter(|_| !state.is_playing()));
    when_due(state, shown, after_check_drawer).into_any()
}

crate::ui::piece! {
    /// What draws the after-session check, fetched when one is due.
    fn after_check_drawer() -> Draw<SessionRecord> { after_check } in due_cards_piece
}

/// The after-session check about `record`: the question, or, after "Still hurting", the
/// choice of exercises to set aside.
fn after_check(state: AppState, record: SessionRecord) -> AnyView {
    // "Still hurting" opens the choice of exercises to set aside; the answer is saved
    // only once that choice is made, so leaving the page asks again.
    let deciding = state.still_hurting() == Some(record.id());
    if deciding {
        return view! { <NotForMe record /> }.into_any();
    }
    let name = &record.routine_name;
    let what = match pain::after_check_reason(&record) {
        Some(AfterCheckReason::Rose { before, after }) => {
            format!("After {name} your pain went from {before} to {after} out of 10.")
        }
        Some(AfterCheckReason::HighAfter { after }) => {
            format!("After {name} your pain was {after} out of 10.")
        }
        Some(AfterCheckReason::Hurt { rating }) => {
            format!("During {name} you said it hurt, up to {rating} out of 10.")
        }
        None => format!("After {name} you had some pain."),
    };
    let text = format!("{what} Has it settled since?");
    let id = record.id();
    view! {
        <section class="card caution after-check" aria-labelledby="after-check-heading">
            <h2 id="after-check-heading">"How is your pain now?"</h2>
            <p>{text}</p>
            <div class="actions">
                <button on:click=move |_| answer(state, &record, AfterCheck::Settled)>
                    "It has settled"
                </button>
                <button class="secondary" on:click=move |_| state.set_still_hurting(Some(id))>
                    "Still hurting"
                </button>
            </div>
        </section>
    }
    .into_any()
}

/// After "still hurting": choose which of the session's exercises to set aside. Only
/// those the person said "It hurts" in start ticked.
#[component]
fn NotForMe(
    /// The session whose exercises are offered.
    record: SessionRecord,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = pain::after_check_choices(&record);
    let any = !choices.is_empty();
    let chosen = RwSignal::new(
        choices
            .iter()
            .filter(|(_, ticked)| *ticked)
            .map(|(id, _)| id.clone())
            .collect::<Vec<_>>(),
    );
    let boxes = choices
        .into_iter()
        .map(|(id, _)| {
            let name = state.name_of(&id);
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
    let record = StoredValue::new(record);
    let finish = move |set_aside: bool| {
        if set_aside {
            let ids = chosen.get_untracked();
            state.update_plan(|plan| plan.set_not_for_me(ids, clock::now()));
        }
        record.with_value(|r| answer(state, r, AfterCheck::StillHurting));
        state.set_still_hurting(None);
    };
    view! {
        <section class="card caution" aria-labelledby="not-for-me-heading">
            <h2 id="not-for-me-heading">
                {if any { "Set these exercises aside?" } else { "Sorry it still hurts" }}
            </h2>
            <p>
                "Pain that lasts more than 20 minutes after exercise means that exercise is "
                "not right for you at the moment."
                {any.then_some(
                    " Tick the ones to leave out of your routines; you can bring them back \
                     from the library.",
                )}
            </p>
            {any.then(|| view! {
                <fieldset class="checklist">
                    <legend>"Not for me"</legend>
                    {boxes}
                </fieldset>
            })}
            <p>
                "If the pain doesn't ease, or you notice any of "
                <a href=href("/safety")>"the warning signs"</a> ", get advice."
            </p>
            <div class="actions">
                {if any {
                    view! {
                        <button on:click=move |_| finish(true)>"Set aside the ticked ones"</button>
                        <button class="secondary" on:click=move |_| finish(false)>"Keep them all"</button>
                    }
                    .into_any()
                } else {
                    view! { <button on:click=move |_| finish(false)>"OK"</button> }.into_any()
                }}
            </div>
        </section>
    }
}

/// After two weeks of pain ratings that are not going down: a calm nudge to get advice.
#[component]
pub fn NudgeCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let show = Memo::new(move |_| {
        let now = state.clock.now();
        let today = state.clock.today();
        let offset = state.clock.offset();
        !state.records.plan.with(|p| p.nudge_snoozed(now))
            && state
                .records
                .sessions
                .with(|log| pain::not_improving(log, today, offset).is_some())
    });
    let due = Signal::derive(move || show.get().then_some(()));
    when_due(state, due, nudge_drawer)
}

crate::ui::piece! {
    /// What draws the nudge to get advice, fetched when it is due.
    fn nudge_drawer() -> Draw<()> { nudge } in due_cards_piece
}

/// The nudge to get advice, with a way to put it off for a week.
fn nudge(state: AppState, (): ()) -> AnyView {
    let snooze = move |_| state.update_plan(|p| p.dismiss_nudge(clock::now()));
    view! {
        <section class="card caution nudge" aria-labelledby="nudge-heading">
            <h2 id="nudge-heading">"Time to check in with someone"</h2>
            <p>
                "Your pain ratings in the last week are not lower than in your first "
                "week of ratings. Back pain usually gets better within a few weeks; when "
                "it doesn't, a GP or physiotherapist can help find out why and what "
                "suits you."
            </p>
            <p><a href=href("/safety")>"When to get help"</a></p>
            <div class="actions">
                <button class="secondary" on:click=snooze>"Remind me in a week"</button>
            </div>
        </section>
    }
    .into_any()
}

/// Dose suggestions from the last week's sessions, each to accept or decline.
#[component]
pub fn Suggestions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let list = Memo::new(move |_| {
        let now = state.clock.now();
        let today = state.clock.today();
        let offset = state.clock.offset();
        state.records.sessions.with(|log| {
            state.records.plan.with(|plan| {
                state.library().with(|library| {
                    progression::suggestions(log, plan, today, now, offset, library)
                })
            })
        })
    });
    let due = Signal::derive(move || Some(list.get()).filter(|l| !l.is_empty()));
    when_due(state, due, suggestions_drawer)
}

crate::ui::piece! {
    /// What draws dose suggestions, fetched when there are some.
    fn suggestions_drawer() -> Draw<Vec<Suggestion>> { suggestions } in due_cards_piece
}

/// A card for each of `list`, to accept or decline.
fn suggestions(state: AppState, list: Vec<Suggestion>) -> AnyView {
    let decide = move |s: &Suggestion, accepted: bool| {
        let now = clock::now();
        state.library().with_untracked(|library| {
            state.update_plan(|plan| s.answer(plan, accepted, now, library))
        });
    };
    list.into_iter()
        .map(|s| {
            let headline = s.headline(&state.name_of(&s.exercise));
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
                    <p class="source-tag">{progression::RULE_NOTE}</p>
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
        })
        .collect_view()
        .into_any()
}
