//! The app's sense of time: now, moved on every half minute by the app shell, for
//! whatever depends on the day or on time passing (the after-session check, streaks).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::local_day;
use crate::domain::Millis;
use crate::platform::clock;

/// Now, as a signal.
#[derive(Clone, Copy)]
pub struct Clock {
    now: RwSignal<Millis>,
}

impl Clock {
    pub fn new() -> Self {
        Clock {
            now: RwSignal::new(clock::now()),
        }
    }

    /// The time; tracked, so it moves on every half minute.
    pub fn now(&self) -> Millis {
        self.now.get()
    }

    /// Moves the time on to the device's clock.
    pub fn tick(&self) {
        self.now.set(clock::now());
    }

    /// The device clock's offset from UTC now, in minutes.
    pub fn offset(&self) -> i32 {
        clock::offset_min(self.now.get_untracked())
    }

    /// Today on the person's own calendar; tracked, so it moves on at midnight.
    pub fn today(&self) -> NaiveDate {
        let now = self.now.get();
        local_day(now, clock::offset_min(now))
    }
}

impl Default for Clock {
    fn default() -> Self {
        Self::new()
    }
}
