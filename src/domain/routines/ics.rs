//! Reminders as an iCalendar file (RFC 5545) for the person's own calendar app.
//!
//! A web app with no server cannot wake a phone at a set time; the phone's calendar can.
//! The file holds one weekly event with an alarm at its start, on the chosen weekdays.
//! Its times are floating local times (RFC 5545, 3.3.5, form 1: no `Z`, no `TZID`): 07:30
//! means 07:30 on the phone's clock wherever and whenever it is, daylight saving
//! included, which is what a reminder to exercise should do. Its `UID` is the routine's,
//! so downloading it again after changing the days updates the same event.

use chrono::{DateTime, Datelike, Days, NaiveDate};

use crate::domain::Millis;

/// When to be reminded: weekdays (Monday first) and a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    /// Monday to Sunday: true on the days to be reminded.
    pub days: [bool; 7],
    pub hour: u8,
    pub minute: u8,
}

/// What is wrong with the reminder form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReminderError {
    #[error("Choose at least one day.")]
    NoDays,
    #[error("Enter the time as hours and minutes, like 07:30.")]
    BadTime,
}

const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

impl Reminder {
    /// The form's choices: the days ticked and the time as `<input type=time>` gives it
    /// (`"07:30"`, or `"07:30:00"`).
    pub fn parse(days: [bool; 7], time: &str) -> Result<Reminder, ReminderError> {
        if !days.contains(&true) {
            return Err(ReminderError::NoDays);
        }
        let mut parts = time.trim().split(':');
        let mut number = |max: u8| -> Option<u8> {
            let p = parts.next()?;
            (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
                .filter(|n| *n <= max)
        };
        let (Some(hour), Some(minute)) = (number(23), number(59)) else {
            return Err(ReminderError::BadTime);
        };
        Ok(Reminder { days, hour, minute })
    }

    /// The first chosen day on or after `from`.
    pub fn first_day(&self, from: NaiveDate) -> NaiveDate {
        (0..7)
            .filter_map(|n| from.checked_add_days(Days::new(n)))
            .find(|d| self.days[d.weekday().num_days_from_monday() as usize])
            .unwrap_or(from)
    }

    /// "Mon, Wed and Fri at 07:30".
    pub fn text(&self) -> String {
        const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        let chosen: Vec<&str> = (0..7).filter(|i| self.days[*i]).map(|i| NAMES[i]).collect();
        let days = match chosen.as_slice() {
            [_, _, _, _, _, _, _] => "Every day".to_string(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        format!("{days} at {:02}:{:02}", self.hour, self.minute)
    }
}

/// The event to write.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    /// Stable for the routine: the same event is updated when downloaded again.
    pub uid: &'a str,
    /// The event's title ("Steadyback: A gentle start").
    pub title: &'a str,
    /// A sentence or two for the event's notes.
    pub description: &'a str,
    /// The address that opens the routine.
    pub link: &'a str,
    /// How long the event lasts, in minutes.
    pub minutes: u32,
    pub reminder: Reminder,
    /// The person's today: the event starts on the first chosen day from it.
    pub today: NaiveDate,
    /// Now, for the `DTSTAMP` (when the file was made) and the `SEQUENCE` (each download
    /// a later version of the same event).
    pub now: Millis,
}

/// The iCalendar text: CRLF line ends, long lines folded at 75 bytes.
pub fn calendar(e: &Event) -> String {
    let r = e.reminder;
    let start = r.first_day(e.today);
    let stamp = DateTime::from_timestamp_millis(e.now)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ");
    let days: Vec<&str> = (0..7)
        .filter(|i| r.days[*i])
        .map(|i| DAY_CODES[i])
        .collect();
    let uid: String = e
        .uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Steadyback//Exercise reminders//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{uid}@steadyback.reminder"),
        format!("DTSTAMP:{stamp}"),
        format!("SEQUENCE:{}", (e.now.max(0) / 60_000) % 1_000_000_000),
        format!(
            "DTSTART:{}T{:02}{:02}00",
            start.format("%Y%m%d"),
            r.hour,
            r.minute
        ),
        format!("DURATION:PT{}M", e.minutes.max(1)),
        format!("RRULE:FREQ=WEEKLY;BYDAY={}", days.join(",")),
        format!("SUMMARY:{}", escape(e.title)),
        format!(
            "DESCRIPTION:{}",
            escape(&format!("{}\n{}", e.description, e.link))
        ),
        format!("URL:{}", e.link),
        "BEGIN:VALARM".to_string(),
        "ACTION:DISPLAY".to_string(),
        format!("DESCRIPTION:{}", escape(e.title)),
        "TRIGGER:PT0M".to_string(),
        "END:VALARM".to_string(),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

/// TEXT escaped as RFC 5545, 3.3.11 asks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line is over 75 bytes (RFC 5545, 3.1), never
/// inside a character, with its CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mwf() -> Reminder {
        Reminder::parse([true, false, true, false, true, false, false], "07:30").unwrap()
    }

    fn event(reminder: Reminder, today: NaiveDate) -> String {
        calendar(&Event {
            uid: "own:1763700000000-42",
            title: "Steadyback: My physio's routine, at last",
            description: "Time for your exercises: about 12 minutes.",
            link: "https://steadyback.example/session/own:1763700000000-42",
            minutes: 12,
            reminder,
            today,
            // 2026-12-01 16:30:00 UTC
            now: 1_796_142_600_000,
        })
    }

    #[test]
    fn the_form_is_checked() {
        assert_eq!(
            Reminder::parse([false; 7], "07:30"),
            Err(ReminderError::NoDays)
        );
        for bad in ["", "7:30", "24:00", "07:60", "ab:cd", "07"] {
            assert_eq!(
                Reminder::parse([true; 7], bad),
                Err(ReminderError::BadTime),
                "{bad}"
            );
        }
        assert_eq!(Reminder::parse([true; 7], "23:59:00").unwrap().minute, 59);
        assert_eq!(mwf().text(), "Mon, Wed and Fri at 07:30");
        assert_eq!(
            Reminder::parse([true; 7], "06:05").unwrap().text(),
            "Every day at 06:05"
        );
    }

    #[test]
    fn the_file_for_fixed_inputs() {
        // Tuesday 1 December 2026: the first chosen day is Wednesday the 2nd.
        let text = event(mwf(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Steadyback//Exercise reminders//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:own-1763700000000-42@steadyback.reminder",
            "DTSTAMP:20261201T163000Z",
            "SEQUENCE:29935710",
            "DTSTART:20261202T073000",
            "DURATION:PT12M",
            "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "SUMMARY:Steadyback: My physio's routine\\, at last",
            "DESCRIPTION:Time for your exercises: about 12 minutes.\\nhttps://steadyback.",
            " example/session/own:1763700000000-42",
            "URL:https://steadyback.example/session/own:1763700000000-42",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Steadyback: My physio's routine\\, at last",
            "TRIGGER:PT0M",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ]
        .map(|l| format!("{l}\r\n"))
        .concat();
        assert_eq!(text, expected);
    }

    #[test]
    fn times_are_floating_so_daylight_saving_keeps_the_clock_time() {
        // Europe/London goes from GMT to BST on 29 March 2026. The event is written in
        // floating local time, so the file is the same whichever zone the phone is in
        // and each occurrence stays at 07:30 on the phone's clock before and after the
        // change (a calendar expands floating times in the viewer's own zone).
        let before = NaiveDate::from_ymd_opt(2026, 3, 23).unwrap();
        let text = event(mwf(), before);
        assert!(text.contains("DTSTART:20260323T073000\r\n"));
        assert!(!text.contains("TZID"), "no zone: floating time");
        assert!(!text
            .lines()
            .any(|l| l.starts_with("DTSTART") && l.ends_with('Z')));
        // The rule only names weekdays: no hour that a UTC offset could shift.
        assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR\r\n"));
    }

    #[test]
    fn lines_are_folded_at_75_bytes_without_splitting_a_character() {
        let long = "é".repeat(100);
        let folded = fold(&format!("SUMMARY:{long}"));
        for line in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} bytes", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{long}\r\n"));
    }

    #[test]
    fn the_first_day_is_the_first_chosen_one_from_today() {
        let tue = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let only_tue =
            Reminder::parse([false, true, false, false, false, false, false], "08:00").unwrap();
        assert_eq!(only_tue.first_day(tue), tue);
        let only_mon =
            Reminder::parse([true, false, false, false, false, false, false], "08:00").unwrap();
        assert_eq!(
            only_mon.first_day(tue),
            NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
        );
    }
}
