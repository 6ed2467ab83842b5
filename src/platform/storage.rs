//! `localStorage` as a [`KeyValue`] backend, with an in-memory fallback for browsers
//! where storage is blocked (private modes, disabled site data).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::storage::store::{BackendError, KeyValue, Memory};

/// Where this page keeps its data.
#[derive(Debug)]
pub enum BrowserStorage {
    /// The browser's `localStorage`: kept across visits.
    Local,
    /// Only this page's memory, because `localStorage` could not be used.
    Memory(Memory),
    /// The browser's `sessionStorage`: kept while this tab is open, across reloads.
    Tab,
}

impl BrowserStorage {
    /// Uses `localStorage` when a probe write and removal succeed; otherwise memory, with
    /// the reason.
    pub fn detect() -> (Self, Option<BackendError>) {
        const PROBE: &str = "steadyback:probe";
        let probe = local().and_then(|s| {
            s.set_item(PROBE, "1").map_err(classify)?;
            s.remove_item(PROBE).map_err(classify)
        });
        match probe {
            // A full storage still holds the person's data: keep reading it.
            Ok(()) | Err(BackendError::QuotaExceeded) => (BrowserStorage::Local, None),
            Err(err) => (BrowserStorage::Memory(Memory::default()), Some(err)),
        }
    }

    /// True when what is saved outlives this page.
    pub fn is_persistent(&self) -> bool {
        matches!(self, BrowserStorage::Local)
    }

    /// This tab's `sessionStorage`, for changes `localStorage` had no room for; this
    /// page's memory where it can't be used.
    pub fn tab() -> Self {
        if tab().is_ok() {
            BrowserStorage::Tab
        } else {
            BrowserStorage::Memory(Memory::default())
        }
    }

    fn storage(&self) -> Result<web_sys::Storage, BackendError> {
        match self {
            BrowserStorage::Tab => tab(),
            _ => local(),
        }
    }
}

fn tab() -> Result<web_sys::Storage, BackendError> {
    let window = web_sys::window().ok_or_else(|| BackendError::Unavailable("no window".into()))?;
    match window.session_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(BackendError::Unavailable(
            "sessionStorage is missing".into(),
        )),
        Err(err) => Err(classify(err)),
    }
}

fn local() -> Result<web_sys::Storage, BackendError> {
    let window = web_sys::window().ok_or_else(|| BackendError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(BackendError::Unavailable("localStorage is missing".into())),
        Err(err) => Err(classify(err)),
    }
}

/// Turns a thrown JavaScript value into a [`BackendError`].
pub fn classify(err: JsValue) -> BackendError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(ex) => from_dom_exception(&ex.name(), ex.code(), &ex.message()),
        None => BackendError::Other(
            err.as_string()
                .unwrap_or_else(|| "an unknown storage error".into()),
        ),
    }
}

/// Classifies a browser storage exception by its name and legacy code. Browsers report
/// a full storage three ways: `QuotaExceededError`, Firefox's
/// `NS_ERROR_DOM_QUOTA_REACHED`, and old WebKit's code 22.
fn from_dom_exception(name: &str, code: u16, message: &str) -> BackendError {
    match (name, code) {
        ("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED", _) | (_, 22) => {
            BackendError::QuotaExceeded
        }
        ("SecurityError", _) => BackendError::Unavailable(message.to_string()),
        _ => BackendError::Other(format!("{name}: {message}")),
    }
}

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        match self {
            BrowserStorage::Memory(m) => m.get(key),
            _ => self.storage()?.get_item(key).map_err(classify),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        match self {
            BrowserStorage::Memory(m) => m.set(key, value),
            _ => self.storage()?.set_item(key, value).map_err(classify),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        match self {
            BrowserStorage::Memory(m) => m.remove(key),
            _ => self.storage()?.remove_item(key).map_err(classify),
        }
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        match self {
            BrowserStorage::Memory(m) => m.keys(),
            _ => {
                let storage = self.storage()?;
                let len = storage.length().map_err(classify)?;
                let mut keys = Vec::with_capacity(len as usize);
                for i in 0..len {
                    if let Some(key) = storage.key(i).map_err(classify)? {
                        keys.push(key);
                    }
                }
                Ok(keys)
            }
        }
    }
}

/// A listener of the `storage` event; it stops listening when removed or dropped.
pub struct ChangeListener {
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl ChangeListener {
    /// Stops listening.
    pub fn remove(self) {
        drop(self);
    }
}

impl Drop for ChangeListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "storage",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Calls `changed` with the key each time another tab of this site changes
/// `localStorage` (the `storage` event; this tab's own writes don't fire it), or `None`
/// when it cleared everything. Listens until the returned listener is removed or
/// dropped; `None` when there is no window to listen on.
pub fn on_change(changed: impl Fn(Option<String>) + 'static) -> Option<ChangeListener> {
    let window = web_sys::window()?;
    let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let key = js_sys::Reflect::get(&event, &JsValue::from_str("key"))
            .ok()
            .and_then(|k| k.as_string());
        changed(key);
    });
    window
        .add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(ChangeListener { callback })
}

/// Characters of every key and value in `localStorage`, this app's and any other's on
/// the same site (browsers count them all against the site's room), read without
/// copying the values into the app; `None` where storage can't be read. A key named like
/// one of the storage object's own members ("length") counts only its name.
pub fn used_chars() -> Option<u64> {
    let storage = local().ok()?;
    let mut used = 0;
    for i in 0..storage.length().ok()? {
        let key = storage.key(i).ok()??;
        let value = js_sys::Reflect::get(&storage, &JsValue::from_str(&key)).ok()?;
        let value = value
            .dyn_ref::<js_sys::JsString>()
            .map_or(0, |v| v.length());
        // Keys are ASCII as a rule; any other counts a little over, on the safe side.
        used += key.len() as u64 + u64::from(value);
    }
    Some(used)
}
