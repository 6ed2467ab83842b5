//! The wall clock, read in one place so every rule in `domain` gets time as an argument.

use crate::domain::Millis;

/// Milliseconds since the Unix epoch (`Date.now()`).
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}
