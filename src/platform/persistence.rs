//! The Storage API (`navigator.storage`): whether this site's data is kept even when the
//! browser needs space, asking for that, and how much is used. Reached through
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

/// Bytes used by this site and the most the browser would let it use.
pub async fn estimate() -> Result<(f64, f64), Unsupported> {
    let value = call("estimate").await?;
    let number = |key: &str| {
        Reflect::get(&value, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_f64())
    };
    match (number("usage"), number("quota")) {
        (Some(usage), Some(quota)) => Ok((usage, quota)),
        _ => Err(Unsupported("storage estimates")),
    }
}
