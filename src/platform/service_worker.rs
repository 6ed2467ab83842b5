//! Registers the service worker that makes the app work offline, and tells the app when
//! a new version has been installed in the background and is waiting to take over.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// Why the service worker was not registered.
#[derive(Debug, thiserror::Error)]
pub enum ServiceWorkerError {
    #[error("this browser has no service workers")]
    Unsupported,
    #[error("registration failed: {0}")]
    Failed(String),
}

/// The message `sw.js` answers by taking over at once.
const SKIP_WAITING: &str = "skip-waiting";

fn container() -> Result<ServiceWorkerContainer, ServiceWorkerError> {
    let window = web_sys::window().ok_or(ServiceWorkerError::Unsupported)?;
    let navigator = window.navigator();
    let supported =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !supported {
        return Err(ServiceWorkerError::Unsupported);
    }
    Ok(navigator.service_worker())
}

/// Registers `<base>/sw.js`, which controls every page under `<base>/` (`base` as
/// [`super::base_path::base`] gives it). Resolves once the browser accepted it.
pub async fn register(base: &str) -> Result<ServiceWorkerRegistration, ServiceWorkerError> {
    let promise = container()?.register(&format!("{base}/sw.js"));
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| ServiceWorkerError::Failed(format!("{e:?}")))?
        .dyn_into::<ServiceWorkerRegistration>()
        .map_err(|e| ServiceWorkerError::Failed(format!("{e:?}")))
}

/// True when this page is run by a service worker: only then is a newly installed
/// worker an update (on a first visit the first worker installs, and that is no news).
fn controlled() -> bool {
    container().is_ok_and(|c| c.controller().is_some())
}

/// Calls `ready` once a new version has been installed and is waiting: now, if one
/// already waits, or when one finishes installing later. Also asks the browser to look
/// for a new version whenever the page comes back into view (a phone keeps an installed
/// app open for days). The listeners live as long as the page.
pub fn on_update_waiting(registration: &ServiceWorkerRegistration, ready: impl Fn() + 'static) {
    let ready = Rc::new(ready);
    if registration.waiting().is_some() && controlled() {
        ready();
    }
    let reg = registration.clone();
    let found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker = installing.clone();
        let ready = Rc::clone(&ready);
        let changed = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                ready();
            }
        });
        installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
        changed.forget();
    });
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();

    let reg = registration.clone();
    let visible = Closure::<dyn Fn()>::new(move || {
        let shown = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
        if shown {
            // A failed check (offline) is retried the next time; nothing to report.
            let _ = reg.update();
        }
    });
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        let _ = document
            .add_event_listener_with_callback("visibilitychange", visible.as_ref().unchecked_ref());
    }
    visible.forget();
}

/// Lets the waiting version take over, then reloads this page once it has (the other
/// open tabs of the app keep the version they run until they are reloaded). With no
/// version waiting, just reloads; and if the take-over is not seen within three seconds
/// (the waiting version was itself replaced meanwhile), reloads all the same.
pub fn apply_update(registration: &ServiceWorkerRegistration) {
    let reload = || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    let (Some(waiting), Ok(container)) = (registration.waiting(), container()) else {
        reload();
        return;
    };
    let taken_over = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(taken_over.as_ref().unchecked_ref()));
    taken_over.forget();
    if waiting
        .post_message(&JsValue::from_str(SKIP_WAITING))
        .is_err()
    {
        reload();
        return;
    }
    let fallback = Closure::once_into_js(reload);
    if let Some(w) = web_sys::window() {
        let _ = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 3_000);
    }
}
