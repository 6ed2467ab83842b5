//! The controls of the person's preferences, shared by Settings and the player's "Pace
//! and sound" panel. Each writes the settings record at once; a session playing takes a
//! new pace from its next step.

use leptos::prelude::*;

use crate::domain::session::settings::{RestPace, Settings, GET_READY_CHOICES, RATE_CHOICES};
use crate::platform::{audio, speech};
use crate::ui::state::{AppState, Tone};

/// How the settings say to speak.
pub fn voice(settings: &Settings) -> speech::Voice<'_> {
    speech::Voice {
        uri: settings.voice_uri.as_deref(),
        rate: settings.speech_rate(),
        volume: settings.loudness(),
    }
}

/// One on/off preference.
#[component]
pub fn Switch(
    /// The switch's accessible name.
    label: &'static str,
    /// One line on what it does.
    hint: &'static str,
    /// Reads this preference from the settings.
    get: fn(&Settings) -> bool,
    /// Writes this preference into the settings.
    set: fn(&mut Settings, bool),
    /// False when this device can't do it at all.
    #[prop(default = true)]
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

/// One choice of a few, as a row of pills.
#[component]
pub fn Choice<T>(
    /// The group's name, shown as its legend.
    legend: &'static str,
    /// The radios' shared name, unique on the page.
    name: &'static str,
    /// Each choice: its value and what it says.
    options: Vec<(T, String)>,
    /// Reads the choice from the settings.
    get: fn(&Settings) -> T,
    /// Writes it.
    set: fn(&mut Settings, T),
    /// The id of a hint under the group, if any.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let state = expect_context::<AppState>();
    let choices = options
        .into_iter()
        .map(|(value, text)| {
            view! {
                <label class="chip">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || state.records.settings.with(|s| get(s) == value)
                        on:change=move |_| state.records.settings.update(|s| set(s, value))
                    />
                    <span>{text}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="chips choice" aria-describedby=hint>
            <legend>{legend}</legend>
            {choices}
        </fieldset>
    }
}

/// The get-ready countdown, the rests and the pause to change sides.
#[component]
pub fn PaceControls(
    /// Names the radios apart where two sets of controls could share a page.
    prefix: &'static str,
) -> impl IntoView {
    let ready = GET_READY_CHOICES
        .into_iter()
        .map(|s| (s, format!("{s} s")))
        .collect();
    let rests = RestPace::ALL
        .into_iter()
        .map(|r| (r, r.label().to_string()))
        .collect();
    let (ready_name, rest_name) = match prefix {
        "player" => ("player-get-ready", "player-rest"),
        _ => ("get-ready", "rest"),
    };
    view! {
        <Choice
            legend="Get ready before each exercise"
            name=ready_name
            options=ready
            get=Settings::get_ready_choice
            set=|s, v| s.get_ready_secs = v
        />
        <Choice
            legend="Rests between reps and sets"
            name=rest_name
            options=rests
            get=|s| s.rest
            set=|s, v| s.rest = v
            hint="rest-hint"
        />
        <p class="hint" id="rest-hint">
            "Shorter halves each rest; longer doubles it. These timings are the app's own choice, \
             not from the sources."
        </p>
        <Switch
            label="Time to switch sides"
            hint="A 15-second pause to turn over or change sides, instead of 5."
            get=|s| s.switch_pause
            set=|s, on| s.switch_pause = on
        />
    }
}

/// The volume of the beeps and the voice.
#[component]
pub fn Volume() -> impl IntoView {
    let state = expect_context::<AppState>();
    let volume = move || state.records.settings.with(|s| s.volume.min(100));
    view! {
        <div class="field range">
            <label for="setting-volume">
                "Volume "
                <output for="setting-volume">{move || format!("{}%", volume())}</output>
            </label>
            <input
                id="setting-volume"
                type="range"
                min="0"
                max="100"
                step="10"
                prop:value=move || volume().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                        state.records.settings.update(|s| s.volume = v.min(100));
                    }
                }
            />
            <p class="hint">"Of the beeps and the voice, within the device's own volume."</p>
        </div>
    }
}

/// The voice, from the device's own, and how fast it speaks, with a button to hear it.
#[component]
pub fn VoiceControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let voices = RwSignal::new(speech::voices());
    // Browsers load their voices late: the list fills in when they arrive.
    speech::on_voices_changed(move || {
        voices.try_set(speech::voices());
    });
    let chosen = move || {
        state
            .records
            .settings
            .with(|s| s.voice_uri.clone().unwrap_or_default())
    };
    let rates = RATE_CHOICES
        .into_iter()
        .map(|r| {
            let text = match r {
                70 => "Much slower",
                85 => "Slower",
                95 => "Normal",
                110 => "Faster",
                _ => "Much faster",
            };
            (r, text.to_string())
        })
        .collect();
    let test = move |_| {
        let settings = state.records.settings.get_untracked();
        if settings.sound && audio::unlock().is_ok() {
            audio::beep(880.0, 200, settings.loudness());
        }
        if !speech::is_supported() {
            state.notices.notify(
                Tone::Info,
                "This browser can't speak the instructions.".to_string(),
            );
            return;
        }
        speech::say(
            "Get ready. This is how the voice sounds during a session.",
            &voice(&settings),
        );
    };
    view! {
        <div class="field">
            <label for="setting-voice">"Voice"</label>
            <select
                id="setting-voice"
                prop:value=chosen
                on:change=move |ev| {
                    let uri = event_target_value(&ev);
                    state.records.settings.update(|s| s.voice_uri = (!uri.is_empty()).then_some(uri));
                }
            >
                <option value="">"Device default"</option>
                {move || voices.get().into_iter().map(|v| {
                    let selected = chosen() == v.uri;
                    view! { <option value=v.uri selected=selected>{v.label}</option> }
                }).collect_view()}
            </select>
            <Show when=move || voices.with(Vec::is_empty)>
                <p class="hint">"This device offers no other voices."</p>
            </Show>
        </div>
        <Choice
            legend="Speaking rate"
            name="rate"
            options=rates
            get=Settings::rate_choice
            set=|s, v| s.rate = v
        />
        <button type="button" class="secondary" on:click=test>"Test"</button>
    }
}
