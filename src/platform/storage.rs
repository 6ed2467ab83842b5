//! `localStorage` as a [`KeyValue`] backend, with an in-memory fallback for browsers
//! where storage is blocked (private modes, disabled site data).

use wasm_bindgen::{JsCast, JsValue};

use crate::domain::store::{BackendError, KeyValue, Memory};

/// Where this page keeps its data.
#[derive(Debug)]
pub enum BrowserStorage {
    /// The browser's `localStorage`: kept across visits.
    Local,
    /// Only this page's memory, because `localStorage` could not be used.
    Memory(Memory),
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
fn classify(err: JsValue) -> BackendError {
    match err.dyn_ref::<web_sys::DomException>() {
        Some(ex) => BackendError::from_dom_exception(&ex.name(), ex.code(), &ex.message()),
        None => BackendError::Other(
            err.as_string()
                .unwrap_or_else(|| "an unknown storage error".into()),
        ),
    }
}

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        match self {
            BrowserStorage::Local => local()?.get_item(key).map_err(classify),
            BrowserStorage::Memory(m) => m.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), BackendError> {
        match self {
            BrowserStorage::Local => local()?.set_item(key, value).map_err(classify),
            BrowserStorage::Memory(m) => m.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), BackendError> {
        match self {
            BrowserStorage::Local => local()?.remove_item(key).map_err(classify),
            BrowserStorage::Memory(m) => m.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        match self {
            BrowserStorage::Local => {
                let storage = local()?;
                let len = storage.length().map_err(classify)?;
                let mut keys = Vec::with_capacity(len as usize);
                for i in 0..len {
                    if let Some(key) = storage.key(i).map_err(classify)? {
                        keys.push(key);
                    }
                }
                Ok(keys)
            }
            BrowserStorage::Memory(m) => m.keys(),
        }
    }
}

/// Calls `changed` with the key each time another tab of this site changes
/// `localStorage` (the `storage` event; this tab's own writes don't fire it). Returns the
/// listener, to be removed when no longer wanted.
pub fn on_change(
    changed: impl Fn(Option<String>) + 'static,
) -> leptos::prelude::WindowListenerHandle {
    leptos::prelude::window_event_listener_untyped("storage", move |event| {
        let key = js_sys::Reflect::get(&event, &JsValue::from_str("key"))
            .ok()
            .and_then(|k| k.as_string());
        changed(key);
    })
}
