//! The Storage API (`navigator.storage`): whether this site's data is kept even when the
//! browser needs space, and asking for that. (Its `estimate()` is not used: it gives the
//! quota of the site's other storage, not the room `localStorage` has; see
//! `domain::storage::room`.) Reached through
//! `Reflect`, as not every browser has it.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::Unsupported;

/// Calls `navigator.storage.<method>()` and awaits its promise.
async fn call(method: &str) -> Result<JsValue, Unsupported> {
    let unsupported = Unsupported("Storage API");
    let navigator = web_sys::window().ok_or(unsupported)?.navigator();
    let storage = Reflect::get(&navigator, &JsValue::from_str("storage"))
        .ok()
        .filter(JsValue::is_object)
        .ok_or(unsupported)?;
    let function: Function = Reflect::get(&storage, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(unsupported)?;
    let promise: Promise = function
        .call0(&storage)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or(unsupported)?;
    JsFuture::from(promise).await.map_err(|_| unsupported)
}

/// Whether the browser has agreed to keep this site's data when it runs short of space.
pub async fn persisted() -> Result<bool, Unsupported> {
    Ok(call("persisted").await?.as_bool().unwrap_or(false))
}

/// Asks the browser to keep this site's data when it runs short of space. Browsers
/// decide by themselves (often by whether the app is installed or used a lot); the answer
/// is whether it was granted.
pub async fn persist() -> Result<bool, Unsupported> {
    Ok(call("persist").await?.as_bool().unwrap_or(false))
}
