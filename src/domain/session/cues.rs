//! What a session asks the device to play as it goes: beeps, words and vibrations, and
//! when in each step they fall due.

use super::timeline::{secs_ms, Movement, Step, StepKind};

/// Holds (and activities) at least this long get a "halfway" cue.
pub const HALFWAY_FROM_SECS: u32 = 20;

/// Seconds left at which a countdown beeps: 3, 2, 1.
const COUNTDOWN_SECS: [u8; 3] = [3, 2, 1];

/// Something for the platform to play: a beep, a vibration, words to speak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// A step started (a change of phase): beep or vibrate, and say `say`.
    Step { step: usize, say: String },
    /// A switch-side step started.
    SwitchSides { step: usize, say: String },
    /// A countdown beep near the end of a get-ready, a rest or a switch of sides.
    Countdown { secs_left: u8 },
    /// Half of a hold of [`HALFWAY_FROM_SECS`] or more (or of an activity) is done.
    Halfway { say: String },
    /// The session is over.
    Finished { say: String },
}

impl Cue {
    /// The words to speak, if any.
    pub fn say(&self) -> Option<&str> {
        match self {
            Cue::Step { say, .. }
            | Cue::SwitchSides { say, .. }
            | Cue::Halfway { say }
            | Cue::Finished { say } => Some(say),
            Cue::Countdown { .. } => None,
        }
    }
}

/// The cue for the start of step `index`.
pub(super) fn start_cue(step: &Step, index: usize) -> Cue {
    let say = step.say();
    match step.kind {
        StepKind::SwitchSide => Cue::SwitchSides { step: index, say },
        StepKind::Finished => Cue::Finished { say },
        _ => Cue::Step { step: index, say },
    }
}

/// The cues of step `index` that fall due at offsets (ms into the step) for which `due`
/// holds, in order. Only those are made: the player asks on every tick, and the start
/// cue's sentence is long.
pub(super) fn cue_points(steps: &[Step], index: usize, due: impl Fn(i64) -> bool) -> Vec<Cue> {
    timed_cue_points(steps, index, due)
        .into_iter()
        .map(|(_, cue)| cue)
        .collect()
}

/// [`cue_points`], each cue with its offset in the step.
pub(super) fn timed_cue_points(
    steps: &[Step],
    index: usize,
    due: impl Fn(i64) -> bool,
) -> Vec<(i64, Cue)> {
    let Some(step) = steps.get(index) else {
        return Vec::new();
    };
    let mut cues = Vec::new();
    if due(0) {
        cues.push((0, start_cue(step, index)));
    }
    let duration = step.duration_ms.unwrap_or(0);
    match step.kind {
        StepKind::GetReady | StepKind::Rest | StepKind::SwitchSide => {
            for secs_left in COUNTDOWN_SECS {
                let at = duration - i64::from(secs_left) * 1000;
                if at > 0 && due(at) {
                    cues.push((at, Cue::Countdown { secs_left }));
                }
            }
        }
        StepKind::Work(Movement::Hold | Movement::Minutes)
            if duration >= secs_ms(HALFWAY_FROM_SECS) && due(duration / 2) =>
        {
            cues.push((
                duration / 2,
                Cue::Halfway {
                    say: "Halfway.".to_string(),
                },
            ));
        }
        _ => {}
    }
    cues
}
