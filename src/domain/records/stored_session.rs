//! How the session log is stored: each session in a compact form, so that years of daily
//! sessions fit in what a browser gives a site (about 5 million characters).
//!
//! A session is an object of short keys ([`Packed`]); each of its exercises an array
//! `[id, sets planned, sets done, reps planned, reps done, skipped (0 or 1), work secs]`;
//! its end and its last change are kept as milliseconds after its start; what is empty or
//! unknown is left out. A session of six exercises takes about 330 characters, where the
//! named fields of schema 3 took about 985. The same form is used in a backup file.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::session_record::{AfterCheck, ExerciseRecord, Hurt, SessionLog, SessionRecord};
use crate::domain::ids::{self, Log};
use crate::domain::storage::{parts, schema::Record};
use crate::domain::Millis;

impl Record for SessionLog {
    const NAME: &'static str = "sessions";
    /// 2: records gained `tz_offset_min`, `pain_before`, `pain_after`, `hurts`,
    /// `after_check` and `updated_at`. An app that reads only schema 1 would drop them
    /// when saving, so it must refuse this data as newer instead.
    /// 3: records gained `salt`, and the log its tombstones (`deleted`), likewise.
    /// 4: each record in its compact form (this module's), which an older app can't read.
    /// 5: the log gained `older` and `kept_from` (sessions kept as weekly totals), which
    /// an app that reads only schema 4 would drop when saving.
    const SCHEMA: u32 = 5;

    const MERGES: bool = true;

    fn merge_from(&mut self, other: &Self) {
        self.merge(other);
        self.merge_older(other);
    }

    /// A key per year of sessions; the tombstones under the log's own key.
    const PARTED: bool = true;

    fn parts(&self) -> Vec<(String, u64)> {
        parts::by_year(&self.records)
    }

    fn part(&self, label: Option<&str>) -> Self {
        match label {
            Some(year) => SessionLog {
                records: parts::in_year(&self.records, year),
                ..SessionLog::default()
            },
            None => SessionLog {
                records: Vec::new(),
                deleted: self.deleted.clone(),
                older: self.older.clone(),
                kept_from: self.kept_from,
            },
        }
    }

    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        match from {
            // Every field added in 2 and in 3 has a default: the data only has to be a
            // log.
            1 | 2 => {
                ids::check_log_shape(&data)?;
                Ok(data)
            }
            // Not checked as a whole: an entry that is not a session (schema 3 was read
            // without a check) is left as it is, so that only it is left out when read.
            3 => Ok(pack_log(data)),
            // The fields added have defaults.
            4 => Ok(data),
            _ => Err(format!("no migration from schema {from}")),
        }
    }
}

/// A session as stored, each key one letter.
#[derive(Serialize)]
struct Packed<'a> {
    /// The routine's id ([`SessionRecord::routine_id`]).
    r: &'a str,
    /// Its name when played.
    #[serde(skip_serializing_if = "str::is_empty")]
    n: &'a str,
    /// When the session started.
    s: Millis,
    /// The random part of its id.
    #[serde(skip_serializing_if = "ids::is_zero")]
    k: u32,
    /// When it ended, in milliseconds after `s`.
    #[serde(skip_serializing_if = "ids::is_zero_ms")]
    e: Millis,
    /// Seconds spent playing.
    #[serde(skip_serializing_if = "ids::is_zero")]
    a: u32,
    /// Its exercises, each an array.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    x: &'a [ExerciseRecord],
    /// The device's offset from UTC, in minutes east.
    #[serde(skip_serializing_if = "Option::is_none")]
    z: Option<i32>,
    /// Pain before.
    #[serde(skip_serializing_if = "Option::is_none")]
    b: Option<u8>,
    /// Pain after.
    #[serde(skip_serializing_if = "Option::is_none")]
    p: Option<u8>,
    /// Each "It hurts", as [`Hurt`] writes it.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    h: &'a [Hurt],
    /// The answer to the check after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    c: Option<AfterCheck>,
    /// When it was last changed, in milliseconds after `s`; absent when it never was.
    #[serde(skip_serializing_if = "Option::is_none")]
    u: Option<Millis>,
}

/// [`Packed`], as read: each key may be missing.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Unpacked {
    r: String,
    n: String,
    s: Millis,
    k: u32,
    e: Millis,
    a: u32,
    x: Vec<ExerciseRecord>,
    z: Option<i32>,
    b: Option<u8>,
    p: Option<u8>,
    h: Vec<Hurt>,
    c: Option<AfterCheck>,
    u: Option<Millis>,
}

// Offsets wrap rather than overflow, so that any pair of times is kept exactly.
impl Serialize for SessionRecord {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let from_start = |t: Millis| t.wrapping_sub(self.started_at);
        Packed {
            r: &self.routine_id,
            n: &self.routine_name,
            s: self.started_at,
            k: self.salt,
            e: from_start(self.ended_at),
            a: self.active_secs,
            x: &self.exercises,
            z: self.tz_offset_min,
            b: self.pain_before,
            p: self.pain_after,
            h: &self.hurts,
            c: self.after_check,
            u: (self.updated_at != 0).then(|| from_start(self.updated_at)),
        }
        .serialize(ser)
    }
}

impl<'de> Deserialize<'de> for SessionRecord {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let p = Unpacked::deserialize(de)?;
        Ok(SessionRecord {
            routine_id: p.r,
            routine_name: p.n,
            started_at: p.s,
            salt: p.k,
            ended_at: p.s.wrapping_add(p.e),
            active_secs: p.a,
            exercises: p.x,
            tz_offset_min: p.z,
            pain_before: p.b,
            pain_after: p.p,
            hurts: p.h,
            after_check: p.c,
            updated_at: p.u.map_or(0, |u| p.s.wrapping_add(u)),
        })
    }
}

/// An exercise as stored: `[id, sets planned, sets done, reps planned, reps done,
/// skipped, work secs]`, skipped as 0 or 1.
type ExerciseArray<Id> = (Id, u16, u16, u32, u32, u8, u32);

impl Serialize for ExerciseRecord {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let array: ExerciseArray<&str> = (
            &self.exercise,
            self.sets_planned,
            self.sets_done,
            self.reps_planned,
            self.reps_done,
            u8::from(self.skipped),
            self.work_secs,
        );
        array.serialize(ser)
    }
}

impl<'de> Deserialize<'de> for ExerciseRecord {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let (exercise, sets_planned, sets_done, reps_planned, reps_done, skipped, work_secs): ExerciseArray<String> =
            Deserialize::deserialize(de)?;
        Ok(ExerciseRecord {
            exercise,
            sets_planned,
            sets_done,
            reps_planned,
            reps_done,
            skipped: skipped != 0,
            work_secs,
        })
    }
}

/// Schema 3 to 4: each session of the log, written with named fields, in its compact
/// form. Works on the JSON as it is, so a value of the wrong type stays as it was and is
/// refused when the log is read, as it was before. A record already compact (it has its
/// start under `s`) is left alone: a backup's section without its schema number is
/// upgraded from the first schema, whatever it holds.
fn pack_log(mut data: Value) -> Value {
    if let Some(Value::Array(records)) = data.get_mut("records") {
        for record in records {
            if let Value::Object(named) = record {
                if !named.contains_key("s") {
                    *named = pack(named);
                }
            }
        }
    }
    data
}

/// One session with named fields (schema 3), compact.
fn pack(named: &mut Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    let mut take = |from: &str| named.remove(from);
    let started = take("started_at");
    let start = started.as_ref().and_then(Value::as_i64).unwrap_or(0);
    // A time as an offset from the start; a value that is not a time stays as it is.
    let after_start = |t: Value| match t.as_i64() {
        Some(t) => Value::from(t.wrapping_sub(start)),
        None => t,
    };
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(v) = value {
            out.insert(key.to_string(), v);
        }
    };
    put("r", take("routine_id"));
    put("n", take("routine_name"));
    put("s", Some(started.unwrap_or(Value::from(0))));
    put("k", take("salt"));
    put(
        "e",
        Some(after_start(take("ended_at").unwrap_or(Value::from(0)))),
    );
    put("a", take("active_secs"));
    put("x", take("exercises").map(pack_exercises));
    put("z", take("tz_offset_min"));
    put("b", take("pain_before"));
    put("p", take("pain_after"));
    put("h", take("hurts"));
    put("c", take("after_check"));
    put(
        "u",
        take("updated_at")
            .filter(|u| u.as_i64() != Some(0))
            .map(after_start),
    );
    out
}

/// A session's exercises with named fields, each as its array; anything else as it is.
fn pack_exercises(exercises: Value) -> Value {
    let Value::Array(list) = exercises else {
        return exercises;
    };
    list.into_iter()
        .map(|e| {
            let Value::Object(mut e) = e else {
                return e;
            };
            let mut field = |name: &str, empty: Value| e.remove(name).unwrap_or(empty);
            let exercise = field("exercise", Value::from(""));
            let counts = ["sets_planned", "sets_done", "reps_planned", "reps_done"]
                .map(|name| field(name, Value::from(0)));
            let skipped = match field("skipped", Value::from(false)) {
                Value::Bool(b) => Value::from(u8::from(b)),
                other => other,
            };
            let work = field("work_secs", Value::from(0));
            let mut array = vec![exercise];
            array.extend(counts);
            array.extend([skipped, work]);
            Value::Array(array)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::catalog::CATALOG;
    use crate::domain::storage::schema::{decode, encode};
    use serde_json::json;

    /// A session with every field set, as the app of schema 3 wrote it, and as it is read.
    const NAMED: &str = r#"{"schema":3,"saved_at":1795300000000,"data":{"records":[
        {"routine_id":"gentle-start","routine_name":"A gentle start",
         "started_at":1795200000000,"salt":3735928559,"ended_at":1795200612345,
         "active_secs":570,"exercises":[
           {"exercise":"bridge","sets_planned":2,"sets_done":2,"reps_planned":20,
            "reps_done":20,"skipped":false,"work_secs":100},
           {"exercise":"cat-cow","sets_planned":1,"sets_done":0,"reps_planned":10,
            "reps_done":4,"skipped":true,"work_secs":31}],
         "tz_offset_min":-300,"pain_before":4,"pain_after":6,
         "hurts":[{"exercise":"bridge","rating":5,"at":1795200060000}],
         "after_check":"still_hurting","updated_at":1795210000000}],
        "deleted":[{"id":1795100000000,"at":1795150000000}]}}"#;

    fn expected() -> SessionRecord {
        SessionRecord {
            routine_id: "gentle-start".into(),
            routine_name: "A gentle start".into(),
            started_at: 1_795_200_000_000,
            salt: 3_735_928_559,
            ended_at: 1_795_200_612_345,
            active_secs: 570,
            exercises: vec![
                ExerciseRecord {
                    exercise: "bridge".into(),
                    sets_planned: 2,
                    sets_done: 2,
                    reps_planned: 20,
                    reps_done: 20,
                    skipped: false,
                    work_secs: 100,
                },
                ExerciseRecord {
                    exercise: "cat-cow".into(),
                    sets_planned: 1,
                    sets_done: 0,
                    reps_planned: 10,
                    reps_done: 4,
                    skipped: true,
                    work_secs: 31,
                },
            ],
            tz_offset_min: Some(-300),
            pain_before: Some(4),
            pain_after: Some(6),
            hurts: vec![Hurt {
                exercise: "bridge".into(),
                rating: 5,
                at: 1_795_200_060_000,
            }],
            after_check: Some(AfterCheck::StillHurting),
            updated_at: 1_795_210_000_000,
        }
    }

    /// The same log as this app writes it (schema 4).
    const PACKED: &str = concat!(
        r#"{"schema":4,"saved_at":7,"data":{"records":[{"r":"gentle-start","#,
        r#""n":"A gentle start","s":1795200000000,"k":3735928559,"e":612345,"a":570,"#,
        r#""x":[["bridge",2,2,20,20,0,100],["cat-cow",1,0,10,4,1,31]],"z":-300,"b":4,"#,
        r#""p":6,"h":[{"exercise":"bridge","rating":5,"at":1795200060000}],"#,
        r#""c":"still_hurting","u":10000000}],"#,
        r#""deleted":[{"id":1795100000000,"at":1795150000000}]}}"#
    );

    #[test]
    fn schema_3_is_packed_field_for_field() {
        let (envelope, from) =
            crate::domain::storage::schema::decode_from::<SessionLog>(NAMED).unwrap();
        assert_eq!(from, 3);
        assert_eq!(envelope.data.records, [expected()]);
        assert_eq!(envelope.data.deleted.len(), 1);
        // Written at schema 5 (which added only the weekly totals, left out when empty).
        let packed = PACKED.replacen(r#""schema":4"#, r#""schema":5"#, 1);
        assert_eq!(encode(&envelope.data, 7).unwrap(), packed);
        assert_eq!(decode::<SessionLog>(PACKED).unwrap().data, envelope.data);
    }

    #[test]
    fn what_is_empty_is_left_out() {
        let bare = SessionRecord {
            started_at: 1_795_200_000_000,
            ended_at: 1_795_200_000_000,
            ..SessionRecord::default()
        };
        let text = serde_json::to_string(&bare).unwrap();
        assert_eq!(text, r#"{"r":"","s":1795200000000}"#);
        assert_eq!(serde_json::from_str::<SessionRecord>(&text).unwrap(), bare);
        // A record already compact, in a section upgraded from the first schema (a
        // backup's without its number), is left as it is.
        let log = json!({"records": [serde_json::to_value(expected()).unwrap()]});
        assert_eq!(pack_log(log.clone()), log);
    }

    #[test]
    fn a_value_of_the_wrong_type_is_still_refused() {
        for (field, value) in [
            ("started_at", json!("yesterday")),
            ("started_at", Value::Null),
            ("ended_at", json!(1.5)),
            ("exercises", json!("all of them")),
            (
                "exercises",
                json!([{"exercise": "bridge", "skipped": "yes"}]),
            ),
            (
                "exercises",
                json!([{"exercise": "bridge", "reps_done": -1}]),
            ),
            ("pain_after", json!(300)),
            ("routine_name", json!(5)),
        ] {
            let mut named: Value = serde_json::from_str(NAMED).unwrap();
            named["data"]["records"][0][field] = value.clone();
            let result = decode::<SessionLog>(&named.to_string());
            assert!(result.is_err(), "{field}: {value} was read: {result:?}");
        }
    }

    #[test]
    fn one_bad_entry_of_schema_3_costs_only_itself() {
        let mut named: Value = serde_json::from_str(NAMED).unwrap();
        named["data"]["records"]
            .as_array_mut()
            .unwrap()
            .insert(0, Value::Null);
        let (log, dropped) =
            crate::domain::storage::schema::salvage::<SessionLog>(&named.to_string()).unwrap();
        assert_eq!(dropped, 1);
        assert_eq!(log.records, [expected()]);
    }

    /// Ten years of a session a day, each of six exercises (the six longest ids of the
    /// library), with every field a session can have, fit in 1.5 million characters.
    #[test]
    fn ten_years_of_daily_sessions_fit() {
        let mut ids: Vec<String> = CATALOG.iter().map(|e| e.id.to_string()).collect();
        ids.sort_by_key(|id| std::cmp::Reverse(id.len()));
        let day = 86_400_000;
        let mut log = SessionLog::default();
        for n in 0..3650 {
            let started_at = 1_795_200_000_000 + n * day;
            log.records.push(SessionRecord {
                routine_name: "Morning mobility routine".into(),
                salt: 4_000_000_000 - n as u32,
                exercises: ids[..6]
                    .iter()
                    .map(|id| ExerciseRecord {
                        exercise: id.to_string(),
                        sets_planned: 3,
                        sets_done: 3,
                        reps_planned: 30,
                        reps_done: 30,
                        skipped: false,
                        work_secs: 240,
                    })
                    .collect(),
                ended_at: started_at + 1_234_567,
                updated_at: started_at + 2_345_678,
                started_at,
                hurts: Vec::new(),
                after_check: None,
                ..expected()
            });
        }
        let text = encode(&log, 1_795_200_000_000).unwrap();
        assert!(text.len() <= 1_500_000, "{} characters", text.len());
        let per_session = text.len() / 3650;
        assert!(per_session <= 410, "{per_session} characters a session");
        assert_eq!(decode::<SessionLog>(&text).unwrap().data, log);
    }

    /// Native only: proptest does not build for the browser.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// The record as the app of schema 3 wrote it (serde's derive, named fields).
        fn named(r: &SessionRecord) -> Value {
            let mut v = json!({
                "routine_id": r.routine_id, "routine_name": r.routine_name,
                "started_at": r.started_at, "ended_at": r.ended_at,
                "active_secs": r.active_secs,
                "exercises": r.exercises.iter().map(|e| json!({
                    "exercise": e.exercise, "sets_planned": e.sets_planned,
                    "sets_done": e.sets_done, "reps_planned": e.reps_planned,
                    "reps_done": e.reps_done, "skipped": e.skipped,
                    "work_secs": e.work_secs})).collect::<Vec<_>>(),
                "tz_offset_min": r.tz_offset_min, "pain_before": r.pain_before,
                "pain_after": r.pain_after, "hurts": r.hurts, "after_check": r.after_check,
                "updated_at": r.updated_at,
            });
            if r.salt != 0 {
                v["salt"] = json!(r.salt);
            }
            v
        }

        fn exercise() -> impl Strategy<Value = ExerciseRecord> {
            ("[a-z-]{0,24}", any::<(u16, u16, u32, u32, bool, u32)>()).prop_map(
                |(
                    exercise,
                    (sets_planned, sets_done, reps_planned, reps_done, skipped, work_secs),
                )| {
                    ExerciseRecord {
                        exercise,
                        sets_planned,
                        sets_done,
                        reps_planned,
                        reps_done,
                        skipped,
                        work_secs,
                    }
                },
            )
        }

        fn time() -> impl Strategy<Value = Millis> {
            prop_oneof![
                Just(0),
                any::<Millis>(),
                1_700_000_000_000i64..1_900_000_000_000
            ]
        }

        fn record() -> impl Strategy<Value = SessionRecord> {
            (
                (
                    "[a-z:-]{0,20}",
                    ".{0,12}",
                    time(),
                    any::<u32>(),
                    time(),
                    any::<u32>(),
                ),
                prop::collection::vec(exercise(), 0..8),
                (
                    any::<Option<i32>>(),
                    any::<Option<u8>>(),
                    any::<Option<u8>>(),
                    prop::collection::vec((".{0,8}", any::<u8>(), time()), 0..3),
                    prop::option::of(prop_oneof![
                        Just(AfterCheck::Settled),
                        Just(AfterCheck::StillHurting)
                    ]),
                    time(),
                ),
            )
                .prop_map(
                    |((id, name, started, salt, ended, active), exercises, rest)| {
                        let (tz, before, after, hurts, check, updated) = rest;
                        SessionRecord {
                            routine_id: id,
                            routine_name: name,
                            started_at: started,
                            salt,
                            ended_at: ended,
                            active_secs: active,
                            exercises,
                            tz_offset_min: tz,
                            pain_before: before,
                            pain_after: after,
                            hurts: hurts
                                .into_iter()
                                .map(|(exercise, rating, at)| Hurt {
                                    exercise,
                                    rating,
                                    at,
                                })
                                .collect(),
                            after_check: check,
                            updated_at: updated,
                        }
                    },
                )
        }

        proptest! {
            /// Any session, however odd its times, is stored and read back exactly, and
            /// one written with named fields (schema 3) is read as the same session.
            #[test]
            fn every_session_is_kept_exactly(records in prop::collection::vec(record(), 0..4)) {
                let log = SessionLog { records, ..SessionLog::default() };
                let text = encode(&log, 1).unwrap();
                prop_assert_eq!(&decode::<SessionLog>(&text).unwrap().data, &log);
                let old = json!({"schema": 3, "saved_at": 1, "data": {
                    "records": log.records.iter().map(named).collect::<Vec<_>>()}});
                prop_assert_eq!(&decode::<SessionLog>(&old.to_string()).unwrap().data, &log);
            }
        }
    }
}
