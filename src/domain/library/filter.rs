//! Finding exercises in the library: filters by kind, position and kit, and text search.
//!
//! The filter lives in the page address (`/library?kind=strength&kit=bed&q=knee`), so a
//! filtered view can be bookmarked and survives a reload. Unknown or malformed values in
//! the address are ignored rather than treated as errors.

use crate::domain::library::exercise::{Exercise, Kind, Kit, Position};
use crate::domain::library::own_exercise::is_own;

/// What the person is looking for. Every part is optional; they combine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub position: Option<Position>,
    pub kit: Option<Kit>,
    /// Free text; every word must appear somewhere in the exercise.
    pub text: String,
    /// Only the person's own exercises ("Only mine").
    pub mine: bool,
}

impl Filter {
    /// Reads a filter from the address's query, given a lookup of its parameters.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filter {
        Filter {
            kind: get("kind").as_deref().and_then(Kind::from_slug),
            position: get("position").as_deref().and_then(Position::from_slug),
            kit: get("kit").as_deref().and_then(Kit::from_slug),
            text: get("q").unwrap_or_default(),
            mine: get("mine").as_deref() == Some("1"),
        }
    }

    /// The query string for this filter, with its leading `?`, or `""` when empty.
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(kind) = self.kind {
            pairs.push(format!("kind={}", kind.slug()));
        }
        if let Some(position) = self.position {
            pairs.push(format!("position={}", position.slug()));
        }
        if let Some(kit) = self.kit {
            pairs.push(format!("kit={}", kit.slug()));
        }
        if !self.text.trim().is_empty() {
            pairs.push(format!("q={}", percent_encode(&self.text)));
        }
        if self.mine {
            pairs.push("mine=1".to_string());
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && self.position.is_none()
            && self.kit.is_none()
            && self.text.trim().is_empty()
            && !self.mine
    }

    pub fn matches(&self, e: &Exercise) -> bool {
        self.kind.is_none_or(|k| e.kind == k)
            && self.position.is_none_or(|p| e.position == p)
            && self.kit.is_none_or(|k| e.kit.contains(&k))
            && (!self.mine || is_own(&e.id))
            && self.matches_text(e)
    }

    fn matches_text(&self, e: &Exercise) -> bool {
        let words: Vec<String> = self
            .text
            .split_whitespace()
            // The library's words are all ASCII: ASCII case folding is enough, and spares
            // the first load Unicode's case tables (a person's own exercise is matched
            // the same way: its ASCII letters regardless of case, others as typed).
            .map(str::to_ascii_lowercase)
            .collect();
        if words.is_empty() {
            return true;
        }
        let mut haystack = format!(
            "{} {} {} {} {}",
            e.name,
            e.purpose,
            e.kind.label(),
            e.position.label(),
            e.id.replace('-', " ")
        );
        for kit in e.kit {
            haystack.push(' ');
            haystack.push_str(kit.label());
        }
        let haystack = haystack.to_ascii_lowercase();
        words.iter().all(|w| haystack.contains(w.as_str()))
    }

    /// The exercises of `list` that match, in their order.
    pub fn apply<'a>(&self, list: impl IntoIterator<Item = &'a Exercise>) -> Vec<&'a Exercise> {
        list.into_iter().filter(|e| self.matches(e)).collect()
    }
}

/// Percent-encodes everything but unreserved characters, as a query value needs.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::catalog::CATALOG;
    use std::collections::BTreeMap;

    fn ids(filter: &Filter) -> Vec<&'static str> {
        filter
            .apply(CATALOG.iter().copied())
            .iter()
            .map(|e| e.id.as_ref())
            .collect()
    }

    fn query(pairs: &[(&str, &str)]) -> Filter {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Filter::from_query(|k| map.get(k).cloned())
    }

    #[test]
    fn an_empty_filter_shows_everything() {
        let f = Filter::default();
        assert!(f.is_empty());
        assert_eq!(f.apply(CATALOG.iter().copied()).len(), CATALOG.len());
        assert_eq!(f.to_query(), "");
    }

    #[test]
    fn filters_combine() {
        let f = Filter {
            kind: Some(Kind::Strength),
            kit: Some(Kit::Bed),
            ..Filter::default()
        };
        assert_eq!(
            ids(&f),
            vec![
                "abdominal-bracing",
                "bridge",
                "prone-trunk-lift",
                "elevated-plank"
            ]
        );
        let f = Filter {
            position: Some(Position::FaceDown),
            ..f
        };
        assert_eq!(ids(&f), vec!["prone-trunk-lift"]);
    }

    #[test]
    fn text_search_needs_every_word_anywhere() {
        let f = Filter {
            text: "  KNEE hug ".into(),
            ..Filter::default()
        };
        assert_eq!(ids(&f), vec!["double-knee-hug", "single-knee-hug"]);
        let f = Filter {
            text: "wall".into(),
            kind: Some(Kind::Posture),
            ..Filter::default()
        };
        assert_eq!(ids(&f), vec!["wall-stand"]);
        let f = Filter {
            text: "zzz".into(),
            ..Filter::default()
        };
        assert!(ids(&f).is_empty());
    }

    #[test]
    fn the_query_round_trips() {
        let f = Filter {
            kind: Some(Kind::Strength),
            position: Some(Position::OnBack),
            kit: Some(Kit::FoamRoller),
            text: "knee & hug/ü".into(),
            mine: true,
        };
        let q = f.to_query();
        assert_eq!(
            q,
            "?kind=strength&position=on-back&kit=foam-roller&q=knee%20%26%20hug%2F%C3%BC&mine=1"
        );
        let back = query(&[
            ("kind", "strength"),
            ("position", "on-back"),
            ("kit", "foam-roller"),
            ("q", "knee & hug/ü"),
            ("mine", "1"),
        ]);
        assert_eq!(back, f);
    }

    #[test]
    fn own_exercises_are_searched_filtered_and_only_mine_shows_them_alone() {
        use crate::domain::library::own_exercise::{OwnExercise, Start};
        use crate::domain::library::Library;
        let clam = OwnExercise {
            id: 5,
            name: "Clam with a band".into(),
            start: Start::HandsKnees,
            steps: vec!["Open the knees.".into()],
            ..OwnExercise::default()
        };
        let library = Library::new(std::slice::from_ref(&clam));
        let list = || library.all();
        let only = |f: Filter| -> Vec<String> {
            f.apply(list()).iter().map(|e| e.id.to_string()).collect()
        };
        let id = clam.exercise_id();
        let just = vec![id.clone()];
        let mine = Filter {
            mine: true,
            ..Filter::default()
        };
        assert_eq!(only(mine.clone()), just);
        assert_eq!(
            only(Filter {
                text: "BAND".into(),
                ..Filter::default()
            }),
            just
        );
        assert_eq!(
            only(Filter {
                position: Some(Position::HandsKnees),
                kind: Some(Kind::Stretch),
                ..Filter::default()
            }),
            just
        );
        assert!(only(Filter {
            text: "knee".into(),
            ..mine
        })
        .contains(&id));
        assert_eq!(Filter::default().apply(list()).len(), CATALOG.len() + 1);
    }

    #[test]
    fn unknown_values_in_the_address_are_ignored() {
        let f = query(&[("kind", "magic"), ("kit", ""), ("position", "upside-down")]);
        assert!(f.is_empty());
    }
}
