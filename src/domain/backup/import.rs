//! Reading a backup file: everything checked before anything is touched.

use std::collections::{BTreeMap, BTreeSet};

use serde::{de::DeserializeOwned, Deserialize};
use serde_json::{Map, Value};

use super::{Backup, APP, FORMAT};
use crate::domain::dates::{plural, DAY_MS};
use crate::domain::ids::{Keyed, Tombstone};
use crate::domain::library::exercise::{check_id, DoseLevel};
use crate::domain::library::own_exercise::{OwnExercise, OwnExercises};
use crate::domain::library::Library;
use crate::domain::records::activity::{Activity, ActivityLog};
use crate::domain::records::safety::SafetyCheck;
use crate::domain::records::session_record::{SessionLog, SessionRecord};
use crate::domain::routines::adjustments::{DoseChange, Plan};
use crate::domain::routines::own_routine::{self, OwnRoutine, OwnRoutines, Pin};
use crate::domain::session::settings::Settings;
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// The largest file imported. Years of daily sessions take well under a megabyte.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The deepest nesting of `[` and `{` imported, checked by a scan before parsing. A
/// backup nests about 7 deep.
pub const MAX_DEPTH: usize = 32;

/// A checked backup, ready to be applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// Everything that could be read and passed the checks.
    pub backup: Backup,
    /// One plain reason for each record left out, e.g. "Session of 3 Nov 2026: pain
    /// after 12 is not between 0 and 10."
    pub skipped: Vec<String>,
    /// Records that appeared more than once in the file; the newest of each was kept.
    pub duplicates: usize,
}

impl Import {
    /// What the file holds, in a sentence or three: "42 sessions, 18 activities, 2
    /// exercises set aside, 3 dose changes. 2 records invalid, skipped. 1 duplicate left
    /// out."
    pub fn summary(&self) -> String {
        let b = &self.backup;
        let mut out = format!(
            "{}, {}, {}, {}.",
            plural(b.sessions.records.len(), "session", "sessions"),
            plural(b.activities.records.len(), "activity", "activities"),
            plural(
                b.plan.not_for_me.len(),
                "exercise set aside",
                "exercises set aside"
            ),
            plural(b.plan.history.len(), "dose change", "dose changes"),
        );
        if !b.exercises.records.is_empty() {
            out.insert_str(
                out.len() - 1,
                &format!(
                    ", {}",
                    plural(b.exercises.records.len(), "own exercise", "own exercises")
                ),
            );
        }
        if !b.routines.records.is_empty() {
            out.insert_str(
                out.len() - 1,
                &format!(
                    ", {}",
                    plural(b.routines.records.len(), "own routine", "own routines")
                ),
            );
        }
        if !self.skipped.is_empty() {
            out.push(' ');
            out.push_str(&plural(
                self.skipped.len(),
                "record invalid, skipped.",
                "records invalid, skipped.",
            ));
        }
        if self.duplicates > 0 {
            out.push(' ');
            out.push_str(&plural(
                self.duplicates,
                "duplicate left out.",
                "duplicates left out.",
            ));
        }
        out
    }
}

/// Why a file can't be imported. Each message is shown to the person as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Larger than [`MAX_BYTES`].
    #[error("This file is {size}; a Steadyback backup is far smaller. Choose the .json file Steadyback saved.", size = megabytes(*bytes))]
    TooLarge { bytes: usize },
    /// Nested deeper than [`MAX_DEPTH`].
    #[error("This file is not a Steadyback backup: it is nested far deeper than a backup is. Choose the .json file Steadyback saved.")]
    TooDeep,
    /// Not JSON text; the parser's words.
    #[error("This file is not a Steadyback backup: it can't be read as JSON ({0}). Choose the .json file Steadyback saved.")]
    NotJson(String),
    /// JSON, but not written by Steadyback.
    #[error("This file is not a Steadyback backup. Choose the .json file Steadyback saved.")]
    NotABackup,
    /// Written by a newer version of the app in a layout this one does not know.
    #[error("This backup was made by a newer version of Steadyback (format {found}). Update the app, then import it again.")]
    NewerFormat { found: u64 },
    /// One section was written at a schema newer than this app reads.
    #[error("Part of this backup ({section}) was saved by a newer version of Steadyback. Update the app, then import it again.")]
    NewerSection { section: String, found: u64 },
    /// One section as a whole can't be read or upgraded.
    #[error("Part of this backup ({section}) can't be read: {reason}. Choose the .json file Steadyback saved.")]
    Damaged { section: String, reason: String },
}

/// `bytes` in megabytes with one decimal, e.g. "7.2 MB" (no float formatting).
pub(super) fn megabytes(bytes: usize) -> String {
    let tenths = bytes / (1024 * 1024 / 10);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Reads a backup file's text at `now`.
///
/// Checks, in order and before anything is touched: the size, the nesting, that it is
/// JSON, the app name, the format (newer is refused), the schema of each section (newer
/// than this app is refused; older is upgraded with the record's migrations), then each
/// record on its own, where a bad one is left out with a reason and the rest kept:
///
/// each record is read as its type and checked by its own `check` ([`SessionRecord::check`],
/// [`Activity::check`], [`DoseLevel::check`], [`DoseChange::check`], [`check_id`]), so
/// each limit lives in one place.
///
/// Records that appear more than once (by id) are counted and the newest kept. Unknown
/// fields are ignored, and a missing section is empty.
pub fn decode(text: &str, now: Millis) -> Result<Import, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if nesting(text) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Value::Object(mut file) = value else {
        return Err(ImportError::NotABackup);
    };
    if file.get("app").and_then(Value::as_str) != Some(APP) {
        return Err(ImportError::NotABackup);
    }
    match file.get("format").and_then(Value::as_u64) {
        Some(found) if found > u64::from(FORMAT) => {
            return Err(ImportError::NewerFormat { found });
        }
        Some(found) if found >= 1 => {}
        _ => return Err(ImportError::NotABackup),
    }
    let schemas = match file.remove("schemas") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(schemas)) => schemas,
        Some(_) => return Err(ImportError::NotABackup),
    };
    let mut data = match file.remove("data") {
        Some(Value::Object(data)) => data,
        _ => return Err(ImportError::NotABackup),
    };

    // Every section is upgraded before any record is read, so a newer section is refused
    // whichever it is.
    let settings = section::<Settings>(&mut data, &schemas, "settings", "settings")?;
    let safety_check = section::<SafetyCheck>(&mut data, &schemas, "safety_check", "safety check")?;
    let sessions = section::<SessionLog>(&mut data, &schemas, "sessions", "sessions")?;
    let activities = section::<ActivityLog>(&mut data, &schemas, "activities", "activities")?;
    let plan = section::<Plan>(&mut data, &schemas, "plan", "plan")?;
    let routines = section::<OwnRoutines>(&mut data, &schemas, "routines", "own routines")?;
    let exercises = section::<OwnExercises>(&mut data, &schemas, "exercises", "own exercises")?;

    let mut reader = Reader {
        now,
        skipped: Vec::new(),
        duplicates: 0,
    };
    let own_exercises = reader.exercises(exercises, "own exercises")?;
    // Own routines are checked against the file's own exercises.
    let library = Library::new(&own_exercises.records);
    let mut backup = Backup {
        settings: reader.whole(
            settings,
            "The sound, voice and vibration settings can't be read; the usual ones are used.",
        ),
        safety_check: reader.whole(
            safety_check,
            "The safety check answers can't be read; the check will be asked again.",
        ),
        sessions: reader.sessions(sessions, "sessions")?,
        activities: reader.activities(activities, "activities")?,
        plan: reader.plan(plan, "plan")?,
        routines: reader.routines(routines, "own routines", &library)?,
        exercises: own_exercises,
    };
    no_future_times(&mut backup, now);
    Ok(Import {
        backup,
        skipped: reader.skipped,
        duplicates: reader.duplicates,
    })
}

/// Brings every time a record is versioned by back to at most a day after `now`: a time
/// far in the future (a wrong clock, or an edited file) would otherwise make that record
/// win every later merge, silently undoing the person's own changes.
fn no_future_times(backup: &mut Backup, now: Millis) {
    let latest = now.saturating_add(DAY_MS);
    let cap = |t: &mut Millis| *t = (*t).min(latest);
    for r in &mut backup.sessions.records {
        cap(&mut r.ended_at);
        cap(&mut r.updated_at);
        for h in &mut r.hurts {
            cap(&mut h.at);
        }
    }
    for a in &mut backup.activities.records {
        cap(&mut a.updated_at);
    }
    for r in &mut backup.routines.records {
        cap(&mut r.updated_at);
    }
    for e in &mut backup.exercises.records {
        cap(&mut e.updated_at);
    }
    if let Some(pin) = backup.routines.pinned.as_mut() {
        cap(&mut pin.at);
    }
    for t in backup
        .activities
        .deleted
        .iter_mut()
        .chain(backup.sessions.deleted.iter_mut())
        .chain(backup.routines.deleted.iter_mut())
        .chain(backup.exercises.deleted.iter_mut())
    {
        cap(&mut t.at);
    }
    let plan = &mut backup.plan;
    cap(&mut plan.updated_at);
    if let Some(at) = plan.nudge_dismissed_at.as_mut() {
        cap(at);
    }
    for change in &mut plan.history {
        cap(&mut change.at);
    }
    if let Some(at) = backup.safety_check.answered_at.as_mut() {
        cap(at);
    }
}

/// How deeply `[` and `{` nest in `text`, outside strings. Stops counting once past
/// [`MAX_DEPTH`].
fn nesting(text: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
                if deepest > MAX_DEPTH {
                    return deepest;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Section `key` of the data, upgraded to this app's schema of `T`. `Null` when missing.
fn section<T: Record>(
    data: &mut Map<String, Value>,
    schemas: &Map<String, Value>,
    key: &str,
    label: &str,
) -> Result<Value, ImportError> {
    let value = data.remove(key).unwrap_or(Value::Null);
    if value.is_null() {
        return Ok(Value::Null);
    }
    // A section without its schema number is taken as the first schema: every
    // migration from it keeps data that is already newer.
    let schema = match schemas.get(key) {
        None | Some(Value::Null) => 1,
        Some(n) => n
            .as_u64()
            .filter(|n| *n >= 1)
            .ok_or_else(|| ImportError::Damaged {
                section: label.to_string(),
                reason: "its format number is not a whole number".to_string(),
            })?,
    };
    if schema > u64::from(T::SCHEMA) {
        return Err(ImportError::NewerSection {
            section: label.to_string(),
            found: schema,
        });
    }
    let mut value = value;
    // `schema` is at most `T::SCHEMA` here, so it fits.
    let first = u32::try_from(schema).unwrap_or(T::SCHEMA);
    for from in first..T::SCHEMA {
        value = T::migrate(from, value).map_err(|reason| ImportError::Damaged {
            section: label.to_string(),
            reason,
        })?;
    }
    Ok(value)
}

/// A log section (sessions, activities) as stored: its records and, for logs that keep
/// deletions, its tombstones, each read on its own.
#[derive(Deserialize, Default)]
#[serde(default)]
struct LogParts {
    records: Vec<Value>,
    deleted: Vec<Value>,
}

/// The own routines as stored: each routine read on its own.
#[derive(Deserialize, Default)]
#[serde(default)]
struct RoutineParts {
    records: Vec<Value>,
    deleted: Vec<Value>,
    pinned: Value,
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

/// The tombstones of a log. They are bookkeeping, not the person's records: unreadable
/// ones are dropped without a word.
fn tombstones(items: Vec<Value>) -> Vec<Tombstone> {
    items
        .into_iter()
        .filter_map(|t| serde_json::from_value(t).ok())
        .collect()
}

/// Reads records one at a time, noting each left out.
struct Reader {
    now: Millis,
    skipped: Vec<String>,
    duplicates: usize,
}

impl Reader {
    fn skip(&mut self, reason: String) {
        self.skipped.push(reason);
    }

    /// A section, or one part of the plan, read as a whole; the default, with `reason`
    /// noted, when it can't be.
    fn whole<T: DeserializeOwned + Default>(&mut self, value: Value, reason: &str) -> T {
        if value.is_null() {
            return T::default();
        }
        serde_json::from_value(value).unwrap_or_else(|_| {
            self.skip(reason.to_string());
            T::default()
        })
    }

    /// A section's parts as `P`; empty when the section is missing. `reason` when it is
    /// not an object of those parts.
    fn parts<P: DeserializeOwned + Default>(
        value: Value,
        label: &str,
        reason: &str,
    ) -> Result<P, ImportError> {
        let damaged = || ImportError::Damaged {
            section: label.to_string(),
            reason: reason.to_string(),
        };
        match value {
            Value::Null => Ok(P::default()),
            Value::Object(_) => serde_json::from_value(value).map_err(|_| damaged()),
            _ => Err(damaged()),
        }
    }

    /// Each of `items` read as `T` and checked by `check` (with its place in the list,
    /// from 1), noting duplicates by `id`; the reason for each left out.
    fn each<T: DeserializeOwned, K: Ord>(
        &mut self,
        items: Vec<Value>,
        what: &str,
        check: impl Fn(&T, usize, Millis) -> Result<(), String>,
        id: impl Fn(&T) -> K,
    ) -> Vec<T> {
        let mut kept = Vec::with_capacity(items.len());
        let mut ids = BTreeSet::new();
        for (i, item) in items.into_iter().enumerate() {
            let n = i + 1;
            let read = serde_json::from_value::<T>(item)
                .map_err(|_| format!("{what} {n} in the file can't be read."))
                .and_then(|t| check(&t, n, self.now).map(|()| t));
            match read {
                Ok(t) => {
                    if !ids.insert(id(&t)) {
                        self.duplicates += 1;
                    }
                    kept.push(t);
                }
                Err(reason) => self.skip(reason),
            }
        }
        kept
    }

    fn sessions(&mut self, value: Value, label: &str) -> Result<SessionLog, ImportError> {
        let parts: LogParts = Self::parts(value, label, "it is not a set of records")?;
        let records = self.each(
            parts.records,
            "Session",
            SessionRecord::check,
            SessionRecord::id,
        );
        let deleted = tombstones(parts.deleted);
        // The merge keeps one record per id, the newest, drops those deleted later, and
        // puts the log in order of starting time.
        let mut log = SessionLog::default();
        log.merge_from(&SessionLog { records, deleted });
        Ok(log)
    }

    fn activities(&mut self, value: Value, label: &str) -> Result<ActivityLog, ImportError> {
        let parts: LogParts = Self::parts(value, label, "it is not a set of records")?;
        let records = self.each(parts.records, "Activity", Activity::check, Keyed::key);
        let deleted = tombstones(parts.deleted);
        // The merge keeps one activity per id, the newest, drops those deleted later,
        // and puts the log in order.
        let mut log = ActivityLog::default();
        log.merge_from(&ActivityLog { records, deleted });
        Ok(log)
    }

    fn routines(
        &mut self,
        value: Value,
        label: &str,
        library: &Library,
    ) -> Result<OwnRoutines, ImportError> {
        let parts: RoutineParts = Self::parts(value, label, "it is not a set of routines")?;
        let records = self.each(
            parts.records,
            "Own routine",
            |r: &OwnRoutine, n, _| {
                own_routine::check(&r.name, &r.items, library)
                    .map_err(|problem| format!("Own routine {n} in the file: {problem}"))
                    .and_then(|name| {
                        (name == r.name).then_some(()).ok_or_else(|| {
                            format!("Own routine {n} in the file has a name with extra spaces.")
                        })
                    })
            },
            Keyed::key,
        );
        let deleted = tombstones(parts.deleted);
        let pinned: Option<Pin> = self.whole(
            parts.pinned,
            "The routine pinned for Today can't be read; Today chooses one.",
        );
        let pinned = pinned.filter(|p| p.routine.as_deref().is_none_or(|id| check_id(id).is_ok()));
        let mut out = OwnRoutines::default();
        out.merge_from(&OwnRoutines {
            records,
            deleted,
            pinned,
        });
        Ok(out)
    }

    fn exercises(&mut self, value: Value, label: &str) -> Result<OwnExercises, ImportError> {
        let parts: LogParts = Self::parts(value, label, "it is not a set of exercises")?;
        let records = self.each(
            parts.records,
            "Own exercise",
            |e: &OwnExercise, n, _| match e.checked() {
                Err(problem) => Err(format!("Own exercise {n} in the file: {problem}")),
                Ok(tidy) if tidy != *e => Err(format!(
                    "Own exercise {n} in the file has extra spaces or empty steps."
                )),
                Ok(_) => Ok(()),
            },
            Keyed::key,
        );
        let deleted = tombstones(parts.deleted);
        let mut out = OwnExercises::default();
        out.merge_from(&OwnExercises { records, deleted });
        Ok(out)
    }

    fn plan(&mut self, value: Value, label: &str) -> Result<Plan, ImportError> {
        let parts: PlanParts = Self::parts(value, label, "it is not a plan")?;
        let mut plan = Plan {
            nudge_dismissed_at: parts.nudge_dismissed_at,
            updated_at: parts.updated_at,
            ..Plan::default()
        };
        let not_for_me: Vec<Value> =
            self.whole(parts.not_for_me, "The exercises set aside can't be read.");
        let levels: BTreeMap<String, Value> = self.whole(parts.levels, "The doses can't be read.");
        let history: Vec<Value> = self.whole(parts.history, "The dose changes can't be read.");
        for id in not_for_me {
            match serde_json::from_value::<String>(id) {
                Ok(id) => match check_id(&id) {
                    Ok(_) => {
                        plan.not_for_me.insert(id);
                    }
                    Err(problem) => self.skip(format!("An exercise set aside {problem}.")),
                },
                Err(_) => self.skip("An exercise set aside has no name.".to_string()),
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
                Err(reason) => self.skip(reason),
            }
        }
        let history = self.each(
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
}
