//! `/settings`: how sessions talk to you, and where your data lives.

use leptos::prelude::*;

use crate::domain::settings::{Describe, Settings};
use crate::platform::{audio, speech, vibration};
use crate::ui::components::data::{BackupActions, DeleteAll, ImportBackup, StorageStatus};
use crate::ui::components::page::{Later, Page};
use crate::ui::components::reminder::ReminderForm;
use crate::ui::href;
use crate::ui::pages::routines::app_address;
use crate::ui::state::AppState;

/// One on/off preference.
#[component]
fn Switch(
    /// The switch's accessible name.
    label: &'static str,
    /// One line on what it does.
    hint: &'static str,
    /// Reads this preference from the settings.
    get: fn(&Settings) -> bool,
    /// Writes this preference into the settings.
    set: fn(&mut Settings, bool),
    /// False when this device can't do it at all.
    supported: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = format!("setting-{}", label.to_ascii_lowercase().replace(' ', "-"));
    let hint_id = format!("{id}-hint");
    view! {
        <div class="setting">
            <label for=id.clone()>
                <span class="setting-label">{label}</span>
                <span class="setting-hint" id=hint_id.clone()>
                    {hint}
                    {(!supported).then(|| view! { <strong>" Not available on this device."</strong> })}
                </span>
            </label>
            <input
                type="checkbox"
                role="switch"
                id=id
                aria-describedby=hint_id
                prop:checked=move || state.records.settings.with(get)
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.records.settings.update(|s| set(s, on));
                }
            />
        </div>
    }
}

/// When the voice describes each move: always, the first times, never.
#[component]
fn DescribeChoice() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = Describe::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <label class="chip">
                    <input
                        type="radio"
                        name="describe"
                        prop:checked=move || state.records.settings.with(|s| s.describe == choice)
                        on:change=move |_| state.records.settings.update(|s| s.describe = choice)
                    />
                    <span>{choice.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="chips describe-choice" aria-describedby="describe-hint">
            <legend>"Describe each move aloud"</legend>
            {choices}
        </fieldset>
        <p class="hint" id="describe-hint">
            "While you get ready the voice says how to start, and as you begin, what to do. "
            "The first 3 times is the app's own choice: enough to learn a move."
        </p>
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <Page title="Settings">
            <section class="card">
                <h2>"During a session"</h2>
                <Switch
                    label="Beeps"
                    hint="Short beeps for the count-down and each change."
                    get=|s| s.sound
                    set=|s, on| s.sound = on
                    supported=audio::is_supported()
                />
                <Switch
                    label="Spoken instructions"
                    hint="A voice tells you what to do next."
                    get=|s| s.voice
                    set=|s, on| s.voice = on
                    supported=speech::is_supported()
                />
                <DescribeChoice />
                <Switch
                    label="Moving figures"
                    hint="The drawn figure shows each move as it happens. Off, it shows each pose still."
                    get=|s| s.motion
                    set=|s, on| s.motion = on
                    supported=true
                />
                <Switch
                    label="Vibration"
                    hint="The phone buzzes at each change, where it can."
                    get=|s| s.vibration
                    set=|s, on| s.vibration = on
                    supported=vibration::is_supported()
                />
            </section>
            // The rest is drawn in the frame after: the tap that opened Settings is
            // answered at once.
            <Later>
            <section class="card" aria-labelledby="reminders-heading">
                <h2 id="reminders-heading">"Reminders"</h2>
                <ReminderForm
                    uid="steadyback-today".to_string()
                    title="Steadyback: time for your exercises".to_string()
                    link=app_address()
                    minutes=15
                    file="steadyback-reminder".to_string()
                />
                <p class="hint">
                    "A reminder that opens one routine is on that routine's page, under "
                    <a href=href("/routines")>"Routines"</a>
                    "."
                </p>
            </section>
            <section class="card" aria-labelledby="data-heading">
                <h2 id="data-heading">"Your data"</h2>
                <p>
                    "Everything you enter stays in this browser, on this device. There is no "
                    "account, and nothing is sent anywhere."
                </p>
                <StorageStatus />
            </section>
            <section class="card" aria-labelledby="backup-settings-heading">
                <h2 id="backup-settings-heading">"Backup"</h2>
                <BackupActions />
            </section>
            <section class="card" aria-labelledby="restore-heading">
                <h2 id="restore-heading">"Restore"</h2>
                <ImportBackup />
            </section>
            <section class="card" aria-labelledby="delete-all-heading">
                <h2 id="delete-all-heading">"Start afresh"</h2>
                <DeleteAll />
            </section>
            </Later>
        </Page>
    }
}
