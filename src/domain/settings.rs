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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sound: true,
            voice: true,
            vibration: true,
        }
    }
}

impl Record for Settings {
    const NAME: &'static str = "settings";
    const SCHEMA: u32 = 1;
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
                vibration: false
            }
        );
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let partial = r#"{"schema":1,"saved_at":1,"data":{"sound":false}}"#;
        let settings = decode::<Settings>(partial).unwrap().data;
        assert!(!settings.sound);
        assert!(settings.voice && settings.vibration);
    }
}
