//! Pure Rust: the rules of the app. Nothing here knows about the browser or the UI, so all
//! of it is tested natively with `cargo test`. Time comes in as an argument (`now`, in
//! milliseconds since the Unix epoch), never from a clock.

pub mod activity;
pub mod backup;
pub mod calendar;
pub mod catalog;
pub mod dates;
pub mod exercise;
pub mod figure;
pub mod ics;
pub mod ids;
pub mod library;
pub mod limits;
pub mod own_exercise;
pub mod own_item;
pub mod own_routine;
pub mod pain;
pub mod plan;
pub mod progression;
pub mod reminder;
pub mod rotation;
pub mod routine;
pub mod safety;
pub mod session;
pub mod session_record;
pub mod settings;
pub mod share;
pub mod sources;
pub mod storage_schema;
pub mod store;
#[cfg(test)]
mod structure;
#[cfg(test)]
mod test_support;
pub mod walking;
#[cfg(test)]
mod wording;

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives them.
pub type Millis = i64;
