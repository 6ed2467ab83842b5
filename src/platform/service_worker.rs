//! Registers the service worker that makes the app work offline.

use wasm_bindgen::JsValue;

/// Why the service worker was not registered.
#[derive(Debug, thiserror::Error)]
pub enum ServiceWorkerError {
    #[error("this browser has no service workers")]
    Unsupported,
    #[error("registration failed: {0}")]
    Failed(String),
}

/// Registers `/sw.js` for the whole origin. Resolves once the browser accepted it.
pub async fn register() -> Result<(), ServiceWorkerError> {
    let window = web_sys::window().ok_or(ServiceWorkerError::Unsupported)?;
    let navigator = window.navigator();
    let supported =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return Err(ServiceWorkerError::Unsupported);
    }
    let promise = navigator.service_worker().register("/sw.js");
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| ServiceWorkerError::Failed(format!("{e:?}")))
}
