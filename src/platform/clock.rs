//! The wall clock, read in one place so every rule in `domain` gets time as an argument.

use crate::domain::Millis;

/// Milliseconds since the Unix epoch (`Date.now()`).
pub fn now() -> Millis {
    js_sys::Date::now() as Millis
}

/// A date in the person's own locale and time zone, e.g. "21 November 2026".
pub fn format_date(at: Millis) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let locale = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en-GB".to_string());
    date.to_locale_date_string(&locale, &options).into()
}

/// How many minutes the device's clock is ahead of UTC at instant `at` (negative west of
/// Greenwich), daylight saving included.
pub fn offset_min(at: Millis) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at as f64));
    // getTimezoneOffset is UTC minus local time.
    -(date.get_timezone_offset() as i32)
}

/// A random salt for a record's id (never 0, which marks the ids of older records), so
/// two tabs that make a record in the same millisecond give it different ids.
pub fn salt() -> u32 {
    let salt = js_sys::Math::random() * f64::from(u32::MAX);
    (salt as u32).max(1)
}
