//! What a finished session leaves behind: a record of what was done, and the log of them.

use serde::{Deserialize, Serialize};

use crate::domain::dates::{local_day, short_date, DAY_MS, EARLIEST_MS};
use crate::domain::ids::{self, Keyed, RecordId, Tombstone};
use crate::domain::Millis;

/// How much of an exercise was done in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// Every rep of every set.
    Done,
    /// Some of it: part of a rep, or some reps.
    Partly,
    /// None of it: skipped, or the session stopped before it.
    NotDone,
}

/// What was done of one exercise of a session (stored as an array: see `stored_session`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExerciseRecord {
    /// The catalogue id of the exercise.
    pub exercise: String,
    /// Sets the routine asked for.
    pub sets_planned: u16,
    /// Sets in which every rep was done.
    pub sets_done: u16,
    /// Reps over all sets (per side for an exercise done on each side in turn).
    pub reps_planned: u32,
    /// Reps done in full: a rep counts when each of its sides was done.
    pub reps_done: u32,
    /// True when the person skipped at least part of it.
    pub skipped: bool,
    /// Seconds spent in its holds, movements or activity, skipped parts included.
    pub work_secs: u32,
}

impl ExerciseRecord {
    /// True when some of it was done: a rep, or time spent on it.
    pub fn tried(&self) -> bool {
        self.reps_done > 0 || self.work_secs > 0
    }

    /// Whether it was done in full, in part, or not at all.
    pub fn completion(&self) -> Completion {
        if self.reps_done >= self.reps_planned {
            Completion::Done
        } else if self.tried() {
            Completion::Partly
        } else {
            Completion::NotDone
        }
    }
}

/// One guided session, as the log keeps it (stored compactly: see `stored_session`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SessionRecord {
    /// The routine played: a built-in id, `exercise:<id>`, or the person's own.
    pub routine_id: String,
    /// The routine's name when it was played, so the log reads well even if the routine
    /// is later renamed or deleted.
    pub routine_name: String,
    /// When the session started: the time part of its id ([`SessionRecord::id`]).
    pub started_at: Millis,
    /// The random part of its id (0 in sessions from before it was kept).
    pub salt: u32,
    /// When it was played to the end, or stopped.
    pub ended_at: Millis,
    /// Time spent playing, pauses left out.
    pub active_secs: u32,
    /// Each exercise of the routine, in order.
    pub exercises: Vec<ExerciseRecord>,
    /// The device's offset from UTC, in minutes east, when the session started: it fixes
    /// the local day the session belongs to, wherever the person is later. `None` in
    /// records from before it was kept; those use the device's offset of today.
    pub tz_offset_min: Option<i32>,
    /// Pain from 0 to 10 just before the session, if the person gave it.
    pub pain_before: Option<u8>,
    /// Pain from 0 to 10 just after it, if the person gave it.
    pub pain_after: Option<u8>,
    /// Each time the person said "It hurts" during the session.
    pub hurts: Vec<Hurt>,
    /// The answer to the check after the session, when pain had gone up.
    pub after_check: Option<AfterCheck>,
    /// When the record was last changed after the session ended (pain after, the
    /// after-check answer); 0 when it never was. See [`SessionRecord::version`].
    pub updated_at: Millis,
}

/// The person's pain during a session, given after tapping "It hurts".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Hurt {
    /// The catalogue id of the exercise it was about; empty when the person said it was
    /// about none, before any exercise had been played (see `Session::hurt_about`).
    pub exercise: String,
    /// Pain from 0 to 10.
    pub rating: u8,
    pub at: Millis,
}

/// How the pain was some time after a session in which it went up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterCheck {
    /// It had settled.
    Settled,
    /// It was still there.
    StillHurting,
}

// Its id: when it started, and its salt. Which of two copies of this record is the newer:
// the later of when it was last changed and when the session ended.
ids::keyed!(
    SessionRecord,
    at = started_at,
    version = |r| r.updated_at.max(r.ended_at)
);

impl SessionRecord {
    /// True when some of the exercise was done in the session: a rep, or time spent on it.
    pub fn tried(&self, exercise_id: &str) -> bool {
        self.exercises
            .iter()
            .any(|e| e.exercise == exercise_id && e.tried())
    }

    /// The record's stable id: when the session started, and a random salt, so two
    /// tabs never give two sessions the same id.
    pub fn id(&self) -> RecordId {
        self.key()
    }

    /// True when every exercise was done in full.
    pub fn is_complete(&self) -> bool {
        self.exercises
            .iter()
            .all(|e| e.completion() == Completion::Done)
    }
}

/// Every session the person has done, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionLog {
    /// Oldest first.
    pub records: Vec<SessionRecord>,
    /// The sessions deleted (by a replacing import), one per id, so another tab's copy
    /// does not bring them back. No session of the log has a tombstone.
    pub deleted: Vec<Tombstone>,
    /// The sessions that started before [`SessionLog::kept_from`], as a line of totals per
    /// week, oldest first ([`super::older`]). Kept as the text stored: read only where the
    /// totals are shown, so the first load carries no code to read them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub older: String,
    /// Sessions that started before this are kept only in `older` (to make room); 0 when
    /// none are.
    #[serde(skip_serializing_if = "ids::is_zero_ms")]
    pub kept_from: Millis,
}

crate::domain::ids::log_in_fields!(SessionLog, SessionRecord);

impl SessionLog {
    /// How many sessions tried this exercise (a rep done, or time spent on it).
    pub fn times_done(&self, exercise_id: &str) -> usize {
        self.records.iter().filter(|r| r.tried(exercise_id)).count()
    }
}

/// The highest pain rating: pain is rated 0 to 10.
pub const MAX_PAIN: u8 = 10;

/// The furthest a clock is from UTC, in minutes: 14 hours (Kiribati).
pub const MAX_OFFSET_MIN: i32 = 14 * 60;

impl SessionRecord {
    /// Checks a session read from outside the app (an import) at `now`, the `n`th of
    /// its list: `Err` with a plain reason when it can't be kept. Started between 2000
    /// and a day after `now`, ended no earlier, exercise time at most its length plus a
    /// minute, pain and "It hurts" ratings 0 to 10, a clock within 14 hours of UTC.
    pub fn check(&self, n: usize, now: Millis) -> Result<(), String> {
        let at = self.started_at;
        if at == 0 {
            return Err(format!("Session {n} in the file has no start time."));
        }
        if at < EARLIEST_MS {
            return Err(format!("Session {n} in the file: its date is before 2000."));
        }
        if at > now.saturating_add(DAY_MS) {
            return Err(format!(
                "Session {n} in the file: its date is in the future."
            ));
        }
        let offset = self
            .tz_offset_min
            .filter(|o| o.abs() <= MAX_OFFSET_MIN)
            .unwrap_or(0);
        let label = format!("Session of {}", short_date(local_day(at, offset)));
        if self.ended_at < at {
            return Err(format!("{label}: it ends before it starts."));
        }
        let length_secs = (self.ended_at - at) / 1000;
        if i64::from(self.active_secs) > length_secs.saturating_add(60) {
            return Err(format!(
                "{label}: its exercise time is longer than the session."
            ));
        }
        for (rating, what) in [
            (self.pain_before, "pain before"),
            (self.pain_after, "pain after"),
        ] {
            if let Some(p) = rating.filter(|p| *p > MAX_PAIN) {
                return Err(format!("{label}: {what} {p} is not between 0 and 10."));
            }
        }
        if let Some(h) = self.hurts.iter().find(|h| h.rating > MAX_PAIN) {
            return Err(format!(
                "{label}: a pain rating of {} is not between 0 and 10.",
                h.rating
            ));
        }
        if let Some(o) = self.tz_offset_min.filter(|o| o.abs() > MAX_OFFSET_MIN) {
            return Err(format!(
                "{label}: its clock is {} hours from UTC, more than 14.",
                o.saturating_abs() / 60
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Log;
    use crate::domain::storage::schema::{decode, encode, DecodeError};

    fn record(started_at: Millis, name: &str) -> SessionRecord {
        SessionRecord {
            salt: 0,
            routine_id: "gentle-start".into(),
            tz_offset_min: Some(60),
            pain_before: Some(3),
            pain_after: Some(2),
            hurts: vec![Hurt {
                exercise: "bridge".into(),
                rating: 4,
                at: started_at + 60_000,
            }],
            after_check: None,
            updated_at: 0,
            routine_name: name.into(),
            started_at,
            ended_at: started_at + 300_000,
            active_secs: 290,
            exercises: vec![ExerciseRecord {
                exercise: "bridge".into(),
                sets_planned: 2,
                sets_done: 2,
                reps_planned: 20,
                reps_done: 20,
                skipped: false,
                work_secs: 100,
            }],
        }
    }

    #[test]
    fn times_done_counts_the_sessions_that_tried_an_exercise() {
        let mut log = SessionLog::default();
        let tried = |at: Millis, reps_done: u32, work_secs: u32| SessionRecord {
            exercises: vec![ExerciseRecord {
                exercise: "bridge".into(),
                reps_done,
                work_secs,
                ..ExerciseRecord::default()
            }],
            ..record(at, "x")
        };
        log.upsert(tried(1, 3, 20));
        log.upsert(tried(2, 0, 4));
        log.upsert(tried(3, 0, 0));
        assert_eq!(
            log.times_done("bridge"),
            2,
            "skipped without a second spent: not done"
        );
        assert_eq!(log.times_done("pelvic-tilt"), 0);
    }

    #[test]
    fn upsert_adds_in_order_and_replaces_by_id() {
        let mut log = SessionLog::default();
        log.upsert(record(30, "c"));
        log.upsert(record(10, "a"));
        log.upsert(record(20, "b"));
        let ids: Vec<Millis> = log.records.iter().map(|r| r.id().at).collect();
        assert_eq!(ids, [10, 20, 30]);

        log.upsert(record(20, "b again"));
        assert_eq!(log.records.len(), 3);
        assert_eq!(log.get(20).unwrap().routine_name, "b again");
        assert!(log.get(99).is_none());
    }

    #[test]
    fn completion_is_derived_from_the_counts() {
        let mut e = record(1, "x").exercises.remove(0);
        assert_eq!(e.completion(), Completion::Done);
        e.reps_done = 7;
        assert_eq!(e.completion(), Completion::Partly);
        e.reps_done = 0;
        assert_eq!(e.completion(), Completion::Partly, "time was spent on it");
        e.work_secs = 0;
        assert_eq!(e.completion(), Completion::NotDone);
    }

    /// The log exactly as the app of issue 4 (schema 1) wrote it.
    const SCHEMA_1: &str = r#"{"schema":1,"saved_at":1763700000000,"data":{"records":[
        {"routine_id":"desk-break","routine_name":"Desk break","started_at":1763690000000,
         "ended_at":1763690400000,"active_secs":380,"exercises":[
           {"exercise":"wall-stand","sets_planned":1,"sets_done":0,"reps_planned":3,
            "reps_done":2,"skipped":true,"work_secs":75}]}]}}"#;

    #[test]
    fn schema_1_fixture_loads() {
        let envelope = decode::<SessionLog>(SCHEMA_1).unwrap();
        assert_eq!(envelope.schema, 5);
        let expected = SessionLog {
            records: vec![SessionRecord {
                routine_id: "desk-break".into(),
                routine_name: "Desk break".into(),
                started_at: 1_763_690_000_000,
                salt: 0,
                ended_at: 1_763_690_400_000,
                active_secs: 380,
                exercises: vec![ExerciseRecord {
                    exercise: "wall-stand".into(),
                    sets_planned: 1,
                    sets_done: 0,
                    reps_planned: 3,
                    reps_done: 2,
                    skipped: true,
                    work_secs: 75,
                }],
                tz_offset_min: None,
                pain_before: None,
                pain_after: None,
                hurts: Vec::new(),
                after_check: None,
                updated_at: 0,
            }],
            ..SessionLog::default()
        };
        let log = envelope.data;
        assert_eq!(log, expected);
        let r = &log.records[0];
        assert_eq!(r.id(), 1_763_690_000_000.into());
        assert_eq!(r.version(), 1_763_690_400_000);
        assert_eq!(r.exercises[0].completion(), Completion::Partly);
        assert!(!r.is_complete());
        let text = encode(&log, 5).unwrap();
        assert!(text.starts_with(r#"{"schema":5,"#), "{text}");
        assert_eq!(decode::<SessionLog>(&text).unwrap().data, log);

        let empty = r#"{"schema":1,"saved_at":1,"data":{}}"#;
        assert_eq!(
            decode::<SessionLog>(empty).unwrap().data,
            SessionLog::default()
        );
    }

    #[test]
    fn schema_6_is_refused_as_newer() {
        let v6 = SCHEMA_1.replacen(r#""schema":1"#, r#""schema":6"#, 1);
        assert_eq!(
            decode::<SessionLog>(&v6).unwrap_err(),
            DecodeError::Newer {
                found: 6,
                supported: 5
            }
        );
    }

    #[test]
    fn a_bad_schema_1_log_is_an_error_not_a_panic() {
        for data in [
            "null",
            "[]",
            "7",
            r#""records""#,
            r#"{"records":5}"#,
            r#"{"records":[1,2]}"#,
            r#"{"records":[{"started_at":"yesterday"}]}"#,
            r#"{"records":[{"pain_after":300}]}"#,
            r#"{"records":[{"hurts":[{"rating":-1}]}]}"#,
        ] {
            let text = format!(r#"{{"schema":1,"saved_at":1,"data":{data}}}"#);
            let err = decode::<SessionLog>(&text).unwrap_err();
            assert!(
                matches!(
                    err,
                    DecodeError::Migration { from: 1, .. } | DecodeError::Shape(_)
                ),
                "{data} → {err:?}"
            );
        }
    }

    /// The same record in another tab, changed at `at`.
    fn edited(mut r: SessionRecord, at: Millis, pain_after: u8) -> SessionRecord {
        r.pain_after = Some(pain_after);
        r.updated_at = at;
        r
    }

    #[test]
    fn two_tabs_lose_nothing() {
        let mut base = SessionLog::default();
        base.upsert(record(1_000, "a"));
        base.upsert(record(2_000, "b"));

        // Tab one adds a session and answers the pain after "a"; tab two adds another
        // session and, later, answers the pain after "b".
        let mut one = base.clone();
        one.upsert(record(3_000, "from one"));
        one.upsert(edited(record(1_000, "a"), 900_000, 5));
        let mut two = base.clone();
        two.upsert(record(2_500, "from two"));
        two.upsert(edited(record(2_000, "b"), 950_000, 6));
        // ...and tab two also answered "a", but earlier than tab one.
        two.upsert(edited(record(1_000, "a"), 800_000, 1));

        let mut a = one.clone();
        a.merge(&two);
        let mut b = two.clone();
        b.merge(&one);
        assert_eq!(a, b);
        let ids: Vec<Millis> = a.records.iter().map(|r| r.id().at).collect();
        assert_eq!(ids, [1_000, 2_000, 2_500, 3_000]);
        assert_eq!(
            a.get(1_000).unwrap().pain_after,
            Some(5),
            "the later edit wins"
        );
        assert_eq!(a.get(2_000).unwrap().pain_after, Some(6));

        let mut again = a.clone();
        again.merge(&one);
        again.merge(&two);
        assert_eq!(again, a, "merging again changes nothing");
    }

    #[test]
    fn on_a_tie_the_merge_keeps_its_own() {
        let mut mine = SessionLog::default();
        mine.upsert(record(1_000, "mine"));
        let mut theirs = SessionLog::default();
        theirs.upsert(record(1_000, "theirs"));
        mine.merge(&theirs);
        assert_eq!(mine.get(1_000).unwrap().routine_name, "mine");
    }

    /// Property tests: native only, as proptest does not build for the browser.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;
        use serde_json::Value;

        /// A record whose content follows from its id and version, as two copies of
        /// one record with the same version always are.
        fn versioned(id: Millis, version: Millis) -> SessionRecord {
            let mut r = record(id, &format!("{id}@{version}"));
            r.ended_at = id + 1;
            r.updated_at = version;
            r.pain_after = Some((version % 11) as u8);
            r
        }

        /// A log, some of whose sessions may be kept as weekly totals (made room from).
        fn log() -> impl Strategy<Value = SessionLog> {
            let pairs = prop::collection::vec((0i64..20, 0i64..6), 0..12);
            (pairs, prop::option::of(0i64..20)).prop_map(|(pairs, room)| {
                let mut log = SessionLog::default();
                for (id, version) in pairs {
                    log.upsert(versioned(id, 100 + version));
                }
                if let Some(from) = room {
                    log.keep_from(from, 0);
                }
                log
            })
        }

        proptest! {
            #[test]
            fn merge_is_commutative_and_idempotent(a in log(), b in log()) {
                let ab = crate::domain::storage::schema::merge_laws(&a, &b)
                    .map_err(TestCaseError::fail)?;
                // Nothing is lost: every id of either is there, at its highest version,
                // unless it started before the later boundary of making room.
                prop_assert_eq!(ab.kept_from, a.kept_from.max(b.kept_from));
                for r in a.records.iter().chain(&b.records) {
                    match ab.get(r.id()) {
                        Some(kept) => prop_assert!(kept.version() >= r.version()),
                        None => prop_assert!(r.started_at < ab.kept_from),
                    }
                }
                prop_assert!(ab.records.iter().all(|r| r.started_at >= ab.kept_from));
                prop_assert!(ab.records.windows(2).all(|w| w[0].started_at < w[1].started_at));
            }

            #[test]
            fn any_envelope_decodes_or_says_why(
                schema in 0u32..6,
                data in json(),
            ) {
                let text = format!(r#"{{"schema":{schema},"saved_at":1,"data":{data}}}"#);
                match decode::<SessionLog>(&text) {
                    Ok(envelope) => prop_assert_eq!(envelope.schema, 5),
                    Err(e) => prop_assert!(!e.to_string().is_empty()),
                }
            }
        }

        /// Small JSON values, often shaped like a log.
        fn json() -> impl Strategy<Value = Value> {
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::from),
                any::<i64>().prop_map(Value::from),
                (0u64..20).prop_map(Value::from),
                "[a-z_]{0,12}".prop_map(Value::from),
            ];
            let value = leaf.prop_recursive(3, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                    prop::collection::btree_map(
                        prop_oneof![
                            Just("records".to_string()),
                            Just("started_at".to_string()),
                            Just("pain_after".to_string()),
                            Just("hurts".to_string()),
                            "[a-z_]{1,8}",
                        ],
                        inner,
                        0..4,
                    )
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
                ]
            });
            prop_oneof![
                value.clone(),
                prop::collection::vec(value, 0..3)
                    .prop_map(|records| serde_json::json!({ "records": records })),
            ]
        }
    }
}
