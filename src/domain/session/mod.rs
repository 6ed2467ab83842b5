//! The guided session, in three parts that depend one way: the plan a routine becomes
//! (`plan`), the timeline of steps compiled from it (`timeline`, with its `cues`), and
//! the state machine that plays it (`player`, and the cues it will give: `ahead`), with
//! what it leaves behind (`outcome`); and the person's preferences for it (`settings`).
//!
//! The truth is timestamps, never counted ticks: see `player`.

mod ahead;
mod announce;
mod cues;
mod outcome;
mod plan;
mod player;
pub mod settings;
mod timeline;

pub use cues::Cue;
pub use outcome::{Resume, SavedSession, SessionPeek};
pub use plan::{PlannedItem, PlannedWork, Words};
pub use player::{
    HurtAbout, Session, Snapshot, Status, BACK_RESTARTS_AFTER_MS, CUE_GAP_MS, STALE_AFTER_MS,
};
pub use timeline::{
    compile, planned_ms, Movement, Pace, RestPace, Side, Step, StepKind, Timeline, GET_READY_SECS,
};

#[cfg(test)]
mod tests;
