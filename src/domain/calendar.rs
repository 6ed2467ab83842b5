//! Local calendar days and weeks: which day and which Monday-to-Sunday week a session or
//! an activity belongs to, from the person's own clock.
//!
//! Days are computed with `chrono`'s calendar, never with hand-made arithmetic on
//! milliseconds: a week is seven calendar days whatever daylight saving does to its
//! length in hours.

use chrono::{DateTime, Datelike, Days, NaiveDate};

use super::session_record::SessionRecord;
use super::Millis;

/// The local calendar day of instant `at` for a clock `offset_min` minutes ahead of UTC.
pub fn local_day(at: Millis, offset_min: i32) -> NaiveDate {
    let local = at.saturating_add(i64::from(offset_min).saturating_mul(60_000));
    DateTime::from_timestamp_millis(local)
        .unwrap_or_default()
        .date_naive()
}

/// The local day a session belongs to: the day it started, on the clock the device had
/// then. Records from before the offset was kept use `fallback_offset_min`.
pub fn session_day(record: &SessionRecord, fallback_offset_min: i32) -> NaiveDate {
    local_day(
        record.started_at,
        record.tz_offset_min.unwrap_or(fallback_offset_min),
    )
}

/// The Monday of the week (Monday to Sunday) that `day` is in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_session_at_23_55_stays_on_its_local_day() {
        // 2026-11-20 23:55 in UTC+1 is 22:55 UTC.
        let at = 1_795_215_300_000;
        assert_eq!(local_day(at, 60), date(2026, 11, 20));
        assert_eq!(local_day(at, 120), date(2026, 11, 21));
        assert_eq!(local_day(at, 0), date(2026, 11, 20));
    }

    #[test]
    fn weeks_start_on_monday_across_a_year_boundary() {
        assert_eq!(monday_of(date(2027, 1, 3)), date(2026, 12, 28));
        assert_eq!(monday_of(date(2026, 12, 28)), date(2026, 12, 28));
        assert_eq!(monday_of(date(2026, 11, 22)), date(2026, 11, 16));
    }
}
