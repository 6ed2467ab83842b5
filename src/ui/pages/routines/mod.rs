//! Routines: `/routines` lists the built-in ones and the person's own; `/routines/:id`
//! shows one, to play, pin for Today, copy, change, share as a link or QR code, and be
//! reminded of through the calendar. The editor and the page a shared link opens are in
//! their own modules.

pub mod editor;
pub mod shared;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::domain::dates::plural;
use crate::domain::library::own_exercise::{is_own, OwnExercise};
use crate::domain::routines::own_routine::{OwnItem, OWN_PREFIX};
use crate::domain::routines::routine::{self, Routine};
use crate::domain::routines::share;
use crate::platform::{clock, share as device_share};
use crate::ui::components::figure::LaterStill;
use crate::ui::components::missing::Missing;
use crate::ui::components::page::Page;
use crate::ui::components::reminder::ReminderForm;
use crate::ui::components::safety_check::AdviceNote;
use crate::ui::href;
use crate::ui::state::{AppState, Tone};

/// The app's own address with its trailing `/`: `https://example.org/steadyback/`.
pub fn app_address() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}/", crate::platform::base_path::base())
}

/// A routine's exercises as the numbers of an own routine: a built-in routine's
/// starting doses, an own routine's as chosen.
pub fn own_items(routine: &Routine) -> Vec<OwnItem> {
    routine
        .items
        .iter()
        .map(|i| OwnItem::from_dose(&i.exercise, &i.dose))
        .collect()
}

/// Said beside an exercise of a routine that the person set aside.
#[component]
pub fn SetAsideNote() -> impl IntoView {
    view! {
        <p class="hint">
            "You set this exercise aside as not for you: it is skipped when the routine plays."
        </p>
    }
}

/// The exercises of a routine, each with its still, dose, and what the person should
/// know about it (set aside, a number past the range the app stands behind).
#[component]
pub fn RoutineItems(
    /// The exercises with their doses.
    items: Vec<OwnItem>,
    /// In a shared link's preview, the sender's own exercises the items use (looked up
    /// beside the person's own); empty elsewhere.
    #[prop(optional)]
    sender: Vec<OwnExercise>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let library = state.library().with_untracked(|l| l.with_visiting(&sender));
    let sender = !sender.is_empty();
    let rows = items
        .into_iter()
        .map(|item| {
            let Some(exercise) = library.get(&item.exercise).cloned() else {
                // Only the person's own can go missing: deleted, or not here yet.
                return view! {
                    <li class="gone">
                        <p>
                            <strong>"An exercise of your own that was deleted"</strong>
                            <span class="meta">" · skipped when you play this routine"</span>
                        </p>
                    </li>
                }
                .into_any();
            };
            let summary = item.dose(&library).map(|d| d.summary()).unwrap_or_default();
            let beyond: Vec<String> = item
                .beyond_range(&library)
                .into_iter()
                .map(|(_, note)| note)
                .collect();
            let set_aside = state
                .records
                .plan
                .with_untracked(|p| p.is_not_for_me(&exercise.id));
            let own = is_own(&exercise.id);
            // The sender's exercise has no page here until it is added.
            let name = if own && sender {
                view! { <strong>{exercise.name.to_string()}</strong> }.into_any()
            } else {
                view! { <a href=href(&format!("/exercise/{}", exercise.id))>{exercise.name.to_string()}</a> }
                    .into_any()
            };
            view! {
                <li>
                    <LaterStill exercise class="list-figure" />
                    <div>
                        {name}
                        <span class="meta">" · " {summary}</span>
                        {own.then(|| view! {
                            <p class="own-tag">
                                {if sender { "The sender's own exercise" } else { "Your own exercise" }}
                            </p>
                        })}
                        {beyond
                            .into_iter()
                            .map(|b| view! { <p class="hint beyond">{b}</p> })
                            .collect_view()}
                        {set_aside.then(|| view! { <SetAsideNote /> })}
                    </div>
                </li>
            }
            .into_any()
        })
        .collect_view();
    view! { <ul class="routine-exercises detailed">{rows}</ul> }
}

/// `/routines`.
#[component]
pub fn RoutinesPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let line = move |r: &Routine| {
        let pinned = state
            .records
            .routines
            .with(|own| own.pinned_id() == Some(r.id.as_str()));
        view! {
            <li>
                <a href=href(&format!("/routines/{}", r.id))>{r.name.clone()}</a>
                <span class="meta">
                    " · about " {r.estimated_minutes()} " min · " {plural(r.items.len(), "exercise", "exercises")}
                    {pinned.then_some(" · pinned on Today")}
                </span>
            </li>
        }
    };
    let builtin = routine::builtin().iter().map(line).collect_view();
    let own = move || {
        state.records.routines.with(|own| {
            own.records
                .iter()
                .map(|r| line(&r.routine(&state.library().read_untracked())))
                .collect::<Vec<_>>()
        })
    };
    let has_own = move || state.records.routines.with(|own| !own.records.is_empty());
    view! {
        <Page title="Routines">
            <section class="card" aria-labelledby="own-heading">
                <h2 id="own-heading">"Your routines"</h2>
                <Show
                    when=has_own
                    fallback=|| {
                        view! {
                            <p>
                                "Make a routine of your own: pick exercises from the library "
                                "and set how much of each, as your physiotherapist showed you."
                            </p>
                        }
                    }
                >
                    <ul class="routine-list">{own}</ul>
                </Show>
                <a class="button" href=href("/routines/new")>"New routine"</a>
            </section>
            <section class="card" aria-labelledby="builtin-heading">
                <h2 id="builtin-heading">"Routines from the app"</h2>
                <ul class="routine-list">{builtin}</ul>
            </section>
        </Page>
    }
}

/// `/routines/:id`.
#[component]
pub fn RoutinePage() -> impl IntoView {
    let params = use_params_map();
    let state = expect_context::<AppState>();
    move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        let found = (!id.starts_with(routine::SINGLE_PREFIX))
            .then(|| state.routine(&id))
            .flatten();
        match found {
            Some(routine) => view! { <RoutineView routine /> }.into_any(),
            None => view! {
                <Missing
                    title="Routine not found"
                    text="There is no routine at this address. It may have been deleted."
                    back_to="/routines"
                    back_label="See all routines"
                />
            }
            .into_any(),
        }
    }
}

#[component]
fn RoutineView(
    /// The routine shown, built-in or the person's own, as found by its address.
    routine: Routine,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let navigate = use_navigate();
    let own = routine.id.starts_with(OWN_PREFIX);
    let id = routine.id.clone();
    // An own routine as stored: an exercise of the person's own since deleted is shown
    // (and skipped when played); the link carries only what can be played.
    let items = if own {
        state
            .records
            .routines
            .with_untracked(|r| r.get(&id).map(|r| r.items.clone()))
            .unwrap_or_else(|| own_items(&routine))
    } else {
        own_items(&routine)
    };
    let shareable: Vec<OwnItem> = items
        .iter()
        .filter(|i| {
            state
                .library()
                .with_untracked(|l| l.get(&i.exercise).is_some())
        })
        .cloned()
        .collect();
    let playable = state
        .records
        .plan
        .with_untracked(|p| p.apply(&routine, &state.library().read_untracked()));
    let minutes = playable.estimated_minutes();
    let pinned = {
        let id = id.clone();
        move || {
            state
                .records
                .routines
                .with(|r| r.pinned_id() == Some(id.as_str()))
        }
    };
    let toggle_pin = {
        let id = id.clone();
        let pinned = pinned.clone();
        move |_| {
            let on = !pinned();
            state
                .records
                .routines
                .update(|r| r.pin(on.then_some(id.as_str()), clock::now()));
        }
    };
    let confirm_delete = RwSignal::new(false);
    let delete = {
        let id = id.clone();
        let name = routine.name.clone();
        move |_| {
            state
                .records
                .routines
                .update(|r| drop(r.delete(&id, clock::now())));
            state
                .notices
                .notify(Tone::Info, format!("Deleted \u{201c}{name}\u{201d}."));
            navigate(&href("/routines"), Default::default());
        }
    };
    let link = share::link(
        &app_address(),
        &routine.name,
        &shareable,
        &state.library().read_untracked(),
    );
    let name = routine.name.clone();
    let description = (!own).then(|| routine.description.clone());
    let nothing_left = playable.items.is_empty();
    view! {
        <Page title=routine.name.clone()>
            {description.map(|d| view! { <p>{d}</p> })}
            // The routine's own advice from the sources (the flare-up day: keep gently
            // active), as Today, the player and the summary show it.
            {routine.advice.map(|advice| view! { <AdviceNote advice /> })}
            <p class="meta">
                "About " {minutes} " minutes · " {plural(routine.items.len(), "exercise", "exercises")}
                {own.then_some(" · your own routine, with the doses you set")}
            </p>
            <RoutineItems items=items.clone() />
            <div class="actions">
                {if nothing_left {
                    view! {
                        <p class="hint">
                            "Every exercise of this routine is set aside as not for you."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <a class="button big" href=href(&format!("/session/{id}"))>"Play"</a>
                    }
                        .into_any()
                }}
            </div>
            <p class="pin-line">
                {
                    let pinned = pinned.clone();
                    move || {
                        if pinned() {
                            "Pinned: Today suggests this routine."
                        } else {
                            "Today chooses a routine for you, unless you pin one."
                        }
                    }
                }
                " "
                <button class="link-button inline" on:click=toggle_pin>
                    {move || if pinned() { "Let Today choose" } else { "Pin it on Today" }}
                </button>
            </p>
            <div class="actions routine-page-actions">
                {own
                    .then(|| {
                        view! {
                            <a class="button secondary" href=href(&format!("/routines/{id}/edit"))>
                                "Change"
                            </a>
                        }
                    })}
                <a class="button secondary" href=href(&format!("/routines/new?from={}", routine.id))>
                    "Copy and change"
                </a>
                {own
                    .then(|| {
                        view! {
                            <button class="secondary danger" on:click=move |_| confirm_delete.set(true)>
                                "Delete"
                            </button>
                        }
                    })}
            </div>
            <Show when=move || confirm_delete.get()>
                <div class="card caution" role="alert">
                    <p>
                        "Delete this routine? Sessions you played stay in your progress."
                    </p>
                    <div class="actions">
                        <button class="danger-fill" on:click=delete.clone()>"Delete it"</button>
                        <button class="secondary" on:click=move |_| confirm_delete.set(false)>
                            "Keep it"
                        </button>
                    </div>
                </div>
            </Show>
            <SharePanel name=name.clone() link=link.clone() />
            <section class="card" aria-labelledby="reminder-heading">
                <h2 id="reminder-heading">"Reminders"</h2>
                <ReminderForm
                    uid=routine.id.clone()
                    title=format!("Steadyback: {}", routine.name)
                    link=format!("{}session/{}", app_address(), routine.id)
                    minutes
                    file=format!("steadyback-{}", file_slug(&routine.name))
                />
            </section>
        </Page>
    }
}

/// A file name from a routine's name: letters and digits, words joined by `-`.
pub fn file_slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "routine".to_string()
    } else {
        words.join("-")
    }
}

/// "Share": the link (share sheet or clipboard) and its QR code.
#[component]
fn SharePanel(
    /// The routine's name, given to the share sheet with the link.
    name: String,
    /// The link that carries the routine: shown, shared or copied, and drawn as a QR code.
    link: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let can_share = device_share::can_share();
    let pass_on = {
        let link = link.clone();
        let name = name.clone();
        move |_| {
            let link = link.clone();
            let name = name.clone();
            leptos::task::spawn_local(async move {
                let result = if can_share {
                    device_share::share(&name, &link).await
                } else {
                    device_share::copy(&link).await.map(|()| {
                        status.set(Some("Link copied.".to_string()));
                    })
                };
                match result {
                    Ok(()) | Err(device_share::ShareProblem::Cancelled) => {}
                    Err(_) => state.notices.notify(
                        Tone::Warning,
                        "This browser did not let Steadyback pass the link on. Copy it from the box above instead."
                            .to_string(),
                    ),
                }
            });
        }
    };
    // Past what a link may carry (long steps of the person's own exercises): said, not
    // offered as a link that would be refused when opened.
    let fragment = link.split_once('#').map_or("", |(_, f)| f);
    if fragment.len() > share::MAX_CHARS {
        return view! {
            <section class="card share" aria-labelledby="share-heading">
                <h2 id="share-heading">"Share"</h2>
                <p>
                    "This routine is too long to pass on as a link: the steps of your own "
                    "exercises in it take too much room. Shorten some steps, or share a "
                    "routine with fewer of your own exercises."
                </p>
            </section>
        }
        .into_any();
    }
    let qr = qr_svg(&link);
    view! {
        <section class="card share" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share"</h2>
            <p>
                "Anyone who opens this link can add the routine to their own Steadyback. "
                "The routine travels inside the link, so no server ever sees it."
            </p>
            <div class="field">
                <label for="share-link">"Link"</label>
                <input id="share-link" type="text" readonly=true value=link.clone() />
            </div>
            <div class="actions">
                <button on:click=pass_on>
                    {if can_share { "Share link" } else { "Copy link" }}
                </button>
            </div>
            <p class="hint" role="status">{move || status.get()}</p>
            {qr
                .map(|svg| {
                    view! {
                        <div class="qr" role="img" aria-label="QR code of the link" inner_html=svg></div>
                        <p class="hint">"Or scan this code with another phone's camera."</p>
                    }
                })}
        </section>
    }
    .into_any()
}

/// The QR code of `text` as SVG: black squares on white with the quiet zone around
/// them, so it scans in a dark theme too. `None` when the text is too long for one.
pub fn qr_svg(text: &str) -> Option<String> {
    use qrcode::{Color, EcLevel, QrCode};
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::new();
    for (i, colour) in code.to_colors().iter().enumerate() {
        if *colour == Color::Dark {
            path.push_str(&format!(
                "M{} {}h1v1h-1z",
                i % width + quiet,
                i / width + quiet
            ));
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges" aria-hidden="true" focusable="false"><rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    ))
}
