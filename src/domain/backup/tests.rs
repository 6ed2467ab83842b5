//! Tests of the backup: export, the spreadsheet, import and its checks, and combining.

use chrono::NaiveDate;
use serde_json::Value;

use super::csv::{clock_time, csv_cell, BOM};
use super::read::megabytes;
use super::*;
use crate::domain::dates::DAY_MS;
use crate::domain::ids::{Keyed, Log};
use crate::domain::library::exercise::DoseLevel;
use crate::domain::records::activity::ActivityKind;
use crate::domain::records::activity::{Activity, ActivityLog, Tombstone};
use crate::domain::records::safety::SafetyCheck;
use crate::domain::records::session_record::{AfterCheck, ExerciseRecord, Hurt};
use crate::domain::records::session_record::{SessionLog, SessionRecord};
use crate::domain::routines::adjustments::{DoseChange, Plan};
use crate::domain::routines::own_routine::OwnRoutines;
use crate::domain::session::settings::Settings;
use crate::domain::storage::schema::Record;
use crate::domain::test_support::date;
use crate::domain::Millis;
use serde_json::json;

/// 2026-11-21 22:26:40 UTC.
const NOW: Millis = 1_795_300_000_000;
/// 2026-11-03 09:30 UTC.
const NOV_3: Millis = 1_793_698_200_000;
const MINUTE: Millis = 60_000;

fn session(started_at: Millis, name: &str) -> SessionRecord {
    SessionRecord {
        routine_id: "gentle-start".into(),
        routine_name: name.into(),
        started_at,
        salt: 0,
        ended_at: started_at + 10 * MINUTE,
        active_secs: 570,
        exercises: vec![ExerciseRecord {
            exercise: "bridge".into(),
            sets_planned: 2,
            sets_done: 2,
            reps_planned: 20,
            reps_done: 20,
            skipped: false,
            work_secs: 100,
        }],
        tz_offset_min: Some(60),
        pain_before: Some(4),
        pain_after: Some(3),
        hurts: vec![Hurt {
            exercise: "bridge".into(),
            rating: 5,
            at: started_at + MINUTE,
        }],
        after_check: Some(AfterCheck::Settled),
        updated_at: started_at + 30 * MINUTE,
    }
}

fn activity(id: Millis, day: NaiveDate, kind: ActivityKind, minutes: u16) -> Activity {
    Activity {
        id,
        salt: 0,
        day,
        kind,
        minutes,
        note: String::new(),
        updated_at: 0,
    }
}

fn sample() -> Backup {
    let mut b = Backup {
        settings: Settings {
            sound: false,
            voice: true,
            vibration: false,
            describe: Default::default(),
            motion: true,
            ..Settings::default()
        },
        safety_check: SafetyCheck::answered(NOV_3 - 86_400_000, &[], &["lump"]),
        ..Backup::default()
    };
    b.sessions.upsert(session(NOV_3, "A gentle start"));
    b.sessions.upsert(session(NOV_3 + 86_400_000, "Desk break"));
    let mut swim = activity(NOV_3 + 3_600_000, date(2026, 11, 3), ActivityKind::Swim, 35);
    swim.note = "Backstroke, \"easy\" ✓".into();
    swim.updated_at = NOV_3 + 7_200_000;
    b.activities.upsert(swim);
    b.activities.upsert(activity(
        NOV_3 + 90_000_000,
        date(2026, 11, 4),
        ActivityKind::Walk,
        20,
    ));
    b.activities.upsert(activity(
        NOV_3 + 95_000_000,
        date(2026, 11, 4),
        ActivityKind::Ride,
        40,
    ));
    b.activities.remove(NOV_3 + 95_000_000, NOV_3 + 96_000_000);
    b.plan.set_not_for_me(["dead-bug".to_string()], NOV_3);
    b.plan.levels.insert(
        "bridge".into(),
        DoseLevel {
            reps: 12,
            hold_secs: Some(5),
        },
    );
    b.plan.history.push(DoseChange {
        exercise: "bridge".into(),
        at: NOV_3 + 1000,
        from: DoseLevel {
            reps: 10,
            hold_secs: Some(5),
        },
        to: DoseLevel {
            reps: 12,
            hold_secs: Some(5),
        },
        accepted: true,
    });
    b.plan.dismiss_nudge(NOV_3 + 2000);
    b
}

/// A file holding `data` at the schemas of an older app (sessions at 2, with named
/// fields: upgraded to the compact form as they are read).
fn file(data: Value) -> String {
    json!({"app": "steadyback", "format": 1, "exported_at": NOW,
           "schemas": {"settings": 1, "safety_check": 1, "sessions": 2, "activities": 1, "plan": 1},
           "data": data})
    .to_string()
}

/// `session(NOV_3, "A gentle start")` as an app of schema 3 or before wrote it.
fn good_session() -> Value {
    let at = NOV_3;
    json!({"routine_id": "gentle-start", "routine_name": "A gentle start",
           "started_at": at, "ended_at": at + 10 * MINUTE, "active_secs": 570,
           "exercises": [{"exercise": "bridge", "sets_planned": 2, "sets_done": 2,
                          "reps_planned": 20, "reps_done": 20, "skipped": false,
                          "work_secs": 100}],
           "tz_offset_min": 60, "pain_before": 4, "pain_after": 3,
           "hurts": [{"exercise": "bridge", "rating": 5, "at": at + MINUTE}],
           "after_check": "settled", "updated_at": at + 30 * MINUTE})
}

#[test]
fn a_session_with_named_fields_is_read_as_it_was_written() {
    let import = decode(
        &file(json!({"sessions": {"records": [good_session()]}})),
        NOW,
    )
    .unwrap();
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);
    assert_eq!(
        import.backup.sessions.records,
        [session(NOV_3, "A gentle start")]
    );
}

fn good_activity() -> Value {
    serde_json::to_value(activity(NOV_3, date(2026, 11, 3), ActivityKind::Walk, 20)).unwrap()
}

/// The reasons given for `sessions` (each a change to a good session).
fn session_reasons(changes: &[Value]) -> Vec<String> {
    let records: Vec<Value> = changes
        .iter()
        .map(|change| {
            let mut r = good_session();
            for (k, v) in change.as_object().unwrap() {
                r[k] = v.clone();
            }
            r
        })
        .collect();
    let import = decode(&file(json!({"sessions": {"records": records}})), NOW).unwrap();
    import.skipped
}

#[test]
fn export_has_the_documented_shape() {
    let text = export(&sample(), NOW).unwrap();
    assert!(
        text.contains("\n  \"app\": \"steadyback\""),
        "laid out: {text}"
    );
    // Each record of a list on a line of its own, written compactly.
    let sessions = text
        .lines()
        .filter(|l| {
            l.starts_with(r#"        {"r":"gentle-start","n":"#)
                && l.trim_end_matches(',').ends_with('}')
        })
        .count();
    assert_eq!(sessions, 2, "{text}");
    assert!(text.contains("\n      \"see_professional\": [\n        \"lump\"\n      ]"));
    assert!(text.contains("\"deleted\": []"));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["app"], "steadyback");
    assert_eq!(v["format"], 1);
    assert_eq!(v["exported_at"], NOW);
    assert_eq!(
        v["schemas"],
        json!({"settings": 3, "safety_check": 1, "sessions": 5, "activities": 2, "plan": 1, "routines": 1, "exercises": 1})
    );
    let keys: Vec<&String> = v["data"].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "activities",
            "exercises",
            "plan",
            "routines",
            "safety_check",
            "sessions",
            "settings"
        ]
    );
    assert_eq!(v["data"]["activities"]["records"][0]["day"], "2026-11-03");
}

#[test]
fn own_routines_are_kept_checked_merged_and_replaced() {
    use crate::domain::library::catalog;
    use crate::domain::routines::own_routine::OwnItem;
    let bridge = OwnItem::of(catalog::get("bridge").unwrap());
    let mut mine = OwnRoutines::default();
    let id = mine.save(None, "Mine".into(), vec![bridge.clone()], NOW - 10_000, 3);
    mine.pin(Some(&id), NOW - 5_000);
    let backup = Backup {
        routines: mine.clone(),
        ..sample()
    };
    let import = decode(&export(&backup, NOW).unwrap(), NOW).unwrap();
    assert_eq!(import.backup.routines, mine);
    assert!(
        import.summary().contains("1 own routine."),
        "{}",
        import.summary()
    );

    // A file from before own routines: none, and nothing skipped.
    let old = decode(&file(json!({})), NOW).unwrap();
    assert_eq!(old.backup.routines, OwnRoutines::default());

    // A bad routine is left out with a reason; the good one is kept.
    let mut heavy = bridge.clone();
    heavy.sets = 10_000;
    let text = file(json!({"routines": {"records": [
        {"id": 1, "updated_at": 1, "name": "Too much", "items": [heavy]},
        {"id": 2, "updated_at": 2, "name": "  ", "items": [bridge]},
        {"id": 3, "updated_at": 3, "name": "Fine", "items": [bridge]},
        {"id": 4, "updated_at": 4, "name": "Nothing", "items": []},
    ]}}));
    let import = decode(&text, NOW).unwrap();
    assert_eq!(import.backup.routines.records.len(), 1);
    assert_eq!(import.backup.routines.records[0].name, "Fine");
    assert_eq!(import.skipped.len(), 3, "{:?}", import.skipped);
    assert!(
        import.skipped[0].starts_with("Own routine 1 in the file: Bridge"),
        "{:?}",
        import.skipped
    );

    // Merge keeps both sides' routines; replace leaves a tombstone for the one here.
    let mut here = OwnRoutines::default();
    let here_id = here.save(None, "Here".into(), vec![bridge.clone()], NOW - 1_000, 9);
    let current = Backup {
        routines: here,
        ..Backup::default()
    };
    let merged = combine(&current, &backup, Mode::Merge, NOW);
    assert_eq!(merged.routines.records.len(), 2);
    let replaced = combine(&current, &backup, Mode::Replace, NOW);
    assert_eq!(replaced.routines.records.len(), 1);
    assert!(replaced.routines.get(&here_id).is_none());
    assert_eq!(replaced.routines.deleted.len(), 1);

    // The file's pin, or the lack of one, outlasts this tab's in a later merge.
    let mut pinned_here = current.clone();
    pinned_here.routines.pin(Some("desk-break"), NOW + 5_000);
    let replaced = combine(&pinned_here, &backup, Mode::Replace, NOW);
    assert_eq!(replaced.routines.pinned_id(), Some(id.as_str()));
    let mut other_tab = pinned_here.routines.clone();
    other_tab.merge_from(&replaced.routines);
    assert_eq!(
        other_tab.pinned_id(),
        Some(id.as_str()),
        "the file's pin wins the merge"
    );
    let unpinned_file = Backup::default();
    let replaced = combine(&pinned_here, &unpinned_file, Mode::Replace, NOW);
    let mut other_tab = pinned_here.routines.clone();
    other_tab.merge_from(&replaced.routines);
    assert_eq!(
        other_tab.pinned_id(),
        None,
        "no pin in the file: none after"
    );
}

#[test]
fn own_exercises_and_routines_using_them_are_kept_checked_merged_and_replaced() {
    use crate::domain::library::own_exercise::{OwnExercise, OwnExercises};
    use crate::domain::routines::own_routine::OwnItem;
    let clam = OwnExercise {
        name: "Clam".into(),
        steps: vec!["Knees bent, open them apart.".into()],
        ..OwnExercise::default()
    };
    let mut mine = OwnExercises::default();
    let clam_id = mine.save(None, clam.clone(), NOW - 10_000, 4);
    let mut routines = OwnRoutines::default();
    let item = OwnItem {
        exercise: clam_id.clone(),
        ..mine.get(&clam_id).unwrap().item()
    };
    routines.save(None, "With my clam".into(), vec![item], NOW - 9_000, 5);
    let backup = Backup {
        exercises: mine.clone(),
        routines: routines.clone(),
        ..sample()
    };
    // Read on a device that has never seen the exercise: both come in whole.
    let import = decode(&export(&backup, NOW).unwrap(), NOW).unwrap();
    assert_eq!(import.backup.exercises, mine);
    assert_eq!(
        import.backup.routines, routines,
        "the routine keeps its own exercise"
    );
    assert!(
        import.summary().contains("1 own exercise"),
        "{}",
        import.summary()
    );
    assert!(import.skipped.is_empty(), "{:?}", import.skipped);

    // A bad exercise is left out with a reason.
    let good = serde_json::to_value(mine.get(&clam_id).unwrap()).unwrap();
    let mut steps_gone = good.clone();
    steps_gone["steps"] = json!([]);
    steps_gone["id"] = json!(2);
    let mut spaced = good.clone();
    spaced["name"] = json!(" Clam ");
    spaced["id"] = json!(3);
    let text = file(json!({"exercises": {"records": [good, steps_gone, spaced, {"id": "x"}]}}));
    let import = decode(&text, NOW).unwrap();
    assert_eq!(import.backup.exercises.records.len(), 1);
    assert_eq!(import.skipped.len(), 3, "{:?}", import.skipped);
    assert_eq!(
        import.skipped[0],
        "Own exercise 2 in the file: Write at least one step: what to do."
    );

    // Merge keeps both; replace leaves a tombstone for the one here only.
    let mut here = OwnExercises::default();
    let here_id = here.save(None, clam.clone(), NOW - 1_000, 9);
    let current = Backup {
        exercises: here,
        ..Backup::default()
    };
    assert_eq!(
        combine(&current, &backup, Mode::Merge, NOW)
            .exercises
            .records
            .len(),
        2
    );
    let replaced = combine(&current, &backup, Mode::Replace, NOW);
    assert!(replaced.exercises.get(&here_id).is_none());
    assert!(replaced.exercises.get(&clam_id).is_some());
    assert_eq!(replaced.exercises.deleted.len(), 1);
}

#[test]
fn export_then_decode_gives_back_the_same() {
    for backup in [sample(), Backup::default()] {
        let import = decode(&export(&backup, NOW).unwrap(), NOW).unwrap();
        assert_eq!(
            import,
            Import {
                backup,
                skipped: Vec::new(),
                duplicates: 0
            }
        );
    }
}

#[test]
fn file_names_carry_the_day() {
    assert_eq!(
        file_name(date(2026, 11, 21)),
        "steadyback-backup-2026-11-21.json"
    );
    assert_eq!(csv_file_name(date(2026, 1, 5)), "steadyback-2026-01-05.csv");
}

#[test]
fn the_summary_counts_in_plain_words() {
    let import = decode(&export(&sample(), NOW).unwrap(), NOW).unwrap();
    assert_eq!(
        import.summary(),
        "2 sessions, 2 activities, 1 exercise set aside, 1 dose change."
    );
    let mut import = Import {
        backup: Backup::default(),
        skipped: vec!["a".into(), "b".into()],
        duplicates: 1,
    };
    assert_eq!(
        import.summary(),
        "0 sessions, 0 activities, 0 exercises set aside, 0 dose changes. \
         2 records invalid, skipped. 1 duplicate left out."
    );
    import.skipped.pop();
    import.duplicates = 3;
    assert!(import
        .summary()
        .ends_with(" 1 record invalid, skipped. 3 duplicates left out."));
}

#[test]
fn a_file_too_large_is_refused_before_reading() {
    let text = " ".repeat(MAX_BYTES + 1);
    assert_eq!(
        decode(&text, NOW),
        Err(ImportError::TooLarge {
            bytes: MAX_BYTES + 1
        })
    );
    assert_eq!(
        ImportError::TooLarge { bytes: 7_600_000 }.to_string(),
        "This file is 7.2 MB; a Steadyback backup is far smaller. \
         Choose the .json file Steadyback saved."
    );
    let mut padded = export(&sample(), NOW).unwrap();
    padded.push_str(&" ".repeat(MAX_BYTES - padded.len()));
    assert!(decode(&padded, NOW).is_ok(), "exactly the cap is fine");
}

#[test]
fn a_file_nested_too_deeply_is_refused_before_parsing() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(decode(&deep, NOW), Err(ImportError::TooDeep));
    // Unclosed nesting is caught by the scan too.
    assert_eq!(
        decode(&"{\"a\":".repeat(100_000), NOW),
        Err(ImportError::TooDeep)
    );
    // Brackets inside strings do not count.
    let mut b = Backup::default();
    b.sessions.upsert(SessionRecord {
        routine_name: format!("\\\"{}", "[{".repeat(100)),
        ..session(NOV_3, "")
    });
    assert_eq!(decode(&export(&b, NOW).unwrap(), NOW).unwrap().backup, b);
    let at_cap = format!(
        r#"{{"app":"steadyback","format":1,"data":{{"x":{}{}}}}}"#,
        "[".repeat(MAX_DEPTH - 2),
        "]".repeat(MAX_DEPTH - 2)
    );
    assert!(decode(&at_cap, NOW).is_ok());
}

#[test]
fn text_that_is_not_a_backup_is_refused() {
    for text in ["", "{", "hello", "{\"app\":\"steadyback\",}"] {
        assert!(
            matches!(decode(text, NOW), Err(ImportError::NotJson(_))),
            "{text:?}"
        );
    }
    for text in [
        "null",
        "[]",
        "{}",
        "\"steadyback\"",
        r#"{"app":"other","format":1,"data":{}}"#,
        r#"{"app":"Steadyback","format":1,"data":{}}"#,
        r#"{"format":1,"data":{}}"#,
        r#"{"app":"steadyback","data":{}}"#,
        r#"{"app":"steadyback","format":0,"data":{}}"#,
        r#"{"app":"steadyback","format":-1,"data":{}}"#,
        r#"{"app":"steadyback","format":"1","data":{}}"#,
        r#"{"app":"steadyback","format":1.5,"data":{}}"#,
        r#"{"app":"steadyback","format":1}"#,
        r#"{"app":"steadyback","format":1,"data":[]}"#,
        r#"{"app":"steadyback","format":1,"schemas":[],"data":{}}"#,
    ] {
        assert_eq!(decode(text, NOW), Err(ImportError::NotABackup), "{text}");
    }
    // A stored record's envelope is not a backup either.
    let stored = crate::domain::storage::schema::encode(&sample().sessions, NOW).unwrap();
    assert_eq!(decode(&stored, NOW), Err(ImportError::NotABackup));
    assert_eq!(
        ImportError::NotABackup.to_string(),
        "This file is not a Steadyback backup. Choose the .json file Steadyback saved."
    );
}

#[test]
fn a_newer_format_or_schema_is_refused() {
    let newer = r#"{"app":"steadyback","format":2,"data":{}}"#;
    let err = decode(newer, NOW).unwrap_err();
    assert_eq!(err, ImportError::NewerFormat { found: 2 });
    assert_eq!(
        err.to_string(),
        "This backup was made by a newer version of Steadyback (format 2). \
         Update the app, then import it again."
    );
    let huge = r#"{"app":"steadyback","format":18446744073709551615,"data":{}}"#;
    assert!(matches!(
        decode(huge, NOW),
        Err(ImportError::NewerFormat { .. })
    ));

    let mut v: Value = serde_json::from_str(&export(&sample(), NOW).unwrap()).unwrap();
    v["schemas"]["sessions"] = json!(6);
    let err = decode(&v.to_string(), NOW).unwrap_err();
    assert_eq!(
        err,
        ImportError::NewerSection {
            section: "sessions".into(),
            found: 6
        }
    );
    assert_eq!(
        err.to_string(),
        "Part of this backup (sessions) was saved by a newer version of Steadyback. \
         Update the app, then import it again."
    );
    // Refused even when a section read before it is fine, and even when empty.
    let mut v: Value = serde_json::from_str(&export(&sample(), NOW).unwrap()).unwrap();
    v["schemas"]["plan"] = json!(2);
    v["data"]["plan"] = json!({});
    assert!(matches!(
        decode(&v.to_string(), NOW),
        Err(ImportError::NewerSection { .. })
    ));
}

#[test]
fn a_damaged_section_is_refused_with_its_name() {
    let cases = [
        (json!({"sessions": 0}), json!({"records": []})),
        (json!({"sessions": "2"}), json!({"records": []})),
        (json!({"sessions": 1}), json!({"records": 5})),
        (json!({"sessions": 1}), json!([])),
        (json!({"sessions": 2}), json!({"records": 5})),
        (json!({"sessions": 2}), json!("records")),
    ];
    for (schemas, sessions) in cases {
        let text = json!({"app": "steadyback", "format": 1, "schemas": schemas,
                          "data": {"sessions": sessions}})
        .to_string();
        let err = decode(&text, NOW).unwrap_err();
        assert!(
            matches!(&err, ImportError::Damaged { section, .. } if section == "sessions"),
            "{text} → {err:?}"
        );
        assert!(err
            .to_string()
            .starts_with("Part of this backup (sessions) can't be read: "));
    }
    let text = file(json!({"activities": {"records": [], "deleted": {}}}));
    assert!(matches!(
        decode(&text, NOW),
        Err(ImportError::Damaged { .. })
    ));
    let text = file(json!({"plan": []}));
    assert!(matches!(
        decode(&text, NOW),
        Err(ImportError::Damaged { .. })
    ));
}

#[test]
fn missing_sections_are_empty_and_unknown_fields_ignored() {
    let text = r#"{"app":"steadyback","format":1,"data":{}}"#;
    assert_eq!(decode(text, NOW).unwrap().backup, Backup::default());
    let text = r#"{"app":"steadyback","format":1,"data":{"sessions":null,"plan":null}}"#;
    assert_eq!(decode(text, NOW).unwrap().backup, Backup::default());

    let mut v: Value = serde_json::from_str(&export(&sample(), NOW).unwrap()).unwrap();
    v["comment"] = json!("from a later app");
    v["schemas"]["photos"] = json!(9);
    v["data"]["photos"] = json!([1, 2, 3]);
    v["data"]["settings"]["colour"] = json!("dark");
    v["data"]["sessions"]["records"][0]["mood"] = json!({"calm": true});
    v["data"]["sessions"]["index"] = json!({});
    v["data"]["activities"]["records"][1]["weather"] = json!("rain");
    v["data"]["plan"]["goals"] = json!(["walk"]);
    v["data"]["plan"]["levels"]["bridge"]["tempo"] = json!(2);
    let import = decode(&v.to_string(), NOW).unwrap();
    assert_eq!(import.backup, sample());
    assert!(import.skipped.is_empty());
}

#[test]
fn a_schema_1_sessions_section_is_migrated() {
    // The sessions as the app of issue 4 wrote them, in a backup.
    let text = r#"{"app":"steadyback","format":1,"exported_at":1795300000000,
        "schemas":{"sessions":1},
        "data":{"sessions":{"records":[
          {"routine_id":"desk-break","routine_name":"Desk break","started_at":1793698200000,
           "ended_at":1793698600000,"active_secs":380,"exercises":[
             {"exercise":"wall-stand","sets_planned":1,"sets_done":0,"reps_planned":3,
              "reps_done":2,"skipped":true,"work_secs":75}]}]}}}"#;
    let import = decode(text, NOW).unwrap();
    assert!(import.skipped.is_empty());
    let r = &import.backup.sessions.records[0];
    assert_eq!(r.started_at, NOV_3);
    assert_eq!(r.active_secs, 380);
    assert_eq!(
        (r.tz_offset_min, r.pain_before, r.updated_at),
        (None, None, 0)
    );
    assert!(r.hurts.is_empty());
    // Without any schema numbers, the sections are read as schema 1.
    let bare = text.replace(r#""schemas":{"sessions":1},"#, "");
    assert_eq!(decode(&bare, NOW).unwrap(), import);
}

#[test]
fn each_session_is_checked_on_its_own() {
    let reasons = session_reasons(&[
        json!({}),
        json!({"started_at": 946_684_799_999_i64, "ended_at": 946_684_899_999_i64}),
        json!({"started_at": NOW + 86_400_001, "ended_at": NOW + 86_500_000}),
        json!({"started_at": Value::Null}),
        json!({"ended_at": NOV_3 - 1}),
        json!({"active_secs": 661}),
        json!({"pain_before": 11}),
        json!({"pain_after": 12}),
        json!({"pain_after": -1}),
        json!({"hurts": [{"exercise": "bridge", "rating": 5}, {"rating": 40}]}),
        json!({"tz_offset_min": 900}),
        json!({"tz_offset_min": -841}),
        json!({"exercises": "all of them"}),
        json!({"after_check": "maybe"}),
        json!({"routine_name": 5}),
        json!({"active_secs": -5}),
    ]);
    assert_eq!(
        reasons,
        [
            "Session 2 in the file: its date is before 2000.",
            "Session 3 in the file: its date is in the future.",
            "Session 4 in the file can't be read.",
            "Session of 3 Nov 2026: it ends before it starts.",
            "Session of 3 Nov 2026: its exercise time is longer than the session.",
            "Session of 3 Nov 2026: pain before 11 is not between 0 and 10.",
            "Session of 3 Nov 2026: pain after 12 is not between 0 and 10.",
            "Session 9 in the file can't be read.",
            "Session of 3 Nov 2026: a pain rating of 40 is not between 0 and 10.",
            "Session of 3 Nov 2026: its clock is 15 hours from UTC, more than 14.",
            "Session of 3 Nov 2026: its clock is 14 hours from UTC, more than 14.",
            "Session 13 in the file can't be read.",
            "Session 14 in the file can't be read.",
            "Session 15 in the file can't be read.",
            "Session 16 in the file can't be read.",
        ]
    );
    // The limits themselves pass: 10 minutes long, 11 minutes of exercise, 0 and 10,
    // 14 hours either way, the day after now.
    let ok = session_reasons(&[
        json!({"active_secs": 660, "pain_before": 0, "pain_after": 10}),
        json!({"started_at": NOV_3 + 1, "tz_offset_min": 840}),
        json!({"started_at": NOV_3 + 2, "tz_offset_min": -840}),
        json!({"started_at": NOW + 86_400_000, "ended_at": NOW + 86_400_000,
               "active_secs": 60}),
        json!({"started_at": 946_684_800_000_i64, "ended_at": 946_684_800_000_i64,
               "active_secs": 0}),
    ]);
    assert!(ok.is_empty(), "{ok:?}");
}

#[test]
fn a_bad_session_costs_only_itself() {
    let mut bad = good_session();
    bad["pain_after"] = json!(12);
    let mut other = good_session();
    other["started_at"] = json!(NOV_3 + 86_400_000);
    other["ended_at"] = json!(NOV_3 + 86_400_000 + 600_000);
    let import = decode(&file(json!({"sessions": {"records": [bad, other]}})), NOW).unwrap();
    assert_eq!(import.backup.sessions.records.len(), 1);
    assert_eq!(
        import.backup.sessions.records[0].started_at,
        NOV_3 + 86_400_000
    );
    assert_eq!(
        import.skipped,
        ["Session of 3 Nov 2026: pain after 12 is not between 0 and 10."]
    );
}

#[test]
fn each_activity_is_checked_on_its_own() {
    let changes = [
        json!({"minutes": 0}),
        json!({"minutes": 601}),
        json!({"minutes": 100_000}),
        json!({"day": "1999-12-31"}),
        json!({"day": "2026-11-23"}),
        json!({"day": "3 Nov 2026"}),
        json!({"note": "é".repeat(201)}),
        json!({"kind": "yoga"}),
        json!({"kind": "a very long kind of activity name indeed"}),
        json!({"kind": 3}),
        json!({"id": "one"}),
        json!({"minutes": 20, "note": "é".repeat(200), "kind": "ride", "day": "2026-11-22"}),
        json!({"day": "2000-01-01"}),
    ];
    let records: Vec<Value> = changes
        .iter()
        .enumerate()
        .map(|(i, change)| {
            let mut a = good_activity();
            a["id"] = json!(NOV_3 + i64::try_from(i).unwrap());
            for (k, v) in change.as_object().unwrap() {
                a[k] = v.clone();
            }
            a
        })
        .collect();
    let import = decode(&file(json!({"activities": {"records": records}})), NOW).unwrap();
    assert_eq!(
        import.skipped,
        [
            "Activity of 3 Nov 2026: 0 minutes is not between 1 and 600.",
            "Activity of 3 Nov 2026: 601 minutes is not between 1 and 600.",
            "Activity 3 in the file can't be read.",
            "Activity 4 in the file: its date is before 2000.",
            "Activity 5 in the file: its date is in the future.",
            "Activity 6 in the file can't be read.",
            "Activity of 3 Nov 2026: its note is longer than 200 characters.",
            "Activity 8 in the file can't be read.",
            "Activity 9 in the file can't be read.",
            "Activity 10 in the file can't be read.",
            "Activity 11 in the file can't be read.",
        ]
    );
    let days: Vec<NaiveDate> = import
        .backup
        .activities
        .records
        .iter()
        .map(|a| a.day)
        .collect();
    assert_eq!(days, [date(2000, 1, 1), date(2026, 11, 22)]);
}

#[test]
fn the_plan_is_checked_entry_by_entry() {
    let level = |reps: i64, hold: Option<i64>| json!({"reps": reps, "hold_secs": hold});
    let change = |exercise: Value, from: Value| {
        json!({"exercise": exercise, "at": NOV_3, "from": from,
               "to": {"reps": 12, "hold_secs": null}, "accepted": true})
    };
    let plan = json!({
        "not_for_me": ["dead-bug", "", "   ", "x".repeat(101), 7, "y".repeat(100)],
        "levels": {
            "bridge": level(12, Some(5)),
            "crunch": level(0, None),
            "plank": level(101, None),
            "hold-0": level(5, Some(0)),
            "hold-long": level(5, Some(601)),
            "": level(5, None),
            "odd": {"reps": "five"},
        },
        "history": [
            change(json!("bridge"), level(10, Some(5))),
            change(json!("bridge"), level(10, Some(5))),
            change(json!("plank"), level(0, None)),
            change(json!(""), level(10, None)),
            change(Value::Null, level(10, None)),
            change(json!("bridge2"), json!("ten")),
        ],
        "nudge_dismissed_at": NOV_3,
        "updated_at": NOV_3 + 5,
    });
    let import = decode(&file(json!({"plan": plan})), NOW).unwrap();
    assert_eq!(
        import.skipped,
        [
            "An exercise set aside has no name.",
            "An exercise set aside has no name.",
            "An exercise set aside has a name longer than 100 characters.",
            "An exercise set aside has no name.",
            "A dose has no name.",
            "Dose of crunch: 0 reps is not between 1 and 100.",
            "Dose of hold-0: a 0 s hold is not between 1 and 600 seconds.",
            "Dose of hold-long: a 601 s hold is not between 1 and 600 seconds.",
            "Dose of odd can't be read.",
            "Dose of plank: 101 reps is not between 1 and 100.",
            "Dose change of plank on 3 Nov 2026: 0 reps is not between 1 and 100.",
            "A dose change has no name.",
            "Dose change 5 in the file can't be read.",
            "Dose change 6 in the file can't be read.",
        ]
    );
    assert_eq!(import.duplicates, 1, "the same answer twice");
    let p = &import.backup.plan;
    assert_eq!(p.not_for_me.len(), 2);
    assert!(p.is_not_for_me("dead-bug"));
    assert_eq!(p.levels.keys().collect::<Vec<_>>(), ["bridge"]);
    assert_eq!(p.history.len(), 1);
    assert_eq!(
        (p.nudge_dismissed_at, p.updated_at),
        (Some(NOV_3), NOV_3 + 5)
    );
}

#[test]
fn a_plan_part_of_the_wrong_kind_is_noted() {
    let plan = json!({"not_for_me": "bridge", "levels": [], "history": {}, "updated_at": 3});
    let import = decode(&file(json!({"plan": plan})), NOW).unwrap();
    assert_eq!(
        import.skipped,
        [
            "The exercises set aside can't be read.",
            "The doses can't be read.",
            "The dose changes can't be read.",
        ]
    );
    assert_eq!(
        import.backup.plan,
        Plan {
            updated_at: 3,
            ..Plan::default()
        }
    );
}

#[test]
fn unreadable_settings_or_safety_check_fall_back_with_a_reason() {
    let text = file(json!({"settings": {"sound": "loud"}, "safety_check": {"urgent": "all"}}));
    let import = decode(&text, NOW).unwrap();
    assert_eq!(import.backup.settings, Settings::default());
    assert_eq!(import.backup.safety_check, SafetyCheck::default());
    assert_eq!(import.skipped.len(), 2);
    assert!(import.skipped[0].starts_with("The sound, voice and vibration settings"));
}

#[test]
fn duplicates_are_counted_and_the_newest_kept() {
    let mut old = good_session();
    old["updated_at"] = json!(NOV_3 + 1_000_000);
    old["pain_after"] = json!(1);
    let mut new = good_session();
    new["updated_at"] = json!(NOV_3 + 2_000_000);
    new["pain_after"] = json!(2);
    let mut walk = good_activity();
    walk["updated_at"] = json!(NOV_3 + 9);
    walk["minutes"] = json!(45);
    let text = file(json!({
        "sessions": {"records": [new.clone(), old, new]},
        "activities": {"records": [good_activity(), walk, good_activity()]},
    }));
    let import = decode(&text, NOW).unwrap();
    assert_eq!(import.duplicates, 4);
    assert!(import.skipped.is_empty());
    assert_eq!(import.backup.sessions.records.len(), 1);
    assert_eq!(import.backup.sessions.records[0].pain_after, Some(2));
    assert_eq!(import.backup.activities.records.len(), 1);
    assert_eq!(import.backup.activities.records[0].minutes, 45);
    assert!(import.summary().ends_with(" 4 duplicates left out."));
}

#[test]
fn activities_logged_in_the_same_millisecond_by_two_tabs_are_not_duplicates() {
    // Two tabs logged a walk at the same moment: their salts tell them apart, and the
    // merge keeps both, so the summary must not call one a duplicate.
    let mut other_tab = good_activity();
    other_tab["salt"] = json!(7);
    let text = file(json!({"activities": {"records": [good_activity(), other_tab]}}));
    let import = decode(&text, NOW).unwrap();
    assert_eq!(import.duplicates, 0);
    assert_eq!(import.backup.activities.records.len(), 2);
}

#[test]
fn times_in_the_future_are_brought_back_so_later_edits_still_win() {
    let far = i64::MAX / 2;
    let mut backup = Backup::default();
    let mut session = SessionRecord {
        routine_id: "gentle-start".into(),
        started_at: NOW - 3_600_000,
        ended_at: NOW - 3_000_000,
        active_secs: 300,
        ..SessionRecord::default()
    };
    session.updated_at = far;
    backup.sessions.upsert(session);
    backup.plan.updated_at = far;
    backup.plan.nudge_dismissed_at = Some(far);
    let mut text: Value = serde_json::from_str(&export(&backup, NOW).unwrap()).unwrap();
    text["data"]["activities"]["records"] = json!([
        {"id": far, "day": "2026-11-20", "kind": "walk", "minutes": 10, "note": ""},
        {"id": NOW - 5, "updated_at": far, "day": "2026-11-20", "kind": "walk", "minutes": 12}
    ]);
    let import = decode(&text.to_string(), NOW).unwrap();
    let b = import.backup;
    assert_eq!(b.sessions.records[0].updated_at, NOW + DAY_MS);
    assert_eq!(b.plan.updated_at, NOW + DAY_MS);
    assert_eq!(b.plan.nudge_dismissed_at, Some(NOW + DAY_MS));
    assert_eq!(
        b.activities.records.len(),
        1,
        "an id in the future is skipped"
    );
    assert_eq!(b.activities.records[0].updated_at, NOW + DAY_MS);
    assert!(import.skipped.iter().any(|r| r.contains("in the future")));
}

#[test]
fn tombstones_in_a_file_are_kept_and_applied() {
    let mut gone = good_activity();
    gone["id"] = json!(NOV_3 + 1);
    let text = file(json!({"activities": {
        "records": [good_activity(), gone],
        "deleted": [{"id": NOV_3 + 1, "at": NOV_3 + 5}, {"id": "x"}, 7],
    }}));
    let log = decode(&text, NOW).unwrap().backup.activities;
    assert_eq!(log.records.len(), 1);
    assert_eq!(
        log.deleted,
        [Tombstone {
            id: NOV_3 + 1,
            salt: 0,
            at: NOV_3 + 5
        }]
    );
}

#[test]
fn merge_keeps_both_sides_and_replace_takes_the_file() {
    let current = sample();
    let mut imported = Backup {
        settings: Settings {
            sound: true,
            voice: false,
            vibration: true,
            describe: Default::default(),
            motion: true,
            ..Settings::default()
        },
        safety_check: SafetyCheck::answered(NOV_3, &["chest-pain"], &[]),
        ..Backup::default()
    };
    imported
        .sessions
        .upsert(session(NOV_3 - 86_400_000, "Older"));
    let mut edited = session(NOV_3, "A gentle start");
    edited.pain_after = Some(1);
    edited.updated_at = NOW;
    imported.sessions.upsert(edited.clone());
    imported.activities.upsert(activity(
        NOV_3 - 5,
        date(2026, 11, 2),
        ActivityKind::Other,
        15,
    ));
    imported
        .plan
        .set_not_for_me(["pelvic-tilt".to_string()], NOV_3 - 10);

    let merged = combine(&current, &imported, Mode::Merge, NOW);
    assert_eq!(merged.settings, current.settings);
    assert_eq!(merged.safety_check, current.safety_check);
    assert_eq!(merged.sessions.records.len(), 3);
    assert_eq!(merged.sessions.get(NOV_3), Some(&edited), "the newer edit");
    assert_eq!(merged.activities.records.len(), 3);
    assert_eq!(merged.activities.deleted, current.activities.deleted);
    assert!(
        merged.plan.is_not_for_me("dead-bug") && !merged.plan.is_not_for_me("pelvic-tilt"),
        "the plan changed later is kept"
    );
    // Replace: the file's records, and a tombstone for each one here that the file does
    // not have, so another tab that still holds them can't bring them back.
    let replaced = combine(&current, &imported, Mode::Replace, NOW);
    assert_eq!(replaced.sessions.records, imported.sessions.records);
    assert_eq!(replaced.activities.records, imported.activities.records);
    assert_eq!(
        (replaced.settings, &replaced.plan),
        (imported.settings.clone(), &imported.plan)
    );
    let gone: Vec<Millis> = replaced.sessions.deleted.iter().map(|t| t.id).collect();
    let here_only: Vec<Millis> = current
        .sessions
        .records
        .iter()
        .filter(|r| imported.sessions.get(r.id()).is_none())
        .map(|r| r.started_at)
        .collect();
    assert!(!here_only.is_empty());
    assert_eq!(gone, here_only);
    let mut other_tab = current.sessions.clone();
    other_tab.merge_from(&replaced.sessions);
    assert_eq!(
        other_tab.records, imported.sessions.records,
        "another tab's copy merged with the replaced log keeps the removal"
    );
    assert!(replaced
        .activities
        .deleted
        .iter()
        .all(|t| replaced.activities.get(t.record()).is_none()));

    // An unanswered safety check takes the imported answers.
    let fresh = Backup::default();
    let merged = combine(&fresh, &imported, Mode::Merge, NOW);
    assert_eq!(merged.safety_check, imported.safety_check);
    assert_eq!(merged.settings, Settings::default());
    // Merging the same file twice changes nothing more.
    let twice = combine(&merged, &imported, Mode::Merge, NOW);
    assert_eq!(twice, merged);
}

#[test]
fn csv_lists_sessions_and_activities_oldest_first() {
    let mut b = sample();
    // A record from before the offset was kept: the fallback (UTC-5) applies.
    b.sessions.upsert(SessionRecord {
        tz_offset_min: None,
        pain_before: None,
        pain_after: None,
        active_secs: 89,
        ..session(NOV_3 - 86_400_000, "Old one")
    });
    let text = csv(&b.sessions, &b.activities, -300);
    // A UTF-8 byte-order mark first, so spreadsheets read the ✓ and other non-ASCII
    // text right.
    let text = text.strip_prefix(BOM).expect("a byte-order mark");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines,
        [
            "type,date,time,what,minutes,pain_before,pain_after,note",
            "session,2026-11-02,04:30,Old one,1,,,",
            "session,2026-11-03,10:30,A gentle start,10,4,3,",
            "activity,2026-11-03,,Swim,35,,,\"Backstroke, \"\"easy\"\" ✓\"",
            "session,2026-11-04,10:30,Desk break,10,4,3,",
            "activity,2026-11-04,,Walk,20,,,",
            "",
        ]
    );
    assert_eq!(
        csv(&SessionLog::default(), &ActivityLog::default(), 0),
        "\u{feff}type,date,time,what,minutes,pain_before,pain_after,note\r\n"
    );
}

#[test]
fn csv_cells_are_quoted_and_guarded_against_formulas() {
    let cases = [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("=1+2", "'=1+2"),
        ("+44 123", "'+44 123"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        ),
        ("=a,b", "\"'=a,b\""),
        ("a=b", "a=b"),
        ("née ✓", "née ✓"),
    ];
    for (text, cell) in cases {
        assert_eq!(csv_cell(text), cell, "{text:?}");
    }
    let mut log = ActivityLog::default();
    let mut a = activity(NOV_3, date(2026, 11, 3), ActivityKind::Other, 5);
    a.note = "=cmd|' /C calc'!A0".into();
    log.upsert(a);
    let text = csv(&SessionLog::default(), &log, 0);
    assert!(text.ends_with(",'=cmd|' /C calc'!A0\r\n"), "{text}");
}

#[test]
fn clock_times_are_local_and_wrap_around_midnight() {
    assert_eq!(clock_time(NOV_3, 0), "09:30");
    assert_eq!(clock_time(NOV_3, 60), "10:30");
    assert_eq!(clock_time(NOV_3, -600), "23:30");
    assert_eq!(clock_time(NOV_3, 840), "23:30");
    assert_eq!(clock_time(0, 0), "00:00");
    assert_eq!(clock_time(-1, 0), "23:59");
    assert_eq!(
        clock_time(Millis::MAX, i32::MAX),
        clock_time(Millis::MAX, 0)
    );
}

#[test]
fn megabytes_have_one_decimal() {
    assert_eq!(megabytes(MAX_BYTES + 1), "5.0 MB");
    assert_eq!(megabytes(7_600_000), "7.2 MB");
    assert!(megabytes(usize::MAX).ends_with(" MB"));
}

/// Property tests: native only, as proptest does not build for the browser.
#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use crate::domain::dates::{local_day, EARLIEST_MS};
    use crate::domain::records::activity::MAX_MINUTES;
    use proptest::prelude::*;

    fn settings() -> impl Strategy<Value = Settings> {
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(sound, voice, vibration)| {
            Settings {
                sound,
                voice,
                vibration,
                describe: Default::default(),
                motion: true,
                ..Settings::default()
            }
        })
    }

    fn safety_check() -> impl Strategy<Value = SafetyCheck> {
        (
            proptest::option::of(EARLIEST_MS..NOW),
            prop::collection::vec("[a-z-]{1,12}", 0..3),
            prop::collection::vec("[a-z-]{1,12}", 0..3),
        )
            .prop_map(|(answered_at, urgent, see_professional)| SafetyCheck {
                answered_at,
                urgent,
                see_professional,
            })
    }

    fn pain() -> impl Strategy<Value = Option<u8>> {
        proptest::option::of(0u8..=10)
    }

    fn session_record() -> impl Strategy<Value = SessionRecord> {
        (
            (
                EARLIEST_MS..NOW + DAY_MS,
                0i64..7_200_000,
                0u32..7_200,
                ".{0,24}",
            ),
            (proptest::option::of(-840i32..=840), pain(), pain()),
            prop::collection::vec(("[a-z-]{0,12}", 0u8..=10, (i64::MIN / 4..NOW)), 0..3),
            (
                proptest::option::of(prop_oneof![
                    Just(AfterCheck::Settled),
                    Just(AfterCheck::StillHurting)
                ]),
                (i64::MIN / 4..NOW),
            ),
            prop::collection::vec(
                ("[a-z-]{0,12}", any::<u16>(), any::<u32>(), any::<bool>()),
                0..3,
            ),
        )
            .prop_map(
                |(
                    (started_at, length, active, name),
                    (tz_offset_min, pain_before, pain_after),
                    hurts,
                    (after_check, updated_at),
                    exercises,
                )| {
                    let ended_at = started_at + length;
                    let longest = u32::try_from(length / 1000 + 60).unwrap();
                    SessionRecord {
                        routine_id: name.chars().rev().collect(),
                        routine_name: name,
                        started_at,
                        salt: 0,
                        ended_at,
                        active_secs: active.min(longest),
                        exercises: exercises
                            .into_iter()
                            .map(|(exercise, sets, reps, skipped)| ExerciseRecord {
                                exercise,
                                sets_planned: sets,
                                sets_done: sets / 2,
                                reps_planned: reps,
                                reps_done: reps / 3,
                                skipped,
                                work_secs: reps / 7,
                            })
                            .collect(),
                        tz_offset_min,
                        pain_before,
                        pain_after,
                        hurts: hurts
                            .into_iter()
                            .map(|(exercise, rating, at)| Hurt {
                                exercise,
                                rating,
                                at,
                            })
                            .collect(),
                        after_check,
                        updated_at,
                    }
                },
            )
    }

    fn sessions() -> impl Strategy<Value = SessionLog> {
        prop::collection::vec(session_record(), 0..6).prop_map(|records| {
            let mut log = SessionLog::default();
            for r in records {
                log.upsert(r);
            }
            log
        })
    }

    fn kind() -> impl Strategy<Value = ActivityKind> {
        prop::sample::select(ActivityKind::ALL.to_vec())
    }

    fn activities() -> impl Strategy<Value = ActivityLog> {
        let earliest = date(2000, 1, 1);
        let days = (local_day(NOW, 0) - earliest).num_days() + 1;
        let op = (
            any::<bool>(),
            0i64..1_000,
            0..=days,
            kind(),
            1u16..=MAX_MINUTES,
            ".{0,40}",
            (i64::MIN / 4..NOW),
        );
        prop::collection::vec(op, 0..8).prop_map(move |ops| {
            let mut log = ActivityLog::default();
            for (keep, id, back, kind, minutes, note, at) in ops {
                let id = NOV_3 + id;
                if keep {
                    log.upsert(Activity {
                        id,
                        salt: 0,
                        day: earliest + chrono::TimeDelta::days(back),
                        kind,
                        minutes,
                        note,
                        updated_at: at,
                    });
                } else {
                    log.remove(id, at);
                }
            }
            log
        })
    }

    fn level() -> impl Strategy<Value = DoseLevel> {
        (1u16..=100, proptest::option::of(1u16..=600))
            .prop_map(|(reps, hold_secs)| DoseLevel { reps, hold_secs })
    }

    fn plan() -> impl Strategy<Value = Plan> {
        (
            prop::collection::btree_set("[a-z-]{1,20}", 0..3),
            prop::collection::btree_map("[a-z-]{1,20}", level(), 0..3),
            prop::collection::vec(
                (
                    "[a-z-]{1,12}",
                    (i64::MIN / 4..NOW),
                    level(),
                    level(),
                    any::<bool>(),
                ),
                0..4,
            ),
            proptest::option::of(i64::MIN / 4..NOW),
            (i64::MIN / 4..NOW),
        )
            .prop_map(
                |(not_for_me, levels, history, nudge_dismissed_at, updated_at)| {
                    let mut plan = Plan {
                        not_for_me,
                        levels,
                        nudge_dismissed_at,
                        updated_at,
                        ..Plan::default()
                    };
                    for (exercise, at, from, to, accepted) in history {
                        if !plan
                            .history
                            .iter()
                            .any(|c| c.exercise == exercise && c.at == at)
                        {
                            plan.history.push(DoseChange {
                                exercise,
                                at,
                                from,
                                to,
                                accepted,
                            });
                        }
                    }
                    // Oldest first, as answers are made.
                    plan.history
                        .sort_by(|a, b| (a.at, &a.exercise).cmp(&(b.at, &b.exercise)));
                    plan
                },
            )
    }

    fn backup() -> impl Strategy<Value = Backup> {
        (settings(), safety_check(), sessions(), activities(), plan()).prop_map(
            |(settings, safety_check, sessions, activities, plan)| Backup {
                settings,
                safety_check,
                sessions,
                activities,
                plan,
                routines: OwnRoutines::default(),
                exercises: Default::default(),
            },
        )
    }

    /// Small JSON values, with the keys and values a backup has.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            (i64::MIN / 4..NOW).prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (0i64..4).prop_map(Value::from),
            (EARLIEST_MS..NOW + 2 * DAY_MS).prop_map(Value::from),
            Just(Value::from("steadyback")),
            Just(Value::from("2026-11-03")),
            Just(Value::from("walk")),
            ".{0,12}".prop_map(Value::from),
        ];
        let keys = prop_oneof![
            prop::sample::select(vec![
                "app",
                "format",
                "schemas",
                "data",
                "settings",
                "safety_check",
                "sessions",
                "activities",
                "plan",
                "records",
                "deleted",
                "started_at",
                "ended_at",
                "active_secs",
                "pain_after",
                "hurts",
                "rating",
                "tz_offset_min",
                "id",
                "day",
                "kind",
                "minutes",
                "note",
                "levels",
                "history",
                "not_for_me",
                "reps",
                "hold_secs",
                "exercise",
                "at",
            ])
            .prop_map(str::to_string),
            "[a-z_]{1,8}",
        ];
        leaf.prop_recursive(4, 48, 5, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
                prop::collection::btree_map(keys.clone(), inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn export_then_decode_gives_back_the_same(b in backup(), at in any::<i64>()) {
            let import = decode(&export(&b, at).unwrap(), NOW).unwrap();
            prop_assert_eq!(&import.backup, &b);
            prop_assert!(import.skipped.is_empty(), "{:?}", import.skipped);
            prop_assert_eq!(import.duplicates, 0);
            // Importing into itself, or into nothing, changes nothing.
            prop_assert_eq!(&combine(&b, &import.backup, Mode::Merge, NOW), &b);
            prop_assert_eq!(&combine(&b, &import.backup, Mode::Replace, NOW), &b);
        }

        #[test]
        fn mutated_exports_never_panic(
            b in backup(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..8, ".{0,4}"), 1..4),
        ) {
            let mut text = export(&b, NOW).unwrap();
            for (at, cut, insert) in edits {
                let mut start = at.index(text.len() + 1);
                while !text.is_char_boundary(start) {
                    start -= 1;
                }
                let mut end = (start + cut).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(start..end, &insert);
            }
            if let Ok(import) = decode(&text, NOW) {
                let _ = import.summary();
                let _ = csv(&import.backup.sessions, &import.backup.activities, 0);
            }
        }
    }

    proptest! {
        #[test]
        fn decode_never_panics_on_any_text(text in "\\PC{0,200}", bytes in ".{0,64}") {
            let _ = decode(&text, NOW);
            let _ = decode(&bytes, NOW);
            let _ = decode(&format!(r#"{{"app":"steadyback","format":1,"data":{text}}}"#), NOW);
        }

        #[test]
        fn decode_never_panics_on_any_json(
            whole in json(),
            schemas in json(),
            data in json(),
            now in any::<i64>(),
        ) {
            let _ = decode(&whole.to_string(), now);
            let file = serde_json::json!({
                "app": "steadyback", "format": 1, "schemas": schemas, "data": data,
            });
            if let Ok(import) = decode(&file.to_string(), now) {
                let _ = import.summary();
            }
            // Each section's data on its own, at each schema.
            for key in ["settings", "safety_check", "sessions", "activities", "plan"] {
                for schema in 0..4 {
                    let file = serde_json::json!({
                        "app": "steadyback", "format": 1,
                        "schemas": {key: schema}, "data": {key: data.clone()},
                    });
                    match decode(&file.to_string(), NOW) {
                        Ok(import) => prop_assert!(!import.summary().is_empty()),
                        Err(e) => prop_assert!(!e.to_string().is_empty()),
                    }
                }
            }
        }

        #[test]
        fn csv_has_one_line_per_record(b in backup(), offset in -840i32..=840) {
            let text = csv(&b.sessions, &b.activities, offset);
            prop_assert!(text.ends_with("\r\n"));
            // Every field is quoted when it holds a line break, so records are the
            // CRLFs outside quotes.
            let mut quoted = false;
            let mut rows = 0;
            let mut last = '\0';
            for c in text.chars() {
                if c == '"' {
                    quoted = !quoted;
                } else if c == '\n' && last == '\r' && !quoted {
                    rows += 1;
                }
                last = c;
            }
            prop_assert_eq!(rows, 1 + b.sessions.records.len() + b.activities.records.len());
        }
    }
}

#[test]
fn replace_keeps_what_the_file_has_even_where_this_device_deleted_it() {
    // This device logged a walk and deleted it; the file (an older backup) has it.
    let walk = activity(NOV_3, date(2026, 11, 3), ActivityKind::Walk, 20);
    let mut current = Backup::default();
    current.activities.upsert(walk.clone());
    current.activities.remove(walk.key(), NOV_3 + 10 * MINUTE);
    let mut file = Backup::default();
    file.activities.upsert(walk.clone());
    file.sessions.upsert(session(NOV_3, "A gentle start"));
    let replaced = combine(&current, &file, Mode::Replace, NOW);
    assert_eq!(
        replaced.activities.records.len(),
        1,
        "the file's walk is kept"
    );
    assert!(replaced.activities.deleted.is_empty());
    // Another tab still holds the deletion: merging keeps the walk.
    let mut other_tab = current.activities.clone();
    other_tab.merge_from(&replaced.activities);
    assert_eq!(other_tab.records.len(), 1);

    // Undo is a replace with the copy from before: the walk goes again, and the
    // session the import brought is removed, in this tab and any other.
    let undone = combine(&replaced, &current, Mode::Replace, NOW + MINUTE);
    assert!(undone.activities.records.is_empty());
    assert!(undone.sessions.records.is_empty());
    let mut tab_with_import = replaced.clone();
    tab_with_import.sessions.merge_from(&undone.sessions);
    tab_with_import.activities.merge_from(&undone.activities);
    assert!(tab_with_import.sessions.records.is_empty());
    assert!(tab_with_import.activities.records.is_empty());
}

#[test]
fn undoing_a_replace_brings_records_back_in_every_tab() {
    let mut before = Backup::default();
    before.sessions.upsert(session(NOV_3, "A gentle start"));
    // The file lacks the session: replacing deletes it, with a tombstone.
    let replaced = combine(&before, &Backup::default(), Mode::Replace, NOW);
    assert!(replaced.sessions.records.is_empty());
    assert_eq!(replaced.sessions.deleted.len(), 1);
    // Undo puts it back, newer than the deletion another tab still holds.
    let undone = combine(&replaced, &before, Mode::Replace, NOW + MINUTE);
    let mut other_tab = replaced.sessions.clone();
    other_tab.merge_from(&undone.sessions);
    assert_eq!(
        other_tab.records.len(),
        1,
        "back in the tab that took in the import"
    );
    assert!(other_tab.deleted.is_empty());
}

/// The list of records, as the tests read it: each one's key, its words and its section.
macro_rules! listed {
    (
        backup { $( $(#[$doc:meta])* $field:ident: $ty:ty, )* }
        device { $( $(#[$device_doc:meta])* $device:ident: $device_ty:ty, )* }
    ) => {
        fn listed() -> (Vec<(&'static str, &'static str)>, Vec<(&'static str, &'static str)>) {
            let kept = vec![
                $( (<$ty as Record>::NAME, <$ty as Kept>::WHAT), )*
                $( (<$device_ty as Record>::NAME, <$device_ty as Kept>::WHAT), )*
            ];
            let sections = vec![$( (stringify!($field), <$ty as Section>::LABEL), )*];
            (kept, sections)
        }
    };
}

each_record!(listed);

#[test]
fn every_record_listed_has_a_key_words_and_a_section_of_its_own() {
    let (kept, sections) = listed();
    let distinct = |list: Vec<&str>| list.iter().collect::<std::collections::BTreeSet<_>>().len();
    assert_eq!(
        distinct(kept.iter().map(|k| k.0).collect()),
        kept.len(),
        "{kept:?}"
    );
    assert_eq!(
        distinct(kept.iter().map(|k| k.1).collect()),
        kept.len(),
        "{kept:?}"
    );
    assert_eq!(
        distinct(sections.iter().map(|s| s.1).collect()),
        sections.len()
    );
    assert!(kept
        .iter()
        .all(|(name, what)| !name.is_empty() && !what.is_empty()));
    // The backup holds every record but the reminders of backups.
    assert_eq!(sections.len(), kept.len() - 1);
    let v: Value = serde_json::from_str(&export(&Backup::default(), NOW).unwrap()).unwrap();
    for (key, _) in &sections {
        assert!(
            v["data"].get(key).is_some() && v["schemas"].get(key).is_some(),
            "{key}"
        );
    }
}

#[test]
fn weeks_kept_as_totals_come_back_from_a_backup_and_a_session_before_them_stays_a_total() {
    let mut backup = sample();
    let first = backup.sessions.records[0].started_at;
    backup.sessions.older = "2023-01-02 3 1800 12 3 9 3".into();
    backup.sessions.kept_from = first - DAY_MS;
    let text = export(&backup, NOW).unwrap();
    assert_eq!(decode(&text, NOW).unwrap().backup.sessions, backup.sessions);

    // A file whose session is older than its own boundary: the totals hold it already.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["data"]["sessions"]["kept_from"] = json!(first + 1);
    let read = decode(&v.to_string(), NOW).unwrap().backup.sessions;
    assert_eq!(read.records.len(), backup.sessions.records.len() - 1);
    assert_eq!(
        read.sessions_in_all(),
        backup.sessions.sessions_in_all() - 1
    );
    // Totals that can't be read are left out, not the sessions.
    v["data"]["sessions"]["older"] = json!("not weeks");
    v["data"]["sessions"]["kept_from"] = json!(0);
    let read = decode(&v.to_string(), NOW).unwrap().backup.sessions;
    assert_eq!(read.records, backup.sessions.records);
    assert!(read.older.is_empty());
}
