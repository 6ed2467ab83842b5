//! Local calendar days and weeks: which day and which Monday-to-Sunday week a session or
//! an activity belongs to, from the person's own clock.
//!
//! Days are computed with `chrono`'s calendar, never with hand-made arithmetic on
//! milliseconds: a week is seven calendar days whatever daylight saving does to its
//! length in hours.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::dates::{local_day, mondays, week_index};
use crate::domain::records::activity::ActivityLog;
use crate::domain::records::session_record::{SessionLog, SessionRecord};

/// Minutes of exercise to aim for each week: "at least 150 minutes" (NHS, seed 000).
pub const WEEKLY_GOAL_MINUTES: u32 = 150;

/// The local day a session belongs to: the day it started, on the clock the device had
/// then. Records from before the offset was kept use `fallback_offset_min`.
pub fn session_day(record: &SessionRecord, fallback_offset_min: i32) -> NaiveDate {
    local_day(
        record.started_at,
        record.tz_offset_min.unwrap_or(fallback_offset_min),
    )
}

/// `secs` in whole minutes, rounded to the nearest.
pub fn minutes_of(secs: u32) -> u32 {
    secs.saturating_add(30) / 60
}

/// What was done in one Monday-to-Sunday week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekTotal {
    /// The first day of the week.
    pub monday: NaiveDate,
    /// Active time of the guided sessions that started that week.
    pub session_secs: u32,
    /// Minutes of the activities logged on days of that week.
    pub activity_minutes: u32,
}

impl WeekTotal {
    /// Everything done that week, in minutes: session time rounded to the nearest minute,
    /// plus the logged activities.
    pub fn minutes(&self) -> u32 {
        self.session_minutes().saturating_add(self.activity_minutes)
    }

    /// The guided sessions' time, in minutes.
    pub fn session_minutes(&self) -> u32 {
        minutes_of(self.session_secs)
    }

    /// Minutes still to do to reach [`WEEKLY_GOAL_MINUTES`]; 0 once it is reached.
    pub fn left(&self) -> u32 {
        WEEKLY_GOAL_MINUTES.saturating_sub(self.minutes())
    }

    /// The last day of the week.
    pub fn sunday(&self) -> NaiveDate {
        self.monday
            .checked_add_days(Days::new(6))
            .unwrap_or(self.monday)
    }
}

/// `count` weeks, oldest first, the last being the week of `today`. Sessions count by
/// [`session_day`] (their active time), activities by their `day`. Anything outside
/// those weeks is left out. The weeks kept as totals are added by [`add_older`].
pub fn weeks(
    sessions: &SessionLog,
    activities: &ActivityLog,
    today: NaiveDate,
    count: usize,
    fallback_offset_min: i32,
) -> Vec<WeekTotal> {
    let mondays = mondays(today, count);
    let mut out: Vec<WeekTotal> = mondays
        .iter()
        .map(|&monday| WeekTotal {
            monday,
            session_secs: 0,
            activity_minutes: 0,
        })
        .collect();
    for record in &sessions.records {
        let day = session_day(record, fallback_offset_min);
        if let Some(week) = week_index(&mondays, day).and_then(|i| out.get_mut(i)) {
            week.session_secs = week.session_secs.saturating_add(record.active_secs);
        }
    }
    for activity in &activities.records {
        if let Some(week) = week_index(&mondays, activity.day).and_then(|i| out.get_mut(i)) {
            week.activity_minutes = week
                .activity_minutes
                .saturating_add(u32::from(activity.minutes));
        }
    }
    out
}

/// Adds to `weeks` (from [`weeks`]) the active time of the sessions kept as weekly totals
/// ([`SessionLog::older`]), for the charts and the summary, which may reach back that far.
pub fn add_older(weeks: &mut [WeekTotal], sessions: &SessionLog) {
    for older in sessions.older_weeks() {
        if let Some(week) = weeks.iter_mut().find(|w| w.monday == older.monday) {
            week.session_secs = week.session_secs.saturating_add(older.active_secs);
        }
    }
}

/// Days with a session of at least 1 s of active time, or with a logged activity.
pub fn active_days(
    sessions: &SessionLog,
    activities: &ActivityLog,
    fallback_offset_min: i32,
) -> BTreeSet<NaiveDate> {
    sessions
        .records
        .iter()
        .filter(|r| r.active_secs >= 1)
        .map(|r| session_day(r, fallback_offset_min))
        .chain(activities.records.iter().map(|a| a.day))
        .collect()
}

/// How many active days in a row lead up to today. When today has nothing yet the count
/// runs up to yesterday, as the streak is not broken until the day is over. 0 when
/// neither today nor yesterday was active.
pub fn streak(active: &BTreeSet<NaiveDate>, today: NaiveDate) -> u32 {
    let yesterday = today.pred_opt();
    let mut day = if active.contains(&today) {
        Some(today)
    } else {
        yesterday.filter(|d| active.contains(d))
    };
    let mut count = 0;
    while let Some(d) = day.filter(|d| active.contains(d)) {
        count += 1;
        day = d.pred_opt();
    }
    count
}

/// One day of a [`Month`] grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDay {
    /// The day.
    pub day: NaiveDate,
    /// Something was done on it (see [`active_days`]).
    pub active: bool,
    /// It is today.
    pub is_today: bool,
    /// It is after today.
    pub future: bool,
}

/// A month laid out as a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// The first day of the month.
    pub first: NaiveDate,
    /// Rows of Monday to Sunday; `None` for the cells before the first day and after the
    /// last.
    pub weeks: Vec<[Option<CalendarDay>; 7]>,
}

/// The calendar of the month that `first_of_month` is in (any day of the month will do),
/// with the days in `active` marked.
pub fn month(first_of_month: NaiveDate, active: &BTreeSet<NaiveDate>, today: NaiveDate) -> Month {
    let first = first_of_month.with_day(1).unwrap_or(first_of_month);
    let mut weeks = Vec::new();
    let mut row: [Option<CalendarDay>; 7] = [None; 7];
    let mut day = Some(first);
    while let Some(d) = day.filter(|d| d.month() == first.month() && d.year() == first.year()) {
        let column = d.weekday().num_days_from_monday();
        if let Some(cell) = usize::try_from(column).ok().and_then(|c| row.get_mut(c)) {
            *cell = Some(CalendarDay {
                day: d,
                active: active.contains(&d),
                is_today: d == today,
                future: d > today,
            });
        }
        if column == 6 {
            weeks.push(row);
            row = [None; 7];
        }
        day = d.succ_opt();
    }
    if row.iter().any(Option::is_some) {
        weeks.push(row);
    }
    Month { first, weeks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::{iso, monday_of, month_name, month_of, parse_iso, weekday_of};
    use crate::domain::ids::Log;
    use crate::domain::progress::pain::{pain_weeks, PainWeek};
    use crate::domain::records::activity::{Activity, ActivityKind};
    use crate::domain::test_support::date;
    use crate::domain::Millis;
    use chrono::{FixedOffset, TimeZone, Utc};

    #[test]
    fn a_session_at_23_55_stays_on_its_local_day() {
        // 2026-11-20 23:55 in UTC+1 is 22:55 UTC.
        let at = 1_795_215_300_000;
        assert_eq!(local_day(at, 60), date(2026, 11, 20));
        assert_eq!(local_day(at, 120), date(2026, 11, 21));
        assert_eq!(local_day(at, 0), date(2026, 11, 20));
    }

    #[test]
    fn days_are_written_and_read_as_iso_dates() {
        assert_eq!(iso(date(2027, 1, 3)), "2027-01-03");
        assert_eq!(parse_iso("2027-01-03"), Some(date(2027, 1, 3)));
        for bad in [
            "2027-1-03",
            "2027-02-30",
            "2027/01/03",
            " 2027-01-03",
            "２０２７-01-03",
            "",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad:?}");
        }
        assert_eq!(month_name(date(2026, 11, 21)), "November 2026");
        assert_eq!(weekday_of(date(2026, 11, 21)), "Saturday");
        assert_eq!(weekday_of(date(2026, 11, 16)), "Monday");
        assert_eq!(month_of(date(2027, 1, 1)), "January");
    }

    #[test]
    fn weeks_kept_as_totals_count_in_the_charts_and_pain_weeks() {
        let log = SessionLog {
            older: "2024-11-11 2 1200 9 2 5 2;2024-11-18 1 600 4 1 3 1".into(),
            ..SessionLog::default()
        };
        let today = date(2024, 11, 26);
        let mut weeks = weeks(&log, &ActivityLog::default(), today, 3, 0);
        assert!(
            weeks.iter().all(|w| w.session_secs == 0),
            "Today's weeks leave them out"
        );
        add_older(&mut weeks, &log);
        assert_eq!(
            weeks.iter().map(|w| w.session_secs).collect::<Vec<_>>(),
            [1200, 600, 0]
        );
        let pains = pain_weeks(&log, today, 3, 0);
        assert_eq!(pains[0].before, Some(4.5));
        assert_eq!(pains[1].after, Some(3.0));
        assert_eq!(pains[2].before, None);
    }

    #[test]
    fn weeks_start_on_monday_across_a_year_boundary() {
        assert_eq!(monday_of(date(2027, 1, 3)), date(2026, 12, 28));
        assert_eq!(monday_of(date(2026, 12, 28)), date(2026, 12, 28));
        assert_eq!(monday_of(date(2026, 11, 22)), date(2026, 11, 16));
    }

    /// The instant of a local time `offset_min` minutes ahead of UTC.
    fn at(offset_min: i32, (y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> Millis {
        FixedOffset::east_opt(offset_min * 60)
            .unwrap()
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .unwrap()
            .timestamp_millis()
    }

    fn utc((y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> Millis {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .unwrap()
            .timestamp_millis()
    }

    fn session(started_at: Millis, offset: Option<i32>, active_secs: u32) -> SessionRecord {
        SessionRecord {
            started_at,
            ended_at: started_at + i64::from(active_secs) * 1000,
            active_secs,
            tz_offset_min: offset,
            ..SessionRecord::default()
        }
    }

    fn log(records: Vec<SessionRecord>) -> SessionLog {
        let mut log = SessionLog::default();
        for r in records {
            log.upsert(r);
        }
        log
    }

    fn activities(list: &[(NaiveDate, u16)]) -> ActivityLog {
        let mut log = ActivityLog::default();
        for (i, &(day, minutes)) in list.iter().enumerate() {
            log.upsert(Activity {
                id: i64::try_from(i).unwrap() + 1,
                salt: 0,
                day,
                kind: ActivityKind::Walk,
                minutes,
                note: String::new(),
                updated_at: 0,
            });
        }
        log
    }

    fn set(days: &[NaiveDate]) -> BTreeSet<NaiveDate> {
        days.iter().copied().collect()
    }

    #[test]
    fn late_evening_sessions_count_in_their_own_day_and_week() {
        // Friday 2026-11-20 23:55 in UTC+1.
        let friday = session(at(60, (2026, 11, 20), (23, 55)), Some(60), 600);
        assert_eq!(session_day(&friday, 0), date(2026, 11, 20));
        // Sunday 2026-11-22 23:55 stays in the week of Monday 16th...
        let sunday = session(at(60, (2026, 11, 22), (23, 55)), Some(60), 900);
        assert_eq!(session_day(&sunday, 0), date(2026, 11, 22));
        // ... and Monday 00:05, ten minutes later, starts the week of the 23rd.
        let monday = session(at(60, (2026, 11, 23), (0, 5)), Some(60), 1200);
        assert_eq!(session_day(&monday, 0), date(2026, 11, 23));

        let sessions = log(vec![friday, sunday, monday]);
        let got = weeks(&sessions, &ActivityLog::default(), date(2026, 11, 25), 2, 0);
        assert_eq!(
            got,
            [
                WeekTotal {
                    monday: date(2026, 11, 16),
                    session_secs: 1500,
                    activity_minutes: 0
                },
                WeekTotal {
                    monday: date(2026, 11, 23),
                    session_secs: 1200,
                    activity_minutes: 0
                },
            ]
        );
        assert_eq!(got[0].sunday(), date(2026, 11, 22));
        // A fallback offset would have put the Sunday session on Monday: the stored one wins.
        assert_eq!(
            weeks(
                &sessions,
                &ActivityLog::default(),
                date(2026, 11, 25),
                1,
                600
            )[0]
            .session_secs,
            1200
        );
    }

    #[cfg(not(target_arch = "wasm32"))] // chrono-tz is a native-only dev-dependency
    /// The London offset at an instant, as the device would have stored it.
    fn london_offset(instant: Millis) -> i32 {
        use chrono::Offset;
        let local = chrono_tz::Europe::London
            .timestamp_millis_opt(instant)
            .unwrap();
        local.offset().fix().local_minus_utc() / 60
    }

    #[cfg(not(target_arch = "wasm32"))] // chrono-tz is a native-only dev-dependency
    fn london_session(instant: Millis) -> SessionRecord {
        session(instant, Some(london_offset(instant)), 600)
    }

    #[cfg(not(target_arch = "wasm32"))] // chrono-tz is a native-only dev-dependency
    #[test]
    fn the_spring_dst_sunday_keeps_days_and_weeks() {
        // Clocks go forward at 01:00 UTC on Sunday 2026-03-29.
        let before = london_session(utc((2026, 3, 29), (0, 30)));
        assert_eq!(before.tz_offset_min, Some(0));
        assert_eq!(session_day(&before, 0), date(2026, 3, 29));
        // 22:55 UTC is 23:55 BST: still Sunday, still the week of Monday 23rd.
        let late = london_session(utc((2026, 3, 29), (22, 55)));
        assert_eq!(late.tz_offset_min, Some(60));
        assert_eq!(session_day(&late, 0), date(2026, 3, 29));
        // 23:05 UTC is 00:05 BST on Monday: a new week.
        let monday = london_session(utc((2026, 3, 29), (23, 5)));
        assert_eq!(session_day(&monday, 0), date(2026, 3, 30));
        // Saturday 23:30 GMT.
        let saturday = london_session(utc((2026, 3, 28), (23, 30)));
        assert_eq!(session_day(&saturday, 0), date(2026, 3, 28));

        let sessions = log(vec![before, late, monday, saturday]);
        let got = weeks(&sessions, &ActivityLog::default(), date(2026, 3, 30), 2, 0);
        assert_eq!(got[0].monday, date(2026, 3, 23));
        assert_eq!(got[0].session_secs, 1800);
        assert_eq!(got[1].session_secs, 600);
        assert_eq!(
            active_days(&sessions, &ActivityLog::default(), 0),
            set(&[date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)])
        );
    }

    #[cfg(not(target_arch = "wasm32"))] // chrono-tz is a native-only dev-dependency
    #[test]
    fn the_autumn_dst_sunday_keeps_days_and_weeks() {
        // Clocks go back at 01:00 UTC on Sunday 2026-10-25.
        let early = london_session(utc((2026, 10, 24), (23, 30)));
        assert_eq!(early.tz_offset_min, Some(60));
        assert_eq!(
            session_day(&early, 0),
            date(2026, 10, 25),
            "00:30 BST on Sunday"
        );
        let late = london_session(utc((2026, 10, 25), (23, 55)));
        assert_eq!(late.tz_offset_min, Some(0));
        assert_eq!(
            session_day(&late, 0),
            date(2026, 10, 25),
            "23:55 GMT on Sunday"
        );
        let monday = london_session(utc((2026, 10, 26), (0, 5)));
        assert_eq!(session_day(&monday, 0), date(2026, 10, 26));

        let sessions = log(vec![early, late, monday]);
        let got = weeks(&sessions, &ActivityLog::default(), date(2026, 10, 26), 2, 0);
        assert_eq!(
            got.iter().map(|w| w.session_secs).collect::<Vec<_>>(),
            [1200, 600]
        );
        assert_eq!(got[0].monday, date(2026, 10, 19));
        assert_eq!(got[0].sunday(), date(2026, 10, 25));
    }

    #[test]
    fn weeks_run_across_the_year_boundary() {
        let sessions = log(vec![
            session(at(0, (2026, 12, 31), (18, 0)), Some(0), 1800),
            session(at(0, (2026, 12, 27), (9, 0)), Some(0), 600),
        ]);
        let acts = activities(&[
            (date(2027, 1, 3), 40),
            (date(2026, 12, 28), 20),
            (date(2027, 1, 4), 99),
            (date(2026, 12, 13), 99),
        ]);
        let got = weeks(&sessions, &acts, date(2027, 1, 2), 2, 0);
        assert_eq!(
            got,
            [
                WeekTotal {
                    monday: date(2026, 12, 21),
                    session_secs: 600,
                    activity_minutes: 0
                },
                WeekTotal {
                    monday: date(2026, 12, 28),
                    session_secs: 1800,
                    activity_minutes: 60
                },
            ]
        );
        assert_eq!(got[1].sunday(), date(2027, 1, 3));
        assert_eq!(got[1].minutes(), 90);
        assert_eq!(got[1].left(), 60);
        assert!(weeks(&sessions, &acts, date(2027, 1, 2), 0, 0).is_empty());
        let many = weeks(&sessions, &acts, date(2027, 1, 2), 5, 0);
        assert_eq!(many.len(), 5);
        assert_eq!(many[0].monday, date(2026, 11, 30));
        assert_eq!(many[1].monday, date(2026, 12, 7));
        assert_eq!(many[1].activity_minutes, 99, "Sunday 2026-12-13");
    }

    #[test]
    fn a_session_without_an_offset_uses_the_fallback() {
        // 2026-11-22 23:30 UTC: Sunday in London, Monday in Berlin.
        let sessions = log(vec![session(utc((2026, 11, 22), (23, 30)), None, 600)]);
        let acts = ActivityLog::default();
        let in_london = weeks(&sessions, &acts, date(2026, 11, 23), 2, 0);
        assert_eq!(in_london[0].session_secs, 600);
        let in_berlin = weeks(&sessions, &acts, date(2026, 11, 23), 2, 60);
        assert_eq!(in_berlin[1].session_secs, 600);
        assert_eq!(
            active_days(&sessions, &acts, 60),
            set(&[date(2026, 11, 23)])
        );
    }

    #[test]
    fn week_minutes_round_session_time_and_add_activities() {
        let week = |session_secs, activity_minutes| WeekTotal {
            monday: date(2026, 11, 16),
            session_secs,
            activity_minutes,
        };
        assert_eq!(week(29, 0).minutes(), 0);
        assert_eq!(week(30, 0).minutes(), 1);
        assert_eq!(week(89, 10).minutes(), 11);
        assert_eq!(week(90, 10).minutes(), 12);
        assert_eq!(week(0, 149).left(), 1);
        assert_eq!(week(0, 150).left(), 0);
        assert_eq!(week(u32::MAX, u32::MAX).left(), 0);
    }

    #[test]
    fn active_days_skip_empty_sessions() {
        let sessions = log(vec![
            session(at(0, (2026, 11, 18), (9, 0)), Some(0), 0),
            session(at(0, (2026, 11, 19), (9, 0)), Some(0), 1),
        ]);
        let acts = activities(&[(date(2026, 11, 20), 15)]);
        assert_eq!(
            active_days(&sessions, &acts, 0),
            set(&[date(2026, 11, 19), date(2026, 11, 20)])
        );
    }

    #[test]
    fn streaks() {
        let today = date(2026, 11, 21);
        let run = set(&[
            date(2026, 11, 17),
            date(2026, 11, 19),
            date(2026, 11, 20),
            date(2026, 11, 21),
        ]);
        assert_eq!(streak(&run, today), 3, "today active");
        let to_yesterday = set(&[date(2026, 11, 19), date(2026, 11, 20)]);
        assert_eq!(streak(&to_yesterday, today), 2, "today not over yet");
        assert_eq!(streak(&set(&[date(2026, 11, 20)]), today), 1);
        let gap = set(&[date(2026, 11, 18), date(2026, 11, 19)]);
        assert_eq!(streak(&gap, today), 0, "nothing yesterday or today");
        assert_eq!(streak(&BTreeSet::new(), today), 0);
        // Across a year boundary.
        let new_year = set(&[date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1)]);
        assert_eq!(streak(&new_year, date(2027, 1, 1)), 3);
        assert_eq!(streak(&set(&[NaiveDate::MIN]), NaiveDate::MIN), 1);
    }

    fn days_of(row: &[Option<CalendarDay>; 7]) -> Vec<Option<u32>> {
        row.iter().map(|c| c.map(|c| c.day.day())).collect()
    }

    #[test]
    fn november_2026_starts_on_a_sunday() {
        let active = set(&[date(2026, 11, 2), date(2026, 11, 21), date(2026, 10, 31)]);
        let today = date(2026, 11, 21);
        let m = month(date(2026, 11, 17), &active, today);
        assert_eq!(m.first, date(2026, 11, 1));
        assert_eq!(m.weeks.len(), 6);
        assert_eq!(
            days_of(&m.weeks[0]),
            [None, None, None, None, None, None, Some(1)]
        );
        assert_eq!(
            days_of(&m.weeks[1]),
            [2, 3, 4, 5, 6, 7, 8].map(Some).to_vec()
        );
        assert_eq!(
            days_of(&m.weeks[5]),
            [Some(30), None, None, None, None, None, None]
        );
        let cell = |row: usize, col: usize| m.weeks[row][col].unwrap();
        assert!(cell(1, 0).active && !cell(1, 0).future && !cell(1, 0).is_today);
        assert!(!cell(1, 1).active);
        let sat = cell(3, 5);
        assert_eq!(sat.day, today);
        assert!(sat.is_today && sat.active && !sat.future);
        assert!(cell(3, 6).future && !cell(3, 6).is_today);
        assert_eq!(month_name(m.first), "November 2026");
    }

    #[test]
    fn february_2027_fills_four_rows() {
        let m = month(date(2027, 2, 1), &BTreeSet::new(), date(2026, 11, 21));
        assert_eq!(m.weeks.len(), 4);
        assert_eq!(days_of(&m.weeks[0]), (1..=7).map(Some).collect::<Vec<_>>());
        assert_eq!(
            days_of(&m.weeks[3]),
            (22..=28).map(Some).collect::<Vec<_>>()
        );
        assert!(m.weeks.iter().flatten().all(|c| c.unwrap().future));
        assert_eq!(month_name(date(2027, 2, 28)), "February 2027");
        // A leap February that also starts on a Monday needs a fifth row.
        assert_eq!(
            month(date(2044, 2, 1), &BTreeSet::new(), date(2026, 1, 1))
                .weeks
                .len(),
            5
        );
    }

    #[test]
    fn pain_is_averaged_per_week() {
        let rated = |day: u32, before: Option<u8>, after: Option<u8>| SessionRecord {
            pain_before: before,
            pain_after: after,
            ..session(at(0, (2026, 11, day), (9, 0)), Some(0), 600)
        };
        let sessions = log(vec![
            rated(10, Some(6), Some(4)),
            rated(11, Some(5), None),
            rated(12, None, None),
            rated(18, Some(3), Some(2)),
            rated(19, Some(4), Some(2)),
            rated(3, Some(9), Some(9)),
        ]);
        let got = pain_weeks(&sessions, date(2026, 11, 25), 3, 0);
        assert_eq!(
            got,
            [
                PainWeek {
                    monday: date(2026, 11, 9),
                    before: Some(5.5),
                    after: Some(4.0)
                },
                PainWeek {
                    monday: date(2026, 11, 16),
                    before: Some(3.5),
                    after: Some(2.0)
                },
                PainWeek {
                    monday: date(2026, 11, 23),
                    before: None,
                    after: None
                },
            ]
        );
        let same = weeks(&sessions, &ActivityLog::default(), date(2026, 11, 25), 3, 0);
        assert!(got.iter().zip(&same).all(|(p, w)| p.monday == w.monday));
    }
}
