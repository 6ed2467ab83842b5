//! Forms being filled in, kept as they are typed so that a reload or a closed tab loses
//! nothing: one record per kind of form, holding one draft per form (leaving one
//! routine's editor for another's keeps both). Each draft says which form it is of.

use serde::{Deserialize, Serialize};

/// A draft of a form.
pub trait Draft {
    /// The form it is of: the id of the record being changed, or for a new one what it
    /// was copied from (or nothing).
    fn form(&self) -> (Option<&str>, Option<&str>);
}

/// Every unsaved draft of one kind of form, one per form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Drafts<T> {
    pub drafts: Vec<T>,
}

impl<T> Default for Drafts<T> {
    fn default() -> Self {
        Drafts { drafts: Vec::new() }
    }
}

/// True when a draft of form `of` is the one of the form opened for `editing` (a
/// record's id) or, for a new record, copied `from` one (or from nothing).
fn is_for(of: (Option<&str>, Option<&str>), editing: Option<&str>, from: Option<&str>) -> bool {
    match editing {
        Some(id) => of.0 == Some(id),
        None => of.0.is_none() && of.1 == from,
    }
}

impl<T: Draft> Drafts<T> {
    /// The draft of this form, if any.
    pub fn find(&self, editing: Option<&str>, from: Option<&str>) -> Option<&T> {
        self.drafts.iter().find(|d| is_for(d.form(), editing, from))
    }

    /// Keeps `draft` in place of its form's earlier one.
    pub fn keep(&mut self, draft: T) {
        let (editing, from) = draft.form();
        let (editing, from) = (editing.map(str::to_string), from.map(str::to_string));
        self.forget(editing.as_deref(), from.as_deref());
        self.drafts.push(draft);
    }

    /// Drops this form's draft (saved or discarded).
    pub fn forget(&mut self, editing: Option<&str>, from: Option<&str>) {
        self.drafts.retain(|d| !is_for(d.form(), editing, from));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Note {
        editing: Option<String>,
        from: Option<String>,
        text: &'static str,
    }

    impl Draft for Note {
        fn form(&self) -> (Option<&str>, Option<&str>) {
            (self.editing.as_deref(), self.from.as_deref())
        }
    }

    fn note(editing: Option<&str>, from: Option<&str>, text: &'static str) -> Note {
        Note {
            editing: editing.map(Into::into),
            from: from.map(Into::into),
            text,
        }
    }

    #[test]
    fn one_draft_per_form_each_found_kept_and_forgotten_alone() {
        let mut d = Drafts::default();
        d.keep(note(Some("own:1"), None, "first edit"));
        d.keep(note(None, None, "a new one"));
        d.keep(note(None, Some("desk-break"), "a copy"));
        d.keep(note(Some("own:1"), None, "second edit"));
        assert_eq!(d.drafts.len(), 3, "one per form");
        assert_eq!(d.find(Some("own:1"), None).unwrap().text, "second edit");
        assert_eq!(d.find(None, None).unwrap().text, "a new one");
        assert_eq!(d.find(None, Some("desk-break")).unwrap().text, "a copy");
        assert_eq!(d.find(Some("own:2"), None), None);
        // Editing a record is one form whatever it was copied from.
        assert_eq!(
            d.find(Some("own:1"), Some("x")).unwrap().text,
            "second edit"
        );
        d.forget(None, None);
        assert_eq!(d.find(None, None), None);
        assert_eq!(d.drafts.len(), 2, "the others are left alone");
    }
}
