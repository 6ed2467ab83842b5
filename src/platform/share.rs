//! Passing a link on: the system's share sheet where the browser has one
//! (`navigator.share`), else the clipboard (`navigator.clipboard.writeText`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::Unsupported;

/// Why a link could not be passed on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareProblem {
    #[error("{0}")]
    Unsupported(Unsupported),
    /// The person closed the share sheet: nothing to say.
    #[error("the share was cancelled")]
    Cancelled,
    #[error("the browser refused ({0})")]
    Refused(String),
}

fn navigator_member(name: &str) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// True when the browser has a share sheet.
pub fn can_share() -> bool {
    navigator_member("share").is_some_and(|f| f.is_function())
}

/// Calls `navigator.<object>.<method>(arg)` (or `navigator.<method>(arg)`) and waits
/// for its promise.
async fn call(
    object: Option<&str>,
    method: &str,
    arg: &JsValue,
    what: &'static str,
) -> Result<(), ShareProblem> {
    let navigator = web_sys::window()
        .map(|w| JsValue::from(w.navigator()))
        .ok_or(ShareProblem::Unsupported(Unsupported(what)))?;
    let target = match object {
        Some(name) => navigator_member(name).ok_or(ShareProblem::Unsupported(Unsupported(what)))?,
        None => navigator,
    };
    let function: js_sys::Function = js_sys::Reflect::get(&target, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(ShareProblem::Unsupported(Unsupported(what)))?;
    let promise: js_sys::Promise = function
        .call1(&target, arg)
        .map_err(|e| ShareProblem::Refused(error_name(&e)))?
        .dyn_into()
        .map_err(|_| ShareProblem::Unsupported(Unsupported(what)))?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|e| {
        let name = error_name(&e);
        if name == "AbortError" {
            ShareProblem::Cancelled
        } else {
            ShareProblem::Refused(name)
        }
    })
}

fn error_name(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Opens the share sheet with `title` and `url`.
pub async fn share(title: &str, url: &str) -> Result<(), ShareProblem> {
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    call(None, "share", &data, "share sheet").await
}

/// Puts `text` on the clipboard.
pub async fn copy(text: &str) -> Result<(), ShareProblem> {
    call(
        Some("clipboard"),
        "writeText",
        &JsValue::from_str(text),
        "clipboard",
    )
    .await
}
