//! Dates and amounts as the app shows them.

use chrono::NaiveDate;

/// "Saturday 21 November".
pub fn day_long(day: NaiveDate) -> String {
    day.format("%A %-d %B").to_string()
}

/// "Saturday 21 November 2026".
pub fn day_full(day: NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

/// "21 Nov".
pub fn day_month(day: NaiveDate) -> String {
    day.format("%-d %b").to_string()
}

/// "21 Nov 2026".
pub fn day_short(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// "1 minute", "30 minutes".
pub fn minutes(n: u32) -> String {
    if n == 1 {
        "1 minute".to_string()
    } else {
        format!("{n} minutes")
    }
}
