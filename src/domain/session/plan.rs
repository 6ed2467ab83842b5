//! The plan a routine becomes for a session: plain numbers per exercise, which can be
//! stored so a session in progress survives a reload.

use serde::{Deserialize, Serialize};

use crate::domain::library::exercise::{Exercise, Sides};

/// What one rep of a [`PlannedItem`] is, with its time. The stored mirror of
/// [`Work`](crate::domain::library::exercise::Work), holding only the starting values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "StoredWork")]
pub enum PlannedWork {
    /// Held still for this many seconds.
    Hold { secs: u16 },
    /// A steady movement taking this many seconds.
    Paced { secs: u16 },
    /// Ends when the person taps.
    Tapped,
    /// A timed activity of this many minutes.
    Minutes { minutes: u16 },
}

/// [`PlannedWork`] as stored (`{"kind": "hold", "secs": 5}`), read as a plain struct:
/// far less code than serde's reading of a tagged enum.
#[derive(Deserialize)]
struct StoredWork {
    kind: String,
    secs: Option<u16>,
    minutes: Option<u16>,
}

impl TryFrom<StoredWork> for PlannedWork {
    type Error = String;

    fn try_from(w: StoredWork) -> Result<Self, String> {
        let need = |n: Option<u16>, what: &str| n.ok_or(format!("a {} step has no {what}", w.kind));
        Ok(match w.kind.as_str() {
            "hold" => PlannedWork::Hold {
                secs: need(w.secs, "secs")?,
            },
            "paced" => PlannedWork::Paced {
                secs: need(w.secs, "secs")?,
            },
            "tapped" => PlannedWork::Tapped,
            "minutes" => PlannedWork::Minutes {
                minutes: need(w.minutes, "minutes")?,
            },
            other => return Err(format!("unknown kind of work {other:?}")),
        })
    }
}

/// The stored form of [`Sides`].
#[derive(Serialize, Deserialize)]
#[serde(remote = "Sides", rename_all = "snake_case")]
enum SidesDef {
    Together,
    EachSide,
    Alternating,
    TakingTurns,
}

/// The plain numbers a session plays for one exercise of a routine. Unlike a [`Dose`](crate::domain::library::exercise::Dose),
/// this can be stored, so a session in progress can be saved and resumed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedItem {
    /// The catalogue id of the exercise.
    pub exercise: String,
    /// Sets to play.
    pub sets: u16,
    /// Reps in each set (per side when [`Sides::EachSide`]).
    pub reps: u16,
    /// What each rep is, and its time.
    pub work: PlannedWork,
    /// Rest between reps, in seconds.
    pub rest_reps_secs: u16,
    /// Rest between sets, in seconds.
    pub rest_sets_secs: u16,
    /// How the two sides are worked.
    #[serde(with = "SidesDef")]
    pub sides: Sides,
    /// True when the voice describes the exercise (see [`Describe`]).
    ///
    /// [`Describe`]: crate::domain::session::settings::Describe
    #[serde(default)]
    pub describe: bool,
    /// The words of a person's own exercise (`None` for the library's, which come from
    /// the library).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own: Option<Words>,
}

/// What is said and shown of a person's own exercise in a session. Kept with the plan, so
/// a session saved and resumed plays the words it started with, even when the exercise
/// was changed or deleted meanwhile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Words {
    pub name: String,
    pub say_start: String,
    pub say_move: String,
}

impl Words {
    /// The words of `exercise`.
    pub fn of(exercise: &Exercise) -> Words {
        Words {
            name: exercise.name.to_string(),
            say_start: exercise.say_start.to_string(),
            say_move: exercise.say_move.to_string(),
        }
    }
}
