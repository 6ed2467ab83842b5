//! What a finished session leaves behind: a record of what was done, and the log of them.

use serde::{Deserialize, Serialize};

use super::storage_schema::Record;
use super::Millis;

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

/// What was done of one exercise of a session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
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
    /// Whether it was done in full, in part, or not at all.
    pub fn completion(&self) -> Completion {
        if self.reps_done >= self.reps_planned {
            Completion::Done
        } else if self.reps_done > 0 || self.work_secs > 0 {
            Completion::Partly
        } else {
            Completion::NotDone
        }
    }
}

/// One guided session, as the log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionRecord {
    /// The routine played: a built-in id, `exercise:<id>`, or the person's own.
    pub routine_id: String,
    /// The routine's name when it was played, so the log reads well even if the routine
    /// is later renamed or deleted.
    pub routine_name: String,
    /// When the session started.
    pub started_at: Millis,
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
}

/// The person's pain during a session, given after tapping "It hurts".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Hurt {
    /// The catalogue id of the exercise it happened in.
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

impl SessionRecord {
    /// The record's stable id: the time the session started. One device cannot start
    /// two sessions in the same millisecond.
    pub fn id(&self) -> Millis {
        self.started_at
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
}

impl SessionLog {
    /// Adds `record`, or replaces the one with the same id. The log stays in order of
    /// starting time.
    pub fn upsert(&mut self, record: SessionRecord) {
        if let Some(existing) = self.records.iter_mut().find(|r| r.id() == record.id()) {
            *existing = record;
            return;
        }
        let at = self
            .records
            .partition_point(|r| r.started_at <= record.started_at);
        self.records.insert(at, record);
    }

    /// The record with this id.
    pub fn get(&self, id: Millis) -> Option<&SessionRecord> {
        self.records.iter().find(|r| r.id() == id)
    }
}

impl Record for SessionLog {
    const NAME: &'static str = "sessions";
    const SCHEMA: u32 = 1;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::storage_schema::{decode, encode};

    fn record(started_at: Millis, name: &str) -> SessionRecord {
        SessionRecord {
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
    fn upsert_adds_in_order_and_replaces_by_id() {
        let mut log = SessionLog::default();
        log.upsert(record(30, "c"));
        log.upsert(record(10, "a"));
        log.upsert(record(20, "b"));
        let ids: Vec<Millis> = log.records.iter().map(SessionRecord::id).collect();
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

    #[test]
    fn schema_1_fixture_loads() {
        let v1 = r#"{"schema":1,"saved_at":1763700000000,"data":{"records":[
            {"routine_id":"desk-break","routine_name":"Desk break","started_at":1763690000000,
             "ended_at":1763690400000,"active_secs":380,"exercises":[
               {"exercise":"wall-stand","sets_planned":1,"sets_done":0,"reps_planned":3,
                "reps_done":2,"skipped":true,"work_secs":75}]}]}}"#;
        let log = decode::<SessionLog>(v1).unwrap().data;
        assert_eq!(log.records.len(), 1);
        let r = &log.records[0];
        assert_eq!(r.id(), 1_763_690_000_000);
        assert_eq!(r.exercises[0].completion(), Completion::Partly);
        assert!(r.exercises[0].skipped);
        assert!(!r.is_complete());
        assert_eq!(decode::<SessionLog>(&encode(&log, 5)).unwrap().data, log);
    }
}
