//! Spoken cues through the browser's speech synthesis.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesisUtterance, SpeechSynthesisVoice};

fn synth() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    if !js_sys::Reflect::has(&window, &JsValue::from_str("speechSynthesis")).unwrap_or(false) {
        return None;
    }
    window.speech_synthesis().ok()
}

/// True when this browser can speak.
pub fn is_supported() -> bool {
    synth().is_some()
}

/// How to speak: which of the device's voices, how fast, how loud.
#[derive(Debug, Clone, PartialEq)]
pub struct Voice<'a> {
    /// A voice's `voiceURI`; `None`, or one the device no longer has, is its default.
    pub uri: Option<&'a str>,
    /// 1 is the voice's normal rate.
    pub rate: f32,
    /// From 0 to 1.
    pub volume: f32,
}

/// One of the device's voices, as the settings list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoiceChoice {
    pub uri: String,
    /// Its name and language: "Daniel (en-GB)".
    pub label: String,
}

/// The device's voices, those in the page's language first. Empty where the browser
/// can't speak or hasn't loaded its list yet (see [`on_voices_changed`]).
pub fn voices() -> Vec<VoiceChoice> {
    let Some(synth) = synth() else {
        return Vec::new();
    };
    let mut list: Vec<(bool, VoiceChoice)> = synth
        .get_voices()
        .iter()
        .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
        .map(|v| {
            let lang = v.lang();
            let english = lang.to_ascii_lowercase().starts_with("en");
            let label = format!("{} ({lang})", v.name());
            (
                !english,
                VoiceChoice {
                    uri: v.voice_uri(),
                    label,
                },
            )
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.label.cmp(&b.1.label)));
    list.into_iter().map(|(_, v)| v).collect()
}

thread_local! {
    /// The one listener for the list of voices: a new one replaces (and frees) the last.
    static ON_VOICES: std::cell::RefCell<Option<Closure<dyn Fn()>>> =
        const { std::cell::RefCell::new(None) };
}

/// Calls `f` when the device's list of voices changes (browsers load it late), instead
/// of whatever was called before.
pub fn on_voices_changed(f: impl Fn() + 'static) {
    if let Some(synth) = synth() {
        let callback = Closure::<dyn Fn()>::new(f);
        synth.set_onvoiceschanged(Some(callback.as_ref().unchecked_ref()));
        ON_VOICES.with_borrow_mut(|slot| *slot = Some(callback));
    }
}

/// Says `text` in `voice`, cutting off whatever was still being said: the newest cue
/// matters most.
pub fn say(text: &str, voice: &Voice) {
    if let (Some(synth), Ok(utterance)) = (synth(), SpeechSynthesisUtterance::new_with_text(text)) {
        utterance.set_rate(voice.rate);
        utterance.set_volume(voice.volume.clamp(0.0, 1.0));
        if let Some(uri) = voice.uri {
            let found = synth
                .get_voices()
                .iter()
                .filter_map(|v| v.dyn_into::<SpeechSynthesisVoice>().ok())
                .find(|v| v.voice_uri() == uri);
            if let Some(v) = found {
                utterance.set_voice(Some(&v));
            }
        }
        synth.cancel();
        synth.speak(&utterance);
    }
}

/// Stops speaking.
pub fn silence() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}
