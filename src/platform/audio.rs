//! Short beeps through Web Audio. Browsers only allow sound after a tap, so
//! [`unlock`] must be called from one (the Start button) before the first [`beep`].
//!
//! Beeps that fall due later are [`schedule`]d on the audio clock ahead of time: a hidden
//! page's timers are slowed (to once a minute in Chrome), the audio clock is not, so they
//! play on time with the screen locked. [`cancel_scheduled`] silences those not yet
//! begun (a pause, a skip), leaving one already sounding to finish.
//! [`prepare`] makes the audio context ahead of that tap, when the page is idle: making
//! one is slow (about 70 ms on a slow phone), too slow to do while a tap waits.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsValue;
use web_sys::{AudioContext, OscillatorNode, OscillatorType};

use super::Unsupported;

thread_local! {
    static CONTEXT: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
    static UNLOCKED: Cell<bool> = const { Cell::new(false) };
    /// The beeps scheduled ahead, with the audio-clock time each starts at.
    static PLANNED: RefCell<Vec<(OscillatorNode, f64)>> = const { RefCell::new(Vec::new()) };
}

/// A beep for later: at `at_ms` (the device clock's ms since the epoch, as `now` is),
/// `hz` for `ms`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Beep {
    pub at_ms: i64,
    pub hz: f32,
    pub ms: u32,
}

/// Schedules `beeps` on the audio clock, `now_ms` being the device clock now, at `volume`
/// from 0 to 1, beside those already scheduled. Beeps already past are left out. Does
/// nothing before [`unlock`].
pub fn schedule(now_ms: i64, beeps: &[Beep], volume: f32) {
    CONTEXT.with(|cell| {
        let Some(ctx) = cell.borrow().as_ref().cloned() else {
            return;
        };
        let base = ctx.current_time();
        PLANNED.with_borrow_mut(|planned| {
            // Forget those that have played.
            planned.retain(|(_, start)| *start + 1.0 > base);
            for beep in beeps {
                let at = base + (beep.at_ms - now_ms) as f64 / 1000.0;
                if at < base {
                    continue;
                }
                let secs = f64::from(beep.ms) / 1000.0;
                if let Ok(osc) = play_at(&ctx, at, beep.hz, secs, volume.clamp(0.0, 1.0)) {
                    planned.push((osc, at));
                }
            }
        });
    });
}

/// Silences every scheduled beep that has not begun.
pub fn cancel_scheduled() {
    let now = CONTEXT.with(|cell| cell.borrow().as_ref().map(|c| c.current_time()));
    PLANNED.with_borrow_mut(|planned| {
        for (osc, start) in planned.drain(..) {
            if now.is_none_or(|t| start > t) {
                let _ = osc.disconnect();
                let _ = osc.stop_with_when(0.0);
            }
        }
    });
}

/// True when this browser has Web Audio.
pub fn is_supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &JsValue::from_str("AudioContext")).unwrap_or(false)
    })
}

/// True once [`unlock`] has run on this page.
pub fn is_unlocked() -> bool {
    UNLOCKED.get()
}

/// Makes the audio context ahead of the tap that [`unlock`]s it, silent until then. Only
/// once the person has tapped on the page (else the browser warns that the context may
/// not start); does nothing where Web Audio is missing or the context exists.
pub fn prepare() {
    if !is_supported() || !super::has_been_active() {
        return;
    }
    CONTEXT.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            if let Ok(ctx) = AudioContext::new() {
                // Made after a tap, it starts running: quiet until the Start button.
                if !UNLOCKED.get() {
                    let _ = ctx.suspend();
                }
                *slot = Some(ctx);
            }
        }
    });
}

/// Creates (or wakes) the audio context. Call from a tap.
pub fn unlock() -> Result<(), Unsupported> {
    CONTEXT.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            if !is_supported() {
                return Err(Unsupported("Web Audio"));
            }
            *slot = Some(AudioContext::new().map_err(|_| Unsupported("Web Audio"))?);
        }
        if let Some(ctx) = slot.as_ref() {
            let _ = ctx.resume();
        }
        UNLOCKED.set(true);
        Ok(())
    })
}

/// A short sine beep at `hz` for `ms`, with a soft start and end (no clicks), at
/// `volume` from 0 to 1. Does nothing before [`unlock`].
pub fn beep(hz: f32, ms: u32, volume: f32) {
    CONTEXT.with(|cell| {
        if let Some(ctx) = cell.borrow().as_ref() {
            let t = ctx.current_time();
            let _ = play_at(ctx, t, hz, f64::from(ms) / 1000.0, volume.clamp(0.0, 1.0));
        }
    });
}

/// The loudest a beep gets, at full volume: clear without startling.
const PEAK: f32 = 0.3;

/// One beep starting at `t` on the audio clock.
fn play_at(
    ctx: &AudioContext,
    t: f64,
    hz: f32,
    secs: f64,
    volume: f32,
) -> Result<OscillatorNode, JsValue> {
    let osc = ctx.create_oscillator()?;
    let gain = ctx.create_gain()?;
    osc.set_type(OscillatorType::Sine);
    osc.frequency().set_value(hz);
    let level = gain.gain();
    level.set_value_at_time(0.0, t)?;
    level.linear_ramp_to_value_at_time(PEAK * volume, t + 0.01)?;
    level.linear_ramp_to_value_at_time(0.0, t + secs)?;
    osc.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&ctx.destination())?;
    osc.start_with_when(t)?;
    osc.stop_with_when(t + secs + 0.02)?;
    Ok(osc)
}
