//! A guard on the domain's shape. Reads the `crate::domain::…` and `super::…` paths of
//! every module's code (comments and tests left out) and fails:
//! - on a cycle between the domain's folders (and its root files), naming it;
//! - on a cycle between the modules inside one folder, naming it;
//! - when a folder depends on one listed after it in [`ORDER`] (the order `mod.rs` and the
//!   README describe).
//!
//! A module here is a root file (`dates.rs`), a folder (`session/`, through its `mod.rs`),
//! or a folder's file or sub-folder (`session/timeline.rs`, `library/catalog/`). A path to a
//! folder's `mod.rs` from inside that folder is not counted: a folder's root only gathers
//! and re-exports its own modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The domain's folders and root files, each depending only on those before it.
const ORDER: &[&str] = &[
    "dates", "ids", "sources", "storage", "records", "library", "session", "routines", "progress",
    "backup",
];

/// Modules compiled for the tests only: not the code's dependencies.
const TEST_ONLY: &[&str] = &["structure", "test_support", "wording"];

type Edges = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file below `dir`.
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
    out
}

/// The lines of a file before its tests: a one-line item marked `#[cfg(test)]` (`mod
/// tests;`, a `use`) is left out and reading goes on past it; a marked block (`mod tests
/// { … }`) ends the code.
fn before_tests(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[cfg(test)]" {
            out.push(line);
            continue;
        }
        match lines.next() {
            Some(item) if item.trim_end().ends_with(';') => {}
            _ => break,
        }
    }
    out
}

/// The code of a file: up to its tests, without comment lines.
fn code(text: &str) -> String {
    before_tests(text)
        .into_iter()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths that follow each `prefix` in `code`, each up to its second segment: one path,
/// or one per part of a `{…}` group (groups inside groups included).
fn paths_after(code: &str, prefix: &str) -> BTreeSet<Vec<String>> {
    /// Reads a use tree at the start of `s`, adding each path (after `head`) to `out`.
    fn tree(s: &str, head: &[String], out: &mut BTreeSet<Vec<String>>) -> usize {
        let s_trim = s.trim_start();
        let skipped = s.len() - s_trim.len();
        if let Some(group) = s_trim.strip_prefix('{') {
            let mut at = 0;
            loop {
                let rest = &group[at..];
                let inner = rest.trim_start();
                at += rest.len() - inner.len();
                if inner.starts_with('}') || inner.is_empty() {
                    return skipped + 1 + at + 1;
                }
                at += tree(inner, head, out);
                let rest = &group[at..];
                let inner = rest.trim_start();
                at += rest.len() - inner.len();
                if inner.starts_with(',') {
                    at += 1;
                }
            }
        }
        let word: String = s_trim
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if word.is_empty() {
            if !head.is_empty() {
                out.insert(head.to_vec());
            }
            return skipped.max(1);
        }
        let mut path = head.to_vec();
        path.push(word.clone());
        let after = &s_trim[word.len()..];
        if let Some(more) = after.strip_prefix("::") {
            skipped + word.len() + 2 + tree(more, &path, out)
        } else {
            path.truncate(2);
            out.insert(path);
            skipped + word.len()
        }
    }
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        // Part of a longer path, or the first of `super::super::`.
        if code[..at].ends_with("::") || code[at + prefix.len()..].starts_with(prefix) {
            continue;
        }
        let mut found = BTreeSet::new();
        tree(&code[at + prefix.len()..], &[], &mut found);
        out.extend(found.into_iter().map(|mut p| {
            p.truncate(2);
            p
        }));
    }
    out
}

/// Each domain module and the other domain modules its code names.
fn edges() -> Edges {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut found: Vec<(Vec<String>, String)> = Vec::new();
    for path in files(&dir) {
        let rel = path.strip_prefix(&dir).unwrap();
        let mut parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if parts.last().is_some_and(|p| p == "tests")
            || TEST_ONLY.contains(&parts[0].as_str())
            || parts == ["mod"]
        {
            continue;
        }
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        found.push((parts, code(&std::fs::read_to_string(&path).unwrap())));
    }
    let unit = |parts: &[String]| parts[..parts.len().min(2)].join("::");
    let units: BTreeSet<String> = found.iter().map(|(p, _)| unit(p)).collect();
    // A path from the domain's root, as the module it lands in.
    let resolve = |path: &[String]| -> Option<String> {
        let two = unit(path);
        if units.contains(&two) {
            Some(two)
        } else {
            units.get(&path[0]).cloned()
        }
    };
    let mut edges = Edges::new();
    for (parts, text) in &found {
        let from = unit(parts);
        let mut to = BTreeSet::new();
        for path in paths_after(text, "crate::domain::") {
            to.extend(resolve(&path));
        }
        // `super::` is the parent of the file's module, `super::super::` its grandparent.
        for (prefix, up) in [("super::super::", 2), ("super::", 1)] {
            if parts.len() <= up {
                continue;
            }
            let base = &parts[..parts.len() - up];
            for path in paths_after(text, prefix) {
                let full: Vec<String> = base.iter().cloned().chain(path).collect();
                to.extend(resolve(&full));
            }
        }
        let folder = parts[0].as_str();
        to.retain(|t| t != &from && !(parts.len() > 1 && t == folder));
        edges.entry(from).or_default().extend(to);
    }
    edges
}

/// The first cycle found in `edges`, as the modules round it (the first one again at the
/// end), or `None`.
fn cycle(edges: &Edges) -> Option<Vec<String>> {
    fn visit(
        at: &str,
        edges: &Edges,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == at) {
            let mut found = path[i..].to_vec();
            found.push(at.to_string());
            return Some(found);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_string());
        for next in edges.get(at).into_iter().flatten() {
            if let Some(found) = visit(next, edges, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(at.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|m| visit(m, edges, &mut Vec::new(), &mut done))
}

/// The edges between folders (a module inside a folder counted as the folder).
fn between_folders(edges: &Edges) -> Edges {
    let top = |m: &str| m.split("::").next().unwrap().to_string();
    let mut out = Edges::new();
    for (from, to) in edges {
        let set = out.entry(top(from)).or_default();
        set.extend(to.iter().map(|t| top(t)).filter(|t| *t != top(from)));
    }
    out
}

/// The edges between the modules inside `folder`.
fn inside(edges: &Edges, folder: &str) -> Edges {
    let prefix = format!("{folder}::");
    edges
        .iter()
        .filter(|(from, _)| from.starts_with(&prefix))
        .map(|(from, to)| {
            let to = to.iter().filter(|t| t.starts_with(&prefix)).cloned();
            (from.clone(), to.collect())
        })
        .collect()
}

#[test]
fn no_domain_module_needs_one_that_needs_it_back() {
    let edges = edges();
    assert!(
        edges.len() > 30,
        "the domain's modules were read: {edges:?}"
    );
    assert!(
        edges["routines::own_routine"].contains("library::limits")
            && edges["session::timeline"].contains("library::catalog")
            && edges["library::lookup"].contains("library::own_exercise"),
        "their paths were read: {edges:?}"
    );
    let folders = between_folders(&edges);
    if let Some(found) = cycle(&folders) {
        panic!(
            "a cycle between the domain's folders: {}",
            found.join(" → ")
        );
    }
    for folder in ORDER {
        if let Some(found) = cycle(&inside(&edges, folder)) {
            panic!("a cycle inside {folder}/: {}", found.join(" → "));
        }
    }
}

#[test]
fn each_folder_needs_only_those_before_it() {
    let folders = between_folders(&edges());
    let place = |f: &str| ORDER.iter().position(|o| *o == f);
    for (from, to) in &folders {
        let at = place(from).unwrap_or_else(|| panic!("{from} is not in ORDER"));
        for t in to {
            let there = place(t).unwrap_or_else(|| panic!("{t} is not in ORDER"));
            assert!(
                there < at,
                "{from} needs {t}, which comes after it in ORDER"
            );
        }
    }
    assert!(folders["backup"].contains("records") && folders["session"].contains("library"));
}

/// The most lines a file of `src/` may have before its tests.
const MAX_LINES: usize = 600;

/// Files of data, not code: the exercises as the sources give them.
const DATA: &[&str] = &["domain/library/catalog/exercises.rs"];

/// The lines of `text` before its tests.
fn lines_before_tests(text: &str) -> usize {
    before_tests(text).len()
}

#[test]
fn no_file_of_src_is_longer_than_600_lines_before_its_tests() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let all = files(&src);
    assert!(all.len() > 100, "the files of src were read");
    let long: Vec<String> = all
        .iter()
        .filter(|p| !p.ends_with("tests.rs"))
        .filter(|p| !DATA.iter().any(|d| p.ends_with(d)))
        .filter_map(|p| {
            let n = lines_before_tests(&std::fs::read_to_string(p).unwrap());
            (n > MAX_LINES).then(|| format!("{} ({n})", p.strip_prefix(&src).unwrap().display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines before their tests: {long:?}"
    );
    assert_eq!(lines_before_tests("a\nb\n#[cfg(test)]\nmod tests {}\n"), 2);
    // A test module declared at the top hides nothing after it.
    assert_eq!(lines_before_tests("#[cfg(test)]\nmod tests;\na\nb\n"), 2);
}

#[test]
fn a_cycle_is_found_and_named() {
    let mut edges = Edges::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        edges.entry(from.into()).or_default().insert(to.into());
    }
    assert_eq!(cycle(&edges).unwrap().join(" → "), "a → b → c → a");
    edges.get_mut("c").unwrap().remove("a");
    assert_eq!(cycle(&edges), None);
}

#[test]
fn modules_inside_folders_are_kept_apart_from_the_folders() {
    let mut edges = Edges::new();
    for (from, to) in [("f::a", "f::b"), ("f::b", "g"), ("g", "h::c")] {
        edges.entry(from.into()).or_default().insert(to.into());
    }
    let folders = between_folders(&edges);
    assert_eq!(folders["f"], ["g".to_string()].into());
    assert_eq!(folders["g"], ["h".to_string()].into());
    let f = inside(&edges, "f");
    assert_eq!(f["f::a"], ["f::b".to_string()].into());
    assert!(f["f::b"].is_empty());
}

#[test]
fn paths_in_groups_and_comments_are_read_as_code_reads_them() {
    let text = code(
        "use crate::domain::{library::catalog, library::exercise::{Dose, Kind}, dates};\n\
         // use crate::domain::progress::pain;\n\
         let x = super::routine::builtin();\n#[cfg(test)]\nuse crate::domain::progress::walking;\n\
         #[cfg(test)]\nmod tests;\nuse crate::domain::sources::APP_OWN;\n\
         #[cfg(test)]\nmod more {\nuse crate::domain::progress::pain;\n}",
    );
    let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        paths_after(&text, "crate::domain::"),
        [
            path(&["dates"]),
            path(&["library", "catalog"]),
            path(&["library", "exercise"]),
            path(&["sources", "APP_OWN"])
        ]
        .into()
    );
    assert_eq!(
        paths_after(&text, "super::"),
        [path(&["routine", "builtin"])].into()
    );
}
