//! What a session leaves behind: the record of what was done once it has finished, and
//! the session in progress as it is saved so a reload resumes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::plan::Words;
use super::player::{Mark, Phase, Session};
use crate::domain::library::own_exercise::is_own;
use crate::domain::library::Library;
use crate::domain::records::session_record::{ExerciseRecord, SessionRecord};
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

impl Session {
    /// What was done, once the session has finished.
    pub fn record(&self) -> Option<SessionRecord> {
        let Phase::Finished { at } = self.phase else {
            return None;
        };
        let started_at = self.started_at?;
        let steps = self.timeline();
        let exercises = self
            .plan
            .iter()
            .enumerate()
            .map(|(index, item)| {
                // Per (set, rep): whether every movement of it was done.
                let mut reps: BTreeMap<(u16, u16), bool> = BTreeMap::new();
                let mut skipped = false;
                for (i, step) in steps.iter().enumerate() {
                    if step.exercise != index || !step.is_work() {
                        continue;
                    }
                    let mark = self.mark(i);
                    skipped |= mark == Mark::Skipped;
                    let done = reps.entry((step.set, step.rep)).or_insert(true);
                    *done &= mark == Mark::Done;
                }
                let sets_planned = reps.keys().map(|(set, _)| *set).max().unwrap_or(0);
                let sets_done = (1..=sets_planned)
                    .filter(|set| {
                        reps.iter()
                            .filter(|((s, _), _)| s == set)
                            .all(|(_, done)| *done)
                    })
                    .count();
                let work_ms = self.work_ms.get(index).copied().unwrap_or(0);
                ExerciseRecord {
                    exercise: item.exercise.clone(),
                    sets_planned,
                    sets_done: u16::try_from(sets_done).unwrap_or(u16::MAX),
                    reps_planned: u32::try_from(reps.len()).unwrap_or(u32::MAX),
                    reps_done: u32::try_from(reps.values().filter(|d| **d).count())
                        .unwrap_or(u32::MAX),
                    skipped,
                    work_secs: ms_to_secs(work_ms),
                }
            })
            .collect();
        Some(SessionRecord {
            routine_id: self.routine_id.clone(),
            routine_name: self.routine_name.clone(),
            started_at,
            salt: self.salt,
            ended_at: at,
            active_secs: ms_to_secs(self.active_ms),
            exercises,
            pain_before: self.pain_before,
            hurts: self.hurts.clone(),
            ..SessionRecord::default()
        })
    }
}

/// Whole seconds, rounded to the nearest.
fn ms_to_secs(ms: i64) -> u32 {
    u32::try_from(ms.max(0).saturating_add(500) / 1000).unwrap_or(u32::MAX)
}

/// The session in progress, saved so it survives a reload. The default is "no session".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSession {
    pub session: Option<Session>,
}

impl Record for SavedSession {
    const NAME: &'static str = "session";
    /// 2: the session gained `pain_before` and `hurts`. An app that reads only schema 1
    /// would drop them when saving, so it must refuse this data as newer instead.
    /// 3: the session gained `salt`, likewise. 4: the session gained its `pace` and the
    /// step `held` when the pace changed; an older app would play it at the default pace.
    const SCHEMA: u32 = 4;

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // The fields added since have defaults: the data only has to be a saved
            // session, or none.
            1..=3 => {
                use serde_json::Value;
                let object = data
                    .as_object()
                    .ok_or("the saved session is not an object")?;
                match object.get("session") {
                    None | Some(Value::Null | Value::Object(_)) => Ok(data),
                    Some(_) => Err("the session is not a session".into()),
                }
            }
            _ => Err(format!("no migration from schema {from}")),
        }
    }
}

/// What the player does with the saved session when it opens a routine.
#[derive(Debug, Clone, PartialEq)]
pub enum Resume {
    /// Nothing saved: start afresh.
    Fresh,
    /// The saved session is of this routine: carry on with it where it is.
    Continue(Session),
    /// It ran to its end while the app was closed: keep its record, then start afresh.
    EndedWhileAway(SessionRecord),
    /// Left untouched for over an hour: ask whether to finish or discard it first.
    Stale(Session),
    /// Another routine is still in progress: ask whether to go back to it or discard it.
    Other(Session),
}

impl SavedSession {
    /// What to do with this saved session when the player opens routine `routine_id`
    /// at `now`.
    /// A person's own exercise in a session saved before their words were kept with the
    /// plan (by an older version of the app) takes them from `library`.
    pub fn resume(self, routine_id: &str, now: Millis, library: &Library) -> Resume {
        let Some(mut session) = self.session else {
            return Resume::Fresh;
        };
        for item in &mut session.plan {
            if item.own.is_none() && is_own(&item.exercise) {
                item.own = library.get(&item.exercise).map(Words::of);
            }
        }
        if session.is_stale(now) {
            return Resume::Stale(session);
        }
        if session.at(now).is_finished() {
            session.update(now);
            return session
                .record()
                .map_or(Resume::Fresh, Resume::EndedWhileAway);
        }
        if session.routine_id() == routine_id {
            Resume::Continue(session)
        } else {
            Resume::Other(session)
        }
    }

    /// The session to offer to carry on with (on Today): started, not finished, and not
    /// left for over an hour.
    pub fn in_progress(&self, now: Millis) -> Option<&Session> {
        self.session
            .as_ref()
            .filter(|s| s.started_at().is_some() && !s.is_stale(now) && !s.at(now).is_finished())
    }
}
