//! `/settings`: how sessions talk to you, and where your data lives.

use leptos::prelude::*;

use crate::domain::session::settings::{Describe, TextSize, Theme};
use crate::platform::{audio, speech, vibration};
use crate::ui::components::data::{
    BackupActions, DeleteAll, ImportBackup, MakeRoom, StorageStatus,
};
use crate::ui::components::page::{Later, Page};
use crate::ui::components::preferences::{Choice, PaceControls, Switch, VoiceControls, Volume};
use crate::ui::components::reminder::ReminderForm;
use crate::ui::href;
use crate::ui::pages::routines::app_address;

/// When the voice describes each move: always, the first times, never.
#[component]
fn DescribeChoice() -> impl IntoView {
    let options = Describe::ALL
        .into_iter()
        .map(|d| (d, d.label().to_string()))
        .collect();
    view! {
        <Choice
            legend="Describe each move aloud"
            name="describe"
            options
            get=|s| s.describe
            set=|s, d| s.describe = d
            hint="describe-hint"
        />
        <p class="hint" id="describe-hint">
            "While you get ready the voice says how to start, and as you begin, what to do. "
            "The first 3 times is the app's own choice: enough to learn a move."
        </p>
    }
}

/// Light or dark, and how big the text is.
#[component]
fn LookControls() -> impl IntoView {
    let themes = Theme::ALL
        .into_iter()
        .map(|t| (t, t.label().to_string()))
        .collect();
    let sizes = TextSize::ALL
        .into_iter()
        .map(|t| (t, t.label().to_string()))
        .collect();
    view! {
        <Choice legend="Theme" name="theme" options=themes get=|s| s.theme set=|s, t| s.theme = t />
        <Choice
            legend="Text size"
            name="text-size"
            options=sizes
            get=|s| s.text_size
            set=|s, t| s.text_size = t
            hint="text-size-hint"
        />
        <p class="hint" id="text-size-hint">"The whole app grows with the text."</p>
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
                    hint="A voice tells you what to do next. With a screen reader, you may prefer it off: your screen reader then says each step, once, as it starts."
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
            <section class="card" aria-labelledby="pace-heading">
                <h2 id="pace-heading">"Pace"</h2>
                <PaceControls prefix="settings" />
                <p class="hint">"A change during a session applies from its next step."</p>
            </section>
            <section class="card" aria-labelledby="voice-heading">
                <h2 id="voice-heading">"Sound and voice"</h2>
                <Volume />
                <VoiceControls />
            </section>
            <section class="card" aria-labelledby="look-heading">
                <h2 id="look-heading">"Look"</h2>
                <LookControls />
            </section>
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
                <MakeRoom />
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
