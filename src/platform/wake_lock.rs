//! Keeps the screen on during a session with the Screen Wake Lock API.
//!
//! The API is not yet in web-sys's stable set, so it is called through `Reflect`. The
//! browser releases the lock by itself when the page is hidden; the player asks again
//! when it becomes visible.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::Unsupported;

thread_local! {
    static SENTINEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn api() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &JsValue::from_str("wakeLock"))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// True when this browser can keep the screen on.
pub fn is_supported() -> bool {
    api().is_some()
}

/// Why the screen could not be kept on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WakeLockError {
    #[error("{0}")]
    Unsupported(#[from] Unsupported),
    #[error("the browser refused to keep the screen on ({0})")]
    Refused(String),
}

/// Asks to keep the screen on. Succeeds at once if the lock is already held.
pub async fn request() -> Result<(), WakeLockError> {
    if SENTINEL.with(|s| s.borrow().as_ref().is_some_and(|v| !released(v))) {
        return Ok(());
    }
    let api = api().ok_or(Unsupported("screen wake lock"))?;
    let request: Function = Reflect::get(&api, &JsValue::from_str("request"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(Unsupported("screen wake lock"))?;
    let promise: Promise = request
        .call1(&api, &JsValue::from_str("screen"))
        .map_err(|e| WakeLockError::Refused(describe(&e)))?
        .dyn_into()
        .map_err(|_| WakeLockError::Refused("no promise".into()))?;
    let sentinel = JsFuture::from(promise)
        .await
        .map_err(|e| WakeLockError::Refused(describe(&e)))?;
    SENTINEL.with(|s| *s.borrow_mut() = Some(sentinel));
    Ok(())
}

/// Lets the screen turn off again.
pub fn release() {
    if let Some(sentinel) = SENTINEL.with(|s| s.borrow_mut().take()) {
        if let Some(release) = Reflect::get(&sentinel, &JsValue::from_str("release"))
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        {
            let _ = release.call0(&sentinel);
        }
    }
}

fn released(sentinel: &JsValue) -> bool {
    Reflect::get(sentinel, &JsValue::from_str("released"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

fn describe(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| "unknown reason".into())
}
