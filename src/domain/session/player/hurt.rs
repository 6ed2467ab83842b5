//! Pain in a session: the rating given before it, each "It hurts" and the exercise it
//! is about, and an exercise stopped for pain.

use super::{Mark, Session};
use crate::domain::records::safety::STOP_PAIN;
use crate::domain::records::session_record::Hurt;
use crate::domain::session::timeline::StepKind;
use crate::domain::Millis;

/// What an "It hurts" is about, at the moment it is said ([`Session::hurt_about`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HurtAbout {
    /// The exercise being played: in a hold, a move, a rest or a change of sides.
    Playing(String),
    /// In a get-ready: the exercise just played, not the one coming (even when it was
    /// stopped for pain already: the one coming has not begun).
    JustPlayed(String),
    /// Nothing has been played yet: the person is asked whether it is about the
    /// exercise coming next (`next`), or none.
    Ask { next: Option<String> },
}

impl HurtAbout {
    /// The exercise's id, when the app can tell it without asking.
    pub fn exercise(&self) -> Option<&str> {
        match self {
            HurtAbout::Playing(id) | HurtAbout::JustPlayed(id) => Some(id),
            HurtAbout::Ask { .. } => None,
        }
    }

    /// The answer to start from: the exercise it is about or, when the person is asked,
    /// the exercise coming next. When unsure, the cautious answer: a high rating stops
    /// that exercise rather than none. The person may choose none instead.
    pub fn to_start_with(&self) -> Option<&str> {
        match self {
            HurtAbout::Ask { next } => next.as_deref(),
            other => other.exercise(),
        }
    }
}

impl Session {
    /// Pain from 0 to 10 given before the session, if any.
    pub fn pain_before(&self) -> Option<u8> {
        self.pain_before
    }

    /// Records the pain before the session (0 to 10; higher values count as 10), or
    /// clears it.
    pub fn set_pain_before(&mut self, rating: Option<u8>) {
        self.pain_before = rating.map(|r| r.min(10));
    }

    /// What an "It hurts" at `now` is about; `None` before the start and once finished.
    ///
    /// In a hold, a move, a rest or a change of sides: the exercise being played (a rest
    /// is always between two reps or sets of one exercise). In a get-ready, the next
    /// exercise has not begun: the pain is the exercise just played (the last one of
    /// which something was played, the one getting ready included after "Back"), also
    /// when that one was stopped for pain already and the person chose to try another:
    /// the pain is never put on an exercise not yet begun. Before anything has been
    /// played or stopped, the person is asked: the exercise coming next, or none.
    pub fn hurt_about(&self, now: Millis) -> Option<HurtAbout> {
        let snapshot = self.at(now);
        if snapshot.is_finished() || self.started_at.is_none() {
            return None;
        }
        let steps = self.timeline();
        let cur = snapshot.step;
        let step = steps.get(cur)?;
        if step.kind != StepKind::GetReady {
            return Some(HurtAbout::Playing(step.exercise_id.clone()));
        }
        // Whether some of exercise `index` has been played: time spent in its work, a
        // rep done, or a work step passed by time since the session last moved.
        let played = |index: usize| {
            self.work_ms.get(index).is_some_and(|ms| *ms > 0)
                || steps.iter().enumerate().take(cur).any(|(i, s)| {
                    s.exercise == index
                        && s.is_work()
                        && (self.mark(i) == Mark::Done
                            || (i >= self.anchor_step && !self.passed_over(s)))
                })
        };
        let id = |index: usize| {
            steps
                .iter()
                .find(|s| s.exercise == index)
                .map(|s| s.exercise_id.clone())
                .unwrap_or_default()
        };
        let next = step.exercise_id.clone();
        // The last exercise the person was in: played, or stopped for pain (even one
        // stopped before anything of it was played).
        let last = (0..=step.exercise)
            .rev()
            .find(|&i| played(i) || self.is_stopped(&id(i)));
        Some(match last {
            None => HurtAbout::Ask { next: Some(next) },
            Some(i) => HurtAbout::JustPlayed(id(i)),
        })
    }

    /// The person said "It hurts" at `now`, with pain `rating` (0 to 10), and left the
    /// answer to what it is about as it started ([`HurtAbout::to_start_with`]). See
    /// [`Session::hurt_for`].
    pub fn hurt(&mut self, now: Millis, rating: u8) -> bool {
        let about = self.hurt_about(now);
        let exercise = about
            .as_ref()
            .and_then(HurtAbout::to_start_with)
            .map(str::to_string);
        self.hurt_for(now, rating, exercise.as_deref())
    }

    /// "It hurts" at `now` with pain `rating` (0 to 10), about `exercise` (an id of the
    /// routine's, as [`Session::hurt_about`] gave it or the person chose), or about no
    /// exercise (`None`: it hurt before any was played). The session pauses and the
    /// rating is kept.
    ///
    /// At [`STOP_PAIN`] or more that exercise stops: the rest of it counts as skipped
    /// and the session never plays it again: "Back" does not return to it, and a later
    /// turn of it in the same routine is passed over. Stopped while it plays, the
    /// session waits, paused, at the start of the next exercise (or finishes, after the
    /// last); stopped from the get-ready after it, the session waits at the start of
    /// that get-ready. Returns true when an exercise stopped.
    pub fn hurt_for(&mut self, now: Millis, rating: u8, exercise: Option<&str>) -> bool {
        let rating = rating.min(10);
        let snapshot = self.at(now);
        if snapshot.is_finished() || self.started_at.is_none() {
            return false;
        }
        let current = self
            .timeline()
            .get(snapshot.step)
            .map(|s| s.exercise_id.clone())
            .unwrap_or_default();
        self.pause(now);
        let hurt = Hurt {
            exercise: exercise.unwrap_or_default().to_string(),
            rating,
            at: now.max(self.last_seen),
        };
        let stop = rating >= STOP_PAIN && exercise.is_some_and(|e| !e.is_empty());
        if !stop {
            self.hurts.push(hurt);
            return false;
        }
        if exercise == Some(current.as_str()) {
            // What was played of the exercise counts first; then, with the hurt kept, its
            // steps are passed over, so the move lands past every turn of it.
            self.skip_exercise_then(now, |s| s.hurts.push(hurt));
        } else {
            // The exercise just played: its later turns are passed over, and the
            // get-ready of the next starts again.
            match self.begin_move(now) {
                Some((steps, now, cur, off)) => {
                    self.leave(&steps, cur, off, None);
                    self.hurts.push(hurt);
                    self.jump(&steps, now, cur);
                }
                None => self.hurts.push(hurt),
            }
        }
        true
    }

    /// Every "It hurts" so far.
    pub fn hurts(&self) -> &[Hurt] {
        &self.hurts
    }
}
