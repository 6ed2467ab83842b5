//! The person's preferences: how a guided session talks to them and paces itself, and
//! how the app looks.

use serde::{Deserialize, Serialize};

use crate::domain::library::exercise::SWITCH_SIDE_SECS;
use crate::domain::session::Pace;
pub use crate::domain::session::RestPace;
use crate::domain::storage::schema::{by_name, Record};

/// The person's preferences. Every cue is on by default: someone lying on the floor
/// should not have to look at the screen. Pacing defaults are the app's own timings
/// from before the preferences existed, so nothing changes until the person asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Short beeps at the count-down and at each change of phase.
    pub sound: bool,
    /// Spoken instructions.
    pub voice: bool,
    /// Vibration at each change of phase, where the device can vibrate.
    pub vibration: bool,
    /// When the voice describes each move.
    pub describe: Describe,
    /// Figures that move; off, they show each pose still (as with the device's own
    /// "reduce motion").
    pub motion: bool,
    /// Seconds of the get-ready countdown before each exercise: one of
    /// [`GET_READY_CHOICES`] (anything else is read as the nearest).
    pub get_ready_secs: u8,
    /// Rests between reps and sets: shorter, as set, or longer.
    pub rest: RestPace,
    /// A longer pause to change sides ([`SWITCH_PAUSE_SECS`]).
    pub switch_pause: bool,
    /// Loudness of the beeps and the voice, 0 to 100.
    pub volume: u8,
    /// The device voice chosen (its `voiceURI`), or `None` for the device's default. A
    /// voice the device no longer has falls back to the default.
    pub voice_uri: Option<String>,
    /// Speaking rate in percent of normal: one of [`RATE_CHOICES`].
    pub rate: u8,
    pub theme: Theme,
    pub text_size: TextSize,
}

/// The get-ready times offered, in seconds.
pub const GET_READY_CHOICES: [u8; 4] = [5, 10, 15, 20];
/// Speaking rates offered, in percent of the voice's normal rate.
pub const RATE_CHOICES: [u8; 5] = [70, 85, 95, 110, 125];
/// Seconds to change sides with [`Settings::switch_pause`] on (the app's own figure:
/// time to roll over or stand up and turn round without hurrying).
pub const SWITCH_PAUSE_SECS: u32 = 15;

/// Light, dark, or as the device is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Device,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Device, Theme::Light, Theme::Dark];

    pub fn label(self) -> &'static str {
        match self {
            Theme::Device => "As the device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// The value of the page's `data-theme` (the stored form too: index.html's first
    /// script reads it before the first paint).
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Device => "device",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// How big the app's text is; the whole app scales with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Larger];

    pub fn label(self) -> &'static str {
        match self {
            TextSize::Normal => "Normal",
            TextSize::Large => "Large",
            TextSize::Larger => "Larger",
        }
    }

    /// The value of the page's `data-text` (also the stored form).
    pub fn slug(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
        }
    }
}

/// When the voice describes the starting position and the move of an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Describe {
    /// Every time.
    Always,
    /// The first [`DESCRIBE_FIRST_TIMES`] times the person does an exercise (the app's
    /// own choice: enough to learn it, then only the counts).
    #[default]
    FirstTimes,
    /// Never: names and counts only.
    Never,
}

by_name!(Describe, Describe::ALL, Describe::stored);
by_name!(Theme, Theme::ALL, Theme::slug);
by_name!(TextSize, TextSize::ALL, TextSize::slug);

/// How many times an exercise is described with [`Describe::FirstTimes`].
pub const DESCRIBE_FIRST_TIMES: usize = 3;

impl Describe {
    pub const ALL: [Describe; 3] = [Describe::Always, Describe::FirstTimes, Describe::Never];

    /// True when an exercise done `times_done` times before is to be described.
    pub fn wants(self, times_done: usize) -> bool {
        match self {
            Describe::Always => true,
            Describe::FirstTimes => times_done < DESCRIBE_FIRST_TIMES,
            Describe::Never => false,
        }
    }

    /// The stored name.
    pub fn stored(self) -> &'static str {
        match self {
            Describe::Always => "always",
            Describe::FirstTimes => "first_times",
            Describe::Never => "never",
        }
    }

    /// What the setting's choice says.
    pub fn label(self) -> &'static str {
        match self {
            Describe::Always => "Always",
            Describe::FirstTimes => "The first 3 times I do an exercise",
            Describe::Never => "Never",
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sound: true,
            voice: true,
            vibration: true,
            describe: Describe::FirstTimes,
            motion: true,
            get_ready_secs: 10,
            rest: RestPace::AsSet,
            switch_pause: false,
            volume: 100,
            voice_uri: None,
            rate: 95,
            theme: Theme::Device,
            text_size: TextSize::Normal,
        }
    }
}

impl Settings {
    /// How sessions are paced: the get-ready (the nearest choice offered), rests and
    /// the pause to change sides.
    pub fn pace(&self) -> Pace {
        Pace {
            get_ready_secs: u32::from(self.get_ready_choice()),
            rest: self.rest,
            switch_secs: if self.switch_pause {
                SWITCH_PAUSE_SECS
            } else {
                SWITCH_SIDE_SECS
            },
        }
    }

    /// The volume from 0 to 1.
    pub fn loudness(&self) -> f32 {
        f32::from(self.volume.min(100)) / 100.0
    }

    /// The speaking rate, 1 being the voice's normal (the nearest choice offered).
    pub fn speech_rate(&self) -> f32 {
        f32::from(self.rate_choice()) / 100.0
    }

    /// The get-ready seconds: the choice offered nearest the stored number.
    pub fn get_ready_choice(&self) -> u8 {
        nearest(&GET_READY_CHOICES, self.get_ready_secs)
    }

    /// The speaking rate in percent: the choice offered nearest the stored number.
    pub fn rate_choice(&self) -> u8 {
        nearest(&RATE_CHOICES, self.rate)
    }
}

/// The choice nearest `n` (the first of two as near).
fn nearest(choices: &[u8], n: u8) -> u8 {
    choices
        .iter()
        .copied()
        .min_by_key(|c| c.abs_diff(n))
        .unwrap_or(n)
}

impl Record for Settings {
    const NAME: &'static str = "settings";
    /// 2: gained `describe` and `motion`. 3: the session's pacing, volume, the voice and
    /// its rate, theme and text size. An app that reads an older schema would drop the
    /// new fields when saving, so it must refuse this data as newer instead.
    const SCHEMA: u32 = 3;

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // The new fields have defaults: the data only has to be settings.
            1 | 2 if data.is_object() => Ok(data),
            1 | 2 => Err("the settings are not an object".into()),
            _ => Err(format!("no migration from schema {from}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::storage::schema::decode;

    #[test]
    fn schema_1_fixture_loads() {
        let v1 = r#"{"schema":1,"saved_at":1763700000000,"data":{"sound":false,"voice":true,"vibration":false}}"#;
        let settings = decode::<Settings>(v1).unwrap().data;
        assert_eq!(
            settings,
            Settings {
                sound: false,
                voice: true,
                vibration: false,
                describe: Describe::FirstTimes,
                motion: true,
                ..Settings::default()
            },
            "schema 1 is read, describing the first times"
        );
        assert_eq!(decode::<Settings>(v1).unwrap().schema, 3);
    }

    #[test]
    fn describing_follows_the_setting() {
        assert!(Describe::default().wants(0) && Describe::default().wants(2));
        assert!(!Describe::default().wants(3), "not on the 4th time");
        assert!(Describe::Always.wants(50));
        assert!(!Describe::Never.wants(0));
        let text = serde_json::to_string(&Describe::FirstTimes).unwrap();
        assert_eq!(text, r#""first_times""#);
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let partial = r#"{"schema":1,"saved_at":1,"data":{"sound":false}}"#;
        let settings = decode::<Settings>(partial).unwrap().data;
        assert!(!settings.sound);
        assert!(settings.voice && settings.vibration);
    }

    #[test]
    fn todays_three_toggles_and_schema_2_migrate_to_3() {
        // The record as it was before the preferences: three toggles, schema 1.
        let v1 =
            r#"{"schema":1,"saved_at":1,"data":{"sound":true,"voice":false,"vibration":true}}"#;
        let s = decode::<Settings>(v1).unwrap().data;
        assert!(s.sound && !s.voice && s.vibration);
        assert_eq!(s.pace(), Pace::default(), "pacing as it was");
        assert_eq!((s.volume, s.rate, s.voice_uri.clone()), (100, 95, None));
        assert_eq!((s.theme, s.text_size), (Theme::Device, TextSize::Normal));
        let v2 = r#"{"schema":2,"saved_at":1,"data":{"sound":false,"voice":true,"vibration":false,"describe":"always","motion":false}}"#;
        let s = decode::<Settings>(v2).unwrap().data;
        assert_eq!(
            (s.describe, s.motion, s.sound),
            (Describe::Always, false, false)
        );
        assert_eq!(s.get_ready_secs, 10);
        let bad = r#"{"schema":2,"saved_at":1,"data":[1,2]}"#;
        assert!(
            decode::<Settings>(bad).is_err(),
            "not settings: refused, not emptied"
        );
    }

    #[test]
    fn preferences_round_trip_and_odd_numbers_read_as_the_nearest_choice() {
        let s = Settings {
            get_ready_secs: 15,
            rest: RestPace::Longer,
            switch_pause: true,
            volume: 40,
            voice_uri: Some("Daniel".into()),
            rate: 125,
            theme: Theme::Dark,
            text_size: TextSize::Larger,
            ..Settings::default()
        };
        let text = crate::domain::storage::schema::encode(&s, 1).unwrap();
        assert_eq!(decode::<Settings>(&text).unwrap().data, s);
        assert_eq!(
            s.pace(),
            Pace {
                get_ready_secs: 15,
                rest: RestPace::Longer,
                switch_secs: SWITCH_PAUSE_SECS
            }
        );
        assert!((s.loudness() - 0.4).abs() < 1e-6);
        let odd = Settings {
            get_ready_secs: 200,
            rate: 0,
            volume: 250,
            ..Settings::default()
        };
        assert_eq!(odd.pace().get_ready_secs, 20);
        assert!((odd.speech_rate() - 0.7).abs() < 1e-6);
        assert!((odd.loudness() - 1.0).abs() < 1e-6);
    }
}
