//! A guard on the components' props: every parameter of a `#[component]` function under
//! `src/ui` has a `///` line above it (attributes such as `#[prop(optional)]` may come
//! between), so each prop says what it is. Reads the files as text: it runs natively, where
//! the UI itself is not compiled.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

/// One parameter of a component.
#[derive(Debug, PartialEq)]
struct Prop {
    component: String,
    name: String,
    documented: bool,
}

/// Every `.rs` file below `dir`, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Splits `s` at its top-level commas, up to the first bracket it did not open: the parts,
/// and where that bracket is. Comments and string literals are skipped over; the `>` of
/// `->` closes nothing.
fn split(s: &str) -> (Vec<&str>, usize) {
    let bytes = s.as_bytes();
    let (mut depth, mut start, mut at) = (0usize, 0, 0);
    let mut parts = Vec::new();
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at += s[at..].find('\n').unwrap_or(s.len() - at);
            }
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' | b'<' => depth += 1,
            b'>' if at > 0 && matches!(bytes[at - 1], b'-' | b'=') => {}
            b')' | b']' | b'}' | b'>' if depth == 0 => break,
            b')' | b']' | b'}' | b'>' => depth -= 1,
            b',' if depth == 0 => {
                parts.push(&s[start..at]);
                start = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    parts.push(&s[start..at.min(s.len())]);
    (parts, at)
}

/// A parameter as written: its name, and whether a `///` line is among the comments and
/// attributes before it. `None` for the empty part after a trailing comma.
fn param(mut part: &str) -> Option<(String, bool)> {
    let mut documented = false;
    loop {
        part = part.trim_start();
        if part.starts_with("//") {
            documented |= part.starts_with("///") && !part.starts_with("////");
            part = part.split_once('\n').map_or("", |(_, rest)| rest);
        } else if let Some(attribute) = part.strip_prefix('#') {
            let (_, end) = split(&attribute[1..]);
            part = &attribute[1 + end + 1..];
        } else {
            break;
        }
    }
    let name = part.split(':').next()?.trim().trim_start_matches("mut ");
    (!name.is_empty()).then(|| (name.to_string(), documented))
}

/// The parameters of each `#[component]` function in `text`.
fn props(text: &str) -> Vec<Prop> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if !line.trim_start().starts_with("#[component") {
            continue;
        }
        let after = &text[offset..];
        let signature = &after[after.find("fn ").unwrap() + 3..];
        let component: String = signature
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let mut rest = &signature[component.len()..];
        if let Some(generics) = rest.strip_prefix('<') {
            rest = &generics[split(generics).1 + 1..];
        }
        let list = rest.trim_start().strip_prefix('(').unwrap();
        for (name, documented) in split(list).0.into_iter().filter_map(param) {
            let component = component.clone();
            out.push(Prop {
                component,
                name,
                documented,
            });
        }
    }
    out
}

#[test]
fn every_component_prop_is_documented() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (mut all, mut missing) = (0, Vec::new());
    for path in files(&root.join("src/ui")) {
        let file = path.strip_prefix(&root).unwrap().display().to_string();
        for prop in props(&std::fs::read_to_string(&path).unwrap()) {
            all += 1;
            if !prop.documented {
                missing.push(format!("{file}: {}: {}", prop.component, prop.name));
            }
        }
    }
    assert!(all > 50, "the components' props were read: {all}");
    assert!(
        missing.is_empty(),
        "props with no /// line above them:\n{}",
        missing.join("\n")
    );
}

#[test]
fn an_undocumented_prop_is_named() {
    let text = r#"
/// A list.
#[component]
pub fn List<F>(
    /// Whether a row shows.
    show: F,
    rows: Vec<(u8, String)>,
    #[prop(optional)]
    pick: Option<Box<dyn Fn(u8) -> bool + 'static>>,
) -> impl IntoView
where
    F: Fn(u8) -> bool + 'static,
{
}

#[component]
fn Row(n: u8) -> impl IntoView {}
"#;
    let undocumented: Vec<_> = props(text)
        .into_iter()
        .filter(|p| !p.documented)
        .map(|p| format!("{}: {}", p.component, p.name))
        .collect();
    assert_eq!(undocumented, ["List: rows", "List: pick", "Row: n"]);
}

#[test]
fn a_documented_prop_may_have_attributes_between() {
    let text = r#"
#[component]
fn Choice<T: Copy + 'static>(
    /// The choices, (label, value), as shown.
    #[prop(into)]
    #[prop(default = "a, b)")]
    choices: Signal<Vec<(&'static str, T)>>,
    /// Called with the value chosen.
    on_pick: impl Fn(T) -> bool + 'static,
) -> impl IntoView {}
"#;
    let found = props(text);
    let names: Vec<_> = found.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["choices", "on_pick"]);
    assert!(found.iter().all(|p| p.documented), "{found:?}");
}
