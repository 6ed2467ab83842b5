//! Thin browser adapters. No business rules live here: each adapter detects whether the
//! browser supports its feature and reports failures as typed errors, never panics.

pub mod audio;
pub mod base_path;
pub mod clock;
pub mod files;
pub mod frames;
pub mod media_session;
pub mod persistence;
pub mod service_worker;
pub mod share;
pub mod speech;
pub mod storage;
pub mod vibration;
pub mod wake_lock;

/// A browser feature this device does not have, by name ("Web Audio").
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("this browser has no {0}")]
pub struct Unsupported(pub &'static str);

/// True once the person has tapped or typed on this page. Browsers block sound,
/// speech and vibration until then; where the browser can't tell, assume yes.
pub fn has_been_active() -> bool {
    use wasm_bindgen::JsValue;
    let Some(window) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("userActivation"))
        .ok()
        .filter(|v| v.is_object())
        .and_then(|ua| js_sys::Reflect::get(&ua, &JsValue::from_str("hasBeenActive")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

/// Asks the page's loader (`LOADER` in `scripts/hosting.mjs`) to fetch the pages one tap
/// away from Today in the background, once a newcomer can reach them. Nothing happens
/// where the loader did not offer it (debug builds, someone returning: already done).
pub fn preload_pages() {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let preload = js_sys::Reflect::get(&window, &JsValue::from_str("steadybackPreload")).ok();
    if let Some(f) = preload.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = f.call0(&window);
        let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str("steadybackPreload"));
    }
}

/// True when the person asked their device for less motion (`prefers-reduced-motion`).
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}
