//! Small helpers shared by the domain's tests.

use chrono::NaiveDate;

use crate::domain::Millis;

/// The built-in routines, for the tests of modules below them (the session's): fixtures,
/// not a dependency of their code.
pub mod routines {
    pub use crate::domain::routines::own_routine::OwnRoutine;
    pub use crate::domain::routines::routine::{builtin, find, Routine};
}

/// What the pain rules make of a session's record, for the session's tests.
pub mod progress {
    pub use crate::domain::progress::pain::after_check_choices;
}

/// A calendar day.
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `day` at `h:min` UTC, in ms.
pub fn at(day: NaiveDate, h: u32, min: u32) -> Millis {
    day.and_hms_opt(h, min, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}
