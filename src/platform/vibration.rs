//! Vibration, where the device has it (most Android phones; not iPhones or desktops).

use wasm_bindgen::JsValue;

/// True when this browser can vibrate.
pub fn is_supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("vibrate")).unwrap_or(false)
    })
}

/// Vibrates for `ms`; does nothing where unsupported or before the first tap (when the
/// browser would refuse and complain).
pub fn buzz(ms: u32) {
    if is_supported() && super::has_been_active() {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().vibrate_with_duration(ms);
        }
    }
}
