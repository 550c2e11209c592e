//! The modules of `core/src` form a ladder, no two files import each other, and no file is
//! over 800 lines.
//!
//! Rungs, lowest first (ARCHITECTURE.md draws them):
//!
//! 0. `value`: dates, decimals, ids, periods, the crate's version
//! 1. `error`: the error type, and typed options read from JSON with errors naming the field
//! 2. `catalogue`: the data model (rule data included) and its checks
//! 3. `calendar`: working-day calendars
//! 4. `context`: catalogue + calendars + scenario, the dated parameter lookup
//! 5. `rules`: evaluation, time limits, batches
//! 6. `sampling`, `targets`: inspection plans; target assessment
//! 7. `communities`: the registry and the responsibility chain
//! 8. `schema`, `testing`, `lib.rs`: the published schemas, the test-case runner, the crate's front
//!
//! A module may import only from rungs below its own (never from a module of its own rung),
//! and within a module no two files may import each other, directly or round a loop. The
//! test reads the `use crate::…` / `use super::…` lines and the inline `crate::…` paths of
//! every file (comments aside) and resolves names re-exported by a `mod.rs` to the file that
//! defines them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const RUNGS: &[(&str, u8)] = &[
    ("value", 0),
    ("error", 1),
    ("catalogue", 2),
    ("calendar", 3),
    // The drafter reads text into catalogue entries: it needs the catalogue's types and nothing else.
    ("draft", 3),
    ("context", 4),
    ("rules", 5),
    ("sampling", 6),
    ("targets", 6),
    ("communities", 7),
    ("schema", 8),
    ("testing", 8),
    ("lib", 8),
];

fn rung(module: &str) -> Option<u8> {
    RUNGS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

/// A source file: its module (`rules`), its path within the module (`rules/evaluator`,
/// `rules` for `rules/mod.rs` or `rules.rs`), and its text.
struct Source {
    module: String,
    file: String,
    text: String,
}

fn source(relative: &str, text: String) -> Source {
    let stem = relative.trim_end_matches(".rs");
    let stem = stem.strip_suffix("/mod").unwrap_or(stem);
    let module = stem.split('/').next().unwrap_or(stem).to_owned();
    Source { module, file: stem.to_owned(), text }
}

/// The code of a file without comments (line comments and doc comments) and without its unit
/// tests (a `#[cfg(test)]` module at the top level, which may use anything, as integration
/// tests do).
fn code(text: &str) -> String {
    let text = match text.find("\n#[cfg(test)]\nmod ") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `use` items of a file, each as a path and its leaf names: `use a::b::{C, d::E}` gives
/// `(a::b, [C, d::E])`. Inline paths `crate::a::b` in code are returned as `(crate::a, [b])`.
fn imports(text: &str) -> Vec<(String, Vec<String>)> {
    let code = code(text);
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().last();
        rest = &rest[i + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        let item: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
        rest = &rest[end..];
        let (path, leaves) = match item.find('{') {
            Some(b) => {
                let inner = item[b + 1..].trim_end_matches('}');
                (item[..b].trim_end_matches("::").to_owned(), split_top(inner))
            }
            None => match item.rsplit_once("::") {
                Some((p, leaf)) => (p.to_owned(), vec![leaf.to_owned()]),
                None => (item.clone(), Vec::new()),
            },
        };
        out.push((path, leaves));
    }
    // Inline paths: crate::module::rest and super::file::rest.
    for root in ["crate", "super"] {
        let needle = format!("{root}::");
        let mut rest = code.as_str();
        while let Some(i) = rest.find(&needle) {
            let before = rest[..i].chars().last();
            rest = &rest[i + needle.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: String =
                rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let mut parts = path.split("::");
            let first = parts.next().unwrap_or_default().to_owned();
            if first.is_empty() {
                continue;
            }
            let second = parts.next().unwrap_or_default().to_owned();
            out.push((format!("{root}::{first}"), vec![second]));
        }
    }
    out
}

/// Splits `A, b::{C, D}, E` at top-level commas.
fn split_top(s: &str) -> Vec<String> {
    let (mut out, mut depth, mut cur) = (Vec::new(), 0, String::new());
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// For every `mod.rs` (and `lib.rs`), the file each re-exported name comes from:
/// `pub use evaluator::{Evaluator, Options};` maps `rules::Evaluator` to `rules/evaluator`.
fn reexports(sources: &[Source]) -> BTreeMap<(String, String), String> {
    let mut map = BTreeMap::new();
    for s in sources.iter().filter(|s| !s.file.contains('/')) {
        for (path, leaves) in imports(&s.text) {
            let Some(first) = path.split("::").next() else { continue };
            if path.starts_with("crate") || path.starts_with("super") || path.starts_with("std") {
                continue;
            }
            let target =
                if s.file == "lib" { path.replace("::", "/") } else { format!("{}/{first}", s.file) };
            for leaf in leaves {
                let name =
                    leaf.rsplit("::").next().unwrap_or(&leaf).split(" as ").next().unwrap_or("").to_owned();
                map.insert((s.file.clone(), name), target.clone());
            }
        }
    }
    map
}

/// The full paths a file imports: `use a::{b::C, D}` gives `a::b::C` and `a::D`.
fn full_paths(text: &str) -> Vec<Vec<String>> {
    imports(text)
        .into_iter()
        .flat_map(|(path, leaves)| {
            let leaves = if leaves.is_empty() { vec![String::new()] } else { leaves };
            leaves.into_iter().map(move |leaf| {
                let full = if leaf.is_empty() { path.clone() } else { format!("{path}::{leaf}") };
                full.split("::").map(|p| p.split(" as ").next().unwrap_or(p).to_owned()).collect()
            })
        })
        .collect()
}

/// Every problem: imports from a rung above or beside, and loops between files of a module.
fn problems(sources: &[Source]) -> Vec<String> {
    let files: BTreeSet<&str> = sources.iter().map(|s| s.file.as_str()).collect();
    let reexported = reexports(sources);
    let mut out = Vec::new();
    // File-level edges within each module.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        for parts in full_paths(&s.text) {
            match parts.first().map(String::as_str) {
                Some("crate") => {
                    let head = parts.get(1).cloned().unwrap_or_default();
                    // `crate::Name` is a root re-export: the module it comes from; `crate::*`
                    // imports every root re-export.
                    let root_module = |t: &String| t.split('/').next().unwrap_or_default().to_owned();
                    let modules: BTreeSet<String> = if rung(&head).is_some() {
                        [head].into()
                    } else if head == "*" {
                        reexported
                            .iter()
                            .filter(|((f, _), _)| f == "lib")
                            .map(|(_, t)| root_module(t))
                            .collect()
                    } else {
                        [reexported
                            .get(&("lib".to_owned(), head))
                            .map_or_else(|| "lib".to_owned(), root_module)]
                        .into()
                    };
                    if modules.contains(&s.module) {
                        // A path into the file's own module: an edge to the file it names
                        // (`crate::rules::evaluator::Kind`), or that re-exports it.
                        let target = (2..=parts.len())
                            .rev()
                            .map(|k| parts[1..k].join("/"))
                            .find(|f| files.contains(f.as_str()) && f.contains('/'))
                            .or_else(|| {
                                let (dir, name) =
                                    (parts[1].clone(), parts.get(2).cloned().unwrap_or_default());
                                reexported.get(&(dir, name)).cloned()
                            });
                        if let Some(t) = target.filter(|t| *t != s.file && files.contains(t.as_str())) {
                            edges.entry(s.file.clone()).or_default().insert(t);
                        }
                    }
                    for module in modules.into_iter().filter(|m| *m != s.module) {
                        match (rung(&s.module), rung(&module)) {
                            (Some(a), Some(b)) if b >= a => out.push(format!(
                                "{}: imports crate::{module} (rung {b}) from rung {a}: a module may only import from a rung below",
                                s.file
                            )),
                            (Some(_), Some(_)) => {}
                            _ => out.push(format!("{}: module '{module}' or '{}' has no rung", s.file, s.module)),
                        }
                    }
                }
                Some("super") => {
                    // The directory `super` names: the file's own module directory.
                    let Some((dir, _)) = s.file.rsplit_once('/') else { continue };
                    let head = parts.get(1).cloned().unwrap_or_default();
                    let target = if files.contains(format!("{dir}/{head}").as_str()) {
                        Some(format!("{dir}/{head}"))
                    } else {
                        reexported.get(&(dir.to_owned(), head)).cloned()
                    };
                    if let Some(t) = target.filter(|t| *t != s.file && files.contains(t.as_str())) {
                        edges.entry(s.file.clone()).or_default().insert(t);
                    }
                }
                _ => {}
            }
        }
    }
    // Loops: a depth-first search for a path back to the start.
    for start in edges.keys() {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if next == start {
                    let mut cycle = path.clone();
                    cycle.push(start.clone());
                    // Report each loop once, from its smallest file.
                    if path.iter().all(|p| p >= start) {
                        out.push(format!("files import each other: {}", cycle.join(" -> ")));
                    }
                } else if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    p.push(next.clone());
                    stack.push((next.clone(), p));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn read_dir(root: &Path, dir: &Path, out: &mut Vec<Source>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path: PathBuf = entry.unwrap().path();
        if path.is_dir() {
            read_dir(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push(source(&relative, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn core_src_climbs_the_ladder_without_loops() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    read_dir(&root, &root, &mut sources);
    assert!(sources.len() > 40, "read {} files", sources.len());
    let found = problems(&sources);
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
}

/// CONTRIBUTING.md: no file in `core/src` over 800 lines (a longer file holds more than one
/// concept; split it along the concepts, one file each).
const MAX_LINES: usize = 800;

fn too_long(sources: &[Source]) -> Vec<String> {
    let mut out: Vec<String> = sources
        .iter()
        .map(|s| (s.file.as_str(), s.text.lines().count()))
        .filter(|(_, n)| *n > MAX_LINES)
        .map(|(file, n)| format!("{file}: {n} lines (at most {MAX_LINES})"))
        .collect();
    out.sort();
    out
}

#[test]
fn no_file_in_core_src_is_over_800_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    read_dir(&root, &root, &mut sources);
    let found = too_long(&sources);
    assert!(found.is_empty(), "{} files too long:\n{}", found.len(), found.join("\n"));
}

#[test]
fn a_file_of_801_lines_is_too_long() {
    let text = |n: usize| "x\n".repeat(n);
    let files = [source("rules/long.rs", text(801)), source("rules/short.rs", text(800))];
    assert_eq!(too_long(&files), ["rules/long: 801 lines (at most 800)"]);
}

fn synthetic(files: &[(&str, &str)]) -> Vec<String> {
    problems(&files.iter().map(|(p, t)| source(p, (*t).to_owned())).collect::<Vec<_>>())
}

#[test]
fn a_back_edge_fails() {
    let found = synthetic(&[
        ("catalogue/mod.rs", "mod data;\n"),
        ("catalogue/data.rs", "use crate::rules::Rule;\n"),
        ("rules/mod.rs", "use crate::catalogue::Catalogue;\n"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("catalogue/data: imports crate::rules (rung 5) from rung 2"), "{found:?}");
}

#[test]
fn an_inline_path_and_a_module_of_the_same_rung_fail() {
    let found = synthetic(&[
        ("error.rs", "fn f() -> crate::catalogue::Period { todo!() }\n"),
        ("targets/mod.rs", "use crate::sampling::InspectionPlan;\n"),
    ]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|p| p.starts_with("error: imports crate::catalogue")), "{found:?}");
    assert!(found.iter().any(|p| p.starts_with("targets: imports crate::sampling")), "{found:?}");
}

#[test]
fn a_loop_between_files_fails_even_through_reexports() {
    let found = synthetic(&[
        (
            "targets/mod.rs",
            "mod assess;\nmod observations;\npub use assess::Assessment;\npub use observations::Store;\n",
        ),
        ("targets/assess.rs", "use super::Store;\npub struct Assessment;\n"),
        ("targets/observations.rs", "use super::assess::{Assessment, helper};\n"),
    ]);
    assert_eq!(found, ["files import each other: targets/assess -> targets/observations -> targets/assess"]);
    let three = synthetic(&[
        ("rules/mod.rs", "mod a;\nmod b;\nmod c;\n"),
        ("rules/a.rs", "use super::b::X;\n"),
        ("rules/b.rs", "use super::c::Y;\n"),
        ("rules/c.rs", "use super::a::Z;\n"),
    ]);
    assert_eq!(three, ["files import each other: rules/a -> rules/b -> rules/c -> rules/a"]);
}

#[test]
fn downward_imports_and_comments_pass() {
    let found = synthetic(&[
        ("rules/mod.rs", "mod evaluator;\n// use crate::sampling::X; a comment\n"),
        (
            "rules/evaluator.rs",
            "use crate::{catalogue::Catalogue, error::Result};\nuse crate::context::Context;\n",
        ),
        (
            "sampling/plan.rs",
            "use crate::rules::{Input, Options};\n/// [`x`](crate::communities::Communities)\n",
        ),
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_loop_through_crate_paths_of_the_own_module_fails() {
    let found = synthetic(&[
        ("rules/mod.rs", "mod a;\nmod b;\n"),
        ("rules/a.rs", "use crate::rules::b::X;\n"),
        ("rules/b.rs", "fn f() { crate::rules::a::g() }\n"),
    ]);
    assert_eq!(found, ["files import each other: rules/a -> rules/b -> rules/a"]);
}

#[test]
fn unit_test_modules_may_import_anything() {
    let found = synthetic(&[
        ("calendar/mod.rs", "mod a;\nmod b;\n"),
        ("calendar/a.rs", "use super::b::X;\n"),
        (
            "calendar/b.rs",
            "pub struct X;\n\n#[cfg(test)]\nmod tests {\n    use super::super::a::Y;\n    use crate::rules::Rule;\n}\n",
        ),
    ]);
    assert!(found.is_empty(), "{found:?}");
}
