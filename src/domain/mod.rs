//! Pure Rust: the rules of the app. Nothing here knows about the browser or the UI, so all
//! of it is tested natively with `cargo test`. Time comes in as an argument (`now`, in
//! milliseconds since the Unix epoch), never from a clock.
//!
//! Folders by concern, each depending only on those listed before it (the roots on
//! nothing of the domain); `structure.rs` fails the tests on any cycle:
//!
//! - roots: [`dates`], [`ids`], [`sources`], [`Millis`];
//! - [`storage`]: how a record is stored, versioned and merged;
//! - [`records`]: what the person did and answered (sessions, activity, the safety check);
//! - [`library`]: the exercises, the person's own, finding them, their figures;
//! - [`session`]: a guided session from plan to outcome, and its preferences;
//! - [`routines`]: built-in and own routines, the person's adjustments, sharing, calendars;
//! - [`progress`]: days, pain, walking, progression and rotation, read from the records;
//! - [`backup`]: every record out to a file and back, and when to remind.

pub mod backup;
pub mod dates;
pub mod ids;
pub mod library;
pub mod progress;
pub mod records;
pub mod routines;
pub mod session;
pub mod sources;
pub mod storage;
#[cfg(test)]
mod structure;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod wording;

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
pub type Millis = i64;
