//! A guard on the domain's shape: no two modules need each other, directly or round a
//! circle. Reads the `crate::domain::…` and `super::…` paths of every module's code
//! (comments and tests left out) and fails naming the first cycle it finds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

/// The code of a file: up to its tests, without comment lines.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names that follow each `prefix` in `code`: one path segment, or every word of a
/// `{…}` group.
fn named_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            let parts = group[..end].split(|c: char| !(c.is_alphanumeric() || c == '_'));
            out.extend(parts.filter(|p| !p.is_empty()).map(str::to_string));
        } else {
            out.insert(word(rest));
        }
    }
    out
}

/// Each domain module and the other domain modules its code names.
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut found: Vec<(String, bool, String)> = Vec::new();
    for path in files(&dir) {
        let rel = path.strip_prefix(&dir).unwrap();
        let parts: Vec<_> = rel
            .iter()
            .map(|p| p.to_string_lossy().to_string())
            .collect();
        let file = parts.last().unwrap().clone();
        let module = parts[0].trim_end_matches(".rs").to_string();
        // Tests and test helpers are not the code's dependencies.
        if module == "mod" || module == "test_support" || file == "tests.rs" {
            continue;
        }
        // In a file inside a folder module (not its mod.rs), `super::` names a sibling.
        let inner = parts.len() > 2 || (parts.len() == 2 && file != "mod.rs");
        let text = code(&std::fs::read_to_string(&path).unwrap());
        found.push((module, inner, text));
    }
    let modules: BTreeSet<String> = found.iter().map(|(m, _, _)| m.clone()).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, inner, text) in found {
        let up = if inner { "super::super::" } else { "super::" };
        let names = named_after(&text, "crate::domain::")
            .into_iter()
            .chain(named_after(&text, up));
        let entry = edges.entry(module.clone()).or_default();
        entry.extend(names.filter(|n| modules.contains(n) && *n != module));
    }
    edges
}

/// A cycle, as the modules round it in order (the first again at the end), if any.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        at: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
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

#[test]
fn no_domain_module_needs_one_that_needs_it_back() {
    let edges = edges();
    assert!(edges.len() > 20, "the domain's modules were read");
    assert!(
        edges["own_routine"].contains("catalog") && edges["session"].contains("catalog"),
        "their paths were read: {edges:?}"
    );
    if let Some(found) = cycle(&edges) {
        panic!("a cycle between domain modules: {}", found.join(" → "));
    }
}

#[test]
fn a_cycle_is_found_and_named() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        edges.entry(from.into()).or_default().insert(to.into());
    }
    assert_eq!(cycle(&edges).unwrap().join(" → "), "a → b → c → a");
    edges.get_mut("c").unwrap().remove("a");
    assert_eq!(cycle(&edges), None);
}

#[test]
fn paths_in_groups_and_comments_are_read_as_code_reads_them() {
    let text = code(
        "use crate::domain::{catalog, exercise::Dose};\n// use crate::domain::pain;\n\
         let x = super::routine::builtin();\n#[cfg(test)]\nuse crate::domain::walking;",
    );
    assert_eq!(
        named_after(&text, "crate::domain::"),
        ["Dose", "catalog", "exercise"].map(String::from).into()
    );
    assert_eq!(
        named_after(&text, "super::"),
        ["routine"].map(String::from).into()
    );
}
