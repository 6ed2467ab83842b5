//! Calendar days without any record: the local day of an instant, Mondays, English names
//! of months and days, and the `YYYY-MM-DD` form dates are stored in. Everything that
//! counts days of records (weeks, streaks) is in `calendar`.

use chrono::{DateTime, Datelike, Days, NaiveDate};

use crate::domain::Millis;

/// Milliseconds in a day of 24 hours (not a calendar day: see [`local_day`] for those).
pub const DAY_MS: Millis = 24 * 60 * 60 * 1000;

/// The local calendar day of instant `at` for a clock `offset_min` minutes ahead of UTC.
pub fn local_day(at: Millis, offset_min: i32) -> NaiveDate {
    let local = at.saturating_add(i64::from(offset_min).saturating_mul(60_000));
    DateTime::from_timestamp_millis(local)
        .unwrap_or_default()
        .date_naive()
}

/// The Monday of the week (Monday to Sunday) that `day` is in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(day)
}

/// The Mondays of `count` weeks, oldest first, the last being the week of `today`.
pub(crate) fn mondays(today: NaiveDate, count: usize) -> Vec<NaiveDate> {
    let last = monday_of(today);
    let mut out: Vec<NaiveDate> = (0..count)
        .map_while(|back| {
            let back = u64::try_from(back).ok()?.checked_mul(7)?;
            last.checked_sub_days(Days::new(back))
        })
        .collect();
    out.reverse();
    out
}

/// Where the week of `day` is among `mondays` (consecutive Mondays, oldest first).
pub(crate) fn week_index(mondays: &[NaiveDate], day: NaiveDate) -> Option<usize> {
    let first = *mondays.first()?;
    let weeks = (monday_of(day) - first).num_weeks();
    usize::try_from(weeks).ok().filter(|i| *i < mondays.len())
}

/// Month names in English, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day names in English, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The English name of the month of `day`.
pub fn month_of(day: NaiveDate) -> &'static str {
    MONTHS.get(day.month0() as usize).copied().unwrap_or("")
}

/// The English name of the weekday of `day`.
pub fn weekday_of(day: NaiveDate) -> &'static str {
    WEEKDAYS
        .get(day.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("")
}

/// The month and year of `day` in English, e.g. "November 2026".
pub fn month_name(day: NaiveDate) -> String {
    format!("{} {}", month_of(day), day.year())
}

/// `day` as `YYYY-MM-DD`, the form dates are stored in and date inputs use.
pub fn iso(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// A day written `YYYY-MM-DD` (exactly: four, two and two digits), or `None`.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let year = text.get(0..4)?.parse().ok()?;
    let month = text.get(5..7)?.parse().ok()?;
    let day = text.get(8..10)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Stores a day as `YYYY-MM-DD` (for `#[serde(with = "...")]`).
pub mod iso_day {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::iso(*day))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        // Owned: stored records are decoded through `serde_json::Value`, which can't lend.
        let text = String::deserialize(d)?;
        super::parse_iso(&text).ok_or_else(|| D::Error::custom("not a YYYY-MM-DD date"))
    }
}

/// "1 session" or "3 sessions": `n` with the word for one or for many.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `day` shortly, as messages name a record: "3 Nov 2026".
pub fn short_date(day: NaiveDate) -> String {
    let month = month_of(day);
    format!(
        "{} {} {}",
        day.day(),
        month.get(..3).unwrap_or(month),
        day.year()
    )
}

/// 2000-01-01T00:00:00Z: nothing the app keeps is older (a check on data from outside).
pub const EARLIEST_MS: Millis = 946_684_800_000;
