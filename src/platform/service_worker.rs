//! Registers the service worker that makes the app work offline, and tells the app when
//! a new version has been installed in the background and is waiting to take over.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{EventTarget, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

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
/// The message `sw.js` answers by looking for a new version.
const CHECK: &str = "check";

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

/// A listener of `event` on `target`, kept for as long as this is: dropping it removes
/// the listener (and frees its closure) rather than leaving it to the page.
struct Listener {
    target: EventTarget,
    event: &'static str,
    callback: Closure<dyn Fn()>,
}

impl Listener {
    /// Listens; `None` if the browser refused the listener.
    fn new(
        target: &EventTarget,
        event: &'static str,
        callback: impl Fn() + 'static,
    ) -> Option<Self> {
        let callback = Closure::<dyn Fn()>::new(callback);
        target
            .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref())
            .ok()?;
        Some(Listener {
            target: target.clone(),
            event,
            callback,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            self.event,
            self.callback.as_ref().unchecked_ref(),
        );
    }
}

/// What [`on_update_waiting`] listens with; dropped, it listens no more.
struct UpdateWatch {
    _found: Option<Listener>,
    /// The installing worker's `statechange` listener: each new installing worker's
    /// replaces (and removes) the last one's.
    _installing: Rc<RefCell<Option<Listener>>>,
    _visible: Option<Listener>,
}

thread_local! {
    /// The app's one watch for a new version, kept as long as the page (a new one
    /// replaces the last).
    static WATCH: RefCell<Option<UpdateWatch>> = const { RefCell::new(None) };
    /// The reload once the new version has taken over (a new one replaces the last).
    static TAKE_OVER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Calls `ready` once a new version has been installed and is waiting: now, if one
/// already waits, or when one finishes installing later. Also asks the active worker to
/// look for a new version whenever the page comes back into view (a phone keeps an
/// installed app open for days). The listeners are kept as long as the page; a second call
/// replaces those of the first.
pub fn on_update_waiting(registration: &ServiceWorkerRegistration, ready: impl Fn() + 'static) {
    let ready = Rc::new(ready);
    if registration.waiting().is_some() && controlled() {
        ready();
    }
    let installing = Rc::new(RefCell::new(None));
    let reg = registration.clone();
    let slot = Rc::clone(&installing);
    let found = Listener::new(registration, "updatefound", move || {
        let Some(worker) = reg.installing() else {
            return;
        };
        let installed = worker.clone();
        let ready = Rc::clone(&ready);
        let changed = Listener::new(&worker, "statechange", move || {
            if installed.state() == ServiceWorkerState::Installed && controlled() {
                ready();
            }
        });
        // The worker installing before this one is done (installed or failed): its
        // listener goes.
        slot.replace(changed);
    });

    let reg = registration.clone();
    let visible = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|document| {
            Listener::new(&document, "visibilitychange", move || {
                let shown = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible);
                if shown {
                    // The worker looks (`sw.js`): there a failed look (offline) is caught and
                    // tried again the next time, where `update()` called here would leave an
                    // unhandled rejection in the page's console.
                    if let Some(active) = reg.active() {
                        let _ = active.post_message(&JsValue::from_str(CHECK));
                    }
                }
            })
        });
    WATCH.with_borrow_mut(|watch| {
        *watch = Some(UpdateWatch {
            _found: found,
            _installing: installing,
            _visible: visible,
        });
    });
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
    let taken_over = Listener::new(&container, "controllerchange", reload);
    TAKE_OVER.with_borrow_mut(|listener| *listener = taken_over);
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
