//! Browser tests: components mounted in headless Chromium, clicked, and the DOM and
//! `localStorage` checked. Run by `scripts/test` (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::Datelike;
use leptos::{mount::mount_to, prelude::*, task::tick};
use steadyback::ui::app::App;
use steadyback::ui::pages::settings::SettingsPage;
use steadyback::ui::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// A fresh element to mount into, and a clean storage.
fn fresh_root() -> HtmlElement {
    storage().clear().unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root.unchecked_into()
}

/// Waits, up to a second, until `done` holds: some updates (the router's) take more than
/// one turn of the event loop.
async fn until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

fn settings_with_state() -> impl IntoView {
    provide_context(AppState::load());
    view! { <SettingsPage /> }
}

fn switch(root: &HtmlElement, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no #{id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn a_settings_switch_saves_and_survives_a_remount() {
    let root = fresh_root();
    let handle = mount_to(root.clone(), settings_with_state);
    let beeps = switch(&root, "setting-beeps");
    assert!(beeps.checked(), "beeps are on by default");
    assert_eq!(beeps.get_attribute("role").as_deref(), Some("switch"));

    beeps.click();
    tick().await;
    assert!(!beeps.checked());
    let stored = storage().get_item("steadyback:settings").unwrap().unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored["schema"], 3);
    assert_eq!(stored["data"]["sound"], false);
    assert_eq!(stored["data"]["voice"], true);
    drop(handle);

    // A second mount reads what the first one saved, as a reload would.
    let root = {
        let r = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&r).unwrap();
        r.unchecked_into::<HtmlElement>()
    };
    let _handle = mount_to(root.clone(), settings_with_state);
    tick().await;
    assert!(!switch(&root, "setting-beeps").checked());
    assert!(switch(&root, "setting-vibration").checked());
}

#[wasm_bindgen_test]
async fn corrupt_settings_are_quarantined_and_reported() {
    let root = fresh_root();
    storage()
        .set_item("steadyback:settings", "[broken")
        .unwrap();
    let _handle = mount_to(root.clone(), || {
        provide_context(AppState::load());
        view! {
            <steadyback::ui::components::notices::Notices />
            <SettingsPage />
        }
    });
    tick().await;
    let notice = root.query_selector(".notice").unwrap().expect("a notice");
    assert!(notice.text_content().unwrap().contains("could not be read"));
    assert!(switch(&root, "setting-beeps").checked(), "defaults apply");
    let storage = storage();
    let kept: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("steadyback:quarantine:settings:"))
        .map(|k| storage.get_item(&k).unwrap().unwrap())
        .collect();
    assert_eq!(kept, vec!["[broken".to_string()]);
}

/// One flow through the whole app: the router keeps a document-wide click listener, so
/// each test page mounts `App` only once.
#[wasm_bindgen_test]
async fn a_newcomer_takes_the_check_then_moves_around_by_the_bottom_bar() {
    let root = fresh_root();
    let _handle = mount_to(root.clone(), App);
    tick().await;
    assert!(
        root.query_selector("nav.bottom-nav").unwrap().is_none(),
        "no app before the check"
    );
    let h1 = || root.query_selector("h1").unwrap().unwrap().text_content();
    assert_eq!(h1().as_deref(), Some("Welcome to Steadyback"));
    let temperature: HtmlInputElement = root
        .query_selector("input[name=temperature]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    temperature.click();
    let button: HtmlElement = root
        .query_selector("form.first-run button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    until("Today", || h1().as_deref() == Some("Today")).await;
    let stored = storage()
        .get_item("steadyback:safety-check")
        .unwrap()
        .unwrap();
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(
        stored["data"]["see_professional"],
        serde_json::json!(["temperature"])
    );
    assert!(stored["data"]["answered_at"].as_f64().unwrap() > 1.7e12);
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Check with a GP or physiotherapist first"),
        "{text}"
    );
    assert!(
        text.contains("Browse exercises"),
        "may continue to exercise"
    );

    // Now the bottom bar is there, and marks the current page.
    let link = |name: &str| -> HtmlElement {
        let links = root.query_selector_all("nav.bottom-nav a").unwrap();
        (0..links.length())
            .map(|i| links.item(i).unwrap().unchecked_into::<HtmlElement>())
            .find(|a| a.text_content().unwrap().trim() == name)
            .unwrap_or_else(|| panic!("no {name} link"))
    };
    assert_eq!(
        link("Library").get_attribute("href").as_deref(),
        Some("/library")
    );
    assert_eq!(
        link("Today").get_attribute("aria-current").as_deref(),
        Some("page")
    );
    link("Safety").click();
    until("the Safety page", || h1().as_deref() == Some("Safety")).await;
    assert_eq!(
        link("Safety").get_attribute("aria-current").as_deref(),
        Some("page")
    );
    assert_eq!(link("Today").get_attribute("aria-current"), None);
    assert_eq!(window().location().pathname().unwrap(), "/safety");
}

/// Runs JavaScript in the page and gives back what it returns.
fn js(code: &str) -> wasm_bindgen::JsValue {
    js_sys::eval(code).unwrap()
}

#[wasm_bindgen_test]
async fn device_adapters_drive_the_browser_apis_and_fail_soft() {
    use steadyback::platform::{audio, speech, vibration, wake_lock};
    // Headless Chromium has Web Audio, speech synthesis and the wake lock API.
    assert!(audio::is_supported());
    assert!(speech::is_supported());
    assert!(wake_lock::is_supported());
    assert_eq!(audio::unlock(), Ok(()));
    assert!(audio::is_unlocked(), "a tap unlocks sound");

    // Speech: each instruction cancels the one before it, then is spoken; silence
    // cancels. The synthesiser is replaced by a recorder.
    js("window.__said = []; \
        speechSynthesis.speak = (u) => __said.push('speak:' + u.text + '@' + \
          Math.round(u.volume * 100) + '/' + Math.round(u.rate * 100)); \
        speechSynthesis.cancel = () => __said.push('cancel');");
    // At the chosen volume and rate; a voice the device lacks falls back to its default.
    let voice = speech::Voice {
        uri: Some("no-such-voice"),
        rate: 0.85,
        volume: 0.4,
    };
    speech::say("Get ready: Bridge.", &voice);
    speech::silence();
    assert_eq!(
        js("__said.join('|')").as_string().unwrap(),
        "cancel|speak:Get ready: Bridge.@40/85|cancel"
    );

    // Vibration: a buzz asks the device for that many milliseconds.
    js("window.__buzz = []; \
        Object.defineProperty(navigator, 'vibrate', { configurable: true, \
          value: (ms) => { __buzz.push(ms); return true; } });");
    assert!(vibration::is_supported());
    // Before the person has tapped, the browser would refuse: nothing is asked.
    let activation = |active: bool| {
        js(&format!(
            "Object.defineProperty(navigator, 'userActivation', {{ configurable: true, \
               value: {{ hasBeenActive: {active} }} }});"
        ));
    };
    activation(false);
    vibration::buzz(100);
    activation(true);
    vibration::buzz(200);
    assert_eq!(js("__buzz.join(',')").as_string().unwrap(), "200");

    // The wake lock: asked for the screen, and released.
    js("window.__lock = []; \
        Object.defineProperty(navigator, 'wakeLock', { configurable: true, value: { \
          request: (type) => { __lock.push('request:' + type); \
            return Promise.resolve({ released: false, \
              release() { this.released = true; __lock.push('release'); \
                return Promise.resolve(); } }); } } });");
    assert_eq!(wake_lock::request().await, Ok(()));
    wake_lock::release();
    assert_eq!(
        js("__lock.join('|')").as_string().unwrap(),
        "request:screen|release"
    );
    // Refused (a hidden page, say): a typed error with the browser's reason.
    js("navigator.wakeLock.request = () => \
        Promise.reject(new DOMException('The page is hidden.', 'NotAllowedError'));");
    match wake_lock::request().await {
        Err(wake_lock::WakeLockError::Refused(reason)) => {
            assert!(reason.contains("hidden"), "{reason}")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_frame_loop_draws_on_each_frame_until_it_stops_and_never_after_it_goes() {
    use std::{cell::Cell, rc::Rc};
    use steadyback::platform::frames::FrameLoop;
    // The browser's frames replaced by a list the test runs by hand.
    js("window.__raf = [requestAnimationFrame, cancelAnimationFrame]; \
        window.__frames = new Map(); window.__next = 1; \
        window.requestAnimationFrame = (cb) => { const id = __next++; __frames.set(id, cb); return id; }; \
        window.cancelAnimationFrame = (id) => __frames.delete(id); \
        window.__runFrames = () => { const cbs = [...__frames.values()]; __frames.clear(); \
          cbs.forEach((cb) => cb(0)); return cbs.length; };");
    let run_frames = || js("__runFrames()").as_f64().unwrap();
    let drawn = Rc::new(Cell::new(0));
    let count = Rc::clone(&drawn);
    let frames = FrameLoop::new(move || {
        count.set(count.get() + 1);
        count.get() < 3
    });
    assert!(!frames.running());
    assert!(frames.start());
    assert!(frames.start(), "started twice: still one frame asked for");
    assert_eq!(js("__frames.size").as_f64(), Some(1.0));
    for expected in 1..=3 {
        assert_eq!(run_frames(), 1.0);
        assert_eq!(drawn.get(), expected);
    }
    assert!(!frames.running(), "the drawing asked for no more frames");
    assert_eq!(run_frames(), 0.0);
    // Started, then stopped before the frame: nothing drawn.
    drawn.set(0);
    assert!(frames.start());
    frames.stop();
    assert!(!frames.running());
    assert_eq!(run_frames(), 0.0);
    assert_eq!(drawn.get(), 0);
    // Dropped with a frame asked for: the frame is called off.
    assert!(frames.start());
    drop(frames);
    assert_eq!(run_frames(), 0.0);
    assert_eq!(drawn.get(), 0);
    // Where calling off does not take (a test clock's ids are past i32), the frame that
    // still comes after the loop went does nothing, and throws nothing.
    js("window.cancelAnimationFrame = () => {};");
    let count = Rc::clone(&drawn);
    let frames = FrameLoop::new(move || {
        count.set(count.get() + 1);
        true
    });
    assert!(frames.start());
    drop(frames);
    assert_eq!(run_frames(), 1.0, "the frame came");
    assert_eq!(drawn.get(), 0, "and drew nothing");
    assert_eq!(run_frames(), 0.0, "nor asked for another");
    js("[window.requestAnimationFrame, window.cancelAnimationFrame] = __raf;");
}

#[wasm_bindgen_test]
async fn the_pain_scale_offers_0_to_10_and_marks_the_answer() {
    use steadyback::ui::components::pain_scale::PainScale;
    let root = fresh_root();
    let picked = RwSignal::new(None::<u8>);
    let handle = mount_to(root.clone(), move || {
        view! { <PainScale question="How is it?" value=picked on_pick=move |n| picked.set(Some(n)) /> }
    });
    let buttons = root.query_selector_all(".pain-choice").unwrap();
    assert_eq!(buttons.length(), 11);
    let button = |i: u32| -> HtmlElement { buttons.item(i).unwrap().unchecked_into() };
    assert_eq!(button(0).text_content().as_deref(), Some("0"));
    assert_eq!(button(10).text_content().as_deref(), Some("10"));
    assert!(
        button(7).class_list().contains("high"),
        "7 and up are marked"
    );
    assert!(!button(6).class_list().contains("high"));
    let legend = root.query_selector("legend").unwrap().unwrap();
    assert_eq!(legend.text_content().as_deref(), Some("How is it?"));

    button(4).click();
    tick().await;
    assert_eq!(picked.get_untracked(), Some(4));
    let pressed: Vec<String> = (0..11)
        .map(|i| button(i).get_attribute("aria-pressed").unwrap_or_default())
        .collect();
    assert_eq!(pressed.iter().filter(|p| *p == "true").count(), 1);
    assert_eq!(pressed[4], "true");
    drop(handle);
}

#[wasm_bindgen_test]
fn the_clock_gives_the_days_the_browser_gives() {
    use steadyback::domain::dates::local_day;
    use steadyback::platform::clock;
    // Instants across a year, both sides of any daylight-saving change: the local day
    // worked out from the offset is the day the browser's own calendar shows.
    let start = 1_767_225_600_000_i64; // 2026-01-01T00:00:00Z
    for hours in (0..366 * 24).step_by(37) {
        let at = start + hours * 3_600_000;
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
        let day = local_day(at, clock::offset_min(at));
        assert_eq!(
            (day.year(), day.month(), day.day()),
            (
                date.get_full_year() as i32,
                date.get_month() + 1,
                date.get_date()
            ),
            "at {at}"
        );
    }
    // This machine's browser runs in UTC unless told otherwise.
    let zone = js("Intl.DateTimeFormat().resolvedOptions().timeZone")
        .as_string()
        .unwrap();
    if zone == "UTC" || zone == "Etc/UTC" {
        assert_eq!(clock::offset_min(start), 0);
    }
}

#[wasm_bindgen_test]
async fn storage_adapters_report_protection_use_and_other_tabs_changes() {
    use steadyback::platform::{persistence, storage};
    assert!(persistence::persisted().await.is_ok());
    // What storage holds is counted in characters of keys and values, any site's key and
    // any character (an astral one counts two, as browsers count it); a key named like a
    // member of the storage object counts its name only.
    let before = storage::used_chars().expect("localStorage can be read");
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.set_item("other-app:notes", "héllo 🙂").unwrap();
    local.set_item("length", "12345").unwrap();
    let after = storage::used_chars().unwrap();
    local.remove_item("other-app:notes").unwrap();
    local.remove_item("length").unwrap();
    assert_eq!(after - before, 15 + 8 + 6);
    assert_eq!(storage::used_chars(), Some(before));

    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let record = seen.clone();
    let listener = storage::on_change(move |key| record.borrow_mut().push(key)).expect("a window");
    // As another tab's write would arrive.
    js_sys::eval("window.dispatchEvent(new StorageEvent('storage', { key: 'steadyback:plan' }))")
        .unwrap();
    js_sys::eval("window.dispatchEvent(new StorageEvent('storage', { key: null }))").unwrap();
    listener.remove();
    js_sys::eval("window.dispatchEvent(new StorageEvent('storage', { key: 'late' }))").unwrap();
    assert_eq!(
        *seen.borrow(),
        vec![Some("steadyback:plan".to_string()), None],
        "keys as given, a clear as None, nothing after removal"
    );
}

#[wasm_bindgen_test]
fn storage_exceptions_are_classified_by_name_and_legacy_code() {
    use steadyback::domain::storage::store::BackendError::{self, *};
    use steadyback::platform::storage::classify;
    let thrown = |name: &str| -> BackendError {
        let ex = web_sys::DomException::new_with_message_and_name("denied", name).unwrap();
        classify(ex.into())
    };
    assert_eq!(thrown("QuotaExceededError"), QuotaExceeded);
    assert_eq!(
        thrown("NS_ERROR_DOM_QUOTA_REACHED"),
        QuotaExceeded,
        "Firefox"
    );
    assert_eq!(thrown("SecurityError"), Unavailable("denied".into()));
    assert_eq!(
        thrown("InvalidStateError"),
        Other("InvalidStateError: denied".into())
    );
    // Old WebKit: a DOMException named "Error" whose code is 22.
    let webkit = js_sys::eval(
        "Object.create(DOMException.prototype, { name: { value: 'Error' }, \
         code: { value: 22 }, message: { value: 'full' } })",
    )
    .unwrap();
    assert_eq!(classify(webkit), QuotaExceeded);
    assert_eq!(
        classify("a plain string".into()),
        Other("a plain string".into())
    );
}

#[wasm_bindgen_test]
fn the_base_path_is_read_from_the_page_and_only_a_plain_path_counts() {
    use steadyback::platform::base_path::{base, normalise};
    assert_eq!(normalise("/"), "");
    assert_eq!(normalise(""), "");
    assert_eq!(normalise("/steadyback/"), "/steadyback");
    assert_eq!(normalise("steadyback"), "/steadyback");
    assert_eq!(normalise("/a/b/"), "/a/b");
    assert_eq!(normalise("https://elsewhere.example/"), "");
    assert_eq!(normalise("/../up/"), "");
    assert_eq!(normalise("//x"), "/x");
    // This test page has no <meta name="steadyback-base">: the app is at the root.
    assert_eq!(base(), "");
    assert_eq!(steadyback::ui::href("/library"), "/library");
    assert_eq!(steadyback::ui::href("/"), "/");
}

#[wasm_bindgen_test]
async fn a_card_is_drawn_once_due_and_its_drawing_fetched_again_after_a_failure() {
    use std::cell::Cell;
    use steadyback::ui::components::due::{when_due, Draw};
    thread_local! {
        static FETCHES: Cell<u32> = const { Cell::new(0) };
    }
    fn card(_: AppState, n: u32) -> AnyView {
        view! { <p class="due-card">{format!("Due: {n}")}</p> }.into_any()
    }
    // The first fetch fails (offline), the next ones give the drawing.
    async fn fetch() -> Result<Draw<u32>, ()> {
        let n = FETCHES.with(|f| {
            f.set(f.get() + 1);
            f.get()
        });
        if n == 1 {
            Err(())
        } else {
            Ok(card)
        }
    }
    let root = fresh_root();
    let due = RwSignal::new(None::<u32>);
    let handle = mount_to(root.clone(), move || {
        let state = AppState::load();
        view! { <div>{when_due(state, due.into(), fetch)}</div> }
    });
    let shown = || {
        root.query_selector(".due-card")
            .unwrap()
            .and_then(|c| c.text_content())
    };
    gloo_timers::future::TimeoutFuture::new(20).await;
    assert_eq!(FETCHES.with(Cell::get), 0, "nothing due: nothing fetched");
    assert_eq!(shown(), None);

    due.set(Some(1));
    gloo_timers::future::TimeoutFuture::new(20).await;
    assert_eq!(FETCHES.with(Cell::get), 1);
    assert_eq!(shown(), None, "not fetched: nothing drawn, nothing broken");

    due.set(Some(2));
    until("the card, once fetched", || shown().is_some()).await;
    assert_eq!(shown().as_deref(), Some("Due: 2"));
    due.set(Some(3));
    until("the card redrawn", || shown().as_deref() == Some("Due: 3")).await;
    assert_eq!(
        FETCHES.with(Cell::get),
        2,
        "fetched once it worked, not again"
    );
    due.set(None);
    until("the card gone", || shown().is_none()).await;
    drop(handle);
}

#[wasm_bindgen_test]
fn a_click_is_told_apart_from_other_events_and_from_no_event() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use steadyback::ui::answering_click;
    use wasm_bindgen::closure::Closure;
    assert!(
        !answering_click(),
        "no event: a page drawn as the app loads"
    );
    let root = fresh_root();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let record = seen.clone();
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        record.borrow_mut().push((e.type_(), answering_click()));
    });
    for kind in ["click", "popstate", "keydown"] {
        root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
            .unwrap();
        root.dispatch_event(&web_sys::Event::new(kind).unwrap())
            .unwrap();
    }
    assert_eq!(
        *seen.borrow(),
        vec![
            ("click".to_string(), true),
            ("popstate".to_string(), false),
            ("keydown".to_string(), false),
        ],
        "only a click (a tap, or Enter on a link) defers a page's fetch to after its paint"
    );
    assert!(!answering_click(), "once the click has been handled");
    root.remove();
}
