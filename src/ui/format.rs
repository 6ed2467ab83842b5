//! Dates and amounts as the app shows them (in English, as the rest of the app).

use crate::ui::state::AppState;
use chrono::{Datelike, NaiveDate};

use crate::domain::dates::{month_of, plural, weekday_of};

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
    plural(n as usize, "minute", "minutes")
}

/// `value` to one decimal place, "4.5", without the weight of float formatting.
pub fn tenths(value: f32) -> String {
    let t = (value * 10.0).round() as i32;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", (t / 10).abs(), (t % 10).abs())
}

/// How one series of weekly averages moved: "before sessions 5.5 → 3.7", or `None`
/// with fewer than two weeks of it.
pub fn trend(label: &str, values: impl Iterator<Item = Option<f32>>) -> Option<String> {
    let rated: Vec<f32> = values.flatten().collect();
    match (rated.first(), rated.last()) {
        (Some(first), Some(last)) if rated.len() > 1 => {
            Some(format!("{label} {} → {}", tenths(*first), tenths(*last)))
        }
        _ => None,
    }
}

/// Both series, like for like: "before sessions 5.5 → 3.7; after sessions 4.8 → 3.0".
pub fn pain_trend(weeks: &[crate::domain::progress::pain::PainWeek]) -> Option<String> {
    let parts: Vec<String> = [
        trend("before sessions", weeks.iter().map(|w| w.before)),
        trend("after sessions", weeks.iter().map(|w| w.after)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// What an "It hurts" was about: the exercise's name, or, for one said before any
/// exercise, words that say so.
pub fn hurt_name(hurt: &crate::domain::records::session_record::Hurt, state: &AppState) -> String {
    if hurt.exercise.is_empty() {
        "Before any exercise".to_string()
    } else {
        state.name_of(&hurt.exercise)
    }
}
