//! The person's data: where it is kept, backups out and in, the backup reminder, and
//! deleting everything.

use leptos::prelude::*;

use crate::ui::components::due::{when_due, Draw};

use crate::domain::backup::{self, Import, Mode};
use crate::domain::dates::plural;
use crate::domain::records::older;
use crate::domain::storage::room;
use crate::platform::{clock, files, persistence};
use crate::ui::format::day_full;
use crate::ui::state::AppState;

/// "45 KB", "2 MB", in whole units.
fn bytes_text(bytes: f64) -> String {
    let bytes = bytes.max(0.0) as u64;
    match bytes {
        b if b >= 10 * 1024 * 1024 => format!("{} MB", b / (1024 * 1024)),
        b if b >= 1024 * 1024 => {
            let tenths = b * 10 / (1024 * 1024);
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
        b if b >= 1024 => format!("{} KB", b.div_ceil(1024)),
        b => format!("{b} bytes"),
    }
}

/// Whether the browser keeps the data when short of space, and how much is used.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    // None while asking the browser; Some(None) when it can't say.
    let kept = RwSignal::new(None::<Option<bool>>);
    leptos::task::spawn_local(async move {
        kept.try_set(Some(persistence::persisted().await.ok()));
    });
    state.measure_room();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let granted = persistence::persist().await.ok();
            kept.try_set(Some(granted));
        });
    };
    view! {
        <div class="storage-status">
            {move || match kept.get() {
                None => view! { <p>"Checking how this browser keeps your data…"</p> }.into_any(),
                Some(Some(true)) => view! {
                    <p>
                        <strong>"Kept safe: "</strong>
                        "this browser has agreed not to clear Steadyback's data when it runs "
                        "short of space."
                    </p>
                }
                .into_any(),
                Some(Some(false)) => view! {
                    <p>
                        <strong>"Not protected yet: "</strong>
                        "this browser may clear Steadyback's data if it runs short of space. "
                        "Browsers usually agree to keep it for apps added to the home screen "
                        "or used often."
                    </p>
                    <button class="secondary" on:click=ask>"Ask the browser to keep it"</button>
                }
                .into_any(),
                Some(None) => view! {
                    <p>"This browser can't say whether it will keep Steadyback's data."</p>
                }
                .into_any(),
            }}
            {move || state.room_used().map(|used| view! {
                <p class="hint">
                    {format!(
                        "What this site keeps here takes {}: {} % of the {} million a \
                         browser keeps for a site (the app's own estimate: browsers don't say).",
                        room::chars_text(used),
                        room::percent_used(used),
                        room::ROOM_CHARS / 1_000_000,
                    )}
                </p>
            })}
            <p class="hint">
                "Some browsers, such as Safari on iPhone and iPad, delete a site's data after "
                "7 days without a visit unless it is added to the home screen. A backup file "
                "keeps your history safe whatever happens."
            </p>
            <Show when=move || !state.persistent>
                <p class="warning-text">
                    "Right now this browser is not letting Steadyback save, so nothing will be "
                    "kept after you close the app. Download a backup before you go."
                </p>
            </Show>
        </div>
    }
}

/// Making room: the sessions older than two years kept as weekly totals, after a backup
/// is offered and the person says so. Shown when there are such sessions.
#[component]
pub fn MakeRoom() -> impl IntoView {
    let state = expect_context::<AppState>();
    let asking = RwSignal::new(false);
    let done = RwSignal::new(None::<usize>);
    let room = move || state.room_to_make();
    let make = move |_| {
        done.set(Some(state.make_room()));
        asking.set(false);
    };
    // Opened from the card on Today ("/settings#room"): focused, so brought into view and
    // read next by a screen reader.
    let anchor = NodeRef::<leptos::html::Div>::new();
    anchor.on_load(|div| {
        if window().location().hash().is_ok_and(|h| h == "#room") {
            let _ = div.focus();
        }
    });
    view! {
        <div id="room" class="make-room" tabindex="-1" node_ref=anchor>
            <Show when=move || room().1 != 0>
                <h3>"Make room"</h3>
                <p>
                    {move || {
                        let (first, older) = room();
                        format!(
                            "You can keep only the last {} years of sessions here: the {} from \
                             before {} would become weekly totals, still in the charts, the \
                             summary and the count of sessions.",
                            older::KEEP_YEARS,
                            plural(older, "session", "sessions"),
                            day_full(first),
                        )
                    }}
                </p>
                <p>"Download a backup first: it keeps every session in full."</p>
                <div class="actions">
                    <button on:click=move |_| state.download_backup()>"Download a backup"</button>
                    <button class="secondary" on:click=move |_| asking.set(true)>
                        "Keep the last 2 years"
                    </button>
                </div>
                <Show when=move || asking.get()>
                    <div class="card caution" role="region" aria-labelledby="room-confirm">
                        <h4 id="room-confirm">"Keep only the last 2 years?"</h4>
                        <p>
                            {move || format!(
                                "{} will be kept on this device only as weekly totals. Their \
                                 exercises, times and ratings stay only in the backups you have \
                                 made.",
                                plural(room().1, "older session", "older sessions"),
                            )}
                        </p>
                        <div class="actions">
                            <button class="danger-fill" on:click=make>"Yes, keep the last 2 years"</button>
                            <button class="secondary" on:click=move |_| asking.set(false)>"Cancel"</button>
                        </div>
                    </div>
                </Show>
            </Show>
            {move || done.get().map(|n| view! {
                <p class="hint" role="status">
                    {format!(
                        "Done: {} now kept as weekly totals.",
                        plural(n, "session is", "sessions are"),
                    )}
                </p>
            })}
        </div>
    }
}

/// Storage is getting full: a backup, then making room in Settings, or not now.
fn room_card(state: AppState, percent: u64) -> AnyView {
    view! {
        <section class="card caution room-card" aria-labelledby="room-heading">
            <h2 id="room-heading">"Storage is getting full"</h2>
            <p>
                {format!(
                    "Steadyback's storage in this browser is about {percent} % full. Nothing is \
                     lost. To make room, download a backup, then keep only the last 2 years of \
                     sessions here."
                )}
            </p>
            <div class="actions">
                <button on:click=move |_| state.download_backup()>"Download a backup"</button>
                <a class="button secondary" href=crate::ui::href("/settings#room")>"Make room"</a>
                <button class="secondary" on:click=move |_| state.room_later()>"Not now"</button>
            </div>
        </section>
    }
    .into_any()
}

/// Backups out: the JSON file and the spreadsheet.
#[component]
pub fn BackupActions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let last = move || {
        state.records.backup_meta.with(|m| {
            m.last_backup_at.map(|at| {
                let day = crate::domain::dates::local_day(at, clock::offset_min(at));
                format!("Last backup: {}.", day_full(day))
            })
        })
    };
    view! {
        <p>
            "A backup is one file with everything: sessions, activity, pain ratings, your "
            "doses and settings. Keep it somewhere safe; it can be restored here or in "
            "another browser."
        </p>
        <p class="hint">{move || last().unwrap_or_else(|| "No backup made yet.".to_string())}</p>
        <div class="actions">
            <button on:click=move |_| state.download_backup()>"Download a backup"</button>
            <button class="secondary" on:click=move |_| state.download_csv()>
                "Download as a spreadsheet"
            </button>
        </div>
    }
}

/// Where an import is up to.
#[derive(Clone)]
enum ImportStep {
    Idle,
    Reading,
    Failed(String),
    Preview(Box<Import>),
    Done(String),
}

/// Backups in: pick a file, see what is in it, merge or replace, undo.
#[component]
pub fn ImportBackup() -> impl IntoView {
    let state = expect_context::<AppState>();
    let step = RwSignal::new(ImportStep::Idle);
    let mode = RwSignal::new(Mode::Merge);
    // Undo is offered right after an import only: later, it would also take away what
    // was added since (the copy itself stays until the next import).
    let undoable = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    // A new version's "Reload" waits while a backup is being read or looked at.
    state.updates.hold_while(move || {
        step.with(|s| matches!(s, ImportStep::Reading | ImportStep::Preview(_)))
    });
    let picked = move |_| {
        let Some(input) = input.get() else {
            return;
        };
        step.set(ImportStep::Reading);
        undoable.set(false);
        leptos::task::spawn_local(async move {
            let next = match files::read_text(&input, backup::MAX_BYTES).await {
                Err(files::ReadError::TooLarge(bytes)) => ImportStep::Failed(format!(
                    "This file is {}; a Steadyback backup is far smaller. Choose the .json file \
                     Steadyback saved.",
                    bytes_text(bytes as f64)
                )),
                Err(err) => ImportStep::Failed(format!("The file could not be read: {err}.")),
                Ok(text) => match backup::decode(&text, clock::now()) {
                    Ok(import) => ImportStep::Preview(Box::new(import)),
                    Err(err) => ImportStep::Failed(err.to_string()),
                },
            };
            // The same file may be picked again after a change.
            input.set_value("");
            step.try_set(next);
        });
    };
    let apply = move |import: &Import| {
        let chosen = mode.get_untracked();
        let result = state.apply_import(&import.backup, chosen);
        undoable.set(result.is_ok());
        let next = match result {
            Ok(()) => ImportStep::Done(match chosen {
                Mode::Merge => "Imported and merged with what was here.".to_string(),
                Mode::Replace => "Imported: the backup replaced what was here.".to_string(),
            }),
            Err(err) => ImportStep::Failed(err),
        };
        step.set(next);
    };
    let undo = move |_| {
        let result = state.undo_import();
        undoable.set(result.is_err());
        let next = match result {
            Ok(()) => {
                ImportStep::Done("Undone: your data is back as it was before the import.".into())
            }
            Err(err) => ImportStep::Failed(err.to_string()),
        };
        step.set(next);
    };
    let can_undo = move || undoable.get();
    view! {
        <div class="field">
            <label for="import-file">"Restore from a backup file"</label>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                node_ref=input
                on:change=picked
            />
        </div>
        {move || match step.get() {
            ImportStep::Idle => ().into_any(),
            ImportStep::Reading => view! { <p role="status">"Reading the file…"</p> }.into_any(),
            ImportStep::Failed(text) => view! { <p class="form-error" role="alert">{text}</p> }.into_any(),
            ImportStep::Done(text) => view! { <p class="form-status" role="status">{text}</p> }.into_any(),
            ImportStep::Preview(import) => {
                let skipped = import.skipped.clone();
                let import = StoredValue::new(*import);
                view! {
                    <div class="card import-preview" role="region" aria-labelledby="preview-heading">
                        <h3 id="preview-heading">"In this backup"</h3>
                        <p class="import-summary">{import.with_value(Import::summary)}</p>
                        {(!skipped.is_empty()).then(|| view! {
                            <details>
                                <summary>"Why some records were skipped"</summary>
                                <ul>{skipped.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                            </details>
                        })}
                        <fieldset class="chips">
                            <legend>"How to bring it in"</legend>
                            <label class="chip">
                                <input
                                    type="radio"
                                    name="import-mode"
                                    prop:checked=move || mode.get() == Mode::Merge
                                    on:change=move |_| mode.set(Mode::Merge)
                                />
                                <span>"Merge with what is here"</span>
                            </label>
                            <label class="chip">
                                <input
                                    type="radio"
                                    name="import-mode"
                                    prop:checked=move || mode.get() == Mode::Replace
                                    on:change=move |_| mode.set(Mode::Replace)
                                />
                                <span>"Replace what is here"</span>
                            </label>
                        </fieldset>
                        <p class="hint">
                            "Either way, what is here now is kept as an automatic backup that "
                            "one tap brings back."
                        </p>
                        <div class="actions">
                            <button on:click=move |_| import.with_value(apply)>"Import"</button>
                            <button class="secondary" on:click=move |_| step.set(ImportStep::Idle)>"Cancel"</button>
                        </div>
                    </div>
                }
                .into_any()
            }
        }}
        <Show when=can_undo>
            <button class="secondary" on:click=undo>"Undo the last import"</button>
        </Show>
    }
}

/// Sends the app to Today, as a fresh start begins there: the address changes and the
/// router hears of it as of a Back or Forward (it needs no router context here).
fn go_home() {
    let window = window();
    if let Ok(history) = window.history() {
        if history
            .push_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&crate::ui::href("/")),
            )
            .is_ok()
        {
            if let Ok(event) = web_sys::PopStateEvent::new("popstate") {
                let _ = window.dispatch_event(&event);
            }
        }
    }
}

/// Deleting everything, after offering a backup.
#[component]
pub fn DeleteAll() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = move |_| match state.delete_all() {
        Ok(()) => {
            confirming.set(false);
            go_home();
        }
        Err(err) => error.set(Some(err)),
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button class="secondary danger" on:click=move |_| confirming.set(true)>
                    "Delete all my data"
                </button>
            }
        >
            <div class="card caution" role="region" aria-labelledby="delete-heading">
                <h3 id="delete-heading">"Delete everything?"</h3>
                <p>
                    "This deletes every session, activity, pain rating, dose and setting "
                    "Steadyback keeps in this browser. It can't be undone, so download a "
                    "backup first if you may want it again."
                </p>
                <div class="actions">
                    <button on:click=move |_| state.download_backup()>"Download a backup first"</button>
                    {state.has_set_aside().then(|| view! {
                        <button class="secondary" on:click=move |_| state.download_stored()>
                            "Download stored data too"
                        </button>
                    })}
                    <button class="danger-fill" on:click=delete>"Delete everything"</button>
                    <button class="secondary" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </div>
        </Show>
    }
}

/// On Today: time to download a backup (every 10 sessions or 30 days).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    let due = move || (backup_due(state) || state.room_nearly_full().is_some()).then_some(());
    when_due(state, Signal::derive(due), reminder_drawer)
}

/// True when a backup is due (tracked).
fn backup_due(state: AppState) -> bool {
    let now = state.clock.now();
    let (count, first) = state
        .records
        .sessions
        .with(|s| (s.records.len(), s.records.first().map(|r| r.started_at)));
    state.records.backup_meta.with(|m| m.due(now, count, first))
}

crate::ui::piece! {
    /// What draws the backup reminder and the word on storage, fetched when one is due.
    fn reminder_drawer() -> Draw<()> { reminder } in due_cards_piece
}

/// The backup reminder (download one, or not now), and the word on storage getting full.
fn reminder(state: AppState, (): ()) -> AnyView {
    let room = state
        .room_nearly_full()
        .map(|percent| room_card(state, percent));
    if !backup_due(state) {
        return room.into_any();
    }
    let snooze = move |_| {
        let count = state.records.sessions.with_untracked(|s| s.records.len());
        state
            .records
            .backup_meta
            .update(|m| m.snooze(clock::now(), count));
    };
    view! {
        <section class="card backup-reminder" aria-labelledby="backup-heading">
            <h2 id="backup-heading">"Time for a backup"</h2>
            <p>
                "Your history is kept only in this browser. A backup file keeps a copy "
                "safe if the browser's data is ever cleared."
            </p>
            <div class="actions">
                <button on:click=move |_| state.download_backup()>"Download a backup"</button>
                <button class="secondary" on:click=snooze>"Not now"</button>
            </div>
        </section>
        {room}
    }
    .into_any()
}
