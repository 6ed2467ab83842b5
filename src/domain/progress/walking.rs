//! A walking plan: how long to make each walk this week, from the walks of the last days.
//!
//! From the sources (Spine-health, seed 002): someone new to exercise starts with 2 or 3
//! walks of 5 minutes a day and, over several weeks or months, works up to 20 to 30
//! minutes at a time; someone already active aims for at least 30 minutes, 3 or 4 times a
//! week.
//!
//! The app's own pacing between those points: walk lengths go up in steps of 5 minutes
//! ([`LADDER`]); a length counts as reached when walks at least that long were done on at
//! least [`REACHED_DAYS`] different days of the last 7 (today included); the plan moves up
//! one step, never more, once the current length was walked on at least
//! [`STEP_UP_DAYS`] of the last 7 days.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::domain::progress::calendar::session_day;
use crate::domain::records::activity::{ActivityKind, ActivityLog};
use crate::domain::records::session_record::SessionLog;
use crate::domain::sources::{Source, APP_OWN};

/// Walk lengths in minutes, one step at a time (the app's pacing).
pub const LADDER: [u16; 6] = [5, 10, 15, 20, 25, 30];

/// Days of the last 7 with a walk of at least a length for that length to count as
/// reached (the app's pacing).
pub const REACHED_DAYS: u32 = 3;

/// Days of the last 7 with a walk of at least the current length before trying the next
/// one (the app's pacing).
pub const STEP_UP_DAYS: u32 = 5;

/// Days with no walk at all after which the plan starts again from the beginning.
pub const START_WINDOW_DAYS: u64 = 14;

/// The source of the plan's starting point and goal.
pub const SOURCE: Source = Source::SpineHealth;

/// The catalogue id of the guided walking exercise.
const WALKING_EXERCISE: &str = "walking";

/// Where the person is in the walking plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkStep {
    /// Nothing walked in the last 14 days: start with 2–3 walks of 5 minutes a day.
    Start,
    /// Keep walking `minutes` at a time; `days` of the last 7 had such a walk (of the 5
    /// needed to move on).
    Build { minutes: u16, days: u32 },
    /// Ready to try walks of `to` minutes (from `from`).
    StepUp { from: u16, to: u16 },
    /// At 30 minutes on at least 3 days: keep to at least 30 minutes, 3–4 times a week.
    Active { days: u32 },
}

impl WalkStep {
    /// A short line to show first, e.g. "Try 10-minute walks".
    pub fn headline(&self) -> String {
        match *self {
            WalkStep::Start => "Start with 5-minute walks".to_owned(),
            WalkStep::Build { minutes, .. } => format!("Keep going with {minutes}-minute walks"),
            WalkStep::StepUp { to, .. } => format!("Try {to}-minute walks"),
            WalkStep::Active { .. } => "Keep up your 30-minute walks".to_owned(),
        }
    }

    /// One or two sentences on what was done and what to do next.
    pub fn detail(&self) -> String {
        match *self {
            WalkStep::Start => "Try 2 or 3 short walks of about 5 minutes a day, at a brisk \
                                pace with an upright, natural posture."
                .to_owned(),
            WalkStep::Build { minutes, days } => {
                let next = next_length(minutes).unwrap_or(minutes);
                let done = match days {
                    0 => format!(
                        "Walk about {minutes} minutes at a time, on as many days as you can."
                    ),
                    1 => format!("You walked {minutes} minutes or more on 1 of the last 7 days."),
                    _ => format!(
                        "You walked {minutes} minutes or more on {days} of the last 7 days."
                    ),
                };
                format!(
                    "{done} Once you have done that on {STEP_UP_DAYS} days in a week, you \
                     can try {next}-minute walks."
                )
            }
            WalkStep::StepUp { from, to } => format!(
                "You walked {from} minutes or more on at least {STEP_UP_DAYS} of the last 7 \
                 days. Make each walk about {to} minutes this week. It's fine to stay at \
                 {from} minutes a little longer if you'd rather."
            ),
            WalkStep::Active { days } => format!(
                "You walked 30 minutes or more on {days} of the last 7 days. Keep to at least \
                 30 minutes, 3 or 4 times a week."
            ),
        }
    }

    /// Where the step is the app's own pacing, not the source's, the words that say so,
    /// to show with it (not only inside "How this plan works"). `None` at the start and
    /// at 30 minutes, which are the source's own figures.
    pub fn own_pacing(&self) -> Option<String> {
        match self {
            WalkStep::Start | WalkStep::Active { .. } => None,
            WalkStep::Build { .. } | WalkStep::StepUp { .. } => Some(format!(
                "Adding 5 minutes once you have walked on {STEP_UP_DAYS} days in a week is {APP_OWN}. \
                 Spine-health says only to build up to 20 to 30 minutes over weeks or months."
            )),
        }
    }

    /// How long to make each walk now, in minutes.
    pub fn target_minutes(&self) -> u16 {
        match *self {
            WalkStep::Start => LADDER[0],
            WalkStep::Build { minutes, .. } => minutes,
            WalkStep::StepUp { to, .. } => to,
            WalkStep::Active { .. } => LADDER[LADDER.len() - 1],
        }
    }
}

/// Where the plan comes from, in plain words: what the source says and what is the app's
/// own pacing.
pub fn why() -> &'static str {
    "Spine-health suggests starting with 2 or 3 walks of 5 minutes a day and, over several \
     weeks or months, working up to 20 to 30 minutes at a time; once you are active, at \
     least 30 minutes 3 or 4 times a week. The steps of 5 minutes, and moving up after 5 \
     good days out of 7, are this app's own pacing."
}

/// The next length up the ladder after `minutes`, if there is one.
fn next_length(minutes: u16) -> Option<u16> {
    LADDER.into_iter().find(|&l| l > minutes)
}

/// The step of the walking plan for `today`, from the walks logged as activities and the
/// guided walking done in sessions. Several walks on one day count as the longest of
/// them.
pub fn next_step(
    activities: &ActivityLog,
    sessions: &SessionLog,
    today: NaiveDate,
    fallback_offset_min: i32,
) -> WalkStep {
    let window_start = today
        .checked_sub_days(Days::new(START_WINDOW_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let week_start = today
        .checked_sub_days(Days::new(6))
        .unwrap_or(NaiveDate::MIN);

    let logged = activities
        .records
        .iter()
        .filter(|a| a.kind == ActivityKind::Walk && a.minutes > 0)
        .map(|a| (a.day, a.minutes));
    let guided = sessions.records.iter().flat_map(|r| {
        let day = session_day(r, fallback_offset_min);
        r.exercises
            .iter()
            .filter(|e| e.exercise == WALKING_EXERCISE && e.work_secs > 0)
            .map(move |e| (day, u16::try_from(e.work_secs / 60).unwrap_or(u16::MAX)))
    });

    // The longest walk of each day of the last 14.
    let mut longest: BTreeMap<NaiveDate, u16> = BTreeMap::new();
    for (day, minutes) in logged.chain(guided) {
        if (window_start..=today).contains(&day) {
            let best = longest.entry(day).or_insert(0);
            *best = (*best).max(minutes);
        }
    }
    if longest.is_empty() {
        return WalkStep::Start;
    }

    let days_at = |length: u16| -> u32 {
        let days = longest
            .range(week_start..=today)
            .filter(|(_, &m)| m >= length)
            .count();
        u32::try_from(days).unwrap_or(u32::MAX)
    };
    let current = LADDER
        .into_iter()
        .rev()
        .find(|&l| days_at(l) >= REACHED_DAYS)
        .unwrap_or(LADDER[0]);
    let days = days_at(current);
    match next_length(current) {
        None => WalkStep::Active { days },
        Some(to) if days >= STEP_UP_DAYS => WalkStep::StepUp { from: current, to },
        Some(_) => WalkStep::Build {
            minutes: current,
            days,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Log;
    use crate::domain::records::activity::Activity;
    use crate::domain::records::session_record::{ExerciseRecord, SessionRecord};
    use crate::domain::test_support::date;
    use chrono::{FixedOffset, TimeZone};

    /// Sunday.
    fn today() -> NaiveDate {
        date(2026, 11, 22)
    }

    /// Activities of `kind`, each `(days before today, minutes)`.
    fn logged(kind: ActivityKind, walks: &[(u64, u16)]) -> ActivityLog {
        let mut log = ActivityLog::default();
        for (i, &(back, minutes)) in walks.iter().enumerate() {
            log.upsert(Activity {
                id: i64::try_from(i).unwrap() + 1,
                salt: 0,
                day: today() - Days::new(back),
                kind,
                minutes,
                note: String::new(),
                updated_at: 0,
            });
        }
        log
    }

    fn walks(list: &[(u64, u16)]) -> ActivityLog {
        logged(ActivityKind::Walk, list)
    }

    fn step(list: &[(u64, u16)]) -> WalkStep {
        next_step(&walks(list), &SessionLog::default(), today(), 0)
    }

    /// `n` days from `back` days ago onwards, each with one walk of `minutes`.
    fn days(from_back: u64, n: u64, minutes: u16) -> Vec<(u64, u16)> {
        (0..n).map(|i| (from_back - i, minutes)).collect()
    }

    #[test]
    fn nothing_in_14_days_means_start() {
        assert_eq!(step(&[]), WalkStep::Start);
        assert_eq!(step(&[(14, 30), (20, 30)]), WalkStep::Start);
        // Day 13 back is still in the window, but not in the last 7.
        assert_eq!(
            step(&[(13, 30)]),
            WalkStep::Build {
                minutes: 5,
                days: 0
            }
        );
        // Other activities are not walks.
        let swims = logged(ActivityKind::Swim, &days(6, 7, 30));
        assert_eq!(
            next_step(&swims, &SessionLog::default(), today(), 0),
            WalkStep::Start
        );
        // Future days are ignored.
        assert_eq!(
            next_step(
                &walks(&[(0, 10)]),
                &SessionLog::default(),
                today() - Days::new(1),
                0
            ),
            WalkStep::Start
        );
    }

    #[test]
    fn short_walks_still_count_as_walking() {
        assert_eq!(
            step(&[(0, 3)]),
            WalkStep::Build {
                minutes: 5,
                days: 0
            }
        );
        assert_eq!(
            step(&[(0, 5), (2, 6), (3, 2)]),
            WalkStep::Build {
                minutes: 5,
                days: 2
            }
        );
    }

    #[test]
    fn building_at_the_reached_length() {
        // 10 minutes on 3 days reaches 10; 4 days is not yet 5.
        assert_eq!(
            step(&[(0, 10), (1, 12), (3, 10), (4, 10), (5, 5)]),
            WalkStep::Build {
                minutes: 10,
                days: 4
            }
        );
        // Only the last 7 days count: the walk 7 days back is outside.
        assert_eq!(
            step(&[(0, 10), (1, 10), (2, 10), (3, 10), (7, 10)]),
            WalkStep::Build {
                minutes: 10,
                days: 4
            }
        );
    }

    #[test]
    fn five_days_at_the_length_steps_up_one() {
        assert_eq!(step(&days(6, 5, 5)), WalkStep::StepUp { from: 5, to: 10 });
        assert_eq!(step(&days(4, 5, 10)), WalkStep::StepUp { from: 10, to: 15 });
    }

    #[test]
    fn never_more_than_one_step_at_a_time() {
        // 15-minute walks on 5 days after 5-minute ones: the plan goes to 20, not 30.
        let mut list = days(6, 5, 15);
        list.push((6, 5));
        assert_eq!(step(&list), WalkStep::StepUp { from: 15, to: 20 });
        // 25 minutes reached on 3 days, 20 walked on 5: building at 25, not stepping to 30.
        let list = [(0, 25), (1, 25), (2, 25), (3, 20), (4, 20)];
        assert_eq!(
            step(&list),
            WalkStep::Build {
                minutes: 25,
                days: 3
            }
        );
        // 2 days at 25 is not reached: it builds at 20 with the 4 days at 20 or more.
        let list = [(0, 25), (1, 25), (2, 20), (3, 20), (4, 10)];
        assert_eq!(
            step(&list),
            WalkStep::Build {
                minutes: 20,
                days: 4
            }
        );
    }

    #[test]
    fn thirty_minutes_on_three_days_is_active() {
        assert_eq!(
            step(&[(0, 30), (2, 45), (5, 30)]),
            WalkStep::Active { days: 3 }
        );
        assert_eq!(step(&days(6, 7, 60)), WalkStep::Active { days: 7 });
        // Several walks on one day count as one day, at the longest.
        let list = [(0, 30), (0, 30), (0, 30), (1, 5), (1, 30), (2, 10)];
        assert_eq!(
            step(&list),
            WalkStep::Build {
                minutes: 10,
                days: 3
            }
        );
        // Two walks of 15 do not make a 30-minute walk.
        assert_eq!(
            step(&[(0, 15), (0, 15), (1, 15), (1, 15), (2, 15), (2, 15)]),
            WalkStep::Build {
                minutes: 15,
                days: 3
            }
        );
    }

    fn walking_session(
        y: i32,
        m: u32,
        d: u32,
        hour: u32,
        offset: i32,
        work_secs: u32,
    ) -> SessionRecord {
        let started_at = FixedOffset::east_opt(offset * 60)
            .unwrap()
            .with_ymd_and_hms(y, m, d, hour, 0, 0)
            .unwrap()
            .timestamp_millis();
        SessionRecord {
            started_at,
            tz_offset_min: Some(offset),
            active_secs: work_secs,
            exercises: vec![
                ExerciseRecord {
                    exercise: "pelvic-tilt".into(),
                    work_secs: 3600,
                    ..ExerciseRecord::default()
                },
                ExerciseRecord {
                    exercise: "walking".into(),
                    work_secs,
                    ..ExerciseRecord::default()
                },
            ],
            ..SessionRecord::default()
        }
    }

    #[test]
    fn guided_walks_count_with_logged_ones() {
        let mut sessions = SessionLog::default();
        // 10-minute guided walks on the 20th and 21st (the 21st at 23:00 in UTC+1), and
        // a logged 10-minute walk today: 10 reached on 3 days.
        sessions.upsert(walking_session(2026, 11, 20, 9, 0, 600));
        sessions.upsert(walking_session(2026, 11, 21, 23, 60, 659));
        let acts = walks(&[(0, 10), (1, 4)]);
        assert_eq!(
            next_step(&acts, &sessions, today(), 0),
            WalkStep::Build {
                minutes: 10,
                days: 3
            }
        );
        // 9 min 59 s is not 10 minutes.
        let mut short = SessionLog::default();
        short.upsert(walking_session(2026, 11, 20, 9, 0, 599));
        assert_eq!(
            next_step(&walks(&[(0, 10), (1, 10)]), &short, today(), 0),
            WalkStep::Build {
                minutes: 5,
                days: 3
            }
        );
        // A skipped guided walk is no walk; other exercises are not walks.
        let mut skipped = SessionLog::default();
        skipped.upsert(walking_session(2026, 11, 20, 9, 0, 0));
        assert_eq!(
            next_step(&ActivityLog::default(), &skipped, today(), 0),
            WalkStep::Start
        );
        // Under a minute of guided walking still counts as walking.
        let mut bit = SessionLog::default();
        bit.upsert(walking_session(2026, 11, 20, 9, 0, 30));
        assert_eq!(
            next_step(&ActivityLog::default(), &bit, today(), 0),
            WalkStep::Build {
                minutes: 5,
                days: 0
            }
        );
    }

    #[test]
    fn a_guided_walk_without_an_offset_uses_the_fallback() {
        // 2026-11-08 23:30 UTC is the 8th in London, the 9th (13 days back) in Berlin.
        let mut record = walking_session(2026, 11, 8, 23, 0, 600);
        record.started_at += 30 * 60_000;
        record.tz_offset_min = None;
        let mut sessions = SessionLog::default();
        sessions.upsert(record);
        let acts = ActivityLog::default();
        assert_eq!(next_step(&acts, &sessions, today(), 0), WalkStep::Start);
        assert_eq!(
            next_step(&acts, &sessions, today(), 60),
            WalkStep::Build {
                minutes: 5,
                days: 0
            }
        );
    }

    #[test]
    fn texts_are_plain_and_match_the_step() {
        let steps = [
            WalkStep::Start,
            WalkStep::Build {
                minutes: 5,
                days: 0,
            },
            WalkStep::Build {
                minutes: 10,
                days: 1,
            },
            WalkStep::Build {
                minutes: 25,
                days: 4,
            },
            WalkStep::StepUp { from: 5, to: 10 },
            WalkStep::Active { days: 3 },
        ];
        for s in steps {
            assert!(!s.headline().is_empty() && !s.detail().is_empty());
            assert!(
                s.headline()
                    .contains(&format!("{}-minute", s.target_minutes())),
                "{s:?}"
            );
        }
        assert_eq!(
            WalkStep::StepUp { from: 5, to: 10 }.headline(),
            "Try 10-minute walks"
        );
        assert!(WalkStep::StepUp { from: 5, to: 10 }
            .detail()
            .starts_with("You walked 5 minutes or more on at least 5 of the last 7 days. Make each walk about 10 minutes this week."));
        assert!(WalkStep::Build {
            minutes: 25,
            days: 4
        }
        .detail()
        .contains("on 4 of the last 7 days"));
        assert!(WalkStep::Build {
            minutes: 25,
            days: 4
        }
        .detail()
        .contains("try 30-minute walks"));
        assert!(WalkStep::Start.detail().contains("2 or 3"));
        assert!(WalkStep::Active { days: 3 }
            .detail()
            .contains("3 or 4 times a week"));
        assert_eq!(WalkStep::Start.target_minutes(), 5);
        assert_eq!(WalkStep::Active { days: 4 }.target_minutes(), 30);
        assert!(why().contains("Spine-health") && why().contains("own pacing"));
    }

    #[test]
    fn the_apps_own_steps_are_labelled_where_they_are_shown() {
        let own = [
            WalkStep::StepUp { from: 5, to: 10 },
            WalkStep::Build {
                minutes: 10,
                days: 2,
            },
        ];
        for step in own {
            let note = step.own_pacing().unwrap_or_default();
            assert!(
                note.contains("the app's own choice, not a source's"),
                "{step:?}"
            );
            assert!(note.contains("20 to 30 minutes"), "{step:?}");
        }
        // The start and the 30 minutes are the source's own.
        assert_eq!(WalkStep::Start.own_pacing(), None);
        assert_eq!(WalkStep::Active { days: 3 }.own_pacing(), None);
        assert_eq!(SOURCE.short(), "Spine-health");
    }
}
