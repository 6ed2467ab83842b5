//! Spoken cues through the browser's speech synthesis.

use wasm_bindgen::JsValue;
use web_sys::SpeechSynthesisUtterance;

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

/// Says `text`, cutting off whatever was still being said: the newest cue matters most.
pub fn say(text: &str) {
    if let (Some(synth), Ok(utterance)) = (synth(), SpeechSynthesisUtterance::new_with_text(text)) {
        utterance.set_rate(0.95);
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
