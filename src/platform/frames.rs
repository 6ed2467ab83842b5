//! Animation frames: a drawing run on each frame the browser paints, for as long as it
//! asks for the next. One callback serves every frame (a new one per frame would cost a
//! wrapper and a finaliser each time, on every frame of a moving figure).

use std::cell::{Cell, OnceCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Runs its drawing on every animation frame from [`FrameLoop::start`] until the drawing
/// returns false or the loop is stopped or dropped.
pub struct FrameLoop(Rc<Inner>);

struct Inner {
    /// Draws a frame; false when no more are needed.
    draw: Box<dyn Fn() -> bool>,
    /// The one callback the browser is given, made on the first start. Owned by the
    /// browser, not by the loop: a frame that still comes after the loop went (a cancel
    /// that did not take: test clocks give ids past `i32`) finds it gone and does nothing.
    callback: OnceCell<JsValue>,
    /// The frame asked for and not yet run.
    pending: Cell<Option<i32>>,
    /// Set when the loop is dropped (perhaps during its own frame): no frame is asked
    /// for after that.
    dropped: Cell<bool>,
}

impl Inner {
    /// Asks for the next frame; false where the browser has no animation frames.
    fn request(self: &Rc<Self>) -> bool {
        let Some(window) = web_sys::window().filter(|_| !self.dropped.get()) else {
            return false;
        };
        let weak: Weak<Inner> = Rc::downgrade(self);
        let callback = self.callback.get_or_init(|| {
            Closure::<dyn FnMut()>::new(move || {
                if let Some(inner) = weak.upgrade() {
                    inner.pending.set(None);
                    if (inner.draw)() {
                        inner.request();
                    }
                }
            })
            .into_js_value()
        });
        let id = window
            .request_animation_frame(callback.unchecked_ref())
            .ok();
        self.pending.set(id);
        id.is_some()
    }
}

impl FrameLoop {
    /// A loop that runs `draw` on every frame once started, while it returns true.
    pub fn new(draw: impl Fn() -> bool + 'static) -> Self {
        FrameLoop(Rc::new(Inner {
            draw: Box::new(draw),
            callback: OnceCell::new(),
            pending: Cell::new(None),
            dropped: Cell::new(false),
        }))
    }

    /// Whether a frame is asked for (the loop runs).
    pub fn running(&self) -> bool {
        self.0.pending.get().is_some()
    }

    /// Runs the drawing on the next frame and on every one after while it returns true;
    /// nothing more if the loop already runs. False where frames can't be had.
    pub fn start(&self) -> bool {
        self.running() || self.0.request()
    }

    /// Stops before the next frame.
    pub fn stop(&self) {
        if let (Some(id), Some(window)) = (self.0.pending.take(), web_sys::window()) {
            let _ = window.cancel_animation_frame(id);
        }
    }
}

impl Drop for FrameLoop {
    /// A frame asked for must not run the callback dropped with the loop.
    fn drop(&mut self) {
        self.0.dropped.set(true);
        self.stop();
    }
}
