//! Dates and amounts as the app shows them (in English, as the rest of the app).

use chrono::{Datelike, NaiveDate};

use crate::domain::calendar::{month_of, weekday_of};

/// The first three letters of a name: "Nov", "Sat".
fn short(name: &str) -> &str {
    name.get(..3).unwrap_or(name)
}

/// "Saturday 21 November".
pub fn day_long(day: NaiveDate) -> String {
    format!("{} {} {}", weekday_of(day), day.day(), month_of(day))
}

/// "Saturday 21 November 2026".
pub fn day_full(day: NaiveDate) -> String {
    format!("{} {}", day_long(day), day.year())
}

/// "21 Nov".
pub fn day_month(day: NaiveDate) -> String {
    format!("{} {}", day.day(), short(month_of(day)))
}

/// "21 Nov 2026".
pub fn day_short(day: NaiveDate) -> String {
    format!("{} {}", day_month(day), day.year())
}

/// "Nov".
pub fn month_short(day: NaiveDate) -> &'static str {
    short(month_of(day))
}

/// "1 minute", "30 minutes".
pub fn minutes(n: u32) -> String {
    if n == 1 {
        "1 minute".to_string()
    } else {
        format!("{n} minutes")
    }
}

/// `value` to one decimal place, "4.5", without the weight of float formatting.
pub fn tenths(value: f32) -> String {
    let t = (value * 10.0).round() as i32;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", (t / 10).abs(), (t % 10).abs())
}
