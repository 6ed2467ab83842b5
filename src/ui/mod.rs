//! Leptos components and pages. They hold signals, render and dispatch; rules live in
//! `domain` and browser access in `platform`.

pub mod app;
pub mod components;
pub mod first_screen;
pub mod format;
pub mod pages;
pub mod state;

/// Starts the app in the page: takes over the first screen index.html painted (see
/// [`first_screen`]) with the app, which registers the service worker (see
/// [`state::Updates::watch`]).
pub fn mount() {
    console_error_panic_hook::set_once();
    let meanwhile = first_screen::take_over();
    leptos::mount::mount_to_body(app::App);
    meanwhile.restore();
}

/// True while the browser is handling a click (a tap, or Enter on a link): what is
/// drawn now answers the person, not the page's load or the back button.
pub fn answering_click() -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &wasm_bindgen::JsValue::from_str("event")).ok())
        .and_then(|e| e.dyn_into::<web_sys::Event>().ok())
        .is_some_and(|e| e.type_() == "click")
}

/// Runs `f` in a task of its own just after the next paint; in a hidden page, which
/// paints nothing, after a tenth of a second.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    paint_then(Box::new(f));
}

/// [`after_next_paint`]'s work, drawn once for every caller (not once per closure).
fn paint_then(f: Box<dyn FnOnce()>) {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    let once = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let later = run.clone();
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(later, Duration::ZERO);
    });
    leptos::prelude::set_timeout(run, Duration::from_millis(100));
}

/// A piece of the app's code fetched the first time it is needed, not with the first
/// load: `piece!(/// doc \n fn name() -> Type { value } in module_piece);` gives
/// `async fn name() -> Result<Type, SplitLoaderError>`, whose value (a function pointer,
/// say) is what lives in the piece. Release builds split each `module_piece` off into a
/// wasm of its own (wasm-split, scripts/split-wasm.mjs; the service worker keeps it for
/// offline use); a fetch that fails is an `Err`, not a panic, and is tried again by the
/// next call. Debug builds (development, the browser tests) keep it in the one wasm.
macro_rules! piece {
    ($(#[$doc:meta])* $vis:vis fn $name:ident() -> $ty:ty { $value:expr } in $module:ident) => {
        $(#[$doc])*
        #[cfg(not(debug_assertions))]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name() -> Result<$ty, leptos::wasm_split::SplitLoaderError> {
            Ok($value)
        }

        $(#[$doc])*
        #[cfg(debug_assertions)]
        $vis async fn $name() -> Result<$ty, leptos::wasm_split::SplitLoaderError> {
            Ok($value)
        }
    };
}
pub(crate) use piece;

/// The address of the app's page at `path` ("/library"), under the path the app is
/// served at (see [`crate::platform::base_path`]). Links written as plain `<a>` need it;
/// the router's own `A` and `navigate` add it themselves.
pub fn href(path: &str) -> String {
    format!("{}{path}", crate::platform::base_path::base())
}
