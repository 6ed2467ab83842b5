//! The person's preferences for how a guided session talks to them.

use serde::{Deserialize, Serialize};

use super::storage_schema::Record;

/// How the guided session signals what to do. Every cue is on by default: someone lying
/// on the floor should not have to look at the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// When the voice describes the starting position and the move of an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
        }
    }
}

impl Record for Settings {
    const NAME: &'static str = "settings";
    /// 2: gained `describe` and `motion`. An app that reads only schema 1 would drop it when saving,
    /// so it must refuse this data as newer instead.
    const SCHEMA: u32 = 2;

    fn migrate(from: u32, data: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            // The new field has a default: the data only has to be settings.
            1 if data.is_object() => Ok(data),
            1 => Err("the settings are not an object".into()),
            _ => Err(format!("no migration from schema {from}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::storage_schema::decode;

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
            },
            "schema 1 is read, describing the first times"
        );
        assert_eq!(decode::<Settings>(v1).unwrap().schema, 2);
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
}
