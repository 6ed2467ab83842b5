//! The phone's own media controls (lock screen, notification, headphone and Bluetooth
//! buttons) for a session, through the Media Session API.
//!
//! Browsers show those controls only for a page that plays audio: Chrome on Android
//! wants a media element playing something at least five seconds long, so while a
//! session plays, a silent track (`silence.wav`, six seconds, looped) plays in a hidden
//! `<audio>` element. It is started from a tap (Start, Resume) or from a media key,
//! which browsers count as one. On Android, playing it takes the audio focus: music
//! playing in another app pauses while a session plays.
//!
//! The API is not in web-sys's stable set: it is called through `Reflect`, like the wake
//! lock. Every call does nothing where the browser lacks it.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlAudioElement;

/// What the media keys can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Play,
    Pause,
    Next,
    Previous,
}

impl Action {
    const ALL: [Action; 4] = [Action::Play, Action::Pause, Action::Next, Action::Previous];

    fn name(self) -> &'static str {
        match self {
            Action::Play => "play",
            Action::Pause => "pause",
            Action::Next => "nexttrack",
            Action::Previous => "previoustrack",
        }
    }
}

/// Actions the app does not offer: a seek bar makes no sense for a session, and Safari
/// shows seek buttons instead of next and previous unless they are turned off.
const NOT_OFFERED: [&str; 3] = ["seekbackward", "seekforward", "seekto"];

thread_local! {
    static HANDLERS: RefCell<Vec<Closure<dyn Fn()>>> = const { RefCell::new(Vec::new()) };
    static AUDIO: RefCell<Option<HtmlAudioElement>> = const { RefCell::new(None) };
    /// Catches a refused `play()`, once for all of them.
    static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_: JsValue| {});
}

fn session() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &JsValue::from_str("mediaSession"))
        .ok()
        .filter(|v| v.is_object())
}

/// True when this browser has the Media Session API.
pub fn is_supported() -> bool {
    session().is_some()
}

fn set_handler(session: &JsValue, action: &str, handler: &JsValue) {
    if let Some(f) = Reflect::get(session, &JsValue::from_str("setActionHandler"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        // Browsers throw for actions they don't know: those are simply not offered.
        let _ = f.call2(session, &JsValue::from_str(action), handler);
    }
}

/// Lets the media keys call `handle` with what they ask for, in place of whatever was
/// there before.
pub fn on_action(handle: impl Fn(Action) + Clone + 'static) {
    let Some(session) = session() else {
        return;
    };
    let closures = Action::ALL
        .into_iter()
        .map(|action| {
            let handle = handle.clone();
            let closure = Closure::<dyn Fn()>::new(move || handle(action));
            set_handler(&session, action.name(), closure.as_ref());
            closure
        })
        .collect();
    for action in NOT_OFFERED {
        set_handler(&session, action, &JsValue::NULL);
    }
    HANDLERS.with_borrow_mut(|h| *h = closures);
}

/// Shows `title` (the step) and `artist` (the routine) on the lock screen, with the
/// app's icon at `artwork` (an address).
pub fn show(title: &str, artist: &str, artwork: &str) {
    let (Some(session), Some(window)) = (session(), web_sys::window()) else {
        return;
    };
    let Some(ctor) = Reflect::get(&window, &JsValue::from_str("MediaMetadata"))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return;
    };
    let init = Object::new();
    let image = Object::new();
    let _ = Reflect::set(&image, &"src".into(), &artwork.into());
    let _ = Reflect::set(&image, &"sizes".into(), &"512x512".into());
    let _ = Reflect::set(&image, &"type".into(), &"image/png".into());
    let _ = Reflect::set(&init, &"title".into(), &title.into());
    let _ = Reflect::set(&init, &"artist".into(), &artist.into());
    let _ = Reflect::set(&init, &"album".into(), &"Steadyback".into());
    let _ = Reflect::set(&init, &"artwork".into(), &Array::of1(&image));
    if let Ok(metadata) = Reflect::construct(&ctor, &Array::of1(&init)) {
        let _ = Reflect::set(&session, &"metadata".into(), &metadata);
    }
}

fn set_state(session: &JsValue, state: &str) {
    let _ = Reflect::set(session, &"playbackState".into(), &state.into());
}

/// Plays the silent track at `silence` (so the controls show) and says the session
/// plays. Call from a tap or a media key.
pub fn play(silence: &str) {
    let Some(session) = session() else {
        return;
    };
    set_state(&session, "playing");
    AUDIO.with_borrow_mut(|slot| {
        if slot.is_none() {
            if let Ok(audio) = HtmlAudioElement::new_with_src(silence) {
                audio.set_loop(true);
                *slot = Some(audio);
            }
        }
        // Refused (no tap yet): the controls wait for the next Resume.
        if let Some(Ok(promise)) = slot.as_ref().map(|a| a.play()) {
            IGNORE.with(|ignore| {
                let _ = promise.catch(ignore);
            });
        }
    });
}

/// Pauses the silent track and says the session is paused.
pub fn pause() {
    let Some(session) = session() else {
        return;
    };
    set_state(&session, "paused");
    AUDIO.with_borrow(|slot| {
        if let Some(audio) = slot {
            let _ = audio.pause();
        }
    });
}

/// Takes the session off the lock screen: no track, no title, no handlers.
pub fn clear() {
    AUDIO.with_borrow_mut(|slot| {
        if let Some(audio) = slot.take() {
            let _ = audio.pause();
            let _ = audio.remove_attribute("src");
            audio.load();
        }
    });
    if let Some(session) = session() {
        let _ = Reflect::set(&session, &"metadata".into(), &JsValue::NULL);
        set_state(&session, "none");
        for action in Action::ALL {
            set_handler(&session, action.name(), &JsValue::NULL);
        }
    }
    HANDLERS.with_borrow_mut(Vec::clear);
}
