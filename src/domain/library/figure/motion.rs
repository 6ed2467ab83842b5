//! Where a rep is in its move, for the figure: the phase of a step at a moment, and the
//! calm loop.

use super::body;

/// Where a rep is, for the figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Phase {
    /// At the start pose (getting ready, resting).
    Start,
    /// Moving into the end pose, this far (0 to 1).
    In(f32),
    /// Holding the end pose.
    End,
    /// Moving back to the start, this far.
    Back(f32),
}

/// How far into its move a rep is, for the figure: the phase of a step of `duration_ms`
/// (or none, for a tapped rep) `elapsed_ms` in, and whether the figure is moving then.
///
/// A hold moves in over its first [`MOVE_MS`] (or half of it, when shorter), then stays
/// still; a paced rep moves in for half its time and back for the other half; a tapped
/// rep and an activity loop at a calm pace until they end.
pub fn rep_phase(kind: RepKind, elapsed_ms: i64, duration_ms: Option<i64>) -> (Phase, bool) {
    let frac = |t: i64, span: i64| body::unit(t as f32 / span.max(1) as f32);
    match kind {
        RepKind::Hold => {
            let span = duration_ms.map_or(MOVE_MS, |d| MOVE_MS.min(d / 2));
            if elapsed_ms < span {
                (Phase::In(frac(elapsed_ms, span)), true)
            } else {
                (Phase::End, false)
            }
        }
        RepKind::Paced => {
            let half = duration_ms.unwrap_or(2 * MOVE_MS) / 2;
            if elapsed_ms < half {
                (Phase::In(frac(elapsed_ms, half)), true)
            } else {
                (Phase::Back(frac(elapsed_ms - half, half)), true)
            }
        }
        RepKind::Loop => loop_phase(elapsed_ms),
        RepKind::Still => (Phase::Start, false),
    }
}

/// The loop the exercise page plays, and tapped reps and activities in the player:
/// in, hold, back, rest, over [`LOOP_MS`]; moving except while still.
pub fn loop_phase(elapsed_ms: i64) -> (Phase, bool) {
    let t = elapsed_ms.rem_euclid(LOOP_MS);
    let q = LOOP_MS / 4;
    match t / q {
        0 => (Phase::In(t as f32 / q as f32), true),
        1 => (Phase::End, false),
        2 => (Phase::Back((t - 2 * q) as f32 / q as f32), true),
        _ => (Phase::Start, false),
    }
}

/// What a step is, for the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepKind {
    /// Into the end pose, then still.
    Hold,
    /// In and back within the step.
    Paced,
    /// A calm loop (a tapped rep, an activity).
    Loop,
    /// At the start pose (getting ready, resting).
    Still,
}

/// Time to move into a held pose.
pub const MOVE_MS: i64 = 1_500;
/// One turn of the calm loop.
pub const LOOP_MS: i64 = 4_000;
