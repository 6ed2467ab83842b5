//! Sessions and activities as a CSV for spreadsheets.

use chrono::NaiveDate;

use crate::domain::dates::{iso, DAY_MS};
use crate::domain::progress::calendar::session_day;
use crate::domain::records::activity::ActivityLog;
use crate::domain::records::session_record::SessionLog;
use crate::domain::Millis;

/// The byte-order mark the file starts with, so spreadsheets read it as UTF-8 (accents,
/// other scripts and emoji in notes and names come out right).
pub const BOM: char = '\u{feff}';

/// One row of the CSV, with what orders it.
struct Row {
    day: NaiveDate,
    at: Millis,
    cells: [String; 8],
}

/// One CSV of sessions and activities for spreadsheets, oldest first, with the header
/// `type,date,time,what,minutes,pain_before,pain_after,note`.
///
/// Dates and times are local: a session's on the clock it was done on (see
/// [`session_day`]; `fallback_offset_min` for records from before the offset was kept);
/// an activity has a day but no time. The text starts with a UTF-8 [`BOM`]. Cells are quoted as RFC 4180 says, lines end with
/// CRLF, and a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// prefixed with `'` so a spreadsheet never runs it as a formula.
pub fn csv(sessions: &SessionLog, activities: &ActivityLog, fallback_offset_min: i32) -> String {
    let mut rows: Vec<Row> = Vec::with_capacity(sessions.records.len() + activities.records.len());
    for r in &sessions.records {
        let offset = r.tz_offset_min.unwrap_or(fallback_offset_min);
        let day = session_day(r, fallback_offset_min);
        let pain = |p: Option<u8>| p.map(|p| p.to_string()).unwrap_or_default();
        rows.push(Row {
            day,
            at: r.started_at,
            cells: [
                "session".to_string(),
                iso(day),
                clock_time(r.started_at, offset),
                r.routine_name.clone(),
                ((r.active_secs.saturating_add(30)) / 60).to_string(),
                pain(r.pain_before),
                pain(r.pain_after),
                String::new(),
            ],
        });
    }
    for a in &activities.records {
        rows.push(Row {
            day: a.day,
            at: a.id,
            cells: [
                "activity".to_string(),
                iso(a.day),
                String::new(),
                a.kind.label().to_string(),
                a.minutes.to_string(),
                String::new(),
                String::new(),
                a.note.clone(),
            ],
        });
    }
    rows.sort_by_key(|r| (r.day, r.at));
    let mut out = String::from(BOM);
    out.push_str("type,date,time,what,minutes,pain_before,pain_after,note\r\n");
    for row in rows {
        let cells: Vec<String> = row.cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// `HH:MM` of instant `at` on a clock `offset_min` minutes ahead of UTC.
pub(super) fn clock_time(at: Millis, offset_min: i32) -> String {
    let local = at.saturating_add(i64::from(offset_min).saturating_mul(60_000));
    let minutes = local.rem_euclid(DAY_MS) / 60_000;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// One cell: guarded against formulas, then quoted where it needs to be.
pub(super) fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
