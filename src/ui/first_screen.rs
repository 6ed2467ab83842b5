//! The first screen index.html paints before the app runs (`assets/first-screen.html`,
//! made from the app by `tests/e2e/first-screen.mjs`): the app takes it over in place,
//! keeping what the person did meanwhile (the boxes they ticked, where the focus was).

use std::cell::RefCell;

use wasm_bindgen::JsCast;

thread_local! {
    static TICKED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// What the person did on the first screen before the app ran.
pub struct Meanwhile {
    /// The name of the box that had the focus.
    focused: Option<String>,
}

/// Reads what was ticked and focused on the first screen, then removes it. Called just
/// before the app mounts, in the same task, so no frame is painted between the two.
pub fn take_over() -> Meanwhile {
    let Some(boot) = document_element("boot") else {
        return Meanwhile { focused: None };
    };
    let boxes = boot.query_selector_all("input[type=checkbox]").ok();
    let ticked = (0..boxes.as_ref().map_or(0, |b| b.length()))
        .filter_map(|i| {
            boxes
                .as_ref()?
                .item(i)?
                .dyn_into::<web_sys::HtmlInputElement>()
                .ok()
        })
        .filter(|input| input.checked())
        .map(|input| input.name())
        .collect();
    TICKED.with(|t| *t.borrow_mut() = ticked);
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|el| boot.contains(Some(el)))
        .and_then(|el| el.get_attribute("name"));
    boot.remove();
    Meanwhile { focused }
}

impl Meanwhile {
    /// Puts the focus back on the app's own box of the same name.
    pub fn restore(self) {
        let Some(name) = self.focused else {
            return;
        };
        let found = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector(&format!("input[name=\"{name}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = found {
            let _ = input.focus();
        }
    }
}

/// The names of the boxes ticked on the first screen before the app ran; given once.
pub fn ticked() -> Vec<String> {
    TICKED.with(|t| std::mem::take(&mut *t.borrow_mut()))
}

fn document_element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}
