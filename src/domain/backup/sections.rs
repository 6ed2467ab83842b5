//! Each record of the backup as a section of the file: what it is called, how it is read
//! and checked, how an import combines it with what is here, which of its times are
//! capped, and its part of the import's summary. One `impl Section` for each record of
//! [`each_record!`](super::each_record); what every record does alike is written once, in
//! `import` and in `combine`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::Value;

use super::read::{ImportError, LogParts, Reader};
use super::Backup;
use crate::domain::dates::plural;
use crate::domain::ids::{Log, Tombstone};
use crate::domain::library::exercise::{check_id, DoseLevel};
use crate::domain::library::own_exercise::{OwnExercise, OwnExercises};
use crate::domain::library::Library;
use crate::domain::records::activity::{Activity, ActivityLog};
use crate::domain::records::older;
use crate::domain::records::safety::SafetyCheck;
use crate::domain::records::session_record::{SessionLog, SessionRecord};
use crate::domain::routines::adjustments::{DoseChange, Plan};
use crate::domain::routines::own_routine::{self, OwnRoutine, OwnRoutines, Pin};
use crate::domain::session::settings::Settings;
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// A record the person keeps (one of [`each_record!`](super::each_record)).
pub trait Kept: Record + Clone {
    /// What the person calls it in the app's messages ("session history").
    const WHAT: &'static str;
}

/// A record the backup file holds, as a section of it under its field's name.
pub(crate) trait Section: Kept {
    /// What the import's messages call the section ("own routines").
    const LABEL: &'static str;

    /// True for a record the others may be checked against, read (and counted in the
    /// summary) before them: own exercises, which the file's own routines use.
    const READ_FIRST: bool = false;

    /// The section (upgraded to this app's schema; `Null` when the file has none), each
    /// entry read and checked by `reader`, which notes those left out; `file` holds the
    /// sections read before this one.
    fn read(value: Value, reader: &mut Reader, file: &Backup) -> Result<Self, ImportError>;

    /// An import that merges: takes in the file's copy as another tab's copy is taken in
    /// (a record that does not merge, such as the settings, stays as it is).
    fn merge_in(&mut self, imported: &Self) {
        self.merge_from(imported);
    }

    /// An import that replaces: this copy (the file's) takes the place of `current` at
    /// `now`. By default it simply does.
    fn take_place(&mut self, current: &Self, now: Millis) {
        let _ = (current, now);
    }

    /// Brings every time this record is versioned by back to at most `latest`.
    fn cap_times(&mut self, latest: Millis) {
        let _ = latest;
    }

    /// Its part of the import's summary.
    fn count(&self, counts: &mut Counts) {
        let _ = counts;
    }
}

/// The counts an import's summary gives: "42 sessions, 18 activities, 1 own exercise."
#[derive(Default)]
pub(crate) struct Counts {
    always: Vec<String>,
    if_any: Vec<String>,
}

impl Counts {
    /// A count always given, even of none.
    pub(crate) fn always(&mut self, n: usize, one: &str, many: &str) {
        self.always.push(plural(n, one, many));
    }

    /// A count given only when there are some, after those always given (for records
    /// that came later: a file from before them says nothing of them).
    pub(crate) fn if_any(&mut self, n: usize, one: &str, many: &str) {
        if n > 0 {
            self.if_any.push(plural(n, one, many));
        }
    }

    /// The counts in a sentence.
    pub(super) fn sentence(self) -> String {
        let mut out = [self.always, self.if_any].concat().join(", ");
        out.push('.');
        out
    }
}

/// `t`, at most `latest`.
fn cap(t: &mut Millis, latest: Millis) {
    *t = (*t).min(latest);
}

/// Each tombstone's time, at most `latest`.
fn cap_deleted(deleted: &mut [Tombstone], latest: Millis) {
    for t in deleted {
        cap(&mut t.at, latest);
    }
}

impl Kept for Settings {
    const WHAT: &'static str = "settings";
}

impl Section for Settings {
    const LABEL: &'static str = "settings";

    fn read(value: Value, reader: &mut Reader, _: &Backup) -> Result<Self, ImportError> {
        Ok(reader.whole(
            value,
            "The sound, voice and vibration settings can't be read; the usual ones are used.",
        ))
    }
}

impl Kept for SafetyCheck {
    const WHAT: &'static str = "safety check answers";
}

impl Section for SafetyCheck {
    const LABEL: &'static str = "safety check";

    fn read(value: Value, reader: &mut Reader, _: &Backup) -> Result<Self, ImportError> {
        Ok(reader.whole(
            value,
            "The safety check answers can't be read; the check will be asked again.",
        ))
    }

    /// The file's answers are taken only when the check was never answered here.
    fn merge_in(&mut self, imported: &Self) {
        if !self.is_answered() {
            *self = imported.clone();
        }
    }

    fn cap_times(&mut self, latest: Millis) {
        if let Some(at) = self.answered_at.as_mut() {
            cap(at, latest);
        }
    }
}

impl Kept for SessionLog {
    const WHAT: &'static str = "session history";
}

impl Section for SessionLog {
    const LABEL: &'static str = "sessions";

    fn read(value: Value, reader: &mut Reader, _: &Backup) -> Result<Self, ImportError> {
        // The weeks kept as totals after making room, with their boundary: taken as a
        // whole when they can be read (a file of this app's), else none.
        let older = SessionLog {
            older: value
                .get("older")
                .and_then(Value::as_str)
                .filter(|text| older::parse_weeks(text).is_some())
                .unwrap_or_default()
                .to_string(),
            kept_from: value.get("kept_from").and_then(Value::as_i64).unwrap_or(0),
            ..SessionLog::default()
        };
        let parts = Reader::parts(value, Self::LABEL, "it is not a set of records")?;
        let mut log: SessionLog = reader.log(parts, "Session", SessionRecord::check);
        log.merge_older(&older);
        Ok(log)
    }

    fn take_place(&mut self, current: &Self, now: Millis) {
        self.take_place_of(current, now);
    }

    fn cap_times(&mut self, latest: Millis) {
        for r in &mut self.records {
            cap(&mut r.ended_at, latest);
            cap(&mut r.updated_at, latest);
            for h in &mut r.hurts {
                cap(&mut h.at, latest);
            }
        }
        cap_deleted(&mut self.deleted, latest);
    }

    fn count(&self, counts: &mut Counts) {
        counts.always(self.records.len(), "session", "sessions");
    }
}

impl Kept for ActivityLog {
    const WHAT: &'static str = "activity log";
}

impl Section for ActivityLog {
    const LABEL: &'static str = "activities";

    fn read(value: Value, reader: &mut Reader, _: &Backup) -> Result<Self, ImportError> {
        let parts = Reader::parts(value, Self::LABEL, "it is not a set of records")?;
        Ok(reader.log(parts, "Activity", Activity::check))
    }

    fn take_place(&mut self, current: &Self, now: Millis) {
        self.take_place_of(current, now);
    }

    fn cap_times(&mut self, latest: Millis) {
        for a in &mut self.records {
            cap(&mut a.updated_at, latest);
        }
        cap_deleted(&mut self.deleted, latest);
    }

    fn count(&self, counts: &mut Counts) {
        counts.always(self.records.len(), "activity", "activities");
    }
}

/// The plan section as stored, each entry read on its own so one bad entry costs only
/// itself.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PlanParts {
    not_for_me: Value,
    levels: Value,
    history: Value,
    nudge_dismissed_at: Option<Millis>,
    updated_at: Millis,
}

impl Kept for Plan {
    const WHAT: &'static str = "exercise plan";
}

impl Section for Plan {
    const LABEL: &'static str = "plan";

    fn read(value: Value, reader: &mut Reader, _: &Backup) -> Result<Self, ImportError> {
        let parts: PlanParts = Reader::parts(value, Self::LABEL, "it is not a plan")?;
        let mut plan = Plan {
            nudge_dismissed_at: parts.nudge_dismissed_at,
            updated_at: parts.updated_at,
            ..Plan::default()
        };
        let not_for_me: Vec<Value> =
            reader.whole(parts.not_for_me, "The exercises set aside can't be read.");
        let levels: BTreeMap<String, Value> =
            reader.whole(parts.levels, "The doses can't be read.");
        let history: Vec<Value> = reader.whole(parts.history, "The dose changes can't be read.");
        for id in not_for_me {
            match serde_json::from_value::<String>(id) {
                Ok(id) => match check_id(&id) {
                    Ok(_) => {
                        plan.not_for_me.insert(id);
                    }
                    Err(problem) => reader.skip(format!("An exercise set aside {problem}.")),
                },
                Err(_) => reader.skip("An exercise set aside has no name.".to_string()),
            }
        }
        for (id, level) in levels {
            let checked = check_id(&id)
                .map_err(|problem| format!("A dose {problem}."))
                .and_then(|id| {
                    let label = format!("Dose of {id}");
                    let level: DoseLevel = serde_json::from_value(level)
                        .map_err(|_| format!("{label} can't be read."))?;
                    level.check(&label).map(|()| level)
                });
            match checked {
                Ok(level) => {
                    plan.levels.insert(id, level);
                }
                Err(reason) => reader.skip(reason),
            }
        }
        let history = reader.each(
            history,
            "Dose change",
            |c: &DoseChange, _, now| c.check(now),
            |c| (c.exercise.clone(), c.at),
        );
        let mut seen = BTreeSet::new();
        plan.history = history
            .into_iter()
            .filter(|c| seen.insert((c.exercise.clone(), c.at)))
            .collect();
        Ok(plan)
    }

    fn cap_times(&mut self, latest: Millis) {
        cap(&mut self.updated_at, latest);
        if let Some(at) = self.nudge_dismissed_at.as_mut() {
            cap(at, latest);
        }
        for change in &mut self.history {
            cap(&mut change.at, latest);
        }
    }

    fn count(&self, counts: &mut Counts) {
        counts.always(
            self.not_for_me.len(),
            "exercise set aside",
            "exercises set aside",
        );
        counts.always(self.history.len(), "dose change", "dose changes");
    }
}

/// The own routines as stored: each routine read on its own.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RoutineParts {
    records: Vec<Value>,
    deleted: Vec<Value>,
    pinned: Value,
}

impl Kept for OwnRoutines {
    const WHAT: &'static str = "own routines";
}

/// Missing in backups from before own routines: none.
impl Section for OwnRoutines {
    const LABEL: &'static str = "own routines";

    /// Each routine is checked against the library with the file's own exercises.
    fn read(value: Value, reader: &mut Reader, file: &Backup) -> Result<Self, ImportError> {
        let parts: RoutineParts = Reader::parts(value, Self::LABEL, "it is not a set of routines")?;
        let library = Library::new(&file.exercises.records);
        let log = LogParts {
            records: parts.records,
            deleted: parts.deleted,
        };
        let mut out: OwnRoutines = reader.log(log, "Own routine", |r: &OwnRoutine, n, _| {
            own_routine::check(&r.name, &r.items, &library)
                .map_err(|problem| format!("Own routine {n} in the file: {problem}"))
                .and_then(|name| {
                    (name == r.name).then_some(()).ok_or_else(|| {
                        format!("Own routine {n} in the file has a name with extra spaces.")
                    })
                })
        });
        let pinned: Option<Pin> = reader.whole(
            parts.pinned,
            "The routine pinned for Today can't be read; Today chooses one.",
        );
        out.pinned = pinned.filter(|p| p.routine.as_deref().is_none_or(|id| check_id(id).is_ok()));
        Ok(out)
    }

    fn take_place(&mut self, current: &Self, now: Millis) {
        self.take_place_of(current, now);
        // The file's pin (or none) replaces this one, dated after it, so another tab's
        // copy of the pin can't win it back.
        if self.pinned != current.pinned {
            let after = current
                .pinned
                .as_ref()
                .map_or(now, |p| now.max(p.at.saturating_add(1)));
            self.pinned = Some(Pin {
                at: after.max(self.pinned.as_ref().map_or(0, |p| p.at)),
                routine: self.pinned.take().and_then(|p| p.routine),
            });
        }
    }

    fn cap_times(&mut self, latest: Millis) {
        for r in &mut self.records {
            cap(&mut r.updated_at, latest);
        }
        if let Some(pin) = self.pinned.as_mut() {
            cap(&mut pin.at, latest);
        }
        cap_deleted(&mut self.deleted, latest);
    }

    fn count(&self, counts: &mut Counts) {
        counts.if_any(self.records.len(), "own routine", "own routines");
    }
}

impl Kept for OwnExercises {
    const WHAT: &'static str = "own exercises";
}

/// Missing in backups from before own exercises: none.
impl Section for OwnExercises {
    const LABEL: &'static str = "own exercises";
    const READ_FIRST: bool = true;

    fn read(value: Value, reader: &mut Reader, _: &Backup) -> Result<Self, ImportError> {
        let parts = Reader::parts(value, Self::LABEL, "it is not a set of exercises")?;
        Ok(reader.log(parts, "Own exercise", |e: &OwnExercise, n, _| {
            match e.checked() {
                Err(problem) => Err(format!("Own exercise {n} in the file: {problem}")),
                Ok(tidy) if tidy != *e => Err(format!(
                    "Own exercise {n} in the file has extra spaces or empty steps."
                )),
                Ok(_) => Ok(()),
            }
        }))
    }

    fn take_place(&mut self, current: &Self, now: Millis) {
        self.take_place_of(current, now);
    }

    fn cap_times(&mut self, latest: Millis) {
        for e in &mut self.records {
            cap(&mut e.updated_at, latest);
        }
        cap_deleted(&mut self.deleted, latest);
    }

    fn count(&self, counts: &mut Counts) {
        counts.if_any(self.records.len(), "own exercise", "own exercises");
    }
}
