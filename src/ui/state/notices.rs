//! Messages about the app itself (storage problems and the like), and the words for
//! what a load or a save of a record found.

use leptos::prelude::*;

use crate::domain::dates::plural;
use crate::domain::storage::store::{BackendError, Loaded, SaveError};

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
}

/// A way out offered with a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download a backup of what the app holds now.
    DownloadBackup,
    /// Download every stored text exactly as it is (for data the app can't read).
    DownloadStored,
}

/// A message shown at the top of every page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub tone: Tone,
    pub text: String,
    pub action: Option<NoticeAction>,
}

/// The notices shown above every page.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
}

impl Notices {
    pub fn new() -> Self {
        Notices {
            list: RwSignal::new(Vec::new()),
        }
    }

    /// The notices now, oldest first; tracked.
    pub fn list(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// Shows a notice.
    pub fn notify(&self, tone: Tone, text: String) {
        self.notify_with(tone, text, None);
    }

    /// Shows a notice with a way out. The same message twice (a full storage on every
    /// change) shows once.
    pub fn notify_with(&self, tone: Tone, text: String, action: Option<NoticeAction>) {
        self.list.update(|list| {
            if list.iter().any(|n| n.text == text) {
                return;
            }
            let id = list.iter().map(|n| n.id + 1).max().unwrap_or(0);
            list.push(Notice {
                id,
                tone,
                text,
                action,
            });
        });
    }

    pub fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|n| n.id != id));
    }

    /// Removes the notices whose text holds `part`: news that no longer holds.
    pub fn withdraw(&self, part: &str) {
        self.list
            .update(|list| list.retain(|n| !n.text.contains(part)));
    }

    /// Removes every notice.
    pub fn clear(&self) {
        self.list.set(Vec::new());
    }

    /// Tells the person about a load of their `what` (e.g. "activity log") that did not
    /// find the stored copy as it was; nothing when it did.
    pub fn report_load(&self, loaded: &Loaded<()>, what: &str) {
        if let Some((text, action)) = load_problem(loaded, what) {
            self.notify_with(Tone::Warning, text, action);
        }
    }

    /// Tells the person what a failed save of their `what` means, with a way out.
    pub fn report_save(&self, err: &SaveError, what: &str) {
        let text = match err {
            SaveError::Protected(reason) => format!(
                "Your latest change to your {what} was not saved: the stored copy is kept as \
                 it is, because {reason}. Download a backup so your change is not lost."
            ),
            SaveError::Backend(BackendError::QuotaExceeded) => format!(
                "Your latest change to your {what} is not saved yet: this browser's storage \
                 for Steadyback is full. Nothing is lost: this tab keeps it, even through a \
                 reload, and saves it once there is room. To be safe, download a backup now."
            ),
            err => format!(
                "Your {what} could not be saved: {err}. Download a backup so nothing is lost."
            ),
        };
        self.notify_with(Tone::Warning, text, Some(NoticeAction::DownloadBackup));
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}

/// What to tell the person about a load, and the way out to offer.
fn load_problem(loaded: &Loaded<()>, what: &str) -> Option<(String, Option<NoticeAction>)> {
    let were = |n: usize| if n == 1 { "was" } else { "were" };
    let stored = Some(NoticeAction::DownloadStored);
    let text = match loaded {
        Loaded::Missing | Loaded::Found(_) => return None,
        // A part of a record kept in parts (a year of sessions): how many is not known.
        Loaded::Salvaged {
            dropped: 0,
            kept_at,
            ..
        } => format!(
            "Part of your saved {what} could not be read and was left out; the rest loaded. \
             The stored text {}, untouched.",
            if kept_at.is_some() {
                "was put aside"
            } else {
                "stays where it is"
            }
        ),
        Loaded::Salvaged {
            dropped,
            kept_at: Some(_),
            ..
        } => format!(
            "{} of your saved {what} could not be read and {} left out; everything else \
             loaded. The stored text was put aside, untouched.",
            plural(*dropped, "entry", "entries"),
            were(*dropped)
        ),
        Loaded::Salvaged {
            dropped,
            kept_at: None,
            ..
        } => format!(
            "{} of your saved {what} could not be read and {} left out. The stored copy is \
             left untouched, so changes won't be saved.",
            plural(*dropped, "entry", "entries"),
            were(*dropped)
        ),
        Loaded::Corrupt {
            reason,
            kept_at: Some(_),
        } => format!(
            "Your saved {what} could not be read ({reason}), so Steadyback started with its \
             defaults. The unreadable copy was put aside, untouched."
        ),
        Loaded::Corrupt {
            reason,
            kept_at: None,
        } => format!(
            "Your saved {what} could not be read ({reason}). Steadyback is using its \
             defaults and left the stored copy untouched, so changes won't be saved."
        ),
        Loaded::Newer { reason } => format!(
            "Your saved {what} can't be used: {reason}. The stored copy is kept as it is and \
             won't be written over; please update the app. You can download it exactly as \
             it is."
        ),
        Loaded::Unreadable(err) => {
            return Some((
                format!(
                    "Your saved {what} could not be read ({err}). Steadyback is using its \
                     defaults."
                ),
                None,
            ))
        }
    };
    Some((text, stored))
}
