//! What a session leaves behind: the record of what was done once it has finished, and
//! the session in progress as it is saved so a reload resumes it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::plan::Words;
use super::player::{Mark, Phase, Session, STALE_AFTER_MS};
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
    /// When the session reaches its end if nothing more happens ([`Session::ends_at`]),
    /// kept beside it so Today can tell without the session's code
    /// ([`SessionPeek`]). Missing in sessions saved before it was kept.
    pub ends_at: Option<Millis>,
}

impl SavedSession {
    /// `session`, saved with the time it ends at.
    pub fn of(session: Session) -> SavedSession {
        SavedSession {
            ends_at: session.ends_at(),
            session: Some(session),
        }
    }
}

impl Session {
    /// The first time from which the session is finished if nothing more happens: when
    /// it finished, when a running session plays to its end (`None` when a step that
    /// waits for a tap comes first), now for a paused one already at its end, `None` for
    /// one not started or paused before its end.
    pub fn ends_at(&self) -> Option<Millis> {
        let steps = self.timeline();
        let last = steps.len().saturating_sub(1);
        match self.phase {
            Phase::NotStarted => None,
            Phase::Finished { at } => Some(at),
            Phase::Paused => {
                (self.locate(&steps, self.active_ms).0 >= last).then_some(self.last_seen)
            }
            Phase::Running { since } => {
                // Played to the end: the steps from the anchor on, timed all the way.
                let (cur, off) = self.locate(&steps, i64::MAX);
                let end_active = i64::MAX - off;
                (cur >= last)
                    .then(|| since.saturating_add(end_active.saturating_sub(self.active_ms)))
            }
        }
    }
}

/// What Today needs of the saved session to offer to carry on with it: a few of its
/// fields, read without the session's own code (the player's), and so far lighter in
/// the first load. The same stored text as [`SavedSession`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default)]
pub struct SessionPeek {
    session: Option<Glance>,
    ends_at: Option<Millis>,
}

/// The fields of a saved [`Session`] that [`SessionPeek`] reads.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct Glance {
    routine_id: String,
    routine_name: String,
    phase: GlancedPhase,
    started_at: Option<Millis>,
    last_seen: Millis,
}

/// A saved session's phase, by name only.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct GlancedPhase {
    state: String,
}

impl SessionPeek {
    /// The id and name of the routine to offer to carry on with at `now`: as
    /// [`SavedSession::in_progress`] decides, started, not finished, and not left for
    /// over an hour. A session saved without its end time (by an older version) counts
    /// as not finished: the player, once opened, finds out and keeps its record.
    pub fn in_progress(&self, now: Millis) -> Option<(&str, &str)> {
        let s = self.session.as_ref()?;
        let playing = matches!(s.phase.state.as_str(), "running" | "paused");
        let stale = playing && now.saturating_sub(s.last_seen) > STALE_AFTER_MS;
        let finished = s.phase.state == "finished"
            || (playing && self.ends_at.is_some_and(|end| now.max(s.last_seen) >= end));
        (s.started_at.is_some() && !stale && !finished)
            .then_some((s.routine_id.as_str(), s.routine_name.as_str()))
    }
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
    /// left for over an hour. Today reads it through [`SessionPeek::in_progress`], which
    /// must agree (a test holds them together).
    #[cfg(test)]
    pub fn in_progress(&self, now: Millis) -> Option<&Session> {
        self.session
            .as_ref()
            .filter(|s| s.started_at().is_some() && !s.is_stale(now) && !s.at(now).is_finished())
    }
}
